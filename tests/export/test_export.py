"""Exports written and read back with csv, json, pandas and DuckDB: the values survive."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire.cli import app
from warwire.errors import WarwireError
from warwire.export import Filters, export
from warwire.export.acled import COLUMNS, interaction
from warwire.verify.contradictions import link_and_check
from warwire.model import Actor, Article, Claim, Count, Location, Report, Victims
from warwire.store import open_store

CHECKER = Path(__file__).resolve().parents[3] / "shared" / "contract" / "check.py"

KAFRANBEL = Location(name="Kafranbel", country="Syria", admin1="Idlib", admin2="Maarrat an Nu'man", lat=35.6138,
                     lon=36.5645, geo_precision=1, geonames_id=168661)
DOUMA = Location(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5722, lon=36.4036, geo_precision=1)


def _report(aid, loc, dead, actor2=None, claimed_by=None, sub="Air/drone strike", day="2019-08-20"):
    return Report(event_type="Explosions/Remote violence", sub_event_type=sub, date=day, date_precision=1,
                  location=loc, actor1=Actor("Military Forces of Syria", "State forces", "Syria"),
                  actor2=actor2, fatalities=Count(best=dead, low=dead, qualifier="exact"),
                  victims=Victims(civilians=dead), claimed_by=claimed_by, primary=True,
                  evidence={"fatalities": [0, 5]}, confidence=0.8, article_id=aid, index=0)


@pytest.fixture
def filled(store_url):
    store = open_store(store_url)
    a1 = Article(text="Warplanes killed 23 civilians in Kafranbel on Tuesday.", outlet="Reuters", published="2019-08-21")
    a2 = Article(text="Army units hit terrorist positions near Kafranbel, killing 7.", outlet="SANA",
                 published="2019-08-21")
    a3 = Article(text="Shelling on Douma killed four people, rescuers said on Friday.", outlet="AFP",
                 published="2019-09-07")
    store.add_articles([a1, a2, a3])
    civilians = Actor("Civilians (Syria)", "Civilians", "Syria")
    store.save_extractions([
        (a1.id, [_report(a1.id, KAFRANBEL, 23, civilians)], None),
        (a2.id, [_report(a2.id, KAFRANBEL, 7, claimed_by=Claim("SANA", "state media"))], None),
        (a3.id, [_report(a3.id, DOUMA, 4, civilians, sub="Shelling/artillery/missile attack", day="2019-09-06")], None),
    ])
    store.set_credibility(a1.id, {"score": 0.9, "label": "credible", "signals": {"sources": 2}})
    link_and_check(store)
    return store, store_url


def _events_by_place(store):
    return {e.location.name: e for e in store.iter_events()}


def test_acled_csv_has_acleds_columns_and_values(filled, shared_data):
    store, _ = filled
    buf = io.StringIO()
    assert export(store, "events", "acled-csv", buf) == 2
    rows = {r["location"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()))}
    with open(shared_data / "acled" / "acled_syria_battles_2017_2023.csv", encoding="utf-8") as f:
        acled = list(csv.DictReader(f).fieldnames)
    assert COLUMNS[:len(acled)] == acled and COLUMNS[len(acled):] == ["link_reasons"]  # ACLED's, then ours
    k = rows["Kafranbel"]
    assert list(k) == COLUMNS
    assert k["event_date"] == "20 August 2019" and k["year"] == "2019" and k["time_precision"] == "1"
    assert k["fatalities"] == "23" and k["inter1"] == "1" and k["iso"] == "760" and k["region"] == "Middle East"
    assert k["source"] == "Reuters; SANA" and k["disorder_type"] == "Political violence"
    assert "disagree on fatalities" in k["notes"] and "Warplanes" not in k["notes"]
    # Why the two reports were joined, each naming the report it linked to and the evidence.
    event = _events_by_place(store)["Kafranbel"]
    reasons = k["link_reasons"].split(" | ")
    assert len(reasons) == 2 and sorted(r.split(" ")[0] for r in reasons) == sorted(event.reports)
    assert all("same place, same day" in r for r in reasons)
    d = rows["Douma"]
    assert d["link_reasons"] == ""  # a single report joined nothing
    assert d["interaction"] == "17" and d["civilian_targeting"] == "Civilian targeting"
    assert float(d["latitude"]) == pytest.approx(33.5722)
    assert interaction(1, 0) == 10 and interaction(7, 2) == 27


def test_a_report_told_by_its_year_is_exported_at_acleds_coarsest_time_precision():
    from dataclasses import replace

    from warwire.export.acled import report_row

    told = replace(_report("a1", DOUMA, 120, day="2016-01-01"), date_precision=4)
    assert report_row(told, "Levant Wire", 1)["time_precision"] == 3
    assert report_row(_report("a1", DOUMA, 4), "Levant Wire", 1)["time_precision"] == 1


def test_events_jsonl_round_trip_and_contract(filled, tmp_path):
    store, _ = filled
    path = tmp_path / "events.jsonl"
    assert export(store, "events", "jsonl", path) == 2
    back = {json.loads(line)["id"]: json.loads(line) for line in path.read_text().splitlines()}
    for e in store.iter_events():
        assert back[e.id] == e.to_dict()
    kafranbel = _events_by_place(store)["Kafranbel"]
    assert back[kafranbel.id]["fatalities"] == {"low": 7, "best": 23, "high": 23}
    if CHECKER.exists():
        run = subprocess.run([sys.executable, str(CHECKER), "--events", str(path)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr


def test_reports_and_articles_jsonl(filled, tmp_path):
    store, _ = filled
    buf = io.StringIO()
    assert export(store, "reports", "jsonl", buf, Filters(outlet="SANA")) == 1
    (rep,) = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert rep["id"].endswith(":0") and rep["outlet"] == "SANA" and rep["claimed_by"]["name"] == "SANA"
    buf = io.StringIO()
    assert export(store, "articles", "jsonl", buf) == 3
    arts = {a["outlet"]: a for a in map(json.loads, buf.getvalue().splitlines())}
    assert arts["Reuters"]["credibility"]["label"] == "credible"
    assert arts["AFP"]["credibility"] is None


def test_geojson_features(filled):
    store, _ = filled
    buf = io.StringIO()
    assert export(store, "events", "geojson", buf, Filters(admin1="Rural Damascus")) == 1
    fc = json.loads(buf.getvalue())
    (feat,) = fc["features"]
    assert fc["type"] == "FeatureCollection" and feat["geometry"]["coordinates"] == [36.4036, 33.5722]
    assert feat["properties"]["fatalities_best"] == 4 and feat["properties"]["outlets"] == "AFP"
    assert all(not isinstance(v, (dict, list)) for v in feat["properties"].values())


def test_parquet_reads_back_in_pandas_and_duckdb(filled, tmp_path):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    store, _ = filled
    path = tmp_path / "events.parquet"
    assert export(store, "events", "parquet", path) == 2
    df = pd.read_parquet(path)
    events = _events_by_place(store)
    k = df[df["location"] == "Kafranbel"].iloc[0]
    assert k["fatalities_low"] == 7 and k["fatalities_high"] == 23 and k["n_contradictions"] == 1
    assert json.loads(k["record"]) == events["Kafranbel"].to_dict()
    db = duckdb.connect()
    total = db.execute(f"SELECT sum(fatalities_best) FROM read_parquet('{path}')").fetchone()[0]
    assert total == 23 + 4
    reports = tmp_path / "reports.parquet"
    assert export(store, "reports", "parquet", reports, Filters(since="2019-09-01")) == 1
    assert pd.read_parquet(reports)["outlet"].tolist() == ["AFP"]
    articles = tmp_path / "articles.parquet"
    assert export(store, "articles", "parquet", articles) == 3
    assert db.execute(f"SELECT count(*) FROM read_parquet('{articles}') WHERE credibility_label = 'credible'"
                      ).fetchone()[0] == 1


def test_unsupported_exports_are_numbered_errors(filled):
    store, _ = filled
    with pytest.raises(WarwireError, match="E303"):
        export(store, "articles", "geojson", io.StringIO())
    with pytest.raises(WarwireError, match="E302"):
        export(store, "events", "xlsx", io.StringIO())
    with pytest.raises(WarwireError, match="E304"):
        export(store, "events", "parquet", None)


def test_export_command(filled, tmp_path):
    _, url = filled
    runner = CliRunner()
    result = runner.invoke(app, ["--db", url, "export", "--what", "events", "--format", "acled-csv",
                                 "--event-type", "Explosions/Remote violence"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("event_id_cnty,event_date,year")
    assert len(result.output.splitlines()) == 3
    out = tmp_path / "e.geojson"
    result = runner.invoke(app, ["--db", url, "export", "--format", "geojson", "--out", str(out)])
    assert result.exit_code == 0 and len(json.loads(out.read_text())["features"]) == 2
    result = runner.invoke(app, ["--db", url, "export", "--format", "parquet"])
    assert result.exit_code == 2 and "E304" in result.output
