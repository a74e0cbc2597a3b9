"""Streamed exports of the events matching the dashboard's filters: ACLED CSV, GeoJSON, JSON Lines."""
from __future__ import annotations

import csv
import io
import itertools
import json
import time
from typing import Any, Iterator, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from warwire.api.filters import EventFilters, event_filters
from warwire.export.acled import COLUMNS, event_row
from warwire.export.geojson import feature
from warwire.export.records import record
from warwire.model import Event
from warwire.store.browse import stream_event_records

router = APIRouter(prefix="/api", tags=["export"])
MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}
BATCH = 500


def filtered_events(store, filters: EventFilters) -> Iterator[Event]:
    """Every event matching ``filters``, oldest first, read in batches."""
    with store.connect() as conn:
        for found in stream_event_records(conn, filters, BATCH):
            yield Event.from_dict(found)


def _chunks(fmt: str, items: Iterator[Event]) -> Iterator[str]:
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        stamp = int(time.time())
        for i, e in enumerate(items, 1):
            writer.writerow(event_row(e, stamp))
            if i % BATCH == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()
    elif fmt == "geojson":
        yield '{"type": "FeatureCollection", "features": [\n'
        for i, e in enumerate(items):
            yield (",\n" if i else "") + json.dumps(feature("events", e), ensure_ascii=False)
        yield "\n]}\n"
    else:
        for e in items:
            yield json.dumps(record("events", e), ensure_ascii=False) + "\n"


@router.get("/export/events.{fmt}", summary="Every event matching the filters as ACLED CSV, GeoJSON or JSON Lines, "
                                            "streamed")
def export_events(request: Request, fmt: Literal["csv", "geojson", "jsonl"],
                  filters: EventFilters = Depends(event_filters)) -> StreamingResponse:
    name = f"warwire-events.{fmt}"
    items = filtered_events(request.app.state.store, filters)
    # The query runs before the response starts, so a store error is an error response, not a cut stream.
    first = list(itertools.islice(items, 1))
    body: Any = _chunks(fmt, itertools.chain(first, items))
    return StreamingResponse(body, media_type=MEDIA[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})
