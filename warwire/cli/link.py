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


@app.command("merge")
def merge_cli(
    ctx: typer.Context,
    events: list[str] = typer.Argument(..., help="Ids of the events that are one happening (two or more)."),
) -> None:
    """Merge events that are one happening into one, for good: every later link keeps their reports together."""
    from warwire.cli import EXIT_USAGE
    from warwire.errors import WarwireError
    from warwire.link.overrides import merge_events
    from warwire.verify.contradictions import with_contradictions

    store = open_or_exit(db_url(ctx), create=False)
    try:
        written = merge_events(store, events, annotate=with_contradictions)
    except WarwireError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_USAGE) from exc
    for e in written:
        out.print(f"{e.id}  {e.date_start}  {e.sub_event_type}  {len(e.reports)} reports")


@app.command("split")
def split_cli(
    ctx: typer.Context,
    event: str = typer.Argument(..., help="Id of the event holding another happening's reports."),
    reports: list[str] = typer.Argument(..., help="Ids of the reports to take out (ARTICLE:INDEX), some of the event's."),
) -> None:
    """Take reports out of an event into an event of their own, for good: every later link keeps them apart."""
    from warwire.cli import EXIT_USAGE
    from warwire.errors import WarwireError
    from warwire.link.overrides import split_event
    from warwire.verify.contradictions import with_contradictions

    store = open_or_exit(db_url(ctx), create=False)
    try:
        written = split_event(store, event, reports, annotate=with_contradictions)
    except WarwireError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_USAGE) from exc
    for e in written:
        out.print(f"{e.id}  {e.date_start}  {e.sub_event_type}  {len(e.reports)} reports")
