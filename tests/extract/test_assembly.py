"""Mentions, their status, and their assembly into one report per event, on whole stories written for these tests.

Assembly's document-level rules apply to stories (longer than a coder's note), so each story below is padded
with a closing paragraph that tells no event.
"""
from __future__ import annotations

from datetime import date

import pytest

from warwire.extract import extract_article
from warwire.extract.assembly import SHORT_NOTE, _absorb, assemble
from warwire.extract.mentions import Mention
from warwire.extract.nlp import load_nlp, sentence_spans
from warwire.extract.pipeline import _places
from warwire.model import Article, Location

CLOSING = (" Aid agencies said they were struggling to reach families in the area. The United Nations said talks "
           "between the parties would resume in Geneva next month, and diplomats described the mood as cautious. "
           "Residents said bakeries had reopened and that schools remained closed for a second week. Local "
           "councils asked for fuel and medicine, and a convoy was expected to leave the capital after the talks. "
           "Prices of bread and fuel have doubled in the past months, traders said. Farmers said the harvest "
           "would be smaller than usual because seed and fertiliser were scarce and water pumps lacked diesel. "
           "Teachers said many pupils had missed a full year of lessons, and that textbooks were shared by "
           "three or four children at a time.")


def story(*sentences: str) -> str:
    text = " ".join(sentences) + CLOSING
    assert len(text) > SHORT_NOTE
    return text


def reports(text: str, published: str = "2018-03-07", title: str | None = None):
    return extract_article(Article(text=text, published=published, title=title))


def mentions(text: str, published: str = "2018-03-07"):
    sentences = sentence_spans(load_nlp()(text))
    return assemble(text, sentences, _places(text, ()), date.fromisoformat(published))


def test_a_toll_update_and_the_attack_are_one_event():
    text = story("Government warplanes struck the town of Saraqeb on Monday, killing 12 people, a monitor said.",
                 "Rescue workers pulled survivors from the rubble.",
                 "The toll from the attack later rose to 12 as more bodies were found, the monitor said.")
    rs = reports(text)
    assert len(rs) == 1
    assert rs[0].sub_event_type == "Air/drone strike" and rs[0].fatalities.best == 12
    assert rs[0].date == "2018-03-05"


def test_a_sentence_about_an_earlier_period_is_no_event():
    text = story("Rebel shelling killed four civilians in Mhardeh on Tuesday, state media said.",
                 "Two weeks ago a similar bombardment of the town killed eleven people.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Shelling/artillery/missile attack", 4)]
    found = mentions(text)
    assert any(m.status == "background" for m in found.set_aside)


def test_denials_threats_and_calls_are_set_aside():
    text = story("Warplanes bombed the town of Kafr Nabl on Sunday, killing three people, activists said.",
                 "The government denied carrying out any air strikes on the town.",
                 "The rebels threatened to shell government-held districts of Hama in response.",
                 "Turkey urged all sides to halt attacks on civilians.")
    rs = reports(text)
    assert len(rs) == 1 and rs[0].fatalities.best == 3
    statuses = {m.status for m in mentions(text).set_aside}
    assert "negated" in statuses


def test_a_cumulative_toll_is_a_fact_of_the_article_not_a_report():
    text = story("An air strike killed five people in the village of Hass on Thursday, the monitor said.",
                 "Since the offensive began, more than 300 people have died across the province.")
    rs = reports(text)
    assert [r.fatalities.best for r in rs] == [5]
    found = mentions(text)
    assert [m.casualties.fatalities.best for m in found.cumulative] == [300]
    assert all(m.status == "cumulative" for m in found.cumulative)


@pytest.mark.parametrize("lead, title, dead", [
    ("Government jets bombed Kafr Nabl on Sunday, killing nine people, raising to 41 the number of "
     "civilians killed around it during the past week, rescuers said.", None, 9),
    ("Shelling killed seven people at Ariha on Monday, a rescue group said, bringing the toll over "
     "the past three days to 30.", "Shelling on Ariha", 7),
    ("Rebel rockets slammed into a market in Aleppo on Saturday and killed four shoppers, which took the number "
     "of dead in the city over the last four days to 22.", None, 4),
])
def test_a_running_total_told_after_an_event_leaves_the_event_its_own_toll(lead, title, dead):
    # The period belongs to the running total ("bringing the toll over the past week to 60"), not to the
    # event whose own clause tells its day and toll.
    rs = reports(story(lead), title=title)
    assert [r.fatalities.best for r in rs] == [dead]
    assert rs[0].date is not None and str(rs[0].date) < "2018-03-07"


def test_one_toll_over_two_towns_is_shared_between_them():
    text = story("Regime air strikes on the towns of Hamouriyeh and Saqba killed 17 civilians on Tuesday, "
                 "the monitor said.")
    rs = reports(text)
    told = sorted((text[slice(*r.evidence["location"])], r.fatalities.best) for r in rs)
    assert told == [("Hamouriyeh", 9), ("Saqba", 8)]
    assert all(r.sub_event_type == "Air/drone strike" for r in rs)


def test_tolls_told_town_by_town_are_events_and_their_total_is_not_counted_twice():
    text = story("Air strikes killed 13 civilians in Eastern Ghouta on Tuesday, the monitor said.",
                 "Raids killed nine civilians in Douma, the monitor said.",
                 "Three more civilians were killed in Saqba and one more in the town of Harasta.")
    rs = reports(text)
    told = sorted((text[slice(*r.evidence["location"])], r.fatalities.best) for r in rs)
    assert told == [("Douma", 9), ("Harasta", 1), ("Saqba", 3)]
    assert sum(r.fatalities.best for r in rs) == 13


def test_a_headline_s_sum_of_the_lead_s_tolls_is_no_event_even_when_it_borrows_the_lead_s_event_word():
    # The headline names no weapon ("by Regime"), so its frame takes the lead's "airstrikes"; its 42 is the lead's 30
    # civilians and the 12 fighters told after, not a third strike (nor the civilians' event's whole toll).
    text = story("Tue Mar 6 2018 30 Civilians 12 Fighters Killed 50 Injured by Regime Near Saraqeb.",
                 "In government airstrikes on two villages near Saraqeb 30 civilians lost their lives and 50 others "
                 "were hurt.",
                 "Also the army killed 12 rebel fighters whom it called terrorists.")
    assert sorted(r.fatalities.best for r in reports(text, published="2018-03-06")) == [12, 30]


def test_the_headline_and_its_restatement_in_the_body_are_one_report():
    text = story("Car bomb kills six in Azaz.",
                 "A car bomb exploded near a market in the town of Azaz on Friday, killing six people, "
                 "a local council said.",
                 "Six people were killed in the attack and 20 were wounded.")
    rs = reports(text, published="2018-03-09")
    assert len(rs) == 1
    r = rs[0]
    assert r.sub_event_type == "Remote explosive/landmine/IED" and r.fatalities.best == 6
    assert r.date == "2018-03-09"


def test_a_photo_caption_tells_no_event():
    text = story("A man walks past destroyed buildings in Hasakeh (AFP photo)",
                 "Shelling killed two civilians in the town of Qamishli on Monday, a monitor said.")
    rs = reports(text)
    assert [text[slice(*r.evidence["location"])] for r in rs] == ["Qamishli"]


def test_a_report_lists_every_mention_it_assembled():
    text = story("Government warplanes struck the town of Saraqeb on Monday, a monitor said.",
                 "At least 12 people were killed, the monitor said.")
    found = mentions(text)
    assert len(found.frames) == 1
    assert len(found.frames[0].joined) >= 1
    (r,) = reports(text)
    assert text[slice(*r.evidence["mention.1"])] == "killed"


def test_the_sample_story_with_a_toll_update_and_a_background_sentence_gives_one_event():
    from pathlib import Path

    from warwire.ingest import read_sources

    path = Path(__file__).resolve().parents[2] / "warwire/data/sample/25_northern_monitor_maarat_toll_update.txt"
    (article,) = read_sources([str(path)], fetch=False)
    (r,) = extract_article(article)
    assert r.sub_event_type == "Shelling/artillery/missile attack"
    assert r.fatalities.best == 9 and r.date == "2018-03-12"
    assert article.text[slice(*r.evidence["location"])] == "Mhardeh"


def test_a_town_lies_in_its_governorate_and_district_but_not_in_a_town_named_like_its_district():
    from warwire.extract.locations import inside, same_spot
    from warwire.model import Location

    village = Location("Kafr Batna", admin1="Rural Damascus", admin2="Duma", lat=33.51, lon=36.37, geo_precision=1)
    town = Location("Duma", admin1="Rural Damascus", admin2="Duma", lat=33.57, lon=36.40, geo_precision=1)
    district = Location("Duma", admin1="Rural Damascus", geo_precision=2)
    province = Location("Rural Damascus", admin1="Rural Damascus", geo_precision=3)
    assert not same_spot(village, town)
    assert inside(village, district) and inside(village, province)
    assert not inside(village, town)


def test_at_the_weekend_is_the_saturday_just_gone():
    from warwire.extract.dates import find_dates

    (d,) = find_dates("Barrel bombs fell on the town at the weekend.", date(2018, 3, 7))
    assert d.date == date(2018, 3, 3)


def test_an_instrument_or_an_agreement_named_without_an_action_is_the_setting_not_an_event():
    text = story("Government air strikes killed nine people in the town of Saraqeb on Tuesday, the monitor said.",
                 "Shop owners cleared the rubble on Wednesday as warplanes circled overhead.",
                 "The town lies inside a de-escalation zone set up under a deal between Russia, Turkey and Iran.")
    got = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in got] == [("Air/drone strike", 9)]
    aside = {text[m.trigger.start:m.trigger.end] for m in mentions(text).set_aside}
    assert "warplanes" in aside


