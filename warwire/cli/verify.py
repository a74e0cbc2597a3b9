"""`warwire verify --against FILE`: verdicts of the stored reports against reference records."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warwire.cli import EXIT_FAILED, app, console, db_url, out
from warwire.cli.ingest import open_or_exit
from warwire.errors import E, WarwireError
from warwire.verify.reference import VERDICTS, verify_store


@app.command("verify")
def verify_cli(
    ctx: typer.Context,
    against: Path = typer.Option(..., "--against", help="Reference records: an ACLED export CSV, a UCDP GED CSV "
                                 "or a warwire events/reports JSONL."),
    as_json: bool = typer.Option(False, "--json", help="Print every verdict and the per-article counts as JSON."),
    save: bool = typer.Option(True, "--save/--no-save", help="Write each event's verdict into the store."),
) -> None:
    """Check every stored report against reference records: supported, contradicted (which field, by how
    much) or not found."""
    if not against.is_file():
        what = "an ACLED export CSV, a UCDP GED CSV or a warwire events JSONL"
        console.print(f"[red]{WarwireError(E.E306, where=str(against), what=what)}[/red]")
        raise typer.Exit(EXIT_FAILED)
    store = open_or_exit(db_url(ctx), create=False)
    try:
        with Progress(TextColumn("[bold]Verifying[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as bar:
            task = bar.add_task("", total=None)
            result = verify_store(store, against, save=save,
                                  progress=lambda done, total: bar.update(task, completed=done, total=total))
    except WarwireError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_FAILED) from exc
    if as_json:
        out.print_json(json.dumps(result.to_dict()))
        return
    counts, n = result.counts, max(1, len(result.verdicts))
    table = Table(title=f"{len(result.verdicts):,} reports against {result.reference} ({result.rows:,} rows)")
    table.add_column("verdict", style="bold")
    table.add_column("reports", justify="right")
    table.add_column("share", justify="right")
    for verdict in VERDICTS:
        table.add_row(verdict, f"{counts[verdict]:,}", f"{counts[verdict] / n:.1%}")
    for fieldname, k in result.fields().items():
        table.add_row(f"  contradicted on {fieldname}", f"{k:,}", f"{k / n:.1%}")
    out.print(table)
    flagged = sum(1 for c in result.articles.values() if c["contradicted"])
    out.print(f"articles: {len(result.articles):,}, with a contradicted report: {flagged:,}; "
              f"events updated: {result.events_updated:,}")
