"""Places the text tells by a place noun that no source spells: a place of their own at the place holding them."""
from __future__ import annotations

from warwire.extract import extract_article
from warwire.extract.places import find_places
from warwire.model import Article


def told(text: str) -> dict[str, tuple[str, str | None, int | None]]:
    return {m.surface: (m.location.name, m.location.admin1, m.location.geo_precision) for m in find_places(text)}


def test_a_gas_field_told_by_a_city_is_a_spot_near_the_city():
    text = "Militants attacked the Zarqoun gas field east of Homs on Friday."
    found = {m.surface: m for m in find_places(text)}
    field = found["Zarqoun gas field"]
    assert (field.location.name, field.location.admin1, field.location.geo_precision) == ("Zarqoun", "Homs", 2)
    assert (field.location.lat, field.location.lon) == (found["Homs"].location.lat, found["Homs"].location.lon)
    assert text[field.start:field.end] == "Zarqoun gas field"


def test_a_hill_told_by_its_arabic_head_word_in_a_countryside_is_in_the_governorate():
    assert told("Jets pounded Tal Ghurabeh in the Hama countryside.")["Tal Ghurabeh"] == ("Tal Ghurabeh", "Hama", 3)


def test_a_head_word_name_in_a_list_is_left_to_the_list():
    found = told("Jets pounded Tal Ghurabeh near Hama. Shells hit Kafr Nabouda, Tal Zuwayra and Qalaat al-Madiq.")
    assert "Tal Ghurabeh" in found and "Tal Zuwayra" not in found


def test_a_place_told_with_no_known_place_by_it_is_left_out():
    found = told("Militants attacked the Zarqoun gas field on Friday. Jets struck the Harbun hill near Homs.")
    assert "Zarqoun gas field" not in found
    assert found["Harbun hill"] == ("Harbun", "Homs", 2)


def test_where_the_shooters_stand_is_no_place_told():
    text = "Shells fired by gunmen positioned in the Zawarib hill hit the Qarmaleh hill near Homs."
    found = told(text)
    assert not any("Zawarib" in surface for surface in found)
    assert found["Qarmaleh hill"] == ("Qarmaleh", "Homs", 2)


def test_the_desert_is_no_village():
    assert [name for name, _, _ in told("Fighting went on in the eastern Badiya near Tadmur.").values()] == ["Tadmor"]
    assert [name for name, _, _ in told("Clashes broke out in al-Badia near Tadmur.").values()] == ["Tadmor"]


def test_an_event_at_a_gas_field_is_reported_there():
    text = "Islamic State fighters attacked the Zarqoun gas field east of Homs on Friday, killing five guards."
    reports = extract_article(Article(text=text, published="2018-03-09"))
    assert [(r.location.name, r.location.admin1, text[slice(*r.evidence["location"])]) for r in reports] == \
        [("Zarqoun", "Homs", "Zarqoun gas field")]
