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
    ("earlier this week", date(2019, 8, 19), 2),  # Monday or Tuesday: the middle, rounded back
    ("last month", date(2019, 7, 1), 3),
    ("on March 5", date(2019, 3, 5), 1),
    ("on 5 March 2018", date(2018, 3, 5), 1),
    ("on December 30", date(2018, 12, 30), 1),  # a date after publication is last year's
    ("late December 2018", date(2018, 12, 1), 3),  # a month and its year, with no preposition
    ("in May 2017", date(2017, 5, 1), 3),
    ("two days ago", date(2019, 8, 19), 1),
    ("a day ago", date(2019, 8, 20), 1),
])
def test_relative_and_explicit_dates(phrase, when, precision):
    found = find_dates(f"Strikes hit the town {phrase}.", WEDNESDAY)
    assert [(d.date, d.precision) for d in found] == [(when, precision)]


@pytest.mark.parametrize("phrase, base, when", [
    ("earlier this week", date(2019, 8, 25), date(2019, 8, 21)),  # a Sunday story: Monday to Saturday
    ("this week", date(2019, 8, 25), date(2019, 8, 22)),  # Monday to Sunday
    ("earlier this week", date(2019, 8, 19), date(2019, 8, 19)),  # a Monday story has no earlier day
])
def test_an_event_told_by_its_week_is_dated_to_the_middle_of_its_days(phrase, base, when):
    found = find_dates(f"Gunmen raided the village {phrase}.", base)
    assert [(d.date, d.precision) for d in found] == [(when, 2)]


def test_no_base_date_gives_no_dates():
    assert find_dates("on Monday", None) == []


def test_printed_date_is_the_base():
    base, end = base_date("Wed 19 Apr 2017 Shells hit a market in Aleppo.", "2017-04-25")
    assert base == date(2017, 4, 19) and end > 0
    assert base_date("No printed date here.", "2017-04-25") == (date(2017, 4, 25), 0)
    assert base_date("No date at all.", None) == (None, 0)


def test_wire_dateline_after_the_headline_is_the_base():
    # The metadata date is a week late; the agency's dateline after the headline tells the story's day.
    text = ("Shells kill five in a Hama village, monitor says AFP Thursday 4 Jun 2015 Five people were killed "
            "when shells hit the village on Wednesday, a monitor said.")
    base, end = base_date(text, "2015-06-11")
    assert base == date(2015, 6, 4)
    assert text[:end].endswith("4 Jun 2015")
    days = [d.date for d in find_dates(text, base) if d.start >= end]
    assert days == [date(2015, 6, 3)]


@pytest.mark.parametrize("text", [
    "Shells hit the village on Thursday 4 Jun 2015, a monitor said.",  # an event's date, told with "on"
    "Shells hit the village. On Thursday 4 Jun 2015 five were killed.",
    "Shells hit the village, killing five. " + "The monitor counted the dead. " * 30 + "AFP Thursday 4 Jun 2015",
])
def test_a_date_told_as_an_events_or_far_down_is_no_dateline(text):
    assert base_date(text, "2015-06-11") == (date(2015, 6, 11), 0)


def test_a_weekdays_event_without_its_apostrophe_is_that_day():
    base = date(2018, 3, 8)  # a Thursday
    for text in ("Tuesdays attack killed five people.", "Tuesday's air strikes hit the town.",
                 "the site of Tuesdays alleged chemical attack"):
        (d,) = find_dates(text, base)
        assert d.date == date(2018, 3, 6)
    assert find_dates("The market opens on Tuesdays and Fridays.", base) == []


@pytest.mark.parametrize("text, when", [
    ("Residents blamed a mid-August car bomb for the damage.", date(2019, 8, 1)),  # an adjective before a noun
    ("The late July raids emptied the valley.", date(2019, 7, 1)),
    ("Shelling rose in late June and early July.", date(2019, 7, 1)),  # the second of two, without "in"
])
def test_a_month_with_early_mid_or_late_is_that_month(text, when):
    assert find_dates(text, WEDNESDAY)[-1].date == when
    assert all(d.precision == 3 for d in find_dates(text, WEDNESDAY))


def test_a_month_alone_or_a_modal_may_is_no_date():
    assert find_dates("Fighters may return to the hills soon.", WEDNESDAY) == []
    assert find_dates("The clinic was damaged too late to be moved.", WEDNESDAY) == []


@pytest.mark.parametrize("phrase, day", [("since Monday", date(2019, 8, 19)), ("since Thursday night", date(2019, 8, 15)),
                                         ("Since Monday", date(2019, 8, 19))])
