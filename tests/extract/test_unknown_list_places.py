"""A round-up's list of places, some of which no source knows: each listed place is an event of its own."""
from __future__ import annotations

from warwire.extract import extract_article
from warwire.model import Article

from tests.extract.test_assembly import story


def reports(text: str):
    return extract_article(Article(text=text, published="2018-03-07"))


def told(text: str, rs) -> list[tuple[str, int | None, int | None]]:
    return sorted((text[slice(*r.evidence["location"])], r.location.geo_precision, r.fatalities.best) for r in rs)


def test_an_unknown_village_in_a_list_of_villages_is_an_event_at_its_fellows_area():
    text = story("Army shells hit the villages of Kafr Nabouda, Tal Bezgharoun and Qalaat al-Madiq in northern Hama "
                 "on Tuesday, killing six people, the monitor said.")
    rs = reports(text)
    assert told(text, rs) == [("Kafr Nabouda", 1, 2), ("Qalaat al-Madiq", 1, 2), ("Tal Bezgharoun", 2, 2)]
    unknown = next(r for r in rs if r.location.name == "Tal Bezgharoun")
    assert unknown.location.admin1 == "Hama"
    assert all(r.sub_event_type == "Shelling/artillery/missile attack" for r in rs)


def test_an_unknown_name_first_in_the_list_is_read_too():
    text = story("Army shells hit the villages of Tal Bezgharoun, Kafr Nabouda and Qalaat al-Madiq in northern Hama "
                 "on Tuesday, killing six people, the monitor said.")
    assert [n for n, *_ in told(text, reports(text))] == ["Kafr Nabouda", "Qalaat al-Madiq", "Tal Bezgharoun"]


def test_a_list_run_together_without_commas_is_read_by_its_al_words():
    text = story("Warplanes struck Zorbat al-Bezgharoun al-Huwaiz Kafr Nabouda and Qalaat al-Madiq in northern Hama "
                 "on Tuesday killing eight people the monitor said.")
    # (no place noun tells the list: the toll stays with the towns a source knows)
    assert told(text, reports(text)) == [("Kafr Nabouda", 1, 4), ("Qalaat al-Madiq", 1, 4),
                                         ("Zorbat al-Bezgharoun", 2, None), ("al-Huwaiz", 2, None)]


def test_groups_listed_after_a_place_are_no_places():
    text = story("Troops fired rockets at Kafr Nabouda, Jaish al-Izza and Qalaat al-Madiq on Tuesday, killing two "
                 "people, the monitor said.")
    assert "Jaish al-Izza" not in [n for n, *_ in told(text, reports(text))]


def test_english_words_listed_after_a_place_are_no_places():
    text = story("Army shells hit Kafr Nabouda, Security Forces and Qalaat al-Madiq on Tuesday, killing two "
                 "people, the monitor said.")
    assert "Security Forces" not in [n for n, *_ in told(text, reports(text))]


def test_a_name_of_english_words_with_an_article_is_a_place():
    text = story("Army shells hit the villages of Kafr Nabouda, Bell al-Hadid and Qalaat al-Madiq in northern Hama "
                 "on Tuesday, killing six people, the monitor said.")
    assert "Bell al-Hadid" in [n for n, *_ in told(text, reports(text))]


def test_a_list_told_as_villages_none_of_them_known_is_split_at_the_area_the_text_gives():
    text = story("Troops took control of Khirbet Zawdan and Tal Bezgharoun villages in the countryside of Raqqa on "
                 "Tuesday, the monitor said.")
    rs = reports(text)
    assert [n for n, *_ in told(text, rs)] == ["Khirbet Zawdan", "Tal Bezgharoun"]
    assert {r.location.admin1 for r in rs} == {"Ar-Raqqa"}


def test_people_named_in_a_list_without_a_place_noun_are_no_places():
    text = story("Troops killed Omar Zawdan and Saleh Bezgharoun in the countryside of Raqqa on Tuesday, the monitor "
                 "said.")
    rs = reports(text)
    assert "Omar Zawdan" not in [n for n, *_ in told(text, rs)]


