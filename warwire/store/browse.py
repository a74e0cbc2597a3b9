"""Pages and single items of events, reports and articles: the read queries behind the REST API.

Plain functions of a connection, usable without the web app. An article's stored credibility is
handed back as stored; the API adds its explanation.
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any, Iterator

import sqlalchemy as sa

from warwire.resources import stage_settings
from warwire.store.filters import EventFilters, names_outlet
from warwire.store.pages import page
from warwire.store.schema import articles, event_reports, events, reports

EVENT_SORTS = {  # name: (column, descending)
    "-date": (events.c.date_start, True), "date": (events.c.date_start, False),
    "-fatalities": (events.c.fatalities_best, True), "fatalities": (events.c.fatalities_best, False),
    "-sources": (events.c.n_sources, True), "sources": (events.c.n_sources, False),
}
# A filtered page first looks for its rows among this many rows in sort order (see store/pages.page).
WALK = int(stage_settings("api")["pages"]["walk_rows"])
# The record as stored text: decoded in Python only for the rows a page keeps (a cast, not JSON parsing).
RECORD_JSON = sa.cast(events.c.record, sa.Text).label("record_json")
EXCERPT_MARGIN = int(stage_settings("api")["pages"]["excerpt_margin"])
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
            "duplicate_of": m["duplicate_of"], "credibility": m["credibility"]}


def list_articles(conn: sa.Connection, outlet: str | None = None, since: date | None = None,
                  until: date | None = None, cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
    """A page of article headers (no text), newest first."""
    where = []
    if outlet:
        where.append(names_outlet(articles.c.outlet, outlet))
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


def _records_query(filters: EventFilters, newest_first: bool = False) -> sa.Select:
    order = ([events.c.date_start.desc().nulls_last(), events.c.id.desc()] if newest_first
             else [events.c.date_start.asc().nulls_last(), events.c.id])
    return sa.select(events.c.id, RECORD_JSON).where(*filters.conditions()).order_by(*order)


def stream_event_records(conn: sa.Connection, filters: EventFilters, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every event record matching ``filters`` with its id, oldest first, streamed in batches."""
    rows = conn.execution_options(stream_results=True, yield_per=batch).execute(_records_query(filters))
    for row in rows:
        if filters.keeps_json(row.record_json):
            yield _event_item(json.loads(row.record_json), row.id)


def event_records(conn: sa.Connection, filters: EventFilters, ids: list[str] | None = None,
                  newest_first: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
    """The event records matching ``filters`` (and among ``ids`` when given) with their ids, oldest or newest first."""
    q = _records_query(filters, newest_first)
    if ids is not None:
        q = q.where(events.c.id.in_(ids))
    out = []
    for r in conn.execute(q):
        if filters.keeps_json(r.record_json):
            out.append(_event_item(json.loads(r.record_json), r.id))
            if limit and len(out) >= limit:
                break
    return out


def matching_event_ids(conn: sa.Connection, filters: EventFilters) -> list[str]:
    """The ids of every event matching ``filters``."""
    q = sa.select(events.c.id, RECORD_JSON).where(*filters.conditions())
    return [r.id for r in conn.execute(q) if filters.keeps_json(r.record_json)]
