from __future__ import annotations

import pytest

from warwire.extract import extract_article
from warwire.model import SUB_EVENT_TYPES, Article


def primary(text: str, published: str | None = "2018-03-07"):
    reports = extract_article(Article(text=text, published=published))
    assert sum(r.primary for r in reports) == 1, reports
    return next(r for r in reports if r.primary)


@pytest.mark.parametrize("text, sub", [
    ("Syrian warplanes carried out air strikes over the outskirts of Saraqeb.", "Air/drone strike"),
    ("Helicopters dropped barrel bombs on Daraya.", "Air/drone strike"),
    ("Regime artillery shelled the small town of Kafr Batna.", "Shelling/artillery/missile attack"),
    ("Rebels fired mortar rounds at the city of Aleppo.", "Shelling/artillery/missile attack"),
    ("Fierce clashes broke out between insurgents and regime troops near Harasta.", "Armed clash"),
    ("Syrian troops recaptured the village of Abu Dali from rebels.", "Government regains territory"),
    ("Islamic State fighters captured the hamlet of Jahman from army units.", "Non-state actor overtakes territory"),
    ("A car bomb exploded near a checkpoint in Azaz.", "Remote explosive/landmine/IED"),
    ("One suicide bomber blew himself up beside a bakery queue in Jableh.", "Suicide bomb"),
    ("Militants blew up a police post on the road to Mukalla on Friday night.", "Remote explosive/landmine/IED"),
    ("Retreating fighters blew up the bridge over the wadi east of Hays.", "Remote explosive/landmine/IED"),
    ("Residents said chlorine gas was used in an attack on Saraqeb.", "Chemical weapon"),
    ("Gunmen kidnapped a doctor in Atareb.", "Abduction/forced disappearance"),
    ("Hundreds of demonstrators protested in Idlib city against the new council.", "Peaceful protest"),
    ("Security forces arrested 20 young men in Daraa.", "Arrests"),
    ("Russia and Turkey agreed a ceasefire for Idlib.", "Agreement"),
    ("Air defences shot down two drones over Hmeimim.", "Disrupted weapons use"),
    # A manned aircraft brought down is a fight with its crew; a drone, a disrupted weapon.
    ("Rebels shot down a government Su-22 warplane near Khan Touman on Friday.", "Armed clash"),
    ("A Syrian army helicopter was shot down close to the village of Kafr Nabl.", "Armed clash"),
    ("Islamist fighters downed a military plane east of Idlib.", "Armed clash"),
    ("The army shot down a drone over Hama airport.", "Disrupted weapons use"),
    ("Hundreds of students demonstrated in Idlib city against the new council.", "Peaceful protest"),
    ("Islamic State fighters withdrew from that hamlet without a fight.", "Non-violent transfer of territory"),
    ("Rebel fighters abandoned their positions around Tal Jabin overnight.",
     "Non-violent transfer of territory"),
    ("A preacher was assasinated by gunmen in Atareb.", "Attack"),  # a common misspelling
    # Coders' labels opening a note.
    ("Detonation: a bomb went off in the hands of the man planting it near Tal Rifaat, killing him.", "Other"),
    ("Agreement: the two sides released 40 prisoners in Homs after talks on Monday.", "Agreement"),
])
def test_trigger_words_give_acled_sub_event_types(text, sub):
    r = primary(text)
    assert r.sub_event_type == sub
    assert r.event_type == SUB_EVENT_TYPES[sub]
    start, end = r.evidence["sub_event_type"]
    assert text[start:end]


def test_chemical_attack_is_tagged():
    assert "chemical" in primary("A sarin attack on Khan Sheikhoun killed 80 people.").tags


def test_aid_and_siege_tags():
    r = primary("Air strikes hit besieged Douma as a UN aid convoy unloaded food.")
    assert {"siege", "aid delivery"} <= set(r.tags)


def test_text_without_an_event_has_no_reports():
    assert extract_article(Article(text="The weather in Damascus was mild on Tuesday.")) == []


