"""Query parameters of the event endpoints, validated once and turned into ``EventFilters`` (store/filters.py
makes them SQL)."""
from __future__ import annotations

from datetime import date
from typing import Optional

from fastapi import Query

from warwire.errors import E, WarwireError
from warwire.model import EVENT_TYPES, SUB_EVENT_TYPES
from warwire.store.filters import BBox, EventFilters, RegionArea

__all__ = ["EventFilters", "check_choice", "event_filters", "parse_bbox", "region_filter"]


def region_filter(region: str | None) -> tuple[str | None, RegionArea | None]:
    """(the region's own name, its area) for a region named in any case; E407 listing the regions when unknown."""
    if not region:
        return None, None
    from warwire.api.places import region_area, region_names

    found = region_area(region)
    if found is None:
        raise WarwireError(E.E407, field="region", value=region, choices=", ".join(region_names()))
    governorate = found["kind"] == "governorate"
    return found["name"], RegionArea(tuple(found["names"]), tuple(tuple(b) for b in found["boxes"]),
                                     found["admin1"] if governorate else None, found["country"] if governorate else None)


def parse_bbox(value: str | None) -> BBox | None:
    if not value:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in value.split(","))
    except ValueError:
        raise WarwireError(E.E404, value=value) from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise WarwireError(E.E404, value=value)
    return min_lon, min_lat, max_lon, max_lat


def check_choice(field: str, value: str | None, choices: list[str] | dict) -> None:
    if value is not None and value not in choices:
        raise WarwireError(E.E407, field=field, value=value, choices=", ".join(choices))


def event_filters(
    since: Optional[date] = Query(None, description="Events on or after this date (YYYY-MM-DD)."),
    until: Optional[date] = Query(None, description="Events on or before this date (YYYY-MM-DD)."),
    bbox: Optional[str] = Query(None, max_length=100, description="min_lon,min_lat,max_lon,max_lat",
                                examples=["35.5,32.3,42.4,37.3"]),
    admin1: Optional[str] = Query(None, max_length=128, description="Governorate, e.g. Idlib."),
    event_type: Optional[str] = Query(None, max_length=64, description="ACLED event type."),
    sub_event_type: Optional[str] = Query(None, max_length=64, description="ACLED sub-event type."),
    tag: Optional[str] = Query(None, max_length=64, description="A warwire tag, e.g. `siege`."),
    actor: Optional[str] = Query(None, max_length=255, description="Actor 1 or actor 2, by canonical name."),
    outlet: Optional[str] = Query(None, max_length=255, description="Events with a report from this outlet, "
                                  "alone or in a source list (\"SOHR\" finds \"SOHR; SANA\"), in any case."),
    claimed_by: Optional[str] = Query(None, max_length=255, description="Events with a report claimed by this source."),
    min_fatalities: Optional[int] = Query(None, ge=0, le=10_000_000,
                                          description="Best fatality estimate at least this."),
    has_contradiction: Optional[bool] = Query(None, description="Only events whose sources disagree (true) or not."),
    region: Optional[str] = Query(None, max_length=128, description="A named area or governorate of a knowledge "
                                  "pack, e.g. `Eastern Ghouta` (see /api/regions)."),
    q: Optional[str] = Query(None, max_length=200, description="Text search in the event record and its articles' titles."),
) -> EventFilters:
    """The FastAPI dependency for the event filters."""
    check_choice("event_type", event_type, EVENT_TYPES)
    check_choice("sub_event_type", sub_event_type, SUB_EVENT_TYPES)
    if since and until and since > until:
        since, until = until, since  # a reversed range from a brush is still a range
    return EventFilters(since=since, until=until, bbox=parse_bbox(bbox), admin1=admin1, event_type=event_type,
                        sub_event_type=sub_event_type, tag=tag, actor=actor, outlet=outlet, claimed_by=claimed_by,
                        min_fatalities=min_fatalities, has_contradiction=has_contradiction,
                        region=region or None, area=region_filter(region)[1], q=q or None)
