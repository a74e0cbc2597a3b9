"""The event filters (of the API, the dashboard, briefs and watches) as SQL conditions on ``events``.

Every condition uses a column of the ``events`` table (copied from the record
for this purpose) or a join through ``event_reports``; none parses JSON in SQL.
Tags live only in the JSON record, so the tag filter is applied to the decoded
records after the query (see ``EventFilters.keeps``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from warwire.errors import E, WarwireError
from warwire.knowledge.sources import SEPARATORS
from warwire.store.schema import articles, event_reports, events, reports

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class RegionArea:
    """A named region as a filter sees it: its names, boxes (lat, lon, dlat, dlon) around its towns, and for a
    governorate its admin1 and country (an event coded to it is in it)."""

    names: tuple[str, ...]
    boxes: tuple[tuple[float, float, float, float], ...]
    admin1: str | None = None
    country: str | None = None


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
    # The region's area, looked up by whoever names the region (the knowledge pack's regions); the name is the key.
    area: RegionArea | None = field(default=None, compare=False, repr=False)

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
                sub = sub.join(articles, articles.c.id == reports.c.article_id).where(
                    names_outlet(articles.c.outlet, self.outlet))
            if self.claimed_by:
                sub = sub.where(reports.c.claimed_by == self.claimed_by)
            out.append(sa.exists(sub))
        out += _region_and_text(self.region, self.area, self.q)
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



def names_outlet(field: sa.ColumnElement, outlet: str) -> sa.ColumnElement[bool]:
    """The source field ``field`` names ``outlet``: it is the field, or one of the outlets the field lists ("SOHR"
    in "SOHR; SANA"), in any case ("Reuters" in "REUTERS"), as ``knowledge.sources.split_sources`` splits a field
    and the outlet list shows it. Plain SQL string functions, the same on SQLite and PostgreSQL: the field's
    separators become "|", the spaces around them go, and the outlet must be one of the pieces."""
    key = outlet.strip(" .-_").casefold()
    if not key:
        return field == outlet
    pieces = sa.func.lower(field)
    for sep in SEPARATORS:  # each becomes "|"
        pieces = sa.func.replace(pieces, sep, "|")
    for _ in range(2):  # "SOHR ; SANA", "SOHR;  SANA": up to two spaces each side
        pieces = sa.func.replace(sa.func.replace(pieces, " |", "|"), "| ", "|")
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    wrapped = sa.literal("|") + sa.func.trim(pieces) + sa.literal("|")
    return sa.or_(field == outlet, wrapped.like(f"%|{escaped}|%", escape="\\"))


def _region_and_text(region: str | None, area: RegionArea | None, q: str | None) -> list[sa.ColumnElement[bool]]:
    """A named region (an event at the region itself or within ~3 km of one of its towns) and a text search
    over the event record and its articles' titles."""
    out: list[sa.ColumnElement[bool]] = []
    if region:
        if area is None:
            raise WarwireError(E.E407, field="region", value=region, choices="the regions of the knowledge pack")
        near = [sa.and_(events.c.lat.between(lat - dlat, lat + dlat), events.c.lon.between(lon - dlon, lon + dlon))
                for lat, lon, dlat, dlon in area.boxes]
        inside = [sa.and_(events.c.admin1 == area.admin1, events.c.country == area.country)] if area.admin1 else []
        out.append(sa.or_(events.c.location_name.in_(area.names), *near, *inside))
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
