"""ACLED's precedence among the ways of an explosion: a car bomb its driver set off is a suicide bomb, a shell or a
strike that carried gas a chemical weapon, when the refining word is bound to the weapon (its noun phrase, or a
clause on it); a suicide bombing of another day or town told beside a car bomb does not retype it. On sentences
written for these tests."""
from __future__ import annotations

from warwire.extract.event_types import find_triggers, main_trigger, refines

IED = "Remote explosive/landmine/IED"


def _main(sentence: str) -> str:
    return main_trigger(find_triggers(sentence), sentence).rule.sub_event_type


def test_a_car_bomb_its_suicide_driver_set_off_is_a_suicide_bomb():
    assert _main("A car bomb driven by a suicide bomber blew up outside the police station") == "Suicide bomb"
    assert _main("A truck bomb, which was rammed into the gate by a suicide attacker, killed six") == "Suicide bomb"
    # A car bomb with no bomber told stays a remote explosive.
    assert _main("A car bomb exploded at a checkpoint near the bridge") == IED


def test_a_suicide_bombing_of_another_day_or_town_does_not_retype_a_car_bomb():
    assert _main("A car bomb tore through the market of Azaz on Monday, leaving eight dead, a day after a suicide "
                 "bomber hit a checkpoint in Jarablus.") == IED
    assert _main("A car bomb left eight dead in the town of Azaz on Monday, like the suicide bombing in Jarablus "
                 "the week before.") == IED
    assert _main("Car bombings kill 12 in two towns as suicide bombers drive vans into checkpoints") == IED


def test_the_precedence_runs_one_way():
    assert refines("Suicide bomb", IED)
    assert refines("Chemical weapon", "Air/drone strike")
    assert not refines(IED, "Suicide bomb")
    assert not refines("Air/drone strike", "Shelling/artillery/missile attack")
