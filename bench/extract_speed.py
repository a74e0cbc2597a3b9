"""How fast the extractor reads articles, against spaCy alone on the same texts.

    python bench/extract_speed.py [--limit 634] [--batch-size 64] [--rounds 2]

Reads the FA-KES dev articles (../shared/data/fakes/fakes_dev.csv, beside the
repo; the script exits with a message when absent). Times, in one process and
alternating rounds (the best round counts, so a busy machine hurts both
alike; the ratio is also given in CPU time, which other processes on a shared
machine do not inflate): spaCy's own ``nlp.pipe`` with the components warwire loads, and
``extract_batch`` on the same texts. Then runs ``extract_batch`` in two
processes, each on half the texts. Prints articles/s, words/s, the ratio of
warwire's time to spaCy's, and peak memory (max RSS).
"""
from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from multiprocessing import get_context
from pathlib import Path

from warwire.extract import EXTRACTOR_VERSION, extract_batch
from warwire.extract.nlp import MAX_TEXT_CHARS, load_nlp
from warwire.model import Article

FAKES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fakes" / "fakes_dev.csv"


def read_articles(limit: int | None) -> list[Article]:
    with FAKES.open(encoding="cp1252", newline="") as f:
        rows = list(csv.DictReader(f))[:limit]
    out = []
    for r in rows:
        m, d, y = r["date"].split("/")
        out.append(Article(text=r["article_content"], title=r["article_title"],
                           published=f"20{int(y):02d}-{int(m):02d}-{int(d):02d}"))
    return out


def _warm() -> None:
    load_nlp()
    extract_batch([Article(text="Warplanes struck Douma on Monday, killing 5 civilians.", published="2018-03-05")])


def _time_spacy(texts: list[str], batch_size: int) -> tuple[float, float]:
    nlp = load_nlp()
    t, c = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((t[:MAX_TEXT_CHARS] for t in texts), batch_size=batch_size):
        pass
    return time.perf_counter() - t, time.process_time() - c


def _time_warwire(articles: list[Article], batch_size: int) -> tuple[float, float]:
    t, c = time.perf_counter(), time.process_time()
    extract_batch(articles, batch_size=batch_size)
    return time.perf_counter() - t, time.process_time() - c


def _worker(args: tuple[list[Article], int]) -> tuple[float, int]:
    articles, batch_size = args
    _warm()
    seconds, _ = _time_warwire(articles, batch_size)
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="Use the first N articles (default: all).")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=2, help="Alternating timing rounds; the best counts.")
    args = ap.parse_args(argv)
    if not FAKES.exists():
        print(f"{FAKES} is not present: nothing to measure.", file=sys.stderr)
        return 2
    articles = read_articles(args.limit)
    texts = [a.text for a in articles]
    n, words = len(articles), sum(len(t[:MAX_TEXT_CHARS].split()) for t in texts)
    _warm()
    spacy_s, warwire_s = [], []
    for _ in range(args.rounds):
        spacy_s.append(_time_spacy(texts, args.batch_size))
        warwire_s.append(_time_warwire(articles, args.batch_size))
    s, w = min(x[0] for x in spacy_s), min(x[0] for x in warwire_s)
    s_cpu, w_cpu = min(x[1] for x in spacy_s), min(x[1] for x in warwire_s)
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    halves = [(articles[i::2], args.batch_size) for i in range(2)]
    t = time.perf_counter()
    with get_context("spawn").Pool(2) as pool:
        results = pool.map(_worker, halves)
    wall2 = time.perf_counter() - t
    busy2 = max(sec for sec, _ in results)
    rss2 = max(rss for _, rss in results) / 1024
    print(f"extractor {EXTRACTOR_VERSION}: {n} FA-KES articles, {words} words, pipeline {load_nlp().pipe_names}")
    print(f"spaCy nlp.pipe      1 process : {n / s:7.1f} articles/s {words / s:9.0f} words/s")
    print(f"warwire extract     1 process : {n / w:7.1f} articles/s {words / w:9.0f} words/s")
    print(f"warwire / spaCy time ratio    : {w / s:7.2f} wall, {w_cpu / s_cpu:.2f} CPU")
    print(f"warwire extract     2 processes: {n / busy2:7.1f} articles/s {words / busy2:9.0f} words/s "
          f"(extraction time; {wall2:.1f} s wall including start-up)")
    print(f"peak RSS: {rss1:.0f} MB (1 process), {rss2:.0f} MB per worker (2 processes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
