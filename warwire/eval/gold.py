"""The project gold: short texts written for warwire, each with the reports a careful coder would make.

One JSON object a line: ``{"id", "text", "published", "outlet", "title"?, "reports": [...]}``.
An expected report gives only the fields its author is sure of (any subset of
the report record); an explicit ``null`` means "must be empty" (e.g.
``"claimed_by": null``: the outlet speaks for itself). The list of reports is
complete: a predicted report that matches none is a false positive, except a
running total tagged ``cumulative`` (a summary, not an event) when the gold
lists none.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warwire.errors import E, WarwireError
from warwire.eval.scoring import Case, Scores, actor_key, admin1, excerpt, same_location
from warwire.model import SUB_EVENT_TYPES, Article, Report

#: Points for what two reports share when aligning expected to predicted reports.
#: Claimant and toll only break ties between accounts of one event that disagree.
ALIGN_POINTS = {"sub_event_type": 4, "cumulative": 4, "location": 2, "date": 1, "claimed_by": 1, "fatalities": 1}
CUMULATIVE = "cumulative"


@dataclass
class GoldItem:
    id: str
    text: str
    published: str | None
    outlet: str | None
    title: str | None
    reports: list[dict[str, Any]]

    def article(self) -> Article:
        return Article(text=self.text, source_id=self.id, outlet=self.outlet, title=self.title,
                       published=self.published, origin=f"gold:{self.id}")


def bundled_gold() -> Path:
    """The gold file shipped with warwire."""
    return Path(__file__).resolve().parent.parent / "data" / "gold" / "extraction.jsonl"


def _check(item: dict[str, Any]) -> str | None:
    for key in ("id", "text", "reports"):
        if key not in item:
            return f"no {key!r}"
    if not isinstance(item["reports"], list):
        return "'reports' is not a list"
    for i, r in enumerate(item["reports"]):
        sub = r.get("sub_event_type")
        if sub is not None and sub not in SUB_EVENT_TYPES:
            return f"reports[{i}].sub_event_type {sub!r} is not an ACLED sub-event type"
        if sub and r.get("event_type") and SUB_EVENT_TYPES[sub] != r["event_type"]:
            return f"reports[{i}]: {sub!r} is not a sub-type of {r['event_type']!r}"
    return None


def read_gold(path: Path | str) -> list[GoldItem]:
    """The gold items of a JSONL file; a malformed line raises E202 naming the file and line."""
    path = Path(path)
    items, seen = [], set()
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise WarwireError(E.E202, where=path, line=n, why=str(e)) from None
        why = _check(d) if isinstance(d, dict) else "not a JSON object"
        if not why and d["id"] in seen:
            why = f"duplicate id {d['id']!r}"
        if why:
            raise WarwireError(E.E202, where=path, line=n, why=why)
        seen.add(d["id"])
        items.append(GoldItem(d["id"], d["text"], d.get("published"), d.get("outlet"), d.get("title"),
                              d["reports"]))
    return items


def _leaves(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Expected fields as dotted paths: {"location": {"name": "Douma"}} -> {"location.name": "Douma"}."""
    out = {}
    for k, v in d.items():
        if k in ("evidence", "confidence"):
            continue
        if isinstance(v, dict):
            out.update(_leaves(v, f"{prefix}{k}."))
        else:
            out[prefix + k] = v
    return out


