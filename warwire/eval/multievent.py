"""Every event of a full article: the extractor's reports against gold that codes each event an article reports.

The gold (``gold.jsonl``, its texts in ``articles.jsonl`` beside it) lists, per
article, every concrete event two annotators coded; an event both coded is
required, one only one coded is optional, and a field they disagree on is
``contested`` and not scored. Scored exactly by the rules in the data's README:

- per article, the required gold events in file order each take the first
  unused report that matches: same ACLED event type, date within one day, and
  the place (letters-only lower-cased gold place inside the report's place name
  or the text under its ``evidence.location`` span, or the other way round;
  with no gold place, the report's governorate equals the gold's);
- then the optional gold events, the same way, on the reports left;
- precision = matched required / (reports - reports that matched an optional
  event); recall = matched required / required;
- on the matched events, contested fields left out: sub-event type exact;
  fatalities best exact, where a gold null wants a report with a toll of 0 or
  none; and actor1 kind exact, where a gold null wants a report with no kind.

Beside the README's ``actor1.kind``, ``actor1.kind.named`` scores the kind only
on the matched events whose gold names an attacker; the events it leaves out
are counted in ``extras`` (``actor1_unnamed_in_gold``). The coding guide codes
an attacker the article does not name as null, while the record follows ACLED
there (an unidentified armed group; air strikes in Syria, the state): the
extra number tells that convention apart from a kind read wrong, and the
README's number stays comparable with every other run.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from warwire.errors import E, WarwireError
from warwire.eval.scoring import Case, Scores, excerpt
from warwire.model import SUB_EVENT_TYPES, Article, Report

#: A report's date may be this many days off the gold's and still match.
DATE_DAYS = 1
#: Gold ids of FA-KES articles: this prefix and the CSV's ``unit_id``.
FAKES_ID = "fakes-"


@dataclass
class GoldArticle:
    """One article of the multievent gold: its text and every event coded in it."""

    id: str
    article: Article
    events: list[dict[str, Any]]
    cumulative: list[dict[str, Any]]


def letters(s: str | None) -> str:
    """The README's normal form of a name: lower case, letters a-z only."""
    return re.sub("[^a-z]", "", (s or "").lower())


def parse_range(spec: str | None, n: int) -> list[int]:
    """Article numbers (1-based, file order) from "1-10", "11-20", "3" or "1-5,8"; all when ``spec`` is empty."""
    if not spec:
        return list(range(n))
    out: list[int] = []
    for part in spec.split(","):
        m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not m:
            raise ValueError(f"{spec!r}: give article numbers like 1-10 or 11-20")
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        if lo < 1 or hi < lo:
            raise ValueError(f"{spec!r}: give article numbers like 1-10 or 11-20")
        out.extend(i - 1 for i in range(lo, min(hi, n) + 1) if i - 1 not in out)
    return out


def read_multievent(path: Path | str, texts: Path | str | None = None) -> list[GoldArticle]:
    """The gold articles of ``path`` with their texts, read as ingest reads them: from ``texts`` (any file
    ``warwire ingest`` reads, such as the FA-KES CSV), else from ``articles.jsonl`` beside the gold.

    A gold id ``fakes-N`` finds FA-KES row N (the CSV's ``unit_id``), so gold coded on FA-KES articles can ship
    without their texts."""
    from warwire.ingest import read_sources

    path = Path(path)
    texts = Path(texts) if texts else path.with_name("articles.jsonl")
    if not texts.is_file():
        raise WarwireError(E.E202, where=texts, line=0,
                           why="the articles file beside the gold is missing: put articles.jsonl "
                               "(id, outlet, published, title, text) next to it, or name the texts with --texts")
    by_id = {a.source_id: a for a in read_sources([str(texts)], fetch=False) if isinstance(a, Article)}
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            aid = row["id"]
            events = row["events"]
        except (ValueError, KeyError, TypeError) as e:
            raise WarwireError(E.E202, where=path, line=n,
                               why=f"not a multievent line: each is {{\"id\": ..., \"events\": [...]}} ({e})") from None
        article = by_id.get(aid) or by_id.get(str(aid).removeprefix(FAKES_ID))
        if article is None:
            raise WarwireError(E.E202, where=path, line=n,
                               why=f"article {aid} is not in {texts.name}, the articles it was coded on")
        out.append(GoldArticle(aid, replace(article, source_id=aid), events, row.get("cumulative") or []))
    return out


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _place_matches(gold: dict[str, Any], r: Report, text: str) -> bool:
    place = letters(gold.get("place"))
    loc = r.location
    if place:
        names = [letters(loc.name) if loc else ""]
        span = r.evidence.get("location")
        if span:
            names.append(letters(text[span[0]:span[1]]))
        return any(n and (n in place or place in n) for n in names)
    governorate = letters(gold.get("governorate"))
    if not governorate:
        return True  # the gold tells no place: nothing to compare
    return bool(loc) and letters(loc.admin1) == governorate


def matches(gold: dict[str, Any], r: Report, text: str) -> bool:
    """Whether report ``r`` is the gold event (type, date within a day, place) by the README's rules."""
    if SUB_EVENT_TYPES.get(gold.get("sub_event_type")) != r.event_type:
        return False
    days = _days(gold.get("date"), r.date)
    if days is None or days > DATE_DAYS:
        return False
    return _place_matches(gold, r, text)


