"""Page load to a filled map: the dashboard over a store of 10,000 events, in headless Chromium.

Builds a synthetic store with bench/api_latency.py's generator (20,000 reports, 10,000 events),
starts `warwire serve`, then loads the dashboard in fresh browser contexts (no cache) and
times navigation start to the moment the map holds every located event, the summary panel
and table are drawn and the page says it is done loading. Target: under 1 s.

    python bench/dashboard_load.py [--db bench-dashboard.db] [--reports 20000] [--loads 7] [--rebuild]
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import build  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="bench-dashboard.db")
    ap.add_argument("--reports", type=int, default=20_000)
    ap.add_argument("--loads", type=int, default=7)
    ap.add_argument("--query", default="", help="A dashboard query string, e.g. '?admin1=Idlib'.")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--towns", action="store_true", help="Round coordinates to 0.01 degree (about 1 km), as town-level "
                    "geocoding places most events, instead of a distinct point per event.")
    args = ap.parse_args()
    path = Path(args.db)
    if args.rebuild or not path.exists():
        build(path, args.reports)
    if args.towns:
        import sqlite3

        with sqlite3.connect(path) as db:
            db.execute("UPDATE events SET lat = round(lat, 2), lon = round(lon, 2)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([sys.executable, "-c", "from warwire.cli import main; main()", "--db",
                               f"sqlite:///{path}", "serve", "--port", str(port)], stdout=log, stderr=log,
                              env={k: v for k, v in os.environ.items() if k != "WARWIRE_TOKEN"})
    try:
        for _ in range(150):
            try:
                stats = json.loads(urllib.request.urlopen(base + "/api/stats", timeout=2).read())
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("warwire serve did not answer")
        from playwright.sync_api import sync_playwright

        times, located = [], None
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for i in range(args.loads + 1):  # the first load warms the server's caches and is not counted
                context = browser.new_context(viewport={"width": 1366, "height": 768})
                page = context.new_page()
                page.goto(base + "/" + args.query, wait_until="commit")
                page.wait_for_selector("body[data-loading=false] #map[data-located]", timeout=60_000)
                elapsed = page.evaluate("performance.now()")
                located = int(page.locator("#map").get_attribute("data-located"))
                if i:
                    times.append(elapsed / 1000)
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"store: {stats['events']:,} events; map: {located:,} located events drawn"
          f"{' (coordinates rounded to 0.01 degree)' if args.towns else ''}")
    print(f"page load to filled map over {len(times)} loads: median {statistics.median(times):.3f} s, "
          f"max {max(times):.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
