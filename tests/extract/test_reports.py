"""Report assembly on short texts written for these tests."""
from __future__ import annotations

from warwire.extract import extract_article, extract_batch
from warwire.model import Article


def reports(text, published="2018-03-07", title=None):
    return extract_article(Article(text=text, published=published, title=title))


def test_passive_voice_by_phrase_names_actor1():
    (r,) = reports("The town of Saraqeb was hit by Russian warplanes on Tuesday.")
    assert r.actor1.name == "Military Forces of Russia"
    assert r.date == "2018-03-06"


def test_object_of_the_strike_is_actor2():
    (r,) = reports("Regime forces shelled rebel positions in Harasta.")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2.kind == "Rebel group"
    assert r.actor2.name == "Opposition Rebels (Syria)"


def test_civilian_victims_make_civilians_actor2():
    (r,) = reports("Government warplanes killed 9 civilians in Douma.")
    assert r.actor2.name == "Civilians (Syria)"
    assert r.victims.civilians == 9


def test_two_events_in_one_sentence():
    text = "Air strikes hit Douma on Monday while clashes raged in Harasta."
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Air/drone strike", "Armed clash"]
    assert [text[slice(*r.evidence["location"])] for r in rs] == ["Douma", "Harasta"]
    assert [r.primary for r in rs] == [True, False]


def test_toll_sentence_belongs_to_the_strike_before_it():
    rs = reports("Warplanes struck Saraqeb on Monday. At least 12 people were killed, a monitor said.")
    assert len(rs) == 1
    r = rs[0]
    assert r.sub_event_type == "Air/drone strike"
    assert r.fatalities.best == 12 and r.fatalities.qualifier == "at_least"
    assert r.claimed_by.name == "unnamed monitor"


def test_cumulative_toll_is_no_report_and_not_the_events_toll():
    rs = reports("Warplanes struck Saraqeb on Monday, killing 4 people. "
                 "More than 500 people have been killed since the offensive began.")
    assert len(rs) == 1
    assert rs[0].primary and rs[0].fatalities.best == 4


def test_background_sentence_makes_no_report():
    rs = reports("Rebels agreed to leave the town on Friday. "
                 "The terms echo previous deals in which fighters were bused north after air strikes in 2016.")
    assert [r.sub_event_type for r in rs] == ["Agreement"]


def test_countryside_gives_a_province_precision():
    (r,) = reports("Regime forces shelled villages in the southern Idlib countryside.")
    assert r.location is not None
    assert r.location.geo_precision == 3


def test_other_source_account_is_a_second_report():
    rs = reports("Warplanes killed 12 civilians in Kafranbel, the Syrian Observatory for Human Rights said. "
                 "State news agency SANA said army units had targeted terrorist positions near the town.")
    assert [r.claimed_by.name for r in rs] == ["Syrian Observatory for Human Rights", "SANA"]
    assert rs[1].sub_event_type == "Air/drone strike"
    assert rs[1].location.name == rs[0].location.name and rs[1].location.geo_precision == 2


def test_title_picks_the_primary_report():
    rs = reports("Rebels shelled Aleppo on Monday. Later, a car bomb exploded in Azaz, killing 8.",
                 title="Car bomb kills 8 in northern Syria")
    primary = [r for r in rs if r.primary]
    assert len(primary) == 1 and primary[0].sub_event_type == "Remote explosive/landmine/IED"


def test_batch_equals_one_by_one():
    texts = ["Regime forces shelled Harasta.", "Nothing happened.", "A car bomb exploded in Azaz, killing 8."]
    arts = [Article(text=t, published="2018-03-07") for t in texts]
    assert [[r.to_dict() for r in rs] for rs in extract_batch(arts, batch_size=2)] == \
        [[r.to_dict() for r in extract_article(a)] for a in arts]


def test_town_named_as_a_road_end_is_not_the_place():
    text = "Regime forces clashed with rebels along the Damascus-Aleppo highway near Saraqeb."
    (r,) = reports(text)
    assert text[slice(*r.evidence["location"])] == "Saraqeb"


def test_one_bombardment_told_in_two_clauses_is_one_report():
    rs = reports("Army artillery fired while Syrian or Russian jets struck the town of "
                 "Kafr Batna, which left six civilians dead.")
    assert len(rs) == 1
    assert rs[0].event_type == "Explosions/Remote violence" and rs[0].fatalities.best == 6


def test_place_inside_a_group_name_is_not_the_place():
    text = "Members of the Free Idlib Army battled Hayat Tahrir al-Sham inside Saraqeb."
    (r,) = reports(text)
    assert text[slice(*r.evidence["location"])] == "Saraqeb"


