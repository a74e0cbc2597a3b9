""""Similar" compares an event's kind with one told before, not its time: deaths told "after similar attacks" are news
of this cycle. An earlier time compared ("previous attacks") still sets the sentence aside. On stories written for
these tests."""
from __future__ import annotations

from tests.extract.test_assembly import mentions, story

LEAD = "Government jets bombed the grain market of Saraqeb on Tuesday, killing seven people, the monitor said."


def _told_dead(text: str, dead: int) -> list:
    return [m for m in mentions(text).frames if m.casualties.fatalities.best == dead]


def test_dead_told_after_similar_attacks_are_news():
    text = story(LEAD, "The monitor said three more civilians lost their lives in Kafr Nabl after similar attacks "
                       "by the jets.")
    assert _told_dead(text, 3)


def test_dead_told_after_previous_attacks_are_the_backdrop():
    text = story(LEAD, "The monitor said three more civilians lost their lives in Kafr Nabl after previous attacks "
                       "by the jets.")
    assert not _told_dead(text, 3)
