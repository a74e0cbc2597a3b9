"""The gazetteer of a knowledge pack: its country's places (and cities abroad that the news names),
looked up by any spelling.

A pack's built table ``packs/<name>/gazetteer.tsv.gz`` comes from ``scripts/build_gazetteer.py``
(for Syria: OCHA, Who's On First / GeoNames, OpenSyria; see the pack's ``ATTRIBUTION.md``).
The pack's ``curated.yaml`` adds news spellings no source has and its ``regions.yaml``
adds areas such as Eastern Ghouta. Names meet through ``fold``, whose rules are
data in ``places/folding.yaml`` (every pack's). Names are written as ACLED writes them (OCHA's,
which ACLED uses): places ("Kafr Nobol", with "Kafranbel" a spelling of it),
districts (``admin2``: "Al Ma'ra") and governorates (``admin1``: Idleb, Dar'a,
Deir-ez-Zor, Ar-Raqqa, Al-Hasakeh, As-Sweida ...), so exports line up with ACLED.
"""
from __future__ import annotations

import gzip
import hashlib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse, repeat
from pathlib import Path

import yaml

from warwire.model import Location
from warwire.resources import read_yaml

PLACES_DIR = Path(__file__).resolve().parent / "places"
PACKS_DIR = Path(__file__).resolve().parent / "packs"
#: The default pack's table (``Gazetteer.load()`` with no argument).
TABLE = PACKS_DIR / "syria" / "gazetteer.tsv.gz"
FOLDING = PLACES_DIR / "folding.yaml"
SOUNDS = PLACES_DIR / "sounds.yaml"
COLUMNS = ("id", "name", "kind", "country", "admin1", "admin2", "lat", "lon", "geonames_id", "population",
           "names", "keys")
# geo_precision of a place named directly (ACLED: 1 town, 2 area, 3 province).
PRECISION = {"city": 1, "community": 1, "neighbourhood": 1, "region": 2, "subdistrict": 2, "district": 2,
             "governorate": 3}
# Which kind wins when several places share a name: towns before the units named after them.
KIND_RANK = {"city": 6, "community": 4, "neighbourhood": 3, "region": 5, "subdistrict": 2, "district": 1,
             "governorate": 2}
# Lowest similarity (0-100, vowels kept) between a name and a place's nearest spelling for a match:
# folding makes "Home" and "Hama" meet, this keeps them apart.
MIN_SIMILARITY = 60
# Lowest similarity of a name and a district's settlement compared as they sound (``sound``) for a match.
SOUND_SIMILARITY = 85
# Lowest similarity (as it sounds or as spelled) of a name a text places in a governorate and a settlement there
# with its consonants, for a match (``Gazetteer.sounding``): "Karsh" and Kirsh, "Ahem" and 'Ahim.
SOUNDING_SIMILARITY = 70
#: Deletes what ``Gazetteer.sounding`` compares names without (vowels, y, spaces): ``str.translate``, one C pass, where
#: a regular expression's substitution cost a call per key (every key of a governorate's settlements, at its first use).
_NO_VOWELS = str.maketrans("", "", "aeiouy ")
_GENERIC_HEAD = re.compile(r"^(?:jabal|wadi)\s+")
_GENERIC_WORDS = ("jabal", "wadi")  # what a key ``_GENERIC_HEAD`` cuts begins with: other keys are not searched
# What a name spelled exactly as one of a place's spellings adds to its score (a town ten times bigger adds 1).
EXACT_SPELLING = 3
SETTLEMENTS = frozenset({"city", "community", "neighbourhood"})
#: GeoNames ids below this come from its first import of populated places.
GEONAMES_FIRST_IDS = 1_000_000
_LOAD_CACHE: dict[Path, "Gazetteer"] = {}
#: How many of the country's names of several words a word must begin to be a name's generic head ("Tal", "Kafr").
GENERIC_HEAD_NAMES = 10
ARTICLE_HYPHEN = re.compile(r"(?:[Aa]l|[Ee]l)-")  # a name's first word that is the Arabic article ("al-Bab")


# --- name folding --------------------------------------------------------------------------------

class _Folding:
    def __init__(self, path: Path) -> None:
        raw = path.read_bytes()
        # (libyaml where it is built, as ``resources.read_yaml`` reads: the same rules, a tenth of the time)
        rules = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        self.digest = hashlib.sha256(raw).hexdigest()[:12]
        self.drop = {ord(c): None for c in rules["drop_chars"]}
        self.articles = frozenset(rules["articles"])
        self.words = dict(rules["words"])
        self.letters = [(re.compile(p), r) for p, r in rules["letters"]]
        self.vowels = [(re.compile(p), r) for p, r in rules["vowels"]]
        words = sorted(rules.get("facilities", []), key=len, reverse=True)
        self.facility = re.compile(r"(?:[\s\-]+(?:" + "|".join(map(re.escape, words)) + r"))+$", re.IGNORECASE) \
            if words else None


@lru_cache(maxsize=1)
def _folding() -> _Folding:
    return _Folding(FOLDING)


def without_site(name: str) -> str:
    """A name without the words naming a site in or by a town that end it ("Hays city", "Atmeh camp": "Hays",
    "Atmeh"), or the name."""
    facility = _folding().facility
    return facility.sub("", name).strip() if facility else name.strip()


