"""The dead a monitor reports of one battle fought since a day of this week are that battle's toll, not a sum over
a period; a toll of raids, or a side's own tally, since a weekday stays the article's cumulative fact. On stories
written for these tests."""
from __future__ import annotations

from tests.extract.test_assembly import story
from warwire.extract import extract_article
from warwire.extract.event_types import is_cumulative
from warwire.model import Article


def test_the_dead_of_a_battle_fought_since_a_weekday_are_no_cumulative_toll():
    assert not is_cumulative("Some 45 gunmen have been killed since Sunday in fighting with the army near the dam.")
    assert not is_cumulative("Twenty soldiers and 31 insurgents had been killed in clashes around the village "
                             "since Monday night, the monitor said.")
    assert not is_cumulative("Since Thursday 38 militiamen have been killed during battles over the hilltop.")
    # (Raids summed since a weekday, or a side's own tally, stay the article's cumulative fact.)
    assert is_cumulative("Since Friday at least 52 civilians have been killed in air raids on the town.")
    assert is_cumulative("Tribal gunmen have killed 19 fighters in clashes near the oil field since Saturday.")


def test_a_battle_told_by_its_dead_since_a_weekday_is_one_event_dated_from_that_day():
    article = Article(text=story("Some 45 gunmen have been killed since Sunday in fighting with the army around "
                                 "the town of Saraqeb, the monitor said."), published="2018-03-07")
    got = extract_article(article)
    battle = next(r for r in got if r.event_type == "Battles")
    assert battle.fatalities.best == 45
    assert battle.date == "2018-03-04"
    assert 45 not in {c.killed.best for c in article.cumulative}
