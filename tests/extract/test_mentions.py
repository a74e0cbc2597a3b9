"""Which mentions of a story the text asserts as events of its news cycle (``status_of``), on stories written for
these tests."""
from __future__ import annotations

from datetime import date

from warwire.extract import extract_article
from warwire.extract.assembly import SHORT_NOTE, assemble
from warwire.extract.dates import find_dates
from warwire.extract.event_types import find_triggers
from warwire.extract.mentions import Clause, Mention, Reading, page_furniture, told_before_the_news
from warwire.extract.nlp import load_nlp, sentence_spans
from warwire.extract.pipeline import _places
from warwire.model import Article

CLOSING = (" Aid agencies said they were struggling to reach families in the area, and the United Nations said "
           "talks between the parties would resume in Geneva next month. Residents said bakeries had reopened and "
           "that schools remained closed for a second week. Local councils asked for fuel and medicine. Farmers "
           "said the harvest would be smaller than usual because seed and fertiliser were scarce, and teachers "
           "said many pupils had missed a full year of lessons. Prices of bread and fuel have doubled in the past "
           "months, traders said, and families sell furniture to pay rent. Water pumps lack diesel, engineers said, "
           "and the power comes on for two hours a day. Doctors said the hospital needs generators and staff.")


def story(*sentences: str) -> str:
    text = " ".join(sentences) + CLOSING
    assert len(text) > SHORT_NOTE
    return text


def reports(text: str, published: str = "2018-03-07"):
    return extract_article(Article(text=text, published=published))


def aside(text: str, published: str = "2018-03-07") -> dict[str, str]:
    """The set-aside mentions' event words, with their status."""
    found = assemble(text, sentence_spans(load_nlp()(text)), _places(text, ()), date.fromisoformat(published))
    return {text[m.trigger.start:m.trigger.end]: m.status for m in found.set_aside if m.trigger is not None}


def test_a_list_of_related_stories_tells_no_event():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Firefighters put out the fires it started.") + \
        " ... 318 Related Car Bomb Kills Nine in Azaz Army Recaptures Hill Near Latakia Tags shelling Hama"
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Shelling/artillery/missile attack", 2)]
    assert aside(text).get("Car Bomb") == "background"
    assert page_furniture(text) == [(text.index("318 Related"), len(text))]


def test_a_list_of_related_stories_after_a_series_title_tells_no_event():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Firefighters put out the fires it started.") + \
        " ... 72 Topic Fighting for Northern Hama (45) Related Air Strikes Kill Twelve Near Saraqeb Army Says"
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Shelling/artillery/missile attack", 2)]
    assert page_furniture(text)[-1] == (text.index("(45) Related"), len(text))


def test_another_storys_title_under_a_photo_credit_tells_no_event():
    text = story("Rebel shelling killed two civilians in the town of Mhardeh on Monday, local media reported.",
                 "REUTERS Omar Sanadiki Suicide Bomber Kills Five at Checkpoint Near Homs BEIRUT (Sputnik) The "
                 "shells fell on a market in the town, the report said.")
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Shelling/artillery/missile attack"]
    assert aside(text).get("Suicide Bomber") == "background"


def test_another_storys_title_under_a_credit_without_its_slash_tells_no_event():
    text = story("Rebel shelling killed two civilians in the town of Mhardeh on Monday, local media reported.",
                 "Sputnik Ivan Petrov Car Bomb Kills Seven at Market Near Homs MOSCOW (Sputnik) The shells fell on "
                 "a school in the town, the report said.")
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Shelling/artillery/missile attack"]
    assert aside(text).get("Car Bomb") == "background"


def test_an_event_word_with_its_own_old_date_is_background_whatever_day_its_sentence_tells():
    text = story("Air strikes killed four people in the town of Saraqeb on Tuesday, a monitor said.",
                 "On Monday the ministry said its jets had struck targets near Tadmur, which army units "
                 "recaptured from the militants in October.")
    told = aside(text)
    assert told.get("recaptured") == "background"
    assert "Government regains territory" not in {r.sub_event_type for r in reports(text)}


