"""A round-up of the war over a whole country ("continued operations against the groups across the country") tells
no one event: it has no place of its own. An event told at its town stays one. On stories written for these tests."""
from __future__ import annotations

from tests.extract.test_assembly import mentions, story

LEAD = "Army units shelled militant positions in the village of Kafr Zita on Monday, killing six fighters."


def _statuses(text: str, word: str) -> list[str]:
    found = mentions(text)
    return [m.status for m in [*found.frames, *found.set_aside]
            if m.trigger is not None and text[m.trigger.start:m.trigger.end].lower() == word]


def test_operations_across_the_country_are_a_round_up():
    text = story(LEAD, "The weather was cold and wet all week.",
                 "Elsewhere the troops mounted an assault against militant bands across the country, "
                 "destroying their weapons, the agency said.")
    assert _statuses(text, "mounted an assault against") == ["background"]


def test_clashes_in_many_areas_of_the_country_are_a_round_up():
    text = story(LEAD, "The weather was cold and wet all week.",
                 "Army units also clashed with militant bands in many areas of the country, "
                 "the agency said.")
    assert _statuses(text, "clashed") == ["background"]
    # Told at its town, the clash is news.
    text = story(LEAD, "The weather was cold and wet all week.",
                 "Army units also clashed with militant bands in the town of Morek on Monday, the agency said.")
    assert _statuses(text, "clashed") == ["asserted"]
