"""Small helpers every table module uses: bounded IN lists, values that fit their columns, timestamps."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterator, Sequence

import sqlalchemy as sa

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
    """``row`` with strings cut to their column's length.

    PostgreSQL rejects an over-long VARCHAR where SQLite stores it, and one such value (ACLED's
    source field lists every URL, up to 2,600 characters) would fail the whole batch. The cut
    columns are copies for filtering, or names whose start is what matters.
    """
    for name, value in row.items():
        if isinstance(value, str):
            length = getattr(table.c[name].type, "length", None)
            if length and len(value) > length:
                row[name] = value[:length]
    return row
