"""How fast linking runs on a year of synthetic reports, full and incremental.

    python bench/link_scale.py [--reports 100000] [--new 1000] [--seed 1] [--per-day 55]

Makes synthetic events at Syrian places (the OCHA communities list in
../shared/data/gazetteer when present, else a short fixed list), each told by
one to four reports from different outlets with their usual disagreements
(tolls, sub-types, a day off, vaguer places), spread over a year or, for more
reports than ``--per-day`` a day fill, over as many days as they take: more
reports are more days of news (a war's years), not more news per day, so the
rate measured is how linking scales with the archive. Then times
``link_reports`` on all but ``--new`` reports (full), and again adding the
``--new`` most recent reports, the latest news, to those events (incremental),
and checks that the
incremental result equals a full link of everything. Prints reports/s and peak
memory (max RSS).

    python bench/link_scale.py --reports 10000 --store sqlite:///bench.db

With ``--store`` it times ``link_store`` instead (loading from and saving to
the store, contradictions included): a full link, then the last ``--new``
reports linked incrementally.
"""
from __future__ import annotations

import argparse
import csv
import random
import resource
import time
from datetime import date, timedelta
from pathlib import Path

from warwire.link import ArticleMeta, link_reports
from warwire.model import Actor, Claim, Count, Location, Report

