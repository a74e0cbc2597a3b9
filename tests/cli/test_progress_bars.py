"""Progress bars are drawn on a terminal only: elsewhere a transient bar shows nothing, and its refresh thread would
lay out the bar all run long for nobody."""
from __future__ import annotations

import pytest

from warwire.cli import extract


@pytest.mark.parametrize("terminal", [True, False])
def test_the_extract_bar_runs_only_on_a_terminal(monkeypatch, terminal):
    monkeypatch.setattr(type(extract.console), "is_terminal", property(lambda self: terminal))
    bar = extract._bar("Extracting")
    assert bar.disable is not terminal
    task = bar.add_task("", total=3, rate="")
    bar.advance(task, 2)  # the driver still counts the articles (its rate is read from the bar)
    assert bar.tasks[0].completed == 2
