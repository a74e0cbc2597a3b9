"""The situation brief of the current filter: GET /api/brief?format=md|html|json plus the event filters."""
from __future__ import annotations

import json
from typing import Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from warwire.api.filters import EventFilters, event_filters
from warwire.api.read import connection
from warwire.export.brief import brief_of
from warwire.store import Connection

router = APIRouter(prefix="/api", tags=["brief"])


@router.get("/brief", summary="A dated situation brief of the events matching the filters; every sentence cites "
                              "the events, reports or articles it rests on")
def brief(request: Request, format: Literal["md", "html", "json"] = "json",
          filters: EventFilters = Depends(event_filters), conn: Connection = Depends(connection)) -> Response:
    text = brief_of(conn, filters, format)
    if format == "json":
        return JSONResponse(content=json.loads(text))
    if format == "html":
        return HTMLResponse(text)
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