def folding_articles() -> frozenset[str]:
    """The Arabic article's spellings, dropped when folding ("al", "el", "ash", ...)."""
    return _folding().articles


_NON_WORD = re.compile(r"[^0-9a-z\u0600-\u06ff]+")


class _NoCombining(dict):
    """A ``str.translate`` table that drops combining marks, filled in as characters are met (whole
    texts pass through ``_plain``: one C-level pass instead of a Python loop over every character)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_NO_COMBINING = _NoCombining()


def _plain(name: str) -> str:
    """Lower case, no diacritics, apostrophes removed, other punctuation as spaces."""
    f = _folding()
    s = unicodedata.normalize("NFKD", name.translate(f.drop))
    if not s.isascii():  # ASCII has no combining marks
        s = s.translate(_NO_COMBINING)
    s = s.casefold().translate(f.drop)
    return _NON_WORD.sub(" ", s)


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """The key of one lower-case, plain word ('' for an article)."""
    f = _folding()
    if word in f.articles:
        return ""
    word = f.words.get(word, word)
    for pattern, repl in f.letters + f.vowels:
        word = pattern.sub(repl, word)
    return f.words.get(word, word)


def fold_tokens(name: str) -> list[str]:
    """The folded words of a name, articles dropped ("Salaheddin": "sala", "dan", the article run into it cut)."""
    return [k for w in _plain(name).split() for k in fold_word(w).split()]


def fold(name: str) -> str:
    """The match key of a place name: 'Deir ez-Zor', 'Dayr az Zawr'... -> the same kind of key.

    Word boundaries are dropped, so 'Kafr Nabl' and 'Kafrnabl' meet.
    """
    return "".join(fold_tokens(name))


def fold_spaced(name: str) -> str:
    """The folded words of a name joined by spaces (what a text's words are matched against)."""
    return " ".join(fold_tokens(name))


@lru_cache(maxsize=200_000)
def light(name: str) -> str:
    """A name with articles, doubled letters and spelling words folded but vowels kept (for similarity)."""
    # map and filterfalse keep the loop over a whole text's words in C (``_light_word`` is cached).
    return " ".join(map(_light_word, filterfalse(_folding().articles.__contains__, _plain(name).split())))


@lru_cache(maxsize=200_000)
def _light_word(word: str) -> str:
    """``light`` of one plain word that is not an article (cached: whole texts pass through ``light``)."""
    f = _folding()
    word = f.words.get(word, word)
    for pattern, repl in f.letters:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=1)
def _sounds() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(p), r) for p, r in read_yaml(SOUNDS)["rules"]]


@lru_cache(maxsize=200_000)
def sound(name: str) -> str:
    """``light`` with the letters transliterations write one sound with made one ("Malahedh": "malahid", as
    "Al Malahit" is "malahit"): what a name the text puts in a district is compared with its settlements by."""
    word = light(name)
    for pattern, repl in _sounds():
        word = pattern.sub(repl, word)
    return word


_GOVERNORATE_WORDS = re.compile(r"^(?:the\s+)?(?:province|governorate|countryside)\s+of\s+(?:the\s+)?|"
                                r"(?:['’]s)?\s+(?:province|governorate|countryside|provincial)$", re.IGNORECASE)
_DASH = re.compile(r"\s+-\s*|\s*-\s+")
_AND = re.compile(r"\s+(?:wa|and)\s+", re.IGNORECASE)
SPELLINGS_SEPARATOR = "\0"  # between a place's folded spellings kept in one string (no folded name holds it)
PLACES_SEPARATOR = "\1"  # between the places' spellings in that string (nor this)
_FUZZY_CUTOFF = 84  # the least rapidfuzz ratio of a loose match's key
_SKELETON = re.compile(r"(?<=.)[aehwy]")


def _joined_spellings(places: list[Place], fold) -> str:
    """Every place's spellings folded by ``fold``, in one string (``Gazetteer.fold_every_spelling``)."""
    return PLACES_SEPARATOR.join(SPELLINGS_SEPARATOR.join(map(fold, p.names)) for p in places)


def skeleton(key: str) -> str:
    """A key's consonants (h, w, y and vowels dropped after the first letter): the loose match of last resort."""
    return _SKELETON.sub("", key)


_NOT_CONSONANT = re.compile(r"[aeiouhy\W_]|w(?![aeiou])")


def consonant_count(name: str) -> int:
    """How many consonants a name is spelled with: a w before a vowel is one ("Mowaza", of Mawza'), though the
    folded key, which reads "aw" as a vowel, drops it; h and y, as in the skeleton, are not. The count says whether
    the consonants are enough to tell a place."""
    return len(_NOT_CONSONANT.sub("", light(name)))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


# --- places --------------------------------------------------------------------------------------

@dataclass(eq=False)  # places compare by identity: buckets test membership often
class Place:
    """One gazetteer row. ``names`` holds every known spelling (English, French, Arabic ...)."""

    id: str
    name: str
    kind: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int | None
    names: list[str]
    keys: list[str] = field(default_factory=list)  # folded names, words separated by spaces
    members: list[str] = field(default_factory=list)  # a region's towns
    preferred: bool = False  # curated: the namesake news means

    @property
    def precision(self) -> int:
        return PRECISION.get(self.kind, 1)

    def location(self, geo_precision: int | None = None) -> Location:
        return Location(name=self.name, country=self.country, admin1=self.admin1, admin2=self.admin2,
                        lat=self.lat, lon=self.lon, geo_precision=geo_precision or self.precision,
                        geonames_id=self.geonames_id)