GAZETTEER = Path(__file__).resolve().parent.parent.parent / "shared/data/gazetteer/ocha/syr_locations_ocha_admin4_communities.csv"
FIXED_PLACES = [  # name, admin1, lat, lon
    ("Douma", "Rural Damascus", 33.5722, 36.4036), ("Kafranbel", "Idlib", 35.6138, 36.5645),
    ("Saraqib", "Idlib", 35.8644, 36.8006), ("Maarrat al-Numan", "Idlib", 35.6481, 36.6717),
    ("Jisr al-Shughur", "Idlib", 35.8126, 36.3176), ("Aleppo", "Aleppo", 36.2021, 37.1343),
    ("Al-Bab", "Aleppo", 36.3703, 37.5157), ("Raqqa", "Ar-Raqqa", 35.9528, 39.0079),
    ("Deir ez-Zor", "Deir-ez-Zor", 35.3359, 40.1408), ("Daraa", "Dar'a", 32.6189, 36.1021),
    ("Homs", "Homs", 34.7324, 36.7137), ("Hama", "Hama", 35.1318, 36.7578),
    ("Latakia", "Lattakia", 35.5317, 35.7901), ("Palmyra", "Homs", 34.5601, 38.2673),
    ("Manbij", "Aleppo", 36.5281, 37.9549), ("Afrin", "Aleppo", 36.5119, 36.8695),
]
SUBS = [("Explosions/Remote violence", "Air/drone strike"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests")]
ACTORS = [Actor("Military Forces of Syria", "State forces", "Syria"),
          Actor("Military Forces of Russia", "State forces", "Russia"),
          Actor("Hayat Tahrir al-Sham", "Rebel group", "Syria"),
          Actor("Islamic State (Syria)", "Rebel group", "Syria"),
          Actor("Unidentified Armed Group (Syria)", "Rebel group", "Syria")]
OUTLETS = ["Reuters", "AFP", "AP", "SANA", "Al Jazeera", "Enab Baladi", "Syria Direct", "Anadolu"]
CLAIMANTS = [None, Claim("Syrian Observatory for Human Rights", "monitor"), Claim("SANA", "state media"),
             Claim("White Helmets", "civil defence")]


def load_places() -> list[tuple[str, str, float, float]]:
    if not GAZETTEER.exists():
        return FIXED_PLACES
    with open(GAZETTEER, encoding="utf-8") as f:
        return [(row["LocationName_en"], row["admin1Name_en"], float(row["Latitude_y"]), float(row["Longitude_x"]))
                for row in csv.DictReader(f) if row["Latitude_y"]]


def synthetic(n_reports: int, seed: int, per_day: int = 55) -> tuple[list[Report], dict[str, ArticleMeta]]:
    """Reports of synthetic events; hot spots get most events, as front lines do."""
    rng = random.Random(seed)
    places = load_places()
    rng.shuffle(places)  # hot spots anywhere, not where the list happens to start
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(places))]
    day0 = date(2019, 1, 1)
    reports, articles = [], {}
    e = 0
    while len(reports) < n_reports:
        name, admin1, lat, lon = rng.choices(places, weights)[0]
        etype, sub = rng.choice(SUBS)
        day = day0 + timedelta(days=rng.randrange(max(365, n_reports // per_day)))
        dead = rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 40])
        actor = rng.choice(ACTORS)
        for k in range(rng.choice([1, 1, 2, 2, 3, 4])):
            if len(reports) >= n_reports:
                break
            aid = f"{e:07d}{k}"
            articles[aid] = ArticleMeta(outlet=rng.choice(OUTLETS), published=(day + timedelta(days=rng.randrange(3))).isoformat())
            precise = rng.random() < 0.8
            loc = Location(name=name, country="Syria", admin1=admin1, lat=lat, lon=lon, geo_precision=1 if precise else 2)
            toll = dead if dead is None or rng.random() < 0.6 else max(0, dead + rng.randint(-3, 5))
            d = day if rng.random() < 0.85 else day + timedelta(days=rng.choice([-1, 1]))
            reports.append(Report(
                event_type=etype, sub_event_type=sub, date=d.isoformat(), date_precision=1 if rng.random() < 0.9 else 2,
                location=loc, actor1=actor if rng.random() < 0.7 else ACTORS[-1],
                fatalities=Count(best=toll, low=toll, qualifier="exact" if toll is not None else None),
                claimed_by=rng.choice(CLAIMANTS), article_id=aid, index=0))
        e += 1
    rng.shuffle(reports)
    return reports, articles


def bench_store(url: str, reports: list[Report], articles: dict[str, ArticleMeta], n_new: int) -> None:
    from warwire.link.store import link_store
    from warwire.model import Article
    from warwire.store import open_store

    store = open_store(url)
    by_article = {r.article_id: r for r in reports}
    old, new = [r.article_id for r in reports[:-n_new]], [r.article_id for r in reports[-n_new:]]

    def add(ids: list[str]) -> None:
        for i in range(0, len(ids), 5000):
            part = ids[i:i + 5000]
            batch = [Article(text=f"synthetic article {aid}", id=aid, outlet=articles[aid].outlet,
                             published=articles[aid].published) for aid in part]
            store.add_articles(batch)
            store.save_extractions([(aid, [by_article[aid]], None) for aid in part])

    add(old)
    t = time.perf_counter()
    s = link_store(store, full=True)
    print(f"link_store full: {len(old)} reports in {time.perf_counter() - t:.1f} s, {s.events} events, "
          f"{s.contradictions} contradictions")
    add(new)
    t = time.perf_counter()
    s = link_store(store)
    print(f"link_store incremental: {s.new_reports} new reports in {time.perf_counter() - t:.1f} s, "
          f"{s.events_written} events written, {s.events_removed} removed")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--new", type=int, default=1_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-day", type=int, default=55, help="reports a day (20,000 fill a year)")
    ap.add_argument("--no-check", action="store_true", help="skip the full relink that checks the incremental result")
    ap.add_argument("--store", help="time link_store on this store URL (a fresh one) instead")
    args = ap.parse_args()

    reports, articles = synthetic(args.reports, args.seed, args.per_day)
    # the new batch is the latest news: the most recent reports by date
    reports.sort(key=lambda r: (r.date, r.id))
    if args.store:
        return bench_store(args.store, reports, articles, args.new)
    old, new = reports[:-args.new], reports[-args.new:]
    print(f"{len(reports)} synthetic reports, {len(articles)} articles, {len(load_places())} places")

    # CPU seconds as well as wall time: on a shared machine the wall clock mostly measures the neighbours
    t, c = time.perf_counter(), time.process_time()
    base = link_reports(old, articles).events
    full_s, full_c = time.perf_counter() - t, time.process_time() - c
    print(f"full link of {len(old)} reports: {full_s:.1f} s wall, {full_c:.1f} s CPU, "
          f"{len(old) / full_c:,.0f} reports per CPU second, {len(base)} events")

    t, c = time.perf_counter(), time.process_time()
    step = link_reports(reports, articles, existing=base)
    inc_s, inc_c = time.perf_counter() - t, time.process_time() - c
    print(f"incremental link of {len(new)} new reports into {len(base)} events: {inc_s:.2f} s wall, "
          f"{inc_c:.2f} s CPU ({len(new) / inc_c:,.0f} new reports per CPU second), "
          f"{len(step.events)} events written, {len(step.replaced_ids)} replaced")

    if not args.no_check:
        everything = link_reports(reports, articles).events
        same = [e.to_dict() for e in step.apply(base)] == [e.to_dict() for e in everything]
        print(f"incremental result equals a full link of all {len(reports)}: {same}")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
