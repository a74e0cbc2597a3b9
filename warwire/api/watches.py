"""Watches over HTTP: the list, and each watch's Atom feed of its events."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from warwire.export.watches import atom
from warwire.store.watches import list_watches

router = APIRouter(prefix="/api", tags=["watches"])


@router.get("/watches", summary="Saved filters (make one with `warwire watch add`)")
def watches(request: Request) -> list[dict[str, Any]]:
    return [{"name": w["name"], "filters": w["filters"], "webhook": bool(w["webhook"]), "created_at": w["created_at"],
             "feed": f"/api/watches/{w['name']}.atom"} for w in list_watches(request.app.state.store.engine)]


@router.get("/watches/{name}.atom", summary="A watch's events, newest first, as an Atom feed")
def watch_feed(request: Request, name: str = Path(..., min_length=1, max_length=64)) -> Response:
    base = str(request.base_url).rstrip("/")
    return Response(atom(request.app.state.store, name, base), media_type="application/atom+xml; charset=utf-8")
