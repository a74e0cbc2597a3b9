"""Whether a change leaves the extractor's output as it was: the same bytes from two source trees.

    python bench/same_output.py OTHER_TREE [--skip-ids FILE] [--keep DIR]

Writes the FA-KES dev articles (../shared/data/fakes/fakes_dev.csv, as bench/extract_speed.py reads them) and
the ACLED Syria and Yemen notes (../shared/data/acled/, January-February 2018) as JSONL, runs
``warwire extract --format jsonl --no-store`` on each with this tree's code and with OTHER_TREE's (PYTHONPATH
set to each tree; the knowledge cache named by WARWIRE_CACHE_DIR is shared, its files are keyed by the code),
and compares the two outputs byte for byte. Prints, per input, "identical" or how many lines differ (never
the lines themselves), and exits 1 when any differs. ``--skip-ids`` leaves out the FA-KES articles whose
ids (``fakes-<unit_id>``, one a line) it lists; ``--keep`` keeps the outputs there.

For a change meant to make the extractor faster and nothing else: run it against a checkout of the commit
before the change.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DATA = HERE.parent / "shared" / "data"
FAKES = DATA / "fakes" / "fakes_dev.csv"
ACLED = {"acled_syria": DATA / "acled" / "acled_syria_2018_jan_feb.csv",
         "acled_yemen": DATA / "acled" / "acled_yemen_2018_jan_feb.csv"}


def write_inputs(folder: Path, skip: set[str]) -> dict[str, Path]:
    """The inputs as JSONL files in ``folder``: name -> path."""
    out = {}
    path = out["fakes"] = folder / "fakes.jsonl"
    with FAKES.open(encoding="cp1252", newline="") as f, path.open("w", encoding="utf-8") as w:
        for r in csv.DictReader(f):
            if f"fakes-{r['unit_id']}" in skip:
                continue
            m, d, y = r["date"].split("/")
            w.write(json.dumps({"id": r["unit_id"], "title": r["article_title"], "text": r["article_content"],
                                "outlet": r["source"], "date": f"20{int(y):02d}-{int(m):02d}-{int(d):02d}"},
                               ensure_ascii=False) + "\n")
    for name, csv_path in ACLED.items():
        path = out[name] = folder / f"{name}.jsonl"
        with csv_path.open(encoding="utf-8", newline="") as f, path.open("w", encoding="utf-8") as w:
            for r in csv.DictReader(f):
                w.write(json.dumps({"id": r["data_id"], "text": r["notes"], "date": r["event_date_iso"],
                                    "outlet": r["source"]}, ensure_ascii=False) + "\n")
    return out


def extract(tree: Path, source: Path, target: Path) -> None:
    """``warwire extract`` of ``source`` with ``tree``'s code, its JSONL written to ``target``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    script = Path(sys.executable).with_name("warwire")
    warwire = [str(script)] if script.exists() else [sys.executable, "-m", "warwire"]
    with target.open("wb") as out:
        subprocess.run(warwire + ["extract", "--format", "jsonl", "--no-store", str(source)],
                       stdout=out, stderr=subprocess.DEVNULL, env=env, check=True)


def differing_lines(a: Path, b: Path) -> int:
    la, lb = a.read_bytes().splitlines(), b.read_bytes().splitlines()
    return sum(x != y for x, y in zip(la, lb)) + abs(len(la) - len(lb))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", type=Path, help="The other source tree (a checkout of the commit to compare with).")
    ap.add_argument("--skip-ids", type=Path, action="append", default=[],
                    help="A file of FA-KES ids (fakes-<unit_id>) to leave out; may be given again.")
    ap.add_argument("--keep", type=Path, help="Keep the inputs and outputs in this folder.")
    args = ap.parse_args(argv)
    missing = [p for p in (FAKES, *ACLED.values()) if not p.exists()]
    if missing:
        print(f"{missing[0]} is not present: nothing to compare.", file=sys.stderr)
        return 2
    skip = {line.strip() for f in args.skip_ids for line in f.read_text().splitlines() if line.strip()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        same = True
        for name, source in write_inputs(folder, skip).items():
            ours, theirs = folder / f"{name}.this.out", folder / f"{name}.other.out"
            extract(HERE, source, ours)
            extract(args.other.resolve(), source, theirs)
            lines = len(ours.read_bytes().splitlines())
            if ours.read_bytes() == theirs.read_bytes():
                print(f"{name}: identical ({lines} articles)")
            else:
                same = False
                print(f"{name}: {differing_lines(ours, theirs)} of {lines} lines differ")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
