"""Linking scored on development gold: do the reports of one incident end in one event, and only they?

Three numbers, measured as ``../shared/data/linking/README.md`` defines them:

- **pair recall** on the FA-KES incidents: of every pair of articles reporting one
  incident, the share for which one event holds a report of each and that event's
  date span, widened by two days each side, contains the incident's date;
- **hard negatives linked**: pairs of look-alike articles about different incidents
  that end up with reports in one event (the metric kept is the share kept apart);
- **over-merged pairs** on the ACLED notes (every note ingested as its own article,
  every row a distinct event coded by a person): two rows whose reports share an event
  although they differ in day, event type, or lie more than 2 km apart.

The articles go through what a user's ``warwire extract`` does (ingest, extract, then a
full link), in a store of their own. Each number is given for the whole set and for its
two halves: the first half (incidents 1-20, negatives 1-10, ACLED January) is the one
linking rules may be tuned on, the second is reported as held out: its summary numbers and the causes of its
misses are counted, but ``--errors`` shows only the first half's missed pairs, wrong links and over-merged rows.
"""
from __future__ import annotations

import json
import math
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warwire.eval.scoring import Case, Scores
from warwire.model import Article, Event, Report

#: Shared development data, relative to the repository root.
FAKES = "../shared/data/fakes/fakes_dev.csv"
INCIDENTS = "../shared/data/linking/incidents.jsonl"
NEGATIVES = "../shared/data/linking/negatives.jsonl"
ACLED = "../shared/data/acled/acled_syria_2018_jan_feb.csv"
#: An event's date span is widened by this many days each side before it must contain the incident's date.
DATE_SLACK = 2
#: Two ACLED rows within this distance, on one day and of one type, may be one event.
SAME_PLACE_KM = 2.0
#: Incidents and negatives of the tuning half (the rest is held out); ACLED: this month is the tuning half.
TUNE_INCIDENTS, TUNE_NEGATIVES, TUNE_MONTH = 20, 10, "2018-01"

Progress = Callable[[str], None]


@dataclass
class Linked:
    """A linked store's content, as scoring needs it: each article's reports and each report's event."""

    reports: dict[str, Report]
    events: dict[str, Event]
    event_of: dict[str, str]
    by_article: dict[str, list[Report]]
    texts: dict[str, str] = field(default_factory=dict)
    articles: Mapping[str, Any] = field(default_factory=dict)  # article id -> ArticleMeta, as linking read them
    _late: dict[str, str] | None = field(default=None, repr=False)

    def late_days(self) -> dict[str, str]:
        """The late reports the grouping counted as dated on the happening they retell (``cluster.late_days``)."""
        if self._late is None:
            from warwire.link.cluster import late_days

            self._late = late_days(list(self.reports.values()), self.articles)
        return self._late

    def events_of(self, article_id: str | None) -> set[str]:
        return {self.event_of[r.id] for r in self.by_article.get(article_id or "", []) if r.id in self.event_of}


def _articles(path: Path) -> list[Article]:
    from warwire.ingest import read_sources

    return [a for a in read_sources([str(path)], fetch=False) if isinstance(a, Article)]


def _as_stored(store, read: list[Article]) -> list[Article]:
    """``read`` with the ids the store gave them: a row whose text an earlier row of another date or
    outlet had is stored under its record id; a row repeating one (text, date, outlet) is that one."""
    from warwire.model import record_id

    by_source = {a.source_id: a.id for a in store.iter_articles()}
    ids = set(by_source.values())
    for a in read:
        if a.source_id in by_source:
            a.id = by_source[a.source_id]
        elif (rid := record_id(a.text, a.published, a.outlet)) in ids:
            a.id = rid
    return read


