"""A strike that is a stoppage of work is read from its grammar (one that people go on, call, hold or end; a general or
a hunger strike; a strike by workers or over pay), not from a list of the words right before it; a strike told with
its target or its aircraft stays an attack. A span of time "entered" is no ground taken, and a car bomb its driver
blew himself up with is a suicide bomb in a coder's note as in a story. On sentences written for these tests."""
from __future__ import annotations

from tests.extract.test_assembly import reports, story
from warwire.extract.event_types import find_triggers


def _strike_words(sentence: str) -> list[str]:
    return [sentence[t.start:t.end] for t in find_triggers(sentence) if t.rule.sub_event_type == "Air/drone strike"]


def test_a_stoppage_of_work_is_read_from_its_grammar():
    # Who stops work, or the strike people go on, call off or hold, with the words between them.
    for sentence in ("Cement workers went on a strike on Monday to press for a pay rise.",
                     "A strike by hospital staff entered its third day on Sunday.",
                     "The union called off its week-long strike at the port on Sunday.",
                     "A strike of the city's bus drivers left commuters walking to work.",
                     "Detainees in the central prison began a hunger strike last week.",
                     "The general strike shut the banks and most schools."):
        assert _strike_words(sentence) == [], sentence


def test_a_strike_told_with_its_target_or_its_aircraft_stays_an_attack():
    for sentence in ("A strike by warplanes flattened two houses in the village on Monday.",
                     "Strikes on the town killed five people on Monday.",
                     "The jets began a wave of strikes on the rebel-held suburbs at dawn.",
                     "The coalition carried out a strike against a weapons depot near the dam."):
        assert _strike_words(sentence), sentence
    # Workers told as the strike's dead, not as who struck: the verb between ends the strikers' noun phrase.
    for sentence in ("Strikes by jets killed four workers at the cement plant.",
                     "A strike of the regime wounded students at the university."):
        assert _strike_words(sentence), sentence
    # The stoppage and the attack in one sentence: each read by its own grammar.
    sentence = "Dock workers went on a strike on Monday, a day after strikes on the port killed four."
    assert _strike_words(sentence) == ["strikes"]


def test_the_stoppage_makes_no_report_and_the_attack_does():
    assert reports(story("Bakery workers in the city of Taiz went on a strike on Monday over months of unpaid wages.",
                         "Queues for bread grew longer as the week went on.")) == []
    assert reports(story("A strike by hospital staff in the city of Taiz entered its third day on Sunday.",
                         "Only the emergency ward was taking patients, doctors said.")) == []
    got = reports(story("Strikes on the town of Saraqeb killed five people on Monday, the monitor said.",
                        "Rescue workers searched the rubble for survivors."))
    assert [(r.sub_event_type, r.fatalities.best) for r in got] == [("Air/drone strike", 5)]


def test_a_span_of_time_entered_is_no_ground_taken():
    # A coder's note: the whole text is one event's.
    assert reports("The siege of the town of Madaya entered its second month on 5 January.") == []
    assert reports("A strike by hospital staff entered its third day in Aden.") == []
    assert [r.sub_event_type for r in reports("Government forces entered the town of Hays on 5 January.")] \
        == ["Government regains territory"]


def test_a_car_bomb_driven_by_a_suicide_bomber_is_a_suicide_bomb_in_a_note():
    got = reports("On 5 January, a suicide attacker drove a car bomb into a checkpoint guarding the oil pipeline east "
                  "of Marib city, killing two guards.")
    assert [r.sub_event_type for r in got] == ["Suicide bomb"]
    # Told apart, the car bomb is its own: "a car bomb went off a day after a suicide bomber struck" retypes nothing.
    sentence = "A car bomb blew up in a crowded market a day after a suicide bomber struck the checkpoint."
    assert [t.rule.sub_event_type for t in find_triggers(sentence)][0] == "Remote explosive/landmine/IED"


def test_a_fight_at_its_own_place_is_kept_in_lower_case_text():
    # "as clashes raged in harasta": a fight at a named place of its own, capitals or none.
    for sentence in ("jets killed 12 people in the town of binnish on tuesday as clashes raged in harasta.",
                     "Jets killed 12 people in the town of Binnish on Tuesday as clashes raged in Harasta."):
        assert "Armed clash" in {t.rule.sub_event_type for t in find_triggers(sentence)}, sentence
    # With no place of its own, the fight is the strike's backdrop either way.
    for sentence in ("jets killed 12 people in the town of binnish on tuesday as clashes raged in the hills.",
                     "Jets killed 12 people in the town of Binnish on Tuesday as clashes raged in the hills."):
        assert "Armed clash" not in {t.rule.sub_event_type for t in find_triggers(sentence)}, sentence



def test_a_date_after_on_is_when_the_strike_was_not_its_target():
    # "went on a strike on 5 March": the date tells when the workers stopped, not what a strike hit.
    for sentence in ("Port workers went on a strike on 5 March over unpaid wages.",
                     "Port workers went on a strike on March 5 over unpaid wages.",
                     "Nurses at the clinic were on a strike on the second day of the month."):
        assert _strike_words(sentence) == [], sentence
    # A strike told with its date and its dead is still an attack.
    assert _strike_words("Strikes on 5 March killed ten people in the market.") == ["Strikes"]


def test_on_strike_is_the_singular_idiom():
    assert _strike_words("Teachers have been on strike since the term began.") == []
    sentence = "The coalition has relied on strikes against militant positions along the river."
    assert _strike_words(sentence) == ["strikes"]


def test_ground_entered_hours_or_days_after_a_withdrawal_is_ground_taken():
    for span in ("hours", "days", "weeks"):
        sentence = f"Government forces entered the town {span} after the rebels withdrew."
        assert "entered" in [sentence[t.start:t.end] for t in find_triggers(sentence)], sentence
    # A span of time entered is none, with or without its ordinal.
    for sentence in ("The siege entered its 100th day.", "The war entered its tenth year.",
                     "The blockade entered a new phase."):
        assert "entered" not in [sentence[t.start:t.end] for t in find_triggers(sentence)], sentence


def test_a_lower_case_place_is_read_with_a_word_after_it():
    # Both readings of the words after the preposition: the place itself, or the place after a common noun.
    for backdrop in ("as clashes raged in harasta on wednesday between rebels and troops.",
                     "as clashes raged on wednesday in harasta.",
                     "as clashes raged in the town of harasta between rebels and troops."):
        sentence = "jets killed 12 people in the town of binnish on tuesday " + backdrop
        assert "Armed clash" in {t.rule.sub_event_type for t in find_triggers(sentence)}, sentence
    sentence = "jets killed 12 people in the town of binnish on tuesday as clashes raged in the hills on wednesday."
    assert "Armed clash" not in {t.rule.sub_event_type for t in find_triggers(sentence)}
