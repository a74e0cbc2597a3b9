"""A small store built in code for the API and dashboard tests: fictional articles, reports and events.

Five events: an air strike in Kafranbel reported by two outlets that disagree on
the death toll (a contradiction), shelling in Maarat al-Numan, an aid delivery
to Douma, an event whose place is unknown (no coordinates), and an article whose
title, outlet and text carry script payloads (must show as text, never run).
"""
from __future__ import annotations

from warwire.model import Actor, Article, Claim, Contradiction, Count, Event, Location, Report, Victims
from warwire.store import open_store

XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '<img src=x onerror="window.__pwned=1">'

KAFRANBEL = Location(name="Kafranbel", country="Syria", admin1="Idlib", admin2="Maarrat an Nu'man",
                     lat=35.61376, lon=36.56449, geo_precision=1)
MAARAT = Location(name="Maarat al-Numan", country="Syria", admin1="Idlib", admin2="Maarrat an Nu'man",
                  lat=35.64361, lon=36.67167, geo_precision=1)
DOUMA = Location(name="Douma", country="Syria", admin1="Rural Damascus", admin2="Duma",
                 lat=33.57175, lon=36.40270, geo_precision=1)
ARMY = Actor("Military Forces of Syria", "State forces", "Syria")
CIVILIANS = Actor("Civilians (Syria)", "Civilians", "Syria")
REBELS = Actor("Unidentified Armed Group (Syria)", "Rebel group", "Syria")
SOHR = Claim("Syrian Observatory for Human Rights", "monitor")
SANA = Claim("SANA", "state media")

TEXTS = {
    "levant": ("Levant Wire", "Air strikes kill 12 in Kafranbel", "2019-08-21",
               "Syrian government warplanes struck a market in Kafranbel on Tuesday, killing at least 12 "
               "civilians, among them three toddlers, the Syrian Observatory for Human Rights said. "
               "Rescue workers searched the rubble until night."),
    "damascus": ("Damascus Daily", "Army targets terrorist positions", "2019-08-21",
                 "The army targeted terrorist positions in Kafranbel on Tuesday and killed 5 terrorists, "
                 "state news agency SANA reported. SANA said no civilians were hurt."),
    "northern": ("Northern Monitor", "Shelling on Maarat al-Numan", "2019-09-02",
                 "Government artillery shelled Maarat al-Numan on Monday, killing 3 farmers, "
                 "the Syrian Observatory for Human Rights said."),
    "aid": ("Levant Wire", "Aid convoy reaches Douma", "2018-03-06",
            "A convoy of 46 aid trucks reached Douma on Monday and unloaded food while the town was "
            "under siege, the United Nations said."),
    "unknown": ("Northern Monitor", "Clashes reported", "2019-10-10",
                "Fighters clashed with the army somewhere in the countryside on Wednesday; "
                "two fighters were killed, activists said."),
    "xss": (XSS_IMG, XSS_SCRIPT, "2019-08-22",
            f"Hostile page text {XSS_SCRIPT} and {XSS_IMG} about an air strike in Kafranbel "
            "that killed 4 people on Wednesday, activists said."),
}


def span(text: str, phrase: str) -> list[int]:
    start = text.index(phrase)
    return [start, start + len(phrase)]


def articles() -> dict[str, Article]:
    return {key: Article(text=text, outlet=outlet, title=title, published=published, origin=f"fixture:{key}")
            for key, (outlet, title, published, text) in TEXTS.items()}


