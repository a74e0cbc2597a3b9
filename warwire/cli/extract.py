"""`warwire extract`: read sources (or take the store's pending articles) and extract their reports."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import chain
from typing import List, Optional

import typer
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table

from warwire.cli import options
from warwire.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, app, console, db_url, out
from warwire.engine.prepared import article_line  # noqa: F401  (one line of --format jsonl, made by the workers)
from warwire.errors import WarwireError
from warwire.model import Article

INGEST_BATCH = 200
SHOWN = 20
EXIT_INTERRUPTED = 130
Engine = options.choices("Engine", ("local", "dask"))


def _drawn() -> bool:
    """Whether a progress bar is drawn: only on a terminal. Elsewhere (output to a file or a pipe) a transient bar
    shows nothing, but its refresh thread would still lay out the bar's table ten times a second, all run long
    (about a twentieth of the driver's CPU time over 634 articles)."""
    return console.is_terminal


def _bar(what: str) -> Progress:
    return Progress(SpinnerColumn(), TextColumn(f"[bold]{what}[/bold]"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                    TimeRemainingColumn(), TextColumn("{task.description}"), console=console, transient=True,
                    disable=not _drawn())


def _read(sources: list[str], options: dict, rejected: list) -> Iterator[Article]:
    from warwire.ingest import read_sources

    for item in read_sources(sources, **options):
        if isinstance(item, Article):
            yield item
        else:
            rejected.append(item)


def _ingest(sources: list[str], store, options: dict, rejected: list) -> set[str]:
    """Add the sources' articles to the store in batches; returns their ids."""
    ids: set[str] = set()
    batch: list[Article] = []
    with Progress(SpinnerColumn(), TextColumn("[bold]Ingesting[/bold] {task.description}"), TimeElapsedColumn(),
                  console=console, transient=True, disable=not _drawn()) as bar:
        task = bar.add_task("", total=None)
        for article in _read(sources, options, rejected):
            batch.append(article)
            if len(batch) >= INGEST_BATCH:
                store.add_articles(batch)
                ids.update(a.id for a in batch)
                batch = []
                bar.update(task, description=f"{len(ids):,} articles")
        if batch:
            store.add_articles(batch)
            ids.update(a.id for a in batch)
    return ids


def _pack_scope(pack: str) -> AbstractContextManager:
    """``--pack`` as the choice of this run only (``packs.chosen_for_run``); the default, with no other choice in
    the environment, needs nothing set."""
    from warwire.knowledge import packs

    if pack == packs.AUTO and packs.choice() == packs.AUTO:
        return nullcontext()
    return packs.chosen_for_run(pack)


def _pack_name(value: str) -> str:
    """The --pack value checked by the parser: the packs are data (a folder each), so read when a value is given.

    The packs module is light to import (about 4 ms, YAML being loaded by the readers already); its packs are
    read only when one is named."""
    from warwire.knowledge import packs

    if value != packs.AUTO and value not in packs.names():
        raise typer.BadParameter(f"{value!r} is not a knowledge pack; give auto or one of: {', '.join(packs.names())}.")
    return value


@app.command("extract")
def extract_cli(
    ctx: typer.Context,
    sources: Optional[List[str]] = typer.Argument(
        None, help="Files, folders, globs, URLs or '-' for stdin. Without any: every pending article in the store."),
    fmt: options.OutputFormat = typer.Option("table", "--format", help="jsonl: one line per article with its "
                                                                       "reports, on stdout; table: a summary."),
    no_store: bool = typer.Option(False, "--no-store", help="Extract without storing (needs SOURCEs)."),
    no_link: bool = typer.Option(False, "--no-link", help="Do not link the stored reports into events afterwards."),
    engine: Engine = typer.Option("local", "--engine", help="local: a process pool on this machine; "
                                                            "dask: a Dask cluster (--scheduler) or a local one."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes (local pool or local Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, tcp://HOST:PORT."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per task and per store transaction."),
    timeout: float = typer.Option(60.0, "--timeout", min=0,
                                  help="Seconds per article before its worker process is killed and the article "
                                       "recorded as an error (0: no limit, and one worker extracts in this process)."),
    retry_errors: bool = typer.Option(False, "--retry-errors",
                                      help="Also extract again the articles that failed before (see `warwire errors`)."),
    text_col: options.TextCol = None,
    title_col: options.TitleCol = None,
    date_col: options.DateCol = None,
    outlet_col: options.OutletCol = None,
    id_col: options.IdCol = None,
    date: options.Date = None,
    outlet: options.Outlet = None,
    strict: options.Strict = False,
    pack: str = typer.Option("auto", "--pack", callback=_pack_name,
                             help="Knowledge pack: a war's name (syria, yemen ...: the folders of "
                                  "warwire/knowledge/packs) or auto: chosen per article from the places and actors "
                                  "it names."),
) -> None:
    """Extract conflict reports from articles, in parallel, resumably: rerun the same command after a crash."""
    from warwire.engine.run import count_pending, failed, pending, run_extraction

    fmt, engine = fmt.value, engine.value
    if no_store and not sources:
        console.print("[red]--no-store needs SOURCEs to read.[/red]")
        raise typer.Exit(EXIT_USAGE)
    options = dict(text_col=text_col, title_col=title_col, date_col=date_col, outlet_col=outlet_col,
                   id_col=id_col, default_date=date, default_outlet=outlet, strict=strict)
    rejected: list = []
    store = None
    try:
        if no_store:
            articles, total = _read(sources, options, rejected), None
        else:
            from warwire.cli.ingest import open_or_exit

            store = open_or_exit(db_url(ctx), create=bool(sources))  # with nothing to read in, only an existing store
            ids = _ingest(sources, store, options, rejected) if sources else None
            if sources and not ids:
                _print_rejected(rejected)
                console.print("[red]No article could be read from the sources.[/red]")
                raise typer.Exit(EXIT_FAILED)
            articles, total = pending(store, ids), count_pending(store, ids)
            if retry_errors:
                again = failed(store, ids)
                articles, total = chain(again, articles), total + len(again)
    except WarwireError as exc:
        console.print(str(exc), style="red", markup=False)
        raise typer.Exit(EXIT_FAILED) from exc

    def on_line(line: str) -> None:
        sys.stdout.write(line + "\n")

    with _bar("Extracting") as bar:
        task = bar.add_task("", total=total, rate="")

        def progress(n: int) -> None:
            bar.advance(task, n)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:,.1f} articles/s" if speed else "")

        def on_start(summary) -> None:
            bar.update(task, description=f"{summary.engine}, {summary.workers} worker(s)")
            if summary.dashboard:
                console.print(f"Dask dashboard: {summary.dashboard}")

        try:
            with _pack_scope(pack):  # the workers started inside inherit it
                summary = run_extraction(store, articles, engine=engine, workers=workers, scheduler=scheduler,
                                         batch_size=batch_size, timeout=timeout or None, progress=progress,
                                         on_line=on_line if fmt == "jsonl" else None, on_start=on_start)
        except KeyboardInterrupt:
            console.print("Interrupted. Finished batches are stored; run the same command again to resume.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except WarwireError as exc:
            console.print(str(exc), style="red", markup=False)
            raise typer.Exit(EXIT_FAILED) from exc
    sys.stdout.flush()
    # Also after a run with nothing to extract: a killed run may have stored reports it never linked.
    linked = _link(store) if store is not None and not no_link else None
    if linked is not None:
        from warwire.export.watches import notify_and_report

        notify_and_report(store, console)  # webhooks of watches hear of new events; a failure is only reported
    _print_rejected(rejected)
    if summary.errors:
        console.print(f"{summary.errors:,} article(s) failed: list them with `warwire errors`, retry them with "
                      "`warwire extract --retry-errors`.")
    _print_summary(summary, store, linked, console if fmt == "jsonl" else out)
    raise typer.Exit(EXIT_PARTIAL if summary.errors or any(getattr(r, "fatal", True) for r in rejected) else EXIT_OK)


def _link(store):
    """Link the new reports into events (the linker partitions them by date window and place)."""
    from warwire.verify.contradictions import link_and_check

    with Progress(TextColumn("[bold]Linking[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True, disable=not _drawn()) as bar:
        task = bar.add_task("", total=None)
        return link_and_check(store, progress=lambda done, total: bar.update(task, completed=done, total=total))


def _print_rejected(rejected: list) -> None:
    for item in rejected[:SHOWN]:
        line = item.reason if item.where and item.where in item.reason else f"{item.where}: {item.reason}"
        console.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)
    if len(rejected) > SHOWN:
        console.print(f"  ... and {len(rejected) - SHOWN:,} more")


def _print_summary(summary, store, linked, show) -> None:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    rows = [("articles", f"{summary.articles:,}"), ("reports", f"{summary.reports:,}"),
            ("errors", f"{summary.errors:,}"), ("engine", f"{summary.engine}, {summary.workers} worker(s)"),
            ("seconds", f"{summary.seconds:,.1f}"), ("articles/s", f"{summary.rate:,.1f}")]
    if summary.resubmitted:
        rows.append(("batches resubmitted", f"{summary.resubmitted:,}"))
    if store is not None:
        rows.append(("reports in store", f"{store.count_reports():,}"))
    if linked is not None:
        rows += [("events in store", f"{linked.events:,}"), ("linking seconds", f"{linked.seconds:,.1f}")]
    for name, value in rows:
        table.add_row(name, value)
    show.print(table)
