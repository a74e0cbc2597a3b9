"""A place named with a head word before its own name ("Wadi X", "Najd X"), and places called a port, desert or
valley: the Yemen pack's ``head_words`` and the place nouns that cue a name."""
from __future__ import annotations

from warwire.extract.places import find_places
from warwire.knowledge import packs


def _places(text: str) -> list[tuple[str, str, str | None]]:
    with packs.using("yemen"):
        return [(m.surface, m.location.name, m.location.admin1) for m in find_places(text)]


def test_a_bare_head_word_before_a_village_is_no_place_of_its_own():
    # "Najd" alone is a village of Al Bayda; here it is the upland of Thawjan, a village of Lahij.
    found = _places("Mortar rounds fell on Najd Thawjan in Al Qabbaytah of Lahij overnight.")
    assert ("Thawjan", "Thawjan", "Lahij") in found
    assert all(name != "An Najd" for _, name, _ in found)


def test_a_valley_named_elsewhere_is_the_village_of_its_name_in_the_governorate_named():
    # A "Wadi Salah" spelled so lies in Hajjah; the report puts it in Taizz, where Salah is a village.
    found = _places("Two men were hurt in a gunfight at Wadi Salah of Taizz late on Friday.")
    assert found[0] == ("Salah", "Salah", "Taizz")


def test_a_valley_spelled_so_in_the_governorate_named_stays_whole():
    found = _places("Two men were hurt in a gunfight in Wadi Salih of Hajjah on Friday.")
    assert found[0] == ("Wadi Salih", "Wadi Salih", "Hajjah")


def test_a_name_called_a_port_is_looked_for_in_the_governorate_named():
    # Nishtun, the port of Al Mahrah, spelled as no source spells it.
    found = _places("A patrol boat docked at Nashton port, Al Mahrah, late on Tuesday.")
    assert ("Nashton", "Nishtun", "Al Mahrah") in found
