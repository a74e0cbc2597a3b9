"""A date printed between a headline and its lead is the story's day, not its event's: the lead's own day wins."""
from __future__ import annotations

from datetime import date

import pytest

from warwire.extract import extract_article
from warwire.extract.dates import headline_dateline
from warwire.model import Article

LEAD = ("Gunboats shelled the port of Baniyas on Monday, killing six fishermen, a harbour official said. The navy "
        "denied it had fired on boats.")


@pytest.mark.parametrize("head", ["Fishermen die off the coast 12 June 2019 ",
                                  "Fishermen die off the coast\n12 June 2019\n",
                                  "Fishermen die off the coast June 12, 2019 "])
def test_a_dateline_after_a_headline_is_the_day_weekdays_count_from(head):
    a = Article(source_id="t", title=None, text=head + LEAD, published="2019-06-20", outlet="Wire")
    got = [(r.sub_event_type, r.date) for r in extract_article(a)]
    assert ("Shelling/artillery/missile attack", "2019-06-10") in got, got
    assert all(d != "2019-06-12" for _, d in got), got


@pytest.mark.parametrize("text", ["Gunboats shelled the port on 12 June 2019 Fishermen said six died.",
                                  "Gunboats shelled the port. 12 June 2019 was the worst day.",
                                  "The navy shelled the port 12 June 2019, fishermen said."])
def test_a_date_the_sentence_tells_is_no_dateline(text):
    assert headline_dateline(text) is None


def test_the_dateline_s_day_and_end():
    text = "Fishermen die off the coast\n12 June 2019\nGunboats shelled the port."
    assert headline_dateline(text) == (date(2019, 6, 12), text.index("\nGunboats"))
