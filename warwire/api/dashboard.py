"""Endpoints behind the dashboard's map and summary panel: place labels, named regions, the filter's summary."""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, Query, Request

from warwire.api import places
from warwire.api.filters import EventFilters, event_filters, parse_bbox
from warwire.api.read import connection
from warwire.resources import stage_settings
from warwire.store import Connection
from warwire.store.summary import matching, summary as summarise

router = APIRouter(prefix="/api", tags=["dashboard"])


def _packs(request: Request) -> list:
    """The knowledge packs of the countries the store holds events in (looked up as often as the aggregates)."""
    store = request.app.state.store
    return request.app.state.cache.get(("packs",), lambda: places.stored_packs(store))


@router.get("/places", summary="Town labels for a map view, from the gazetteers of the stored events' countries: "
                               "bigger towns first, more as one zooms in")
def place_labels(request: Request,
                 bbox: Optional[str] = Query(None, max_length=100, description="min_lon,min_lat,max_lon,max_lat"),
                 zoom: int = Query(7, ge=0, le=22)) -> list[dict[str, Any]]:
    return places.labels(parse_bbox(bbox), zoom, _packs(request))


_REGION_FIELDS = ("name", "admin1", "lat", "lon", "names", "members")


@router.get("/regions", summary="Named regions and governorates of the knowledge packs of the stored events' "
                                "countries (the `region` filter's values)")
def regions(request: Request) -> list[dict[str, Any]]:
    return [{k: r[k] for k in _REGION_FIELDS} for r in places.regions(_packs(request)).values()]


@router.get("/summary", summary="The events matching the filters summed up: deaths low/best/high, by perpetrator, "
                                "type, claimant, top places, and article coverage of the period")
def summary(request: Request, filters: EventFilters = Depends(event_filters),
            conn: Connection = Depends(connection)) -> dict[str, Any]:
    return request.app.state.cache.get(("summary", filters), lambda: summarise(conn, filters))


POINT_FIELDS = ["id", "lat", "lon", "event_type", "sub_event_type", "deaths", "contradicted", "place", "date"]
MAX_POINTS = int(stage_settings("api")["map"]["max_points"])


@router.get("/points", summary="Every located event matching the filters, compactly, for the map")
def points(request: Request, filters: EventFilters = Depends(event_filters),
           conn: Connection = Depends(connection)) -> dict[str, Any]:
    def read() -> dict[str, Any]:
        rows = []
        for r in matching(conn, filters, "lat", "lon", "event_type", "sub_event_type", "fatalities_best",
                          "n_contradictions", "location_name", "date_start"):
            if r.lat is None or r.lon is None:
                continue
            rows.append([r.id, r.lat, r.lon, r.event_type, r.sub_event_type, r.fatalities_best,
                         bool(r.n_contradictions), r.location_name, r.date_start])
            if len(rows) >= MAX_POINTS:
                break
        return {"fields": POINT_FIELDS, "items": rows, "truncated": len(rows) >= MAX_POINTS}

    return request.app.state.cache.get(("points", filters), read)


@router.get("/choices", summary="The values of the fixed filters: event types with their sub-types, and tags")
def choices() -> dict[str, Any]:
    from warwire.knowledge.taxonomy import taxonomy
    from warwire.model import EVENT_TYPES

    return {"event_types": EVENT_TYPES, "tags": sorted(taxonomy().get("tags") or {})}
