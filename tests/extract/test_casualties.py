from __future__ import annotations

import pytest

from warwire.extract.casualties import combine, find_tolls, parse_number


@pytest.mark.parametrize("words, n", [
    ("12", 12), ("1,200", 1200), ("twenty-three", 23), ("a dozen", 12), ("two hundred", 200), ("seven", 7),
])
def test_parse_number(words, n):
    assert parse_number(words) == n


def casualties(text):
    return combine(find_tolls(text))


@pytest.mark.parametrize("text, best, low, high, qualifier", [
    ("Air strikes killed at least 12 civilians.", 12, 12, None, "at_least"),
    ("More than 30 people were killed.", 30, 30, None, "at_least"),
    ("Nearly 40 people died.", 40, None, 40, "at_most"),
    ("Up to 15 fighters were killed.", 15, None, 15, "at_most"),
    ("About 20 people were killed.", 20, None, None, "about"),
    ("Dozens of people were killed.", 12, None, None, "vague"),
    ("Hundreds were killed.", 100, None, None, "vague"),
    ("Between 10 and 15 fighters died.", 10, 10, 15, "about"),
    ("The shelling killed 10 to 15 people.", 10, 10, 15, "about"),
    ("Twenty-three people were killed.", 23, 23, 23, "exact"),
])
def test_fatality_qualifiers_vague_counts_and_ranges(text, best, low, high, qualifier):
    f = casualties(text).fatalities
    assert (f.best, f.low, f.high, f.qualifier) == (best, low, high, qualifier)


def test_breakdown_of_victims():
    c = casualties("The raid killed 20 people, including 10 children and four women.")
    assert c.fatalities.best == 20
    assert (c.victims.civilians, c.victims.children, c.victims.women) == (20, 10, 4)


def test_combatants_and_civilians_add_up():
    c = casualties("The strike killed six soldiers and four civilians.")
    assert c.fatalities.best == 10
    assert (c.victims.combatants, c.victims.civilians) == (6, 4)


def test_injured_are_counted_apart():
    c = casualties("The car bomb killed six people near the gate and injured 32.")
    assert c.fatalities.best == 6
    assert c.injured.best == 32


def test_passive_toll_and_wounded():
    c = casualties("12 civilians were killed and 30 wounded.")
    assert (c.fatalities.best, c.injured.best) == (12, 30)


def test_no_fatalities_mentioned_leaves_counts_empty():
    c = casualties("No one was reported hurt, neither injuries nor deaths.")
    assert c.fatalities.best is None and c.injured is None


def test_numbers_that_are_not_people():
    assert casualties("A 12-year-old boy was killed on 5 March, 3 km from the border.").fatalities.best == 1


def test_verb_right_before_the_toll_decides_what_it_counts():
    (dead, hurt) = find_tolls("Jets hit the clinic, killing at least six of the patients and injuring 16.")
    assert (dead.what, dead.count.best) == ("killed", 6)
    assert (hurt.what, hurt.count.best) == ("injured", 16)


def test_as_many_as_is_a_qualifier_not_a_vague_amount():
    (t,) = find_tolls("The rebels killed as many as 20 soldiers.")
    assert t.count.best == 20 and t.count.qualifier == "at_most"


def test_people_including_civilians_counts_those_civilians():
    c = combine(find_tolls("Air strikes killed at least 22 people, including six civilians."))
    assert c.fatalities.best == 22 and c.victims.civilians == 6


def test_people_including_fighters_leaves_the_rest_civilians():
    c = combine(find_tolls("Air strikes killed at least 22 people, including 16 fighters."))
    assert (c.victims.civilians, c.victims.combatants) == (6, 16)


def test_figure_told_again_says_who_died():
    c = combine(find_tolls("Jets kill 45 in Douma. Bombs dropped on the town left at least 45 people dead."))
    assert c.fatalities.best == 45 and c.victims.civilians == 45


def test_rescuers_and_citizens_are_civilians():
    c = combine(find_tolls("The raid killed eight volunteers of the civil defence."))
    assert c.victims.civilians == 8


@pytest.mark.parametrize("note, share", [
    ("Clashes killed 12 fighters, split, 6 each, between the 2 villages.", 6),
    ("Shelling killed 21 civilians in three towns. Fatalities spread evenly over the three events.", 7),
    ("11 fighters were killed across the district; 4 fatalities coded to this location.", 4),
    ("Strikes killed 9 people. Distributed fatalities over the events in Kafr Zita, Latamneh and Morek.", 3),
    ("Strikes killed 14 civilians in five towns. Three fatalities coded each to Saqba and Arbin.", 3),
    ("Air strikes killed 9 people in Kafr Zita.", None),
    # Shared unevenly: the share most events get, a half rounded up.
    ("Shelling killed 10 fighters. The fatalities are spread across three locations.", 3),
    ("At least 5 fighters died in the fighting near the dam. Fatalities divided among 3 events.", 2),
    ("Clashes killed 23 fighters. Fatalities spread across two locations.", 12),
    ("Shelling killed 10 soldiers on the hill (split with another event on the same day).", 5),
])
def test_share_of_a_toll_coded_to_one_event(note, share):
    from warwire.extract.casualties import coded_share
    total = combine(find_tolls(note)).fatalities.best
    assert coded_share(note, total) == share


def test_victims_among_a_larger_toll_are_part_of_it():
    c = combine(find_tolls("Six firefighters were among the 52 people that the barrage killed overnight."))
    assert c.fatalities.best == 52
    c = combine(find_tolls("Three children were among 19 civilians killed in an air raid."))
    assert (c.fatalities.best, c.victims.civilians, c.victims.children) == (19, 19, 3)


@pytest.mark.parametrize("text, best, key", [
    ("Activists said 40 bodies of civilians were found in the town after the army retook it.", 40, "civilians"),
    ("Rescuers recovered 9 corpses of slain fighters from the rubble.", 9, "combatants"),
])
def test_bodies_of_victims_are_the_dead(text, best, key):
    c = casualties(text)
    assert c.fatalities.best == best
    assert getattr(c.victims, key) == best


def test_a_toll_that_rose_counts_the_dead_and_its_breakdown_with_it():
    text = ("The death toll from the strike on the market has risen to 19, including five children, "
            "after several of the wounded died in hospital.")
    dead = [(t.count.best, t.victim) for t in find_tolls(text) if t.what == "killed"]
    assert dead == [(19, None), (5, "children")]


