"""The command line reads plain option values (texts, numbers, flags, choices) without Typer's Pydantic coercion,
to the same values, and leaves every other value to Typer, errors and all."""
from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from warwire.cli import _PlainValue, _typer_private, app

# On a Typer without the private names the plain reading needs, Typer reads every value itself: nothing to compare.
needs_plain_reading = pytest.mark.skipif(_typer_private is None, reason="this Typer reads every value itself")

# Values as a command line, an environment variable or a default gives them.
SAMPLES = [None, "", "jsonl", "table", "JSONL", "local", "dask", "auto", "7", "0", "007", "-3", "+4", "2.5", "0.0",
           "1e3", " 8", "abc", "true", "no", 3, 0, -1, 2.0, 60.0, True, False, ["a", "b"], ("x",), [], ()]


def _params():
    if _typer_private is None:
        return
    group = typer.main.get_command(app)
    for name, command in sorted(group.commands.items()):
        for param in command.params:
            if _PlainValue.reads(param):
                yield pytest.param(command, param, id=f"{name}-{param.name}")


def _coerced(runtime, value, param, ctx):
    try:
        return "value", runtime.coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # noqa: BLE001 - the error is part of the behaviour compared
        return "error", type(exc).__name__, str(exc)


@needs_plain_reading
@pytest.mark.parametrize(("command", "param"), list(_params()))
def test_a_plain_value_reads_as_typer_reads_it(command, param):
    ctx = command.make_context(command.name, [], resilient_parsing=True)
    typer_runtime, plain = _typer_private.build_runtime_param(param.type_descriptor), _PlainValue(param)
    for value in SAMPLES:
        got, want = _coerced(plain, value, param, ctx), _coerced(typer_runtime, value, param, ctx)
        assert got == want and type(got[-1]) is type(want[-1]), (param.name, value)


@needs_plain_reading
def test_the_extract_command_line_imports_no_pydantic(tmp_path):
    source = tmp_path / "none.jsonl"
    source.write_text("", encoding="utf-8")
    probe = ("import sys, os\n"
             "sys.argv = ['warwire', 'extract', '--format', 'jsonl', '--no-store', '--workers', '1', "
             f"'--timeout', '30', '--pack', 'auto', {str(source)!r}]\n"
             "from warwire.cli import main\n"
             "os._exit = lambda code=0: (print('PYDANTIC', 'pydantic' in sys.modules, flush=True), exit(code))\n"
             "try:\n    main()\nexcept SystemExit:\n    print('PYDANTIC', 'pydantic' in sys.modules, flush=True)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    assert "PYDANTIC False" in out.stdout, out.stdout + out.stderr