def test_headline_names_the_actor_the_lead_sentence_leaves_out():
    text = "Air strikes killed 15 civilians in Raqqa on Monday. The US military said it was looking into the reports."
    rs = reports(text, title="US jets kill 15 civilians in Syria")
    lead = next(r for r in rs if r.primary)
    assert lead.actor1.name == "Military Forces of the United States"
    assert text[slice(*lead.evidence["actor1"])] == "US military"


def test_shells_of_untold_origin_are_an_unidentified_armed_group():
    (r,) = reports("Two mortar shells fell on the Bab Touma district of Damascus, injuring four people.")
    assert r.sub_event_type == "Shelling/artillery/missile attack"
    assert (r.actor1.name, r.actor1.kind) == ("Unidentified Armed Group (Syria)", "Political militia")


def test_unnamed_bomber_is_a_political_militia_and_unnamed_warplanes_the_army():
    (bomb,) = reports("A car bomb exploded near a market in Azaz, killing three people.")
    assert (bomb.actor1.name, bomb.actor1.kind) == ("Unidentified Armed Group (Syria)", "Political militia")
    (strike,) = reports("Warplanes struck the village of Kafr Nabl on Sunday.")
    assert strike.actor1.name == "Military Forces of Syria"


def test_side_named_before_the_event_word_acted_and_holders_did_not():
    (r,) = reports("Nine civilians died in regime barrel bomb strikes on Tadef, a town held by the "
                   "militants.")
    assert r.actor1.name == "Military Forces of Syria"


def test_between_of_another_clause_names_no_actor1():
    (r,) = reports("Air strikes killed 14 civilians in Maskanah on Monday as the battle raged between the "
                   "jihadists and Kurdish fighters.")
    assert r.actor1 is None or r.actor1.name not in ("Islamic State (Syria)", "Unidentified Armed Group (Syria)")


def test_fighting_fled_is_the_setting_not_the_event():
    (r,) = reports("A Russian air strike killed 21 civilians as they fled the fighting near Mayadin.")
    assert r.sub_event_type == "Air/drone strike"
    assert r.actor1.name == "Military Forces of Russia"


def test_toll_of_the_whole_war_makes_no_report():
    rs = reports("Warplanes struck Saraqeb on Monday, killing 4 people. More than 350,000 people have been "
                 "killed since the conflict began in 2011 with protests.")
    assert len(rs) == 1 and rs[0].fatalities.best == 4


def test_short_dispatch_gives_its_toll_to_its_lead_event():
    rs = reports("Regime forces clashed with rebels near Kafr Nabuda. The rebels seized weapons and killed "
                 "four soldiers.")
    lead = next(r for r in rs if r.primary)
    assert lead.sub_event_type == "Armed clash" and lead.fatalities.best == 4


def test_shared_toll_of_a_coded_note():
    (r,) = [r for r in reports("Shelling on Saqba and Hamouriya killed 8 civilians. Fatalities split "
                               "between the 2 locations.") if r.primary]
    assert r.fatalities.best == 4


def test_group_that_claimed_the_bombing_carried_it_out():
    (r,) = reports("A car bomb killed 12 people in Azaz on Monday. The Islamic State group claimed responsibility "
                   "in a statement.")
    assert r.actor1.name == "Islamic State (Syria)"
    (r,) = reports("A car bomb killed 12 people in Azaz on Monday. No group has claimed responsibility.")
    assert r.actor1.kind == "Political militia"


def test_subject_acted_when_the_event_word_sits_in_a_phrase_after_the_verb():
    (r,) = reports("The Syrian Arab Air Force has killed more than 100 gunmen of the extremist faction in "
                   "several raids in Hama.")
    assert r.actor1.name == "Military Forces of Syria" and r.fatalities.best == 100


def test_force_fighting_alongside_is_an_associate():
    (r,) = reports("The Syrian Army alongside a local militia has killed some 70 jihadist fighters east "
                   "of Palmyra.")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.fatalities.best == 70 and r.fatalities.qualifier == "about"


def test_general_toll_takes_the_weapon_told_in_the_next_sentence():
    text = ("Seven people were killed in terrorist attacks on Aleppo on Friday. Six civilians were killed by rocket "
            "shells fired on the al-Midan neighborhood.")
    lead = next(r for r in reports(text) if r.primary)
    assert lead.sub_event_type == "Shelling/artillery/missile attack" and lead.fatalities.best == 7
    assert text[slice(*lead.evidence["sub_event_type"])] == "rocket shells"


def test_a_battle_toll_does_not_take_a_later_strike():
    rs = reports("Clashes raged in Harasta, killing 12 fighters. Warplanes struck Douma, killing 3 civilians.")
    assert [r.sub_event_type for r in rs] == ["Armed clash", "Air/drone strike"]


def primary(text):
    return next(r for r in reports(text) if r.primary)


