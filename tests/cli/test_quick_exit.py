"""A short command exits without the interpreter's teardown even while a daemon thread (a progress bar's refresh
thread, stopped but not yet ended) is still alive; a thread that is not a daemon keeps the full exit."""
from __future__ import annotations

import sys
import threading

import pytest

import warwire.cli as cli


def _exit_beside_a_thread(monkeypatch, daemon: bool) -> list:
    """What ``cli._exit(SystemExit(0))`` did while another thread ran: ``[0]`` for the quick exit, ``["raised"]``
    for the interpreter's own."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=daemon)
    thread.start()
    exits = []
    monkeypatch.setattr(cli.os, "_exit", exits.append)
    monkeypatch.delitem(sys.modules, "warwire.store", raising=False)
    try:
        cli._exit(SystemExit(0))
    except SystemExit:
        exits.append("raised")
    finally:
        stop.set()
        thread.join()
    return exits


@pytest.mark.parametrize(("daemon", "expected"), [(True, [0]), (False, ["raised"])])
def test_the_quick_exit_waits_only_for_threads_that_are_not_daemons(monkeypatch, daemon, expected):
    assert _exit_beside_a_thread(monkeypatch, daemon) == expected
