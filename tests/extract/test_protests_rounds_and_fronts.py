"""Sides ACLED's codebook fixes whatever the words around them: a peaceful protest has no actor2 (the side it is
against is its cause), a battle told "between A and its allies against B" is fought by A and B, and a strike whose
place a later round-up lists among those where people were hurt hit civilians."""
from __future__ import annotations

from tests.extract.test_actor_roles import reports

HOUTHIS = "Military Forces of Yemen (2016-) Supreme Political Council"


def test_a_peaceful_protest_against_a_side_has_no_actor2():
    for text in ("Hundreds marched in Qamishli on Friday in protest of the Turkish air raids on Afrin.",
                 "A rally took place in Kobani on Sunday, denouncing the regime offensive on Eastern Ghouta."):
        (r,) = reports(text, pack="syria")
        assert r.sub_event_type == "Peaceful protest"
        assert r.actor1.kind == "Protesters"
        assert r.actor2 is None, text


def test_a_battle_between_a_side_and_its_allies_against_another_is_fought_by_the_other():
    (r,) = reports("Heavy fighting raged on Tuesday between Syrian army units and their allied militias against HTS "
                   "around Tell Sultan.", pack="syria")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2 is not None and r.actor2.name == "HTS: Hayat Tahrir al Sham"
    # (Without "against" the side after "and" is the other side.)
    (r,) = reports("Heavy fighting raged on Tuesday between Syrian army units and HTS around Tell Sultan.", pack="syria")
    assert r.actor2 is not None and r.actor2.name == "HTS: Hayat Tahrir al Sham"


def test_a_side_against_whom_another_clause_tells_of_a_fight_is_not_this_battles():
    # (A later clause, a relative clause or "a day after" tells of another fight: its foe is not this one's.)
    for text, other in (("Clashes broke out between government forces and rebels near Daraa city on Monday, a day after "
                         "the rebels launched an offensive against HTS.", "Opposition Rebels (Syria)"),
                        ("Fighting between the army and Jaysh al-Islam, which also fights against HTS, killed four "
                         "fighters in Harasta on Monday.", "Jaysh al-Islam")):
        (r,) = reports(text, pack="syria")
        assert r.actor1.name == "Military Forces of Syria"
        assert r.actor2 is not None and r.actor2.name == other, text


def test_a_strike_on_a_place_a_round_up_lists_as_hurt_hit_civilians():
    text = ("Government helicopters hit Kafr Ain, a town in the south of Idleb, with barrel bombs on Wednesday. "
            "Raids on Ariha, Bsanqul, {} and Binnish resulted in {} and damage to homes, activists said.")
    r = reports(text.format("Kafr Ain", "injuries"), pack="syria")[0]
    assert r.location.name == "Kafr Ein"
    assert r.actor2 is not None and r.actor2.kind == "Civilians"
    # (A round-up of places that caused no injuries, or that does not list the place, says nothing of it.)
    for told in (text.format("Kafr Ain", "no injuries"), text.format("Taftanaz", "injuries")):
        r = reports(told, pack="syria")[0]
        assert r.location.name == "Kafr Ein"
        assert r.actor2 is None, told


def test_the_side_whose_stopped_offensive_it_was_is_the_other_side():
    for text in ("Houthi fighters claimed on Sunday to have defeated an offensive by government troops on a hilltop "
                 "east of Nihm.",
                 "Government troops foiled a large offensive attempted by Houthi militiamen on the town of Hays on "
                 "Sunday."):
        (r,) = reports(text, pack="yemen")
        names = {r.actor1.name, r.actor2.name if r.actor2 else None}
        assert names == {"Military Forces of Yemen (2012-)", HOUTHIS}, text


def test_a_civilian_thing_damaged_with_no_one_hurt_hit_no_civilians():
    for text in ("An air strike by the coalition destroyed a family home in the Baqim area on Thursday.",
                 "Coalition jets damaged civilians' properties near Sirwah on Friday; nobody was hurt."):
        (r,) = reports(text, pack="yemen")
        assert r.actor2 is None, text
    # (People killed there were civilians.)
    (r,) = reports("Two coalition air strikes hit a civilian farm in Sirwah district on Monday, killing a farmer and "
                   "his son.", pack="yemen")
    assert r.actor2 is not None and r.actor2.kind == "Civilians"


def test_a_side_whose_men_were_shot_dead_was_hit():
    for text in ("Two Hadi officers were shot dead by Houthi snipers near Nati on Tuesday.",
                 "A pro-Hadi commander was gunned down by Houthi militants in the town of Nati on Tuesday.",
                 "Two government soldiers were reportedly gunned down by Houthi militiamen in Ghail district."):
        (r,) = reports(text, pack="yemen")
        assert r.actor1.name == HOUTHIS
        assert r.actor2 is not None and r.actor2.name == "Military Forces of Yemen (2012-)", text


def test_a_sides_outlet_told_by_its_name_is_a_source_not_the_attacker():
    (r,) = reports("Houthi Saba news said that overnight air strikes had hit two villages in Nihm, damaging several "
                   "homes.", pack="yemen")
    assert r.actor1 is not None and r.actor1.name == "Operation Restoring Hope"


def test_forces_loyal_to_the_recognised_government_are_its_army():
    (r,) = reports("Fighters loyal to the internationally backed government ambushed a Houthi convoy near Baydha on "
                   "Sunday, killing 20 rebels.", pack="yemen")
    assert r.actor1 is not None and r.actor1.name == "Military Forces of Yemen (2012-)"
    assert r.actor2 is not None and r.actor2.name == HOUTHIS


def test_forces_loyal_to_another_president_are_not_the_governments_army():
    # (Saleh was a president too: "loyal to the president" alone does not tell whose army.)
    (r,) = reports("Forces loyal to President Saleh clashed with Houthi fighters in the city of Sanaa on Monday, "
                   "killing 12.", pack="yemen")
    assert r.actor1 is None or r.actor1.name != "Military Forces of Yemen (2012-)"
