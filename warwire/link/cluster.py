"""Reports -> events: link the reports that describe one happening.

1. Blocking (``blocking.py``) proposes pairs; a pair is an *edge* when
   ``rules.link_evidence`` finds enough evidence that the two reports tell one
   happening (the scoring rule is written down in ``rules.py``).
2. Within each connected part of that graph, edges are taken from the best
   score down (ties by report ids) and two groups merge only when every report
   of one may join every report of the other (``rules.may_join``), or is two places
   of one rare weapon's attack that a report of theirs relates to both (a gas
   attack on suburbs either side of a city: ``rules.one_attack``). So a chain of
   day-by-day strikes on one town never snowballs into one event, and two
   different events of one article never end up together (a late report, one
   that retells an earlier happening, counts there as dated on that happening's
   day: ``may_share_event``). Then a report that
   links to more reports of another group than of its own, and may share that
   group, moves there (one pass, in id order). Last, two groups of one happening that no edge joins are joined
   when a week-dated or late report of one links to a report of the other (a link it left out: a ``Bridge``)
   and every pair of their reports may share an event (``_repair``, with ``may_share_group``).
3. Each group becomes an event (``merge.build_event``), which keeps for each of its
   reports the link that brought it in (``link_reasons``).

The result depends only on the set of reports, not their order. Incremental
linking recomputes only the connected parts that new reports touch: a part no
new report reaches has the same edges as before and so the same groups, which
is why linking new reports into existing events gives what a full rebuild gives (a part reaches along
bridges too, so the two events a bridge may join are always relinked together).
To find those parts without indexing every report, it works on a date window
around the new reports and doubles the window while a relinked report still
matches one outside it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from warwire.link.blocking import BlockIndex
from warwire.link.merge import build_event
from warwire.link.rules import (ArticleMeta, LinkEvidence, day_number, is_late_link, is_reference,
                                late_may_join, link_evidence, link_reach_days, linkable, may_join, one_attack,
                                one_document, rare_sub_types, records_of_two_days, told_days, two_quarters, with_lists,
                                year_told)
from warwire.model import Event, Report


@dataclass
class LinkResult:
    """Events created or changed, ids of existing events they replace (to delete), and the ids of
    every report whose grouping was reconsidered."""

    events: list[Event] = field(default_factory=list)
    replaced_ids: list[str] = field(default_factory=list)
    relinked_ids: list[str] = field(default_factory=list)

    def apply(self, existing: Iterable[Event]) -> list[Event]:
        """The full list of events after this result: existing ones kept, changed ones swapped in."""
        gone = set(self.replaced_ids)
        kept = [e for e in existing if e.id not in gone]
        return sorted(kept + self.events, key=lambda e: e.id)


def _vague(r: Report) -> bool:
    """Dated to a week or a month: such a report cannot tell which of several strikes it means. A reference
    (a past happening named in passing) joins one event too: the one it matches best."""
    return (r.date_precision or 1) > 1 or is_reference(r)


class _Edges:
    """Which pairs are edges. Two day-dated reports: when they match. A vaguely dated report
    keeps only its edge to its best match (highest score, then smallest id), so it joins one
    event instead of bridging every strike of its week into one connected part, which would
    make every new report relink weeks of others."""

    def __init__(self, index: BlockIndex, articles: Mapping[str, ArticleMeta],
                 reports: Mapping[str, Report] | None = None) -> None:
        self.index, self.articles, self.reports = index, articles, reports
        self._best: dict[str, str | None] = {}
        self._best_late: dict[str, str | None] = {}

    def best(self, r: Report, rid: str) -> str | None:
        if rid not in self._best:
            top: tuple[float, str] | None = None
            for oid, other in self.index.candidates(r):
                ev = link_evidence(r, other, self.articles)
                if ev is not None and (top is None or (-ev.score, oid) < (-top[0], top[1])):
                    top = (ev.score, oid)
            self._best[rid] = top[1] if top else None
        return self._best[rid]

    def best_late(self, r: Report, rid: str) -> str | None:
        """The earlier report a late report ``r`` links to best, if any."""
        if rid not in self._best_late:
            top: tuple[float, str] | None = None
            for oid, other in self.index.candidates(r):
                ev = link_evidence(r, other, self.articles)
                if ev is not None and is_late_link(ev) and (top is None or (-ev.score, oid) < (-top[0], top[1])):
                    top = (ev.score, oid)
            self._best_late[rid] = top[1] if top else None
        return self._best_late[rid]

    def of(self, r: Report, rid: str) -> Iterable[tuple[str, Report, LinkEvidence, Bridge | None]]:
        """(id, report, evidence, bridge) of each edge of ``r`` (bridge None) and of each bridge (``bridge``)."""
        for oid, other in self.index.candidates(r):
            ev = link_evidence(r, other, self.articles)
            if ev is None:
                continue
            if is_late_link(ev):
                # a late report joins the one happening it tells best, never bridges a fortnight's strikes
                (late, late_id), (told, told_id) = ((r, rid), (other, oid)) \
                    if day_number(r.date) > day_number(other.date) else ((other, oid), (r, rid))
                if self.best_late(late, late_id) != told_id:
                    b = self.bridge(late_id, told, told_id, self.best_late(late, late_id), ev)
                    if b is not None:
                        yield oid, other, ev, b
                    continue
            elif _vague(r) or _vague(other):
                if not ((_vague(r) and self.best(r, rid) == oid) or (_vague(other) and self.best(other, oid) == rid)):
                    b = (self.bridge(rid, other, oid, self.best(r, rid), ev) if _vague(r) else None) or \
                        (self.bridge(oid, r, rid, self.best(other, oid), ev) if _vague(other) else None)
                    if b is not None:
                        yield oid, other, ev, b
                    continue
            yield oid, other, ev, None

    def bridge(self, sid: str, t: Report, tid: str, best_id: str | None, ev: LinkEvidence) -> Bridge | None:
        """The link left out between a vague or late report ``sid`` and a day-dated report ``t``, kept as a bridge:
        it may join two events of one happening that grouping kept apart (``_repair``)."""
        if best_id is None or best_id == tid or _vague(t):
            return None
        return Bridge(ev.score, sid, tid, best_id, ev)


Edge = tuple[float, str, str, LinkEvidence]


@dataclass(frozen=True)
class Bridge:
    """A vague or late report's link left out (``source`` to ``target``), with the report it links to best
    (``best``), dated the day of ``target``: it may join ``target``'s event to the one ``source`` sits in."""

    score: float
    source: str
    target: str
    best: str
    evidence: LinkEvidence


