"""A sentence whose "and" joins an event told as another one ("..., and ... a separate bombing in Y"): two events."""
from __future__ import annotations

from tests.extract.test_assembly import reports, story


def places(text: str) -> list[tuple[str, int | None]]:
    return sorted((r.location.name, r.fatalities.best) for r in reports(text))


def test_a_separate_bombing_joined_by_and_is_an_event_of_its_own():
    text = story("Russian jets struck Saraqeb on Tuesday, killing nine civilians, and the ministry blamed rebels for "
                 "a separate bombing in Jableh that killed four people.")
    assert places(text) == [("Jablah", 4), ("Saraqab", 9)]


def test_another_attack_joined_by_and_is_an_event_of_its_own():
    text = story("Warplanes bombed Kafr Nabouda on Monday, killing five people, and rebels shelled Mhardeh in "
                 "another attack, killing two.")
    assert places(text) == [("Kafr Nabutha", 5), ("Muhradah", 2)]


def test_a_separate_car_bomb_after_a_raid_without_a_toll_keeps_its_own_dead():
    text = story("Government helicopters dropped barrel bombs on Daraya, and a separate car bomb exploded in Homs, "
                 "killing six.")
    assert ("Homs", 6) in places(text)


def test_another_attack_told_at_the_same_town_stays_its_event_with_both_tolls():
    for later in ("another attack on the town later that day killed two children",
                  "another strike elsewhere in the town killed two children"):
        text = story(f"Government forces shelled Kafr Nabouda on Monday, killing three people, and {later}.")
        assert places(text) == [("Kafr Nabutha", 5)]
