"""Keyset pagination with opaque cursors.

A cursor is the sort key and id of the last row of a page, base64-encoded; the
next page starts strictly after it, so pages stay stable while rows are added.
Rows whose sort key is NULL come after all others, in both directions, read
in a second query so that each query can walk an index.
"""
from __future__ import annotations

import base64
import json
from typing import Any, Callable

import sqlalchemy as sa

from warwire.errors import E, WarwireError


def encode_cursor(sort: str, value: Any, last_id: str) -> str:
    raw = json.dumps([sort, value, last_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """(value, id) of the row a cursor points after; E403 when it is not ours or was made for another sort."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_sort, value, last_id = json.loads(raw)
    except (ValueError, TypeError):
        raise WarwireError(E.E403, cursor=cursor[:40], sort=sort) from None
    if got_sort != sort or not isinstance(last_id, str) or not isinstance(value, (str, int, float, type(None))):
        raise WarwireError(E.E403, cursor=cursor[:40], sort=sort)
    return value, last_id


def page(conn: sa.Connection, table: sa.Table, where: list, sort: str, key: sa.Column, descending: bool,
         cursor: str | None, limit: int, keep: Callable[[dict], bool] | None = None,
         columns: list | None = None) -> tuple[list[sa.Row], str | None]:
    """One page of ``table`` rows matching ``where``, ordered by ``key`` then id; returns (rows, next cursor).

    ``keep`` filters decoded rows in Python (for what SQL cannot see); the scan goes on until the
    page is full or the rows run out.
    """
    idc = table.c.id
    value, last_id, in_nulls = None, None, False
    if cursor:
        value, last_id = decode_cursor(cursor, sort)
        in_nulls = value is None
    select = sa.select(*(columns or [table]))
    rows: list[sa.Row] = []
    want = limit + 1  # one more tells whether there is a next page
    batch = want if keep is None else max(want, 200)

    def fetch(conds, order):
        nonlocal last_id, value
        while len(rows) < want:
            got = conn.execute(select.where(*conds, *after()).order_by(*order).limit(batch)).all()
            for r in got:
                if keep is None or keep(r._mapping):
                    rows.append(r)
            if got:
                value, last_id = (None if in_nulls else got[-1]._mapping[key.name]), got[-1]._mapping["id"]
            if len(got) < batch:
                return
            if keep is None:
                return

    def after():
        if last_id is None:
            return []
        if in_nulls:
            return [idc < last_id if descending else idc > last_id]
        if descending:
            return [key <= value, sa.or_(key < value, idc < last_id)]
        return [key >= value, sa.or_(key > value, idc > last_id)]

    if not in_nulls:
        order = [key.desc(), idc.desc()] if descending else [key.asc(), idc.asc()]
        fetch([*where, key.is_not(None)], order)
        if len(rows) < want:
            in_nulls, last_id = True, None
    if in_nulls and len(rows) < want:
        fetch([*where, key.is_(None)], [idc.desc() if descending else idc.asc()])

    rows = rows[:want]
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]._mapping
    return rows, encode_cursor(sort, last[key.name], last["id"])