def test_an_event_told_with_a_recent_day_after_it_stays_an_event():
    text = story("Regime troops recaptured the village of Abu Dali from the rebels on Monday, a monitor said.",
                 "Shelling killed three people in the town of Kafr Zita on Tuesday, the monitor said.")
    subs = {r.sub_event_type for r in reports(text)}
    assert "Government regains territory" in subs
    assert "recaptured" not in aside(text)


def test_strikes_that_stop_are_not_strikes():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "The defence ministry stated on Tuesday that its jets had halted air strikes on the city of Idlib.")
    assert aside(text).get("air strikes") == "negated"
    assert [r.sub_event_type for r in reports(text)] == ["Shelling/artillery/missile attack"]


def test_how_a_monitor_tells_whose_planes_struck_is_no_strike():
    text = story("Air strikes killed six people in Saraqeb on Monday, the monitor said.",
                 "The monitor relies on people on the ground and states that it determines whose planes flew each raid "
                 "by their type and flight patterns.")
    assert aside(text).get("planes") == "background"
    assert len(reports(text)) == 1


def test_how_a_monitor_tells_what_aircraft_struck_is_no_strike():
    text = story("Air strikes killed six people in Saraqeb on Monday, the monitor said.",
                 "The group says it works out which jets conducted raids from their flight paths and the munitions "
                 "used.")
    assert aside(text).get("conducted raids") == "background"
    assert len(reports(text)) == 1
    text = story("Air strikes killed six people in Saraqeb on Monday, the monitor said.",
                 "It says it determines whether raids were flown by Russian or Syrian aircraft from the munitions "
                 "used.")
    assert aside(text).get("raids") == "background"
    assert len(reports(text)) == 1


def test_an_embedded_videos_title_tells_no_event():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Suicide bomber kills nine at checkpoint near Azaz - YouTube Firefighters put out the fires "
                 "the shells started, the report said.")
    assert aside(text).get("Suicide bomber") == "background"
    assert [r.sub_event_type for r in reports(text)] == ["Shelling/artillery/missile attack"]


def test_a_witness_who_could_hear_explosions_tells_no_condition():
    text = story("Black smoke could be seen from the hills as explosions shook the town of Azaz on Monday, residents "
                 "said.")
    assert "explosions" not in aside(text)
    assert [r.sub_event_type for r in reports(text)] == ["Remote explosive/landmine/IED"]


def test_a_caption_telling_what_people_in_the_picture_do_and_its_day_is_no_event():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Residents inspect the site of an explosion in the town of Azaz on March 1 2018. (AFP)")
    assert aside(text).get("explosion") == "background"
    assert [r.sub_event_type for r in reports(text)] == ["Shelling/artillery/missile attack"]


def _place_of(text: str, pack: str) -> str | None:
    from warwire.knowledge import packs

    with packs.using(pack):
        found = reports(text, "2018-01-10")
    return found[0].location.name if found and found[0].location else None


def test_a_place_told_inside_the_first_place_named_is_the_event_s_place():
    # ACLED codes the most specific place of an event.
    assert _place_of("A bomb planted in a car near the Aden port gate went off while its owner was in Al Mansurah "
                     "of Aden late on Tuesday, wounding him.", "yemen") == "Al Mansura"


def test_where_a_victim_or_the_fire_came_from_is_not_the_event_s_place():
    assert _place_of("A farmer from Huraidha was killed when gunmen fired on his truck in Rudum district on Monday.",
                     "yemen") == "Rudum"
    assert _place_of("Mortar shells fired from Saraqeb hit Sarmin on Monday, killing two civilians.",
                     "syria") == "Sarmin"
    # Driven out of a town: the fighting was there.
    assert _place_of("Rebels were driven from Saraqeb on Monday after clashes that killed five fighters.",
                     "syria") == "Saraqab"


def test_a_place_setting_the_scene_yields_to_the_place_of_its_governorate_named_after_it():
    assert _place_of("In the port city of Hodeidah, two fishermen were killed when warplanes struck a farm in "
                     "Khokhah district on Monday.", "yemen") == "Al Khawkhah"
    assert _place_of("Also in Lahij, government forces retook two hills in al-Qabitah district after clashes that "
                     "killed four fighters.", "yemen") == "Al Qabbaytah"


