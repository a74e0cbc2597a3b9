"""Extraction runs that survive killed workers, a killed driver and poisoned articles, with exact counts.

Every run is compared with a clean single-process run of the same corpus: each
article has exactly its reports, once, in order.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from warwire.cli import app
from warwire.extract import extract_batch
from warwire.engine.run import pending, run_extraction
from warwire.model import Article
from warwire.store import open_store

from .conftest import N_ARTICLES, stored

# A text that kills the worker process extracting it (as a crash in native code would).
KILLER = "This wire story crashes the worker process that reads it."


def extract_or_die(articles: list[Article]):
    """The real extractor, except that the KILLER article kills its process."""
    if any(KILLER in a.text for a in articles):
        os._exit(70)
    return extract_batch(articles)


def _filled(url: str, articles: list[Article]):
    store = open_store(url)
    store.add_articles(list(articles))
    return store


class KillOnce:
    """An engine hook that SIGKILLs one worker process after the first finished batch."""

    def __init__(self) -> None:
        self.killed: int | None = None

    def __call__(self, engine) -> None:
        if self.killed is None:
            self.killed = engine.pids()[0]
            os.kill(self.killed, signal.SIGKILL)


@pytest.mark.slow
def test_local_pool_survives_a_killed_worker(store_url, corpus, reference):
    store = _filled(store_url, corpus)
    kill = KillOnce()
    summary = run_extraction(store, workers=2, batch_size=5, timeout=30, engine_hook=kill)
    assert kill.killed is not None
    assert summary.resubmitted >= 1
    assert (summary.articles, summary.errors) == (N_ARTICLES, 0)
    assert stored(store) == reference
    assert store.count_reports() == sum(map(len, reference.values()))


@pytest.mark.slow
def test_dask_cluster_survives_a_killed_worker(store_url, corpus, reference):
    pytest.importorskip("distributed")
    store = _filled(store_url, corpus)
    kill = KillOnce()
    summary = run_extraction(store, engine="dask", workers=2, batch_size=5, timeout=30, engine_hook=kill)
    assert kill.killed is not None
    assert summary.dashboard
    assert (summary.articles, summary.errors) == (N_ARTICLES, 0)
    assert stored(store) == reference


def _done(url: str) -> int:
    store = open_store(url)
    try:
        return len(store.extracted_ids())
    finally:
        store.close()


@pytest.mark.slow
def test_killed_driver_resumes_exactly_once(store_url, corpus_file, tmp_path):
    command = [sys.executable, "-c", "from warwire.cli import main; main()", "--db", store_url,
               "extract", str(corpus_file), "--batch-size", "3", "--no-link"]
    # Its own session, so that the kill takes the driver and anything it started, and nothing else.
    driver = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while _done(store_url) == 0 and driver.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(driver.pid, signal.SIGKILL)
    finally:
        driver.wait()
    stopped_at = _done(store_url)
    assert driver.returncode == -signal.SIGKILL
    assert 0 < stopped_at < N_ARTICLES, "the driver was to be killed mid-run"
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    # The same command, once, with nothing killed, into a store of its own.
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = subprocess.run([*command[:4], clean_url, *command[5:]], capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    store, clean_store = open_store(store_url), open_store(clean_url)
    assert stored(store) == stored(clean_store)
    assert len(stored(store)) == N_ARTICLES
    assert store.count_reports() == clean_store.count_reports()
    assert list(pending(store)) == []


# A sentence that makes the extractor below run on and on, as a pathological text can.
ENDLESS = "This dispatch never ends for the extractor that reads it."


def extract_or_run_on(articles: list[Article]):
    """The real extractor, except that it never finishes a batch with the ENDLESS article."""
    while any(ENDLESS in a.text for a in articles):
        pass
    return extract_batch(articles)


@pytest.mark.slow
def test_article_past_the_timeout_is_recorded_and_skipped(store_url, corpus, reference):
    # The budget is 100 times what a story takes here, so that a busy machine cannot push one past it.
    endless = Article(text=f"{corpus[0].text}\n\n{ENDLESS}", published="2018-03-01", origin="endless.txt")
    store = _filled(store_url, [*corpus[:20], endless, *corpus[20:]])
    # One article per batch: only the endless one's worker is killed, and the run goes on in a new one.
    summary = run_extraction(store, batch_size=1, timeout=2, extract_fn=extract_or_run_on)
    assert (summary.articles, summary.errors, summary.error_ids) == (N_ARTICLES + 1, 1, [endless.id])
    assert stored(store) == reference
    [error] = store.errors()
    assert error["article_id"] == endless.id and "timeout" in error["error"]
    assert list(pending(store)) == []  # a rerun skips it

    result = CliRunner().invoke(app, ["--db", store_url, "errors"])
    assert result.exit_code == 1
    assert endless.id in result.output and "endless.txt" in result.output

    # With the real extractor and no time limit, the same article is extracted on a retry, and nothing else
    # is redone.
    result = CliRunner().invoke(app, ["--db", store_url, "extract", "--retry-errors", "--timeout", "0",
                                      "--no-link"])
    assert result.exit_code == 0, result.output
    assert store.errors() == []
    assert store.count_reports(article_id=endless.id) > 0
    assert stored(store) == {**reference, endless.id: stored(store)[endless.id]}


@pytest.mark.slow
def test_article_that_kills_its_worker_is_isolated(store_url, corpus, reference):
    killer = Article(text=KILLER, published="2018-03-01", origin="killer.txt")
    store = _filled(store_url, [*corpus[:30], killer, *corpus[30:]])
    summary = run_extraction(store, workers=2, batch_size=6, timeout=30, extract_fn=extract_or_die)
    assert summary.error_ids == [killer.id]
    assert summary.articles == N_ARTICLES + 1
    assert stored(store) == reference
    [error] = store.errors()
    assert "worker died" in error["error"]


def test_extract_cli_jsonl_without_store(corpus_file, reference):
    result = CliRunner().invoke(app, ["extract", str(corpus_file), "--no-store", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    import json

    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == N_ARTICLES
    for line in lines:
        assert set(line["article"]) >= {"id", "source_id", "outlet", "title", "published", "url", "text"}
        # references (dated mentions of past happenings) are stored with the reports, written beside them
        assert line["reports"] + line.get("references", []) == reference[line["article"]["id"]]
