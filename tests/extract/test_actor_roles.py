"""Who acted: actor roles on sentences written for these tests."""
from __future__ import annotations

from warwire.extract import extract_article
from warwire.knowledge import packs
from warwire.model import Article


def reports(text, published="2018-03-07", title=None, pack=None):
    """The reports of a text, read with the war's ``pack`` when one is named (else the one the text chooses)."""
    article = Article(text=text, published=published, title=title)
    if pack is None:
        return extract_article(article)
    with packs.using(pack):
        return extract_article(article)


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


def test_the_side_whose_members_were_killed_was_acted_on():
    (r,) = reports("Near Nawa on Sunday a pickup struck a mine and its eight rebel fighters were killed.")
    assert r.actor1 is None or r.actor1.kind != "Rebel group"
    assert r.actor2 is not None and r.actor2.name == "Opposition Rebels (Syria)"
    (r,) = reports("A wave of air raids around Tabqa killed 17 members of the Islamic State group on Sunday, a monitor "
                  "reported.")
    assert r.actor1 is None or r.actor1.name != "Islamic State (Syria)"


def test_a_headline_side_told_as_the_dead_did_not_act():
    (r,) = reports("Jaish al-Islam leader killed by sniper fire in Harasta")
    assert r.actor1 is None or r.actor1.name != "Jaysh al-Islam"
    # With an object after it, the same words tell who killed.
    (r,) = reports("IS gunmen killed 9 border guards at an outpost east of Sukhnah on Sunday.")
    assert r.actor1.name == "Islamic State (Syria)"


def test_the_side_the_dead_fought_acted():
    (r,) = reports("On Thursday, five rebels were killed in a battle with regime forces around Kafr Zita.")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2.name == "Opposition Rebels (Syria)"
    # Told from the other side, who fought and who died do not change who acted.
    (r,) = reports("Regime forces battled rebels around Kafr Zita on Thursday and killed five of them.")
    assert r.actor1.name == "Military Forces of Syria"


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


def test_a_kind_of_group_before_its_name_is_that_group():
    from warwire.extract.actors import find_actors

    text = ("A bomb planted under his car killed a field commander of the Islamist faction Ahrar al-Sham in Sarmada "
            "on Sunday.")
    assert [(text[m.start:m.end], m.name) for m in find_actors(text)] == [
        ("Islamist faction Ahrar al-Sham", "AAS: Ahrar al Sham")]
    (r,) = reports(text)
    assert r.actor1 is None or r.actor1.kind != "Rebel group"


def test_the_terrorists_of_an_article_are_the_group_it_names_so_nearby():
    # Named as attackers in a later sentence that tells no other place: the same event.
    (r,) = reports("Mortar fire by terrorists hit a bakery in Mhardeh on Friday, leaving two women dead. Residents "
                   "blamed Nusra Front terrorists, who hold hills west of the town.")
    assert r.actor1.name == "Jabhat al-Nusra"
    (r,) = reports("On Thursday a farmer died in Salamiyah after terrorists lobbed mortar rounds at the eastern quarter; "
                   "police said Nusra terrorists had moved launchers to the edge of the quarter overnight.")
    assert r.actor1.name == "Jabhat al-Nusra"
    (r,) = reports("Terrorists from Jaish al-Fateh lobbed mortar rounds into a school yard in Kafraya on Sunday, "
                   "killing two pupils.")
    assert r.actor1.name == "JaF: Army of Conquest"
    # Unidentified gunmen stay unidentified, whoever else the text names.
    (r, *_) = reports("Two shepherds were shot dead by gunmen outside Inkhil on Friday; elsewhere in Daraa, IS fighters "
                      "and Nusra terrorists fought each other.")
    assert r.actor1.name.startswith("Unidentified Armed Group")


def test_a_group_named_as_the_dead_or_in_another_place_is_not_who_the_terrorists_were():
    # Named only as the dead of another event in another governorate.
    rs = reports("Army units killed scores of ISIL terrorists in the countryside of Deir Ezzor on Monday, a military "
                 "source said. In Aleppo, terrorists fired mortar shells on residential neighborhoods, killing three "
                 "civilians.")
    (r,) = [r for r in rs if r.location is not None and r.location.admin1 == "Aleppo"]
    assert r.actor1.name.startswith("Unidentified Armed Group")
    # Named as attackers, but of another event in another governorate.
    rs = reports("Terrorists fired rocket shells on the city of Mhardeh on Monday, killing two civilians, state media "
                 "said. Meanwhile, the army repelled an attack by Jaish al-Islam terrorists on positions near Douma.")
    (r,) = [r for r in rs if r.location is not None and r.location.admin1 == "Hama"]
    assert r.actor1.name.startswith("Unidentified Armed Group")


