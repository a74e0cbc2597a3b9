"""A fight told as the backdrop of a strike ("as fighting raged", "amid renewed clashes") does not outrank the strike
its clause tells the toll of; a fight told as the event stays a battle. On stories and sentences written for these
tests."""
from __future__ import annotations

from warwire.extract.event_types import backdrop_fight, find_triggers, main_trigger
from tests.extract.test_assembly import reports, story


def _main(sentence: str) -> str:
    t = main_trigger(find_triggers(sentence), sentence)
    return t.rule.sub_event_type


def test_a_strike_told_as_fighting_raged_is_the_strike():
    assert _main("Government jets bombed the market of Ariha on Tuesday, killing nine people, the monitor said, as "
                 "fighting raged across the province.") == "Air/drone strike"
    # A fight told as the event, with no strike before it, stays a battle; so does one told with the guns it used.
    assert _main("Six soldiers were killed as fighting raged around the dam on Friday.") == "Armed clash"
    assert _main("Rebels and troops fought with tanks and mortars in the streets of the town.") == "Armed clash"


def test_shelling_told_while_clashes_were_underway_is_the_shelling():
    assert _main("Rebel mortar fire killed four residents of the old quarter on Monday as clashes were underway "
                 "on the edge of the city.") == "Shelling/artillery/missile attack"


def test_a_strike_told_amid_renewed_clashes_is_the_strike():
    assert _main("Jets bombed the hilltop village amid renewed clashes between the army and "
                 "the militants.") == "Air/drone strike"


def test_a_fight_is_a_backdrop_only_with_a_verb_of_going_on():
    told = "The town was quiet as clashes raged on."
    assert backdrop_fight(next(t for t in find_triggers(told) if t.rule.sub_event_type == "Armed clash"), told)
    text = "The jets struck as clashes killed ten."
    clash = next(t for t in find_triggers(text) if t.rule.sub_event_type == "Armed clash")
    assert not backdrop_fight(clash, text)


def test_a_story_keeps_the_strike_and_its_toll():
    text = story("Government airstrikes killed 12 people in Saraqeb on Tuesday, the monitor said, as fighting raged "
                 "across the northern hills.", "Rescue workers searched the rubble of two homes for survivors.")
    got = [(r.sub_event_type, r.fatalities.best) for r in reports(text)]
    assert ("Air/drone strike", 12) in got
    assert not any(sub == "Armed clash" for sub, _ in got)


# Two closings with no event word, one short (a brief's whole text) and one long: the strike keeps its type
# however the text around the sentence makes the parse cut it.
_SHORT_CLOSING = ("Bakers said flour had run short this month. The envoy met both delegations in Geneva to plan "
                  "another round of talks. A charity appealed for blankets and stoves before the winter.")
_LONG_CLOSING = _SHORT_CLOSING + (" Officials promised the power grid would be mended before the new year. Pupils "
                                  "sat their exams in schools that had reopened after the summer. The central bank "
                                  "said the pound had held steady against the dollar over the month. Farmers said "
                                  "the rains had come late and seed cost twice what it did a year ago. A new road "
                                  "to the border crossing is due to open in the spring, a minister said.")


def test_a_backdrop_fight_yields_to_the_strike_of_its_sentence_whatever_follows():
    for lead in ("Government airstrikes killed 12 people in the town of Binnish on Tuesday, the monitor said, as "
                 "fighting raged in the hills beyond.",
                 "Army jets killed 12 people in the town of Binnish on Tuesday as fighting raged nearby."):
        for closing in (_SHORT_CLOSING, _LONG_CLOSING):
            got = [(r.sub_event_type, r.fatalities.best) for r in reports(lead + " " + closing)]
            assert got == [("Air/drone strike", 12)], (lead, len(closing), got)
