"""The endpoints behind the dashboard: summary, points, places, regions, choices, streamed exports."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

import store_fixture as fx
from warwire.api.app import create_app
from warwire.model import Event, Location
from warwire.store import open_store

FILTERS = [{}, {"admin1": "Idlib"}, {"event_type": "Explosions/Remote violence", "has_contradiction": "false"},
           {"since": "2019-08-20", "until": "2019-09-30"}, {"tag": "siege"}, {"claimed_by": "Syrian Observatory for Human Rights"},
           {"outlet": "Levant Wire"}, {"region": "Eastern Ghouta"}, {"q": "kafranbel"}, {"bbox": "36.0,35.0,37.0,36.0"},
           {"min_fatalities": "4", "sub_event_type": "Air/drone strike"}]


@pytest.fixture
def built(store_url):
    ids = fx.build(store_url)
    with TestClient(create_app(store_url)) as client:
        yield client, ids


def all_ids(client, params: dict) -> list[str]:
    """Every event the list endpoint returns for ``params``, page by page."""
    out, cursor = [], None
    while True:
        body = client.get("/api/events", params={**params, "limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        out += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            return out


@pytest.mark.parametrize("params", FILTERS)
def test_each_export_returns_exactly_the_filtered_events(built, params):
    client, _ = built
    want = sorted(all_ids(client, params))
    jsonl = client.get("/api/export/events.jsonl", params=params)
    assert jsonl.status_code == 200 and jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert sorted(json.loads(line)["id"] for line in jsonl.text.splitlines()) == want
    geo = client.get("/api/export/events.geojson", params=params).json()
    assert geo["type"] == "FeatureCollection" and sorted(f["id"] for f in geo["features"]) == want
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events.csv", params=params).text)))
    assert sorted(r["event_id_cnty"] for r in rows) == want
    stats = client.get("/api/stats", params=params).json()
    summary = client.get("/api/summary", params=params).json()
    assert stats["events"] == summary["events"] == len(want)
    assert summary["deaths"]["best"] == stats["deaths"]


def test_export_streams_a_store_bigger_than_one_batch(store_url):
    store = open_store(store_url)
    where = Location(name="Saraqeb", country="Syria", admin1="Idlib", lat=35.86, lon=36.80, geo_precision=1)
    store.save_events([Event(f"ev-{i:04d}", "Battles", "Armed clash", date_start=f"2020-01-{1 + i % 28:02d}",
                             location=where, fatalities={"low": 1, "best": 1, "high": 2}) for i in range(1203)])
    store.close()
    with TestClient(create_app(store_url)) as client:
        with client.stream("GET", "/api/export/events.jsonl", params={"since": "2020-01-01"}) as r:
            lines = [line for line in r.iter_lines() if line]
        assert len(lines) == 1203 and len({json.loads(x)["id"] for x in lines}) == 1203
        summary = client.get("/api/summary").json()
        assert summary["deaths"] == {"low": 1203, "best": 1203, "high": 2406}
        assert summary["top_places"][0] == {"place": "Saraqeb", "admin1": "Idlib", "events": 1203, "deaths": 1203}


def test_summary_sums_by_perpetrator_type_and_claimant(built):
    client, _ = built
    s = client.get("/api/summary", params={"admin1": "Idlib"}).json()
    assert s["events"] == 3 and s["deaths"] == {"low": 12, "best": 19, "high": 19}
    assert s["by_perpetrator"][0] == {"actor": "Military Forces of Syria", "events": 2, "deaths": 15}
    assert s["by_type"] == [{"event_type": "Explosions/Remote violence", "events": 3, "deaths": 19}]
    claimants = {c["claimant"]: (c["events"], c["deaths"]) for c in s["by_claimant"]}
    assert claimants["Syrian Observatory for Human Rights"] == (2, 15)  # 12 in Kafranbel, 3 in Maarat
    assert claimants["SANA"] == (1, 5)
    assert s["top_places"][0]["place"] == "Kafranbel" and s["top_places"][0]["events"] == 2


def test_coverage_counts_the_days_without_articles(built):
    client, _ = built
    cov = client.get("/api/summary", params={"since": "2019-08-19", "until": "2019-08-25"}).json()["coverage"]
    assert cov["first_article"] == "2018-03-06" and cov["last_article"] == "2019-10-10"
    assert cov["days"] == 7 and cov["days_without_articles"] == 5  # articles on 21 and 22 Aug only
    assert cov["gaps"] == [["2019-08-19", "2019-08-20"], ["2019-08-23", "2019-08-25"]]


def test_region_filter_takes_the_knowledge_packs_regions(built):
    client, _ = built
    regions = {r["name"]: r for r in client.get("/api/regions").json()}
    assert "Eastern Ghouta" in regions and len(regions["Eastern Ghouta"]["members"]) >= 10
    assert all_ids(client, {"region": "Eastern Ghouta"}) == ["ev-douma-aid"]
    assert all_ids(client, {"region": "east ghouta"}) == ["ev-douma-aid"]  # by an alias, any case
    assert all_ids(client, {"region": "Western Ghouta"}) == []
    r = client.get("/api/events", params={"region": "Atlantis"})
    assert r.status_code == 400 and r.json()["error"] == "E407" and "Eastern Ghouta" in r.json()["detail"]


def test_points_are_every_located_event(built):
    client, _ = built
    body = client.get("/api/points").json()
    ids = {p[body["fields"].index("id")] for p in body["items"]}
    assert ids == {"ev-kafranbel", "ev-maarat", "ev-douma-aid", "ev-xss"}  # the unplaced one has no point
    contradicted = {p[0] for p in body["items"] if p[body["fields"].index("contradicted")]}
    assert contradicted == {"ev-kafranbel"}


def test_place_labels_grow_with_zoom_and_stay_in_the_view(built):
    client, _ = built
    country = client.get("/api/places", params={"zoom": 6}).json()
    street = client.get("/api/places", params={"zoom": 12, "bbox": "36.3,33.5,36.5,33.6"}).json()
    assert {"Damascus", "Aleppo"} <= {p["name"] for p in country} and len(country) < 30
    assert all(36.3 <= p["lon"] <= 36.5 and 33.5 <= p["lat"] <= 33.6 for p in street)
    assert len(street) > 10 and "Harasta" in {p["name"] for p in street}


def test_choices_and_claimants_in_event_lists(built):
    client, _ = built
    ch = client.get("/api/choices").json()
    assert "Air/drone strike" in ch["event_types"]["Explosions/Remote violence"] and ch["tags"]
    items = {e["id"]: e for e in client.get("/api/events").json()["items"]}
    assert items["ev-kafranbel"]["claimants"] == ["SANA", "Syrian Observatory for Human Rights"]
    assert items["ev-unknown-place"]["claimants"] == []


def test_article_credibility_is_in_the_api_with_its_top_signals(built, store_url):
    client, ids = built
    assert client.get(f"/api/articles/{ids['a:levant']}").json()["credibility"] is None  # not scored yet
    from warwire.verify.credibility import score_store

    store = open_store(store_url)
    score_store(store)
    store.close()
    cred = client.get(f"/api/articles/{ids['a:levant']}").json()["credibility"]
    assert 0 <= cred["score"] <= 1 and cred["label"]
    top = cred["top_signals"]
    assert 1 <= len(top) <= 3 and all(t["signal"] in cred["signals"] for t in top)
    assert [abs(t["effect"]) for t in top] == sorted((abs(t["effect"]) for t in top), reverse=True)
    event = client.get("/api/events/ev-kafranbel").json()
    assert all(r["article"]["credibility"]["score"] is not None for r in event["report_items"])
