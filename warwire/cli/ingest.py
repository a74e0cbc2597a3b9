"""`warwire ingest`: read sources into the store."""
from __future__ import annotations

from typing import List

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from warwire.cli import options
from warwire.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, app, console, db_url, out
from warwire.errors import WarwireError
from warwire.store import IngestSummary, Store, ingest, open_store
from warwire.store.ingest import BATCH_SIZE

SHOWN_REJECTS = 20
EXIT_INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C


def open_or_exit(url: str | None, create: bool = True) -> Store:
    """The store at ``url``, or exit 3 with the numbered message. Commands that only read a store pass
    ``create`` False: a store that does not exist is said so, not made empty."""
    try:
        return open_store(url, create=create)
    except WarwireError as exc:
        console.print(str(exc), style="red", markup=False)
        raise typer.Exit(EXIT_FAILED) from exc


def ingest_with_progress(sources: list[str], store: Store, err: Console, **options) -> IngestSummary:
    """Run ``ingest`` under a Rich progress line on ``err``."""
    with Progress(SpinnerColumn(), TextColumn("[bold]Ingesting[/bold] {task.description}"),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("", total=None)

        def progress(s: IngestSummary) -> None:
            bar.update(task, description=f"{s.read:,} read, {s.new:,} new, {s.duplicates:,} duplicates, "
                                         f"{len(s.rejected):,} rejected  ({s.rate:,.0f}/s)")

        return ingest(sources, store, progress=progress, **options)


def print_summary(summary: IngestSummary, store: Store, show: Console) -> None:
    """The counts of a run, then the rejected and warned items (first 20 of each, then a count)."""
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for name, value in [("read", summary.read), ("new", summary.new), ("duplicates", summary.duplicates),
                        ("near-duplicates", summary.near_duplicates), ("rejected", len(summary.rejected)),
                        ("warnings", len(summary.warnings))]:
        table.add_row(name, f"{value:,}")
    table.add_row("articles/s", f"{summary.rate:,.0f}")
    table.add_row("in store", f"{store.count_articles():,}")
    show.print(table)
    for title, items in (("Rejected", summary.rejected), ("Warnings", summary.warnings)):
        if not items:
            continue
        show.print(f"[bold]{title}[/bold]")
        for item in items[:SHOWN_REJECTS]:
            # Numbered messages already name the place; others get it in front.
            line = item.reason if item.where and item.where in item.reason else f"{item.where}: {item.reason}"
            show.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)
        if len(items) > SHOWN_REJECTS:
            show.print(f"  ... and {len(items) - SHOWN_REJECTS:,} more")


def exit_code(summary: IngestSummary) -> int:
    if summary.read == 0:
        return EXIT_FAILED
    return EXIT_PARTIAL if summary.rejected else EXIT_OK


@app.command("ingest")
def ingest_cli(
    ctx: typer.Context,
    sources: List[str] = typer.Argument(..., help="Files, folders, globs, URLs or '-' for stdin."),
    text_col: options.TextCol = None,
    title_col: options.TitleCol = None,
    date_col: options.DateCol = None,
    outlet_col: options.OutletCol = None,
    id_col: options.IdCol = None,
    date: options.Date = None,
    outlet: options.Outlet = None,
    strict: options.Strict = False,
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1,
                                   help="Articles per transaction; an interrupted run keeps every committed batch."),
) -> None:
    """Read articles into the store. Idempotent: a rerun adds only what is new."""
    store = open_or_exit(db_url(ctx), create=True)
    options = dict(text_col=text_col, title_col=title_col, date_col=date_col, outlet_col=outlet_col,
                   id_col=id_col, default_date=date, default_outlet=outlet, strict=strict, batch_size=batch_size)
    try:
        summary = ingest_with_progress(sources, store, console, **options)
    except WarwireError as exc:
        console.print(f"[red]{exc}[/red]")
        console.print(f"The store holds {store.count_articles():,} articles; batches committed before the "
                      "error are kept.")
        raise typer.Exit(EXIT_FAILED) from exc
    except KeyboardInterrupt:
        console.print(f"Interrupted. The store holds {store.count_articles():,} articles; run the same "
                      "command again to add the rest.")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    print_summary(summary, store, out)
    raise typer.Exit(exit_code(summary))
