"""Read queries behind the REST API: plain functions of a connection, usable without the web app."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from typing import Any

import sqlalchemy as sa

from warwire.api.credibility import explained
from warwire.api.filters import EventFilters
from warwire.api.pages import page
from warwire.store.schema import articles, event_reports, events, reports

EVENT_SORTS = {  # name: (column, descending)
    "-date": (events.c.date_start, True), "date": (events.c.date_start, False),
    "-fatalities": (events.c.fatalities_best, True), "fatalities": (events.c.fatalities_best, False),
    "-sources": (events.c.n_sources, True), "sources": (events.c.n_sources, False),
}
# A filtered page first looks for its rows among this many rows in sort order (see pages.page).
WALK = 2000
# The record as stored text: decoded in Python only for the rows a page keeps (a cast, not JSON parsing).
RECORD_JSON = sa.cast(events.c.record, sa.Text).label("record_json")
EXCERPT_MARGIN = 240  # characters of context kept around the evidence spans of a report
ARTICLE_FIELDS = (articles.c.id, articles.c.source_id, articles.c.outlet, articles.c.title, articles.c.published,
                  articles.c.url, articles.c.metadata_date, articles.c.duplicate_of, articles.c.credibility)


def list_events(conn: sa.Connection, filters: EventFilters, sort: str = "-date", cursor: str | None = None,
                limit: int = 50, with_total: bool = False) -> dict[str, Any]:
    """A page of event records matching ``filters``: {items, next_cursor[, total]}."""
    key, descending = EVENT_SORTS[sort]
    keep = (lambda row: filters.keeps_json(row["record_json"])) if filters.tag else None
    walk = None
    if WALK and filters.indexed and conn.dialect.name == "sqlite":
        walk = (WALK, filters.conditions(walk=key.name))
    rows, nxt = page(conn, events, filters.conditions(), sort, key, descending, cursor, limit, keep,
                     [events.c.id, RECORD_JSON], walk)
    claimants = claimants_of(conn, [r.id for r in rows])
    out: dict[str, Any] = {"items": [{**_event_item(json.loads(r.record_json), r.id), "claimants": claimants.get(r.id, [])}
                                     for r in rows], "next_cursor": nxt}
    if with_total:
        out["total"] = count_events(conn, filters)
    return out


def claimants_of(conn: sa.Connection, event_ids: list[str]) -> dict[str, list[str]]:
    """{event id: the sources its reports attribute their figures to, by name}, for a page of events."""
    out: dict[str, list[str]] = defaultdict(list)
    if not event_ids:
        return out
    q = (sa.select(event_reports.c.event_id, reports.c.claimed_by).distinct()
         .select_from(event_reports.join(reports, reports.c.id == event_reports.c.report_id))
         .where(event_reports.c.event_id.in_(event_ids), reports.c.claimed_by.is_not(None))
         .order_by(event_reports.c.event_id, reports.c.claimed_by))
    for event_id, name in conn.execute(q):
        out[event_id].append(name)
    return out


def count_events(conn: sa.Connection, filters: EventFilters) -> int:
    if filters.tag:
        rows = conn.execute(sa.select(RECORD_JSON).where(*filters.conditions()))
        return sum(1 for (text,) in rows if filters.keeps_json(text))
    return conn.execute(sa.select(sa.func.count()).select_from(events).where(*filters.conditions())).scalar_one()


def _event_item(record: dict[str, Any], event_id: str) -> dict[str, Any]:
    return {**record, "id": event_id}


def get_event(conn: sa.Connection, event_id: str) -> dict[str, Any] | None:
    """An event record with its reports, each with its article, evidence spans and a text excerpt."""
    row = conn.execute(sa.select(events.c.record).where(events.c.id == event_id)).first()
    if row is None:
        return None
    q = (sa.select(reports.c.id, reports.c.record, articles.c.text, *ARTICLE_FIELDS[1:],
                   articles.c.id.label("article_id"))
         .select_from(event_reports.join(reports, reports.c.id == event_reports.c.report_id)
                      .join(articles, articles.c.id == reports.c.article_id))
         .where(event_reports.c.event_id == event_id)
         .order_by(articles.c.published, reports.c.id))
    items = []
    for r in conn.execute(q):
        m = r._mapping
        items.append({"id": m["id"], **m["record"], "article": _article_header(m, id_key="article_id"),
                      "excerpt": excerpt(m["text"], m["record"].get("evidence") or {})})
    return {**_event_item(row.record, event_id), "report_items": items}


def excerpt(text: str, evidence: dict[str, list[int]]) -> dict[str, Any]:
    """The part of the article around its evidence spans: {start, end, text}; offsets stay article offsets."""
    spans = [s for s in evidence.values() if isinstance(s, (list, tuple)) and len(s) == 2]
    if spans:
        start = max(0, min(s[0] for s in spans) - EXCERPT_MARGIN)
        end = min(len(text), max(s[1] for s in spans) + EXCERPT_MARGIN)
    else:
        start, end = 0, min(len(text), 2 * EXCERPT_MARGIN)
    return {"start": start, "end": end, "text": text[start:end], "article_length": len(text)}


def _article_header(m: Any, id_key: str = "id") -> dict[str, Any]:
    return {"id": m[id_key], "source_id": m["source_id"], "outlet": m["outlet"], "title": m["title"],
            "published": m["published"], "url": m["url"], "metadata_date": m["metadata_date"],
            "duplicate_of": m["duplicate_of"], "credibility": explained(m["credibility"])}


def list_articles(conn: sa.Connection, outlet: str | None = None, since: date | None = None,
                  until: date | None = None, cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
    """A page of article headers (no text), newest first."""
    where = []
    if outlet:
        where.append(articles.c.outlet == outlet)
    if since:
        where.append(articles.c.published >= since.isoformat())
    if until:
        where.append(articles.c.published <= until.isoformat())
    rows, nxt = page(conn, articles, where, "-published", articles.c.published, True, cursor, limit,
                     columns=list(ARTICLE_FIELDS))
    return {"items": [_article_header(r._mapping) for r in rows], "next_cursor": nxt}


def get_article(conn: sa.Connection, article_id: str) -> dict[str, Any] | None:
    """An article with its text and its reports (each with the id of the event it was linked to)."""
    row = conn.execute(sa.select(*ARTICLE_FIELDS, articles.c.text, articles.c.dateline)
                       .where(articles.c.id == article_id)).first()
    if row is None:
        return None
    q = (sa.select(reports.c.id, reports.c.record, event_reports.c.event_id)
         .select_from(reports.outerjoin(event_reports, event_reports.c.report_id == reports.c.id))
         .where(reports.c.article_id == article_id).order_by(reports.c.idx))
    items = [{"id": r.id, **r.record, "event_id": r.event_id} for r in conn.execute(q)]
    return {**_article_header(row._mapping), "text": row.text, "dateline": row.dateline or [], "reports": items}


def list_reports(conn: sa.Connection, article_id: str | None = None, event_type: str | None = None,
                 admin1: str | None = None, claimed_by: str | None = None, since: date | None = None,
                 until: date | None = None, cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
    """A page of report records, newest event date first."""
    c = reports.c
    where = [col == v for col, v in ((c.article_id, article_id), (c.event_type, event_type),
                                     (c.admin1, admin1), (c.claimed_by, claimed_by)) if v is not None]
    if since:
        where.append(c.date >= since.isoformat())
    if until:
        where.append(c.date <= until.isoformat())
    rows, nxt = page(conn, reports, where, "-date", c.date, True, cursor, limit,
                     columns=[c.id, c.date, c.article_id, c.record])
    return {"items": [{"id": r.id, "article_id": r.article_id, **r.record} for r in rows], "next_cursor": nxt}


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
    for i in range(0, len(ids), 500):  # stay under the bound-parameter limits of both databases
        for event_id, text in conn.execute(sa.select(events.c.id, RECORD_JSON).where(events.c.id.in_(ids[i:i + 500]))):
            parties = {v.get("report") for c in json.loads(text).get("contradictions") or []
                       for v in c.get("values") or []}
            contradicted.update(o for rid, o in disputed[event_id] if rid in parties)
    return sorted(({"outlet": o or None, "articles": n, "reports": n_reports.get(o, 0),
                    "corroborated": corroborated.get(o, 0), "contradicted": contradicted.get(o, 0)}
                   for o, n in n_articles.items()), key=lambda d: -d["reports"])
