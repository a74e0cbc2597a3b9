"""The dashboard's places and regions come from the knowledge packs of the countries the store holds events in."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from warwire.api.app import create_app
from warwire.knowledge import gazetteer, packs
from warwire.model import Actor, Event, Location
from warwire.store import open_store

KAFRANBEL = Location(name="Kafranbel", country="Syria", admin1="Idleb", admin2="Maarrat an Nu'man",
                     lat=35.61376, lon=36.56449, geo_precision=1)
# An air strike in the city of Taizz, placed as the Yemen pack places it.
TAIZZ = Location(name="Ta'izz", country="Yemen", admin1="Taizz", admin2="Salh", lat=13.57952, lon=44.02091,
                 geo_precision=1)


def strike(event_id: str, where: Location, day: str) -> Event:
    return Event(event_id, "Explosions/Remote violence", "Air/drone strike", date_start=day, date_end=day,
                 location=where, actor1=Actor("Unidentified air force", "State forces", where.country),
                 fatalities={"low": 2, "best": 2, "high": 2}, n_sources=1)


def client_of(url: str, events: list[Event]) -> TestClient:
    store = open_store(url)
    store.save_events(events)
    store.close()
    return TestClient(create_app(url))


def ids(client: TestClient, params: dict) -> set[str]:
    r = client.get("/api/events", params={**params, "limit": 100})
    assert r.status_code == 200, r.text
    return {e["id"] for e in r.json()["items"]}


def test_a_store_of_two_wars_labels_and_filters_both(store_url):
    with client_of(store_url, [strike("ev-syria", KAFRANBEL, "2019-08-20"),
                               strike("ev-yemen", TAIZZ, "2018-01-10")]) as client:
        towns = client.get("/api/places", params={"zoom": 6}).json()
        named = {p["name"] for p in towns}
        assert {"Aleppo", "Damascus"} <= named  # Syria's big cities
        assert "Aden" in named  # and Yemen's
        yemen = client.get("/api/places", params={"zoom": 8, "bbox": "43.5,13.2,44.5,14.0"}).json()
        assert yemen and all(43.5 <= p["lon"] <= 44.5 and 13.2 <= p["lat"] <= 14.0 for p in yemen)
        regions = {r["name"]: r for r in client.get("/api/regions").json()}
        assert "Eastern Ghouta" in regions and "Taizz" in regions  # a Syrian region and a Yemeni governorate
        assert set(regions["Taizz"]) == set(regions["Eastern Ghouta"])  # one shape for both
        assert ids(client, {"region": "Taizz"}) == {"ev-yemen"}
        assert ids(client, {"region": "taizz"}) == {"ev-yemen"}  # any case
        assert ids(client, {"region": "Idleb"}) == {"ev-syria"}  # a Syrian governorate is a region too
        assert ids(client, {"region": "Idlib"}) == {"ev-syria"}  # by another of its names
        assert ids(client, {"region": "Aden"}) == set()
        points = client.get("/api/points", params={"region": "Taizz"}).json()
        assert [p[0] for p in points["items"]] == ["ev-yemen"]


def test_a_region_of_a_pack_not_yet_read_is_found(store_url):
    with client_of(store_url, [strike("ev-syria", KAFRANBEL, "2019-08-20")]) as client:
        assert ids(client, {"region": "Darfur"}) == set()  # Sudan's region: no event in it, and no E407
        r = client.get("/api/events", params={"region": "Atlantis"})
        assert r.status_code == 400 and r.json()["error"] == "E407"
        assert all(n in r.json()["detail"] for n in ("Darfur", "Eastern Ghouta", "Taizz"))  # every pack's


def test_a_store_of_one_war_does_not_read_another_wars_gazetteer(store_url, monkeypatch):
    yemen = packs.load("yemen")
    table = yemen.file("gazetteer.tsv.gz")
    # Forget a Yemen gazetteer an earlier test of this process read; both come back after the test.
    monkeypatch.delitem(gazetteer._LOAD_CACHE, table, raising=False)
    monkeypatch.delitem(yemen.__dict__, "gazetteer", raising=False)
    with client_of(store_url, [strike("ev-syria", KAFRANBEL, "2019-08-20")]) as client:
        assert "Aleppo" in {p["name"] for p in client.get("/api/places", params={"zoom": 6}).json()}
        regions = {r["name"] for r in client.get("/api/regions").json()}
        assert "Eastern Ghouta" in regions and "Taizz" not in regions
        assert ids(client, {"region": "Eastern Ghouta"}) == set()
        assert client.get("/api/summary").status_code == 200
    assert not gazetteer.Gazetteer.loaded(table) and "gazetteer" not in yemen.__dict__
