"""Who the other side was when the text says it in passing or not at all: the loser of retaken ground (told, else
the war's pack names it), a second attacker, the holder of a place, the foe of a strike on a military target, a side
killed by a quoted count."""
from __future__ import annotations

from tests.extract.test_actor_roles import reports

HOUTHIS = "Military Forces of Yemen (2016-) Supreme Political Council"


def test_a_retaken_village_whose_holder_is_untold_was_the_rebels():
    (r,) = reports("Army troops recaptured the hamlet of Tal Sultan on Monday; no casualties were reported.",
                   pack="syria")
    assert r.sub_event_type == "Government regains territory"
    assert r.actor2 is not None and r.actor2.name == "Opposition Rebels (Syria)"
    # (The holder the text names comes first.)
    (r,) = reports("Army troops recaptured the hamlet of Tal Sultan from Islamic State fighters on Monday.",
                   pack="syria")
    assert r.actor2 is not None and r.actor2.name == "Islamic State (Syria)"


def test_in_yemen_the_government_retakes_ground_from_the_houthis():
    (r,) = reports("Government soldiers seized a hill in Nihm district on Friday, officers said.", pack="yemen")
    assert r.sub_event_type == "Government regains territory"
    assert r.actor2 is not None and r.actor2.name == "Military Forces of Yemen (2016-) Supreme Political Council"


def test_a_side_is_never_the_loser_of_its_own_gain():
    (r,) = reports("Houthi forces recaptured a hill in Nihm district on Friday, their media said.", pack="yemen")
    assert r.actor1.name == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert r.actor2 is not None and r.actor2.name == "Military Forces of Yemen (2012-)"



def test_a_side_joined_by_as_with_its_own_strike_is_not_actor2():
    (r,) = reports("Army troops shelled the village of Kafr Nabl on Monday as Russian jets carried out several raids "
                   "on it. No casualties were reported.", pack="syria")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2 is None or r.actor2.name != "Military Forces of Russia"
    # (A side after "and" with no strike of its own is still the target.)
    (r,) = reports("Army troops shelled the village of Kafr Nabl and rebel positions near it on Monday.", pack="syria")
    assert r.actor2 is not None and r.actor2.kind == "Rebel group"


def test_a_side_joined_by_and_with_its_own_strike_is_not_actor2():
    (r,) = reports("Russian jets bombed the town of Saraqib and loyalist militias fired rockets at its outskirts, "
                   "causing damage.", pack="syria")
    assert r.actor2 is None or r.actor2.kind != "Political militia"



def test_the_side_a_place_is_under_the_control_of_is_not_the_target():
    (r,) = reports("Turkish artillery shelled the town of Tal Rifaat, which is under SDF control, on Monday.",
                   pack="syria")
    assert r.actor1.name == "Military Forces of Turkey"
    assert r.actor2 is None
    (r,) = reports("Jets struck two villages under the full control of the rebels near Saraqib on Monday.",
                   pack="syria")
    assert r.actor1 is None or r.actor1.kind != "Rebel group"
    # (Its positions struck are the target.)
    (r,) = reports("Turkish artillery shelled SDF positions near the town of Tal Rifaat on Monday.", pack="syria")
    assert r.actor2 is not None and r.actor2.name == "QSD: Syrian Democratic Forces"



def test_coalition_strikes_on_a_military_site_hit_the_houthis():
    (r,) = reports("Saudi-led coalition warplanes bombed a military camp near Sirwah on Tuesday.", pack="yemen")
    assert r.actor1.name == "Operation Restoring Hope"
    assert r.actor2 is not None and r.actor2.name == HOUTHIS
    (r,) = reports("Coalition air strikes targeted forces in the district of Nihm on Tuesday.", pack="yemen")
    assert r.actor2 is not None and r.actor2.name == HOUTHIS
    # (A strike on a market or a home hit no side's military.)
    (r,) = reports("Saudi-led coalition warplanes bombed a market near Sirwah on Tuesday.", pack="yemen")
    assert r.actor2 is None or r.actor2.name != HOUTHIS



def test_a_side_killed_by_a_quoted_count_was_acted_on():
    (r,) = reports('Houthi units claim they killed "dozens" of pro-Hadi militiamen near Sirwah with artillery fire.',
                   pack="yemen")
    assert r.actor1.name == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert r.actor2 is not None and r.actor2.name == "Military Forces of Yemen (2012-)"
