"""The Syria pack's place data: city quarters in the spellings news uses, short variants that belong to
another village, and weapon words that are also villages' names. Sentences are written for these tests."""
from __future__ import annotations

from warwire.extract.places import find_places
from warwire.knowledge.gazetteer import Place, fold_spaced


def _places(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.surface, m.location.name, m.location.admin1) for m in find_places(text)]


def _village(pid: str, name: str, names: list[str]) -> Place:
    return Place(id=pid, name=name, kind="community", country="Syria", admin1="Aleppo", admin2=None,
                 lat=36.0, lon=37.0, geonames_id=None, population=None, names=names)


def test_quarter_spellings_without_descriptors_or_fused_article(build_script):
    ramouseh = {fold_spaced(n) for n in build_script.neighbourhood_spellings("Ar-Ramouseh Industrial District")}
    assert fold_spaced("al-Ramouseh") in ramouseh
    assert "Shrafiyeh" in build_script.neighbourhood_spellings("Ashrafiyeh")
    assert build_script.neighbourhood_spellings("Hanano") == []  # nothing to drop, no article fused


def test_a_short_variant_another_village_owns_is_dropped(build_script):
    long_ = _village("C1", "Kul Sabrin", ["Kul Sabrin", "Sabrin", "Kool Sabrin"])
    own = _village("C2", "Sabrin", ["Sabrin"])
    alone = _village("C3", "Tal Nasir", ["Tal Nasir", "Nasir"])  # no village of its own is called Nasir
    build_script.drop_borrowed_tails([long_, own, alone])
    assert "Sabrin" not in long_.names and "Kool Sabrin" in long_.names
    assert own.names == ["Sabrin"] and "Nasir" in alone.names


def test_aleppo_quarters_in_news_spellings():
    found = _places("Rocket shells hit al-Shrafiyeh, al-Ramouseh and Bab al-Faraj neighbourhoods in Aleppo city, "
                    "and Sheikh Maksoud was shelled too.")
    assert [(s, a) for s, _, a in found] == [("al-Shrafiyeh", "Aleppo"), ("al-Ramouseh", "Aleppo"),
                                              ("Bab al-Faraj", "Aleppo"), ("Aleppo", "Aleppo"),
                                              ("Sheikh Maksoud", "Aleppo")]


def test_a_village_of_a_quarters_name_elsewhere_keeps_its_governorate():
    found = _places("Shells fell on Bab al Faraj village near Qamishli in Hasakeh province.")
    assert found[0][0] == "Bab al Faraj" and found[0][2] == "Al-Hasakeh"


def test_jibrin_is_not_a_longer_village_name():
    found = _places("A car bomb exploded in the town of Jibrin in Hama province on Friday.")
    assert found[0][0] == "Jibrin" and found[0][2] == "Hama"
    from warwire.knowledge import packs

    kul = [p for p in packs.load("syria").gazetteer.places if p.name == "Kaljibrin"]
    assert kul and all("jabran" not in {fold_spaced(n) for n in p.names} for p in kul)


def test_weapon_words_are_not_places():
    assert _places("Sarin gas was used in the attack, the monitor said.") == []
    assert _places("Witnesses said Sukhoi jets and Grad rockets hit the hospital.") == []
    assert _places("Tabun and Sarin are nerve agents the regime denied holding.") == []


def test_a_weapon_word_the_text_puts_something_in_is_a_village():
    assert [a for _, _, a in _places("Kurdish fighters advanced in Sarin, south of the Euphrates.")] == ["Aleppo"]
    assert [a for _, _, a in _places("Fighters retook the village of Sarin on Monday.")] == ["Aleppo"]


def test_names_called_a_citys_quarters_are_read_among_its_quarters():
    """Not a village of a like name elsewhere, and found where no source spells them so."""
    found = _places("Mortar shells struck the al-Hamidiya and Bab Qibli neighbourhoods in Hama city on Monday.")
    assert found[:2] == [("al-Hamidiya", "Hameidiyyeh", "Hama"), ("Bab Qibli", "Bab Qebli", "Hama")]
    found = _places("Gunmen shot a shopkeeper in the al-Sulaibeh neighbourhood in Latakia city.")
    assert found[0] == ("al-Sulaibeh", "Sleiba", "Lattakia")
    # A list told with spaces only: each name a quarter of its own.
    found = _places("Mortar rounds fell on the al-Shaghour al-Midan and al-Qassaa neighbourhoods of Damascus.")
    assert [n for _, n, _ in found[:3]] == ["Ash Shaghour", "Midan", "Al Qusa'"]


def test_a_word_before_the_cue_that_is_no_quarter_leaves_the_name_after_it_the_quarter():
    """"The Sunni neighbourhood of X", "the Hama neighbourhood of X": the word says whose quarter it is."""
    found = _places("Rebel shells hit the Sunni neighbourhood of Bab Amr in Homs.")
    assert found[0] == ("Bab Amr", "Baba Amr", "Homs")
    found = _places("Mortars hit the Hama neighbourhood of al-Hamidiya on Monday.")
    assert ("al-Hamidiya", "Hameidiyyeh", "Hama") in found
    # A quarter named before the cue stays the quarter; the city after it is no quarter.
    assert _places("Shells hit the Salheen neighbourhood of Aleppo.")[:2] == [("Salheen", "Salheen", "Aleppo"),
                                                                             ("Aleppo", "Aleppo", "Aleppo")]


def test_a_name_called_a_quarter_with_no_city_told_is_read_as_before():
    assert _places("The al-Qusor neighbourhood was quiet.") == _places("The al-Qusor was quiet.")


def test_damascus_districts_are_places():
    """A district of the capital OCHA gives only as its neighbourhoods' shared name is a quarter of its own."""
    from warwire.knowledge import packs

    shaghour = [p for p in packs.load("syria").gazetteer.places if p.name == "Ash Shaghour"]
    assert len(shaghour) == 1 and shaghour[0].kind == "neighbourhood" and shaghour[0].admin1 == "Damascus"


def test_a_suburb_no_source_lists_is_curated():
    found = _places("Troops entered Minian, a suburb at the city's western edge, in Aleppo.")
    assert found[0][:2] == ("Minian", "Manyan") and found[0][2] == "Aleppo"
