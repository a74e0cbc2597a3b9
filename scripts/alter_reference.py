"""Write a deliberately altered copy of an ACLED export, to measure what `warwire verify` catches.

For known random subsets (fixed by --seed), disjoint, a share of the rows each:

- fatalities: a row with a death toll gets another one, beyond the tolerance of linking;
- date: the event date moves 3 to 10 days earlier or later;
- location: the event moves to another town of the file 50 to 150 km away (name, admin
  areas and coordinates together);
- actor1: a named perpetrator is replaced by another actor of the file (its associated
  actors are dropped, so none of them still names the original).

A manifest (JSON, beside the output unless --manifest) lists every change: row id, kind,
old and new values, and by how much. With --db STORE, the store (extracted from the original
file) is verified against the original and the altered copy, and the detection rate per kind
is printed: of the altered rows whose own report the original supported, the share whose
report is now contradicted on the altered field (strict) or no longer supported by that row
(loose).

    python scripts/alter_reference.py ../shared/data/acled/acled_syria_2018_jan_feb.csv altered.csv --db acled.db
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

KINDS = ("fatalities", "date", "location", "actor1")
# Actors that name nobody in particular: a row credited to them has no perpetrator to change.
VAGUE_ACTORS = ("unidentified", "unknown", "civilians", "protesters", "rioters")
MIN_DAYS, MAX_DAYS = 3, 10
MIN_KM, MAX_KM = 50.0, 150.0
PLACE_COLUMNS = ("location", "admin1", "admin2", "admin3", "latitude", "longitude")


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _row_id(row: dict[str, str], n: int) -> str:
    return row.get("event_id_cnty") or row.get("data_id") or str(n)


def _coords(row: dict[str, str]) -> tuple[float, float] | None:
    try:
        return float(row["latitude"]), float(row["longitude"])
    except (KeyError, ValueError):
        return None


def _set_date(row: dict[str, str], new: date) -> None:
    if "event_date_iso" in row:
        row["event_date_iso"] = new.isoformat()
        row["event_date"] = new.strftime("%d-%b-%y")
    else:
        row["event_date"] = f"{new.day:02d} {new.strftime('%B %Y')}"
    if "year" in row:
        row["year"] = str(new.year)


def _get_date(row: dict[str, str]) -> date:
    if row.get("event_date_iso"):
        return date.fromisoformat(row["event_date_iso"])
    from datetime import datetime
    return datetime.strptime(row["event_date"].strip(), "%d %B %Y").date()


def _same_side(a: str, inter_a: str | None, b: str, inter_b: str | None) -> bool:
    """The two ACLED actor names agree as perpetrators by warwire's rules (a unit of, an ally in an
    either-or attribution): replacing one by the other would change nothing."""
    from warwire.eval.acled import inter_kind
    from warwire.model import Actor
    from warwire.verify.reference import actor_country, actors_agree

    def actor(name: str, inter: str | None) -> Actor:
        return Actor(name=name, kind=inter_kind(inter), country=actor_country(name))

    return actors_agree(actor(a, inter_a), actor(b, inter_b))


def new_toll(old: int, rng: random.Random) -> int:
    """A toll far enough from ``old`` that no tolerance reconciles them."""
    if old >= 6 and rng.random() < 0.5:
        return rng.randint(0, old // 2 - 1)
    return old + rng.randint(max(3, old // 2 + 1), max(6, old * 2))


def alter_rows(rows: list[dict[str, str]], seed: int = 0, share: float = 0.1) -> list[dict[str, Any]]:
    """Alter ``share`` of the rows per kind, in place; returns the manifest entries."""
    rng = random.Random(seed)
    towns: dict[tuple, dict[str, str]] = {}
    for row in rows:
        if _coords(row):
            towns.setdefault(tuple(row.get(c, "") for c in PLACE_COLUMNS), {c: row.get(c, "") for c in PLACE_COLUMNS})
    town_list = [(t, _coords(t)) for t in towns.values()]
    actors = {(row.get("actor1") or "").strip(): row.get("inter1", "") for row in rows}
    actor_list = sorted((a, i) for a, i in actors.items() if a and not any(w in a.casefold() for w in VAGUE_ACTORS))
    order = list(range(len(rows)))
    rng.shuffle(order)
    per_kind = int(len(rows) * share)
    taken: set[int] = set()
    manifest = []
    for kind in KINDS:
        done = 0
        for i in order:
            if done >= per_kind:
                break
            if i in taken:
                continue
            row = rows[i]
            entry = {"row": _row_id(row, i), "line": i + 2, "kind": kind}
            if kind == "fatalities":
                old = int(row.get("fatalities") or 0)
                if old <= 0:
                    continue  # a report of "no deaths" states no toll to contradict
                row["fatalities"] = str(new_toll(old, rng))
                entry.update(old=old, new=int(row["fatalities"]), by=int(row["fatalities"]) - old)
            elif kind == "date":
                old_date = _get_date(row)
                shift = rng.choice([-1, 1]) * rng.randint(MIN_DAYS, MAX_DAYS)
                _set_date(row, old_date + timedelta(days=shift))
                entry.update(old=old_date.isoformat(), new=(old_date + timedelta(days=shift)).isoformat(), by=shift)
            elif kind == "actor1":
                old = (row.get("actor1") or "").strip()
                if not old or any(w in old.casefold() for w in VAGUE_ACTORS):
                    continue
                keep_out = {old, (row.get("actor2") or "").strip(), *(row.get("assoc_actor_1") or "").split("; ")}
                options = [a for a in actor_list if a[0] not in keep_out and not _same_side(old, row.get("inter1"), *a)]
                if not options:
                    continue
                name, inter = rng.choice(options)
                row.update(actor1=name, inter1=inter, assoc_actor_1="")
                entry.update(old=old, new=name, by=None)
            else:
                here = _coords(row)
                if here is None:
                    continue
                options = [(t, c) for t, c in town_list if MIN_KM <= _km(here, c) <= MAX_KM]
                if not options:
                    continue
                town, there = rng.choice(options)
                entry.update(old=f"{row['location']}, {row['admin1']}", new=f"{town['location']}, {town['admin1']}",
                             by=round(_km(here, there), 1))
                row.update(town)
            taken.add(i)
            manifest.append(entry)
            done += 1
    return manifest


def alter_csv(src: Path | str, dst: Path | str, seed: int = 0, share: float = 0.1,
              manifest: Path | str | None = None) -> list[dict[str, Any]]:
    """Write the altered copy of ``src`` to ``dst`` and its manifest; returns the manifest entries."""
    with open(src, encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        columns = list(reader.fieldnames or [])
        rows = list(reader)
    entries = alter_rows(rows, seed=seed, share=share)
    with open(dst, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    manifest = Path(manifest) if manifest else Path(str(dst) + ".manifest.json")
    manifest.write_text(json.dumps({"source": Path(src).name, "seed": seed, "share": share, "alterations": entries},
                                   indent=1), encoding="utf-8")
    return entries


def detection_rates(store, original: Path | str, altered: Path | str, entries: list[dict[str, Any]]
                    ) -> dict[str, Any]:
    """Verify ``store`` against both files; per kind, how many altered rows were caught.

    A row counts when the original supported one of its own article's reports with it (the
    row's ``source_id`` ties article to row); it is caught strictly when that report is now
    contradicted on the altered field, and flagged when no row supports it any more."""
    from warwire.link.rules import is_generic
    from warwire.verify.reference import CONTRADICTED, SUPPORTED, verify_store

    source = {a.id: a.source_id for a in store.iter_articles()}
    reports = list(store.iter_reports())
    tolls = {r.id: r.fatalities.best is not None or r.fatalities.low is not None for r in reports}
    named = {r.id: not is_generic(r.actor1) for r in reports}
    before = verify_store(store, original, save=False)
    after = {v.report: v for v in verify_store(store, altered, save=False).verdicts}
    own: dict[str, list[str]] = {}
    for v in before.verdicts:
        row = source.get(v.report.rsplit(":", 1)[0])
        if v.verdict == SUPPORTED and row in v.rows:
            own.setdefault(row, []).append(v.report)
    supported = len(own)
    out: dict[str, Any] = {"rows_supported_by_own_report": supported, "kinds": {}}
    for kind in KINDS:
        mine = [e for e in entries if e["kind"] == kind]
        testable = [e for e in mine if e["row"] in own]
        if kind == "fatalities":  # a report that states no toll has nothing to contradict
            testable = [e for e in testable if any(tolls[rid] for rid in own[e["row"]])]
        if kind == "actor1":  # nor one that names no perpetrator
            testable = [e for e in testable if any(named[rid] for rid in own[e["row"]])]
        strict = loose = 0
        for e in testable:
            verdicts = [after[rid] for rid in own[e["row"]]]
            if any(v.verdict == CONTRADICTED and v.field == kind for v in verdicts):
                strict += 1
            if all(v.verdict != SUPPORTED for v in verdicts):
                loose += 1
        n = len(testable)
        out["kinds"][kind] = {"altered": len(mine), "testable": n, "contradicted_on_field": strict,
                              "flagged": loose,
                              "strict_rate": round(strict / n, 3) if n else None,
                              "flagged_rate": round(loose / n, 3) if n else None}
    out["self"] = before.counts
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src", help="an ACLED export CSV")
    ap.add_argument("dst", help="where to write the altered copy")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--share", type=float, default=0.1, help="share of the rows altered per kind (default 0.1)")
    ap.add_argument("--manifest", help="where to write the manifest (default DST.manifest.json)")
    ap.add_argument("--db", help="a store extracted from SRC: verify it against both files and print detection rates")
    args = ap.parse_args()
    entries = alter_csv(args.src, args.dst, seed=args.seed, share=args.share, manifest=args.manifest)
    print(f"altered {len(entries)} rows: " + ", ".join(f"{k} {sum(e['kind'] == k for e in entries)}" for k in KINDS))
    if args.db:
        from warwire.store import open_store

        with open_store(args.db) as store:
            print(json.dumps(detection_rates(store, args.src, args.dst, entries), indent=1))


if __name__ == "__main__":
    main()