def test_quarter_of_a_city_is_coded_at_the_quarter():
    """ACLED codes the quarter ("Aleppo - Salheen"), at its point in the city."""
    r = primary("Rebel shells hit the Salheen neighbourhood of Aleppo, wounding four people.")
    assert r.location.name == "Salheen" and r.location.admin1 == "Aleppo"
    assert abs(r.location.lat - 36.20) < 0.08 and abs(r.location.lon - 37.16) < 0.08


def test_a_quarter_is_a_place_the_gazetteer_lists_as_a_neighbourhood_not_any_place_near_the_city():
    from warwire.extract.locations import quarter_of
    from warwire.model import Location

    city = Location(name="Aleppo", country="Syria", admin1="Aleppo", lat=36.20, lon=37.16, geo_precision=1)
    near = Location(name="Qarya", country="Syria", admin1="Aleppo", lat=36.25, lon=37.10, geo_precision=1)
    assert quarter_of(near, city, "neighbourhood")
    assert not quarter_of(near, city, "community")  # a village a few km out is no quarter of the city
    assert not quarter_of(near, city, None)


def test_area_in_a_province_keeps_the_area_not_the_quarter_rule():
    r = primary("Government artillery shelled the Harasta area in Rural Damascus.")
    assert r.location.name == "Harasta" or "Harasta" in r.location.name


def test_town_inside_a_group_name_told_before_is_not_the_place():
    r = primary("Fighters of Liwa al-Safirah took the village of Khanasir after clashes.")
    assert "Safir" not in r.location.name


def test_towns_at_the_ends_of_a_road_beat_the_province():
    r = primary("A roadside bomb hit a car on the road between Nawa and Jasim in western Daraa province, killing two men.")
    assert r.location.geo_precision == 1
    assert r.location.name in ("Nawa", "Jasim", "Jassim")


def test_generic_word_of_a_named_group_is_that_group():
    r = primary("Militants of the so-called Islamic State executed four shepherds near Palmyra.")
    assert r.actor1.name == "Islamic State (Syria)"


def test_generic_word_after_a_named_group_is_that_group():
    r = primary("Three civilians were killed by Jabhat al-Nusra (now HTS) terrorists' rocket fire on Mhardeh.")
    assert r.actor1.name == "Jabhat al-Nusra"


def test_a_us_strike_is_the_united_states():
    r = primary("A U.S. air strike on a village near Raqqa killed seven people.")
    assert r.actor1.name == "Military Forces of the United States"


def test_village_named_inside_a_region_beats_the_region():
    r = primary("Turkish artillery shelled areas of the Afrin countryside, including Jinderes town, "
                "with no casualties reported.")
    assert r.location.geo_precision == 1 and "region" not in r.location.name


def test_spot_near_a_town_is_coded_near_the_town():
    r = primary("Warplanes struck a poultry farm near Saraqeb, with no casualties reported.")
    assert r.location.name.startswith("Saraq")
    assert r.location.geo_precision == 2
    r = primary("Unknown gunmen killed a man in Tell Hamis village near Qamishli town.")
    assert "mishli" in r.location.name and r.location.geo_precision == 2


def test_side_doing_the_later_verb_did_the_killing():
    r = primary("Three people were killed as regime forces stormed the village of Kafr Zita.")
    assert r.actor1.name == "Military Forces of Syria"
    assert r.actor2.kind == "Civilians"


def test_region_inside_a_group_name_is_not_the_place():
    r = primary("Fighters of the Army of Mujahideen of Horan clashed with IS fighters in the village of Jillin "
                "in western Daraa.")
    # The village in the west of Dar'a (its gazetteer spelling differs), not the region the group is named after,
    # nor a namesake city abroad.
    assert (r.location.country, r.location.admin1, r.location.geo_precision) == ("Syria", "Dar'a", 1)
    assert r.location.name.startswith("J")


def test_a_toll_over_a_province_is_not_its_first_town_s_toll():
    from test_assembly import story
    text = story("Government aircraft killed 11 civilians in Idlib province on Thursday, a monitor said.",
                 "A woman and her three children died when a barrel bomb from a helicopter hit their home in "
                 "the village of Kafr Nabl.",
                 "Seven civilians were killed when warplanes struck the town of Maarat al-Numan.")
    told = sorted((text[slice(*r.evidence["location"])], r.fatalities.best) for r in reports(text))
    assert told == [("Kafr Nabl", 4), ("Maarat al-Numan", 7)]


