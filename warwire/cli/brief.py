"""`warwire brief`: a dated situation brief of a period and an area, every sentence citing its sources."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import typer

from warwire.cli import EXIT_USAGE, app, console, db_url
from warwire.cli.ingest import open_or_exit
from warwire.cli.options import choices
from warwire.errors import WarwireError

BriefFormat = choices("BriefFormat", ("md", "html", "json"))  # export/brief.py's FORMATS, without importing it


def _day(value: Optional[str], name: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        console.print(f"[red]{name} {value!r} is not a date: give YYYY-MM-DD.[/red]")
        raise typer.Exit(EXIT_USAGE) from None


@app.command("brief")
def brief_cli(
    ctx: typer.Context,
    since: Optional[str] = typer.Option(None, "--since", help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day (YYYY-MM-DD)."),
    admin1: Optional[str] = typer.Option(None, "--admin1", help="Only this governorate, e.g. 'Rural Damascus'."),
    region: Optional[str] = typer.Option(None, "--region", help="Only this named region of the knowledge pack, "
                                         "e.g. 'Eastern Ghouta'."),
    bbox: Optional[str] = typer.Option(None, "--bbox", help="Only this box: min_lon,min_lat,max_lon,max_lat."),
    fmt: BriefFormat = typer.Option("md", "--format", "-f", help="md (footnotes), html (links) or json."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write; stdout when absent."),
    base_url: str = typer.Option("", "--base-url", help="Prefix of the links, e.g. http://127.0.0.1:8000 of "
                                 "`warwire serve`."),
) -> None:
    """Write a situation brief: totals (low/best/high), the main events day by day, who did what, where sources
    disagree, coverage gaps. Every sentence cites the events, reports or articles it rests on."""
    from warwire.api.filters import EventFilters, parse_bbox, region_filter
    from warwire.export.brief import brief_of

    fmt = fmt.value
    if sum(x is not None for x in (admin1, region, bbox)) > 1:
        console.print("[red]Give at most one of --admin1, --region, --bbox.[/red]")
        raise typer.Exit(EXIT_USAGE)
    try:
        name, area = region_filter(region)
        a, b = _day(since, "--since"), _day(until, "--until")
        filters = EventFilters(since=a, until=b, admin1=admin1, region=name, area=area, bbox=parse_bbox(bbox))
    except WarwireError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_USAGE) from exc
    store = open_or_exit(db_url(ctx), create=False)
    with store.connect() as conn:
        text = brief_of(conn, filters, fmt, base_url=base_url)
    if out:
        out.write_text(text, encoding="utf-8")
        console.print(f"Brief written to {out}")
    else:
        typer.echo(text, nl=False)
