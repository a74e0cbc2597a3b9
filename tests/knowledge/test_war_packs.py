"""The Sudan and Ukraine packs: wars added as data (docs/packs.md), read from sentences we wrote."""
from __future__ import annotations

import csv
import json
import os

import pytest

from warwire.knowledge import packs
from warwire.knowledge.gazetteer import distance_km
from warwire.model import Article


def _primary(text: str, pack: str | None = None):
    from warwire.extract import extract_article

    article = Article(text=text, published="2024-05-10")
    if pack is None:
        reports = extract_article(article)
    else:
        with packs.using(pack):
            reports = extract_article(article)
    return next(r for r in reports if r.primary), reports


def test_an_rsf_drone_strike_on_el_fasher_reads_with_the_sudan_pack():
    text = ("A drone launched by the Rapid Support Forces struck a crowded market in El Fasher on Friday, killing "
            "nine civilians and wounding 30, the Sudan Doctors Network said.")
    assert packs.choose(text).name == "sudan"
    r, _ = _primary(text)
    assert r.sub_event_type == "Air/drone strike"
    assert r.location.country == "Sudan" and r.location.admin1 == "North Darfur"
    assert distance_km(r.location.lat, r.location.lon, 13.63, 25.35) < 10
    assert (r.actor1.name, r.actor1.kind) == ("Rapid Support Forces", "Rebel group")
    assert r.actor2.kind == "Civilians" and r.actor2.name == "Civilians (Sudan)"
    assert r.fatalities.best == 9
    assert r.claimed_by.name == "Sudan Doctors Network"


def test_a_russian_missile_strike_on_kharkiv_reads_with_the_ukraine_pack():
    text = ("A Russian missile hit a residential building in Kharkiv overnight, killing four people and injuring 15, "
            "the regional governor said.")
    assert packs.choose(text).name == "ukraine"
    r, _ = _primary(text)
    assert r.sub_event_type == "Shelling/artillery/missile attack"
    assert r.location.country == "Ukraine" and r.location.admin1 == "Kharkiv"
    assert distance_km(r.location.lat, r.location.lon, 49.99, 36.23) < 10
    assert (r.actor1.name, r.actor1.kind) == ("Military Forces of Russia (2000-)", "External/Other forces")
    assert r.actor2.kind == "Civilians"
    assert r.fatalities.best == 4


@pytest.mark.parametrize("pack, name, admin1, lat, lon", [
    ("sudan", "Al-Fashir", "North Darfur", 13.63, 25.35),
    ("sudan", "Nyala", "South Darfur", 12.05, 24.88),
    ("sudan", "Geneina", "West Darfur", 13.45, 22.45),
    ("sudan", "Wad Madani", "Al Jazirah", 14.40, 33.52),
    ("sudan", "Omdurman", "Khartoum", 15.64, 32.48),
    ("sudan", "Bahri", "Khartoum", 15.64, 32.53),
    ("ukraine", "Kiev", "Kyiv City", 50.45, 30.52),
    ("ukraine", "Kharkov", "Kharkiv", 49.99, 36.23),
    ("ukraine", "Artemivsk", "Donetsk", 48.59, 38.00),
    ("ukraine", "Avdiivka", "Donetsk", 48.14, 37.75),
    ("ukraine", "Mariupol", "Donetsk", 47.10, 37.54),
    ("ukraine", "Zaporizhzhia", "Zaporizhia", 47.85, 35.12),
    ("ukraine", "Kherson", "Kherson", 46.64, 32.61),
])
def test_the_news_spellings_of_the_wars_towns(pack, name, admin1, lat, lon):
    g = packs.load(pack).gazetteer
    # The town, not the unit of its name ("Kherson": the oblast's city, where its name alone means it).
    best = g.best([p for p in g.candidates(name) if p.kind != "governorate"], name)
    assert best.admin1 == admin1, (name, best)
    assert distance_km(best.lat, best.lon, lat, lon) < 10, (name, best)


