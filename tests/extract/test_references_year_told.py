"""A past happening a story tells years later by its place and year only ("nerve gas was used on the suburb in
2015"), with a toll: a reference dated to its year, which joins that year's event on a large toll that agrees.

The stories and reports are written for these tests.
"""
from __future__ import annotations

from warwire.extract import extract_article
from warwire.extract.references import YEAR, is_reference
from warwire.link import ArticleMeta, link_reports
from warwire.link.rules import link_evidence
from warwire.model import Actor, Article, Count, Location, Report

STORY = (
    "Rescuers report breathing cases after raid on Saraqib\n\n"
    "Rescue workers in Idlib province said on Thursday that a dozen people were treated for breathing problems "
    "after helicopters dropped barrels on the town of Saraqib overnight, and that no one had died.\n\n"
    "The government has denied using banned weapons in the war. Inspectors found that nerve gas was fired on the "
    "town of Douma in 2015. Western governments blamed the army for that attack, which they say killed 640 "
    "people.\n\n"
    "Diplomats said the council would meet next week to discuss the findings."
)


def _article(text=STORY, published="2019-06-20"):
    return Article(text=text, title=text.split("\n")[0], published=published, outlet="Wire")


def _year_refs(text=STORY, published="2019-06-20"):
    return [r for r in extract_article(_article(text, published)) if is_reference(r) and r.date_precision == YEAR]


def test_a_happening_told_by_its_place_and_year_with_the_next_sentences_toll_is_a_year_dated_reference():
    refs = _year_refs()
    assert len(refs) == 1, [(r.sub_event_type, r.date, r.date_precision) for r in extract_article(_article())]
    ref = refs[0]
    assert ref.sub_event_type == "Chemical weapon" and ref.date == "2015-01-01"
    assert ref.location is not None and ref.location.name.casefold().startswith("d")  # Douma / Duma
    assert ref.fatalities.best == 640 and not ref.primary


def test_a_year_told_happening_needs_a_counted_toll_one_earlier_year_and_a_place_in_its_sentence():
    assert _year_refs()
    no_toll = STORY.replace(", which they say killed 640 people", "")
    vague = STORY.replace("killed 640 people", "killed hundreds of people")
    other_attack = STORY.replace("for that attack", "for an attack on Saraqib")  # not the happening told before
    two_years = STORY.replace("in 2015", "in 2015 and in 2016")
    this_year = STORY.replace("in 2015", "in 2019")
    no_place = STORY.replace("on the town of Douma in 2015", "on a crowded town in 2015")  # Saraqib is today's news
    for text in (no_toll, vague, other_attack, two_years, this_year, no_place):
        assert not _year_refs(text), text


DOUMA = dict(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5722, lon=36.4036, geo_precision=1)
METAS = {a: ArticleMeta(outlet=f"Outlet {a}") for a in ("n1", "n2", "n3", "r1")}


def _report(article, day="2015-08-21", dead=600, sub="Chemical weapon", precision=1, reference=False):
    return Report(event_type="Explosions/Remote violence", sub_event_type=sub, date=day, date_precision=precision,
                  location=Location(**DOUMA), tags=["reference"] if reference else [],
                  fatalities=Count(best=dead, low=dead, qualifier="exact"),
                  actor1=Actor(name="Military Forces of Syria", kind="State forces", country="Syria"),
                  article_id=article, index=0)


def _year_ref(dead=640, day="2015-01-01"):
    return _report("r1", day=day, dead=dead, precision=YEAR, reference=True)


def _groups(reports):
    return sorted(sorted(e.reports) for e in link_reports(reports, METAS).events)


def test_a_year_told_reference_joins_its_years_event_on_a_large_toll_that_agrees_and_says_so():
    news = [_report("n1"), _report("n2", day="2015-08-22", dead=650)]
    ev = link_evidence(_year_ref(), news[0], METAS)
    assert ev is not None and "told by its year" in ev.reason()
    assert _groups(news + [_year_ref()]) == [["n1:0", "n2:0", "r1:0"]]
    assert _groups([_year_ref()]) == []  # it makes no event alone


def test_a_year_told_reference_joins_nothing_of_another_year_a_small_toll_or_a_toll_apart():
    assert _groups([_report("n1", day="2015-12-30"), _year_ref()]) == [["n1:0", "r1:0"]]
    assert _groups([_report("n1", day="2016-08-21"), _year_ref()]) == [["n1:0"]]
    assert _groups([_report("n1", dead=40), _year_ref(dead=40)]) == [["n1:0"]]  # a year holds many such raids
    assert _groups([_report("n1", dead=150), _year_ref()]) == [["n1:0"]]
    assert _groups([_report("n1", sub="Air/drone strike"), _year_ref()]) == [["n1:0"]]


def test_incremental_linking_of_a_year_told_reference_gives_what_a_full_link_gives():
    news = [_report("n1"), _report("n2", day="2015-08-22", dead=650), _report("n3", day="2015-03-02", dead=3)]
    before = link_reports(news, METAS).events
    after = link_reports(news + [_year_ref()], METAS, existing=before).apply(before)
    full = link_reports(news + [_year_ref()], METAS).events
    assert [e.to_dict() for e in after] == [e.to_dict() for e in full]
    assert ["n1:0", "n2:0", "r1:0"] in [sorted(e.reports) for e in full]
    # the other way round: the reference is in, the news of its year comes later
    first = link_reports([_year_ref(), news[2]], METAS).events
    later = link_reports(news + [_year_ref()], METAS, existing=first).apply(first)
    assert [e.to_dict() for e in later] == [e.to_dict() for e in full]


def test_a_year_told_reference_in_an_event_contradicts_no_day_of_its_year():
    from warwire.verify.contradictions import with_contradictions

    reports = [_report("n1"), _report("n2", dead=650), _year_ref()]
    (event,) = link_reports(reports, METAS).events
    assert "r1:0" in event.reports
    with_contradictions([event], {r.id: r for r in reports}, METAS)
    assert "date" not in {c.field for c in event.contradictions}
