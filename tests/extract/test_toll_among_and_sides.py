"""Tolls whose parts are told as "among those killed" beside the whole, and lists of dead whose first part names a side
of several words."""
from warwire.extract.casualties import combine, find_tolls


def _casualties(sentence: str):
    return combine(find_tolls(sentence))


def test_people_among_those_killed_are_a_part_of_the_toll_told_beside_them():
    # The cue before the people, the whole told after them.
    c = _casualties("Among those killed were four children, in a bombing that left 15 dead, rescuers said.")
    assert (c.fatalities.best, c.victims.children) == (15, 4)
    # The cue after the people, a list of two parts.
    c = _casualties("Two women and three boys were among those killed as shells hit a bakery, which left nine dead.")
    assert (c.fatalities.best, c.victims.women, c.victims.children) == (9, 2, 3)
    # A few words between the people and the cue; the whole told of the deed that killed them.
    c = _casualties("Six girls from one school were among the dead in a strike that killed 14 people.")
    assert (c.fatalities.best, c.victims.children) == (14, 6)
    # A figure told beside them of another deed is no whole of theirs.
    assert not any(t.breakdown for t in find_tolls("Four boys were among the dead at a bakery, and 12 people died in "
                                                   "a second strike."))
    # With no whole in their clause they are read as told: the whole, told in an earlier sentence, is the story's to
    # join them to.
    assert _casualties("Four children were among those killed.").fatalities.best == 4


def test_a_list_of_the_dead_goes_on_past_a_side_named_in_several_words():
    c = _casualties("Four members of the Northern Hills Liberation Front and two Kurdish gunmen died in a gunfight.")
    assert (c.fatalities.best, c.victims.combatants) == (6, 6)
    assert _casualties("Three fighters of the Southern Coast Volunteer Defence Corps and five soldiers died near "
                       "the border.").fatalities.best == 8
    # A side's name ends where its clause does: the figure after "killed in the" is not one of the list.
    assert _casualties("Two members of the brigade killed in the raid and nine others were buried on "
                       "Friday.").fatalities.best == 2