def _component_edges(start: Iterable[Report], graph: _Edges,
                     done: set[str]) -> tuple[list[Report], list[Edge], list[Bridge]]:
    """The connected part of the graph of edges and bridges reachable from ``start``, with its edges, best first,
    and its bridges, best first."""
    nodes: list[Report] = []
    edges: dict[tuple[str, str], LinkEvidence] = {}
    bridges: dict[tuple[str, str], Bridge] = {}
    stack = [r for r in start if r.id not in done]
    for r in stack:
        done.add(r.id)
    while stack:
        r = stack.pop()
        nodes.append(r)
        rid = r.id
        for oid, other, ev, bridge in graph.of(r, rid):
            key = (rid, oid) if rid < oid else (oid, rid)
            if bridge is None:
                edges[key] = ev
            else:
                bridges[key] = bridge
            if oid not in done:
                done.add(oid)
                stack.append(other)
    return (nodes, sorted(((-ev.score, a, b, ev) for (a, b), ev in edges.items()), key=lambda e: e[:3]),
            sorted(bridges.values(), key=lambda b: (-b.score, b.source, b.target)))


def may_share_event(a: Report, b: Report, articles: Mapping[str, ArticleMeta],
                    late: Mapping[str, str] = {}) -> bool:
    """Whether two reports may sit in one event: nothing rules it out, and reports dated to different
    days carry the evidence of sameness themselves, so that strikes on a town on three successive days
    never chain into one event through their same-day accounts.

    ``late``: the late reports of the part that retell an earlier happening (``rules.late_evidence``), with the day
    of that happening. Such a report's own date is only its story's publication day: beside the happening's other
    reports it counts as dated that day, so a day-after story of a strike sits with every account of the strike
    (its monitor's toll, another outlet's air strike), not only with the one report it linked to."""
    if a.article_id != b.article_id and (
            one_document(ma := articles.get(a.article_id or ""), mb := articles.get(b.article_id or ""))
            or records_of_two_days(ma, mb)):
        return False  # two records a coder made from one document or of two days (rules.one_document, records_of_two_days)
    if a.article_id != b.article_id and (is_reference(a) or is_reference(b)):
        # a reference (a past happening named in passing) is no happening of its own: it joins the event of the
        # news report it links to (rules.reference_evidence) and rules out none of that event's other reports
        return True
    if late and (a.id in late or b.id in late):
        x = replace(a, date=late[a.id]) if a.id in late else a
        y = replace(b, date=late[b.id]) if b.id in late else b
        if may_join(x, y) and ((x.date == y.date and not two_quarters(x, y)) or
                               link_evidence(x, y, articles) is not None):
            return True
    if not may_join(a, b):
        # a late report that links to an earlier happening may share its event with all of that happening's reports
        return (a.id in late or b.id in late) and late_may_join(a, b, articles)
    if (a.date == b.date and not two_quarters(a, b)) or a.article_id == b.article_id:
        return True
    # two quarters of one city share an event only on evidence of their own (a city's report never holds two
    # quarters' happenings as one, as a region's never holds two towns')
    return link_evidence(a, b, articles) is not None


