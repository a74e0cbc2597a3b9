"""Reports and events in the store: idempotent saves, replacement, links between them."""
from __future__ import annotations

import pytest

from warwire.model import Actor, Article, Claim, Contradiction, Count, Event, Location, Report, Victims
from warwire.store import open_store

DOUMA = Location(name="Douma", country="Syria", admin1="Rural Damascus", admin2="Duma", lat=33.5711,
                 lon=36.4022, geo_precision=1, geonames_id=170592)


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture
def articles(store):
    arts = [Article(text=f"Report {i}: air strikes on Douma killed {i + 3} people.", outlet=f"Outlet {i}")
            for i in range(3)]
    store.add_articles(arts)
    return [a.id for a in arts]


def strike(best=23, date="2018-02-19", location=DOUMA):
    return Report(
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", tags=["siege"],
        date=date, date_precision=1, location=location,
        actor1=Actor(name="Military Forces of Syria", kind="State forces", country="Syria"),
        actor2=Actor(name="Civilians (Syria)", kind="Civilians", country="Syria"),
        fatalities=Count(best=best, low=best, qualifier="at_least"), victims=Victims(civilians=best, children=6),
        injured=Count(best=40, qualifier="about"),
        claimed_by=Claim(name="Syrian Observatory for Human Rights", kind="monitor"),
        primary=True, evidence={"fatalities": [40, 52]}, confidence=0.9,
    )


def shelling():
    return Report(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                  date="2018-02-20", location=Location(name="Damascus", country="Syria"))


def test_save_extractions_round_trip(store, articles):
    reports = [strike(), shelling()]
    store.save_extractions([(articles[0], reports, None)], extractor_version="0.1")
    assert [r.id for r in reports] == [f"{articles[0]}:0", f"{articles[0]}:1"]  # ids set on the objects
    stored = list(store.iter_reports(article_id=articles[0]))
    assert stored == reports
    assert stored[0].to_dict() == strike().to_dict()
    assert store.count_reports() == 2


def test_save_extractions_twice_keeps_one_copy(store, articles):
    batch = [(articles[0], [strike(), shelling()], None), (articles[1], [strike(7)], None)]
    store.save_extractions(batch)
    store.save_extractions(batch)
    assert store.count_reports() == 3
    # A repeated article inside one batch: the last result wins.
    store.save_extractions([(articles[2], [strike()], None), (articles[2], [shelling()], None)])
    assert [r.sub_event_type for r in store.iter_reports(article_id=articles[2])] == [
        "Shelling/artillery/missile attack"]


def test_reextraction_replaces_reports_and_errors(store, articles):
    store.save_extractions([(articles[0], [strike(), shelling(), strike(5)], None)])
    store.save_extractions([(articles[0], [shelling()], None), (articles[1], None, "ValueError: bad date")])
    assert [r.id for r in store.iter_reports()] == [f"{articles[0]}:0"]
    errors = store.errors()
    assert [(e["article_id"], e["error"]) for e in errors] == [(articles[1], "ValueError: bad date")]
    assert [a.id for a in store.pending_articles()] == [articles[2]]
    # Fixed on the next run: the error goes away.
    store.save_extractions([(articles[1], [strike()], None)])
    assert store.errors() == []


def test_report_filters(store, articles):
    store.save_extractions([
        (articles[0], [strike(date="2018-02-19"), shelling()], None),
        (articles[1], [strike(date="2018-03-01", location=Location(name="Afrin", country="Syria"))], None),
        (articles[2], [strike(date="2018-03-02", location=Location(name="Kirkuk", country="Iraq"))], None),
    ])
    assert store.count_reports(country="Syria") == 3
    assert store.count_reports(since="2018-02-20", until="2018-03-01") == 2
    assert [r.location.name for r in store.iter_reports(country="Iraq")] == ["Kirkuk"]
    assert [r.id for r in store.iter_reports(ids=[f"{articles[0]}:1"])] == [f"{articles[0]}:1"]


def event(eid, report_ids, best=23, date="2018-02-19"):
    return Event(
        id=eid, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date_start=date,
        date_end=date, location=DOUMA, actor1=Actor(name="Military Forces of Syria", kind="State forces"),
        fatalities={"low": 7, "best": best, "high": 23}, victims=Victims(civilians=best), reports=report_ids,
        outlets=["Outlet 0", "Outlet 1"], n_sources=len(report_ids),
        contradictions=[Contradiction(field="fatalities", values=[{"value": 23, "report": report_ids[0]}])],
    )


def test_events_save_get_replace(store, articles):
    store.save_extractions([(aid, [strike()], None) for aid in articles])
    r0, r1, r2 = (f"{aid}:0" for aid in articles)
    first = event("ev-a", [r0, r1])
    store.save_events([first, event("ev-b", [r2], date="2018-03-01")])
    assert store.get_event("ev-a") == first
    assert store.count_events() == 2
    assert store.event_of_report(r1) == "ev-a"
    assert [e.id for e in store.iter_events(since="2018-02-25")] == ["ev-b"]
    # Saving an event again replaces it; linking r2 into it moves r2 out of ev-b, which is replaced.
    merged = event("ev-a", [r0, r1, r2], best=30)
    store.save_events([merged], replace_ids=["ev-b"])
    assert store.count_events() == 1
    assert store.get_event("ev-a").fatalities["best"] == 30
    assert store.get_event("ev-b") is None
    assert store.event_of_report(r2) == "ev-a"
    assert store.event_of_report("nope:0") is None
    store.save_events([event("ev-a", [r0, r1, r2], best=30)])
    assert store.count_events() == 1
    kept = store.iter_events(country="Syria", event_type="Explosions/Remote violence")
    assert [e.fatalities["best"] for e in kept] == [30]


def test_reextraction_unlinks_reports_from_events(store, articles):
    store.save_extractions([(articles[0], [strike()], None)])
    store.save_events([event("ev-a", [f"{articles[0]}:0"])])
    store.save_extractions([(articles[0], [], None)])
    assert store.event_of_report(f"{articles[0]}:0") is None
