"""A headline that names an area loosely (a governorate, or its chief city) over a lead that tells a town inside it
tells the lead's event: one event, at the lead's town, on the lead's day."""
from __future__ import annotations

import pytest

from warwire.extract import extract_article
from warwire.model import Article

LEAD = ("Army helicopters let fall four barrel bombs over the town of Jisr al-Shughur on Sunday, killing eight "
        "people, a medic said. Residents fled to nearby farms.")


@pytest.mark.parametrize("head", ["Barrel bombs hit Idlib. ", "Barrel bombs hit Idlib 22 May 2018 ",
                                  "Barrel bombs hit Idlib\n22 May 2018\n"])
def test_the_lead_s_town_and_day_win_over_the_headline_s_area(head):
    a = Article(source_id="t", title=None, text=head + LEAD, published="2018-05-22", outlet="Wire")
    got = [(r.date, r.location.admin1 if r.location else None, r.fatalities.best if r.fatalities else None,
            r.location.geo_precision if r.location else None) for r in extract_article(a)]
    assert len(got) == 1, got
    day, admin1, dead, precision = got[0]
    assert (day, admin1, dead) == ("2018-05-20", "Idleb", 8) and precision < 3, got


def test_a_headline_over_a_town_of_another_governorate_leaves_the_town_its_event():
    a = Article(source_id="t", title=None, text="Barrel bombs hit Aleppo. " + LEAD, published="2018-05-22",
                outlet="Wire")
    got = [(r.location.admin1, r.location.geo_precision) for r in extract_article(a) if r.location]
    assert any(admin1 == "Idleb" and precision < 3 for admin1, precision in got), got