def test_the_governorate_a_district_is_told_in_is_not_a_place_inside_it():
    assert _place_of("A civilian was injured when an air strike struck a house in Manbah district, Sadah.",
                     "yemen") == "Monabbih"


def test_a_village_the_next_sentence_names_in_the_district_is_the_event_s_place():
    # ACLED codes the most specific place: a district told first, then where in it the act fell.
    assert _place_of("Coalition jets bombed an arms depot in Sirwah district of Marib on Monday. The depot stood in "
                     "the Dayq area, residents said.", "yemen") == "Ad Dayq"
    assert _place_of("A coalition air strike hit a car in Sahar district of Saada on Monday. The car was on a road "
                     "in the Azqul area.", "yemen") == "Al Azqul"
    # A town of another district, named after, tells nothing of where in the district the act fell.
    assert _place_of("Coalition jets bombed an arms depot in Sirwah district of Marib on Monday. Residents of Hays "
                     "said they heard the blasts.", "yemen") == "Sirwah"


def test_an_event_of_last_month_by_name_is_background():
    text = story("A car bomb killed six people near a police post in the town of Azaz on Thursday, a monitor said.",
                 "Last October a suicide attacker detonated his vest outside the station's main entrance, wounding "
                 "two guards.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Remote explosive/landmine/IED", 6)]
    assert "background" in aside(text).values()


def _told_before(sentence: str, word: str, published: str = "2018-03-07") -> bool:
    """``told_before_the_news`` for the event word ``word`` of a one-clause text, read with the date its clause
    tells."""
    base = date.fromisoformat(published)
    dates = find_dates(sentence, base)
    trig = next(t for t in find_triggers(sentence) if sentence[t.start:t.end] == word)
    m = Mention(sub=trig.rule.sub_event_type, rule_sub=trig.rule.sub_event_type, trigger=trig, sentence=0,
                tier=trig.rule.tier, date=min(dates, key=lambda d: d.precision) if dates else None)
    r = Reading(sentence, [(0, len(sentence))], [], [], dates, [], base=base, story=True)
    return told_before_the_news(r, m, Clause(0, len(sentence), 0, len(sentence), 0, []))


def test_an_event_told_before_the_news_cycle_by_its_date_or_its_own_year():
    assert _told_before("Rebels seized the hilltop village on 3 January 2018, residents recalled.", "seized")
    assert _told_before("The bridge that rebel fighters blew up in late 2015 was rebuilt.", "blew up")
    assert not _told_before("Rebels seized the hilltop village on Monday, residents said.", "seized")
    # A year told after a break in the words belongs to something else than the event word.
    assert not _told_before("Rebels seized the hilltop village, which was first settled in 1950.", "seized")


def test_a_comparisons_year_does_not_date_the_event_word_inside_it():
    assert not _told_before("It was the largest toll since the alliance began its bombing campaign in 2014.",
                            "bombing")
    text = story("Air strikes killed 20 civilians in the village of Kafr Zita on Monday, a monitor said.",
                 "It was the largest toll since the alliance began its bombing campaign in the country in 2014.")
    assert "bombing" not in aside(text)


def test_what_or_whom_a_side_fights_for_tells_who_it_is_not_a_battle():
    text = story("Air strikes killed six people in Saraqeb on Monday, the monitor said.",
                 "Many of the young men there were fighting to defend their farms, relatives said.")
    assert aside(text).get("fighting") == "background"
    text = story("Air strikes killed six people in Saraqeb on Monday, the monitor said.",
                 "Young men fighting for the Islamic State group held the hills around it, residents said.")
    assert aside(text).get("fighting") == "background"
    text = story("Air strikes killed six people in Saraqeb on Monday, the monitor said.",
                 "Heavy fighting for the hills around the town of Kafr Nabl went on into Tuesday night.")
    assert "Armed clash" in {r.sub_event_type for r in reports(text)}