def test_blowing_up_is_an_explosion_but_a_row_or_talks_that_blow_up_are_none():
    def subs(text):
        return [r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-08"))]

    assert subs("The opposition walked out and the row blew up in the envoy's face on Tuesday.") == []
    assert subs("The dispute blew up on Tuesday when the council rejected the plan for Idlib.") == []
    assert "Remote explosive/landmine/IED" not in subs("Rebels blew up the peace deal on Tuesday by rejecting the "
                                                       "Russian plan for Idlib.")
    assert subs("A power pylon was blown up near Hays on Friday night.") == ["Remote explosive/landmine/IED"]
    assert subs("Gunmen blew up the town's water plant in Idlib on Friday.") == ["Remote explosive/landmine/IED"]
    assert subs("An ammunition depot blew up in the Wadi district on Friday after rocket fire.") == \
        ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text, explosion", [
    # The clause's subject, a few words before the verb, says whether anything exploded.
    ("The peace talks in Vienna blew up on Thursday over the fate of the prisoners.", False),
    ("The truce with the northern clans blew up within a week.", False),
    ("The row over the checkpoint fees blew up again on Sunday.", False),
    ("A truck parked near the bakery in Idlib blew up on Thursday.", True),
    ("After the talks failed, a van parked outside the mosque in Idlib blew up on Thursday.", True),
    ("The truce ended on Thursday when militants blew up a bridge near Hays.", True),
])
def test_a_figurative_subject_before_blew_up_is_no_explosion(text, explosion):
    subs = [r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-08"))]
    assert ("Remote explosive/landmine/IED" in subs) is explosion


@pytest.mark.parametrize("text, explosion", [
    # "exploded" has figurative uses too: its trigger entry names the same context (not_after: figurative).
    ("The row over the checkpoint fees exploded into the open on Sunday.", False),
    ("The dispute between the two councils exploded again on Thursday.", False),
    ("A rocket exploded near the bakery in Idlib on Thursday.", True),
    ("The coalition said a rocket exploded near its base in Idlib on Thursday.", True),
    ("After the talks failed, a device exploded outside the mosque in Idlib on Thursday.", True),
])
def test_a_figurative_subject_before_exploded_is_no_explosion(text, explosion):
    subs = [r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-08"))]
    assert ("Remote explosive/landmine/IED" in subs) is explosion


def test_a_trigger_entry_names_the_contexts_it_is_no_event_after(tmp_path):
    """``not_after`` is read for any entry and any context of the file; a context the file lacks is an error that
    names the file and the entry."""
    import yaml

    from warwire.extract.event_types import Trigger, _not_after_context
    from warwire.knowledge.taxonomy import TRIGGERS
    from warwire.knowledge.taxonomy import Triggers, _rules

    data = yaml.safe_load(TRIGGERS.read_text(encoding="utf-8"))
    data["triggers"].insert(0, {"sub": "Looting/property destruction", "tier": 4, "not_after": "figurative",
                                "patterns": ["sank"]})
    path = tmp_path / "triggers.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    t = Triggers._compile(path)
    text = "The truce over the harbour sank on Monday. A ferry sank on Monday."
    found = _not_after_context(text, [Trigger(m.start(), m.end(), t.events.key(m)) for m in t.events.finditer(text)])
    assert [text[x.start:x.end] for x in found if x.rule.not_after] == ["sank"]
    assert [x.start for x in found if x.rule.not_after] == [text.index("A ferry") + 8]
    data["triggers"][0]["not_after"] = ["ironic"]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match=r"triggers.yaml: trigger entry 1 has not_after 'ironic'"):
        _rules(data["triggers"], path, set(data["context"]))


def test_a_fighting_force_is_no_fight():
    def subs(text):
        return [r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-08"))]

    assert subs("Officials call the brigade the best fighting force in the province of Idlib.") == []
    assert subs("Jets struck a fighting position of the militants near Hays on Monday.") == ["Air/drone strike"]
    assert subs("Heavy fighting raged in the town of Hays on Monday.") == ["Armed clash"]


@pytest.mark.parametrize("text, sub", [
    ("Army aircraft destroyed hideouts and pickups equipped with heavy machineguns near Saraqeb on Monday.",
     "Air/drone strike"),
    ("Jets struck a column of vans armed with machine guns west of Saraqeb on Monday.", "Air/drone strike"),
    # The weapon of the fight itself stays the fight.
    ("Gunmen turned heavy machine gun fire on a checkpoint in Hays on Monday.", "Armed clash"),
])
def test_a_machine_gun_the_target_is_equipped_with_is_no_fight(text, sub):
    assert [r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-08"))] == [sub]


def test_showing_something_is_no_protest():
    text = "The shelling of Mhardeh demonstrated the risks the town still faces."
    assert {r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-07"))} \
        == {"Shelling/artillery/missile attack"}


def test_launching_an_attack_named_by_its_weapon_is_that_weapons_event():
    def sub(text):
        return [r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-08"))]

    assert sub("Rebels launched a rocket attack on Damascus on Tuesday, killing three people.") == \
        ["Shelling/artillery/missile attack"]
    assert sub("Syrian jets conducted an air raid on Kafr Nabl on Sunday that left six civilians dead.") == \
        ["Air/drone strike"]
    assert sub("Rebels launched a fierce attack on army positions near Hama on Tuesday.") == ["Armed clash"]


def test_context_markers_find_the_same_sentences_as_their_plain_alternation():
    """The cumulative and background markers are searched with a look-ahead for their first letters; a sentence
    is flagged exactly when one of the markers, as whole words and in any case, is in it."""
    import re

    from warwire.extract.event_types import is_background, is_cumulative
    from warwire.knowledge.taxonomy import TRIGGERS, _any_word
    from warwire.resources import load_yaml

    context = load_yaml(TRIGGERS)["context"]
    sentences = [
        "Since the start of the offensive, 120 people have lost their lives in the district.",
        "SINCE THE START OF THE OFFENSIVE, the toll has risen.",
        "Convinced since the startup of the plant, he left.",  # "since" inside a word: no marker
        "A total of 14 fighters died on Monday.",
        "Two houses were destroyed in the strike.",
        "The strikes echoed the raids of last year on the market.",
        "The ministry said rebels threatened to attack the road.",
        "Shelling hit the village at dawn; three people were wounded.",
    ]
    for name, found in (("cumulative", is_cumulative), ("background", is_background)):
        plain = re.compile("|".join(rf"\b(?:{p})\b" for p in context[name]), re.IGNORECASE)
        for sentence in sentences:
            assert found(sentence) == bool(plain.search(sentence)), (name, sentence)
    assert is_cumulative(sentences[0]) and is_cumulative(sentences[1]) and not is_cumulative(sentences[2])
    assert is_background(sentences[5]) and not is_background(sentences[4])
    # A pattern that may begin with something other than a word character keeps the plain alternation.
    assert _any_word([r"-year-old war", "last week"]).pattern.startswith(r"\b(?:")
    assert _any_word(["last week", "years? ago"]).pattern.startswith(r"(?<!\w)(?=[ly])")


@pytest.mark.parametrize("text, sub", [
    # No weapon word: an attack on a place is made on the ground, on the people living there.
    ("Armed men attacked a farming hamlet west of Atareb before dawn, killing a shepherd and his son.", "Attack"),
    ("Masked gunmen attacked the village of Tal Rifaat on Thursday.", "Attack"),
    # The other side fights back: a battle.
    ("Rebel fighters attacked the town of Mhardeh on Monday, killing two soldiers.", "Armed clash"),
    # A weapon word says how the attack was made.
    ("Government forces attacked the village of Tal Rifaat with artillery on Thursday.",
     "Shelling/artillery/missile attack"),
])
def test_an_attack_with_no_weapon_word_is_made_on_the_ground(text, sub):
    assert primary(text).sub_event_type == sub


def test_the_attack_after_a_strike_retells_the_strike():
    reports = extract_article(Article(text="Warplanes bombed the market of Saraqeb on Monday. The attack killed six "
                                           "shoppers, medics said.", published="2018-03-07"))
    assert [r.sub_event_type for r in reports] == ["Air/drone strike"]
    assert reports[0].fatalities.best == 6


@pytest.mark.parametrize("text", [
    "Police shot dead three protesters in Maputo, Mozambique, on Monday, a rights group said.",
    "Gendarmes killed four protesters in Bamako, Mali, on Friday when crowds marched against fuel prices.",
    "Soldiers opened fire on protesters in Mandalay in Myanmar on Sunday, killing four people, residents said.",
    "Security forces killed five demonstrators in Nairobi, Kenya, on Tuesday as crowds marched against new taxes.",
])
def test_force_that_kills_protesters_is_a_protest_event_with_the_crowd_as_actor1(text):
    # ACLED's codebook: lethal force on peaceful demonstrators is "Excessive force against protesters", a protest
    # event whose actor1 is the protesters and actor2 the force that fired.
    r = primary(text, "2024-05-10")
    assert (r.event_type, r.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert (r.actor1.kind, r.actor2.kind) == ("Protesters", "State forces")


def test_killing_people_who_are_not_protesters_stays_violence_against_civilians():
    r = primary("Police shot dead three traders in a market in Maputo, Mozambique, on Monday.", "2024-05-10")
    assert r.event_type == "Violence against civilians"



@pytest.mark.parametrize("text", [
    "Troops killed 12 militants and captured 4 in fighting near Tafas on Monday.",
    "Gunmen shot dead a captured pilot near Tabqa on Monday.",
])
def test_people_captured_are_no_ground_taken(text):
    assert "territory" not in primary(text).sub_event_type


def test_a_town_captured_by_a_side_is_ground_taken():
    assert primary("The village of Kafr Nabl was captured by rebels on Monday.").sub_event_type \
        == "Non-state actor overtakes territory"


@pytest.mark.parametrize("text, sub", [
    ("Syrian troops captured rebel positions near the village of Tafas on Monday, the army said.",
     "Government regains territory"),
    ("The army captured militant-held villages south of Aleppo on Sunday.", "Government regains territory"),
    ("Government forces captured terrorist strongholds near Tabqa on Monday.", "Government regains territory"),
])
def test_a_side_named_before_the_ground_captured_stays_ground_taken(text, sub):
    assert primary(text).sub_event_type == sub


@pytest.mark.parametrize("text", [
    "Rebels captured government soldiers near Tabqa on Monday.",
    "The militia said it captured two rebel fighters near Tafas on Monday.",
])
def test_a_side_named_before_the_people_captured_takes_no_ground(text):
    reports = extract_article(Article(text=text, published="2018-03-07"))
    assert not any("territory" in r.sub_event_type for r in reports), reports


def test_ground_where_order_is_restored_is_ground_taken():
    def subs(text):
        return [r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-08"))]

    assert "Government regains territory" in subs('The ministry said its troops had "restored security" to the '
                                                  "village of Hbeit on Monday.")
    assert "Government regains territory" in subs("Troops restored security and stability in the hamlet of Tal "
                                                  "Jabin on Sunday, the governor said.")


def test_a_states_bombs_are_dropped_from_the_air():
    assert primary("Regime bombs killed three men in Hamouriyeh on Thursday.").sub_event_type \
        == "Air/drone strike"
    assert primary("Five civilians died when government bombs fell on the market of Saraqeb on Thursday.") \
        .sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("text", [
    "On Thursday gunmen shelled Ramouseh with shells containing toxic materials, medics said.",
    "On Thursday militants fired rockets filled with gas on Tal Rifaat, where doctors treated many for breathing trouble.",
    "Gunmen lobbed mortar rounds loaded with toxic materials at Sheikh Maqsoud in Aleppo on Thursday.",
])
def test_a_weapon_carrying_a_toxic_agent_is_a_chemical_weapon(text):
    assert primary(text).sub_event_type == "Chemical weapon"


def test_a_shell_carrying_no_toxic_agent_stays_shelling():
    assert primary("Gunmen lobbed mortar rounds laden with shrapnel at Sheikh Maqsoud in Aleppo on Thursday.") \
        .sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("text, sub", [
    # Strikes carried out with no weapon named are from the air; a named weapon keeps its own kind.
    ("The coalition said it conducted three strikes near the town of Tabqa on Thursday.", "Air/drone strike"),
    ("Long-range bombers carried out strikes on Thursday near the city of Mayadin.", "Air/drone strike"),
    ("Rebels launched rocket strikes on the town of Mhardeh on Thursday.", "Shelling/artillery/missile attack"),
])
def test_strikes_carried_out_with_no_weapon_named_are_from_the_air(text, sub):
    assert primary(text).sub_event_type == sub


def test_a_general_strike_launched_is_no_air_strike():
    reports = extract_article(Article(text="Shopkeepers launched a general strike in Suwayda on Thursday.",
                                      published="2018-03-08"))
    assert "Air/drone strike" not in [r.sub_event_type for r in reports]


def story_types(lead: str) -> list[str]:
    """The sub-types of the reports of a short story whose lead is ``lead`` (a second paragraph makes it a story)."""
    text = lead + "\nThe monitor said it could not give a toll. Residents said the roads out of the area were closed."
    return [r.sub_event_type for r in extract_article(Article(text=text, published="2018-03-07"))]


@pytest.mark.parametrize("lead, sub", [
    # A story's clause telling ground given up under a fight tells a battle.
    ("Government troops withdrew from the orchards of Kafr Hamra on Tuesday when the militants mounted a "
     "counter-offensive.", "Armed clash"),
    ("After heavy clashes on Sunday, the militants pulled out of the village of Tal Shayer.", "Armed clash"),
    # With no fight told, the fight a deal ended, or where a side went to fight, the transfer stays non-violent.
    ("Rebel fighters pulled out of the village of Tal Shayer on Sunday.", "Non-violent transfer of territory"),
    ("The fighters pulled out of Tal Shayer on Sunday under a deal that ended the fighting there.",
     "Non-violent transfer of territory"),
    ("The militants pulled out of Tal Shayer on Sunday to join the battle for the northern plain.",
     "Non-violent transfer of territory"),
])
def test_a_transfer_told_with_a_fight_is_the_fight(lead, sub):
    assert story_types(lead)[0] == sub


def test_a_coders_note_keeps_its_transfer_word():
    note = "Government troops withdrew from the orchards of Kafr Hamra when the militants mounted a counter-offensive."
    assert primary(note).sub_event_type == "Non-violent transfer of territory"


def test_a_counter_offensive_is_a_fight():
    from warwire.extract.event_types import find_triggers, main_trigger

    text = "The brigade launched a counter-offensive near Kafr Hamra."
    trig = main_trigger(find_triggers(text))
    assert text[trig.start:trig.end] == "counter-offensive" and trig.rule.sub_event_type == "Armed clash"


@pytest.mark.parametrize("lead, sub", [
    # A bombardment word told of an aircraft, its doer, is an air strike; of a ground weapon or of no one, shelling.
    ("Government fighter jets on Monday pounded the militants' hideouts in Tal Shayer.",
     "Air/drone strike"),
    ("Foreign warplanes fired a missile at army posts near Kafr Hamra on Monday.", "Air/drone strike"),
    ("Warplanes and artillery pounded the hills around Tal Shayer on Monday.", "Shelling/artillery/missile attack"),
    ("Government forces pounded the hills around Tal Shayer on Monday.", "Shelling/artillery/missile attack"),
])
def test_a_bombardment_by_aircraft_is_an_air_strike(lead, sub):
    assert story_types(lead)[0] == sub


@pytest.mark.parametrize("note, sub", [
    # Ground told held at the end of an advance is ground taken, by the side told as the advance's subject.
    ("Regime troops and allied militiamen advanced to control the hamlet of Tal Shayer on Tuesday.",
     "Government regains territory"),
    ("The hill has now been under the army's full control since Monday, the agency said.",
     "Government regains territory"),
    # A clash that ends with ground taken is coded by who took it, not as a clash.
    ("Clashes erupted between the army and the militants around Tal Shayer, where the militants advanced to "
     "control the hamlet.", "Non-state actor overtakes territory"),
    ("The monitor said the army now had full control over the Bustan district of Tal Shayer after heavy "
     "clashes.", "Government regains territory"),
    ("The army controlled Kafr Hamra village after clashes with the militants.", "Government regains territory"),
    ("The militants controlled Kafr Hamra village after clashes with the army.",
     "Non-state actor overtakes territory"),
    # Ground taken after the other side withdrew, with no fight or shelling told, is handed over.
    ("Islamic State fighters pushed forward to take control of Kafr Hamra after the rebels withdrew from it.",
     "Non-violent transfer of territory"),
    ("The army advanced to control Kafr Hamra following the withdrawal of the militants under heavy shelling.",
     "Government regains territory"),
    ("The militants controlled Kafr Hamra village in the north.", "Non-violent transfer of territory"),
])
def test_ground_taken_in_a_battle_is_coded_by_who_took_it(note, sub):
    assert primary(note).sub_event_type == sub


def test_a_side_the_ground_was_taken_from_is_no_taker():
    from warwire.extract.actors import find_actors
    from warwire.extract.event_types import find_triggers, taker

    text = "By Friday the two hamlets that the army held had been recaptured by insurgents."
    trig = next(t for t in find_triggers(text) if text[t.start:t.end] == "recaptured")
    assert taker(text, find_actors(text), trig) is None


@pytest.mark.parametrize("note", [
    "National Liberation Front fighters clashed with the militants near Kafr Hamra on Monday.",
    "Liberation Army fighters clashed with border guards near Tal Shayer.",
])
def test_a_groups_name_tells_no_ground_freed(note):
    assert primary(note).sub_event_type == "Armed clash"


@pytest.mark.parametrize("note", [
    "A mortar exchange broke out on Monday between the army and the militants near Kafr Hamra.",
    "Border guards and the militants exchanged mortar barrages around Tal Shayer overnight.",
])
def test_fire_traded_both_ways_is_a_fight(note):
    assert primary(note).sub_event_type == "Armed clash"
