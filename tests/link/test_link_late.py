"""Late reports: a story whose text tells no date, dated by its publication day, may tell a happening of the
days before (rules.late_evidence). Reports are written here by hand; places are real Syrian towns (GeoNames).
"""
from __future__ import annotations

from warwire.link import ArticleMeta, link_reports
from warwire.link.rules import is_late, link_evidence, settings
from warwire.model import Actor, Count, Location, Report

DOUMA = dict(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5722, lon=36.4036, geo_precision=1)
# an area about 5 km from Douma, as outlets name the region
EASTERN_GHOUTA = dict(name="Eastern Ghouta", country="Syria", admin1="Rural Damascus", lat=33.55, lon=36.4,
                      geo_precision=2)
SYRIA = dict(name="Military Forces of Syria", kind="State forces", country="Syria")


def rep(article, index=0, *, day, told=True, place=DOUMA, sub="Chemical weapon",
        etype="Explosions/Remote violence", dead=None):
    """A report; ``told``: its date was read from its text (the evidence holds the date's words)."""
    return Report(event_type=etype, sub_event_type=sub, date=day, date_precision=1, location=Location(**place),
                  actor1=Actor(**SYRIA), fatalities=Count(best=dead, low=dead), primary=True,
                  evidence={"date": [0, 9]} if told else {}, article_id=article, index=index)


def meta(published, outlet):
    return ArticleMeta(outlet=outlet, published=published)


ARTICLES = {
    "first": meta("2018-04-07", "Outlet A"), "second": meta("2018-04-07", "Outlet B"),
    "later": meta("2018-04-13", "Outlet C"), "much_later": meta("2018-05-20", "Outlet D"),
}


def events_of(reports, articles=ARTICLES):
    return sorted(sorted(e.reports) for e in link_reports(reports, articles).events)


def test_a_story_dated_by_its_publication_day_joins_the_attack_told_days_before():
    first = rep("first", day="2018-04-07", dead=42)
    later = rep("later", day="2018-04-13", told=False, place=EASTERN_GHOUTA)
    # a story of the next day telling the attack's day is not late; the late story is
    assert is_late(later, ARTICLES["later"]) and not is_late(first, meta("2018-04-08", "Outlet A"))
    ev = link_evidence(first, later, ARTICLES)
    assert ev is not None and ev.points[0] == "late report" and ev.days == 6
    [event] = link_reports([first, later], ARTICLES).events
    assert sorted(event.reports) == ["first:0", "later:0"]
    # the event happened when the text says, not when the late story came out
    assert (event.date_start, event.date_end) == ("2018-04-07", "2018-04-07")
    assert "late report" in event.link_reasons["later:0"]


def test_a_late_story_whose_text_tells_a_day_before_its_own_is_another_happening():
    # "a gas attack on Douma on Thursday", in a story of the Friday: the text tells the happening's day
    first = rep("first", day="2018-04-07", dead=42)
    later = rep("later", day="2018-04-12", told=True)
    assert not is_late(later, ARTICLES["later"])
    assert link_evidence(first, later, ARTICLES) is None
    assert len(events_of([first, later])) == 2


def test_a_story_telling_only_its_publication_day_retells_an_earlier_attack_on_its_weapon_or_words():
    # "Rescuers said on Friday that the gas attack on Douma had left survivors struggling to breathe", in a Friday
    # story, six days after the attack: "on Friday" is the day the news was told, not the day of the attack
    first = rep("first", day="2018-04-07", dead=42)
    later = rep("later", day="2018-04-13", told=True)
    assert is_late(later, ARTICLES["later"])
    ev = link_evidence(first, later, ARTICLES)
    assert ev is not None and ev.points[0] == "late report" and "weapon" in ev.points
    [event] = link_reports([first, later], ARTICLES).events
    assert (event.date_start, event.date_end) == ("2018-04-07", "2018-04-07")
    # "air strikes killed 15 in Douma on Friday", a week after 15 died in air strikes there: a toll alike and a
    # common weapon are that day's news, not a retelling
    strike = dict(sub="Air/drone strike", dead=15)
    first, later = rep("first", day="2018-04-07", **strike), rep("later", day="2018-04-13", told=True, **strike)
    assert link_evidence(first, later, ARTICLES) is None
    # the same story whose text tells no day at all retells the strike on its toll (a late report as before)
    assert link_evidence(first, rep("later", day="2018-04-13", told=False, **strike), ARTICLES) is not None
    # and the words both stories open with single the strike out for the one telling its day
    words = dict(ARTICLES, first=ArticleMeta(outlet="Outlet A", published="2018-04-07", words=frozenset({"bakery"})),
                 later=ArticleMeta(outlet="Outlet C", published="2018-04-13", words=frozenset({"bakery"})))
    assert link_evidence(first, later, words) is not None


