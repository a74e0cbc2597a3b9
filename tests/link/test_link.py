"""Linking reports into events, on reports written here by hand."""
from __future__ import annotations

import random

from warwire.link import ArticleMeta, compatible, link_reports, match_score
from warwire.model import Actor, Claim, Count, Location, Report, Victims
from warwire.verify.contradictions import find_contradictions

KAFRANBEL = dict(name="Kafranbel", country="Syria", admin1="Idlib", lat=35.6138, lon=36.5645, geo_precision=1,
                 geonames_id=168661)
MAARRAT = dict(name="Maarrat al-Numan", country="Syria", admin1="Idlib", lat=35.6481, lon=36.6717,
               geo_precision=1, geonames_id=169304)
# Saraqib lies about 40 km from Kafranbel
SARAQIB = dict(name="Saraqib", country="Syria", admin1="Idlib", lat=35.8644, lon=36.8006, geo_precision=1,
               geonames_id=163345)
SYRIA_ARMY = dict(name="Military Forces of Syria", kind="State forces", country="Syria")


def report(article, index=0, *, place=KAFRANBEL, day="2019-08-20", sub="Air/drone strike",
           etype="Explosions/Remote violence", dead=None, qualifier="exact", actor1=SYRIA_ARMY, actor2=None,
           claimed_by=None, precision=1, tags=(), victims=None, geo_precision=None):
    loc = Location(**place) if place else None
    if loc and geo_precision:
        loc.geo_precision = geo_precision
    return Report(
        event_type=etype, sub_event_type=sub, tags=list(tags), date=day, date_precision=precision,
        location=loc, actor1=Actor(**actor1) if actor1 else None, actor2=Actor(**actor2) if actor2 else None,
        fatalities=Count(best=dead, low=dead, qualifier=qualifier if dead is not None else None),
        victims=Victims(**(victims or {})), claimed_by=Claim(**claimed_by) if claimed_by else None,
        article_id=article, index=index)


ARTICLES = {
    "a1": ArticleMeta(outlet="Reuters", published="2019-08-21"),
    "a2": ArticleMeta(outlet="SANA", published="2019-08-21"),
    "a3": ArticleMeta(outlet="Daily Sabah", published="2019-08-21", duplicate_of="a1"),
    "a4": ArticleMeta(outlet="AFP", published="2019-08-22"),
    "a5": ArticleMeta(outlet="Al Jazeera", published="2019-08-21"),
}


def test_two_outlets_same_strike_make_one_event_with_a_toll_contradiction():
    reports = [report("a1", dead=23), report("a2", dead=7)]
    result = link_reports(reports, ARTICLES)
    assert len(result.events) == 1
    event = result.events[0]
    assert event.fatalities["low"] == 7 and event.fatalities["high"] == 23
    assert event.reports == ["a1:0", "a2:0"]
    assert event.outlets == ["Reuters", "SANA"] and event.n_sources == 2
    found = find_contradictions(event, reports, ARTICLES)
    assert [c.field for c in found] == ["fatalities"]
    assert {v["value"]["best"] for v in found[0].values} == {7, 23}
    assert {v["outlet"] for v in found[0].values} == {"Reuters", "SANA"}


def test_best_estimate_prefers_the_monitor_over_a_party():
    monitor = dict(name="Syrian Observatory for Human Rights", kind="monitor")
    state = dict(name="Ministry of Defence", kind="government")
    reports = [report("a1", dead=23, claimed_by=monitor), report("a2", dead=7, claimed_by=state),
               report("a5", dead=9, claimed_by=dict(name="SANA", kind="state media"))]
    event = link_reports(reports, ARTICLES).events[0]
    assert event.fatalities == {"low": 7, "best": 23, "high": 23}


def test_syndicated_copy_counts_once():
    reports = [report("a1", dead=12), report("a3", dead=12), report("a2", dead=12)]
    (event,) = link_reports(reports, ARTICLES).events
    assert len(event.reports) == 3
    assert event.n_sources == 2
    assert "Daily Sabah" in event.outlets


def test_one_claimant_relayed_by_two_outlets_is_one_source():
    sohr = dict(name="Syrian Observatory for Human Rights", kind="monitor")
    reports = [report("a1", dead=12, claimed_by=sohr), report("a5", dead=12, claimed_by=sohr)]
    (event,) = link_reports(reports, ARTICLES).events
    assert event.n_sources == 1 and event.outlets == ["Al Jazeera", "Reuters"]


