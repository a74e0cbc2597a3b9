"""A brief (a text shorter than a story) that ends on a call for an end to what it names, or on who holds a place,
tells no event there."""
from __future__ import annotations

import pytest

from warwire.extract import extract_article
from warwire.extract.assembly import SHORT_NOTE
from warwire.model import Article

LEAD = ("Jets bombed the town of Saraqeb on Sunday, killing nine people, a monitor said. Rescuers dug through "
        "collapsed homes for hours.")


def types(text: str) -> list[str]:
    assert len(text) < SHORT_NOTE and "\n" not in text
    a = Article(source_id="t", title=None, text=text, published="2018-05-14", outlet="Wire")
    return [r.sub_event_type for r in extract_article(a)]


@pytest.mark.parametrize("call", [
    "The envoy called for a halt to the fighting.",
    "Two charities urged an immediate end to the clashes around the town.",
    "The bishops demanded a stop to the shelling of villages.",
])
def test_a_call_to_end_fighting_in_a_brief_is_no_event(call):
    assert types(f"{LEAD} {call}") == ["Air/drone strike"]


def test_a_clash_told_after_the_strike_in_a_brief_is_still_an_event():
    got = types(f"{LEAD} Later rebels and troops clashed on the edge of the town, and two fighters were killed.")
    assert "Armed clash" in got and "Air/drone strike" in got


@pytest.mark.parametrize("holding", [
    "The town is partly controlled by Jaish al-Izza.",
    "The province borders land controlled by the jihadists across the river.",
])
def test_a_brief_that_says_who_holds_a_place_tells_no_ground_changing_hands(holding):
    assert types(f"{LEAD} {holding}") == ["Air/drone strike"]


def test_ground_a_side_took_in_a_brief_is_still_an_event():
    assert "Non-state actor overtakes territory" in types(f"{LEAD} Later rebels seized the nearby village of Tal "
                                                          "Sultan from the army.")
