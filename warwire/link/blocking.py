"""Blocking: which reports are worth comparing, so linking never compares all pairs.

A report is filed under a key of type group x place x date bucket, and compared
only with the reports under the keys its own reach covers:

- place: a town or an area with coordinates goes into a cell of a 0.2-degree grid
  (22 km north-south, 18 km east-west at Syria's latitudes), so every place within
  the widest link distance (``area_km``, 15 km) lies in the 3x3 cells around its own;
  a region-level report (a province, or a place named as its governorate is) goes
  under its admin1, and is compared with every report of that admin1 in its dates;
- dates: day-dated reports go into buckets of one day, week- and month-dated ones
  into buckets of 7 and 31 days, a happening told by its year only (a reference, few) into buckets of 366, and a
  report looks only at the buckets that overlap its date reach (two days for day-dated reports): a candidate set is
  bounded by the reports of a few cells over a few days, not by a whole week or province;
- late reports (``rules.may_be_late``: day-dated, no date read from the text) look back beyond the two days,
  up to ``late_reports.days``, but only among the day-dated reports whose texts tell their dates (kept in an
  index of their own, usually a minority), and such a report looks forward as far for late reports: the
  candidates stay bounded by a few cells over a fortnight of told dates;
- a country-wide reference (``rules.country_wide``: a rare weapon's happening told by its day, at no place in the
  country) is filed under its country and day, and compared only with the day-dated reports of that sub-type, country
  and day (kept in a list of their own: a rare weapon's reports are few);
- types: only types that may link share a group (battles with explosions;
  strategic developments by sub-type).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from math import cos, floor, radians

from warwire.link.rules import (country_wide, date_from_text, day_number, linkable, may_be_late, reach_days, region_level,
                                settings)
from warwire.model import YEAR_TOLD, Report

CELL_DEGREES = 0.2
BUCKET_DAYS = {1: 1, 2: 7, 3: 31, YEAR_TOLD: 366}
PRECISIONS = tuple(BUCKET_DAYS)


def _country(r: Report) -> str:
    return (r.location.country or "").casefold()


def _admin1(r: Report) -> str:
    return (r.location.admin1 or "").casefold()


def _cell(r: Report) -> tuple[int, int] | None:
    loc = r.location
    if loc.lat is None or loc.lon is None or region_level(loc):
        return None
    return floor(loc.lat / CELL_DEGREES), floor(loc.lon / CELL_DEGREES)


def _city_cell(r: Report) -> tuple[int, int] | None:
    """The cell of a city named as its governorate is (Damascus): it may contain the places of the next
    governorate around it (``rules.across_line``), so it is compared with the cells around its own too."""
    loc = r.location
    if loc.lat is None or loc.lon is None or not region_level(loc) or (loc.geo_precision or 1) >= 3:
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
    """Reports filed by type group, place and date bucket; ``candidates`` yields the ones a report may link to."""

    def __init__(self, nested: bool = True) -> None:
        # entries are (day number, report id, report, lat, lon): ids computed once, dates and distances
        # filtered here without calling the rules for pairs that are plainly too far apart
        self._cells: dict[tuple, list[tuple]] = defaultdict(list)
        self._admin1_all: dict[tuple, list[tuple]] = defaultdict(list)
        self._admin1_regions: dict[tuple, list[tuple]] = defaultdict(list)
        self._cities: dict[tuple, list[tuple]] = defaultdict(list)
        self._precisions: set[int] = set()
        self._reach_km = settings()["linking"]["area_km"]
        # day-dated reports whose dates their texts tell, which late reports (rules.may_be_late) look back to
        self._told: BlockIndex | None = BlockIndex(nested=False) if nested else None
        # (sub-type, country, day) -> country-wide references, and the day-dated reports of a rare sub-type
        self._country_wide: dict[tuple, list[tuple[str, Report]]] = defaultdict(list)
        self._rare: dict[tuple, list[tuple[str, Report]]] = defaultdict(list)
        self._count = 0

    def add(self, r: Report, rid: str | None = None) -> None:
        """File a report (``rid``: its id, when the caller has it already)."""
        if not linkable(r):
            return
        day, p = day_number(r.date), _precision(r)
        if country_wide(r):
            self._country_wide[(r.sub_event_type, _country(r), day)].append((rid or r.id, r))
            return
        if p == 1 and r.sub_event_type in settings()["_rare"]:
            self._rare[(r.sub_event_type, _country(r), day)].append((rid or r.id, r))
        bucket, group = day // BUCKET_DAYS[p], type_group(r)
        country, admin1 = _country(r), _admin1(r)
        cell, city = _cell(r), _city_cell(r)
        located = cell or city
        entry = (day, rid or r.id, r, r.location.lat if located else None, r.location.lon if located else None,
                 admin1)
        self._precisions.add(p)
        self._admin1_all[(group, country, admin1, bucket, p)].append(entry)
        if cell is None:
            self._admin1_regions[(group, country, admin1, bucket, p)].append(entry)
            if city is not None:  # few: a country's governorate cities, all in one list per day
                self._cities[(group, country, bucket, p)].append(entry)
        else:
            self._cells[(group, country, cell, bucket, p)].append(entry)
        self._count += 1
        if self._told is not None and p == 1 and date_from_text(r):
            self._told.add(r, rid)

    def candidates(self, r: Report) -> Iterator[tuple[str, Report]]:
        """(id, report) of the reports within ``r``'s place and date reach."""
        if not linkable(r):
            return
        day = day_number(r.date)
        if country_wide(r):
            yield from ((i, o) for i, o in self._rare.get((r.sub_event_type, _country(r), day), ()) if o is not r)
            return
        if self._country_wide and _precision(r) == 1:
            yield from self._country_wide.get((r.sub_event_type, _country(r), day), ())
        own = reach_days(_precision(r))
        for p in sorted(self._precisions):
            tol = max(own, reach_days(p))
            yield from self._scan(r, p, day - tol, day + tol)
        if not self._told or not self._told._count:
            return
        # a late report (dated by its publication day) and the reports dated by their texts in the days before
        near, far = settings()["linking"]["days_apart"], settings()["linking"]["late_reports"]["days"]
        if may_be_late(r):
            yield from self._told._scan(r, 1, day - far, day - near - 1)
        if _precision(r) == 1 and date_from_text(r):
            yield from ((i, o) for i, o in self._scan(r, 1, day + near + 1, day + far) if may_be_late(o))

    def _scan(self, r: Report, p: int, lo: int, hi: int) -> Iterator[tuple[str, Report]]:
        """The reports of date precision ``p`` dated from day ``lo`` to ``hi`` within ``r``'s place reach."""
        day, group = day_number(r.date), type_group(r)
        country, admin1, cell, city = _country(r), _admin1(r), _cell(r), _city_cell(r)
        near = cell or city
        lat = r.location.lat if near else None
        if lat is not None:
            lon, km_lon = r.location.lon, 111.32 * cos(radians(lat))
            reach2 = (self._reach_km * 1.01) ** 2
        around = [(near[0] + i, near[1] + j) for i in (-1, 0, 1) for j in (-1, 0, 1)] if near else []
        width = BUCKET_DAYS[p]
        for bucket in range(lo // width, hi // width + 1):
            # (entries, whether to keep only those within area_km, whether to skip those of r's own admin1:
            # they were seen in its admin1's list)
            if cell is None:
                lists = [(self._admin1_all.get((group, country, admin1, bucket, p), ()), False, False)]
                if city is not None:  # the towns of the next governorate around the city
                    lists += [(self._cells.get((group, country, c, bucket, p), ()), True, True) for c in around]
            else:
                lists = [(self._admin1_regions.get((group, country, admin1, bucket, p), ()), False, False)]
                lists += [(self._cells.get((group, country, c, bucket, p), ()), True, False) for c in around]
                # a city of the next governorate, which may contain this place
                cities = self._cities.get((group, country, bucket, p))
                if cities:
                    lists.append((cities, True, True))
            for entries, near_only, skip_own in lists:
                for other_day, other_id, other, olat, olon, other_admin1 in entries:
                    if other is r or not lo <= other_day <= hi or (skip_own and other_admin1 == admin1):
                        continue
                    if near_only and ((olat - lat) * 110.57) ** 2 + ((olon - lon) * km_lon) ** 2 > reach2:
                        continue
                    yield other_id, other
