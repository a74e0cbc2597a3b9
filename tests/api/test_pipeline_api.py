"""The API over a store the real pipeline filled: the bundled sample ingested, extracted and linked."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import store_fixture as fx
from warwire.api.app import create_app
from warwire.store import open_store

pytestmark = pytest.mark.slow
SAMPLE_DIR = Path(__file__).resolve().parents[2] / "warwire" / "data" / "sample"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'warwire.db'}"
    fx.build_from_sample(url, SAMPLE_DIR)
    store = open_store(url)
    counts = {"articles": store.count_articles(), "reports": store.count_reports(), "events": store.count_events()}
    store.close()
    with TestClient(create_app(url)) as c:
        c.counts = counts
        yield c


def all_events(client, **params) -> list[dict]:
    out, cursor = [], None
    while True:
        body = client.get("/api/events", params={**params, "limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        out += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return out


def test_every_event_is_listed_once(client):
    events = all_events(client)
    assert client.counts["events"] > 0 and len(events) == client.counts["events"]
    assert len({e["id"] for e in events}) == len(events)
    assert client.get("/api/events", params={"total": "true"}).json()["total"] == client.counts["events"]
    assert client.get("/api/stats").json()["events"] == client.counts["events"]


def test_evidence_spans_point_into_the_excerpts(client):
    checked = 0
    for e in all_events(client):
        detail = client.get(f"/api/events/{e['id']}").json()
        assert {r["id"] for r in detail["report_items"]} == set(e["reports"])
        for r in detail["report_items"]:
            x = r["excerpt"]
            for field, (start, end) in r["evidence"].items():
                assert 0 <= start < end <= x["article_length"], field
                assert x["start"] <= start and end <= x["end"], field
                assert x["text"][start - x["start"]:end - x["start"]].strip(), field
                checked += 1
    assert checked > 50


def test_contradictions_and_outlets_agree(client):
    contradicted = all_events(client, has_contradiction="true")
    assert contradicted and all(e["contradictions"] for e in contradicted)
    outlets = client.get("/api/outlets").json()
    assert sum(o["reports"] for o in outlets) == client.counts["reports"]
    assert sum(o["articles"] for o in outlets) == client.counts["articles"]
    assert all(o["corroborated"] <= o["reports"] and o["contradicted"] <= o["reports"] for o in outlets)
    assert sum(o["contradicted"] for o in outlets) >= 2