def build(url: str) -> dict[str, str]:
    """Fill the store at ``url``; returns {fixture key: id} for articles ("a:KEY") and reports ("r:KEY")."""
    store = open_store(url)
    arts = articles()
    store.add_articles(list(arts.values()))
    t = {k: a.text for k, a in arts.items()}
    reports = {
        "levant": Report("Explosions/Remote violence", "Air/drone strike", date="2019-08-20", date_precision=1,
                         location=KAFRANBEL, actor1=ARMY, actor2=CIVILIANS,
                         fatalities=Count(12, 12, None, "at_least"), victims=Victims(civilians=12, children=3),
                         claimed_by=SOHR, primary=True, confidence=0.9,
                         evidence={"actor1": span(t["levant"], "Syrian government warplanes"),
                                   "sub_event_type": span(t["levant"], "struck"),
                                   "location": span(t["levant"], "Kafranbel"),
                                   "fatalities": span(t["levant"], "killing at least 12"),
                                   "claimed_by": span(t["levant"], "the Syrian Observatory for Human Rights")}),
        "damascus": Report("Explosions/Remote violence", "Shelling/artillery/missile attack", date="2019-08-20",
                           date_precision=1, location=KAFRANBEL, actor1=ARMY, actor2=REBELS,
                           fatalities=Count(5, 5, 5, "exact"), claimed_by=SANA, primary=True, confidence=0.7,
                           evidence={"location": span(t["damascus"], "Kafranbel"),
                                     "fatalities": span(t["damascus"], "killed 5 terrorists"),
                                     "claimed_by": span(t["damascus"], "state news agency SANA")}),
        "northern": Report("Explosions/Remote violence", "Shelling/artillery/missile attack", date="2019-09-02",
                           date_precision=1, location=MAARAT, actor1=ARMY, actor2=CIVILIANS,
                           fatalities=Count(3, 3, 3, "exact"), claimed_by=SOHR, primary=True, confidence=0.8,
                           evidence={"sub_event_type": span(t["northern"], "shelled"),
                                     "fatalities": span(t["northern"], "killing 3 farmers")}),
        "aid": Report("Strategic developments", "Other", tags=["aid delivery", "siege"], date="2018-03-05",
                      date_precision=1, location=DOUMA, claimed_by=Claim("United Nations", "international"),
                      primary=True, confidence=0.8, evidence={"tags": span(t["aid"], "46 aid trucks")}),
        "unknown": Report("Battles", "Armed clash", date="2019-10-09", date_precision=1, actor1=REBELS, actor2=ARMY,
                          fatalities=Count(2, 2, 2, "exact"), primary=True, confidence=0.4,
                          evidence={"fatalities": span(t["unknown"], "two fighters were killed")}),
        "xss": Report("Explosions/Remote violence", "Air/drone strike", date="2019-08-21", date_precision=1,
                      location=KAFRANBEL, fatalities=Count(4, 4, 4, "exact"), primary=True, confidence=0.5,
                      evidence={"fatalities": span(t["xss"], "killed 4 people"),
                                "location": span(t["xss"], XSS_SCRIPT)}),
    }
    store.save_extractions([(arts[k].id, [r], None) for k, r in reports.items()])
    rid = {k: f"{arts[k].id}:0" for k in reports}
    outlet = {k: arts[k].outlet for k in reports}
    contradiction = Contradiction("fatalities", [
        {"value": 12, "report": rid["levant"], "outlet": outlet["levant"], "claimed_by": SOHR.name},
        {"value": 5, "report": rid["damascus"], "outlet": outlet["damascus"], "claimed_by": SANA.name}])
    events = [
        Event("ev-kafranbel", "Explosions/Remote violence", "Air/drone strike", date_start="2019-08-20",
              date_end="2019-08-20", location=KAFRANBEL, actor1=ARMY, actor2=CIVILIANS,
              fatalities={"low": 5, "best": 12, "high": 12}, victims=Victims(civilians=12, children=3),
              reports=[rid["levant"], rid["damascus"]], outlets=[outlet["levant"], outlet["damascus"]], n_sources=2,
              contradictions=[contradiction]),
        Event("ev-maarat", "Explosions/Remote violence", "Shelling/artillery/missile attack", date_start="2019-09-02",
              date_end="2019-09-02", location=MAARAT, actor1=ARMY, actor2=CIVILIANS,
              fatalities={"low": 3, "best": 3, "high": 3}, reports=[rid["northern"]], outlets=[outlet["northern"]],
              n_sources=1),
        Event("ev-douma-aid", "Strategic developments", "Other", tags=["aid delivery", "siege"],
              date_start="2018-03-05", date_end="2018-03-05", location=DOUMA,
              fatalities={"low": None, "best": None, "high": None}, reports=[rid["aid"]], outlets=[outlet["aid"]],
              n_sources=1),
        Event("ev-unknown-place", "Battles", "Armed clash", date_start="2019-10-09", date_end="2019-10-09",
              actor1=REBELS, actor2=ARMY, fatalities={"low": 2, "best": 2, "high": 2}, reports=[rid["unknown"]],
              outlets=[outlet["unknown"]], n_sources=1),
        Event("ev-xss", "Explosions/Remote violence", "Air/drone strike", date_start="2019-08-21",
              date_end="2019-08-21", location=KAFRANBEL, fatalities={"low": 4, "best": 4, "high": 4},
              reports=[rid["xss"]], outlets=[outlet["xss"]], n_sources=1),
    ]
    store.save_events(events)
    store.close()
    ids = {f"a:{k}": a.id for k, a in arts.items()}
    ids.update({f"r:{k}": rid[k] for k in reports})
    return ids


def build_from_sample(url: str, sample_dir) -> None:
    """The real pipeline on the bundled sample: ingest, extract, link, into the store at ``url``."""
    from warwire.engine.run import run_extraction
    from warwire.verify.contradictions import link_and_check
    from warwire.store import ingest

    store = open_store(url)
    ingest(sorted(str(p) for p in sample_dir.glob("*.txt")), store)
    run_extraction(store, workers=1)
    link_and_check(store)
    store.close()


#: Source fields as exports and bylines write them: lists of outlets, an outlet in capitals, a link glued on.
SOURCE_LISTS = ["Levant Wire; Northern Monitor", "NORTHERN MONITOR", "Coastal Radio , Northern Monitor",
                "Northern Monitoring Group", "Levant Wire and Northern Monitor: https://example.org/x", "Coastal Radio"]


def build_source_lists(url: str) -> list[Article]:
    """A store of one shelling event per source field of ``SOURCE_LISTS`` (event ``ev-N``, article "Story N")."""
    arts = [Article(text=f"Shelling hit village number {i} on Monday.", outlet=field, title=f"Story {i}",
                    published=f"2019-08-{10 + i}", origin=f"fixture:lists:{i}") for i, field in enumerate(SOURCE_LISTS)]
    with open_store(url) as store:
        store.add_articles(arts)
        store.save_extractions([(a.id, [Report("Explosions/Remote violence", "Shelling/artillery/missile attack",
                                               date=a.published, date_precision=1, location=MAARAT)], None)
                                for a in arts])
        store.save_events([Event(f"ev-{i}", "Explosions/Remote violence", "Shelling/artillery/missile attack",
                                 date_start=a.published, date_end=a.published, location=MAARAT,
                                 fatalities={"low": None, "best": None, "high": None},
                                 reports=[f"{a.id}:0"], outlets=[a.outlet], n_sources=1)
                           for i, a in enumerate(arts)])
    return arts