# A list ends where a list item ends: at a link, a place noun, a preposition or the clause end. What runs on into a
# verb or a person's, group's or outlet's noun is a speaker, an outlet or a side, and the toll stays with the towns.
KNOWN = [("Kafr Nabouda", 1, 3), ("Qalaat al-Madiq", 1, 3)]


def test_a_speaker_after_two_known_towns_is_no_place():
    text = story("Air strikes hit Kafr Nabouda and Qalaat al-Madiq, Abu Mohammad al-Julani said on Tuesday, "
                 "killing six people.")
    assert told(text, reports(text)) == KNOWN


def test_an_outlet_after_two_known_towns_is_no_place():
    text = story("Shells struck Kafr Nabouda, Qalaat al-Madiq and Al-Jazeera reported that six people were killed "
                 "on Tuesday.")
    assert "Al-Jazeera" not in [n for n, *_ in told(text, reports(text))]
    text = story("Shells struck Kafr Nabouda and Qalaat al-Madiq on Tuesday, killing six people, Qasioun news agency "
                 "reported.")
    assert "Qasioun" not in [n for n, *_ in told(text, reports(text))]


def test_a_monitor_who_told_reporters_is_no_place():
    text = story("Shells struck Kafr Nabouda and Qalaat al-Madiq, Rami Abdulrahman told reporters on Tuesday, "
                 "killing six people.")
    assert told(text, reports(text)) == KNOWN


def test_two_speakers_after_the_towns_are_no_places():
    text = story("Warplanes struck the towns of Kafr Nabouda and Qalaat al-Madiq, Sheikh Abdullah al-Muhaysini and "
                 "Abu Bakr al-Baghdadi said on Tuesday.")
    names = [n for n, *_ in told(text, reports(text))]
    assert "Sheikh Abdullah al-Muhaysini" not in names and "Abu Bakr al-Baghdadi" not in names
    assert "Kafr Nabouda" in names and "Qalaat al-Madiq" in names


def test_a_group_the_lexicon_lacks_after_the_towns_is_no_place():
    text = story("Rebels in Kafr Nabouda and Qalaat al-Madiq and Liwa al-Haqq fighters shelled army posts on "
                 "Tuesday.")
    assert not any(n.startswith("Liwa") for n, *_ in told(text, reports(text)))


def test_victims_named_after_the_towns_without_commas_are_no_places():
    text = story("Warplanes struck Kafr Nabouda and Qalaat al-Madiq on Tuesday and Hassan al-Ali and Omar al-Saleh "
                 "were killed the monitor said")
    names = [n for n, *_ in told(text, reports(text))]
    assert "Hassan al-Ali" not in names and "Omar al-Saleh" not in names


def test_sect_words_before_villages_are_no_places():
    text = story("Rebels shelled Alawite and Druze villages in the Hama countryside on Tuesday, killing four people.")
    rs = reports(text)
    assert [(r.location.name, r.fatalities.best) for r in rs] == [("Hama", 4)]
    text = story("Insurgents attacked Shiite and Alawite villages in the countryside of Hama on Tuesday.")
    assert {r.location.name for r in reports(text)} == {"Hama"}


def test_another_war_s_identity_words_before_villages_are_no_places():
    text = story("Militiamen attacked Hutu and Tutsi villages in the countryside of Hama on Tuesday.")
    assert {r.location.name for r in reports(text)} == {"Hama"}
    text = story("Warplanes fired on Sukhoi and Serb villages in the countryside of Hama on Tuesday.")
    assert {r.location.name for r in reports(text)} == {"Hama"}


def test_a_name_run_on_into_a_passive_verb_after_a_place_noun_is_still_a_place():
    text = story("The villages of Zorbat al-Huwaiz and Tal Bezgharoun were shelled by troops in the countryside of Raqqa "
                 "on Tuesday, the monitor said.")
    assert [n for n, *_ in told(text, reports(text))] == ["Tal Bezgharoun", "Zorbat al-Huwaiz"]


# A frame told at a governorate, its chief city or a region, whose sentence names a part of that place by a place
# noun, happened at that part.
def test_an_unknown_quarter_of_the_city_is_where_it_happened():
    text = story("Rebel rockets hit Zawdaniyeh neighbourhood in Aleppo city on Tuesday, killing six civilians, the "
                 "monitor said.")
    rs = reports(text)
    assert [(r.location.name, r.location.geo_precision, r.location.admin1, r.fatalities.best) for r in rs] == \
        [("Zawdaniyeh", 2, "Aleppo", 6)]