def align(events: list[dict[str, Any]], reports: list[Report], text: str) -> dict[int, int]:
    """Gold event index -> report index: required events first, in file order, then optional ones."""
    used: set[int] = set()
    out: dict[int, int] = {}
    for optional in (False, True):
        for gi, g in enumerate(events):
            if bool(g.get("optional")) != optional:
                continue
            ri = next((i for i, r in enumerate(reports) if i not in used and matches(g, r, text)), None)
            if ri is not None:
                used.add(ri)
                out[gi] = ri
    return out


def _fatalities_ok(gold: dict[str, Any], r: Report) -> bool:
    want = (gold.get("killed") or {}).get("best")
    got = r.fatalities.best if r.fatalities else None
    if want is None:
        return not got
    return got == want


def _sentence(text: str, pos: int) -> str:
    lo = max(text.rfind(". ", 0, pos) + 2, 0) if pos > 0 else 0
    hi = text.find(". ", pos)
    return text[lo:hi + 1 if hi >= 0 else len(text)]


def _report_line(r: Report, text: str) -> str:
    span = r.evidence.get("sub_event_type") or next(iter(r.evidence.values()), None)
    where = r.location.name if r.location else None
    toll = r.fatalities.best if r.fatalities else None
    said = excerpt(_sentence(text, span[0]), 200) if span else ""
    return f"{r.sub_event_type} {r.date} {where} killed={toll}: {said}"


def quoted(g: dict[str, Any], key: str, text: str) -> str:
    """The words gold gives as its evidence: a quote (``evidence``, ``quote``), or the text under a span
    (``evidence_span``, ``quote_span``: character offsets, for gold that ships without its article's text)."""
    span = g.get(f"{key}_span")
    if span and not g.get(key):
        return text[span[0]:span[1]]
    return g.get(key) or ""


def _gold_line(g: dict[str, Any], text: str) -> str:
    toll = (g.get("killed") or {}).get("best")
    return f"{g.get('sub_event_type')} {g.get('date')} {g.get('place') or g.get('governorate')} killed={toll}: " \
           f"{excerpt(quoted(g, 'evidence', text), 200)}"


def score_multievent(items: list[GoldArticle], preds: list[list[Report]], seconds: float = 0.0) -> Scores:
    """Event precision/recall/F1 and field accuracy on matched events, by the README's rules."""
    s = Scores(dataset="multievent", n=len(items), seconds=seconds)
    events = s.metric("events", "prf")
    n_reports = n_gold = unnamed = 0
    for item, reports in zip(items, preds):
        text = item.article.text
        pairs = align(item.events, reports, text)
        optional_hits = sum(1 for gi in pairs if item.events[gi].get("optional"))
        required = [gi for gi, g in enumerate(item.events) if not g.get("optional")]
        hit = [gi for gi in required if gi in pairs]
        events.tp += len(hit)
        events.fn += len(required) - len(hit)
        events.fp += len(reports) - optional_hits - len(hit)
        n_reports += len(reports)
        n_gold += len(item.events)
        diffs = []
        for gi in hit:
            g, r = item.events[gi], reports[pairs[gi]]
            contested = set(g.get("contested") or [])
            if "sub_event_type" not in contested and \
                    not s.metric("sub_event_type").add(r.sub_event_type == g.get("sub_event_type")):
                diffs.append(f"sub-type: want {g.get('sub_event_type')}, got {r.sub_event_type}")
            if "killed" not in contested and not s.metric("fatalities").add(_fatalities_ok(g, r)):
                diffs.append(f"fatalities: want {(g.get('killed') or {}).get('best')}, got "
                             f"{r.fatalities.best if r.fatalities else None} ({g.get('place')})")
            want_kind = (g.get("actor1") or {}).get("kind")
            got_kind = r.actor1.kind if r.actor1 else None
            if "actor1" not in contested:
                if not s.metric("actor1.kind").add(got_kind == want_kind):
                    diffs.append(f"actor1 kind: want {want_kind}, got {got_kind} ({g.get('place')})")
                if want_kind is None:
                    unnamed += 1
                else:
                    s.metric("actor1.kind.named").add(got_kind == want_kind)
        for gi in required:
            if gi not in pairs:
                diffs.append("missed: " + _gold_line(item.events[gi], item.article.text))
        # A cumulative toll the gold lists is kept on the article (as a fact, not as an event's toll).
        kept = {c.killed.best for c in item.article.cumulative}
        for c in item.cumulative:
            want = (c.get("killed") or {}).get("best")
            if want is not None and not s.metric("cumulative").add(want in kept):
                diffs.append(f"cumulative not kept: {excerpt(quoted(c, 'quote', item.article.text), 120)} ({want})")
        matched = set(pairs.values())
        for ri, r in enumerate(reports):
            if ri not in matched:
                diffs.append("spurious: " + _report_line(r, text))
        s.cases.append(Case(item.id, excerpt(item.article.title or text), len(diffs), diffs))
    # Precision and recall as shares (reports that are required events; required events found), so each gets a floor.
    s.metric("events.precision").correct = s.metric("events.recall").correct = events.tp
    s.metric("events.precision").total = events.tp + events.fp
    s.metric("events.recall").total = events.tp + events.fn
    s.extras = {"reports": n_reports, "gold_events": n_gold,
                "reports_per_gold_event": round(n_reports / n_gold, 3) if n_gold else None,
                "actor1_unnamed_in_gold": unnamed}
    return s