def test_sides_listed_with_the_dead_and_a_side_naming_its_facility_did_not_act():
    (r,) = reports('A field officer said 27 gunmen of the "Islamic State" and "al-Nusra Front" groups were killed on '
                   "Sunday as the army advanced on Mayadin.")
    assert r.actor1.name == "Military Forces of Syria"
    (r,) = reports("Two ISIS fuel depots outside Bukamal were flattened by Russian bombers on Sunday and 12 militants "
                   "died.")
    assert r.actor1.name == "Military Forces of Russia"



def test_a_side_that_destroyed_what_another_holds_acted():
    # A verb between a side and a facility: the side struck it ("jets bombed fuel depots"), it does not hold it.
    (r,) = reports("Near Hodeidah on Wednesday, coalition jets bombed two fuel depots of the Houthis.")
    assert r.actor1.name == "Operation Restoring Hope"
    (r,) = reports("Army units hit weapons depots of IS fighters near Palmyra on Monday.")
    assert r.actor1.name == "Military Forces of Syria"


def test_a_side_after_an_encircling_or_capturing_verb_is_acted_on():
    (r,) = reports("Houthi fighters surrounded government soldiers on a ridge west of Marib on Saturday and shelled "
                   "them for hours.")
    assert r.actor1.name == "Military Forces of Yemen (2016-) Supreme Political Council"


def test_the_dead_told_with_an_adverb_did_not_act():
    (r,) = reports("The soldiers were brutally executed near Tabqa, a monitor said on Monday.")
    assert r.actor1 is None or r.actor1.name != "Military Forces of Syria"


def test_a_sides_outlets_that_tell_of_a_strike_did_not_strike():
    (r,) = reports("Houthi television said on Saturday that artillery fire had hit a market in Saada, killing two "
                   "children.")
    assert r.actor1 is None or not r.actor1.name.startswith("Military Forces of Yemen (2016-)")
    # A side's sources telling of its own act still name it.
    (r,) = reports("Army sources said they had retaken Khanasir from IS on Friday.")
    assert r.actor1.name == "Military Forces of Syria"


def test_the_members_and_backers_of_a_side_are_not_who_acted():
    (r,) = reports("The coalition's ground force, made up of Security Belt units and Salafist fighters, attacked Houthi "
                   "positions north of Mocha on Wednesday.")
    assert r.actor1.name == "Operation Restoring Hope"
    (r,) = reports("Helped by Hezbollah fighters and Russian aircraft, regime troops stormed Qaryatayn on Monday.")
    assert r.actor1.name == "Military Forces of Syria"


def test_a_side_that_died_or_owned_what_was_hit_did_not_act():
    (r,) = reports("Three Nour al-Din al-Zinki fighters died on Saturday when a car bomb went off outside their office "
                   "in Atarib.")
    assert r.actor1 is None or r.actor1.name != "HNDZ: Nour al-Din al-Zinki Movement"
    (r,) = reports("On Monday army units blew up a tunnel dug and used by the insurgents in Harasta.")
    assert r.actor1.name == "Military Forces of Syria"


def test_the_side_whose_push_took_a_place_told_passively_took_it():
    (r,) = reports("The district centre of Hays was captured on Thursday as government troops entered from the south.")
    assert r.actor1.name == "Military Forces of Yemen (2012-)"


def test_a_name_and_its_short_form_are_one_side_counted_among_the_dead():
    (r,) = reports("US-led air strikes near Raqqa killed 14 Islamic State (IS) fighters on Monday.")
    assert r.actor1.name == "Operation Inherent Resolve"


def test_who_took_a_place_before_is_not_who_attacked_it():
    from warwire.extract.actors import assign_roles, find_actors
    from warwire.knowledge import packs

    with packs.using("yemen"):
        text = "Khokha, a port seized by government forces in December, was shelled on Saturday by Houthi fighters."
        actor1, _ = assign_roles(find_actors(text), text, text.index("shelled"), 0, len(text))
        assert actor1 is not None and actor1.name == "Houthi forces"
        text = "Shells fell on Khokha, a port seized by government forces in December, wounding three fishermen."
        actor1, _ = assign_roles(find_actors(text), text, text.index("Shells"), 0, len(text))
        assert actor1 is None
    # When the taking is the event told, its by-phrase names who took it.
    (r,) = reports("On Friday the hill town of Kirsh was recaptured by Houthi fighters.")
    assert r.actor1.name == "Military Forces of Yemen (2016-) Supreme Political Council"


def test_a_side_the_dead_are_told_to_include_did_not_act():
    (r,) = reports("A car bomb went off at a checkpoint on the edge of Aden on Saturday. Among the dead were four "
                   "Security Belt soldiers, a medic said.")
    assert r.actor1 is None or r.actor1.name != "Military Forces of Yemen (2012-) Security Belt Forces"


