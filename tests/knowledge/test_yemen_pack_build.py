"""The Yemen pack's build: spellings the gazetteer script derives from the open sources' names."""
from __future__ import annotations

from warwire.knowledge.gazetteer import Place


def _place(name, kind="community", admin2="Hill District", admin1="North March"):
    return Place(id=name, name=name, kind=kind, country="Ruritania", admin1=admin1, admin2=admin2,
                 lat=45.0, lon=20.0, geonames_id=None, population=None, names=[name])


def test_a_village_named_with_a_head_word_the_news_drops_is_spelled_without_it(build_script):
    village = _place("Qaryat al Marwah")
    build_script._bare_names([village], ["Qaryat"], {"community"})
    assert "al Marwah" in village.names


def test_a_bare_name_that_is_generic_a_units_or_a_neighbours_is_not_given(build_script):
    mountain = _place("Qaryat al Jabal")  # "al Jabal": the mountain, a generic word
    unit = _place("Qaryat Hill District")  # the district's own name
    neighbour = _place("Qaryat Dunmir")  # a village of the same district is called Dunmir
    short = _place("Qaryat Ab")
    other_head = _place("Bayt al Marwah")  # a head word the pack does not list
    places = [mountain, unit, neighbour, short, other_head, _place("Dunmir"),
              _place("Hill District", kind="district")]
    build_script._bare_names(places, ["Qaryat"], {"community"})
    assert [p.names for p in (mountain, unit, neighbour, short, other_head)] == [
        ["Qaryat al Jabal"], ["Qaryat Hill District"], ["Qaryat Dunmir"], ["Qaryat Ab"], ["Bayt al Marwah"]]


def test_the_yemen_pack_finds_a_village_by_the_name_without_its_head_word():
    from warwire.knowledge import packs

    g = packs.load("yemen").gazetteer
    found = g.find("Al Malil", "Sadah")
    assert (found.name, found.admin2) == ("Qaryat al Malil", "Kitaf wa Al Boqe'e")


def test_al_qabbaytah_district_by_the_spelling_with_a_d_reports_use():
    from warwire.extract import extract_article
    from warwire.model import Article

    reports = extract_article(Article(text="Houthi shells hit pro-Hadi positions in Qubidah district of Lahij on "
                                           "Sunday.", published="2018-03-04"))
    assert [(r.location.name, r.location.admin1) for r in reports] == [("Al Qabbaytah", "Lahij")]
