"""Grouping reports into events beyond the pairs that link (cluster._group): a late story sits with every account
of the happening it retells, and one article may tell a rare weapon's attack on two days.

Reports are written here by hand; the place is a real Syrian town with its coordinates (GeoNames).
"""
from __future__ import annotations

from warwire.link import ArticleMeta, link_reports
from warwire.link.rules import happening_of_one_article
from warwire.model import Actor, Count, Location, Report

DOUMA = dict(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5722, lon=36.4036, geo_precision=1)
SYRIA = dict(name="Military Forces of Syria", kind="State forces", country="Syria")
BLAST = "Explosions/Remote violence"


def rep(article, index=0, *, day, sub, dead=None, told=True):
    """A report; ``told``: its date was read from its text (the evidence holds the date's words)."""
    return Report(event_type=BLAST, sub_event_type=sub, date=day, date_precision=1, location=Location(**DOUMA),
                  actor1=Actor(**SYRIA), fatalities=Count(best=dead, low=dead), primary=True,
                  evidence={"date": [0, 9]} if told else {}, article_id=article, index=index)


ARTICLES = {"a": ArticleMeta("Outlet A", "2018-03-04"), "b": ArticleMeta("Outlet B", "2018-03-04"),
            "c": ArticleMeta("Outlet C", "2018-03-10")}


def events_of(reports):
    return sorted(sorted(e.reports) for e in link_reports(reports, ARTICLES).events)


def test_a_late_story_sits_with_every_account_of_the_happening_it_retells():
    # one outlet tells an air strike on Sunday with 15 dead, another the same toll from "shelling" that day; a
    # week later a third retells the air strike and its 15 dead with no date of its own (dated by its publication)
    strike = rep("a", day="2018-03-04", sub="Air/drone strike", dead=15)
    shelling = rep("b", day="2018-03-04", sub="Shelling/artillery/missile attack", dead=15)
    later = rep("c", day="2018-03-10", sub="Air/drone strike", dead=15, told=False)
    # the late story counts as dated on the strike's day beside the strike's other account
    assert events_of([strike, shelling, later]) == [["a:0", "b:0", "c:0"]]
    # a story of that later day telling its own date is another happening: it joins neither
    own_day = rep("c", day="2018-03-10", sub="Air/drone strike", dead=15, told=True)
    assert events_of([strike, shelling, own_day]) == [["a:0", "b:0"], ["c:0"]]


def test_one_article_may_tell_a_rare_weapons_attack_on_two_days():
    # a gas attack on Sunday, and the next day's toll of it in the same story
    gas = "Chemical weapon"
    day_of, next_day = rep("a", 0, day="2018-03-04", sub=gas, dead=40), rep("a", 1, day="2018-03-05", sub=gas, dead=60)
    assert happening_of_one_article(day_of, next_day)
    other_outlet = rep("b", day="2018-03-04", sub=gas, dead=42)
    assert events_of([day_of, next_day, other_outlet]) == [["a:0", "a:1", "b:0"]]
    # air strikes on a town on two days of one story are two strikes (they are every day's routine)
    strike = "Air/drone strike"
    first, second = rep("a", 0, day="2018-03-04", sub=strike, dead=4), rep("a", 1, day="2018-03-05", sub=strike, dead=4)
    assert not happening_of_one_article(first, second)
    assert events_of([first, second]) == [["a:0"], ["a:1"]]