def test_an_agreement_told_as_reached_is_an_event():
    text = story("Rebels and the government reached a deal on Monday for the evacuation of fighters from the town "
                 "of Harasta, state media said.")
    assert any(r.sub_event_type == "Agreement" for r in reports(text))


def test_who_holds_a_place_and_a_weapon_named_as_a_programme_are_not_events():
    text = story("Shelling killed four civilians in the town of Jisreen on Monday, the monitor said.",
                 "The town is in an area controlled by rebels since 2013.",
                 "Chemical weapons inspectors arrived in Damascus on Monday.")
    got = reports(text)
    assert [r.sub_event_type for r in got] == ["Shelling/artillery/missile attack"]


def test_a_habit_told_without_a_day_is_background():
    text = story("A mortar shell killed two children in the Old City of Damascus on Sunday, state media said.",
                 "Rebels often shell the capital with rockets from the eastern suburbs they hold.")
    got = reports(text, published="2018-03-05")
    assert len(got) == 1 and got[0].fatalities.best == 2


def test_a_rounded_tally_in_the_perfect_with_no_day_is_cumulative():
    text = story("Gunmen shot dead four farmers near the village of Kafr Nabl on Tuesday, residents said.",
                 "The group has executed around 210 people in the district while dozens more have gone missing.")
    rs = reports(text)
    assert [r.fatalities.best for r in rs] == [4]
    assert [m.casualties.fatalities.best for m in mentions(text).cumulative] == [210]


def test_a_rounded_toll_told_with_its_day_is_still_an_event():
    text = story("The army has killed some 40 fighters near the border on Friday, state television reported.")
    rs = reports(text)
    assert [r.fatalities.best for r in rs] == [40]


def test_a_definite_mention_with_no_day_of_its_own_takes_its_antecedents_day():
    text = story("Rebels shot down a government helicopter over the village of Kafr Nabl on Monday, killing its two "
                 "pilots, a monitor said.",
                 "The government accused the rebels of using anti-aircraft missiles.",
                 "The helicopter was shot down while it was bombing the village, activists said.")
    rs = reports(text)
    assert rs and {r.date for r in rs} == {"2018-03-05"}


def test_a_mention_with_no_day_and_no_definite_subject_keeps_the_articles_date():
    text = story("Rebels shot down a government helicopter over the village of Kafr Nabl on Monday, a monitor said.",
                 "Elsewhere, gunmen shot dead a teacher in the town of Tafas, activists said.")
    dates = {r.location.name: r.date for r in reports(text) if r.location}
    assert dates.get("Tafas") == "2018-03-07"


def test_a_cumulative_toll_is_kept_on_the_article_with_its_evidence():
    text = story("Air strikes killed 11 civilians in the town of Kafr Batna on Tuesday, the monitor said.",
                 "The deaths brought to more than 900 the number of civilians killed in the enclave since "
                 "government forces launched their offensive.",
                 "More than 350,000 people have been killed since the war began in 2011.")
    article = Article(text=text, published="2018-03-07")
    got = extract_article(article)
    assert [r.fatalities.best for r in got] == [11]
    kept = {c.killed.best: text[slice(*c.evidence["fatalities"])] for c in article.cumulative}
    assert set(kept) == {900, 350000}
    assert "900" in kept[900]
    assert article.header()["cumulative"][0]["killed"]["best"] in (900, 350000)


def test_a_photo_caption_dated_at_its_end_is_no_event():
    text = story("Government air strikes killed seven people in the town of Ariha on Monday, the monitor said.",
                 "Residents inspect a site hit by shelling in the town of Binnish in Idlib province Syria March 4 2018.")
    got = reports(text, published="2018-03-06")
    assert [(r.sub_event_type, r.fatalities.best) for r in got] == [("Air/drone strike", 7)]


def test_the_dead_told_with_an_agreement_are_a_violent_event_s():
    text = story("At least 30 people were killed in the town of Atareb on Saturday, hours after the ceasefire "
                 "agreement was reached, the monitor said.")
    got = reports(text, published="2018-03-05")
    assert any(r.fatalities.best == 30 and r.event_type != "Strategic developments" for r in got)
    assert not any(r.sub_event_type == "Agreement" and r.fatalities.best for r in got)


def test_an_event_word_after_no_or_any_names_no_event():
    text = story("Shelling killed three civilians in the town of Mhardeh on Sunday, state media said.",
                 "A resident said he had heard no air strikes in the nearby town of Suqaylabiyah.")
    got = reports(text, published="2018-03-05")
    assert [r.sub_event_type for r in got] == ["Shelling/artillery/missile attack"]


def test_the_sample_toll_update_with_warplanes_circling_gives_one_event():
    from pathlib import Path

    from warwire.ingest import read_sources

    path = Path(__file__).resolve().parents[2] / "warwire/data/sample/06_levant_wire_saraqeb_toll.txt"
    (article,) = read_sources([str(path)], fetch=False)
    (r,) = extract_article(article)
    assert r.sub_event_type == "Air/drone strike"
    assert r.fatalities.best == 19 and r.date == "2018-04-09"


def test_a_part_of_the_toll_told_after_it_is_no_event_of_its_own():
    text = story("At least 20 civilians died on Tuesday as air strikes pounded the Eastern Ghouta region east of Damascus, "
                 "a monitor said.",
                 "Seven children were among the dead in Douma, the monitor said.",
                 "Twelve of the victims died in raids on the town of Saqba.")
    rs = reports(text)
    assert [r.fatalities.best for r in rs] == [20]
    assert rs[0].victims.children == 7


def test_an_area_between_two_towns_is_one_place():
    text = story("Regime air strikes on an area between the towns of Hamouriyeh and Saqba killed 14 civilians on "
                 "Tuesday, the monitor said.")
    rs = reports(text)
    assert [r.fatalities.best for r in rs] == [14]


def test_a_coder_s_note_on_sharing_its_toll_names_no_other_event():
    note = ("Regime troops fought rebel fighters in the town of Kafr Zita in northern Hama. Both sides had "
            "losses; 8 fatalities each coded to the battles at Saraqeb and Kafr Zita.")
    assert len(note) <= SHORT_NOTE
    rs = reports(note)
    assert len(rs) == 1
    assert note[slice(*rs[0].evidence["location"])] == "Kafr Zita"
    assert rs[0].fatalities.best == 8


def test_ground_told_as_an_aim_is_not_taken():
    text = story("Government air strikes killed nine civilians in the town of Kafr Zita on Wednesday, a monitor said.",
                 "Rebels are now seeking to capture the village of Maan from government forces.",
                 "Kurdish-led fighters went on to seize the village of Tal Tamr on Tuesday.")
    subs = [r.sub_event_type for r in reports(text)]
    assert subs.count("Non-state actor overtakes territory") == 1
    aims = [m for m in mentions(text).set_aside if m.status == "hypothetical"]
    assert any(text[m.trigger.start:m.trigger.end] == "capture" for m in aims)


def test_the_event_told_again_beside_another_is_one_event_and_the_other_its_own():
    text = story("A car bomb killed six people in the town of Salamiyeh on Sunday, state media said.",
                 "The attack came as regime warplanes struck the town of Kafr Zita, killing three people, a monitor "
                 "said.")
    told = sorted((r.sub_event_type, text[slice(*r.evidence["location"])], r.fatalities.best)
                  for r in reports(text, published="2016-02-29"))
    assert told == [("Air/drone strike", "Kafr Zita", 3), ("Remote explosive/landmine/IED", "Salamiyeh", 6)]


def test_the_event_told_again_keeps_its_day_not_the_day_of_the_happening_beside_it():
    # "Fridays attack came after ... on Tuesday" (the apostrophe stripped): "on Tuesday" is the Homs bombing's day,
    # not a day of the event told again, which would give that day to the Friday bombing's towns
    text = story("Suicide bombers blew up two cars in the central province of Hama on Friday, killing 12 people, "
                 "state media said.",
                 "The bombers hit the towns of Salamiyeh and Kafr Zita, the agency said.",
                 "Fridays attack came after a car bomb killed 40 people on Tuesday in the city of Homs.")
    frames = mentions(text, published="2016-03-04").frames
    told_again = [j for f in frames for j in f.joined if text[j.trigger.start:j.trigger.end] == "attack"]
    # "Fridays attack" tells its own day (the Friday), never the Tuesday.
    assert told_again and all(j.date is None or text[j.date.start:j.date.end] == "Fridays" for j in told_again)
    assert any(f.date is not None and text[f.date.start:f.date.end] == "on Tuesday" for f in frames)


def test_an_attack_named_by_its_day_is_the_attack_told_before():
    text = story("A car bomb exploded near a bus station in the city of Homs on Saturday, killing nine people, "
                 "state media said.",
                 "Police closed the roads around the station and ambulances ferried the wounded to hospitals.",
                 "Shops in the area stayed shut on Sunday and traders counted their losses.",
                 "Local officials met to discuss the security of the city's markets.",
                 "The governor said Saturdays blast damaged dozens of shops near the station.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Remote explosive/landmine/IED", 9)]


def test_links_to_other_stories_tell_no_event():
    text = story("Government air strikes killed nine civilians in the town of Kafr Zita on Wednesday, a monitor said.",
                 "Topic Car Bomb Kills Twelve in Northern Town (214) Rescue workers searched the rubble for survivors.")
    text += " Related News Suicide bomber kills 20 at Baghdad market | Floods hit coastal villages"
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 9)]


