"""Events in the store: linked reports, saved and replaced as linking revises them."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

import sqlalchemy as sa

from warwire.model import Event
from warwire.store.engine import write_begin
from warwire.store.schema import event_reports, events
from warwire.store.sql import PAGE, chunks, fit, where as _where


def event_row(e: Event) -> dict[str, Any]:
    loc, fat = e.location, e.fatalities or {}
    return fit(events, {
        "id": e.id, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "date_start": e.date_start, "date_end": e.date_end,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "location_name": loc.name if loc else None, "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "actor1": e.actor1.name if e.actor1 else None, "actor2": e.actor2.name if e.actor2 else None,
        "fatalities_low": fat.get("low"), "fatalities_best": fat.get("best"), "fatalities_high": fat.get("high"),
        "n_sources": e.n_sources, "n_contradictions": len(e.contradictions), "record": e.to_dict(),
    })


def _event_where(*, contradicted: bool, **filters: Any) -> list[Any]:
    where = _where(events, date=("date_start", "date_end"), **filters)
    return where + [events.c.n_contradictions > 0] if contradicted else where


class EventStore:
    """Event methods of ``Store``; expects ``self.engine``."""

    engine: sa.Engine

    def save_events(self, batch: list[Event], replace_ids: Iterable[str] = ()) -> None:
        """Upsert events and their report links, and delete ``replace_ids``, in one transaction.

        A report belongs to one event: linking it here removes it from any other event.
        """
        gone = list(dict.fromkeys([e.id for e in batch] + list(replace_ids)))
        report_ids = list(dict.fromkeys(rid for e in batch for rid in e.reports))
        with write_begin(self.engine) as conn:
            for part in chunks(gone):
                conn.execute(event_reports.delete().where(event_reports.c.event_id.in_(part)))
                conn.execute(events.delete().where(events.c.id.in_(part)))
            for part in chunks(report_ids):
                conn.execute(event_reports.delete().where(event_reports.c.report_id.in_(part)))
            if batch:
                conn.execute(events.insert(), [event_row(e) for e in batch])
            links = {rid: e.id for e in batch for rid in e.reports}  # the last event naming a report wins
            if links:
                conn.execute(event_reports.insert(),
                             [{"event_id": eid, "report_id": rid} for rid, eid in links.items()])

    def iter_events(self, *, since: str | None = None, until: str | None = None, country: str | None = None,
                    admin1: str | None = None, event_type: str | None = None, ids: Iterable[str] | None = None,
                    contradicted: bool = False, limit: int | None = None, offset: int = 0) -> Iterator[Event]:
        """Stored events matching the filters, by start date, streamed; ``contradicted``: only those whose
        sources disagree."""
        where = _event_where(since=since, until=until, country=country, admin1=admin1, event_type=event_type,
                             ids=ids, contradicted=contradicted)
        stmt = (sa.select(events.c.record).where(*where)
                .order_by(events.c.date_start.asc().nulls_last(), events.c.id).offset(offset or None))
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execution_options(stream_results=True, yield_per=PAGE).execute(stmt):
                yield Event.from_dict(row.record)

    def contradicted_event_ids(self) -> list[str]:
        """The ids of the events whose sources disagree, by start date."""
        stmt = (sa.select(events.c.id).where(events.c.n_contradictions > 0)
                .order_by(events.c.date_start.asc().nulls_last(), events.c.id))
        with self.engine.connect() as conn:
            return list(conn.scalars(stmt))

    def get_event(self, event_id: str) -> Event | None:
        with self.engine.connect() as conn:
            record = conn.scalar(sa.select(events.c.record).where(events.c.id == event_id))
        return Event.from_dict(record) if record is not None else None

    def event_of_report(self, report_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(event_reports.c.event_id).where(event_reports.c.report_id == report_id))

    def count_events(self, *, since: str | None = None, until: str | None = None, country: str | None = None,
                     admin1: str | None = None, event_type: str | None = None,
                     ids: Iterable[str] | None = None, contradicted: bool = False) -> int:
        where = _event_where(since=since, until=until, country=country, admin1=admin1, event_type=event_type,
                             ids=ids, contradicted=contradicted)
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(sa.func.count()).select_from(events).where(*where)) or 0
