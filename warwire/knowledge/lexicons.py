"""Number words, count qualifiers, victim nouns, casualty words, kin words, the things an attack hits and plural
place nouns (lexicons.yaml), loaded once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from warwire.knowledge.patterns import Alternation, compile_alternation
from warwire.resources import read_yaml

LEXICONS = Path(__file__).resolve().parent / "lexicons.yaml"


@dataclass
class Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]
    qualifiers: Alternation  # value: qualifier name
    victims: Alternation  # value: victim class
    killed: Alternation
    injured: Alternation
    kin: dict[str, str]  # a relative's word ("uncle") -> the victim class it counts in

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls, path: Path = LEXICONS) -> "Lexicon":
        from warwire.knowledge.cache import compiled

        return compiled("lexicons", [path], lambda: cls._compile(path))

    @classmethod
    def _compile(cls, path: Path) -> "Lexicon":
        d = read_yaml(path)
        n = d["numbers"]
        # A noun listed in several classes ("children" is civilians too) keeps its most specific class.
        order = ["children", "women", "combatants", "civilians"]
        seen, victim_pairs = set(), []
        for cls_name in order:
            for w in d["victims"][cls_name]:
                if w not in seen:
                    seen.add(w)
                    victim_pairs.append((w, cls_name))
        return cls(
            units=n["units"], tens=n["tens"], scales=n["scales"], vague=n["vague"],
            qualifiers=compile_alternation([(w, q) for q, ws in d["qualifiers"].items() for w in ws], str(path)),
            victims=compile_alternation(victim_pairs, str(path)),
            killed=compile_alternation([(w, "killed") for w in d["killed"]], str(path)),
            injured=compile_alternation([(w, "injured") for w in d["injured"]], str(path)),
            kin={w.lower(): cls_name for cls_name, ws in d["kin"].items() for w in ws},
        )


@lru_cache(maxsize=1)
def _word_lists() -> dict:
    """lexicons.yaml as written, read once for the plain word lists below (by libyaml where it is built: the same
    lists, read in a tenth of the time of the pure-Python reader's 0.02 CPU-s)."""
    return read_yaml(LEXICONS)


@lru_cache(maxsize=1)
def place_nouns() -> dict:
    """places/nouns.yaml as written (the nouns that tell a place the gazetteer may lack, and the singular nouns of
    one place of its own), read once for every reader of it."""
    from warwire.knowledge.gazetteer import PLACES_DIR

    return read_yaml(PLACES_DIR / "nouns.yaml")


@lru_cache(maxsize=1)
def target_words() -> "re.Pattern[str]":
    """The things an attack hits that single out one happening ("a wedding", "a bakery", "a convoy"; lexicons.yaml
    ``targets``), as one case-blind pattern of whole words and their plurals: read by extraction (a telling that
    names the same thing hit joins its event) and by linking (a detail two reports share)."""
    words = _word_lists().get("targets") or []
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")(?:s|es)?\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def place_list_words() -> "re.Pattern[str]":
    """The plural place nouns that tell the places named beside them are a list ("the neighbourhoods of A, B and
    C"; lexicons.yaml ``place_lists``), as one case-blind pattern of whole words."""
    words = _word_lists().get("place_lists") or []
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
