import pytest

from warwire.ingest.dates import parse_date, printed_date


@pytest.mark.parametrize("raw, iso", [
    ("2018-03-07", "2018-03-07"),
    ("2018-03-07T10:15:00Z", "2018-03-07"),
    ("4/5/17", "2017-04-05"),            # FA-KES: month first
    ("13/2/2018", "2018-02-13"),          # day first when the first number cannot be a month
    ("28-Feb-18", "2018-02-28"),          # ACLED event_date
    ("02 June 2023", "2023-06-02"),       # ACLED's current export
    ("5 March 2018", "2018-03-05"),
    ("Wed 05 Apr 2017", "2017-04-05"),
    ("Wed, 05 Apr 2017 10:00:00 +0000", "2017-04-05"),  # RFC 2822 from feeds
    ("April 5, 2017", "2017-04-05"),
    ("17-08-2014", "2014-08-17"),
    ("21.08.2013", "2013-08-21"),
])
def test_parse_date_formats(raw, iso):
    assert parse_date(raw) == iso


@pytest.mark.parametrize("raw", ["", "soon", "31/31/2018", "2018-02-30", "12 killed", "March 2018", None])
def test_parse_date_unreadable_is_none(raw):
    assert parse_date(raw) is None


@pytest.mark.parametrize("top, iso", [
    ("Wed 05 Apr 2017 Shelling hit a bakery in Douma", "2017-04-05"),
    ("Published November 17 2017 Two markets were struck", "2017-11-17"),
    ("Date of publication 9 March 2018 Clashes near Hama", "2018-03-09"),
    ("Last updated at Apr 152017 Mortars fell on Jobar", "2017-04-15"),  # punctuation stripped
    ("Posted on June 14 2016 by a staff writer", "2016-06-14"),
    ("Tuesday 22 November 2016 Aid trucks waited", "2016-11-22"),
    ("12.03.2017(updated 0915 12.03.2017) Shelling resumed", "2017-03-12"),
])
def test_printed_date_at_top(top, iso):
    assert printed_date(top) == iso


def test_printed_date_only_at_top():
    assert printed_date("Air strikes killed 12 people on 5 March 2018 in Douma") is None
    assert printed_date("10 dead after strikes on hospitals") is None
