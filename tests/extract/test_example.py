"""The shared worked example: the extract record must match the expected JSONL on every field that matters."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from warwire.extract import extract_article
from warwire.model import Article

EXAMPLES = Path(__file__).parents[2].parent / "shared" / "examples"
# The gazetteer decides names, ids and coordinates; the extractor decides which mention (the evidence
# span, compared above) and its precision.
LOCATION_KEYS = ("country", "geo_precision")


@pytest.fixture
def example():
    if not (EXAMPLES / "article.txt").exists():
        pytest.skip("../shared/examples is not present")
    header, body = (EXAMPLES / "article.txt").read_text(encoding="utf-8").split("\n", 1)
    expected = json.loads((EXAMPLES / "article.jsonl").read_text(encoding="utf-8").splitlines()[0])
    published = header.split()[1]
    return Article(text=body, published=published, outlet="Example Wire", dateline=["Beirut"]), expected


def test_example_reports_match_expected(example):
    article, expected = example
    got = [r.to_dict() for r in extract_article(article)]
    want = expected["reports"]
    assert len(got) == len(want)
    for g, w in zip(got, want):
        for key in ("event_type", "sub_event_type", "tags", "date", "date_precision", "actor1", "actor2",
                    "fatalities", "victims", "injured", "claimed_by", "primary", "evidence"):
            assert g[key] == w[key], key
        for key in LOCATION_KEYS:
            assert g["location"][key] == w["location"][key], f"location.{key}"
        assert abs(g["location"]["lat"] - w["location"]["lat"]) < 0.05
        assert abs(g["location"]["lon"] - w["location"]["lon"]) < 0.05
        assert 0 <= g["confidence"] <= 1


def test_example_evidence_spans_index_the_body(example):
    article, _ = example
    for r in extract_article(article):
        for field, (start, end) in r.evidence.items():
            assert 0 <= start < end <= len(article.text), field
            assert article.text[start:end].strip() == article.text[start:end], field
