"""One rare weapon's attack on suburbs either side of a city sits in one event, held together by a report that
relates to both places (rules.one_attack); a region-level report of a common strike never holds two towns' events.

Reports are written here by hand; places are real towns with their coordinates (GeoNames).
"""
from __future__ import annotations

from warwire.link import ArticleMeta, link_reports
from warwire.link.rules import distance_km, one_attack, places_relate, settings
from warwire.model import Actor, Count, Location, Report

# east and west of the capital: further apart than area_km, each within it of the city
ZAMALKA = dict(name="Zamalka", country="Syria", admin1="Rural Damascus", lat=33.5217, lon=36.3572, geo_precision=1)
MOADAMIYEH = dict(name="Moadamiyet al-Sham", country="Syria", admin1="Rural Damascus", lat=33.4614, lon=36.1956,
                  geo_precision=1)
DAMASCUS = dict(name="Damascus", country="Syria", admin1="Damascus", lat=33.5102, lon=36.2913, geo_precision=1)
# a town of another governorate, far from the three
HOMS = dict(name="Homs", country="Syria", admin1="Homs", lat=34.7268, lon=36.7234, geo_precision=1)
SYRIA = dict(name="Military Forces of Syria", kind="State forces", country="Syria")
GAS, STRIKE = "Chemical weapon", "Air/drone strike"
TYPE = {GAS: "Explosions/Remote violence", STRIKE: "Explosions/Remote violence"}


def rep(article, place, *, sub, dead, day="2019-06-12", told=True, index=0):
    return Report(event_type=TYPE[sub], sub_event_type=sub, date=day, date_precision=1, location=Location(**place),
                  actor1=Actor(**SYRIA), fatalities=Count(best=dead, low=dead), primary=True,
                  evidence={"date": [0, 9]} if told else {}, article_id=article, index=index)


ARTICLES = {k: ArticleMeta(f"Outlet {k}", "2019-06-12") for k in "abcd"} | {"late": ArticleMeta("Outlet L", "2019-06-20")}


def events_of(reports):
    return sorted(sorted(e.reports) for e in link_reports(reports, ARTICLES).events)


def test_the_places_lie_as_the_rule_needs_them():
    far = distance_km(Location(**ZAMALKA), Location(**MOADAMIYEH))
    assert settings()["linking"]["area_km"] < far <= settings()["linking"]["one_attack_km"]
    east, west = rep("a", ZAMALKA, sub=GAS, dead=30), rep("b", MOADAMIYEH, sub=GAS, dead=25)
    assert places_relate(east, west) is None
    city = rep("c", DAMASCUS, sub=GAS, dead=300)
    assert places_relate(east, city) and places_relate(west, city)


def test_a_gas_attack_on_suburbs_either_side_of_the_city_is_one_event():
    east, west = rep("a", ZAMALKA, sub=GAS, dead=30), rep("b", MOADAMIYEH, sub=GAS, dead=25)
    city = rep("c", DAMASCUS, sub=GAS, dead=300)
    assert one_attack(east, west, [city])
    assert events_of([east, west, city]) == [["a:0", "b:0", "c:0"]]
    # with nothing between them the two suburbs are two places: two events
    assert not one_attack(east, west, [])
    assert events_of([east, west]) == [["a:0"], ["b:0"]]


def test_only_one_days_attack_of_a_rare_weapon_holds_two_towns():
    # air strikes on the two suburbs and the city's toll of one of them: the city's report joins one suburb's event,
    # never both, whatever the order the reports come in
    east, west = rep("a", ZAMALKA, sub=STRIKE, dead=30), rep("b", MOADAMIYEH, sub=STRIKE, dead=25)
    city = rep("c", DAMASCUS, sub=STRIKE, dead=30)
    assert not one_attack(east, west, [city])
    groups = events_of([east, west, city])
    assert ["a:0", "b:0"] not in groups and not any({"a:0", "b:0"} <= set(g) for g in groups)
    assert events_of([city, west, east]) == groups
    # gas on one suburb on one day and on the other the next day: two attacks, the city's report between them or not
    west_next = rep("b", MOADAMIYEH, sub=GAS, dead=25, day="2019-06-13")
    assert not one_attack(rep("a", ZAMALKA, sub=GAS, dead=30), west_next, [rep("c", DAMASCUS, sub=GAS, dead=300)])


