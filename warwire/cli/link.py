"""`warwire link`: link stored reports into events."""
from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warwire.cli import app, console, db_url, out
from warwire.cli.ingest import open_or_exit
from warwire.verify.contradictions import link_and_check


@app.command("link")
def link_cli(
    ctx: typer.Context,
    full: bool = typer.Option(False, "--full", help="Relink every report from scratch instead of only the new ones."),
) -> None:
    """Link the reports not yet in an event into events (across articles and outlets), with contradictions."""
    store = open_or_exit(db_url(ctx), create=False)
    with Progress(TextColumn("[bold]Linking[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("", total=None)
        summary = link_and_check(store, full=full, progress=lambda done, total: bar.update(task, completed=done, total=total))
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for name, value in [("reports", summary.reports), ("new reports", summary.new_reports),
                        ("events written", summary.events_written), ("events removed", summary.events_removed),
                        ("events in store", summary.events), ("contradictions", summary.contradictions)]:
        table.add_row(name, f"{value:,}")
    table.add_row("seconds", f"{summary.seconds:,.1f}")
    out.print(table)
    from warwire.export.watches import notify_and_report

    notify_and_report(store, console)  # webhooks of watches hear of new events; a failure is only reported
