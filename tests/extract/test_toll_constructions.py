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


def test_the_subject_of_a_singular_was_killed_is_one_dead():
    # A name, a pronoun, a noun the title list does not hold, each with or without an aside before the verb.
    assert _dead("Karim Haddad of the northern quarter was killed when gunmen stormed his shop.") == 1
    assert _dead("Karim Haddad, a teacher at the village school, was shot dead on his doorstep.") == 1
    assert _dead("He was killed by a sniper as he crossed the bridge.") == 1
    assert _dead("The town's mayor was found dead in his car on Sunday morning.") == 1
    assert _dead("The mayor was found shot dead with five bullets in his chest.") == 1
    assert _dead("Brigade commander was assassinated outside his home by unknown gunmen.") == 1
    # No one, a group told as one, one more of a toll told elsewhere, several, a thing: no figure.
    assert _dead("Nobody was killed when the rocket hit the empty warehouse.") is None
    assert _dead("The whole family was killed when the shell hit their home.") is None
    assert _dead("The group's deputy leader was killed along with his guards in the raid.") is None
    assert _dead("His cousin was also killed in the ambush.") is None
    assert _dead("The plan was executed at dawn by a special unit.") is None
    # A denial, a question, a pronoun of no one: no one.
    assert _dead("The army said no rebel commander was killed in the raid.") is None
    assert _dead("Officials denied that any Turkish soldier was killed.") is None
    assert _dead("It is not yet known who was killed in the blast.") is None
    assert _dead("Medics could not say if anyone else was killed.") is None
    assert _dead("Each was killed by a single shot to the head.") is None


def test_the_death_of_a_titled_and_named_one_is_one_dead():
    assert _dead("Relatives announced the death of militia commander Omar Haddad in the village.") == 1
    assert _dead("The group mourned the death of its commander Abu Bakr in the battle.") == 1


def test_a_singular_was_killed_of_a_group_or_of_a_time_past_tells_no_figure():
    assert _dead("The crew of the armoured vehicle was killed, the army said.") is None
    assert _dead("Mourners marched a month after the former governor was killed.") is None
    assert _dead("It is the first visit since the old president was assassinated.") is None


def test_two_people_sharing_one_article_are_two_dead():
    assert _dead("A mother and baby died when a mine went off near the well.") == 2
    assert _dead("The shelling killed a man and boy in the market on Friday.") == 2
    # A plural second noun tells no figure of its own.
    assert _dead("A woman and children were killed when the shell hit.") == 1
