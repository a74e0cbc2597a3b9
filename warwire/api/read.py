"""Read endpoints under /api: events, reports, articles, stats, outlets."""
from __future__ import annotations

from datetime import date
from typing import Any, Iterator, Literal, Optional

from fastapi import APIRouter, Depends, Path, Query, Request

from warwire.api.credibility import explained
from warwire.api.filters import EventFilters, check_choice, event_filters
from warwire.errors import E, WarwireError
from warwire.model import EVENT_TYPES
from warwire.store import Connection, browse as queries, stats as aggregates

router = APIRouter(prefix="/api", tags=["read"])

EventSort = Literal["-date", "date", "-fatalities", "fatalities", "-sources", "sources"]
Limit = Query(50, ge=1, le=500, description="Items per page (at most 500).")
Cursor = Query(None, max_length=512, description="The `next_cursor` of the previous page.")


def connection(request: Request) -> Iterator[Connection]:
    """A read connection of the app's store for one request."""
    with request.app.state.store.connect() as conn:
        yield conn


def _explain(article: dict[str, Any]) -> dict[str, Any]:
    """An article header with its stored credibility explained (the signals that weighed most)."""
    return {**article, "credibility": explained(article.get("credibility"))}


@router.get("/events", summary="Events matching the filters, one page at a time")
def events(filters: EventFilters = Depends(event_filters), sort: EventSort = "-date",
           cursor: Optional[str] = Cursor, limit: int = Limit,
           total: bool = Query(False, description="Also count all matching events (slower on big stores)."),
           conn: Connection = Depends(connection)) -> dict[str, Any]:
    return queries.list_events(conn, filters, sort, cursor, limit, with_total=total)


@router.get("/events/{event_id}", summary="One event with its reports, evidence spans, excerpts and contradictions")
def event(event_id: str = Path(..., min_length=1, max_length=64),
          conn: Connection = Depends(connection)) -> dict[str, Any]:
    found = queries.get_event(conn, event_id)
    if found is None:
        raise WarwireError(E.E405, id=event_id)
    return {**found, "report_items": [{**r, "article": _explain(r["article"])} for r in found["report_items"]]}


@router.get("/reports", summary="Reports (one article's claim about one event)")
def reports(article_id: Optional[str] = Query(None, max_length=64),
            event_type: Optional[str] = Query(None, max_length=64),
            admin1: Optional[str] = Query(None, max_length=128),
            claimed_by: Optional[str] = Query(None, max_length=255),
            since: Optional[date] = None, until: Optional[date] = None,
            cursor: Optional[str] = Cursor, limit: int = Limit,
            conn: Connection = Depends(connection)) -> dict[str, Any]:
    check_choice("event_type", event_type, EVENT_TYPES)
    return queries.list_reports(conn, article_id, event_type, admin1, claimed_by, since, until, cursor, limit)


@router.get("/articles", summary="Article headers, newest first")
def articles(outlet: Optional[str] = Query(None, max_length=255), since: Optional[date] = None,
             until: Optional[date] = None, cursor: Optional[str] = Cursor, limit: int = Limit,
             conn: Connection = Depends(connection)) -> dict[str, Any]:
    found = queries.list_articles(conn, outlet, since, until, cursor, limit)
    return {**found, "items": [_explain(a) for a in found["items"]]}


@router.get("/articles/{article_id}", summary="One article with its text and its reports")
def article(article_id: str = Path(..., min_length=1, max_length=64),
            conn: Connection = Depends(connection)) -> dict[str, Any]:
    found = queries.get_article(conn, article_id)
    if found is None:
        raise WarwireError(E.E102, id=article_id)
    return _explain(found)


@router.get("/stats", summary="Events and deaths by day and type, by type, by actor, by governorate")
def stats(request: Request, filters: EventFilters = Depends(event_filters),
          conn: Connection = Depends(connection)) -> dict[str, Any]:
    return request.app.state.cache.get(("stats", filters), lambda: aggregates.stats(conn, filters))


@router.get("/outlets", summary="Per outlet: reports, how many corroborated and contradicted")
def outlets(request: Request, conn: Connection = Depends(connection)) -> list[dict[str, Any]]:
    return request.app.state.cache.get(("outlets",), lambda: aggregates.outlets(conn))
