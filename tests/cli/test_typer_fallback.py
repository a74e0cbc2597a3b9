"""On a Typer without the private names the plain reading of option values needs, the command line leaves Typer's
own reading in place and still starts, shows its help and reads its options."""
from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

# Imports the command line with one of Typer's private names gone (as from a Typer release without it: the module
# as the import sees it lacks the name), puts Typer's module back, says whether Typer still reads option values
# itself and runs the command.
_PROBE = """
import importlib, os, sys, types
import typer.core
own = typer.core.TyperOption.get_runtime_param
real = importlib.import_module({module!r})
stand_in = types.ModuleType(real.__name__)
stand_in.__dict__.update((k, v) for k, v in vars(real).items() if k != {name!r})
parent, _, leaf = real.__name__.rpartition(".")
sys.modules[real.__name__] = stand_in
setattr(sys.modules[parent], leaf, stand_in)
sys.argv = ["warwire", *{args!r}]
from warwire.cli import main
sys.modules[real.__name__] = real
setattr(sys.modules[parent], leaf, real)
print("TYPER_READS", typer.core.TyperOption.get_runtime_param is own, flush=True)
exit_now = os._exit
os._exit = lambda code=0: (print("EXIT", code, flush=True), exit_now(code))
try:
    main()
except SystemExit as exc:
    print("EXIT", exc.code or 0, flush=True)
"""

MISSING = [("typer.core", "_TyperParameter"), ("typer._param_types", "routes_to_path"),
           ("typer._param_types", "coerce_cli_choice"), ("typer._coercion", "build_runtime_param")]


def _run(module, name, *args):
    try:
        present = hasattr(importlib.import_module(module), name)
    except ImportError:
        present = False
    if not present:
        pytest.skip(f"this Typer has no {module}.{name}: the command line reads it as the other tests show")
    out = subprocess.run([sys.executable, "-c", _PROBE.format(module=module, name=name, args=list(args))],
                         capture_output=True, text=True, timeout=300)
    assert "TYPER_READS True" in out.stdout, out.stdout + out.stderr
    return out


@pytest.mark.parametrize(("module", "name"), MISSING, ids=[n for _, n in MISSING])
def test_without_a_private_name_the_help_is_typers_own(module, name):
    out = _run(module, name, "extract", "--help")
    assert "EXIT 0" in out.stdout and "--workers" in out.stdout, out.stdout + out.stderr


@pytest.mark.parametrize(("module", "name"), MISSING, ids=[n for _, n in MISSING])
def test_without_a_private_name_options_are_still_read(module, name, tmp_path):
    source = tmp_path / "none.jsonl"
    source.write_text("", encoding="utf-8")
    good = _run(module, name, "extract", "--format", "jsonl", "--no-store", "--workers", "1", "--pack", "auto",
                str(source))
    # The command itself ran on the options read (and stopped at the empty file, as it does on any Typer).
    assert "EXIT 1" in good.stdout and "file is empty" in good.stdout + good.stderr, good.stdout + good.stderr
    assert "1 worker(s)" in good.stdout + good.stderr, good.stdout + good.stderr
    bad = _run(module, name, "extract", "--format", "jsonl", "--no-store", "--workers", "many", str(source))
    assert "EXIT 2" in bad.stdout and "'--workers'" in bad.stderr, bad.stdout + bad.stderr  # Typer's own error
