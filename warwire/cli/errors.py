"""`warwire errors`: the articles whose extraction failed (raised, timed out, or killed its worker)."""
from __future__ import annotations

import json

import typer
from rich.table import Table

from warwire.cli import EXIT_OK, EXIT_PARTIAL, app, console, db_url, out
from warwire.cli.ingest import open_or_exit
from warwire.cli.options import OutputFormat


@app.command("errors")
def errors_cli(
    ctx: typer.Context,
    fmt: OutputFormat = typer.Option("table", "--format", help="table, or jsonl: one {article_id, origin, title, "
                                                               "error, updated_at} per line."),
) -> None:
    """List the articles whose extraction failed. Exit code 1 when there is any."""
    fmt = fmt.value
    store = open_or_exit(db_url(ctx), create=False)
    failed = store.errors()
    if fmt == "jsonl":
        for row in failed:
            out.print(json.dumps(row, ensure_ascii=False, default=str), markup=False, highlight=False,
                      soft_wrap=True)
    elif failed:
        table = Table("article", "origin", "error")
        for row in failed:
            table.add_row(row["article_id"], row.get("origin") or "", row.get("error") or "")
        out.print(table)
        console.print(f"{len(failed):,} failed article(s). Reruns of `warwire extract` skip them; "
                      "`warwire extract --retry-errors` (with a longer --timeout, say) tries them again.")
    else:
        console.print("No failed extractions.")
    raise typer.Exit(EXIT_PARTIAL if failed else EXIT_OK)
