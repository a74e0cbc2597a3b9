"""The REST API over a store built in code (store_fixture.py), on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store_fixture as fx
from warwire.api.app import create_app
from warwire.model import Article, Event, Location
from warwire.store import open_store

ALL = {"ev-kafranbel", "ev-maarat", "ev-douma-aid", "ev-unknown-place", "ev-xss"}


@pytest.fixture
def built(store_url):
    ids = fx.build(store_url)
    with TestClient(create_app(store_url)) as client:
        yield client, ids


def event_ids(client, **params) -> list[str]:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["items"]]


def test_events_newest_first_with_total(built):
    client, _ = built
    body = client.get("/api/events", params={"total": "true"}).json()
    assert [e["id"] for e in body["items"]] == [
        "ev-unknown-place", "ev-maarat", "ev-xss", "ev-kafranbel", "ev-douma-aid"]
    assert body["total"] == 5 and body["next_cursor"] is None
    first = body["items"][3]
    assert first["fatalities"] == {"low": 5, "best": 12, "high": 12}
    assert first["location"]["admin1"] == "Idlib" and first["n_sources"] == 2


@pytest.mark.parametrize("params, expected", [
    ({"event_type": "Battles"}, {"ev-unknown-place"}),
    ({"sub_event_type": "Shelling/artillery/missile attack"}, {"ev-maarat"}),
    ({"admin1": "Rural Damascus"}, {"ev-douma-aid"}),
    ({"bbox": "36.5,35.5,36.6,35.7"}, {"ev-kafranbel", "ev-xss"}),
    ({"since": "2019-08-21", "until": "2019-09-30"}, {"ev-xss", "ev-maarat"}),
    ({"until": "2019-01-01"}, {"ev-douma-aid"}),
    ({"actor": "Unidentified Armed Group (Syria)"}, {"ev-unknown-place"}),
    ({"actor": "Civilians (Syria)"}, {"ev-kafranbel", "ev-maarat"}),
    ({"outlet": "Damascus Daily"}, {"ev-kafranbel"}),
    ({"outlet": "Levant Wire"}, {"ev-kafranbel", "ev-douma-aid"}),
    ({"claimed_by": "SANA"}, {"ev-kafranbel"}),
    ({"claimed_by": "Syrian Observatory for Human Rights", "min_fatalities": 5}, {"ev-kafranbel"}),
    ({"min_fatalities": 4}, {"ev-kafranbel", "ev-xss"}),
    ({"has_contradiction": "true"}, {"ev-kafranbel"}),
    ({"has_contradiction": "false"}, ALL - {"ev-kafranbel"}),
    ({"tag": "siege"}, {"ev-douma-aid"}),
    ({"tag": "chemical"}, set()),
    ({"event_type": "Explosions/Remote violence", "admin1": "Idlib", "outlet": fx.XSS_IMG}, {"ev-xss"}),
])
def test_event_filters(built, params, expected):
    client, _ = built
    assert set(event_ids(client, **params)) == expected
    assert client.get("/api/events", params={**params, "total": "true"}).json()["total"] == len(expected)


@pytest.mark.parametrize("sort", ["-date", "date", "-fatalities", "fatalities", "-sources", "sources"])
def test_cursor_pages_cover_every_event_once_in_order(built, sort):
    client, _ = built
    whole = event_ids(client, sort=sort, limit=500)
    seen, cursor = [], None
    while True:
        params = {"sort": sort, "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == whole and set(seen) == ALL


def test_fatalities_sort_puts_unknown_tolls_last(built):
    client, _ = built
    assert event_ids(client, sort="-fatalities") == [
        "ev-kafranbel", "ev-xss", "ev-maarat", "ev-unknown-place", "ev-douma-aid"]
    assert event_ids(client, sort="fatalities")[-1] == "ev-douma-aid"


def test_tag_filter_pages_through_rows_sql_cannot_filter(store_url):
    """Tags live only in the record: the page must fill up past rows the tag filter drops."""
    store = open_store(store_url)
    events = [Event(f"ev-{i:03d}", "Battles", "Armed clash", tags=["siege"] if i % 7 == 0 else [],
                    date_start=f"2020-01-{1 + i % 28:02d}", location=Location("X", lat=35.0, lon=37.0),
                    fatalities={"low": i, "best": i if i % 5 else None, "high": i}) for i in range(230)]
    store.save_events(events)
    store.close()
    client = TestClient(create_app(store_url))
    want = {e.id for e in events if e.tags}
    seen, cursor = [], None
    while True:
        body = client.get("/api/events", params={"tag": "siege", "limit": 3, "sort": "-fatalities",
                                                 **({"cursor": cursor} if cursor else {})}).json()
        assert len(body["items"]) == 3 or body["next_cursor"] is None
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(want) and len(seen) == len(want)


def test_event_detail_has_reports_evidence_excerpts_and_contradictions(built):
    client, ids = built
    e = client.get("/api/events/ev-kafranbel").json()
    assert [c["field"] for c in e["contradictions"]] == ["fatalities"]
    assert {v["value"] for v in e["contradictions"][0]["values"]} == {12, 5}
    by_outlet = {r["article"]["outlet"]: r for r in e["report_items"]}
    assert set(by_outlet) == {"Levant Wire", "Damascus Daily"}
    levant = by_outlet["Levant Wire"]
    assert levant["id"] == ids["r:levant"] and levant["claimed_by"]["name"] == "Syrian Observatory for Human Rights"
    x = levant["excerpt"]
    start, end = levant["evidence"]["fatalities"]
    assert x["text"][start - x["start"]:end - x["start"]] == "killing at least 12"
    assert client.get("/api/events/nope").status_code == 404


def test_article_detail_lists_reports_with_their_event(built):
    client, ids = built
    a = client.get(f"/api/articles/{ids['a:damascus']}").json()
    assert a["outlet"] == "Damascus Daily" and "killed 5 terrorists" in a["text"]
    assert [(r["id"], r["event_id"]) for r in a["reports"]] == [(ids["r:damascus"], "ev-kafranbel")]
    missing = client.get("/api/articles/0000000000000000")
    assert missing.status_code == 404 and missing.json()["error"] == "E102"


def test_article_and_report_lists(built):
    client, ids = built
    arts = client.get("/api/articles", params={"outlet": "Levant Wire"}).json()["items"]
    assert [a["id"] for a in arts] == [ids["a:levant"], ids["a:aid"]]  # newest first
    assert "text" not in arts[0]
    reps = client.get("/api/reports", params={"article_id": ids["a:northern"]}).json()["items"]
    assert [r["id"] for r in reps] == [ids["r:northern"]] and reps[0]["fatalities"]["best"] == 3
    assert len(client.get("/api/reports", params={"claimed_by": "SANA"}).json()["items"]) == 1


def test_stats(built):
    client, _ = built
    s = client.get("/api/stats").json()
    assert s["events"] == 5 and s["deaths"] == 12 + 3 + 2 + 4
    assert {t["event_type"]: t["events"] for t in s["by_type"]} == {
        "Explosions/Remote violence": 3, "Battles": 1, "Strategic developments": 1}
    assert {"date": "2019-08-20", "event_type": "Explosions/Remote violence", "events": 1, "deaths": 12} in s["by_day"]
    assert s["by_actor"][0] == {"actor": "Military Forces of Syria", "events": 3}
    assert {a["admin1"]: a["deaths"] for a in s["by_admin1"]}["Idlib"] == 19
    tagged = client.get("/api/stats", params={"tag": "aid delivery"}).json()
    assert tagged["events"] == 1 and tagged["by_admin1"] == [{"admin1": "Rural Damascus", "events": 1, "deaths": 0}]


def test_outlets_corroborated_and_contradicted(built):
    client, _ = built
    rows = {o["outlet"]: o for o in client.get("/api/outlets").json()}
    assert rows["Damascus Daily"] == {"outlet": "Damascus Daily", "articles": 1, "reports": 1,
                                      "corroborated": 1, "contradicted": 1}
    assert rows["Levant Wire"]["reports"] == 2 and rows["Levant Wire"]["corroborated"] == 1
    assert rows["Northern Monitor"]["corroborated"] == 0 and rows["Northern Monitor"]["contradicted"] == 0


@pytest.mark.parametrize("params, fragment", [
    ({"limit": 0}, "limit"), ({"limit": 501}, "limit"), ({"since": "yesterday"}, "since"),
    ({"bbox": "36,35,35,36"}, "E404"), ({"bbox": "a,b,c,d"}, "E404"), ({"bbox": "1,2,3"}, "E404"),
    ({"event_type": "Bombing"}, "E407"), ({"sub_event_type": "Airstrike"}, "E407"),
    ({"cursor": "not-a-cursor"}, "E403"), ({"min_fatalities": -1}, "min_fatalities"),
    ({"sort": "random"}, "sort"), ({"has_contradiction": "maybe"}, "has_contradiction"),
])
def test_bad_parameters_are_4xx_with_a_message(built, params, fragment):
    client, _ = built
    r = client.get("/api/events", params=params)
    assert 400 <= r.status_code < 500
    assert fragment in r.text and r.json()["detail"]


def test_cursor_of_another_sort_is_refused(built):
    client, _ = built
    cursor = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]
    r = client.get("/api/events", params={"limit": 1, "cursor": cursor, "sort": "fatalities"})
    assert r.status_code == 400 and r.json()["error"] == "E403"


PARAMS = ["since", "until", "bbox", "admin1", "event_type", "tag", "actor", "outlet", "claimed_by",
          "min_fatalities", "has_contradiction", "sort", "cursor", "limit", "total"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(PARAMS), st.text(max_size=40), max_size=4))
def test_no_parameter_makes_a_server_error(sqlite_url, params):
    client = _fuzz_client(sqlite_url)
    for path in ("/api/events", "/api/stats", "/api/reports", "/api/articles"):
        assert client.get(path, params=params).status_code < 500


_clients: dict[str, TestClient] = {}


def _fuzz_client(url: str) -> TestClient:
    if url not in _clients:  # hypothesis reuses the function-scoped fixture; build the store once
        fx.build(url)
        _clients[url] = TestClient(create_app(url))
    return _clients[url]


def test_write_endpoints_are_off_without_a_token(built, monkeypatch):
    client, _ = built
    monkeypatch.delenv("WARWIRE_TOKEN", raising=False)
    r = client.post("/api/ingest", json={"text": "The army shelled Douma on Monday."})
    assert r.status_code == 403 and r.json()["error"] == "E401" and "WARWIRE_TOKEN" in r.json()["detail"]
    assert client.post("/api/extract", json={"article_id": "x"}).status_code == 403


def test_write_endpoints_need_the_bearer_token(built, monkeypatch):
    client, _ = built
    monkeypatch.setenv("WARWIRE_TOKEN", "s3cret")
    text = "Government helicopters dropped barrel bombs on Daraya on Friday, killing 7 people, activists said."
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
        r = client.post("/api/ingest", json={"text": text}, headers=headers)
        assert r.status_code == 401 and r.json()["error"] == "E402"
    auth = {"Authorization": "Bearer s3cret"}
    r = client.post("/api/ingest", json={"text": text, "outlet": "Test Wire", "published": "2016-02-05"}, headers=auth)
    assert r.status_code == 200, r.text
    article = r.json()["article"]
    assert r.json()["new"] is True
    stored = client.get(f"/api/articles/{article['id']}").json()
    assert stored["outlet"] == "Test Wire" and stored["text"] == text
    again = client.post("/api/ingest", json={"text": text}, headers=auth)
    assert again.json()["new"] is False  # idempotent: the same text is the same article
    both = client.post("/api/ingest", json={"text": text, "url": "https://example.org/a"}, headers=auth)
    assert both.status_code == 400 and both.json()["error"] == "E406"
    bad = client.post("/api/ingest", json={"text": text, "published": "someday"}, headers=auth)
    assert bad.status_code == 422
    missing = client.post("/api/extract", json={"article_id": "0000000000000000"}, headers=auth)
    assert missing.status_code == 404


def test_dashboard_pages_and_docs_are_served(built):
    client, _ = built
    for path in ("/", "/event/ev-kafranbel", "/article/abc", "/outlets", "/outlet/Levant%20Wire"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/boundaries/adm1.geojson").json()["features"]
    assert "/api/events" in client.get("/openapi.json").json()["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize("params", [
    {"event_type": "Explosions/Remote violence"}, {"admin1": "Idlib", "min_fatalities": 3},
    {"bbox": "36,33,37,36", "until": "2019-08-31", "sort": "-fatalities"},
    {"sub_event_type": "Air/drone strike", "limit": 1},
])
def test_walking_the_sort_order_first_gives_the_same_pages(store_url, monkeypatch, params):
    """A page is first looked for among the next rows in sort order (queries.WALK); the pages must not change."""
    from warwire.store import browse as queries

    fx.build(store_url)
    client = TestClient(create_app(store_url))
    pages = {}
    for window in (0, 1, 2, 2000):  # off, too short (falls back), just enough or not, the whole table
        monkeypatch.setattr(queries, "WALK", window)
        pages[window] = client.get("/api/events", params=params).json()
    assert pages[0]["items"]
    for window, got in pages.items():
        assert [e["id"] for e in got["items"]] == [e["id"] for e in pages[0]["items"]], window
        assert got["next_cursor"] == pages[0]["next_cursor"], window


@pytest.mark.slow
def test_ingest_and_extract_through_the_api(sqlite_url, monkeypatch):
    monkeypatch.setenv("WARWIRE_TOKEN", "s3cret")
    auth = {"Authorization": "Bearer s3cret"}
    client = TestClient(create_app(sqlite_url))
    text = ("BEIRUT, March 6 (Levant Wire) - Syrian government warplanes struck the town of Saraqib in Idlib "
            "province on Monday, killing at least 9 civilians in their homes, the Syrian Observatory for Human Rights said.")
    r = client.post("/api/ingest", json={"text": text, "outlet": "Levant Wire", "published": "2018-03-06",
                                         "extract": True}, headers=auth)
    assert r.status_code == 200, r.text
    reports = r.json()["reports"]
    assert reports and reports[0]["event_type"] == "Explosions/Remote violence"
    article_id = r.json()["article"]["id"]
    again = client.post("/api/extract", json={"article_id": article_id}, headers=auth).json()
    assert [x["id"] for x in again["reports"]] == [x["id"] for x in reports]
    stored = client.get("/api/reports", params={"article_id": article_id}).json()["items"]
    assert [x["id"] for x in stored] == [x["id"] for x in reports]
    assert stored[0]["fatalities"]["best"] == 9


def test_outlet_list_shows_outlets_not_source_fields(store_url):
    # an export's source list names several outlets; one outlet written in three cases is one outlet
    fields = {"Levant Wire; Northern Monitor; Coastal Radio": "Shelling hit a village near the coast on Monday.",
              "LEVANT WIRE": "Two fighters were killed in clashes on Tuesday, activists said.",
              "levant wire": "A convoy reached the besieged town on Wednesday.",
              "Coastal Radio": "A car bomb exploded at a checkpoint on Thursday."}
    store = open_store(store_url)
    store.add_articles([Article(text=text, outlet=field, title=text[:20], published="2019-08-21",
                                origin=f"fixture:{i}") for i, (field, text) in enumerate(fields.items())])
    store.close()
    with TestClient(create_app(store_url)) as client:
        rows = {o["outlet"]: o["articles"] for o in client.get("/api/outlets").json()}
    assert rows == {"Levant Wire": 3, "Northern Monitor": 1, "Coastal Radio": 2}


def test_outlet_filters_find_the_outlet_in_source_lists(store_url):
    # picking an outlet of the outlet list finds the articles and events of every source field naming it
    fx.build_source_lists(store_url)
    with TestClient(create_app(store_url)) as client:
        def titles(outlet):
            items = client.get("/api/articles", params={"outlet": outlet}).json()["items"]
            return sorted(a["title"] for a in items)

        assert titles("Northern Monitor") == ["Story 0", "Story 1", "Story 2", "Story 4"]
        assert titles("northern monitor") == titles("Northern Monitor")
        assert titles("Coastal Radio") == ["Story 2", "Story 5"]
        assert titles("Levant Wire; Northern Monitor") == ["Story 0"]  # the field itself, as before
        assert titles("Northern") == []
        assert sorted(event_ids(client, outlet="Northern Monitor")) == ["ev-0", "ev-1", "ev-2", "ev-4"]
        assert sorted(event_ids(client, outlet="Levant Wire")) == ["ev-0", "ev-4"]