def extracted_store(csv: Path, db: Path, progress: Progress | None = None):
    """A store at ``db`` holding ``csv``'s articles and their reports (extracted once; reused when present)."""
    from warwire.engine.run import run_extraction
    from warwire.store import open_store

    store = open_store(str(db))
    if store.count_articles() == 0:
        if progress:
            progress(f"ingesting {csv.name}")
        articles = _articles(csv)
        for i in range(0, len(articles), 500):
            store.add_articles(articles[i:i + 500])
    if progress:
        progress(f"extracting {csv.name}")
    run_extraction(store, workers=1)
    return store


def link_in_memory(store) -> Linked:
    """Link every report of the store from scratch (what ``warwire link --full`` computes), without saving."""
    from warwire.link import link_reports
    from warwire.link.store import article_metas

    reports = {r.id: r for r in store.iter_reports()}
    metas = article_metas(store.engine)
    result = link_reports(list(reports.values()), metas)
    events = {e.id: e for e in result.events}
    event_of = {rid: e.id for e in result.events for rid in e.reports}
    by_article: dict[str, list[Report]] = defaultdict(list)
    for r in reports.values():
        by_article[r.article_id].append(r)
    return Linked(reports, events, event_of, dict(by_article), articles=metas)


def _texts(store, ids: Iterable[str]) -> dict[str, str]:
    out = {}
    for aid in ids:
        a = store.get_article(aid)
        if a is not None:
            out[aid] = a.text
    return out


def describe(r: Report, text: str | None = None, width: int = 150) -> str:
    """One line per report: what it says and the words it says it with."""
    loc = r.location
    place = f"{loc.name} (p{loc.geo_precision}, {loc.admin1})" if loc else "-"
    toll = r.fatalities.best if r.fatalities.best is not None else r.fatalities.low
    actor = r.actor1.name if r.actor1 else "-"
    line = f"{r.id} {r.date} p{r.date_precision} {r.sub_event_type} @ {place} by {actor} dead={toll}"
    if text:
        spans = sorted({tuple(s) for s in r.evidence.values() if len(s) == 2})
        if spans:
            start, end = spans[0][0], max(s[1] for s in spans)
            quote = " ".join(text[max(0, start):min(len(text), end)].split())
            line += f' | "{quote[:width]}{"…" if len(quote) > width else ""}"'
    return line


def _day(iso: str) -> int:
    from warwire.link.rules import day_number

    return day_number(iso)


def _covers(e: Event, day: int) -> bool:
    if not e.date_start:
        return False
    return _day(e.date_start) - DATE_SLACK <= day <= _day(e.date_end or e.date_start) + DATE_SLACK