def test_a_later_mention_joins_the_event_whose_toll_and_day_it_tells_not_the_nearest():
    # Both events could be the one a bare "killed" tells again; the toll and the day it repeats say which.
    text = story("Regime shelling killed 14 people in the town of Kafr Zita on Monday, a monitor said.",
                 "A car bomb also went off in the town, state media said.",
                 "Police closed the roads around the market and ambulances ferried the wounded to hospitals.",
                 "Shops in the area stayed shut and traders counted their losses.",
                 "Local officials met to discuss the security of the markets.",
                 "The monitor said the 14 people killed on Monday came from two families.")
    told = sorted((r.sub_event_type, r.fatalities.best, r.date) for r in reports(text))
    assert told == [("Remote explosive/landmine/IED", None, "2018-03-07"),
                    ("Shelling/artillery/missile attack", 14, "2018-03-05")]


def test_a_story_told_on_after_an_earlier_year_stays_in_that_year():
    # The second sentence has no day and no source of its own: it goes on with the 2014 story.
    earlier = ("Residents found a mass grave of 90 villagers who were executed by militants in late 2014.",
               "The militants stormed the village and rounded up dozens of men.")
    text = story("Government shelling killed five people in the town of Kafr Zita on Monday, a monitor said.", *earlier)
    assert [(r.sub_event_type, r.fatalities.best) for r in reports(text)] == [
        ("Shelling/artillery/missile attack", 5)]
    # Told with its source, the next sentence is news again.
    sourced = story("Government shelling killed five people in the town of Kafr Zita on Monday, a monitor said.",
                    earlier[0],
                    "Militants stormed the village of Maarzaf and rounded up dozens of men, the monitor said.")
    assert len(reports(sourced)) == 2


def test_the_bombing_names_the_suicide_attack_told_before():
    text = story("A suicide bomber blew himself up at a checkpoint in Azaz on Tuesday, killing nine people, a monitor "
                 "said.", "Ambulances carried the wounded to hospitals near the border.",
                 "No group has yet said it carried out the bombing.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Suicide bomb", 9)]


def test_another_sources_toll_for_the_raids_is_the_same_event():
    text = story("Air strikes hit the town of Kafr Nabl on Sunday, killing 20 people, activists said.",
                 "Residents said the market was crowded at the time.",
                 "The Observatory said 17 civilians were killed in the raids on the town.")
    rs = reports(text, published="2018-03-05")
    assert len(rs) == 1
    assert rs[0].sub_event_type == "Air/drone strike" and rs[0].fatalities.best == 20
    assert rs[0].date == "2018-03-04"


def test_the_bombings_told_with_another_place_and_day_name_another_event():
    text = story("Two car bombs exploded in the town of Salamiyeh on Friday, killing 14 people, state media said.",
                 "The bombings come in a bloody week which also saw 30 civilians killed in Douma on Thursday when "
                 "government aircraft bombed a market.")
    rs = reports(text, published="2018-03-10")
    got = sorted((r.location.name if r.location else None, r.date, r.fatalities.best) for r in rs)
    assert len(rs) == 2, got
    assert {g[1] for g in got} == {"2018-03-08", "2018-03-09"}