def test_the_side_after_a_backers_aside_is_the_other_side():
    (r,) = reports("Fighting broke out on Monday near Hays between Houthi fighters, helped by tribal gunmen, and "
                   "government troops.")
    assert r.actor1.name == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert r.actor2 is not None and r.actor2.name == "Military Forces of Yemen (2012-)"


def test_acleds_short_form_of_the_free_syrian_army_names_it():
    (r,) = reports("JSH fighters shelled positions of the QSD near Tal Rifaat on Monday.")
    assert r.actor1.name == "JSH: Free Syrian Army"


def _named(text: str) -> list[str]:
    from warwire.extract.actors import find_actors
    from warwire.knowledge import packs
    with packs.using(packs.resolve("syria", text)):
        return [text[m.start:m.end] for m in find_actors(text)]


def test_the_sides_a_page_lists_as_topic_tags_are_not_actors():
    text = ("Tags Syria Idlib Jaish al-Islam regime forces airstrikes Warplanes struck a market in the town of "
            "Ariha on Monday, killing nine people.")
    named = _named(text)
    assert not any("Jaish" in n or "regime" in n for n in named)
    assert any("Jaish" in n for n in _named(text.replace("Tags ", "Shells from ")))


def test_a_side_that_opens_the_sentence_after_the_tags_is_kept():
    text = "Tags Syria Hama airstrikes Islamic State fighters attacked a checkpoint near the town on Monday."
    assert _named(text) == ["Islamic State fighters"]


def test_a_side_named_with_its_apostrophe_stripped_is_found():
    # Some corpora strip apostrophes: "the Syrian armys air force" is the Syrian army's.
    from warwire.extract.actors import find_actors

    text = "The Syrian armys air force struck Islamic State positions near Palmyra on Monday."
    assert [a.kind for a in find_actors(text)][:1] == ["State forces"]
    report = extract_article(Article(text=text, published="2018-03-07"))[0]
    assert report.actor1 is not None and report.actor1.kind == "State forces"


def test_a_countrys_own_army_is_that_country_s_forces():
    # "Turkey's army" is Turkey's, not the war's state army a bare "army" names; so is "Turkeys army" in a text whose
    # apostrophes were stripped, and "Russias military said ... bombers": the country's own forces struck.
    for text in ("Turkey's army shelled Kurdish positions near Afrin on Friday, killing four fighters.",
                 "Turkeys army shelled Kurdish positions near Afrin on Friday, killing four fighters."):
        (r,) = reports(text)
        assert r.actor1.name == "Military Forces of Turkey"
    (r,) = reports("Russias military said its bombers carried out strikes near Palmyra on Friday, killing 30 militants.")
    assert r.actor1.name == "Military Forces of Russia"
    # Only before its forces: the country's news agency told the toll, it struck nothing.
    rs = reports("Air strikes on two villages near Manbij left 40 civilians dead on Friday. Turkeys official news "
                 "agency put the toll at 40.")
    assert all(r.actor1 is None or r.actor1.name != "Military Forces of Turkey" for r in rs)
    # A country's name that is a place is not its forces: "fled to Turkey" before "the army shelled".
    (r,) = reports("Families fled to Turkey after the army shelled the village of Kafr Nabl on Friday, killing four.")
    assert r.actor1.kind == "State forces" and r.actor1.name == "Military Forces of Syria"


def test_a_battle_told_without_a_side_is_fought_by_the_side_told_before_it():
    # ACLED codes a battle's sides; a story that goes on to "fierce clashes" elsewhere goes on with the side it told.
    rs = reports("Rebel fighters stormed an army post in Morek on Sunday, killing 12 soldiers. Further north, fierce "
                 "clashes broke out on Monday in the village of Kafr Nabl, leaving 20 dead.")
    (later,) = [r for r in rs if r.location and r.location.name == "Kafr Nobol"]
    assert later.sub_event_type == "Armed clash" and later.actor1 is not None
    assert later.actor1.kind == "Rebel group"
    # Told alone, the battle keeps no side.
    (alone,) = reports("Fierce clashes broke out on Monday in the village of Kafr Nabl, leaving 20 dead.")
    assert alone.actor1 is None


def test_a_battle_takes_no_side_told_far_off_or_in_another_area():
    # The side carries only to a battle told a few sentences on in the same area: a round-up's later paragraph, or
    # its next front, is often another side's fight.
    story = "Rebel fighters stormed an army post in Morek on Sunday, killing 12 soldiers. "
    later = "Fierce clashes broke out on Monday in the village of Kafr Nabl, leaving 20 dead."
    aside = ("Aid groups asked for a pause in the fighting. The roads to the north were closed. Prices rose in the "
             "markets. Schools shut for the week. Many families stayed at home. ")
    rs = reports(story + aside + later)
    (far,) = [r for r in rs if r.location and r.location.name == "Kafr Nobol"]
    assert far.sub_event_type == "Armed clash" and far.actor1 is None
    rs = reports(story + "Fierce clashes broke out on Monday in the city of Qamishli, leaving 20 dead.")
    (elsewhere,) = [r for r in rs if r.sub_event_type == "Armed clash" and r.location
                    and r.location.admin1 == "Al-Hasakeh"]
    assert elsewhere.actor1 is None


