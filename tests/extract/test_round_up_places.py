"""A round-up's places: one event per location (ACLED), each at its own place."""
from __future__ import annotations

from datetime import date

from warwire.extract import extract_article
from warwire.extract.actors import find_actors
from warwire.extract.assembly import split_by_place
from warwire.extract.event_types import find_triggers
from warwire.extract.mentions import Mention, Reading
from warwire.extract.nlp import load_nlp, sentence_spans
from warwire.extract.pipeline import _places
from warwire.model import Article, Location

from tests.extract.test_assembly import story


def told(text: str, rs) -> list[str]:
    return sorted(text[slice(*r.evidence["location"])] for r in rs)


def test_a_second_quarter_told_with_its_own_clause_is_an_event_of_its_own():
    # Two quarters of one city a few hundred metres apart, each told in its own sentence: two events.
    text = story("Rebel rockets hit the Salah Eddin neighbourhood of Aleppo on Tuesday, state media said.",
                 "Later, militants also shelled the Saif al-Dawleh neighbourhood in Aleppo city, wounding three "
                 "people.")
    rs = extract_article(Article(text=text, published="2018-03-07"))
    assert told(text, rs) == ["Saif al-Dawleh", "Salah Eddin"]
    assert all(r.sub_event_type == "Shelling/artillery/missile attack" for r in rs)


def test_the_same_quarter_told_again_stays_one_event():
    text = story("Rebel rockets hit the Salah Eddin neighbourhood of Aleppo on Tuesday, state media said.",
                 "The rockets on Salah Eddin wounded three people, it said.")
    rs = extract_article(Article(text=text, published="2018-03-07"))
    assert told(text, rs) == ["Salah Eddin"]


def test_a_town_of_the_governorate_told_after_its_chief_city_is_not_parted_from_it():
    # ("Idlib" in a story may name the governorate: a town of it told later is no round-up's other place.)
    text = story("Government jets struck Idlib on Tuesday, killing nine people, a monitor said.",
                 "Warplanes also hit Saraqeb, it said.")
    rs = extract_article(Article(text=text, published="2018-03-07"))
    assert len(rs) == 1


def _reading(text: str) -> Reading:
    sentences = sentence_spans(load_nlp()(text))
    return Reading(text, sentences, find_actors(text), _places(text, ()), [], [], base=date(2018, 3, 7), story=True)


def _mention(r: Reading, word: str, sentence: int, place: str | None) -> Mention:
    s, e = r.sentences[sentence]
    trigger = next(t for t in find_triggers(r.text) if s <= t.start < e and word in r.text[t.start:t.end])
    m = Mention(sub="Air/drone strike", rule_sub="Air/drone strike", trigger=trigger, sentence=sentence, tier=2)
    if place is not None:
        p = next(p for p in r.places if s <= p.start < e and r.text[p.start:p.end] == place)
        m.place, m.place_span, m.place_told = Location(**p.location.to_dict()), (p.start, p.end), True
    return m


def _split_at_city(text: str, city: str):
    """The events ``split_by_place`` makes of a strike told at ``city`` (six dead) in the first sentence, joined by
    the telling of "strikes" in the third."""
    r = _reading(text)
    frame = _mention(r, "bombed", 0, city)
    frame.casualties.fatalities.best = 6
    frame.joined.append(_mention(r, "strikes", 2, None))
    return split_by_place([frame], r)


def test_a_list_of_the_city_s_quarters_joined_to_an_event_at_the_city_is_one_event_per_quarter():
    # An event told at a governorate's chief city that a later telling, joined to it, tells over a list of the
    # city's quarters by a place noun: each quarter is an event, the city's toll shared between them.
    text = story("Government jets bombed Hasaka on Monday, killing six fighters.",
                 "Residents said smoke rose over the city for hours.",
                 "A reporter said the strikes hit the neighbourhoods of Lailiyeh and Nashwa in the south of the city.")
    out = _split_at_city(text, "Hasaka")
    assert sorted((text[slice(*f.place_span)], f.casualties.fatalities.best) for f in out) == [("Lailiyeh", 3),
                                                                                             ("Nashwa", 3)]


def test_a_list_of_towns_joined_to_an_event_at_a_chief_city_leaves_it_at_the_city():
    # Towns of the governorate, not quarters of the city: the event is not parted over them.
    text = story("Government jets bombed Idlib on Monday, killing six fighters.",
                 "Residents said smoke rose over the city for hours.",
                 "A reporter said the strikes hit the towns of Saraqeb and Binnish in the province's south.")
    out = _split_at_city(text, "Idlib")
    assert [text[slice(*f.place_span)] for f in out] == ["Idlib"]