def _get(d: dict[str, Any] | None, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(d, dict):
            return None
        d = d.get(part)
    return d


def field_matches(path: str, want: Any, got: Any) -> bool:
    """Whether a predicted value satisfies an expected one, for the field at ``path``."""
    if want is None:
        # An expected null: nothing may be there (an empty count object counts as nothing).
        return not got or (isinstance(got, dict) and not any(v for v in got.values()))
    if got is None:
        return False
    if path == "tags":
        return set(want) == set(got)
    if path == "location.admin1":
        return admin1(want) == admin1(got)
    if path.endswith(".name"):
        return actor_key(str(want)) == actor_key(str(got))
    return want == got


def _align_points(exp: dict[str, Any], got: dict[str, Any]) -> int:
    pts = 0
    if exp.get("sub_event_type") and exp["sub_event_type"] == got.get("sub_event_type"):
        pts += ALIGN_POINTS["sub_event_type"]
    if _get(exp, "location.name") and same_location(_get(exp, "location.name"), _get(exp, "location.admin1"),
                                                    got.get("location")):
        pts += ALIGN_POINTS["location"]
    if exp.get("date") and exp["date"] == got.get("date"):
        pts += ALIGN_POINTS["date"]
    if _cumulative(exp) and _cumulative(got):
        pts += ALIGN_POINTS["cumulative"]
    if pts and _get(exp, "claimed_by.name") and field_matches("claimed_by.name", _get(exp, "claimed_by.name"),
                                                              _get(got, "claimed_by.name")):
        pts += ALIGN_POINTS["claimed_by"]
    if pts and _get(exp, "fatalities.best") is not None and _get(exp, "fatalities.best") == _get(got, "fatalities.best"):
        pts += ALIGN_POINTS["fatalities"]
    return pts


def _cumulative(r: dict[str, Any]) -> bool:
    return CUMULATIVE in (r.get("tags") or [])


def align(expected: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (expected index, predicted index), greedily by shared sub-type, place and date.

    Reports that share none of the three (or the ``cumulative`` tag) stay unpaired: a miss and a
    false positive. Claimant and toll decide between two accounts of the same strike.
    """
    scored = sorted(((_align_points(e, p), i, j) for i, e in enumerate(expected) for j, p in enumerate(predicted)),
                    key=lambda t: (-t[0], t[1], t[2]))
    used_e, used_p, pairs = set(), set(), []
    for pts, i, j in scored:
        if pts and i not in used_e and j not in used_p:
            used_e.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _label(r: dict[str, Any]) -> str:
    return f"{r.get('sub_event_type')} @ {_get(r, 'location.name')} {r.get('date') or ''}".strip()


def score_gold(items: list[GoldItem], predictions: list[list[Report]], seconds: float = 0.0) -> Scores:
    """Report-level P/R/F1 (on sub-event type and on event type) and per-field accuracy over aligned pairs."""
    scores = Scores("gold", n=len(items), seconds=seconds)
    reports = scores.metric("reports", "prf")
    types = scores.metric("reports.event_type", "prf")
    for item, preds in zip(items, predictions, strict=True):
        got = [p.to_dict() for p in preds]
        pairs = align(item.reports, got)
        if not any(_cumulative(e) for e in item.reports):
            paired = {j for _, j in pairs}
            keep = [j for j in range(len(got)) if j in paired or not _cumulative(got[j])]
            got = [got[j] for j in keep]
            pairs = align(item.reports, got)
        diffs: list[str] = []
        tp = sum(item.reports[i].get("sub_event_type") in (None, got[j]["sub_event_type"]) for i, j in pairs)
        reports.tp += tp
        reports.fp += len(got) - tp
        reports.fn += len(item.reports) - tp
        t_tp = sum(item.reports[i].get("event_type") in (None, got[j]["event_type"]) for i, j in pairs)
        types.tp += t_tp
        types.fp += len(got) - t_tp
        types.fn += len(item.reports) - t_tp
        paired_e = {i for i, _ in pairs}
        paired_p = {j for _, j in pairs}
        diffs += [f"missed: {_label(item.reports[i])}" for i in range(len(item.reports)) if i not in paired_e]
        diffs += [f"spurious: {_label(got[j])}" for j in range(len(got)) if j not in paired_p]
        for i, j in pairs:
            for path, want in _leaves(item.reports[i]).items():
                have = _get(got[j], path)
                if path == "location.name" and want:
                    ok = same_location(want, _get(item.reports[i], "location.admin1"), got[j].get("location"))
                else:
                    ok = field_matches(path, want, have)
                if not scores.metric(path).add(ok):
                    diffs.append(f"{path}: want {want!r}, got {have!r}")
        if diffs:
            scores.cases.append(Case(item.id, excerpt(item.text), len(diffs), diffs))
    return scores
