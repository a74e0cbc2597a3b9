"""Requests a hostile client sends: NUL characters, crafted cursors, private fetch targets, odd outlet names."""
from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

import store_fixture as fx
from warwire.api.app import create_app
from warwire.model import Article
from warwire.store import open_store


@pytest.fixture
def client(store_url):
    fx.build(store_url)
    with TestClient(create_app(store_url)) as c:
        yield c


def _cursor(*parts) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).decode().rstrip("=")


@pytest.mark.parametrize("path, params", [
    ("/api/events", {"admin1": "Id\x00lib"}), ("/api/events", {"tag": "\x00"}),
    ("/api/articles", {"outlet": "Levant\x00Wire"}), ("/api/reports", {"article_id": "a\x00"}),
    ("/api/events/ev%00x", {}), ("/api/articles/ab%00cd", {}), ("/api/stats", {"actor": "x\x00y"}),
])
def test_nul_in_a_parameter_or_path_is_422(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    assert "NUL" in r.json()["detail"]


@pytest.mark.parametrize("cursor", [
    _cursor("-date", True, 1),  # a boolean where a date belongs
    _cursor("-date", "2019-01-01", 2**70),  # an integer too big for SQLite
    _cursor("-date", 12345, 1),  # a number where the date sort wants text
    _cursor("-date", "2019-01-01", [1, 2]),
    _cursor("-date", {"a": 1}, "x"),
    _cursor("-fatalities", "many", 1),
    _cursor("-date", "2019-01-01", 1e400),
    base64.urlsafe_b64encode(b"[1,2]").decode(),
    base64.urlsafe_b64encode(b"\xff\xfe").decode(),
])
def test_crafted_cursor_is_400(client, cursor):
    sort = "-fatalities" if "fatalities" in base64.urlsafe_b64decode(cursor + "==").decode("latin-1") else "-date"
    r = client.get("/api/events", params={"cursor": cursor, "sort": sort})
    assert r.status_code == 400, r.text
    assert r.json()["error"] == "E403"
    for path in ("/api/articles", "/api/reports"):
        assert client.get(path, params={"cursor": cursor}).status_code == 400


def test_a_real_cursor_still_pages(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "cursor": first["next_cursor"]})
    assert second.status_code == 200 and second.json()["items"]


def test_outlet_with_a_slash_has_an_outlet_page(store_url):
    with open_store(store_url) as store:
        store.add_articles([Article(text="Shelling hit the old market of a northern town on Monday, a monitor said.",
                                    outlet="AFP/Reuters", published="2019-03-04")])
    with TestClient(create_app(store_url)) as c:
        r = c.get("/outlet/AFP%2FReuters")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert c.get("/outlet/AFP/Reuters").status_code == 200
        items = c.get("/api/articles", params={"outlet": "AFP/Reuters"}).json()["items"]
        assert [a["outlet"] for a in items] == ["AFP/Reuters"]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/story.html", "http://localhost:9/", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:9/", "http://10.1.2.3/", "http://192.168.0.1/", "http://0.0.0.0:9/",
])
def test_ingest_by_url_refuses_private_addresses(sqlite_url, monkeypatch, url):
    monkeypatch.setenv("WARWIRE_TOKEN", "s3cret")
    monkeypatch.delenv("WARWIRE_FETCH_PRIVATE", raising=False)
    with TestClient(create_app(sqlite_url)) as c:
        r = c.post("/api/ingest", json={"url": url}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 400, r.text
    assert r.json()["error"] == "E014" and "WARWIRE_FETCH_PRIVATE" in r.json()["detail"]


def test_the_setting_lets_private_addresses_be_fetched(sqlite_url, monkeypatch):
    monkeypatch.setenv("WARWIRE_TOKEN", "s3cret")
    monkeypatch.setenv("WARWIRE_FETCH_PRIVATE", "1")
    with TestClient(create_app(sqlite_url)) as c:
        # Nothing listens on port 9 (discard): the fetch is tried and fails, instead of being refused.
        r = c.post("/api/ingest", json={"url": "http://127.0.0.1:9/x"}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 502 and r.json()["error"] == "E005"
