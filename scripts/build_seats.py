"""Build a knowledge pack's district seats (warwire/knowledge/packs/<pack>/seats.tsv) from GeoNames.

ACLED places an event that a report names only by its district at the district's seat (its
administrative centre, geo precision 2), and its coordinates are GeoNames's. GeoNames marks a
district's seat with the feature code PPLA2 (a governorate's seat: PPLA, the capital: PPLC). This
script reads a GeoNames dump that has feature codes (``cities500.txt``, which lists every seat down
to the fourth level whatever its population, or the country's own ``YE.txt``) and writes, for each
district of the pack's gazetteer, the seat inside it: the GeoNames town whose id a place of the
gazetteer carries (else the gazetteer's nearest town within 3 km), PPLA2 before PPLA and PPLC.

Run: ``python scripts/build_seats.py --pack yemen --geonames cities500.txt``. Licence: GeoNames, CC BY 4.0.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402

from warwire.knowledge.gazetteer import PACKS_DIR, SETTLEMENTS, distance_km, read_table  # noqa: E402

#: GeoNames feature codes of seats, the district's own first.
SEAT_CODES = ("PPLA2", "PPLA", "PPLC")
#: How far (km) a GeoNames seat the gazetteer has no id for may be from the gazetteer town taken for it.
NEAR_KM = 3.0
HEADER = ("district", "district_name", "admin1", "seat", "seat_name", "lat", "lon", "geonames_id", "feature")


def seats(geonames: Path, table: Path, iso2: str) -> list[tuple]:
    """One row per district that has a seat in the GeoNames dump (see the module's doc)."""
    places = read_table(table)
    by_gn = {p.geonames_id: p for p in places if p.geonames_id and p.kind in SETTLEMENTS}
    towns = [p for p in places if p.kind in SETTLEMENTS and p.lat is not None and p.admin2]
    districts = {(p.admin1, p.admin2): p for p in places if p.kind == "district"}
    found: dict[str, tuple] = {}
    with geonames.open(encoding="utf-8") as fh:
        for line in fh:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15 or c[8] != iso2 or c[7] not in SEAT_CODES:
                continue
            gn, name, lat, lon, code = int(c[0]), c[2], float(c[4]), float(c[5]), c[7]
            town = by_gn.get(gn)
            if town is None:
                near = min(towns, key=lambda p: distance_km(lat, lon, p.lat, p.lon))
                town = near if distance_km(lat, lon, near.lat, near.lon) <= NEAR_KM else None
            district = districts.get((town.admin1, town.admin2)) if town else None
            if district is None:
                continue
            row = (district.id, district.name, district.admin1, town.id, name, f"{lat:.5f}", f"{lon:.5f}", str(gn),
                   code)
            old = found.get(district.id)
            if old is None or SEAT_CODES.index(code) < SEAT_CODES.index(old[-1]):
                found[district.id] = row
    return sorted(found.values(), key=lambda r: (r[2], r[1]))


def write(rows: list[tuple], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(HEADER) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pack", default="yemen", help="the pack (a folder under warwire/knowledge/packs with a build.yaml)")
    ap.add_argument("--geonames", type=Path, required=True,
                    help="a GeoNames dump with feature codes: cities500.txt or the country's file (YE.txt)")
    ap.add_argument("--packs-dir", type=Path, default=PACKS_DIR, help="where the packs are (default: the package's)")
    args = ap.parse_args()
    folder = args.packs_dir / args.pack
    config = yaml.safe_load((folder / "build.yaml").read_text(encoding="utf-8"))
    rows = seats(args.geonames, folder / "gazetteer.tsv.gz", config["iso2"])
    out = folder / "seats.tsv"
    write(rows, out)
    n = sum(1 for p in read_table(folder / "gazetteer.tsv.gz") if p.kind == "district")
    print(f"{out}: seats of {len(rows)} of {n} districts")


if __name__ == "__main__":
    main()