def test_a_part_of_the_toll_told_sentences_later_is_no_event_of_its_own():
    text = story("Government air strikes killed at least 19 civilians in the town of Douma on Tuesday, a monitor said.",
                 "Six of the dead were children, the monitor said of the besieged rebel town.",
                 "Rescue workers searched the rubble through the night.",
                 "Doctors said the hospital had run out of blood, the monitor added.",
                 "Fourteen of the victims died in strikes on a market.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 19)]


def test_a_capital_named_for_its_government_is_not_the_events_place():
    text = story("A car bomb killed five people near the town of Azaz on Monday, a monitor said.",
                 "Shops and cars were damaged along the main road.",
                 "Pro-Damascus media blamed the blast on a suicide "
                 "bomber; no group has claimed it.",
                 "The government in Damascus condemned the bombing.")
    rs = reports(text)
    assert [(r.location.name if r.location else None, r.fatalities.best) for r in rs] == [("Azaz", 5)]


def test_a_list_of_towns_without_commas_is_one_event_per_town():
    # Some outlets' texts come with their commas stripped.
    text = story("Government warplanes struck the towns of Misraba Arbin and Kafr Batna on Monday killing nine "
                 "people a monitor said.").replace(",", "")
    rs = reports(text)
    assert sorted((r.location.name, r.fatalities.best) for r in rs) == [("Arbin", 3), ("Kafr Batna", 3),
                                                                         ("Misraba", 3)]


def test_two_places_side_by_side_without_an_and_are_no_list():
    text = story("Government warplanes struck the town of Arbin Eastern Ghouta on Monday killing nine people a "
                 "monitor said.", "Residents said the roads were closed for hours.").replace(",", "")
    rs = reports(text)
    assert [(r.location.name, r.fatalities.best) for r in rs] == [("Arbin", 9)]


def test_the_towns_people_came_from_are_not_a_list_of_places_hit():
    text = story("A car bomb hit a convoy of buses carrying evacuees from the towns of Nubl and Zahraa at a transit "
                 "point on Saturday, killing 40 people, a monitor said.")
    rs = reports(text)
    assert len(rs) == 1 and rs[0].fatalities.best == 40


def test_the_same_dead_told_again_with_another_weapon_word_are_one_event():
    text = story("Three children were killed in government shelling on the town of Talbiseh on Sunday, activists said.",
                 "Three children were killed in regime air strikes that hit a school in Talbiseh, a local council "
                 "said.")
    rs = reports(text, published="2018-03-05")
    assert len(rs) == 1 and rs[0].fatalities.best == 3 and rs[0].date == "2018-03-04"


def test_the_event_the_dead_told_before_died_in_is_their_event():
    # "The casualties were caused by a mortar attack": the dead told before, named again, and the attack they died
    # in are one event (its weapon and place told by the second sentence, its toll by the first).
    text = story("Three policemen died and five were hurt when militants struck a patrol in the north on Friday, the "
                 "ministry said.",
                 "The ministry said the casualties were caused by a mortar attack on their armoured car near the "
                 "village of Saraqeb.")
    assert [(r.sub_event_type, r.location.name, r.fatalities.best) for r in reports(text, published="2018-03-10")] \
        == [("Shelling/artillery/missile attack", "Saraqab", 3)]
    # A strike told apart, with no word for the dead told before, is another event.
    text = story("Government air raids on Idlib province left at least 12 civilians dead on Tuesday, a monitor said.",
                 "Separately, rebels shelled the town of Saraqeb, the monitor said.")
    assert len(reports(text)) == 2


def test_a_lead_told_again_after_a_keyword_list_is_one_event():
    # A web page's keyword list ("Tags ...") runs into the lead told again; its keywords are no actors.
    text = story("At least 17 civilians were killed by a Russian air raid on the market in the town of Kafr Nabl.",
                 "Tags Syria air strike ISIS Kafr Nabl civilians Seventeen civilians died when jets struck "
                 "the market of Kafr Nabl on Monday, a monitor said.").replace(",", "")
    rs = reports(text)
    assert [(r.sub_event_type, r.location.name, r.fatalities.best) for r in rs] == \
        [("Air/drone strike", "Kafr Nobol", 17)]


def test_the_evidence_lists_every_mention_the_event_was_assembled_from():
    first = "Government warplanes struck the town of Saraqeb on Monday, killing 12 people, a monitor said."
    again = "The attack destroyed a bakery and a school."
    part = "Five children were among the dead."
    text = story(first, "Rescue workers searched the rubble through the night.", again, part)
    rs = reports(text)
    assert len(rs) == 1
    spans = [tuple(v) for k, v in rs[0].evidence.items() if k == "sub_event_type" or k.startswith("mention.")]
    told_in = [text.index(s) for s in (first, again, part)]
    for start, sentence in zip(told_in, (first, again, part)):
        assert any(start <= a < start + len(sentence) for a, _ in spans), sentence


def test_each_towns_event_keeps_the_mentions_it_was_told_with():
    again = "The raids on Monday hit two crowded markets."
    text = story("Government warplanes struck the towns of Kafr Nabl and Hass, killing eight people, a monitor said.",
                 again)
    rs = reports(text)
    assert len(rs) == 2 and all(r.date == "2018-03-05" for r in rs)
    start = text.index(again)
    for r in rs:
        assert any(start <= v[0] < start + len(again) for k, v in r.evidence.items() if k.startswith("mention.")), \
            r.location.name


def test_a_later_toll_updates_the_event_it_counts():
    text = story("Government warplanes struck the town of Saraqeb on Monday, killing 12 people, a monitor said.",
                 "Rescue workers searched the rubble through the night.",
                 "The death toll later rose to 18, the monitor said.")
    rs = reports(text)
    assert [(r.sub_event_type, r.date, r.fatalities.best) for r in rs] == [("Air/drone strike", "2018-03-05", 18)]


def test_the_day_a_toll_rose_is_not_the_events_day():
    text = story("A car bomb killed five people in the town of Azaz on Tuesday, a monitor said.",
                 "The number of people killed in the bombing rose to nine on Wednesday, the monitor said.")
    rs = reports(text, published="2018-03-08")
    assert [(r.sub_event_type, r.date, r.fatalities.best) for r in rs] == \
        [("Remote explosive/landmine/IED", "2018-03-06", 9)]


def test_a_reporting_credit_names_no_place_of_the_event():
    text = story("Shelling killed four people in a village on Monday, a monitor said.",
                 "(Additional reporting by Lina Haddad in Homs; Editing by Tom Brown)")
    rs = reports(text)
    assert len(rs) == 1
    assert rs[0].location is None or rs[0].location.name not in ("Homs", "Heddiyeh", "Geneva")


def test_a_place_abroad_is_the_scene_only_where_its_clause_tells_it():
    text = story("Government warplanes killed six people in raids on Monday, a monitor said.",
                 "Diplomats in Moscow said the strikes were aimed at militants.")
    rs = reports(text)
    assert rs and all(r.location is None or r.location.country == "Syria" for r in rs)


def test_five_of_them_is_a_part_of_the_toll_and_names_its_weapon():
    text = story("A monitor said at least eight people died in the town of Rastan on Wednesday.",
                 "Five of them were killed by air strikes on the town's market.",
                 "Most of them were fighters, a local council said.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 8)]


def test_the_same_dead_told_again_in_a_district_of_the_city_are_one_event():
    text = story("A missile fired by government forces killed 18 civilians in Aleppo on Tuesday, a monitor said.",
                 "The missile killed 18 people when it struck homes in the Bustan al-Qasr district, the monitor said.")
    rs = reports(text)
    assert len(rs) == 1 and rs[0].fatalities.best == 18


def test_a_superlative_comparison_with_an_earlier_time_is_still_news():
    # "since the war began" says how grave the strike is; it does not make the strike the war's backdrop.
    text = story("Warplanes bombed the main market of Maarat Misrin on Wednesday in what residents called the "
                 "bloodiest raid on their town since the conflict started, a monitor said.",
                 "No fewer than 16 people were killed by the bombs, according to the monitor.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best, r.date) for r in rs] == [("Air/drone strike", 16, "2018-03-07")]


def test_a_comparison_does_not_hide_a_real_backdrop():
    text = story("Rebel shelling killed six people in the town of Mhardeh on Tuesday, state media said.",
                 "The war, which began in 2011, has killed more than 350,000 people.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Shelling/artillery/missile attack", 6)]


def test_among_the_dead_were_is_a_part_of_the_toll_before_it():
    text = story("Government air strikes on the town of Saraqeb killed 27 people on Monday, a monitor said.",
                 "Rescue workers searched the rubble of three buildings for survivors.",
                 "Among the dead were nine children.")
    rs = reports(text)
    assert [(r.fatalities.best, r.victims.children) for r in rs] == [(27, 9)]


def test_another_sources_count_of_the_same_dead_is_no_new_event():
    text = story("A car bomb exploded near a bus station in the town of Jableh on Sunday, killing 30 people, "
                 "state media said.",
                 "Dozens of people were wounded and shops along the street were destroyed.",
                 "Ambulances took the wounded to hospitals in the city.",
                 "Doctors at the main hospital gave a different death toll of 33.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Remote explosive/landmine/IED", 30)]


def test_a_count_at_another_place_is_still_its_own_event():
    # A count told as a source's toll joins only an event it may count: here the place differs.
    text = story("A car bomb exploded near a bus station in the town of Jableh on Sunday, killing 30 people, "
                 "state media said.",
                 "In the city of Idlib, a monitoring group put the toll from shelling of a market at 12 dead.")
    rs = reports(text)
    assert len(rs) == 2


def test_an_aid_convoy_entering_a_town_takes_no_ground():
    # The convoy's arrival is an aid delivery (Other), as the coding guide codes it, and no ground taken.
    text = story("Government shelling killed five civilians in the town of Douma on Tuesday, a monitor said.",
                 "A convoy of 40 aid lorries loaded with flour and medicine entered the town of Harasta on Monday, "
                 "according to the Red Crescent.")
    rs = reports(text)
    assert sorted(r.sub_event_type for r in rs) == ["Other", "Shelling/artillery/missile attack"]
    assert not any("territory" in m.sub for m in mentions(text).frames)


def test_troops_entering_a_town_still_take_it():
    text = story("Government troops entered the town of Harasta on Monday after heavy clashes with rebels, "
                 "state media said.")
    assert any("territory" in r.sub_event_type for r in reports(text))


def test_a_capital_named_for_its_government_is_not_the_scene():
    text = story("Fighters loyal to Damascus took control of the villages of Tal Hamam and Abu Dali on Saturday "
                 "after clashes with rebels, the ministry said.")
    rs = reports(text)
    assert rs and all(r.location is None or r.location.name != "Damascus" for r in rs)


def test_days_of_bombing_with_a_toll_are_a_cumulative_fact():
    text = story("An air strike hit a market in the town of Ariha on Thursday, killing nine people, a monitor said.",
                 "The monitor said that nine days of raids and rocket fire on the province's towns had killed "
                 "over 70 civilians.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 9)]
    assert [m.casualties.fatalities.best for m in mentions(text).cumulative] == [70]


def test_a_group_named_by_the_war_it_wages_fights_no_battle():
    text = story("A car bomb exploded at a checkpoint in the town of Atmeh on Monday, killing seven people, a "
                 "monitor said.",
                 "Ambulances took the wounded to hospitals near the border.", "Shops were closed across the town.",
                 "Residents of Idlib said rebel factions battling the army had set up checkpoints in the city.")
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Remote explosive/landmine/IED"]


def test_rebels_fighting_on_a_day_with_a_toll_are_a_battle():
    text = story("Rebels fought government forces near the town of Khan Touman on Sunday, and 14 fighters were "
                 "killed, a monitor said.")
    assert [r.sub_event_type for r in reports(text)] == ["Armed clash"]


def test_a_government_named_by_its_capital_is_not_the_scene():
    text = story("Gunmen abducted two aid workers in the town of Sarmada on Tuesday, a monitor said.",
                 "An opponent of the Damascus regime was abducted by unknown gunmen on Wednesday, activists said.")
    rs = reports(text)
    assert rs and all(r.location is None or r.location.name != "Damascus" for r in rs)


def test_a_place_of_the_backdrop_is_not_lent_to_an_event_without_one():
    text = story("Rebels used the same weapons in the town of Kafr Zita last year, the ministry said.",
                 "A suspected gas attack killed at least 40 people on Tuesday, doctors said.",
                 "Hospitals across Idlib province were overwhelmed, doctors said.")
    rs = reports(text)
    assert [r.location.admin1 for r in rs] == ["Idleb"]
    assert not any("Kafr" in r.location.name for r in rs)


def test_a_strike_told_with_the_toll_of_weeks_of_bombing_is_still_an_event():
    text = story("Fresh air strikes on the town of Ariha killed five people on Monday, a monitor said, bringing the "
                 "toll of two weeks of bombardment on the province to 210.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 5)]


def test_parallel_clauses_with_their_own_tolls_and_places_are_two_events():
    # Each clause counts its own dead at a town it names; the one with no attacker is the same side's bombardment.
    got = reports(story("Government warplanes struck the village of Hish on Tuesday, killing eight civilians, while "
                        "shelling that hit Kafr Sajna village killed three more."))
    by_place = {r.location.name: r for r in got if r.location is not None}
    assert {"Heish", "Kafrsajna"} <= set(by_place)
    assert by_place["Heish"].fatalities.best == 8 and by_place["Kafrsajna"].fatalities.best == 3
    assert by_place["Kafrsajna"].sub_event_type == "Shelling/artillery/missile attack"
    assert by_place["Kafrsajna"].actor1 is not None
    assert by_place["Kafrsajna"].actor1.name == by_place["Heish"].actor1.name


def test_one_bombardment_told_in_two_words_stays_one_event():
    got = reports(story("Government forces shelled the town of Saqba on Tuesday while warplanes carried out raids "
                        "on the town, killing 11 civilians."))
    assert len([r for r in got if r.location is not None and r.location.name == "Saqba"]) == 1


def test_a_coders_note_reports_its_one_event_even_in_words_a_story_would_call_backdrop():
    note = ("Demonstrators gathered in Mukalla today, protesting against the governor's plans to close the port "
            "to fishermen.")
    assert len(note) < SHORT_NOTE
    got = reports(note)
    assert [r.sub_event_type for r in got] == ["Peaceful protest"]
    assert got[0].location is not None and got[0].location.name == "Al Mukalla"
    # The same words in a story are its backdrop, not its news.
    assert not [r for r in reports(story(note)) if r.sub_event_type == "Peaceful protest"]


def test_fighters_told_among_a_toll_told_again_are_taken_out_of_its_civilians():
    got = reports(story("Militants shot dead 25 people in the village of Tal Abyad on Sunday, a rights group said.",
                        "Five children and nine soldiers were among the 25 people shot dead, the group added."))
    lead = next(r for r in got if r.primary)
    assert lead.fatalities.best == 25
    assert lead.victims.combatants == 9 and lead.victims.children == 5
    assert lead.victims.civilians == 16


def _told_at(sentence: int, place: Location | None, told: bool = True) -> Mention:
    return Mention(sub="Shelling/artillery/missile attack", rule_sub="Shelling/artillery/missile attack", trigger=None,
                   sentence=sentence, tier=2, place=place, place_span=(0, 1) if place else None,
                   place_told=told and place is not None)


ALEPPO = Location(name="Aleppo", country="Syria", admin1="Aleppo", geo_precision=3)
AZAZ = Location(name="Azaz", country="Syria", admin1="Aleppo", admin2="A'zaz", geo_precision=1)
DOUMA = Location(name="Duma", country="Syria", admin1="Rural Damascus", admin2="Duma", geo_precision=1)


def test_a_place_told_with_the_event_yields_only_to_a_town_inside_it_told_next():
    # The headline's governorate is sharpened by a town of it the next sentence names.
    a = _told_at(0, ALEPPO)
    _absorb(a, _told_at(1, AZAZ), "")
    assert a.place.name == "Azaz"
    # A town of another governorate is another telling's place, not a sharper one.
    a = _told_at(0, ALEPPO)
    _absorb(a, _told_at(1, DOUMA), "")
    assert a.place.name == "Aleppo"
    # Nor does a town inside it told paragraphs later replace it.
    a = _told_at(0, ALEPPO)
    _absorb(a, _told_at(9, AZAZ), "")
    assert a.place.name == "Aleppo"


def test_an_event_told_with_no_place_takes_only_a_place_told_nearby():
    guessed = Location(name="Jisreen", country="Syria", admin1="Rural Damascus", geo_precision=1)
    a = _told_at(2, guessed, told=False)
    _absorb(a, _told_at(4, DOUMA), "")
    assert a.place.name == "Duma" and a.place_told
    a = _told_at(2, guessed, told=False)
    _absorb(a, _told_at(20, AZAZ), "")
    assert a.place.name == "Jisreen" and not a.place_told
    # With no place at all, any place told of the event is better than none.
    a = _told_at(2, None)
    _absorb(a, _told_at(20, AZAZ), "")
    assert a.place.name == "Azaz"


def test_a_bomb_told_beside_an_air_strike_is_not_the_air_forces():
    # Only a bombardment told beside a bombardment is the same side's: a car bomb's planter is not told.
    got = reports(story("Russian warplanes raided the town of Maarat al-Numan on Friday, killing eight people, while "
                        "a car bomb blew up in the town of Jarablus, killing three."))
    by_place = {r.location.name: r for r in got if r.location is not None}
    assert by_place["Ma'arrat An Nu'man"].actor1.name == "Military Forces of Russia"
    assert by_place["Jarablus"].sub_event_type == "Remote explosive/landmine/IED"
    assert by_place["Jarablus"].actor1 is None or "Russia" not in by_place["Jarablus"].actor1.name


def test_two_towns_with_the_same_toll_told_side_by_side_are_two_events():
    got = reports(story("On Tuesday government air strikes on the town of Sarmin killed nine civilians, while "
                        "shelling of the town of Binnish killed another nine civilians."))
    by_place = {r.location.name: r.fatalities.best for r in got if r.location is not None}
    assert len(by_place) == 2 and set(by_place.values()) == {9}


def test_a_coders_note_does_not_report_history_told_as_a_places_past():
    # The note's one event word tells what happened years before: the note has no news to report.
    assert not reports("The village of Kafr Zita, which rebels seized in 2014, was quiet on Thursday, a farmer "
                       "said.", published="2018-03-08")
    assert not reports("Residents of Binnish, taken by government troops in March 2015, said the market reopened "
                       "on Sunday.", published="2018-03-08")
    # Told on the note's own day, the same words are its news.
    assert [r.sub_event_type for r in reports("Rebels seized the village of Kafr Zita on Thursday, a farmer said.",
                                              published="2018-03-08")] == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize("told", [
    "Army shelling killed three civilians in Arbin, four in Saqba and two in Harasta on Thursday, the monitor said.",
    "Army shelling killed three civilians in Arbin four in Saqba and two in Harasta on Thursday the monitor said.",
    "Army shelling on Thursday killed nine civilians: three in Arbin, four in Saqba and two in Harasta.",
    "Army shelling on Thursday killed nine civilians including three in Arbin four in Saqba and two in Harasta.",
])
def test_tolls_told_town_by_town_with_commas_spaces_or_after_their_total_are_each_towns(told):
    text = story(told)
    rs = reports(text)
    assert sorted((text[slice(*r.evidence["location"])], r.fatalities.best) for r in rs) == \
        [("Arbin", 3), ("Harasta", 2), ("Saqba", 4)]


def test_a_towns_own_toll_replaces_its_even_share_of_a_headline_total():
    text = story("Eleven civilians killed in rebel rocket fire on Aleppo and Deir Ezzor.",
                 "Rockets fired by rebels killed seven civilians including two children in Aleppo on Tuesday, "
                 "a local official said.",
                 "In Deir Ezzor four civilians were killed when rockets struck a market on Tuesday, he added.")
    rs = reports(text)
    assert sorted((r.location.admin1, r.fatalities.best) for r in rs) == [("Aleppo", 7), ("Deir-ez-Zor", 4)]


def test_towns_named_in_the_sentence_after_the_toll_each_get_their_share():
    text = story("Twelve people died when two car bombs went off in Hama province on Friday, state media said.",
                 "The bombers struck the towns of Salamiyah and Masyaf, the agency said.")
    rs = reports(text, published="2018-03-09")
    assert sorted((text[slice(*r.evidence["location"])], r.fatalities.best) for r in rs) == \
        [("Masyaf", 6), ("Salamiyah", 6)]


def test_the_same_dead_told_again_later_with_another_side_named_are_one_event():
    # A restatement paragraphs later may name the side another source blames: the same count of dead at the same
    # town on the same day is still one strike.
    text = story("Syrian government jets bombed a bakery in Kafr Nabl on Monday and 23 people died, the monitor said.",
                 "Rescue workers searched the rubble of a bakery for survivors.",
                 "Hospitals in the area said they were short of blood.",
                 "Shops in the town stayed shut and families buried their relatives.",
                 "Russian warplanes killed 23 civilians at a bakery in Kafr Nabl, a local activist said.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 23)]
    # Other dead, or the same count at another town, stay events of their own.
    text = story("Syrian government jets bombed a bakery in Kafr Nabl on Monday and 23 people died, the monitor said.",
                 "Rescue workers searched the rubble of a bakery for survivors.",
                 "Hospitals in the area said they were short of blood.",
                 "Shops in the town stayed shut and families buried their relatives.",
                 "Russian warplanes killed 23 civilians at a bakery in Deir Ezzor, a local activist said.")
    assert len(reports(text)) == 2


@pytest.mark.parametrize("told", [
    "Rebel mortars killed 12 people on March 4 in Mhardeh and 3 in Suqaylabiyah, the governor said.",
    "Rebel mortars killed 12 people on Sunday 4 in Mhardeh and 3 in Suqaylabiyah, the governor said.",
])
def test_a_day_of_the_month_before_a_town_is_not_the_towns_own_toll(told):
    text = story(told)
    assert sorted((text[slice(*r.evidence["location"])], r.fatalities.best) for r in reports(text)) == \
        [("Mhardeh", 12), ("Suqaylabiyah", 3)]


@pytest.mark.parametrize("told, shares", [
    (("Nine people died as rebel rockets fell on Mhardeh and Suqaylabiyah.",
      "Rebel rockets killed six people in Mhardeh on Tuesday, a nurse at the clinic told us."),
     [("Mhardeh", 6), ("Suqaylabiyah", 3)]),
    (("Twelve people died as rebel rockets fell on the towns of Mhardeh, Kafr Buhum and Suqaylabiyah on Tuesday.",
      "Rebel rockets killed eight people in Mhardeh on Tuesday, a nurse at the clinic told us."),
     [("Kafr Buhum", 2), ("Mhardeh", 8), ("Suqaylabiyah", 2)]),
])
def test_what_a_towns_own_toll_leaves_of_the_total_is_shared_over_the_other_towns(told, shares):
    text = story(*told)
    rs = reports(text)
    assert sorted((text[slice(*r.evidence["location"])], r.fatalities.best) for r in rs) == shares


def test_the_same_toll_told_far_down_the_story_is_the_same_strike_only_where_alike():
    filler = ["Families queued for bread outside the only bakery still open.",
              "The road to the hospital was cut for most of the afternoon.",
              "Schools in the district have been closed since the autumn.",
              "Volunteers handed out blankets in the mosque courtyard.",
              "Farmers said they could not reach their fields by the river.",
              "Electricity came on for two hours in the evening.",
              "Water tankers were turned back at the checkpoint north of the town.",
              "A local council member said the clinic was running out of insulin.",
              "Several families packed their cars and left before dark."]
    first = "Syrian government jets bombed a market in Kafr Nabl on Monday and five people died, the monitor said."
    again = "Russian warplanes killed five civilians at a market in Kafr Nabl, an activist said."
    # Told again within a story's restatement reach, the same count is the same dead ...
    assert len(reports(story(first, *filler[:3], again))) == 1
    # ... told again a page later, assembly keeps it apart, and the record then tells it as the same strike told
    # again only when nothing sets it apart (same type and place, no day of its own: newsworthy.py) ...
    assert len(reports(story(first, *filler, again))) == 1
    # ... and as another strike when it names another town.
    elsewhere = again.replace("Kafr Nabl", "Maarat al-Numan")
    assert len(reports(story(first, *filler[:3], elsewhere))) == 2
    assert len(reports(story(first, *filler, elsewhere))) == 2


def test_a_towns_share_is_no_part_of_a_sum_that_makes_another_towns_toll():
    # Arbin's own four are not the total of Saqba's remaining three and Harasta's one.
    text = story("Seven people died as rebel rockets fell on the towns of Arbin and Saqba on Tuesday.",
                 "Rebel rockets killed four people in Arbin on Tuesday, a nurse at the clinic told us.",
                 "A rebel rocket also killed a baker in Harasta on Tuesday, his brother said.")
    assert sorted((text[slice(*r.evidence["location"])], r.fatalities.best) for r in reports(text)) == \
        [("Arbin", 4), ("Harasta", 1), ("Saqba", 3)]


def test_the_same_kind_of_event_told_again_with_nothing_of_its_own_is_the_event_told_before():
    text = story("Warplanes struck a vegetable market in Saraqeb on Tuesday, killing nine civilians, "
                 "a monitor said.", "Rescue workers searched the rubble of the stalls for hours.",
                 "The town council asked for blankets and tents.", "Schools in the district closed for the week.",
                 "Traders said they could not afford to rebuild.",
                 "Shopkeepers said the market was hit by air strikes again and again as the crowd ran for cover.")
    rs = reports(text)
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 9)]


def test_the_same_kind_of_event_told_with_a_place_of_its_own_stays_another_event():
    text = story("Warplanes struck a vegetable market in Saraqeb on Tuesday, killing nine civilians, "
                 "a monitor said.", "Rescue workers searched the rubble of the stalls for hours.",
                 "The town council asked for blankets and tents.", "Schools in the district closed for the week.",
                 "Traders said they could not afford to rebuild.",
                 "The village of Kafr Nabl was hit by air strikes the same day, residents said.")
    assert len([r for r in reports(text) if r.sub_event_type == "Air/drone strike"]) == 2


def test_a_try_to_take_ground_or_to_set_up_a_base_is_an_aim_not_an_event():
    text = story("Two conscripts died on Friday when insurgent mortar rounds landed on an army post outside "
                 "Talbiseh, a medic said.",
                 "Loyalist units tried to capture the ridge above the highway all winter.",
                 "Their officers hope to set up two observation posts on its crest, a spokesman added.")
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Shelling/artillery/missile attack"]


def test_a_side_s_name_for_its_ground_takes_no_ground():
    text = story("Masked men raided a courthouse on Thursday in the liberated parts of Aleppo province and shot "
                 "three clerks dead.")
    rs = reports(text)
    assert all(r.event_type != "Battles" or "territory" not in r.sub_event_type for r in rs)
    assert [r.fatalities.best for r in rs] == [3]


def test_a_headline_that_names_a_kind_of_event_only_is_the_event_the_body_dates():
    text = story("Foreign minister raises chemical attack in call with UN chief.",
                 "The two men talked by telephone on Friday, a ministry statement said.",
                 "He urged that an independent team visit the site without delay.",
                 "Rebel factions accuse the army of a chemical attack on the village of Kafr Zita on Wednesday "
                 "that left at least 17 people dead.")
    rs = [r for r in reports(text, published="2018-03-11") if "reference" not in r.tags]
    assert [(r.sub_event_type, r.date, r.fatalities.best) for r in rs] == [("Chemical weapon", "2018-03-07", 17)]


def test_another_source_s_count_for_the_strike_just_told_is_no_event_of_its_own():
    text = story("Eighteen people died on Tuesday when jets bombed a market in Maarat al-Numan, local doctors "
                 "reported.",
                 "Shopkeepers said the planes came in low twice.",
                 "A war monitor reported that 25 civilians had been killed.")
    rs = reports(text, published="2018-03-07")
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 18)]


