"""Tolls told in common news constructions: a figure that changed, a negated one, the wounded told after the dead
with a verb of their own, and rounds fired at a victim."""
from warwire.extract.casualties import combine, find_tolls


def _dead(sentence: str):
    return combine(find_tolls(sentence)).fatalities.best


def test_a_toll_told_as_changed_from_one_figure_to_another_is_the_second():
    assert _dead("Medics said the toll had risen from 14 to 19 by nightfall.") == 19
    assert _dead("The ministry revised the number of dead from 8 to 11 on Tuesday.") == 11
    assert _dead("Rescuers say the death toll climbed overnight from twenty to twenty-six.") == 26
    # A range with no change told stays a range, its lower figure the toll.
    assert _dead("Between 14 and 19 villagers were killed when the shells fell.") == 14


def test_not_a_single_one_counts_no_one():
    assert _dead("Not a single resident was killed when the shell struck the empty school.") is None
    assert _dead("Officials said not one soldier was killed in the ambush.") is None
    assert _dead("The drone strike did not kill a single fighter, the group said.") is None
    assert _dead("A soldier was killed in the ambush.") == 1


def test_others_who_suffered_wounds_after_the_dead_are_the_wounded():
    for sentence, dead, hurt in [("Three guards died at the gate while two others sustained injuries.", 3, 2),
                                 ("A farmer was killed and four more suffered serious wounds in the shelling.", 1, 4)]:
        c = combine(find_tolls(sentence))
        assert (c.fatalities.best, c.injured.best if c.injured else None) == (dead, hurt)


def test_the_rounds_that_killed_someone_are_no_toll():
    assert _dead("The mayor was found shot dead with five bullets in his chest.") != 5
    assert _dead("Gunmen killed a police officer with three bullets.") == 1
