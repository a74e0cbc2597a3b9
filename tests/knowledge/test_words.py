"""Words before names: how common a word is in English decides whether a lone place name is read as a word."""
from __future__ import annotations

from warwire.extract.places import find_places, place_matcher
from warwire.knowledge import packs
from warwire.knowledge.gazetteer import fold
from warwire.knowledge.words import is_common_word, zipf


def test_common_words_are_common_and_names_are_not():
    assert zipf("road") > zipf("Homs") > zipf("Kitaf")
    assert is_common_word("village") and not is_common_word("Douma")


def test_a_common_word_is_not_a_place_but_a_notable_place_named_by_its_own_name_is():
    m = place_matcher()
    assert m.english("Blast", fold("Blast"))  # a Russian town's variant spelling, and a common word
    assert not m.english("Beirut", fold("Beirut"))  # a capital, named by its name
    with packs.using("yemen"):
        assert not packs.current().gazetteer.find("Aden") is None
        assert not place_matcher().english("Aden", fold("Aden"))


def test_a_sentence_of_common_words_names_no_place():
    assert find_places("Home is where the army was; the man saw a blast near the road.") == []


def test_plain_words_read_from_the_cache_agree_with_wordfreq():
    from wordfreq import zipf_frequency

    from warwire.knowledge.words import FLOOR

    for word in ["road", "Village", "hill", "the", "Beirut", "Homs", "Aden", "shelling", "Kitaf", "qwzx"]:
        z = zipf_frequency(word, "en")
        assert zipf(word) == (z if z >= FLOOR else 0.0), word
    assert zipf("government-held") == zipf_frequency("government-held", "en")  # joined plain words: combined


def test_plain_words_joined_by_hyphens_or_spaces_read_as_wordfreq_reads_them():
    import random

    from wordfreq import zipf_frequency

    from warwire.knowledge.words import FLOOR, _table

    def wordfreq(word):
        z = zipf_frequency(word, "en")
        return z if z >= FLOOR else 0.0

    written = ["al-bab", "Al-Teen", "mount hermon", "play video the", "x-ray", "government-held", "e-mail",
               "pro-government", "al-qwzxv", "Deir-ez-Zor", "the-the", "jabal al-turkmen mountain", "long-range"]
    common = sorted(_table()[0])
    pick = random.Random(14)
    drawn = [pick.choice(common) + pick.choice("- ") + pick.choice(common) for _ in range(1500)]
    drawn += [pick.choice(common) + "-" + pick.choice(common) + " " + pick.choice(common) for _ in range(300)]
    for word in written + drawn:
        assert zipf(word) == wordfreq(word), word
    assert zipf("long-range") > FLOOR and zipf("al-qwzxv") == 0.0


def test_words_with_apostrophes_read_from_the_cache_as_wordfreq_reads_them():
    import random

    from wordfreq import zipf_frequency

    from warwire.knowledge.words import FLOOR, _table

    def wordfreq(word):
        z = zipf_frequency(word, "en")
        return z if z >= FLOOR else 0.0

    written = ["ma'an", "Can't", "o'clock", "sha'ar", "ma'arat", "qu'ran", "d'arcy", "l'homme", "ma'an's",
               "rock'n'roll", "y'all", "al'qwzxv", "it's", "m'a'e", "as-sal't", "ehl'-mafrak", "al-'aqabah",
               "ma`an", "'s", "dogs'", "o''clock", "l' arc", "'", "-'-"]
    common = sorted(w for w in _table()[0] if "'" not in w)
    short = [w for w in common if len(w) <= 2]
    pick = random.Random(14)
    drawn = [pick.choice(common) + "'" + pick.choice(common) for _ in range(800)]
    drawn += [pick.choice(short) + "'" + pick.choice(common) + "'" + pick.choice(["s", "t", "an", "ar"])
              for _ in range(400)]
    marks = ["'", "-'", "'-", " '", "`", "''", "-"]
    drawn += ["".join(pick.choice([pick.choice(short + common[:300]), pick.choice(marks)])
                      for _ in range(pick.randint(2, 6))) for _ in range(1500)]
    for word in written + drawn:
        assert zipf(word) == wordfreq(word), word
    assert zipf("ma'an") > FLOOR and zipf("can't") > FLOOR
