"""The dashboard in headless Chromium against `warwire serve` on the fixture store (tests/api/store_fixture.py)."""
from __future__ import annotations

from urllib.parse import parse_qs, quote, urlparse

import pytest

from browsing import drawn_events, fx, open_dashboard, total

pytestmark = pytest.mark.browser
LOCATED = 4  # fixture events with coordinates (one has an unknown place)


def test_map_draws_every_located_event_and_the_outlines(served, csp_page):
    base, _ = served
    page = csp_page
    open_dashboard(page, base)
    assert total(page) == 5
    assert drawn_events(page) == LOCATED
    assert page.locator(".leaflet-overlay-pane path").count() > 60  # governorate and district outlines
    assert page.locator("#table tbody tr").count() == 5
    zoom = int(page.locator("#map").get_attribute("data-zoom"))
    for step in range(1, 6):  # zoomed in, the clusters split but no event is lost or counted twice
        page.locator(".leaflet-control-zoom-in").click()
        page.wait_for_selector(f"#map[data-zoom='{zoom + step}']")
    assert drawn_events(page) <= LOCATED
    assert not page.errors


def test_a_filter_changes_the_counts_and_the_url(served, page):
    base, _ = served
    open_dashboard(page, base)
    page.select_option("select[name=event_type]", "Explosions/Remote violence")
    page.wait_for_function("document.getElementById('summary').dataset.total === '3'")
    page.wait_for_selector("body[data-loading=false]")
    assert drawn_events(page) == 3
    assert parse_qs(urlparse(page.url).query)["event_type"] == ["Explosions/Remote violence"]
    page.check("input[name=has_contradiction]")
    page.wait_for_function("document.getElementById('summary').dataset.total === '1'")
    assert page.locator("#table tbody tr").count() == 1

    open_dashboard(page, base, "?min_fatalities=4&admin1=Idlib")  # a shared link restores the state
    assert total(page) == 2
    assert page.locator("select[name=admin1]").input_value() == "Idlib"
    assert page.locator("input[name=min_fatalities]").input_value() == "4"


def test_brushing_the_timeline_filters_by_date(served, page):
    base, _ = served
    open_dashboard(page, base)
    box = page.locator("#timeline svg").bounding_box()
    # The fixture spans 2018-03-05 .. 2019-10-09; the right third holds the 2019 events only.
    page.mouse.move(box["x"] + box["width"] * 0.66, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_function("document.getElementById('summary').dataset.total === '4'")
    query = parse_qs(urlparse(page.url).query)
    assert query["since"][0] > "2018-03-05" and query["until"] == ["2019-10-09"]
    page.locator("#timeline svg").dblclick()
    page.wait_for_function("document.getElementById('summary').dataset.total === '5'")


def test_clicking_an_event_opens_its_page_with_evidence_and_contradiction(served, page):
    base, _ = served
    open_dashboard(page, base, "?admin1=Rural%20Damascus")
    page.locator("div.ww-event").first.click(force=True)  # the Douma aid convoy, alone on the map
    page.wait_for_url("**/event/ev-douma-aid")

    open_dashboard(page, base)
    page.locator("tr[data-event-id=ev-kafranbel] a").first.click()
    page.wait_for_url("**/event/ev-kafranbel")
    page.wait_for_selector("mark")
    marks = page.locator("mark[data-fields]")
    assert marks.count() >= 6
    fatalities = page.locator("mark[data-fields~=fatalities]").all_inner_texts()
    assert set(fatalities) == {"killing at least 12", "killed 5 terrorists"}
    contradiction = page.locator(".contradiction")
    assert contradiction.is_visible() and "fatalities" in contradiction.inner_text()
    assert [v.strip() for v in contradiction.locator(".claim .value").all_inner_texts()] == ["12", "5"]
    assert page.locator(".report.card").count() == 2
    assert page.locator(".estimates .best").inner_text() == "12"
    assert not page.errors


def test_article_and_outlet_pages(served, page):
    base, ids = served
    page.goto(f"{base}/article/{ids['a:levant']}", wait_until="domcontentloaded")
    page.wait_for_selector("mark")
    assert "Rescue workers searched the rubble" in page.locator(".article-text").inner_text()
    assert page.locator("a[href='/event/ev-kafranbel']").count() == 1
    page.goto(f"{base}/outlet/{quote('Damascus Daily')}", wait_until="domcontentloaded")
    page.wait_for_selector("table.outlets tbody tr")
    assert page.locator("td.contradicted").inner_text().startswith("1 (100%)")
    assert "Army targets terrorist positions" in page.locator("ul.articles").inner_text()


def test_an_outlet_of_source_lists_has_all_its_articles_and_events(served_source_lists, page):
    # "Northern Monitor" is one outlet of the outlet list; its page and the dashboard's outlet filter find every
    # article whose source field names it among others ("Levant Wire; Northern Monitor"), in any case
    base = served_source_lists
    page.goto(f"{base}/outlet/{quote('Northern Monitor')}", wait_until="domcontentloaded")
    page.wait_for_selector("ul.articles li")
    assert page.locator("table.outlets tbody tr").count() == 1
    assert sorted(page.locator("ul.articles li a").all_inner_texts()) == ["Story 0", "Story 1", "Story 2", "Story 4"]
    open_dashboard(page, base)
    assert total(page) == 6
    page.select_option("select[name=outlet]", "Northern Monitor")
    page.wait_for_function("document.getElementById('summary').dataset.total === '4'")
    page.wait_for_selector("body[data-loading=false]")
    assert page.locator("#table tbody tr").count() == 4
    assert parse_qs(urlparse(page.url).query)["outlet"] == ["Northern Monitor"]
    assert not page.errors


def test_script_in_articles_is_shown_as_text_and_never_runs(served, page):
    base, ids = served
    pages = ["/", "/event/ev-xss", f"/article/{ids['a:xss']}", "/outlets", "/outlet/" + quote(fx.XSS_IMG, safe=""),
             "/?outlet=" + quote(fx.XSS_IMG, safe="")]
    for path in pages:
        page.goto(base + path, wait_until="domcontentloaded")
        page.wait_for_function("document.querySelector('main') && document.body.dataset.loading !== 'true'"
                               " && !/Loading/.test(document.querySelector('main').innerText)")
        page.wait_for_timeout(150)  # let any injected onerror handler fire
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("img[src=x], script:not([src])").count() == 0, path
    page.goto(f"{base}/article/{ids['a:xss']}", wait_until="domcontentloaded")
    page.wait_for_selector(".article-text")
    assert fx.XSS_SCRIPT in page.locator("h1").inner_text()
    assert fx.XSS_IMG in page.locator(".meta").inner_text()
    text = page.locator(".article-text").inner_text()
    assert fx.XSS_SCRIPT in text and fx.XSS_IMG in text
    assert page.locator("mark[data-report='1'][data-fields~=location]").inner_text() == fx.XSS_SCRIPT
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_api_docs_render_offline(served, page):
    base, _ = served
    page.goto(base + "/docs", wait_until="domcontentloaded")
    page.wait_for_selector(".opblock")
    assert "/api/events" in page.locator(".swagger-ui").inner_text()