@pytest.mark.parametrize("opening", ["The air force", "NDF units said the air force", "Russian jets"])
def test_a_province_heading_a_round_up_paragraph_is_not_the_place_of_its_events(opening):
    text = story("Troops kept up operations in several provinces over the weekend, according to an officer.",
                 f"Homs {opening} destroyed two rocket launchers near Talbiseh and Rastan on Sunday, a field "
                 "commander told the agency.")
    rs = reports(text, published="2018-03-11")
    assert sorted((r.location.name, r.location.admin1) for r in rs if r.event_type != "Battles") == \
        [("Ar-Rastan", "Homs"), ("Talbiseh", "Homs")]


def test_a_campaign_named_by_how_long_it_goes_on_is_no_event():
    text = story("Five people were killed on Tuesday in Salamiyeh when mortar fire from rebel lines hit a bus "
                 "stop, the governor said.",
                 "Officials cite the militants' hold on the old quarter to justify relentless shelling of its "
                 "streets.")
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Shelling/artillery/missile attack"]


def test_a_perfect_in_a_relative_clause_after_the_event_word_does_not_background_it():
    text = story("Five people were killed on Tuesday in Salamiyeh when mortar fire from rebel lines hit a bus "
                 "stop, the governor said.",
                 "Shops in the centre stayed shut.",
                 "Officials held a funeral in the afternoon.",
                 "Fighting also broke out in two quarters of Deraa, where loyalist brigades have opened a new front.")
    rs = [r for r in reports(text) if "reference" not in r.tags]
    assert sorted(r.event_type for r in rs) == ["Battles", "Explosions/Remote violence"]