def test_toll_rising_in_a_later_article_is_an_update():
    reports = [report("a1", dead=12), report("a4", dead=20)]
    (event,) = link_reports(reports, ARTICLES).events
    assert find_contradictions(event, reports, ARTICLES) == []
    assert event.fatalities["high"] == 20


def test_toll_differing_the_same_day_is_a_contradiction_but_at_least_is_not():
    same_day = [report("a1", dead=68), report("a5", dead=12)]
    (event,) = link_reports(same_day, ARTICLES).events
    assert [c.field for c in find_contradictions(event, same_day, ARTICLES)] == ["fatalities"]
    bounded = [report("a1", dead=12, qualifier="at_least"), report("a5", dead=20)]
    (event,) = link_reports(bounded, ARTICLES).events
    assert find_contradictions(event, bounded, ARTICLES) == []


def test_different_perpetrators_and_victims_are_flagged():
    rebels = dict(name="Hayat Tahrir al-Sham", kind="Rebel group", country="Syria")
    reports = [report("a1", dead=10, victims={"civilians": 10}),
               report("a2", dead=10, actor1=rebels, sub="Shelling/artillery/missile attack",
                      actor2=dict(name="Military Forces of Syria", kind="State forces", country="Syria"))]
    (event,) = link_reports(reports, ARTICLES).events
    fields = {c.field for c in find_contradictions(event, reports, ARTICLES)}
    assert fields == {"actor1", "victims"}


def test_two_accounts_in_one_article_join_but_two_events_of_one_article_do_not():
    sana = dict(name="SANA", kind="state media")
    accounts = [report("a1", 0, dead=12), report("a1", 1, claimed_by=sana, geo_precision=2)]
    assert len(link_reports(accounts, ARTICLES).events) == 1
    events = [report("a1", 0, dead=12), report("a1", 1, place=MAARRAT, dead=3)]
    assert len(link_reports(events, ARTICLES).events) == 2


def test_towns_40_km_apart_do_not_link():
    a, b = report("a1", dead=5), report("a2", place=SARAQIB, dead=5)
    assert not compatible(a, b) and match_score(a, b) is None
    assert len(link_reports([a, b], ARTICLES).events) == 2


def test_province_level_report_links_within_its_admin1():
    idlib = dict(name="Idlib", country="Syria", admin1="Idlib", lat=35.8, lon=36.6, geo_precision=3)
    a, b = report("a1", dead=5), report("a2", place=idlib, dead=5)
    assert compatible(a, b)
    (event,) = link_reports([a, b], ARTICLES).events
    assert event.location.name == "Kafranbel"  # the most precise place


def test_type_date_actor_and_cumulative_rules():
    base = report("a1")
    assert compatible(base, report("a2", etype="Battles", sub="Armed clash"))
    assert not compatible(base, report("a2", etype="Violence against civilians", sub="Attack"))
    assert not compatible(base, report("a2", day="2019-08-23"))
    assert compatible(report("a1", precision=2), report("a2", day="2019-08-25"))
    assert not compatible(base, report("a2", tags=["cumulative"]))
    turkey = dict(name="Military Forces of Turkey", kind="State forces", country="Turkey")
    russia = dict(name="Military Forces of Russia", kind="State forces", country="Russia")
    assert not compatible(base, report("a2", actor1=turkey))
    assert compatible(base, report("a2", actor1=russia))  # allies: confused, flagged, not kept apart
    assert compatible(report("a1", actor1=turkey),
                      report("a2", actor1=dict(name="Unidentified Armed Group (Syria)", kind="Rebel group")))
    deal = report("a1", etype="Strategic developments", sub="Agreement")
    assert not compatible(deal, report("a2", etype="Strategic developments", sub="Arrests"))


def test_reports_without_place_or_date_become_events_of_their_own():
    reports = [report("a1", place=None), report("a2", place=None), report("a4", day=None)]
    assert len(link_reports(reports, ARTICLES).events) == 3


def test_daily_strikes_on_one_town_do_not_snowball():
    articles = {f"d{i}": ArticleMeta(outlet=f"Outlet {i % 2}", published="2019-08-30") for i in range(10)}
    reports = [report(f"d{i}", day=f"2019-08-{10 + i:02d}", dead=i + 1) for i in range(10)]
    events = link_reports(reports, articles).events
    for e in events:
        assert e.date_start and e.date_end
        span = (int(e.date_end[-2:]) - int(e.date_start[-2:]))
        assert span <= 2  # a day or two apart, with evidence; never a chain of days


