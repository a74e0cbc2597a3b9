"""One event record from the reports linked into it.

Event id: ``ev`` + the first 14 hex digits of SHA-256 of the smallest report
id among its reports. The same reports always give the same id, whatever the
input order; an event that gains reports keeps its id unless a report sorting
before all of its own joins it (then the old id is listed as replaced).
"""
from __future__ import annotations

import copy
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from warwire.knowledge import packs
from warwire.knowledge.sources import split_sources
from warwire.link import estimates
from warwire.link.rules import ArticleMeta, canonical_actor, day_number, is_generic, is_late, is_reference, settings
from warwire.model import SUB_EVENT_TYPES, Actor, Event, Location, Report


def event_id(report_ids: Sequence[str]) -> str:
    return "ev" + hashlib.sha256(min(report_ids).encode("utf-8")).hexdigest()[:14]


def _vote(values: list, order: Sequence) -> object | None:
    """The most frequent value; ties go to the one seen first in ``order``."""
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in order if counts.get(v) == top)


def _actor(reports: Sequence[Report], role: str) -> Actor | None:
    """The most frequent named actor in a role; a generic one only when nobody is named."""
    actors = [getattr(r, role) for r in reports if getattr(r, role) is not None]
    named = [a for a in actors if not is_generic(a)] or actors
    if not named:
        return None
    keys = [canonical_actor(a) for a in named]
    top = _vote(keys, keys)
    return copy.copy(next(a for a, k in zip(named, keys) if k == top))


@lru_cache(maxsize=1)
def conflict_countries() -> frozenset[str]:
    """The countries of the wars warwire knows (each pack's country), case-folded."""
    return frozenset(packs.load(name).country.casefold() for name in packs.names())


def abroad(loc: Location) -> bool:
    """A place outside every war warwire knows (a capital where a ministry spoke, a city in exile)."""
    return bool(loc.country) and loc.country.casefold() not in conflict_countries()


def places_happening(r: Report) -> bool:
    """Whether the report's own text places what happened at its place: the place is named for the
    happening, not only as where its claimant spoke ("a spokesman said in Washington")."""
    place = r.evidence.get("location")
    if not place:
        return False
    claim = r.evidence.get("claimed_by")
    if not claim:
        return True
    reach = settings()["linking"]["statement_place_reach"]
    return place[0] > claim[1] + reach or place[1] < claim[0] - reach


def _location(reports: Sequence[Report]) -> Location | None:
    """The most precise place the reports give, in the country most of them place it in; among
    equally precise ones, the most named. A place outside the wars' countries never wins over one
    inside them, and stands alone only when a report places the happening there: a statement's city
    abroad (a capital where a ministry spoke) is not the event's place."""
    located = [r.location for r in reports if r.location is not None and not abroad(r.location)]
    if not located:
        located = [r.location for r in reports if r.location is not None and places_happening(r)]
    if not located:
        return None
    countries = [(loc.country or "").casefold() for loc in located]
    if len(set(countries)) > 1:
        top = _vote([c for c in countries if c] or countries, countries)
        located = [loc for loc, c in zip(located, countries) if c == top]
    finest = min(loc.geo_precision or 3 for loc in located)
    candidates = [loc for loc in located if (loc.geo_precision or 3) == finest]
    keys = [(loc.geonames_id, (loc.name or "").casefold()) for loc in candidates]
    top = _vote(keys, keys)
    return copy.copy(next(loc for loc, k in zip(candidates, keys) if k == top))


def _dates(reports: Sequence[Report],
           articles: Mapping[str, ArticleMeta] | None = None) -> tuple[str | None, str | None]:
    """First and last date given by the most precisely dated reports; a late report (``rules.is_late``: dated
    by a later publication day) gives none when the others are dated before it, beyond ``days_apart``. When every
    report is dated by its publication day (stories telling only the day they came out), the earliest tells the
    happening's day."""
    dated = [r for r in reports if r.date]
    if not dated:
        return None, None
    if articles:
        own = [r for r in dated if not is_late(r, articles.get(r.article_id or ""))]
        anchor = own or [min(dated, key=lambda r: (day_number(r.date), r.id or ""))]
        last = max(day_number(r.date) for r in anchor) + settings()["linking"]["days_apart"]
        dated = own + [r for r in dated if r not in own and day_number(r.date) <= last]
    finest = min(r.date_precision or 1 for r in dated)
    dates = sorted(r.date for r in dated if (r.date_precision or 1) == finest)
    return dates[0], dates[-1]


def build_event(reports: Sequence[Report], articles: Mapping[str, ArticleMeta],
                reasons: Mapping[str, str] | None = None) -> Event:
    """The event record of a group of linked reports (contradictions are added by verify).

    ``reasons``: why each report joined (report id -> its strongest link), kept as ``link_reasons``."""
    reports = sorted(reports, key=lambda r: r.id or "")
    # What happened, when and where is what the news reports say; references (past mentions) add only
    # their sources and tolls.
    news = [r for r in reports if not is_reference(r)] or reports
    order = sorted(news, key=lambda r: (not r.primary, -r.confidence, r.id or ""))
    subs = [r.sub_event_type for r in order]
    sub = _vote(subs, subs)
    event_type = SUB_EVENT_TYPES.get(sub, order[0].event_type)
    start, end = _dates(news, articles)
    named: dict[str, str] = {}
    for r in reports:  # a source list ("SOHR; SANA") is several outlets; one outlet in any case is one
        meta = articles.get(r.article_id or "")
        for outlet in split_sources(meta.outlet if meta else None)[0]:
            named.setdefault(outlet.casefold(), outlet)
    outlets = sorted(named.values(), key=str.casefold)
    ids = [r.id for r in reports]
    return Event(
        id=event_id(ids), event_type=event_type, sub_event_type=sub,
        tags=sorted({t for r in news for t in r.tags}),
        date_start=start, date_end=end, location=_location(order),
        actor1=_actor(order, "actor1"), actor2=_actor(order, "actor2"),
        fatalities=estimates.fatalities(reports, articles), victims=estimates.victims(reports, articles),
        reports=ids, outlets=outlets, n_sources=estimates.n_sources(reports, articles),
        link_reasons={rid: reasons[rid] for rid in ids if reasons and rid in reasons} if len(ids) > 1 else {},
    )
