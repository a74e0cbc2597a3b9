"""How fast the extractor reads articles, against spaCy alone on the same texts.

    python bench/extract_speed.py [--pairs 5] [--limit N] [--batch-size 64] [--skip-in-process]
                                  [--reference model|warwire] [--skip-ids FILE]

Reads the FA-KES dev articles (../shared/data/fakes/fakes_dev.csv, beside the
repo; the script exits with a message when absent) and writes them as JSONL to
a temporary folder. Then, in paired runs (the two sides of a pair run one
after the other, their order alternating from pair to pair, so a busy machine
hurts both alike; the ratio of each pair is computed and the median reported):

* whole process: ``warwire extract --format jsonl --no-store FILE`` against a
  script that loads the same spaCy model and runs ``nlp.pipe`` over the same
  texts (same batch size, same cap on a text's length). With ``--reference
  model`` (the default, issue 14's yardstick) the script keeps the model's
  shared embedding layer (tok2vec) and its senter, as warwire did until it
  left out the layer no kept component listens to; with ``--reference warwire``
  it keeps exactly what warwire runs (the senter alone). CPU time (user + system) and wall time of each process,
  and its peak memory (max RSS);
* in the process: ``extract_batch`` against ``nlp.pipe`` in this process,
  start-up excluded (CPU time);
* start-up: ``warwire --version`` against ``import spacy``, and one short
  article (written here) through ``warwire extract`` against a process that
  loads spaCy's model and runs it on that text.

CPU time is what other processes on a shared machine inflate least; the machine's
load average is printed alongside.

warwire's modules are byte-compiled first (``compileall``), as an installed
package is: spaCy's side imports its installed, compiled modules, while a source
checkout run with PYTHONDONTWRITEBYTECODE set would compile warwire's at every
start (about 0.08 CPU-s of a one-article call).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FAKES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fakes" / "fakes_dev.csv"
SHORT = ("Warplanes struck the town of Douma on Monday, killing five civilians including two children, "
         "the Syrian Observatory for Human Rights said.")

# What spaCy alone does: the same model, components, batch size and text cap as warwire.
SPACY_SCRIPT = """
import json, sys
import spacy
name, exclude, batch, cap, path = sys.argv[1:6]
nlp = spacy.load(name, exclude=exclude.split(","))
if "senter" in nlp.disabled:
    nlp.enable_pipe("senter")
with open(path, encoding="utf-8") as f:
    texts = [json.loads(line)["text"][:int(cap)] for line in f]
for doc in nlp.pipe(texts, batch_size=int(batch)):
    pass
"""


def write_jsonl(folder: Path, limit: int | None, skip: set[str] = frozenset()) -> Path:
    """The FA-KES dev articles as JSONL (text, title, ISO date, outlet, id), but those whose ids
    (``fakes-<unit_id>``) ``skip`` holds."""
    with FAKES.open(encoding="cp1252", newline="") as f:
        rows = [r for r in csv.DictReader(f) if f"fakes-{r['unit_id']}" not in skip][:limit]
    path = folder / "fakes_dev.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for r in rows:
            m, d, y = r["date"].split("/")
            out.write(json.dumps({"id": r["unit_id"], "title": r["article_title"], "text": r["article_content"],
                                  "outlet": r["source"], "date": f"20{int(y):02d}-{int(m):02d}-{int(d):02d}"},
                                 ensure_ascii=False) + "\n")
    return path


def byte_compile() -> None:
    """Byte-compile warwire's modules, as installing the package does (spaCy's modules are compiled)."""
    import compileall

    import warwire

    compileall.compile_dir(Path(warwire.__file__).parent, quiet=2)


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Run a command (output discarded): wall seconds, CPU seconds, peak RSS in MB."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def paired(a: list[str], b: list[str], pairs: int) -> tuple[list, list]:
    """``pairs`` runs of each command, alternating which goes first."""
    ra, rb = [], []
    for i in range(pairs):
        if i % 2:
            rb.append(run(b))
            ra.append(run(a))
        else:
            ra.append(run(a))
            rb.append(run(b))
    return ra, rb


def med(xs) -> float:
    return statistics.median(xs)


def ratio_row(what: str, ra: list, rb: list, k: int, unit: str = "s") -> str:
    """A table row: median of each side and the median of the pairs' ratios for measure ``k``."""
    ratios = [x[k] / y[k] for x, y in zip(ra, rb)]
    return (f"| {what} | {med(x[k] for x in ra):.2f} {unit} | {med(y[k] for y in rb):.2f} {unit} | "
            f"**{med(ratios):.2f}×** ({min(ratios):.2f}–{max(ratios):.2f}) |")


def model_name() -> tuple[str, list[str]]:
    import spacy.util

    from warwire.extract.nlp import DROP, MODELS

    for name in MODELS:
        if spacy.util.is_package(name):
            return name, DROP
    raise SystemExit("No spaCy English model installed (see the README).")