def _late_days(nodes: list[Report], edges: list[Edge]) -> dict[str, str]:
    """The late reports of a part that link to an earlier happening (rules.late_evidence), with its day."""
    by_id = {r.id: r for r in nodes}
    late: dict[str, str] = {}
    for _, a, b, ev in edges:
        if is_late_link(ev):
            later, told = (a, b) if day_number(by_id[a].date) > day_number(by_id[b].date) else (b, a)
            late.setdefault(later, by_id[told].date)
    return late


def late_days(reports: Sequence[Report], articles: Mapping[str, ArticleMeta]) -> dict[str, str]:
    """The late reports a full link of ``reports`` counts as dated on the earlier happening they retell, with that
    day: the ``late`` that ``may_share_event`` takes, for explaining a grouping after the fact."""
    articles = with_lists(articles, reports)
    index = BlockIndex()
    for r in reports:
        index.add(r, r.id)
    graph, done = _Edges(index, articles), set[str]()
    late: dict[str, str] = {}
    for r in sorted(reports, key=lambda r: r.id):
        if r.id not in done and not linkable(r):
            done.add(r.id)
        elif r.id not in done:
            nodes, edges, _bridges = _component_edges([r], graph, done)
            late.update(_late_days(nodes, edges))
    return late


def _group(nodes: list[Report], edges: list[Edge], graph_articles: Mapping[str, ArticleMeta],
           bridges: Sequence[Bridge] = ()) -> tuple[list[list[Report]], dict[str, str]]:
    """Merge along edges, best first, keeping every pair of a group free to share it (``may_share_event``); then
    join the events a bridge spans (``_repair``). Returns the groups and why each event a bridge joined was joined
    (for the report it reached)."""
    group_of = {r.id: i for i, r in enumerate(nodes)}
    members: dict[int, list[Report]] = {i: [r] for i, r in enumerate(nodes)}
    late = _late_days(nodes, edges)
    for _, a, b, _ev in edges:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        _join(ga, gb, group_of, members, graph_articles, late)
    moved = _move_to_best_group(nodes, edges, group_of, members, graph_articles, late, bridges)
    repaired = _repair(bridges, edges, group_of, members, graph_articles, late)
    return [g for g in members.values() if g], {**moved, **repaired}


def may_share_group(r: Report, group: Sequence[Report], articles: Mapping[str, ArticleMeta],
                    late: Mapping[str, str] = {}, joined: Sequence[Report] = ()) -> bool:
    """Whether ``r`` may sit with every report of ``group``: each pair may share an event (``may_share_event``), or
    is two places of one rare weapon's attack that a report of the two groups joined (``group`` and ``joined``,
    the group ``r`` comes with) relates to both (``rules.one_attack``: never two reports of one article or document);
    a late report counts there as dated on the day of the happening it retells, as in ``may_share_event``."""
    apart = [x for x in group if not may_share_event(r, x, articles, late)]
    if not apart:
        return True
    if r.sub_event_type not in rare_sub_types():
        return False
    on_day = [_on_day(x, late) for x in (*group, *joined)]
    mine = _on_day(r, late)
    return all(one_attack(mine, _on_day(x, late), on_day, articles) for x in apart)


