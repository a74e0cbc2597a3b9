"""Workers hand back each article's output line and store rows, made where the article was extracted."""
from __future__ import annotations

import json

from warwire.engine.prepared import Wants, article_line, prepare
from warwire.engine.run import run_extraction
from warwire.extract import extract_batch
from warwire.model import Article

STRIKE = ("Warplanes hit a bakery in the town of Saraqib on Tuesday, killing eleven people, "
          "the local civil defence said.")
WAR_TOLL = ("Since the uprising began in 2011, more than 380,000 people have died across the country, "
            "a monitoring group estimates.")


def _lines(articles: list[Article], **engine) -> list[dict]:
    lines: list[str] = []
    summary = run_extraction(None, articles, batch_size=len(articles), on_line=lines.append, **engine)
    assert summary.errors == 0
    return [json.loads(line) for line in lines]


def test_each_line_has_its_own_article_when_two_share_a_text():
    first = Article(text=STRIKE, outlet="Idlib Courier", source_id="17", published="2019-02-05")
    second = Article(text=STRIKE, outlet="Orontes Daily", source_id="18", published="2019-02-06")
    assert first.id == second.id  # one text, so one id: the run must not mix up their records
    for engine in (dict(workers=1, timeout=None), dict(workers=1, timeout=60)):
        lines = _lines([first, second], **engine)
        assert [(line["article"]["outlet"], line["article"]["source_id"]) for line in lines] == \
               [("Idlib Courier", "17"), ("Orontes Daily", "18")]
        assert lines[0]["reports"] and lines[1]["reports"]


def test_each_result_has_its_own_article_when_two_share_a_text():
    first = Article(text=STRIKE, outlet="Idlib Courier", published="2019-02-05")
    second = Article(text=STRIKE, outlet="Orontes Daily", published="2019-02-06")
    got = []
    run_extraction(None, [first, second], workers=1, timeout=None,
                   on_result=lambda article, reports, error: got.append((article, bool(reports), error)))
    assert got == [(first, True, None), (second, True, None)] and got[0][0] is first


def test_a_worker_keeps_the_tolls_of_an_article_without_reports():
    article = Article(text=WAR_TOLL, published="2019-03-01")
    reports = extract_batch([Article(text=WAR_TOLL, published="2019-03-01")])[0]
    assert not reports and reports.cumulative  # a war's toll, no event
    (line,) = _lines([article], workers=1, timeout=60)
    assert line["article"]["cumulative"] == [c.to_dict() for c in reports.cumulative]


def test_the_worker_line_is_the_line_of_the_reports():
    articles = [Article(text=STRIKE, published="2019-02-05"), Article(text=WAR_TOLL, published="2019-03-01")]
    expected = [json.loads(article_line(a, reps)) for a, reps in zip(articles, extract_batch(articles))]
    assert _lines(articles, workers=2, timeout=60) == expected


def test_prepared_forms_are_only_the_wanted_ones():
    article = Article(text=STRIKE, published="2019-02-05")
    reports = extract_batch([article])[0]
    assert reports
    got = prepare(article, reports, Wants(reports=False, rows=True))
    assert got.reports is None and got.line is None and len(got) == len(reports) == len(got.rows)
    assert [row["id"] for row in got.rows] == [f"{article.id}:{i}" for i in range(len(reports))]
    got = prepare(article, reports, Wants(reports=True, rows=False, line=True))
    assert got.rows is None and got.reports is reports and json.loads(got.line)["article"]["id"] == article.id


def test_a_worker_builds_rows_without_the_database_library():
    import subprocess
    import sys

    code = ("import sys; import warwire.engine.worker, warwire.engine.prepared, warwire.rows; "
            "print(sorted(m for m in ('sqlalchemy', 'alembic', 'warwire.store') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.stdout.strip() == "[]", out.stderr
