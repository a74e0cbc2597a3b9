"""One event told twice: a brief whose later sentence raises the toll, and a headline that names the area holding the
body's village (texts written for these tests)."""
from __future__ import annotations

import pytest

from tests.extract.test_assembly import reports, story
from warwire.extract.assembly import SHORT_NOTE


def brief(*sentences: str) -> str:
    text = " ".join(sentences)
    assert len(text) <= SHORT_NOTE
    return text


@pytest.mark.parametrize("update", [
    "Two of the wounded later died in hospital, raising the toll to seven, a monitor said.",
    "The death toll later rose to seven as two of the wounded died, medics said.",
])
def test_a_brief_s_raised_toll_is_its_event_s_count_not_another_event(update):
    text = brief("Government warplanes struck a crowded market in Ariha, a town in Idlib province, on Monday, "
                 "killing five civilians, activists said.", update)
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 7)]


@pytest.mark.parametrize("headline, village", [
    ("Massacre in Eastern Ghouta", "Hammouriyeh"),
    ("Massacre in Eastern Ghouta", "Saqba"),
    ("Massacre in Western Ghouta", "Kanaker"),
])
def test_a_headline_at_an_area_over_the_body_s_village_inside_it_is_one_event(headline, village):
    text = story(f"{headline}.",
                 f"Pro-government forces killed 12 civilians in the village of {village} on Sunday, local activists "
                 "said.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Attack", 12)]
    # A village outside the area tells an event of its own.
    text = story(f"{headline}.",
                 "Pro-government forces killed 12 civilians in the village of Kafr Nabl in Idlib on Sunday, local activists "
                 "said.")
    assert len(reports(text)) == 2
