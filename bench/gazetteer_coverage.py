"""How well the gazetteer resolves ACLED's place names, and how fast find_places runs.

Coverage: the share of distinct (location, latitude, longitude) rows of
``../shared/data/acled/acled_syria_2018_jan_feb.csv`` whose name ``lookup``
resolves within 10 km of ACLED's coordinates, with and without ACLED's admin1
as a hint; admin1 agreement among the resolved. Speed: microseconds per
sentence of ``find_places`` over the FA-KES texts.
Run from the repo root: ``python bench/gazetteer_coverage.py [--misses N]``.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from warwire.extract.places import find_places  # noqa: E402
from warwire.knowledge.gazetteer import Gazetteer, distance_km  # noqa: E402

DATA = REPO.parent / "shared" / "data"


def coverage(g: Gazetteer, rows: list[dict], hint: bool) -> tuple[float, float, list]:
    seen, hits, same_admin1, resolved, misses = set(), 0, 0, 0, []
    for r in rows:
        key = (r["location"], r["latitude"], r["longitude"])
        if key in seen:
            continue
        seen.add(key)
        lat, lon = float(r["latitude"]), float(r["longitude"])
        loc = g.lookup(r["location"], r["admin1"].replace("?", "-") if hint else None)
        if loc is None or loc.lat is None:
            misses.append((r["location"], r["admin1"], None, None))
            continue
        resolved += 1
        same_admin1 += loc.admin1 == r["admin1"].replace("?", "-")
        d = distance_km(lat, lon, loc.lat, loc.lon)
        if d <= 10:
            hits += 1
        else:
            misses.append((r["location"], r["admin1"], f"{loc.name} ({loc.admin1})", round(d)))
    return hits / len(seen), same_admin1 / max(resolved, 1), misses


def speed(texts: list[str]) -> tuple[float, float, int]:
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    find_places("warm up")
    t0 = time.perf_counter()
    for s in sentences:
        find_places(s)
    per_sentence = (time.perf_counter() - t0) / len(sentences) * 1e6
    longest = max(texts, key=len)
    t0 = time.perf_counter()
    find_places(longest)
    return per_sentence, (time.perf_counter() - t0) * 1e3, len(longest.split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", type=int, default=25, help="how many misses to print")
    args = ap.parse_args()
    acled = DATA / "acled" / "acled_syria_2018_jan_feb.csv"
    if not acled.exists():
        sys.exit(f"{acled}: not found; this benchmark needs the development data beside the repo.")
    t0 = time.perf_counter()
    g = Gazetteer.load()
    print(f"load: {time.perf_counter() - t0:.3f} s, {len(g.places)} places, {len(g.by_key)} keys")
    with acled.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for hint in (False, True):
        cov, adm, misses = coverage(g, rows, hint)
        label = "with ACLED admin1 hint" if hint else "name only"
        print(f"coverage within 10 km ({label}): {cov:.3f}; admin1 agreement: {adm:.3f}; misses: {len(misses)}")
    for m in misses[: args.misses]:
        print("  miss:", m)
    fakes = DATA / "fakes" / "fakes_dev.csv"
    if fakes.exists():
        with fakes.open(encoding="utf-8") as fh:
            texts = [r["article_content"] for r in csv.DictReader(fh)]
        us, ms, words = speed(texts)
        print(f"find_places: {us:.0f} us per sentence; longest article ({words} words): {ms:.1f} ms")


if __name__ == "__main__":
    main()
