from __future__ import annotations

import pytest

from warwire.extract.actors import find_actors
from warwire.knowledge.actors import ActorDictionary, Claimants
from warwire.model import ACTOR_KINDS


@pytest.mark.parametrize("text, name", [
    ("regime forces", "Military Forces of Syria"),
    ("Assad's troops", "Military Forces of Syria"),
    ("the Syrian army", "Military Forces of Syria"),
    ("Tiger Forces", "Tiger Forces"),
    ("Russian jets", "Military Forces of Russia"),
    ("Syrian or Russian warplanes", "Allied Syrian and/or Russian Forces"),
    ("the US-led coalition", "Operation Inherent Resolve"),
    ("Daesh", "Islamic State (Syria)"),
    ("ISIS militants", "Islamic State (Syria)"),
    ("the Nusra Front", "Jabhat al-Nusra"),
    ("Hayat Tahrir al-Sham", "HTS: Hayat Tahrir al Sham"),
    ("the SDF", "QSD: Syrian Democratic Forces"),
    ("Kurdish YPG", "YPG: People's Protection Units"),
    ("Turkish-backed rebels", "JWS: Syrian National Army"),
    ("gunmen", "Unidentified Armed Group (Syria)"),
    ("Jaish al-Islam", "Jaysh al-Islam"),
    ("Hezbollah", "Hezbollah"),
])
def test_aliases_resolve_to_canonical_actors(text, name):
    found = find_actors(f"Yesterday {text} were seen.")
    assert [m.actor().name for m in found][:1] == [name]


@pytest.mark.parametrize("text, kind", [
    ("Unidentified gunmen shot a man.", "Political militia"),
    ("Unknown assailants shot a man.", "Political militia"),
    ("Armed men opened fire on a shepherd outside the village.", "Rebel group"),
    ("The terrorists shelled the town.", "Rebel group"),
])
def test_unnamed_attackers_are_a_political_militia(text, kind):
    found = find_actors(text)
    assert found[0].actor().name == "Unidentified Armed Group (Syria)"
    assert found[0].actor().kind == kind


def test_every_actor_has_an_acled_kind_and_parents_exist():
    d = ActorDictionary.load()
    for entry in d.entries.values():
        assert entry.kind in ACTOR_KINDS
        assert entry.parent is None or entry.parent in d.entries


def test_parents():
    d = ActorDictionary.load()
    assert d.root("Tiger Forces").name == "Military Forces of Syria"
    assert d.root("Jabhat al-Nusra").name == "HTS: Hayat Tahrir al Sham"


def test_capital_abbreviations_are_case_sensitive():
    assert find_actors("This is it.") == []
    assert [m.name for m in find_actors("IS fighters attacked.")] == ["Islamic State (Syria)"]


def test_country_used_as_a_place_is_not_an_actor():
    assert find_actors("He fled to Turkey.") == []
    assert [m.name for m in find_actors("Turkey launched an offensive.")] == ["Military Forces of Turkey"]


def test_claimants_load():
    c = Claimants.load()
    assert c.entries["SANA"].kind == "state media"
