"""Tolls summed over days or over a battle are the article's cumulative facts, never one event's toll; on stories
written for these tests (padded past a coder's note's length by the assembly tests' closing paragraph)."""
from __future__ import annotations

from tests.extract.test_assembly import story
from warwire.extract import extract_article
from warwire.model import Article


def _extract(text: str, title: str | None = None):
    article = Article(text=text, published="2018-03-07", title=title)
    return extract_article(article), {c.killed.best for c in article.cumulative}


def test_a_toll_summed_since_a_weekday_is_cumulative():
    got, kept = _extract(story("Government helicopters dropped barrel bombs on the town of Saraqeb on Tuesday, "
                               "killing six civilians, the monitor said.",
                               "Since Friday the raids have killed 41 civilians there, medics said."))
    assert [r.fatalities.best for r in got] == [6]
    assert 41 in kept


def test_a_toll_summed_since_a_weekday_told_after_its_verb_is_cumulative():
    got, kept = _extract(story("A car bomb exploded near a checkpoint in the town of Azaz on Tuesday, killing "
                               "four guards, the monitor said.",
                               "Rival factions have killed 27 fighters in clashes around the town since Saturday."))
    assert 27 in kept
    assert 27 not in [r.fatalities.best for r in got]


def test_a_headline_summing_the_past_week_without_the_article_is_cumulative():
    got, kept = _extract(story("Jets hit depots and kill 58 militants during past week.",
                               "Warplanes struck an oil depot near the town of Tabqa on Monday, killing nine "
                               "fighters, the ministry said."))
    assert 58 in kept
    assert [r.fatalities.best for r in got] == [9]


def test_a_day_told_with_since_dawn_keeps_its_toll():
    got, kept = _extract(story("Twelve people were killed in shelling on the town of Douma since dawn on Tuesday, "
                               "rescuers said."))
    assert [r.fatalities.best for r in got] == [12]
    assert 12 not in kept


def test_a_tally_since_an_offensive_began_is_kept_not_given_to_the_event():
    got, kept = _extract(story("Army units clashed with militants in the village of Hisha on Tuesday, the "
                               "agency said.",
                               "A monitor said 45 gunmen had died in the battles since rebels opened their "
                               "offensive on the district."))
    assert 45 in kept
    assert 45 not in [r.fatalities.best for r in got]


def test_a_story_s_unknown_number_of_dead_is_no_count_a_note_keeps_acled_s_ten():
    # The annotation guide gives a figure to "tens", "dozens", "scores" and "hundreds" only; a story's "several" or
    # "a number of" dead count no one. A coder's note keeps ACLED's code for an unknown number (10).
    got, _ = _extract(story("Army units shelled the edge of the town of Ariha on Tuesday, killing a number of "
                            "gunmen, the agency said."))
    assert [r.fatalities.best for r in got] == [None]
    got, _ = _extract(story("Army units shelled the edge of the town of Ariha on Tuesday, killing tens of "
                            "gunmen, the agency said."))
    assert [r.fatalities.best for r in got] == [10]
    got, _ = _extract("Army units shelled the outskirts of Ariha, killing a number of gunmen.")
    assert [r.fatalities.best for r in got] == [10]