def _on_day(r: Report, late: Mapping[str, str]) -> Report:
    """``r``, a late report dated on the day of the happening it retells."""
    return replace(r, date=late[r.id]) if r.id in late else r


def _join(ga: int, gb: int, group_of: dict[str, int], members: dict[int, list[Report]],
          articles: Mapping[str, ArticleMeta], late: Mapping[str, str]) -> bool:
    """Make two groups one when every report of one may sit with the other (``may_share_group``); whether they were
    joined."""
    if not all(may_share_group(x, members[gb], articles, late, members[ga]) for x in members[ga]):
        return False
    keep, drop = (ga, gb) if ga < gb else (gb, ga)
    for r in members[drop]:
        group_of[r.id] = keep
    members[keep].extend(members.pop(drop))
    return True


def _repair(bridges: Sequence[Bridge], edges: Sequence[Edge], group_of: dict[str, int],
            members: dict[int, list[Report]], articles: Mapping[str, ArticleMeta],
            late: Mapping[str, str]) -> dict[str, str]:
    """Join two events of one happening that grouping kept apart because no report of one links to the other
    (no edge between them, so grouping never weighed them): a vague or late report sits in one, linked to another
    of its reports, and also links (a link it left out: a bridge) to a report of the other. The two are one event
    when every pair of their reports may share one (``may_share_event``, as in grouping: places that relate,
    compatible types, no sides in conflict, and reports of different days with evidence of sameness of their own,
    so that a week-dated report never joins two days' strikes on one town). Bridges are taken best first.
    Returns, for the report each bridge reached, why its event was joined."""
    linked: dict[str, set[str]] = {}
    for _, a, b, _ev in edges:
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)
    why: dict[str, str] = {}
    for b in bridges:
        gs, gt = group_of[b.source], group_of[b.target]
        if gs == gt or not any(group_of[o] == gs for o in linked.get(b.source, ())):
            continue  # one event already, or the report sits alone: no event of its own split in two
        if any(group_of[o] == gt for x in members[gs] for o in linked.get(x.id, ())):
            continue  # grouping weighed a link between the two and kept them apart
        if not _join(gs, gt, group_of, members, articles, late):
            continue
        why[b.target] = (f"{b.source}: {b.evidence.reason()}; events joined: {b.source} tells this report's "
                         f"happening and that of the event it sat in, and nothing keeps the two apart")
    return why


def _move_to_best_group(nodes: list[Report], edges: list[Edge], group_of: dict[str, int],
                        members: dict[int, list[Report]], articles: Mapping[str, ArticleMeta],
                        late: Mapping[str, str] = {}, bridges: Sequence[Bridge] = ()) -> dict[str, str]:
    """Merging best link first may leave a report in a small group that an early link made (the day-after story
    with its same-day companions) while it links to more reports of another group it may share: it moves there,
    when it links to more of that group's reports than of its own. A late report's own links left out (its ``bridges``:
    it keeps only its best link to an earlier happening as an edge) count as its links here, so that a later story of
    a happening that sat down with its own days' reports still goes to the happening it links to most, whichever link
    grouping took first. A week-dated report's do not: it tells no happening's day, and its best link alone says where
    it goes (counted, they move it to many a wrong event of its week). One pass, in report id order (ties by the
    groups' first report ids). Returns why each report moved by a link left out joined its new group (its best link
    left out there), for the reports no edge brings in."""
    linked_to: dict[str, list[str]] = {}
    for _, a, b, _ev in edges:
        linked_to.setdefault(a, []).append(b)
        linked_to.setdefault(b, []).append(a)
    edged = {rid: set(others) for rid, others in linked_to.items()}
    left_out: dict[str, list[Bridge]] = {}
    for x in bridges:  # a late report's, for itself only: what it links to, not what links to it
        if not is_late_link(x.evidence):
            continue  # a week-dated report tells no happening's day: its best link alone says where it goes
        linked_to.setdefault(x.source, []).append(x.target)
        left_out.setdefault(x.source, []).append(x)
    why: dict[str, str] = {}
    for r in sorted(nodes, key=lambda r: r.id):
        own = group_of[r.id]
        counts: dict[int, int] = {}
        for other in set(linked_to.get(r.id, ())):
            counts[group_of[other]] = counts.get(group_of[other], 0) + 1
        here = counts.get(own, 0)
        # ties by the group's first report id: group numbers follow the order the part was walked in
        for g, n in sorted(counts.items(), key=lambda kv: (-kv[1], min(x.id for x in members[kv[0]]))):
            if n <= here:
                break
            if g != own and may_share_group(r, members[g], articles, late):
                members[own] = [x for x in members[own] if x.id != r.id]
                members[g].append(r)
                group_of[r.id] = g
                best = next((x for x in left_out.get(r.id, ()) if group_of[x.target] == g), None)
                if best is not None and not any(group_of[o] == g for o in edged.get(r.id, ())):
                    # no edge of its own brings it in: its best link left out there says why (bridges best first)
                    why[r.id] = (f"{best.target}: {best.evidence.reason()}; moved: it links to {n} reports of this "
                                 f"event and {here} of the one it sat in")
                break
    return why


