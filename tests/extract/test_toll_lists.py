"""Tolls told as lists of people: a total "among" which the listed people are, a relative named before the figure
of his kin, two sides each with its own figure, and the one who tells a toll."""
from warwire.extract.casualties import combine, find_tolls


def _dead(sentence: str):
    return combine(find_tolls(sentence)).fatalities.best


def test_people_listed_among_a_total_are_part_of_it():
    # Listed before "among the N": the N is the toll, the listed people a breakdown of it.
    assert _dead("Witnesses said a girl and her mother were among the nine dead.") == 9
    assert _dead("A teacher and child were among the six killed in the market.") == 6
    # Listed after "Among the N killed were".
    c = combine(find_tolls("Among the eleven people killed in the raid were three women and a boy."))
    assert (c.fatalities.best, c.victims.women, c.victims.children) == (11, 3, 1)
    # People listed with no total are the toll themselves.
    assert _dead("Three women and a boy were killed in the raid.") == 4


def test_a_relative_named_before_his_kins_figure_is_one_more_dead():
    assert _dead("A father and his two sons were killed when the shell hit the farm.") == 3
    assert _dead("The sniper killed her husband and their three children.") == 4
    # Told as a toll of their own, the relative is not counted twice.
    assert _dead("The raid killed a mother and her four children.") == 5


def test_two_sides_each_with_a_figure_add_up():
    assert _dead("The battle killed five rebel fighters and 12 army soldiers.") == 17
    assert _dead("The shelling killed 14 fighters of the brigade and 3 civilians.") == 17
    assert _dead("The clashes caused the death of six members from the militia and nine soldiers from the army.") \
        == 15


def test_one_whose_noun_of_two_words_is_followed_by_a_verb_of_telling_tells_the_toll():
    # The whole noun ("rebel commander") is the teller's, not a toll of one.
    assert _dead("A rebel commander said 12 fighters were killed.") == 12
    # A qualified one is a figure, whatever verb follows it.
    assert _dead("Jets hit the ridge, and at least one rebel commander was confirmed dead.") == 1
