"""Checks against reference records: an ACLED export, a UCDP GED CSV or warwire JSONL.

Each reference row becomes a report-like record, and each stored report gets a
verdict against them, matched with the linking rules (``warwire.link``):

- ``supported``: a reference row is one linking would merge with the report
  (``compatible`` and a ``match_score`` of at least ``min_match_score``) and
  agrees on the perpetrator and the death toll (``tolls_consistent``, the same
  test contradictions use);
- ``contradicted``: no row supports it, but a row agrees on everything except
  one field: the toll (beyond the tolerance), the date (beyond the date
  tolerance, at most ``MAX_DAYS`` off), the place (beyond the place tolerance,
  at most ``MAX_KM`` away) or the perpetrator (two different named actors).
  The verdict names the field and by how much it differs;
- ``not_found``: nothing in the reference is close, or the most alike row agrees
  on every field yet scores too low to call the same event (such rows are listed
  in ``rows``).

A report that states no toll agrees with any toll: silence is not a claim.
"""
from __future__ import annotations

import csv
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from warwire.errors import E, WarwireError
from warwire.knowledge.acled import admin1 as acled_admin1
from warwire.knowledge.acled import event_type as acled_event_type
from warwire.knowledge.acled import inter_kind, sub_event_type
from warwire.knowledge.actors import ActorDictionary
from warwire.link.rules import (canonical_actor, date_tolerance, dates_compatible, day_number, distance_km,
                                is_generic, linkable, match_score, places_compatible, same_actor, settings,
                                types_compatible)
from warwire.model import Actor, Count, Event, Location, Report
from warwire.resources import stage_settings
from warwire.verify.contradictions import tolls_consistent

SUPPORTED, CONTRADICTED, NOT_FOUND = "supported", "contradicted", "not_found"
VERDICTS = (SUPPORTED, CONTRADICTED, NOT_FOUND)
_SETTINGS = stage_settings("verify")["reference"]  # verify/settings.yaml says what each means
MAX_DAYS = int(_SETTINGS["max_days"])
MAX_KM = float(_SETTINGS["max_km"])
# The weights of ``match_score`` (toll 0.05, actor 0.1, date 0.3, place 0.4): a row that disagrees
# on a lightly weighted field is likelier the same event than one that disagrees on a heavy one.
FIELD_WEIGHT = {k: float(v) for k, v in _SETTINGS["field_weight"].items()}
EITHER = "and/or"  # ACLED's word for an attribution to one of two allied forces
_CELL = float(_SETTINGS["grid_cell_degrees"])

# UCDP's three kinds of organised violence, as ACLED event types.
UCDP_TYPES = {
    "1": ("Battles", frozenset({"Battles", "Explosions/Remote violence"})),
    "2": ("Battles", frozenset({"Battles", "Explosions/Remote violence"})),
    "3": ("Violence against civilians",
          frozenset({"Violence against civilians", "Explosions/Remote violence", "Battles"})),
}
_COUNTRY = re.compile(r"(?:Forces|Government|Police) of (?:the )?([A-Z][\w ]+?)\s*(?:\(|$)|\(([A-Z][\w ]+)\)")


@dataclass
class Reference:
    """One reference row as a report. ``types``: the event types it may be reported as when the
    reference does not say the sub-type (pre-2019 ACLED, UCDP); ``allies``: associated actors that
    count as its perpetrator too."""

    id: str
    report: Report
    where: str
    types: frozenset[str] = frozenset()
    allies: list[Actor] = field(default_factory=list)
    kinds_only: bool = False  # actor names in another vocabulary (UCDP): compare kinds


@dataclass
class Verdict:
    """A report's verdict against the reference."""

    report: str
    verdict: str
    rows: list[str] = field(default_factory=list)
    field: str | None = None
    ours: Any = None
    theirs: Any = None
    by: float | None = None  # days, km or deaths apart
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"report": self.report, "verdict": self.verdict, "rows": self.rows}
        if self.verdict == CONTRADICTED:
            d.update(field=self.field, ours=self.ours, theirs=self.theirs, by=self.by, unit=self.unit)
        return d


# ---------------------------------------------------------------- reading


def _float(s: Any) -> float | None:
    try:
        return float(s) if s not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _int(s: Any) -> int | None:
    f = _float(s)
    return int(f) if f is not None else None


@lru_cache(maxsize=1)
def _dictionary_countries() -> dict[str, str]:
    return {name.casefold(): e.country for name, e in ActorDictionary.load().entries.items() if e.country}


