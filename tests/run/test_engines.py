"""The worker side of a run: time budgets in the main thread and in task threads, bad articles isolated."""
from __future__ import annotations

import signal
import threading
import time

import pytest

from warwire.extract import extract_batch
from warwire.extract.engines import ArticleTimeout, deadline, extract_guarded
from warwire.extract.runner import run_extraction
from warwire.model import Article

STORY = Article(text="Government warplanes struck the town of Douma on Monday, killing at least 23 civilians, "
                     "the Syrian Observatory for Human Rights said.", published="2018-02-20")
SPIN = "Spin forever."


def _spin() -> None:
    while True:
        pass


def extract_or_spin(articles: list[Article]):
    if any(a.text == SPIN for a in articles):
        _spin()
    return extract_batch(articles)


def test_deadline_interrupts_the_main_thread():
    started = time.monotonic()
    with pytest.raises(ArticleTimeout):
        with deadline(0.2):
            _spin()
    assert time.monotonic() - started < 2


def test_deadline_interrupts_a_task_thread():
    # Dask runs tasks in threads, where SIGALRM cannot reach.
    caught = []

    def task():
        try:
            with deadline(0.2):
                _spin()
        except ArticleTimeout:
            caught.append(True)

    thread = threading.Thread(target=task, daemon=True)
    thread.start()
    thread.join(5)
    assert caught == [True]


def test_deadline_that_is_not_reached_leaves_no_exception_behind():
    with deadline(0.05):
        pass
    time.sleep(0.1)  # a stray timer would raise here


def test_one_hanging_article_costs_only_itself():
    extract_batch([STORY])  # load the model first, as every worker does before its first batch
    hanging = Article(text=SPIN)
    outcomes = extract_guarded([STORY, hanging, STORY], timeout=0.5, extract_fn=extract_or_spin)
    assert [(aid, error is None) for aid, _, error in outcomes] == [(STORY.id, True), (hanging.id, False),
                                                                   (STORY.id, True)]
    assert outcomes[0][1] and outcomes[0][1][0].event_type == "Explosions/Remote violence"
    assert "timeout" in outcomes[1][2]


HANG = "Hang where no time budget reaches."


def extract_or_hang(articles: list[Article]):
    """The real extractor, except that the HANG article blocks its worker as native code can: signals held."""
    if any(a.text == HANG for a in articles):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)
    return extract_batch(articles)


def test_worker_hung_out_of_reach_of_the_budget_is_killed_and_its_article_recorded():
    hang = Article(text=HANG)
    other = Article(text=STORY.text.replace("Douma", "Harasta"), published="2018-02-20")
    got = {}
    summary = run_extraction(None, [STORY, hang, other], workers=2, batch_size=1, timeout=0.3,
                             extract_fn=extract_or_hang, on_result=lambda a, r, e: got.setdefault(a.id, (r, e)))
    assert summary.error_ids == [hang.id]
    assert "hung" in got[hang.id][1]
    assert got[STORY.id][0] and got[other.id][0]
