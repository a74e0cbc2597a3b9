"""ACLED-compatible CSV: ACLED's current 31 columns, so ACLED tooling reads warwire's events, then ``link_reasons``.

Events and reports both export: an event row cites all its outlets, a report
row its own outlet. ``notes`` is a summary written from the record (who, what,
where, the toll and who disagrees), never article text. Codes (inter,
interaction, disorder type, ISO, region) follow ACLED's codebook, kept in
``acled.yaml``.
"""
from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from warwire.model import Actor, Event, Location, Report
from warwire.resources import load_yaml


def codebook() -> dict[str, Any]:
    return load_yaml("warwire.export", "acled.yaml")


ACLED_COLUMNS: list[str] = codebook()["columns"]
# After ACLED's columns (tools read them by name): why each report of an event joined it, for auditing the linking.
COLUMNS: list[str] = ACLED_COLUMNS + ["link_reasons"]


def link_reasons(e: Event) -> str:
    """"REPORT linked to OTHER: same place, same day; toll | ..." for each report of the event, in report order."""
    return " | ".join(f"{rid} linked to {e.link_reasons[rid]}" for rid in e.reports if rid in e.link_reasons)


def acled_date(iso: str | None) -> str:
    """ACLED's date as in its exports: "02 June 2023"."""
    return date.fromisoformat(iso).strftime("%d %B %Y") if iso else ""


def inter_code(actor: Actor | None) -> int:
    return codebook()["inter"].get(actor.kind, 0) if actor and actor.kind else 0


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction: the lower code first; a sole actor is its code then 0."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _fatalities_note(low: int | None, best: int | None, high: int | None) -> str:
    if best is None:
        return "Fatalities not reported."
    if low is not None and high is not None and low != high:
        return f"{low}-{high} fatalities reported (best estimate {best})."
    return f"{best} fatalit{'y' if best == 1 else 'ies'}."


def notes(event_date: str | None, sub_event_type: str, actor1: Actor | None, actor2: Actor | None,
          loc: Location | None, fatalities: tuple, sources: str, disputed: Iterable[str] = ()) -> str:
    """A one-paragraph summary of the record in ACLED's notes style."""
    when = f"On {acled_date(event_date).lstrip('0')}" if event_date else "On an unknown date"
    who = actor1.name if actor1 else "unidentified actors"
    whom = f" against {actor2.name}" if actor2 else ""
    where = ""
    if loc is not None:
        where = f" in {loc.name}" + (f" ({loc.admin1})" if loc.admin1 and loc.admin1 != loc.name else "")
    text = f"{when}, {sub_event_type.lower()} by {who}{whom}{where}. {_fatalities_note(*fatalities)}"
    if sources:
        text += f" Sources: {sources}."
    disputed = list(disputed)
    if disputed:
        text += f" Sources disagree on {', '.join(disputed)}."
    return text


def _row(row_id: str, event_type: str, sub: str, day: str | None, precision: int, actor1: Actor | None,
         actor2: Actor | None, loc: Location | None, source: str, note: str, fatalities: int | None,
         tags: Iterable[str], stamp: int) -> dict[str, Any]:
    book = codebook()
    i1, i2 = inter_code(actor1), inter_code(actor2)
    country = (loc.country if loc else None) or ""
    place = book["countries"].get(country, {})
    return {
        "event_id_cnty": row_id, "event_date": acled_date(day), "year": day[:4] if day else "",
        "time_precision": precision, "disorder_type": book["disorder_type"].get(event_type, ""),
        "event_type": event_type, "sub_event_type": sub,
        "actor1": actor1.name if actor1 else "", "assoc_actor_1": "", "inter1": i1 if actor1 else "",
        "actor2": actor2.name if actor2 else "", "assoc_actor_2": "", "inter2": i2 if actor2 else "",
        "interaction": interaction(i1, i2) if actor1 else "",
        "civilian_targeting": "Civilian targeting" if actor2 is not None and actor2.kind == "Civilians" else "",
        "iso": place.get("iso", ""), "region": place.get("region", ""), "country": country,
        "admin1": (loc.admin1 if loc else None) or "", "admin2": (loc.admin2 if loc else None) or "", "admin3": "",
        "location": loc.name if loc else "", "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": (loc.geo_precision if loc else None) or "",
        "source": source, "source_scale": "", "notes": note, "fatalities": fatalities or 0,
        "tags": "; ".join(tags), "timestamp": stamp, "link_reasons": "",
    }


def event_precision(e: Event) -> int:
    """ACLED's time precision from the event's date range: one day, within a week, or longer."""
    if not e.date_start or not e.date_end:
        return 3
    span = date.fromisoformat(e.date_end).toordinal() - date.fromisoformat(e.date_start).toordinal()
    return 1 if span == 0 else 2 if span <= 7 else 3


def event_row(e: Event, stamp: int) -> dict[str, Any]:
    f = e.fatalities
    sources = "; ".join(e.outlets)
    note = notes(e.date_start, e.sub_event_type, e.actor1, e.actor2, e.location,
                 (f.get("low"), f.get("best"), f.get("high")), sources, [c.field for c in e.contradictions])
    return {**_row(e.id, e.event_type, e.sub_event_type, e.date_start, event_precision(e), e.actor1, e.actor2,
                   e.location, sources, note, f.get("best"), e.tags, stamp), "link_reasons": link_reasons(e)}


def report_row(r: Report, outlet: str | None, stamp: int) -> dict[str, Any]:
    source = outlet or ""
    if r.claimed_by:
        source = f"{source}; {r.claimed_by.name}" if source else r.claimed_by.name
    f = r.fatalities
    note = notes(r.date, r.sub_event_type, r.actor1, r.actor2, r.location, (f.low, f.best, f.high), source)
    # ACLED's time precisions are a day, a week and a month or longer; a happening told by its year only (a past
    # event's reference, ``YEAR_TOLD``) is the last of them.
    return _row(r.id, r.event_type, r.sub_event_type, r.date, min(r.date_precision or 1, 3), r.actor1, r.actor2,
                r.location, source, note, f.best, r.tags, stamp)


def write_acled_csv(what: str, items: Iterable[Any], out: TextIO, stamp: int | None = None) -> int:
    """Write events or (report, outlet) pairs as ACLED CSV rows; returns the number of rows."""
    stamp = int(time.time()) if stamp is None else stamp
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for item in items:
        writer.writerow(event_row(item, stamp) if what == "events" else report_row(*item, stamp))
        n += 1
    return n
