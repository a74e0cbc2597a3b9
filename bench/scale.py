"""Extraction and linking at scale: articles/s with 1 and 2 local workers and a 2-worker Dask cluster.

    python bench/scale.py [--n 100000] [--pg postgresql://USER:PASS@HOST:5432/postgres]
                          [--configs local:1,local:2,dask:2] [--batch-size 64] [--no-write]

Generates the synthetic corpus (``bench/corpus.py``) unless ``--corpus`` is
given, ingests it once per store (SQLite in a temporary folder; PostgreSQL in
a fresh database on the ``--pg`` server, dropped afterwards), then for each
configuration clears the extraction results, runs ``run_extraction`` and
``link_store``, and records articles/s, the scaling against one worker, peak
resident memory per worker process (psutil, sampled as batches finish), the
Dask overhead against the local pool with as many workers, and that every
configuration stored the same number of reports. Appends a table to
``bench/RESULTS.md`` unless ``--no-write``.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import psutil
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as synthetic  # noqa: E402  (bench/corpus.py)

from warwire.engine.run import run_extraction  # noqa: E402
from warwire.store import ingest, open_store  # noqa: E402
from warwire.store.schema import event_reports, events, extractions, reports  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SECTION = "## Extraction at scale (bench/scale.py)"
INTRO = """\
`python bench/scale.py --n N --pg URL` generates N synthetic articles (bench/corpus.py: the sample's
sentences with other towns, dates, figures and actors), ingests them, and for each engine clears the
results, runs `run_extraction` and then `link_store`. Seconds include starting the workers, each of
which loads the model itself, in parallel (the bench process loads none). Each run below appends a
table."""


class WorkerSampler:
    """Engine hook: peak resident memory and CPU time of each worker process, sampled every few batches.

    CPU time shows what wall time hides on a shared machine: whether the workers got the cores.
    """

    def __init__(self, every: int = 1) -> None:
        self.every, self.calls, self.peak, self.cpu, self.base = every, 0, {}, {}, {}

    def __call__(self, engine) -> None:
        self.calls += 1
        if (self.calls - 1) % self.every:
            return
        for pid in engine.pids():
            try:
                proc = psutil.Process(pid)
                rss, times = proc.memory_info().rss, proc.cpu_times()
            except psutil.Error:
                continue  # a worker that just ended
            self.peak[pid] = max(self.peak.get(pid, 0), rss)
            # From the first sample on: the CPU a process spent before (loading, ingesting) is not extraction.
            self.base.setdefault(pid, times.user + times.system)
            self.cpu[pid] = times.user + times.system - self.base[pid]

    @property
    def mb(self) -> float:
        return max(self.peak.values(), default=0) / 2 ** 20

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


def _own_cpu() -> float:
    """CPU seconds (user and system) of this process, the driver: its threads, not the workers."""
    times = os.times()
    return times.user + times.system


def _children_cpu() -> float:
    """CPU seconds of this process's ended children: the workers of a finished run, start-up included."""
    times = os.times()
    return times.children_user + times.children_system


def clear_results(store) -> None:
    """Forget extraction and linking results, keeping the articles, so the next run starts fresh."""
    with store.engine.begin() as conn:
        for table in (event_reports, events, reports, extractions):
            conn.execute(table.delete())


def pg_database(server: str) -> tuple[str, sa.Engine, str]:
    admin = sa.create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1),
                             isolation_level="AUTOCOMMIT")
    name = f"ww_scale_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    return f"{server.rsplit('/', 1)[0]}/{name}", admin, name


def run_store(label: str, url: str, corpus_path: Path, configs: list[tuple[str, int]], batch_size: int,
              link: bool) -> list[dict]:
    store = open_store(url)
    started = time.perf_counter()
    ingested = ingest([str(corpus_path)], store)
    ingest_s = time.perf_counter() - started
    print(f"[{label}] ingested {ingested.new:,} articles in {ingest_s:,.1f} s", flush=True)
    rows = []
    for engine, workers in configs:
        clear_results(store)
        sampler = WorkerSampler()
        driver_before, workers_before = _own_cpu(), _children_cpu()
        summary = run_extraction(store, engine=engine, workers=workers, batch_size=batch_size,
                                 engine_hook=sampler)
        driver_cpu = _own_cpu() - driver_before
        workers_cpu = _children_cpu() - workers_before  # local workers only: Dask's are not our children
        link_s = None
        if link:
            from warwire.verify.contradictions import link_and_check

            t = time.perf_counter()
            link_and_check(store)
            link_s = time.perf_counter() - t
        row = dict(store=label, engine=engine, workers=workers, articles=summary.articles,
                   reports=store.count_reports(), errors=summary.errors, seconds=summary.seconds,
                   rate=summary.rate, startup=summary.startup, rss_mb=sampler.mb,
                   cores=sampler.cpu_seconds / max(summary.seconds - summary.startup, 1e-9),
                   link_s=link_s, ingest_s=ingest_s, driver_cpu=driver_cpu, workers_cpu=workers_cpu,
                   events=store.count_events() if link else None)
        print(f"[{label}] {engine}:{workers} {row['articles']:,} articles, {row['reports']:,} reports in "
              f"{row['seconds']:,.1f} s (startup {row['startup']:,.1f} s) = {row['rate']:,.1f}/s; peak RSS/worker {row['rss_mb']:,.0f} MB; "
              f"cores used {row['cores']:.2f}; driver {driver_cpu:,.2f} CPU-s; workers {workers_cpu:,.2f} CPU-s"
              + (f"; link {link_s:,.1f} s" if link_s is not None else ""), flush=True)
        rows.append(row)
    store.close()
    return rows