def test_a_part_of_the_dead_is_a_breakdown_not_a_toll_of_its_own():
    text = "Air strikes killed 12 people on Monday. Three of the dead were children."
    tolls = [(t.what, t.count.best, t.victim, t.breakdown) for t in find_tolls(text)]
    assert tolls[-1] == ("killed", 3, "children", True)
    assert combine(find_tolls(text)).fatalities.best == 12


def test_a_clock_time_or_a_number_told_before_another_figure_counts_no_one():
    assert casualties("The strike at 1100 pm (2000 GMT) killed three people.").fatalities.best == 3
    assert casualties("Shares 5230 More than 40 fighters died in the battle for the ridge.").fatalities.best == 40


def test_the_number_before_its_own_verb_counts_what_that_verb_says():
    c = casualties("Five civilians among them a girl and an elderly woman were killed and 14 others were hurt.")
    assert (c.fatalities.best, c.injured.best) == (5, 14)
    assert (c.victims.children, c.victims.women) == (1, 1)


def test_a_kind_of_civilian_among_people_leaves_the_people_civilians():
    c = casualties("Four pharmacists were among at least 27 people the bombardment killed on Thursday.")
    assert (c.fatalities.best, c.victims.civilians) == (27, 27)
    c = casualties("A car bomb outside the stadium left 17 people dead, including four referees.")
    assert (c.fatalities.best, c.victims.civilians) == (17, 17)
    # Told as civilians, the part is how many of the people were civilians.
    c = casualties("A car bomb outside the stadium left 17 people dead, including six civilians.")
    assert (c.fatalities.best, c.victims.civilians) == (17, 6)


def test_a_part_with_its_own_aside_before_among_is_a_part_of_the_toll():
    c = casualties("Eight civilians including a girl were among the 35 people killed by the overnight drone raid.")
    assert c.fatalities.best == 35
    assert (c.victims.civilians, c.victims.children) == (8, 1)


def test_every_part_listed_before_among_is_a_part_of_the_toll():
    c = casualties("Monitors said 7 women and 12 fighters were among 40 people killed in the village.")
    assert c.fatalities.best == 40
    assert (c.victims.women, c.victims.combatants) == (7, 12)


def test_victims_listed_together_add_up():
    c = casualties("A man and his two children as well as another young boy died when the shell struck.")
    assert c.fatalities.best == 4
    assert (c.victims.civilians, c.victims.children) == (4, 3)


@pytest.mark.parametrize("text, best", [
    ("Another civilian was killed by sniper fire.", 1),
    ("Another three fighters died in the clashes.", 3),
    ("Another raid killed five people.", 5),
])
def test_another_counts_one_only_before_a_victim(text, best):
    assert casualties(text).fatalities.best == best


@pytest.mark.parametrize("text, best", [
    ("Hundreds of thousands of people are dead after years of war.", 100_000),
    ("Tens of thousands have died in the war.", 10_000),
    ("Thousands of civilians have died.", 1000),
])
def test_vague_thousands_take_acled_s_codes(text, best):
    f = casualties(text).fatalities
    assert (f.best, f.qualifier) == (best, "vague")


def test_a_number_of_families_counts_no_one():
    assert casualties("The dead came from four families, the monitor said.").fatalities.best is None


def test_both_sides_listed_with_one_verb_add_up():
    c = casualties("The monitor said 30 jihadists and 12 pro-government fighters had died by the end of the battle.")
    assert (c.fatalities.best, c.victims.combatants) == (42, 42)


def test_a_page_figure_before_the_first_sentence_counts_no_one():
    c = casualties("Share 0 318 The number of people killed in the bombing of the bakery has risen to 27.")
    assert c.fatalities.best == 27


def test_a_toll_raised_by_a_monitor_and_those_it_included():
    c = casualties("The monitor on Monday raised the toll from the raid on the bakery to 44. Those killed included "
                   "nine children four women and two policemen.")
    assert (c.fatalities.best, c.victims.children, c.victims.women, c.victims.combatants) == (44, 9, 4, 2)


def test_n_of_them_is_a_part_only_when_it_says_who():
    assert casualties("Troops fired on the marchers, killing three of them, witnesses said.").fatalities.best == 3
    c = casualties("Strikes killed 16 civilians, five of them children, the monitor said.")
    assert (c.fatalities.best, c.victims.children) == (16, 5)


@pytest.mark.parametrize("text, dead", [
    # A figure of the dead and the wounded together: Yemen's coders count half of it as dead.
    ("Rebels repelled the advance, killing and wounding dozens of troops.", 6),
    ("The militia said it had \"killed or wounded dozens\" in the attack.", 6),
    ("Dozens of troops were reportedly \"killed and wounded\" when the shells fell.", 6),
    ("The shelling left 8 rebel fighters dead and injured.", 4),
    ("Rebels stormed the base, killing and injuring 18 soldiers.", 9),
    # An unknown number is ACLED's unknown, 10, whoever the war.
    ("Rebels stormed the base, killing and injuring a number of its guards.", 10),
    ("A number of guards were killed or wounded as the base fell.", 10),
    # Not people.
    ("The shells hit the farms, killing a number of sheep.", None),
])
def test_killed_and_wounded_together(text, dead):
    from warwire.knowledge import packs
    with packs.using("yemen"):
        assert combine(find_tolls(text)).fatalities.best == dead


def test_killed_and_wounded_together_elsewhere_counts_the_wounded():
    from warwire.knowledge import packs
    with packs.using("syria"):
        c = combine(find_tolls("Rebels stormed the base, killing and injuring 18 soldiers."))
        assert c.fatalities.best is None and c.injured.best == 18
        assert combine(find_tolls("Rebels stormed the base, killing and wounding dozens.")).fatalities.best is None
        assert combine(find_tolls("Rebels stormed the base, killing and wounding several.")).fatalities.best == 10


def test_the_next_deed_after_a_comma_counts_its_own():
    c = combine(find_tolls("An air strike hit a farmhouse, killing two boys and a woman, and injuring an old man."))
    assert c.fatalities.best == 3 and c.injured.best == 1


