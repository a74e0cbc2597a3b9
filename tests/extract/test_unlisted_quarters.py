"""A name the text calls a quarter of a city it names, that no source lists among the city's quarters, is that city's
quarter (named as the text names it, at the city's point), not a village spelled alike far off."""
from __future__ import annotations

from warwire.extract.places import find_places


def _place(text: str, name: str):
    return next(p for p in find_places(text) if text[p.start:p.end] == name)


def test_a_quarter_of_the_city_named_before_is_not_a_village_spelled_alike():
    # The sources list no quarter of Aleppo by this name, only villages of another spelling or far off; the text
    # calls it a quarter of Aleppo.
    text = ("Mortar rounds landed in the al-Mastoura neighbourhood of Aleppo on Tuesday evening, killing a teacher "
            "and wounding four passers-by, a doctor in Aleppo told the agency.")
    p = _place(text, "al-Mastoura")
    assert p.location.admin1 == "Aleppo" and p.kind == "neighbourhood" and p.location.name == "al-Mastoura"
    city = _place(text, "Aleppo").location
    assert (p.location.lat, p.location.lon) == (city.lat, city.lon)


def test_a_town_the_text_calls_a_neighbourhood_near_the_city_stays_the_town():
    # Kafr Batna lies a few km from Damascus: a suburb the text calls a neighbourhood is that town.
    text = "Residents of Damascus said shells fell on the Kafr Batna neighbourhood on Monday."
    assert _place(text, "Kafr Batna").location.name == "Kafr Batna"


def test_a_town_called_a_neighbourhood_in_a_province_the_text_names_stays_the_town():
    # Only a city named as such has quarters: "Idlib province" names no city whose quarter the town could be.
    text = ("Jets struck a rebel-held district in Idlib province on Saturday, a rescuer said. The raid hit a clinic "
            "in Termanin neighborhood.")
    assert _place(text, "Termanin").location.name == "Termanin"


def test_a_quarter_of_another_town_is_not_a_quarter_of_the_city_named_first():
    # The text names Aleppo, then calls the quarter one of Manbij, 80 km east: Manbij's quarter, at Manbij.
    text = "A doctor in Aleppo said mortar rounds landed in the al-Mastoura neighbourhood of Manbij on Tuesday."
    p = _place(text, "al-Mastoura").location
    town = _place(text, "Manbij").location
    city = _place(text, "Aleppo").location
    assert (p.lat, p.lon) != (city.lat, city.lon)
    assert (p.lat, p.lon) == (town.lat, town.lon)


def test_the_town_a_quarter_is_called_a_quarter_of_is_no_quarter_itself():
    # "the X neighbourhood of Douma" in a text naming Damascus: Douma is the town, not a quarter of Damascus
    # spelled like it.
    text = "Mortar rounds landed in the al-Mastoura neighbourhood of Douma on Tuesday, a doctor in Damascus said."
    town = _place(text, "Douma")
    assert town.kind != "neighbourhood" and town.location.admin1 != "Damascus"
