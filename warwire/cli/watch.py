"""`warwire watch`: saved filters with an Atom feed (`/api/watches/NAME.atom`) and an optional webhook."""
from __future__ import annotations

from typing import List, Optional

import typer

from warwire.cli import EXIT_USAGE, app, console, db_url
from warwire.cli.ingest import open_or_exit
from warwire.errors import WarwireError

watch_app = typer.Typer(no_args_is_help=True, help="Saved filters: an Atom feed each, and new events posted to a "
                                                   "webhook after every extract or link run.")
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Letters, digits, '-' or '_'; the feed is /api/watches/NAME.atom."),
    filters: List[str] = typer.Option([], "--filter", help="The dashboard's filters as NAME=VALUE, joined by '&' or "
                                      "given several times, e.g. --filter 'region=Eastern Ghouta' --filter min_fatalities=5."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST new events as JSON to this URL after each "
                                          "extract or link run."),
) -> None:
    """Save a watch (replacing one of the same name); the events it matches now count as already told."""
    from warwire.export.watches import add_watch

    store = open_or_exit(db_url(ctx))
    try:
        n = add_watch(store, name, "&".join(filters), webhook)
    except WarwireError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_USAGE) from exc
    console.print(f"Watch {name} saved: {n:,} event(s) match now. Feed: /api/watches/{name}.atom")


@watch_app.command("list")
def list_cli(ctx: typer.Context) -> None:
    """The saved watches with their filters."""
    from warwire.store.watches import list_watches

    store = open_or_exit(db_url(ctx), create=False)
    for w in list_watches(store.engine):
        query = "&".join(f"{k}={v}" for k, v in w["filters"].items()) or "(all events)"
        typer.echo(f"{w['name']}\t{query}\t{w['webhook'] or '-'}")  # tab-separated, for scripts


@watch_app.command("remove")
def remove(ctx: typer.Context, name: str = typer.Argument(...)) -> None:
    """Delete a watch."""
    from warwire.store.watches import remove_watch

    store = open_or_exit(db_url(ctx), create=False)
    if not remove_watch(store.engine, name):
        console.print(f"[red]No watch named {name!r}.[/red]")
        raise typer.Exit(EXIT_USAGE)
    console.print(f"Watch {name} removed.")


@watch_app.command("notify")
def notify_cli(ctx: typer.Context) -> None:
    """Post the new events of every webhook watch now (extract and link do it after each run)."""
    from warwire.export.watches import notify_and_report

    notify_and_report(open_or_exit(db_url(ctx), create=False), console)
