"""The gazetteer: spellings meet, ambiguous names resolve sensibly, governorates use ACLED's names."""
from __future__ import annotations

import time

import pytest

from warwire.knowledge.gazetteer import Gazetteer, distance_km, fold, read_table, sound, TABLE


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("a, b", [
    ("Deir ez-Zor", "Deir Ezzor"),
    ("Deir ez-Zor", "Deir al-Zor"),
    ("Jisr al-Shughur", "Jisr ash-Shughur"),
    ("Azaz", "I'zaz"),
    ("Khan Sheikhoun", "Khan Shaykun"),
    ("Maarat al-Numan", "Ma'arrat an Nu'man"),
    ("Kafranbel", "Kafr Nabl"),
    ("Raqqa", "Ar-Raqqah"),
    ("Hasakah", "Al-Hasakeh"),
    ("Abu al-Duhur", "Abul Thohur"),
])
def test_news_spellings_resolve_to_the_same_place(g, a, b):
    la, lb = g.lookup(a), g.lookup(b)
    assert la is not None and lb is not None
    assert (la.name, la.lat, la.lon) == (lb.name, lb.lat, lb.lon)
    assert la.geo_precision == 1


def test_names_are_acled_s(g):
    """Names, governorates and districts are written as ACLED writes them, so exports line up."""
    assert g.lookup("Kafranbel").name == "Kafr Nobol"
    assert g.lookup("Raqqa").name == "Ar-Raqqa"
    assert g.lookup("Tabqa").name == "Al Tabqa"
    assert g.lookup("Abu Kamal").name == "Al-Bukamal"
    assert g.lookup("Khan Sheikhoun").admin2 == "Al Ma'ra"


def test_kafranbel_is_the_idleb_town(g):
    loc = g.lookup("Kafranbel")
    assert loc.geonames_id == 168661
    assert loc.admin1 == "Idleb"  # ACLED's spelling, not "Idlib"
    assert distance_km(loc.lat, loc.lon, 35.61376, 36.56449) < 1.0


def test_eastern_ghouta_is_a_region(g):
    loc = g.lookup("Eastern Ghouta")
    assert loc.geo_precision == 2 and loc.admin1 == "Rural Damascus"
    assert distance_km(loc.lat, loc.lon, 33.55, 36.40) < 10
    assert g.lookup("eastern Ghouta") == loc


@pytest.mark.parametrize("town", ["Douma", "Saqba", "Hamouriyeh", "Jobar", "Zamalka", "Ein Terma", "Misraba"])
def test_ghouta_towns_are_near_damascus(g, town):
    loc = g.lookup(town)
    assert loc is not None and loc.admin1 in ("Rural Damascus", "Damascus")
    assert distance_km(loc.lat, loc.lon, 33.53, 36.37) < 12


def test_governorates_use_acled_names(g):
    names = {gov.admin1 for gov in g.governorates.values()}
    assert names == {"Aleppo", "Idleb", "Hama", "Homs", "Rural Damascus", "Damascus", "Dar'a", "Deir-ez-Zor",
                     "Ar-Raqqa", "Al-Hasakeh", "Lattakia", "Tartous", "Quneitra", "As-Sweida"}
    idlib = g.governorate("Idlib")
    assert idlib.name == "Idleb" and idlib.geo_precision == 3
    assert g.governorate("Rif Dimashq").admin1 == "Rural Damascus"
    assert g.governorate("Kafranbel").admin1 == "Idleb"  # the governorate a town lies in
    assert g.governorate("Idlib province").name == "Idleb"
    assert g.governorate("the province of Hama").name == "Hama"
    assert g.governorate("Aleppo countryside").name == "Aleppo"
    assert g.governorate("Damascus countryside").name == "Rural Damascus"  # ACLED's name for it
    assert g.governorate("Moscow") is None


def test_a_town_wins_over_the_unit_named_after_it(g):
    assert g.lookup("Aleppo").geo_precision == 1
    assert g.lookup("Maarat al-Numan").geo_precision == 1


def test_admin1_breaks_ties(g):
    # There is a Ras al-Ain in Al-Hasakeh and one in Hama.
    assert g.lookup("Ras al-Ain", admin1="Hama").admin1 == "Hama"
    assert g.lookup("Ras al-Ain").admin1 == "Al-Hasakeh"


def test_cities_abroad_carry_their_country(g):
    assert g.lookup("Beirut").country == "Lebanon"
    assert g.lookup("Gaziantep").country == "Turkey"
    assert g.lookup("Moscow").country == "Russia"


def test_acled_compound_names(g):
    loc = g.lookup("Damascus - Mazzeh")
    assert loc.admin1 == "Damascus" and distance_km(loc.lat, loc.lon, 33.50, 36.25) < 3


