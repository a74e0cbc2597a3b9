"""The article's cumulative tolls travel with its reports: in process, pickled to and from a worker, and into the
``extract`` output line."""
from __future__ import annotations

import json
import pickle

from warwire.cli.extract import article_line
from warwire.model import Article, ArticleReports, Count, CumulativeToll, Report


def _reports() -> ArticleReports:
    strike = Report(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    return ArticleReports([strike], [CumulativeToll(killed=Count(best=600, qualifier="at_least"),
                                                    evidence={"fatalities": [10, 22]})])


def test_the_cumulative_tolls_survive_a_trip_to_another_process():
    back = pickle.loads(pickle.dumps(_reports()))
    assert len(back) == 1 and back[0].sub_event_type == "Air/drone strike"
    assert [c.killed.best for c in back.cumulative] == [600]


def test_the_extract_line_carries_the_cumulative_tolls_on_the_article():
    line = json.loads(article_line(Article(text="Text of the article."), _reports()))
    (fact,) = line["article"]["cumulative"]
    assert fact["killed"] == {"best": 600, "low": None, "high": None, "qualifier": "at_least"}
    assert fact["evidence"] == {"fatalities": [10, 22]}
    assert len(line["reports"]) == 1


def test_an_article_without_cumulative_tolls_has_an_empty_list():
    line = json.loads(article_line(Article(text="Text of the article."), []))
    assert line["article"]["cumulative"] == []
