"""A toll told at a place of its own is that place's event (one event per place), not the event told just before
whose place the story only carried over from earlier sentences."""
from __future__ import annotations

from tests.extract.test_assembly import mentions, story

LEAD = ("Regime helicopters hit Saraqeb with barrel bombs on Monday, killing nine people, a monitor said.",
        "Rebels have held large parts of Idlib province since last year.",
        "Government troops have shelled their positions there almost daily.")


def tolls(text: str) -> list[tuple[int, str | None, int | None]]:
    return [(f.sentence, f.place.name if f.place else None, f.casualties.fatalities.best)
            for f in mentions(text).frames]


def test_a_toll_told_in_another_town_is_not_added_to_the_shelling_told_before_it():
    text = story(*LEAD, "In Maarat al-Numan three more people died on Tuesday, the monitor said.")
    got = tolls(text)
    # The daily shelling keeps no toll; the three dead are the other town's own event.
    assert (2, "Saraqab", None) in got
    assert (3, "Ma'arrat An Nu'man", 3) in got