def test_a_town_told_as_one_of_a_region_is_where_it_happened():
    text = story("Shells killed four children in Bezgharoun, a small town in eastern Ghouta suburbs of Damascus, on "
                 "Tuesday, activists said.")
    assert [(r.location.name, r.location.geo_precision) for r in reports(text)] == [("Bezgharoun", 2)]
    text = story("Shells killed four children in Misraba, a small town in eastern Ghouta suburbs of Damascus, on "
                 "Tuesday, activists said.")
    assert [(r.location.name, r.location.geo_precision) for r in reports(text)] == [("Misraba", 1)]


def test_the_town_of_an_unknown_name_in_a_governorate_is_where_it_happened():
    text = story("Warplanes struck the town of Bezgharoun in Hama province on Tuesday, killing five people.")
    assert [(r.location.name, r.location.admin1) for r in reports(text)] == [("Bezgharoun", "Hama")]


def test_a_speaker_before_the_city_is_no_part_of_it():
    text = story("Air strikes hit the city on Tuesday, Rami Abdulrahman said in Aleppo, killing five people there.")
    assert "Rami Abdulrahman" not in [r.location.name for r in reports(text)]
    text = story("Rebel rockets hit Hama on Tuesday, killing six civilians, the Observatory of Hama said.")
    assert "Observatory" not in [r.location.name for r in reports(text)]


def test_a_listed_city_whose_quarter_the_sentence_names_is_told_at_the_quarter():
    text = story("Rebel rockets killed ten civilians in Aleppo and Hama on Tuesday. In Aleppo, six of them died when "
                 "rockets fell on the Zawdaniyeh neighbourhood in Aleppo city, state media said.")
    assert sorted(r.location.name for r in reports(text)) == ["Hama", "Zawdaniyeh"]


def test_a_headline_city_joined_to_its_quarter_told_later_keeps_the_quarter():
    text = story("Rebel rockets killed ten civilians in Aleppo and Hama on Tuesday. In Aleppo, six of them died in the "
                 "Zawdaniyeh quarter, state media said.")
    assert sorted(r.location.name for r in reports(text)) == ["Hama", "Zawdaniyeh"]


# A frame told at a governorate or its chief city whose own sentence tells one town by a place noun happened there.
def test_the_town_its_sentence_tells_by_a_place_noun_is_where_it_happened():
    text = story("Warplanes killed nine people in Hama province on Monday in a raid over the rebel-held northern town "
                 "of Bezgharoun, the monitor said.")
    assert [(r.location.name, r.location.geo_precision, r.location.admin1) for r in reports(text)] == \
        [("Bezgharoun", 2, "Hama")]
    text = story("Nine people were killed in Idlib on Monday when a warplane crashed over the town of Zawdaniyeh, "
                 "activists said.")
    assert [r.location.name for r in reports(text)] == ["Zawdaniyeh"]


def test_a_town_people_came_from_or_two_towns_leave_the_frame_where_it_was():
    text = story("Nine people displaced from the town of Bezgharoun were killed in Hama province on Monday by an air "
                 "raid, activists said.")
    assert [r.location.name for r in reports(text)] == ["Hama"]
    text = story("Nine people were killed in Hama province on Monday by air raids on the town of Bezgharoun and the "
                 "village of Zawdaniyeh, activists said.")
    assert [r.location.name for r in reports(text)] != ["Bezgharoun"]  # (not one of the two towns alone)


def test_a_list_only_its_known_towns_tell_leaves_the_toll_with_them():
    text = story("Shells struck Kafr Nabouda, Zorbat al-Huwaiz and Qalaat al-Madiq on Tuesday, killing six people, the "
                 "monitor said.")
    assert told(text, reports(text)) == [("Kafr Nabouda", 1, 3), ("Qalaat al-Madiq", 1, 3),
                                         ("Zorbat al-Huwaiz", 2, None)]