def _scenario(seed=7, n=300):
    rng = random.Random(seed)
    places = [KAFRANBEL, MAARRAT, SARAQIB]
    articles, reports = {}, []
    for i in range(n):
        aid = f"art{i:04d}"
        articles[aid] = ArticleMeta(outlet=rng.choice(["Reuters", "AFP", "SANA", "AP"]),
                                    published=f"2019-08-{rng.randint(10, 28):02d}",
                                    duplicate_of=f"art{i - 1:04d}" if i and rng.random() < 0.1 else None)
        reports.append(report(aid, place=rng.choice(places), day=f"2019-08-{rng.randint(1, 20):02d}",
                              sub=rng.choice(["Air/drone strike", "Shelling/artillery/missile attack"]),
                              dead=rng.choice([None, 3, 5, 12, 20]), precision=rng.choice([1, 1, 1, 2])))
    return reports, articles


def test_a_vaguely_dated_report_joins_one_event_and_does_not_bridge_two():
    monday, friday = report("a1", day="2019-08-19", dead=5), report("a2", day="2019-08-23", dead=5)
    week = report("a4", day="2019-08-21", precision=2, dead=5)
    events = link_reports([monday, friday, week], ARTICLES).events
    assert sorted(len(e.reports) for e in events) == [1, 2]


def test_same_events_whatever_the_input_order():
    reports, articles = _scenario()
    first = [e.to_dict() for e in link_reports(reports, articles).events]
    shuffled = list(reports)
    random.Random(1).shuffle(shuffled)
    assert [e.to_dict() for e in link_reports(shuffled, articles).events] == first


def test_incremental_gives_the_full_result():
    reports, articles = _scenario()
    full = link_reports(reports, articles).events
    old = link_reports(reports[:200], articles).events
    step = link_reports(reports, articles, existing=old)
    assert step.events  # something changed
    assert set(step.replaced_ids) <= {e.id for e in old}
    assert [e.to_dict() for e in step.apply(old)] == [e.to_dict() for e in full]
    # nothing new: nothing to do
    again = link_reports(reports, articles, existing=full)
    assert again.events == [] and again.replaced_ids == []


def test_two_villages_a_few_km_apart_stay_apart_but_a_neighbourhood_joins_its_town():
    hass = dict(name="Hass", country="Syria", admin1="Idlib", lat=35.5884, lon=36.5890, geo_precision=1)
    quarter = dict(name="Kafranbel west", country="Syria", admin1="Idlib", lat=35.6140, lon=36.5600,
                   geo_precision=1)
    a = report("a1", dead=5)
    assert compatible(a, report("a2", place=hass, dead=5))
    assert len(link_reports([a, report("a2", place=hass, dead=5)], ARTICLES).events) == 2
    assert len(link_reports([a, report("a2", place=quarter, dead=5)], ARTICLES).events) == 1


def test_a_day_apart_links_only_when_everything_else_agrees():
    assert len(link_reports([report("a1", dead=5), report("a2", day="2019-08-21", dead=5)], ARTICLES).events) == 1
    assert len(link_reports([report("a1", dead=5), report("a2", day="2019-08-21")], ARTICLES).events) == 2


def test_linking_in_several_batches_gives_the_full_result():
    for seed in (2, 3, 4):
        reports, articles = _scenario(seed=seed, n=150)
        order = list(reports)
        random.Random(seed).shuffle(order)
        events: list = []
        for stop in (40, 90, 150):
            events = link_reports(order[:stop], articles, existing=events).apply(events)
        assert [e.to_dict() for e in events] == [e.to_dict() for e in link_reports(reports, articles).events]


def test_incremental_over_a_year_of_daily_reports_equals_full():
    from datetime import date, timedelta

    articles = {f"y{i:03d}": ArticleMeta(outlet=f"Outlet {i % 3}", published="2020-01-01") for i in range(320)}
    day = lambda i: (date(2019, 1, 1) + timedelta(days=i)).isoformat()  # noqa: E731
    # one toll everywhere: each day links to the next, a chain as long as the year
    chain = [report(f"y{i:03d}", day=day(i), dead=4) for i in range(300)]
    far = [report(f"y{300 + i:03d}", place=SARAQIB, day=day(20 * i), dead=i) for i in range(15)]
    old = link_reports(chain + far, articles).events
    new = [report("y315", day=day(150), dead=4), report("y316", place=SARAQIB, day=day(40), dead=2)]
    step = link_reports(chain + far + new, articles, existing=old)
    full = link_reports(chain + far + new, articles).events
    assert [e.to_dict() for e in step.apply(old)] == [e.to_dict() for e in full]