def test_towns_too_far_apart_are_two_attacks_even_beside_a_region_report():
    east, north = rep("a", ZAMALKA, sub=GAS, dead=30), rep("b", HOMS, sub=GAS, dead=20)
    region = rep("c", dict(name="Syria", country="Syria", admin1="Rural Damascus", lat=33.5, lon=36.5,
                           geo_precision=3), sub=GAS, dead=50)
    assert not one_attack(east, north, [region])
    assert not any({"a:0", "b:0"} <= set(g) for g in events_of([east, north, region]))


def test_a_late_story_of_the_attack_near_one_suburb_sits_with_all_of_it():
    # a week later an outlet retells the gas attack on the eastern suburb, with no date of its own: it joins the
    # attack's event although the western suburb is beyond its reach
    east, west = rep("a", ZAMALKA, sub=GAS, dead=30), rep("b", MOADAMIYEH, sub=GAS, dead=25)
    city = rep("c", DAMASCUS, sub=GAS, dead=300)
    late = rep("late", ZAMALKA, sub=GAS, dead=320, day="2019-06-20", told=False)
    assert events_of([east, west, city, late]) == [["a:0", "b:0", "c:0", "late:0"]]


def test_linking_the_attack_report_by_report_gives_what_a_full_link_gives():
    east, west = rep("a", ZAMALKA, sub=GAS, dead=30), rep("b", MOADAMIYEH, sub=GAS, dead=25)
    city = rep("c", DAMASCUS, sub=GAS, dead=300)
    full = events_of([east, west, city])
    events = link_reports([east, west], ARTICLES).events
    assert sorted(sorted(e.reports) for e in events) == [["a:0"], ["b:0"]]
    step = link_reports([east, west, city], ARTICLES, existing=events)
    assert sorted(sorted(e.reports) for e in step.apply(events)) == full == [["a:0", "b:0", "c:0"]]


def test_one_article_telling_the_two_suburbs_apart_keeps_them_apart_beside_the_city_report():
    # one story gives the eastern and the western suburb a gas attack each, as two happenings; another outlet's
    # report of the capital relates to both places, but it does not make the story's two attacks one
    east, west = rep("a", ZAMALKA, sub=GAS, dead=30), rep("a", MOADAMIYEH, sub=GAS, dead=25, index=1)
    city = rep("c", DAMASCUS, sub=GAS, dead=300)
    assert not one_attack(east, west, [city])
    assert events_of([east, west]) == [["a:0"], ["a:1"]]
    groups = events_of([east, west, city])
    assert not any({"a:0", "a:1"} <= set(g) for g in groups)
    assert events_of([city, west, east]) == groups


def test_two_records_coded_from_one_document_stay_two_attacks_beside_the_city_report():
    # a coder read one page and made a record for each suburb: two of that page's events, whatever lies between
    page = frozenset({"example.org/news/gas-attack-on-the-suburbs"})
    articles = ARTICLES | {k: ArticleMeta("Monitor", "2019-06-12", documents=page) for k in ("rec1", "rec2")}
    east, west = rep("rec1", ZAMALKA, sub=GAS, dead=30), rep("rec2", MOADAMIYEH, sub=GAS, dead=25)
    city = rep("c", DAMASCUS, sub=GAS, dead=300)
    groups = sorted(sorted(e.reports) for e in link_reports([east, west, city], articles).events)
    assert not any({"rec1:0", "rec2:0"} <= set(g) for g in groups)
    # the document is what keeps them apart: as two outlets' records the city's report holds them together
    assert one_attack(east, west, [city]) and not one_attack(east, west, [city], articles)
