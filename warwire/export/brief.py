"""Situation brief: a dated summary of the events matching a filter, every sentence citing its sources.

Deterministic templates over the record, no generated text: totals with low/best/high, the
events by type, the main events day by day, who did what, where sources disagree, and the
gaps in article coverage. Each sentence carries the ids it rests on (``event:``, ``report:``,
``article:``) and the numbers it states (``facts``), so a reader, or a test, can check one
against the other. Rendered as Markdown (footnotes), HTML (links) or JSON.
"""
from __future__ import annotations

import html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from warwire.resources import stage_settings
from warwire.store import Connection
from warwire.store.brief import dated_article, events_of_reports, reports_of
from warwire.store.browse import event_records
from warwire.store.filters import EventFilters
from warwire.store.summary import coverage

FORMATS = ("md", "html", "json")
_SETTINGS = stage_settings("export")["brief"]  # export/settings.yaml says what each means
DAYS_LISTED = int(_SETTINGS["days_listed"])
EVENTS_PER_DAY = int(_SETTINGS["events_per_day"])
PERPETRATORS = int(_SETTINGS["perpetrators"])
DISAGREEMENTS = int(_SETTINGS["disagreements"])


@dataclass
class Sentence:
    text: str
    cites: list[str]
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass
class Section:
    title: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Brief:
    title: str
    since: str | None
    until: str | None
    scope: str
    sections: list[Section]

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "since": self.since, "until": self.until, "scope": self.scope,
                "sections": [{"title": s.title, "sentences": [vars(x) for x in s.sentences]} for s in self.sections]}


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _deaths(best: int, low: int, high: int) -> str:
    if low == best == high:
        return _plural(best, "death")
    return f"{_plural(best, 'death')} (best estimate; between {low:,} and {high:,})"


def _best(e: dict[str, Any], key: str = "best") -> int:
    f = e.get("fatalities") or {}
    best = f.get("best") or 0
    v = f.get(key)
    return best if v is None else v


def _place(e: dict[str, Any]) -> str:
    loc = e.get("location") or {}
    if not loc.get("name"):
        return "an unknown place"
    return loc["name"] + (f" ({loc['admin1']})" if loc.get("admin1") and loc["admin1"] != loc["name"] else "")


def _who_says(rs: list[dict[str, Any]]) -> tuple[str, dict[str, dict[str, Any]]]:
    """Who gives which toll, a claimant or else the outlet: ("SOHR gives 12 (via Levant Wire); SANA gives 5
    (via Damascus Daily)", {source: {figure, reports}}); a source's figure is the highest of its reports."""
    said: dict[str, list] = {}
    for r in rs:
        who = r["claimed_by"] or r["outlet"] or "an unnamed outlet"
        figure, outlets, ids = said.setdefault(who, [None, set(), []])
        if r["fatalities"] is not None:
            said[who][0] = max(figure or 0, r["fatalities"])
        if r["outlet"]:
            outlets.add(r["outlet"])
        ids.append(r["id"])
    parts = []
    for who, (figure, outlets, _) in sorted(said.items(), key=lambda kv: (-(kv[1][0] or 0), kv[0])):
        via = sorted(o for o in outlets if o != who)
        says = f"gives {figure}" if figure is not None else "gives no toll"
        parts.append(f"{who} {says}" + (f" (via {', '.join(via)})" if via else ""))
    return "; ".join(parts) or "no report", {who: {"figure": f, "reports": ids} for who, (f, _, ids) in said.items()}