def reference_exclude(reference: str) -> list[str]:
    """The components the spaCy side leaves out: the model's yardstick (``model``: tok2vec and senter kept)
    or what warwire runs (``warwire``)."""
    from warwire.extract.nlp import DROP, SHARED

    return list(DROP) if reference == "model" else [*DROP, SHARED]


def in_process(jsonl: Path, batch_size: int, pairs: int, name: str, exclude: list[str]) -> list[str]:
    """``extract_batch`` against ``nlp.pipe`` in this process: CPU seconds per pair and their ratio."""
    import spacy

    from warwire.extract import extract_batch
    from warwire.extract.nlp import MAX_TEXT_CHARS
    from warwire.model import Article

    with jsonl.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    articles = [Article(text=r["text"], title=r["title"], published=r["date"], outlet=r["outlet"]) for r in rows]
    texts = [a.text[:MAX_TEXT_CHARS] for a in articles]
    nlp = spacy.load(name, exclude=exclude)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    extract_batch([Article(text=SHORT, published="2018-03-05")])

    def spacy_side():
        c = time.process_time()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        return time.process_time() - c

    def warwire_side():
        c = time.process_time()
        extract_batch(articles, batch_size=batch_size)
        return time.process_time() - c

    w, s = [], []
    for i in range(pairs):
        if i % 2:
            s.append(spacy_side())
            w.append(warwire_side())
        else:
            w.append(warwire_side())
            s.append(spacy_side())
    ratios = [a / b for a, b in zip(w, s)]
    return [f"| inside the process, start-up excluded, CPU | {med(w):.2f} s | {med(s):.2f} s | "
            f"**{med(ratios):.2f}×** ({min(ratios):.2f}–{max(ratios):.2f}) |"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=5, help="Paired runs of each measure (default 5).")
    ap.add_argument("--limit", type=int, default=None, help="Use the first N articles (default: all).")
    ap.add_argument("--skip-ids", type=Path, action="append", default=[],
                    help="A file of FA-KES ids (fakes-<unit_id>) to leave out; may be given again.")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--skip-in-process", action="store_true", help="Only the whole-process measures.")
    ap.add_argument("--reference", choices=("model", "warwire"), default="model",
                    help="spaCy side: the model's tok2vec + senter (default) or exactly what warwire runs.")
    args = ap.parse_args(argv)
    if not FAKES.exists():
        print(f"{FAKES} is not present: nothing to measure.", file=sys.stderr)
        return 2
    from warwire.extract.nlp import MAX_TEXT_CHARS

    name, _ = model_name()
    drop = reference_exclude(args.reference)
    warwire = [sys.executable, "-m", "warwire"] if not Path(sys.executable).with_name("warwire").exists() \
        else [str(Path(sys.executable).with_name("warwire"))]
    byte_compile()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        skip = {line.strip() for f in args.skip_ids for line in f.read_text().splitlines() if line.strip()}
        jsonl = write_jsonl(folder, args.limit, skip)
        n = sum(1 for _ in jsonl.open(encoding="utf-8"))
        script = folder / "spacy_alone.py"
        script.write_text(SPACY_SCRIPT, encoding="utf-8")
        one = folder / "one.jsonl"
        one.write_text(json.dumps({"text": SHORT, "date": "2018-03-05"}) + "\n", encoding="utf-8")
        spacy_cmd = [sys.executable, str(script), name, ",".join(drop), str(args.batch_size), str(MAX_TEXT_CHARS)]
        extract = warwire + ["extract", "--format", "jsonl", "--no-store", "--batch-size", str(args.batch_size)]

        run(extract + [str(one)])  # a first run may build the knowledge cache: not counted
        whole_w, whole_s = paired(extract + [str(jsonl)], spacy_cmd + [str(jsonl)], args.pairs)
        one_w, one_s = paired(extract + [str(one)], spacy_cmd + [str(one)], args.pairs)
        ver_w, ver_s = paired(warwire + ["--version"], [sys.executable, "-c", "import spacy"], args.pairs)
        rows = [
            ratio_row(f"whole process, CPU ({n} articles)", whole_w, whole_s, 1),
            ratio_row("whole process, wall", whole_w, whole_s, 0),
        ]
        if not args.skip_in_process:
            rows += in_process(jsonl, args.batch_size, args.pairs, name, drop)
        rows += [
            ratio_row("one short article, whole process, CPU", one_w, one_s, 1),
            ratio_row("one short article, whole process, wall", one_w, one_s, 0),
            ratio_row("`--version` against `import spacy`, CPU", ver_w, ver_s, 1),
            ratio_row("peak memory (max RSS), whole run", whole_w, whole_s, 2, "MB"),
        ]
    load_after = os.getloadavg()
    cpu = med(x[1] for x in whole_w)
    print(f"spaCy model {name} without {', '.join(drop)}; batch size {args.batch_size}; {args.pairs} pairs, "
          f"medians (ratio range in brackets). warwire: {n / cpu:.1f} articles per CPU-second.")
    print(f"Load average before {load_before[0]:.1f}, after {load_after[0]:.1f} "
          f"(1 min; {os.cpu_count()} cores).\n")
    print("| measure | warwire | spaCy alone | ratio |\n|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
