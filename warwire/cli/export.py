"""`warwire export`: events, reports or articles as ACLED CSV, GeoJSON, JSON Lines or Parquet."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from warwire.cli import EXIT_FAILED, EXIT_USAGE, app, console, db_url, options
from warwire.cli.ingest import open_or_exit
from warwire.cli.options import choices
from warwire.errors import E, WarwireError
from warwire.export import FORMATS, WHATS, Filters, check, export
from warwire.model import EVENT_TYPES


What = choices("What", WHATS)
Format = choices("Format", FORMATS)
EventType = choices("EventType", EVENT_TYPES)


@app.command("export")
def export_cli(
    ctx: typer.Context,
    what: What = typer.Option("events", "--what", help="What to export."),
    fmt: Format = typer.Option("jsonl", "--format", "-f", help="Format (articles: jsonl or parquet). acled-csv: "
                               "ACLED's columns, then link_reasons: why each report joined its event (the report it "
                               "linked to and the evidence), to audit the linking; events also carry link_reasons "
                               "in jsonl, geojson and parquet."),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="File to write; stdout when absent (not for parquet)."),
    since: options.Since = None,
    until: options.Until = None,
    admin1: Optional[str] = typer.Option(None, "--admin1", help="Only this governorate (events, reports)."),
    event_type: Optional[EventType] = typer.Option(None, "--event-type", help="Only this ACLED event type (events, "
                                                   "reports)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only records citing this outlet."),
) -> None:
    """Export the store: events with their estimates and contradictions, reports, or articles."""
    what, fmt = what.value, fmt.value
    event_type = event_type.value if event_type is not None else None
    try:
        check(what, fmt)
        if fmt == "parquet" and out is None:
            raise WarwireError(E.E304)
        if out is not None and not Path(out).expanduser().resolve().parent.is_dir():
            raise WarwireError(E.E307, where=out, folder=str(Path(out).expanduser().resolve().parent))
    except WarwireError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_USAGE) from exc
    store = open_or_exit(db_url(ctx), create=False)
    try:
        n = export(store, what, fmt, out, Filters(since=since, until=until, admin1=admin1, event_type=event_type,
                                                   outlet=outlet))
    except OSError as exc:  # the file cannot be written: permissions, a full disk, a folder in its place
        console.print(f"[red]{WarwireError(E.E308, where=out, why=exc.strerror or exc)}[/red]")
        raise typer.Exit(EXIT_FAILED) from None
    if out:
        console.print(f"{n:,} {what} written to {out}")
