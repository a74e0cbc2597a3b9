"""ACLED rows as gold: the coder's note is the text, the coded row is the truth.

Two layouts are read: the pre-2019 one (``event_date_iso``, event types such as
"Remote violence", mapped to today's six through ``knowledge/acled.yaml``) and today's
31-column export (``event_date`` "02 June 2023", ``sub_event_type``).

Which report a row is scored on: ACLED codes one event per location and day, so a note
naming three places is three rows carrying the same note. A row whose note (same text,
same date) no other row of the file carries is scored on the note's primary report. Rows
sharing a note are matched one-to-one with the note's reports: of all (row, report) pairs,
the nearest goes first, and each row takes the report nearest it that no other row took
(a row or report without coordinates is never paired). A row left over when the note has
fewer reports than rows is scored, as a lone row is, on the primary report, so a note told
as one report scores as before.
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warwire.errors import E, WarwireError
from warwire.eval.scoring import PLACE_KM, Case, Scores, admin1, excerpt, km, primary_report, spaced
from warwire.knowledge.acled import event_type, inter_kind, sub_event_type
from warwire.model import Article, Report

PRE_2019, CURRENT = "pre-2019", "current"


@dataclass
class AcledRow:
    id: str
    text: str
    date: str | None
    event_type: str
    sub_event_type: str | None
    fatalities: int
    admin1: str | None
    lat: float | None
    lon: float | None
    kind1: str | None
    kind2: str | None
    layout: str = PRE_2019
    country: str | None = None

    def article(self) -> Article:
        return Article(text=self.text, source_id=self.id, published=self.date, origin=f"acled:{self.id}")


def _date(row: dict[str, str]) -> str | None:
    if row.get("event_date_iso"):
        return row["event_date_iso"]
    raw = (row.get("event_date") or "").strip()
    for fmt in ("%d %B %Y", "%Y-%m-%d", "%d-%b-%y"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _float(s: str | None) -> float | None:
    try:
        return float(s) if s not in (None, "") else None
    except ValueError:
        return None


def read_acled(path: Path | str, limit: int | None = None, month: str | None = None) -> list[AcledRow]:
    """ACLED rows with a note; ``month`` ("2018-01") keeps that month's; ``limit`` keeps that many, evenly
    spaced through the file (same rows every run)."""
    path = Path(path)
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        if "notes" not in (reader.fieldnames or []):
            raise WarwireError(E.E202, where=path, line=1,
                               why=f"no 'notes' column (columns: {', '.join(reader.fieldnames or [])}): "
                                   "give an ACLED export")
        layout = CURRENT if "sub_event_type" in reader.fieldnames else PRE_2019
        rows = [r for r in reader if (r.get("notes") or "").strip()]
    if month:
        rows = [r for r in rows if (_date(r) or "").startswith(month)]
    rows = spaced(rows, limit)
    out = []
    for r in rows:
        text = r["notes"].strip()
        out.append(AcledRow(
            id=r.get("event_id_cnty") or r.get("data_id") or "", text=text, date=_date(r),
            event_type=event_type(r.get("event_type", ""), text),
            sub_event_type=r.get("sub_event_type") or sub_event_type(r.get("event_type")),
            fatalities=int(r.get("fatalities") or 0), admin1=admin1(r.get("admin1")),
            lat=_float(r.get("latitude")), lon=_float(r.get("longitude")),
            kind1=inter_kind(r.get("inter1")), kind2=inter_kind(r.get("inter2")), layout=layout,
            country=(r.get("country") or "").strip() or None,
        ))
    return out


#: The country of the first ACLED file warwire was measured on: its dataset is plain ``acled``.
FIRST_COUNTRY = "Syria"


def dataset_name(rows: list[AcledRow]) -> str:
    """The floors' name of an ACLED file: ``acled`` (Syria, pre-2019 layout), ``acled_current`` (today's
    layout), ``acled_<country>`` for another country's pre-2019 file (``acled_yemen``)."""
    if rows and rows[0].layout == CURRENT:
        return "acled_current"
    country = rows[0].country if rows else None
    if not country or country == FIRST_COUNTRY:
        return "acled"
    return "acled_" + re.sub(r"\W+", "_", country.casefold()).strip("_")


def note_key(row: AcledRow) -> tuple[str, str | None]:
    """Rows with the same key carry the same note: its text (spacing aside) and its date."""
    return " ".join(row.text.split()), row.date


def _distance(row: AcledRow, report: Report) -> float:
    loc = report.location
    if row.lat is None or row.lon is None or loc is None or loc.lat is None or loc.lon is None:
        return math.inf
    return km(row.lat, row.lon, loc.lat, loc.lon)


def row_reports(rows: list[AcledRow], predictions: list[list[Report]]) -> list[Report | None]:
    """The report each row is scored on (see the module's docstring): the primary one, unless rows share
    the note, which then take its reports one-to-one, nearest first."""
    chosen = [primary_report(preds) for preds in predictions]
    notes: dict[tuple[str, str | None], list[int]] = {}
    for i, row in enumerate(rows):
        notes.setdefault(note_key(row), []).append(i)
    for members in notes.values():
        reports = list(predictions[members[0]])
        if len(members) < 2 or len(reports) < 2:
            continue
        pairs = sorted((_distance(rows[i], rep), n, k) for n, i in enumerate(members) for k, rep in enumerate(reports))
        taken_rows: set[int] = set()
        taken_reports: set[int] = set()
        for d, n, k in pairs:
            if d == math.inf or n in taken_rows or k in taken_reports:
                continue  # a row or report with no coordinates keeps the primary report
            taken_rows.add(n)
            taken_reports.add(k)
            chosen[members[n]] = reports[k]
    return chosen


def score_acled(rows: list[AcledRow], predictions: list[list[Report]], seconds: float = 0.0,
                dataset: str = "acled") -> Scores:
    """Whether anything was found, event type, sub-event type (where the row names one), fatalities, place,
    admin1 and actor kinds of the report each row is matched with (``row_reports``)."""
    scores = Scores(dataset, n=len(rows), seconds=seconds)
    matched = row_reports(rows, predictions)
    for row, preds, r in zip(rows, predictions, matched, strict=True):
        loc = r.location if r else None
        diffs: list[str] = []

        def check(name: str, want, got, ok: bool | None = None) -> None:
            if not scores.metric(name).add(want == got if ok is None else ok):
                diffs.append(f"{name}: want {want!r}, got {got!r}")

        check("reports", True, bool(preds))
        check("event_type", row.event_type, r.event_type if r else None)
        if row.sub_event_type:
            check("sub_event_type", row.sub_event_type, r.sub_event_type if r else None)
        got_deaths = (r.fatalities.best if r and r.fatalities else None) or 0
        check("fatalities", row.fatalities, got_deaths)
        got_admin1 = admin1(loc.admin1) if loc else None
        check("admin1", row.admin1, got_admin1)
        if row.lat is not None and row.lon is not None:
            near = bool(loc and loc.lat is not None and loc.lon is not None
                        and km(row.lat, row.lon, loc.lat, loc.lon) <= PLACE_KM and got_admin1 == row.admin1)
            got_place = (f"{loc.name} ({loc.lat}, {loc.lon})" if loc else None)
            check("location", f"({row.lat}, {row.lon}) {row.admin1}", got_place, near)
        check("actor1.kind", row.kind1, r.actor1.kind if r and r.actor1 else None)
        check("actor2.kind", row.kind2, r.actor2.kind if r and r.actor2 else None)
        if diffs:
            scores.cases.append(Case(row.id, excerpt(row.text), len(diffs), diffs))
    return scores
