"""Keyset pagination with opaque cursors.

A cursor is the sort key and tie-break of the last row of a page, base64-encoded; the
next page starts strictly after it, so pages stay stable while rows are added.
Rows whose sort key is NULL come after all others, in both directions, read
in a second query so that each query can walk an index.
"""
from __future__ import annotations

import base64
import json
import math
from typing import Any, Callable

import sqlalchemy as sa

from warwire.errors import E, WarwireError


def encode_cursor(sort: str, value: Any, last: Any) -> str:
    raw = json.dumps([sort, value, last], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, Any]:
    """(value, tie-break) of the row a cursor points after; E403 when it is not ours or was made for another sort."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_sort, value, last = json.loads(raw)
    except (ValueError, TypeError):
        raise WarwireError(E.E403, cursor=cursor[:40], sort=sort) from None
    if got_sort != sort or not _storable(last) or (value is not None and not _storable(value)):
        raise WarwireError(E.E403, cursor=cursor[:40], sort=sort)
    return value, last


def _storable(value: Any) -> bool:
    """A key a row can have: a string, or a number both databases hold (64-bit integers, finite floats)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -2**63 <= value < 2**63
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, str) and "\x00" not in value


def _same_type(value: Any, column: Any) -> bool:
    """Whether a cursor's value fits the column it is compared with (a date for a date sort, a number for a count)."""
    try:
        wanted = column.type.python_type
    except NotImplementedError:
        return True
    return value is None or isinstance(value, wanted) or (wanted is float and isinstance(value, int))


def tiebreak(conn: sa.Connection, table: sa.Table) -> Any:
    """What orders rows with equal sort keys: SQLite's rowid, which every index already holds after its
    key (so a page walks the index with no sort), else the primary key."""
    if conn.dialect.name == "sqlite":
        return sa.literal_column(f"{table.name}.rowid", sa.Integer)
    return table.c.id


def page(conn: sa.Connection, table: sa.Table, where: list, sort: str, key: sa.Column, descending: bool,
         cursor: str | None, limit: int, keep: Callable[[Any], bool] | None = None,
         columns: list | None = None, walk: tuple[int, list] | None = None) -> tuple[list[sa.Row], str | None]:
    """One page of ``table`` rows matching ``where``, ordered by ``key`` then a tie-break; returns (rows, next cursor).

    ``keep`` filters rows in Python (for what SQL cannot see); the scan goes on until the page
    is full or the rows run out. ``walk``: (n, conditions equivalent to ``where`` that keep the
    planner on the sort index). The page is first looked for among the next n rows in sort
    order: when many rows match it is found at once, where a planner that picks the filter's
    index would sort every match first (SQLite does not weigh LIMIT when it picks an index).
    """
    tb = tiebreak(conn, table)
    value, last, in_nulls = None, None, False
    if cursor:
        value, last = decode_cursor(cursor, sort)
        if not (_same_type(value, key) and _same_type(last, tb)):
            raise WarwireError(E.E403, cursor=cursor[:40], sort=sort)
        in_nulls = value is None
    select = sa.select(*(columns or [table]), key.label("sort_key"), tb.label("tiebreak"))
    rows: list[sa.Row] = []
    want = limit + 1  # one more tells whether there is a next page
    batch = want if keep is None else max(want, 500)

    def after() -> list:
        if last is None:
            return []
        if in_nulls:
            return [tb < last if descending else tb > last]
        if descending:
            return [key <= value, sa.or_(key < value, tb < last)]
        return [key >= value, sa.or_(key > value, tb > last)]

    def fetch(conds: list, order: list) -> None:
        nonlocal value, last
        while len(rows) < want:
            got = conn.execute(select.where(*conds, *after()).order_by(*order).limit(batch)).all()
            rows.extend(r for r in got if keep is None or keep(r._mapping))
            if got:
                value, last = got[-1].sort_key, got[-1].tiebreak
            if len(got) < batch or keep is None:
                return

    def walked(order: list) -> bool:
        """Rows of the page found within the walk window; True when they are all there are or a full page."""
        n, conditions = walk
        # The sort key n rows ahead, read from the key's index alone; the walk stops there.
        edge = conn.execute(sa.select(key).where(key.is_not(None), *after()).order_by(*order)
                            .offset(n - 1).limit(1)).scalar()
        bound = [] if edge is None else [key >= edge if descending else key <= edge]
        got = conn.execute(select.where(*conditions, key.is_not(None), *after(), *bound).order_by(*order)
                           .limit(want)).all()
        if edge is None or len(got) == want:
            rows.extend(got)
            return True
        return False

    if not in_nulls:
        order = [key.desc(), tb.desc()] if descending else [key.asc(), tb.asc()]
        if not (walk and keep is None and walked(order)):
            fetch([*where, key.is_not(None)], order)
        if len(rows) < want:
            in_nulls, last = True, None
    if in_nulls and len(rows) < want:
        fetch([*where, key.is_(None)], [tb.desc() if descending else tb.asc()])

    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(sort, rows[-1].sort_key, rows[-1].tiebreak)
