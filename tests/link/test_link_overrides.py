"""Events merged or split by hand stay so through every re-link, full or incremental, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from warwire.cli import app
from warwire.errors import WarwireError
from warwire.link.overrides import merge_events, replay, split_event
from warwire.model import Actor, Article, Count, Location, Report
from warwire.store import open_store
from warwire.verify.contradictions import link_and_check, with_contradictions

KAFRANBEL = dict(name="Kafranbel", country="Syria", admin1="Idlib", lat=35.6138, lon=36.5645, geo_precision=1)
# about 16 km from Kafranbel: another town, which linking keeps apart
MAARRAT = dict(name="Maarrat al-Numan", country="Syria", admin1="Idlib", lat=35.6481, lon=36.6717, geo_precision=1)


def report(article, *, place=KAFRANBEL, dead=None, day="2019-08-20"):
    return Report(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date=day,
                  date_precision=1, location=Location(**place),
                  actor1=Actor("Military Forces of Syria", "State forces", "Syria"),
                  fatalities=Count(best=dead, low=dead, qualifier="exact"), article_id=article, index=0)


TEXTS = [("Warplanes killed 12 people in air strikes on Kafranbel on Tuesday, a monitor said.", "Outlet A", KAFRANBEL),
         ("Air strikes on Kafranbel on Tuesday killed 12 civilians, rescuers said.", "Outlet B", KAFRANBEL),
         ("An air strike on Maarrat al-Numan on Tuesday killed 12 people at a market.", "Outlet C", MAARRAT)]


def _fill(store):
    arts = [Article(text=t, outlet=o, published="2019-08-21") for t, o, _ in TEXTS]
    store.add_articles(arts)
    store.save_extractions([(a.id, [report(a.id, place=p, dead=12)], None) for a, (_, _, p) in zip(arts, TEXTS)])
    return [f"{a.id}:0" for a in arts]


def _groups(store):
    return sorted(sorted(e.reports) for e in store.iter_events())


def test_replay_applies_acts_in_order():
    groups = [{"a", "b"}, {"c"}]
    assert sorted(map(sorted, replay(groups, [{"kind": "merge", "reports": ["a", "c"]}]))) == [["a", "b", "c"]]
    split = {"kind": "split", "reports": ["b"], "apart": ["a"]}
    assert sorted(map(sorted, replay(groups, [split]))) == [["a"], ["b"], ["c"]]
    # a later merge of what was split wins
    assert sorted(map(sorted, replay(groups, [split, {"kind": "merge", "reports": ["a", "b"]}]))) == [["a", "b"], ["c"]]


def test_a_merge_and_a_split_survive_a_full_relink(store_url):
    store = open_store(store_url)
    a, b, c = _fill(store)
    link_and_check(store)
    assert _groups(store) == sorted([sorted([a, b]), [c]])  # two towns 16 km apart: two events

    merged = merge_events(store, [store.event_of_report(a), store.event_of_report(c)], annotate=with_contradictions)
    assert [sorted(e.reports) for e in merged] == [sorted([a, b, c])]
    link_and_check(store, full=True)
    assert _groups(store) == [sorted([a, b, c])]
    event = store.get_event(store.event_of_report(c))
    assert "by hand" in event.link_reasons[c]

    split_event(store, event.id, [b], annotate=with_contradictions)
    assert _groups(store) == sorted([sorted([a, c]), [b]])
    link_and_check(store, full=True)
    assert _groups(store) == sorted([sorted([a, c]), [b]])


def test_a_verdict_and_a_split_survive_new_reports(store_url):
    store = open_store(store_url)
    a, b, c = _fill(store)
    link_and_check(store)
    event = store.get_event(store.event_of_report(a))
    event.verdict = {"status": "confirmed", "by": "a reader"}
    store.save_events([event], replace_ids=[event.id])
    split_event(store, event.id, [b])
    # a fourth story of the Kafranbel strike links incrementally; the split still holds
    late = Article(text="Rescuers pulled 12 bodies from the rubble in Kafranbel after Tuesday's air strike.",
                   outlet="Outlet D", published="2019-08-21")
    store.add_articles([late])
    store.save_extractions([(late.id, [report(late.id, dead=12)], None)])
    link_and_check(store)
    d = f"{late.id}:0"
    incremental = _groups(store)
    assert not any(a in g and b in g for g in incremental)
    assert store.get_event(store.event_of_report(a)).verdict["status"] == "confirmed"
    link_and_check(store, full=True)
    assert _groups(store) == incremental
    assert any(d in g for g in incremental)
    assert store.get_event(store.event_of_report(a)).verdict["status"] == "confirmed"


def test_wrong_merges_and_splits_are_refused(sqlite_url):
    store = open_store(sqlite_url)
    a, b, c = _fill(store)
    link_and_check(store)
    one = store.event_of_report(a)
    with pytest.raises(WarwireError, match="E106"):
        merge_events(store, [one, "evnothere"])
    with pytest.raises(WarwireError, match="E107"):
        merge_events(store, [one, one])
    with pytest.raises(WarwireError, match="E108"):
        split_event(store, one, [a, b])  # all of its reports
    with pytest.raises(WarwireError, match="E108"):
        split_event(store, one, [c])  # not one of its reports


def test_merge_and_split_commands(sqlite_url):
    store = open_store(sqlite_url)
    a, b, c = _fill(store)
    link_and_check(store)
    runner = CliRunner()
    result = runner.invoke(app, ["--db", sqlite_url, "merge", store.event_of_report(a), store.event_of_report(c)])
    assert result.exit_code == 0, result.output
    assert "3 reports" in result.output
    result = runner.invoke(app, ["--db", sqlite_url, "split", store.event_of_report(a), c])
    assert result.exit_code == 0, result.output
    assert _groups(store) == sorted([sorted([a, b]), [c]])
    result = runner.invoke(app, ["--db", sqlite_url, "merge", store.event_of_report(a)])
    assert result.exit_code == 2 and "E107" in result.output


def test_merge_and_split_endpoints(sqlite_url, monkeypatch):
    from fastapi.testclient import TestClient

    from warwire.api.app import create_app

    store = open_store(sqlite_url)
    a, b, c = _fill(store)
    link_and_check(store)
    one, other = store.event_of_report(a), store.event_of_report(c)
    with TestClient(create_app(sqlite_url)) as client:
        _endpoints(client, store, monkeypatch, a, b, c, one, other)


def _endpoints(client, store, monkeypatch, a, b, c, one, other):
    monkeypatch.setenv("WARWIRE_TOKEN", "s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    assert client.post("/api/events/merge", json={"events": [one, other]}).status_code == 401
    r = client.post("/api/events/merge", json={"events": [one, other]}, headers=auth)
    assert r.status_code == 200, r.text
    [merged] = r.json()["events"]
    assert sorted(merged["reports"]) == sorted([a, b, c])
    assert client.get(f"/api/events/{merged['id']}").json()["n_sources"] >= 3
    r = client.post(f"/api/events/{merged['id']}/split", json={"reports": [c]}, headers=auth)
    assert r.status_code == 200, r.text
    assert _groups(store) == sorted([sorted([a, b]), [c]])
    r = client.post("/api/events/evnothere/split", json={"reports": [c]}, headers=auth)
    assert r.status_code == 404 and r.json()["error"] == "E106"