def test_a_late_story_needs_a_detail_of_the_happening():
    # air strikes on one town a week apart, no toll and no words in common: the routine of a front
    first = rep("first", day="2018-04-07", sub="Air/drone strike")
    later = rep("later", day="2018-04-13", told=False, sub="Air/drone strike")
    assert link_evidence(first, later, ARTICLES) is None
    # with the toll told again, it is the same strike
    first, later = rep("first", day="2018-04-07", sub="Air/drone strike", dead=15), \
        rep("later", day="2018-04-13", told=False, sub="Air/drone strike", dead=15)
    assert len(events_of([first, later])) == 1


def test_a_late_story_reaches_back_only_so_far():
    first = rep("first", day="2018-04-07", dead=42)
    much_later = rep("much_later", day="2018-05-20", told=False)
    assert settings()["linking"]["late_reports"]["days"] < 43
    assert len(events_of([first, much_later])) == 2


def test_a_late_story_with_a_much_smaller_toll_of_a_common_weapon_is_another_happening():
    first = rep("first", day="2018-04-07", sub="Remote explosive/landmine/IED", dead=40)
    later = rep("later", day="2018-04-13", told=False, sub="Remote explosive/landmine/IED", dead=2)
    assert len(events_of([first, later])) == 2


def test_a_late_story_joins_one_happening_and_never_bridges_two():
    # two gas attacks on Douma a week apart (each told by its day in a story of the next day), and a late story of
    # "the gas attack"
    one = rep("first", day="2018-04-01", dead=42)
    two = rep("second", day="2018-04-07", dead=42)
    later = rep("later", day="2018-04-13", told=False, dead=42)
    found = events_of([one, two, later], dict(ARTICLES, first=meta("2018-04-02", "Outlet A"),
                                              second=meta("2018-04-08", "Outlet B")))
    assert len(found) == 2
    assert ["later:0", "second:0"] in found  # the nearer one


def test_an_outlets_own_later_story_with_no_date_is_its_news_of_that_day():
    first = rep("first", day="2018-04-07", dead=42)
    later = rep("later", day="2018-04-13", told=False, dead=42)
    articles = dict(ARTICLES, later=meta("2018-04-13", "Outlet A"))
    assert link_evidence(first, later, articles) is None


def test_gas_attack_tolls_far_apart_a_day_later_are_one_attack_counted_again():
    # one clinic's count, then the region's: a rare weapon's tolls differ, the attack is one
    first = rep("first", day="2018-04-07", dead=20)
    second = rep("second", day="2018-04-08", dead=150, place=EASTERN_GHOUTA)
    third = rep("later", day="2018-04-09", dead=15)
    articles = dict(ARTICLES, later=meta("2018-04-09", "Outlet C"))
    assert len(events_of([first, second, third], articles)) == 1
    # a common weapon: a much smaller toll a day later is another bombing
    first = rep("first", day="2018-04-07", sub="Remote explosive/landmine/IED", dead=40)
    second = rep("second", day="2018-04-08", sub="Remote explosive/landmine/IED", dead=3)
    assert len(events_of([first, second], articles)) == 2


def test_incremental_linking_of_a_late_story_gives_what_a_full_link_gives():
    reports = [rep("first", day="2018-04-07", dead=42), rep("second", day="2018-04-07", dead=40),
               rep("second", 1, day="2018-04-07", sub="Air/drone strike", dead=3)]
    late = rep("later", day="2018-04-13", told=False, place=EASTERN_GHOUTA)
    before = link_reports(reports, ARTICLES).events
    step = link_reports(reports + [late], ARTICLES, existing=before)
    after = step.apply(before)
    full = link_reports(reports + [late], ARTICLES).events
    assert sorted(sorted(e.reports) for e in after) == sorted(sorted(e.reports) for e in full)
    assert ["first:0", "later:0", "second:0"] in [sorted(e.reports) for e in full]


def test_one_outlets_two_stories_of_a_gas_attack_days_apart_are_one_attack():
    articles = {"first": meta("2018-04-07", "Outlet A"), "second": meta("2018-04-09", "Outlet A")}
    first = rep("first", day="2018-04-07", place=EASTERN_GHOUTA)
    second = rep("second", day="2018-04-09")
    assert len(events_of([first, second], articles)) == 1
    # an outlet's two stories of shelling on those days, with nothing else in common, are two shellings
    sub = "Shelling/artillery/missile attack"
    first, second = rep("first", day="2018-04-07", sub=sub), rep("second", day="2018-04-09", sub=sub)
    assert len(events_of([first, second], articles)) == 2


