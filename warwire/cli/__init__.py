"""The ``warwire`` command: a Typer app whose commands are thin wrappers over importable functions.

Each command lives in its own module in this package, named after the command, and registers
itself on ``app``. The modules are imported when the app's commands are first asked for; the
``warwire`` script imports only the module of the command it runs (``--version`` none), so a
command pays at start-up only for what it uses.
"""
from __future__ import annotations

import gc
import importlib
import os
import pkgutil
import sys
import threading
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


class _Commands(typer.Typer):
    """A Typer app that imports its command modules when its commands are first read."""

    _loading = False
    _loaded = False

    def _load(self, names: list[str] | None = None) -> None:
        if self._loaded or self._loading:
            return
        self._loading = True
        try:
            for name in names if names is not None else [m.name for m in pkgutil.iter_modules(__path__)]:
                importlib.import_module(f"{__name__}.{name}")
        finally:
            self._loading, self._loaded = False, True

    @property
    def registered_commands(self) -> list:
        self._load()
        return self.__dict__["registered_commands"]

    @registered_commands.setter
    def registered_commands(self, value: list) -> None:
        self.__dict__["registered_commands"] = value

    @property
    def registered_groups(self) -> list:
        self._load()
        return self.__dict__["registered_groups"]

    @registered_groups.setter
    def registered_groups(self, value: list) -> None:
        self.__dict__["registered_groups"] = value


app = _Commands(no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
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


def _needed(argv: list[str]) -> list[str] | None:
    """The command modules a command line needs: none for ``--version``, the command's own, or all."""
    args = iter(argv)
    for arg in args:
        if arg == "--db":
            next(args, None)
        elif arg == "--version":
            return []
        elif not arg.startswith("-"):
            return [arg] if arg in {m.name for m in pkgutil.iter_modules(__path__)} else None
    return None


def main() -> None:
    needed = _needed(sys.argv[1:])
    if needed != []:  # a command, not --version: its patterns are built from the kept programs
        from warwire.knowledge.programs import keep_programs

        keep_programs()
    app._load(needed)
    try:
        app()
    except SystemExit as exc:
        _save_programs()
        _exit(exc)
    _save_programs()
    raise SystemExit(0)


def _save_programs() -> None:
    programs = sys.modules.get("warwire.knowledge.programs")
    if programs is not None:
        programs.save_programs()


def _exit(exc: SystemExit) -> None:
    """Exit without the interpreter's teardown of the model and knowledge (a collection and a release of
    every object: a large part of a short command's time), once the output is flushed. Only when nothing
    needs closing: no store was opened, no worker process or thread is running but daemon threads (which the
    interpreter abandons at exit too: a progress bar's refresh thread, stopped but not yet ended, is one)."""
    code = exc.code
    quick = (isinstance(code, int) or code is None) and "warwire.store" not in sys.modules \
        and all(t.daemon for t in threading.enumerate() if t is not threading.main_thread()) \
        and ("multiprocessing" not in sys.modules or not sys.modules["multiprocessing"].active_children())
    if not quick:
        gc.freeze()  # the collection at exit skips what is frozen
        raise exc
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        raise exc from None  # let the interpreter report a closed output as it always does
    os._exit(code or 0)
