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


def test_serve_on_a_busy_port_says_it_is_taken_and_names_a_free_one(tmp_path):
    import re
    import socket

    from warwire.store import open_store

    open_store(str(tmp_path / "w.db")).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["--db", str(tmp_path / "w.db"), "serve", "--port", str(port)])
    assert result.exit_code == EXIT_FAILED
    assert "E408" in result.output and str(port) in result.output and "--port" in result.output
    assert re.search(r"--port \d+\)", result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit)