def test_a_strike_with_a_toll_whose_author_is_unknown_is_still_a_strike():
    # Who or which planes is still to be found out, but the strike and its dead are told: an event.
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "It remained unclear which jets carried out the raid that left five people dead in the town of "
                 "Saraqeb.")
    assert ("Air/drone strike", 5) in {(r.sub_event_type, r.fatalities.best) for r in reports(text)}
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Detectives were still working to identify who left the car bomb that killed eleven people in "
                 "the town of Azaz.")
    assert 11 in {r.fatalities.best for r in reports(text) if r.event_type == "Explosions/Remote violence"}
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Officials have not yet determined whether the explosion that killed eight people beside a fruit "
                 "stall in Jableh was set off from afar.")
    assert 8 in {r.fatalities.best for r in reports(text) if r.event_type == "Explosions/Remote violence"}


def test_only_the_monitors_habit_of_telling_whose_planes_struck_is_set_aside():
    # The method is told in the present, as what the monitor does every time; a past inquiry is not it.
    text = story("Air strikes killed six people in Saraqeb on Monday, the monitor said.",
                 "Local activists identified which jets carried out raids over Kafr Nabl.")
    assert aside(text).get("carried out raids") != "background"
    text = story("Air strikes killed six people in Saraqeb on Monday, the monitor said.",
                 "Activists said they had found out which jets carried out the raids over Kafr Nabl.")
    assert aside(text).get("carried out the raids") != "background"


def test_fighting_to_take_or_keep_a_place_is_a_battle():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Army units were fighting to recapture the small town of Kafr Nabl on Sunday, a commander said.")
    assert "Armed clash" in {r.sub_event_type for r in reports(text)}
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Insurgents were fighting to hold on to the village of Hays against a government push on Sunday.")
    assert "Armed clash" in {r.sub_event_type for r in reports(text)}
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Loyalist troops were fighting to push back an insurgent offensive near Khan Sheikhoun on Sunday.")
    assert "Armed clash" in {r.sub_event_type for r in reports(text)}


def test_a_bare_attack_with_its_own_place_or_another_side_is_no_retelling_of_the_strike_before():
    # Another village, another side: the gunmen's raid is an attack of its own, not a second air strike.
    text = story("Warplanes bombed a bakery in Maarat al-Numan on Sunday morning, killing five civilians, "
                 "a monitor said.",
                 "Gunmen attacked the village of Hish on the same day, killing two shepherds, "
                 "their relatives said.")
    assert sorted((r.sub_event_type, text[slice(*r.evidence["location"])]) for r in reports(text)) == \
        [("Air/drone strike", "Maarat al-Numan"), ("Attack", "Hish")]
    # Another side in the same town: the militants' raid is not the army's shelling told again.
    text = story("Government artillery shelled the farming town of Kafr Zeita overnight, wounding four people, "
                 "activists said.",
                 "Islamic State militants attacked the town hours later, killing a farmer, a monitor said.")
    assert sorted(r.sub_event_type for r in reports(text)) == ["Attack", "Shelling/artillery/missile attack"]


def test_an_attack_told_again_by_the_same_side_at_the_same_spot_is_the_strike_before():
    text = story("Warplanes bombed a bakery in Maarat al-Numan on Sunday morning, killing five civilians, "
                 "a monitor said.",
                 "The jets attacked the same street again an hour later, killing two rescuers, "
                 "their colleagues said.")
    assert {r.sub_event_type for r in reports(text)} == {"Air/drone strike"}
    text = story("Warplanes bombed a bakery in Maarat al-Numan on Sunday morning, killing five civilians, "
                 "a monitor said.",
                 "The attack also killed two rescuers who had rushed to the bakery, their colleagues said.")
    assert {r.sub_event_type for r in reports(text)} == {"Air/drone strike"}


def test_an_event_word_that_has_lasted_years_is_the_setting_not_news():
    text = story("Shelling killed three civilians in Kafr Batna on Monday, a monitor said.",
                 "On Monday shells also fell on other towns of the enclave, where rebel brigades have been "
                 "battling army units for five years.")
    assert aside(text).get("battling") == "background"
    assert [r.sub_event_type for r in reports(text)] == ["Shelling/artillery/missile attack"]


