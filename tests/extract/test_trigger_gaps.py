"""Event words a story tells its events by that warwire once missed, and event words once wrongly set aside, on
sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.test_mentions import aside, reports, story
from warwire.extract.event_types import find_triggers, main_trigger


def subs(text: str) -> str | None:
    t = main_trigger(find_triggers(text))
    return t.rule.sub_event_type if t is not None else None


@pytest.mark.parametrize("text", [
    "Government troops inflicted big losses on the militants near the village of Kafr Nabudah.",
    "Troops advanced towards the hills, inflicting big losses upon the gunmen.",
    "A border unit eliminated several gunmen west of the dam.",
    "Soldiers eliminated 14 militants near the crossing.",
    "Government forces eliminating scores of the insurgents at the edge of the town.",
])
def test_a_fight_told_by_its_result_on_the_other_side_is_an_armed_clash(text):
    assert subs(text) == "Armed clash"


@pytest.mark.parametrize("text", [
    "The storm caused losses to farmers across the plain.",
    "The ministry plans to eliminate red tape at the crossings.",
])
def test_losses_and_elimination_with_no_fight_are_no_clash(text):
    assert subs(text) != "Armed clash"


def test_a_strike_inflicting_casualties_among_civilians_stays_a_strike():
    # Losses told on people are the strike's toll, not a fight with them.
    text = "Russian jets bombed the market of Maarat al-Numan on Friday, inflicting heavy casualties among civilians."
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Air/drone strike"]


def test_a_clash_told_by_the_losses_inflicted_is_reported_beside_another_event():
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "On Tuesday government troops inflicted big losses on the militants in the village of Kafr Nabudah, "
                 "state media said.")
    rs = reports(text)
    assert ("Armed clash", "Kafr Nabutha") in [(r.sub_event_type, r.location.name if r.location else None)
                                               for r in rs]


def test_clashes_that_break_out_for_the_first_time_are_news():
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "In the south, aid trucks waited at the crossing.",
                 "Fighting broke out on Saturday for the first time between two rival brigades inside Jasim.")
    assert "Fighting" not in aside(text)
    rs = reports(text)
    assert any(r.sub_event_type == "Armed clash" and r.location is not None and r.location.name == "Jasim"
               for r in rs)


@pytest.mark.parametrize("last", [
    "Nine civilians died when rockets hit the town of Douma, the monitor said on Tuesday, revising an earlier toll.",
    "Earlier reports said government gunners shelled the town of Douma and killed nine civilians.",
])
def test_an_earlier_toll_or_report_is_an_earlier_telling_not_an_earlier_event(last):
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "In the south, aid trucks waited at the crossing.", last)
    assert "background" not in aside(text).values()
    rs = reports(text)
    assert any(r.location is not None and r.location.name == "Duma" and r.fatalities.best == 9 for r in rs)


@pytest.mark.parametrize("last, word", [
    ("It was the last time fighting broke out between two rival brigades inside Jasim.", "fighting"),
    ("Government gunners had earlier shelled the town of Douma.", "shelled"),
])
def test_the_last_time_and_an_attack_told_as_earlier_are_still_the_backdrop(last, word):
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "In the south, aid trucks waited at the crossing.", last)
    assert aside(text).get(word) == "background"
