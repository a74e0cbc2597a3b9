"""`warwire ingest`: summaries, rejects, column options, exit codes, kills and concurrent runs."""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from .cli_runner import STORIES, summary_count, run, write_jsonl
from warwire.ingest.dedupe import BANDS
from warwire.model import article_id
from warwire.store import open_store
from warwire.store.schema import minhash_bands


def test_ingest_summary_rejects_and_rerun(tmp_path, sqlite_url):
    source = write_jsonl(tmp_path / "wire.jsonl", STORIES + [STORIES[0]], bad_lines=['{"text": "cut off'])
    result = run("--db", sqlite_url, "ingest", source)
    assert result.exit_code == 1, result.output  # one line rejected
    assert "E004" in result.output and "wire.jsonl:5" in result.output
    assert summary_count(result.output, "read") == 4
    assert summary_count(result.output, "new") == 3
    assert summary_count(result.output, "duplicates") == 1
    assert summary_count(result.output, "rejected") == 1
    again = run("--db", sqlite_url, "ingest", source)
    assert summary_count(again.output, "new") == 0 and summary_count(again.output, "duplicates") == 4
    with open_store(sqlite_url) as store:
        assert store.count_articles() == 3


def test_many_rejects_are_listed_then_counted(tmp_path, sqlite_url):
    source = write_jsonl(tmp_path / "bad.jsonl", STORIES[:1], bad_lines=["{not json"] * 25)
    result = run("--db", sqlite_url, "ingest", source)
    assert result.exit_code == 1
    assert result.output.count("E004") == 20
    assert "... and 5 more" in result.output


def test_column_options_and_defaults(tmp_path, sqlite_url):
    source = tmp_path / "desk.csv"
    source.write_text("ref,story,when\nA1,Clashes erupted near Tal Rifaat on Sunday evening.,2018-01-07\n"
                      "A2,A car bomb exploded in Azaz on Monday.,\n", encoding="utf-8")
    result = run("--db", sqlite_url, "ingest", source, "--text-col", "story", "--date-col", "when",
                 "--id-col", "ref", "--outlet", "Desk", "--date", "2018-01-09", "--batch-size", "1")
    assert result.exit_code == 0, result.output
    with open_store(sqlite_url) as store:
        articles = {a.source_id: a for a in store.iter_articles()}
    assert {a.outlet for a in articles.values()} == {"Desk"}
    assert articles["A1"].published == "2018-01-07"
    assert articles["A2"].published == "2018-01-09"


def test_nothing_readable_exits_3(tmp_path, sqlite_url):
    result = run("--db", sqlite_url, "ingest", tmp_path / "missing.jsonl")
    assert result.exit_code == 3
    assert "E009" in result.output


def test_unreachable_store_exits_3(tmp_path):
    source = write_jsonl(tmp_path / "wire.jsonl", STORIES)
    result = run("--db", "postgresql://nobody:wrong@127.0.0.1:1/none", "ingest", source)
    assert result.exit_code == 3
    assert "E101" in result.output


def corpus(path, n_lines=3000, repeat_every=10, seed=7):
    """``n_lines`` JSONL articles of random words, every ``repeat_every``-th repeating an earlier one."""
    rng = random.Random(seed)
    words = [f"{a}{b}" for a in ("al", "bab", "dar", "jis", "kaf", "mar", "tal", "zab") for b in range(60)]
    texts: list[str] = []
    for i in range(n_lines):
        if i and i % repeat_every == 0:
            texts.append(texts[rng.randrange(len(texts))])
        else:
            texts.append(f"Report {i}: " + " ".join(rng.choice(words) for _ in range(40)) + ".")
    write_jsonl(path, [{"text": t, "outlet": "Generated"} for t in texts])
    return {article_id(t): t for t in texts}


@pytest.mark.slow
def test_killed_ingest_keeps_whole_batches_and_resumes(tmp_path, store_url):
    distinct = corpus(tmp_path / "big.jsonl")
    cmd = [sys.executable, "-c", "from warwire.cli import main; main()", "--db", store_url,
           "ingest", str(tmp_path / "big.jsonl"), "--batch-size", "100"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    store = open_store(store_url)
    deadline = time.monotonic() + 120
    while store.count_articles() < 300:
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "ingest committed nothing in 2 minutes"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    stored = {a.id: a.text for a in store.iter_articles()}
    assert 300 <= len(stored) < len(distinct), "the kill came after the last batch; make the corpus bigger"
    # Every stored article is whole: its text, and all its band rows (written in the same transaction).
    assert all(distinct[aid] == text for aid, text in stored.items())
    with store.engine.connect() as conn:
        per_article = dict(conn.execute(sa.select(minhash_bands.c.article_id, sa.func.count())
                                        .group_by(minhash_bands.c.article_id)).all())
    assert set(per_article) == set(stored) and set(per_article.values()) == {BANDS}

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert summary_count(rerun.stdout, "new") == len(distinct) - len(stored)
    assert store.count_articles() == len(distinct)
    with store.engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(minhash_bands)) == BANDS * len(distinct)
    store.close()


@pytest.mark.slow
def test_two_ingests_of_one_corpus_at_once(tmp_path, store_url):
    """Concurrent runs queue on the store's write lock: no error, each article stored once."""
    distinct = corpus(tmp_path / "shared.jsonl", n_lines=600)
    cmd = [sys.executable, "-c", "from warwire.cli import main; main()", "--db", store_url,
           "ingest", str(tmp_path / "shared.jsonl"), "--batch-size", "50"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    assert sum(summary_count(out, "new") for out, _ in outputs) == len(distinct)
    with open_store(store_url) as store:
        assert store.count_articles() == len(distinct)


def test_nul_in_metadata_does_not_stop_ingest(tmp_path, store_url):
    dirty = [dict(s, title=s["title"] + "\u0000", outlet="Wire\u0000", url="https://example.org/\u0000x",
                  id="n\u00001") for s in STORIES]
    result = run("--db", store_url, "ingest", write_jsonl(tmp_path / "nul.jsonl", dirty), "--id-col", "id")
    assert result.exit_code == 0, result.output
    with open_store(store_url) as store:
        stored = list(store.iter_articles())
    assert len(stored) == len(STORIES)
    assert {a.outlet for a in stored} == {"Wire"} and all("\x00" not in (a.title + a.url) for a in stored)


def test_an_unknown_text_column_lists_the_file_columns(tmp_path, sqlite_url):
    source = tmp_path / "desk.csv"
    source.write_text("ref,story,when\nA1,Clashes erupted near a hill town on Sunday evening.,2018-01-07\n",
                      encoding="utf-8")
    result = run("--db", sqlite_url, "ingest", source, "--text-col", "bogus")
    assert result.exit_code == 3
    assert "E018" in result.output and "'bogus'" in result.output
    assert all(f"'{c}'" in result.output for c in ("ref", "story", "when"))
