"""A backdrop clause told after the event word: its fight's sides are not the event's."""
from __future__ import annotations

import pytest

from warwire.extract import extract_article
from warwire.model import Article


def reports(text):
    return extract_article(Article(text=text, published="2018-03-07"))


@pytest.mark.parametrize("text", [
    "Government airstrikes killed 9 people in Saraqib on Monday, amid clashes between rebels and troops in the area.",
    "Regime shells hit Saraqib and killed 9 people on Monday amidst heavy fighting between rebels and the army.",
    # However many words the backdrop tells before its "between".
    "Government air raids killed 9 people in Saraqib on Monday, as fighting raged over the whole district between "
    "rebels and troops.",
    "Government air raids killed 9 people in Saraqib on Monday, amid heavy clashes going on for days now between "
    "rebels and troops.",
])
def test_a_strike_told_amid_a_fight_between_two_sides_keeps_its_own_sides(text):
    (r,) = reports(text)
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2 is None or r.actor2.kind == "Civilians"


def test_a_fight_told_as_the_event_keeps_its_sides():
    # A word that tells only a toll has no event of its own: the fight told after it is the event.
    (r,) = reports("Nine people were killed in Saraqib on Monday amid clashes between rebels and troops.")
    assert {r.actor1.kind, r.actor2.kind} == {"Rebel group", "State forces"}
    # A fight told with one foe names the event's own foe.
    (r,) = reports("Government troops advanced on the town of Saraqib on Monday amid fierce clashes with rebels.")
    assert r.actor2 is not None and r.actor2.kind == "Rebel group"
