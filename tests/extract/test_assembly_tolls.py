"""Which event a toll belongs to: a toll told again as raised by later deaths, and a headline's count over the body's
telling of the same event at the same town (stories written for these tests)."""
from __future__ import annotations

import pytest

from tests.extract.test_assembly import reports, story


@pytest.mark.parametrize("update", [
    "Two of the wounded died of their injuries on Tuesday, raising the toll to seven.",
    "Two of those hurt died in hospital overnight, bringing the death toll to seven.",
    "A man and his son later died of their wounds, taking the number of dead to seven.",
])
def test_a_toll_raised_by_later_deaths_updates_the_event_before(update):
    text = story("A government air strike hit the crowded main market of the town of Ariha on Monday, killing five "
                 "people, a monitor said.", update)
    rs = reports(text)
    assert [(r.sub_event_type, r.date, r.fatalities.best) for r in rs] == [("Air/drone strike", "2018-03-05", 7)]
    # A total over a period is a running total, not the event's toll raised.
    text = story("A government air strike hit the crowded main market of the town of Ariha on Monday, killing five "
                 "people, a monitor said, bringing the toll over the past week to 40.")
    assert [r.fatalities.best for r in reports(text)] == [5]


def test_a_headline_at_the_body_s_own_town_is_that_event_told_again_whatever_its_count():
    # The headline's count may be another source's or a later one: one event, not two.
    text = story("Massacre in Kafr Nabl kills 16.",
                 "Government warplanes struck the crowded main market of the town of Kafr Nabl on Tuesday, killing 14 "
                 "civilians, activists said.")
    rs = reports(text)
    assert [(r.sub_event_type, r.date, r.fatalities.best) for r in rs] == [("Air/drone strike", "2018-03-06", 14)]
    # A body that tells its strike at another town tells another event.
    text = story("Massacre in Kafr Nabl kills 16.",
                 "Government warplanes struck the crowded main market of the town of Saraqeb on Tuesday, killing 14 "
                 "civilians, activists said.")
    assert sorted(r.fatalities.best for r in reports(text)) == [14, 16]


def test_a_lead_that_tells_its_day_at_the_body_s_town_is_not_a_headline_over_a_later_telling():
    text = story("Government jets struck the town of Kafr Nabl on Monday, killing 16 people, a monitor said.",
                 "On Wednesday rebel shells hit the same town of Kafr Nabl, killing four civilians, activists said.")
    told = sorted((r.date, r.fatalities.best) for r in reports(text))
    assert told == [("2018-03-05", 16), ("2018-03-07", 4)]


def test_an_undated_toll_told_at_its_own_place_joins_the_event_told_there_not_the_last_one():
    text = story("Government jets struck the town of Saraqeb on Monday, the monitor said.",
                 "Rebels shelled the town of Mhardeh on Tuesday.",
                 "Nine people died in Saraqeb, according to activists.")
    told = sorted((r.sub_event_type, r.date, text[slice(*r.evidence["location"])], r.fatalities.best)
                  for r in reports(text))
    assert told == [("Air/drone strike", "2018-03-05", "Saraqeb", 9),
                    ("Shelling/artillery/missile attack", "2018-03-06", "Mhardeh", None)]