# --- FA-KES incidents and negatives ------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def score_incidents(linked: Linked, incidents: list[dict], negatives: list[dict], unit_to_article: Mapping[str, str],
                    scores: Scores, cases: int = 0, store=None,
                    causes: dict[str, dict[str, int]] | None = None) -> None:
    """Pair recall over the incidents and the negatives kept apart, overall and per half; with ``causes``, each
    missed pair counted there by half and cause (``miss_cause``)."""
    for n, inc in enumerate(incidents):
        half = "tune" if n < TUNE_INCIDENTS else "test"
        day = _day(inc["date"])
        arts = [unit_to_article.get(str(u)) for u in inc["articles"]]
        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                a, b = arts[i], arts[j]
                ok = a is not None and b is not None and any(
                    _covers(linked.events[e], day) for e in linked.events_of(a) & linked.events_of(b))
                scores.metric("incidents.pairs").add(ok)
                scores.metric(f"incidents.pairs.{half}").add(ok)
                if not ok and causes is not None:
                    cause = miss_cause(day, a, b, linked)
                    causes.setdefault(half, {})[cause] = causes.setdefault(half, {}).get(cause, 0) + 1
                    if cause == "no report near the day" and linked.texts:
                        by = causes.setdefault(f"no report near the day.{half}", {})
                        told = far_told(day, a, b, linked)
                        by[told] = by.get(told, 0) + 1
                    if cause == "evidence short":
                        by = causes.setdefault(f"evidence short.{half}", {})
                        lack = short_of(day, a, b, linked)
                        by[lack] = by.get(lack, 0) + 1
                    if cause == "grouped apart":
                        kinds = apart_kinds(day, a, b, linked)
                        why = next((k for k in APART_BECAUSE if k in kinds), "order")
                        by = causes.setdefault(f"grouped apart.{half}", {})
                        by[why] = by.get(why, 0) + 1
                        for k in sorted(k for k in kinds if k.startswith("conflict: ")):
                            by = causes.setdefault(f"conflict.{half}", {})
                            by[k[10:]] = by.get(k[10:], 0) + 1
                        if (behind := behind_left_out(kinds)) is not None:
                            by = causes.setdefault(f"behind a link left out.{half}", {})
                            by[behind] = by.get(behind, 0) + 1
                if not ok and cases and half == "tune":  # the held-out half's pairs are never shown
                    scores.cases.append(_missed_case(inc, inc["articles"][i], inc["articles"][j], a, b, linked))
    for n, neg in enumerate(negatives):
        half = "tune" if n < TUNE_NEGATIVES else "test"
        a, b = unit_to_article.get(str(neg["a"])), unit_to_article.get(str(neg["b"]))
        shared = linked.events_of(a) & linked.events_of(b)
        scores.metric("negatives.apart").add(not shared)
        scores.metric(f"negatives.apart.{half}").add(not shared)
        if shared and cases and half == "tune":
            scores.cases.append(_wrong_case(f"negative {neg['a']}~{neg['b']}: {neg['why']}", shared, (a, b), linked,
                                            badness=100))


#: Days from an incident's date within which an article's report may tell it (a late story's included).
NEAR_DAYS = 10

#: Why a pair of one incident's articles is not linked: the first four are the extraction's (the reports do not say
#: the incident's day, place or type alike), the last three linking's. ``miss_cause`` tries them in another order:
#: "dates off" second (a pair already sharing an event needs no test of its reports) and "grouped apart" before
#: "evidence short".
MISS_CAUSES = {
    "no report near the day": "an article has no report or reference within NEAR_DAYS of the incident's date "
                              "(a retrospective, a statement dated by its publication)",
    "no place": "the reports near the day name no place linking can use",
    "types differ": "no report of one shares the sub-type (or a kindred one) of a report of the other",
    "places apart": "the reports of one sub-type are at places that do not relate (two towns, two regions)",
    "evidence short": "a pair of reports may join but lacks the evidence of sameness the rules ask",
    "grouped apart": "a pair of reports links, but the grouping put them in two events",
    "dates off": "they share an event whose dates, widened by two days, miss the incident's",
}


def miss_cause(day: int, a: str | None, b: str | None, linked: Linked) -> str:
    """Why the articles ``a`` and ``b`` of an incident on ``day`` share no event that covers it (``MISS_CAUSES``).

    Judged on the closest pair of their reports near the day: the first test that fails names the cause."""
    from warwire.link.rules import kindred, link_evidence, linkable, places_relate

    near = []
    for aid in (a, b):
        near.append([r for r in linked.by_article.get(aid or "", []) if r.date and abs(_day(r.date) - day) <= NEAR_DAYS])
    if not near[0] or not near[1]:
        return "no report near the day"
    if linked.events_of(a) & linked.events_of(b):
        return "dates off"
    placed = [[r for r in rs if linkable(r)] for rs in near]
    if not placed[0] or not placed[1]:
        return "no place"
    typed = [(x, y) for x in placed[0] for y in placed[1]
             if x.sub_event_type == y.sub_event_type or kindred(x.sub_event_type, y.sub_event_type)]
    if not typed:
        return "types differ"
    related = [(x, y) for x, y in typed if places_relate(x, y) is not None]
    if not related:
        return "places apart"
    if any(link_evidence(x, y, linked.articles) is not None for x, y in related):
        return "grouped apart"
    return "evidence short"


