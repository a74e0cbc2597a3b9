"""`warwire demo`: the whole job on the bundled sample — ingest, extract, link, score, then serve the dashboard."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer
from rich.console import Console

from warwire.cli import EXIT_FAILED, app, console, db_url, out
from warwire.cli.articles import articles_table
from warwire.cli.ingest import ingest_with_progress, open_or_exit, print_summary
from warwire.errors import WarwireError
from warwire.store import IngestSummary, Store

DEMO_DB = "warwire-demo.db"


def sample_files() -> list[str]:
    """The bundled sample's article files (its README is not an article)."""
    folder = resources.files("warwire") / "data" / "sample"
    return sorted(str(Path(str(f))) for f in folder.iterdir() if f.name.endswith(".txt"))


def run_demo(store: Store, show: Console) -> IngestSummary:
    """Ingest the bundled sample into ``store``, extract and link its reports, score its articles; print it all."""
    from warwire.engine.run import run_extraction
    from warwire.verify.contradictions import link_and_check
    from warwire.verify.credibility import score_store

    summary = ingest_with_progress(sample_files(), store, console)
    print_summary(summary, store, show)
    show.print(articles_table(list(store.iter_articles()), title=f"The store {store.url} holds",
                              width=show.width))
    with console.status("Extracting reports"):
        run = run_extraction(store)
    with console.status("Linking reports into events"):
        linked = link_and_check(store)
    with console.status("Scoring credibility"):
        score_store(store)
    disputed = store.count_events(contradicted=True)
    show.print(f"Extracted {store.count_reports()} reports from {store.count_articles()} articles "
               f"({run.articles} new this run); linked into {linked.events} events, "
               f"{disputed} of them with contradicting sources.")
    show.print("See them with [bold]warwire contradictions[/bold], [bold]warwire export --what events "
               "--format jsonl[/bold], or the dashboard.")
    return summary


@app.command("demo")
def demo_cli(
    ctx: typer.Context,
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Serve the dashboard on the sample afterwards."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to serve on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to serve on."),
) -> None:
    """Try warwire on its bundled sample (25 fictional wire stories), stored in ./warwire-demo.db unless --db."""
    from warwire.api.app import check_port, serve as serve_app

    try:
        if serve:  # before the minutes of work, not after
            check_port(host, port)
    except WarwireError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_FAILED) from None
    store = open_or_exit(db_url(ctx) or DEMO_DB, create=True)
    summary = run_demo(store, out)
    if not summary.read or summary.rejected:
        raise typer.Exit(EXIT_FAILED)
    if serve:
        out.print(f"\nDashboard: [bold]http://{host}:{port}/[/bold]  (API docs at /docs; Ctrl-C to stop)")
        try:
            serve_app(store.url, host=host, port=port)
        except WarwireError as exc:
            console.print(f"[red]{exc}[/red]")
            raise typer.Exit(EXIT_FAILED) from None
