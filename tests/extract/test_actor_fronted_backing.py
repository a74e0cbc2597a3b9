"""A backing phrase that opens its sentence ("Backed by X, the army took Y"): the side after its comma acted."""
from __future__ import annotations

from warwire.extract.actors import assign_roles, find_actors
from warwire.knowledge import packs


def roles(text, word="seized"):
    with packs.using("syria"):
        a1, a2 = assign_roles(find_actors(text), text, text.index(word), 0, len(text))
    return a1 and a1.name, a2 and a2.name


def test_the_side_after_a_fronted_backing_phrase_acted():
    assert roles("Backed by Russian jets, Syrian troops seized the hill of Tal Sukkar on Friday.")[0] \
        == "Military Forces of Syria"
    assert roles("Monitors reported that with the help of Russian aircraft, the army seized Tal Sukkar.")[0] \
        == "Military Forces of Syria"
    # (A fronted list of backers still ends with its last item.)
    assert roles("Backed by Russian jets, Iranian militias and Hezbollah, the army seized Tal Sukkar.")[0] \
        == "Military Forces of Syria"
    # (A backing aside after the side keeps its whole list as backers.)
    assert roles("The army, backed by Russian jets, Iranian militias and Hezbollah, seized Tal Sukkar.")[0] \
        == "Military Forces of Syria"