def short_of(day: int, a: str | None, b: str | None, linked: Linked) -> str:
    """For a pair "evidence short": what the closest pair of its reports of one sub-type at places that relate
    lacks (``rules.SHORT_OF``), or why the two may not join at all (``join_refused``)."""
    from warwire.link.rules import judge_same, kindred, linkable, may_join, places_relate

    pairs = []
    for x in linked.by_article.get(a or "", []):
        for y in linked.by_article.get(b or "", []):
            if not (x.date and y.date and linkable(x) and linkable(y)) or abs(_day(x.date) - day) > NEAR_DAYS or \
                    abs(_day(y.date) - day) > NEAR_DAYS:
                continue
            if (x.sub_event_type == y.sub_event_type or kindred(x.sub_event_type, y.sub_event_type)) and \
                    places_relate(x, y) is not None:
                pairs.append((abs(_day(x.date) - day) + abs(_day(y.date) - day), x.id, y.id, x, y))
    if not pairs:
        return "none"
    _, _, _, x, y = min(pairs, key=lambda p: p[:3])
    if not may_join(x, y):
        return "may not join: " + join_refused(x, y)
    found = judge_same(x, y, linked.articles)
    return found if isinstance(found, str) else "links"


def breakdown(by_cause: Mapping[str, Mapping[str, int]], what: str, title: str) -> list[str]:
    """One line (or none) of a cause's kinds, counted per half: "title (tune / test): kind n/m, ..."."""
    tune, test = by_cause.get(f"{what}.tune", {}), by_cause.get(f"{what}.test", {})
    kinds = sorted(set(tune) | set(test), key=lambda k: (-(tune.get(k, 0) + test.get(k, 0)), k))
    if not kinds:
        return []
    return [f"{title} (tune / test): " + ", ".join(f"{k} {tune.get(k, 0)}/{test.get(k, 0)}" for k in kinds)]


def join_refused(x: Report, y: Report) -> str:
    """Which test of ``rules.may_join`` two reports fail (a diagnosis: the first found)."""
    from warwire.link.rules import actors_conflict, days_apart, places_relate, tolls_relation, types_compatible

    if not types_compatible(x, y):
        return "types"
    if actors_conflict(x, y):
        return "sides"
    if days_apart(x, y) is None:
        return "days beyond reach"
    if places_relate(x, y) is None:
        return "places apart"
    if tolls_relation(x, y) == "distinct":
        return "tolls far apart on another day"
    if x.sub_event_type != y.sub_event_type:
        return "kindred sub-type on another day"
    if x.event_type != y.event_type:
        return "event types differ"
    return "other"


#: For a pair with "no report near the day": what the text of its article without one tells of that day (``far_told``).
FAR_TOLD = {
    "day told": "the text names the incident's day (within DATE_SLACK) but no report or reference is made of it: a "
                "past happening named in passing without a place, or a date read as another happening's",
    "week or month told": "the text names only a week or a month that holds the incident's day ('in early "
                          "October', 'last month')",
    "day not told": "the text names no date that holds the incident's day: the happening is told by its name, its "
                    "year, or not at all",
}


def far_told(day: int, a: str | None, b: str | None, linked: Linked) -> str:
    """What the article of ``a`` and ``b`` with no report near ``day`` says of that day in its text (``FAR_TOLD``),
    its dates read as extraction reads them (from the date printed at its top, else its publication day); with
    both such, the one telling more."""
    from warwire.extract.dates import base_date, find_dates

    found = []
    for aid in (a, b):
        if any(r.date and abs(_day(r.date) - day) <= NEAR_DAYS for r in linked.by_article.get(aid or "", [])):
            continue
        text = linked.texts.get(aid or "", "")
        meta = linked.articles.get(aid or "")
        base, _ = base_date(text, getattr(meta, "published", None))
        kind = "day not told"
        for d in find_dates(text, base):
            start = d.date.toordinal()
            if d.precision == 1 and abs(start - day) <= DATE_SLACK:
                kind = "day told"
                break
            reach = {2: 7, 3: 31}.get(d.precision, 0)
            if d.precision > 1 and start - reach <= day <= start + reach:
                kind = "week or month told"
        found.append(kind)
    return min(found, key=list(FAR_TOLD).index) if found else "day not told"


