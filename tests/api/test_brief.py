"""The situation brief: every sentence cites what it rests on, and what it cites supports its numbers."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import store_fixture as fx
from warwire.api.app import create_app
from warwire.cli import app as cli
from warwire.model import Actor, Article, Claim, Contradiction, Count, Event, Location, Report
from warwire.store import open_store

FILTERS = [{}, {"since": "2019-08-15", "until": "2019-09-05", "admin1": "Idlib"}, {"region": "Eastern Ghouta"},
           {"since": "2020-03-01", "until": "2020-03-31"}, {"since": "2020-03-01", "until": "2020-03-07", "bbox": "36,35,37.5,36.5"}]


def add_march(url: str) -> None:
    """A busy week: a dozen events over several days, some with several claimants, one disputed."""
    store = open_store(url)
    places = [Location(name=n, country="Syria", admin1="Idlib", lat=lat, lon=lon, geo_precision=1)
              for n, lat, lon in [("Saraqeb", 35.862, 36.806), ("Ariha", 35.813, 36.609), ("Sarmin", 35.904, 36.725)]]
    arts, saved, evs = [], [], []
    for i in range(12):
        day = f"2020-03-{1 + i % 5:02d}"
        a = Article(text=f"Strike number {i} hit {places[i % 3].name}, killing {i + 2} people, monitors said.",
                    outlet=["North Wire", "Levant Post"][i % 2], title=f"Strike {i}", published=day)
        arts.append(a)
    store.add_articles(arts)
    for i, a in enumerate(arts):
        who = Claim(["Syrian Observatory for Human Rights", "SANA"][i % 2], "monitor")
        r = Report("Explosions/Remote violence", "Air/drone strike", date=a.published, location=places[i % 3],
                   actor1=Actor(["Military Forces of Syria", "Military Forces of Russia"][i % 2], "State forces")
                   if i % 4 else None, fatalities=Count(i + 2, i + 2, i + 2, "exact"), claimed_by=who, primary=True)
        saved.append((a.id, [r], None))
        evs.append(Event(f"ev-march-{i}", "Explosions/Remote violence", "Air/drone strike", date_start=a.published,
                         date_end=a.published, location=places[i % 3], actor1=r.actor1,
                         fatalities={"low": i + 1, "best": i + 2, "high": i + 3}, reports=[f"{a.id}:0"],
                         outlets=[a.outlet], n_sources=1,
                         contradictions=[Contradiction("fatalities", [
                             {"value": i + 2, "report": f"{a.id}:0", "outlet": a.outlet, "claimed_by": who.name},
                             {"value": 2, "report": f"{arts[0].id}:0", "outlet": arts[0].outlet,
                              "claimed_by": "SANA"}])] if i == 5 else []))
    store.save_extractions(saved)
    store.save_events(evs)
    store.close()


@pytest.fixture
def client(store_url):
    fx.build(store_url)
    add_march(store_url)
    with TestClient(create_app(store_url)) as c:
        yield c


def cited(client, cite: str) -> dict:
    kind, _, ident = cite.partition(":")
    if kind == "event":
        r = client.get(f"/api/events/{ident}")
    elif kind == "article":
        r = client.get(f"/api/articles/{ident}")
    else:
        r = client.get(f"/api/articles/{ident.rpartition(':')[0]}")
        assert r.status_code == 200, cite
        return next(x for x in r.json()["reports"] if x["id"] == ident)
    assert r.status_code == 200, cite
    return r.json()


def numbers_in(text: str) -> set[int]:
    return {int(n.replace(",", "")) for n in re.findall(r"(?<![\d-])\d[\d,]*(?![\d-])", text)}


@pytest.mark.parametrize("params", FILTERS)
def test_every_sentence_cites_ids_that_exist_and_support_its_numbers(client, params):
    brief = client.get("/api/brief", params=params).json()
    sentences = [x for s in brief["sections"] for x in s["sentences"]]
    assert sentences
    want_events = client.get("/api/stats", params=params).json()["events"]
    for x in sentences:
        assert x["cites"], x["text"]
        records = {c: cited(client, c) for c in x["cites"]}  # each exists
        evs = [r for c, r in records.items() if c.startswith("event:")]
        reps = [r for c, r in records.items() if c.startswith("report:")]
        f = x["facts"]
        if "events" in f:
            assert f["events"] == len(evs), x["text"]
        if "deaths" in f:
            assert f["deaths"] == sum((e["fatalities"] or {}).get("best") or 0 for e in evs), x["text"]
            assert f"{f['deaths']:,} death" in x["text"]
        for key in ("low", "high"):
            if key in f:
                assert f[key] == sum(e["fatalities"][key] if e["fatalities"][key] is not None
                                     else e["fatalities"]["best"] or 0 for e in evs)
                assert f"{f[key]:,}" in x["text"]
        for who, claim in (f.get("claims") or {}).items():
            assert claim["reports"] and {f"report:{r}" for r in claim["reports"]} <= set(x["cites"])
            theirs = [records[f"report:{r}"] for r in claim["reports"]]
            assert all((r.get("claimed_by") or {}).get("name") in (who, None) for r in theirs)
            figures = [r["fatalities"]["best"] for r in theirs if r["fatalities"]["best"] is not None]
            assert claim["figure"] == (max(figures) if figures else None)
            assert (f"{who} gives {claim['figure']}" if figures else f"{who} gives no toll") in x["text"]
        if f.get("field") == "fatalities":
            assert {v for v in f["values"]} <= {r["fatalities"]["best"] for r in reps}
        if "gap" in f:
            arts = [r for c, r in records.items() if c.startswith("article:")]
            assert all(not (f["gap"][0] <= a["published"] <= f["gap"][1]) for a in arts)
            inside = client.get("/api/articles", params={"since": f["gap"][0], "until": f["gap"][1]}).json()
            assert inside["items"] == []
        if "first_article" in f:
            assert {a["published"] for a in records.values()} == {f["first_article"], f["last_article"]}
        stated = numbers_in(x["text"])
        for n in (f.get("events"), f.get("deaths")):
            if n is not None and n > 31:  # a small number may be part of a date, a big one must be stated
                assert n in stated, x["text"]
    totals = brief["sections"][0]["sentences"][0]
    assert totals["facts"]["events"] == want_events


def test_markdown_footnotes_and_html_links(client):
    params = {"since": "2020-03-01", "until": "2020-03-31"}
    md = client.get("/api/brief", params={**params, "format": "md"}).text
    bullets = [line for line in md.splitlines() if line.startswith("- ")]
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.+)$", md, flags=re.M))
    assert bullets and len(notes) == len(bullets)
    for line in bullets:
        n = re.search(r"\[\^(\d+)\]$", line)
        assert n, line
        assert re.search(r"\[(event|report|article):[^\]]+\]\(/(event|article)/", notes[n.group(1)])
    html = client.get("/api/brief", params={**params, "format": "html"}).text
    items = re.findall(r"<li class=\"sentence\"[^>]*>.*?</li>", html, flags=re.S)
    assert len(items) == len(bullets) and all('class="cite" href="/' in li for li in items)


def test_brief_escapes_what_articles_wrote(client):
    md = client.get("/api/brief", params={"admin1": "Idlib", "format": "md"}).text
    html = client.get("/api/brief", params={"admin1": "Idlib", "format": "html"}).text
    assert "<img" not in md and "<img" not in html and "&lt;img" in md


def test_cli_writes_the_brief_of_a_region(store_url, tmp_path):
    fx.build(store_url)
    out = tmp_path / "brief.md"
    r = CliRunner().invoke(cli, ["--db", store_url, "brief", "--region", "eastern ghouta", "--since", "2018-03-01",
                                 "--until", "2018-03-10", "--format", "md", "--out", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text()
    assert text.startswith("# Situation brief: Eastern Ghouta, 2018-03-01 to 2018-03-10")
    assert "Douma" in text and "[^1]:" in text
    bad = CliRunner().invoke(cli, ["--db", store_url, "brief", "--region", "Atlantis"])
    assert bad.exit_code == 2 and "Western" in bad.output and "Atlantis" in bad.output
    both = CliRunner().invoke(cli, ["--db", store_url, "brief", "--admin1", "Idlib", "--bbox", "36,35,37,36"])
    assert both.exit_code == 2
