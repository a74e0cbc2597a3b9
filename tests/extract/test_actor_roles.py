"""Who acted: actor roles on sentences written for these tests."""
from __future__ import annotations

from warwire.extract import extract_article
from warwire.model import Article


def reports(text, published="2018-03-07", title=None):
    return extract_article(Article(text=text, published=published, title=title))


def test_a_side_naming_the_place_it_holds_did_not_act():
    (r,) = reports("Barrel bombs killed 7 civilians in the IS town of Maskana on Tuesday.")
    assert r.actor1 is None or r.actor1.name != "Islamic State (Syria)"
    (r,) = reports("Air strikes hit the rebel stronghold of Douma on Tuesday.")
    assert r.actor1 is None or r.actor1.kind != "Rebel group"


def test_a_side_holding_a_place_as_a_verb_still_acts():
    (r,) = reports("The Syrian army controlled a hill near Salamiyah on Sunday after a day of fighting with IS.")
    assert r.actor1.name == "Military Forces of Syria"


def test_a_leaders_air_force_without_its_apostrophe_is_his_state():
    (r,) = reports("Assads air force bombed the market of Douma on Tuesday killing 9 people.")
    assert r.actor1.name == "Military Forces of Syria"


def test_a_side_counted_among_the_dead_did_not_act():
    first = reports("40 militants killed. Army helicopters struck a convoy near Palmyra on Monday.")[0]
    assert first.actor1 is None or first.actor1.kind != "Rebel group"
    # A date before the side is no count: the side still acted.
    (r,) = reports("12-03-2018 IS kills 20 rebels near Deir Ezzor.", title=None)
    assert r.actor1.name == "Islamic State (Syria)"


def test_who_condemns_or_blames_did_not_act_and_who_is_blamed_did():
    (r,) = reports("Rebels condemned the air strike on Douma on Tuesday that killed 30 civilians.")
    assert r.actor1.kind == "State forces"  # an air strike nobody names: the government's
    (r,) = reports("The opposition blamed the regime for the attack on Khan Sheikhoun on Tuesday that killed 80 people.")
    assert r.actor1.name == "Military Forces of Syria"
    (r,) = reports("Rebels shelled Douma on Tuesday killing 3 civilians.")
    assert r.actor1.kind == "Rebel group"


def test_a_side_named_to_describe_people_or_a_place_is_no_side():
    (r,) = reports("A car bomb killed ten people in Zahraa on Tuesday, a district of Alawites, the sect of President "
                   "Bashar al-Assad.")
    assert r.actor1 is None or r.actor1.kind != "State forces"
    (r,) = reports("Forces loyal to President Bashar al-Assad shelled Douma on Tuesday killing two people.")
    assert r.actor1.kind == "State forces"


def test_supporters_or_relatives_of_a_side_act_as_that_side():
    (r,) = reports("Heavily armed supporters of the Houthis attacked a clinic in Taiz on Monday and kidnapped three "
                   "nurses.", published="2018-03-08")
    assert r.actor1.name.startswith("Military Forces of Yemen")
    (r,) = reports("Relatives of the rebels shelled a village near Hama on Monday, killing two civilians.",
                   published="2018-03-08")
    assert r.actor1.name == "Opposition Rebels (Syria)"


def test_who_storms_a_base_post_or_convoy_acted_and_its_owner_was_acted_on():
    # The army, police or gendarmes naming the base, post or convoy own the target: they are actor2.
    for text, attacker in [
        ("Al-Shabaab fighters stormed an army base near Baidoa in Somalia on Monday, killing nine soldiers.",
         "Rebel group"),
        ("Jihadists overran a military post near Djibo in northern Burkina Faso on Sunday, killing 20 soldiers.",
         "Rebel group"),
        ("Rebel fighters raided an army camp outside Goma in eastern Congo on Tuesday and killed five soldiers.",
         "Rebel group"),
        ("Al-Shabaab militants ambushed an army convoy near Kismayo in Somalia on Friday, killing six soldiers.",
         "Rebel group"),
    ]:
        (r,) = [r for r in reports(text, "2024-05-10") if r.primary]
        assert r.actor1.kind == attacker, text
        assert r.actor2 is not None and r.actor2.kind == "State forces", text


def test_an_army_that_attacks_a_rebel_base_still_acts():
    (r,) = [r for r in reports("Somali troops stormed an al-Shabaab base near Jilib in Somalia on Monday, killing "
                               "eleven militants.", "2024-05-10") if r.primary]
    assert r.actor1.kind == "State forces"
