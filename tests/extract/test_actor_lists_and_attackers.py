"""Who acted and who was acted on: lists of sides after a target word, and attackers told by "by" or as counts."""
from __future__ import annotations

from tests.extract.test_actor_roles import reports


def test_the_sides_listed_after_a_fight_with_were_fought_and_the_clause_after_them_acted():
    (r,) = reports("After heavy fighting with IS, the Nusra Front, and other rebel factions, Syrian army troops seized "
                   "Khan Shaykhun on Monday.")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2.name == "Islamic State (Syria)"


def test_a_comma_closes_no_list_of_targets():
    (r,) = reports("After days of fighting with the rebels, Syrian army troops seized Khan Shaykhun on Monday.")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2.kind == "Rebel group"


def test_allied_non_syrian_militias_are_the_associates_of_the_side_they_follow():
    (r,) = reports("On Monday regime forces and allied Iraqi and non-Iraqi militias captured Khan Shaykhun.")
    assert r.actor1.name == "Military Forces of Syria"


def test_a_side_killed_in_an_unknown_number_was_acted_on():
    (r,) = reports("Government troops killed an unknown number of Nusra Front fighters with artillery fire near "
                   "Khan Shaykhun on Monday.")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2.name == "Jabhat al-Nusra"


def test_a_side_told_as_the_target_is_not_the_attacker_named_later():
    (r,) = reports("Artillery fire was aimed at IS positions east of Palmyra on Sunday, wounding an IS commander.")
    assert r.actor1 is None or r.actor1.name != "Islamic State (Syria)"


def test_the_side_whose_attack_was_repelled_is_the_other_side():
    # (Told near the event word or further off, the attacker and the side that fought it off are both sides.)
    for text in ("Rebel fighters repelled an offensive by regime forces just outside Latamneh on Friday.",
                 "Rebel fighters on Friday repelled a fierce ground offensive launched by regime forces on the "
                 "outskirts of Latamneh."):
        (r,) = reports(text)
        assert {r.actor1.kind, r.actor2.kind} == {"Rebel group", "State forces"}


def test_people_hurt_by_a_strike_told_with_no_word_for_who_are_civilians():
    (r,) = reports("Government jets bombed Kafr Nabl on Monday, causing injuries and heavy damage to homes.")
    assert r.actor2 is not None and r.actor2.kind == "Civilians"
    # (Told as no one hurt, the strike has no victims.)
    (r,) = reports("Government jets bombed Kafr Nabl on Monday. Neither injuries nor deaths were reported.")
    assert r.actor2 is None


def test_one_killed_man_of_a_side_makes_it_the_side_acted_on():
    (r,) = reports("An HTS fighter was killed by army shelling near Kafr Zita on Sunday.")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2.name == "HTS: Hayat Tahrir al Sham"


def test_a_side_that_only_tells_of_an_attack_by_another_is_no_side_of_it():
    (r,) = reports("Syrian troops said an attack by Islamic State hit the town of Mayadin on Monday.")
    assert r.actor1.name.startswith("Islamic State") and r.actor2 is None