def test_a_headline_naming_the_area_loosely_is_the_event_the_body_places_with_the_same_dead():
    text = story("Troops kill 11 gunmen near Damascus.",
                 "Eleven gunmen were killed when an army unit ambushed them outside Yabroud on Thursday, a "
                 "military source said.")
    rs = reports(text)
    assert [(r.location.name, r.fatalities.best) for r in rs] == [("Yabroud", 11)]


def test_a_headline_is_not_placed_by_a_telling_outside_its_area():
    text = story("Mortar fire kills 4 in Aleppo.",
                 "Mortar shells killed four people in the Salah al-Din district of Aleppo on Sunday, the governor "
                 "said.",
                 "Separately, shelling killed four soldiers near the village of Kinsabba in Latakia province on "
                 "Sunday.")
    rs = reports(text, published="2018-03-11")
    assert sorted((r.location.admin1, r.fatalities.best) for r in rs) == [("Aleppo", 4), ("Lattakia", 4)]


def test_towns_listed_each_with_its_own_noun_are_one_event_each():
    text = story("Four shepherds were killed by landmines in Sukhnah town and Arak village on Wednesday, a local "
                 "official reported.")
    rs = reports(text)
    assert sorted(r.location.name for r in rs) == ["Arak", "Sokhneh"]


def test_the_same_day_and_the_same_thing_hit_tell_one_event():
    text = story("An opposition spokesman said jets struck the field hospital on Saturday.",
                 "Doctors moved their patients to a school.",
                 "Relatives gathered outside.",
                 "A warplane flattened a hospital in Khan Shaykhun on Saturday, rescuers said.")
    rs = [r for r in reports(text, published="2018-03-11") if "reference" not in r.tags]
    assert [(r.sub_event_type, r.date) for r in rs] == [("Air/drone strike", "2018-03-10")]


def test_what_a_side_may_have_done_is_no_event_but_the_month_of_may_is_a_day():
    text = story("Five people were killed on Tuesday in Salamiyeh when mortar fire from rebel lines hit a bus "
                 "stop, the governor said.",
                 "Shops in the centre stayed shut.",
                 "Officials held a funeral in the afternoon.",
                 "According to a UN official, loyalist artillery may have shelled the hamlet of Ain Laroz too.")
    found = mentions(text)
    assert [m.status for m in found.set_aside if m.sentence == 3] == ["hypothetical"]
    rs = [r for r in reports(text) if "reference" not in r.tags]
    assert [r.location.name for r in rs] == ["As-Salamiyeh"]


def test_a_name_told_twice_in_a_story_names_one_place():
    from warwire.extract.assembly import _one_place_per_name
    from warwire.extract.places import PlaceMention

    def at(start, surface, name, admin1):
        return PlaceMention(start, start + len(surface), surface,
                            Location(name=name, admin1=admin1, country="Ruritania", geo_precision=1))

    places = [at(0, "Tell Hadid", "Tall Hadid", "North"), at(40, "Ostra", "Ostra", "North"),
              at(90, "Tell Hadid", "Tel Hadeed", "South"), at(120, "Varda", "Varda", "South"),
              at(160, "Zelen", "Zelen", "North")]
    out = _one_place_per_name(places)
    assert [(p.start, p.location.name) for p in out if p.surface == "Tell Hadid"] == [(0, "Tall Hadid"),
                                                                                       (90, "Tall Hadid")]
    assert [p.location.name for p in out if p.surface != "Tell Hadid"] == ["Ostra", "Varda", "Zelen"]


def test_a_toll_told_as_killed_in_the_strikes_is_another_count_of_the_strikes_told_before():
    text = story("Air strikes pounded the outskirts of Ariha on Tuesday and 14 people died, a civil defence "
                 "volunteer said.",
                 "Crews searched through the night.",
                 "Schools in the district closed.",
                 "An observatory reported that 19 people, six of them women, died during those strikes.")
    rs = [r for r in reports(text) if "reference" not in r.tags]
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 14)]


def test_an_agreement_named_by_who_made_it_and_where_is_the_setting():
    text = story("Five people were killed on Tuesday in Salamiyeh when mortar fire from rebel lines hit a bus "
                 "stop, the governor said.",
                 "Under the ceasefire agreed to in Beirut, shops have reopened.")
    rs = [r for r in reports(text) if "reference" not in r.tags]
    assert [r.sub_event_type for r in rs] == ["Shelling/artillery/missile attack"]
    text = story("Five people were killed on Tuesday in Salamiyeh when mortar fire from rebel lines hit a bus "
                 "stop, the governor said.",
                 "On Wednesday both sides agreed to a truce to reopen the road into the town.")
    rs = [r for r in reports(text) if "reference" not in r.tags]
    assert sorted(r.sub_event_type for r in rs) == ["Agreement", "Shelling/artillery/missile attack"]


def test_a_treaty_that_bans_a_weapon_and_caches_of_it_are_no_use_of_it():
    text = story("Five people were killed on Tuesday in Salamiyeh when mortar fire from rebel lines hit a bus "
                 "stop, the governor said.",
                 "The government signed a pact that outlaws chemical weapons.",
                 "Inspectors think it kept caches of sarin all the same.")
    rs = [r for r in reports(text) if "reference" not in r.tags]
    assert [r.sub_event_type for r in rs] == ["Shelling/artillery/missile attack"]


def test_a_decade_before_the_story_is_history():
    text = story("Artillery pounded the old city of Homs on Monday, killing seven residents, activists said.",
                 "In the 1960s rival officers staged coups and bomb attacks that left dozens dead.")
    rs = [r for r in reports(text, published="2011-08-01") if "reference" not in r.tags]
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Shelling/artillery/missile attack", 7)]


def test_a_kind_of_event_named_with_nothing_of_its_own_past_the_lead_is_the_backdrop():
    text = story("Five people were killed on Tuesday in Salamiyeh when mortar fire from rebel lines hit a bus "
                 "stop, the governor said.",
                 "Shops in the centre stayed shut.",
                 "Officials held a funeral in the afternoon.",
                 "The harvest shrank because of fighting nearby, farmers told a visiting reporter.")
    rs = [r for r in reports(text) if "reference" not in r.tags]
    assert [r.sub_event_type for r in rs] == ["Shelling/artillery/missile attack"]


