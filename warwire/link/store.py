"""Link the reports in a store into events, incrementally, and save them with their contradictions.

Reports not yet in any event (``event_reports``) are the new ones. An event
whose reports changed since it was saved (an article extracted again replaces
its reports) is dissolved and its reports count as new. Contradictions are
found here, before saving, because the store keeps each event whole with them.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa

from warwire.link.cluster import link_reports
from warwire.link.rules import ArticleMeta
from warwire.model import Event, Report
from warwire.store.schema import articles as articles_table, event_reports
from warwire.verify.contradictions import with_contradictions


@dataclass
class LinkSummary:
    """What one ``link_store`` run did."""

    reports: int = 0  # reports in the store
    new_reports: int = 0  # reports that were in no event
    events_written: int = 0
    events_removed: int = 0
    events: int = 0  # events in the store afterwards
    contradictions: int = 0  # in the events written
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def article_metas(engine: sa.Engine) -> dict[str, ArticleMeta]:
    """Outlet, publication date and original of every stored article (the text stays in the store)."""
    stmt = sa.select(articles_table.c.id, articles_table.c.outlet, articles_table.c.published,
                     articles_table.c.duplicate_of)
    with engine.connect() as conn:
        return {row.id: ArticleMeta(row.outlet, row.published, row.duplicate_of) for row in conn.execute(stmt)}


def _memberships(engine: sa.Engine) -> dict[str, set[str]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(event_reports.c.event_id, event_reports.c.report_id)).all()
    out: dict[str, set[str]] = {}
    for eid, rid in rows:
        out.setdefault(eid, set()).add(rid)
    return out


def link_store(store, full: bool = False, progress: Callable[[int, int], None] | None = None) -> LinkSummary:
    """Link the store's new reports into its events (all reports with ``full``) and save the result.

    ``progress(done, total)`` is called as reports are linked. Returns a ``LinkSummary``.
    """
    started = time.perf_counter()
    reports: list[Report] = list(store.iter_reports())
    by_id = {r.id: r for r in reports}
    metas = article_metas(store.engine)
    stored = list(store.iter_events())
    members = _memberships(store.engine)

    existing: list[Event] = []
    removed: list[str] = []
    for e in stored:
        if full or set(e.reports) != members.get(e.id, set()) or any(rid not in by_id for rid in e.reports):
            removed.append(e.id)
        else:
            existing.append(e)
    in_events = {rid for e in existing for rid in e.reports}
    summary = LinkSummary(reports=len(reports), new_reports=sum(rid not in in_events for rid in by_id))

    total = len(reports)
    result = link_reports(reports, metas, existing,
                          progress=(lambda n: progress(min(n, total), total)) if progress else None)
    written = with_contradictions(result.events, by_id, metas)
    gone = sorted(set(removed) | set(result.replaced_ids))
    store.save_events(written, replace_ids=gone)

    summary.events_written = len(written)
    summary.events_removed = len(set(gone) - {e.id for e in written})
    summary.events = store.count_events()
    summary.contradictions = sum(len(e.contradictions) for e in written)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