def test_a_name_told_in_apposition_by_a_person_s_noun_after_the_towns_is_no_place():
    text = story("Shells hit the villages of Kafr Nabouda and Qalaat al-Madiq, Abu Khaled al-Hamwi, a local commander, "
                 "said on Tuesday, and four people died.")
    assert told(text, reports(text)) == [("Kafr Nabouda", 1, 2), ("Qalaat al-Madiq", 1, 2)]
    text = story("Government forces shelled the villages of Kafr Nabouda, Qalaat al-Madiq and Sheikh Hadid, and Ahmad "
                 "al-Saleh, a farmer, was killed on Tuesday.")
    assert "Ahmad al-Saleh" not in [n for n, *_ in told(text, reports(text))]


def test_a_name_told_in_apposition_by_a_place_noun_is_still_a_place():
    text = story("Shells hit the villages of Kafr Nabouda and Tal Bezgharoun, a village near the river, on Tuesday, "
                 "killing four people.")
    assert "Tal Bezgharoun" in [n for n, *_ in told(text, reports(text))]


# Only the frame's own clause tells its part: not past a semicolon, nor in a clause of people leaving or coming back,
# of another day's deed, or of a speaker's addition.
def test_a_town_named_in_another_clause_takes_no_event():
    text = story("Shelling of eastern Ghouta killed six people on Tuesday; residents of Misraba, a small town in "
                 "eastern Ghouta, fled north.")
    assert "Misraba" not in [r.location.name for r in reports(text)]
    text = story("Shelling of eastern Ghouta killed six people on Tuesday; residents of Bezgharoun, a small town in "
                 "eastern Ghouta, fled north.")
    assert "Bezgharoun" not in [r.location.name for r in reports(text)]
    text = story("Shelling of eastern Ghouta killed six people on Tuesday, the monitor said, adding that Bezgharoun, a "
                 "small town in eastern Ghouta, had been spared.")
    assert "Bezgharoun" not in [r.location.name for r in reports(text)]


def test_a_town_of_a_subordinate_clause_takes_no_event():
    text = story("Shelling of Hama province killed six people on Tuesday, as displaced families returned to the "
                 "village of Zawdaniyeh.")
    assert "Zawdaniyeh" not in [r.location.name for r in reports(text)]
    text = story("Jets struck Idlib province on Tuesday, killing nine people, a day after rebels shot down a jet over "
                 "the town of Zawdaniyeh.")
    assert "Zawdaniyeh" not in [r.location.name for r in reports(text)]
    text = story("Warplanes struck the town of Bezgharoun in As Suwayda province on Tuesday, killing five people.")
    assert [r.location.name for r in reports(text)] == ["Bezgharoun"]  # (a name's "As" cuts no clause)


def test_a_toll_s_children_told_after_it_are_kept_beside_a_named_part():
    text = story("Rebel rockets hit Zawdaniyeh neighbourhood in Aleppo city on Tuesday, killing six people, the monitor "
                 "said. Among the dead were two children.")
    assert [(r.location.name, r.fatalities.best, r.victims.children) for r in reports(text)] == \
        [("Zawdaniyeh", 6, 2)]


def test_a_list_a_place_noun_announces_across_a_verb_is_one_of_places():
    # ("the villages struck included ...": the noun tells the list as places though a verb stands between)
    text = story("Warplanes pounded northern Hama on Tuesday, the monitor said. The villages struck included al-Zawdan, "
                 "Kafr Nabouda and Tal Bezgharoun.")
    assert [n for n, *_ in told(text, reports(text))] == ["Kafr Nabouda", "Tal Bezgharoun", "al-Zawdan"]


def test_al_names_run_together_without_commas_are_each_a_place():
    text = story("Warplanes struck the villages of al-Zawdan al-Bezgharoun Kafr Nabouda and Qalaat al-Madiq in "
                 "northern Hama on Tuesday the monitor said.")
    names = [n for n, *_ in told(text, reports(text))]
    assert "al-Zawdan" in names and "al-Bezgharoun" in names and "al-Zawdan al-Bezgharoun" not in names


def test_a_list_item_ends_where_as_well_as_begins():
    text = story("Jets struck the neighbourhoods of Kafr Nabouda and al-Zawdan as well as Qalaat al-Madiq town "
                 "on Tuesday, the monitor said.")
    assert "al-Zawdan" in [n for n, *_ in told(text, reports(text))]
