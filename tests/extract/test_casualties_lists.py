"""Tolls told as lists of the dead and with number words that are easy to misread."""
from __future__ import annotations

import pytest

from tests.extract.test_casualties import casualties
from warwire.extract.casualties import parse_number


def counts(text):
    c = casualties(text)
    return c.fatalities.best, (c.injured.best if c.injured else None)


@pytest.mark.parametrize("text, dead, injured", [
    ("The raid on the farm killed an old woman and her two sons and wounded nine people.", 3, 9),
    ("Mortars killed two women and three children and wounded eleven others near the bakery.", 5, 11),
    ("The drone killed four rebels, two guards and a medic and injured a boy.", 7, 1),
    # A list of the injured before the verb of the dead stays the injured's.
    ("The shelling wounded two farmers and three shepherds and killed a teacher.", 1, 2),
])
def test_a_list_after_an_active_verb_is_its_object_not_the_subject_of_the_next_verb(text, dead, injured):
    # "killed X and Y and wounded Z": the past tense after "and" is the event's next deed, as "and wounding" is.
    assert counts(text) == (dead, injured)


@pytest.mark.parametrize("text, dead", [
    ("Fighting near the dam killed 30 army and 39 rebel fighters, the monitor said.", 69),
    ("Twelve Syrian and three Turkish soldiers died in the ambush.", 15),
    ("Five government and seven opposition fighters were killed overnight.", 12),
])
def test_two_figures_sharing_the_noun_after_the_second_add_up(text, dead):
    c = casualties(text)
    assert (c.fatalities.best, c.victims.combatants) == (dead, dead)


def test_a_weekday_between_two_figures_is_no_shared_noun():
    # "4 on Monday and 3 fighters": the first figure's words tell a day, not whose dead they were.
    assert casualties("Shelling killed 4 Kurdish and 3 Arab fighters.").fatalities.best == 7
    assert casualties("The raid killed 4 on Monday and 3 rebel fighters on Tuesday.").fatalities.best == 4


@pytest.mark.parametrize("text, dead, injured", [
    ("A rocket hit the square, killing one and wounding four.", 1, 4),
    ("One was killed and eight others were hurt when the shell landed.", 1, 8),
    ("Two were killed and one was wounded by the sniper.", 2, 1),
    ("The sniper killed one, according to the clinic.", 1, None),
])
def test_one_standing_alone_counts_one_person(text, dead, injured):
    assert counts(text) == (dead, injured)


def test_one_as_a_pronoun_counts_no_one():
    assert casualties("The shell hit the depot, killing one.").fatalities.best == 1
    assert casualties("No one was killed in the shelling of the depot.").fatalities.best is None
    assert casualties("The one that fell near the clinic killed nobody.").fatalities.best is None


@pytest.mark.parametrize("text, dead", [
    ("Shelling killed five and three others were wounded.", 5),
    ("The bombs killed two and four more were hurt.", 2),
])
def test_and_between_two_number_words_joins_no_number(text, dead):
    # "two hundred and five" is one number; "five and three" are two figures.
    assert casualties(text).fatalities.best == dead


@pytest.mark.parametrize("words, n", [
    ("two dozen", 24), ("three dozen", 36),
])
def test_dozens_multiply_the_number_before_them(words, n):
    assert parse_number(words) == n
    assert (parse_number("a dozen"), parse_number("two hundred and five")) == (12, 205)


def test_a_figure_of_dozens_is_read_whole():
    f = casualties("At least two dozen villagers died in the attack.").fatalities
    assert (f.best, f.qualifier) == (24, "at_least")


@pytest.mark.parametrize("text, dead, children, women", [
    ("The jet killed a farmer, his wife and their three children.", 5, 3, 1),
    ("The jet killed a farmer his wife and their three children.", 5, 3, 1),
    ("The shell killed a teacher, his wife and two of their sons.", 4, None, 1),
    ("The blast killed a woman, her son and her daughter.", 3, None, 1),
    ("Two boys and their mother died under the shell.", 3, 2, 1),
])
def test_a_family_listed_with_one_verb_adds_up(text, dead, children, women):
    c = casualties(text)
    assert (c.fatalities.best, c.victims.children, c.victims.women) == (dead, children, women)


def test_a_relative_who_tells_or_acts_is_not_one_more_dead():
    assert casualties("A sniper killed a boy, his uncle and his aunt.").fatalities.best == 3
    assert casualties("A sniper killed a boy, his uncle said.").fatalities.best == 1
    assert casualties("Two boys were killed and his neighbour fled.").fatalities.best == 2


@pytest.mark.parametrize("text, dead, injured", [
    ("Two of the wounded later died.", 2, None),
    ("Five people were killed and two of the wounded later died.", 7, None),
    ("Four of those injured died in hospital on Tuesday.", 4, None),
])
def test_the_wounded_who_died_later_are_dead(text, dead, injured):
    # "N of the wounded ... died": more dead than the toll told before them, not wounded.
    assert counts(text) == (dead, injured)
    assert counts("Mortars wounded 8 people, and 3 of the wounded needed surgery.") == (None, 8)


def test_the_wounded_who_died_are_in_a_toll_that_rose():
    assert counts("The toll rose to 6 after two of the wounded died.") == (6, None)
    assert counts("Four were killed, and two of the injured died later.") == (6, None)


@pytest.mark.parametrize("text, dead", [
    ("The toll, initially put at 25, later rose to 40.", 40),
    ("The agency had earlier put the toll at 8 but then raised it to 12.", 12),
    ("A preliminary toll of 6 was later revised to 9, medics said.", 9),
])
def test_a_first_toll_and_what_it_became_in_one_sentence_gives_the_latest(text, dead):
    assert casualties(text).fatalities.best == dead
    # A toll that rose over a longer time after an event's own dead is no revision of them.
    assert casualties("On the first day five people were killed, and the toll since then rose to 60.").fatalities.best == 5


def test_half_a_dozen_is_six():
    assert counts("Half a dozen villagers were killed when the jets struck.")[0] == 6


def test_drivers_and_bakers_are_among_the_civilian_dead():
    c = casualties("The shell killed two drivers and a baker outside the bakery.")
    assert c.fatalities.best == 3
    assert c.victims.civilians == 3


def test_an_earlier_event_is_no_first_toll_of_the_next():
    # "earlier" names an earlier strike here, not an earlier count of the raid's dead.
    assert counts("An earlier strike killed 5 people, and the toll of the second raid rose to 12.")[0] != 12
    assert counts("Officials earlier put the toll at 8, which later rose to 11.")[0] == 11


def test_the_wounded_who_died_add_to_a_total_told_before_them():
    assert counts("A total of five people were killed and two of the wounded later died.")[0] == 7


@pytest.mark.parametrize("text, dead", [
    ("A rebel rocket killed a farmer near the mill.", 1),
    ("A rebel attack killed two shepherds.", 2),
    ("A rebel fighter was killed at the bridge.", 1),
])
def test_a_side_named_before_its_weapon_is_no_one_dead(text, dead):
    assert counts(text)[0] == dead
