"""Watches in the store: saved event filters, and the events each watch's webhook was told of."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable

import sqlalchemy as sa

from warwire.store.schema import watch_deliveries, watches


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def save_watch(engine: sa.Engine, name: str, filters: dict[str, str], webhook: str | None) -> None:
    """Add or replace the watch ``name`` (its deliveries start again from nothing)."""
    with engine.begin() as conn:
        conn.execute(watch_deliveries.delete().where(watch_deliveries.c.watch == name))
        conn.execute(watches.delete().where(watches.c.name == name))
        conn.execute(watches.insert().values(name=name, filters=filters, webhook=webhook, created_at=_now()))


def get_watch(engine: sa.Engine, name: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(sa.select(watches).where(watches.c.name == name)).first()
    return dict(row._mapping) if row else None


def list_watches(engine: sa.Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(watches).order_by(watches.c.name))]


def remove_watch(engine: sa.Engine, name: str) -> bool:
    with engine.begin() as conn:
        conn.execute(watch_deliveries.delete().where(watch_deliveries.c.watch == name))
        return conn.execute(watches.delete().where(watches.c.name == name)).rowcount > 0


def delivered(engine: sa.Engine, name: str) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(sa.select(watch_deliveries.c.event_id).where(watch_deliveries.c.watch == name)).scalars())


def mark_delivered(engine: sa.Engine, name: str, event_ids: Iterable[str]) -> None:
    now = _now()
    rows = [{"watch": name, "event_id": e, "delivered_at": now} for e in event_ids]
    if rows:
        with engine.begin() as conn:
            conn.execute(watch_deliveries.insert(), rows)