def test_a_town_told_by_the_way_from_a_province_s_chief_city_is_the_place():
    text = story("Helicopters dropped barrel bombs on Rastan, a town north of Homs, on Thursday, activists said.")
    rs = [r for r in reports(text) if "reference" not in r.tags]
    assert [r.location.name for r in rs] == ["Ar-Rastan"]


def test_a_toll_that_names_who_killed_does_not_join_another_side_s_event():
    text = story("Rebels attacked an army checkpoint near Anadan with a car bomb on Tuesday, a monitor said.",
                 "The monitor said two boys were killed by government bombs in an opposition-held quarter of "
                 "Aleppo.")
    rs = reports(text)
    assert sorted((r.actor1.kind if r.actor1 else None, r.fatalities.best) for r in rs) == \
        [("Rebel group", None), ("State forces", 2)]


def test_a_headline_listing_places_is_placed_by_the_body_telling_at_one_of_them():
    text = story("Three killed as rebels shell Hama, Latakia and Tartous.",
                 "Rebel rockets killed three people in the coastal city of Tartous on Sunday, the governor said.")
    rs = reports(text, published="2018-03-11")
    assert [(r.location.name, r.fatalities.best) for r in rs] == [("Tartous", 3)]



def test_other_units_tell_an_event_of_their_own():
    # A round-up tells each unit's action apart: "other army units" are never the units told before, even in the
    # same town and with the same kind of fighting.
    text = story("Army units clashed with militants in the east of Morek on Monday, a military source said.",
                 "Other army units killed 9 militants who tried to sneak into the town from the west.")
    rs = [r for r in reports(text, published="2018-03-06") if "reference" not in r.tags]
    assert sorted((r.sub_event_type, r.fatalities.best or 0) for r in rs) == [("Armed clash", 0), ("Armed clash", 9)]


def test_the_other_unit_and_another_source_retell_the_event():
    # Only a doer told as one more unit parts an event: "the other unit" is one told before, and another group's
    # count of the dead is the same raid's.
    text = story("Army units clashed with militants in Morek on Monday, a military source said.",
                 "The other unit killed 9 militants in the town.")
    assert len([r for r in reports(text, published="2018-03-06") if "reference" not in r.tags]) == 1
    text = story("Warplanes struck a market in Saraqib on Monday, killing 12 people, activists said.",
                 "Another activist group said 15 people were killed in the raid.")
    assert len([r for r in reports(text, published="2018-03-06") if "reference" not in r.tags]) == 1


def test_a_towns_toll_is_no_total_of_other_towns_tolls_that_add_up_to_it():
    text = story("Air strikes hit a market in the town of Saraqeb on Tuesday, killing ten people, a monitor said.",
                 "Later that day strikes on the town of Kafr Nabl killed eight people.",
                 "Two more people were killed in strikes on the town of Ariha.")
    got = sorted((r.location.name, r.fatalities.best) for r in reports(text))
    assert got == [("Ariha", 2), ("Kafr Nobol", 8), ("Saraqab", 10)]


def test_a_town_s_part_of_a_side_s_campaign_told_with_no_side_is_that_side_s():
    text = story("Rebel fighters shelled the town of Mhardeh in Hama province on Tuesday, killing four civilians, "
                 "a monitor said.",
                 "Families fled to the fields outside the town.",
                 "Shelling on the nearby town of Suqaylabiyah killed another two people, the monitor said.")
    rs = {r.location.name: r for r in reports(text)}
    assert len(rs) == 2
    assert {r.actor1.kind for r in rs.values()} == {"Rebel group"}


def test_a_side_is_not_carried_to_the_same_kind_of_event_in_another_region():
    text = story("Rebel fighters shelled the town of Mhardeh in Hama province on Tuesday, killing four civilians, "
                 "a monitor said.",
                 "Families fled to the fields outside the town.",
                 "Shelling on the city of Deir ez-Zor killed another two people, the monitor said.")
    rs = reports(text)
    far = [r for r in rs if r.location is not None and r.location.admin1 != "Hama"]
    assert far and all(r.actor1 is None or r.actor1.kind != "Rebel group" for r in far)


def test_the_raids_told_at_another_place_are_the_same_side_s_raids():
    text = story("Russian jets carried out raids on the town of Saraqeb in Idlib province on Monday, killing nine "
                 "fighters, a monitor said.",
                 "Smoke rose over the town for hours.",
                 "The raids also killed five fighters in the city of Palmyra, the monitor said.")
    rs = reports(text)
    assert len(rs) == 2
    assert {r.actor1.kind for r in rs} == {"External/Other forces"}


def test_a_quarter_named_with_its_city_is_the_events_place():
    text = story("Rebel mortar rounds landing on the al-Shaghour neighbourhood of Damascus left two civilians dead "
                 "on Tuesday, state media said.")
    [r] = reports(text)
    assert text[slice(*r.evidence["location"])] == "al-Shaghour" and r.location.admin1 == "Damascus"


def test_quarters_a_reporter_in_the_city_names_are_the_events_places():
    """A reporter's city is no event's place where the clause names the city's quarters hit: one event per quarter,
    the toll shared over them."""
    text = story("A local correspondent in Homs said mortar rounds landed on the Karm al-Zaitoun and Jourat al-Shayah "
                 "neighbourhoods of the city late on Tuesday, leaving four people dead.")
    rs = reports(text)
    told = sorted((text[slice(*r.evidence["location"])], r.location.name, r.fatalities.best) for r in rs)
    assert told == [("Jourat al-Shayah", "Jouret Ash-Shayyah", 2), ("Karm al-Zaitoun", "Karm Az-Zeitoun", 2)]
    assert {r.location.admin1 for r in rs} == {"Homs"}


def test_a_sources_city_is_the_events_place_when_the_sentence_names_no_other():
    text = story("Rebel shelling left three civilians dead on Tuesday, a medical source in Hama told us.")
    [r] = reports(text)
    assert text[slice(*r.evidence["location"])] == "Hama"


def test_a_headline_run_into_its_lead_is_a_telling_of_its_own():
    # The page runs its title into the lead with no stop: the headline's total over two cities is the sum of the
    # body's tolls, not one more event at the second city.
    title = "Nine civilians die as rockets hit Aleppo and Deir Ezzor"
    text = story(title + " 6 May 2016 A local reporter told us five civilians died when rockets fired by militants "
                 "struck the Salaheddine district of Aleppo on Tuesday.",
                 "In Deir Ezzor, four more civilians died as rockets fell on homes in the Joura neighbourhood.")
    rs = reports(text, published="2016-05-06", title=title)
    assert [r.fatalities.best for r in rs] == [5, 4]
    assert rs[0].location.admin1 == "Aleppo" and rs[1].location.admin1 == "Deir-ez-Zor"


def test_a_headline_s_weak_word_takes_the_lead_s_weapon_word():
    # Run in with no stop, the headline's "raids" and the lead's bombing at a town are one event, told at the town.
    title = "Raids kill 8 in Aleppo"
    text = story(title + " 6 March 2018 Warplanes bombed a crowded market at Atarib on Monday, killing eight "
                 "shoppers, rescuers said.")
    (r,) = reports(text, published="2018-03-07", title=title)
    assert (r.sub_event_type, r.location.name, r.fatalities.best) == ("Air/drone strike", "Atareb", 8)



def test_events_summed_over_a_period_and_their_parts_are_no_events():
    # A weekly round-up: the period's sorties and the parts told of them after are its tally, not events.
    text = story("Jets carried out 300 sorties against militant positions in Homs and Hama during the past week, "
                 "a military source said.",
                 "The sorties killed 14 militants in the Houla plain and destroyed six vehicles, the source said.",
                 "On Tuesday, rebel mortar fire left two farmers dead in Mhardeh, a monitor said.")
    rs = reports(text, published="2018-03-07")
    assert [(r.location.name, r.fatalities.best) for r in rs] == [("Muhradah", 2)]


def test_a_period_told_of_another_clause_leaves_the_event():
    text = story("On Monday troops captured the district of Khalidiya, which rebels had run during the last three years, "
                 "state media said.")
    rs = reports(text, published="2018-03-07")
    assert [r.sub_event_type for r in rs] == ["Government regains territory"]


def test_gas_and_the_strike_that_carried_it_are_one_chemical_attack():
    text = story("Civil defence workers said 20 people suffered breathing problems in the town of Saraqeb.",
                 "A spokesman said that barrels holding toxic gas fell near the market.",
                 "A monitor said barrel bombs from helicopters hit Saraqeb on Monday night.")
    rs = reports(text, published="2018-03-07")
    assert [(r.sub_event_type, r.date) for r in rs] == [("Chemical weapon", "2018-03-05")]


@pytest.mark.parametrize("strike, gas", [
    ("Warplanes struck Maarat al-Numan on Sunday, killing eight people, a rescue worker said.",
     "Separately, doctors reported that scores of residents were treated for choking after a chlorine attack "
     "that the opposition blamed on the army."),
    ("Artillery shells killed six people at Kafr Zita on Sunday, according to a monitor.",
     "Elsewhere, a nurse said that children were gasping for air after a sarin attack."),
    ("Jets bombed a bakery at Ariha on Sunday and killed eleven people, residents said.",
     "In a separate attack, a toxic gas strike left dozens of people struggling to breathe, a doctor said."),
    ("Rockets fired by the army killed five people at Hass on Sunday, the monitor said. "
     "The local council appealed for blood donors and said the clinic was full. Schools stayed shut.",
     "Medics said many people had trouble breathing after a chlorine attack."),
])
def test_gas_told_apart_from_a_fatal_strike_does_not_make_it_a_chemical_attack(strike, gas):
    rs = reports(story(strike, gas), published="2018-03-07")
    assert [r.sub_event_type for r in rs if r.fatalities.best] in (["Air/drone strike"],
                                                                   ["Shelling/artillery/missile attack"])