def test_a_toll_after_a_summed_period_goes_on_counting_that_period():
    from test_assembly import story
    text = story("Barrel bombs from government helicopters hit Saraqeb on Tuesday, killing seven civilians, "
                 "the monitor said.",
                 "The monitor has recorded the deaths of 2400 civilians in air raids over the past year.",
                 "Rebel rockets on government-held districts killed 640 people, the group added.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 7)]
    assert sorted(c.killed.best for c in extract_cumulative(text)) == [640, 2400]


def test_a_toll_with_its_own_town_after_a_summed_period_is_an_event():
    from test_assembly import story
    text = story("The monitor has recorded the deaths of 2400 civilians in air raids over the past year.",
                 "A coalition raid on the town of Manbij killed four civilians, the group added.")
    rs = reports(text)
    assert [(text[slice(*r.evidence["location"])], r.fatalities.best) for r in rs] == [("Manbij", 4)]


def extract_cumulative(text, published="2018-03-07"):
    article = Article(text=text, published=published)
    extract_article(article)
    return article.cumulative


def test_a_vague_toll_gives_way_to_the_count_of_the_same_event():
    from test_assembly import story
    rs = reports(story("Warplanes struck the town of Saraqeb on Monday, killing dozens.",
                       "The monitor said 27 people were killed in the strikes, including nine children."))
    assert [(r.fatalities.best, r.fatalities.qualifier, r.victims.children) for r in rs] == [(27, "exact", 9)]


def test_a_count_of_one_kind_of_victim_gives_way_to_the_whole_toll_that_holds_it():
    # A headline that counts the fighters (or the children) alone, and a telling of the same raid that counts them
    # among all its dead: the event's toll is the whole, not the part the headline chose to tell.
    from test_assembly import story
    text = story("Jets kill 14 fighters near Saraqeb.",
                 "Warplanes killed 14 fighters and five civilians in a raid on a base near Saraqeb on Monday, a "
                 "monitor said.")
    assert [(r.fatalities.best, r.victims.combatants) for r in reports(text)] == [(19, 14)]
    text = story("Barrel bombs kill 6 children in Douma.",
                 "Helicopters dropped barrel bombs on Douma on Monday, killing 11 civilians among them 6 children, "
                 "rescuers said.")
    assert [(r.fatalities.best, r.victims.children) for r in reports(text)] == [(11, 6)]
    # A count of another kind that is not the part told before is another event's or another source's: it stays.
    text = story("Jets kill 14 fighters near Saraqeb.",
                 "Warplanes killed 9 fighters and five civilians in a raid on a base near Saraqeb on Monday, a "
                 "monitor said.")
    assert [r.fatalities.best for r in reports(text)] == [14]


def test_the_event_s_date_is_its_most_specific_mention_s():
    from test_assembly import story
    text = story("Government warplanes struck the town of Saraqeb earlier this week, killing 12 people, a monitor "
                 "said.",
                 "The raid on Tuesday hit a crowded market in the town, the monitor said.")
    (r,) = reports(text, published="2018-03-09")
    assert (r.date, r.date_precision) == ("2018-03-06", 1)
    assert text[slice(*r.evidence["date"])] == "on Tuesday"


def test_an_event_told_to_have_killed_no_one_has_no_dead():
    # The annotation guide and ACLED code an event whose telling says no one died as 0 dead, not as unknown.
    (r,) = reports("A mortar round fell near a clinic in Jisr al-Shughur on Tuesday but only caused injuries.")
    assert r.fatalities.best == 0
    (r,) = reports("A second bomb went off in the market of Azaz on Tuesday, wounding four, though without "
                   "causing any deaths.")
    assert r.fatalities.best == 0
    (r,) = reports("Government artillery shelled the village of Kafr Nabl. The agency reported neither fatalities "
                   "nor injuries.")
    assert r.fatalities.best == 0
    # A toll told keeps its figure; a telling that says nothing of the dead leaves them unknown.
    (r,) = reports("A sniper shot dead two men in the town of Ariha on Tuesday; no one else was hurt.")
    assert r.fatalities.best == 2
    (r,) = reports("Jets struck the town of Saraqeb on Monday, the monitor said, without giving a toll.")
    assert r.fatalities.best is None


def test_a_telling_that_no_toll_is_known_or_that_one_side_lost_no_one_leaves_the_dead_unknown():
    # "No word on casualties" tells that the toll is unknown, not that no one died; "no civilian casualties" says
    # nothing of the fighters. Only a telling that no one at all died gives 0.
    for told in ("There was no word on casualties.", "The agency gave no details about casualties.",
                 "The monitor had no figure for deaths.", "Residents had no reports of casualties.",
                 "There were no immediate casualties.", "No civilian casualties were reported.",
                 "The army said it suffered no military casualties."):
        (r,) = reports(f"Rebel fighters attacked an army checkpoint near Maarat al-Numan on Tuesday. {told}")
        assert r.fatalities.best is None, told
    (r,) = reports("Rebel fighters attacked an army checkpoint near Maarat al-Numan on Tuesday, without causing "
                   "any further casualties.")
    assert r.fatalities.best == 0
