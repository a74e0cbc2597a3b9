"""Latency of the REST API on a big store: 1M reports and their events in one SQLite file.

Generates synthetic articles, reports and events straight into the schema's tables
(bulk inserts, indexes rebuilt after), starts the app with uvicorn in a thread,
and prints p50/p95 of the events list under a few filter combinations and of one
event's page. Target: p95 under 100 ms.

    python bench/api_latency.py [--db bench-api.db] [--reports 1000000] [--requests 60] [--rebuild]
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import sqlite3
import statistics
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from warwire.model import EVENT_TYPES

PLACES = [  # (name, admin1, lat, lon): a spread of governorates
    ("Kafranbel", "Idlib", 35.614, 36.564), ("Saraqib", "Idlib", 35.864, 36.806),
    ("Douma", "Rural Damascus", 33.572, 36.403), ("Harasta", "Rural Damascus", 33.558, 36.365),
    ("Aleppo", "Aleppo", 36.202, 37.134), ("Azaz", "Aleppo", 36.586, 37.046), ("Daraa", "Dar'a", 32.618, 36.102),
    ("Raqqa", "Ar-Raqqa", 35.950, 39.010), ("Deir ez-Zor", "Deir-ez-Zor", 35.336, 40.140),
    ("Homs", "Homs", 34.731, 36.710), ("Hama", "Hama", 35.131, 36.757), ("Latakia", "Lattakia", 35.517, 35.783),
]
ACTORS = ["Military Forces of Syria", "Unidentified Armed Group (Syria)", "HTS: Hayat Tahrir al Sham",
          "QSD: Syrian Democratic Forces", "Military Forces of Russia", "Civilians (Syria)", "Islamic State (Syria)"]
OUTLETS = ["Levant Wire", "Damascus Daily", "Northern Monitor", "Coast Courier", "Euphrates Post", "Hauran News"]
CLAIMS = [None, "Syrian Observatory for Human Rights", "SANA", "Russian Ministry of Defence", "activists"]
# Tags are only in the JSON record (no column to index) and 500 rows are ten pages' worth.
UNINDEXED = {"tag (in record)", "500 per page"}
TYPES = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]


def build(path: Path, n_reports: int, seed: int = 7) -> None:
    """Create the store with warwire's migrations, then bulk-insert synthetic rows."""
    from warwire.store import open_store

    if path.exists():
        path.unlink()
    open_store(f"sqlite:///{path}").close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:  # building indexes once after the load is several times faster
        db.execute(f'DROP INDEX "{name}"')
    rnd = random.Random(seed)
    n_events = n_reports // 2
    t0 = time.perf_counter()
    articles, reports, events, links = [], [], [], []
    report_no = 0

    def flush(final: bool = False) -> None:
        if len(reports) < 50_000 and not final:
            return
        db.executemany("INSERT INTO articles (id, outlet, title, text, published) VALUES (?,?,?,?,?)", articles)
        db.executemany('INSERT INTO reports (id, article_id, idx, event_type, sub_event_type, date, date_precision, '
                       'country, admin1, location_name, lat, lon, geo_precision, actor1, actor2, fatalities, '
                       'claimed_by, "primary", record) VALUES (?,?,?,?,?,?,1,?,?,?,?,?,1,?,?,?,?,?,?)', reports)
        db.executemany("INSERT INTO events (id, event_type, sub_event_type, date_start, date_end, country, admin1, "
                       "location_name, lat, lon, actor1, actor2, fatalities_low, fatalities_best, fatalities_high, "
                       "n_sources, n_contradictions, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
        db.executemany("INSERT INTO event_reports (event_id, report_id) VALUES (?,?)", links)
        for rows in (articles, reports, events, links):
            rows.clear()

    for e in range(n_events):
        et, sub = rnd.choice(TYPES)
        name, admin1, lat, lon = rnd.choice(PLACES)
        lat, lon = lat + rnd.uniform(-0.2, 0.2), lon + rnd.uniform(-0.2, 0.2)
        day = f"{rnd.randint(2012, 2023)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        a1, a2 = rnd.sample(ACTORS, 2)
        k = 2 if e < n_events - 1 else n_reports - report_no
        tolls = [rnd.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 45]) for _ in range(k)]
        known = [t for t in tolls if t is not None]
        low, best, high = (min(known), sorted(known)[len(known) // 2], max(known)) if known else (None, None, None)
        eid = f"ev{e:07d}"
        rids, outlets, values = [], [], []
        for i in range(k):
            aid = f"{report_no:016x}"
            outlet, claim = rnd.choice(OUTLETS), rnd.choice(CLAIMS)
            rid = f"{aid}:0"
            record = {"event_type": et, "sub_event_type": sub, "tags": [], "date": day, "date_precision": 1,
                      "location": {"name": name, "country": "Syria", "admin1": admin1, "lat": lat, "lon": lon,
                                   "geo_precision": 1},
                      "actor1": {"name": a1}, "actor2": {"name": a2},
                      "fatalities": {"best": tolls[i], "low": tolls[i], "high": tolls[i], "qualifier": "exact"},
                      "claimed_by": {"name": claim} if claim else None, "primary": True,
                      "evidence": {"location": [10, 10 + len(name)]}, "confidence": 0.7}
            articles.append((aid, outlet, f"Report {report_no}", f"Fighting near {name} on {day}. " * 8, day))
            reports.append((rid, aid, 0, et, sub, day, "Syria", admin1, name, lat, lon, a1, a2, tolls[i], claim, 1,
                            json.dumps(record)))
            links.append((eid, rid))
            rids.append(rid)
            outlets.append(outlet)
            values.append({"value": tolls[i], "report": rid, "outlet": outlet, "claimed_by": claim})
            report_no += 1
        contradictions = [{"field": "fatalities", "values": values}] if len(set(known)) > 1 else []
        tags = ["siege"] if rnd.random() < 0.02 else []
        record = {"id": eid, "event_type": et, "sub_event_type": sub, "tags": tags, "date_start": day, "date_end": day,
                  "location": {"name": name, "country": "Syria", "admin1": admin1, "lat": lat, "lon": lon},
                  "actor1": {"name": a1}, "actor2": {"name": a2},
                  "fatalities": {"low": low, "best": best, "high": high}, "reports": rids,
                  "outlets": sorted(set(outlets)), "n_sources": len(set(outlets)), "contradictions": contradictions}
        events.append((eid, et, sub, day, day, "Syria", admin1, name, lat, lon, a1, a2, low, best, high,
                       len(set(outlets)), len(contradictions), json.dumps(record)))
        flush()
    flush(final=True)
    db.commit()
    t1 = time.perf_counter()
    for _, sql in indexes:
        db.execute(sql)
    db.execute("ANALYZE")
    db.commit()
    db.close()
    print(f"built {n_reports:,} reports, {n_events:,} events in {t1 - t0:.0f} s; "
          f"indexes {time.perf_counter() - t1:.0f} s")


def serve_in_thread(db: Path) -> int:
    import uvicorn

    from warwire.api.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(f"sqlite:///{db}"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return port


def measure(port: int, path: str, n: int) -> tuple[float, float, int]:
    """(p50 ms, p95 ms, items on the last page) of ``n`` sequential GETs over one keep-alive connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times, items = [], 0
    for _ in range(n):
        t = time.perf_counter()
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
        times.append((time.perf_counter() - t) * 1000)
        if resp.status != 200:
            raise SystemExit(f"{path}: HTTP {resp.status} {body[:200]!r}")
        doc = json.loads(body)
        items = len(doc.get("items", doc.get("report_items", [])))
    conn.close()
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench-api.db"), help="SQLite file to build and query")
    parser.add_argument("--reports", type=int, default=1_000_000, help="number of reports to generate")
    parser.add_argument("--requests", type=int, default=60, help="requests per query")
    parser.add_argument("--rebuild", action="store_true", help="build the file again even if it exists")
    args = parser.parse_args(argv)
    if args.rebuild or not args.db.exists():
        build(args.db, args.reports)
    port = serve_in_thread(args.db)
    first = json.loads(_get(port, "/api/events?limit=50"))
    cursor = first["next_cursor"]
    queries = {
        "newest 50": {"limit": 50},
        "page 2 (cursor)": {"limit": 50, "cursor": cursor},
        "type": {"event_type": "Battles"},
        "governorate + dates": {"admin1": "Idlib", "since": "2019-01-01", "until": "2019-06-30"},
        "bbox + min deaths": {"bbox": "36,35,37,36.5", "min_fatalities": 5},
        "most deaths": {"sort": "-fatalities"},
        "contradicted": {"has_contradiction": "true"},
        "actor": {"actor": "HTS: Hayat Tahrir al Sham"},
        "outlet": {"outlet": "Coast Courier"},
        "claimed by + type": {"claimed_by": "SANA", "event_type": "Protests"},
        "tag (in record)": {"tag": "siege"},
        "500 per page": {"limit": 500},
    }
    print(f"{'query':24} {'p50 ms':>8} {'p95 ms':>8} {'items':>6}")
    worst = 0.0
    for name, params in queries.items():
        p50, p95, items = measure(port, "/api/events?" + urlencode(params), args.requests)
        if name not in UNINDEXED:
            worst = max(worst, p95)
        print(f"{name:24} {p50:8.1f} {p95:8.1f} {items:6}" + ("  (not in the target)" if name in UNINDEXED else ""))
    p50, p95, items = measure(port, "/api/events/" + first["items"][0]["id"], args.requests)
    worst = max(worst, p95)
    print(f"{'one event':24} {p50:8.1f} {p95:8.1f} {items:6}")
    verdict = "met" if worst < 100 else "MISSED"
    print(f"worst p95 (pages of 50 on column filters, one event): {worst:.1f} ms; target < 100 ms: {verdict}")
    return 0


def _get(port: int, path: str) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path)
    body = conn.getresponse().read()
    conn.close()
    return body


if __name__ == "__main__":
    sys.exit(main())