@pytest.mark.parametrize("head, lead, dead", [
    ("Jet raid kills 6 civilians in Hama", "A jet raid killed six civilians and three gunmen at Kafr Zita on Monday, "
     "rescuers said.", 9),
    ("Shells kill 4 civilians in Aleppo", "Shells killed four civilians and two soldiers near a checkpoint in "
     "the Salaheddine district of Aleppo on Monday, the state news agency reported.", 6),
])
def test_a_lead_s_total_wins_over_the_headline_s_civilians_it_holds(head, lead, dead):
    # The headline counts the civilians only; the lead run on after it tells them with the fighters killed.
    rs = reports(story(f"{head} 6 March 2018 {lead}"), title=head)
    assert [r.fatalities.best for r in rs] == [dead]


def test_a_run_in_headline_over_an_area_is_the_lead_s_events_in_its_towns():
    # The headline names the area; the lead, run on after it, shares the same dead between two towns inside it.
    title = "Warplanes batter Eastern Ghouta, killing 18"
    text = story(title + " 6 March 2018 Government warplanes hit Douma and Harasta on Monday, leaving 18 people "
                 "dead, a monitor said.")
    rs = reports(text, published="2018-03-07", title=title)
    assert sorted(r.location.name for r in rs) == ["Duma", "Harasta"]
    assert sum(r.fatalities.best or 0 for r in rs) == 18


def test_a_run_in_headline_s_dateline_gives_way_to_the_lead_s_own_day():
    # "<title> 7 March 2018 <lead ... on Tuesday>": the date run in after the title is the page's, not the event's.
    title = "Rebel rockets hit Mhardeh, 3 dead"
    text = story(title + " 7 March 2018 Rockets fired by rebels struck homes at Mhardeh on Tuesday evening, leaving "
                 "three residents dead, state media reported.")
    rs = reports(text, published="2018-03-07", title=title)
    assert [(r.location.name, r.date) for r in rs] == [("Muhradah", "2018-03-06")]


def test_a_relative_that_tells_who_holds_the_place_does_not_make_the_event_background():
    text = story("Nine farm workers died on Friday when jets raided the Busayrah plain that is held by jihadist "
                 "fighters east of Deir Ezzor, activists reported.")
    rs = reports(text, published="2018-03-10")
    assert [(r.sub_event_type, r.fatalities.best) for r in rs] == [("Air/drone strike", 9)]


def test_towns_a_later_sentence_tells_struck_are_events_apart_from_the_province_s_telling():
    # The province is told first (its chief city names it); sentences later, an event word of its own tells two of
    # its towns, with no toll of the first telling: those towns' events (on its day), beside the province's.
    text = story("A monitor counted 26 air strikes by Russian warplanes across Idlib on Monday.",
                 "Residents said schools and bakeries stayed shut for the day.",
                 "Families from the south have sheltered in the province for months.",
                 "Aid workers said fuel ran short in the camps near the border.",
                 "Rescue workers said Russian jets bombed Saraqeb and Binnish.")
    rs = reports(text, published="2018-03-06")
    assert sorted((r.location.name, r.date) for r in rs) == [
        ("Bennsh", "2018-03-05"), ("Idleb", "2018-03-05"), ("Saraqab", "2018-03-05")]


def test_where_people_fled_is_no_place_for_the_next_event():
    """A place told only as where people fled or were taken after an event is where nothing happened: an event told
    next with no place of its own takes the place told before it."""
    text = story("Government artillery shelled the market of Saraqeb on Tuesday, killing six people.",
                 "Dozens of families then fled to the village of Binnish.",
                 "Helicopters dropped barrel bombs on rebel-held areas on Wednesday, residents said.")
    places = {r.sub_event_type: text[slice(*r.evidence["location"])] for r in reports(text)}
    assert places["Air/drone strike"] == "Saraqeb"


def test_where_people_were_taken_is_no_place_of_the_event_told_in_the_same_sentence():
    text = story("Dozens of wounded were evacuated to the town of Ariha after government artillery shelled "
                 "Maarat al-Numan on Monday, killing four civilians.")
    [r] = reports(text)
    assert text[slice(*r.evidence["location"])] == "Maarat al-Numan"


def test_troops_sent_to_a_place_where_fighting_broke_out_fought_there():
    """A place people were rushed to is where the event was when the text goes on to say what happened there."""
    text = story("Rebels shelled Hama on Monday.",
                 "Army reinforcements were rushed to Morek, where heavy clashes broke out with the rebels.")
    places = {r.sub_event_type: text[slice(*r.evidence["location"])] for r in reports(text)}
    assert places["Armed clash"] == "Morek"


@pytest.mark.parametrize("told, kind", [
    ("On Sunday rebels shelled the western Ramouseh district, according to two of the rebel factions fighting "
     "there.", "Shelling/artillery/missile attack"),
    ("On Sunday warplanes struck two villages which are controlled by the group, a monitor said.",
     "Air/drone strike"),
])
def test_a_word_saying_who_a_side_is_or_what_it_holds_leaves_the_clause_its_event(told, kind):
    text = story("Mortar fire from rebel lines hit a bus stop in Salamiyeh on Tuesday, killing five, the governor "
                 "said.",
                 "Shops in the centre stayed shut.",
                 "Officials held a funeral in the afternoon.",
                 told)
    rs = [r for r in reports(text) if "reference" not in r.tags]
    assert [(r.sub_event_type, r.date) for r in rs if r.date == "2018-03-04"] == [(kind, "2018-03-04")]


@pytest.mark.parametrize("headline, body, town, dead", [
    ("Army kills 30 militants in Hama.",
     "Troops repelled an assault by militants on army posts near the village of Souran on Saturday, a military "
     "source said.", "Suran", 30),
    ("Army kills 18 militants in Homs.",
     "Soldiers repelled an assault by gunmen on checkpoints near the town of Talbiseh on Friday, a military source "
     "said.", "Talbiseh", 18),
])
def test_a_headline_told_on_its_own_is_the_body_s_event_of_its_type_in_its_governorate(headline, body, town, dead):
    # The page's title names the governorate and the body the town, with other words and no toll: one event, placed
    # at the town, with the headline's toll.
    rs = reports(story(headline, body), title=headline.rstrip("."))
    assert [(r.event_type, r.location.name, r.fatalities.best) for r in rs] == [("Battles", town, dead)]


def test_a_headline_over_two_events_of_its_type_gives_neither_its_toll():
    # The headline's count may sum both towns' dead: neither town's event takes it as its own.
    headline = "Army kills 30 militants in Hama."
    text = story(headline,
                 "Troops repelled an assault by militants on army posts near the village of Souran on Saturday, a "
                 "military source said.",
                 "Soldiers also repelled an assault by gunmen on checkpoints near the town of Kafr Zita on "
                 "Saturday.")
    rs = reports(text, title=headline.rstrip("."))
    towns = [r for r in rs if r.location.name in {"Suran", "Kafr Zeita"}]
    assert len(towns) == 2 and [r.fatalities.best for r in towns] == [None, None]


def test_a_definite_repeat_placed_inside_its_antecedents_area_takes_its_day():
    # "The air strikes on Douma" names a town a few kilometres from the one the Thursday raid was told at: the
    # definite noun still retells that raid, so the toll is Thursday's, not the article's date.
    text = story("Government warplanes struck the town of Harasta on Thursday, a monitor said.",
                 "Rebels answered by firing a barrage of mortar shells at the capital.",
                 "The air strikes on Douma killed at least 40 people, rescuers said.")
    rs = reports(text)
    assert [r.date for r in rs if r.location and r.location.name == "Duma"] == ["2018-03-01"]


def test_an_event_told_with_a_day_but_no_place_then_told_with_its_place_is_one_event():
    # The Monday strike names no place of its own; the next sentence tells the same kind of strike with its town and
    # no day: one strike, at that town, on Monday, with the two dead (not a second strike on the article's date).
    text = story("Government warplanes struck the town of Zabadani on Sunday, a monitor said.",
                 "A monitor reported the deaths of two senior commanders of the group in a suspected coalition air "
                 "strike on Monday.",
                 "Both men were killed in what is thought to have been coalition air strikes in Shaddadi.")
    rs = [(r.date, r.location.name, r.fatalities.best) for r in reports(text) if r.sub_event_type == "Air/drone strike"]
    assert sorted(rs) == [("2018-03-04", "Az-Zabdani", None), ("2018-03-05", "Shaddadah", 2)]


@pytest.mark.parametrize("headline, toll", [
    # The headline's larger figure may count dead the body tells nowhere else (or another source's count): the
    # town's event keeps the toll told with it.
    ("Army kills 30 militants in Hama.", 12),
    # "... as toll rises": the body's 12 is an earlier count of the same dead; the guide codes the latest.
    ("Army kills 30 militants in Hama as toll rises.", 30),
])
def test_a_headline_over_one_body_event_gives_it_a_toll_only_when_the_body_tells_none_or_it_rose(headline, toll):
    text = story(headline,
                 "Troops repelled an assault by militants on army posts near the village of Souran on Saturday, "
                 "killing 12 of them, a military source said.")
    rs = reports(text, title=headline.rstrip("."))
    assert [(r.event_type, r.location.name, r.fatalities.best) for r in rs] == [("Battles", "Suran", toll)]
