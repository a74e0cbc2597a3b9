"""Aggregates over the events matching a filter and over outlets: what the dashboard's charts and outlet page show."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

import sqlalchemy as sa

from warwire.knowledge.sources import split_sources
from warwire.store.filters import EventFilters
from warwire.store.schema import articles, event_reports, events, reports
from warwire.store.sql import IN_CHUNK

RECORD_JSON = sa.cast(events.c.record, sa.Text).label("record_json")


def stats(conn: sa.Connection, filters: EventFilters, top: int = 30) -> dict[str, Any]:
    """Events and deaths by day and type, by type, by actor and by governorate, for the events matching ``filters``."""
    if filters.tag:  # tags are only in the record: aggregate the matching rows here
        return _stats_in_python(conn, filters, top)
    c = events.c
    deaths = sa.func.coalesce(c.fatalities_best, 0)
    where = filters.conditions()

    def grouped(*cols):
        q = sa.select(*cols, sa.func.count(), sa.func.sum(deaths)).where(*where).group_by(*cols)
        return conn.execute(q).all()

    day_type = grouped(c.date_start, c.event_type)
    types: dict = defaultdict(lambda: [0, 0])
    for _, t, n, k in day_type:  # by type from by day: one pass over the table fewer
        types[t][0] += n
        types[t][1] += int(k or 0)
    by_day = [{"date": d, "event_type": t, "events": n, "deaths": int(k or 0)} for d, t, n, k in day_type if d]
    by_type = [{"event_type": t, "events": n, "deaths": k} for t, (n, k) in types.items()]
    by_admin1 = [{"admin1": a, "events": n, "deaths": int(k or 0)} for a, n, k in grouped(c.admin1)]
    actors: Counter = Counter()
    for col in (c.actor1, c.actor2):
        actors.update({name: n for name, n, _ in grouped(col) if name})
    return _shape(by_day, by_type, by_admin1, actors, top)


def _stats_in_python(conn: sa.Connection, filters: EventFilters, top: int) -> dict[str, Any]:
    c = events.c
    cols = [c.date_start, c.event_type, c.admin1, c.actor1, c.actor2, c.fatalities_best, RECORD_JSON]
    day: dict = defaultdict(lambda: [0, 0])
    typ: dict = defaultdict(lambda: [0, 0])
    adm: dict = defaultdict(lambda: [0, 0])
    actors: Counter = Counter()
    for r in conn.execute(sa.select(*cols).where(*filters.conditions())):
        if not filters.keeps_json(r.record_json):
            continue
        k = r.fatalities_best or 0
        for table, key in ((day, (r.date_start, r.event_type)), (typ, r.event_type), (adm, r.admin1)):
            table[key][0] += 1
            table[key][1] += k
        actors.update(a for a in (r.actor1, r.actor2) if a)
    by_day = [{"date": d, "event_type": t, "events": n, "deaths": k} for (d, t), (n, k) in day.items() if d]
    by_type = [{"event_type": t, "events": n, "deaths": k} for t, (n, k) in typ.items()]
    by_admin1 = [{"admin1": a, "events": n, "deaths": k} for a, (n, k) in adm.items()]
    return _shape(by_day, by_type, by_admin1, actors, top)


def _shape(by_day, by_type, by_admin1, actors: Counter, top: int) -> dict[str, Any]:
    return {
        "events": sum(t["events"] for t in by_type),
        "deaths": sum(t["deaths"] for t in by_type),
        "by_day": sorted(by_day, key=lambda d: (d["date"], d["event_type"] or "")),
        "by_type": sorted(by_type, key=lambda t: -t["events"]),
        "by_actor": [{"actor": a, "events": n} for a, n in actors.most_common(top)],
        "by_admin1": sorted(by_admin1, key=lambda a: -a["events"]),
    }


def outlets(conn: sa.Connection) -> list[dict[str, Any]]:
    """Per outlet: articles, reports, reports corroborated (in events with 2+ sources) and contradicted
    (one side of a disagreement in their event)."""
    outlet = sa.func.coalesce(articles.c.outlet, "")
    n_articles = dict(conn.execute(sa.select(outlet, sa.func.count()).group_by(outlet)).all())
    linked = (reports.join(articles, articles.c.id == reports.c.article_id)
              .outerjoin(event_reports, event_reports.c.report_id == reports.c.id)
              .outerjoin(events, events.c.id == event_reports.c.event_id))
    corroborating = sa.case((events.c.n_sources >= 2, 1), else_=0)
    q = sa.select(outlet, sa.func.count(), sa.func.sum(corroborating)).select_from(linked).group_by(outlet)
    n_reports, corroborated = Counter(), Counter()
    for name, n, k in conn.execute(q):
        n_reports[name], corroborated[name] = n, int(k or 0)
    disputed: dict[str, list[tuple[str, str]]] = defaultdict(list)  # event id: [(report id, outlet)]
    q = (sa.select(outlet, reports.c.id, events.c.id).select_from(linked)
         .where(events.c.n_contradictions > 0))
    for name, report_id, event_id in conn.execute(q):
        disputed[event_id].append((report_id, name))
    contradicted: Counter = Counter()
    ids = list(disputed)
    for i in range(0, len(ids), IN_CHUNK):  # stay under the bound-parameter limits of both databases
        for event_id, text in conn.execute(sa.select(events.c.id, RECORD_JSON).where(events.c.id.in_(ids[i:i + IN_CHUNK]))):
            parties = {v.get("report") for c in json.loads(text).get("contradictions") or []
                       for v in c.get("values") or []}
            contradicted.update(o for rid, o in disputed[event_id] if rid in parties)
    return _by_outlet(n_articles, n_reports, corroborated, contradicted)


def _by_outlet(n_articles: Counter | dict, *counts: Counter) -> list[dict[str, Any]]:
    """Counts by source field folded into counts by outlet: a field naming several outlets ("SOHR; SANA", an
    ACLED source list) counts for each, and one outlet however cased ("REUTERS", "reuters") is one row."""
    names: dict[str, str] = {}
    totals: dict[str, list[int]] = defaultdict(lambda: [0] * (1 + len(counts)))
    for field in set(n_articles) | {f for c in counts for f in c}:
        outlets = split_sources(field)[0] if field else []
        for outlet in outlets or [""]:
            key = outlet.casefold()
            names.setdefault(key, outlet)
            row = totals[key]
            for i, c in enumerate((n_articles, *counts)):
                row[i] += c.get(field, 0)
    return sorted(({"outlet": names[k] or None, "articles": n, "reports": r, "corroborated": k2, "contradicted": x}
                   for k, (n, r, k2, x) in totals.items()), key=lambda d: (-d["reports"], d["outlet"] or ""))
