"""The dashboard as an analyst uses it: offline map, totals from the store, state in the URL, the table."""
from __future__ import annotations

import json
import urllib.request
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from browsing import drawn_events, external_requests, open_dashboard, total

pytestmark = pytest.mark.browser


def api(base: str, path: str, **params) -> dict:
    qs = "?" + urlencode(params) if params else ""
    with urllib.request.urlopen(base + path + qs, timeout=30) as r:
        return json.loads(r.read())


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_no_page_asks_anything_of_another_host(served, csp_page):
    base, ids = served
    page = csp_page
    for path in ["/", "/?region=Eastern%20Ghouta", "/event/ev-kafranbel", f"/article/{ids['a:levant']}",
                 "/outlets", "/brief?since=2019-08-01&until=2019-09-30"]:
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_selector("body:not([data-loading=true])")
        assert external_requests(page) == [], path
    assert page.requests, "the request log is live"
    assert not page.errors


def test_map_tiles_load_only_once_turned_on_and_the_choice_is_remembered(served, page):
    base, _ = served
    open_dashboard(page, base)
    page.wait_for_load_state("networkidle")
    assert external_requests(page) == []
    page.locator(".leaflet-control-layers").hover()
    # Wait for the first tile request itself: the page may already count as idle when the box is ticked.
    with page.expect_request(lambda r: "tile.openstreetmap.org" in r.url, timeout=30_000):
        page.get_by_label("OpenStreetMap tiles (online)").check()
    assert any("tile.openstreetmap.org" in u for u in external_requests(page))  # the switch is real
    assert page.evaluate("localStorage.getItem('warwire.tiles')") == "on"
    page.reload(wait_until="networkidle")
    assert page.get_by_label("OpenStreetMap tiles (online)").is_checked()
    page.locator(".leaflet-control-layers").hover()
    page.get_by_label("OpenStreetMap tiles (online)").uncheck()
    assert page.evaluate("localStorage.getItem('warwire.tiles')") == "off"


def test_map_labels_towns_from_the_gazetteer_and_has_a_legend(served, page):
    base, _ = served
    open_dashboard(page, base, "?at=7/35.0/38.0")  # the whole country
    page.wait_for_selector(".ww-place")
    labels = page.locator(".ww-place").all_inner_texts()
    assert "Damascus" in labels and "Aleppo" in labels
    few = len(labels)
    open_dashboard(page, base, "?at=11/33.56/36.40")
    page.wait_for_selector(".ww-place")
    near = page.locator(".ww-place").all_inner_texts()
    assert "Harasta" in near and "Aleppo" not in near and len(near) > few / 2
    legend = page.locator("#legend").inner_text()
    assert "Battles" in legend and "deaths" in legend and "disagree" in legend


def test_stacked_events_split_apart_at_street_level(served, page):
    base, _ = served
    open_dashboard(page, base, "?admin1=Idlib&at=16/35.6138/36.5645")
    page.wait_for_selector(".ww-cluster")
    assert drawn_events(page) == 2  # two events share Kafranbel's point
    assert page.locator("div.ww-event").count() == 0
    page.locator(".ww-cluster").first.click()
    page.wait_for_selector(".leaflet-marker-icon div.ww-event[data-event-id=ev-kafranbel]")
    assert page.locator("div.ww-event[data-event-id=ev-xss]").count() == 1  # spiderfied


@pytest.mark.parametrize("params", ["", "?admin1=Idlib", "?event_type=Battles", "?since=2019-08-20&until=2019-08-21",
                                    "?tag=siege", "?claimed_by=SANA"])
def test_header_totals_equal_the_store_totals(served, page, params):
    base, _ = served
    open_dashboard(page, base, params)
    stats = api(base, "/api/stats" + params)
    summary = page.locator("#summary")
    assert int(summary.get_attribute("data-total")) == stats["events"]
    assert int(summary.get_attribute("data-deaths")) == stats["deaths"]
    assert f"{stats['events']} events" in summary.inner_text()


def test_summary_panel_states_the_store_figures_for_the_filter(served, page):
    base, _ = served
    open_dashboard(page, base, "?admin1=Idlib")
    want = api(base, "/api/summary", admin1="Idlib")
    panel = page.locator("#panel")
    assert int(panel.get_attribute("data-events")) == want["events"] == 3
    best = panel.locator("[data-best]")
    assert [int(best.get_attribute(k)) for k in ("data-low", "data-best", "data-high")] == \
        [want["deaths"][k] for k in ("low", "best", "high")] == [12, 19, 19]
    text = panel.inner_text()
    assert "Syrian Observatory for Human Rights" in text and "SANA" in text and "Kafranbel" in text
    assert "Articles in the store: 2018-03-06 – 2019-10-10" in text
    panel.get_by_role("link", name="SANA").click()
    page.wait_for_url("**claimed_by=SANA**")
    page.wait_for_selector("body[data-loading=false]")
    assert total(page) == 1 and query(page)["claimed_by"] == ["SANA"]