def test_a_coded_record_is_dated_by_its_event_never_a_late_story():
    # two coded records (an event dataset's rows: the date column is the event's day, the note tells none) a week
    # apart at one town, one weapon and one toll: two events the coder told apart, not a late telling of the first
    first = rep("row1", day="2018-04-07", dead=42)
    second = rep("row2", day="2018-04-13", told=False, place=EASTERN_GHOUTA)
    as_stories = {"row1": meta("2018-04-07", "Monitor A"), "row2": meta("2018-04-13", "Monitor B")}
    assert is_late(second, as_stories["row2"]) and len(events_of([first, second], as_stories)) == 1
    coded = {k: ArticleMeta(outlet=m.outlet, published=m.published, event_dated=True) for k, m in as_stories.items()}
    assert not is_late(second, coded["row2"])
    assert link_evidence(first, second, coded) is None
    assert len(events_of([first, second], coded)) == 2


def test_two_coded_records_of_two_days_are_two_events():
    # a coded dataset records fighting that goes on for days as one event a day: two rows a day apart at one town,
    # of one type, sides and toll, are two events; the same two told as news stories are one happening told twice
    clash = dict(sub="Armed clash", etype="Battles", dead=12)
    first, second = rep("row1", day="2018-04-07", **clash), rep("row2", day="2018-04-08", **clash)
    as_stories = {"row1": meta("2018-04-07", "Monitor A"), "row2": meta("2018-04-08", "Monitor B")}
    assert link_evidence(first, second, as_stories) is not None
    assert events_of([first, second], as_stories) == [["row1:0", "row2:0"]]
    coded = {k: ArticleMeta(outlet=m.outlet, published=m.published, event_dated=True) for k, m in as_stories.items()}
    assert link_evidence(first, second, coded) is None
    assert events_of([first, second], coded) == [["row1:0"], ["row2:0"]]
    # a news story joins one of them, never makes the two one event
    story = rep("story", day="2018-04-07", **clash)
    with_story = {**coded, "story": meta("2018-04-07", "Outlet C")}
    groups = events_of([first, second, story], with_story)
    assert len(groups) == 2 and not any("row1:0" in g and "row2:0" in g for g in groups)
    # linked in two steps as in one
    before = link_reports([first, story], with_story).events
    after = link_reports([first, second, story], with_story, existing=before).apply(before)
    assert sorted(sorted(e.reports) for e in after) == groups
    # two rows of one day stay free to be one event (several rows a coder made of one happening's sources)
    same_day = rep("row2", day="2018-04-07", **clash)
    coded_same = {**coded, "row2": ArticleMeta(outlet="Monitor B", published="2018-04-07", event_dated=True)}
    assert events_of([first, same_day], coded_same) == [["row1:0", "row2:0"]]


def test_a_late_story_sat_with_its_own_days_reports_goes_to_the_happening_it_retells():
    # Three outlets tell a suicide bombing at a Douma market on its day. Six days on, a story with no date of its
    # own ("the bombing of the market killed 30") sits with a report of its day at Douma that the next day's story
    # also tells; its link to the bombing's first account is taken after that, and that report of six days later
    # may never share the bombing's event. The late story links to every account of the bombing, to one of its
    # day: it goes to the bombing's event, whichever link grouping took first.
    market = frozenset({"market"})
    articles = {
        "a": ArticleMeta("Outlet A", "2018-04-07", words=market), "b": ArticleMeta("Outlet B", "2018-04-07",
                                                                                   words=market),
        "c": ArticleMeta("Outlet C", "2018-04-07", words=market), "late": ArticleMeta("Outlet D", "2018-04-13",
                                                                                      words=market),
        "own_day": ArticleMeta("Outlet E", "2018-04-14", words=market),
    }
    bombing = [rep(x, day="2018-04-07", sub="Suicide bomb", dead=30) for x in "abc"]
    late = rep("late", day="2018-04-13", told=False, sub="Suicide bomb", dead=30)
    own_day = rep("own_day", day="2018-04-13", sub="Suicide bomb", dead=2)
    assert all(link_evidence(late, b, articles).points[0] == "late report" for b in bombing)
    assert link_evidence(late, own_day, articles) is not None
    assert all(link_evidence(own_day, b, articles) is None for b in bombing)
    events = link_reports([*bombing, late, own_day], articles).events
    assert sorted(sorted(e.reports) for e in events) == [["a:0", "b:0", "c:0", "late:0"], ["own_day:0"]]
    # the event says why the late story joined it
    [event] = [e for e in events if "late:0" in e.reports]
    assert "late report" in event.link_reasons["late:0"]
