"""Place mentions in a text: where each one is, which place it means, and how the text relates to it.

One Aho-Corasick pass over the folded words of the text finds every gazetteer
name (whole words only, longest match wins); the words around a mention give
its relation: "in" (the default), "near" ("near X", "outskirts of X": geo
precision 2), "countryside" ("X countryside", "rural X": the governorate,
precision 3), "province" ("X province": the governorate, precision 3) and
"dateline" (the "BEIRUT (Reuters) -" opening, never the place of an event).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, count
from operator import add, itemgetter
from pathlib import Path
from weakref import WeakKeyDictionary

from warwire.extract.event_types import find_triggers
from warwire.extract.locations import contains
from warwire.knowledge import packs
from warwire.knowledge.cache import cached
from warwire.knowledge.patterns import words_by_first_letter
from warwire.knowledge.gazetteer import (SETTLEMENTS, Gazetteer, Place, consonant_count, distance_km, fold, fold_spaced,
                                         folding_articles, light, skeleton, without_site)
from warwire.knowledge.gazetteer import sources as gazetteer_sources
from warwire.knowledge.words import zipf
from warwire.model import Location

RELATIONS = ("in", "near", "countryside", "province", "dateline")

_MID_CAPITAL = re.compile(r"[a-z,;]\s+[A-Z]")
_WORDS_OF = re.compile(r"[\s\-]+")
_WORD = re.compile(r"[^\W_]+(?:['’`][^\W_]+)*", re.UNICODE)
_NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\bclose to|\boutskirts of|\bedges? of|\bvicinity of|\baround|\bperiphery of|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|"
    r"\b(?:km|kms|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from))"
    r"\s+(?:the\s+)?(?:(?:town|city|village|district|area|neighbourhood|neighborhood)\s+of\s+)?$",
    re.IGNORECASE)
_NEAR_AFTER = re.compile(r"^(?:['’]s)?\s+(?:suburbs|outskirts|environs|surroundings|vicinity)\b", re.IGNORECASE)
_COUNTRYSIDE_BEFORE = re.compile(r"(?:\bcountryside of|\brural|\brif|\breef)\s+(?:the\s+)?$", re.IGNORECASE)
_COUNTRYSIDE_AFTER = re.compile(r"^(?:['’]?s)?\s+(?:countryside|rural areas|hinterland|rif|reef)\b",
                                re.IGNORECASE)
_PROVINCE_BEFORE = re.compile(r"(?:\bprovince|\bgovernorate|\bregion)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "southern Idlib", "rural Hama": a governorate's own name after a direction means the governorate.
_DIRECTION_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|central|"
                               r"north-east|north-west|south-east|south-west)(?:ern)?\s+$", re.IGNORECASE)
# "the Idlib town of Saraqeb": a governorate's name used as an adjective for the place that follows.
# Before a stoplist common noun ("Sarin", "Grad") that is also a village: the text uses it as a place.
_PLACE_CUE_BEFORE = re.compile(r"(?:\b(?:in|near|at|to|from|into|around|outside|toward|towards|on|hit|struck|shelled|"
                               r"bombed|stormed|captured|seized|retook|entered)\s+(?:the\s+)?|"
                               r"\b(?:town|village|city|area|outskirts|countryside|hamlet)\s+of\s+)$", re.IGNORECASE)
_ADJECTIVE_AFTER = re.compile(r"^\s+(?:town|city|village|suburb|district|hamlet)s?\s+of\b", re.IGNORECASE)
_PROVINCE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:province|governorate|provincial)\b", re.IGNORECASE)
# What may follow a dateline: ", Syria", "(Reuters)", "/Nov 5/", then a dash or colon.
_DATELINE_AFTER = re.compile(r"\s*(?:,\s*[\w .]{2,25})?\s*(?:\([^)\n]{1,60}\)|/[^/\n]{1,30}/)?\s*(?:[-–—:]|\n)")
# "the village of Omar", "towns of al-Laj", "Halmuz village": the text says the name is a place's.
_CUE_NAME = r"((?:(?:[Aa]l|[Ee]l)[-\s]['’`]?)?[A-Z][\w'’]*(?:[-\s](?:(?:al|el)[-\s]['’`]?)?[A-Z][\w'’]*){0,2})"
_CUED_OF = re.compile(r"\b(?:villages?|towns?|hamlet|farms?|area|hills?) of (?:the )?" + _CUE_NAME)
_CUE_AFTER = re.compile(r"(?<=\w)\s+(?:village|town|area|hill|port|desert|valley)\b")
_CUED_BEFORE = re.compile(r"(?<![\w'’-])" + _CUE_NAME + r"$")
# "mortars hit the al-Nuzha and Bab Tadmor neighbourhoods", "the neighbourhood of Bab Touma": names the text calls a
# city's quarters (one name, or a list before the plural; "al-X al-Y and al-Z" lists with spaces only).
_QUARTER_CUE = re.compile(r"\b(?:neighbou?rhoods?|quarters?)\b(?:\s+of\s+(?:the\s+)?)?", re.IGNORECASE)
_QUARTER_NAME = re.compile(r"(?<![\w'’-])(?:(?:[Aa]l|[Ee]l)-['’`]?)?[A-Z][\w'’]*(?:[-\s](?:(?:al|el)-['’`]?)?[A-Z][\w'’]*)?")
_QUARTER_LINK = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?:the\s+)?|\s+(?=(?:[Aa]l|[Ee]l)-)")
_QUARTER_SPLIT = re.compile(r"\s+(?=(?:[Aa]l|[Ee]l)-)")
#: How close (0-100, spelled or as it sounds) a name the text calls a quarter must be to a quarter of its city.
_QUARTER_SIMILARITY = 75
#: How far back (characters) a city named before a quarter may stand ("in Homs ... on X neighbourhood of the city").
_QUARTER_CITY_REACH = 300
_AREA_AFTER = re.compile(r"(?:['’]s)? (?:[Ss]ub-?[Dd]istrict|[Dd]istrict|[Nn]ahiya|countryside|region|area)\b")
# What joins a place to the governorate it lies in: "X in Idlib", "X village in southern Idlib", "X, Idlib".
_IN_GOVERNORATE = re.compile(r"^(?:['’]?s|['’])?(?:\s+(?:town|village|city|area|district|region|camp))?\s*(?:,|\bin|\bof)\s+"
                             r"(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
# What joins a place to the district after it: "X in Maqbanah of Taizz", "X area of Baqim district", "X, Nihm".
_IN_DISTRICT = re.compile(r"^(?:['’]?s|['’])?(?:\s+(?:town|village|city|areas?|region|camp|valley|mountains?|hill(?:top)?s?|"
                          r"front|military camp|desert area|market))?\s*(?:,|\bin|\bof|\bwithin|\blocated in)\s+"
                          r"(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
# "in", "of", "within": the words that put one place inside the next (a comma may only list them).
_CONTAINED = re.compile(r"\b(?:in|of|within)\b")
_SPOT_AFTER = re.compile(r"\s+(?:hills?|hilltops?|mountains?|valley|village|area)\b")
_DISTRICT_WORD = re.compile(r"\b(?:[Dd]istrict|[Dd]irectorate)\b")
_DISTRICT_AFTER = re.compile(r"(?:['’]s)?\s+(?:[Dd]istricts?|[Dd]irectorates?|[Bb]order districts?)\b")
_CITY_AFTER = re.compile(r"(?:['’]s)?\s+[Cc]ity\b")
_CITY_BEFORE = re.compile(r"\b(?:capital|city|city of|town of)\s+$", re.IGNORECASE)
_STREET_AFTER = re.compile(r"(?:['’]s)? (?:[Ss]treet|St\b|[Aa]venue|[Ss]quare|[Rr]oundabout)")
_ARTICLE_WORD_AFTER = re.compile(r" (?:(?:[Aa]l|[Ee]l)-['’`]?|(?:[Ii]bn|[Bb]in) )[A-Z][\w'’]*")
# How close (0-100, vowels kept) a cued name must be to a place's spelling.
_CUED_SIMILARITY = 78
#: How close (0-100, vowels kept) a sure place's spelling must be to a source's for it to anchor the text's other places.
_ANCHOR_SIMILARITY = 90
# A dateline after a headline: "BEIRUT (AP) —", "Beirut- ", "DAMASCUS: " then the story's first word.
_DATELINE_MID = re.compile(r"\s*(?:\([^)\n]{1,60}\))?\s*[-–—:]\s+[\"“A-Z]")
_NOT_BEFORE_DATELINE = frozenset({"in", "near", "of", "from", "at", "to", "on", "and", "by", "outside", "into",
                                  "the", "for", "with"})
_HEADLINE_SPAN = 600  # how far into a text a dateline after a headline may stand
_DATELINE_JOIN = re.compile(r"^\s*(?:,|and|&)?\s*$", re.IGNORECASE)


@dataclass
class PlaceMention:
    """A place named in a text: character offsets, the words, the place meant and the relation."""

    start: int
    end: int
    surface: str
    location: Location
    relation: str = "in"
    kind: str | None = None  # the gazetteer's kind of the place meant ("neighbourhood", "community"...)


class _Matcher:
    """The gazetteer's keys in an Aho-Corasick automaton, with the stoplist."""

    def __init__(self, gazetteer: Gazetteer, stop: dict) -> None:
        import ahocorasick

        self.gazetteer = gazetteer
        self.automaton = ahocorasick.Automaton()
        # Patterns are folded names with a space on each side, matched against the text's folded
        # words joined the same way: every hit is then a run of whole words.
        # "Homs Hama" (a list with its commas stripped) is two governorates, not the place "Hims - Hamah".
        governorates = {k for p in gazetteer.governorates.values() for k in p.keys if " " not in k}
        for place in gazetteer.places:
            for spaced in place.keys:
                key = spaced.replace(" ", "")
                words = spaced.split()
                if len(words) > 1 and all(w in governorates for w in words):
                    continue
                if len(key) >= 2 and key.isascii() and key in gazetteer.by_key:
                    pattern = f" {spaced} "
                    if pattern not in self.automaton:
                        self.automaton.add_word(pattern, (len(pattern), key))
        self.automaton.make_automaton()
        self.stop_surfaces = {light(str(s)) for s in stop["surfaces"]}
        self.lowercase_words = {str(w) for w in stop["lowercase_words"]}
        self.generic_words = {str(w) for w in stop["generic_words"]}
        self.barriers = {str(w) for w in stop["barriers"]}
        self.given_names = {str(w) for w in stop.get("given_names") or ()}
        self.titles = {str(w) for w in stop.get("titles") or ()}
        self.kunyas = {str(w) for w in stop.get("kunyas") or ()}
        self.head_words = {str(w) for w in stop.get("head_words") or ()}
        self.common_nouns = {light(str(w)) for w in stop.get("common_nouns") or ()}
        # The words of a cased text worth visiting: capitalised ones, articles and "eastern"-like words (grouped by
        # first letter), in group 1: at the text's start, or behind a character that is no part of a word. That
        # character's class begins the pattern, and the engine skips to it in C (one that begins with a look-behind
        # is tried at every character).
        lower = sorted(set(folding_articles()) | self.lowercase_words, key=len, reverse=True)
        by_first = words_by_first_letter(lower)
        word = r"([^\W\d_a-z][\w]*(?:['’`][^\W_]+)*|\d+|(?:" + by_first + r")(?![\w'’`]))"
        self.cased_first, self.cased_behind = re.compile(word), re.compile(r"[^\w'’`]" + word)
        self.barriers |= {w.capitalize() for w in self.barriers}
        # The population of the biggest place with a key (-1: no place): ranks overlapping matches.
        self.sizes = {k: max((p.population or 0) for p in ps) for k, ps in gazetteer.by_key.items()}
        # A word is English before it is a place when it is common in English (wordfreq's Zipf scale);
        # a notable place's name ("Aden", "Beirut") only when it is a very common word.
        self.word_zipf = float(stop["english_zipf"])
        self.notable_word_zipf = float(stop["english_zipf_notable"])
        self.min_similarity = stop["min_similarity"]
        self.foreign_similarity = stop["foreign_similarity"]
        self._resolved: dict[tuple[str, str], tuple] = {}
        self._found: dict[tuple[str, str | None], Place | None] = {}
        self._home: set[str] | None = None

    def resolve(self, key: str, surface: str) -> tuple[list[Place], Place | None, bool, list[Place]]:
        """The places a mention may mean, the likeliest, whether it is clear, and the country's places a
        looser spelling match allows; cached by spelling."""
        found = self._resolved.get((key, surface))
        if found is None:
            g = self.gazetteer
            loose = [p for p in g.by_key[key] if p.country == g.country and g.similarity(p, surface) >= 60]
            cands = [p for p in g.by_key[key] if g.similarity(p, surface) >= self.min_similarity and
                     (p.country == g.country or self._foreign_ok(p, surface))]
            if len(key) <= 3:  # short names ("Foah", "Qah") must be spelled as a source spells them
                cands = [p for p in cands if p.country == g.country and g.similarity(p, surface) >= 90]
                loose = [p for p in loose if p in cands]
            best = g.best(cands, surface)
            found = (cands, best, bool(cands) and _unambiguous(best, cands), loose)
            if len(self._resolved) > 100_000:
                self._resolved.clear()
            self._resolved[(key, surface)] = found
        return found

    def find(self, name: str, admin1: str | None = None) -> Place | None:
        """``Gazetteer.find``, cached: its loose search is slow and texts repeat names."""
        key = (name, admin1)
        if key not in self._found:
            if len(self._found) > 50_000:
                self._found.clear()
            self._found[key] = self.gazetteer.find(name, admin1)
        return self._found[key]

    def _foreign_ok(self, place: Place, surface: str) -> bool:
        """A city abroad is named as its sources name it, without an Arabic article ("al-Asmar" is not
        Asmara), and by its own name unless the alias is long ("Shal" is not Quetta)."""
        if _ARTICLE_START.match(surface) or self.gazetteer.similarity(place, surface) < self.foreign_similarity:
            return False
        said = light(surface)
        if without_site(surface) != surface.strip() and said != light(place.name):
            # "Hays city", "Port city": a town of the country called a city, or English words, not a city
            # abroad that a source lists under the name with "city" (Hays, Kansas; Brunswick, Georgia).
            return False
        return said == light(place.name) or (len(said) >= 5 and self.gazetteer.similarity(place, surface) == 100)

    def english(self, word: str, key: str | None = None) -> bool:
        """Whether a single word is English before it is a place name (``key``: the place key it matched)."""
        if _ayn_spelled(word):
            return False
        z = zipf(word.casefold())
        if z < self.word_zipf:
            return False
        places = self.gazetteer.by_key.get(key, ()) if key else ()
        said = light(word)  # a notable place or a district named by its own name, not a variant a source lists
        return z >= self.notable_word_zipf or not any((_notable(p) or p.kind == "district") and light(p.name) == said
                                                      for p in places)

    def home(self, word: str) -> bool:
        """Whether a word is spelled as a source spells a place in the pack's country (vowels kept)."""
        return light(word) in self.home_spellings()

    def home_spellings(self) -> set[str]:
        """Every spelling of the pack's country's places, vowels kept (built once per pack)."""
        if self._home is None:
            g = self.gazetteer
            self._home = {light(n) for p in g.places if p.country == g.country for n in p.names}
        return self._home

    def size(self, folded: str) -> int:
        return self.sizes.get(folded.replace(" ", ""), -1)


