"""A coder's short note that tells one event over a list of places: one report per place (ACLED's one location per
event), the toll told once over them shared evenly, or as the note shares it, or each town's own."""
from __future__ import annotations

from warwire.extract import extract_article
from warwire.model import Article


def _reports(text: str):
    return extract_article(Article(text=text, published="2019-03-12"))


def test_a_note_listing_two_towns_is_one_event_at_each():
    reports = _reports("Government warplanes bombed Kafranbel and Maarat al-Numan on Monday. No casualties were reported.")
    assert len(reports) == 2 and len({r.location.name for r in reports}) == 2
    assert sum(1 for r in reports if r.primary) == 1


def test_a_toll_a_short_text_tells_once_over_its_towns_is_shared_not_copied():
    # ACLED's codebook: a total told over several events with no breakdown is divided evenly among them; copied to
    # each town, 20 dead would be reported as 40.
    brief = _reports("Government air strikes hit Kafranbel and Saraqeb on Monday, killing 20 people, a monitor said.")
    assert len(brief) == 2 and sorted(r.fatalities.best for r in brief) == [10, 10]
    whole = _reports("Shelling by government forces killed 4 civilians in Kafranbel and Maarat al-Numan on Monday.")
    assert len(whole) == 2 and sum(r.fatalities.best for r in whole) == 4


def test_a_toll_told_over_an_act_at_several_places_with_its_verb_left_out_is_shared():
    reports = _reports("Government jets carried out a raid on Kafranbel in the morning, and four more on Saraqeb at "
                       "night. Seven people were killed.")
    assert len(reports) == 2 and sorted(r.fatalities.best for r in reports) == [3, 4]


def test_each_town_of_a_note_keeps_the_share_the_note_gives_it():
    shared = _reports("Shelling by government forces killed 6 fighters in Kafranbel and Maarat al-Numan on Monday. "
                      "The dead are divided among the 2 towns.")
    assert len(shared) == 2 and all(r.fatalities.best == 3 for r in shared)


def test_a_note_about_one_town_stays_one_report():
    reports = _reports("Government warplanes bombed Kafranbel on Monday, killing 2 civilians.")
    assert len(reports) == 1 and reports[0].fatalities.best == 2


def test_a_note_telling_one_act_at_several_places_with_its_verb_left_out_is_one_event_at_each():
    # "a raid on A ..., and four on B": the second part leaves out its verb; it is an event at B of its own.
    reports = _reports("Government jets carried out a raid on Kafranbel in the morning, and four more on Saraqeb at "
                       "night. No casualties were reported.")
    assert len(reports) == 2 and len({r.location.name for r in reports}) == 2


def test_a_toll_told_town_by_town_in_a_note_stays_with_each_town():
    reports = _reports("Gunmen killed 3 civilians in Kafranbel, and two others in Saraqeb.")
    assert sorted(r.fatalities.best for r in reports) == [2, 3]


def test_a_part_that_names_its_own_act_is_no_copy_of_the_first_part():
    # "..., and an air strike hit B": the second part tells an act of its own, not the first one's with its verb left
    # out: B gets no copy of the clash or of its toll.
    reports = _reports("Rebels attacked an army post in Kafranbel on Monday, and an air strike hit Saraqeb, killing 3 "
                       "civilians.")
    first = next(r for r in reports if r.location.name == "Kafr Nobol")
    assert not any(r.location.name == "Saraqab" and r.sub_event_type == first.sub_event_type for r in reports)
    assert sum(r.fatalities.best or 0 for r in reports) <= 3


def test_the_first_part_s_act_told_again_at_the_next_place_is_still_one_event_there():
    # Not an act of its own: the same kind of act the first part tells, at the next place.
    reports = _reports("Government jets carried out an air strike on Kafranbel, and two air strikes hit Saraqeb. No "
                       "casualties were reported.")
    assert len(reports) == 2 and len({r.location.name for r in reports}) == 2
    assert len({r.sub_event_type for r in reports}) == 1


