"""Bad input never crashes the extractor."""
from __future__ import annotations

import pytest

from warwire.extract import extract_article
from warwire.model import Article


@pytest.mark.parametrize("text", [
    "", " ", "killed", "Douma",
    "Des frappes aériennes ont tué 12 civils à Douma lundi.",
    "قتل 12 مدنيا في غارات جوية على دوما",
    "\x00\x01\x02 \ufffd\ufffd bombed \x7f 12 killed \ud7ff",
    "12 12 12 killed killed killed , , , ; ; ;",
])
def test_odd_texts(text):
    for r in extract_article(Article(text=text, published="2018-03-07")):
        assert 0 <= r.confidence <= 1


def test_no_published_date_gives_null_dates():
    rs = extract_article(Article(text="Warplanes struck Douma on Monday, killing 5."))
    assert rs and all(r.date is None for r in rs)


def test_one_megabyte_text():
    text = "Regime forces shelled Harasta on Monday, killing 3 civilians. "
    text = (text + "The council met to discuss water and bread prices in the town. " * 16000)[:1_000_000]
    rs = extract_article(Article(text=text, published="2018-03-07"))
    assert rs and sum(r.primary for r in rs) == 1
    assert all(0 <= s < e <= len(text) for r in rs for s, e in r.evidence.values())