def _int(s: str) -> int | None:
    return int(s) if s else None


def _float(s: str) -> float | None:
    return float(s) if s else None


class Gazetteer:
    """Places by folded name. Build once per process with ``Gazetteer.load()``."""

    distance_km = staticmethod(distance_km)

    def __init__(self, places: list[Place], country: str | None = None, surrounds: dict[str, str] | None = None) -> None:
        if country is None:
            from warwire.knowledge import packs

            country = packs.load(packs.DEFAULT).country
        #: The country the pack is about: its places win over namesakes abroad, loose matches stay in it.
        self.country = country
        #: A city that is a governorate of its own -> the governorate around it (a pack's ``surrounds``).
        self.surrounds = dict(surrounds or {})
        self.places = places
        self.by_id = {p.id: p for p in places}
        self.by_key: dict[str, list[Place]] = {}
        for p in places:
            for k in p.keys:
                bucket = self.by_key.setdefault(k.replace(" ", ""), [])
                if p not in bucket:
                    bucket.append(p)
        self.governorates = {p.admin1: p for p in places if p.kind == "governorate"}
        self._by_skeleton: dict[str, list[Place]] | None = None
        self._similarities: dict[tuple[str, str, int], float] = {}
        self._sound_similarities: dict[tuple[str, str, int], float] = {}
        self._light_names: dict[str, list[str] | str] = {}  # a place's spellings, folded (``similarity``)
        self._light_kept: str | None = None  # every place's, as ``fold_every_spelling`` keeps them
        self._sound_names: dict[str, list[str] | str] = {}  # a place's spellings as they sound (``sound_similarity``)
        self._sound_kept: str | None = None
        self._skeletons_kept: tuple[int, str] | None = None  # how many keys, and their consonants (``_skeletons``)
        self._admin1_keys: dict[str, list[str]] = {}
        self._by_length: dict[str | None, tuple] = {}  # the fuzzy search's keys and their lengths, as arrays
        self._seats: set[str] = set()  # ids of towns that are their district's seat (districts_at_seats)
        self._curated: dict[str, set[str]] = {}  # place id -> the news spellings curated.yaml gives it
        self._by_district: dict[tuple[str | None, str | None], list[Place]] | None = None
        self._by_admin1: dict[str | None, list[Place]] | None = None
        self._middles: dict[str | None, tuple[float, float]] = {}  # a governorate's mean settlement coordinates
        self._districts: list[Place] | None = None
        self._generic_heads: frozenset[str] | None = None  # (``generic_heads``)
        #: Districts stand at their seats: "X district" names the district (a pack's ``districts_at_seats``).
        self.districts_at_seats = False

    # loading ------------------------------------------------------------------------------------

    @classmethod
    def load(cls, table: Path | str | None = None) -> "Gazetteer":
        """The gazetteer of the pack in use (or of the pack whose table is ``table``); cached per process."""
        from warwire.knowledge import packs

        if table is None:
            return packs.current().gazetteer
        path = Path(table)
        pack = next((packs.load(n) for n in packs.names() if packs.load(n).file("gazetteer.tsv.gz") == path), None)
        return cls.for_pack(pack) if pack else cls._build(path, path.parent, None, {})

    @classmethod
    def for_pack(cls, pack) -> "Gazetteer":
        """A pack's gazetteer: its table with its curated names, regions and capitals; cached per process."""
        g = cls._build(pack.file("gazetteer.tsv.gz"), pack.folder, pack.country, pack.surrounds)
        if pack.districts_at_seats and not g._seats:
            seats = pack.file("seats.tsv")
            g._place_districts_at_seats(_read_seats(seats) if seats.exists() else {})
            g.districts_at_seats = True
        return g

    @classmethod
    def _build(cls, path: Path, folder: Path, country: str | None, surrounds: dict[str, str]) -> "Gazetteer":
        if path not in _LOAD_CACHE:
            g = cls(read_table(path), country, surrounds)
            for name, add in (("curated.yaml", g._add_curated), ("coded.yaml", g._add_curated),
                              ("regions.yaml", g._add_regions),
                              ("capitals.yaml", g._place_governorates_at_capitals)):
                if (folder / name).exists():
                    add(folder / name)
            _LOAD_CACHE[path] = g
        return _LOAD_CACHE[path]

    @classmethod
    def loaded(cls, table: Path | str | None = None) -> bool:
        """Whether ``load(table)`` has built its gazetteer in this process already."""
        return (Path(table) if table else TABLE) in _LOAD_CACHE

    @classmethod
    def adopt(cls, gazetteer: "Gazetteer", table: Path | str | None = None) -> "Gazetteer":
        """Make a gazetteer read from a cache file the one ``load(table)`` returns (unless one is loaded)."""
        return _LOAD_CACHE.setdefault(Path(table) if table else TABLE, gazetteer)

    def _index(self, place: Place, name: str) -> None:
        spaced = fold_spaced(name)
        if not spaced:
            return
        if name not in place.names:
            place.names.append(name)
        if spaced not in place.keys:
            place.keys.append(spaced)
        bucket = self.by_key.setdefault(spaced.replace(" ", ""), [])
        if place not in bucket:
            bucket.append(place)
        self._by_skeleton = None
        self._by_length = {}

    def _add_curated(self, path: Path) -> None:
        for i, entry in enumerate(read_yaml(path) or []):
            if "place" in entry:
                place = self.by_id.get(str(entry["place"]))
                if place is None:
                    raise ValueError(f"{path.name} entry {i + 1}: no place with id {entry['place']!r}; use an "
                                     "id of gazetteer.tsv.gz (an OCHA pcode, 'gn:<GeoNames id>', 'wof:<id>')")
            else:  # a place no source has
                place = Place(id="curated:" + fold(entry["name"]), name=entry["name"],
                              kind=entry.get("kind", "community"), country=entry.get("country", self.country),
                              admin1=entry["admin1"], admin2=entry.get("admin2"), lat=entry["lat"], lon=entry["lon"],
                              geonames_id=entry.get("geonames_id"), population=entry.get("population"), names=[])
                self.places.append(place)
                self.by_id[place.id] = place
            if entry.get("name"):
                place.name = entry["name"]
                self._index(place, entry["name"])
            if entry.get("population"):
                place.population = entry["population"]
            place.preferred = bool(entry.get("prefer", place.preferred))
            for alias in entry.get("aliases", []):
                self._index(place, alias)
                self._curated.setdefault(place.id, set()).add(light(alias))

    def _add_regions(self, path: Path) -> None:
        for entry in read_yaml(path) or []:
            place = Place(id="region:" + fold(entry["name"]), name=entry["name"], kind="region", country=self.country,
                          admin1=entry["admin1"], admin2=entry.get("admin2"), lat=entry["lat"], lon=entry["lon"],
                          geonames_id=entry.get("geonames_id"), population=None, names=[],
                          members=list(entry.get("members", [])))
            self.places.append(place)
            self.by_id[place.id] = place
            for n in [entry["name"], *entry.get("aliases", [])]:
                self._index(place, n)

    def _place_governorates_at_capitals(self, path: Path) -> None:
        for admin1, pcode in (read_yaml(path) or {}).items():
            gov, seat = self.governorates.get(admin1), self.by_id.get(str(pcode))
            if gov is None or seat is None:
                raise ValueError(f"{path}: {admin1}: {pcode}: no such governorate or place in the pack's "
                                 "gazetteer.tsv.gz; use ACLED's admin1 name and a place id of that table")
            gov.lat, gov.lon = seat.lat, seat.lon

    def _place_districts_at_seats(self, seats: dict[str, tuple[str, float, float]], km: float = 40) -> None:
        """A district's point becomes its seat's: the one ``seats`` gives (district id -> seat's place id and
        point: GeoNames's administrative centre, where ACLED places an event told only by district), else the
        town of the district's name inside it (the biggest, if several). A seat also wins over namesakes
        elsewhere when no population tells them apart."""
        for d in [p for p in self.places if p.kind == "district" and p.lat is not None]:
            if d.id in seats:
                seat_id, d.lat, d.lon = seats[d.id]
                self._seats.add(seat_id)
                continue
            # "Kitaf wa Al Boqe'e" (Kitaf and Al Boqe'e): a district named for two places sits at the first.
            # The news spellings a pack curates for a district name its seat too ("Sihar": Sahar district).
            names = [d.name, *_AND.split(d.name)[:1],
                     *(n for n in d.names if n.isascii() and not n.casefold().endswith("district"))]
            towns = [p for n in dict.fromkeys(names) for p in self.candidates(n) if p.kind in SETTLEMENTS
                     and p.country == d.country
                     and p.admin1 == d.admin1 and p.admin2 == d.admin2 and p.lat is not None
                     and distance_km(p.lat, p.lon, d.lat, d.lon) <= km]  # type: ignore[arg-type]
            if towns:
                seat = max(towns, key=lambda p: (p.population or 0, -distance_km(p.lat, p.lon, d.lat, d.lon)))
                d.lat, d.lon = seat.lat, seat.lon
                self._seats.add(seat.id)

    # lookups ------------------------------------------------------------------------------------

    def candidates(self, name: str) -> list[Place]:
        """Every place whose folded name equals the folded ``name``."""
        return list(self.by_key.get(fold(name), ()))

    def _score(self, place: Place, query: str, admin1: str | None) -> float:
        similarity = self.similarity(place, query)
        score = similarity / 10 + KIND_RANK.get(place.kind, 1)
        if similarity == 100:  # spelled as a source spells it ("Zakah") beats a bigger town spelled alike
            score += EXACT_SPELLING
        if place.kind in SETTLEMENTS:  # a unit's population is not its seat's
            score += math.log10((place.population or 0) + 1)
        if place.country == self.country:  # the gazetteer is for this country's war reporting
            score += 12
        elif (place.population or 0) >= 1_000_000:  # but "Ankara" is the capital, not Anqarah in Al-Hasakeh
            score += 4
        if place.preferred:
            score += 6
        if place.id in self._seats and not place.population:  # a district's seat: a town of some size
            score += 2
        if place.kind in SETTLEMENTS and not place.population and place.geonames_id \
                and place.geonames_id < GEONAMES_FIRST_IDS:
            # Between namesakes otherwise alike, the one in GeoNames' first import of populated places (the
            # better-known ones; the many later village imports have ids in the millions): a tie-break only.
            score += 0.5
        if self.districts_at_seats and place.kind == "district" and place.country == self.country:
            # Where districts stand at their seats, reports name a district bare ("in Nihm", "in al Mahfad")
            # more often than a village of the same name elsewhere.
            score += 4
        if light(query) == light(place.name) or (self.districts_at_seats and place.kind == "district"
                                                 and light(query) in self._curated.get(place.id, ())):
            # Named as the place's own name, not a variant (a district's news spellings a pack curates count
            # as its own: "in Sihar" is Sahar district, not a village of the name elsewhere).
            score += 4
        if admin1 and place.admin1 == admin1:
            score += 20
        return score

    def fold_every_spelling(self) -> None:
        """Fold every place's spellings for ``similarity`` and ``sound_similarity`` now (``light``, ``sound``), and
        every key to its consonants (``skeleton``), as the first comparison with a place and the first loose match
        would: done once when the gazetteer is written to the knowledge cache, so a process reads them back with it
        (a pass over 600 articles compared names with some 4,000 places, 25,000 spellings, at each start). Each kind
        is kept as one string (the places' in their order, each place's spellings joined by ``SPELLINGS_SEPARATOR``;
        the keys' consonants in the keys' order), cut up at its first use: a string to read back with the
        gazetteer, not a list and its strings for each of thousands of places."""
        self._light_kept = _joined_spellings(self.places, light)
        self._sound_kept = _joined_spellings(self.places, sound)
        self._skeletons_kept = (len(self.by_key), SPELLINGS_SEPARATOR.join(map(skeleton, self.by_key)))
        self.generic_heads()

    def generic_heads(self) -> frozenset[str]:
        """The words that begin ``GENERIC_HEAD_NAMES`` or more of the country's names of several words ("khirbet",
        "tal", "kafr", "deir"; case-folded): a name's generic head, never a name alone. Counted once per gazetteer,
        when it is written to the knowledge cache (``fold_every_spelling``), where a process reads them back: counting
        them walks every place (some 0.03 CPU-s at each start)."""
        if self._generic_heads is None:
            seen, heads = set(), Counter()
            for ps in self.by_key.values():
                for p in ps:
                    if id(p) not in seen and p.country == self.country:
                        seen.add(id(p))
                        words = p.name.split()
                        if len(words) > 1 and not ARTICLE_HYPHEN.match(words[0]) and len(words[0]) > 2:
                            heads[words[0].casefold()] += 1
            self._generic_heads = frozenset(w for w, n in heads.items() if n >= GENERIC_HEAD_NAMES)
        return self._generic_heads

    def _unpacked(self, kept: str | None, folded: dict) -> dict:
        """``folded`` (place id -> folded spellings) with the spellings ``fold_every_spelling`` kept as ``kept``."""
        if kept is None:  # (another thread unpacked them meanwhile)
            return folded
        found: dict[str, list[str] | str] = dict(zip([p.id for p in self.places], kept.split(PLACES_SEPARATOR)))
        found.update(folded)
        return found

    def similarity(self, place: Place, name: str) -> float:
        """0-100: how close ``name`` is to the nearest spelling of the place, vowels kept."""
        q = light(name)
        if self._light_kept is not None:
            kept, self._light_kept = self._light_kept, None
            self._light_names = self._unpacked(kept, self._light_names)
        # Each spelling is folded once per process, not once per comparison; the score is kept per count of the
        # place's names, as ``sound_similarity``'s is (a place that gains a spelling is compared again).
        return self._nearest_spelling(q, place, light, self._light_names, self._similarities,
                                      (q, place.id, len(place.names)))

    def sound_similarity(self, place: Place, name: str) -> float:
        """0-100: how close ``name`` sounds to the nearest spelling of the place (``sound``), vowels kept."""
        q = sound(name)
        if self._sound_kept is not None:
            kept, self._sound_kept = self._sound_kept, None
            self._sound_names = self._unpacked(kept, self._sound_names)
        # (Kept as ``similarity``'s are: a city's quarters are each compared with every quarter name a text tells,
        # and the same names come back text after text.)
        return self._nearest_spelling(q, place, sound, self._sound_names, self._sound_similarities,
                                      (q, place.id, len(place.names)))

    @staticmethod
    def _nearest_spelling(q: str, place: Place, fold, folded: dict, scores: dict, key: tuple) -> float:
        """The best ratio of ``q`` to the place's spellings folded by ``fold``: the folded spellings kept per place
        (folded again when the place gained names), the score kept under ``key`` (the store cleared past 200,000)."""
        cached = scores.get(key)
        if cached is None:
            spellings = folded.get(place.id)
            if spellings.__class__ is str:  # folded when the gazetteer was cached (``fold_every_spelling``)
                spellings = folded[place.id] = spellings.split(SPELLINGS_SEPARATOR)
            if spellings is None or len(spellings) != len(place.names):
                spellings = folded[place.id] = [fold(n) for n in place.names]
            # (``map`` over the spellings: the loop in C, not a generator's frame per spelling.)
            cached = max(map(_ratio_function(), repeat(q, len(spellings)), spellings), default=0.0)
            if len(scores) > 200_000:
                scores.clear()
            scores[key] = cached
        return cached

    def _sounds_like(self, place: Place, name: str) -> float:
        """``sound_similarity`` where it is at least ``SOUND_SIMILARITY``, else 0: folding vowels and letters
        together brings unrelated names closer too, so only a near sound match counts."""
        s = self.sound_similarity(place, name)
        return s if s >= SOUND_SIMILARITY else 0.0

    def best(self, places: list[Place], query: str, admin1: str | None = None) -> Place | None:
        """The most likely of several places sharing a name (in ``admin1``, bigger, a town before a unit)."""
        if not places:
            return None
        return max(places, key=lambda p: self._score(p, query, admin1))

    def find(self, name: str, admin1: str | None = None) -> Place | None:
        """The place a name most likely means, or None."""
        admin1 = self.admin1_name(admin1) if admin1 else None
        name = name.strip()
        if not name:
            return None
        exact = [p for p in self.candidates(name) if self.similarity(p, name) >= MIN_SIMILARITY]
        if admin1 and exact and not any(p.admin1 == admin1 for p in exact):
            # The name is known, but not in the governorate the caller knows: a spelling variant
            # of a local place is likelier than a namesake elsewhere.
            local = self._loose(name, admin1, within=admin1, floor=80)
            if local:
                return local
        found = self.best(exact, name, admin1)
        if found:
            return found
        # ACLED writes "Damascus - Mazzeh", "Haydar - Haydar Ubasi", "Kobla -Gubele": a town and a
        # quarter or site in it, or two names of one village. The best known part wins.
        parts = [p for p in _DASH.split(name) if p.strip()]
        if len(parts) > 1:
            exact = [p for part in parts for p in self.candidates(part)
                     if max(self.similarity(p, x) for x in parts) >= MIN_SIMILARITY]
            if exact:
                cities = [p for p in self.candidates(parts[0]) if p.kind == "city" and p.country == self.country
                          and self.similarity(p, parts[0]) >= 90]
                inner = [p for p in exact if p.kind not in ("city", "governorate", "district") and
                         (not admin1 or p.admin1 == admin1)]
                if cities:  # a quarter of that city, or the city itself
                    city = self.best(cities, parts[0], admin1)
                    inner = [p for p in inner if _near(p, city, 15)] or [city]
                return self.best(inner or exact, parts[-1], admin1)
            found = [f for f in (self.find(part, admin1) for part in parts) if f]
            return found[-1] if found else None
        # "Dumayr air base", "Atmeh camp": the town the site is named after.
        bare = without_site(name)
        if bare and bare != name:
            return self.find(bare, admin1)
        # ACLED's "Mreimin Afrin", "Ziyara Afrin": a village, then its district.
        words = name.split()
        if len(words) > 1:
            district = fold(words[-1])
            head = " ".join(words[:-1])
            local = [p for p in self.candidates(head) if p.admin2 and fold(p.admin2) == district]
            if local:
                return self.best(local, head, admin1)
        if admin1:
            local = self._loose(name, admin1, within=admin1)
            if local:
                return local
        return self._loose(name, admin1)

    def _loose(self, name: str, admin1: str | None, within: str | None = None, floor: float = 70) -> Place | None:
        """Spelling variants folding misses: same consonants, or a close folded key (the pack's country only)."""
        key = fold(name)
        if len(key) < 4:
            return None

        def ok(p: Place, floor: float) -> bool:
            # Loose matches stay in the country: a foreign city must be spelled as its sources spell it.
            return p.country == self.country and (within is None or p.admin1 == within) and self.similarity(p, name) >= floor

        close = [p for p in self._skeletons().get(skeleton(key), []) if ok(p, floor)]
        if close:
            return self.best(close, name, admin1)
        from rapidfuzz import fuzz, process

        hits = process.extract(key, self._fuzzy_choices(key, within), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF,
                               limit=8)
        pool = [p for k, _, _ in hits for p in self.by_key[k] if ok(p, max(MIN_SIMILARITY, floor - 10))]
        return self.best(pool, name, admin1)

    def districts(self) -> list[Place]:
        """The country's districts."""
        if self._districts is None:
            self._districts = [p for p in self.places if p.kind == "district" and p.country == self.country]
        return self._districts

    def settlements(self, district: Place) -> list[Place]:
        """The settlements (with coordinates) a source files under a district."""
        if self._by_district is None:
            index: dict[tuple[str | None, str | None], list[Place]] = {}
            for p in self.places:
                if p.kind in SETTLEMENTS and p.lat is not None and p.admin2:
                    index.setdefault((p.admin1, p.admin2), []).append(p)
            self._by_district = index
        return self._by_district.get((district.admin1, district.admin2), [])

    def in_district(self, name: str, district: Place, floor: float = 75) -> list[Place]:
        """The settlements of a district spelled as ``name`` is, or close to it (vowels kept), best first; in a
        district the text names, a name is also compared as it sounds (``sound``)."""
        found = [(max(self.similarity(p, name), self._sounds_like(p, name)), p) for p in self.settlements(district)]
        return [p for s, p in sorted(found, key=lambda t: -t[0]) if s >= floor]

    def by_district(self, place: Place, district: Place, km: float) -> bool:
        """Whether a place lies within ``km`` of one of a district's settlements: on its edge, where the
        sources' district lines and the reports' disagree."""
        if place.lat is None:
            return False
        lat, lon = place.lat, place.lon
        box = km / 100  # degrees: a cheap test before the distance
        return any(abs(p.lat - lat) <= box and abs(p.lon - lon) <= box  # type: ignore[operator]
                   and distance_km(lat, lon, p.lat, p.lon) <= km for p in self.settlements(district))  # type: ignore[arg-type]

    def by_governorate(self, place: Place, admin1: str, km: float) -> bool:
        """Whether a place lies within ``km`` of one of a governorate's settlements: just over its border, where a
        report names the place with the governorate next to the one the sources file it under."""
        if place.lat is None:
            return False
        lat, lon = place.lat, place.lon
        box = km / 100
        return any(abs(p.lat - lat) <= box and abs(p.lon - lon) <= box  # type: ignore[operator]
                   and distance_km(lat, lon, p.lat, p.lon) <= km for p in self._settlements_of(admin1))  # type: ignore[arg-type]

    def _settlements_of(self, admin1: str | None) -> list[Place]:
        """The country's settlements (with coordinates) in a governorate."""
        if self._by_admin1 is None:
            index: dict[str | None, list[Place]] = {}
            for p in self.places:
                if p.kind in SETTLEMENTS and p.lat is not None and p.country == self.country:
                    index.setdefault(p.admin1, []).append(p)
            self._by_admin1 = index
        return self._by_admin1.get(admin1, [])

    def in_part(self, place: Place, admin1: str, part: str) -> bool:
        """Whether a place lies in the part of a governorate a report names ("southern", "north-east"): on that
        side of the middle of the governorate's settlements (their mean latitude and longitude)."""
        if admin1 not in self._middles:
            settlements = self._settlements_of(admin1)
            if not settlements:
                return False
            self._middles[admin1] = (sum(p.lat for p in settlements) / len(settlements),  # type: ignore[misc]
                                     sum(p.lon for p in settlements) / len(settlements))  # type: ignore[misc]
        if place.lat is None or place.lon is None:
            return False
        lat, lon = self._middles[admin1]
        part = part.casefold()
        return (("north" not in part or place.lat > lat) and ("south" not in part or place.lat < lat)
                and ("east" not in part or place.lon > lon) and ("west" not in part or place.lon < lon)
                and any(side in part for side in ("north", "south", "east", "west")))

    def sounding(self, name: str, admin1: str) -> list[Place]:
        """The settlements of a governorate with the consonants of ``name`` (its folded key's, a "Jabal" or "Wadi"
        before the name aside: "Kahboub", Jabal Kahbub) whose name is near its spelling or its sound (``sound``:
        "Karsh" and Kirsh differ in a vowel)."""
        indexes = getattr(self, "_by_sound", None)
        if indexes is None:
            indexes = self._by_sound = {}
        index = indexes.get(admin1)
        if index is None:  # built from the folded keys, for one governorate when a text first places a name in it
            index = indexes[admin1] = _consonant_index(self._settlements_of(admin1))
        return [p for p in index.get(fold_spaced(name).translate(_NO_VOWELS), ())
                if max(self.sound_similarity(p, name), self.similarity(p, name)) >= SOUNDING_SIMILARITY]

    def same_consonants(self, name: str) -> list[Place]:
        """The country's places whose folded name has the consonants of ``name`` ("Halmuz": Halamuz); fast."""
        key = fold(name)
        if len(key) < 4:
            return []
        return [p for p in self._skeletons().get(skeleton(key), []) if p.country == self.country]

    def _fuzzy_choices(self, key: str, within: str | None) -> list[str]:
        """The keys (of ``within``'s places, or all) long enough and short enough to be ``_FUZZY_CUTOFF``
        close to ``key``, in their order: a ratio counts at least the difference of the two lengths as
        edits, so the others cannot reach it. The fuzzy search then compares a fraction of the keys and
        finds the same ones, in the same order."""
        import numpy as np

        found = self._by_length.get(within)
        if found is None:
            keys = self._keys_in(within) if within else list(self.by_key)
            found = self._by_length[within] = (np.array(keys, dtype=object),
                                               np.fromiter(map(len, keys), dtype=np.int64, count=len(keys)))
        keys, lengths = found
        n = len(key)
        # ratio = 100 * (1 - edits / (n + m)) and edits >= |n - m|; a margin of one point for rounding.
        near = np.abs(lengths - n) * 100 <= (100 - _FUZZY_CUTOFF + 1) * (lengths + n)
        return keys[near].tolist()

    def _keys_in(self, admin1: str) -> list[str]:
        index = self._admin1_keys
        if not index:  # every governorate's keys in one pass
            for k, ps in self.by_key.items():
                if len(ps) == 1:  # most keys name one place: no set of governorates to make
                    index.setdefault(ps[0].admin1, []).append(k)
                    continue
                for a1 in {p.admin1 for p in ps}:
                    index.setdefault(a1, []).append(k)
        return index.get(admin1, [])

    def _skeletons(self) -> dict[str, list[Place]]:
        if self._by_skeleton is None:
            kept, self._skeletons_kept = self._skeletons_kept, None
            # The consonants ``fold_every_spelling`` kept, while the keys are those it read.
            skeletons = kept[1].split(SPELLINGS_SEPARATOR) if kept is not None and kept[0] == len(self.by_key) \
                else map(skeleton, self.by_key)
            sk: dict[str, list[Place]] = {}
            for s, ps in zip(skeletons, self.by_key.values()):
                sk.setdefault(s, []).extend(ps)
            self._by_skeleton = sk
        return self._by_skeleton

    def members(self, region: str) -> list[Location]:
        """The towns a curated region ("Eastern Ghouta") is made of, as locations ([] for other names)."""
        place = next((p for p in self.candidates(region) if p.kind == "region"), None)
        if place is None:
            return []
        found = (self.find(m, place.admin1) for m in place.members)
        return [p.location() for p in found if p is not None]

    def regions_of(self, location: Location) -> list[Location]:
        """The curated regions a location lies in (a member town, or within 3 km of one)."""
        out = []
        for region in (p for p in self.places if p.kind == "region"):
            for town in self.members(region.name):
                if location.name == town.name or (None not in (location.lat, town.lat) and distance_km(
                        location.lat, location.lon, town.lat, town.lon) <= 3):  # type: ignore[arg-type]
                    out.append(region.location())
                    break
        return out

    def lookup(self, name: str, admin1: str | None = None) -> Location | None:
        """The location a place name most likely means (``admin1`` breaks ties), or None."""
        place = self.find(name, admin1)
        return place.location() if place else None

    def admin1_name(self, name: str) -> str | None:
        """A governorate's name as ACLED writes it ('Idlib' -> 'Idleb'), or None."""
        gov = self.governorate_place(name)
        return gov.admin1 if gov else None

    def governorate_place(self, name: str) -> Place | None:
        if name in self.governorates:
            return self.governorates[name]
        bare = _GOVERNORATE_WORDS.sub("", name).strip()
        if bare and bare != name.strip() and not self._own_governorate(name):
            return self.governorate_place(bare)
        govs = [p for p in self.candidates(name) if p.kind == "governorate"]
        if govs:
            return govs[0]
        place = self.find(name) if name else None
        if place and place.country == self.country and place.admin1 in self.governorates:
            return self.governorates[place.admin1]
        return None

    def _own_governorate(self, name: str) -> Place | None:
        return next((p for p in self.candidates(name) if p.kind == "governorate"), None)

    def governorate(self, name: str) -> Location | None:
        """The governorate a name means ('Idlib province', 'rural Damascus') or lies in, precision 3."""
        gov = self.governorate_place(name)
        return gov.location() if gov else None


