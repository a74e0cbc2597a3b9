"""Who acted, told around sources, blame, claims, foiled attempts and backers (sentences written for these tests)."""
from __future__ import annotations

from tests.extract.test_actor_roles import reports


def test_a_side_whose_statement_tells_the_fight_is_its_source_not_a_side():
    (r,) = reports("Three rebel fighters died in clashes near Azaz on Monday, the Turkish army statement said.")
    assert r.actor1 is None or r.actor1.name != "Military Forces of Turkey"
    assert r.actor2 is None or r.actor2.name != "Military Forces of Turkey"


def test_a_group_claiming_the_bombings_by_their_kind_carried_them_out():
    r = reports("A suicide bomb attack hit a checkpoint in Hama on Sunday, killing 9 people. IS claimed the twin "
                "bombings on its news agency.")[0]
    assert r.sub_event_type == "Suicide bomb"
    assert r.actor1 is not None and r.actor1.name == "Islamic State (Syria)"


def test_the_side_blamed_after_the_event_word_carried_it_out():
    # (Its clause is another than the event word's: only the blame ties the side to the blasts.)
    (r,) = reports("Two car bombs killed 11 people in Jableh on Friday as crowds gathered at a market, officials "
                   "said, accusing terrorists of the blasts.")
    assert "actor1" in r.evidence and r.actor1.kind == "Rebel group"


def test_who_foiled_an_attempt_acted_not_who_tried():
    (r,) = reports("The army foiled an attempt by militants to detonate a truck bomb near Hama on Monday.")
    assert r.sub_event_type == "Disrupted weapons use"
    assert r.actor1 is not None and r.actor1.name == "Military Forces of Syria"


def test_every_backer_listed_is_an_associate():
    (r,) = reports("Hezbollah units backed by Iraqi and Iranian troops pushed Nusra Front militants out of the "
                   "town of Zabadani on Monday.")
    assert r.actor1 is not None and r.actor1.name == "Hezbollah"


def test_a_side_the_group_is_fighting_did_not_act():
    (r,) = reports("A suicide bombing on Tuesday killed the leader of Jaysh al-Islam, a group fighting "
                   "Syrian government forces near Douma.")
    assert r.actor1 is None or r.actor1.kind != "State forces"


def test_a_side_named_in_a_clause_after_but_did_not_act():
    (r,) = reports("Shells hit a school in Douma on Monday, killing four children, but the rebels kept their hold "
                   "on the town.")
    assert r.actor1 is None or r.actor1.kind != "Rebel group"


def test_a_toll_the_violence_claimed_is_no_claim_of_responsibility():
    from warwire.extract.reports import _CLAIMED
    assert _CLAIMED.search("the group claimed the double suicide attack on Friday")
    assert not _CLAIMED.search("the unrest claimed a dozen lives in attacks on Friday")


def test_a_backer_is_listed_with_and_not_with_a_comma():
    from warwire.extract.actors import _BACKING
    assert _BACKING.search("rebels backed by Iraqi and Iranian ")
    # (After a comma the next side is the sentence's own: "backed by Turkey, Kurdish fighters said".)
    assert not _BACKING.search("rebels backed by Turkey, ")
