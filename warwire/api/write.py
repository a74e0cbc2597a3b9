"""Write endpoints: ingest an article, extract its reports, merge or split events by hand. Off unless
WARWIRE_TOKEN is set.

With a token set, each request must send ``Authorization: Bearer <token>``.
"""
from __future__ import annotations

import hmac
import os
from datetime import date
from typing import Any, Iterable, Optional

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from warwire.errors import E, WarwireError
from warwire.ingest import Fetcher, Options, Rejected, build_article, read_sources
from warwire.model import Article
from warwire.resources import stage_settings

router = APIRouter(prefix="/api", tags=["write"])
TOKEN_ENV = "WARWIRE_TOKEN"
# Set to 1 to let token holders have the server fetch loopback, private and link-local addresses.
PRIVATE_ENV = "WARWIRE_FETCH_PRIVATE"
MAX_TEXT = int(stage_settings("api")["write"]["max_text_characters"])  # a longer body is not an article


def require_token(request: Request) -> None:
    """403 (E401) when writes are off, 401 (E402) when the bearer token is missing or wrong."""
    token = os.environ.get(TOKEN_ENV)
    if not token:
        raise WarwireError(E.E401)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # compare_digest: the time taken must not tell how much of a guess was right
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise WarwireError(E.E402)


class IngestIn(BaseModel):
    text: Optional[str] = Field(None, min_length=1, max_length=MAX_TEXT, description="The article text.")
    url: Optional[str] = Field(None, min_length=8, max_length=2048, pattern=r"^https?://",
                               description="Fetch the article from this URL instead.")
    outlet: Optional[str] = Field(None, max_length=255)
    title: Optional[str] = Field(None, max_length=2000)
    published: Optional[date] = None
    extract: bool = Field(False, description="Also extract the article's reports.")


class ExtractIn(BaseModel):
    article_id: str = Field(..., min_length=1, max_length=64)


@router.post("/ingest", dependencies=[Depends(require_token)], summary="Store an article (text or URL)")
def ingest(body: IngestIn, request: Request) -> dict[str, Any]:
    if (body.text is None) == (body.url is None):
        raise WarwireError(E.E406)
    published = body.published.isoformat() if body.published else None
    if body.url:
        allow = os.environ.get(PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")
        found = read_sources([body.url], strict=True, default_outlet=body.outlet, default_date=published,
                             fetch=Fetcher(allow_private=allow))
    else:
        found = build_article(body.text, where="request body", opts=Options(), title=body.title, date=published,
                              outlet=body.outlet)
    article = _first_article(found)
    if body.title and not article.title:
        article.title = body.title
    store = request.app.state.store
    added = store.add_articles([article])
    request.app.state.cache.clear()
    out: dict[str, Any] = {"article": article.header(), "new": bool(added.new)}
    if body.extract:
        out["reports"] = _extract(request, article)
    return out


@router.post("/extract", dependencies=[Depends(require_token)], summary="Extract the reports of a stored article")
def extract(body: ExtractIn, request: Request) -> dict[str, Any]:
    store = request.app.state.store
    article = store.get_article(body.article_id)
    if article is None:
        raise WarwireError(E.E102, id=body.article_id)
    return {"article": article.header(), "reports": _extract(request, article)}


class MergeIn(BaseModel):
    events: list[str] = Field(..., min_length=2, max_length=100, description="Ids of the events that are one happening.")


class SplitIn(BaseModel):
    reports: list[str] = Field(..., min_length=1, max_length=1000,
                               description="Ids of the reports to take out of the event (ARTICLE:INDEX).")


@router.post("/events/merge", dependencies=[Depends(require_token)],
             summary="Merge events that are one happening, for good (every later link keeps them together)")
def merge(body: MergeIn, request: Request) -> dict[str, Any]:
    from warwire.link.overrides import merge_events
    from warwire.verify.contradictions import with_contradictions

    written = merge_events(request.app.state.store, body.events, annotate=with_contradictions)
    request.app.state.cache.clear()
    return {"events": [e.to_dict() for e in written]}


@router.post("/events/{event_id}/split", dependencies=[Depends(require_token)],
             summary="Take reports out of an event into their own, for good (every later link keeps them apart)")
def split(event_id: str, body: SplitIn, request: Request) -> dict[str, Any]:
    from warwire.link.overrides import split_event
    from warwire.verify.contradictions import with_contradictions

    written = split_event(request.app.state.store, event_id, body.reports, annotate=with_contradictions)
    request.app.state.cache.clear()
    return {"events": [e.to_dict() for e in written]}


def _extract(request: Request, article: Article) -> list[dict[str, Any]]:
    from warwire.extract import extract_article  # loads the language model: only when asked

    found = extract_article(article)
    request.app.state.store.save_extractions([(article.id, found, None)])
    request.app.state.cache.clear()
    return [r.to_dict(with_ids=True) for r in found]


def _first_article(items: Iterable[Article | Rejected]) -> Article:
    """The article a reader yields; its fatal rejection raised as the numbered error."""
    for item in items:
        if isinstance(item, Article):
            return item
        if item.fatal and item.error is not None:
            raise item.error
    raise WarwireError(E.E008, where="request body")
