"""A stage run at scale: batches of articles through an engine, results into the store as they finish.

The stage is extraction by default (``warwire.extract.extract_batch``); any batch function of articles to
lists of reports runs the same way (``extract_fn``).

The driver keeps a few batches in flight, writes each finished batch to the
store in one transaction (``save_extractions``: idempotent, keyed by article id
and report index), and never holds more than the in-flight batches in memory.
So a driver killed mid-run loses at most those batches, and the same command
resumes: the store's pending articles are the ones not yet written.

A worker that dies loses its batch. A batch whose worker death is pinned on
it (a local worker holds one batch at a time; Dask pins deaths with
``KilledWorker``) is split into single articles, and the article that kills a
worker twice is recorded as an error; a death not pinned on a batch sends it
again to run alone. Articles that raise are recorded as errors; articles past
the timeout too: their worker process is killed from outside and replaced
(:mod:`warwire.engine.worker`). The run goes on.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, count, islice

from warwire.engine.prepared import Wants
from warwire.engine.worker import Done, ExtractFn, Outcome
from warwire.errors import E, WarwireError
from warwire.model import Article, Report

#: A worker death pinned on one article this many times makes it an error.
MAX_DEATHS = 2

Progress = Callable[[int], None]


@dataclass
class RunSummary:
    """What a run did: articles finished (with or without reports), reports written, errors, wall time."""

    articles: int = 0
    reports: int = 0
    errors: int = 0
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    resubmitted: int = 0  # batches run again after a worker died
    startup: float = 0.0  # seconds until every worker had loaded the model, included in ``seconds``
    dashboard: str | None = None
    error_ids: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Articles per second."""
        return self.articles / self.seconds if self.seconds else 0.0


@dataclass
class _Batch:
    articles: list[Article]
    suspect: bool = False  # was in flight when a worker died
    deaths: int = 0  # worker deaths pinned on this batch while it ran alone


def extractor_version() -> str:
    """``warwire.extract.EXTRACTOR_VERSION``: results of another version count as pending."""
    from warwire.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def pending(store, ids: Iterable[str] | None = None) -> Iterator[Article]:
    """Articles of the store still to extract (only those in ``ids`` when given), each once.

    Reads the store's pending list again until a pass finds nothing new, so no
    article is missed however the store pages through it while results are written.
    """
    wanted = set(ids) if ids is not None else None
    seen: set[str] = set()
    version = extractor_version()
    while True:
        new = 0
        for article in store.pending_articles(extractor_version=version):
            if article.id in seen or (wanted is not None and article.id not in wanted):
                continue
            seen.add(article.id)
            new += 1
            yield article
        if not new:
            return


def failed(store, ids: Iterable[str] | None = None) -> list[Article]:
    """Articles whose extraction failed (only those in ``ids`` when given), to extract again."""
    wanted = set(ids) if ids is not None else None
    failed_ids = [e["article_id"] for e in store.errors() if wanted is None or e["article_id"] in wanted]
    out: list[Article] = []
    for i in range(0, len(failed_ids), 500):
        out.extend(store.iter_articles(ids=failed_ids[i:i + 500]))
    return out


def count_pending(store, ids: Iterable[str] | None = None) -> int:
    """How many articles :func:`pending` will give (for the progress bar's total and ETA)."""
    return store.count_pending(extractor_version(), ids)


