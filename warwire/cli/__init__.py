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
import re
import sys
import threading
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Optional

import typer
import typer.core
from rich.console import Console

import warwire

_shown_type = getattr(typer.core.TyperOption, "display_type_rich", None)


def _no_type_for_flags(self, ctx):
    # Typer's help panel prints "<bool>" after every on/off flag (--strict, --help), as if it took a value.
    return None if self.is_flag else _shown_type(self, ctx)


if _shown_type is not None:  # a Typer without the hook prints its help as it always has
    typer.core.TyperOption.display_type_rich = _no_type_for_flags


class _PlainValue:
    """The value of a command-line parameter of a plain kind (text, a whole or decimal number, a flag, a choice, a
    list of texts) as Typer's own coercion makes it, without Typer's coercion: Typer builds a Pydantic validator
    for every parameter of the command run, given or not, and importing Pydantic is a tenth of a second of every
    command's start (a twelfth of a one-article ``extract``). A value read otherwise than plainly (a number out of
    its range, a choice not offered, a word for a number, a path, a file, a parser of its own) goes to Typer's
    coercion, which reads it or says what is wrong with it as it always has."""

    _OTHER = object()  # not plainly read: Typer's coercion reads it

    def __init__(self, param) -> None:
        self.param = param
        descriptor = param.type_descriptor
        self.info = descriptor.parameter_info
        annotation = descriptor.annotation
        self.many = typing.get_origin(annotation) is list
        self.kind = typing.get_args(annotation)[0] if self.many and len(typing.get_args(annotation)) == 1 \
            else annotation
        self._typer = None

    @classmethod
    def reads(cls, param) -> bool:
        """Whether a parameter is of a kind read here (else Typer's coercion reads every value of it)."""
        descriptor = getattr(param, "type_descriptor", None)
        info = getattr(descriptor, "parameter_info", None)
        if descriptor is None or info is None or descriptor.file_annotation is not None \
                or getattr(info, "parser", None) is not None or getattr(info, "clamp", False):
            return False
        annotation = descriptor.annotation
        if _typer_private.routes_to_path(annotation, info):
            return False
        if typing.get_origin(annotation) is list:
            return typing.get_args(annotation) == (str,)
        return annotation in (str, bool, int, float) or isinstance(annotation, type) and issubclass(annotation, Enum)

    def coerce(self, value, param, ctx):
        many = param.multiple or param.nargs == -1
        if value is None:
            return () if many else None
        got = self._OTHER
        if self.many and many and isinstance(value, (list, tuple)):
            if all(type(v) is str for v in value):
                got = list(value)
        elif not many:
            got = self._one(value, ctx)
        if got is self._OTHER:
            if self._typer is None:
                self._typer = _typer_private.build_runtime_param(self.param.type_descriptor)
            return self._typer.coerce(value, param=param, ctx=ctx)
        return got

    def _one(self, value, ctx):
        kind = self.kind
        if kind is str or kind is bool:
            return value if type(value) is kind else self._OTHER
        if kind is int or kind is float:
            if type(value) is str and _PLAIN_NUMBER[kind].fullmatch(value):
                value = kind(value)
            elif type(value) is int or type(value) is kind:
                value = kind(value)
            else:
                return self._OTHER
            low, high = self.info.min, self.info.max
            return self._OTHER if low is not None and value < low or high is not None and value > high else value
        if isinstance(value, kind):  # a choice (an Enum): one of its members
            return value
        if type(value) is str:
            try:
                return _typer_private.coerce_cli_choice(value, choices=list(kind),
                                                        case_sensitive=self.info.case_sensitive, ctx=ctx)
            except ValueError:
                return self._OTHER
        return self._OTHER


# The numbers read plainly: digits, without a sign or leading zeros (and for a decimal number, one point inside).
_PLAIN_NUMBER = {int: re.compile(r"0|[1-9][0-9]*"), float: re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")}


@dataclass(frozen=True)
class _TyperPrivate:
    """The parts of Typer's own, unpublished coercion that ``_PlainValue`` stands in for or hands values to."""

    parameter: type  # the class whose ``get_runtime_param`` picks how a parameter's values are read
    get_runtime_param: typing.Callable
    routes_to_path: typing.Callable
    coerce_cli_choice: typing.Callable
    build_runtime_param: typing.Callable


def _find_typer_private() -> Optional[_TyperPrivate]:
    """Typer's private names the plain reading needs, or None when this Typer lacks any of them (they are not
    Typer's public API: another release may rename or drop them). None of them imports Pydantic."""
    try:
        from typer._coercion import build_runtime_param
        from typer._param_types import coerce_cli_choice, routes_to_path

        parameter = typer.core._TyperParameter
        return _TyperPrivate(parameter, parameter.get_runtime_param, routes_to_path, coerce_cli_choice,
                             build_runtime_param)
    except (ImportError, AttributeError):
        return None


def _plain_runtime_param(self):
    if getattr(self, "_runtime_param", None) is None and _PlainValue.reads(self):
        self._runtime_param = _PlainValue(self)
    return _typer_private.get_runtime_param(self)


# Why the plain reading exists: Typer reads every option through a Pydantic validator it builds per parameter of
# the command run, and importing Pydantic and building those validators costs about 0.15 CPU-s of every command's
# start. It is installed only on a Typer that has every private name it needs; on any other Typer nothing is
# replaced and Typer reads every value itself (the same values, a little slower to start).
_typer_private = _find_typer_private()
if _typer_private is not None:
    _typer_private.parameter.get_runtime_param = _plain_runtime_param


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
