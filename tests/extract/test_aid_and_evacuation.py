"""Aid told arriving and people taken out of a besieged place are events the coding guide codes ("Other", tagged
aid delivery or evacuation); ground a side is made to leave, or a siege broken, is ground taken. Sentences written
for these tests."""
from __future__ import annotations

import pytest

from tests.extract.test_mentions import aside, reports, story
from warwire.extract.event_types import find_triggers, main_trigger


def sub_of(text: str) -> str | None:
    t = main_trigger(find_triggers(text))
    return t.rule.sub_event_type if t is not None else None


def told(rs) -> list[tuple[str, str | None]]:
    return [(r.sub_event_type, r.location.name if r.location else None) for r in rs]


AID_ARRIVING = [
    "A 30-truck aid convoy on Monday entered the besieged town of Madaya.",
    "Dozens of trucks carrying food for 20000 people reached Douma on Sunday.",
    "The Red Crescent brought in aid for 5000 families on Tuesday.",
    "A convoy carrying medical supplies arrived in Talbiseh after weeks of delay.",
]


def test_aid_told_arriving_is_an_aid_delivery_and_a_convoy_told_hit_is_the_strike():
    assert [sub_of(text) for text in AID_ARRIVING] == ["Other"] * len(AID_ARRIVING)
    assert sub_of("An aid convoy was hit by air strikes before it reached the town.") == "Air/drone strike"
    assert sub_of("Turkey delivered weapons to the rebels on Monday.") != "Other"


EVACUATED = [
    "The Red Crescent evacuated a wounded boy from Madaya, a town under siege, on Sunday.",
    "About 1500 people were evacuated on Friday from the two towns.",
    "A convoy of 20 buses carrying fighters and their families left Zabadani at dawn.",
]
# The wounded carried off after an attack, or a side leaving its posts: no evacuation of a place.
NOT_EVACUATED = [
    "Rescuers evacuated the wounded from the rubble after the raid.",
    "The injured were evacuated to a hospital in Idlib.",
    "The rebels evacuated their positions on the hill.",
]


def test_people_taken_out_of_a_place_is_an_evacuation_and_the_wounded_carried_off_are_not():
    assert [sub_of(text) for text in EVACUATED] == ["Other"] * len(EVACUATED)
    assert [sub_of(text) for text in NOT_EVACUATED if sub_of(text) == "Other"] == []


def test_an_aid_convoy_arriving_is_reported_where_it_arrived():
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "On Tuesday a 40-truck aid convoy entered the besieged town of Madaya, the United Nations said.")
    assert ("Other", "Madaya") in told(reports(text))


def test_an_attack_word_after_an_evacuation_does_not_retell_it():
    # The weak word ("the convoy attack") names another event than the buses leaving; it is no evacuation.
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "On Wednesday a convoy of 12 buses left the besieged town of Madaya for Idlib, state media said.",
                 "Two buses also carried people hurt in the convoy attack near Aleppo.")
    assert [s for s, _ in told(reports(text))].count("Other") == 1


MADE_TO_LEAVE = [
    "Kurdish-led fighters drove the militants out of the town of Manbij on Saturday.",
    "Troops pushed the rebels from the hill overlooking the highway.",
    "After hours of fighting the army forced the militants to retreat from the plain east of the town.",
    "Army units broke the siege imposed on the power plant on Sunday.",
]
# People driven from their homes, or a bare "from" after another object: no ground changing hands.
DRIVEN_FROM_HOMES = [
    "The offensive forced thousands of residents out of their homes.",
    "The shelling forced 300 families from the village.",
    "The gangs drove hundreds of families out of the valley.",
    "The war forced the closure of the road from the city.",
    "Moscow pushed for a truce from the first day of the talks.",
    "The fighting forced the teacher to flee from his home.",
    "The truce entered into force at noon.",
]


def test_a_side_made_to_leave_a_place_is_ground_taken_and_people_driven_from_homes_are_not():
    assert [sub_of(text) for text in MADE_TO_LEAVE] == ["Government regains territory"] * len(MADE_TO_LEAVE)
    assert [text for text in DRIVEN_FROM_HOMES if "territory" in (sub_of(text) or "")] == []


def test_a_non_stop_battle_is_no_fight_that_ended():
    text = story("Jets struck the outskirts of Saraqib on Monday, residents said.",
                 "Doctors treated the wounded at a field clinic.",
                 "After a non-stop battle lasting all Tuesday, troops forced the militants to retreat from "
                 "Kafr Nabudah, state media said.")
    assert "forced the militants to retreat from" not in aside(text)
    assert any(s.endswith("territory") for s, _ in told(reports(text)))


# Words of ground taken that tell something else: a picture taken, a task taken over, a building an attacker got
# into, someone rescued from rubble.
NOT_GROUND = [
    "This photo captured from the hills shows smoke over the town.",
    "The moment was captured on video by a resident.",
    "The president's advisers took over the process.",
    "One of the gunmen managed to enter the hotel.",
    "A girl was pulled out of the rubble.",
]
GROUND = [
    "Rebels captured the town of Kafr Nabudah.",
    "Rebels took over the village.",
    "Troops managed to enter the town of Harasta.",
    "Troops entered the town of Harasta.",
    "The militants pulled out of the town.",
]


def test_a_picture_a_task_a_building_or_a_rescue_is_no_ground_taken():
    def territorial(text):
        sub = sub_of(text)
        return sub is not None and "territory" in sub
    assert [text for text in NOT_GROUND if territorial(text)] == []
    assert [text for text in GROUND if not territorial(text)] == []


@pytest.mark.parametrize("text", [
    "Troops foiled an attempt by militants to detonate a truck bomb near the checkpoint.",
    "Police thwarted a plot to blow up the bridge on Sunday.",
])
def test_a_bombing_stopped_before_it_went_off_is_a_disrupted_weapons_use(text):
    assert sub_of(text) == "Disrupted weapons use"
