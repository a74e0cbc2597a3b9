"""The rows of the store's reports table, built without the database library.

An extraction worker builds the rows of the reports it found (``warwire.engine.prepared``), so that the
run's driver, which writes every worker's batches, only writes them; the store builds rows from reports
it is given the same way (``warwire.store.reports``). Nothing here imports SQLAlchemy: a worker process
that imported it would start about 0.2 CPU-s later.
"""
from __future__ import annotations

import json
import re
from typing import Any

from warwire.model import Report

#: The reports table's string columns and their lengths (``warwire.store.schema``; a test checks they agree).
LENGTHS = {"id": 48, "article_id": 32, "event_type": 64, "sub_event_type": 64, "date": 10, "country": 64,
           "admin1": 128, "admin2": 128, "location_name": 255, "actor1": 255, "actor2": 255, "claimed_by": 255}

# Control characters a stored string may not hold: PostgreSQL refuses NUL in text (and a whole
# batch with it), and the others are terminal escapes or noise. Tab and newline stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What ``json.dumps`` writes for a control character of ``_CONTROL`` (escaped, the text being ASCII): a
# record's text without any of these held none. Non-ASCII letters and escaped backslashes match too (a
# false alarm: the record is then cleaned, which changes nothing in it).
_ESCAPED_CONTROL = re.compile(r"\\u00|\\b|\\f")


class JSONText(str):
    """A record already serialised by ``json.dumps``: the store writes it as it is (``store.engine``)."""

    __slots__ = ()


class Rows(list):
    """An article's report rows as ``report_row`` builds them, in report order: the store writes them as they are."""


def clean(value: Any) -> Any:
    """``value`` with control characters (NUL included) dropped from every string, also inside lists and dicts."""
    if isinstance(value, str):
        return _CONTROL.sub("", value) if _CONTROL.search(value) else value
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value


def record_json(record: dict[str, Any]) -> JSONText:
    """``json.dumps`` of ``record`` cleaned of control characters, as the store's JSON column writes it.

    The record is walked only when its text shows a character ``clean`` may drop: most hold none.
    """
    text = json.dumps(record)
    if _ESCAPED_CONTROL.search(text):
        text = json.dumps(clean(record))
    return JSONText(text)


def _fit(name: str, value: str) -> str:
    """A column's string cleaned of control characters and cut to the column's length."""
    if _CONTROL.search(value):
        value = _CONTROL.sub("", value)
    length = LENGTHS.get(name)
    return value[:length] if length and len(value) > length else value


def report_row(r: Report, article_id: str, index: int) -> dict[str, Any]:
    """The reports table's row of report ``r``, the ``index``-th of article ``article_id``.

    Strings are cleaned of control characters and cut to their column's length (PostgreSQL rejects an
    over-long VARCHAR where SQLite stores it, and one such value would fail the whole batch); the record
    is the report's JSON text (``record_json``).
    """
    loc, actor1, actor2, claimed = r.location, r.actor1, r.actor2, r.claimed_by
    row = {
        "id": f"{article_id}:{index}", "article_id": article_id, "idx": index,
        "event_type": r.event_type, "sub_event_type": r.sub_event_type,
        "date": r.date, "date_precision": r.date_precision,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None, "location_name": loc.name if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "actor1": actor1.name if actor1 else None, "actor2": actor2.name if actor2 else None,
        "fatalities": r.fatalities.best if r.fatalities else None,
        "claimed_by": claimed.name if claimed else None,
    }
    for name, value in row.items():
        if isinstance(value, str):
            row[name] = _fit(name, value)
        elif isinstance(value, (list, dict)):
            row[name] = clean(value)
    row["primary"] = bool(r.primary)
    row["record"] = record_json(r.to_dict())
    return row


def report_rows(article_id: str, reports: list[Report]) -> Rows:
    """The rows of an article's reports, numbered in order."""
    return Rows(report_row(r, article_id, i) for i, r in enumerate(reports))
