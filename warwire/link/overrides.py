"""Events merged or split by hand, kept through every re-link.

A user who sees two events that are one happening merges them; one who sees an event holding another
happening's reports splits those off. Each such act is stored (``link_overrides``) as what it says about
reports, not event ids, which change when linking is rebuilt: a merge keeps its reports in one event, a
split keeps the reports it took out apart from the event's other reports. After every link, full or
incremental, the acts are replayed in the order they were made (a later act wins over an earlier one) on
the events that hold their reports, so a re-link never undoes them; a report extracted again is a new
report, which no act names.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from warwire.errors import E, WarwireError
from warwire.link.merge import build_event
from warwire.link.rules import ArticleMeta
from warwire.model import Event, Report
from warwire.store.links import add_override, events_of_reports, overrides

MERGE, SPLIT = "merge", "split"
Annotate = Callable[[list[Event], dict[str, Report], dict[str, ArticleMeta]], list[Event]]


def replay(groups: Iterable[Iterable[str]], acts: Sequence[Mapping]) -> list[set[str]]:
    """Groups of report ids after the merges and splits ``acts``, in their order."""
    out = [set(g) for g in groups]
    for act in acts:
        mine = set(act["reports"])
        if act["kind"] == SPLIT:
            apart, parts = set(act.get("apart") or ()), []
            for g in out:
                taken = g & mine
                parts += [g - taken, taken] if taken and g & apart else [g]
            out = parts
        else:
            touching = [g for g in out if g & mine]
            if len(touching) > 1:
                out = [g for g in out if not g & mine] + [set().union(*touching)]
    return [g for g in out if g]


def enforce(store, events: list[Event], gone: Iterable[str], reports: dict[str, Report],
            metas: Mapping[str, ArticleMeta]) -> tuple[list[Event], list[str]]:
    """``events`` (about to be saved in place of ``gone``) after the user's merges and splits, and the ids of
    the stored events those reach, which the result replaces too. ``reports`` gains the reports loaded."""
    acts = overrides(store.engine)
    if not acts:
        return events, []
    named = {rid for act in acts for rid in list(act["reports"]) + list(act.get("apart") or ())}
    new_ids = {e.id for e in events}
    held = {rid for e in events for rid in e.reports}
    stored_ids = sorted(events_of_reports(store.engine, named - held) - set(gone) - new_ids)
    stored = [e for i in range(0, len(stored_ids), 500) for e in store.iter_events(ids=stored_ids[i:i + 500])]
    touched = [e for e in events if named & set(e.reports)] + stored
    before = {frozenset(e.reports): e for e in touched}
    after = replay([e.reports for e in touched], acts)
    kept = {frozenset(g) for g in after} & before.keys()
    changed = [g for g in after if frozenset(g) not in kept]
    if not changed:
        return events, []
    missing = sorted({rid for g in changed for rid in g} - reports.keys())
    for i in range(0, len(missing), 500):
        for r in store.iter_reports(ids=missing[i:i + 500]):
            reports[r.id] = r
    reasons = {rid: why for e in touched for rid, why in e.link_reasons.items()}
    rebuilt = []
    for g in changed:
        why = {rid: reasons.get(rid) or "joined by hand (merge)" for rid in g}
        rebuilt.append(build_event([reports[rid] for rid in sorted(g) if rid in reports], metas, why))
    dropped = {e.id for k, e in before.items() if k not in kept}
    return [e for e in events if e.id not in dropped] + rebuilt, sorted(dropped - new_ids)


def merge_events(store, event_ids: Sequence[str], annotate: Annotate | None = None) -> list[Event]:
    """Merge the events ``event_ids`` into one, for good: re-links keep their reports together."""
    found = _events(store, event_ids)
    if len(found) < 2:
        raise WarwireError(E.E107, n=len(found))
    add_override(store.engine, MERGE, [rid for e in found for rid in e.reports])
    return _apply(store, annotate)


def split_event(store, event_id: str, report_ids: Sequence[str], annotate: Annotate | None = None) -> list[Event]:
    """Take ``report_ids`` out of event ``event_id`` into an event of their own, for good."""
    [event] = _events(store, [event_id])
    mine = set(report_ids) & set(event.reports)
    if not mine or mine == set(event.reports) or len(mine) != len(set(report_ids)):
        raise WarwireError(E.E108, event=event.id, given=len(mine), total=len(event.reports),
                           reports=", ".join(event.reports))
    add_override(store.engine, SPLIT, sorted(mine), apart=sorted(set(event.reports) - mine))
    return _apply(store, annotate)


def _events(store, event_ids: Sequence[str]) -> list[Event]:
    out = []
    for eid in dict.fromkeys(event_ids):
        e = store.get_event(eid)
        if e is None:
            raise WarwireError(E.E106, id=eid)
        out.append(e)
    return out


def _apply(store, annotate: Annotate | None) -> list[Event]:
    """Replay the acts on the stored events and save what changed (verdicts carried); the new events."""
    from warwire.link.store import article_metas, carry_verdicts, verdicts_of

    metas = article_metas(store.engine)
    reports: dict[str, Report] = {}
    written, gone = enforce(store, [], [], reports, metas)
    carry_verdicts(written, verdicts_of(store, gone))
    if annotate is not None:
        written = annotate(written, reports, metas)
    if written or gone:
        store.save_events(written, replace_ids=gone)
    return written
