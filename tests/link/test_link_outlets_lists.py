"""Rules against over-merging: one outlet's stories, towns of a list, small tolls, source fields.

Reports are written here by hand; places are real Syrian towns with their coordinates (GeoNames).
"""
from __future__ import annotations

from warwire.link import ArticleMeta, link_reports
from warwire.knowledge.sources import split_sources
from warwire.link.rules import link_evidence, with_lists
from warwire.model import Actor, Count, Location, Report

SARAQIB = dict(name="Saraqib", country="Syria", admin1="Idlib", lat=35.8644, lon=36.8006, geo_precision=1)
MAARRAT = dict(name="Maarrat al-Numan", country="Syria", admin1="Idlib", lat=35.6481, lon=36.6717, geo_precision=1)
KAFRANBEL = dict(name="Kafranbel", country="Syria", admin1="Idlib", lat=35.6138, lon=36.5645, geo_precision=1)
SYRIA = dict(name="Military Forces of Syria", kind="State forces", country="Syria")
REBELS = dict(name="Opposition Rebels (Syria)", kind="Rebel group", country="Syria")


def rep(article, index=0, *, place=SARAQIB, day="2018-01-15", sub="Air/drone strike", dead=None, actor1=SYRIA,
        actor2=None):
    return Report(event_type="Explosions/Remote violence", sub_event_type=sub, date=day, date_precision=1,
                  location=Location(**place), actor1=Actor(**actor1) if actor1 else None,
                  actor2=Actor(**actor2) if actor2 else None,
                  fatalities=Count(best=dead, low=dead, qualifier="exact" if dead is not None else None),
                  article_id=article, index=index)


def groups(reports, articles):
    return sorted(sorted(e.reports) for e in link_reports(reports, articles).events)


def test_one_outlets_two_stories_of_a_town_and_day_link_only_on_a_detail():
    # "Warplanes struck Saraqib" twice from one monitor: two raids it told apart
    one = {"b1": ArticleMeta("SOHR: SOHR__http://example.org/?p=1"), "b2": ArticleMeta("SOHR; LiveUMap")}
    assert link_evidence(rep("b1"), rep("b2"), one) is None
    assert groups([rep("b1"), rep("b2")], one) == [["b1:0"], ["b2:0"]]
    # two outlets telling the strike on one town that day: one event
    two = {"b1": ArticleMeta("SOHR"), "b2": ArticleMeta("Step News Agency")}
    assert groups([rep("b1"), rep("b2")], two) == [["b1:0", "b2:0"]]
    # the same outlet giving the same toll again: its update of one strike
    assert groups([rep("b1", dead=9), rep("b2", dead=9)], one) == [["b1:0", "b2:0"]]


def test_an_outlets_stories_of_two_days_need_the_toll_again_not_its_usual_claimant():
    one = {"c1": ArticleMeta("Wire One"), "c2": ArticleMeta("wire one")}
    thursday = rep("c1", day="2018-01-15", dead=19, actor2=REBELS)
    friday = rep("c2", day="2018-01-16", dead=31, actor2=REBELS)
    assert link_evidence(thursday, friday, one) is None
    again = rep("c2", day="2018-01-16", dead=19, actor2=REBELS)
    assert link_evidence(thursday, again, one) is not None
    # two days on, the same round toll on the same city is as likely the outlet's next strike told in its words
    later = rep("c2", day="2018-01-17", dead=19, actor2=REBELS)
    assert link_evidence(thursday, later, one) is None
    # ... unless they share the weapon
    gas = dict(sub="Chemical weapon", actor2=REBELS)
    assert link_evidence(rep("c1", day="2018-01-15", dead=19, **gas), rep("c2", day="2018-01-17", dead=19, **gas),
                         one) is not None
    # two outlets two days apart giving one toll still link
    two = {"c1": ArticleMeta("Wire One"), "c2": ArticleMeta("Wire Two")}
    assert link_evidence(thursday, later, two) is not None