def test_coverage_note_says_which_days_have_no_articles(served, page):
    base, _ = served
    open_dashboard(page, base, "?since=2019-08-19&until=2019-08-25")
    text = page.locator("#panel .coverage").inner_text()
    assert "5 of 7 days" in text and "2019-08-23 – 2019-08-25" in text


def test_region_filter_comes_from_the_knowledge_pack(served, page):
    base, _ = served
    open_dashboard(page, base)
    options = page.locator("select[name=region] option").all_inner_texts()
    assert "Eastern Ghouta" in options and "Afrin region" in options
    page.select_option("select[name=region]", "Eastern Ghouta")
    page.wait_for_selector("#summary[data-total='1']")
    page.wait_for_selector("body[data-loading=false]")
    assert page.locator("#table tbody tr").get_attribute("data-event-id") == "ev-douma-aid"


def test_text_search_sub_type_and_tag_filters(served, page):
    base, _ = served
    for params, want in [("?q=strikes%20kill", {"ev-kafranbel"}), ("?q=kafranbel", {"ev-kafranbel", "ev-xss"}), ("?sub_event_type=Air%2Fdrone%20strike", {"ev-kafranbel", "ev-xss"}),
                         ("?tag=aid%20delivery", {"ev-douma-aid"}), ("?actor=Unidentified%20Armed%20Group%20(Syria)", {"ev-unknown-place"})]:
        open_dashboard(page, base, params)
        rows = set(page.locator("#table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.eventId)"))
        assert rows == want, params


def test_back_after_opening_an_event_restores_the_map_view(served, page):
    base, _ = served
    open_dashboard(page, base, "?admin1=Idlib")
    zoom = int(page.locator("#map").get_attribute("data-zoom"))
    for step in (1, 2):
        page.locator(".leaflet-control-zoom-in").click()
        page.wait_for_function(f"(new URLSearchParams(location.search).get('at') || '').startsWith('{zoom + step}/')")
    at = query(page)["at"][0]
    center = page.locator("#map").get_attribute("data-center")
    page.locator("tr[data-event-id=ev-kafranbel] a").first.click()
    page.wait_for_url("**/event/ev-kafranbel")
    page.go_back()
    page.wait_for_selector("body[data-loading=false]")
    assert query(page)["at"] == [at] and query(page)["admin1"] == ["Idlib"]
    assert page.locator("#map").get_attribute("data-zoom") == str(zoom + 2)
    assert page.locator("#map").get_attribute("data-center") == center


def test_only_what_is_on_the_map(served, page):
    base, _ = served
    open_dashboard(page, base, "?at=10/33.57/36.40")
    assert total(page) == 5
    page.check("input[name=on_map]")
    page.wait_for_selector("#summary[data-total='1']")
    assert query(page)["on_map"] == ["true"]
    for zoom in range(9, 5, -1):  # the table follows the map
        page.locator(".leaflet-control-zoom-out").click()
        page.wait_for_selector(f"#map[data-zoom='{zoom}']")
    page.wait_for_selector("#summary[data-total='4']")  # all located events; the unplaced one is on no map


def test_table_sorts_pages_and_fits_a_1366_pixel_screen(served, page):
    base, _ = served
    open_dashboard(page, base, "?rows=2")
    header = page.locator("#table th").all_inner_texts()
    assert "Claimant" in header and "Outlet" in header
    assert page.locator("#table tbody tr").count() == 2
    page.locator("#next-page").click()
    page.wait_for_selector("#table[data-page='2']")
    page.locator("#next-page").click()
    page.wait_for_selector("#table[data-page='3']")
    assert page.locator("#table tbody tr").count() == 1
    assert page.locator("#next-page").is_disabled()
    page.locator("th[data-sort=fatalities]").click()
    page.wait_for_selector("body[data-loading=false] #table[data-page='1']")
    assert query(page)["sort"] == ["-fatalities"]
    assert page.locator("#table tbody tr").first.get_attribute("data-event-id") == "ev-kafranbel"
    assert "Syrian Observatory for Human Rights; SANA" in page.locator("#table tbody tr").first.inner_text() or \
        "SANA; Syrian Observatory for Human Rights" in page.locator("#table tbody tr").first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    box = page.locator("#table table").bounding_box()
    assert box["x"] + box["width"] <= 1366


