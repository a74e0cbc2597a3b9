"""The dashboard over the bundled sample as the real pipeline stores it; also refreshes docs/screenshots."""
from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import pytest

from browsing import external_requests, drawn_events, open_dashboard, total

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def api(base: str, path: str):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)


def test_sample_events_on_the_map_and_their_evidence(served_sample, page):
    base = served_sample
    events = api(base, "/api/events?limit=500")["items"]
    located = [e for e in events if (e.get("location") or {}).get("lat") is not None]
    open_dashboard(page, base)
    assert total(page) == len(events)
    assert drawn_events(page) == len(located)
    with_evidence = next(e for e in events if e["contradictions"])
    page.goto(f"{base}/event/{with_evidence['id']}", wait_until="domcontentloaded")
    page.wait_for_selector("mark")
    assert page.locator(".report-in-article").count() == len(with_evidence["reports"])
    assert page.locator(".contradiction").count() == len(with_evidence["contradictions"])
    assert not page.errors


SHOTS = os.environ.get("WARWIRE_SCREENSHOTS")


@pytest.mark.skipif(not SHOTS, reason="set WARWIRE_SCREENSHOTS to a folder (docs/screenshots) to refresh them")
def test_screenshots(served_sample, page):
    """The pages at 1366x768, as the README shows them."""
    base = served_sample
    out = Path(SHOTS)
    out.mkdir(parents=True, exist_ok=True)
    open_dashboard(page, base)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(out / "dashboard.png"))
    events = api(base, "/api/events?limit=500&sort=-sources")["items"]
    shown = next((e for e in events if e["contradictions"]), events[0])
    region = (shown.get("location") or {}).get("admin1") or ""
    open_dashboard(page, base, "?admin1=" + region.replace(" ", "%20") + f"&at=9/{shown['location']['lat']}/{shown['location']['lon']}")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(out / "dashboard-filtered.png"))
    page.goto(f"{base}/event/{shown['id']}", wait_until="networkidle")
    page.wait_for_selector("mark")
    page.screenshot(path=str(out / "event.png"))
    article_id = shown["reports"][0].rpartition(":")[0]
    page.goto(f"{base}/article/{article_id}", wait_until="networkidle")
    page.wait_for_selector("mark")
    page.screenshot(path=str(out / "article.png"))
    page.goto(f"{base}/brief?admin1=" + region.replace(" ", "%20"), wait_until="networkidle")
    page.wait_for_selector("li.sentence")
    page.screenshot(path=str(out / "brief.png"))
    page.goto(base + "/outlets", wait_until="networkidle")
    page.wait_for_selector("table.outlets tbody tr")
    page.screenshot(path=str(out / "outlets.png"))
    assert external_requests(page) == []