def test_a_lasting_siege_told_after_a_break_leaves_the_event_before_it_news():
    text = story("Rebels attacked army checkpoints in Harasta, which has been besieged for several years, on Monday.",
                 "Three soldiers were killed, a monitor said.")
    assert "Armed clash" in {r.sub_event_type for r in reports(text)}
    assert not aside(text)


def test_an_event_word_told_in_the_present_tense_names_a_state_not_an_event():
    text = story("Jets struck a bakery in the town of Saraqeb on Monday, killing five people, a monitor said.",
                 "An opposition official said the world looks away while towns across the north remain open "
                 "to barrel bombs.",
                 "Rebels who are based near the town were shelled later that day, the monitor said.")
    told = aside(text)
    assert told.get("barrel bombs") == "background"
    assert "shelled" not in told  # a present verb inside a relative clause governs no event word after it
    assert [(r.sub_event_type, r.fatalities.best) for r in reports(text)] == [("Air/drone strike", 5)]


def test_an_event_told_in_the_present_progressive_is_news_going_on():
    text = story("Jets struck a bakery in the town of Saraqeb on Monday, killing five people, a monitor said.",
                 "Turkish troops are shelling Kurdish positions around Tal Rifaat, local officials said.",
                 "The army is now fighting rebels on the edge of Morek, a commander said.")
    told = aside(text)
    assert "shelling" not in told and "fighting" not in told
    assert len(reports(text)) == 3


def test_a_campaign_told_as_growing_or_going_on_is_no_event_of_its_own():
    text = story("Air strikes killed six people in Saraqeb on Monday, the monitor said.",
                 "The envoys met in the evening while loyalist troops widen their shelling across the province.",
                 "Aid workers said the army offensive entered its second week.")
    assert aside(text).get("shelling") == "background"
    assert [r.sub_event_type for r in reports(text)] == ["Air/drone strike"]


def test_an_event_told_with_a_growing_campaign_is_still_an_event():
    text = story("The army stepped up its offensive on Sunday, with artillery pounding the village of Kafr Nabl, "
                 "a monitor said.", "Rescuers searched the rubble through the night.")
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Shelling/artillery/missile attack"]
    assert rs[0].location.name == "Kafr Nobol"


def test_a_growing_campaign_told_with_its_own_day_and_toll_is_that_days_event():
    text = story("Government forces intensified their shelling of Douma on Monday, killing 12 civilians, "
                 "a monitor said.", "The opposition said it would not attend another round of talks.")
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Shelling/artillery/missile attack"]
    assert rs[0].fatalities.best == 12
    # (With a weapon word of its own the clause's event is the weapon's, toll or not.)
    text = story("The army stepped up its offensive on Sunday, with artillery pounding the village of Kafr Nabl and "
                 "killing three people, a monitor said.", "Rescuers searched the rubble through the night.")
    assert [r.sub_event_type for r in reports(text)] == ["Shelling/artillery/missile attack"]


def test_captives_put_to_death_are_attacked_not_fought():
    text = story("Islamic State fighters executed 40 Syrian army soldiers near Tabqa on Monday, a monitor said.",
                 "Their bodies were left by the road.")
    assert [r.sub_event_type for r in reports(text)] == ["Attack"]



def test_fighting_that_eases_is_not_fighting():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Residents said a lull in the fighting had let shops open for a few hours on Sunday.",
                 "The army said on Monday that a two-day freeze in the fighting had ended.")
    told = aside(text)
    assert told.get("fighting") == "negated"
    assert [r.sub_event_type for r in reports(text)] == ["Shelling/artillery/missile attack"]


def test_a_drop_of_bombs_is_no_easing():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Residents said a sharp drop in the fighting had let shops open on Sunday.",
                 "The drop of barrel bombs over Kafr Nabl killed five people on Tuesday, according to a monitor.")
    told = aside(text)
    assert told.get("fighting") == "negated"
    assert "barrel bombs" not in told
    assert "Air/drone strike" in [r.sub_event_type for r in reports(text)]