def test_export_links_carry_the_filter(served, page):
    base, _ = served
    open_dashboard(page, base, "?admin1=Idlib&event_type=Explosions%2FRemote%20violence")
    href = page.locator("#export-jsonl").get_attribute("href")
    with urllib.request.urlopen(base + href, timeout=30) as r:
        ids = {json.loads(line)["id"] for line in r.read().decode().splitlines()}
    assert ids == {"ev-kafranbel", "ev-maarat", "ev-xss"}


def test_timeline_zooms_to_the_filter_and_picks_a_day_or_a_week(served, page):
    base, _ = served
    open_dashboard(page, base, "?since=2019-08-15&until=2019-09-05")
    svg = page.locator("#timeline svg")
    assert svg.get_attribute("data-from") == "2019-08-15" and svg.get_attribute("data-to") == "2019-09-05"
    box = svg.bounding_box()
    left, width = box["x"] + 34, box["width"] - 42  # the plot area inside the axis padding
    day = 5  # 2019-08-20, the Kafranbel strike
    page.mouse.click(left + width * (day + 0.5) / 22, box["y"] + box["height"] / 2)
    page.wait_for_selector("#summary[data-total='1']")
    assert query(page)["since"] == ["2019-08-20"] and query(page)["until"] == ["2019-08-20"]
    page.locator("#week").click()
    page.wait_for_function("new URLSearchParams(location.search).get('until') === '2019-08-26'")
    page.wait_for_selector("#summary[data-total='2']")
    page.locator("#week-next").click()
    page.wait_for_function("new URLSearchParams(location.search).get('since') === '2019-08-27'")
    page.wait_for_selector("#summary[data-total='1']")  # Maarat, 2 Sep
    assert page.locator("#timeline svg").get_attribute("data-days") == "7"
    page.locator("#all-dates").click()
    page.wait_for_selector("#summary[data-total='5']")


def test_brief_button_opens_the_brief_of_the_current_filter(served, page):
    base, _ = served
    open_dashboard(page, base, "?admin1=Idlib&since=2019-08-15&until=2019-09-05")
    page.locator("#brief").click()
    page.wait_for_url("**/brief?**")
    page.wait_for_selector("li.sentence")
    assert page.locator("h1").inner_text() == "Situation brief: Idlib, 2019-08-15 to 2019-09-05"
    sentences = page.locator("li.sentence")
    assert sentences.count() >= 5
    for i in range(sentences.count()):
        assert sentences.nth(i).locator("a.cite").count() >= 1
    assert "3 events in Idlib, with 19 deaths" in sentences.first.inner_text()
    sentences.first.locator("a.cite").first.click()
    page.wait_for_url("**/event/**")


def test_watch_button_gives_the_command_for_the_current_filter(served, page):
    base, _ = served
    open_dashboard(page, base, "?region=Eastern%20Ghouta&min_fatalities=2")
    page.locator("#watch").click()
    command = page.locator("#watch-command").inner_text()
    assert command == "warwire watch add NAME --filter 'region=Eastern Ghouta&min_fatalities=2' [--webhook URL]"
    from warwire.export.watches import parse_filter
    assert parse_filter(command.split("'")[1]) == {"region": "Eastern Ghouta", "min_fatalities": "2"}


def centre(page) -> tuple[float, float]:
    lat, lon = page.locator("#map").get_attribute("data-center").split(",")
    return float(lat), float(lon)


def test_the_map_fits_the_filters_events_of_either_war(served_two_wars, page):
    base = served_two_wars
    open_dashboard(page, base, "?region=Taizz")  # a Yemeni governorate, offered as a region
    assert total(page) == 1 and page.locator("#map").get_attribute("data-located") == "1"
    lat, lon = centre(page)
    assert abs(lat - 13.58) < 0.2 and abs(lon - 44.02) < 0.2  # fitted to the strike in Taizz
    page.wait_for_selector(".ww-place")  # the Yemen pack's towns are labelled around it
    assert page.locator("select[name=region] option[value='Taizz']").count() == 1
    assert page.locator("select[name=region] option[value='Eastern Ghouta']").count() == 1
    page.select_option("select[name=region]", "Eastern Ghouta")
    # The change handler marks the page loading before select_option returns: this waits for the new filter's data.
    page.wait_for_selector("body[data-loading=false]")
    assert query(page)["region"] == ["Eastern Ghouta"] and total(page) == 1
    lat, lon = centre(page)
    assert abs(lat - 33.57) < 0.2 and abs(lon - 36.40) < 0.2  # then to Douma's
    page.wait_for_load_state("networkidle")
    assert external_requests(page) == [] and not page.errors
