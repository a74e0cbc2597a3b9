"""An event's place among its reports: a place abroad (where a statement was made) is not the event's place."""
from __future__ import annotations

from warwire.link import ArticleMeta, link_reports
from warwire.link.merge import abroad, build_event
from warwire.model import Actor, Claim, Count, Location, Report

IDLIB = dict(name="Idlib", country="Syria", admin1="Idlib", lat=35.93, lon=36.63, geo_precision=3)
GENEVA = dict(name="Geneva", country="Switzerland", admin1="Geneva", lat=46.2022, lon=6.1457, geo_precision=1)
WASHINGTON = dict(name="Washington", country="United States", admin1="District of Columbia", lat=38.8951,
                  lon=-77.0364, geo_precision=1)
GAZIANTEP = dict(name="Gaziantep", country="Turkey", admin1="Gaziantep", lat=37.0594, lon=37.3825, geo_precision=1)
ARTICLES = {a: ArticleMeta(outlet=o, published="2019-08-21")
            for a, o in (("b1", "Reuters"), ("b2", "AFP"), ("b3", "Al Jazeera"))}


def report(article, place, *, evidence=None, claimant=None, dead=9):
    return Report(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date="2019-08-20",
                  date_precision=1, location=Location(**place),
                  actor1=Actor(name="Military Forces of Syria", kind="State forces", country="Syria"),
                  fatalities=Count(best=dead, low=dead, qualifier="exact"),
                  claimed_by=Claim(name=claimant, kind="government") if claimant else None,
                  evidence=dict(evidence or {}), article_id=article, index=0)


def test_the_wars_countries_are_not_abroad_and_others_are():
    assert not abroad(Location(**IDLIB))
    assert not abroad(Location(name="Aden", country="Yemen"))
    assert not abroad(Location(name="somewhere"))  # a place of unknown country is not known to be abroad
    assert abroad(Location(**GENEVA)) and abroad(Location(**WASHINGTON))


def test_a_place_in_the_war_wins_over_more_precise_and_more_numerous_places_abroad():
    # "Diplomats in Geneva condemned the strike" twice, and one report placing it in the province
    reports = [report("b1", GENEVA, evidence={"location": [40, 46]}), report("b2", GENEVA, evidence={"location": [12, 18]}),
               report("b3", IDLIB, evidence={"location": [30, 35]})]
    event = build_event(reports, ARTICLES)
    assert event.location.name == "Idlib" and event.location.country == "Syria"


def test_a_statements_city_alone_is_not_the_events_place():
    # "The strike killed nine, a State Department spokesman said in Washington": the place is the claimant's
    alone = report("b1", WASHINGTON, claimant="State Department", evidence={"claimed_by": [30, 56], "location": [65, 75]})
    result = link_reports([alone], ARTICLES)
    assert len(result.events) == 1 and result.events[0].location is None
    # a place abroad the text never names for this happening (no evidence of it) is not the event's place either
    unnamed = report("b2", GENEVA)
    assert build_event([unnamed], ARTICLES).location is None


def test_a_happening_abroad_keeps_its_place_when_the_report_places_it_there():
    # "A car bomb in Gaziantep killed nine, the governor's office said": the report names the place for the bombing
    bombing = report("b1", GAZIANTEP, claimant="governor's office",
                     evidence={"location": [13, 22], "claimed_by": [120, 137]})
    event = build_event([bombing], ARTICLES)
    assert event.location is not None and event.location.name == "Gaziantep"
