"""Build a knowledge pack's coded places (warwire/knowledge/packs/<pack>/coded.yaml) from an ACLED export.

ACLED's coders place events at the hills, valleys, wells and city quarters where the fighting is
("Jabal ...", "Wadi ...", "Bir ...", "Taizz-<quarter>"), points GeoNames lists that Who's On First, the
pack's gazetteer source, lacks. This script lists the places an ACLED export codes in at least
``--min-events`` events with different notes (the same place told of in two reports or more: the front's
hills and valleys recur from month to month) for which the
gazetteer has no place of the name within 10 km, with ACLED's name, governorate, district and point,
and the spellings the notes use for it, each used by at least ``--min-notes`` different notes (a spelling
one note uses is a coder's one-off, not one reports share): a capitalised word or two of a note about the
place spelled close to the place's own name (its name less a leading "Jabal", "Wadi", "Bir" ... and a city's name
before a dash; a camp, base, airport, port or junction also by the first word of its name and its kind,
"Khalid camp"), unless a settlement of another district of the governorate, or a district or governorate, is so
spelled ("Nati" is a district's, not a spelling of Al Munqati in it; a spelling a settlement of the place's own
district has is the place's too: "Manarah" for Jabal al Manarah, where a village Manarah lies 15 km off).
Derived facts only (names, spellings, coordinates); the notes themselves stay out.

Run: ``python scripts/build_coded_places.py --pack yemen --acled FILE --month 2018-01``.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from warwire.knowledge import packs  # noqa: E402
from warwire.knowledge.gazetteer import (PACKS_DIR, SETTLEMENTS, Gazetteer, distance_km, fold,  # noqa: E402
                                         light, read_table)

#: Words before the name proper in the names ACLED gives (GeoNames's: hill, valley, well, village, market ...).
_GENERIC = re.compile(r"^(?:Jabal|Jablat|Wadi|Bir|Qaryat|Suq|Najd|Qarn|Ras|Khawr|Husn)\s+(?:(?:al|as|an|ad|ar|at|ash|az)\s+)?",
                      re.IGNORECASE)
#: "Taizz-Al Jahmaliyah": a quarter of a city, ACLED's city name before the dash.
_CITY = re.compile(r"^[A-Z][\w' ]+?-(?=[A-Z])")
#: A capitalised word or two of a note, with an Arabic article ("al-Atfain", "Al Monqati'").
_NAME = re.compile(r"(?:(?:[Aa]l|[Ee]l)[-\s'’]?)?[A-Z][\w'’]+(?:[- ](?:(?:[Aa]l|[Ee]l)[-\s])?[A-Z][\w'’]+)?")
#: A camp, base, airport, port or junction named for someone or something: reports call it by the first word
#: of that name and its kind ("Khalid camp" for Khalid Ibn al Waleed Military Camp).
_FACILITY = re.compile(r"^(?:(?:al|as|an|ad|ar|at|ash|az)\s+)?([\w']+).*?\s(?:Military\s+|Air\s+)?"
                       r"(Camp|Base|Airport|Port|Junction)$", re.IGNORECASE)
#: How close (0-100) a note's word must be to the place's name to be taken as a spelling of it.
SIMILARITY = 70
#: How far (km) a gazetteer place of the name may be for the place to count as known.
KNOWN_KM = 10.0


def coded_places(rows: list[dict], gazetteer, min_events: int = 2, stop: frozenset[str] = frozenset(),
                 min_notes: int = 3) -> list[dict]:
    """The entries of coded.yaml (see the module's doc) for ACLED ``rows`` (dicts of an export's columns);
    ``stop``: the pack's stoplisted surfaces (light-folded), words that are no place's spelling ("Masirah", a
    channel); ``min_notes``: how many different notes must use a spelling for it to be kept."""
    from rapidfuzz import fuzz

    by_place: dict[tuple, set[str]] = defaultdict(set)
    for r in rows:
        if r.get("location") and r.get("latitude") and r.get("notes") and r.get("geo_precision") in ("1", "2"):
            key = (r["location"].strip(), r["admin1"].strip(), (r.get("admin2") or "").strip(),
                   round(float(r["latitude"]), 4), round(float(r["longitude"]), 4))
            by_place[key].add(r["notes"].strip())
    # A spelling a unit of the governorate has, or (folded) a district's or governorate's, is theirs; so is one
    # only settlements of other districts have. A spelling a settlement of the place's own district has is the
    # place's too (the districts of each spelling are kept): the hill or valley ACLED's coders keep returning to is
    # what the war's reports mean by the bare name there ("Manara area" of Nihm: Jabal al Manarah, not the village
    # Manarah 15 km off).
    taken: dict[str | None, set[str]] = defaultdict(set)
    settled: dict[tuple[str | None, str], set[str | None]] = defaultdict(set)
    for p in gazetteer.places:
        if p.kind in SETTLEMENTS:
            for n in p.names:
                settled[(p.admin1, light(n))].add(p.admin2)
        else:
            taken[p.admin1].update(light(n) for n in p.names)
        if p.kind in ("district", "governorate"):
            taken[p.admin1].update(k.replace(" ", "") for k in p.keys)
    entries = []
    for (name, admin1, admin2, lat, lon), notes in sorted(by_place.items()):
        if len(notes) < min_events:
            continue
        core = _GENERIC.sub("", _CITY.sub("", name))
        forms = {name, core, _CITY.sub("", name)}
        if any(p.lat is not None and distance_km(p.lat, p.lon, lat, lon) <= KNOWN_KM
               for n in forms for p in gazetteer.candidates(n)):
            continue
        admin1 = _admin1(gazetteer, admin1)
        if admin1 is None:
            continue
        admin2 = _admin2(gazetteer, admin1, admin2)
        # Each spelling with the notes that use it (spellings alike but for case, an article or a doubled
        # letter are one): a spelling is kept only when min_notes different notes use it, not a coder's one-off.
        used: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for note in notes:
            for w in _NAME.findall(note):
                if len(light(w)) >= 4 and fuzz.ratio(light(w), light(core)) >= SIMILARITY:
                    used[light(w)][w].add(note)
        facility = _FACILITY.match(core)
        if facility:
            short = re.compile(r"((?:[Aa]l[- ])?[A-Z][\w'’]+)\s+(?:military\s+|air\s+)?" + facility.group(2) + r"\b",
                               re.IGNORECASE)
            for note in notes:
                for m in short.finditer(note):
                    if fuzz.ratio(light(m.group(1)), light(facility.group(1))) >= SIMILARITY:
                        w = f"{m.group(1)} {facility.group(2).lower()}"
                        used[light(w)][w].add(note)
        spellings = {min(surfaces, key=lambda w: (-len(surfaces[w]), w))  # the surface most notes use
                     for surfaces in used.values() if len(set().union(*surfaces.values())) >= min_notes}
        aliases: list[str] = []
        for w in sorted(spellings | (forms - {name})):  # one of the spellings alike but for an article or hyphen
            if light(w) not in taken[admin1] and fold(w) not in taken[admin1] and fold(w) != fold(name) \
                    and admin2 in settled.get((admin1, light(w)), {admin2}) \
                    and light(w) not in stop \
                    and light(w) not in {light(a) for a in aliases}:
                aliases.append(w)
        # A place the war's coders keep returning to is the namesake its reports mean (as curated.yaml's ``prefer``),
        # unless it bears a governorate's name: "in Al Bayda" stays the governorate.
        entries.append({"name": name, "admin1": admin1, "admin2": admin2,
                        "lat": lat, "lon": lon, "events": len(notes),
                        "prefer": not any(p.kind == "governorate" for p in gazetteer.candidates(name)),
                        "aliases": aliases})
    return entries


def _admin1(gazetteer, name: str) -> str | None:
    """The pack's admin1 for ACLED's ("Sanaa" and "Sana'a" alike), or None."""
    place = gazetteer.governorate_place(name)
    return place.admin1 if place is not None else None


def _admin2(gazetteer, admin1: str, name: str) -> str | None:
    """The gazetteer's spelling of ACLED's district name ("Nati": "Nati'"), or ACLED's."""
    key = light(name)
    for p in gazetteer.places:
        if p.kind == "district" and p.admin1 == admin1 and light(p.name) == key:
            return p.name
    return name or None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pack", default="yemen")
    ap.add_argument("--acled", type=Path, required=True, help="an ACLED export with notes (either layout)")
    ap.add_argument("--month", default=None, help="only the events of this month (YYYY-MM)")
    ap.add_argument("--min-events", type=int, default=2, help="events with different notes a place needs (2)")
    ap.add_argument("--min-notes", type=int, default=3, help="different notes a spelling needs (3)")
    ap.add_argument("--packs-dir", type=Path, default=PACKS_DIR)
    args = ap.parse_args()
    with args.acled.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh)
                if not args.month or (r.get("event_date_iso") or r.get("event_date") or "").startswith(args.month)]
    pack = packs.load(args.pack, args.packs_dir)
    # The gazetteer with the pack's curated places and regions, without the coded places of an earlier run.
    gazetteer = Gazetteer(read_table(pack.file("gazetteer.tsv.gz")), pack.country, pack.surrounds)
    for name, add in (("curated.yaml", gazetteer._add_curated), ("regions.yaml", gazetteer._add_regions)):
        if pack.file(name).exists():
            add(pack.file(name))
    stop = frozenset(light(str(w)) for w in pack.stoplist["surfaces"])
    entries = coded_places(rows, gazetteer, args.min_events, stop, args.min_notes)
    out = args.packs_dir / args.pack / "coded.yaml"
    head = ("# Places ACLED's coders use that the gazetteer's sources lack, each coded in several events, with the\n"
            "# spellings reports use for them (scripts/build_coded_places.py; see ATTRIBUTION.md). Same shape as\n"
            "# curated.yaml's places no source has; `events`: how many events with different notes were coded there.\n")
    out.write_text(head + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    print(f"{out}: {len(entries)} places")


if __name__ == "__main__":
    main()
