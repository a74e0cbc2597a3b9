"""FA-KES rows as gold: crowd workers' facts about each article's main casualty event.

Scored on the article's primary casualty report: governorate, victim counts
(exact; our empty count is 0, as the crowd's), actor class and cause of death
(warwire's values mapped to the FA-KES classes through ``mappings.yaml``), and
the date within a day of the article's (the event is often the day before).
The article's date is the one the text prints (at its top, or a wire story's dateline after its headline):
the crowd's ``date`` column is often wrong (see the data's README). Crowd annotations are noisy: read the worst cases
before trusting a number.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from warwire.extract.dates import wire_dateline
from warwire.ingest.dates import printed_date
from warwire.ingest.tabular import csv_records
from warwire.errors import E, WarwireError
from warwire.eval.scoring import Case, Scores, actor_key, admin1, excerpt, mappings, primary_report, spaced
from warwire.model import Actor, Article, Report

COUNTS = ("civilians", "noncivilians", "children", "women")
#: The crowd's date and ours may differ by this many days and still agree.
DATE_DAYS = 1


@dataclass
class FakesRow:
    id: str
    title: str | None
    text: str
    outlet: str | None
    date: str | None  # the crowd's
    printed: str | None  # printed at the top of the text
    governorate: str
    actor: str
    cause: str
    counts: dict[str, int]

    def article(self) -> Article:
        return Article(text=self.text, source_id=self.id, title=self.title, outlet=self.outlet,
                       published=self.date, origin=f"fakes:{self.id}")


def _date(raw: str) -> str | None:
    try:
        return datetime.strptime(raw.strip(), "%m/%d/%y").date().isoformat()
    except ValueError:
        return None


def _printed(text: str) -> str | None:
    """The date the text prints: at its top, else in a wire story's dateline after the headline."""
    wire = None if printed_date(text) else wire_dateline(text)
    return wire[0].isoformat() if wire else printed_date(text)


def read_fakes(path: Path | str, limit: int | None = None, half: int | None = None) -> list[FakesRow]:
    """FA-KES rows (a cp1252 CSV); ``half`` 1 or 2 keeps the odd or even rows (1-based, file order), ``limit``
    keeps that many, evenly spaced through the file."""
    path = Path(path)
    columns, rows = csv_records(path)
    missing = {"unit_id", "article_content", "location", "actor", "cause_of_death"} - set(columns)
    if missing:
        raise WarwireError(E.E202, where=path, line=1,
                           why=f"no {', '.join(sorted(missing))} column: give the FA-KES CSV with crowd facts")
    rows = [r for r in rows if (r.get("article_content") or "").strip()]
    if half:
        rows = rows[half - 1::2]
    rows = spaced(rows, limit)
    return [FakesRow(
        id=r["unit_id"], title=r.get("article_title") or None, text=r["article_content"], outlet=r.get("source"),
        date=_date(r.get("date", "")), printed=_printed(r["article_content"]), governorate=(r.get("location") or "").strip().casefold(),
        actor=(r.get("actor") or "unknown").strip().casefold(),
        cause=(r.get("cause_of_death") or "unknown").strip().casefold(),
        counts={k: int(r.get(f"nb_{k}") or 0) for k in COUNTS},
    ) for r in rows]


#: FA-KES tells of the war in Syria: its actors are that pack's.
PACK = "syria"


def actor_class(actor: Actor | None) -> str:
    """The FA-KES actor class of a warwire actor: that of the actor it belongs to at the top of the pack's parent
    chain (a pro-government militia is the government's, the YPG the SDF's), else its kind's. The classes are
    listed by name because ACLED's kinds do not tell them apart: the Islamic State, al-Nusra, the SDF and the
    opposition are all rebel groups, Russia and the coalition's states all external forces."""
    if actor is None:
        return "unknown"
    for name in _chain(actor.name):
        key = actor_key(name)
        for cls, names in mappings()["fakes_actors"].items():
            if any(key.startswith(actor_key(n)) for n in names):
                return cls
    return mappings()["fakes_actor_kinds"].get(actor.kind, "unknown")


def _chain(name: str) -> list[str]:
    """The actor's name, then the names of the actors it belongs to, up to the top."""
    from warwire.knowledge import packs

    actors = packs.load(PACK).actor_dictionary
    entry = next((e for e in actors.entries.values() if e.name == name), None)
    out, seen = [name], {name}
    while entry is not None and entry.parent and entry.parent in actors.entries and entry.parent not in seen:
        seen.add(entry.parent)
        entry = actors.entries[entry.parent]
        out.append(entry.name)
    return out


def cause_of_death(report: Report | None) -> str:
    """The FA-KES cause of death of a warwire report."""
    if report is None:
        return "unknown"
    for tag, cause in mappings()["fakes_cause_tags"].items():
        if tag in report.tags:
            return cause
    for cause, subs in mappings()["fakes_causes"].items():
        if report.sub_event_type in subs:
            return cause
    return "unknown"


def casualty_report(reports: list[Report]) -> Report | None:
    """The article's main casualty event: the primary report if it counts deaths, else the deadliest, else the primary."""
    lead = primary_report(reports)
    if lead and lead.fatalities.best:
        return lead
    deadly = [r for r in reports if r.fatalities.best]
    return max(deadly, key=lambda r: r.fatalities.best) if deadly else lead


def score_fakes(rows: list[FakesRow], predictions: list[list[Report]], seconds: float = 0.0) -> Scores:
    """Governorate, victim counts, actor class, cause of death and date of the main casualty report."""
    scores = Scores("fakes", n=len(rows), seconds=seconds)
    for row, preds in zip(rows, predictions, strict=True):
        r = casualty_report(preds)
        diffs: list[str] = []

        def check(name: str, want, got, ok: bool | None = None) -> None:
            if not scores.metric(name).add(want == got if ok is None else ok):
                diffs.append(f"{name}: want {want!r}, got {got!r}")

        got_admin1 = admin1(r.location.admin1) if r and r.location else None
        agree = mappings()["fakes_governorate"].get(row.governorate, [admin1(row.governorate)])
        check("governorate", row.governorate, got_admin1, got_admin1 in agree)
        v = r.victims if r else None
        got_counts = {"civilians": v and v.civilians, "noncivilians": v and v.combatants,
                      "children": v and v.children, "women": v and v.women}
        for k in COUNTS:
            check(f"nb_{k}", row.counts[k], got_counts[k] or 0)
        check("actor", row.actor, actor_class(r.actor1 if r else None))
        check("cause_of_death", row.cause, cause_of_death(r))
        want = row.printed or row.date
        if want:
            got = r.date if r else None
            near = bool(got) and abs((date.fromisoformat(got) - date.fromisoformat(want)).days) <= DATE_DAYS
            check("date", want, got, near)
        if diffs:
            scores.cases.append(Case(row.id, excerpt(row.text), len(diffs), diffs))
    return scores
