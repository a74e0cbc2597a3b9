"""The worker side of a run: time budgets kept from outside the worker, bad articles isolated."""
from __future__ import annotations

import gc
import signal
import time

from warwire.engine.worker import Worker, extract_guarded
from warwire.extract import extract_batch
from warwire.engine.run import run_extraction
from warwire.model import Article

STORY = Article(text="Government warplanes struck the town of Douma on Monday, killing at least 23 civilians in "
                     "their homes, a war monitor said.", published="2018-02-20")
OTHER = Article(text=STORY.text.replace("Douma", "Harasta"), published="2018-02-20")
SPIN = "Spin forever."
HANG = "Hang where no signal reaches."
IN_GC = "Spin inside a garbage-collection callback."


def _spin() -> None:
    while True:
        pass


def _spin_in_gc(phase, info) -> None:
    if phase == "start":
        _spin()


def extract_or_stall(articles: list[Article]):
    """The real extractor, except for articles that never end, each in its own way."""
    texts = {a.text for a in articles}
    if SPIN in texts:
        _spin()
    if HANG in texts:
        # As native code can: signals held, nothing for a handler inside the process to act on.
        signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals))
        time.sleep(3600)
    if IN_GC in texts:
        # Where an exception raised by a signal handler is discarded by the interpreter.
        gc.callbacks.append(_spin_in_gc)
        gc.collect()
    return extract_batch(articles)


def _guarded(batch: list[Article], timeout: float):
    worker = Worker(extract_or_stall)
    try:
        return extract_guarded(worker, batch, timeout)
    finally:
        worker.close(now=True)


def _check_only_the_stalled_one_fails(stalled: Article, outcomes) -> None:
    assert [(aid, error is None) for aid, _, error in outcomes] == [(STORY.id, True), (stalled.id, False),
                                                                   (OTHER.id, True)]
    assert outcomes[0][1].reports and outcomes[0][1].reports[0].event_type == "Explosions/Remote violence"
    assert "timeout" in outcomes[1][2] and "0.5 s" in outcomes[1][2]


def test_one_spinning_article_costs_only_itself():
    stalled = Article(text=SPIN)
    _check_only_the_stalled_one_fails(stalled, _guarded([STORY, stalled, OTHER], timeout=0.5))


def test_article_stalled_with_signals_blocked_is_stopped():
    stalled = Article(text=HANG)
    _check_only_the_stalled_one_fails(stalled, _guarded([STORY, stalled, OTHER], timeout=0.5))


def test_article_stalled_inside_a_gc_callback_is_stopped():
    stalled = Article(text=IN_GC)
    _check_only_the_stalled_one_fails(stalled, _guarded([STORY, stalled, OTHER], timeout=0.5))


def test_worker_past_its_budget_is_replaced_and_the_others_go_on():
    stalled = Article(text=HANG)
    got = {}
    summary = run_extraction(None, [STORY, stalled, OTHER], workers=2, batch_size=1, timeout=0.5,
                             extract_fn=extract_or_stall, on_result=lambda a, r, e: got.setdefault(a.id, (r, e)))
    assert summary.error_ids == [stalled.id]
    assert "timeout" in got[stalled.id][1]
    assert got[STORY.id][0] and got[OTHER.id][0]


def test_one_worker_with_a_timeout_runs_out_of_process():
    stalled = Article(text=IN_GC)
    got = {}
    summary = run_extraction(None, [STORY, stalled, OTHER], workers=1, batch_size=3, timeout=0.5,
                             extract_fn=extract_or_stall, on_result=lambda a, r, e: got.setdefault(a.id, (r, e)))
    assert summary.error_ids == [stalled.id]
    assert got[STORY.id][0] and got[OTHER.id][0]
