"""`warwire serve`: the command over ``serve()``."""
from __future__ import annotations

from typer.testing import CliRunner

from warwire.cli import EXIT_FAILED, app


def test_serve_says_which_store_it_cannot_open():
    result = CliRunner().invoke(app, ["--db", "postgresql://nobody@127.0.0.1:1/none", "serve", "--port", "8123"])
    assert result.exit_code == EXIT_FAILED
    assert "E101" in result.output and "127.0.0.1:1" in result.output


def test_serve_refuses_a_port_out_of_range():
    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2
