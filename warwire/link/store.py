"""Link the reports in a store into events, incrementally, and save them.

Reports not yet in any event (``event_reports``) are the new ones, but for references
(link-only reports) already tried: those are tried again only when new reports are loaded
near their date (``warwire.store.links.mark_seen``). An event
whose reports changed since it was saved (an article extracted again replaces
its reports) is dissolved and its reports count as new. Only reports dated
near the new ones are loaded, so adding a day's news to years of events reads
weeks of reports, not years. Whatever is found in an event after linking
(its contradictions: ``warwire.verify.contradictions.link_and_check``) is added
by the ``annotate`` step the caller gives, before saving, because the store keeps
each event whole. What users did to events is kept: verification verdicts are carried
over to the events that take their reports, and events merged or split by hand stay so
(``warwire.link.overrides``).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from warwire.link.cluster import LinkResult, escapes, link_reports, relink_part, window_reach
from warwire.link.overrides import enforce
from warwire.link.rules import (ArticleMeta, is_reference, opening_words, settings, source_documents, told_days,
                                year_told)
from warwire.model import Event, Report
from warwire.store.links import (all_event_ids, all_report_ids, article_openings, events_of_reports, mark_seen,
                                  report_date_range, reports_of_events, stale_event_ids, unlinked_report_ids)


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


def article_metas(engine) -> dict[str, ArticleMeta]:
    """Outlet, publication date, original, distinctive opening words and whether its date is the event's
    (a coded record's) of every stored article."""
    rows = article_openings(engine, settings()["linking"]["opening_chars"])
    return {row.id: ArticleMeta(row.outlet, row.published, row.duplicate_of, opening_words(row.title, row.opening),
                                documents=source_documents(row.outlet) | _note(row), event_dated=bool(row.event_dated))
            for row in rows}


def _note(row) -> frozenset[str]:
    """A coded record's note as a document of its own: records whose notes are one text (a coder's note copied onto a
    record per place, marked a near-duplicate of the first) are records of one document (``rules.one_document``)."""
    return frozenset({f"record:{row.duplicate_of or row.id}"}) if row.event_dated else frozenset()


def _by_ids(store, ids: list[str]) -> list[Report]:
    out: list[Report] = []
    for i in range(0, len(ids), 500):
        out.extend(store.iter_reports(ids=ids[i:i + 500]))
    return out


def _shift(iso: str, days: int) -> str:
    return date.fromordinal(date.fromisoformat(iso).toordinal() + days).isoformat()


def _link_window(store, new: list[Report], skip: set[str], metas: dict[str, ArticleMeta],
                 progress) -> tuple[LinkResult, dict[str, Report]]:
    """Link ``new`` into the stored events (but those in ``skip``), loading only reports dated near them.

    As ``link_reports`` does in memory: relink the reports within a margin of the new
    ones; if a relinked report matches one just outside, double the margin and again.
    """
    reach = window_reach()
    # a happening told by its year only stands for all the year's days (rules.told_days)
    dated = sorted(date.fromordinal(d).isoformat() for r in new if r.date for d in told_days(r))
    first, last = report_date_range(store.engine)
    margin = reach
    while True:
        loaded = {r.id: r for r in new}
        if dated:
            lo, hi = _shift(dated[0], -margin), _shift(dated[-1], margin)
            for r in store.iter_reports(since=lo, until=hi):
                loaded.setdefault(r.id, r)
            for r in _told_by_year(store, lo, hi):  # dated to their year's first day, before the window
                loaded.setdefault(r.id, r)
        event_ids = sorted(events_of_reports(store.engine, loaded) - skip)
        touched = [e for i in range(0, len(event_ids), 500) for e in store.iter_events(ids=event_ids[i:i + 500])]
        outside = sorted({rid for e in touched for rid in e.reports} - loaded.keys())
        for r in _by_ids(store, outside):
            loaded[r.id] = r
        result = relink_part(loaded, touched, metas, progress)
        if not dated or (lo <= (first or lo) and hi >= (last or hi)):
            return result, loaded
        band = [r for since, until in ((_shift(lo, -reach), _shift(lo, -1)), (_shift(hi, 1), _shift(hi, reach)))
                for r in store.iter_reports(since=since, until=until) if r.id not in loaded]
        relinked = [loaded[rid] for rid in result.relinked_ids]
        far = any(r.date and not year_told(r) and not lo <= r.date <= hi for r in relinked)
        if not far and not escapes(relinked, band, metas):
            return result, loaded
        margin *= 2


def _told_by_year(store, lo: str, hi: str) -> list[Report]:
    """The stored happenings told by their year only whose year meets the days ``lo`` to ``hi``: each is dated
    to its year's first day, so only those days are read."""
    return [r for year in range(int(lo[:4]), int(hi[:4]) + 1)
            for r in store.iter_reports(since=f"{year:04d}-01-01", until=f"{year:04d}-01-01") if year_told(r)]


Annotate = Callable[[list[Event], dict[str, Report], dict[str, ArticleMeta]], list[Event]]


def link_store(store, full: bool = False, progress: Callable[[int, int], None] | None = None,
               annotate: Annotate | None = None) -> LinkSummary:
    """Link the store's new reports into its events (all reports with ``full``) and save the result.

    Only reports dated near the new ones are loaded (see ``_link_window``).
    ``progress(done, total)`` is called as reports are linked; ``annotate(events, reports, metas)``
    on the new events before they are saved. Verdicts of replaced events pass to the events that
    hold their reports (``carry_verdicts``). Returns a ``LinkSummary``.
    """
    started = time.perf_counter()
    engine = store.engine
    metas = article_metas(engine)
    if full:
        stale = all_event_ids(engine)
        new_ids = all_report_ids(engine)
    else:
        stale = stale_event_ids(engine)
        new_ids = sorted(set(unlinked_report_ids(engine, unseen=True)) | set(reports_of_events(engine, stale)))
    summary = LinkSummary(reports=store.count_reports(), new_reports=len(new_ids))

    total = len(new_ids)
    tick = (lambda n: progress(min(n, total), total)) if progress else None
    if full:
        loaded = {r.id: r for r in store.iter_reports()}
        result = link_reports(list(loaded.values()), metas, (), progress=tick)
    else:
        result, loaded = _link_window(store, _by_ids(store, new_ids), set(stale), metas, tick)
    gone = sorted(set(stale) | set(result.replaced_ids))
    # what users merged or split by hand holds whatever linking found (warwire.link.overrides)
    written, reached = enforce(store, list(result.events), gone, loaded, metas)
    gone = sorted(set(gone) | set(reached))
    carry_verdicts(written, verdicts_of(store, gone))
    if annotate is not None:
        written = annotate(written, loaded, metas)
    if written or gone:
        store.save_events(written, replace_ids=gone)
    # Every loaded report in no event was tried (``relink_part`` starts from each), so a reference
    # left out waits until new reports are loaded near it instead of widening every later window.
    mark_seen(engine, [rid for rid, r in loaded.items() if is_reference(r)])

    summary.events_written = len(written)
    summary.events_removed = len(set(gone) - {e.id for e in written})
    summary.events = store.count_events()
    summary.contradictions = sum(len(e.contradictions) for e in written)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def verdicts_of(store, event_ids: list[str]) -> list[Event]:
    """The events among ``event_ids`` that carry a user's verdict."""
    out: list[Event] = []
    for i in range(0, len(event_ids), 500):
        out.extend(e for e in store.iter_events(ids=event_ids[i:i + 500]) if e.verdict)
    return out


def carry_verdicts(events: list[Event], before: list[Event]) -> None:
    """Give each new event the verdict of the old event it takes most reports from (changed in place).

    A verdict is about the happening, not the id: when a full re-link or new reports rebuild an event,
    the event that holds most of the judged event's reports inherits the judgement, noting the id it
    was given to; an event that already has a verdict keeps its own."""
    holder = {rid: e for e in events for rid in e.reports}
    for old in sorted(before, key=lambda e: e.id):
        shares: dict[str, int] = {}
        for rid in old.reports:
            if rid in holder:
                shares[holder[rid].id] = shares.get(holder[rid].id, 0) + 1
        if not shares:
            continue
        best = min(shares, key=lambda eid: (-shares[eid], eid))
        target = next(e for e in events if e.id == best)
        if target.verdict is None:
            verdict = dict(old.verdict or {})
            if old.id != target.id:
                verdict.setdefault("given_to", old.id)
            target.verdict = verdict