def _consonant_index(settlements: list[Place]) -> dict[str, list[Place]]:
    """The settlements by the consonants of their folded keys (each key also without a "Jabal" or "Wadi" before the
    name), each bucket in the settlements' order. A place's consonant keys are gathered first: its keys mostly
    differ in vowels only, and a bucket then takes the place once without searching the bucket for it."""
    index: dict[str, list[Place]] = {}
    for p in settlements:
        consonants = set()
        for k in p.keys:
            if k.startswith(_GENERIC_WORDS):
                cut = _GENERIC_HEAD.sub("", k)
                if len(cut) >= 4 and cut.isascii():
                    consonants.add(cut.translate(_NO_VOWELS))
            if len(k) >= 4 and k.isascii():
                consonants.add(k.translate(_NO_VOWELS))
        for c in consonants:
            bucket = index.get(c)
            if bucket is None:
                index[c] = [p]
            else:
                bucket.append(p)
    return index


def sources() -> list[Path]:
    """The files the packaged gazetteer is built from (tables, YAML, and this module), for cache keys."""
    return sorted(p for p in PLACES_DIR.rglob("*") if p.is_file() and p.suffix in (".gz", ".yaml", ".tsv")) \
        + [Path(__file__)]


def _near(a: Place, b: Place, km: float) -> bool:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return True
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _ratio_function():
    from rapidfuzz.fuzz import ratio

    return ratio


