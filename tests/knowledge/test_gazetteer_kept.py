"""The gazetteer's folded spellings and consonant keys, made once when it is cached, compare names as made anew."""
from __future__ import annotations

import pickle

from warwire.knowledge.gazetteer import Gazetteer, Place, fold_spaced, light, sound

NAMES = {
    "1": ("Kafr Zeta", ["Kafr Zeta", "Kfar Zita", "Kafrzita"]),
    "2": ("Tall Abyad", ["Tall Abyad", "Tel Abiad"]),
    "3": ("Al Qaryatayn", ["Al Qaryatayn", "Qaryatain", "al-Qaryatein"]),
    "4": ("Madaya", ["Madaya"]),
}
ASKED = ["Kafr Zita", "Kfarzeita", "Tal Abyad", "Qaryatein", "Madayah", "Mudaya", "Zeita"]


def _gazetteer() -> Gazetteer:
    places = [Place(i, name, "town", "Syria", "Hama", None, 35.0 + int(i) / 10, 36.0, None, None, list(names),
                    sorted({fold_spaced(n) for n in names}))
              for i, (name, names) in NAMES.items()]
    return Gazetteer(places, "Syria", {})


def _kept() -> Gazetteer:
    g = _gazetteer()
    g.fold_every_spelling()
    return pickle.loads(pickle.dumps(g))  # as the knowledge cache writes and reads it


def test_kept_spellings_compare_names_as_spellings_folded_anew():
    fresh, kept = _gazetteer(), _kept()
    for name in ASKED:
        for a, b in zip(fresh.places, kept.places):
            assert kept.similarity(b, name) == fresh.similarity(a, name)
            assert kept.sound_similarity(b, name) == fresh.sound_similarity(a, name)
    # What was kept is what folding each spelling gives.
    assert {p.id: kept._light_names[p.id] for p in kept.places} == {p.id: [light(n) for n in p.names]
                                                                     for p in kept.places}
    assert {p.id: kept._sound_names[p.id] for p in kept.places} == {p.id: [sound(n) for n in p.names]
                                                                     for p in kept.places}


def test_kept_consonant_keys_find_the_same_places():
    fresh, kept = _gazetteer(), _kept()
    assert {k: [p.id for p in ps] for k, ps in kept._skeletons().items()} == \
        {k: [p.id for p in ps] for k, ps in fresh._skeletons().items()}
    for name in ASKED:
        assert [p.id for p in kept.same_consonants(name)] == [p.id for p in fresh.same_consonants(name)]


def test_a_spelling_added_after_the_gazetteer_was_kept_is_compared_too():
    fresh, kept = _gazetteer(), _kept()
    madaya = kept.by_id["4"]
    before = kept.similarity(madaya, "Mudhayya")
    for g in (fresh, kept):
        g._index(g.by_id["4"], "Mudhayya")
        g._index(g.by_id["4"], "Madaya Sharqiya")  # a new key
    # (the score asked before the spelling was added is not the one given after)
    assert kept.similarity(madaya, "Mudhayya") == 100 > before
    # The consonant keys are made again with the new key.
    assert {k: [p.id for p in ps] for k, ps in kept._skeletons().items()} == \
        {k: [p.id for p in ps] for k, ps in fresh._skeletons().items()}


def test_generic_heads_are_the_words_that_begin_many_names_of_the_country_and_are_kept_with_the_gazetteer():
    # A word that begins ten or more of the country's names of several words is a generic head ("Kafr", "Tal"),
    # not one that begins fewer, a name abroad, a one-word name, an article run into its name ("Al-") or a word of
    # two letters; counted when the gazetteer is written to the cache and read back with it.
    import pickle

    from warwire.knowledge.gazetteer import GENERIC_HEAD_NAMES, Gazetteer, Place

    def place(i: int, name: str, country: str = "Syria") -> Place:
        return Place(f"p{i}", name, "city", country, "Idleb", None, None, None, None, None, [name],
                     [name.casefold()])

    n = GENERIC_HEAD_NAMES
    places = [place(i, f"Kafr Village{i}") for i in range(n)]
    places += [place(100 + i, f"Tall Hamlet{i}") for i in range(n - 1)]
    places += [place(200 + i, f"Tall Abroad{i}", "Turkey") for i in range(3)]
    places += [place(300 + i, f"Al-Qarya{i} North") for i in range(n)]
    places += [place(400 + i, f"Ab Spring{i}") for i in range(n)]
    g = Gazetteer(places, "Syria")
    g.fold_every_spelling()
    kept = pickle.loads(pickle.dumps(g))
    assert kept._generic_heads == frozenset({"kafr"})
    assert kept.generic_heads() == g.generic_heads() == frozenset({"kafr"})