@pytest.mark.parametrize("text, admin1", [
    ("Shelling hit several villages in the Kharkiv region on Monday, Ukraine's military said.", "Kharkiv"),
    ("Russian artillery pounded towns across Donetsk oblast, Ukrainian officials said.", "Donetsk"),
    ("RSF fighters attacked villages in South Kordofan state on Tuesday, killing five.", "South Kordofan"),
])
def test_a_first_level_unit_as_the_news_names_it(text, admin1):
    r, _ = _primary(text)
    assert r.location is not None and r.location.admin1 == admin1


def test_an_article_on_syria_and_another_war_yields_events_in_both(monkeypatch):
    text = ("Syrian government warplanes struck the town of Saraqeb in Idlib province on Monday, killing seven "
            "civilians, activists said. In Ukraine, a Russian drone hit a bus in Kherson on the same day, killing "
            "three civilians, the regional governor said.")
    monkeypatch.setenv(packs.ENV, packs.AUTO)
    _, reports = _primary(text)
    by_country = {r.location.country: r for r in reports if r.location}
    assert {"Syria", "Ukraine"} <= set(by_country)
    assert by_country["Syria"].fatalities.best == 7 and by_country["Syria"].location.admin1 == "Idleb"
    assert by_country["Ukraine"].fatalities.best == 3 and by_country["Ukraine"].location.admin1 == "Kherson"
    assert by_country["Ukraine"].actor1.name == "Military Forces of Russia (2000-)"


@pytest.mark.parametrize("text, war", [
    # Russia's warplanes are a Syrian story's actors: "Russian" is no cue word of the Ukraine pack.
    ("Russian warplanes struck the village of Tal Hadya in southern Aleppo, killing four civilians.", "syria"),
    ("Russian jets bombed Kafr Nabl and Maarat al-Numan in Idlib countryside.", "syria"),
    # Sudanese troops fought in Yemen with the Saudi-led coalition.
    ("Houthi forces clashed with Sudanese troops of the coalition in Midi district of Hajjah.", "yemen"),
    ("Rapid Support Forces shelled Omdurman as the army pushed into Bahri.", "sudan"),
    ("Ukrainian drones hit an oil depot near Donetsk, separatist officials said.", "ukraine"),
])
def test_a_war_is_chosen_by_its_own_words_not_by_another_wars_actors(text, war):
    assert packs.choose(text).name == war


def test_a_new_wars_village_names_need_its_cue_words():
    # A name the new wars' gazetteers share with a village elsewhere votes for them only beside their words.
    chooser = packs._chooser(tuple(packs.names()))
    assert packs.load("sudan").names_need_cues and packs.load("ukraine").names_need_cues
    assert not packs.load("syria").names_need_cues and not packs.load("yemen").names_need_cues
    assert not set(chooser.votes("Clashes broke out in Ocheretyne on Monday.")) & {"sudan", "ukraine"}
    assert chooser.votes("Ukrainian forces said clashes broke out in Ocheretyne on Monday.")["ukraine"] > \
        chooser.votes("Ukrainian forces said clashes broke out on Monday.")["ukraine"]


@pytest.mark.parametrize("pack", ["sudan", "ukraine"])
def test_the_new_packs_name_acled_kinds_and_capitals_for_every_unit(pack):
    from warwire.model import ACTOR_KINDS

    p = packs.load(pack)
    for entry in p.actor_dictionary.entries.values():
        assert entry.kind in ACTOR_KINDS
    g = p.gazetteer
    units = {u.admin1 for u in g.places if u.kind == "governorate" and u.country == p.country}
    capitals = set((p.data("capitals.yaml") or {}))
    # Every unit but one whose seat is a unit of its own (Kyiv oblast's is Kyiv City) has its seat.
    assert len(units - capitals) <= 1 and capitals <= units


def test_pack_option_on_extract(tmp_path, monkeypatch):
    from tests.cli.cli_runner import run

    monkeypatch.delenv(packs.ENV, raising=False)

    src = tmp_path / "a.txt"
    # Named by no war's words: only --pack makes it Sudan's.
    src.write_text("Gunmen attacked a market in Kutum on Sunday, killing four traders.", encoding="utf-8")
    result = run("--db", tmp_path / "w.db", "extract", "--no-store", "--format", "jsonl", "--pack", "sudan", src)
    assert result.exit_code == 0, result.output
    reports = [r for line in result.output.splitlines() if line.startswith("{")
               for r in json.loads(line)["reports"]]
    assert reports and all(r["location"]["country"] == "Sudan" for r in reports if r["location"])
    assert any(r["location"] and r["location"]["admin1"] == "North Darfur" for r in reports)
    # The choice was the run's: the program that ran the command in its process chooses per article again.
    assert packs.ENV not in os.environ and packs.choice() == packs.AUTO