def build(conn: Connection, filters: EventFilters, scope: str = "all areas") -> Brief:
    """The brief of the events matching ``filters``."""
    evs = event_records(conn, filters)
    ids = [e["id"] for e in evs]
    rep = reports_of(conn, ids)
    since = filters.since.isoformat() if filters.since else (evs[0]["date_start"] if evs else None)
    until = filters.until.isoformat() if filters.until else max((e.get("date_end") or e.get("date_start") or ""
                                                                  for e in evs), default=None) or None
    title = f"Situation brief: {scope}, {since or '…'} to {until or '…'}"
    cite = lambda group: [f"event:{e['id']}" for e in group]  # noqa: E731
    sections: list[Section] = []

    totals = Section("Totals")
    best, low, high = sum(_best(e) for e in evs), sum(_best(e, "low") for e in evs), sum(_best(e, "high") for e in evs)
    if evs:
        totals.sentences.append(Sentence(
            f"From {since} to {until}, the record holds {_plural(len(evs), 'event')} in {scope}, "
            f"with {_deaths(best, low, high)}.", cite(evs),
            {"events": len(evs), "deaths": best, "low": low, "high": high}))
        by_type: dict[str, list] = defaultdict(list)
        for e in evs:
            by_type[e.get("event_type") or "Unknown type"].append(e)
        for t, group in sorted(by_type.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            d = sum(_best(e) for e in group)
            totals.sentences.append(Sentence(f"{t}: {_plural(len(group), 'event')}, {_plural(d, 'death')}.",
                                             cite(group), {"events": len(group), "deaths": d}))
    sections.append(totals)

    days = Section("Day by day")
    by_day: dict[str, list] = defaultdict(list)
    for e in evs:
        if e.get("date_start"):
            by_day[e["date_start"]].append(e)
    listed = sorted(by_day, key=lambda d: (-sum(_best(e) for e in by_day[d]), d))[:DAYS_LISTED]
    for d in sorted(listed):
        group = by_day[d]
        top = sorted(group, key=lambda e: (-_best(e), e["id"]))[:EVENTS_PER_DAY]
        for e in top:
            actor = (e.get("actor1") or {}).get("name")
            rs = rep.get(e["id"], [])
            deaths = _best(e)
            says, figures = _who_says(rs)
            text = (f"On {d}, {(e.get('sub_event_type') or e.get('event_type') or 'an event').lower()} in {_place(e)}"
                    f"{' by ' + actor if actor else ''}: {_plural(deaths, 'death')} (best estimate); {says}.")
            days.sentences.append(Sentence(text, [f"event:{e['id']}", *(f"report:{r['id']}" for r in rs)],
                                           {"events": 1, "deaths": deaths, "claims": figures}))
        if len(group) > len(top):
            rest = [e for e in group if e not in top]
            days.sentences.append(Sentence(
                f"On {d}, {_plural(len(rest), 'other event')} with {_plural(sum(_best(e) for e in rest), 'death')}.",
                cite(rest), {"events": len(rest), "deaths": sum(_best(e) for e in rest)}))
    sections.append(days)

    who = Section("Who did what")
    by_actor: dict[str, list] = defaultdict(list)
    for e in evs:
        name = (e.get("actor1") or {}).get("name")
        if name:
            by_actor[name].append(e)
    for name, group in sorted(by_actor.items(), key=lambda kv: (-sum(_best(e) for e in kv[1]), -len(kv[1]), kv[0]))[:PERPETRATORS]:
        d = sum(_best(e) for e in group)
        kinds: dict[str, int] = defaultdict(int)
        for e in group:
            kinds[(e.get("sub_event_type") or e.get("event_type") or "other").lower()] += 1
        what = ", ".join(f"{k} ({n})" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
        who.sentences.append(Sentence(f"{name} is recorded as acting in {_plural(len(group), 'event')} "
                                      f"with {_plural(d, 'death')}: {what}.", cite(group),
                                      {"events": len(group), "deaths": d}))
    unattributed = [e for e in evs if not (e.get("actor1") or {}).get("name")]
    if unattributed:
        d = sum(_best(e) for e in unattributed)
        who.sentences.append(Sentence(f"No perpetrator is named for {_plural(len(unattributed), 'event')} "
                                      f"with {_plural(d, 'death')}.", cite(unattributed),
                                      {"events": len(unattributed), "deaths": d}))
    sections.append(who)

    disputes = Section("Where sources disagree")
    disputed = [e for e in evs if e.get("contradictions")]
    for e in sorted(disputed, key=lambda e: (-_best(e), e["id"]))[:DISAGREEMENTS]:
        for c in e["contradictions"][:2]:
            values = c.get("values") or []
            sides = "; ".join(f"{v.get('outlet') or 'an outlet'}"
                              f"{' citing ' + v['claimed_by'] if v.get('claimed_by') else ''} says {_value(v.get('value'))}"
                              for v in values)
            disputes.sentences.append(Sentence(
                f"For the {(e.get('sub_event_type') or 'event').lower()} in {_place(e)} on {e.get('date_start')}, "
                f"sources disagree on {c.get('field')}: {sides}.",
                [f"event:{e['id']}", *(f"report:{v['report']}" for v in values if v.get("report"))],
                {"field": c.get("field"), "values": [v.get("value") for v in values]}))
    if disputed and len(disputed) > DISAGREEMENTS:
        disputes.sentences.append(Sentence(f"Sources disagree on {_plural(len(disputed), 'event')} in all.",
                                           cite(disputed), {"events": len(disputed)}))
    sections.append(disputes)

    sections.append(_coverage_section(conn, since, until))
    return Brief(title, since, until, scope, [s for s in sections if s.sentences])


def _value(v: Any) -> str:
    if isinstance(v, dict):
        if "best" in v:
            return str(v.get("best"))
        return str(v.get("name") or json.dumps(v, ensure_ascii=False))
    return str(v)


def _coverage_section(conn: Connection, since: str | None, until: str | None) -> Section:
    out = Section("Coverage")
    first, last = dated_article(conn), dated_article(conn, last=True)
    if first is None:
        return out
    out.sentences.append(Sentence(f"The store's articles run from {first.published} to {last.published}.",
                                  [f"article:{first.id}", f"article:{last.id}"],
                                  {"first_article": first.published, "last_article": last.published}))
    if not (since and until):
        return out
    cov = coverage(conn, date.fromisoformat(since), date.fromisoformat(until))
    for a, b in cov["gaps"][:10]:
        before, after = dated_article(conn, before=a), dated_article(conn, after=b)
        nearest = [x for x in (before, after) if x is not None]
        if not nearest:
            continue
        span = a if a == b else f"{a} to {b}"
        out.sentences.append(Sentence(
            f"No article in the store is dated {span}; the nearest are dated "
            f"{' and '.join(x.published for x in nearest)}, so events of these days may be missing.",
            [f"article:{x.id}" for x in nearest], {"gap": [a, b]}))
    return out


# --- rendering -------------------------------------------------------------------------------------

def _href(cite: str, event_of: dict[str, str]) -> str:
    kind, _, ident = cite.partition(":")
    if kind == "event":
        return f"/event/{ident}"
    if kind == "report":
        return f"/event/{event_of[ident]}#report-{ident}" if ident in event_of else f"/article/{ident.rpartition(':')[0]}"
    return f"/article/{ident}"


def render(brief: Brief, fmt: str, base_url: str = "", event_of: dict[str, str] | None = None) -> str:
    """The brief as ``md`` (a footnote per sentence), ``html`` (links per sentence) or ``json``."""
    if fmt == "json":
        return json.dumps(brief.to_dict(), ensure_ascii=False, indent=1)
    event_of = event_of or {}
    if fmt == "md":
        def md(text: str) -> str:  # outlet and place names come from articles: no markup may pass
            return html.escape(text, quote=False).replace("[", "\\[").replace("]", "\\]").replace("*", "\\*")

        lines, notes = [f"# {md(brief.title)}", ""], []
        for s in brief.sections:
            lines += [f"## {md(s.title)}", ""]
            for x in s.sentences:
                notes.append(x.cites)
                lines.append(f"- {md(x.text)}[^{len(notes)}]")
            lines.append("")
        lines.append("---")
        lines.append("")
        for i, cites in enumerate(notes, 1):
            lines.append(f"[^{i}]: " + ", ".join(f"[{c}]({base_url}{_href(c, event_of)})" for c in cites))
        return "\n".join(lines) + "\n"
    esc = html.escape
    parts = [f"<article class=\"brief\"><h1>{esc(brief.title)}</h1>"]
    for s in brief.sections:
        parts.append(f"<section><h2>{esc(s.title)}</h2><ul>")
        for x in s.sentences:
            links = " ".join(f"<a class=\"cite\" href=\"{esc(base_url + _href(c, event_of))}\">[{i}]</a>"
                             for i, c in enumerate(x.cites, 1))
            parts.append(f"<li class=\"sentence\" data-cites=\"{esc(' '.join(x.cites))}\">{esc(x.text)} "
                         f"<span class=\"cites\">{links}</span></li>")
        parts.append("</ul></section>")
    parts.append("</article>")
    return "\n".join(parts)


def brief_of(conn: Connection, filters: EventFilters, fmt: str, scope: str | None = None,
             base_url: str = "") -> str:
    """Build and render in one call; ``scope`` defaults to a description of the filters."""
    b = build(conn, filters, scope or describe(filters))
    event_of = {}
    if fmt != "json":
        ids = [c.split(":", 1)[1] for s in b.sections for x in s.sentences for c in x.cites if c.startswith("report:")]
        event_of = events_of_reports(conn, ids)
    return render(b, fmt, base_url, event_of)


def describe(filters: EventFilters) -> str:
    """The place part of a brief's title, from its filters."""
    if filters.region:
        return filters.region
    if filters.admin1:
        return filters.admin1
    if filters.bbox:
        return "the box " + ",".join(f"{v:g}" for v in filters.bbox)
    return "all areas"