def table(rows: list[dict], n: int) -> str:
    base = {(r["store"]): r["rate"] for r in rows if r["engine"] == "local" and r["workers"] == 1}
    local = {(r["store"], r["workers"]): r for r in rows if r["engine"] == "local"}
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"### Extraction at scale, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC (bench/scale.py)",
        "",
        f"N = {n:,} synthetic articles (bench/corpus.py). Machine: {psutil.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2 ** 30:.0f} GB, Python {platform.python_version()}, "
        f"load average at the end {load} (shared with other work). *Cores used* is the workers' CPU "
        "seconds per second of extraction: where it stays near 1 with 2 workers, the machine, not the "
        "runner, capped the scaling.",
        "",
        "| store | engine | workers | articles | reports | errors | seconds | of which startup | articles/s "
        "| scaling vs 1 | cores used | peak RSS/worker MB | Dask overhead vs local (after startup) | link s "
        "| ingest s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        scaling = f"{r['rate'] / base[r['store']]:.2f}x" if base.get(r["store"]) else ""
        overhead = ""
        if r["engine"] == "dask" and (r["store"], r["workers"]) in local:
            lr = local[(r["store"], r["workers"])]
            after = (r["seconds"] - r["startup"]) / max(lr["seconds"] - lr["startup"], 1e-9) - 1
            overhead = f"{(r['seconds'] / lr['seconds'] - 1) * 100:+.0f}% ({after * 100:+.0f}%)"
        link_s = f"{r['link_s']:,.1f}" if r["link_s"] is not None else ""
        lines.append(f"| {r['store']} | {r['engine']} | {r['workers']} | {r['articles']:,} | {r['reports']:,} "
                     f"| {r['errors']} | {r['seconds']:,.1f} | {r['startup']:,.1f} | {r['rate']:,.1f} | {scaling} "
                     f"| {r['cores']:.2f} | {r['rss_mb']:,.0f} "
                     f"| {overhead} | {link_s} | {r['ingest_s']:,.1f} |")
    same = {r["store"]: set() for r in rows}
    for r in rows:
        same[r["store"]].add(r["reports"])
    checks = ", ".join(f"{s}: {'same' if len(v) == 1 else 'DIFFERENT'} report count in every run"
                       for s, v in same.items())
    lines += ["", f"Exactly once: {checks}.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="Articles in the synthetic corpus.")
    parser.add_argument("--corpus", type=Path, help="A corpus JSONL to use instead of generating one.")
    parser.add_argument("--pg", help="A PostgreSQL server URL; a fresh database is made on it and dropped.")
    parser.add_argument("--configs", default="local:1,local:2,dask:2", help="engine:workers, comma-separated.")
    parser.add_argument("--pg-configs", help="Configurations for PostgreSQL (default: --configs).")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-link", action="store_true", help="Skip linking after each run.")
    parser.add_argument("--no-write", action="store_true", help=f"Do not append to {RESULTS.name}.")
    args = parser.parse_args()
    from extract_speed import byte_compile  # noqa: E402  (bench/extract_speed.py)

    byte_compile()  # as an installed package is: workers import compiled modules

    def parse(spec: str) -> list[tuple[str, int]]:
        return [(c.split(":")[0], int(c.split(":")[1])) for c in spec.split(",")]

    with tempfile.TemporaryDirectory(prefix="warwire-scale-") as tmp:
        corpus_path = args.corpus or synthetic.write(Path(tmp) / "corpus.jsonl", args.n)
        n = sum(1 for _ in corpus_path.open(encoding="utf-8"))
        rows = run_store("SQLite", f"sqlite:///{Path(tmp) / 'scale.db'}", corpus_path, parse(args.configs),
                         args.batch_size, not args.no_link)
        if args.pg:
            url, admin, name = pg_database(args.pg)
            try:
                rows += run_store("PostgreSQL", url, corpus_path, parse(args.pg_configs or args.configs),
                                  args.batch_size, not args.no_link)
            finally:
                with admin.connect() as conn:
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    text = table(rows, n)
    print(text)
    if not args.no_write:
        known = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        with RESULTS.open("a", encoding="utf-8") as f:
            if SECTION not in known:
                f.write(("\n" if known else "") + f"{SECTION}\n\n{INTRO}\n")
            f.write("\n" + text)


if __name__ == "__main__":
    main()
