"""A short command exits without the interpreter's teardown even while a daemon thread (a progress bar's refresh
thread, stopped but not yet ended) is still alive."""
from __future__ import annotations

import sys
import threading

import warwire.cli as cli


def test_the_quick_exit_does_not_wait_for_daemon_threads(monkeypatch):
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
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
    assert exits == [0]


def test_a_thread_that_is_not_a_daemon_keeps_the_full_exit(monkeypatch):
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
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
    assert exits == ["raised"]
