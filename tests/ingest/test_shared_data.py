"""The development data beside the repo (skipped where it is absent)."""
from __future__ import annotations

from collections import Counter

from .helpers import read


def test_fakes_dev_reads_every_article_decoded(shared_data):
    arts, rejected = read(shared_data / "fakes" / "fakes_dev.csv")
    assert rejected == []
    assert len(arts) == 634
    assert not any("\ufffd" in a.text or "â€" in a.text or "Ã" in a.text for a in arts)
    assert all(a.source_id and a.outlet and a.title and a.published for a in arts)
    assert Counter(a.outlet for a in arts)["reuters"] == 21
    # Most FA-KES texts print their date at the top; where the date column disagrees, it is kept aside.
    assert sum(1 for a in arts if a.metadata_date) > 100


def test_acled_jan_feb_reads_every_event_note(shared_data):
    arts, rejected = read(shared_data / "acled" / "acled_syria_2018_jan_feb.csv")
    assert rejected == []
    assert len(arts) == 4760
    assert all(a.published and a.published[:7] in ("2018-01", "2018-02") for a in arts)
    assert len({a.source_id for a in arts}) == 4760