#: What kept two linked reports of a missed pair in two events (``apart_because``), for the pairs "grouped apart".
APART_BECAUSE = {
    "vague link left out": "one of the two is dated only to its week or month: it keeps only its best match",
    "reference link left out": "one of the two is a reference (a past happening named in passing): it keeps only "
                               "its best match",
    "late link left out": "one of the two is a late report: it keeps only its best match among earlier reports",
    "one article": "the other event holds another report of one of the two articles, of another happening",
    "conflict": "the other event holds a report the one may never share an event with (another place, type or "
                "day, tolls far apart)",
    "no evidence on another day": "the other event holds a report of another day that shares no evidence with it",
    "order": "nothing in either event rules the pair out: the grouping took other links first",
}


#: Kinds of ``APART_BECAUSE`` that are a link left out: what else keeps such a pair apart is counted too.
LEFT_OUT = ("vague link left out", "reference link left out", "late link left out")


def apart_because(day: int, a: str | None, b: str | None, linked: Linked) -> str:
    """Why the closest linked pair of reports of ``a`` and ``b`` near ``day`` sits in two events (``APART_BECAUSE``):
    the first of the kinds found, for either report beside the other's event."""
    return next((k for k in APART_BECAUSE if k in apart_kinds(day, a, b, linked)), "order")


def behind_left_out(kinds: set[str]) -> str | None:
    """For a pair kept apart by a link left out (``LEFT_OUT``), what else keeps it apart: the first other kind of
    ``APART_BECAUSE`` among ``kinds``, or "nothing else" (the pair an event-level repair may join); None for a pair
    not kept apart by a link left out."""
    if not kinds & set(LEFT_OUT):
        return None
    return next((k for k in APART_BECAUSE if k in kinds and k not in LEFT_OUT and k != "order"), "nothing else")


def apart_kinds(day: int, a: str | None, b: str | None, linked: Linked) -> set[str]:
    """Every kind of ``APART_BECAUSE`` found for the closest linked pair of reports of ``a`` and ``b`` near ``day``
    (empty when none links)."""
    from warwire.link.cluster import may_share_group
    from warwire.link.rules import is_late_link, is_reference, link_evidence, may_join, with_lists

    articles = with_lists(linked.articles, linked.reports.values())
    pairs = []
    for x in linked.by_article.get(a or "", []):
        for y in linked.by_article.get(b or "", []):
            if x.date and y.date and abs(_day(x.date) - day) <= NEAR_DAYS and abs(_day(y.date) - day) <= NEAR_DAYS:
                ev = link_evidence(x, y, articles)
                if ev is not None:
                    pairs.append((abs(_day(x.date) - day) + abs(_day(y.date) - day), x.id, y.id, x, y, ev))
    if not pairs:
        return set()
    _, _, _, x, y, ev = min(pairs, key=lambda p: p[:3])
    kinds = set()
    if is_reference(x) or is_reference(y):
        kinds.add("reference link left out")
    elif ev.vague:
        kinds.add("vague link left out")
    elif is_late_link(ev):
        kinds.add("late link left out")
    late = linked.late_days()  # as the grouping dates them, or the diagnosis would rule out what it allowed
    for mine, other in ((x, y), (y, x)):
        members = _event_members(other, linked)
        # as grouping weighs joining mine's event to other's (cluster._join): a report of either event may hold
        # two places of one attack together, so both events are the reports between (``joined``)
        between = [*members, *(_event_members(mine, linked) or [mine])]
        for m in members:
            if m.id == mine.id or may_share_group(mine, [m], articles, late, between):
                continue
            if m.article_id == mine.article_id:
                kinds.add("one article")
            elif not may_join(mine, m):
                kinds.add("conflict")
                kinds.add("conflict: " + join_refused(mine, m))
            else:
                kinds.add("no evidence on another day")
    return kinds


