"""The summary of the events matching a filter: what the dashboard's summary panel and the brief show.

Totals come from the store (every matching event, not a page of them): events, deaths as
low/best/high sums, deaths by perpetrator, by type and by claimant, the top places, and how
well the period is covered by articles.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any, Iterable

import sqlalchemy as sa

from warwire.resources import stage_settings
from warwire.store.filters import EventFilters
from warwire.store.schema import articles, event_reports, events, reports

# Served by the API: api/settings.yaml says what each means.
TOP = int(stage_settings("api")["summary"]["top"])
MAX_GAP_DAYS = int(stage_settings("api")["summary"]["max_gap_days"])


def matching(conn: sa.Connection, filters: EventFilters, *columns: Any) -> Iterable[sa.Row]:
    """Rows of ``columns`` (plus the id) for every event matching ``filters``, tags included; a column is an
    ``events`` column or its name."""
    record = sa.cast(events.c.record, sa.Text).label("record_json")
    extra = [record] if filters.tag else []
    columns = tuple(events.c[c] if isinstance(c, str) else c for c in columns)
    rows = conn.execute(sa.select(events.c.id, *columns, *extra).where(*filters.conditions()))
    return (r for r in rows if not filters.tag or filters.keeps_json(r.record_json))


def summary(conn: sa.Connection, filters: EventFilters, top: int = TOP) -> dict[str, Any]:
    """{events, deaths: {low, best, high}, by_perpetrator, by_type, by_claimant, top_places, coverage}."""
    c = events.c
    n = 0
    deaths = {"low": 0, "best": 0, "high": 0}
    perpetrators: dict = defaultdict(lambda: [0, 0])
    types: dict = defaultdict(lambda: [0, 0])
    places: dict = defaultdict(lambda: [0, 0])
    ids: set[str] = set()
    first = last = None
    for r in matching(conn, filters, c.event_type, c.actor1, c.location_name, c.admin1, c.fatalities_low,
                      c.fatalities_best, c.fatalities_high, c.date_start, c.date_end):
        n += 1
        ids.add(r.id)
        best = r.fatalities_best or 0
        deaths["best"] += best
        deaths["low"] += r.fatalities_low if r.fatalities_low is not None else best
        deaths["high"] += r.fatalities_high if r.fatalities_high is not None else best
        for table, key in ((perpetrators, r.actor1 or "unknown"), (types, r.event_type),
                           (places, (r.location_name or "unknown place", r.admin1))):
            table[key][0] += 1
            table[key][1] += best
        if r.date_start:
            first = min(first or r.date_start, r.date_start)
            last = max(last or r.date_start, r.date_end or r.date_start)

    def ranked(table: dict, name: str) -> list[dict[str, Any]]:
        items = sorted(table.items(), key=lambda kv: (-kv[1][1], -kv[1][0], str(kv[0])))
        return [{name: k, "events": v[0], "deaths": v[1]} for k, v in items]

    return {
        "events": n, "deaths": deaths,
        "by_perpetrator": ranked(perpetrators, "actor")[:top],
        "by_type": ranked(types, "event_type"),
        "by_claimant": by_claimant(conn, filters, ids)[:top],
        "top_places": [{"place": p, "admin1": a, "events": e, "deaths": d}
                       for (p, a), e, d in ((x["place"], x["events"], x["deaths"])
                                            for x in ranked(places, "place"))][:top],
        "coverage": coverage(conn, filters.since or _day(first), filters.until or _day(last)),
    }


def by_claimant(conn: sa.Connection, filters: EventFilters, ids: set[str]) -> list[dict[str, Any]]:
    """Per claimant (the source a report attributes its figures to, or the outlet when none): the events it
    reported and the deaths it claimed, its highest figure per event summed."""
    who = sa.func.coalesce(reports.c.claimed_by, sa.literal("(outlet's own reporting)"))
    q = (sa.select(event_reports.c.event_id, who.label("who"), sa.func.max(reports.c.fatalities))
         .select_from(event_reports.join(reports, reports.c.id == event_reports.c.report_id)
                      .join(events, events.c.id == event_reports.c.event_id))
         .where(*filters.conditions()).group_by(event_reports.c.event_id, who))
    table: dict = defaultdict(lambda: [0, 0])
    for event_id, name, most in conn.execute(q):
        if event_id not in ids:
            continue
        table[name][0] += 1
        table[name][1] += most or 0
    return [{"claimant": k, "events": v[0], "deaths": v[1]}
            for k, v in sorted(table.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))]


def coverage(conn: sa.Connection, since: date | None, until: date | None) -> dict[str, Any]:
    """The first and last article date in the store, and the days of [since, until] with no article."""
    first, last = conn.execute(sa.select(sa.func.min(articles.c.published), sa.func.max(articles.c.published))).one()
    out: dict[str, Any] = {"first_article": first, "last_article": last, "since": _iso(since), "until": _iso(until),
                           "days": None, "days_without_articles": None, "gaps": []}
    if since is None or until is None or until < since or (until - since).days > MAX_GAP_DAYS:
        return out
    published = {d for (d,) in conn.execute(sa.select(articles.c.published).distinct()
                                            .where(articles.c.published.between(since.isoformat(), until.isoformat())))}
    days = [since + timedelta(days=i) for i in range((until - since).days + 1)]
    empty = [d for d in days if d.isoformat() not in published]
    gaps: list[list[str]] = []
    for d in empty:  # runs of consecutive empty days
        if gaps and date.fromisoformat(gaps[-1][1]) + timedelta(days=1) == d:
            gaps[-1][1] = d.isoformat()
        else:
            gaps.append([d.isoformat(), d.isoformat()])
    out.update(days=len(days), days_without_articles=len(empty), gaps=gaps)
    return out


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
