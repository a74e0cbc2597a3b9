"""`verify_store` and `warwire verify` over a store built in the test (SQLite and PostgreSQL)."""
from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from warwire.cli import app
from warwire.verify.contradictions import link_and_check
from warwire.model import Actor, Article, Count, Location, Report
from warwire.store import open_store
from warwire.verify.reference import verify_store

runner = CliRunner()
DOUMA = Location(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5711, lon=36.4033, geo_precision=1)
IDLIB = Location(name="Idlib", country="Syria", admin1="Idleb", lat=35.9306, lon=36.6339, geo_precision=1)
SYRIA = Actor("Military Forces of Syria", "State forces", "Syria")
COLUMNS = ["data_id", "event_date_iso", "time_precision", "event_type", "actor1", "inter1", "actor2", "inter2",
           "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
           "fatalities"]


def _store(url):
    store = open_store(url)
    a = Article(text="Government warplanes struck Douma on Monday, killing 23 civilians.", outlet="Levant Wire",
                published="2018-02-19")
    b = Article(text="Regime jets hit Idlib city, killing 9 people.", outlet="Crescent Press", published="2018-02-20")
    c = Article(text="Clashes were reported somewhere in the north.", outlet="Crescent Press", published="2018-02-21")
    store.add_articles([a, b, c])
    strike = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date_precision=1,
                  actor1=SYRIA)
    store.save_extractions([
        (a.id, [Report(**strike, date="2018-02-19", location=DOUMA,
                       fatalities=Count(best=23, low=23, high=23, qualifier="exact"), primary=True)], None),
        (b.id, [Report(**strike, date="2018-02-20", location=IDLIB,
                       fatalities=Count(best=9, low=9, high=9, qualifier="exact"), primary=True)], None),
        (c.id, [Report(event_type="Battles", sub_event_type="Armed clash", date="2018-02-21")], None),
    ])
    link_and_check(store)
    return store, a, b, c


def _reference(path):
    rows = [
        {"data_id": "11", "event_date_iso": "2018-02-19", "location": "Douma", "admin1": "Rural Damascus",
         "latitude": "33.5711", "longitude": "36.4033", "fatalities": "23"},
        {"data_id": "12", "event_date_iso": "2018-02-20", "location": "Idleb", "admin1": "Idleb",
         "latitude": "35.9306", "longitude": "36.6339", "fatalities": "30"},
    ]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for row in rows:
            w.writerow({"time_precision": "1", "event_type": "Remote violence", "inter1": "1", "inter2": "7",
                        "actor1": "Military Forces of Syria (2000-)", "actor2": "Civilians (Syria)",
                        "country": "Syria", "geo_precision": "1", "source": "SOHR", "notes": "A strike.", **row})
    return path


def test_verdicts_are_stored_on_events(store_url, tmp_path):
    store, a, b, c = _store(store_url)
    result = verify_store(store, _reference(tmp_path / "ref.csv"))
    assert result.counts == {"supported": 1, "contradicted": 1, "not_found": 1}
    assert result.articles[b.id] == {"supported": 0, "contradicted": 1, "not_found": 0}
    assert result.events_updated == 3
    verdicts = {}
    for e in store.iter_events():
        verdicts[e.reports[0].split(":")[0]] = e.verdict
    assert verdicts[a.id]["verdict"] == "supported" and verdicts[a.id]["rows"] == ["11"]
    assert verdicts[b.id]["verdict"] == "contradicted"
    assert verdicts[b.id]["reports"][f"{b.id}:0"]["field"] == "fatalities"
    assert verdicts[c.id]["verdict"] == "not_found"
    store.close()


def test_cli_json_and_table(sqlite_url, tmp_path):
    store, a, b, _ = _store(sqlite_url)
    store.close()
    ref = _reference(tmp_path / "ref.csv")
    res = runner.invoke(app, ["--db", sqlite_url, "verify", "--against", str(ref), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["counts"]["contradicted"] == 1 and data["contradicted_fields"] == {"fatalities": 1}
    [v] = [v for v in data["verdicts"] if v["report"] == f"{b.id}:0"]
    assert (v["ours"], v["theirs"], v["by"], v["unit"]) == (9, 30, 21.0, "deaths")
    res = runner.invoke(app, ["--db", sqlite_url, "verify", "--against", str(ref)])
    assert res.exit_code == 0 and "contradicted on fatalities" in res.output


def test_cli_unknown_reference_exits_3(sqlite_url, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n1,2\n", encoding="utf-8")
    _store(sqlite_url)[0].close()  # verify reads a store that exists; a missing one is E103
    res = runner.invoke(app, ["--db", sqlite_url, "verify", "--against", str(bad)])
    assert res.exit_code == 3 and "E301" in res.output
