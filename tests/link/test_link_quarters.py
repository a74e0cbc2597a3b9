"""A city's quarters in linking: a quarter lies within its city, and two quarters of one city are somewhere in it.

Extraction codes an event in a city quarter at the quarter (the gazetteer's neighbourhoods), so one outlet's report
may stand at the quarter and another's at the city, or at the next quarter. Reports are written here by hand; the
places are the Syria pack's (its gazetteer's points).
"""
from __future__ import annotations

from warwire.link import ArticleMeta, link_reports
from warwire.link.rules import city_of_quarter, link_evidence, place_relation
from warwire.model import Actor, Count, Location, Report

# quarters of Damascus, 3 to 7 km apart
JOBAR = dict(name="Jobar", country="Syria", admin1="Damascus", lat=33.5295, lon=36.333, geo_precision=1)
MAZZEH = dict(name="Mazzeh", country="Syria", admin1="Damascus", lat=33.5035, lon=36.253, geo_precision=1)
BARZEH = dict(name="Barzeh", country="Syria", admin1="Damascus", lat=33.56, lon=36.316, geo_precision=1)
# two quarters of the old city 1 km apart
BAB_TOUMA = dict(name="Bab Touma", country="Syria", admin1="Damascus", lat=33.51076, lon=36.31555, geo_precision=1)
BAB_SHARQI = dict(name="Bab Sharqi", country="Syria", admin1="Damascus", lat=33.505, lon=36.32332, geo_precision=1)
DAMASCUS = dict(name="Damascus", country="Syria", admin1="Damascus", lat=33.51718, lon=36.27671, geo_precision=1)
# a quarter of Homs, and a town of the next governorate 3 km from Jobar
BABA_AMR = dict(name="Baba Amr", country="Syria", admin1="Homs", lat=34.71051, lon=36.69024, geo_precision=1)
JARAMANA = dict(name="Jaramana", country="Syria", admin1="Rural Damascus", lat=33.48766, lon=36.34832, geo_precision=1)
# a quarter of Aleppo and a village 8 km from it, in the city's governorate but no quarter of it
SHEIKH_MAQSOUD = dict(name="Ash-Sheikh Maqsoud", country="Syria", admin1="Aleppo", lat=36.23684, lon=37.15396,
                      geo_precision=1)
KAFR_HAMRA = dict(name="Kafr Hamra", country="Syria", admin1="Aleppo", lat=36.25431, lon=37.08129, geo_precision=1)

REBELS = Actor("Jaysh al-Islam", "Rebel group", "Syria")
META = {f"a{i}": ArticleMeta(outlet=f"Outlet {i}", published="2018-01-10") for i in range(1, 6)}


def rep(article, place, *, sub="Shelling/artillery/missile attack", dead=None, day="2018-01-10", index=0):
    return Report(event_type="Explosions/Remote violence", sub_event_type=sub, date=day, date_precision=1,
                  location=Location(**place), actor1=REBELS, fatalities=Count(best=dead, low=dead),
                  article_id=article, index=index)


def test_a_quarter_knows_its_city():
    assert city_of_quarter(Location(**JOBAR)).name == "Damascus"
    assert city_of_quarter(Location(**BABA_AMR)).name == "Homs"
    assert city_of_quarter(Location(**KAFR_HAMRA)) is None  # a village near Aleppo
    assert city_of_quarter(Location(**DAMASCUS)) is None  # the city itself
    assert city_of_quarter(Location(**dict(JOBAR, geo_precision=2))) is None  # "near Jobar": an area


def test_a_quarter_lies_within_its_city_and_beside_the_next_quarter():
    L = Location
    assert place_relation(L(**JOBAR), L(**DAMASCUS)) == "within"
    assert place_relation(L(**JOBAR), L(**MAZZEH)) == "within"  # 7 km apart, both quarters of Damascus
    assert place_relation(L(**JOBAR), L(**BARZEH)) == "within"
    # next to each other (within same_town_km): two quarters still, not one place told two ways
    assert place_relation(L(**BAB_TOUMA), L(**BAB_SHARQI)) == "within"
    assert place_relation(L(**BAB_TOUMA), L(**dict(BAB_TOUMA, name="Bab Tuma"))) == "same"  # one quarter, two spellings
    assert place_relation(L(**JOBAR), L(**JARAMANA)) is None  # a town of the next governorate, no quarter
    assert place_relation(L(**SHEIKH_MAQSOUD), L(**KAFR_HAMRA)) is None  # a village by the city is no quarter
    assert place_relation(L(**JOBAR), L(**BABA_AMR)) is None  # quarters of two cities


def test_two_quarters_link_on_a_detail_of_the_happening_not_on_a_toll():
    # a car bomb told at the quarter by one outlet and at the next quarter by another: its weapon singles it out
    bomb = "Remote explosive/landmine/IED"
    assert link_evidence(rep("a1", JOBAR, sub=bomb, dead=9), rep("a2", BARZEH, sub=bomb, dead=8), META) is not None
    # shells on two quarters of one day with like tolls: the city's quarters are shelled together, two happenings
    assert link_evidence(rep("a1", JOBAR, dead=6), rep("a2", MAZZEH, dead=6), META) is None
    assert link_evidence(rep("a1", BAB_TOUMA, dead=6), rep("a2", BAB_SHARQI, dead=6), META) is None
    # the quarter and its city with an agreeing toll: one happening told at two precisions
    assert link_evidence(rep("a1", JOBAR, dead=6), rep("a2", DAMASCUS, dead=6), META) is not None


def test_a_city_report_joins_one_quarter_and_the_quarters_stay_apart():
    found = link_reports([rep("a1", JOBAR, dead=6), rep("a2", MAZZEH, dead=6), rep("a3", DAMASCUS, dead=6)], META)
    groups = sorted(sorted(e.reports) for e in found.events)
    assert len(groups) == 2  # the city's report joins one quarter's event, never both
    assert sorted(len(g) for g in groups) == [1, 2]


def test_two_quarters_told_by_one_monitor_stay_two_happenings():
    # the monitor that tells of one quarter's shelling tells of every quarter's that day: its name is no detail
    from warwire.model import Claim

    monitor = Claim(name="Hama Observers Network", kind="Monitor")

    def told(article, place, dead):
        r = rep(article, place, dead=dead)
        r.claimed_by = monitor
        return r

    assert link_evidence(told("a1", JOBAR, 3), told("a2", MAZZEH, 7), META) is None
    assert len(link_reports([told("a1", JOBAR, 3), told("a2", MAZZEH, 7)], META).events) == 2
    # told by it at the quarter and at the city: one happening at two precisions still
    assert link_evidence(told("a1", JOBAR, 3), told("a2", DAMASCUS, 3), META) is not None
