"""Where the reports of one event disagree: death toll, perpetrator, date, place, victims.

A disagreement is flagged only when nothing innocent explains it:

- fatalities: two sources' tolls whose ranges do not meet (an "at least 12"
  meets 20; 23 and 7 do not), allowing the small slack of ``settings.yaml``.
  A higher toll published on a later day than a lower one is the count
  growing, not a contradiction; the same source's successive figures never
  contradict each other; a toll that *drops* in a later article does.
- actor1: two named, different perpetrators (Russian jets / rebel shelling);
  a generic "unidentified" actor disagrees with nobody.
- date: two dates further apart than the finer report's precision allows.
- location: two places further apart than their precision allows.
- victims: one report counts the dead (or the target, actor2) as civilians,
  another as fighters.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from warwire.link.estimates import claim_bounds, source_of
from warwire.link.rules import (ArticleMeta, day_number, is_generic, places_compatible, same_actor,
                                settings)
from warwire.model import YEAR_TOLD, Contradiction, Event, Report

#: Days two dates may differ within a precision (``YEAR_TOLD``: a year, dated to its first day).
DATE_GRAIN = {1: 0, 2: 7, 3: 31, YEAR_TOLD: 365}


def _published(r: Report, articles: Mapping[str, ArticleMeta]) -> str | None:
    meta = articles.get(r.article_id or "")
    return meta.published if meta else None


def tolls_consistent(a: Report, b: Report) -> bool:
    """The two claims' ranges meet, within the slack for rounding and late counts."""
    (la, ha), (lb, hb) = claim_bounds(a), claim_bounds(b)
    if a.fatalities.qualifier == "at_least" or (a.fatalities.high is None and a.fatalities.qualifier == "vague"):
        ha = None
    if b.fatalities.qualifier == "at_least" or (b.fatalities.high is None and b.fatalities.qualifier == "vague"):
        hb = None
    if a.fatalities.qualifier == "at_most":
        la = 0
    if b.fatalities.qualifier == "at_most":
        lb = 0
    tol = settings()["fatality_tolerance"]
    gap = max(la - hb if hb is not None else 0, lb - ha if ha is not None else 0, 0)
    top = max(x for x in (la, ha, lb, hb) if x is not None)
    return gap <= max(tol["absolute"], tol["relative"] * top)


def toll_update(a: Report, b: Report, articles: Mapping[str, ArticleMeta]) -> bool:
    """The higher toll came out on a later day than the lower one: the count grew."""
    pa, pb = _published(a, articles), _published(b, articles)
    if not pa or not pb or pa == pb:
        return False
    early, late = (a, b) if pa < pb else (b, a)
    return claim_bounds(late)[0] >= claim_bounds(early)[0]


def _has_toll(r: Report) -> bool:
    return r.fatalities.best is not None or r.fatalities.low is not None


def fatalities_disagree(a: Report, b: Report, articles: Mapping[str, ArticleMeta]) -> bool:
    if not (_has_toll(a) and _has_toll(b)) or source_of(a, articles) == source_of(b, articles):
        return False
    return not tolls_consistent(a, b) and not toll_update(a, b, articles)


def one_voice(a: Report, b: Report, articles: Mapping[str, ArticleMeta]) -> bool:
    """Two reports of one article from one source: parts of one account ("the other five dead were
    Islamic State fighters"), which cannot contradict each other; sources disagree, not sentences."""
    return a.article_id is not None and a.article_id == b.article_id and source_of(a, articles) == source_of(b, articles)


def actors_disagree(a: Report, b: Report, articles: Mapping[str, ArticleMeta] = {}) -> bool:
    x, y = a.actor1, b.actor1
    return not is_generic(x) and not is_generic(y) and not same_actor(x, y) and not one_voice(a, b, articles)


def dates_disagree(a: Report, b: Report, articles: Mapping[str, ArticleMeta] = {}) -> bool:
    if not a.date or not b.date:
        return False
    grain = DATE_GRAIN.get(max(a.date_precision or 1, b.date_precision or 1), 0)
    return abs(day_number(a.date) - day_number(b.date)) > grain