def place_matcher() -> _Matcher:
    """The matcher of the pack in use."""
    return _pack_matcher(packs.current())


@lru_cache(maxsize=8)
def _pack_matcher(pack: packs.Pack) -> _Matcher:
    """A pack's place matcher with its gazetteer, read from the knowledge cache (built there the first time)."""
    table = pack.file("gazetteer.tsv.gz")
    if Gazetteer.loaded(table):  # this process has built the pack's gazetteer already: share it
        return _Matcher(pack.gazetteer, pack.stoplist)
    own = sorted(p for p in pack.folder.rglob("*") if p.is_file() and p.suffix in (".gz", ".yaml", ".tsv"))
    matcher = cached(f"places-{pack.name}", [*gazetteer_sources(), *own, Path(packs.__file__), Path(__file__)],
                     lambda: _cached_matcher(pack))
    matcher.gazetteer = Gazetteer.adopt(matcher.gazetteer, table)
    return matcher


def _cached_matcher(pack: packs.Pack) -> _Matcher:
    # The home spellings go into the cache too: building them takes a third of a second, reading them
    # a fiftieth, and texts with their apostrophes stripped ("Aleppos") need them.
    matcher = _Matcher(pack.gazetteer, pack.stoplist)
    matcher.home_spellings()
    matcher.gazetteer.fold_every_spelling()
    return matcher


def _cased(text: str) -> bool:
    """Whether the text uses capitals at all (some corpora are lower-cased)."""
    sample = text[:600]
    letters = sum(map(str.isalpha, sample))
    # A short note may have few capitals; one inside a sentence ("the town of Yadudeh") is enough.
    return letters > 0 and (sum(map(str.isupper, sample)) / letters > 0.02 or bool(_MID_CAPITAL.search(sample)))


@lru_cache(maxsize=100_000)
def _word_key(word: str) -> str:
    return fold_spaced(word)


@lru_cache(maxsize=100_000)
def _word_parts(word: str) -> tuple[str, ...]:
    """The folded words of a text's word: "al-Bab" is one word of the text, one folded word ("bab");
    "Salaheddin" two ("sala", "dan"); an article alone none."""
    return tuple(_word_key(word).split())


def _tokens(text: str, m: _Matcher, cased: bool) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word that may be part of a place name; "#" between words no
    name spans (a barrier word, punctuation, or in a cased text a lower-case word that is not an
    article or "eastern"). In a cased text only capitalised words and those few are visited."""
    stripped_apostrophes = "'" not in text and "’" not in text
    out: list[tuple[str, int, int]] = []
    last = 0
    if cased:
        first = m.cased_first.match(text)
        matches = m.cased_behind.finditer(text, first.end() if first else 0)
        if first:
            matches = chain((first,), matches)
        g = 1
    else:
        matches, g = _WORD.finditer(text), 0
    barriers, append, parts_of = m.barriers, out.append, _word_parts
    for match in matches:
        start, end = match.span(g)
        word = text[start:end]
        if out and (gap := text[last:start]) != " " and gap.strip(" -\t"):
            append(("#", last, start))
        last = end
        if word in barriers or (not cased and word.casefold() in barriers):
            append(("#", start, end))
            continue
        if word[-1] in "sS" and word.endswith(("'s", "’s", "'S")):
            word, end = word[:-2], end - 2
        # Texts with punctuation stripped write "Aleppos", "Syrias": try the word without its s.
        # Not after "Sheikh", "Tal"...: "Sheikh Idris" is a name of its own.
        if stripped_apostrophes and word[-1:] in "sS" and len(word) > 4 and not (
                out and text[out[-1][1]:out[-1][2]].casefold() in m.generic_words):
            folded = _word_key(word)
            bare = _word_key(word[:-1])
            # Only towns big enough to own things, and never a word spelled in full as the country's place ("Murays");
            # a town abroad only if it is a city of note ("Murays" is not Murray's, in Utah).
            if m.size(bare) > max(m.size(folded), 10_000) and not m.home(word) and _owner(m, bare):
                folded, end = bare, end - 1
            parts = folded.split()
        else:
            parts = parts_of(word)
        if len(parts) == 1:
            append((parts[0], start, end))
        else:
            for part in parts:  # "al-Bab" is one word here, two folded words ("bab")
                append((part, start, end))
    return out


def _owner(m: _Matcher, key: str) -> bool:
    """Whether the biggest place of a folded name is the country's, or a city abroad of a million people."""
    g = m.gazetteer
    places = g.by_key.get(key.replace(" ", ""), ())
    big = max(places, key=lambda p: p.population or 0, default=None)
    return big is not None and (big.country == g.country or (big.population or 0) >= 1_000_000)


def _spans(text: str, tokens: list[tuple[str, int, int]], matcher: _Matcher) -> list[tuple[int, int, str]]:
    """(first token, last token, key) of every whole-word match, longest first, without overlaps."""
    if not tokens:
        return []
    keys = list(map(itemgetter(0), tokens))
    # The place of the space before each word in " k0 k1 ... ", and the index of the word after a space.
    spaces = list(map(add, accumulate(map(len, keys), initial=0), count()))
    word_after = dict(zip(spaces, count()))
    found = []
    for end, (length, key) in matcher.automaton.iter(" " + " ".join(keys) + " "):
        found.append((word_after[end - length + 1], word_after[end] - 1, key))
    # Longest first; between equally long overlapping matches, the one opening on a capital
    # ("eastern Deir Ezzor": "Deir Ezzor"), then the better-known place.
    found.sort(key=lambda t: (-(t[1] - t[0]), not text[tokens[t[0]][1]:tokens[t[0]][1] + 1].isupper(),
                              -matcher.sizes.get(t[2], -1), -len(t[2]), t[0]))
    taken: set[int] = set()
    out = []
    for a, b, key in found:
        if taken.isdisjoint(range(a, b + 1)):
            taken.update(range(a, b + 1))
            out.append((a, b, key))
    return sorted(out)


def _acceptable(text: str, start: int, surface: str, n_tokens: int, cased: bool, m: _Matcher) -> bool:
    """Whether a match reads as a place name here: not a stoplisted word, person or group, not an
    English word on its own, not an acronym, not a street, and capitalised as a name is in a cased text."""
    end = start + len(surface)
    if text[end:end + 1] == " " and _STREET_AFTER.match(text, end):
        return False  # "Baghdad Street", "Aleppo road" in Damascus: a street, in the city the text names
    if light(surface) in m.common_nouns and not _PLACE_CUE_BEFORE.search(text, max(0, start - 30), start):
        return False  # "Sarin gas", "Grad rockets": a weapon, unless the text puts something in or near it
    return _reads_as_name(surface, n_tokens, cased, start > 0, m)


@lru_cache(maxsize=50_000)
def _reads_as_name(surface: str, n_tokens: int, cased: bool, inside: bool, m: _Matcher) -> bool:
    """The part of ``_acceptable`` told by the words alone (``inside``: not at the text's start); texts
    repeat their names, so it is worked out once per spelling."""
    if light(surface) in m.stop_surfaces or surface.casefold() in m.stop_surfaces:
        return False
    if surface.casefold() in m.generic_words:
        return False
    if n_tokens == 1 and m.english(surface, fold(surface)):
        return False
    acronym = surface[:-1] if surface.endswith("s") else surface  # "SANAs": punctuation-stripped "SANA's"
    if len(acronym) <= 4 and acronym.isupper() and inside:  # SANA, FSA, NGO; "HOMS -" opening a story is kept
        return False
    words = _WORDS_OF.split(surface) if n_tokens > 1 or cased else ()
    site = n_tokens > 1 and without_site(surface) != surface.strip()  # "Khalid camp": a site, not a person
    if n_tokens > 1 and not site and all(not w or light(w) in m.stop_surfaces or not light(w) for w in words):
        return False  # "Hassan Ahmed": a person, though a village has the two names
    if cased:
        words = [w for w in words if w]
        # "Khalid camp", "Mas camp": a source's name of a site, ending in the site's word written in lower case.
        head = len(_WORDS_OF.split(without_site(surface))) if site else len(words)
        for k, w in enumerate(words):
            if w[:1].isupper() or w[:1].isdigit() or w in m.lowercase_words or fold_spaced(w) == "" or k >= head:
                continue
            return False
        if not any(w[:1].isupper() for w in words):
            return False
    return True


# Words run together where a note lost the spaces around a link: "inJubandistrict", "ofAtaq", "Rabi'district".
_GLUED = re.compile(r"(?<![\w'’])(?:in|of|near|at|from|to|into|the)(?=[A-Z][a-z])"
                    r"|(?<=[a-z'’])(?<!\bsub)(?=(?:district|governorate|province)\b)")


# ``_GLUED``'s two parts, each found where it can begin: the first at a word start with one of its words' first
# letters, the second where a unit's word is spelled (a text without one is not scanned for it). Their matches never
# overlap, so together they are what ``_GLUED`` finds (a test compares them).
_GLUED_WORD = re.compile(r"\b(?=[iofnat])(?<![\w'’])(?:in|of|near|at|from|to|into|the)(?=[A-Z][a-z])")
_UNIT_WORD = re.compile(r"(?:district|governorate|province)\b")
_UNIT_GLUED = re.compile(r"(?<=[a-z'’])(?<!\bsub)")


def _glued_cuts(text: str) -> list[int]:
    """Where ``_GLUED`` finds words run together: after a glued "in", "of"..., and before a glued unit's word."""
    cuts = [m.end() for m in _GLUED_WORD.finditer(text)]
    if "district" in text or "governorate" in text or "province" in text:
        cuts += [m.start() for m in _UNIT_WORD.finditer(text) if _UNIT_GLUED.match(text, m.start())]
    return cuts


def _unglued(text: str) -> tuple[str, list[int]] | None:
    """The text with a space where words run together, and the offset in ``text`` of each of its characters
    (one past the end too); None when no words run together."""
    cuts = _glued_cuts(text)
    cuts = sorted({c for c in cuts if 0 < c < len(text) and text[c - 1] != " "})
    if not cuts:
        return None
    parts, offsets, at = [], [], 0
    for c in cuts:
        parts += [text[at:c], " "]
        offsets += [*range(at, c), c]
        at = c
    parts.append(text[at:])
    offsets += [*range(at, len(text) + 1)]
    return "".join(parts), offsets


def find_places(text: str, dateline: list[str] | tuple[str, ...] = ()) -> list[PlaceMention]:
    """Every place named in ``text``, in order, with the place it means and its relation to the text."""
    glued = _unglued(text)
    if glued:
        # Read with the spaces put back; the mentions keep the text's own offsets.
        spaced, at = glued
        return [PlaceMention(at[p.start], at[p.end - 1] + 1, text[at[p.start]:at[p.end - 1] + 1], p.location,
                             p.relation, p.kind) for p in _find_places(spaced, dateline)]
    return _find_places(text, dateline)


#: How far (characters) around a name called a quarter its city is looked for first.
QUARTER_CITY_REACH = 300
# "the Hamadaniyeh neighbourhood", "al-Midan quarter": the text calls the name a city's quarter.
_QUARTER_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|quarters?)\b", re.IGNORECASE)


def _called_a_quarter(g: Gazetteer, cands: list[Place], best: Place, clear: bool, surface: str, text: str, at: int):
    """A name the text calls a quarter means the quarter of that name of a city the text names (near it first), not a
    village or town spelled alike elsewhere ("attacks on the Hamadaniyeh neighbourhood" of a story on Aleppo:
    Aleppo's, not Idlib's village): (cands, best, clear). A quarter of a city the text never names is no likelier."""
    if best.kind == "neighbourhood":
        return cands, best, clear
    pool = [p for p in cands if p.kind == "neighbourhood" and p.country == g.country and p.admin1 in g.governorates]
    quarters = []
    for told in (text[max(0, at - QUARTER_CITY_REACH):at + QUARTER_CITY_REACH], text) if pool else ():
        words = set(fold_spaced(told).split())
        quarters = [p for p in pool if any(k in words for k in g.governorates[p.admin1].keys if " " not in k)]
        if quarters:
            break
    if not quarters:
        return cands, best, clear
    top = g.best(quarters, surface)
    return quarters, top, _unambiguous(top, quarters)


