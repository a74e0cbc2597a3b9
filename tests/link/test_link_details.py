"""Which points single out a happening: an area and a town near it, two days at one town, and the order a
week- or month-dated report joins in (rules.link_evidence, LinkEvidence.score).

Reports are written here by hand; places are real Syrian towns with their coordinates (GeoNames).
"""
from __future__ import annotations

from dataclasses import replace

from warwire.link import ArticleMeta, link_reports
from warwire.link.rules import LinkEvidence, link_evidence, one_document, source_documents
from warwire.model import Actor, Count, Location, Report

DOUMA = dict(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5722, lon=36.4036, geo_precision=1)
# an area about 5 km from Douma, as outlets name the region
EASTERN_GHOUTA = dict(name="Eastern Ghouta", country="Syria", admin1="Rural Damascus", lat=33.55, lon=36.4,
                      geo_precision=2)
SYRIA = dict(name="Military Forces of Syria", kind="State forces", country="Syria")
REBELS = dict(name="Opposition Rebels (Syria)", kind="Rebel group", country="Syria")


def rep(article, index=0, *, day="2018-01-06", place=DOUMA, sub="Armed clash", etype="Battles", dead=None,
        precision=1, told=True):
    return Report(event_type=etype, sub_event_type=sub, date=day, date_precision=precision,
                  location=Location(**place), actor1=Actor(**SYRIA), actor2=Actor(**REBELS),
                  fatalities=Count(best=dead, low=dead), primary=True,
                  evidence={"date": [0, 9]} if told else {}, article_id=article, index=index)


def metas(**words):
    out = {f"a{i}": ArticleMeta(outlet=f"Outlet {i}", published="2018-01-06") for i in range(1, 6)}
    for aid, found in words.items():
        out[aid] = replace(out[aid], words=frozenset(found))
    return out


def groups(reports, articles):
    return sorted(sorted(e.reports) for e in link_reports(reports, articles).events)


def test_an_area_and_a_town_near_it_link_on_a_detail_not_on_type_sides_and_a_death_or_two():
    # "clashes in the Eastern Ghouta, two fighters killed" and "clashes in Douma, three killed": the front runs
    # through every town of the area each day
    area, town = rep("a1", place=EASTERN_GHOUTA, dead=2), rep("a2", dead=3)
    assert link_evidence(area, town, metas()) is None
    assert groups([area, town], metas()) == [["a1:0"], ["a2:0"]]
    # the same toll of a dozen is a detail of one happening
    area, town = rep("a1", place=EASTERN_GHOUTA, dead=12), rep("a2", dead=12)
    ev = link_evidence(area, town, metas())
    assert ev is not None and ev.place == "within" and "toll" in ev.points
    # and so are the words both stories open with
    area, town = rep("a1", place=EASTERN_GHOUTA, dead=2), rep("a2", dead=3)
    assert link_evidence(area, town, metas(a1={"hospital"}, a2={"hospital"})) is not None


def test_one_town_on_two_days_links_on_a_detail_beyond_a_common_weapon():
    # a landmine killing two in one town, then two more the next day: mines go off there every week
    mine = dict(sub="Remote explosive/landmine/IED", etype="Explosions/Remote violence")
    first, second = rep("a1", dead=2, **mine), rep("a2", day="2018-01-07", dead=2, **mine)
    assert link_evidence(first, second, metas()) is None
    # the same bomb told again the next day: the toll of a dozen, or the words of the place it hit
    first, second = rep("a1", dead=12, **mine), rep("a2", day="2018-01-07", dead=12, **mine)
    assert link_evidence(first, second, metas()) is not None
    first, second = rep("a1", dead=2, **mine), rep("a2", day="2018-01-07", dead=2, **mine)
    assert link_evidence(first, second, metas(a1={"market"}, a2={"market"})) is not None
    # on one day the weapon is enough, as before
    assert link_evidence(rep("a1", dead=2, **mine), rep("a2", dead=2, **mine), metas()) is not None


