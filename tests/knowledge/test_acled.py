"""ACLED's codebook as the reference checks and the scorer read it."""
from __future__ import annotations

from warwire.knowledge.acled import admin1, event_type, inter_kind, sub_event_type
from warwire.model import EVENT_TYPES


def test_pre_2019_event_types_map_to_todays_six():
    assert event_type("Remote violence", "Shelling hit the town.") == "Explosions/Remote violence"
    assert event_type("Battle-Government regains territory", "") == "Battles"
    assert event_type("Riots/Protests", "Demonstrators rioted in the square.") == "Riots"
    assert event_type("Riots/Protests", "Hundreds marched peacefully.") == "Protests"
    assert event_type("Battles", "") == "Battles"  # today's types pass through
    for raw in ("Remote violence", "Strategic development", "Violence against civilians"):
        assert event_type(raw, "") in EVENT_TYPES


def test_sub_event_types_only_where_the_old_type_names_one():
    assert sub_event_type("Non-violent transfer of territory") == "Non-violent transfer of territory"
    assert sub_event_type("Remote violence") is None and sub_event_type(None) is None


def test_interaction_codes_and_kind_names():
    assert inter_kind("1") == "State forces" and inter_kind("7") == "Civilians"
    assert inter_kind("0") is None and inter_kind("") is None
    assert inter_kind("Rebel groups") == "Rebel group"


def test_governorates_in_any_spelling_come_back_in_acleds():
    assert admin1("Idlib") == admin1("Edlib") == "Idleb"
    assert admin1("Rif Dimashq") == "Rural Damascus"
    assert admin1("Nowhere Province") == "Nowhere Province" and admin1(None) is None
