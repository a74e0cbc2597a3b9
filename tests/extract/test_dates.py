from __future__ import annotations

from datetime import date

import pytest

from warwire.extract.dates import base_date, find_dates

WEDNESDAY = date(2019, 8, 21)


@pytest.mark.parametrize("phrase, when, precision", [
    ("on Monday", date(2019, 8, 19), 1),
    ("on Wednesday", date(2019, 8, 21), 1),  # the publication weekday is that day
    ("on Thursday", date(2019, 8, 15), 1),
    ("yesterday", date(2019, 8, 20), 1),
    ("last night", date(2019, 8, 20), 1),
    ("earlier this week", date(2019, 8, 21), 2),
    ("last month", date(2019, 7, 1), 3),
    ("on March 5", date(2019, 3, 5), 1),
    ("on 5 March 2018", date(2018, 3, 5), 1),
    ("on December 30", date(2018, 12, 30), 1),  # a date after publication is last year's
])
def test_relative_and_explicit_dates(phrase, when, precision):
    found = find_dates(f"Strikes hit the town {phrase}.", WEDNESDAY)
    assert [(d.date, d.precision) for d in found] == [(when, precision)]


def test_no_base_date_gives_no_dates():
    assert find_dates("on Monday", None) == []


def test_printed_date_is_the_base():
    base, end = base_date("Wed 19 Apr 2017 Aleppo bomb blast kills six.", "2017-04-25")
    assert base == date(2017, 4, 19) and end > 0
    assert base_date("No printed date here.", "2017-04-25") == (date(2017, 4, 25), 0)
    assert base_date("No date at all.", None) == (None, 0)
