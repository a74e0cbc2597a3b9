"""The noun "attack", told with no weapon: a battle when its dead are armed men."""
from __future__ import annotations

import pytest

from warwire.extract import extract_article
from warwire.model import Article


def subs(text: str) -> list[str]:
    return [r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-07"))]


@pytest.mark.parametrize("text", [
    "An overnight attack near the town of Tal Jabin killed seven soldiers on Tuesday.",
    "A jihadist attack on the Jazal gas field in Homs province on Monday left 14 guards and pro-regime gunmen dead.",
])
def test_assault_named_without_weapon_on_armed_men_is_a_battle(text):
    assert subs(text) == ["Armed clash"]


def test_weapon_or_civilian_dead_keep_the_attack_from_afar():
    # The rule applies to the noun with armed dead only ...
    assert subs("An overnight attack near the town of Tal Jabin killed seven soldiers on Tuesday.") == \
        ["Armed clash"]
    # ... not when the clause names a weapon or the dead are civilians.
    assert subs("A rocket attack on the army base near Tal Jabin killed 12 soldiers on Tuesday.") == \
        ["Shelling/artillery/missile attack"]
    assert subs("An attack on Tal Jabin village killed 12 civilians on Tuesday.") == \
        ["Shelling/artillery/missile attack"]
