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


def test_a_quarter_told_by_its_own_noun_beside_a_plural_noun_is_no_list():
    # "the eastern neighbourhoods" tells where the gunmen are; the quarter the shells hit is named by a noun of its own.
    rs = reports(_mortars("The shells, fired by gunmen in the eastern neighbourhoods, fell on the Qaboun neighbourhood."))
    assert places(rs) == ["Qaboun"]


def test_a_short_text_s_event_at_the_city_takes_the_one_quarter_it_names():
    # The plural noun tells where the shooters are; the quarter hit is told by a noun of its own.
    text = ("Six dead as rockets hit Aleppo city. Police said insurgents holding the eastern neighbourhoods of "
            "Aleppo city fired three rockets at the Jamiliyeh neighbourhood on Monday.")
    assert [r.location.name for r in reports(text)] == ["Jamiliyeh"]
    # Two quarters told as a list are one event each, as before.
    listed = ("Six dead as rockets hit Aleppo city. Police said insurgents fired three rockets at the Jamiliyeh "
              "and Suleimaniyeh neighbourhoods on Monday.")
    assert sorted(r.location.name for r in reports(listed)) == ["Jamiliyeh", "Suleimaniyeh"]


def test_a_short_text_s_event_at_the_city_takes_the_spot_told_in_it():
    text = "Two people were wounded when a mortar round struck the Qasr Nadimeh area of Damascus city late on Sunday."
    rs = reports(text)
    assert [(r.location.name, r.location.admin1) for r in rs] == [("Qasr Nadimeh", "Damascus")]
