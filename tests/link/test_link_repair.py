"""Repairing events after grouping (cluster._repair): two events of one happening that no link between them
brought together are joined when a week-dated or late report sits in one and links to a report of the other.

Reports are written here by hand; the places are a real Syrian town and the area around it (GeoNames).
"""
from __future__ import annotations

from warwire.link import ArticleMeta, link_reports
from warwire.link.rules import link_evidence
from warwire.model import Actor, Claim, Count, Location, Report

DOUMA = dict(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5722, lon=36.4036, geo_precision=1)
# an area about 5 km from Douma, as outlets name the region
EASTERN_GHOUTA = dict(name="Eastern Ghouta", country="Syria", admin1="Rural Damascus", lat=33.55, lon=36.4,
                      geo_precision=2)
RUSSIA = dict(name="Military Forces of Russia", kind="State forces", country="Russia")
US = dict(name="Military Forces of the United States", kind="State forces", country="United States")
UNNAMED = dict(name="Unidentified Armed Group (Syria)", kind="Political militia", country="Syria")
MONITOR = Claim("Syrian Observatory for Human Rights", "monitor")


def rep(article, *, day, place, precision=1, dead=None, claimant=None, actor=RUSSIA, told=True):
    return Report(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date=day,
                  date_precision=precision, location=Location(**place), actor1=Actor(**actor),
                  fatalities=Count(best=dead, low=dead), claimed_by=claimant, primary=True,
                  evidence={"date": [0, 9]} if told else {}, article_id=article, index=0)


MARKET = frozenset({"market"})
ARTICLES = {
    # the town's story: a market struck, 12 dead
    "a": ArticleMeta("Outlet A", "2018-02-20", words=MARKET),
    # the area's story: the monitor's account, no toll, the school beside the market
    "b": ArticleMeta("Outlet B", "2018-02-20", words=frozenset({"school"})),
    # a weekly round-up: the market strike of that week, the school beside it, its toll and the monitor's account
    # (two reports placed only at one area need a detail beyond the monitor quoted for every strike: the school)
    "c": ArticleMeta("Outlet C", "2018-02-24", words=MARKET | {"school"}),
}


def story(day_b="2018-02-20", actor_b=RUSSIA):
    town = rep("a", day="2018-02-20", place=DOUMA, dead=12)
    area = rep("b", day=day_b, place=EASTERN_GHOUTA, claimant=MONITOR, actor=actor_b)
    week = rep("c", day="2018-02-20", place=EASTERN_GHOUTA, precision=2, dead=12, claimant=MONITOR)
    return town, area, week


def events_of(reports):
    return sorted(sorted(e.reports) for e in link_reports(reports, ARTICLES).events)


def test_a_week_dated_report_joins_the_two_accounts_of_its_happening():
    town, area, week = story()
    # the town's and the area's accounts share only the sub-type: not enough for a town within an area
    assert link_evidence(town, area, ARTICLES) is None
    # the round-up links to both; it keeps only its best link (the town's), so grouping alone gives two events
    assert link_evidence(week, town, ARTICLES) is not None and link_evidence(week, area, ARTICLES) is not None
    result = link_reports([town, area, week], ARTICLES)
    [event] = result.events
    assert sorted(event.reports) == ["a:0", "b:0", "c:0"]
    # the event says why the area's account joined it
    assert "events joined" in event.link_reasons["b:0"] and event.link_reasons["b:0"].startswith("c:0")


def test_two_days_strikes_stay_apart_whatever_the_week_dated_report_links_to():
    # the area's account is of two days later: nothing of its own says it is the town's strike of that Tuesday
    town, area, week = story(day_b="2018-02-22")
    assert link_evidence(week, area, ARTICLES) is not None
    assert link_evidence(town, area, ARTICLES) is None
    assert events_of([town, area, week]) == [["a:0", "c:0"], ["b:0"]]


def test_events_whose_sides_conflict_stay_apart():
    # the round-up names nobody; the area's account credits the strike to another state's forces, not allied
    # to those of the town's account: the round-up links to both, but the two accounts may not share an event
    town, area, week = story(actor_b=US)
    week.actor1 = Actor(**UNNAMED)
    assert link_evidence(week, town, ARTICLES) is not None and link_evidence(week, area, ARTICLES) is not None
    assert events_of([town, area, week]) == [["a:0", "c:0"], ["b:0"]]


def test_a_repaired_event_is_the_same_whether_linked_at_once_or_report_by_report():
    town, area, week = story()
    full = link_reports([town, area, week], ARTICLES).events
    for order in ([town, area, week], [week, area, town], [area, week, town]):
        events = []
        seen = []
        for r in order:
            seen.append(r)
            events = link_reports(seen, ARTICLES, existing=events).apply(events)
        assert [(e.id, sorted(e.reports)) for e in events] == [(e.id, sorted(e.reports)) for e in full]
