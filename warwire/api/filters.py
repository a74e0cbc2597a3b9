"""Query parameters of the event endpoints, validated once and turned into SQL conditions.

Every condition uses a column of the ``events`` table (copied from the record
for this purpose) or a join through ``event_reports``; none parses JSON in SQL.
Tags live only in the JSON record, so the tag filter is applied to the decoded
records after the query (see ``EventFilters.keeps``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

import sqlalchemy as sa
from fastapi import Query

from warwire.errors import E, WarwireError
from warwire.model import EVENT_TYPES, SUB_EVENT_TYPES
from warwire.store.schema import articles, event_reports, events, reports

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class EventFilters:
    since: date | None = None
    until: date | None = None
    bbox: BBox | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    tag: str | None = None
    actor: str | None = None
    outlet: str | None = None
    claimed_by: str | None = None
    min_fatalities: int | None = None
    has_contradiction: bool | None = None
    region: str | None = None
    q: str | None = None

    def conditions(self, walk: str | None = None) -> list[sa.ColumnElement[bool]]:
        """SQL conditions on ``events`` for every filter except ``tag``.

        ``walk``: the column a page is sorted by, to walk in order. SQLite then gets the other
        indexed columns behind a unary ``+``, its documented way to keep the planner off an index.
        """
        c = events.c if walk is None else _Unindexed(walk)
        out: list[sa.ColumnElement[bool]] = []
        if self.since:  # an event is in [since, until] when its dates overlap it
            out.append(sa.func.coalesce(c.date_end, c.date_start) >= self.since.isoformat())
        if self.until:
            out.append(c.date_start <= self.until.isoformat())
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            out += [c.lat.between(min_lat, max_lat), c.lon.between(min_lon, max_lon)]
        for name in ("admin1", "event_type", "sub_event_type"):
            if getattr(self, name):
                out.append(c[name] == getattr(self, name))
        if self.actor:
            out.append(sa.or_(c.actor1 == self.actor, c.actor2 == self.actor))
        if self.min_fatalities is not None:
            out.append(c.fatalities_best >= self.min_fatalities)
        if self.has_contradiction is True:
            out.append(c.n_contradictions > 0)
        elif self.has_contradiction is False:
            out.append(sa.func.coalesce(c.n_contradictions, 0) == 0)
        if self.outlet or self.claimed_by:
            linked = event_reports.join(reports, reports.c.id == event_reports.c.report_id)
            sub = (sa.select(sa.literal(1)).select_from(linked)
                   .where(event_reports.c.event_id == events.c.id))
            if self.outlet:
                sub = sub.join(articles, articles.c.id == reports.c.article_id).where(articles.c.outlet == self.outlet)
            if self.claimed_by:
                sub = sub.where(reports.c.claimed_by == self.claimed_by)
            out.append(sa.exists(sub))
        out += _region_and_text(self.region, self.q)
        return out

    @property
    def indexed(self) -> bool:
        """Whether a filter is on an indexed column (so a planner might sort its matches)."""
        return any(v is not None for v in (self.until, self.bbox, self.admin1, self.event_type,
                                           self.sub_event_type, self.min_fatalities, self.region))

    def keeps(self, record: dict[str, Any]) -> bool:
        """The filters SQL cannot apply (tags are only in the record)."""
        return not self.tag or self.tag in (record.get("tags") or [])

    def keeps_json(self, text: str) -> bool:
        """``keeps`` on a record still in JSON text: most rows are dropped without decoding them."""
        if not self.tag:
            return True
        plain = self.tag.isascii() and self.tag.isprintable() and not any(c in self.tag for c in '"\\/')
        if plain and self.tag not in text:  # the tag's own characters appear verbatim in any JSON encoding
            return False
        return self.keeps(json.loads(text))


def _region_and_text(region: str | None, q: str | None) -> list[sa.ColumnElement[bool]]:
    """A named region (an event at the region itself or within ~3 km of one of its towns) and a text search
    over the event record and its articles' titles."""
    out: list[sa.ColumnElement[bool]] = []
    if region:
        from warwire.api.places import region_area

        area = region_area(region)
        if area is None:
            from warwire.api.places import region_names
            raise WarwireError(E.E407, field="region", value=region, choices=", ".join(region_names()))
        near = [sa.and_(events.c.lat.between(lat - dlat, lat + dlat), events.c.lon.between(lon - dlon, lon + dlon))
                for lat, lon, dlat, dlon in area["boxes"]]
        out.append(sa.or_(events.c.location_name.in_(area["names"]), *near))
    if q:
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        titled = (sa.select(sa.literal(1)).select_from(event_reports.join(reports, reports.c.id == event_reports.c.report_id)
                  .join(articles, articles.c.id == reports.c.article_id))
                  .where(event_reports.c.event_id == events.c.id, articles.c.title.ilike(like, escape="\\")))
        out.append(sa.or_(sa.cast(events.c.record, sa.Text).ilike(like, escape="\\"), sa.exists(titled)))
    return out


class _Unindexed:
    """``events.c`` whose columns, but one, are written ``+events.name`` (SQLite only)."""

    def __init__(self, keep: str) -> None:
        self.keep = keep

    def __getitem__(self, name: str) -> Any:
        column = events.c[name]
        if name == self.keep:
            return column
        return sa.type_coerce(sa.literal_column(f"+events.{name}"), column.type)

    __getattr__ = __getitem__


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
    outlet: Optional[str] = Query(None, max_length=255, description="Events with a report from this outlet."),
    claimed_by: Optional[str] = Query(None, max_length=255, description="Events with a report claimed by this source."),
    min_fatalities: Optional[int] = Query(None, ge=0, le=10_000_000,
                                          description="Best fatality estimate at least this."),
    has_contradiction: Optional[bool] = Query(None, description="Only events whose sources disagree (true) or not."),
    region: Optional[str] = Query(None, max_length=128, description="A named area of the knowledge pack, e.g. "
                                  "`Eastern Ghouta` (see /api/regions)."),
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
                        region=region or None, q=q or None)
