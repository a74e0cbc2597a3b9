"""`warwire demo`: load the bundled sample into a store and show what it holds."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer
from rich.console import Console

from warwire.cli import EXIT_FAILED, EXIT_OK, app, console, db_url, out
from warwire.cli.articles import articles_table
from warwire.cli.ingest import ingest_with_progress, open_or_exit, print_summary
from warwire.store import IngestSummary, Store

DEMO_DB = "warwire-demo.db"


def sample_files() -> list[str]:
    """The bundled sample's article files (its README is not an article)."""
    folder = resources.files("warwire") / "data" / "sample"
    return sorted(str(Path(str(f))) for f in folder.iterdir() if f.name.endswith(".txt"))


def run_demo(store: Store, show: Console) -> IngestSummary:
    """Ingest the bundled sample into ``store`` and print what the store holds."""
    summary = ingest_with_progress(sample_files(), store, console)
    print_summary(summary, store, show)
    show.print(articles_table(list(store.iter_articles()), title=f"The store {store.url} holds",
                              width=show.width))
    return summary


@app.command("demo")
def demo_cli(ctx: typer.Context) -> None:
    """Try warwire on its bundled sample (24 fictional wire stories); stores them in ./warwire-demo.db unless --db."""
    store = open_or_exit(db_url(ctx) or DEMO_DB)
    summary = run_demo(store, out)
    raise typer.Exit(EXIT_OK if summary.read and not summary.rejected else EXIT_FAILED)