def test_an_event_named_as_a_cause_is_not_told_by_those_words():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "The provincial council in Hama said on Tuesday it was shutting its offices as a result of heavy "
                 "aerial bombardment by government jets.",
                 "Teachers in Salamiyeh kept pupils at home for fear of more air raids.")
    told = aside(text)
    assert told.get("aerial bombardment") == "background"
    assert told.get("air raids") == "hypothetical"
    assert [r.sub_event_type for r in reports(text)] == ["Shelling/artillery/missile attack"]


def test_an_event_named_as_a_cause_with_its_toll_or_day_is_an_event():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Four farmers died in Kafr Zita as a result of barrel bombs dropped by helicopters.",
                 "An aid convoy could not reach Taybat al-Imam because of artillery shelling by the army on Sunday.")
    told = aside(text)
    assert "barrel bombs" not in told and "artillery shelling" not in told
    subs = [r.sub_event_type for r in reports(text)]
    assert "Air/drone strike" in subs


def test_a_truce_called_for_is_no_agreement():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "On Tuesday two council members blocked a draft resolution calling for the start of a ten-day "
                 "ceasefire in Hama.",
                 "A mayor called for calm after jets struck a bakery in Kafr Zita on Monday, killing three people.")
    told = aside(text)
    assert told.get("ceasefire") == "hypothetical"
    subs = [r.sub_event_type for r in reports(text)]
    assert "Agreement" not in subs and "Air/drone strike" in subs


def test_ground_taken_on_the_scale_of_the_war_is_its_backdrop():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "The alliance was formed after the militants seized vast areas of the north and east.",
                 "Government troops seized the village of Kafr Zita on Tuesday, the army said.")
    told = aside(text)
    assert told.get("seized") == "background"
    subs = [r.sub_event_type for r in reports(text)]
    assert subs.count("Government regains territory") == 1 and "Non-state actor overtakes territory" not in subs


def test_ground_swept_in_a_province_with_no_day_is_the_backdrop():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "The rebels had overrun much of Idlib province, a commander told reporters.")
    assert aside(text).get("overrun") == "background"


def test_ground_swept_in_two_countries_is_the_backdrop_and_a_city_is_not():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Foreign powers joined the war after the militants overran much of Iraq and Syria.",
                 "The rebels had overrun most of Damascus, a commander told reporters.")
    assert aside(text).get("overran") == "background" and "overrun" not in aside(text)


def test_a_town_taken_in_most_part_on_a_day_is_an_event():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Government troops retook most of Saraqib on Wednesday after a night of heavy fighting, "
                 "the army said.")
    assert "retook" not in aside(text)
    assert [(r.sub_event_type, r.location.name) for r in reports(text)][1:] == \
        [("Government regains territory", "Saraqab")]


def test_a_camp_taken_in_large_part_on_a_day_is_an_event():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Militants captured large parts of the Yarmouk camp on Thursday, residents told reporters.")
    assert "captured" not in aside(text)
    assert [(r.sub_event_type, r.location.name) for r in reports(text)][1:] == \
        [("Non-state actor overtakes territory", "Yarmuk")]


def test_a_town_taken_in_most_part_with_no_day_is_no_backdrop():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "The rebels had retaken most of the town of Saraqib, a commander told reporters.")
    assert "retaken" not in aside(text)


def test_a_lament_over_the_war_tells_no_event():
    text = story("Government jets struck a market in Kafr Zita on Tuesday, killing nine people, a monitor said.",
                 "A council member deplored the silence of foreign governments as the jets are dropping "
                 "cluster bombs on towns across Hama.")
    told = aside(text)
    assert told.get("cluster bombs") == "alleged"
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 9)]


def test_a_lament_over_a_past_attack_leaves_it_told():
    text = story("The foreign minister deplored the chemical attack on the village of Kafr Zita, which doctors "
                 "said had left many people choking.")
    assert "chemical attack" not in aside(text)
    assert "Chemical weapon" in [r.sub_event_type for r in reports(text)]