def places_disagree(a: Report, b: Report, articles: Mapping[str, ArticleMeta] = {}) -> bool:
    if a.location is None or b.location is None:
        return False
    return not places_compatible(a.location, b.location)


def _victim_side(r: Report) -> str | None:
    """'civilians' or 'fighters' when the report says who was hit, None when it does not."""
    v = r.victims
    civ, fighters = (v.civilians or 0) + (v.children or 0) + (v.women or 0), v.combatants or 0
    if civ and not fighters:
        return "civilians"
    if fighters and not civ:
        return "fighters"
    if r.actor2 is not None and r.actor2.kind and not civ and not fighters:
        return "civilians" if r.actor2.kind == "Civilians" else "fighters"
    return None


def victims_disagree(a: Report, b: Report, articles: Mapping[str, ArticleMeta] = {}) -> bool:
    sa, sb = _victim_side(a), _victim_side(b)
    return sa is not None and sb is not None and sa != sb and not one_voice(a, b, articles)


def _value(fieldname: str, r: Report):
    if fieldname == "fatalities":
        return r.fatalities.to_dict()
    if fieldname == "actor1":
        return r.actor1.name if r.actor1 else None
    if fieldname == "date":
        return r.date
    if fieldname == "location":
        return r.location.name if r.location else None
    return {"side": _victim_side(r), **r.victims.to_dict(), "actor2": r.actor2.name if r.actor2 else None}


CHECKS: dict[str, Callable[[Report, Report, Mapping[str, ArticleMeta]], bool]] = {
    "fatalities": fatalities_disagree, "actor1": actors_disagree, "date": dates_disagree,
    "location": places_disagree, "victims": victims_disagree,
}


def find_contradictions(event: Event, reports: Sequence[Report],
                        articles: Mapping[str, ArticleMeta]) -> list[Contradiction]:
    """The fields on which an event's reports disagree, each with the reports on every side."""
    mine = sorted((r for r in reports if r.id in set(event.reports)), key=lambda r: r.id or "")
    found = []
    for fieldname, disagree in CHECKS.items():
        involved: dict[str, Report] = {}
        for i, a in enumerate(mine):
            for b in mine[i + 1:]:
                if disagree(a, b, articles):
                    involved[a.id], involved[b.id] = a, b
        if involved:
            values = []
            for r in sorted(involved.values(), key=lambda r: (_published(r, articles) or "", r.id)):
                meta = articles.get(r.article_id or "")
                values.append({"value": _value(fieldname, r), "report": r.id,
                               "outlet": meta.outlet if meta else None,
                               "claimed_by": r.claimed_by.name if r.claimed_by else None})
            found.append(Contradiction(field=fieldname, values=values))
    return found


def with_contradictions(events: Sequence[Event], reports: Mapping[str, Report],
                        articles: Mapping[str, ArticleMeta]) -> list[Event]:
    """The events with ``contradictions`` filled in from their reports (changed in place)."""
    for e in events:
        e.contradictions = find_contradictions(e, [reports[rid] for rid in e.reports if rid in reports], articles)
    return list(events)


EVIDENCE_KEYS = {"fatalities": ("fatalities",), "actor1": ("actor1",), "date": ("date",),
                 "location": ("location",), "victims": ("victims", "actor2")}


def evidence_quote(r: Report, fieldname: str, text: str | None) -> str | None:
    """The words of the article that support the report's value for a contradicted field."""
    if not text:
        return None
    prefixes = EVIDENCE_KEYS.get(fieldname, (fieldname,))
    spans = [span for key, span in sorted(r.evidence.items())
             if key.split(".")[0] in prefixes and len(span) == 2]
    quotes = [text[start:end] for start, end in spans if 0 <= start < end <= len(text)]
    return " … ".join(quotes) or None


def link_and_check(store, full: bool = False, progress=None):
    """Link the store's reports into events (``warwire.link.store.link_store``), then find each new
    event's contradictions before it is saved: the pipeline's order, linking first."""
    from warwire.link.store import link_store

    return link_store(store, full=full, progress=progress, annotate=with_contradictions)