def link_reports(reports: Sequence[Report], articles: Mapping[str, ArticleMeta],
                 existing: Sequence[Event] = (), progress: Callable[[int], None] | None = None) -> LinkResult:
    """Link reports into events. Pure and deterministic.

    ``reports`` must carry ids (``article_id`` and ``index``) and include the
    reports of ``existing`` events; reports in no existing event are the new
    ones. Only the connected parts new reports reach are relinked; the result
    lists new and changed events and the ids of the existing events they
    replace. With no ``existing``, every report is new (a full link).
    ``progress`` is called with the number of reports handled so far.
    """
    by_id: dict[str, Report] = {}
    for r in reports:
        if r.id is None:
            raise ValueError(f"report without an id ({r.event_type} on {r.date}): set article_id and index")
        by_id[r.id] = r
    event_of: dict[str, str] = {}
    members_of: dict[str, list[str]] = {}
    for e in existing:
        members_of[e.id] = list(e.reports)
        for rid in e.reports:
            event_of[rid] = e.id
    missing = [rid for rid in event_of if rid not in by_id]
    if missing:
        raise ValueError(f"{len(missing)} reports of existing events were not given (e.g. {missing[0]}); "
                         "pass the reports of the existing events too")
    if existing:
        return _link_in_window(by_id, event_of, {e.id: e for e in existing}, articles, progress)
    return _relink(by_id, event_of, members_of, articles, progress)


def relink_part(reports: Mapping[str, Report], events: Sequence[Event], articles: Mapping[str, ArticleMeta],
                progress: Callable[[int], None] | None = None) -> LinkResult:
    """Relink the parts the new reports of ``reports`` reach, ``events`` being the existing events
    among them (all their reports included). The caller checks with ``escapes`` that no relinked
    report has a match left outside ``reports``."""
    event_of = {rid: e.id for e in events for rid in e.reports}
    return _relink(dict(sorted(reports.items())), event_of, {e.id: list(e.reports) for e in events},
                   articles, progress)


def escapes(relinked: Iterable[Report], outside: Iterable[Report],
            articles: Mapping[str, ArticleMeta] | None = None) -> bool:
    """True when some relinked report links to a report left out, so the part must grow."""
    relinked, outside = list(relinked), list(outside)
    articles = with_lists(articles or {}, relinked + outside)
    index = BlockIndex()
    for r in outside:
        index.add(r)
    for r in relinked:
        for _, other in index.candidates(r):
            if link_evidence(r, other, articles) is not None:
                return True
    return False


def window_reach() -> int:
    """Days beyond which no two reports can link: the widest date tolerance."""
    return link_reach_days()