def test_pack_option_on_eval(tmp_path, monkeypatch):
    from tests.cli.cli_runner import run

    monkeypatch.setenv(packs.ENV, "yemen")  # a choice made before the run outlives it

    rows = [
        ("1", "12 May 2024", "Explosions/Remote violence", "Air/drone strike", "2", "Kharkiv", "49.99", "36.23",
         "8", "7", "A Russian drone hit a house in Kharkiv city, killing two civilians."),
        ("2", "13 May 2024", "Explosions/Remote violence", "Shelling/artillery/missile attack", "0", "Kherson",
         "46.64", "32.61", "8", "0", "Russian forces shelled Kherson; no casualties were reported."),
    ]
    path = tmp_path / "ukraine.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["event_id_cnty", "event_date", "event_type", "sub_event_type", "fatalities", "admin1",
                    "latitude", "longitude", "inter1", "inter2", "notes", "country"])
        for row in rows:
            w.writerow([*row, "Ukraine"])
    result = run("eval", "--acled", path, "--pack", "ukraine", "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output[result.output.index("["):])[0]
    assert scores["n"] == 2
    assert scores["metrics"]["admin1"]["accuracy"] == 1.0
    assert scores["metrics"]["event_type"]["accuracy"] == 1.0
    assert packs.choice() == "yemen"
    assert run("eval", "--acled", path, "--pack", "atlantis").exit_code != 0


def test_cyrillic_names_are_romanised_as_the_news_spells_them(build_script):
    latin = build_script._latin
    assert latin("Запоріжжя", []) == "Zaporizhzhia"
    assert latin("Харків", ["Charkiw"]) == "Kharkiv"
    assert latin("Слов'янськ", []) == "Sloviansk"
    assert latin("Şa‘dah", []) == "Sa'dah"  # Latin names keep their letters, without diacritics


def test_a_county_acled_counts_as_a_unit_and_a_far_geonames_link_is_dropped(tmp_path, build_script):
    header = ["wof_id", "name", "placetype", "lat", "lon", "region", "county", "localadmin", "is_current",
              "deprecated", "gn_id", "wd_id", "names_variant", "names_ar", "names_uk_ru"]
    rows = [
        ["1", "Northmark", "region", "50.3", "30.4", "Northmark", "", "", "1", "", "", "", "", "", ""],
        ["2", "Capitalska", "county", "50.45", "30.52", "Northmark", "Capitalska", "", "1", "", "", "", "", "", ""],
        ["3", "Capitalia", "locality", "50.45", "30.52", "Northmark", "Capitalska", "", "1", "", "", "", "", "", ""],
        ["4", "Ferndale", "locality", "50.9", "31.0", "Northmark", "Ferny", "", "1", "", "", "", "", "", ""],
        # Linked to GeoNames' Kyiv, 500 km away, with Kyiv's names: not Kyiv.
        ["5", "Воскресенка", "locality", "46.32", "34.16", "Northmark", "Ferny", "", "1", "", "703448", "",
         "Kyiv|Kiev", "", ""],
    ]
    (tmp_path / "other").mkdir()
    with (tmp_path / "other" / "wof.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    config = {"source": "other/wof.csv", "country": "Ruritania", "iso2": "UA",
              "admin1": {"Northmark": ["Northmark"]}, "counties": {"Capitalska": ["Capital City", "the capital"]}}
    places = {p.id: p for p in build_script.build_wof(tmp_path, config, tmp_path / "g.tsv.gz")}
    assert places["wof:2"].kind == "governorate" and places["wof:2"].name == "Capital City"
    assert places["wof:3"].admin1 == "Capital City" and places["wof:4"].admin1 == "Northmark"
    stray = places["wof:5"]
    assert stray.name == "Voskresenka" and stray.geonames_id is None and not stray.population
    assert not {"Kyiv", "Kiev"} & set(stray.names)