def test_a_side_named_as_another_sides_allies_is_its_associate():
    # "X and their Y allies", "X and their allies from Y": X acted, Y fought beside it (ACLED's associated actor).
    (r,) = reports("Turkish troops and their Hamza Division allies bombarded the hamlet of Bulbul on Friday, killing "
                   "two YPG fighters.")
    assert r.actor1.name == "Military Forces of Turkey" and r.actor2.name == "YPG: People's Protection Units"
    (r,) = reports("Turkish troops and their allies from the Hamza Division bombarded the hamlet of Bulbul on Friday.")
    assert r.actor1.name == "Military Forces of Turkey"


def test_sides_listed_with_the_actor_acted_with_it():
    # "The army and its allied militia shelled X, killing three rebels": the first of the list acted; the others
    # listed with it are on its side, never the side acted on.
    (r,) = reports("The army and its allied militia bombarded the town of Kafr Nabl on Friday, killing three rebels.")
    assert r.actor1.kind == "State forces" and r.actor2 is not None and r.actor2.kind == "Rebel group"


def test_a_word_for_rebels_of_a_named_group_is_that_group():
    # "The rebel brigades of Jaysh al-Islam fired on X": the named group fired; "Turkish troops and the rebel brigades
    # of the Hamza Division" is a list whose first side acted.
    (r,) = reports("The rebel brigades of Jaysh al-Islam fired mortars at army posts near Douma on Friday.")
    assert r.actor1.name == "Jaysh al-Islam" and r.actor2.kind == "State forces"
    (r,) = reports("Turkish troops and the rebel brigades of the Hamza Division bombarded the hamlet of Menagh on "
                   "Friday.")
    assert r.actor1.name == "Military Forces of Turkey"


def test_a_side_told_among_the_dead_did_not_act():
    # "two rebel fighters were among the victims": the side is counted among the dead, never the attacker.
    (r,) = reports("Jets struck Talbiseh on Friday, killing 12 people, and the monitor said that two rebel fighters "
                   "were among the victims.")
    assert r.actor1 is None or r.actor1.kind != "Rebel group"


def test_a_side_told_as_hit_by_a_passive_verb_was_acted_on():
    # With no attacker told, the hit side is actor2 and actor1 the unnamed default.
    (r,) = reports("The Free Syrian Army's positions outside Nawa were shelled on Tuesday.")
    assert r.actor1 is None or r.actor1.kind != "Rebel group"
    assert r.actor2 is not None and r.actor2.name == "JSH: Free Syrian Army"
    (r,) = reports("On Monday a Russian attack helicopter was shot down over Khan Sheikhoun, killing its crew.")
    assert r.actor1 is None or r.actor1.name != "Military Forces of Russia"
    assert r.actor2 is not None and r.actor2.name == "Military Forces of Russia"


def test_a_side_told_as_hit_leaves_actor1_to_the_side_told_acting():
    (r,) = reports("Hezbollah fighters came under fire from rebels east of Qusayr late on Monday.")
    assert r.actor1.name == "Opposition Rebels (Syria)"
    assert r.actor2.name == "Hezbollah"
    (r,) = reports("Kurdish YPG posts near Afrin were pounded by Turkish guns on Sunday.")
    assert r.actor1.name == "Military Forces of Turkey"
    assert r.actor2.name == "YPG: People's Protection Units"


def test_the_side_that_suffered_losses_did_not_act():
    (r,) = reports("An attack helicopter was shot down over Khan Sheikhoun on Monday, killing both pilots, the biggest loss "
                   "suffered by Russian forces in a year.")
    assert r.actor1 is None or r.actor1.name != "Military Forces of Russia"
    assert r.actor2 is not None and r.actor2.name == "Military Forces of Russia"


def test_a_side_that_lost_fighters_in_a_battle_did_not_act():
    (r,) = reports("The Free Syrian Army lost nine fighters on Friday during battles against Hayat Tahrir al-Sham "
                   "near Atareb.")
    assert r.actor1.name == "HTS: Hayat Tahrir al Sham"
    assert r.actor2.name == "JSH: Free Syrian Army"


def test_a_speaker_before_another_side_s_hit_positions_was_not_hit():
    from warwire.extract.actors import find_actors, hit_side
    text = "Rebels said army positions were shelled overnight."
    (rebels,) = [m for m in find_actors(text) if text[m.start:m.end] == "Rebels"]
    assert not hit_side(text, rebels)