def _event_members(r: Report, linked: Linked) -> list[Report]:
    """The reports of the event ``r`` sits in (none when it sits in none)."""
    event = linked.events.get(linked.event_of.get(r.id or "", ""))
    return [linked.reports[rid] for rid in event.reports] if event else []


def _missed_case(inc: dict, ua: str, ub: str, a: str | None, b: str | None, linked: Linked) -> Case:
    day = _day(inc["date"])
    lines = []
    for unit, aid in ((ua, a), (ub, b)):
        lines.append(f"article {unit}:")
        near = [r for r in linked.by_article.get(aid or "", []) if r.date and abs(_day(r.date) - day) <= 10]
        for r in near or linked.by_article.get(aid or "", [])[:3]:
            lines.append(f"  [{linked.event_of.get(r.id, '-')}] " + describe(r, linked.texts.get(aid or "")))
        if not near:
            lines.append("  (no report within 10 days of the incident)")
    return Case(id=f"missed {inc['incident']} {ua}~{ub}",
                text=f"{inc['date']} {inc['place']} ({inc['sub_event_type']})", badness=1, diffs=lines)


def _wrong_case(title: str, shared: set[str], articles: tuple, linked: Linked, badness: int) -> Case:
    lines = []
    for eid in sorted(shared):
        e = linked.events[eid]
        lines.append(f"event {eid} {e.date_start}..{e.date_end} {e.sub_event_type} @ "
                     f"{e.location.name if e.location else '-'} ({len(e.reports)} reports)")
        for rid in e.reports:
            r = linked.reports[rid]
            if r.article_id in articles:
                lines.append("  " + describe(r, linked.texts.get(r.article_id)))
                if rid in e.link_reasons:
                    lines.append("      joined with " + e.link_reasons[rid])
    return Case(id="wrong link", text=title, badness=badness, diffs=lines)


# --- ACLED notes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AcledRow:
    id: str
    date: str
    event_type: str
    lat: float | None
    lon: float | None
    article_id: str
    note: str


def acled_rows(path: Path, articles: list[Article] | None = None) -> list[AcledRow]:
    """The rows of an ACLED export with the id of the article its note became."""
    import csv

    by_source = {a.source_id: a for a in (articles if articles is not None else _articles(path))}
    rows = []
    with Path(path).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rid = row.get("data_id") or row.get("event_id_cnty") or ""
            a = by_source.get(rid)
            if a is None:
                continue
            rows.append(AcledRow(rid, row.get("event_date_iso") or row.get("event_date") or "", row["event_type"],
                                 _float(row.get("latitude")), _float(row.get("longitude")), a.id, a.text))
    return rows


def _float(s: str | None) -> float | None:
    try:
        return float(s) if s not in (None, "") else None
    except ValueError:
        return None


def _km(a: AcledRow, b: AcledRow) -> float:
    if a.lat is None or b.lat is None:
        return math.inf
    from warwire.eval.scoring import km

    return km(a.lat, a.lon, b.lat, b.lon)


def distinct_events(a: AcledRow, b: AcledRow) -> bool:
    """Two ACLED rows that cannot be one event: another day, another type, or more than 2 km apart."""
    return a.date != b.date or a.event_type != b.event_type or _km(a, b) > SAME_PLACE_KM


