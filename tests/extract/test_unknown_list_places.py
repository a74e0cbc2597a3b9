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
    text = story("Army shells hit the villages of Kafr Nabouda, Tal Qarmoush and Qalaat al-Madiq in northern Hama "
                 "on Tuesday, killing six people, the monitor said.")
    rs = reports(text)
    assert told(text, rs) == [("Kafr Nabouda", 1, 2), ("Qalaat al-Madiq", 1, 2), ("Tal Qarmoush", 2, 2)]
    unknown = next(r for r in rs if r.location.name == "Tal Qarmoush")
    assert unknown.location.admin1 == "Hama"
    assert all(r.sub_event_type == "Shelling/artillery/missile attack" for r in rs)


def test_an_unknown_name_first_in_the_list_is_read_too():
    text = story("Army shells hit the villages of Tal Qarmoush, Kafr Nabouda and Qalaat al-Madiq in northern Hama "
                 "on Tuesday, killing six people, the monitor said.")
    assert [n for n, *_ in told(text, reports(text))] == ["Kafr Nabouda", "Qalaat al-Madiq", "Tal Qarmoush"]


def test_a_list_run_together_without_commas_is_read_by_its_al_words():
    text = story("Warplanes struck Zorbat al-Qarmoush al-Huwaiz Kafr Nabouda and Qalaat al-Madiq in northern Hama "
                 "on Tuesday killing eight people the monitor said.")
    assert told(text, reports(text)) == [("Kafr Nabouda", 1, 2), ("Qalaat al-Madiq", 1, 2),
                                         ("Zorbat al-Qarmoush", 2, 2), ("al-Huwaiz", 2, 2)]


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
    text = story("Troops took control of Khirbet Zawdan and Tal Qarmoush villages in the countryside of Raqqa on "
                 "Tuesday, the monitor said.")
    rs = reports(text)
    assert [n for n, *_ in told(text, rs)] == ["Khirbet Zawdan", "Tal Qarmoush"]
    assert {r.location.admin1 for r in rs} == {"Ar-Raqqa"}


def test_people_named_in_a_list_without_a_place_noun_are_no_places():
    text = story("Troops killed Omar Zawdan and Saleh Qarmoush in the countryside of Raqqa on Tuesday, the monitor "
                 "said.")
    rs = reports(text)
    assert "Omar Zawdan" not in [n for n, *_ in told(text, rs)]
