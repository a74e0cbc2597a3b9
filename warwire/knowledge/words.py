"""How common a word is in English (the ``wordfreq`` package's Zipf scale), for telling words from names.

Zipf frequency is log10 of a word's occurrences per billion words: "the" 7.7,
"road" 5.2, "hill" 4.9, "Beirut" 3.6, "Homs" 2.9, "Kitaf" 0. A place name that
is also a word this common ("Home", "Hit", "Road") is read as the word unless
the text or the gazetteer says otherwise (see extract/places.py).
"""
from __future__ import annotations

from functools import lru_cache

#: A word at least this common (Zipf) is English before it is a name.
COMMON = 3.5


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a word in English (0 for a word wordfreq does not know)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def is_common_word(word: str, threshold: float = COMMON) -> bool:
    """Whether ``word`` is an English word at least as common as ``threshold`` (Zipf)."""
    return zipf(word.casefold()) >= threshold
