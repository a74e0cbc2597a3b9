"""`warwire credibility`: score every stored article's credibility from interpretable signals."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warwire.cli import EXIT_FAILED, app, console, db_url, out
from warwire.cli.ingest import open_or_exit
from warwire.errors import E, WarwireError
from warwire.verify.credibility import MODEL, load_model, score_store

# Said as it is: the help must not promise a trained model the package does not hold.
_DEFAULT = "the trained model shipped with warwire" if MODEL.is_file() else \
    "the hand-weighted formula; no trained model ships with this version"


@app.command("credibility")
def credibility_cli(
    ctx: typer.Context,
    model: Optional[Path] = typer.Option(None, "--model", help="A model JSON written by scripts/train_credibility.py "
                                         f"(default: {_DEFAULT})."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Score every stored article (credible / doubtful, with its signals) and save it with the article."""
    if model is not None and not model.is_file():
        console.print(f"[red]{WarwireError(E.E306, where=str(model), what='a model JSON written by scripts/train_credibility.py')}[/red]")
        raise typer.Exit(EXIT_FAILED)
    store = open_or_exit(db_url(ctx), create=False)
    chosen = load_model(model)
    with Progress(TextColumn("[bold]Scoring[/bold]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("", total=None)
        summary = score_store(store, chosen, progress=lambda done, total: bar.update(task, completed=done, total=total))
    if as_json:
        out.print_json(json.dumps(summary))
        return
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for name in ("articles", "credible", "doubtful", "mean_score", "model"):
        value = summary[name]
        table.add_row(name, f"{value:,}" if isinstance(value, int) else str(value))
    out.print(table)