def make_engine(engine: str, workers: int, timeout: float | None, scheduler: str | None = None,
                extract_fn: ExtractFn | None = None, wants: Wants = Wants()):
    """The engine named ``local`` or ``dask``; ``local`` with one worker and no timeout runs in this process.

    Its outcomes carry each article's reports in the forms ``wants`` names, made where they were extracted.
    """
    if engine == "dask":
        try:
            from warwire.engine.cluster import DaskEngine
        except ModuleNotFoundError as exc:
            if (exc.name or "").split(".")[0] in ("dask", "distributed"):
                raise WarwireError(E.E212, why=str(exc)) from exc
            raise
        return DaskEngine(workers, timeout, scheduler, extract_fn, wants)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose local or dask")
    from warwire.engine.local import InProcessEngine, PoolEngine

    if workers <= 1 and not timeout:
        return InProcessEngine(extract_fn, wants)
    return PoolEngine(workers, timeout, extract_fn, wants)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def run_extraction(store, articles: Iterable[Article] | None = None, *, engine: str = "local",
                   workers: int = 1, scheduler: str | None = None, batch_size: int = 64,
                   timeout: float | None = 60.0, progress: Progress | None = None,
                   on_result: Callable[[Article, list[Report] | None, str | None], None] | None = None,
                   on_line: Callable[[str], None] | None = None,
                   on_start: Callable[[RunSummary], None] | None = None,
                   extract_fn: ExtractFn | None = None, engine_hook: Callable[[object], None] | None = None
                   ) -> RunSummary:
    """Extract ``articles`` (default: every pending article of ``store``) and save the results.

    ``engine`` is ``local`` (a process pool of ``workers``; one worker runs in
    this process) or ``dask`` (the cluster at ``scheduler``, or a local one of
    ``workers`` processes). ``timeout`` is seconds per article. ``store`` may be
    None to extract without saving. ``progress(n)`` is called as ``n`` more
    articles finish; ``on_result(article, reports, error)`` once per article;
    ``on_line(line)`` once per article extracted without error, with its line of
    ``extract --format jsonl`` (made by the worker, as the store's rows are: the
    driver only writes); ``on_start(summary)`` once the engine is up (it carries the Dask dashboard
    link). ``extract_fn`` replaces ``warwire.extract.extract_batch`` (it must be
    importable by the workers); ``engine_hook(engine)`` is called after each
    finished batch (tests use it to kill a worker mid-run).
    """
    if articles is None:
        if store is None:
            raise ValueError("give articles to extract, or a store to take the pending ones from")
        articles = pending(store)
    started = time.perf_counter()
    remaining = iter(articles)
    first = next(remaining, None)
    if first is None:  # nothing to do: do not start workers and load models for it
        return RunSummary(engine=engine, workers=workers, seconds=time.perf_counter() - started)
    # One article tells that there is work: the workers start loading before the rest of the first batch is read.
    source = _batches(chain([first], remaining), max(1, batch_size))
    before_engine = time.perf_counter() - started
    wants = Wants(reports=on_result is not None, rows=store is not None, line=on_line is not None)
    eng = make_engine(engine, workers, timeout, scheduler, extract_fn, wants)
    summary = RunSummary(engine=engine, workers=eng.workers, dashboard=eng.dashboard_link,
                         startup=time.perf_counter() - started)
    if on_start:
        on_start(summary)
    # Enough batches in flight to keep every worker busy while the driver writes.
    capacity = max(2, 2 * eng.workers)
    retry: deque[_Batch] = deque()
    in_flight: dict[int, _Batch] = {}
    keys = count()
    exhausted = False
    try:
        while True:
            while len(in_flight) < capacity:
                if retry:
                    # A suspect batch runs alone, so that a worker death can be pinned on it.
                    if retry[0].suspect and in_flight:
                        break
                    batch = retry.popleft()
                elif exhausted:
                    break
                else:
                    if any(b.suspect for b in in_flight.values()):
                        break
                    articles_ = next(source, None)
                    if articles_ is None:
                        exhausted = True
                        break
                    batch = _Batch(articles_)
                key = next(keys)
                in_flight[key] = batch
                eng.submit(key, batch.articles)
                if batch.suspect:
                    break
            if not in_flight:
                break
            for done in eng.done(1.0):
                batch = in_flight.pop(done.key)
                if done.outcomes is not None:
                    _finish(store, batch.articles, done.outcomes, summary, progress, on_result, on_line)
                else:
                    lost = _after_death(batch, done, solo_needed=not eng.isolates_deaths)
                    summary.resubmitted += 1
                    if isinstance(lost, list):
                        # The pieces go first, in order, so the culprit is found before new work starts.
                        retry.extendleft(reversed(lost))
                    else:
                        _finish(store, batch.articles, [lost], summary, progress, on_result, on_line)
                if engine_hook:
                    engine_hook(eng)
    finally:
        eng.close()
    summary.seconds = time.perf_counter() - started
    loaded_in = getattr(eng, "loaded_in", None)  # workers that load the model while the run goes on
    if loaded_in is not None:
        summary.startup = before_engine + loaded_in
    return summary


def _after_death(batch: _Batch, done: Done, solo_needed: bool) -> list[_Batch] | Outcome:
    """What to run next for a batch whose worker died: itself again, its articles one by one, or an error."""
    if not done.attributed:
        return [_Batch(batch.articles, suspect=True, deaths=batch.deaths)]
    if len(batch.articles) > 1:
        # One article per batch from here: the culprit is found in one more round, not log2(n) rounds.
        return [_Batch([a], suspect=solo_needed) for a in batch.articles]
    deaths = batch.deaths + 1
    if done.certain or deaths >= MAX_DEATHS:
        return (batch.articles[0].id, None,
                f"worker died while extracting this article, {max(deaths, MAX_DEATHS)} times ({done.lost})")
    return [_Batch(batch.articles, suspect=solo_needed, deaths=deaths)]


def _finish(store, articles: list[Article], outcomes: list[Outcome], summary: RunSummary,
            progress: Progress | None, on_result, on_line) -> None:
    """Write a finished batch in one transaction, then count and report it."""
    if store is not None:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            store.save_extractions([(aid, p.rows if p is not None else None, error) for aid, p, error in outcomes],
                                   extractor_version=extractor_version())
        except SQLAlchemyError as exc:
            raise WarwireError(E.E210, url=store.url, why=str(exc).splitlines()[0][:200]) from exc
    # One outcome per article, in the batch's order: two articles of one text (one id) keep their own records.
    if len(outcomes) == len(articles):
        of = articles
    else:
        by_id = {a.id: a for a in articles}
        of = [by_id[aid] for aid, _, _ in outcomes]
    for article, (article_id, prepared, error) in zip(of, outcomes):
        summary.articles += 1
        if error is not None:
            summary.errors += 1
            summary.error_ids.append(article_id)
        else:
            summary.reports += len(prepared)
            if on_line:
                on_line(prepared.line)
        if on_result:
            on_result(article, prepared.reports if prepared is not None else None, error)
    if progress:
        progress(len(outcomes))