def score_acled_links(linked: Linked, rows: list[AcledRow], scores: Scores, cases: int = 0) -> dict[str, int]:
    """Pairs of ACLED rows whose reports share an event; those that are distinct events are over-merged.

    Returns the counts (``linked``, ``over_merged``, and per half); records per row whether it was kept
    clear of over-merging (the metric a floor can hold)."""
    rows_of_event: dict[str, list[AcledRow]] = defaultdict(list)
    for row in rows:
        for eid in linked.events_of(row.article_id):
            rows_of_event[eid].append(row)
    pairs: dict[tuple[str, str], tuple[AcledRow, AcledRow, str]] = {}
    for eid, members in rows_of_event.items():
        members = sorted(set(members), key=lambda r: r.id)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.article_id != b.article_id:  # one note given twice is one article, not a link
                    pairs.setdefault((a.id, b.id), (a, b, eid))
    counts = {"linked": len(pairs), "over_merged": 0, "over_merged.tune": 0, "over_merged.test": 0}
    bad_rows: set[str] = set()
    shown = 0
    for (ia, ib), (a, b, eid) in sorted(pairs.items()):
        if not distinct_events(a, b):
            continue
        counts["over_merged"] += 1
        half = "tune" if a.date.startswith(TUNE_MONTH) and b.date.startswith(TUNE_MONTH) else "test"
        counts[f"over_merged.{half}"] += 1
        bad_rows.update((ia, ib))
        if cases and shown < cases * 5 and half == "tune":
            shown += 1
            lines = [f"row {r.id} {r.date} {r.event_type} ({r.lat}, {r.lon}): {r.note[:200]}" for r in (a, b)]
            e = linked.events[eid]
            lines.append(f"event {eid} {e.date_start}..{e.date_end} {e.sub_event_type} @ "
                         f"{e.location.name if e.location else '-'} ({len(e.reports)} reports)")
            for rid in e.reports:
                r = linked.reports[rid]
                if r.article_id in (a.article_id, b.article_id):
                    lines.append("  " + describe(r))
                    if rid in e.link_reasons:
                        lines.append("      joined with " + e.link_reasons[rid])
            scores.cases.append(Case(id="over-merged", text=f"ACLED rows {ia} and {ib}: {_km(a, b):.1f} km apart",
                                     badness=10, diffs=lines))
    for row in rows:
        half = "tune" if row.date.startswith(TUNE_MONTH) else "test"
        scores.metric("acled.rows_apart").add(row.id not in bad_rows)
        scores.metric(f"acled.rows_apart.{half}").add(row.id not in bad_rows)
    return counts


# --- the whole evaluation ----------------------------------------------------------------------------


@dataclass
class LinkingScores:
    scores: Scores
    counts: dict[str, Any]

    def summary(self) -> str:
        m, c = self.scores.metrics, self.counts
        parts = []
        if "incidents.pairs" in m:
            p = m["incidents.pairs"]
            parts.append(f"FA-KES incidents pair recall {p.accuracy:.3f} ({p.correct}/{p.total}; "
                         f"tune {m['incidents.pairs.tune'].accuracy:.3f}, test {m['incidents.pairs.test'].accuracy:.3f})")
            n = m["negatives.apart"]
            parts.append(f"hard negatives linked {n.total - n.correct}/{n.total} "
                         f"(tune {_wrong(m['negatives.apart.tune'])}, test {_wrong(m['negatives.apart.test'])})")
        if c.get("missed_by_cause"):
            by_cause = c["missed_by_cause"]
            parts.append("missed pairs by cause (tune / test): " + ", ".join(
                f"{cause} {by_cause.get('tune', {}).get(cause, 0)}/"
                f"{by_cause.get('test', {}).get(cause, 0)}" for cause in MISS_CAUSES
                if any(cause in by_cause.get(half, {}) for half in ("tune", "test"))))
            far = [k for k in FAR_TOLD if any(k in by_cause.get(f"no report near the day.{h}", {}) for h in ("tune", "test"))]
            if far:
                parts.append("no report near the day, what the text tells of it (tune / test): " + ", ".join(
                    f"{k} {by_cause.get('no report near the day.tune', {}).get(k, 0)}/"
                    f"{by_cause.get('no report near the day.test', {}).get(k, 0)}" for k in far))
            apart = [k for k in APART_BECAUSE
                     if any(k in by_cause.get(f"grouped apart.{h}", {}) for h in ("tune", "test"))]
            if apart:
                parts.append("grouped apart because (tune / test): " + ", ".join(
                    f"{k} {by_cause.get('grouped apart.tune', {}).get(k, 0)}/"
                    f"{by_cause.get('grouped apart.test', {}).get(k, 0)}" for k in apart))
            behind = [k for k in list(APART_BECAUSE) + ["nothing else"]
                      if any(k in by_cause.get(f"behind a link left out.{h}", {}) for h in ("tune", "test"))]
            if behind:
                parts.append("behind a link left out, what else keeps the pair apart (tune / test): " + ", ".join(
                    f"{k} {by_cause.get('behind a link left out.tune', {}).get(k, 0)}/"
                    f"{by_cause.get('behind a link left out.test', {}).get(k, 0)}" for k in behind))
            for what, title in (("evidence short", "evidence short, what the closest pair lacks"),
                                ("conflict", "grouped apart by a conflict, what rules the pair out")):
                parts.extend(breakdown(by_cause, what, title))
        if "over_merged" in c:
            parts.append(f"ACLED over-merged pairs {c['over_merged']:,} of {c['linked']:,} linked "
                         f"(tune January {c['over_merged.tune']:,}, test February {c['over_merged.test']:,})")
        return "\n".join(parts)