def _read_seats(path: Path) -> dict[str, tuple[str, float, float]]:
    """A pack's ``seats.tsv`` (``scripts/build_seats.py``): district id -> its seat's place id, lat, lon."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return {r[0]: (r[3], float(r[5]), float(r[6])) for r in rows}


def read_table(path: Path) -> list[Place]:
    """Rows of a built gazetteer table. Keys made with other folding rules are recomputed."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: gazetteer table missing. Build it with `python scripts/build_gazetteer.py`.")
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as fh:
        header = fh.readline()
        stale = header.strip() != f"# folding {_folding().digest}"
        fh.readline()  # column names
        places = []
        for line in fh:
            c = line.rstrip("\n").split("\t")
            names = c[10].split("|")
            keys = sorted({fold_spaced(n) for n in names} - {""}) if stale else c[11].split("|")
            places.append(Place(c[0], c[1], c[2], c[3], c[4] or None, c[5] or None, _float(c[6]), _float(c[7]),
                                _int(c[8]), _int(c[9]), names, keys))
    return places


def write_table(path: Path, places: list[Place]) -> None:
    """Write places as a gzipped TSV headed by the folding rules' digest."""
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# folding {_folding().digest}\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for p in places:
            row = [p.id, p.name, p.kind, p.country, p.admin1 or "", p.admin2 or "",
                   "" if p.lat is None else f"{p.lat:.5f}", "" if p.lon is None else f"{p.lon:.5f}",
                   str(p.geonames_id or ""), str(p.population or ""), "|".join(p.names), "|".join(p.keys)]
            fh.write("\t".join(re.sub(r"[\t\r\n]", " ", s) for s in row) + "\n")
