"""The ``warwire`` command: a Typer app whose commands are thin wrappers over importable functions.

Each command lives in its own module in this package and registers itself on ``app``.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Optional

import typer
import typer.core
from rich.console import Console

import warwire

_shown_type = typer.core.TyperOption.display_type_rich


def _no_type_for_flags(self, ctx):
    # Typer's help panel prints "<bool>" after every on/off flag (--strict, --help), as if it took a value.
    return None if self.is_flag else _shown_type(self, ctx)


typer.core.TyperOption.display_type_rich = _no_type_for_flags

app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
                  help="Conflict events from war reporting: geolocated, attributed, cross-checked.")
console = Console(stderr=True)
out = Console()

# Exit codes: 0 success, 1 finished but some input was rejected or a check failed, 2 usage error,
# 3 nothing could be done (no readable input, store unreachable).
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


def _version(value: bool) -> None:
    if value:
        out.print(f"warwire {warwire.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", envvar="WARWIRE_DB",
                                     help="Store: a SQLite path or a postgresql:// URL. Default ./warwire.db."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    ctx.obj = {"db": db}


def db_url(ctx: typer.Context) -> Optional[str]:
    """The --db given to the root command (or WARWIRE_DB), for commands to open the store with."""
    return (ctx.obj or {}).get("db")


for _mod in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_mod.name}")


def main() -> None:
    app()
