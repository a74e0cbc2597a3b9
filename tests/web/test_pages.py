"""Event and article pages written for people, on a store of relayed claims built in code."""
from __future__ import annotations

import re

import pytest

from conftest import _serve
from warwire.model import Actor, Article, Claim, Contradiction, Count, Event, Location, Report, Victims
from warwire.store import open_store

pytestmark = pytest.mark.browser

PLACE = Location(name="Saraqeb", country="Syria", admin1="Idlib", lat=35.862, lon=36.806, geo_precision=1)
MONITOR = Claim("Syrian Observatory for Human Rights", "monitor")
AGENCY = Claim("SANA", "state media")
MONITOR_TEXT = ("Air strikes on Saraqeb killed 23 people on Sunday, among them 17 civilians and 6 fighters, "
                "four of them under ten, the Syrian Observatory for Human Rights said. {tail}")
TAILS = ["Residents fled north.", "The market was destroyed.", "Rescuers worked through the night."]
AGENCY_TEXT = ("Army units destroyed a terrorist headquarters in Saraqeb on Sunday, killing 7 terrorists, "
               "state agency SANA said. Separately, 41 civilians were evacuated from a nearby village.")


def span(text: str, phrase: str) -> list[int]:
    i = text.index(phrase)
    return [i, i + len(phrase)]


def _add_link_reasons(store, event_id: str, reasons: dict[str, str]) -> None:
    """The linker's per-report reasons (``link_reasons``: report id -> "other report id: why") in the record."""
    import sqlalchemy as sa

    from warwire.store.schema import events
    with store.engine.begin() as conn:
        record = conn.execute(sa.select(events.c.record).where(events.c.id == event_id)).scalar_one()
        conn.execute(events.update().where(events.c.id == event_id).values(record={**record, "link_reasons": reasons}))


def build(url: str) -> dict[str, str]:
    store = open_store(url)
    arts = [Article(text=MONITOR_TEXT.format(tail=t), outlet=o, title=f"Strikes on Saraqeb ({o})",
                    published="2020-02-10", url=f"https://{o.lower().replace(' ', '')}.example/saraqeb")
            for o, t in zip(["North Wire", "Levant Post", "Orient Daily"], TAILS)]
    arts.append(Article(text=AGENCY_TEXT, outlet="State Wire", title="Army strikes terrorists", published="2020-02-10",
                        url="https://statewire.example/a"))
    store.add_articles(arts)
    reports = []
    for a in arts[:3]:
        reports.append((a.id, [Report("Explosions/Remote violence", "Air/drone strike", date="2020-02-09", location=PLACE,
                                      actor1=Actor("Military Forces of Syria", "State forces"),
                                      fatalities=Count(23, 23, 23, "exact"), victims=Victims(civilians=17, combatants=6, children=4),
                                      claimed_by=MONITOR, primary=True, confidence=0.9,
                                      evidence={"fatalities": span(a.text, "killed 23 people"),
                                                "location": span(a.text, "Saraqeb")})], None))
    # The second report's count evidence points at the evacuation sentence: its words say 41, the field 7.
    reports.append((arts[3].id, [Report("Explosions/Remote violence", "Air/drone strike", date="2020-02-09",
                                        location=PLACE, fatalities=Count(7, 7, 7, "exact"), claimed_by=AGENCY,
                                        primary=True, confidence=0.6,
                                        evidence={"fatalities": span(AGENCY_TEXT, "killing 7 terrorists"),
                                                  "location": span(AGENCY_TEXT, "Saraqeb")}),
                                 Report("Strategic developments", "Other", date="2020-02-09", location=PLACE,
                                        fatalities=Count(3, 3, 3, "exact"), claimed_by=AGENCY, confidence=0.3,
                                        evidence={"fatalities": span(AGENCY_TEXT, "41 civilians"),
                                                  "claimed_by": span(AGENCY_TEXT, "state agency SANA")})], None))
    store.save_extractions(reports)
    rid = [f"{a.id}:0" for a in arts]
    store.save_events([Event("ev-saraqeb", "Explosions/Remote violence", "Air/drone strike", date_start="2020-02-09",
                             date_end="2020-02-09", location=PLACE, fatalities={"low": 7, "best": 23, "high": 23},
                             victims=Victims(civilians=17, combatants=6, children=4), reports=rid,
                             outlets=[a.outlet for a in arts], n_sources=2,
                             contradictions=[Contradiction("fatalities", [
                                 {"value": 23, "report": rid[0], "outlet": "North Wire", "claimed_by": MONITOR.name},
                                 {"value": 7, "report": rid[3], "outlet": "State Wire", "claimed_by": AGENCY.name}])])])
    _add_link_reasons(store, "ev-saraqeb", {rid[1]: f"{rid[0]}: same day, same place, same toll (23)"})
    store.close()
    return {"agency": arts[3].id, "monitor": arts[0].id}


