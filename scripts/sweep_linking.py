"""Score linking under changed thresholds, one line of settings overrides at a time, in one process.

Each line of the input is a JSON object of dotted ``warwire/link/settings.yaml`` keys and their values
(``{"linking.toll_detail_min": 3}``; ``{}`` scores the settings as shipped). For each, every report of the
FA-KES development store and of the ACLED Syria and Yemen note stores is linked from scratch (what
``warwire link --full`` computes) and scored by the linking README's rules (``warwire.eval.linking``): pair
recall on both halves, the hard negatives linked, the missed pairs by cause (tuning / held out) and the ACLED
rows over-merged, January (tuning) / February (held out). The articles are extracted once into ``--workdir``
and reused, so a line costs a link of the three stores, not an extraction.

Only summary numbers of the held-out halves are printed (``eval --linking --errors`` shows the tuning half's
missed pairs): choose on the tuning half and ACLED January; the held-out numbers say whether it holds.

    echo '{"linking.toll_detail_min": 3}' | python scripts/sweep_linking.py --workdir DIR
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from warwire.eval import linking as ev
from warwire.eval.scoring import Scores
from warwire.link import rules

YEMEN = "../shared/data/acled/acled_yemen_2018_jan_feb.csv"


def override(changes: dict[str, Any]) -> None:
    """The shipped settings with ``changes`` (dotted keys) applied, and the sets derived from them rebuilt."""
    rules.settings.cache_clear()
    s = rules.settings()
    for key, value in changes.items():
        *path, last = key.split(".")
        d = s
        for part in path:
            d = d[part]
        if last not in d:
            raise SystemExit(f"no setting {key}")
        d[last] = value
    rules.derive(s)


def acled(workdir: Path, relative: str, name: str) -> tuple[Any, list[ev.AcledRow]]:
    csv = ev.repo_path(relative)
    store = ev.extracted_store(csv, workdir / name)
    return store, ev.acled_rows(csv, ev._as_stored(store, ev._articles(csv)))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--workdir", type=Path, required=True, help="the extracted stores, made on the first run")
    args = p.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    fakes_csv = ev.repo_path(ev.FAKES)
    fakes = ev.extracted_store(fakes_csv, args.workdir / "fakes.db")
    unit_to_article = {a.source_id: a.id for a in ev._as_stored(fakes, ev._articles(fakes_csv))}
    incidents, negatives = ev.read_jsonl(ev.repo_path(ev.INCIDENTS)), ev.read_jsonl(ev.repo_path(ev.NEGATIVES))
    coded = {"Syria": acled(args.workdir, ev.ACLED, "acled.db"), "Yemen": acled(args.workdir, YEMEN, "yemen.db")}
    for line in sys.stdin:
        if not line.strip():
            continue
        override(json.loads(line))
        started = time.process_time()
        scores, causes = Scores(dataset="linking", source=str(ev.repo_path(ev.INCIDENTS))), {}
        ev.score_incidents(ev.link_in_memory(fakes), incidents, negatives, unit_to_article, scores, causes=causes)
        m = scores.metrics
        wrong = {h: m[f"negatives.apart.{h}"].total - m[f"negatives.apart.{h}"].correct for h in ("tune", "test")}
        print(line.strip())
        print(f"  pair recall {m['incidents.pairs'].accuracy:.3f} (tune {m['incidents.pairs.tune'].accuracy:.3f}, "
              f"held out {m['incidents.pairs.test'].accuracy:.3f}); negatives linked {wrong['tune']}/{wrong['test']}")
        print("  missed by cause (tune/held out): " + ", ".join(
            f"{c} {causes.get('tune', {}).get(c, 0)}/{causes.get('test', {}).get(c, 0)}" for c in ev.MISS_CAUSES))
        for what, title in (("evidence short", "evidence short lacks"), ("conflict", "conflict")):
            for line in ev.breakdown(causes, what, title):
                print("  " + line)
        over = []
        for country, (store, rows) in coded.items():
            c = ev.score_acled_links(ev.link_in_memory(store), rows, Scores(dataset="linking", source=country))
            over.append(f"{country} {c['over_merged.tune']}/{c['over_merged.test']}")
        print(f"  ACLED over-merged (January/February): {', '.join(over)}; {time.process_time() - started:.0f} CPU-s",
              flush=True)


if __name__ == "__main__":
    main()
