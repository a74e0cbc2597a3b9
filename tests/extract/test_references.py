"""References: a story's dated mentions of a past happening, which join that happening's event and make none.

The stories are written for these tests.
"""
from __future__ import annotations

import json

from warwire.cli.extract import article_line
from warwire.extract import extract_article
from warwire.extract.references import is_reference, split
from warwire.link import ArticleMeta, link_reports
from warwire.model import Actor, Article, Count, Location, Report

LATE_STORY = (
    "Inspectors say evidence points to government over gas attack\n\n"
    "GENEVA, Sept 10 (Wire) - International inspectors said on Tuesday that the evidence they gathered points to "
    "government forces, in a report that was shared with the Security Council and is due to be debated next week "
    "by its members.\n\n"
    "The chemical attack on Douma on August 21 left more than 400 people dead, according to local doctors and "
    "rescue workers, who said women and children hiding in basements made up most of the dead.\n\n"
    "The government has rejected the findings of the inspectors and said the team never visited the site, "
    "while its allies called for a new inquiry. Diplomats said a vote on a resolution was unlikely before the "
    "end of the month, and that several members of the council had asked for more time to read the report."
)


def _article(text=LATE_STORY, published="2019-09-10"):
    return Article(text=text, title=text.split("\n")[0], published=published, outlet="Wire")


def test_a_dated_past_happening_in_a_late_story_is_a_reference_not_a_report():
    found = extract_article(_article())
    reports, refs = split(found)
    gas = [r for r in refs if r.sub_event_type == "Chemical weapon"]
    assert gas, [(r.sub_event_type, r.date, r.tags) for r in found]
    ref = gas[0]
    assert ref.date == "2019-08-21" and ref.date_precision == 1
    assert ref.location is not None and ref.location.name.casefold().startswith("d")  # Douma / Duma
    assert is_reference(ref) and not ref.primary
    assert "date" in ref.evidence
    assert not any(r.sub_event_type == "Chemical weapon" and r.date == "2019-08-21" for r in reports)


def test_extract_output_carries_references_beside_the_reports():
    article = _article()
    line = json.loads(article_line(article, extract_article(article)))
    assert all("reference" not in r["tags"] for r in line["reports"])
    assert line["references"] and all("reference" in r["tags"] for r in line["references"])
    assert sum(r["primary"] for r in line["reports"]) <= 1


def test_a_past_happening_told_by_its_month_is_a_reference_only_with_its_toll():
    month = LATE_STORY.replace("on August 21", "in August")
    refs = [r for r in extract_article(_article(month)) if is_reference(r) and r.sub_event_type == "Chemical weapon"]
    assert refs and refs[0].date == "2019-08-01" and refs[0].date_precision == 3
    # without its toll a month of a war names no one happening of a type; a count "since August" is no happening
    no_toll = month.replace("left more than 400 people dead", "was the worst of the summer")
    since = LATE_STORY.replace("The chemical attack on Douma on August 21 left", "Since August, chemical attacks on "
                               "Douma left")
    for text in (no_toll, since):
        assert not [r for r in extract_article(_article(text)) if is_reference(r)], text


DOUMA = dict(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5722, lon=36.4036, geo_precision=1)


def _news(article, day="2019-08-21", dead=380, tags=(), sub="Chemical weapon"):
    return Report(event_type="Explosions/Remote violence", sub_event_type=sub, date=day, date_precision=1,
                  location=Location(**DOUMA), tags=list(tags), fatalities=Count(best=dead, low=dead),
                  actor1=Actor(name="Military Forces of Syria", kind="State forces", country="Syria"),
                  article_id=article, index=0)


def test_a_reference_joins_the_event_the_news_made_and_makes_none_alone():
    metas = {"n1": ArticleMeta("Outlet A"), "n2": ArticleMeta("Outlet B"), "r1": ArticleMeta("Outlet C")}
    ref = _news("r1", dead=400, tags=["reference"])
    news = [_news("n1"), _news("n2", dead=410)]
    events = link_reports(news + [ref], metas).events
    assert len(events) == 1 and sorted(events[0].reports) == ["n1:0", "n2:0", "r1:0"]
    assert events[0].date_start == "2019-08-21" and "reference" not in events[0].tags
    assert link_reports([ref], metas).events == []
    # another weapon on another day is not the happening it names
    other = link_reports([_news("n1", day="2019-08-23", sub="Air/drone strike", dead=3), ref], metas).events
    assert [e.reports for e in other] == [["n1:0"]]


def test_a_reference_told_by_its_month_joins_that_months_event_on_a_detail_and_rules_out_none_of_it():
    metas = {"n1": ArticleMeta("Outlet A"), "n2": ArticleMeta("Outlet B"), "r1": ArticleMeta("Outlet C")}
    month = _news("r1", day="2019-08-01", dead=400, tags=["reference"])
    month.date_precision = 3
    events = link_reports([_news("n1"), _news("n2", day="2019-08-22", dead=410), month], metas).events
    assert len(events) == 1 and sorted(events[0].reports) == ["n1:0", "n2:0", "r1:0"]
    assert events[0].date_start == "2019-08-21"  # the reference's month does not date the event
    # two outlets' tolls of one raid on a market differ; the reference's agrees with one, and names the same sides:
    # it joins the raid's event all the same
    raid = _sides(_news("r1", day="2019-08-01", dead=8, tags=["reference"], sub="Air/drone strike"))
    raid.date_precision = 3
    told = [_sides(_news("n1", dead=8, sub="Air/drone strike")), _news("n2", dead=30, sub="Air/drone strike")]
    assert [sorted(e.reports) for e in link_reports(told + [raid], metas).events] == [["n1:0", "n2:0", "r1:0"]]
    # another month's attack, or a toll that is no detail of this one, is not the happening it names
    july = link_reports([_news("n1", day="2019-07-30"), month], metas).events  # two days before its month
    assert [e.reports for e in july] == [["n1:0"]]
    strikes = _sides(_news("r1", day="2019-08-01", dead=9, tags=["reference"], sub="Air/drone strike"))
    strikes.date_precision = 3
    small = link_reports([_sides(_news("n1", dead=2, sub="Air/drone strike")), strikes], metas).events
    assert [e.reports for e in small] == [["n1:0"]]
    # an agreeing toll alone meets many happenings of a month in a town: it needs one more detail (here the sides)
    toll_only = link_reports([_news("n1", dead=8, sub="Air/drone strike"), strikes], metas).events
    assert [e.reports for e in toll_only] == [["n1:0"]]
    agree = link_reports([_sides(_news("n1", dead=8, sub="Air/drone strike")), strikes], metas).events
    assert [sorted(e.reports) for e in agree] == [["n1:0", "r1:0"]]


def _sides(r: Report) -> Report:
    r.actor2 = Actor(name="Civilians (Syria)", kind="Civilians", country="Syria")
    return r