def test_a_town_of_a_list_links_only_on_a_detail_of_its_own():
    # "Strikes on Saraqib, Maarrat al-Numan and Kafranbel": one article, three towns, one day
    listed = [rep("d1", 0, place=SARAQIB), rep("d1", 1, place=MAARRAT), rep("d1", 2, place=KAFRANBEL)]
    other = rep("d2", place=SARAQIB)
    metas = {"d1": ArticleMeta("Outlet A"), "d2": ArticleMeta("Outlet B")}
    marked = with_lists(metas, listed + [other])
    assert marked["d1"].lists == frozenset({("2018-01-15", "Air/drone strike")})
    assert not marked["d2"].lists
    assert link_evidence(listed[0], other, marked) is None
    assert ["d1:0", "d2:0"] not in groups(listed + [other], metas)
    # a weapon of its own (a chemical attack on the town) singles it out
    gas = [rep("d1", 0, place=SARAQIB, sub="Chemical weapon"), rep("d1", 1, place=MAARRAT, sub="Chemical weapon"),
           rep("d1", 2, place=KAFRANBEL, sub="Chemical weapon")]
    assert ["d1:0", "d2:0"] in groups(gas + [rep("d2", sub="Chemical weapon")], metas)


def test_a_death_or_two_on_two_days_is_a_fronts_routine_not_a_detail():
    metas = {"e1": ArticleMeta("Outlet A"), "e2": ArticleMeta("Outlet B")}
    monday, tuesday = rep("e1", day="2018-02-24", dead=1), rep("e2", day="2018-02-25", dead=1)
    assert link_evidence(monday, tuesday, metas) is None
    big = link_evidence(rep("e1", day="2018-02-24", dead=22), rep("e2", day="2018-02-25", dead=22), metas)
    assert big is not None and "toll" in big.points


def test_source_fields_with_links_split_into_outlets():
    assert split_sources("SOHR: SOHR__http://example.org/?p=85885; SOHR__http://example.org/?p=2") == (["SOHR"], [])
    assert split_sources("SHAM; SOHR; SHAM_http://example.org/reports/x") == (["SHAM", "SOHR"], [])
    assert split_sources("Step News Agency: Step_https://example.org/a; SOHR") == (["Step News Agency", "SOHR"], [])


def test_a_growing_toll_of_a_gas_attack_on_a_later_day_is_one_happening():
    metas = {"f1": ArticleMeta("Outlet A"), "f2": ArticleMeta("Outlet B")}
    first = rep("f1", day="2018-01-15", sub="Chemical weapon", dead=5)
    later = rep("f2", day="2018-01-17", sub="Chemical weapon", dead=70)
    assert groups([first, later], metas) == [["f1:0", "f2:0"]]
    # a much smaller toll two days later is another strike
    smaller = rep("f2", day="2018-01-17", sub="Air/drone strike", dead=2)
    assert groups([rep("f1", day="2018-01-15", dead=40), smaller], metas) == [["f1:0"], ["f2:0"]]


def test_a_source_field_names_outlets_and_the_sides_that_speak():
    # the side that speaks is the claim's author, not an outlet
    assert split_sources("Reuters; Russian Ministry of Defence") == (["Reuters"], ["Russian Ministry of Defence"])
    assert split_sources("AFP and Syrian army") == (["AFP"], ["Syrian army"])
    # an export's broken link, a tweet's number and a note's words that slipped into the field are no outlets
    field = "Monitor Wire; Map Site: MapSite_ttps://example.org/en/2018/status/123; 956544360203644932; &"
    assert split_sources(field) == (["Monitor Wire", "Map Site"], [])
    assert split_sources("Daily Wire; likely regime or Russian warplanes") == (["Daily Wire"], [])
    # an outlet whose name starts with an article in lower case stays
    assert split_sources("al-Masdar News")[0] == ["al-Masdar News"]
    # a news agency through which a side speaks is an outlet still
    assert split_sources("Anadolu Agency; Turkish military") == (["Anadolu Agency"], ["Turkish military"])