def test_the_coders_figure_is_the_toll():
    c = combine(find_tolls("The fighting caused deaths and injuries among a number of men, coded as 5 fatalities."))
    assert c.fatalities.best == 5
    c = combine(find_tolls("12 soldiers died, and so did an unknown number of militants, coded as an additional 10."))
    assert c.fatalities.best != 10


@pytest.mark.parametrize("text, dead", [
    # Dead told without a figure: ACLED's unknown number, 10.
    ("Rebels clashed with troops in the valley, leaving deaths and injuries in the army's ranks.", 10),
    ("A roadside bomb hit an army vehicle in the district, killing all its crew.", 10),
    ("Air strikes pounded the hills, killing an unspecified number of rebel fighters.", 10),
    ("No deaths and injuries were reported after rebels shelled the valley.", None),
    # A figure told is the toll.
    ("Shelling killed three soldiers, leaving deaths and injuries among the troops.", 3),
])
def test_dead_told_without_a_figure(text, dead):
    assert combine(find_tolls(text)).fatalities.best == dead


@pytest.mark.parametrize("note, dead", [
    # The figure a later report gives replaces the first.
    ("Nine civilians were killed in an air strike. The count of fatalities was later raised to 11.", 11),
    ("Four civilians were killed in an air strike on a farm. An agency confirmed it, updating the fatalities to 8.", 8),
    ("Rockets hit the parade, killing at least seven people. Fatalities were since updated to 9 in a second report.", 9),
    ("Rockets hit the parade, killing at least seven people.", None),
])
def test_a_toll_updated_later(note, dead):
    from warwire.extract.casualties import coded_share
    total = combine(find_tolls(note)).fatalities.best
    assert coded_share(note, total) == dead


def test_a_fatality_count_is_not_one_dead():
    c = combine(find_tolls("All of the occupants were killed, though the report did not give a fatality count."))
    assert c.fatalities.best != 1


def test_a_leader_and_his_escorts():
    c = combine(find_tolls("A militia leader and five of his bodyguards are said to have been killed."))
    assert c.fatalities.best == 6


@pytest.mark.parametrize("text, dead", [
    ("Troops detained hundreds of men after the militia killed the former president.", None),
    ("Troops killed 23 rebels and captured 8 more.", 23),
    ("Rebels captured 8 soldiers and killed 3 others.", 3),
])
def test_captives_are_not_a_toll(text, dead):
    assert combine(find_tolls(text)).fatalities.best == dead


@pytest.mark.parametrize("text, dead", [
    # One person killed, told by a title (and a name) rather than a number.
    ("The journalist was killed immediately by wounds from the strike.", 1),
    ("A drone strike hit a motorcycle in the district, killing AQAP militant Karim Al-Nasser on Monday.", 1),
    ("An imam was assasinated in the city by unidentified gunmen.", 1),
    ("The commander survived an assassination attempt in the market.", None),
    # Named by its noun alone after an article, and the passive "shot and killed".
    ("A sniper hidden in the minaret fired on a tractor, killing the farmer.", 1),
    ("An assailant shot and killed a tribal sheikh, said to be a mediator between the clans, at the well.", 1),
    ("Police said a person was killed as a parcel bomb blew up in the post office.", 1),
    ("A customs officer was shot and killed at the border crossing at dawn.", 1),
    ("Shrapnel killed the mayor's two bodyguards.", 2)  # the mayor's: no one more dead,
])
def test_one_person_killed_without_a_number(text, dead):
    assert combine(find_tolls(text)).fatalities.best == dead


def test_one_relative_listed_after_a_victim_is_one_more_dead():
    from warwire.extract import extract_article
    from warwire.model import Article

    def toll(text):
        (r,) = extract_article(Article(text=text, published="2018-03-08"))
        return r.fatalities.best, r.victims.civilians

    assert toll("A man and his brother died on Sunday when warplanes bombed Jisr al-Shughur.") == (2, 2)
    assert toll("Rockets hit a bakery in Maarat al-Numan on Sunday, killing a girl and her mother.") == (2, 2)
    assert toll("A man and his two sons were killed when a shell hit their home in Douma on Tuesday.") == (3, 3)
    # Who the dead were, not more dead.
    assert toll("Four villagers including a man and his daughter died on Sunday when shells struck Kafr Nabl.")[0] == 4
    assert toll("Two villagers a man and his brother died on Sunday when warplanes bombed Jisr al-Shughur.")[0] == 2


@pytest.mark.parametrize("text, dead", [
    # An apposition names who the dead were: no more dead than the figure before it.
    ("Two farmers, a woman and her son, were killed when a shell hit their field on Friday.", 2),
    ("Two farmers a woman and her son were killed when a shell hit their field on Friday.", 2),
    ("Two residents, a man and his wife, died in an air strike on the town.", 2),
    # With no figure before, the relative is one more of the dead.
    ("A woman and her son were killed when a shell hit their field.", 2),
])
def test_an_apposition_names_the_dead_it_follows(text, dead):
    assert casualties(text).fatalities.best == dead


def test_a_long_aside_before_the_verb_leaves_the_figure_its_subject():
    text = "Five shepherds, including a man and his young son, died when a mine went off near the border."
    assert casualties(text).fatalities.best == 5


@pytest.mark.parametrize("text, dead", [
    # Any relative of the general kin vocabulary, with no figure, is one more of the dead.
    ("A boy and his uncle were killed when a rocket struck their car near the bridge.", 2),
    ("A woman and her elderly aunt died after the barrel bomb fell on their street.", 2),
    ("A girl and her grandmother lost their lives when a drone hit the market.", 2),
    ("Shelling killed a man and his father-in-law outside the mill on Thursday.", 2),
    ("A boy and his cousin were shot dead at the checkpoint.", 2),
    # Told after a figure, the pair says who the figure's dead were.
    ("Two shepherds, a boy and his uncle, died when their flock strayed onto a minefield.", 2),
    ("Three farmers, among them a man and his nephew, were killed as the shells fell on the orchard.", 3),
])
def test_any_kin_word_listed_after_a_victim_is_one_more_dead(text, dead):
    assert casualties(text).fatalities.best == dead


def test_kin_words_count_in_their_victim_class():
    v = casualties("A boy and his grandmother were killed when the rocket hit their yard.").victims
    assert (v.children, v.women, v.civilians) == (1, 1, 2)