def _link_in_window(by_id: dict[str, Report], event_of: dict[str, str], events: dict[str, Event],
                    articles: Mapping[str, ArticleMeta], progress) -> LinkResult:
    """Relink around the new reports only, over the reports dated near them.

    The part relinked holds every report dated within a margin of the new ones (and
    the whole of any event it touches). When a relinked report matches a report left
    out, the connected part goes on beyond the window: the margin doubles and the
    part is relinked again. So the result is what relinking everything would give,
    at the cost of the window.
    """
    reach = window_reach()
    new = [rid for rid in by_id if rid not in event_of]
    spans = [told_days(by_id[rid]) for rid in new if by_id[rid].date]
    if not spans:
        return _relink({rid: by_id[rid] for rid in new}, {}, {}, articles, progress)
    # (first day, last day, id): a happening told by its year stands for all its days (rules.told_days)
    dated = [(*told_days(r), rid) for rid, r in by_id.items() if r.date]
    first, last = min(d for d, _, _ in dated), max(d for _, d, _ in dated)
    margin = reach
    while True:
        lo, hi = min(d for d, _ in spans) - margin, max(d for _, d in spans) + margin
        part = {rid for a, b, rid in dated if a <= hi and b >= lo} | set(new)
        touched = {event_of[rid] for rid in part if rid in event_of}
        part |= {rid for eid in touched for rid in events[eid].reports}
        result = relink_part({rid: by_id[rid] for rid in part}, [events[eid] for eid in sorted(touched)],
                             articles, progress)
        if lo <= first and hi >= last:
            return result
        outside = [by_id[rid] for a, b, rid in dated if (lo - reach <= b and a < lo or hi < b and a <= hi + reach)
                   and rid not in part]
        relinked = [by_id[rid] for rid in result.relinked_ids]
        far = any(r.date and not year_told(r) and not lo <= day_number(r.date) <= hi for r in relinked)
        if not far and not escapes(relinked, outside, articles):
            return result
        margin *= 2


def _relink(by_id: dict[str, Report], event_of: dict[str, str], members_of: dict[str, list[str]],
            articles: Mapping[str, ArticleMeta], progress) -> LinkResult:
    """Group the reports that are in no event (``event_of``) with what their connected parts reach."""
    articles = with_lists(articles, by_id.values())
    index = BlockIndex()
    for rid, r in by_id.items():
        index.add(r, rid)
    graph = _Edges(index, articles, by_id)

    done: set[str] = set()
    groups: list[list[Report]] = []
    reasons: dict[str, str] = {}

    def relink(starts: list[Report]) -> None:
        for n, r in enumerate(starts, 1):
            if r.id in done:
                continue
            if not linkable(r):
                done.add(r.id)
                if not is_reference(r):
                    groups.append([r])
            else:
                nodes, edges, bridges = _component_edges([r], graph, done)
                parts, repaired = _group(nodes, edges, articles, bridges)
                groups.extend(parts)
                reasons.update(_reasons(parts, edges))
                reasons.update(repaired)
            if progress and n % 1000 == 0:
                progress(n)

    relink([by_id[rid] for rid in sorted(by_id.keys() - event_of.keys())])
    # An existing event built under other rules may reach beyond the parts relinked: relink all of it.
    while True:
        touched = {event_of[r.id] for g in groups for r in g if r.id in event_of}
        left = sorted({rid for eid in touched for rid in members_of[eid]} - done)
        if not left:
            break
        relink([by_id[rid] for rid in left])
    if progress:
        progress(len(by_id))

    before = {frozenset(members_of[eid]) for eid in touched}
    result = LinkResult()
    kept = set()
    for g in groups:
        if all(is_reference(r) for r in g):
            continue  # references join events, never make one: left out, they are tried again with new reports
        ids = frozenset(r.id for r in g)
        if ids in before:
            kept.add(event_of[next(iter(ids))])
            continue
        result.events.append(build_event(g, articles, reasons))
    result.replaced_ids = sorted(touched - kept)
    result.relinked_ids = sorted(done)
    result.events.sort(key=lambda e: e.id)
    return result


def _reasons(groups: list[list[Report]], edges: list[Edge]) -> dict[str, str]:
    """Why each report of a group of several joined it: its strongest link to another member."""
    group_of = {r.id: i for i, g in enumerate(groups) for r in g}
    out: dict[str, str] = {}
    for _, a, b, ev in edges:  # best first: the first link seen for a report is its strongest
        if group_of[a] != group_of[b]:
            continue
        for mine, other in ((a, b), (b, a)):
            if mine not in out:
                out[mine] = f"{other}: {ev.reason()}"
    return out
