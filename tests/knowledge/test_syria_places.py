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