def _wrong(m) -> str:
    return f"{m.total - m.correct}/{m.total}"


def repo_path(relative: str) -> Path:
    from warwire.eval.floors import repo_root

    return repo_root() / relative


def shared_present() -> bool:
    return all(repo_path(p).is_file() for p in (FAKES, INCIDENTS, NEGATIVES, ACLED))


def evaluate_linking(workdir: Path | None = None, errors: int = 0, acled: bool = True,
                     progress: Progress | None = None) -> LinkingScores:
    """Score linking on the shared development data (see the module docstring).

    ``workdir`` keeps the extracted stores between runs (default: a temporary directory,
    removed afterwards); ``errors`` keeps that many wrong links and missed pairs as cases.
    """
    import time

    from warwire.errors import E, WarwireError

    missing = [p for p in (FAKES, INCIDENTS, NEGATIVES) + ((ACLED,) if acled else ()) if not repo_path(p).is_file()]
    if missing:
        raise WarwireError(E.E209, path=repo_path(missing[0]))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="warwire-linking-") as tmp:
        where = Path(workdir) if workdir else Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        scores = Scores(dataset="linking", source=str(repo_path(INCIDENTS)))
        counts: dict[str, Any] = {}

        fakes_csv = repo_path(FAKES)
        store = extracted_store(fakes_csv, where / "fakes.db", progress)
        if progress:
            progress("linking FA-KES")
        linked = link_in_memory(store)
        unit_to_article = {a.source_id: a.id for a in _as_stored(store, _articles(fakes_csv))}
        # the texts of the incidents' articles tell what a missed pair's article says of the day; all texts to show errors
        incident_articles = {unit_to_article.get(str(u)) for inc in read_jsonl(repo_path(INCIDENTS)) for u in inc["articles"]}
        linked.texts = _texts(store, linked.by_article if errors else incident_articles - {None})
        causes: dict[str, dict[str, int]] = {}
        score_incidents(linked, read_jsonl(repo_path(INCIDENTS)), read_jsonl(repo_path(NEGATIVES)),
                        unit_to_article, scores, errors, causes=causes)
        store.close()
        n = len(unit_to_article)

        if acled:
            acled_csv = repo_path(ACLED)
            store = extracted_store(acled_csv, where / "acled.db", progress)
            if progress:
                progress("linking ACLED notes")
            linked = link_in_memory(store)
            counts = score_acled_links(linked, acled_rows(acled_csv, _as_stored(store, _articles(acled_csv))), scores, errors)
            store.close()
    counts["missed_by_cause"] = causes
    scores.n = n
    scores.seconds = time.perf_counter() - started
    return LinkingScores(scores, counts)