def _find_places(text: str, dateline: list[str] | tuple[str, ...] = ()) -> list[PlaceMention]:
    m = place_matcher()
    g = m.gazetteer
    cased = _cased(text)
    tokens = _tokens(text, m, cased)
    raw = []
    for a, b, key in _spans(text, tokens, m):
        start, end = tokens[a][1], tokens[b][2]
        start = _with_article(text, start)
        surface = text[start:end]
        if not _acceptable(text, start, surface, b - a + 1, cased, m):
            continue
        if len(key) < 3 and len(surface) < 3:  # "Foah" (key "fa") yes, "Al" or "Fa" no
            continue
        longer = _longer_name(text, start, end, m) if cased else None
        cands, best, clear, loose = m.resolve(key, surface)
        if not cands and b > a:
            # "Hays city": no city abroad of that name; the country's town named before the word.
            head = without_site(surface)
            if head != surface.strip() and (found := m.resolve(fold(head), head))[0] and len(fold(head)) >= 3:
                end, surface = start + len(head), head
                cands, best, clear, loose = found
        if g.districts_at_seats and _DISTRICT_AFTER.match(text, end):
            # "Sirwah district": the district, where the pack places districts at their seats.
            units = [p for p in cands if p.kind == "district"] or _loose_districts(g, surface)
            if units:
                cands, best, clear = units, g.best(units, surface), len({p.admin1 for p in units}) == 1
        elif g.districts_at_seats and best is not None and best.kind == "district" and _SPOT_AFTER.match(text, end):
            # "Qarea hill", "Ghor area": a spot of the name, not the district a bare name would mean.
            spots = [p for p in cands if p.kind in SETTLEMENTS]
            if spots:
                cands, best, clear = spots, g.best(spots, surface), _unambiguous(g.best(spots, surface), spots)
        if longer:  # "Khwein al-Shaer", "Abu Hama", "Hosh al-Dawahreh": the whole name, or nothing
            whole = text[longer[0]:longer[1]]
            found = _loose_candidates(g, m, whole)
            if found:
                if not raw or raw[-1][:2] != longer:  # "Bustan al-Qasr": found from "Bustan" and from "al-Qasr"
                    raw.append((longer[0], longer[1], whole, found, g.best(found, whole), False, found))
                continue
            # "Rasm Kharayj": a village's own name after a generic word, unless it is a town of note.
            if longer[1] != end or _ARTICLE_START.match(text, start) or not cands or _notable(best):
                continue
        if cands and _QUARTER_AFTER.match(text, end):
            cands, best, clear = _called_a_quarter(g, cands, best, clear, surface, text, start)
        if cands:
            raw.append((start, end, surface, cands, best, clear, loose))
    # Governorates named as such close by ("X village in southern Idlib"): villages are looked for there.
    named = [(r[0], gov.admin1) for r in raw for gov in (_own_governorate(g, r[2]),)
             if gov and not _called_village(text, r[0], r[1])]
    # "in northern Afrin", "the Afrin district": a district or city named as an area is its governorate's.
    named += [(r[0], r[4].admin1) for r in raw if r[5] and r[4].country == g.country and r[4].kind != "governorate"
              and (_notable(r[4]) or r[4].kind in ("district", "subdistrict"))
              and (_DIRECTION_BEFORE.search(text, max(0, r[0] - 12), r[0]) or _AREA_AFTER.match(text, r[1]))]
    if cased and m.head_words:
        raw = _without_head_words(text, raw, named, g, m)
    cued = _named_by_cue(text, raw, named, g, m) if cased else []
    if cased and g.districts_at_seats:
        cued += _districts_by_cue(text, raw, g)
    if cued:
        # A district named whole ("Khab wa ashaf district") replaces the shorter names found inside it ("Khab").
        raw = [r for r in raw if not any(c[0] <= r[0] and r[1] <= c[1] and (c[0], c[1]) != (r[0], r[1]) for c in cued)]
        raw = sorted(raw + cued, key=lambda r: r[0])
    if cased and _QUARTER_CUE.search(text):
        raw = _quarters_by_cue(text, raw, named, g, m)
    if cased and m.given_names:
        raw = [r for j, r in enumerate(raw) if not _in_person_name(text, raw, j, m)]
    if m.kunyas:
        raw = [r for r in raw if not _kunya_person(text, r[0], r[1], r[2], m)]
    if cased:
        raw = [r for r in raw if not _nisba(text, r[0], r[1], g)]
    if cased and _PERSON_NOUN.search(text):
        raw = _without_apposed_names(text, raw)
    raw = [r for r in raw if not _outlet(text, r[0], r[1])]
    units = _districts(g, text, raw)
    if cased and g.districts_at_seats and units:
        spelled = _spelled_in_district(text, raw, units, g, m)
        if spelled:
            raw = sorted(raw + spelled, key=lambda r: r[0])
            units = _districts(g, text, raw)
    marked = [d for j, ds in units.items() if _DISTRICT_AFTER.match(text, raw[j][1]) for d in ds]
    sure = {i: r[4] for i, r in enumerate(raw) if r[5]}
    context = Counter(p.admin1 for p in sure.values())
    top = [a for a, _ in context.most_common(2)]
    datelines = {fold(d) for d in dateline}
    mentions = []
    chosen = []  # the place of each mention, with its kind
    readings: list[tuple[Place, ...]] = []  # the other places a mention's spelling may mean (none: it is sure)
    firm: list[bool] = []  # whether the text places a mention itself (in a district it names), or it is a town of note
    # A city named by its governorate's name ("X in Taizz", "Y of Sadah") may stand for the governorate (a
    # pack's ``governorate_names``): it anchors nothing, unless the text calls it a city.
    by_governorate = packs.current().governorate_names
    # A place found only by a looser spelling than any source's ("Azhur" for Al Uzhur) anchors nothing: where
    # villages share names, one such match far off would pull a district named exactly to a namesake near it.
    spots = {p.id: p for j, p in sure.items() if p.country == g.country and p.kind != "governorate"
             and p.lat is not None and g.similarity(p, raw[j][2]) >= _ANCHOR_SIMILARITY
             and not (by_governorate and _own_governorate(g, raw[j][2])
                      and not _CITY_AFTER.match(text, raw[j][1])
                      and not _CITY_BEFORE.search(text, max(0, raw[j][0] - 20), raw[j][0]))}
    # The areas the text is sure it is about: governorates, districts and towns of note it names.
    frame = {j: p for j, p in sure.items() if p.country == g.country and (_notable(p) or p.kind == "district")}
    frame.update((j, ds[0]) for j, ds in units.items() if j not in frame and _DISTRICT_AFTER.match(text, raw[j][1])
                 and len({d.admin1 for d in ds}) == 1)
    if g.districts_at_seats:  # where reports name districts bare ("in As Silw"), a district read so frames too
        frame.update((j, raw[j][4]) for j in units if j not in frame and raw[j][4].kind == "district")
    for i, (start, end, surface, cands, best, _, loose) in enumerate(raw):
        govs = _govs_near(named, start, end, text)
        inside = [a1 for at, a1 in named if end < at <= end + 40 and _IN_GOVERNORATE.match(text[end:at])]
        if inside and best.admin1 not in inside:  # "Ras al-Ain area in Idleb": Idleb's Ras al-Ain, if any
            local = [p for p in loose if p.admin1 in inside and p.lat is not None and g.similarity(p, surface) >= 90]
            if not local and g.districts_at_seats and i not in units:
                # "Karsh in Lahj province": Kirsh, by its consonants (a district of the governorate named so stays it)
                local = _sounding(g, surface, inside) or _closest_sounding(g, surface, inside)
                if local and any(d.admin1 in inside for d in _loose_districts(g, surface)):
                    local = []
            if local:
                cands, best = local, g.best(local, surface, inside[0])
        # A village the text puts in a governorate ("Kahboub of Lahij") and found there is no namesake; a name of one
        # of the governorate's districts ("Al Mansurah of Aden") is the district.
        in_governorate = None
        if g.districts_at_seats and inside:
            if i in units:
                named_units = [d for d in units[i] if d.admin1 in inside]
                in_governorate = named_units[0] if len(named_units) == 1 else None
            elif best.admin1 in inside and best.kind in SETTLEMENTS:
                in_governorate = best
        own = sure.get(i)
        anchors = [p for p in spots.values() if p is not own]
        local = _in_districts_after(g, text, raw, units, i)
        if local is None and in_governorate is not None:
            local = in_governorate
        if local is None and marked and i not in units and _governorate_of_district(g, text, raw, units, i):
            local = _own_governorate(g, surface)  # "Razih district of Sadah": the governorate, not a village of it
        if local is None and marked and i not in units and not (best.kind == "city" and best.country == g.country) \
                and not (by_governorate and _governorate_spelled(g, surface, cands)):
            # The district the text names as such ("... near the dam and north of the army camp in the Mawza
            # district"): a village of the name there is meant, if there is one (not a village named like a city:
            # "north of the capital Sanaa").
            local = _in_districts(g, surface, cands, raw[i][6], marked, 85) or None
        if local:
            place = local
        elif local is False and not _notable(best):
            continue  # "X area of Baqim district" with no X there: a namesake elsewhere is not meant
        else:
            place = cands[0] if len(cands) == 1 and not govs else _choose(g, cands, loose, best, surface, govs, top,
                                                                           anchors)
        place = _in_named_part(g, text, named, end, place, [*cands, *loose], surface)
        if govs and place.admin1 not in govs and place.country == g.country and not _notable(place) \
                and _own_governorate(g, surface) is None:
            # "X village in southern Idlib" where the sources file X under the governorate next door: a village
            # spelled so just over the border is the one meant (it keeps the sources' governorate). Not where the
            # gazetteer lacks many villages (a pack's ``far_namesakes``): there it is as likely another village.
            edge = [p for p in cands if p.kind in SETTLEMENTS and p.country == g.country and p.admin1 not in govs
                    and g.similarity(p, surface) >= _BORDER_SIMILARITY
                    and any(g.by_governorate(p, a1, _BORDER_KM) for a1 in govs)] \
                if not packs.current().far_namesakes and not _neighbour_in(raw, i, govs, text) else []
            if edge:
                place = g.best(edge, surface)
        if govs and place.admin1 not in govs and place.country == g.country and not _notable(place) \
                and _own_governorate(g, surface) is None and not _over_border(g, raw, i, text, place, govs) and not (
                    place.kind == "district" and len(cands) == 1
                    and g.similarity(place, _DISTRICT_WORD.sub("", surface).strip()) >= 90
                    and (_DISTRICT_AFTER.match(text, end) or _DISTRICT_WORD.search(surface)
                         or light(surface) == light(place.name))):
            # "X in southern Idlib" with no X there: a namesake elsewhere is not meant. A district called one, or by
            # its whole name, spelled as a source or curated.yaml spells it and that no other place has is kept:
            # its governorate is the report's slip ("Hais District of Taiz").
            continue
        if not local and place.kind in SETTLEMENTS and not _notable(place) and place.country == g.country \
                and not _called_village(text, start, end):
            # "in Shabwa": a governorate's own name means the governorate, not a village of the name (where a
            # city of note has the name, as Idlib or Hodeidah, the city is meant and chosen already); "the
            # village of Saida" is a village. Read before the tests of namesakes far off below: a village of the
            # governorate's name far from the text's districts is no reason to drop the governorate ("in X district,
            # west of Marib province").
            # A governorate only a looser spelling reaches ("Sawda" for Sadah) does not displace a village spelled
            # as the text spells it.
            own = _own_governorate(g, surface)
            if own is not None and g.similarity(own, surface) >= g.similarity(place, surface):
                place = own
        if not local and _astray(g, place, [p for j, p in frame.items() if j != i]):
            continue  # a village told as an area of a district: one of the name elsewhere is not meant
        if not local and _astray_spelling(g, place, surface, [p for j, p in frame.items() if j != i]) \
                and not _sounds_in_province(g, text, raw, place, surface):
            continue  # "Bayt Harun, Mawiyah district": not a "Bayt Haroun" spelled so, 60 km from Mawiyah
        if not local and marked and _outside_districts(g, place, marked, [p for j, p in frame.items() if j != i]):
            continue  # "In Nihm district, ... the Manara area": not an Al Manarah of the district next door, far off
        if not local and _far_from_holder(g, text, raw, i, place):
            continue  # "Ras hill of Beit Salem": not a Ras 200 km from the Beit Salem the text is sure of
        relation, loc = _relate(g, text, start, end, surface, place)
        if relation == "in" and _is_dateline(text, raw, i, datelines):
            relation = "dateline"
        mentions.append(PlaceMention(start, end, surface, loc, relation, place.kind))
        chosen.append(place)
        firm.append(bool(local) or _notable(place) or place.kind not in SETTLEMENTS)
        readings.append(() if firm[-1] or place is not best else (*cands, *loose))
    if g.districts_at_seats and len(chosen) > 1:
        apart = _cohere(g, text, mentions, chosen, readings, firm)
        if apart:
            mentions = [m for k, m in enumerate(mentions) if k not in apart]
            chosen = [p for k, p in enumerate(chosen) if k not in apart]
    mentions, chosen = _without_unit_landmarks(text, mentions, chosen)
    mentions = _without_facility_names(text, _without_far_namesakes(g, text, mentions, chosen))
    if cased:
        mentions = _with_places_told(text, mentions, m)
    return _without_scenes_abroad(text, _without_origins(text, mentions), g.country)


@lru_cache(maxsize=1)
def _place_nouns() -> tuple[re.Pattern, re.Pattern, re.Pattern, frozenset[str]]:
    """The place nouns of ``places/nouns.yaml`` as patterns: (a noun after a name, "the nouns of" before names, a
    name begun by an Arabic head word) and the nouns of a city's quarters."""
    from warwire.knowledge.lexicons import place_nouns

    data = place_nouns()
    nouns = sorted({str(n).casefold() for n in data["quarter"] + data["spot"]}, key=lambda n: (-len(n), n))
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    heads = "|".join(re.escape(str(h)) for h in sorted(data["heads"], key=len, reverse=True))
    after = re.compile(r"(?<=\s)(?P<noun>" + alternation + r")(?P<plural>s)?\b", re.IGNORECASE)
    of = re.compile(r"\b(?P<noun>" + alternation + r")(?P<plural>s)?\s+of\s+(?:the\s+)?", re.IGNORECASE)
    head = re.compile(r"(?<![\w'’-])(?i:" + heads + r")[-\s]" + _TOLD_NAME)
    return after, of, head, frozenset(str(n).casefold() for n in data["quarter"])


# The own name of a spot after its Arabic head word: "Tal al-Dabe al-Gharbi", "Jabal Antar".
_TOLD_NAME = r"(?:(?:[Aa]l|[Ee]l)-['’`]?)?[A-Z][\w'’]*(?:[-\s](?:(?:al|el)-['’`]?)?[A-Z][\w'’]*){0,2}"
# What joins a place to the place it lies in or by: "X neighbourhood of Aleppo", "the X field east of Homs", "X
# area, on the outskirts of Y city", "X hill in Hama countryside" (one clause, no other place between).
_TOLD_IN = re.compile(r"[^.;!?()]{0,70}", re.IGNORECASE)
_TOLD_LINK = re.compile(r"\b(?:in|of|near|outside|by|at|along|on)\b|,", re.IGNORECASE)
_TOLD_SIBLING = re.compile(r"\b(?:and|or|to|from|towards?|between|after|before|while|as|but|where)\b|\bthen\b",
                           re.IGNORECASE)