def test_unknown_and_english_words_are_not_places(g):
    assert g.lookup("Xyzzyville") is None
    assert g.lookup("") is None


def test_folding():
    assert fold("Deir ez-Zor") == fold("Dayr az Zawr") != ""
    assert fold("Al-Bab") == fold("Bab")
    assert fold("Ma'arrat") == fold("Maarat") == fold("Maaret")


@pytest.mark.parametrize("joined, apart", [
    ("Salaheddin", "Salah ad-Din"),
    ("Salahuddin", "Salah al-Din"),
    ("Nureddin", "Nur ad-Din"),
])
def test_the_article_of_ad_din_run_into_its_name(joined, apart):
    """"ad-Din" written into the name before it is the same name: one key, and the same words to match a text by."""
    from warwire.knowledge.gazetteer import fold_spaced

    assert fold(joined) == fold(apart)
    assert fold_spaced(joined) == fold_spaced(apart)


def test_a_name_with_din_of_its_own_is_kept():
    assert fold("Saladin") != fold("Sal ad-Din")
    assert fold("Baddin") == fold("Badin")


def test_light_drops_diacritics_and_articles_but_keeps_vowels():
    from warwire.knowledge.gazetteer import light

    # Marks precomposed or combining, and the ayn/hamza marks, all go; the article goes; vowels stay.
    assert light("Ḥamāh") == light("Ha\u0301ma\u0304h") == light("Hamah") == "hama"
    assert light("Ma‘arrat al-Nu‘man") == light("Maarrat Numan") == "marat numan"
    assert light("Homs") != light("Hama")
    # Whole texts pass through light: the same words give the same result, long or short.
    sentence = "Shelling hit Kafr Nabl, near Ma‘arrat al-Nu‘man — witnesses said."
    assert light(sentence * 3) == " ".join([light(sentence)] * 3)


def test_distance_km():
    assert distance_km(33.5138, 36.2765, 36.2021, 37.1343) == pytest.approx(308, abs=5)  # Damascus-Aleppo
    assert distance_km(1, 1, 1, 1) == 0


def test_load_is_fast_and_cached():
    t0 = time.process_time()  # CPU time: CI machines are shared
    places = read_table(TABLE)
    assert time.process_time() - t0 < 1.0  # about 0.2 s
    assert len(places) > 15000
    assert Gazetteer.load() is Gazetteer.load()


def test_packaged_keys_match_the_folding_rules():
    """A stale table (folding.yaml changed without a rebuild) still works but loads slowly: rebuild it."""
    import gzip

    from warwire.knowledge.gazetteer import _folding

    with gzip.open(TABLE, "rt", encoding="utf-8") as fh:
        assert fh.readline().strip() == f"# folding {_folding().digest}", "run scripts/build_gazetteer.py"


def test_acled_coverage(shared_data):
    """Most ACLED place names resolve within 10 km of ACLED's coordinates (given ACLED's governorate)."""
    import csv

    with (shared_data / "acled" / "acled_syria_2018_jan_feb.csv").open(encoding="utf-8") as fh:
        rows = {(r["location"], r["latitude"], r["longitude"], r["admin1"]) for r in csv.DictReader(fh)}
    g = Gazetteer.load()
    hits = 0
    for name, lat, lon, admin1 in rows:
        loc = g.lookup(name, admin1)
        hits += bool(loc and distance_km(float(lat), float(lon), loc.lat, loc.lon) <= 10)
    assert hits / len(rows) >= 0.85


