"""Small helpers every table module uses: bounded IN lists, values that fit their columns, timestamps.

``clean`` (control characters out of stored strings) comes from ``warwire.rows``, which builds report
rows without SQLAlchemy.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable, Iterator, Sequence

import sqlalchemy as sa

from warwire.rows import clean

# Keeps IN (...) lists under every backend's bound-parameter limit.
IN_CHUNK = 500
# Rows fetched per round trip when streaming.
PAGE = 500


def chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def fit(table: sa.Table, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` cleaned of control characters and with strings cut to their column's length.

    PostgreSQL rejects an over-long VARCHAR where SQLite stores it, and one such value (ACLED's
    source field lists every URL, up to 2,600 characters) would fail the whole batch; a NUL in any
    string fails it too. The cut columns are copies for filtering, or names whose start is what matters.
    """
    for name, value in row.items():
        value = row[name] = clean(value)
        if isinstance(value, str):
            length = getattr(table.c[name].type, "length", None)
            if length and len(value) > length:
                row[name] = value[:length]
    return row


def where(table: sa.Table, *, date: str | tuple[str, str], since: str | None = None, until: str | None = None,
          ids: Iterable[str] | None = None, words: str | None = None, words_in: Sequence[str] = (),
          **equal: Any) -> list[Any]:
    """The WHERE clauses every listing of ``table`` shares.

    ``equal``: column name -> value, for the filters given (None or "" is no filter). ``date``: the
    date column, or (start, end) columns of a span; a row is in [since, until] (ISO, inclusive) when
    its dates overlap it. ``words``: a case-insensitive substring of any of the ``words_in`` columns.
    """
    c = table.c
    start, end = (date, date) if isinstance(date, str) else date
    out: list[Any] = [c[name] == value for name, value in equal.items() if value not in (None, "")]
    if since:
        out.append((c[start] if end == start else sa.func.coalesce(c[end], c[start])) >= since)
    if until:
        out.append(c[start] <= until)
    if words:
        pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        out.append(sa.or_(*(c[name].ilike(pattern, escape="\\") for name in words_in)))
    if ids is not None:
        out.append(c.id.in_(list(ids)))
    return out
