"""Event words a story tells its events by that warwire once missed, and event words once wrongly set aside, on
sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from warwire.extract import extract_article
from warwire.extract.assembly import SHORT_NOTE, assemble
from warwire.extract.event_types import find_triggers, main_trigger
from warwire.extract.nlp import load_nlp, sentence_spans
from warwire.extract.pipeline import _places
from warwire.model import Article

CLOSING = (" Aid agencies said they were struggling to reach families in the area, and the United Nations said "
           "talks between the parties would resume in Geneva next month. Residents said bakeries had reopened and "
           "that schools remained closed for a second week. Local councils asked for fuel and medicine. Farmers "
           "said the harvest would be smaller than usual because seed and fertiliser were scarce, and teachers "
           "said many pupils had missed a full year of lessons. Prices of bread and fuel have doubled in the past "
           "months, traders said, and families sell furniture to pay rent. Water pumps lack diesel, engineers said, "
           "and the power comes on for two hours a day. Doctors said the hospital needs generators and staff.")


def story(*sentences: str) -> str:
    text = " ".join(sentences) + CLOSING
    assert len(text) > SHORT_NOTE
    return text


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
    rs = extract_article(Article(text=text, published="2018-03-07"))
    assert [r.sub_event_type for r in rs] == ["Air/drone strike"]


def test_a_clash_told_by_the_losses_inflicted_is_reported_beside_another_event():
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "On Tuesday government troops inflicted big losses on the militants in the village of Kafr Nabudah, "
                 "state media said.")
    rs = extract_article(Article(text=text, published="2018-03-07"))
    assert ("Armed clash", "Kafr Nabutha") in [(r.sub_event_type, r.location.name if r.location else None)
                                               for r in rs]


def aside(text: str, published: str = "2018-03-07") -> dict[str, str]:
    found = assemble(text, sentence_spans(load_nlp()(text)), _places(text, ()), date.fromisoformat(published))
    return {text[m.trigger.start:m.trigger.end]: m.status for m in found.set_aside if m.trigger is not None}


def test_clashes_that_break_out_for_the_first_time_are_news():
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "In the south, aid trucks waited at the crossing.",
                 "Fighting broke out on Saturday for the first time between two rival brigades inside Jasim.")
    assert "Fighting" not in aside(text)
    rs = extract_article(Article(text=text, published="2018-03-07"))
    assert any(r.sub_event_type == "Armed clash" and r.location is not None and r.location.name == "Jasim"
               for r in rs)


def test_the_last_time_is_still_the_backdrop():
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "In the south, aid trucks waited at the crossing.",
                 "It was the last time fighting broke out between two rival brigades inside Jasim.")
    assert aside(text).get("fighting") == "background"


@pytest.mark.parametrize("last", [
    "Nine civilians died when rockets hit the town of Douma, the monitor said on Tuesday, revising an earlier toll.",
    "Earlier reports said government gunners shelled the town of Douma and killed nine civilians.",
])
def test_an_earlier_toll_or_report_is_an_earlier_telling_not_an_earlier_event(last):
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "In the south, aid trucks waited at the crossing.", last)
    assert "background" not in aside(text).values()
    rs = extract_article(Article(text=text, published="2018-03-07"))
    assert any(r.location is not None and r.location.name == "Duma" and r.fatalities.best == 9 for r in rs)


def test_an_attack_told_as_earlier_is_still_the_backdrop():
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "In the south, aid trucks waited at the crossing.",
                 "Government gunners had earlier shelled the town of Douma.")
    assert aside(text).get("shelled") == "background"