def _write_sources(root):
    """A two-village gazetteer source tree in the real sources' layouts."""
    import json

    (root / "ocha").mkdir(parents=True)
    (root / "opensyria").mkdir()
    (root / "wof").mkdir()
    (root / "geonames").mkdir()
    (root / "ocha" / "syr_ocha_gazetteer_communities_neighbourhoods.csv").write_text(
        "pcode,type,name_en,name_ar,alt_names_en,alt_names_ar,admin1_en,admin1_pcode,admin2_en,admin2_pcode,"
        "admin3_en,admin3_pcode,admin4_en,admin4_ar,admin4_pcode,lat,lon,source_date\n"
        "C9001,community,Kafr Test (Idleb),كفر تست,Kafr Test,,Idleb,SY07,Al Ma'ra,SY0702,Test,SY070299,"
        "Kafr Test,كفر تست,C9001,35.6,36.5,2018\n"
        "C9002,community,Tall Other,تل,,,Idleb,SY07,Al Ma'ra,SY0702,Test,SY070299,"
        "Tall Other,تل,C9002,35.9,36.9,2018\n",
        encoding="utf-8")
    (root / "ocha" / "syr_locations_ocha_admin4_communities.csv").write_text(
        "admin1Name_en,admin1Pcode,admin2Name_en,admin2Pcode,admin3Name_en,admin3Pcode\n"
        "Idleb,SY07,Al Ma'ra,SY0702,Test,SY070299\n", encoding="utf-8")
    gov = [{"name": {"en": "Idlib", "ar": "إدلب"}, "aliases": [{"value": "Idlib Governorate", "language": "en"}],
            "externalIds": {"ochaPcode": "SY07", "geonames": "169387"},
            "centroid": {"latitude": 35.8, "longitude": 36.6},
            "population": {"value": 1500000}}]
    (root / "opensyria" / "governorates.json").write_text(json.dumps(gov), encoding="utf-8")
    (root / "opensyria" / "districts.json").write_text("[]", encoding="utf-8")
    (root / "opensyria" / "subdistricts.json").write_text("[]", encoding="utf-8")
    (root / "wof" / "wof_sy_places.csv").write_text(
        "wof_id,name,placetype,lat,lon,region,region_id,county,county_id,localadmin,parent_id,is_current,"
        "deprecated,superseded_by,population,gn_id,wd_id,gn_feature,names_variant,names_ar\n"
        "1,Kafr Tast,locality,35.601,36.502,Idlib,,,,,,1,,,2000,4242,,,Kafrtest|Kfar Test,\n"
        "2,Lonely Hamlet,locality,35.7,36.7,Idlib,,,,,,1,,,,4343,,,,\n", encoding="utf-8")
    (root / "geonames" / "admin1CodesASCII.txt").write_text("LB.04\tBeyrouth\tBeyrouth\t276780\n", encoding="utf-8")


def test_build_merges_the_sources(tmp_path, build_script):
    """WOF spellings and GeoNames ids join the OCHA community they describe; the rest become places."""
    _write_sources(tmp_path / "src")
    out = tmp_path / "places.tsv.gz"
    build_script.build(tmp_path / "src", out)
    places = {p.id: p for p in read_table(out)}
    kafr = places["C9001"]
    assert kafr.name == "Kafr Test" and kafr.admin1 == "Idleb" and kafr.geonames_id == 4242
    assert "Kfar Test" in kafr.names and kafr.population == 2000
    assert places["gn:4343"].admin1 == "Idleb"  # admin units from the nearest OCHA community
    assert places["SY07"].kind == "governorate" and places["SY07"].name == "Idleb"
    assert any(p.country == "Lebanon" and p.name == "Beirut" for p in places.values())


def test_build_reads_each_name_of_a_joined_name(tmp_path, build_script):
    """A place the source names by two names joined ("X - Y", "X_ Y") is found by either; a part that is another
    place's name (the town the source qualifies it by) stays that place's."""
    _write_sources(tmp_path / "src")
    ocha = tmp_path / "src" / "ocha" / "syr_ocha_gazetteer_communities_neighbourhoods.csv"
    with ocha.open("a", encoding="utf-8") as fh:
        fh.write("C9003,community,Wadi Test - Upper Zorbak,,,,Idleb,SY07,Al Ma'ra,SY0702,Test,SY070299,"
                 "Wadi Test,,C9003,35.62,36.52,2018\n"
                 "C9004,neighbourhood,Qasrun_ Bostanik,,,,Idleb,SY07,Al Ma'ra,SY0702,Test,SY070299,"
                 "Test,,C9001,35.61,36.51,2018\n"
                 "C9005,community,Minor Farm - Tall Other,,,,Idleb,SY07,Al Ma'ra,SY0702,Test,SY070299,"
                 "Minor Farm,,C9005,35.88,36.88,2018\n")
    out = tmp_path / "places.tsv.gz"
    build_script.build(tmp_path / "src", out)
    places = {p.id: p for p in read_table(out)}
    assert "Upper Zorbak" in places["C9003"].names and "Wadi Test" in places["C9003"].names
    assert {"Qasrun", "Bostanik"} <= set(places["C9004"].names)
    assert "Minor Farm" in places["C9005"].names and "Tall Other" not in places["C9005"].names


def test_region_members(g):
    towns = g.members("Eastern Ghouta")
    names = {t.name for t in towns}
    assert {"Duma", "Saqba", "Hamouriya", "Jobar", "Zamalka", "Ein Terma", "Misraba"} <= names  # ACLED names
    assert all(distance_km(t.lat, t.lon, 33.55, 36.40) < 15 for t in towns)
    assert [r.name for r in g.regions_of(g.lookup("Douma"))] == ["Eastern Ghouta"]
    assert g.regions_of(g.lookup("Aleppo")) == []
    assert g.members("Douma") == []


def test_a_governorate_lies_at_its_capital():
    # ACLED places an event known only by its governorate at the capital (geo_precision 3).
    g = Gazetteer.load()
    idleb, city = g.governorate("Idlib province"), g.lookup("Idlib")
    assert idleb.geo_precision == 3 and (idleb.lat, idleb.lon) == (city.lat, city.lon)
    rural = g.governorate("Rif Dimashq")
    assert rural.admin1 == "Rural Damascus" and distance_km(rural.lat, rural.lon, 33.57, 36.40) < 3