@pytest.mark.parametrize("text", [
    "Five shepherds - including a man and his young son - died when a mine went off near the border.",
    "Five shepherds — a man and his young son among them — died when a mine went off near the border.",
    "Five shepherds (including a man and his young son) died when a mine went off near the border.",
    "Five shepherds (a man and his young son among them) were killed when a mine went off near the border.",
    "Five shepherds, a man and his young son among them, died when a mine went off near the border.",
    "Five shepherds including a man and his young son died when a mine went off near the border.",
])
def test_an_aside_set_off_by_dashes_brackets_or_nothing_leaves_the_figure_its_subject(text):
    assert casualties(text).fatalities.best == 5


@pytest.mark.parametrize("text, dead, hurt", [
    # A casualty noun joined to its figure by "of" governs it as its verb would, however near the next verb is.
    ("Mortars fell on the old quarter, leading to the death of four residents and injuring nine.", 4, 9),
    ("Night raids on the market resulted in the killing of over 30 shoppers and the injuring of many more.", 30, 10),
    ("The car bomb went off by the bakery, claiming the lives of 11 people injuring dozens more.", 11, 12),
])
def test_a_casualty_noun_with_of_governs_its_figure(text, dead, hurt):
    c = casualties(text)
    assert (c.fatalities.best, c.injured.best if c.injured else None) == (dead, hurt)


def test_an_unmarked_aside_does_not_make_the_figure_the_subject_of_a_participle():
    c = casualties("Rockets hit the school, killing seven pupils including two girls and injuring 12.")
    assert (c.fatalities.best, c.injured.best) == (7, 12)


def test_lives_saved_are_no_toll():
    c = casualties("Rescue crews say they saved the lives of 2000 residents pulled from collapsed homes.")
    assert c.fatalities.best is None


@pytest.mark.parametrize("text, dead", [
    ("Medics saved the lives of 25 children, but the barrage killed three.", 3),
    ("The new shelter has saved the lives of some 60 families while the air raid killed two.", 2),
    ("Surgeons saving the lives of 18 wounded men said a shell later killed four nurses.", 4),
])
def test_the_figure_of_lives_saved_is_no_toll_of_a_casualty_word_after_it(text, dead):
    assert casualties(text).fatalities.best == dead


@pytest.mark.parametrize("text, dead", [
    # A relative with a verb of its own is the subject of another clause, not one more of the dead.
    ("A sniper shot dead a girl, and her uncle carried her body to the mosque.", 1),
    ("A shell killed a woman and her brother fled with the children to the camp.", 1),
    ("A drone killed a man and his son was wounded in the leg.", 1),
    # A survivor named by the death is no kin of the dead.
    ("The blast killed a man, and his widow and four children survived.", 1),
    # The relative's own verb may tell its death; a shared verb tells both.
    ("A rocket killed a girl and her brother died later in hospital.", 2),
    ("A shell killed a woman and her brother as they slept.", 2),
    ("A boy and his grandfather were killed when the shell hit the orchard.", 2),
])
def test_a_relative_with_a_verb_of_its_own_is_no_more_dead(text, dead):
    assert casualties(text).fatalities.best == dead


@pytest.mark.parametrize("told", [
    "Insurgents stormed a border post at dawn, killing nine guards, a police officer said on Friday.",
    "Insurgents stormed a border post at dawn, killing nine guards, a senior army officer told reporters.",
])
def test_the_one_who_tells_the_toll_after_it_is_no_more_dead(told):
    assert [t.count.best for t in find_tolls(told) if t.what == "killed"] == [9]


@pytest.mark.parametrize("text, dead, civilians, children, women", [
    # A list of single victims after its verb: every part is one more of the dead, however long the list.
    ("Mortar fire killed a farmer, a child and a woman near the well.", 3, 3, 1, 1),
    ("The drone strike killed two men, a woman and three children on the road.", 6, 6, 3, 1),
    # A list set off after a total, naming no more than it and only its kind of people: who the total were.
    ("Gunfire at the checkpoint killed seven civilians, a mother and a baby, late at night.", 7, 7, 1, 1),
    ("Five villagers, two women, a man and two boys, were killed when the shell hit.", 5, 5, 2, 2),
    ("The raid killed six civilians (one woman and five men) in the orchard.", 6, 6, None, 1),
    ("The bomb killed three people, a mother and her two children, at the bus stop.", 3, 3, 2, 1),
    # A list naming more than the total before it adds to it.
    ("The raid killed two civilians, a woman and two children.", 5, 5, 2, 1),
])
def test_lists_of_victims(text, dead, civilians, children, women):
    c = casualties(text)
    assert (c.fatalities.best, c.victims.civilians, c.victims.children, c.victims.women) == (dead, civilians,
                                                                                          children, women)


def test_a_list_naming_other_people_than_the_total_adds_to_it():
    c = casualties("The blast killed three civilians, two soldiers and a policeman.")
    assert (c.fatalities.best, c.victims.civilians, c.victims.combatants) == (6, 3, 3)


def test_the_one_who_tells_the_toll_is_not_a_victim():
    c = casualties("A rescue worker said at least 12 people were killed in the market.")
    assert (c.fatalities.best, c.victims.civilians) == (12, 12)


@pytest.mark.parametrize("text, dead", [
    ("Copy this URL 204 Shelling on the old quarter left at least seven people dead.", 7),
    ("Link URL 0 318 Nine soldiers died when their convoy was ambushed.", 9),
    ("Page URL 0 37 14 fighters lost their lives on the hill.", 14),
])
def test_a_page_share_count_after_its_link_is_no_toll(text, dead):
    assert casualties(text).fatalities.best == dead


def test_trying_the_number_pattern_only_where_a_number_may_start_finds_what_trying_every_word_finds():
    from warwire.extract.casualties import number_pattern, _numbers

    text = ("Between 10 and 15 people, twenty-five soldiers, a dozen children, a number of women, dozens of thousands, "
            "another man, some 1,200 fighters, five to six, fiveto seven, 3-4 dead, two hundred and five, a few, an "
            "unknown number of rebels, at least 30, several, many, eighteen. Another 7. A couple of men, tens of "
            "thousands, 12.5 km, scores, oneself, anyone, sometimes, manyfold, ten-year-old, the 2nd.")
    found = [m.span() for m in _numbers(text)]
    assert len(found) > 20
    assert found == [m.span() for m in number_pattern().finditer(text)]


