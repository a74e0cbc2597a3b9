"""Options with a fixed set of values: `--help` lists them and a bad value is refused by the parser, cleanly."""
from __future__ import annotations

import pytest

from .cli_runner import run

CHOICES = [
    (["extract"], "--engine", ["local", "dask"]),
    (["extract"], "--format", ["table", "jsonl"]),
    (["errors"], "--format", ["table", "jsonl"]),
    (["brief"], "--format", ["md", "html", "json"]),
    (["export"], "--event-type", ["Battles", "Protests"]),
    (["extract"], "--pack", ["auto", "syria"]),  # the packs are folders: checked by the parser when given
]


@pytest.mark.parametrize("command,option,values", CHOICES, ids=lambda x: x if isinstance(x, str) else None)
def test_help_lists_the_values(command, option, values):
    shown = " ".join(run(*command, "--help").output.split())  # the help box wraps lines
    assert option in shown
    for value in values:
        assert value in shown, (option, value)


@pytest.mark.parametrize("command,option,values", CHOICES, ids=lambda x: x if isinstance(x, str) else None)
def test_a_bad_value_is_refused_before_the_store_is_opened(tmp_path, command, option, values):
    result = run("--db", tmp_path / "never.db", *command, option, "bogus")
    assert result.exit_code == 2, result.output
    shown = " ".join(result.output.split())
    assert "Invalid value" in shown and "bogus" in shown and values[0] in shown
    assert "Traceback" not in shown
    assert not (tmp_path / "never.db").exists()
