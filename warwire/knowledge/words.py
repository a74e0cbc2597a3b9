"""How common a word is in English (the ``wordfreq`` package's Zipf scale), for telling words from names.

Zipf frequency is log10 of a word's occurrences per billion words: "the" 7.7,
"road" 5.2, "hill" 4.9, "Beirut" 3.6, "Homs" 2.9, "Kitaf" 0. A place name that
is also a word this common ("Home", "Hit", "Road") is read as the word unless
the text or the gazetteer says otherwise (see extract/places.py).

Importing wordfreq and reading its English list takes about a fifth of a second, much of a short
command's start-up. So the Zipf values of the plain words (ASCII letters only) at least as common as
``FLOOR`` are kept in the knowledge cache (knowledge/cache.py), built once from wordfreq itself; a
rarer plain word reads 0. Words of plain words joined by hyphens or spaces ("al-bab", "mount hermon")
are read from the same cache as wordfreq reads them: the frequencies of their words combined by its
formula (1/f = 1/f1 + 1/f2 + ..., then its rounding), so a run that meets only such words never imports
wordfreq (half a second, and a fifth more to read its list). So are words of plain letters with
apostrophes inside ("ma'an", "can't"), split where wordfreq's tokenizer splits them. Only other words
(digits, accents, other marks) load wordfreq.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

#: A word at least this common (Zipf) is English before it is a name.
COMMON = 3.5
#: Words rarer than this read 0: far below any threshold the extractor uses (stoplist.yaml's
#: english_zipf, COMMON), so such a word is a name whatever its exact value.
FLOOR = 2.0


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a word in English (0 for a word rarer than ``FLOOR`` or that wordfreq does not know)."""
    if word.isascii():
        if word.isalpha():
            return _table()[0].get(word.lower(), 0.0)
        low = word.lower()
        if _PLAIN_WORDS.fullmatch(low):
            return _joined_zipf(low.replace("-", " ").split(" "))
        if _APOSTROPHE_WORD.fullmatch(low):
            tokens = _apostrophe_tokens(low)
            if tokens:
                return _joined_zipf(tokens)
    from wordfreq import zipf_frequency

    z = zipf_frequency(word, "en")
    return z if z >= FLOOR else 0.0


def is_common_word(word: str, threshold: float = COMMON) -> bool:
    """Whether ``word`` is an English word at least as common as ``threshold`` (Zipf)."""
    return zipf(word.casefold()) >= threshold


_PLAIN_WORDS = re.compile(r"[a-z]+(?:[- ][a-z]+)+")


# A word of plain letters with apostrophes or backticks ("ma'an", "can't", "as-sal't", "ma`an"). wordfreq splits it
# at hyphens, spaces and backticks, and at an apostrophe not between two letters; and where a token starts with one
# or two letters, an apostrophe and a vowel or "h" (the French "l'arc"; so "ma'an" is "ma" and "an"). It keeps an
# apostrophe between letters elsewhere ("can't", "o'clock").
_APOSTROPHE_WORD = re.compile(r"[a-z'`\- ]*['`][a-z'`\- ]*")
_TOKEN_BREAK = re.compile(r"[`\- ]|'{2,}|(?<![a-z])'|'(?![a-z])")
_ELIDED = re.compile(r"[a-z][a-z]?'(?=[aehiouy])")


def _apostrophe_tokens(word: str) -> list[str]:
    """The tokens wordfreq reads in a word of ``_APOSTROPHE_WORD``: elided starts split off, without their apostrophe."""
    tokens = []
    for piece in _TOKEN_BREAK.split(word):
        at = 0
        while (m := _ELIDED.match(piece, at)) is not None:
            tokens.append(piece[at:m.end() - 1])
            at = m.end()
        if piece[at:]:
            tokens.append(piece[at:])
    return tokens


def _joined_zipf(words: list[str]) -> float:
    """The Zipf value of plain words written as one ("al-bab"), as wordfreq gives it: the frequencies of
    its words combined (1/f = 1/f1 + 1/f2 + ...), rounded to three significant digits, then to Zipf's
    hundredths. A word rarer than ``FLOOR`` makes the whole rarer still: 0."""
    zipfs, freqs = _table()
    if not all(w in zipfs for w in words):
        return 0.0
    one_over = 0.0
    for w in words:
        one_over += 1.0 / freqs[w]
    unrounded = max(1.0 / one_over, _NEVER)
    freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    z = round(math.log(freq, 10) + 9, 2)
    return z if z >= FLOOR else 0.0


_NEVER = 10 ** 0.0 / 1e9  # wordfreq's least frequency (Zipf 0), its floor for a combined word


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, float], dict[str, float]]:
    """Plain English words at least as common as ``FLOOR``: their Zipf values, and their frequencies as
    wordfreq's list gives them (to combine the words of a word like "al-bab")."""
    from importlib.util import find_spec

    from warwire.knowledge.cache import cached

    spec = find_spec("wordfreq")
    data = sorted((Path(spec.origin).parent / "data").glob("*_en.*")) if spec and spec.origin else []
    return cached("zipf", [*data, Path(__file__)], _build_table)


def _build_table() -> tuple[dict[str, float], dict[str, float]]:
    from wordfreq import get_frequency_dict, zipf_frequency

    least = 10 ** (FLOOR - 9) * 0.99  # Zipf is log10 of the frequency per billion words
    table, freqs = {}, {}
    for word, freq in get_frequency_dict("en").items():
        if freq >= least and word.isascii() and (word.isalpha() or re.fullmatch(r"[a-z]+(?:'[a-z]+)+", word)):
            z = zipf_frequency(word, "en")
            if z >= FLOOR:
                table[word] = z
                freqs[word] = freq
    return table, freqs