#: How far back (characters) the place named before a spot may stand in its sentence.
_TOLD_BEFORE_REACH = 150
_SENTENCE_BREAK = re.compile(r"[.;!?]\s|\n")
# "mortars fired by gunmen stationed in X": where the shooters stand, not where the shells fell.
_SHOOTERS_IN = re.compile(r"\b(?:fired|firing|shell(?:ed|ing|s)|rockets?|missiles?|mortars?|artillery|projectiles?)\b"
                          r"[^.;:!?\n]{0,60}\b(?:positioned|stationed|entrenched|holed up)\s+in\s+(?:the\s+)?"
                          r"(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
_LISTED_BEFORE_TOLD = re.compile(r"(?:,|\band)\s+$")
_LISTED_AFTER_TOLD = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?(?:(?:[Aa]l|[Ee]l)-)?[A-Z]|\s+and\s+(?:the\s+)?(?:(?:[Aa]l|[Ee]l)-)?[A-Z]")
_POSSESSIVE = re.compile(r"['’]s?$")
_FIRST_WORD = re.compile(r"([A-Z][\w'’]*)\s+")


def _told_names(text: str):
    """(start, end of the name, end, noun) of each name the text tells with a place noun: right before it ("the Shaar gas
    field", a list before a plural: "the A, B and C neighbourhoods"), right after "the noun(s) of" ("the
    neighbourhoods of A and B"), or begun by an Arabic head word ("Tal al-Hawa": noun None)."""
    after, of, head, quarters = _place_nouns()
    for cue in after.finditer(text):
        before = [(n.start(), n.end()) for n in _QUARTER_NAME.finditer(text, max(0, cue.start() - 150), cue.start())]
        if not before or not text[before[-1][1]:cue.start()].isspace():
            continue
        noun = cue.group("noun").casefold()
        names = [before[-1]]
        for a, b in reversed(before[:-1]):
            if not cue.group("plural") or not _QUARTER_LINK.fullmatch(text, b, names[-1][0]):
                break
            names.append((a, b))
        if len(names) == 1:
            yield names[0][0], names[0][1], cue.end(), noun  # the name with its noun: "Shaar gas field"
        elif noun in quarters:  # a round-up's other lists are read as lists (``mentions``)
            yield from ((a, b, b, noun) for a, b in names)
    for cue in of.finditer(text):
        at = cue.end()
        noun = cue.group("noun").casefold()
        if cue.group("plural") and noun not in quarters:
            continue  # "the areas of A, B and C": a round-up's list, read as a list (``mentions``)
        while (n := _QUARTER_NAME.match(text, at)) is not None:
            yield n.start(), n.end(), n.end(), noun
            link = _QUARTER_LINK.match(text, n.end())
            if not cue.group("plural") or link is None:
                break
            at = link.end()
    for n in head.finditer(text):
        if text[n.start()].isupper():
            yield n.start(), n.end(), n.end(), None


def _with_places_told(text: str, mentions: list[PlaceMention], m: _Matcher) -> list[PlaceMention]:
    """The places the text tells by a place noun that the gazetteer lacks ("the Umm Rasas gas field south of Homs",
    "Tal Antar near X"), added as places of their own where the text names a place that holds them: named as the
    text names them (the mention's words keep the noun), at that place's point, at precision 2 (3 in a
    governorate; a city's quarter at the city's point too): ACLED codes a place it
    cannot locate at the nearest known place holding it. A name a source spells, or a word, is left as it is."""
    *_, quarter_nouns = _place_nouns()
    known = [(p.start, p.end) for p in mentions]
    told: list[PlaceMention] = []
    for start, name_end, end, noun in sorted(set(_told_names(text)), key=itemgetter(0, 2)):
        if any(a < end and start < b for a, b in known) or any(t.start < end and start < t.end for t in told):
            continue
        # Words of the sentence's or a headline's own before the name ("Besieged X district") are no part of it.
        while noun is not None and (word := _FIRST_WORD.match(text, start, name_end)) and m.english(word.group(1)) \
                and word.group(1).casefold() not in folding_articles():
            start = word.end()
        name = text[start:name_end]
        if start >= name_end or len(fold(name)) < 3 or name.casefold() in m.generic_words \
                or _own_governorate(m.gazetteer, name) or _POSSESSIVE.search(name) or _abroad(m.gazetteer, name) \
                or name.isupper() \
                or not _ARTICLE_START.match(name) \
                and all(light(w) in m.stop_surfaces or m.english(w) for w in re.split(r"[-\s]+", name) if w):
            continue
        if noun is None and (_LISTED_BEFORE_TOLD.search(text, max(0, start - 30), start)
                             or _LISTED_AFTER_TOLD.match(text, end)):
            continue  # "the villages of A, Tal B and C": a member of a list, read with the list (``mentions``)
        if _FIRED_FROM.search(text, max(0, start - 110), start) or _SHOOTERS_IN.search(text, max(0, start - 110), start):
            continue  # where the fire came from ("shells fired by gunmen positioned in the X quarter"), not where it fell
        quarter = noun in quarter_nouns
        holder = _holder(text, start, end, mentions, quarter, m.gazetteer.country)
        if holder is None:
            continue
        loc = Location(**holder.location.to_dict())
        loc.name, loc.geonames_id = name, None
        if not quarter:
            loc.admin2 = None  # a spot told by a town may lie over its district's line
        if holder.relation in ("countryside", "province") or (loc.geo_precision or 3) >= 3:
            loc.geo_precision = 3  # in a governorate: the governorate's point
        else:
            loc.geo_precision = 2  # by or in a town: "near" it, ACLED's precision of a spot told by a town
        told.append(PlaceMention(start, end, text[start:end], loc, "in", "neighbourhood" if quarter else "spot"))
    return sorted(mentions + told, key=lambda p: p.start) if told else mentions


def _abroad(g: Gazetteer, name: str) -> bool:
    """Whether a place abroad is spelled so by its sources ("the border area of Kilis"): that place, no spot."""
    said = name.casefold()
    return any(p.country != g.country and any(n.casefold() == said for n in p.names)
               for p in g.by_key.get(fold(name), ()))


def _holder(text: str, start: int, end: int, mentions: list[PlaceMention], quarter: bool,
            country: str | None) -> PlaceMention | None:
    """The place the text tells a place by: the one named right after it in its clause ("... of Aleppo", "...
    east of Homs", "..., at the edge of Raqqa city"), else the one named before it in its sentence
    (a quarter: the city named before it, within ``QUARTER_CITY_REACH``). A quarter's holder is a city; a holder
    is a place of the war's ``country``."""
    def fits(p: PlaceMention) -> bool:
        if p.relation == "dateline" or p.location.country != country:
            return False
        return (p.location.geo_precision or 3) == 1 and p.kind == "city" if quarter else True

    for p in mentions:
        if p.start < end:
            continue
        between = text[end:p.start]
        if not _TOLD_IN.fullmatch(between):
            break
        # Past the names listed with it ("the A and B neighbourhoods of Aleppo"), words that say it lies there.
        if fits(p) and _TOLD_LINK.search(_TOLD_SIBLING.split(between)[-1]):
            return p
    reach = QUARTER_CITY_REACH if quarter else _TOLD_BEFORE_REACH
    for p in reversed([p for p in mentions if p.end <= start and start - p.end <= reach]):
        if not quarter and _SENTENCE_BREAK.search(text, p.end, start):
            break
        if fits(p):
            return p
    if quarter:  # "... the X district. Fighting went on ... in Aleppo": the city named after it, close by
        return next((p for p in mentions if p.start >= end and p.start - end <= reach and fits(p)), None)
    return None


# Where fire came from: "rockets fired from Muhradah", "Firing from Al Bab city", "shelled positions across the
# border from the Kilis area" (the words between stay in one clause).
_FIRED_FROM = re.compile(r"\b(?:fired|firing|shell(?:ed|ing|s)|rockets?|missiles?|mortars?|artillery|projectiles?)\b"
                         r"[^.;:!?\n]{0,60}\bfrom\s+(?:the\s+)?(?:(?:area|town|city|village|vicinity|direction|outskirts|"
                         r"positions?|base)\s+of\s+(?:the\s+)?)?(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
# Where a force was heading: "troops advancing towards X", "units pushing in the direction of X", "to stop them
# marching towards the nearby town of X". A place it had not reached. ("Shells fired towards X" hit it: no fire word.)
_HEADED_TO = re.compile(r"\b(?:advanc(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|movements?|push(?:es|ed|ing)?|"
                        r"march(?:es|ed|ing)?|head(?:s|ed|ing)|progress(?:es|ed|ing)?)\s+"
                        r"(?:[\w'-]+\s+){0,2}?(?:towards?|(?:in|into)\s+the\s+direction\s+of)\s+(?:the\s+)?"
                        r"(?:[\w'-]+\s+){0,2}?(?:(?:towns?|cit(?:y|ies)|villages?|areas?)\s+of\s+)?(?:the\s+)?$",
                        re.IGNORECASE)


# "X town in southern Idlib": the part of the governorate the text puts a place in.
_IN_PART = re.compile(r"^(?:['’]?s)?(?:\s+(?:town|village|city|area|hamlet)s?)?\s*(?:,|\bin)\s+(?:the\s+)?"
                      r"((?:north|south)?[\s-]?(?:east|west)|north|south)(?:ern)?\s+(?:countryside\s+of\s+(?:the\s+)?)?$",
                      re.IGNORECASE)


def _in_named_part(g: Gazetteer, text: str, named: list[tuple[int, str]], end: int, place: Place,
                   cands: list[Place], surface: str) -> Place:
    """Of a name's places, the one in the part of the governorate the text names right after it ("Zurzur town in
    southern Idlib", "X village in the north-eastern countryside of Hama"): a village of the name elsewhere in the
    governorate, or abroad, is not meant. A town of note of the country keeps its own place; with no namesake in
    that part the chosen place stays."""
    parts = [(a1, found.group(1)) for at, a1 in named if end < at <= end + 60
             for found in (_IN_PART.match(text[end:at]),) if found]
    if not parts or (place.country == g.country and _notable(place)):
        return place
    admin1, part = parts[0]
    if place.admin1 == admin1 and place.country == g.country and g.in_part(place, admin1, part):
        return place
    there = [p for p in cands if p.admin1 == admin1 and p.country == g.country and p.kind in SETTLEMENTS
             and g.similarity(p, surface) >= 70 and g.in_part(p, admin1, part)]
    return g.best(there, surface, admin1) if there else place


def _without_origins(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions less the places fire came from when the sentence names another place it fell on ("grad
    rockets fired from Muhradah" on a town named before): ACLED codes where the shells landed, not where they were
    fired from. Where the sentence names no other place, the origin is all the text says and stays.

    So too a place a force was heading for when the sentence names another town where it fought or took ground
    ("units advancing towards X established control over Y"): the event was on the way, at Y. A place that holds
    the goal ("towards X in Y district") tells no other spot, and the goal alone is all the text says of the
    place (ACLED then codes the goal)."""
    origins = {i for i, p in enumerate(mentions) if p.relation != "dateline"
               and _FIRED_FROM.search(text, max(0, p.start - 110), p.start)}
    goals = {i for i, p in enumerate(mentions) if p.relation != "dateline"
             and _HEADED_TO.search(text, max(0, p.start - 90), p.start)}
    if not origins and not goals:
        return mentions
    keep = []
    for i, p in enumerate(mentions):
        if i in origins or i in goals:
            left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, p.start)), default=0)
            stop = _SENTENCE_END.search(text, p.end)
            right = stop.start() if stop else len(text)
            others = [q for j, q in enumerate(mentions) if j not in origins and j not in goals
                      and q.relation != "dateline" and left <= q.start < right and q.location != p.location]
            if i in goals:
                others = [q for q in others if (q.location.geo_precision or 3) < 3
                          and not contains(q.location, p.location)]
            if others:
                continue
        keep.append(p)
    return keep


# Where talks, meetings or statements were held: "envoys will meet in Vienna", "peace talks in Geneva", "told
# reporters in Washington", "a statement issued in Riyadh", "speaking to the press in Paris". A place of
# another country told so is a venue, not where the war's events happened.
_VENUE_BEFORE = re.compile(r"\b(?:meet(?:s|ing|ings)?|met|talks?|negotiat(?:e|ed|es|ing|ions?)|summit|conference|"
                           r"congress|forum|consultations?|"
                           r"(?:said|says|told|announced|stated|added|spoke|speaking|statement|"
                           r"briefing|reporters|journalists)(?:\s+(?:on|late|earlier)\s+\w+)?)"
                           r"(?:\s+(?:\w+\s+){0,4}?)?\s*(?:in|at|from)\s+(?:the\s+)?$", re.IGNORECASE)
#: How far before a place (characters) the words telling it as a venue may begin.
_VENUE_REACH = 60


def _without_scenes_abroad(text: str, mentions: list[PlaceMention], country: str | None) -> list[PlaceMention]:
    """The mentions less the places of another country than the war's that the text does not tell an event at: one
    told as where talks, meetings or statements were held, or one whose sentence has no event word ("Houthi fighters
    shelled a border post. Envoys were due to meet again in Vienna"). A place abroad is an event's place only where
    its sentence says something happened there; a place of the war's country may set the scene for the next
    sentence's event and stays."""
    abroad = [i for i, p in enumerate(mentions) if p.relation != "dateline" and country
              and p.location.country not in (country, None)]
    if not abroad:
        return mentions
    starts = [t.start for t in find_triggers(text)]
    drop = set()
    for i in abroad:
        p = mentions[i]
        venue = _VENUE_BEFORE.search(text, max(0, p.start - _VENUE_REACH), p.start)
        if venue and not any(venue.start() <= t < p.start for t in starts):
            drop.add(i)  # (not "a minister was shot dead in X": an event word between tells what happened there)
            continue
        left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, p.start)), default=0)
        stop = _SENTENCE_END.search(text, p.end)
        right = stop.start() if stop else len(text)
        if not any(left <= t < right for t in starts):
            drop.add(i)
    return [p for i, p in enumerate(mentions) if i not in drop] if drop else mentions


# Words that say a person's name follows: "known as Abu Jaber", "the dead man was identified as Abu Hamza", "uses
# the name Abu al-Hassan", a quote's '" continued Abu Rajab' (not "the source said Abu Kamal was hit").
_ALIAS_BEFORE = re.compile(r"(?:\b(?:known as|identified(?: [\w\s]{0,30})? as|nicknamed|alias|name|nom de guerre)|"
                           r"[\"”]\s*(?:said|says|told|added|continued|explained))\s+[\"“']?$", re.IGNORECASE)
_KUNYA_SAYS = re.compile(r"[\"”']?\s+(?:said|says|told|added|stated|explained|wrote|continued|noted)\b")


def _kunya_person(text: str, start: int, end: int, surface: str, m: _Matcher) -> bool:
    """Whether a name opening with a kunya ("Abu Omar", "Umm Ahmed") is a person's: it speaks ("Abu Omar said"), is
    called a name ("known as Abu Jaber") or is spoken after ("said Abu Rajab"). Places of the form ("Abu Kamal") are
    entered, reached and struck, never said to speak."""
    head = re.split(r"[\s-]", surface.strip(), maxsplit=1)[0].casefold()
    if head not in m.kunyas:
        return False
    return bool(_KUNYA_SAYS.match(text, end) or _ALIAS_BEFORE.search(text, max(0, start - 50), start))


# "the village of Saida", "al-Saida village": the text says the name is a village's, not a governorate's.
_VILLAGE_BEFORE = re.compile(r"\b(?:villages?|hamlets?) of\s+(?:the\s+)?$", re.IGNORECASE)
_VILLAGE_AFTER = re.compile(r"\s+(?:village|hamlet)\b", re.IGNORECASE)


def _called_village(text: str, start: int, end: int) -> bool:
    return bool(_VILLAGE_AFTER.match(text, end) or _VILLAGE_BEFORE.search(text, max(0, start - 30), start))


def _longer_name(text: str, start: int, end: int, m: _Matcher) -> tuple[int, int] | None:
    """The span of a longer name a match is the tail or head of, if any: a capitalised word before an
    article ("Khwein al-Shaer", "Jaysh al-Islam"), a generic word before it ("Abu Hama", "Tal Rifaat"
    when only "Rifaat" matched), or an article and a capitalised word after it ("Hosh al-Dawahreh")."""
    new_start, new_end = start, end
    word_start = _word_before(text, start)
    if word_start is not None:
        word = text[word_start:start - 1]
        # "al-Mayadeen al-Bu Kamal", "al-Kallaseh al-Sukkari": two names with their articles, each a place, are a
        # list with its commas stripped, not one name.
        listed = _ARTICLE_START.match(word) and _ARTICLE_START.match(text, start) and fold(word) in m.gazetteer.by_key
        if word.casefold() in m.generic_words or (
                _ARTICLE_START.match(text, start) and word.casefold() not in m.barriers
                and not m.english(word) and light(word) not in m.stop_surfaces and not listed):
            new_start = word_start
    after = _ARTICLE_WORD_AFTER.match(text, end)
    if after and not _ARTICLE_START.match(text, start):
        new_end = after.end()
    return (new_start, new_end) if (new_start, new_end) != (start, end) else None


def _word_before(text: str, start: int) -> int | None:
    """Where the capitalised word just before ``start`` begins ("Khwein al-Shaer", "Abu-Hama"), or None."""
    if start < 2 or text[start - 1] not in " -" or (text[start - 1] == "-" and not text[start:start + 1].isupper()):
        return None
    i = start - 1
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "'’"):
        i -= 1
    if i == start - 1 or not text[i].isupper():
        return None
    if i >= 3 and text[i - 1] == "-" and text[i - 3:i - 1].casefold() in ("al", "el") and \
            (i == 3 or not text[i - 4].isalnum()):  # "Al-Wabid Al-Qebli": the word's own article
        return i - 3
    if i > 0 and text[i - 1] in "-'’":
        return None
    return i


def _cued_names(text: str):
    """(start, end, strong) of each name right after "village of"... (strong) or right before "village"...."""
    for match in _CUED_OF.finditer(text):
        yield match.start(1), match.end(1), not match.group().startswith(("area", "hill"))
    for cue in _CUE_AFTER.finditer(text):
        match = _CUED_BEFORE.search(text, max(0, cue.start() - 60), cue.start())
        if match:
            yield match.start(1), match.end(1), False


def _without_head_words(text: str, raw: list, named: list[tuple[int, str]], g: Gazetteer, m: _Matcher) -> list:
    """A place named with a head word before it (a pack's ``head_words``: "Najd Thawjan", "Wadi Salah") is the
    place of its own name: a bare head word right before a name found is no place of its own, and a whole name
    found only outside the governorates named by it is the place of the name after the head word there."""
    out = []
    for j, r in enumerate(raw):
        start, end, surface = r[:3]
        words = surface.split(None, 1)
        if surface.casefold() in m.head_words:
            if j + 1 < len(raw) and text[end:raw[j + 1][0]] == " ":
                continue
        elif len(words) == 2 and words[0].casefold() in m.head_words:
            govs = _govs_near(named, start, end, text)
            if govs and not any(p.admin1 in govs and g.similarity(p, surface) >= _ANCHOR_SIMILARITY for p in r[3]):
                rest = words[1]
                found = [p for p in _loose_candidates(g, m, rest) if p.admin1 in govs and p.kind in SETTLEMENTS
                         and g.similarity(p, rest) >= _ANCHOR_SIMILARITY]
                if found:
                    best = g.best(found, rest, govs[0])
                    r = (end - len(rest), end, rest, found, best, False, found)
        out.append(r)
    return out


def _loose_candidates(g: Gazetteer, m: _Matcher, surface: str) -> list[Place]:
    """The country's places spelled as ``surface`` is, or close to it."""
    cands = [p for p in g.candidates(surface) if p.country == g.country and g.similarity(p, surface) >= m.min_similarity]
    if not cands:  # the whole gazetteer's fuzzy search is too slow here: same consonants only
        cands = g.same_consonants(surface)
    return [p for p in cands if p.country == g.country and p.lat is not None
            and g.similarity(p, surface) >= (_CUED_SIMILARITY if len(surface) > 5 else 85)]


def _govs_near(named: list[tuple[int, str]], start: int, end: int, text: str = "") -> list[str]:
    """The governorates named right by a mention ("X village in southern Idlib", "Idlib's X"), or earlier in
    its sentence ("In Lahj province, seven air strikes hit Karsh area")."""
    govs = [a1 for at, a1 in named if (start - 40 <= at or text and start - 120 <= at and "." not in text[at:start])
            and at <= end + 60 and at != start]
    # "near Damascus" covers the countryside around the city (the pack's ``surrounds``).
    surrounds = packs.current().surrounds
    govs += [surrounds[a] for a in dict.fromkeys(govs) if a in surrounds]
    return govs


def _named_by_cue(text: str, raw: list, named: list[tuple[int, str]], g: Gazetteer, m: _Matcher) -> list[tuple]:
    """Names the text calls a village or town ("the village of Omar", "Halmuz village") that the exact
    pass left out: a person's name or English word is a place here, and a spelling no source has is
    looked for among close spellings, in a governorate named by it if there is one."""
    out: list[tuple] = []
    starts, ends = [r[0] for r in raw], [r[1] for r in raw]  # raw: in order, without overlaps
    for start, end, strong in _cued_names(text):
        surface = text[start:end]
        i = bisect_right(starts, end - 1) - 1
        if (i >= 0 and ends[i] > start) or any(r[0] < end and start < r[1] for r in out) \
                or surface.casefold() in m.generic_words:
            continue
        govs = _govs_near(named, start, end)
        english = m.english(surface, fold(surface)) or light(surface) in m.stop_surfaces
        cands = [p for p in _loose_candidates(g, m, surface) if p.kind != "governorate"
                 and (not english or strong and g.similarity(p, surface) == 100)]  # "the town of Has"
        if govs and not any(p.admin1 in govs for p in cands):
            local = [f for f in (m.find(surface, a1) for a1 in govs) if f and f.admin1 in govs and f.lat is not None
                     and g.similarity(f, surface) >= (100 if english else _CUED_SIMILARITY)]
            cands = local or cands  # "the town of Hit in western Dar'a": a word, but Dar'a has a Hit
        if govs and not any(p.admin1 in govs for p in cands) and not english:
            # "In Lahj province, strikes hit Karsh area": a spelling of a village of the governorate (Kirsh).
            cands = _sounding(g, surface, govs) or cands
        if cands:
            best = g.best(cands, surface, govs[0] if govs else None)
            # Not "sure": a looser match does not anchor the text's other places.
            out.append((start, end, surface, cands, best, False, cands))
    return out


def _closest_sounding(g: Gazetteer, name: str, govs: list[str]) -> list[Place]:
    """Of the settlements of the governorates ``govs`` with the consonants of ``name`` and near its sound
    (``Gazetteer.sounding``), those spelled closest to it (then sounding closest), where all of them lie in one spot:
    "Karish of Lahij" is Kirsh, not Al Qurayshi, which only sounds a little closer."""
    found = list({p.id: p for a1 in dict.fromkeys(govs) for p in g.sounding(name, a1)}.values())
    if not found:
        return []
    score = {p.id: (g.similarity(p, name), g.sound_similarity(p, name)) for p in found}
    top = max(score.values())
    found = [p for p in found if score[p.id] == top]
    first = found[0]
    if any(distance_km(first.lat, first.lon, p.lat, p.lon) > _SOUNDING_KM for p in found[1:]):
        return []
    return found


def _quarter_names(text: str, places: list[tuple[int, int, str]] = ()):
    """(start, end) of each name the text calls a city quarter: the names just before "neighbourhood(s)" (a list
    before the plural), else those just after "the neighbourhood(s) of"; after a word that is no quarter of the
    ``places`` found (start, end, kind) too: "the Sunni neighbourhood of X", "the Homs neighbourhood of X" (a word
    that says whose quarter it is)."""
    for cue in _QUARTER_CUE.finditer(text):
        plural = cue.group().split()[0].casefold().endswith("s")
        window = max(0, cue.start() - 150)
        before = [(n.start(), n.end()) for n in _QUARTER_NAME.finditer(text, window, cue.start())]
        names: list[tuple[int, int]] = []
        if before and text[before[-1][1]:cue.start()].isspace():
            names.append(before[-1])
            for a, b in reversed(before[:-1]):
                if not plural or not _QUARTER_LINK.fullmatch(text, b, names[-1][0]):
                    break
                names.append((a, b))
        if cue.group().rstrip().casefold().endswith(("of", "the")) \
                and not any(a < r1 and r0 < b and kind == "neighbourhood" for a, b in names for r0, r1, kind in places):
            at = cue.end()
            while (n := _QUARTER_NAME.match(text, at)) is not None:
                names.append(n.span())
                link = _QUARTER_LINK.match(text, n.end())
                if not plural or link is None:
                    break
                at = link.end()
        yield from names


def _quarters(g: Gazetteer, admin1: str) -> list[Place]:
    """The quarters (neighbourhoods) a source lists in a governorate's city."""
    index = _QUARTERS.get(g)
    if index is None:
        index = _QUARTERS[g] = {}
        for p in g.places:
            if p.kind == "neighbourhood" and p.country == g.country and p.lat is not None:
                index.setdefault(p.admin1, []).append(p)
    return index.get(admin1, [])


# Per gazetteer (weakly: a gazetteer dropped, as a test's tiny one, takes its index with it).
_QUARTERS: WeakKeyDictionary[Gazetteer, dict[str | None, list[Place]]] = WeakKeyDictionary()


def _quarter(g: Gazetteer, name: str, govs: list[str]) -> tuple[float, Place | None]:
    """The one quarter of these governorates' cities spelled (or sounding) closest to ``name``, if close enough,
    with how close (0-100)."""
    scored = sorted(((max(g.similarity(p, name), g.sound_similarity(p, name)), p) for a1 in govs
                     for p in _quarters(g, a1)), key=lambda t: -t[0])
    if not scored or scored[0][0] < _QUARTER_SIMILARITY:
        return 0.0, None
    if any(s == scored[0][0] and light(p.name) != light(scored[0][1].name) for s, p in scored[1:]):
        return 0.0, None  # two quarters alike: the name does not tell which
    return scored[0]


def _quarters_by_cue(text: str, raw: list, named: list[tuple[int, str]], g: Gazetteer, m: _Matcher) -> list:
    """Names the text calls a city's quarters ("mortars struck the X and Y neighbourhoods of the city")
    read among the quarters of the city named by them or before them in the text, spelled as they are or close:
    not a village of the name elsewhere, and found where no source spells them so."""
    out = list(raw)
    towns: set[int] = set()  # where the towns begin that names before them are called quarters of
    for start, end in _quarter_names(text, [(r[0], r[1], r[4].kind) for r in raw]):
        surface = text[start:end]
        govs = list(dict.fromkeys(_govs_near(named, start, end, text)))
        if not govs:  # "a correspondent in Hama said ... struck X neighbourhood of the city"
            before = [a1 for at, a1 in named if start - _QUARTER_CITY_REACH <= at < start]
            govs = before[-1:]
        if not govs:
            continue
        parts = [(start, end, surface)]
        if _QUARTER_SPLIT.search(surface):
            # "al-Shaghour al-Abbasiyyeen": two names listed with a space, where a part is a quarter spelled closer
            # than the whole is ("Bab al-Faraj" is one).
            cuts = [start] + [start + c.end() for c in _QUARTER_SPLIT.finditer(surface)]
            split = [(a, a + len(text[a:b].strip()), text[a:b].strip()) for a, b in zip(cuts, cuts[1:] + [end])]
            whole = 100.0 if any(r[:2] == (start, end) and r[4].kind == "neighbourhood" and r[4].admin1 in govs
                                 for r in out) else _quarter(g, surface, govs)[0]
            if max(_quarter(g, name, govs)[0] for _, _, name in split) > whole:
                parts = split
        for a, b, name in parts:
            if len(fold(name)) < 3 or name.casefold() in m.generic_words or m.english(name, fold(name)) \
                    or _own_governorate(g, name):
                continue
            here = [r for r in out if r[0] < b and a < r[1]]
            if any(r[4].kind == "neighbourhood" and r[4].admin1 in govs for r in here):
                continue  # read as a quarter of the city already
            place = _quarter(g, name, govs)[1]
            if a in towns:
                continue  # "the X neighbourhood of Y": Y, the town X is a quarter of, is no quarter itself
            town = _quarter_of_town(g, text, b, raw, govs[0])
            if town is not None:
                towns.add(_QUARTER_OF.match(text, b).end())
            if place is None and town is not None:
                place = _unlisted_quarter(g, name, govs[0], here, town)
            elif place is None and _city_named(text, named, govs[0], start, end):
                place = _unlisted_quarter(g, name, govs[0], here)
            if place is None:
                continue
            out = [r for r in out if not (r[0] < b and a < r[1])]
            out.append((a, b, name, [place], place, False, [place]))
    return sorted(out, key=lambda r: r[0])


# What puts a quarter in the town named after it: "the X neighbourhood of [the town of] Y".
_QUARTER_OF = re.compile(r"\s+(?:neighbou?rhoods?|quarters?)\s+of\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?", re.IGNORECASE)


def _quarter_of_town(g: Gazetteer, text: str, end: int, raw: list, admin1: str) -> Place | None:
    """The town the name ending at ``end`` is called a quarter of, named right after it, when it is not the chief
    city of ``admin1`` ("the X neighbourhood of Manbij" in a story that names Aleppo): the quarter is that town's,
    not one of the city's."""
    cue = _QUARTER_OF.match(text, end)
    town = next((r[4] for r in raw if r[0] == cue.end()), None) if cue else None
    if town is None or town.kind not in SETTLEMENTS or town.country != g.country or town.lat is None \
            or town is _chief_city(g, admin1) or _own_governorate(g, text[cue.end():cue.end() + 40]) is town:
        return None
    return town


def _city_named(text: str, named: list[tuple[int, str]], admin1: str, start: int, end: int) -> bool:
    """Whether the text names the chief city of ``admin1`` as a city (not "X province", "rural X") within reach of
    the name at ``start``-``end`` it calls a quarter."""
    for at, a1 in named:
        if a1 != admin1 or not start - _QUARTER_CITY_REACH <= at <= end + 60:
            continue
        word = _WORD.match(text, at)
        after, before = text[word.end() if word else at:at + 60], text[max(0, at - 40):at]
        if not (_PROVINCE_AFTER.match(after) or _COUNTRYSIDE_AFTER.match(after) or _PROVINCE_BEFORE.search(before)
                or _COUNTRYSIDE_BEFORE.search(before) or _DIRECTION_BEFORE.search(before)):
            return True
    return False


def _chief_city(g: Gazetteer, admin1: str) -> Place | None:
    """The city that names governorate ``admin1`` (its chief city: "Aleppo", "Deir-ez-Zor"), if a source lists it."""
    gov = g.governorates.get(admin1)
    return next((p for p in g.candidates(gov.name) if p.kind == "city" and p.admin1 == admin1), None) if gov else None


def _unlisted_quarter(g: Gazetteer, name: str, admin1: str, found: list, town: Place | None = None) -> Place | None:
    """A name the text calls a quarter of the chief city of ``admin1`` that no source lists among its quarters, and
    that the sources know only as villages far from that city ("rockets hit the X neighbourhood in Aleppo city",
    with an X in another governorate): that city's quarter, named as the text names it, at the city's point, as its
    listed quarters are told. (A town the city's suburbs reach, a town of note or another city's quarter is the one
    meant; a name no source knows is left to the story's reading of its parts.) A quarter the text puts in another
    ``town`` ("the X neighbourhood of Manbij") is that town's, at its point."""
    city = town or _chief_city(g, admin1)
    if not found or city is None or city.lat is None or not _name_shaped_quarter(name):
        return None
    for r in found:
        p = r[4]
        if p.kind != "community" or _notable(p) or p.lat is None \
                or distance_km(p.lat, p.lon, city.lat, city.lon) <= _OUTSIDE_KM:
            return None
    return Place(id=f"{city.id}:{fold(name)}", name=name, kind="neighbourhood", country=city.country, admin1=city.admin1,
                 admin2=city.admin2, lat=city.lat, lon=city.lon, geonames_id=None, population=None, names=[name],
                 keys=[fold(name)])


def _name_shaped_quarter(name: str) -> bool:
    """Whether a name called a quarter looks like a quarter's name: an "al-" word, or words no English text uses
    ("the Syrian neighbourhoods", "the Old quarter" are words)."""
    words = name.split()
    return bool(_AL_WORD.match(name)) or all(zipf(w.casefold()) < place_matcher().word_zipf for w in words)


_AL_WORD = re.compile(r"(?:[Aa]l|[Ee]l)-")


def _districts(g: Gazetteer, text: str, raw: list) -> dict[int, list[Place]]:
    """The districts each mention may name (not a governorate's own name unless "district" follows)."""
    out = {}
    for i, (start, end, surface, cands, best, _, loose) in enumerate(raw):
        units = [p for p in (*cands, *loose) if p.kind == "district" and p.country == g.country]
        if units and (_own_governorate(g, surface) is None or _DISTRICT_AFTER.match(text, end)):
            out[i] = list({p.id: p for p in units}.values())
    return out


def _in_districts_after(g: Gazetteer, text: str, raw: list, units: dict[int, list[Place]],
                        i: int) -> Place | bool | None:
    """The place a mention means in the district named right after it ("Al Quhayfa in Maqbana of Taizz",
    "Yasnam area of Baqem district", "X in Y in Nati"), when that district has a settlement so spelled;
    False when it has none, None when no district is named so."""
    start, end, surface, cands, best = raw[i][:5]
    if i in units and best.kind == "district":
        return None
    at, listed = end, True
    for j in range(i + 1, min(len(raw), i + 4)):
        gap = text[at:raw[j][0]]
        if raw[j][0] - at <= 60 and j not in units and _LIST_JOIN.match(gap):
            at = raw[j][1]  # "X and Y areas of D district": X lies in D too
            continue
        if raw[j][0] - at > 60 or not _IN_DISTRICT.match(gap):
            return None
        listed = listed and not _CONTAINED.search(gap)
        districts = units.get(j)
        if districts:
            gov = _own_governorate(g, raw[j][2])
            if gov is not None:
                # "Mukayras, Bayda district": a district named like its governorate often stands for the
                # governorate; a place of the governorate spelled as the text spells it is the one meant.
                exact = [p for p in cands if p.admin1 == gov.admin1 and p.lat is not None and p.kind != "governorate"
                         and g.similarity(p, surface) == 100]
                if exact and not any(p.admin2 == d.admin2 for p in exact for d in districts):
                    return g.best(exact, surface, gov.admin1)
            found = _in_districts(g, surface, cands, raw[i][6], districts)
            if listed and j > i + 1 and found is not None and g.similarity(found, surface) < 100 \
                    and _exact_elsewhere(g, surface, cands):
                # "three for Saqba, one for Arbin, two for Douma": names in a list (another name between,
                # commas only), not Saqba in Douma; a village spelled so elsewhere beats a looser spelling
                # in the district listed after it.
                return None
            return found or False
        at = raw[j][1]
    return None


# What lists one place after another: "X and Y", "X, Y", "X area and Y".
_LIST_JOIN = re.compile(r"^['’]?(?:\s+(?:areas?|village|valley|hills?|mountains?))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")
# A name right before a district that holds it: "Al Qufayfa in Maqbana of Taizz", "Aal-Sobhan area of Baqem district".
_NAME_IN_DISTRICT = re.compile(r"(?<![\w'’-])((?:(?:[Aa]l|[Ee]l|Aal)[-\s]['’`]?)?[A-Z][\w'’]*(?:[-\s](?:(?:al|el|Al)[-\s]['’`]?)?"
                               r"[A-Z][\w'’]*)?)(?:\s+(?:areas?|village|town|valley|hill|mountains?|front))?"
                               r"\s*(?:,|\bin|\bof|\bwithin)\s+(?:the\s+)?$")
#: How close (0-100, vowels kept) a name the exact pass left out must be to a settlement of the district after it.
_IN_DISTRICT_SIMILARITY = 80


def _spelled_in_district(text: str, raw: list, units: dict[int, list[Place]], g: Gazetteer, m: _Matcher) -> list[tuple]:
    """Names right before a district the text names ("X area of D district", "X in D of G") that no source spells
    so, found among the district's settlements spelled close to them ("Yakhtel" in Al Mukha: Yakhtul)."""
    out = []
    for j, districts in units.items():
        start = raw[j][0]
        match = _NAME_IN_DISTRICT.search(text, max(0, start - 60), start)
        if match is None:
            continue
        names = [match.span(1)]
        # "X and Y areas of D district", "X, Y and Z in D": the names listed before the last one lie in D too.
        while len(names) < 4 and (listed := _LISTED_BEFORE.search(text, max(0, names[-1][0] - 60), names[-1][0])):
            if listed.group(1)[0].islower():
                break
            names.append(listed.span(1))
        for a, b in names:
            name = text[a:b]
            if any(r[0] < b and a < r[1] for r in raw) or m.english(name) or light(name) in m.stop_surfaces \
                    or name.casefold() in m.generic_words or len(fold(name)) < 4:
                continue
            found = [p for d in districts for p in g.in_district(name, d, _IN_DISTRICT_SIMILARITY)]
            if not found:  # just over the district's edge, with the name's consonants
                found = [p for p in g.same_consonants(name) if p.kind in SETTLEMENTS and g.similarity(p, name) >=
                         _IN_DISTRICT_SIMILARITY and any(g.by_district(p, d, _EDGE_KM) for d in districts)]
            if found:
                out.append((a, b, name, found, g.best(found, name), False, found))
    return out


# A name listed before another: "X and " or "X, " (with "area", "valley"... after it).
_LISTED_BEFORE = re.compile(r"(?<![\w'’-])((?:(?:[Aa]l|[Ee]l|Aal)[-\s]['’`]?)?[A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)?)"
                            r"(?:\s+(?:areas?|village|valley|hills?|mountains?))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")


#: How far apart (km) the settlements of a governorate spelled like a name may lie for the name to tell which is meant.
_SOUNDING_KM = 20


def _sounding(g: Gazetteer, name: str, govs: list[str]) -> list[Place]:
    """The settlement of the governorates ``govs`` a name no source spells so is a spelling of ("Karsh", "Kahboub"):
    its consonants and near its sound (``Gazetteer.sounding``), where all such lie in one spot."""
    found = list({p.id: p for a1 in dict.fromkeys(govs) for p in g.sounding(name, a1)}.values())
    if not found:
        return []
    first = found[0]
    if any(distance_km(first.lat, first.lon, p.lat, p.lon) > _SOUNDING_KM for p in found[1:]):
        return []
    return found


def _exact_elsewhere(g: Gazetteer, surface: str, cands: list[Place]) -> bool:
    """Whether a place of the country is spelled exactly as the mention: a looser spelling in a district
    the text names after it does not beat it. Not where the gazetteer lacks many villages (a pack's
    ``far_namesakes``): there the one spelled so elsewhere is as likely a namesake."""
    return not packs.current().far_namesakes and any(p.country == g.country and p.kind in SETTLEMENTS and p.lat is not None
               and g.similarity(p, surface) == 100 for p in cands)


def _in_districts(g: Gazetteer, surface: str, cands: list[Place], loose: list[Place], districts: list[Place],
                  floor: float = 75) -> Place | None:
    """The settlement of one of these districts a mention means: a candidate there, else one spelled close."""
    local = [p for p in {p.id: p for p in (*cands, *loose)}.values() if p.kind in SETTLEMENTS and p.lat is not None
             and any(p.admin1 == d.admin1 and p.admin2 == d.admin2 for d in districts)]
    if not local:
        local = [p for d in districts for p in g.in_district(surface, d, floor)]
    if not local:
        # Reports and sources draw district lines differently: a village spelled so just over the edge of the
        # district ("Al Sabhan area of Baqim district", filed under the district next to it) is the one meant.
        local = [p for p in {p.id: p for p in cands}.values() if p.kind in SETTLEMENTS and p.country == g.country
                 and g.similarity(p, surface) >= _EDGE_SIMILARITY and any(g.by_district(p, d, _EDGE_KM) for d in districts)]
    return g.best(local, surface) if local else None


#: How far (km) past a district's settlements a village the text puts in the district may lie, and how close to
#: its spelling the text's name must be.
_EDGE_KM, _EDGE_SIMILARITY = 6, 80


# "Ghamer district", "Sarmain district", "Khabb and Sha'af district": a name the text calls a district.
_DISTRICT_CUE = re.compile(r"(?<![\w'’-])((?:[Aa]l[- ])?[A-Za-z][\w'’]*(?:[- ](?:wa[- ]?|and )?[A-Z]?[\w'’]+)?)"
                           r"(?=(?:['’]s)?\s+(?:border\s+)?(?:[Dd]istricts?|[Dd]irectorates?)\b)")
#: How rare (wordfreq's Zipf scale) a lower-case word before "district" must be to be read as a district's name.
_RARE_ZIPF = 2.5
#: How close a name the text calls a district must be to a district's name (0-100, vowels kept), and by how
#: much closer than to any other district's.
_DISTRICT_SIMILARITY, _DISTRICT_MARGIN = 85, 5


def _districts_by_cue(text: str, raw: list, g: Gazetteer) -> list[tuple]:
    """Districts the text names as such in a spelling no source has ("Ghamer district": Ghamr, "Khab wa ashaf
    district" though "Khab" alone is a village, "khub-washaaf district" written in lower case)."""
    out = []
    for match in _DISTRICT_CUE.finditer(text):
        start, end = match.span(1)
        start = _name_after_word(text, start, end)
        if start is None:
            continue  # "the district", "border district": English words, not a name in lower case
        if any(r[0] < end and start < r[1] and not (start <= r[0] and r[1] <= end and r[4].kind != "district")
               for r in raw):
            continue
        name = text[start:end]
        units = _loose_districts(g, name)
        if not units and " and " in name:  # "Razeh and Ghamer district": two districts, the last called one
            start += name.index(" and ") + 5
            name = text[start:end]
            units = _loose_districts(g, name)
        if units:
            out.append((start, end, name, units, units[0], len(units) == 1, units))
    return out


_CAPITALISED_NAME = re.compile(r"(?:[Aa]l-|[Ee]l-)?[A-Z]")


def _name_after_word(text: str, start: int, end: int) -> int | None:
    """Where the name a text calls a district starts in ``text[start:end]`` (the words before "district"): at its
    start, unless its first word is an English one in lower case, then at the capitalised word after it ("in Mtoon
    district", "of al-Meqhaya district": Mtoon, al-Meqhaya), or nowhere ("the district", "border district")."""
    words = text[start:end]
    if not words[:1].islower() or zipf(words.split()[0].split("-")[0].casefold()) < _RARE_ZIPF:
        return start
    rest = words.split(None, 1)[1] if " " in words else ""
    if rest and _CAPITALISED_NAME.match(rest):
        return end - len(rest)
    return None


def _loose_districts(g: Gazetteer, surface: str) -> list[Place]:
    """The country's districts spelled close to ``surface``, closest first."""
    if len(fold(surface)) < 3:
        return []
    scored = sorted(((g.similarity(p, surface), p) for p in g.districts()), key=lambda t: -t[0])
    if not scored or scored[0][0] < _DISTRICT_SIMILARITY:
        # Vowels and doubled letters are where spellings of a district part ("Muwaza": Mawza, "Munabah":
        # Monabbih, "Mudaffer": Al Mudhaffar): one district with the name's consonants is the one meant.
        # Two consonants are too few to tell ("Qaifa" is not Al Qaf).
        if max(len(skeleton(fold(surface))), consonant_count(surface)) < 3:
            return []
        same = {p.id: p for p in g.same_consonants(surface) if p.kind == "district"}
        return list(same.values()) if len({light(p.name) for p in same.values()}) == 1 else []
    best = [p for s, p in scored if s == scored[0][0]]
    rivals = [s for s, p in scored if s < scored[0][0] and light(p.name) != light(best[0].name)]
    if len({light(p.name) for p in best}) > 1 or (rivals and rivals[0] > scored[0][0] - _DISTRICT_MARGIN):
        # Close spellings tie ("Hajar": Hajr and Hajjah): a vowel the source leaves out is where spellings differ,
        # so the one district with the name's very consonants is meant, if one has them.
        close = [p for s, p in scored if s > scored[0][0] - _DISTRICT_MARGIN]
        key = skeleton(fold(surface))
        same = [p for p in close if skeleton(fold(p.name)) == key]
        return same if len({light(p.name) for p in same}) == 1 else []
    return best




#: How far (km) a village may lie from the districts and towns the text is sure of, outside their governorates.
_ASTRAY_KM = 60


def _astray(g: Gazetteer, place: Place, frame: list[Place]) -> bool:
    """Whether a village lies outside every governorate the text's surer places (governorates, districts,
    towns of note) are in, and far from them: a namesake of the village meant, which no source has."""
    if not frame or not packs.current().far_namesakes or place.country != g.country \
            or place.kind not in SETTLEMENTS or _notable(place) or place.lat is None:
        return False
    if any(p.admin1 == place.admin1 for p in frame):
        return False
    return all(p.kind == "governorate" or p.lat is None or distance_km(p.lat, p.lon, place.lat, place.lon) > _ASTRAY_KM
               for p in frame)


# What joins a district to the governorate named after it: "X district of G", "X district, G", "X district in G".
_DISTRICT_THEN_GOVERNORATE = re.compile(r"(?:['’]s)?\s+(?:border\s+)?(?:[Dd]istrict|[Dd]irectorate)\s*(?:,|\bin\b|\bof\b)\s*"
                                        r"(?:the\s+)?(?:[a-z]+\s+){0,2}$")


def _governorate_of_district(g: Gazetteer, text: str, raw: list, units: dict[int, list[Place]], i: int) -> bool:
    """Whether a mention is the governorate's own name right after a district the text calls one and that lies in it
    ("Razih district of Sadah", "Majz district, Sadah"): the governorate, not a village of its name
    inside the district."""
    own = _own_governorate(g, raw[i][2])
    if own is None or i == 0 or (i - 1) not in units or _called_village(text, raw[i][0], raw[i][1]):
        return False
    gap = _DISTRICT_THEN_GOVERNORATE.match(text, raw[i - 1][1], raw[i][0])
    return gap is not None and gap.end() == raw[i][0] and any(d.admin1 == own.admin1 for d in units[i - 1])


#: How far (km) from the settlements of the districts a text calls districts a village of their governorate may lie.
_OUTSIDE_KM = 15


def _outside_districts(g: Gazetteer, place: Place, districts: list[Place], frame: list[Place]) -> bool:
    """Whether a village lies in a governorate where the text calls one or more districts such, in none of them and
    far from them all and from the towns of note the text names: a namesake of the village meant, which no source
    has (a pack's ``far_namesakes``). Near a town the text names ("In the port city of X, raids on Y area") it is
    the one meant."""
    if not packs.current().far_namesakes or place.country != g.country or place.kind not in SETTLEMENTS \
            or _notable(place) or place.lat is None:
        return False
    same = [d for d in districts if d.admin1 == place.admin1]
    if not same or any(d.admin2 == place.admin2 for d in same):
        return False
    if any(g.by_district(place, d, _OUTSIDE_KM) for d in same):
        return False
    return not any(_notable(p) and p.kind != "governorate" and p.lat is not None
                   and distance_km(p.lat, p.lon, place.lat, place.lon) <= _ASTRAY_KM for p in frame)


#: How close (km) two of a text's places lie to be read together, and how close (0-100) to the text's spelling a
#: reading must come, below the best reading's, to be weighed.
_TOGETHER_KM, _TOGETHER_SIMILARITY = 15, 10
#: How far (km) from the text's places that lie together a village read alone is a namesake.
_APART_KM = 40


def _cohere(g: Gazetteer, text: str, mentions: list[PlaceMention], chosen: list[Place],
            readings: list[tuple[Place, ...]], firm: list[bool]) -> set[int]:
    """Where the gazetteer lacks many villages and holds many namesakes (a pack's ``districts_at_seats``), the
    places a text lists lie together ("strikes on X, Y and Z of D"): a village read alone, far from every other
    place of the text, whose spelling also names a village near another of the text's places (as it reads, or as
    the other's spelling may read), is that one (in place). Returns the mentions of villages read far from the
    text's places that lie together, which the text does not mean."""
    # A town of note or a governorate's own name ("X in Taizz") covers too wide an area to place a village by.
    others = [(k, p) for k, p in enumerate(chosen) if p.country == g.country and p.lat is not None
              and p.kind != "governorate" and not _notable(p) and _own_governorate(g, mentions[k].surface) is None]
    if len(others) < 2:
        return set()
    spelled = [light(m.surface) for m in mentions]

    def near(c: Place, q: Place) -> bool:
        return q.lat is not None and abs(c.lat - q.lat) < 0.2 and distance_km(c.lat, c.lon, q.lat, q.lon) <= _TOGETHER_KM

    def lying_together() -> set[int]:
        return {j for j, _ in others if any(spelled[i] != spelled[j] and near(chosen[j], chosen[i]) for i, _ in others)}

    moved: dict[int, Place] = {}
    # First beside the other places as read; then, for a place still alone, beside another reading of another place
    # still alone (places that lie together as read are where the text is).
    for loose in (False, True):
        together = lying_together()
        every = [(j, (chosen[j], *readings[j]) if loose and j not in together else (chosen[j],)) for j, _ in others]

        def support(c: Place, k: int) -> int:
            """How many of the text's other places lie near ``c``."""
            return sum(1 for j, qs in every if spelled[j] != spelled[k] and any(near(c, q) for q in qs))

        step = {}
        for k, pool in enumerate(readings):
            place = chosen[k]
            if not pool or k in together or k in moved or place.lat is None or place.country != g.country:
                continue
            floor = g.similarity(place, mentions[k].surface) - _TOGETHER_SIMILARITY
            alike = [c for c in {c.id: c for c in pool}.values() if c.country == g.country and c.lat is not None
                     and c.kind in SETTLEMENTS and c.id != place.id and g.similarity(c, mentions[k].surface) >= floor]
            scored = [(support(c, k), c) for c in alike]
            top = max((n for n, _ in scored), default=0)
            if top:
                step[k] = g.best([c for n, c in scored if n == top], mentions[k].surface)
        for k, new in step.items():
            chosen[k] = moved[k] = new
            m = mentions[k]
            relation, loc = _relate(g, text, m.start, m.end, m.surface, new)
            mentions[k] = PlaceMention(m.start, m.end, m.surface, loc, m.relation, new.kind)
    # A village still read alone, far from two others of the text that lie together, is a namesake of one the
    # gazetteer lacks: the places that lie together tell where the text is.
    together = lying_together()
    if len(together) < 2:
        return set()
    return {k for k, sure in enumerate(firm) if not sure and k not in together and k not in moved
            and chosen[k].lat is not None and chosen[k].country == g.country
            and all(distance_km(chosen[k].lat, chosen[k].lon, chosen[j].lat, chosen[j].lon) > _APART_KM for j in together)
            and not _loose_districts(g, mentions[k].surface)}  # "Dhubab": the district of the name is a front of its own


# What sets a landmark after the district or governorate it locates: ", located about 110 km north of the capital",
# " north of", ", east of the city of".
_LANDMARK_OF_UNIT = re.compile(
    r"(?:['’]s?)?(?:\s+(?:governorate|province|district|directorate))?\s*,?\s*(?:(?:located|situated|lying)\s+)?"
    r"(?:(?:about|approximately|some|around|nearly)\s+)?"
    r"(?:(?P<distance>\d+(?:\.\d+)?)\s*(?P<measure>km|kms|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)"
    r"(?:ern)?\s+of\s+(?:the\s+)?(?:(?:provincial\s+)?capital\s+(?:city\s+)?|(?:city|town)\s+of\s+)?", re.IGNORECASE)
_UNITS = frozenset({"governorate", "district", "subdistrict"})
#: How far (km) a told distance from a landmark, and the landmark from the unit it follows, may be for the landmark
#: to place the event: "in X district, 10 km north of Y" is by Y; "120 km east of the capital" only says where X is.
_NEAR_LANDMARK_KM = 30.0
_KM_PER_MILE = 1.609


def _without_unit_landmarks(text: str, mentions: list[PlaceMention], chosen: list[Place]) \
        -> tuple[list[PlaceMention], list[Place]]:
    """The mentions (and their places) less the landmarks a text uses to say where a district or governorate lies
    ("X district in Jawf, north of the capital", "in Y governorate, north of Z"): the landmark locates the unit for
    the reader, the event is in the unit, not near the landmark. A landmark told a near distance off that lies in
    or by the unit stays: the text then places the event by it."""
    drop = set()
    for k in range(1, len(mentions)):
        unit, mark = mentions[k - 1], mentions[k]
        if not (chosen[k - 1].kind in _UNITS or unit.relation == "province") or mark.relation not in ("near", "in"):
            continue
        told = _LANDMARK_OF_UNIT.fullmatch(text, unit.end, mark.start)
        if told and not _landmark_by_unit(told, chosen[k - 1], chosen[k]):
            drop.add(k)
    if not drop:
        return mentions, chosen
    return [m for k, m in enumerate(mentions) if k not in drop], [p for k, p in enumerate(chosen) if k not in drop]


def _landmark_by_unit(told: re.Match, unit: Place, mark: Place) -> bool:
    """Whether a landmark after a unit places the event: a near distance is told from it and it lies in the unit or
    close to its seat."""
    if not told["distance"]:
        return False
    km = float(told["distance"]) * (_KM_PER_MILE if told["measure"].casefold() == "miles" else 1.0)
    if km > _NEAR_LANDMARK_KM:
        return False
    if unit.kind == "governorate" and mark.admin1 is not None and mark.admin1 == unit.admin1:
        return True
    if unit.kind in ("district", "subdistrict") and mark.admin2 is not None and mark.admin2 == unit.admin2:
        return True
    return None not in (unit.lat, mark.lat) \
        and distance_km(unit.lat, unit.lon, mark.lat, mark.lon) <= _NEAR_LANDMARK_KM


# "the Omar mosque in Saqba", "the Nour checkpoint, in Douma": a name that names a building or a checkpoint, followed
# by the place it stands in (a bridge or a market takes its village's name and stands there: not these).
_FACILITY_IN = re.compile(r"\s+(?:mosque|school|hospital|checkpoint|roundabout|hotel|factory|(?:gas |power |oil )?plant|junction)s?\b"
                          r"[^.;:!?\n]{0,40}?\b(?:in|of|near|at)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)


def _without_facility_names(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions less a name that names a building or a checkpoint when the text then says which place it stands
    in ("near the Salam mosque in Kalaba"): the place it stands in is where the event is."""
    if len(mentions) < 2:
        return mentions
    drop = set()
    for k, m in enumerate(mentions[:-1]):
        n = mentions[k + 1]
        if n.relation in ("in", "near") and n.start > m.end and _FACILITY_IN.match(text[m.end:n.start]):
            drop.add(k)
    return [m for k, m in enumerate(mentions) if k not in drop]


# "near the Homs-Hama highway", "close to the Taizz road": a town naming a road is no landmark of the event.
_ROUTE_NAME = re.compile(r"\s*[-–]|\s+(?:highway|road|motorway|route)\b", re.IGNORECASE)


def _without_far_namesakes(g: Gazetteer, text: str, mentions: list[PlaceMention], chosen: list[Place]) \
        -> list[PlaceMention]:
    """The mentions less the villages found in another governorate far from every landmark their sentence places
    the event near ("the village of X and other areas south of Z", "villages in the vicinity of Z, X and Y"): a
    namesake the gazetteer lacks is meant, and the event stands at the landmark."""
    marks = [(m, p) for m, p in zip(mentions, chosen) if m.relation == "near" and p.country == g.country
             and p.kind != "governorate" and p.lat is not None and not _ROUTE_NAME.match(text, m.end)
             and not text[max(0, m.start - 1):m.start] in ("-", "–")]
    if not marks:
        return mentions
    keep = []
    for m, p in zip(mentions, chosen):
        if m.relation != "near" and p.country == g.country and p.kind in SETTLEMENTS and not _notable(p) \
                and p.lat is not None:
            left = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start)), default=0)
            stop = _SENTENCE_END.search(text, m.end)
            right = stop.start() if stop else len(text)
            near = [q for n, q in marks if left <= n.start < right]
            if near and all(q.admin1 != p.admin1 and distance_km(q.lat, q.lon, p.lat, p.lon) > _ASTRAY_KM
                            for q in near):
                continue
        keep.append(m)
    return keep


#: How far (km) past a governorate's settlements a village the text puts in that governorate may lie, and how close
#: to its spelling the text's name must be.
_BORDER_KM, _BORDER_SIMILARITY = 10, 100


def _neighbour_in(raw: list, i: int, govs: list[str], text: str) -> bool:
    """Whether the mention's sentence names another village the sources file under one of these governorates
    ("the road between X and Y towns in Raqqa governorate"): that one is where the text puts the event."""
    left = max((e.end() for e in _SENTENCE_END.finditer(text, 0, raw[i][0])), default=0)
    stop = _SENTENCE_END.search(text, raw[i][1])
    right = stop.start() if stop else len(text)
    return any(j != i and left <= r[0] < right and r[4].kind in SETTLEMENTS and r[4].admin1 in govs
               and not _notable(r[4]) for j, r in enumerate(raw))


def _over_border(g: Gazetteer, raw: list, i: int, text: str, place: Place, govs: list[str]) -> bool:
    """Whether a village spelled as the text spells it lies just over the border of a governorate the text names,
    and the sentence names no village of that governorate."""
    surface = raw[i][2]
    return not packs.current().far_namesakes and not _neighbour_in(raw, i, govs, text) \
        and place.kind in SETTLEMENTS and g.similarity(place, surface) >= _BORDER_SIMILARITY \
        and any(g.by_governorate(place, a1, _BORDER_KM) for a1 in govs)


#: How far (km) a village spelled as no source spells the name may lie from the districts and towns the text is sure of.
_LOOSE_ASTRAY_KM = 25

# What puts a spot in the place named after it: "X hill top of Y", "X area in Y" (a noun or two between; a comma
# lists places).
_INSIDE_NEXT = re.compile(r"(?:['’]?s)?(?:\s+[a-z]+){0,2}\s*(?:\bin|\bof|\bwithin)\s+(?:the\s+)?$")


def _far_from_holder(g: Gazetteer, text: str, raw: list, i: int, place: Place) -> bool:
    """Whether the text puts a mention in a village or area it names right after ("X hill of Y", "X area in Y") and
    the place read for the mention lies far from that one (a pack's ``far_namesakes``): another spot, which no
    source has, is meant, and the event stands at the place that holds it. A district after the mention is
    ``_in_districts_after``'s, a governorate's own name ("of Taizz") the governorate's."""
    j = i + 1
    if not packs.current().far_namesakes or j >= len(raw) or place.country != g.country \
            or place.kind not in (*SETTLEMENTS, "district") or _namesake_proof(place) or place.lat is None \
            or place.kind == "district" and _DISTRICT_AFTER.match(text, raw[i][1]):
        return False
    start, end, surface, _, holder, clear = raw[j][:6]
    if not (clear or _notable(holder)) or holder.country != g.country or holder.lat is None \
            or holder.kind in ("governorate", "district") or _own_governorate(g, surface) is not None \
            or start - raw[i][1] > 60 or not _INSIDE_NEXT.match(text, raw[i][1], start):
        return False
    return distance_km(holder.lat, holder.lon, place.lat, place.lon) > _LOOSE_ASTRAY_KM


def _astray_spelling(g: Gazetteer, place: Place, surface: str, frame: list[Place]) -> bool:
    """Whether a village matched only by a looser spelling lies far from every district and town of note the text
    names (where the gazetteer lacks many villages, a pack's ``far_namesakes``): another village, no source has, is
    meant, and the mention yields to the surer places."""
    if not packs.current().far_namesakes or place.country != g.country or place.kind not in SETTLEMENTS \
            or _notable(place) or place.lat is None or g.similarity(place, surface) == 100:
        return False
    near = [p for p in frame if p.kind != "governorate" and p.lat is not None]
    return bool(near) and all(distance_km(p.lat, p.lon, place.lat, place.lon) > _LOOSE_ASTRAY_KM for p in near)


def _sounds_in_province(g: Gazetteer, text: str, raw: list, place: Place, surface: str) -> bool:
    """Whether a village found by a looser spelling lies in a governorate the text calls a province ("In Lahj
    province, ... Karsh area", "Nashton port in Al Mahrah province") and has the name's consonants and near its
    sound: the village meant, however far from the province's chief town."""
    if place.admin1 is None or _own_governorate(g, surface) is not None or place not in g.sounding(surface, place.admin1):
        return False  # ("Bayda province": the governorate itself, not a village sounding like it)
    for start, end, name in (r[:3] for r in raw):
        own = _own_governorate(g, name)
        if own is not None and own.admin1 == place.admin1 and (
                _PROVINCE_AFTER.search(text[end:end + 40]) or _PROVINCE_BEFORE.search(text[max(0, start - 60):start])):
            return True
    return False


def _notable(place: Place) -> bool:
    return place.kind in ("city", "governorate", "region") or (place.population or 0) >= 20_000 or place.preferred


def _namesake_proof(place: Place) -> bool:
    """Whether a place is too well known for a text that puts the event elsewhere to mean a namesake of it. Where
    the gazetteer lacks many villages (a pack's ``far_namesakes``), a spot only preferred among its namesakes (a
    front's hill or valley the war's coders keep returning to) is not: "Jabal X" and "Wadi Y" name spots on many
    fronts, and the place the text puts it in tells which front it is."""
    if packs.current().far_namesakes and place.preferred and not place.population \
            and place.kind not in ("city", "governorate", "region"):
        return False
    return _notable(place)


def _governorate_spelled(g: Gazetteer, surface: str, cands: list[Place]) -> bool:
    """Whether a name is its governorate's own, spelled as close to the governorate's name as to any other place's
    ("Saada" is Sadah's; "Sawda", a hill's, only sounds like it)."""
    own = _own_governorate(g, surface)
    return own is not None and all(g.similarity(own, surface) >= g.similarity(p, surface) for p in cands)


def _unambiguous(best: Place, cands: list[Place]) -> bool:
    """Whether a mention's place is clear: one candidate, a city or town of note, or all candidates in
    one spot (a village and the subdistrict named after it)."""
    if len(cands) == 1 or best.kind in ("city", "governorate", "region") or (best.population or 0) >= 20_000:
        return True
    return all(p.lat is None or best.lat is None or distance_km(p.lat, p.lon, best.lat, best.lon) <= 30
               for p in cands if p.country == best.country)


def _choose(g: Gazetteer, cands: list[Place], loose: list[Place], best: Place, surface: str, govs: list[str],
            admin1s: list[str], anchors: list[Place]) -> Place:
    """The best candidate; a village of a common name is looked for in a governorate named right by it
    ("X village in southern Idlib"), kept when it lies near the places the text is sure of, else
    moved near them, else into a governorate the text talks about. ``loose`` holds spellings a little
    further off, considered only in a governorate named by it."""
    if best.kind in ("city", "governorate", "region"):
        return best
    notable = (best.population or 0) >= 20_000 or best.preferred
    keep, reach = (150, 25) if notable else (60, 60)

    def gap(p: Place) -> float:
        return min(distance_km(p.lat, p.lon, a.lat, a.lon) for a in anchors)

    pool = [p for p in cands if p.country == g.country and p.lat is not None]
    if govs and not notable and best.admin1 not in govs:
        local = [p for p in loose if p.admin1 in govs and p.lat is not None and g.similarity(p, surface) >= 70]
        if not local:  # a spelling folding misses, in the governorate named by it
            local = [p for p in (place_matcher().find(surface, a1) for a1 in govs[:2]) if p and p.admin1 in govs
                     and p.lat is not None and g.similarity(p, surface) >= _CUED_SIMILARITY]
        if local:
            pool = local
            best = g.best(local, surface, govs[0])
    if anchors and best.lat is not None and gap(best) <= keep:
        return best
    if len(pool) < 2:
        return best
    alike = [p for p in pool if g.similarity(p, surface) >= g.similarity(best, surface) - 10][:30]
    if anchors and alike:
        near = min(alike, key=gap)
        if gap(near) <= reach:
            return near
        if notable:
            return best
    for a1 in admin1s:
        local = [p for p in alike if p.admin1 == a1]
        if local and best not in local:
            return g.best(local, surface, a1)
    return best


_ARTICLE_START = re.compile(r"(?:al|el|ad|ash|as|az|an|ar|at|ath|ed|esh|es|ez|en|er|et)[-\s]", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:al|el|ad|ash|as|az|an|ar|at|ath|ed|esh|es|ez|en|er|et)[-\s])$", re.IGNORECASE)


def _with_article(text: str, start: int) -> int:
    """Move a mention's start back over an attached article ("al-Bab", "Al Bab")."""
    m = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    if m and (text[m.end() - 1] == "-" or text[m.start()].isupper()):
        return m.start()
    return start


def _relate(g: Gazetteer, text: str, start: int, end: int, surface: str, place: Place) -> tuple[str, Location]:
    before, after = text[max(0, start - 60):start], text[end:end + 40]
    if place.kind == "governorate":  # the name itself says so: "Damascus countryside", "Idlib Governorate"
        words = surface.casefold()
        if any(w in words for w in ("countryside", "rural", "rif ", "reef ")):
            return "countryside", place.location(3)
        if "province" in words or "governorate" in words:
            return "province", place.location(3)
    own = _own_governorate(g, surface) if place.country == g.country else None
    if _PROVINCE_AFTER.search(after) or _PROVINCE_BEFORE.search(before):
        gov = own or (g.governorates.get(place.admin1) if place.kind == "city" and place.country == g.country
                      else None)
        if gov:
            return "province", gov.location(3)
    if own and (_DIRECTION_BEFORE.search(before) or _ADJECTIVE_AFTER.search(after)):
        return "province", own.location(3)
    if _COUNTRYSIDE_AFTER.search(after) or _COUNTRYSIDE_BEFORE.search(before):
        rural = _countryside_governorate(g, surface)
        if rural is not None:  # "the countryside of Damascus" is "Damascus countryside": Rural Damascus
            return "countryside", rural.location(3)
        if own:
            return "countryside", own.location(3)
        return "countryside", place.location(max(2, place.precision))
    if _NEAR_BEFORE.search(before) or _NEAR_AFTER.search(after):
        return "near", place.location(max(2, place.precision))
    return "in", place.location()


@lru_cache(maxsize=50_000)
def _countryside_governorate(g: Gazetteer, surface: str) -> Place | None:
    """The governorate the gazetteer names as this city's countryside ("Damascus Countryside", "Rural Damascus": a
    governorate of its own around a city that is one), if any: "the countryside of X" and "rural X" told apart from
    the name mean it as much as the name does."""
    for name in (f"{surface} countryside", f"rural {surface}"):
        found = next((p for p in g.by_key.get(fold(name), ()) if p.kind == "governorate"), None)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=50_000)
def _own_governorate(g: Gazetteer, surface: str) -> Place | None:
    """The governorate this name is a name of ("Idlib", "Deir Ezzor", "Rif Dimashq"), if any."""
    key = fold(surface)
    return next((p for p in g.by_key.get(key, ()) if p.kind == "governorate"), None)


def _is_dateline(text: str, raw: list, i: int, datelines: set[str]) -> bool:
    """A mention opening the text ("BEIRUT (Reuters) -", "MOSCOW and BEIRUT:"), or a listed dateline there."""
    start, end, surface = raw[i][:3]
    if start > 200:
        return start <= _HEADLINE_SPAN and _after_headline(text, start, end, surface)
    if start > 0 and text[:start].strip():
        j = i - 1  # several datelines: "MOSCOW and BEIRUT"
        if j < 0 or not _DATELINE_JOIN.match(text[raw[j][1]:start]) or not _is_dateline(text, raw, j, datelines):
            return _after_headline(text, start, end, surface)
    for k in range(i + 1, len(raw)):  # skip over the other dateline places
        if _DATELINE_JOIN.match(text[end:raw[k][0]]):
            end = raw[k][1]
        else:
            break
    return bool(_DATELINE_AFTER.match(text, end)) or bool(datelines) and fold(surface) in datelines


def _after_headline(text: str, start: int, end: int, surface: str) -> bool:
    """A dateline after a headline or byline: "... to Relieve North Fractions\nBEIRUT: Opposition ...",
    "... Front Beirut- Opposition ...": the name opens a line or follows a capitalised headline word (not
    "in Damascus - Reports"), then a colon or dash and the story."""
    if not _DATELINE_MID.match(text, end):
        return False
    before = text[max(0, start - 40):start]
    if not before.strip() or before.rstrip(" \t").endswith("\n"):
        return True
    last = before.split()[-1]
    return (surface.isupper() or last[:1].isupper()) and last.casefold().strip(".,") not in _NOT_BEFORE_DATELINE \
        and not last.endswith((".", ",", ";"))


# An outlet named after a place ("Al-Manar TV", "the Aleppo Media Center", "Al Masdar News reported", "told Al-Manar",
# "the TV station al-Mayadeen"): the outlet's words are no place of the event.
_MEDIA_AFTER = re.compile(r"(?:['’]s)?\s+(?:TV|[Tt]elevision|[Cc]hannel|[Bb]roadcaster|[Rr]adio|News(?:paper)?\b|[Nn]ewspaper|"
                          r"[Dd]aily|[Ww]ebsite|[Mm]edia (?:[Oo]utlet|[Oo]ffice|[Cc]ent(?:er|re))|[Rr]eporter|"
                          r"[Cc]orrespondent|[Nn]ews (?:[Aa]gency|[Ww]ebsite|[Oo]utlet|[Nn]etwork|[Cc]hannel)|Today\b(?!\.)|Net\b)")
_MEDIA_BEFORE = re.compile(r"(?:\btold|\bquoted by|\b(?:TV|television|radio) (?:station|channel)|\bbroadcaster|\bnewspaper|"
                           r"\bdaily|\bwebsite|\bnews outlet|\bmedia outlet)\s+(?:the\s+)?$")


def _outlet(text: str, start: int, end: int) -> bool:
    """Whether a mention names an outlet: a media word follows it, or "told", "quoted by" or one precedes it."""
    return bool(_MEDIA_AFTER.match(text, end) or _MEDIA_BEFORE.search(text, max(0, start - 30), start))


# A capitalised word (with its article: "al-Muradi") and what may stand between the words of a person's name.
_NAME_WORD = re.compile(r"(?:(?:[Aa]l|[Ee]l)[-\s]['’`]?)?[A-Z][\w'’`]*\.?")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’`]*)\.?\s+$")
_SAYS = re.compile(r"\s+(?:said|says|told|added|stated|explained|wrote)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added)\s+$")
_ACCORDING_BEFORE = re.compile(r"\baccording to\s+$", re.IGNORECASE)
# Words that introduce a place: a name after them is a place even when a given name or "said" follows it.
_PLACE_BEFORE = frozenset({"in", "of", "near", "at", "from", "to", "into", "on", "and", "or", "around", "outside",
                           "inside", "towards", "toward", "between", "across", "via", "through", "nearby"})


# A nisba, the name that says where a person or family is from: "Jarrah Al-Ibbi" (of Ibb), "Mohammed al-Taizi".
_NISBA = r"(?:[Aa]l|[Ee]l)-([A-Z][a-z]+?)(?:awi|ani|i)\b"
_NISBA_AFTER = re.compile(" " + _NISBA)
_NISBA_END = re.compile(r"(?:^|(?<=\s))" + _NISBA + "$")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s$")


def _nisba(text: str, start: int, end: int, g: Gazetteer) -> bool:
    """Whether a mention is part of a person's name with a nisba: "al-" and a governorate's or city's name with the
    ending "-i" after it or ending it ("Jarrah Al-Ibbi", "Akram al-Adeni"), or the nisba itself after a name
    ("Abu Al-Layl Al-Baydani")."""
    match = _NISBA_AFTER.match(text, end)
    if match is None:
        match = _NISBA_END.search(text, start, end)
        if match is None or (match.start() == start and not _NAME_BEFORE.search(text, max(0, start - 30), start)):
            return False
    stem = match.group(1)
    return any(p.kind in ("governorate", "city") and g.similarity(p, said) >= 90
               for said in (stem, stem + "a") for p in g.by_key.get(fold(said), ()))


# What a person is called after a comma: "X, a journalist", "X, the deputy commander", "X, a senior official". The
# noun heads the apposition: no "of" before it and no possessive on it ("X, the hometown of a governor", "X, a
# governor's hometown" tell a place by whose it is).
_PERSON_NOUN = re.compile(r",\s+(?:a|an|the)\s+(?:(?!of\s)[\w-]+\s+){0,3}?(?:journalist|commander|official|leader|"
                          r"sheikh|member|activist|officer|spokesman|spokesperson|cleric|imam|judge|director|chief|"
                          r"governor|colonel|photographer|reporter|teacher|doctor|politician|lawyer|preacher|figure)s?\b(?!['’])")
# A person's name of three words or more ("Omar Saleh al-Harbi", "Colonel Ali Al Nasri") right before such a comma.
_APPOSED_NAME = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’]*|(?:[Aa]l|[Ee]l|bin|ibn|Abu|Abdul)(?=[-\s][A-Z]))"
                           r"(?:[-\s](?:[A-Z][\w'’]*|(?:[Aa]l|[Ee]l|bin|ibn|Abu|Abdul)(?=[-\s][A-Z]))){2,5}"
                           r"(?=,\s+(?:a|an|the)\s)")


def _without_apposed_names(text: str, raw: list) -> list:
    """The mentions less those inside a person's name of three words or more that a comma and "a journalist", "the
    commander" ... follow ("Murad Haylan al Wadi, a local official, said"): a name so told is a person's. Not after
    a word that puts a place ("clashes in Bani Matar, the commander said")."""
    names = []
    for match in _APPOSED_NAME.finditer(text):
        if not _PERSON_NOUN.match(text, match.end()):
            continue
        before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
        if before and before.group(1).casefold() in _PLACE_BEFORE:
            continue
        names.append(match.span())
    if not names:
        return raw
    return [r for r in raw if not any(a <= r[0] and r[1] <= b for a, b in names)]


def _in_person_name(text: str, raw: list, i: int, m: _Matcher) -> bool:
    """Whether a mention is part of a person's name rather than a place: right after a given name or a title
    ("Hassan Abboud", "Colonel Ali al-Muradi", "Col. Abdul Jabbar"), or, unless a place word introduces it,
    right before a given name ("Bara Abdelrahman", "Raji Hameed"), before one more name and "said" ("Mehdi Tahhan
    said"), or after "said" and before one more name ("said Bilal Qaterji")."""
    start, end, surface, _, best = raw[i][:5]
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    word = before.group(1) if before else ""
    low = word.casefold()
    if before and word[:1].isupper() and before.end() - before.start() - len(word) <= 2:  # one space (or ". ")
        # The word is a word of its own, not the tail of "al-Sultan" or part of a place ("al-Bu Kamal").
        whole = (before.start(1) == 0 or text[before.start(1) - 1] in " \t\n\"“(") and \
            not any(r[0] <= before.start(1) < r[1] for r in raw)
        if whole and low in m.titles:
            return True
        if whole and low in m.given_names and "\n" not in text[before.end(1):start]:
            prior = _WORD_BEFORE.search(text, max(0, before.start() - 30), before.start())
            prior = prior.group(1).casefold() if prior else ""
            # A name after a given name: a person, unless the given name ends a sentence or a place word
            # introduces the two ("the district of Tariq al-Bab").
            article = text[max(0, before.start(1) - 12):before.start(1)].split()[-1:]
            if article and re.match(r"(?:al|el)-", article[0]):
                return False  # "al-Bu Kamal al-Ashara": a list of places with its commas stripped
            if not text[before.end(1):start].startswith(".") and prior not in _PLACE_BEFORE:
                return True
            if prior in m.titles:
                return True
    if _notable(best) and best.country == m.gazetteer.country:
        return False
    # A single name that speaks ("... the Syrian people Attiya said") or is cited ("according to Attiya."), with no
    # place word just before it ("in besieged Douma said"), is a person: places are not quoted.
    if _ACCORDING_BEFORE.search(text, max(0, start - 16), start) and not _NAME_WORD.match(text, end + 1):
        return True
    if low in _PLACE_BEFORE:
        return False
    if _SAYS.match(text, end) and not _PLACE_BEFORE.intersection(text[max(0, start - 40):start].casefold().split()[-3:]):
        return True
    nxt = _NAME_WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if nxt is None:
        return False  # "Deir al-Adas was taken"
    name = nxt.group().rstrip(".")
    if name.casefold() in m.given_names and (fold(name) not in m.gazetteer.by_key or (
            text[nxt.end():nxt.end() + 1] == " " and _NAME_WORD.match(text, nxt.end() + 1))):
        return True  # "Bara Abdelrahman", "Raji Hameed al-Deen"; not "Kansaba Salma and", a list without commas
    if any(r[0] < nxt.end() and nxt.start() < r[1] for r in raw) or name.isupper() or m.english(name):
        return False  # the next word is a place, an acronym or English: "Abdo Idlib", "Aleppo SANA said"
    return bool(_SAYS.match(text, nxt.end()) or _SAID_BEFORE.search(text, max(0, start - 12), start))


# "Two dozen families fled to the village of X", "the wounded were evacuated to the nearby city of X", "the detainees
# were later bussed towards X": where people fled or were taken after the event, no place of it (as where they came
# from is none: an origin). ("Troops moved into X" enter it: not this.)
_TAKEN_BEFORE = re.compile(r"\b(?:escap(?:e|es|ed|ing)|fle(?:e|es|d|eing)|transferr(?:ed|ing)|transport(?:ed|ing)|taken|"
                           r"evacuat(?:ed|ing)|rushed|deport(?:ed|ing)|relocat(?:ed|ing)|bus(?:s)?(?:ed|ing))\s+"
                           r"(?:[\w'-]+\s+){0,3}?(?:to|towards?)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?"
                           r"(?:(?:towns?|cit(?:y|ies)|villages?|areas?|districts?|province)\s+of\s+)?(?:the\s+)?$",
                           re.IGNORECASE)


#: "... were rushed to X, where clashes broke out": the place is then told as where something happened.
_WHERE_AFTER = re.compile(r"[\w' -]{0,40}?,?\s+where\b", re.IGNORECASE)


def taken_to(text: str, start: int) -> bool:
    """Whether the place named at ``start`` is told as where people fled or were taken after the event ("the wounded
    were evacuated to the nearby city of X"), not where the event was (as it is when the text goes on "where ...":
    "reinforcements were rushed to X, where fighting broke out")."""
    return _TAKEN_BEFORE.search(text, max(0, start - 90), start) is not None and not _WHERE_AFTER.match(text, start)


# An apostrophe inside a name that no English contraction ends with ("Ma'afar", "Sa'ada", "Ma'rib"): a transliteration's
# mark for the ayn or the hamza. An English word list reads such a name as the words around the mark ("ma" and "afar").
_AYN_MARK = re.compile(r"[^\W\d_]{2}['’`‘](?!(?:s|t|d|m|ll|re|ve)$)[^\W\d_]")


def _ayn_spelled(word: str) -> bool:
    """Whether a word is spelled with a transliteration's ayn or hamza mark inside it (never an English word)."""
    return _AYN_MARK.search(word) is not None
