"""Named armed groups of the Syrian war in the Syria pack: ACLED names, kinds, spellings.

Sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from warwire.extract.actors import find_actors
from warwire.knowledge.actors import ActorDictionary


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text)]


@pytest.mark.parametrize("text, name", [
    ("Units of Jaish al-Fatah overran a hilltop post.", "JaF: Army of Conquest"),
    ("Units of Jaysh al-Fateh overran a hilltop post.", "JaF: Army of Conquest"),
    ("Jund al-Aqsa gunmen took a hilltop post.", "Jund al Aqsa"),
    ("Suqur al-Sham units moved south at night.", "Suquor al Sham"),
    ("Soqour al-Sham units moved south at night.", "Suquor al Sham"),
    ("Ajnad al-Sham units moved south at night.", "Ajnad al Sham Islamic Union"),
    ("Hurras al-Din units moved south at night.", "Hurras al Deen"),
    ("Ansar al-Tawhid units moved south at night.", "Ansar al Tawhid"),
    ("Jaysh al-Ahrar units moved south at night.", "Jaysh al Ahrar"),
    ("Jaish al-Nasr units moved south at night.", "Jaysh al Nasr"),
    ("Jaysh al-Izza units moved south at night.", "Jaysh al Izza"),
    ("The Free Army of Idleb moved south at night.", "Free Idlib Army"),
    ("First Coastal Division units moved south at night.", "1st Coastal Division"),
    ("Jaysh al-Nukhba units moved south at night.", "JaN: Elite Army"),
    ("Lions of the East Army units moved south at night.", "JOS: Lions of the East Army"),
    ("Maghawir al-Thawra units moved south at night.", "JMT: Army of the Commandos of the Revolution"),
    ("Syrian Liberation Front units moved south at night.", "JTS: Syria Liberation Front"),
    ("Sultan Murad Division units moved south at night.", "Sultan Murad Division"),
    ("Ahrar al-Sharqiya units moved south at night.", "Ahrar al Sharqiyah"),
    ("Liwa al-Quds units moved south at night.", "LaQ: Quds Brigade"),
    ("Fatemiyoun units moved south at night.", "Fatemiyoun Brigade"),
])
def test_named_groups_resolve_to_their_acled_names(text, name):
    assert names(text)[:1] == [name]


@pytest.mark.parametrize("text, name", [
    ("Ahrar ash-Sham units moved south at night.", "AAS: Ahrar al Sham"),
    ("Nour al-Din al-Zenki units moved south at night.", "HNDZ: Nour al-Din al-Zinki Movement"),
    ("Turkestan Islamic Party units moved south at night.", "TIP: Turkistan Islamic Party"),
    ("Jabhat Fatah al-Sham units moved south at night.", "Jabhat al-Nusra"),
    ("Faylaq Al Sham units moved south at night.", "Opposition Rebels (Syria)"),
    ("Hizbollah units moved south at night.", "Hezbollah"),
    ("Syria Democratic Forces units moved south at night.", "QSD: Syrian Democratic Forces"),
    ("Khalid bin al-Walid Army units moved south at night.", "Islamic State (Syria)"),
    ("Jaysh Khalid units moved south at night.", "Islamic State (Syria)"),
    # Forces ACLED codes with the SDF.
    ("Manbij Military Council units moved south at night.", "QSD: Syrian Democratic Forces"),
    ("Self-Defence Forces units moved south at night.", "QSD: Syrian Democratic Forces"),
])
def test_spellings_and_member_forces_resolve_to_the_group(text, name):
    assert names(text)[:1] == [name]


@pytest.mark.parametrize("text, name", [
    ("The Army of Islam fired mortars at a suburb.", "Jaysh al-Islam"),
    ("The Army of Conquest fired mortars at a suburb.", "JaF: Army of Conquest"),
    ("Fighters of the Army of Glory fired mortars at a suburb.", "Jaysh al Izza"),
    ("The Army of Victory fired mortars at a suburb.", "Jaysh al Nasr"),
])
def test_a_rebel_army_of_is_not_the_syrian_army(text, name):
    assert names(text)[:1] == [name]


def test_the_army_of_the_state_is_still_the_syrian_army():
    assert names("Residents accused the army of looting their shops.")[1:2] == ["Military Forces of Syria"]
    assert names("Free Idleb Army fighters fought the Syrian army.") == ["Free Idlib Army", "Military Forces of Syria"]


def test_kinds_follow_acled():
    d = ActorDictionary.load()
    assert {d.get(n).kind for n in ("JaF: Army of Conquest", "Suquor al Sham", "Hurras al Deen",
                                    "Sultan Murad Division", "Jaysh al Izza")} == {"Rebel group"}
    assert {d.get(n).kind for n in ("LaQ: Quds Brigade", "Liwa al Baqir", "Fatemiyoun Brigade",
                                    "ISIS Hunters")} == {"Political militia"}
    assert d.root("Sultan Murad Division").name == "JWS: Syrian National Army"
    assert d.root("LaQ: Quds Brigade").name == "Military Forces of Syria"


def test_the_state_intelligence_and_corps_are_state_forces():
    assert names("Air Force Intelligence agents raided a house.")[:1] == ["Military Forces of Syria"]
    assert names("The Fifth Corps moved south at night.")[:1] == ["Military Forces of Syria"]


@pytest.mark.parametrize("text, name, kind", [
    # ACLED codes fighters on the government side the text does not name as "Militia (Pro-Government)".
    ("Pro-regime fighters held the ridge overnight.", "Militia (Pro-Government)", "Political militia"),
    ("Shabiha gunmen searched the market.", "Militia (Pro-Government)", "Political militia"),
    # ... and factions the text calls Islamist without naming them as "Islamist Militia (Syria)".
    ("Islamist factions lobbed shells at a checkpoint.", "Islamist Militia (Syria)", "Political militia"),
    ("The Salvation Government closed two schools.", "HTS: Hayat Tahrir al Sham", "Rebel group"),
    ("A Tiger Force unit held the ridge overnight.", "Tiger Forces", "State forces"),
])
def test_unnamed_sides_get_acled_s_names_and_kinds(text, name, kind):
    found = find_actors(text)
    assert (found[0].name, found[0].kind) == (name, kind)


def test_rebel_factions_stay_rebels():
    assert names("Rebel factions lobbed shells at a checkpoint.")[:1] == ["Opposition Rebels (Syria)"]
    assert names("Regime warplanes struck the ridge.")[:1] == ["Military Forces of Syria"]
