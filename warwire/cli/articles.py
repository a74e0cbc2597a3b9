"""`warwire articles`: list stored articles, or show one."""
from __future__ import annotations

import re
from typing import Optional

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from warwire.cli import EXIT_FAILED, app, console, db_url, options, out
from warwire.cli.ingest import open_or_exit
from warwire.errors import E, WarwireError
from warwire.model import Article

# Control characters (ESC, BEL, ...) a stored string might still hold (stores written by older versions):
# printed raw they would drive the terminal, so they are shown as escapes.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters shown as ``\\x1b``-style escapes, newlines and tabs kept."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


articles_app = typer.Typer(help="List the stored articles, or show one with `warwire articles show ID`.")
app.add_typer(articles_app, name="articles")


def articles_table(articles: list[Article], title: str | None = None, width: int = 100) -> Table:
    """One row per article; headings are cut to fit ``width`` columns (the console's)."""
    copies = any(a.duplicate_of for a in articles)
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", no_wrap=True)
    table.add_column("title", no_wrap=True)
    if copies:
        table.add_column("copy of", style="dim", no_wrap=True)
    # id 16, date 10, outlet up to 16, copy-of 8 (the original's id, shortened), and 3 of padding per column
    room = max(16, width - 16 - 10 - 16 - (8 if copies else 0) - 3 * len(table.columns))
    for a in articles:
        heading = " ".join((a.title or a.text).split())
        cells = [escape(printable(a.id)), a.published or "", escape(_cut(printable(a.outlet or ""), 16)),
                 escape(_cut(printable(heading), room))]
        table.add_row(*cells, *([(a.duplicate_of or "")[:8]] if copies else []))
    return table


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


@articles_app.callback(invoke_without_command=True)
def articles_cli(
    ctx: typer.Context,
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only this outlet (exact name)."),
    since: options.Since = None,
    until: options.Until = None,
    query: Optional[str] = typer.Option(None, "--query", "-q", help="Words in the title or text (case-insensitive)."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many rows."),
) -> None:
    """List stored articles, oldest first."""
    if ctx.invoked_subcommand:
        return
    store = open_or_exit(db_url(ctx), create=False)
    filters = dict(outlet=outlet, since=since, until=until, query=query)
    rows = list(store.iter_articles(limit=limit, **filters))
    total = store.count_articles(**filters)
    out.print(articles_table(rows, title=f"{len(rows):,} of {total:,} articles", width=out.width))


@articles_app.command("show")
def show_cli(ctx: typer.Context, article_id: str = typer.Argument(..., metavar="ID", help="An article id.")) -> None:
    """Print one article: its fields, then its text."""
    store = open_or_exit(db_url(ctx), create=False)
    article = store.get_article(article_id)
    if article is None:
        console.print(f"[red]{WarwireError(E.E102, id=article_id)}[/red]")
        raise typer.Exit(EXIT_FAILED)
    fields = Table(show_header=False, box=None, pad_edge=False)
    fields.add_column(style="bold")
    fields.add_column()
    for name in ("id", "source_id", "outlet", "title", "published", "metadata_date", "dateline", "url",
                 "origin", "duplicate_of"):
        value = getattr(article, name)
        if value:
            fields.add_row(name, escape(printable(", ".join(value) if isinstance(value, list) else str(value))))
    out.print(fields)
    out.print()
    out.print(printable(article.text), markup=False, highlight=False)
