"""Blocking: which reports are worth comparing, so linking never compares all pairs.

A report is filed under its country, its place and a week of dates. Placed
reports (a town or an area, geo_precision 1-2, with coordinates) go into a cell
of a 0.3-degree grid, about 27 km either way at Syria's latitudes, so every
place within the largest link distance (25 km) lies in the 3x3 cells around a
report's own, across governorate borders too. Province-level reports (and
placed ones without coordinates) are filed under their admin1 and compared with
everything in that admin1. Dates: a report is compared only with weeks that
overlap its date tolerance, per date precision, so the month-wide tolerance of
a vague report does not widen every comparison. Types: only types that may
link share a block (battles with explosions; strategic developments by sub-type).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from math import cos, floor, radians

from warwire.link.rules import date_tolerance, day_number, linkable, settings
from warwire.model import Report

CELL_DEGREES = 0.3
WEEK = 7
PRECISIONS = (1, 2, 3)


def _country(r: Report) -> str:
    return (r.location.country or "").casefold()


def _admin1(r: Report) -> str:
    return (r.location.admin1 or "").casefold()


def _cell(r: Report) -> tuple[int, int] | None:
    loc = r.location
    if loc.lat is None or loc.lon is None or (loc.geo_precision or 1) >= 3:
        return None
    return floor(loc.lat / CELL_DEGREES), floor(loc.lon / CELL_DEGREES)


_GROUPS: dict[tuple[str, str], str] = {}


def type_group(r: Report) -> str:
    """Reports of types that may describe one event share a group (see rules.types_compatible)."""
    key = (r.event_type, r.sub_event_type)
    group = _GROUPS.get(key)
    if group is None:
        s = settings()
        group = r.event_type
        if r.event_type in s["same_sub_type_only"]:
            group = f"{r.event_type}/{r.sub_event_type}"
        for pair in s["_compatible_types"]:
            if r.event_type in pair:
                group = "+".join(sorted(pair))
        _GROUPS[key] = group
    return group


def _precision(r: Report) -> int:
    return r.date_precision if r.date_precision in PRECISIONS else 1


class BlockIndex:
    """Reports filed by place and week; ``candidates`` yields the ones a report may match."""

    def __init__(self) -> None:
        # entries are (day number, report id, report, lat, lon): ids computed once, dates and distances
        # filtered here without calling the rules for pairs that are plainly too far apart
        self._cells: dict[tuple, list[tuple]] = defaultdict(list)
        self._admin1_all: dict[tuple, list[tuple]] = defaultdict(list)
        self._admin1_areas: dict[tuple, list[tuple]] = defaultdict(list)
        self._precisions: set[int] = set()
        self._reach_km = max(settings()["place_distance_km"].values())

    def add(self, r: Report, rid: str | None = None) -> None:
        """File a report (``rid``: its id, when the caller has it already)."""
        if not linkable(r):
            return
        day = day_number(r.date)
        week, group = day // WEEK, type_group(r)
        country, admin1, p = _country(r), _admin1(r), _precision(r)
        cell = _cell(r)
        entry = (day, rid or r.id, r, r.location.lat if cell else None, r.location.lon if cell else None)
        self._precisions.add(p)
        self._admin1_all[(group, country, admin1, week, p)].append(entry)
        if cell is None:
            self._admin1_areas[(group, country, admin1, week, p)].append(entry)
        else:
            self._cells[(group, country, cell, week, p)].append(entry)

    def candidates(self, r: Report) -> Iterator[tuple[str, Report]]:
        """(id, report) of the reports within ``r``'s block neighbourhood and date tolerance."""
        if not linkable(r):
            return
        day, group = day_number(r.date), type_group(r)
        country, admin1, cell = _country(r), _admin1(r), _cell(r)
        own = date_tolerance(_precision(r))
        lat = r.location.lat if cell else None
        if lat is not None:
            lon, km_lon = r.location.lon, 111.32 * cos(radians(lat))
            reach2 = (self._reach_km * 1.01) ** 2
        for p in sorted(self._precisions):
            tol = max(own, date_tolerance(p))
            for week in range((day - tol) // WEEK, (day + tol) // WEEK + 1):
                if cell is None:
                    lists = [self._admin1_all.get((group, country, admin1, week, p), ())]
                else:
                    lists = [self._admin1_areas.get((group, country, admin1, week, p), ())]
                    lists += [self._cells.get((group, country, (cell[0] + i, cell[1] + j), week, p), ())
                              for i in (-1, 0, 1) for j in (-1, 0, 1)]
                for entries in lists:
                    for other_day, other_id, other, olat, olon in entries:
                        if other is r or abs(other_day - day) > tol:
                            continue
                        if lat is not None and olat is not None and \
                                ((olat - lat) * 110.57) ** 2 + ((olon - lon) * km_lon) ** 2 > reach2:
                            continue
                        yield other_id, other