def test_a_name_spelled_as_a_source_spells_it_beats_a_bigger_town_spelled_alike():
    g = Gazetteer.load()
    # "Zakah" is a spelling of the Hama village; Zakyeh near Damascus is bigger but spelled otherwise.
    assert g.find("al-Zakah").admin1 == "Hama"
    assert g.find("Zakyeh").admin1 == "Rural Damascus"


def test_news_spellings_of_towns_whose_names_fold_onto_namesakes():
    g = Gazetteer.load()
    assert g.find("Baghouz").admin1 == "Deir-ez-Zor"
    assert g.find("Muzayrib").admin1 == "Dar'a"
    assert g.find("Sukhnah").admin1 == "Homs"
    assert g.find("Saida").admin1 == "Dar'a" and g.find("Sweida").admin1 == "As-Sweida"


def test_the_fuzzy_search_compares_only_keys_of_near_lengths_and_finds_the_same(g):
    import random

    from rapidfuzz import fuzz, process

    from warwire.knowledge.gazetteer import _FUZZY_CUTOFF

    keys = list(g.by_key)
    pick = random.Random(14)
    queries = []
    for key in pick.sample(keys, 60):  # a key misspelled: a letter changed, dropped, or added
        i = pick.randrange(len(key))
        letter = pick.choice("aeiouhkqsz")
        queries += [key[:i] + letter + key[i + 1:], key[:i] + key[i + 1:], key[:i] + letter + key[i:]]
    admin1 = next(p.admin1 for p in g.places if p.kind == "governorate" and p.country == g.country)
    compared = 0
    for query in queries:
        for within, choices in ((None, keys), (admin1, g._keys_in(admin1))):
            near = g._fuzzy_choices(query, within)
            assert len(near) < len(choices)
            every = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=8)
            some = process.extract(query, near, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=8)
            assert [(k, s) for k, s, _ in some] == [(k, s) for k, s, _ in every], query
            compared += bool(every)
    assert compared > 40


def test_consonant_count_reads_a_w_before_a_vowel_as_a_consonant():
    from warwire.knowledge.gazetteer import consonant_count

    assert consonant_count("Mowaza") == 3
    assert consonant_count("Sawf") == 2  # "aw" before a consonant is a vowel
    assert consonant_count("Qaifa") == 2


def test_sound_makes_the_letters_transliterations_write_one_sound_with_one():
    for a, b in (("Thamar", "Dhamar"), ("Haradh", "Harad"), ("Al Garrahi", "Al Jarrahi"), ("Serwah", "Sirwah"),
                 ("Monqati'", "Al Munqati"), ("Dhaiq", "Ad Dayq"), ("Khalifeen", "Khalifin")):
        assert sound(a) == sound(b), (a, b)
    # Ghayn stays itself, and vowels are kept.
    assert sound("Ghamr") != sound("Jamr")
    assert sound("Salab") != sound("Salb")


def test_build_makes_a_city_district_of_its_neighbourhoods_shared_name(tmp_path, build_script):
    """A city's district that the source names only as an alternate name of its neighbourhoods becomes a place at
    their centre; one a neighbourhood is named after stays that neighbourhood's."""
    _write_sources(tmp_path / "src")
    ocha = tmp_path / "src" / "ocha" / "syr_ocha_gazetteer_communities_neighbourhoods.csv"
    with ocha.open("a", encoding="utf-8") as fh:
        for pcode, name, alt, lat in (("N9001", "Upper Souq", "Bab Test", 35.60), ("N9002", "Lower Souq", "Bab Test", 35.62),
                                      ("N9003", "Old Gate", "Old Gate", 35.64), ("N9004", "New Gate", "Old Gate", 35.66),
                                      ("N9005", "Lone Lane", "Lone Ward", 35.68)):
            fh.write(f"{pcode},neighbourhood,{name},,{alt},,Idleb,SY07,Al Ma'ra,SY0702,Test,SY070299,"
                     f"Kafr Test,,C9001,{lat},36.5,2018\n")
    out = tmp_path / "places.tsv.gz"
    build_script.build(tmp_path / "src", out)
    places = read_table(out)
    [bab] = [p for p in places if p.name == "Bab Test"]
    assert bab.kind == "neighbourhood" and bab.admin1 == "Idleb" and abs(bab.lat - 35.61) < 1e-6
    assert [p.id for p in places if p.name == "Old Gate"] == ["N9003"]  # a neighbourhood has the name already
    assert not [p for p in places if p.name == "Lone Ward"]  # one neighbourhood's alternate name: its own