def test_an_event_asked_about_is_not_told():
    text = story("A government helicopter crashed near Kafr Zita on Tuesday, killing its crew, a monitor said.",
                 "Activists said it was not yet clear whether the helicopter was shot down.",
                 "The monitor did not say whether government or allied jets carried out raids on "
                 "Kafr Zita later that day, which killed four people.")
    told = aside(text)
    assert told.get("helicopter was shot down") == "hypothetical"
    subs = [r.sub_event_type for r in reports(text)]
    assert "Disrupted weapons use" not in subs and "Air/drone strike" in subs


def test_a_question_on_who_the_dead_were_leaves_their_killing_told():
    text = story("Rebel shelling killed two civilians in Mhardeh on Monday, state media said.",
                 "Medics did not say whether the seven men who were killed in Saraqib on Tuesday were fighters.",
                 "Medics did not say whether any fighters were killed in Kafr Zita on Tuesday.")
    told = aside(text)
    assert list(told.values()) == ["hypothetical"]  # only the dead asked about in Kafr Zita
    assert [(r.location.name, r.fatalities.best) for r in reports(text)][1:] == [("Saraqab", 7)]


def test_an_inquiry_called_for_into_an_attack_leaves_the_attack_told():
    text = story("Government jets struck a market in Kafr Zita on Tuesday, killing nine people, a monitor said.",
                 "Rights groups called for an inquiry into the chemical attack in the town.")
    assert aside(text).get("chemical attack") != "hypothetical"


def test_the_attack_a_reply_answers_is_still_told():
    text = story("Warships fired missiles at an air base near Homs on Friday, officials said.",
                 "Officials said the missiles were fired in response to a chemical attack on Kafr Zita.")
    assert aside(text).get("chemical attack") is None
    assert "Chemical weapon" in [r.sub_event_type for r in reports(text)]


def test_only_a_running_total_to_a_number_is_blanked_from_the_event_s_words():
    from warwire.extract.mentions import without_running_totals
    told = "Mortars hit Ariha on Monday, raising the toll since Friday to 19."
    assert without_running_totals(told).rstrip(" .") == "Mortars hit Ariha on Monday,"
    assert len(without_running_totals(told)) == len(told)
    kept = "Rebels stormed the hill, taking a large number of prisoners over the past week."
    assert without_running_totals(kept) == kept


def test_videos_titles_are_the_spans_the_title_pattern_scans_out():
    # Titles near and far apart, back to back, one past a title's reach from the text before it, one after a stop.
    from warwire.extract.mentions import _VIDEO_TITLE

    far = "the council said the water station was repaired " * 5
    text = (f"{far} Jets hit a bakery in our town - YouTube Shells land near the school - YouTube. {far}"
            f"Residents flee the valley at night - YouTube and {far}! Drone footage - YouTube")
    found = [s for s in page_furniture(text) if text[s[0]:s[1]].endswith("YouTube")]
    assert found == [m.span() for m in _VIDEO_TITLE.finditer(text)]
    assert len(found) == 4 and text[found[-1][0]:found[-1][1]] == " Drone footage - YouTube"


def test_a_town_told_as_one_of_a_province_is_the_town_the_next_sentence_names():
    """"Jets struck a town in X province": the event's spot is the town the story names next (ACLED codes the most
    specific place), when it lies in the place first told; a town elsewhere is not it."""
    from tests.extract.test_assembly import reports, story

    text = story("Nine civilians were killed on Monday when government jets bombed a town in the southern Daraa "
                 "province, rescuers said.", "The town was Nawa, held by rebels for years, one rescuer told reporters.")
    assert [text[slice(*r.evidence["location"])] for r in reports(text)] == ["Nawa"]
    text = story("Nine civilians were killed on Monday when government jets bombed a town in the southern Daraa "
                 "province, rescuers said.", "Government warplanes also flew over Homs, one rescuer told reporters.")
    assert [r.location.admin1 for r in reports(text)][:1] == ["Dar'a"]