def test_a_week_or_month_dated_link_comes_after_a_late_reports_link():
    vague = LinkEvidence("same", 3, ("sub-type", "weapon"), 1, vague=True)
    late = LinkEvidence("same", 6, ("late report", "sub-type", "weapon", "toll"), 3)
    day = LinkEvidence("same", 0, ("sub-type",), 1)
    assert day.score > late.score > vague.score


def test_a_month_dated_report_never_pulls_a_late_story_away_from_the_attack_it_retells():
    gas = dict(sub="Chemical weapon", etype="Explosions/Remote violence")
    articles = {"first": ArticleMeta("Outlet A", "2018-04-07"), "second": ArticleMeta("Outlet B", "2018-04-07"),
                "later": ArticleMeta("Outlet C", "2018-04-15"), "digest": ArticleMeta("Outlet D", "2018-04-16")}
    first = rep("first", day="2018-04-07", dead=42, **gas)
    second = rep("second", day="2018-04-07", dead=40, **gas)
    # a story a week later that tells no date of its own: the attack retold
    later = rep("later", day="2018-04-15", told=False, place=EASTERN_GHOUTA, **gas)
    # a digest telling the attack on its day and, dated only to the month, "gas attacks this month"
    digest_day = rep("digest", 0, day="2018-04-07", dead=42, **gas)
    digest_month = rep("digest", 1, day="2018-04-16", precision=3, place=EASTERN_GHOUTA, **gas)
    found = groups([first, second, later, digest_day, digest_month], articles)
    attack = next(g for g in found if "first:0" in g)
    assert {"second:0", "later:0", "digest:0"} <= set(attack)
    assert "digest:1" not in attack


def test_records_coded_from_one_document_are_its_events_never_one():
    # a coder read one monitor's page and wrote a record per town, copying its closing total into each
    fields = {"r1": "Monitor: Monitor_https://monitor.example.org/en/?p=1201",
              "r2": "Monitor: Monitor_http://www.monitor.example.org/en/?p=1201; Monitor_https://monitor.example.org/?p=9",
              "r3": "Agency: https://agency.example.org/reports/1201"}
    articles = {aid: ArticleMeta(f, "2018-01-06", documents=source_documents(f)) for aid, f in fields.items()}
    shelling = dict(sub="Shelling/artillery/missile attack", etype="Explosions/Remote violence", dead=13)
    first, second, other = rep("r1", 1, **shelling), rep("r2", 1, **shelling), rep("r3", **shelling)
    assert one_document(articles["r1"], articles["r2"]) and not one_document(articles["r1"], articles["r3"])
    assert link_evidence(first, second, articles) is None
    # a record from another document links to either, but never brings the two into one event
    assert link_evidence(first, other, articles) is not None
    found = groups([first, second, other], articles)
    assert ["r1:1", "r2:1"] not in found and not any({"r1:1", "r2:1"} <= set(g) for g in found)
    # news articles cite no document in their outlet field
    assert source_documents("Reuters") == frozenset() and source_documents("www.sana.sy") == frozenset()


def test_the_scoring_rule_names_what_a_pair_that_may_join_lacks():
    from warwire.link.rules import SHORT_OF, judge_same

    # an area and a town sharing type, sides and a death or two: no detail of one happening
    area, town = rep("a1", place=EASTERN_GHOUTA, dead=2), rep("a2", dead=3)
    assert judge_same(area, town, metas()) == "detail within"
    # a landmine at one town two days running, two dead each time: a common weapon is no detail on another day
    mine = dict(sub="Remote explosive/landmine/IED", etype="Explosions/Remote violence")
    first, second = rep("a1", dead=2, **mine), rep("a2", day="2018-01-07", dead=2, **mine)
    assert judge_same(first, second, metas()) == "detail on another day"
    assert {"detail within", "detail on another day"} <= set(SHORT_OF)
    # with a toll of a dozen in common the pair links, and the scoring rule gives what link_evidence gives
    area, town = rep("a1", place=EASTERN_GHOUTA, dead=12), rep("a2", dead=12)
    assert judge_same(area, town, metas()) == link_evidence(area, town, metas())