def test_a_toll_since_a_weekday_is_dated_from_that_day_within_the_week(phrase, day):
    # "killed in battles since Monday": a fight that began that day and went on to the story's, dated from its
    # first day with a week's precision (the count's start, marked as such).
    (d,) = find_dates(f"Nine fighters were killed {phrase} near the dam.", WEDNESDAY)
    assert (d.date, d.precision, d.since) == (day, 2, True)


def test_a_weekday_without_since_is_still_its_day():
    (d,) = find_dates("Nine fighters were killed on Monday near the dam.", WEDNESDAY)
    assert (d.date, d.precision) == (date(2019, 8, 19), 1)


def test_trying_expressions_only_where_one_may_start_finds_what_trying_every_word_finds():
    from warwire.extract.dates import _EXPRESSIONS

    text = ("On Monday, 3 March 2019 the army said that on the 5th of May, and later on Tuesday morning, strikes hit "
            "the town. Two days ago, over the weekend, in recent days and the past few days, in mid-June, since "
            "Saturday, late December 2016 and earlier this month, the day before and overnight: 12 people, a day ago, "
            "at the weekend, this week, last month, Sunday's raids, in May 2017, 1st   of   June, on   Friday. "
            "The Mayor and the Monitor sat on the Junta in Marsh; a 3 or 4 in 1990s, mid-way, sundays and mondays.")
    starts = [(m.start(), m.end()) for m in _EXPRESSIONS.finditer(text)]
    assert len(starts) > 20
    assert [(d.start, d.end) for d in find_dates(text, WEDNESDAY)] == starts
    assert [(d.start, d.end) for d in find_dates(text, WEDNESDAY, 40, 300)] == \
        [(m.start(), m.end()) for m in _EXPRESSIONS.finditer(text, 40, 300)]


@pytest.mark.parametrize("phrase", ["later this week", "next week", "next Friday", "later this month",
                                    "in the coming week"])
def test_a_time_yet_to_come_dates_nothing(phrase):
    assert find_dates(f"The two sides will meet {phrase} to talk about the prisoners.", WEDNESDAY) == []


@pytest.mark.parametrize("phrase", ["scheduled for Friday", "set for August 23", "due on Thursday",
                                    "planned for August 30"])
def test_a_day_something_is_scheduled_for_dates_nothing(phrase):
    assert find_dates(f"The envoy called off a trip {phrase} after the shelling of the camp.", WEDNESDAY) == []


def test_later_on_a_weekday_is_that_day():
    found = find_dates("A second strike later on Monday hit the market.", WEDNESDAY)
    assert [(d.date, d.precision) for d in found] == [(date(2019, 8, 19), 1)]


def test_expression_starts_grouped_by_letter_match_where_the_plain_alternation_does():
    import random
    import re

    from warwire.extract.dates import _STARTS, _STARTS_ALTERNATIVES

    plain = re.compile(rf"(?i)\b(?=[0-9oelstidmwfjanyrgp])(?:{'|'.join(_STARTS_ALTERNATIVES)})")
    pieces = [*"aonthisedlyTOSI 0123456789\n-'’_.,", "\u017f", "\u0130", "\u0131", "\u0663", "the ", "On ", "in ",
              "since ", "SAT", "mon", "Jan", "3 days", "two days", "overnight", "a day", "ſince", "İn March"]
    rnd = random.Random(3)
    texts = ["Jets struck the town on Sunday and again ſince İn March, two days ago.", "Over the weekend, 3 days"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25))) for _ in range(4000)]
    for text in texts:
        assert [i for i in range(len(text)) if _STARTS.match(text, i)] == \
            [i for i in range(len(text)) if plain.match(text, i)], text


@pytest.mark.parametrize("text, day", [
    ("The jets returned a day after Sunday's raid on the market.", date(2019, 8, 19)),
    ("Gunmen struck the convoy two days after the ambush on Saturday.", date(2019, 8, 19)),
    ("The army shelled the town the day after a car bomb killed nine people on 12 August.", date(2019, 8, 13)),
    ("The militia hit back a day after Tuesday's assault.", WEDNESDAY),
])
def test_a_day_told_after_days_after_dates_what_followed_the_named_event(text, day):
    # "a day after Sunday's raid": the sentence tells what happened the day after the named event's day.
    (d,) = find_dates(text, WEDNESDAY)
    assert (d.date, d.precision) == (day, 1)


def test_the_days_after_an_event_name_no_day_of_their_own():
    # "In the days after the raid on Monday": no count of days, so Monday stays the raid's day.
    (d,) = find_dates("In the days after the raid on Monday, aid trucks reached the camp.", WEDNESDAY)
    assert (d.date, d.precision) == (date(2019, 8, 19), 1)
