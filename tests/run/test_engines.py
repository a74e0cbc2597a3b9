"""The worker side of a run: time budgets in the main thread and in task threads, bad articles isolated."""
from __future__ import annotations

import threading
import time

import pytest

from warwire.extract import extract_batch
from warwire.extract.engines import ArticleTimeout, deadline, extract_guarded
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
