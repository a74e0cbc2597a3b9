"""`warwire credibility`: score every stored article's credibility from interpretable signals."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warwire.cli import app, console, db_url, out
from warwire.cli.ingest import open_or_exit
from warwire.verify.credibility import load_model, score_store


@app.command("credibility")
def credibility_cli(
    ctx: typer.Context,
    model: Optional[Path] = typer.Option(None, "--model", help="A model JSON written by scripts/train_credibility.py "
                                         "(default: the shipped one; without it, the hand-weighted formula)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Score every stored article (credible / doubtful, with its signals) and save it with the article."""
    store = open_or_exit(db_url(ctx))
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
