"""Helpers of the browser tests: the API tests' fixture store, and reading what the dashboard shows."""
from __future__ import annotations

import importlib.util
from pathlib import Path


def _load_store_fixture():
    path = Path(__file__).resolve().parent.parent / "api" / "store_fixture.py"
    spec = importlib.util.spec_from_file_location("store_fixture_for_web", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fx = _load_store_fixture()


def open_dashboard(page, base: str, query: str = "") -> None:
    page.goto(base + "/" + query, wait_until="domcontentloaded")
    page.wait_for_selector("body[data-loading=false]")
    # The filter's choices (regions, outlets, sub-types) load beside the data, and may come after it.
    page.wait_for_selector("body[data-choices]", state="attached")


def drawn_events(page) -> int:
    """Events on the map: single circles plus the counts written on cluster circles."""
    singles = page.locator("div.ww-event").count()
    clustered = sum(int(c) for c in page.locator(".ww-cluster").evaluate_all("els => els.map(e => e.dataset.count)"))
    return singles + clustered


def total(page) -> int:
    """The number of events matching the filters, as the summary line states it."""
    return int(page.locator("#summary").get_attribute("data-total"))


def external_requests(page) -> list[str]:
    """Every request the page made to anywhere but our server (collected by new_page)."""
    return [u for u in page.requests if not u.startswith(("http://127.0.0.1:", "data:", "blob:", "about:"))]
