"""A large synthetic corpus for scale runs: the bundled sample's sentences, recombined.

    python bench/corpus.py [--n 100000] [--seed 7] [--out bench/corpus.jsonl]

Each article takes a lead sentence and a few more from the sample articles
(``warwire/data/sample/*.txt``, written for the project), with the places
swapped for other Syrian towns (from the packaged GeoNames gazetteer), the
figures and weekdays changed, some actors exchanged, and a publication date,
outlet and id of its own. It is never real news: every sentence is the
sample's, only the names and numbers move. Writes JSONL (``id``, ``title``,
``date``, ``outlet``, ``text``), the layout ``warwire extract`` reads.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "warwire" / "data" / "sample"
GAZETTEER = REPO / "warwire" / "knowledge" / "packs" / "syria" / "gazetteer.tsv.gz"

OUTLETS = ["Levant Wire", "Orontes News", "Northern Monitor Daily", "Crescent Press", "Euphrates Courier",
           "Qalamoun Dispatch", "Coastal Herald", "Jazira Bulletin"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Actor phrases of the sample and what they may become: the same kinds of actors, other words.
ACTOR_SWAPS = {
    "Government warplanes": ["Russian warplanes", "Syrian government jets", "Regime aircraft"],
    "Government artillery": ["Army artillery", "Regime forces' artillery", "Government rocket launchers"],
    "the Syrian army": ["government forces", "pro-government militias", "the Syrian army"],
    "rebels": ["opposition fighters", "rebel factions", "insurgents"],
    "Islamic State": ["ISIS", "Islamic State", "Daesh"],
}
NUMBER = re.compile(r"\b\d{1,4}\b")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
FIRST_DATE, LAST_DATE = date(2012, 1, 1), date(2023, 6, 30)


def read_sample() -> list[str]:
    """Bodies of the sample articles (the header line dropped)."""
    bodies = []
    for path in sorted(SAMPLE.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        bodies.append("\n".join(lines[1:] if lines and lines[0].startswith("date ") else lines).strip())
    if not bodies:
        sys.exit(f"No sample articles in {SAMPLE}.")
    return bodies


def read_towns(min_population: int = 5000) -> tuple[list[str], list[str]]:
    """Syrian towns of the gazetteer (GeoNames, CC BY 4.0): every name any town goes by (to find
    them in the sample), and the plain names of the larger ones (to put in their place)."""
    known, plain = set(), set()
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("# ")), delimiter="\t")
        for row in rows:
            if row["kind"] not in ("city", "community") or row["country"] != "Syria":
                continue
            known.update(n for n in row["names"].split("|") if len(n) > 3 and n[0].isupper())
            if int(row["population"] or 0) >= min_population and re.fullmatch(r"[A-Z][A-Za-z' -]+", row["name"]):
                plain.add(row["name"])
    return sorted(known), sorted(plain)


def templates(bodies: list[str], known: list[str]) -> tuple[list[str], list[str]]:
    """Lead and other sentences of the sample, with every town name replaced by ``{place}``."""
    known = sorted(known, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, known)) + r")\b")
    leads, others = [], []
    for body in bodies:
        sentences = [s.strip() for para in body.split("\n") for s in SENTENCE.split(para) if s.strip()]
        for i, s in enumerate(sentences):
            t = pattern.sub("{place}", s.replace("{", "(").replace("}", ")"))
            (leads if i == 0 else others).append(t)
    return leads, others


def fill(template: str, rng: random.Random, places: list[str]) -> str:
    text = template
    while "{place}" in text:
        text = text.replace("{place}", rng.choice(places), 1)
    text = NUMBER.sub(lambda m: str(max(1, int(int(m.group()) * rng.uniform(0.5, 2.0))))
                      if len(m.group()) < 4 else m.group(), text)
    for day in WEEKDAYS:
        if day in text:
            text = text.replace(day, rng.choice(WEEKDAYS))
    for phrase, options in ACTOR_SWAPS.items():
        if phrase in text:
            text = text.replace(phrase, rng.choice(options))
    return text


def articles(n: int, seed: int = 7):
    """``n`` synthetic articles as JSON objects, the same for the same seed."""
    rng = random.Random(seed)
    known, towns = read_towns()
    leads, others = templates(read_sample(), known)
    span = (LAST_DATE - FIRST_DATE).days
    for i in range(n):
        places = rng.sample(towns, 3)  # an article keeps to a few places, as a story does
        sentences = [fill(rng.choice(leads), rng, places)]
        sentences += [fill(rng.choice(others), rng, places) for _ in range(rng.randint(2, 7))]
        paragraphs = [" ".join(sentences[j:j + 2]) for j in range(0, len(sentences), 2)]
        published = FIRST_DATE + timedelta(days=rng.randrange(span))
        yield {"id": f"synthetic-{i:06d}", "title": " ".join(sentences[0].split()[:9]),
               "date": published.isoformat(), "outlet": rng.choice(OUTLETS), "text": "\n\n".join(paragraphs)}


def write(path: Path, n: int, seed: int = 7) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for obj in articles(n, seed):
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="Articles to write.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "corpus.jsonl")
    args = parser.parse_args()
    write(args.out, args.n, args.seed)
    print(f"{args.n:,} articles -> {args.out}")


if __name__ == "__main__":
    main()
