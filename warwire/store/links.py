"""What linking reads from the store besides whole reports and events: article openings, which
reports are in no event, which events lost reports, the dates the reports span, and the references
already tried (``link_seen``), and the merges and splits users made by hand (``link_overrides``)."""
from __future__ import annotations

from typing import Iterable, Iterator

import sqlalchemy as sa

from warwire.store.engine import write_begin
from warwire.store.schema import articles, event_reports, events, link_overrides, link_seen, reports
from warwire.store.sql import chunks


def article_openings(engine: sa.Engine, chars: int) -> Iterator[sa.Row]:
    """Id, outlet, publication date, original, title, whether the date is the event's (``event_dated``) and the
    first ``chars`` characters of every stored article (only the opening of the text is read)."""
    stmt = sa.select(articles.c.id, articles.c.outlet, articles.c.published, articles.c.duplicate_of,
                     articles.c.title, articles.c.event_dated,
                     sa.func.substr(articles.c.text, 1, chars).label("opening"))
    with engine.connect() as conn:
        yield from conn.execute(stmt)


def stale_event_ids(engine: sa.Engine) -> list[str]:
    """Events that lost reports since they were saved: an article extracted again replaces its
    reports, and the store drops their event links. Found by comparing, in SQL, the reports an
    event's record lists with the links it still has, so no record is decoded."""
    if engine.dialect.name == "postgresql":
        listed = sa.literal_column("json_array_length(events.record -> 'reports')")
    else:
        listed = sa.literal_column("json_array_length(events.record, '$.reports')")
    linked = (sa.select(sa.func.count()).select_from(event_reports)
              .where(event_reports.c.event_id == events.c.id).scalar_subquery())
    return _ids(engine, sa.select(events.c.id).where(listed != linked))


def all_event_ids(engine: sa.Engine) -> list[str]:
    return _ids(engine, sa.select(events.c.id))


def all_report_ids(engine: sa.Engine) -> list[str]:
    return _ids(engine, sa.select(reports.c.id))


def unlinked_report_ids(engine: sa.Engine, unseen: bool = False) -> list[str]:
    """Reports that are in no event; with ``unseen``, but the references already tried (``mark_seen``)."""
    stmt = sa.select(reports.c.id).where(~sa.exists().where(event_reports.c.report_id == reports.c.id))
    if unseen:
        stmt = stmt.where(~sa.exists().where(link_seen.c.report_id == reports.c.id))
    return _ids(engine, stmt)


def mark_seen(engine: sa.Engine, report_ids: Iterable[str]) -> None:
    """Note that linking has tried these references. A reference extracted again is a new row,
    so its mark goes with the old one."""
    ids = sorted(set(report_ids))
    if not ids:
        return
    with write_begin(engine) as conn:
        for part in chunks(ids):
            conn.execute(link_seen.delete().where(link_seen.c.report_id.in_(part)))
            present = list(conn.scalars(sa.select(reports.c.id).where(reports.c.id.in_(part))))
            if present:
                conn.execute(link_seen.insert(), [{"report_id": rid} for rid in present])


def reports_of_events(engine: sa.Engine, event_ids: Iterable[str]) -> list[str]:
    """The reports linked to any of ``event_ids``."""
    return _in_chunks(engine, event_reports.c.event_id, list(event_ids), sa.select(event_reports.c.report_id))


def events_of_reports(engine: sa.Engine, report_ids: Iterable[str]) -> set[str]:
    """The events that hold any of ``report_ids``."""
    return set(_in_chunks(engine, event_reports.c.report_id, list(report_ids),
                          sa.select(event_reports.c.event_id).distinct()))


def report_date_range(engine: sa.Engine) -> tuple[str | None, str | None]:
    """The first and last report date in the store (None, None when it has none)."""
    with engine.connect() as conn:
        return tuple(conn.execute(sa.select(sa.func.min(reports.c.date), sa.func.max(reports.c.date))).one())


def add_override(engine: sa.Engine, kind: str, report_ids: Iterable[str], apart: Iterable[str] = ()) -> int:
    """Record a merge (``report_ids`` in one event) or a split (``report_ids`` apart from ``apart``); its number."""
    from datetime import datetime, timezone

    row = {"kind": kind, "reports": sorted(set(report_ids)), "apart": sorted(set(apart)),
           "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    with write_begin(engine) as conn:
        return int(conn.execute(link_overrides.insert().values(**row)).inserted_primary_key[0])


def overrides(engine: sa.Engine) -> list[dict]:
    """Every merge and split made by hand, oldest first: ``{id, kind, reports, apart, created_at}``."""
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(link_overrides).order_by(link_overrides.c.id))]


def _ids(engine: sa.Engine, stmt) -> list[str]:
    with engine.connect() as conn:
        return list(conn.scalars(stmt))


def _in_chunks(engine: sa.Engine, column, ids: list[str], select) -> list[str]:
    out: list[str] = []
    for part in chunks(ids):
        out.extend(_ids(engine, select.where(column.in_(part))))
    return out
