"""A rare weapon's happening a later story names by its day but at no place in the country ("the May 3 gas attack"):
a country-wide reference that joins the event of that weapon and day, and makes none.

The stories and reports are written for these tests.
"""
from __future__ import annotations

import pytest

from warwire.extract import extract_article
from warwire.extract.references import is_reference
from warwire.link import ArticleMeta, link_reports
from warwire.link.rules import country_wide, link_evidence
from warwire.model import Actor, Article, Count, Location, Report

STORY = (
    "Ministers weigh new sanctions on Syria\n\n"
    "BRUSSELS, June 20 (Wire) - Foreign ministers meeting in Brussels on Thursday weighed new sanctions on the "
    "Syrian government. The talks were called after a May 3 gas attack that doctors said killed more than 90 "
    "people.\n\n"
    "Several ministers said they wanted an inquiry to report before any vote, and the talks are due to go on next "
    "month. Officials said no decision had been taken."
)


def _article(text=STORY):
    return Article(text=text, title=text.split("\n")[0], published="2019-06-20", outlet="Wire")


def test_a_rare_weapons_happening_told_by_its_day_and_no_place_is_a_country_wide_reference():
    refs = [r for r in extract_article(_article()) if is_reference(r)]
    gas = [r for r in refs if r.sub_event_type == "Chemical weapon"]
    assert gas, [(r.sub_event_type, r.date, r.location) for r in refs]
    ref = gas[0]
    assert ref.date == "2019-05-03" and ref.date_precision == 1
    assert ref.location is not None and ref.location.country == "Syria"
    assert ref.location.admin1 is None and ref.location.lat is None
    assert country_wide(ref)


def test_a_common_weapons_happening_told_by_its_day_and_no_place_links_to_nothing():
    # an air strike of a day somewhere in a war is one of many that day: it names no one happening
    text = STORY.replace("a May 3 gas attack", "a May 3 air strike")
    refs = [r for r in extract_article(_article(text)) if is_reference(r)]
    assert refs and all(r.sub_event_type != "Chemical weapon" and not country_wide(r) for r in refs)
    news = _report("n1", sub=refs[0].sub_event_type)
    news.event_type = refs[0].event_type
    refs[0].article_id, refs[0].index = "r1", 0
    assert _groups([news, refs[0]]) == [["n1:0"]]


def test_a_rare_weapons_happening_its_own_words_place_abroad_is_no_country_wide_reference():
    text = STORY.replace("a May 3 gas attack that", "a May 3 gas attack in Tokyo that")
    refs = [r for r in extract_article(_article(text)) if is_reference(r) and r.sub_event_type == "Chemical weapon"]
    assert not [r for r in refs if country_wide(r)], [(r.date, r.location) for r in refs]


@pytest.mark.parametrize("told", [
    "a May 3 gas attack in northern Iraq",  # a country's name anywhere in the clause, past its event word
    "a gas attack on May 3 at a market in Turkey",
    "the nerve agent attack on March 4 in the English city of Salisbury",  # a town of another people
    "Turkey's May 3 gas attack",  # a country's name in the event's own phrase
])
def test_a_happening_its_clause_places_in_another_country_is_no_country_wide_reference(told):
    text = STORY.replace("a May 3 gas attack", told)
    refs = [r for r in extract_article(_article(text)) if is_reference(r) and r.sub_event_type == "Chemical weapon"]
    assert not [r for r in refs if country_wide(r)], [(r.date, r.location) for r in refs]


@pytest.mark.parametrize("told", [
    "a May 3 gas attack near the Turkish border",  # the war's border too
    "a May 3 gas attack which the United States blamed on the army",  # a country as an accuser, not a place
])
def test_another_country_named_beside_a_happening_but_not_as_its_place_keeps_it_country_wide(told):
    text = STORY.replace("a May 3 gas attack", told)
    refs = [r for r in extract_article(_article(text)) if is_reference(r) and r.sub_event_type == "Chemical weapon"]
    assert [r for r in refs if country_wide(r)], [(r.date, r.location) for r in refs]


DOUMA = dict(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5722, lon=36.4036, geo_precision=1)
SARAQIB = dict(name="Saraqib", country="Syria", admin1="Idlib", lat=35.8624, lon=36.8006, geo_precision=1)
SYRIA = dict(name="Syria", country="Syria")


def _report(article, *, day="2019-05-03", place=DOUMA, sub="Chemical weapon", dead=None, reference=False):
    return Report(event_type="Explosions/Remote violence", sub_event_type=sub, date=day, date_precision=1,
                  location=Location(**place), tags=["reference"] if reference else [],
                  fatalities=Count(best=dead, low=dead),
                  actor1=Actor(name="Military Forces of Syria", kind="State forces", country="Syria"),
                  article_id=article, index=0)


ARTICLES = {a: ArticleMeta(outlet=f"Outlet {a}") for a in ("n1", "n2", "n3", "r1", "r2")}


def _groups(reports):
    return sorted(sorted(e.reports) for e in link_reports(reports, ARTICLES).events)


def test_a_country_wide_reference_joins_the_event_of_its_weapon_and_day():
    news = [_report("n1", dead=80), _report("n2", dead=95)]
    ref = _report("r1", place=SYRIA, dead=90, reference=True)
    assert country_wide(ref)
    ev = link_evidence(ref, news[0], ARTICLES)
    assert ev is not None and "country-wide" in ev.reason()
    assert _groups(news + [ref]) == [["n1:0", "n2:0", "r1:0"]]


def test_a_country_wide_reference_makes_no_event_alone():
    assert _groups([_report("r1", place=SYRIA, reference=True)]) == []


def test_a_country_wide_reference_needs_the_very_day_and_the_same_weapon():
    ref = _report("r1", place=SYRIA, reference=True)
    assert _groups([_report("n1", day="2019-05-04"), ref]) == [["n1:0"]]
    assert _groups([_report("n1", sub="Air/drone strike"), ref]) == [["n1:0"]]
    # a country-wide report of the news (not a reference) is no place to link
    assert _groups([_report("n1"), _report("n2", place=SYRIA)]) == [["n1:0"], ["n2:0"]]


def test_a_country_wide_reference_never_joins_two_attacks_of_its_day():
    news = [_report("n1"), _report("n2", place=SARAQIB)]
    ref = _report("r1", place=SYRIA, reference=True)
    groups = _groups(news + [ref])
    assert len(groups) == 2 and sum("r1:0" in g for g in groups) == 1
    assert any(g == ["n1:0"] or g == ["n2:0"] for g in groups)


def test_incremental_linking_of_a_country_wide_reference_gives_what_a_full_link_gives():
    news = [_report("n1", dead=80), _report("n2", dead=95), _report("n3", place=SARAQIB, day="2019-05-02")]
    ref = _report("r1", place=SYRIA, dead=90, reference=True)
    before = link_reports(news, ARTICLES).events
    after = link_reports(news + [ref], ARTICLES, existing=before).apply(before)
    full = link_reports(news + [ref], ARTICLES).events
    assert [e.to_dict() for e in after] == [e.to_dict() for e in full]
    assert ["n1:0", "n2:0", "r1:0"] in [sorted(e.reports) for e in full]
