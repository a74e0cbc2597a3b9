"""How well the gazetteer resolves ACLED's place names, and how fast find_places runs.

Coverage: the share of distinct (location, latitude, longitude) rows of
``../shared/data/acled/acled_syria_2018_jan_feb.csv`` whose name ``lookup``
resolves within 10 km of ACLED's coordinates, with and without ACLED's admin1
as a hint; admin1 agreement among the resolved. Notes: the share of ACLED rows
whose coder's note, run through ``find_places``, names a place within 10 km of
the event. Speed: CPU microseconds per sentence and per word of ``find_places``
(FA-KES texts and ACLED notes), and milliseconds for a 5,000-word article.
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


def notes(rows: list[dict]) -> float:
    hits = 0
    for r in rows:
        lat, lon = float(r["latitude"]), float(r["longitude"])
        hits += any(m.relation != "dateline" and m.location.lat is not None
                    and distance_km(lat, lon, m.location.lat, m.location.lon) <= 10 for m in find_places(r["notes"]))
    return hits / len(rows)


def speed(texts: list[str]) -> tuple[float, float]:
    """CPU microseconds per sentence and per word (process time: the machine may be shared)."""
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
    find_places("Warm up in Aleppo.")
    t0 = time.process_time()
    for s in sentences:
        find_places(s)
    elapsed = time.process_time() - t0
    return elapsed / len(sentences) * 1e6, elapsed / sum(len(s.split()) for s in sentences) * 1e6


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
    t0 = time.perf_counter()
    print(f"notes naming a place within 10 km of the event: {notes(rows):.3f} "
          f"({(time.perf_counter() - t0) / len(rows) * 1e6:.0f} us per note, wall clock)")
    us, per_word = speed([r["notes"] for r in rows])
    print(f"find_places on ACLED notes: {us:.0f} us per sentence, {per_word:.1f} us per word (CPU)")
    fakes = DATA / "fakes" / "fakes_dev.csv"
    if fakes.exists():
        with fakes.open(encoding="utf-8") as fh:
            texts = [r["article_content"] for r in csv.DictReader(fh)]
        us, per_word = speed(texts)
        print(f"find_places on FA-KES articles: {us:.0f} us per sentence, {per_word:.1f} us per word (CPU)")
        article = " ".join(texts)
        article = " ".join(article.split()[:5000])
        t0 = time.process_time()
        find_places(article)
        print(f"a 5,000-word article: {(time.process_time() - t0) * 1e3:.1f} ms (CPU)")


if __name__ == "__main__":
    main()
