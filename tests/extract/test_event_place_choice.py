"""The event's place is the most precise place the text gives for it: a quarter of the city, or a town of the
governorate, that its own tellings name, over the city or governorate the story opened with."""
from __future__ import annotations

from tests.extract.test_assembly import reports, story
from tests.extract.test_mentions import _place_of


def places(rs) -> list[str]:
    return sorted(r.location.name for r in rs if r.location is not None)


def _mortars(where: str) -> str:
    return story("Mortar shells fired by insurgents killed seven people in Damascus on Monday, medics said.",
                 "Dozens more were wounded across the capital.",
                 "The shells landed near a bakery.",
                 where,
                 "Hospital staff feared more would die, since several of those hurt had severe injuries.")


def test_a_city_s_event_takes_the_one_quarter_a_later_telling_names():
    rs = reports(_mortars("The shells fell in Qaboun, an eastern district."))
    assert places(rs) == ["Qaboun"]
    assert rs[0].fatalities.best == 7
    # Two quarters, or one of a list (the gazetteer knows one of the two: the plural noun tells the list), leave
    # the event at the city.
    assert places(reports(_mortars("The attack hit Qaboun and Bab Touma, two districts of the city."))) == ["Damascus"]
    assert places(reports(_mortars("The shells fell on the Qaboun and Tal Kurdi "
                                   "neighbourhoods, both in the city's east."))) == ["Damascus"]


def test_a_governorate_s_chief_city_takes_the_town_a_later_telling_names():
    text = story("Government jets bombed Idlib on Tuesday, killing 12 people, the monitor said.",
                 "Rescue workers pulled bodies from the rubble for hours.",
                 "Hospitals appealed for blood donors.",
                 "Shops stayed shut across the province.",
                 "Residents said the raids hit a crowded market in Maarat al-Numan.")
    rs = reports(text)
    assert [(r.location.name, r.location.admin1, r.fatalities.best) for r in rs] == [("Ma'arrat An Nu'man", "Idleb", 12)]


def test_a_village_told_by_a_nearby_town_is_a_story_s_place():
    text = story("Artillery fire killed nine civilians on Sunday at Jubb al-Kusa, a village south of Jarabulus, "
                 "the monitor said.",
                 "The village is held by local fighters.")
    assert places(reports(text)) == ["Jubb Al-Kusa"]
    # A coder's note keeps the town a little-known spot is told by, as ACLED codes it.
    assert _place_of("Turkish artillery fire hit Jubb al-Kusa, a village south of Jarabulus, on Sunday, killing two "
                     "civilians.", "syria") == "Jarablus"