@pytest.fixture(scope="module")
def relayed(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('relayed') / 'warwire.db'}"
    ids = build(url)
    for base in _serve(url):
        yield base, ids


def test_event_page_reads_as_sentences(relayed, page):
    base, _ = relayed
    page.goto(base + "/event/ev-saraqeb", wait_until="networkidle")
    page.wait_for_selector(".claims")
    assert page.locator(".victims").inner_text() == \
        "23 killed (reports range from 7 to 23): 17 civilians, 6 fighters; 4 children."
    # Claims come in the order of their reports, which follows article ids (text hashes): compare sorted.
    lines = sorted(page.locator(".claim-line").all_inner_texts())
    assert len(lines) == 2
    assert lines[0].startswith("SANA, relayed by 1 outlet: 7")
    assert lines[1].startswith("Syrian Observatory for Human Rights, relayed by 3 outlets: 23")
    quotes = page.locator(".contradiction blockquote").all_inner_texts()
    assert len(quotes) == 2 and "killed 23 people" in quotes[0] and "killing 7 terrorists" in quotes[1]
    assert page.locator(".report.card").count() == 4  # one card per article
    links = page.locator("a.source-link").evaluate_all("as => as.map(a => a.href)")
    assert "https://northwire.example/saraqeb" in links
    headers = page.locator(".report.card header").all_inner_texts()
    assert all("https://" not in t for t in headers)  # outlets by name, the link behind a word
    assert "Credibility not scored" in page.locator(".report.card").first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.locator(".link-reason").inner_text() == \
        "The report of Levant Post joins that of North Wire: same day, same place, same toll (23)"
    assert not page.errors


def test_article_page_lights_up_one_report_at_a_time(relayed, page):
    base, ids = relayed
    page.goto(f"{base}/article/{ids['agency']}", wait_until="networkidle")
    page.wait_for_selector("#content[data-selected='1']")
    assert set(page.locator("mark[data-fields]").evaluate_all("ms => ms.map(m => m.dataset.report)")) == {"1"}
    page.locator("li.pick[data-report='2']").click()
    page.wait_for_selector("#content[data-selected='2']")
    assert set(page.locator("mark[data-fields]").evaluate_all("ms => ms.map(m => m.dataset.report)")) == {"2"}
    # Report 2's count points at "41 civilians" while its field says 3: flagged, not highlighted.
    assert page.locator("mark.disagrees").inner_text() == "41 civilians"
    assert page.locator("mark[data-fields~=fatalities]").count() == 0


WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def states(text: str, value: int) -> bool:
    numbers = [int(d) for d in re.findall(r"\d+", text.replace(",", ""))]
    numbers += [WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in WORDS]
    return not numbers or value in numbers


@pytest.mark.parametrize("which", ["agency", "monitor"])
def test_every_highlighted_span_agrees_with_its_field(relayed, page, which):
    base, ids = relayed
    import json
    import urllib.request

    with urllib.request.urlopen(f"{base}/api/articles/{ids[which]}", timeout=30) as r:
        article = json.loads(r.read())
    page.goto(f"{base}/article/{ids[which]}", wait_until="networkidle")
    checked = 0
    for i, report in enumerate(article["reports"], 1):
        page.locator(f"li.pick[data-report='{i}']").click()
        page.wait_for_selector(f"#content[data-selected='{i}']")
        for mark in page.locator("mark[data-fields]").all():
            for field in mark.get_attribute("data-fields").split():
                s = report["evidence"][field]
                assert article["text"][s[0]:s[1]].find(mark.inner_text()) >= 0  # the mark is inside its span
                span_text = article["text"][s[0]:s[1]]
                if field == "fatalities":
                    assert states(span_text, report["fatalities"]["best"]), (span_text, report["fatalities"])
                if field == "location":
                    assert report["location"]["name"].lower() in span_text.lower()
                checked += 1
    assert checked >= 2