@pytest.mark.parametrize("text, dead", [
    ("According to a farmer from the hamlet, three people died when the shell landed on Tuesday.", 3),
    ("According to one resident, six people were killed when the bakery was bombed.", 6),
    ("Quoting a nurse at the clinic, the agency said eight people died in the raid.", 8),
])
def test_the_noun_after_according_to_tells_the_toll_and_is_no_victim(text, dead):
    assert casualties(text).fatalities.best == dead


@pytest.mark.parametrize("text", [
    "A drone strike killed a man described by neighbours as a militia leader outside the town.",
    "Gunmen killed a shepherd reported missing since Sunday near the wells.",
])
def test_a_participle_after_the_noun_leaves_it_a_victim(text):
    assert casualties(text).fatalities.best == 1


@pytest.mark.parametrize("text, dead, children, women", [
    ("The shelling killed four people, a child among them, in the market.", 4, 1, None),
    ("Rockets killed six villagers, two women among them, on the road to the mill.", 6, None, 2),
    ("The strike killed five people, a boy included, near the school.", 5, 1, None),
])
def test_a_part_of_the_total_closed_by_among_them_is_who_the_total_were(text, dead, children, women):
    c = casualties(text)
    assert (c.fatalities.best, c.victims.children, c.victims.women) == (dead, children, women)


@pytest.mark.parametrize("text, dead", [
    # A figure told as more dead than the one before it adds to it, whoever they were.
    ("Holding the crossroads cost 16 troops their lives, along with 7 militants.", 23),
    ("When the mine went off under the lorry, 5 porters were killed in addition to 2 drivers.", 7),
    ("Six villagers were killed by the raiders and several raiders also died, coded as an additional 10.", 16),
    # A vague amount added is no figure to add; the figure told once is not added to itself.
    ("Holding the crossroads cost 16 troops their lives, in addition to an unknown number of attackers.", 16),
    ("Twelve sailors were killed at the pier. The twelve sailors died as the crane collapsed on them.", 12),
])
def test_a_figure_told_as_more_dead_adds_to_the_toll(text, dead):
    assert combine(find_tolls(text)).fatalities.best == dead


@pytest.mark.parametrize("text, dead", [
    ("Artillery killed 13 shepherds near the dunes on Thursday, the governor said, in addition to 6 shepherds killed "
     "there on Wednesday.", 13),
    ("Shellfire on the port killed 12 dockworkers on Wednesday, in addition to 5 sailors who had died there the day "
     "before.", 12),
    ("Raiders killed 8 herders on Friday, along with 3 guards who died earlier.", 8),
    # The same day told again, or earlier that day, is still the event's.
    ("Raiders killed 8 herders on Friday, along with 3 guards who died earlier in the day.", 11),
])
def test_a_figure_added_of_another_day_is_not_the_events(text, dead):
    assert combine(find_tolls(text)).fatalities.best == dead


def test_the_dead_told_with_whose_they_were_before_their_verb():
    c = casualties("In the fighting for the pass, 9 fighters of the militia and its tribal allies were killed.")
    assert (c.fatalities.best, c.victims.combatants) == (9, 9)


def test_a_group_named_is_between_a_figure_and_its_victims():
    c = casualties("An artillery barrage killed 6 IS militants in a cave south of the lake.")
    assert (c.fatalities.best, c.victims.combatants) == (6, 6)


def test_one_fatality_is_one_dead():
    assert casualties("The rockets caused one fatality in the camp, the ministry said.").fatalities.best == 1
    assert casualties("There was no fatality in the camp, the ministry said.").fatalities.best is None


# Our own sentences, with odd Unicode: a long s and a Kelvin sign (case-blind "s" and "k"), a dotted capital I,
# an en dash, a non-breaking space, a soft hyphen, Arabic and full-width digits, starts and ends of a text.
_START_TEXTS = [
    "Between 10 and 15 people, twenty-five soldiers, a dozen children, an unknown number of rebels, ANOTHER man.",
    "ſeven died and ſome were hurt; \u212Aids aside, SIX\u2013EIGHT, five\u00a0more, one\u00adtwo, İone, ıone.",
    "Residents counted \u0663\u0664 bodies and \uff17 wounded; forty-one, -two, x-three, _four, 'five', (six).",
    "one", "a", "", "7", "-ten", "tens", "Oneself anyone sometimes manyfold ten-year-old the 2nd, fiveto seven.",
    "Scores\nof people; many\tmore; a few; several;between\t3 and 4; zero-hour; hundreds... thousands",
]


@pytest.mark.parametrize("text", _START_TEXTS)
def test_the_number_starts_are_where_the_case_blind_look_behind_pattern_finds_them(text):
    """The starts (one pattern behind the character before a start, skipped to in C) are the places the old
    pattern (case-blind, behind a look-behind, tried at every character) finds, searched from each place on."""
    import re
    from warwire.extract.casualties import Lexicon, _number_start_list

    lex = Lexicon.load()
    words = sorted({w.split()[0].lower() for w in [*lex.units, *lex.tens, *lex.vague]} | {"another"},
                   key=len, reverse=True)
    firsts = re.escape("".join(sorted({w[0] for w in words})))
    alt = "|".join(re.escape(w) for w in words)
    old = re.compile(rf"(?i)(?<![\w-])(?=[\db{firsts}])(?:\d|between\s|(?:{alt})(?:[\s\-–]|to|or|and|(?!\w)))")
    want, pos = [], 0
    while (m := old.search(text, pos)) is not None:
        want.append(m.start())
        pos = m.start() + 1
    assert _number_start_list(text) == want
    assert len(text) < 12 or len(want) >= 4


@pytest.mark.parametrize("text, victim", [
    ("At least 40 army and militia fighters have been killed since dawn.", "combatants"),
    ("The raid killed 18 pro-government and allied troops near the dam.", "combatants"),
    ("Jets killed 26 ISIS (banned in Europe) militants near the border.", "combatants"),
    ("At least 14 Nusra (Qaeda affiliate) fighters were killed in the ambush.", "combatants"),
    ("Gunmen killed nine (all unarmed) civilians at the checkpoint.", "civilians"),
])
def test_an_aside_or_two_sides_between_a_figure_and_its_victims_still_name_them(text, victim):
    (toll,) = [t for t in find_tolls(text) if t.what == "killed"]
    assert toll.victim == victim