def test_what_a_place_is_told_after_its_name_is_no_second_place_of_the_act():
    # ", a district in G", ", a port city in G" tell what the place is; and a place the first lies in (its governorate
    # or the city named as it is) is no other place of the act.
    district = _reports("Houthi forces shelled Hays, a district in Al Hudaydah, on Monday. 2 civilians were killed.")
    port = _reports("Coalition jets hit Al Mokha, a port city in Taizz, on Monday. 4 civilians were killed.")
    wider = _reports("Houthi shells fell on Hays district on Monday, and in Al Hudaydah. 2 civilians were killed.")
    for reports, place, dead in ((district, "Hays", 2), (port, "Al Mukha", 4), (wider, "Hays", 2)):
        assert [(r.location.name, r.fatalities.best) for r in reports] == [(place, dead)]


def test_a_toll_its_own_clause_tells_at_one_place_of_the_act_stays_there():
    # "... 3 civilians were killed in A": the dead are A's; the other place of the act gets none of them.
    later = _reports("Houthi forces shelled Hays, and two shells fell on Al Khawkhah. 3 civilians were killed in Hays.")
    same = _reports("Houthi forces shelled Hays, and two shells fell on Al Khawkhah, killing 3 civilians in Al "
                    "Khawkhah.")
    assert sorted((r.location.name, r.fatalities.best or 0) for r in later) == [("Al Khawkhah", 0), ("Hays", 3)]
    assert sorted((r.location.name, r.fatalities.best or 0) for r in same) == [("Al Khawkhah", 3), ("Hays", 0)]


def test_a_part_told_on_a_day_of_its_own_keeps_that_day():
    reports = _reports("Government jets carried out a raid on Kafranbel on Monday, and four more on Saraqeb on Tuesday. "
                       "No casualties were reported.")
    days = {r.location.name: r.date for r in reports}
    assert days == {"Kafr Nobol": "2019-03-11", "Saraqab": "2019-03-12"}


def test_a_gapped_part_and_the_note_s_toll_at_its_place_are_one_event():
    # The second sentence tells the dead of the second part: one event at that place, not a second one beside it.
    reports = _reports("Coalition airstrikes hit Sirwah, and an airstrike hit Nihm. 2 civilians were killed in Nihm.")
    at_nihm = [r for r in reports if r.location.name == "Nihm"]
    assert len(at_nihm) == 1 and at_nihm[0].fatalities.best == 2


def test_a_notes_spots_named_as_areas_of_a_district_are_one_event_each():
    # "A and B areas of D district": a coder's way of naming the spots of a district hit, each an event of its own
    # even where no source knows the names (they are placed at the district's known place).
    from warwire.knowledge import packs

    with packs.using("yemen"):
        known_and_not = _reports("Coalition jets struck Al Hasram and Jibzuq area of Sirwah district on Monday.")
        neither = _reports("Coalition jets struck Jibzuq and Wadhila areas of Dhubab district on Monday. "
                           "Nobody was hurt.")
    assert len(known_and_not) == 2 and "Jibzuq" in {r.location.name for r in known_and_not}
    assert {r.location.name for r in neither} == {"Jibzuq", "Wadhila"}



def test_a_note_on_a_city_whose_later_sentence_lists_its_quarters_is_one_event_at_each_quarter():
    # The headline and lead tell the city; a later sentence lists the quarters struck: ACLED codes one event per
    # location, not one at the city.
    reports = _reports("5 May 2019 One dead 4 hurt by militant mortar fire on Homs. One man died and four people were "
                       "hurt as militants fired mortar rounds at homes in Homs city. Police in Homs said militants fired "
                       "mortars at Jouret al-Shayah al-Waer and al-Khalidiyeh quarters in the city on Sunday night "
                       "killing one man wounding four and damaging cars.")
    assert len(reports) == 3 and all(r.location.name != "Homs" for r in reports)
    assert {r.location.admin1 for r in reports} == {"Homs"}
