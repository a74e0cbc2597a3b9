"""A small corpus for the runner's fault tests, and the reports a clean single-process run gives for it."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from warwire.ingest import read_sources
from warwire.model import Article

N_ARTICLES = 60
SAMPLE_DIR = Path(__file__).resolve().parents[2] / "warwire" / "data" / "sample"


def _bodies(sample_dir: Path) -> list[dict]:
    """The bundled sample articles as JSON objects (header line parsed by the reader)."""
    return [{"text": a.text, "title": a.title, "date": a.published, "outlet": a.outlet}
            for a in read_sources([str(sample_dir)]) if isinstance(a, Article)]


@pytest.fixture(scope="session")
def corpus_file(tmp_path_factory) -> Path:
    """60 articles: the sample articles, then copies with a closing line that makes each one distinct."""
    bodies = _bodies(SAMPLE_DIR)
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(N_ARTICLES):
            obj = dict(bodies[i % len(bodies)])
            if i >= len(bodies):
                obj["text"] += f"\n\nThis report was updated {i // len(bodies)} times."
            f.write(json.dumps(obj) + "\n")
    return path


@pytest.fixture(scope="session")
def corpus(corpus_file) -> list[Article]:
    articles = [a for a in read_sources([str(corpus_file)]) if isinstance(a, Article)]
    assert len({a.id for a in articles}) == N_ARTICLES
    return articles


@pytest.fixture(scope="session")
def reference(corpus) -> dict[str, list[dict]]:
    """article id -> its reports, from a clean run in this process with nothing going wrong."""
    from warwire.engine.run import run_extraction

    got: dict[str, list[dict]] = {}

    def keep(article, reports, error):
        assert error is None, error
        got[article.id] = [r.to_dict() for r in reports]

    run_extraction(None, corpus, workers=1, on_result=keep)
    assert sum(map(len, got.values())) > N_ARTICLES  # the corpus has events to find
    return got


def stored(store) -> dict[str, list[dict]]:
    """article id -> its stored reports in index order, for every article extracted without error."""
    got: dict[str, list[dict]] = defaultdict(list)
    for r in store.iter_reports():
        assert r.index == len(got[r.article_id]), f"report {r.id} out of order or repeated"
        got[r.article_id].append(r.to_dict())
    failed = {e["article_id"] for e in store.errors()}
    done = store.extracted_ids(status="done")
    return {aid: got.get(aid, []) for aid in done - failed}