def test_two_figures_joined_by_and_keep_their_own_victims():
    tolls = find_tolls("Twelve soldiers and three farmers were killed in the blast.")
    assert [(t.count.best, t.victim) for t in tolls] == [(12, "combatants"), (3, "civilians")]


@pytest.mark.parametrize("text, dead", [
    ("Monday 4 March 2019 14:38 Six Farmers Killed in Shelling on a village.", [6]),
    ("Friday 8 March 2019 09:15 Two Medics Killed by a Drone Strike.", [2]),
    ("The shell hit the market at 11:45 and killed 14 people.", [14]),
])
def test_a_clock_time_counts_no_one(text, dead):
    assert [t.count.best for t in find_tolls(text) if t.what == "killed"] == dead


@pytest.mark.parametrize("text, tolls", [
    ("Four Farmers Killed 23 Injured in Shelling on a Village.", [("killed", 4), ("injured", 23)]),
    ("Two killed 17 wounded in a mortar attack on the market.", [("killed", 2), ("injured", 17)]),
    ("Jets killed 6 people and injured 20 others.", [("killed", 6), ("injured", 20)]),
])
def test_a_figure_right_before_its_participle_counts_what_the_participle_says(text, tolls):
    assert [(t.what, t.count.best) for t in find_tolls(text)] == tolls


@pytest.mark.parametrize("text, civilians", [
    # The unarmed told by their role or their community are civilians.
    ("Militants shot dead three local activists outside their office.", 3),
    ("The gunmen executed 12 Yazidis in the square.", 12),
    ("A mortar round killed four Christians leaving a church.", 4),
])
def test_victims_told_by_role_or_community_are_civilians(text, civilians):
    c = casualties(text)
    assert c.victims.civilians == civilians and c.victims.combatants is None


@pytest.mark.parametrize("text", [
    # A role or a community told to fight, or told as an armed group's, says nothing of civilians.
    "A drone strike killed five Christians fighting alongside the Syriac Military Council near Qamishli.",
    "Shelling killed three Yazidis who had joined the Sinjar Resistance Units on the mountain.",
    "Artillery killed two activists who were battling government troops at the edge of the town.",
    "Troops killed nine activists of Jaish al-Izza by the ridge.",
    "A barrage killed six Assyrians who had taken up arms with a local guard force.",
    "Jets killed eight men fighting for the rebels on the ridge.",
])
def test_victims_told_to_fight_are_not_civilians(text):
    c = casualties(text)
    assert c.fatalities.best is not None and c.victims.civilians is None


@pytest.mark.parametrize("text, civilians", [
    # Fighting told near them but not done by them, a group that is no armed group, whose relatives they were.
    ("Shelling killed five villagers fleeing the fighting near the town.", 5),
    ("Snipers killed four activists with the Local Coordination Committees in the old city.", 4),
    ("A strike killed two sons of Jaish al-Izza's leader at their home.", 2),
])
def test_victims_near_fighting_or_a_group_may_still_be_civilians(text, civilians):
    assert casualties(text).victims.civilians == civilians


def test_a_noun_followed_by_a_verb_of_telling_is_who_tells_the_toll():
    # With its commas stripped, the noun after the figure tells the toll; the dead are not said to be activists.
    c = casualties("The barrage killed 14 activists said on Monday")
    assert c.fatalities.best == 14 and c.victims.civilians is None
    # A relative clause after the noun is about the dead, and so is a victim noun with who told it after it.
    c = casualties("The barrage killed three farmers who said nothing to the soldiers")
    assert c.victims.civilians == 3
    assert casualties("The barrage killed 14 civilians, said a monitor.").victims.civilians == 14
    assert casualties("The barrage killed 14 civilians said a monitor").victims.civilians == 14


@pytest.mark.parametrize("note, dead", [
    # The coders' sum, told after its parts, is the event's toll.
    ("Rebels ambushed a patrol; one soldier died, and the rebels' losses, not known, were put at 10: the total "
     "number of deaths was set at 11.", 11),
    ("Shelling killed 8 people across four villages, 2 apiece. The total fatalities at the first village were later "
     "coded as 5.", 5),
    ("Two bombers blew themselves up at the gate and guards shot a third (9 fatalities recorded in total).", 9),
    # A sum told before a split is what is shared.
    ("Both sides lost men. The total deaths recorded as 6 were then divided between 2 sites.", 3),
    # A note closed by its coders' figure.
    ("Two men on a motorcycle fired at a grocer by his door in the town. 1 fatality.", 1),
    ("Gunmen shot two guards at the checkpoint. 3 fatalities.", 3),
])
def test_a_toll_the_coders_sum_or_close_the_note_with(note, dead):
    from warwire.extract.casualties import coded_share
    total = combine(find_tolls(note)).fatalities.best
    assert coded_share(note, total) == dead


@pytest.mark.parametrize("text", [
    "Gunmen riding in a pickup killed an off-duty police lieutenant near the market.",
    "A sniper killed a Northern Hills Martyrs Brigade fighter on the front line.",
    "Masked men shot dead a retired army captain outside his home.",
])
def test_one_person_killed_told_by_rank_or_side(text):
    assert combine(find_tolls(text)).fatalities.best == 1


def test_a_note_with_no_toll_in_its_sentences_takes_its_closing_figure():
    from warwire.extract.pipeline import extract_article
    from warwire.model import Article

    reports = extract_article(Article(text="On 2 May 2021, members of one local faction fought among themselves in the town "
                                           "of Nawa. A passer-by was struck by a stray round near the bakery, killing "
                                           "him. 1 fatality.", published="2021-05-02"))
    assert [r.fatalities.best for r in reports if r.primary] == [1]


@pytest.mark.parametrize("note, places, dead", [
    ("Jets struck two villages, killing 5 civilians; 3 fatalities allocated to Kafr Nabl and 2 to Hass.", ["Hass"], 2),
    ("Jets struck two villages, killing 5 civilians; 3 fatalities allocated to Kafr Nabl and 2 to Hass.", ["Kafr Nabl"], 3),
    ("Shells hit four towns and killed 6 men: 3 were allocated to Duma and 1 each to Arbin, Saqba and Zamalka.",
     ["Saqba"], 1),
    ("Rockets hit the old city and a market, killing 4, with Bab Touma allocated 3 and Jaramana 1.", ["Jaramana"], 1),
    # No allocation to the event's place: the toll stays what the note tells.
    ("Shells hit four towns and killed 6 men: 3 were allocated to Duma.", ["Arbin"], None),
])
def test_a_toll_the_coders_allocate_to_the_events_place(note, places, dead):
    from warwire.extract.casualties import allocated_share
    assert allocated_share(note, places) == dead


