"""Report rows built without SQLAlchemy (``warwire.rows``), as extraction workers build them: the rows and record
text the store writes from the reports themselves."""
from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from hypothesis import given, strategies as st

from warwire import rows
from warwire.model import Actor, Article, Claim, Count, Location, Report
from warwire.rows import Rows, clean, record_json, report_row, report_rows
from warwire.store import open_store
from warwire.store.schema import reports


def test_the_column_lengths_are_the_schemas():
    assert rows.LENGTHS == {c.name: c.type.length for c in reports.c if getattr(c.type, "length", None)}


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


@given(_VALUES)
def test_a_records_text_is_the_text_of_the_cleaned_record(value):
    record = {"evidence": value, "note": value}
    assert record_json(record) == json.dumps(clean(record))


def test_control_characters_are_dropped_and_long_names_cut():
    long_place = "Kafr Nabudah farmland west of the road " * 10
    report = Report("Battles", "Armed clash", location=Location(name="Kafr\x00 Nabudah " + long_place, country="Syria"),
                    actor1=Actor(name="Rebel\x1b fighters", kind="Rebel group"),
                    claimed_by=Claim(name="a local\x07 council"), evidence={"mention\x0b": [3, 9]})
    row = report_row(report, "0123456789abcdef", 2)
    assert row["id"] == "0123456789abcdef:2" and row["idx"] == 2
    assert row["location_name"] == ("Kafr Nabudah " + long_place)[:255]
    assert row["actor1"] == "Rebel fighters" and row["claimed_by"] == "a local council"
    record = json.loads(row["record"])
    assert record["evidence"] == {"mention": [3, 9]}
    assert record["location"]["name"] == "Kafr Nabudah " + long_place  # the record keeps the whole name


def _strike(dead: int) -> Report:
    return Report("Explosions/Remote violence", "Air/drone strike", tags=["market"], date="2019-05-14", date_precision=1,
                  location=Location(name="Maarat al-Numan", country="Syria", admin1="Idlib", lat=35.64, lon=36.67,
                                    geo_precision=1),
                  actor1=Actor(name="Military Forces of Russia", kind="External/Other forces"),
                  fatalities=Count(best=dead, low=dead, qualifier="at_least"),
                  claimed_by=Claim(name="civil defence\x00 volunteers", kind="rescuers"), primary=True,
                  evidence={"fatalities": [40, 48]})


def _table(store, article_id: str) -> list[tuple]:
    stmt = sa.select(*[c for c in reports.c if c.name not in ("id", "article_id")]).where(
        reports.c.article_id == article_id).order_by(reports.c.idx)
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(stmt)]


def test_rows_built_by_a_worker_are_stored_as_the_reports_would_be(store_url):
    store = open_store(store_url)
    try:
        first, second = (Article(text=f"Strikes on the market town, report {i}.") for i in (1, 2))
        store.add_articles([first, second])
        store.save_extractions([(first.id, [_strike(9), _strike(4)], None)])
        built = report_rows(second.id, [_strike(9), _strike(4)])
        assert isinstance(built, Rows)
        store.save_extractions([(second.id, built, None)])
        assert _table(store, first.id) == _table(store, second.id)
        assert len(_table(store, second.id)) == 2
        assert [r.to_dict() for r in store.iter_reports(article_id=second.id)] == \
               [_strike(9).to_dict() | {"claimed_by": {"name": "civil defence volunteers", "kind": "rescuers"}},
                _strike(4).to_dict() | {"claimed_by": {"name": "civil defence volunteers", "kind": "rescuers"}}]
    finally:
        store.close()


@pytest.mark.parametrize("reports_of", [list, lambda reps: report_rows("x", reps)])
def test_an_article_without_reports_is_stored_as_done(sqlite_url, reports_of):
    store = open_store(sqlite_url)
    try:
        article = Article(text="Nothing happened in the valley today.")
        store.add_articles([article])
        store.save_extractions([(article.id, reports_of([]), None)])
        assert store.extracted_ids(status="done") == {article.id}
        assert store.count_reports() == 0
    finally:
        store.close()
