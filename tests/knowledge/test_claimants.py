"""Claimants as data: a named armed group, government or monitor is the author of its claim, not the outlet.

Sentences and source fields are written here for the tests.
"""
from __future__ import annotations

import pytest

from warwire.extract.attribution import find_claims
from warwire.knowledge.sources import split_sources


@pytest.mark.parametrize("text, name, kind", [
    ("Jaysh al-Islam said its fighters repelled an assault on Harasta.", "Jaysh al-Islam", "armed group"),
    ("Four fighters died near Afrin, the YPG said in a statement.", "People's Protection Units", "armed group"),
    ("The Israeli military said its jets struck a depot.", "Israeli military", "government"),
    ("Nine civilians were killed in the strike, Human Rights Watch said.", "Human Rights Watch", "monitor"),
    ("The Pentagon said a coalition strike hit a command post.", "US Department of Defense", "government"),
])
def test_a_named_side_or_monitor_is_the_claimant(text, name, kind):
    claims = find_claims(text)
    assert [(c.claim.name, c.claim.kind) for c in claims] == [(name, kind)]


def test_a_group_named_without_a_reporting_verb_is_no_claim():
    assert find_claims("Jaysh al-Islam fighters fired mortars at a market.") == []


def test_a_source_field_names_outlets_and_the_sides_that_speak_apart():
    assert split_sources("SOHR; Jaysh al-Islam; Step News Agency") == (["SOHR", "Step News Agency"],
                                                                       ["Jaysh al-Islam"])
    assert split_sources("Reuters; Hayat Tahrir al-Sham; YPG") == (["Reuters"], ["Hayat Tahrir al-Sham", "YPG"])