def actor_country(name: str) -> str | None:
    """The country of an ACLED actor: the actor dictionary's, else the one its name carries
    ("Military Forces of Syria (2000-)" -> Syria, "Civilians (Syria)" -> Syria)."""
    known = _dictionary_countries().get(canonical_actor(Actor(name=name or "")))
    if known:
        return known
    m = _COUNTRY.search(name or "")
    if not m:
        return None
    country = (m.group(1) or m.group(2)).strip()
    return None if country[:1].isdigit() else country


def _actor(name: str | None, kind: str | None) -> Actor | None:
    name = (name or "").strip()
    return Actor(name=name, kind=kind, country=actor_country(name)) if name else None


def _acled_date(row: dict[str, str]) -> str | None:
    if row.get("event_date_iso"):
        return row["event_date_iso"].strip()
    raw = (row.get("event_date") or "").strip()
    for fmt in ("%d %B %Y", "%Y-%m-%d", "%d-%b-%y", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def acled_reference(row: dict[str, str], where: str) -> Reference:
    """An ACLED row (pre-2019 or today's layout) as a reference record."""
    raw_type = row.get("event_type", "")
    etype = acled_event_type(raw_type, row.get("notes") or "")
    sub = (row.get("sub_event_type") or sub_event_type(raw_type) or "").strip()
    deaths = _int(row.get("fatalities")) or 0
    loc = Location(
        name=(row.get("location") or "").strip(), country=(row.get("country") or "").strip() or None,
        admin1=acled_admin1(row.get("admin1")), admin2=row.get("admin2") or None,
        lat=_float(row.get("latitude")), lon=_float(row.get("longitude")),
        geo_precision=_int(row.get("geo_precision")) or 1)
    kind1, kind2 = inter_kind(row.get("inter1")), inter_kind(row.get("inter2"))
    allies = [a for n in (row.get("assoc_actor_1") or "").split(";") if (a := _actor(n, kind1))]
    report = Report(
        event_type=etype, sub_event_type=sub, date=_acled_date(row),
        date_precision=_int(row.get("time_precision")) or 1, location=loc,
        actor1=_actor(row.get("actor1"), kind1), actor2=_actor(row.get("actor2"), kind2),
        fatalities=Count(best=deaths, low=deaths, high=deaths, qualifier="exact"))
    rid = row.get("event_id_cnty") or row.get("data_id") or where
    return Reference(id=str(rid), report=report, where=where,
                     types=frozenset() if sub else frozenset({etype}), allies=allies)


def _ucdp_side(name: str | None) -> Actor | None:
    name = (name or "").strip()
    if not name:
        return None
    if name.startswith("Government of "):
        country = name.removeprefix("Government of ").strip()
        return Actor(name=f"Military Forces of {country}", kind="State forces", country=country)
    if name.casefold() == "civilians":
        return Actor(name="Civilians", kind="Civilians")
    return Actor(name=name, kind="Rebel group")


def ucdp_reference(row: dict[str, str], where: str) -> Reference:
    """A UCDP GED row as a reference record: the event types of its kind of violence, actors by kind."""
    etype, types = UCDP_TYPES.get((row.get("type_of_violence") or "").strip(), UCDP_TYPES["1"])
    start = (row.get("date_start") or "")[:10] or None
    end = (row.get("date_end") or "")[:10] or start
    span = (date.fromisoformat(end) - date.fromisoformat(start)).days if start and end else 0
    where_prec = _int(row.get("where_prec")) or 1
    best, low, high = _int(row.get("best")), _int(row.get("low")), _int(row.get("high"))
    adm1 = (row.get("adm_1") or "").replace(" governorate", "").replace(" province", "").strip()
    loc = Location(name=(row.get("where_coordinates") or row.get("adm_2") or adm1 or "").split(",")[0].strip(),
                   country=(row.get("country") or "").strip() or None, admin1=acled_admin1(adm1) if adm1 else None,
                   lat=_float(row.get("latitude")), lon=_float(row.get("longitude")),
                   geo_precision=min(3, where_prec))
    actor2 = _ucdp_side(row.get("side_b"))
    if etype == "Violence against civilians":
        actor2 = Actor(name="Civilians", kind="Civilians")
    report = Report(
        event_type=etype, sub_event_type="", date=start, date_precision=1 if span == 0 else 2 if span <= 7 else 3,
        location=loc, actor1=_ucdp_side(row.get("side_a")), actor2=actor2,
        fatalities=Count(best=best, low=low if low is not None else best, high=high if high is not None else best,
                         qualifier="exact" if low == high else "about"))
    return Reference(id=str(row.get("id") or where), report=report, where=where, types=types, kinds_only=True)


def _event_report(e: Event) -> Report:
    f = e.fatalities or {}
    best = f.get("best")
    days = day_number(e.date_end) - day_number(e.date_start) if e.date_start and e.date_end else 0
    return Report(
        event_type=e.event_type, sub_event_type=e.sub_event_type, tags=list(e.tags), date=e.date_start,
        date_precision=1 if days <= 1 else 2 if days <= 7 else 3, location=e.location, actor1=e.actor1,
        actor2=e.actor2, victims=e.victims,
        fatalities=Count(best=best, low=f.get("low"), high=f.get("high"),
                         qualifier=None if best is None else "exact" if f.get("low") == f.get("high") else "about"))


def warwire_references(line: dict[str, Any], where: str) -> list[Reference]:
    """A JSONL line of warwire output: an event, an extract line (article + reports) or one report."""
    if "date_start" in line:
        return [Reference(id=str(line.get("id") or where), report=_event_report(Event.from_dict(line)), where=where)]
    if "reports" in line and "article" in line:
        aid = (line.get("article") or {}).get("id") or where
        return [Reference(id=f"{aid}:{i}", report=Report.from_dict({k: v for k, v in r.items() if k != "id"}),
                          where=where) for i, r in enumerate(line["reports"])]
    return [Reference(id=str(line.get("id") or where),
                      report=Report.from_dict({k: v for k, v in line.items() if k != "id"}), where=where)]


def layout_of(columns: Iterable[str]) -> str | None:
    """'acled' or 'ucdp' from a CSV header, None when neither."""
    cols = {c.strip().casefold() for c in columns}
    if {"event_type", "fatalities", "latitude", "longitude"} <= cols and cols & {"event_date", "event_date_iso"}:
        return "acled"
    if {"date_start", "best", "latitude", "longitude", "side_a"} <= cols:
        return "ucdp"
    return None


def read_reference(path: Path | str) -> list[Reference]:
    """Reference records from an ACLED export CSV, a UCDP GED CSV or a warwire JSONL file (E301 otherwise)."""
    path = Path(path)
    if not path.is_file():
        raise WarwireError(E.E009, where=path)
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        head = f.read(1)
        f.seek(0)
        if head in ("{", "["):
            return _read_jsonl(f, path)
        reader = csv.DictReader(f)
        layout = layout_of(reader.fieldnames or [])
        if layout is None:
            raise WarwireError(E.E301, where=path, columns=", ".join(reader.fieldnames or []))
        make = acled_reference if layout == "acled" else ucdp_reference
        out = []
        for n, row in enumerate(reader, start=2):
            row = {(k or "").strip().casefold(): v for k, v in row.items()}
            out.append(make(row, f"{path.name}:{n}"))
        return out


def _read_jsonl(f, path: Path) -> list[Reference]:
    text = f.read()
    if text.lstrip().startswith("["):
        lines = [(i + 1, d) for i, d in enumerate(json.loads(text))]
    else:
        lines = []
        for n, raw in enumerate(text.splitlines(), start=1):
            if raw.strip():
                try:
                    lines.append((n, json.loads(raw)))
                except json.JSONDecodeError as exc:
                    raise WarwireError(E.E004, where=f"{path}:{n}", why=exc.msg) from exc
    out = []
    for n, d in lines:
        out.extend(warwire_references(d, f"{path.name}:{n}"))
    return out


# ---------------------------------------------------------------- matching


def _cell(loc: Location | None) -> tuple[int, int] | None:
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    return math.floor(loc.lat / _CELL), math.floor(loc.lon / _CELL)


class ReferenceIndex:
    """Reference rows by day, by day and grid cell, and by day and governorate, for quick candidate search."""

    def __init__(self, refs: Iterable[Reference]) -> None:
        self.refs = [r for r in refs if r.report.date]
        self.by_day: dict[int, list[Reference]] = defaultdict(list)
        self.by_cell: dict[tuple[int, tuple[int, int]], list[Reference]] = defaultdict(list)
        self.by_admin1: dict[tuple[int, str], list[Reference]] = defaultdict(list)
        for ref in self.refs:
            day = day_number(ref.report.date)
            self.by_day[day].append(ref)
            cell = _cell(ref.report.location)
            if cell:
                self.by_cell[(day, cell)].append(ref)
            if ref.report.location and ref.report.location.admin1:
                self.by_admin1[(day, ref.report.location.admin1.casefold())].append(ref)

    def candidates(self, r: Report) -> list[Reference]:
        """Rows that could be r's event or a contradiction of it: any place within the date
        tolerance (for a wrong place), the same area within ``MAX_DAYS`` (for a wrong date)."""
        if not r.date:
            return []
        day = day_number(r.date)
        near = date_tolerance(r.date_precision)
        seen: dict[int, Reference] = {}
        for d in range(day - near, day + near + 1):
            for ref in self.by_day.get(d, ()):
                seen[id(ref)] = ref
        cell = _cell(r.location)
        adm = r.location.admin1.casefold() if r.location and r.location.admin1 else None
        far: dict[int, Reference] = {}
        for d in range(day - MAX_DAYS - near, day + MAX_DAYS + near + 1):
            if cell:
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        for ref in self.by_cell.get((d, (cell[0] + dy, cell[1] + dx)), ()):
                            far[id(ref)] = ref
            if adm:
                for ref in self.by_admin1.get((d, adm), ()):
                    far[id(ref)] = ref
        for key, ref in far.items():
            if key not in seen and places_compatible(r.location, ref.report.location):
                seen[key] = ref
        return list(seen.values())


def aligned(ref: Reference, r: Report) -> Report:
    """The reference as a report, taking r's type and sub-type when the reference leaves them open."""
    rep = ref.report
    if ref.types and r.event_type in ref.types:
        return replace(rep, event_type=r.event_type, sub_event_type=r.sub_event_type)
    if not rep.sub_event_type and r.event_type == rep.event_type:
        return replace(rep, sub_event_type=r.sub_event_type)
    return rep


def _types_may_agree(ref: Reference, r: Report) -> bool:
    """A cheap test before ``aligned``: the reference's type is open to r's or may pair with it."""
    rep = ref.report
    return (r.event_type in ref.types or rep.event_type == r.event_type
            or frozenset((r.event_type, rep.event_type)) in settings()["_compatible_types"])


def _has_toll(r: Report) -> bool:
    return r.fatalities.best is not None or r.fatalities.low is not None


def tolls_agree(r: Report, ref: Report) -> bool:
    return not (_has_toll(r) and _has_toll(ref)) or tolls_consistent(r, ref)


def perpetrator_agrees(r: Report, ref: Reference, c: Report) -> bool:
    """r's actor1 is the row's actor1, one of its associated actors, or (in a battle) its actor2;
    a generic or missing actor agrees with anyone."""
    if is_generic(r.actor1):
        return True
    sides = [c.actor1, *ref.allies] + ([c.actor2] if c.event_type == "Battles" else [])
    sides = [a for a in sides if a is not None]
    if not sides or all(is_generic(a) for a in sides):
        return True
    if ref.kinds_only:
        return any(not a.kind or not r.actor1.kind or a.kind == r.actor1.kind for a in sides)
    return any(actors_agree(r.actor1, a) for a in sides if not is_generic(a))


@lru_cache(maxsize=1)
def _roots() -> dict[str, str]:
    actors = ActorDictionary.load()
    return {name.casefold(): actors.root(name).name.casefold() for name in actors.entries}


def _root(actor: Actor) -> str:
    """The actor at the top of the dictionary's parent chain, as letters and digits only (ACLED
    spells "Hayat Tahrir al-Sham" and "al Sham", "People's" and "Peoples")."""
    name = canonical_actor(actor)
    return re.sub(r"[^\w]", "", _roots().get(name, name))


def actors_agree(a: Actor, b: Actor) -> bool:
    """The same actor, a unit of it (by name or by the actor dictionary's parents), or an either-or
    attribution ("Allied Syrian and/or Russian Forces") that names the other's forces."""
    if same_actor(a, b) or _root(a) == _root(b):
        return True
    either = [x for x in (a, b) if EITHER in (x.name or "")]
    if either and a.kind == b.kind == "State forces" and a.country and b.country:
        return a.country == b.country or frozenset((a.country, b.country)) in settings()["_allied"]
    return False


def _days_apart(r: Report, c: Report) -> int:
    return day_number(c.date) - day_number(r.date)


def _place_value(loc: Location | None) -> str | None:
    if loc is None:
        return None
    return ", ".join(x for x in (loc.name, loc.admin1) if x) or None


def _toll_value(r: Report) -> int | None:
    return r.fatalities.best if r.fatalities.best is not None else r.fatalities.low


def _province_only(r: Report) -> bool:
    """Placed no closer than a province: every day has events there, so nothing ties a
    disagreement to one row."""
    return r.location is None or (r.location.geo_precision or 1) >= 3


def _mismatch(r: Report, ref: Reference, c: Report) -> Verdict | None:
    """The one field on which r and the row disagree, when everything else says they are one
    event: the same sub-type, both placed closer than a province, and for a wrong place the same
    day and the same named perpetrator (a place is the weakest tie between two reports). None
    otherwise."""
    if r.sub_event_type != c.sub_event_type or _province_only(r) or _province_only(c):
        return None
    failing = []
    if not dates_compatible(r, c):
        failing.append("date")
    if not places_compatible(r.location, c.location):
        failing.append("location")
    if not perpetrator_agrees(r, ref, c):
        failing.append("actor1")
    if not tolls_agree(r, c):
        failing.append("fatalities")
    if len(failing) != 1:
        return None
    name = failing[0]
    v = Verdict(report=r.id or "", verdict=CONTRADICTED, rows=[ref.id], field=name)
    if name == "date":
        days = _days_apart(r, c)
        if abs(days) > MAX_DAYS:
            return None
        v.ours, v.theirs, v.by, v.unit = r.date, c.date, float(days), "days"
    elif name == "location":
        km = distance_km(r.location, c.location)
        if (km is not None and km > MAX_KM) or r.date != c.date or is_generic(r.actor1) or is_generic(c.actor1):
            return None
        v.ours, v.theirs, v.unit = _place_value(r.location), _place_value(c.location), "km"
        v.by = round(km, 1) if km is not None else None
    elif name == "actor1":
        v.ours, v.theirs = r.actor1.name, c.actor1.name if c.actor1 else None
    else:
        ours, theirs = _toll_value(r), _toll_value(c)
        v.ours, v.theirs, v.unit = ours, theirs, "deaths"
        v.by = float(theirs - ours) if ours is not None and theirs is not None else None
    return v


def _likeness(r: Report, c: Report, v: Verdict) -> float:
    """How alike r and a row that contradicts it are, by linking's weights: the match score of the
    row with the contradicted field set to r's, less that field's weight times how far off it is.
    The likeliest rival is the row that is most nearly the same event."""
    fixes = {"date": {"date": r.date, "date_precision": r.date_precision}, "location": {"location": r.location},
             "actor1": {"actor1": r.actor1}, "fatalities": {"fatalities": r.fatalities}}
    score = match_score(r, replace(c, **fixes[v.field])) or 0.0
    return score - FIELD_WEIGHT[v.field] * (1.0 - _closeness(v))


def _closeness(v: Verdict) -> float:
    """How near the contradicted value is, 0..1, to rank rival rows: the nearest is the likeliest
    to be the same event."""
    if v.field == "date":
        return 1.0 - abs(v.by or 0) / (MAX_DAYS + 1)
    if v.field == "location":
        return 1.0 - (v.by if v.by is not None else MAX_KM) / (MAX_KM + 1)
    if v.field == "fatalities":
        ours, theirs = v.ours or 0, v.theirs or 0
        return min(ours, theirs) / max(ours, theirs, 1)
    return 0.2  # two named, different perpetrators, as match_score weighs them


def verdict_of(r: Report, index: ReferenceIndex) -> Verdict:
    """The verdict on one report against the indexed reference rows."""
    rid = r.id or ""
    if not linkable(r):
        return Verdict(report=rid, verdict=NOT_FOUND)
    supporting: list[tuple[float, str]] = []
    partial: list[tuple[float, Verdict]] = []
    near: list[tuple[float, str]] = []  # rows consistent on every field, yet too unlike to call the same event
    for ref in index.candidates(r):
        if not _types_may_agree(ref, r):
            continue
        c = aligned(ref, r)
        if not linkable(c) or not types_compatible(r, c):
            continue
        agrees = perpetrator_agrees(r, ref, c)
        # A perpetrator agreeing through the row's associated actors or the actor dictionary
        # counts as the same actor in the match score too.
        score = match_score(r, replace(c, actor1=r.actor1) if agrees and not is_generic(r.actor1) else c)
        if score is not None and agrees and tolls_agree(r, c):
            if score >= settings()["min_match_score"]:
                supporting.append((score, ref.id))
            else:
                near.append((score, ref.id))
        elif not supporting and (v := _mismatch(r, ref, c)) is not None:
            partial.append((_likeness(r, c, v), v))
    if supporting:
        supporting.sort(key=lambda x: (-x[0], x[1]))
        return Verdict(report=rid, verdict=SUPPORTED, rows=[i for _, i in supporting])
    # Several rows elsewhere that day with the same perpetrator: nothing says which one is ours.
    if sum(v.field == "location" for _, v in partial) > 1:
        partial = [(k, v) for k, v in partial if v.field != "location"]
    partial.sort(key=lambda x: (-x[0], x[1].rows[0]))
    near.sort(key=lambda x: (-x[0], x[1]))
    # A row consistent on every field and more alike than any contradicting row may be this
    # event: the disagreement of a less alike row then proves nothing.
    if partial and not (near and near[0][0] >= partial[0][0]):
        return partial[0][1]
    return Verdict(report=rid, verdict=NOT_FOUND, rows=[i for _, i in near])


def verify_reports(reports: Iterable[Report], refs: Iterable[Reference] | ReferenceIndex) -> Iterator[Verdict]:
    """A verdict per report, against reference records (or an index of them)."""
    index = refs if isinstance(refs, ReferenceIndex) else ReferenceIndex(refs)
    for r in reports:
        yield verdict_of(r, index)


# ---------------------------------------------------------------- the store


@dataclass
class VerifyResult:
    """Verdicts on a store's reports, with counts overall and per article."""

    reference: str
    rows: int
    verdicts: list[Verdict]
    articles: dict[str, dict[str, int]]
    events_updated: int = 0

    @property
    def counts(self) -> dict[str, int]:
        c = {v: 0 for v in VERDICTS}
        for v in self.verdicts:
            c[v.verdict] += 1
        return c

    def fields(self) -> dict[str, int]:
        """Contradictions by field."""
        c: dict[str, int] = defaultdict(int)
        for v in self.verdicts:
            if v.verdict == CONTRADICTED and v.field:
                c[v.field] += 1
        return dict(sorted(c.items()))

    def to_dict(self) -> dict[str, Any]:
        return {"reference": self.reference, "reference_rows": self.rows, "reports": len(self.verdicts),
                "counts": self.counts, "contradicted_fields": self.fields(), "events_updated": self.events_updated,
                "articles": self.articles, "verdicts": [v.to_dict() for v in self.verdicts]}


def event_verdict(verdicts: list[Verdict], reference: str) -> dict[str, Any]:
    """An event's verdict from its reports': supported when any is, else contradicted when any is."""
    kinds = {v.verdict for v in verdicts}
    overall = SUPPORTED if SUPPORTED in kinds else CONTRADICTED if CONTRADICTED in kinds else NOT_FOUND
    rows = list(dict.fromkeys(row for v in verdicts if v.verdict == overall for row in v.rows))
    return {"verdict": overall, "reference": reference, "rows": rows,
            "reports": {v.report: v.to_dict() for v in verdicts}}


def verify_store(store, reference: Path | str, *, save: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> VerifyResult:
    """Verdicts on every stored report against the reference file; with ``save``, each event's
    ``verdict`` is rewritten from its reports' verdicts."""
    refs = read_reference(reference)
    index = ReferenceIndex(refs)
    total = store.count_reports()
    verdicts: list[Verdict] = []
    articles: dict[str, dict[str, int]] = {}
    for n, r in enumerate(store.iter_reports(), start=1):
        v = verdict_of(r, index)
        verdicts.append(v)
        counts = articles.setdefault(r.article_id or "", {k: 0 for k in VERDICTS})
        counts[v.verdict] += 1
        if progress and (n % 200 == 0 or n == total):
            progress(n, total)
    result = VerifyResult(reference=Path(reference).name, rows=len(refs), verdicts=verdicts, articles=articles)
    if save:
        by_report = {v.report: v for v in verdicts}
        changed = []
        for e in store.iter_events():
            mine = [by_report[rid] for rid in e.reports if rid in by_report]
            if mine:
                e.verdict = event_verdict(mine, result.reference)
                changed.append(e)
        for start in range(0, len(changed), 500):
            store.save_events(changed[start:start + 500])
        result.events_updated = len(changed)
    return result