def test_a_story_that_blames_a_side_and_tells_a_rise_allocates_nothing():
    from warwire.extract.casualties import allocated_share
    from warwire.extract.pipeline import extract_article
    from warwire.model import Article

    # "attributed to" names who fired, and "from 40 to 43" is a running count: neither gives the place a toll.
    text = ("Three men died in Saqba on Friday under rockets that activists attributed to the army, raising the "
            "month's dead from 40 to 43 in Saqba.")
    assert allocated_share(text, ["Saqba"]) is None
    assert [(r.fatalities.best, r.victims.civilians) for r in extract_article(Article(text=text, published="2018-03-08"))
            if r.primary] == [(3, 3)]
    # A story longer than a note allocates nothing, whatever its words.
    story = "Jets struck two villages, killing 5 civilians; 3 fatalities allocated to Kafr Nabl and 2 to Hass. " * 12
    assert allocated_share(story, ["Hass"]) is None


def test_a_death_told_by_its_possessive_is_one_dead():
    assert combine(find_tolls("A sniper hit a guard at the gate; the wound led to his death.")).fatalities.best == 1
    assert combine(find_tolls("The guard was hit at the gate and his family mourned.")).fatalities.best is None


def test_the_share_patterns_are_searched_only_in_a_text_holding_a_word_they_need():
    # The gate (plain ``in`` on the lower-cased text, the case-blind letters folded) must let through every text a
    # share or update pattern matches, in any case and with the letters a case-blind "s" or "i" also matches.
    from warwire.extract import casualties as c

    notes = ["Fatalities split between the three locations.", "FATALITIES DIVIDED ACROSS TWO EVENTS.",
             "Fatalities \u017fpread over four villages.", "Distributed fatalities over the events in A, B and C.",
             "Toll shared with another event.", "The agency later ra\u0130sed the death toll to 12.",
             "Officials rev\u0131sed the death toll to nine.", "Updated the toll to 4."]
    for note in notes:
        matched = any(p.search(note) for p in (c._SHARE_SPLIT, c._SHARE_HALF, c._SHARE_LIST))
        assert not matched or c._may_share(note)
        assert c._UPDATED_FIGURE.search(note) is None or c._holds(note, c._UPDATE_WORDS)
    assert sum(c._may_share(n) for n in notes) == 5
    assert not c._may_share("Shelling killed four civilians in the town.")


def test_patterns_that_begin_with_their_letters_match_where_their_word_boundary_forms_do():
    # ``_UNKNOWN_TOLL`` and the one-killed patterns begin with their first letters and a look-behind for the word
    # boundary (the engine skips to such a letter): they must match where "\b" and the words would, glued words,
    # capitals, the text's first character and the Kelvin sign (a case-blind "k") included.
    import re

    from warwire.extract import casualties as c

    plain_unknown = re.compile(r"(?i)\b(?:deaths?|fatalities)\s+and\s+(?:injuries|injury|injured|wounded)\b|"
                               r"\bkill(?:ing|ed)\s+(?:all|everyone|those)\s+(?:(?:of\s+)?(?:its|the|their)\s+)?"
                               r"(?:crew|occupants|passengers|aboard|on\s+board|inside)\b")
    plain_one = [c._ONE_KILLED[1].pattern, c._ONE_KILLED[2].pattern, c._ONE_KILLED[3].pattern]
    plain_one[0] = re.sub(r"^\(\?:k.*?eath\\s\+of\)", r"\\b(?:killing|killed|assas?sinated|executed|death\\s+of)",
                          plain_one[0])
    plain_one[1] = re.sub(r"^\(\?:k.*?hot\\s\+dead\)", r"\\b(?:killing|killed|assas?sinated|executed|shot\\s+dead)",
                          plain_one[1])
    plain_one[2] = re.sub(r"^\(\?:l.*?ing\|s\)\)", r"\\b(?:led|leading|leads|resulted|resulting|results)", plain_one[2])
    assert all(p.startswith("\\b") for p in plain_one)
    texts = ["Deaths and injuries were reported; overdeaths and injuries; FATALITIES AND WOUNDED.",
             "The blast, \u212ailling all its crew, and killing everyone on board; skilled all those inside.",
             "Gunmen killed a local commander Omar Haddad and executed the driver; overkilled the man Sami.",
             "Shelling killing the shepherd; assassinated a tribal sheikh Ali; misexecuted a man Bilal.",
             "A guard was hit, leading to his death; misleading to her death; it resulted in her later death.",
             "killing the farmer Nasser", "Leads to his death", "shot dead an officer, the colonel",
             "Mourned the death of commander Sami; the undeath of the man Ali; DEATH OF a fighter Omar."]
    for new, old in [(c._UNKNOWN_TOLL, plain_unknown)] + list(zip(c._ONE_KILLED[1:], map(re.compile, plain_one))):
        for text in texts:
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], (new, text)
    assert sum(1 for t in texts for m in c._UNKNOWN_TOLL.finditer(t)) == 4
    assert sum(1 for p in c._ONE_KILLED[1:] for t in texts for m in p.finditer(t)) >= 6


def test_the_saved_and_allocated_words_are_found_where_their_word_boundary_forms_find_them():
    import re

    from warwire.extract import casualties as c

    pairs = [(c._SAVE, re.compile(r"\bsav", re.IGNORECASE)),
             (c._ALLOCATED, re.compile(r"(?i)\b(?:allocat|attribut|assign)\w*\b|\beach\s+to\b"))]
    texts = ["Medics saved lives", "SAVING them", "\u017faved", "unsaved", "sav", "xsav and Sav",
             "Four fatalities allocated to the town", "reassigned", "Attributed to", "one EACH TO the villages",
             "reach to", "peach to each", "assign"]
    found = 0
    for new, old in pairs:
        for text in texts:
            spans = [m.span() for m in new.finditer(text)]
            assert spans == [m.span() for m in old.finditer(text)], (new, text)
            found += len(spans)
    assert found == 9


@pytest.mark.parametrize("text, best", [
    # A figure whose noun, after words that describe it, is a place or a thing counts no one, however near the
    # casualty word after it.
    ("A car bomb hit buses leaving two besieged northern towns, killing at least 40 people.", 40),
    ("Jets destroyed three armoured vehicles and killed 9 militants near the dam.", 9),
    ("Rockets struck two residential buildings killing four people.", 4),
    # Words that end the figure's own noun phrase ("from", a victim noun) leave it a toll.
    ("Two women from the nearby villages were killed.", 2),
    ("Shelling killed three Syrian soldiers near two towns.", 3),
])
def test_a_figure_of_places_or_things_is_no_toll(text, best):
    assert casualties(text).fatalities.best == best


@pytest.mark.parametrize("text, best", [
    ("A suicide bomber drove into a rebel position near the bridge, killing five fighters.", 5),
    ("Jets struck a civilian convoy on the highway and killed 12 people.", 12),
    ("Warplanes hit a rebel group's depot, killing several of its members.", 10),
    ("A rebel faction fighter died of wounds from shelling on the hill.", 1),
])
def test_a_victim_noun_that_describes_a_thing_counts_no_one(text, best):
    # "a rebel position", "a civilian convoy": the noun tells what the place or thing is, not one more of the dead.
    assert combine(find_tolls(text)).fatalities.best == best


@pytest.mark.parametrize("text, dead, children, women, injured", [
    ("Jets bombed the market of Saraqib, killing 30 people, including 9 children and 6 women, and injuring dozens.",
     30, 9, 6, 12),
    ("Rockets hit the camp killing 17 civilians including 5 children and 4 women and injured 40 others.",
     17, 5, 4, 40),
    ("Shells fell on the school, killing 11 people, among them 4 boys and 2 mothers from one family, "
     "and wounding others.", 11, 4, 2, None),
])
def test_a_breakdown_goes_on_counting_the_dead_before_the_next_deed(text, dead, children, women, injured):
    # The second part of "among them X boys and Y mothers" is one more part of the dead, however near the verb of
    # the wounded that follows it.
    c = casualties(text)
    assert (c.fatalities.best, c.victims.children, c.victims.women) == (dead, children, women)
    assert (c.injured.best if c.injured else None) == injured


@pytest.mark.parametrize("text, dead, injured", [
    ("Troops shelled the village of Kafr Nabl, killing three boys and a mother while hurting others.", 4, None),
    ("Mortars struck Jisr al-Shughur killing 2 men and injuring at least 9 others.", 2, 9),
    ("A drone hit a car near Marib, killing five fighters and two civilians whilst injuring 6.", 7, 6),
])
def test_a_participle_after_and_or_while_is_the_next_deed(text, dead, injured):
    # "... and a mother while hurting others": the mother is one more of the dead, not one of the wounded.
    c = casualties(text)
    assert c.fatalities.best == dead
    assert (c.injured.best if c.injured else None) == injured


@pytest.mark.parametrize("text, dead, victims", [
    ("Omar Haddad, the commander of Liwa al-Fath, and 3 of his comrades died when a mine exploded near Inkhil.",
     4, (None, None, None, None)),
    ("The head of the local council, Khalid Saleh, and five of his guards were killed in an ambush on the road.",
     6, (None, 6, None, None)),
    ("Umm Yasser and three of her children died when a shell hit their house in Jisreen.", 4, (4, None, 3, 1)),
    # The one named before "and" already counted as a toll of their own is not counted twice.
    ("A rebel colonel and 2 of his bodyguards died.", 3, (None, 3, None, None)),
    ("Sniper fire killed a mother and 2 of her daughters.", 3, (3, None, None, 1)),
])
def test_a_figure_of_ones_men_counts_the_one_named_before_them(text, dead, victims):
    c = casualties(text)
    assert c.fatalities.best == dead
    v = c.victims
    assert (v.civilians, v.combatants, v.children, v.women) == victims


@pytest.mark.parametrize("text, injured", [
    ("Khaled and two of his sons were wounded in shelling on the market.", 2),
    ("Umm Ali and three of her children were injured when the roof fell in.", 3),
])
def test_a_figure_of_ones_men_among_the_wounded_is_the_figure_told(text, injured):
    # Only the dead are counted with the one named before "and"; the wounded's figure stands as told.
    c = casualties(text)
    assert c.fatalities.best is None and c.injured.best == injured


@pytest.mark.parametrize("text, best", [
    ("Gunmen hit the Midan district with 6 mortar shells, killing 3 civilians.", 3),
    ("Troops fired at least 12 artillery shells at Kafr Zita, killing two people.", 2),
    ("Helicopters dropped four barrel bombs over Anadan, killing 9 people and injuring 20.", 9),
    ("Jets carried out 30 air raids on the city which killed one civilian.", 1),
])
def test_a_figure_of_munitions_is_no_toll(text, best):
    # "fired 6 mortar shells, killing 3": the shells counted, not the dead.
    assert casualties(text).fatalities.best == best


@pytest.mark.parametrize("text, dead, children, women, injured", [
    ("Barrel bombs killed 14 including 5 children in the town of Anadan.", 14, 5, None, None),
    ("Government shelling kills 9 including 2 women in Tafas.", 9, None, 2, None),
    ("Two men died and 15 others including girls and elderly men were hurt in the raid.", 2, None, None, 15),
])
def test_a_breakdown_cue_ends_the_noun_phrase_of_the_figure_before_it(text, dead, children, women, injured):
    # "killed 14 including 5 children" does not say that the 14 were children.
    c = casualties(text)
    assert (c.fatalities.best, c.victims.children, c.victims.women) == (dead, children, women)
    assert (c.injured.best if c.injured else None) == injured


@pytest.mark.parametrize("text, dead, injured", [
    ("Three people including a girl killed, seven others injured in rocket fire on Salamiyah", 3, 7),
    ("Five killed eight others wounded in blast at Azaz checkpoint", 5, 8),
])
def test_others_before_a_participle_is_the_figure_of_the_participle(text, dead, injured):
    # "seven others injured": the figure is the subject of the participle after "others", not the object of the verb
    # before it.
    c = casualties(text)
    assert c.fatalities.best == dead
    assert (c.injured.best if c.injured else None) == injured
