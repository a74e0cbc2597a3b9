"""Knowledge packs: what warwire knows of one war, as a folder of data (``packs/<name>/``).

A pack holds ``pack.yaml`` (the country, its default actors, cue words),
``gazetteer.tsv.gz`` (built by ``scripts/build_gazetteer.py`` from open sources,
see its ``ATTRIBUTION.md``), ``curated.yaml``, ``regions.yaml`` and
``capitals.yaml`` (places no source spells as the news does), ``actors.yaml``
(ACLED names, kinds, aliases), ``claimants.yaml`` (added to the sources every
war shares, ``knowledge/claimants.yaml``) and ``stoplist.yaml`` (added to
``places/stoplist.yaml``). No country's fact lives in Python.

Use::

    from warwire.knowledge import packs
    pack = packs.load("yemen")            # or packs.choose(text): the war an article is about
    with packs.using(pack):               # the extractor reads packs.current()
        reports = extract_article(article)

Adding a war: docs/packs.md.
"""
from __future__ import annotations

import contextvars
import os
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import yaml

from warwire.resources import read_yaml

if TYPE_CHECKING:
    from warwire.knowledge.actors import ActorDictionary, Claimants
    from warwire.knowledge.gazetteer import Gazetteer

PACKS_DIR = Path(__file__).resolve().parent
#: The pack used when an article names no war's places or words (the first war warwire knew).
DEFAULT = "syria"
#: ``--pack auto``: each article's pack is chosen from its text.
AUTO = "auto"
#: Default-actor roles a pack may name in ``by_sub_event_type``.
ROLES = ("unnamed", "state", "victims", "protesters", "rioters")


class PackError(ValueError):
    """A pack that does not exist or whose files are wrong; the message says which file and what to do."""


@dataclass(frozen=True)
class DefaultActors:
    """The actors a pack names when the text names none (ACLED names, keys of its actors.yaml)."""

    unnamed: str
    state: str
    victims: str
    protesters: str
    rioters: str
    by_sub_event_type: dict[str, str] = field(default_factory=dict)
    #: actor2 by sub-event type when the text names none (the side that lost the ground a government retook): the
    #: first of its list that is not the event's actor1.
    actor2_by_sub_event_type: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Whose military an actor's strikes and shells hit when the text names no side: the first of its list that is
    #: not the actor.
    foes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def actor1(self, sub_event_type: str) -> str | None:
        """actor1 of an event of this sub-event type whose text names no actor, or None."""
        return self.by_sub_event_type.get(sub_event_type)

    def crowd(self, sub_event_type: str) -> str | None:
        """ACLED's crowd actor of a protest or riot."""
        if sub_event_type in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
            return self.protesters
        if sub_event_type in ("Violent demonstration", "Mob violence"):
            return self.rioters
        return None


@dataclass(eq=False)
class Pack:
    """One war's knowledge. Load with ``load(name)``; the files are read when first needed."""

    name: str
    folder: Path
    country: str
    actors: DefaultActors
    monitor: str | None = None
    surrounds: dict[str, str] = field(default_factory=dict)
    cues: list[str] = field(default_factory=list)
    #: Its place names vote for it only in a text that uses its cue words: a war whose many place names are
    #: often other wars' villages, chosen by its own words ("Ukraine", "RSF"), and whose names are read only then.
    names_need_cues: bool = False
    #: Place a district at its seat (the town of its name inside it), as ACLED places an event told by district.
    districts_at_seats: bool = False
    #: A village far outside every governorate, district and town of note a text is sure of is a namesake of
    #: the place meant, not it: where the gazetteer lacks many of the villages reports name.
    far_namesakes: bool = False
    #: A city named by its governorate's name ("X in Taizz") stands for the governorate and draws no village
    #: towards it, unless the text calls it a city: where reports name places "village in district of
    #: governorate".
    governorate_names: bool = False
    #: Countries and capitals that are places after "in", "to"... and actors elsewhere ("Turkey launched").
    country_words: frozenset[str] = frozenset()
    #: The share of a toll of the dead and the wounded together ("killing and wounding dozens") the war's
    #: coders count as dead; None: such a figure counts the wounded (an unknown number still counts 10 dead).
    killed_and_wounded: float | None = None

    def __repr__(self) -> str:
        return f"Pack({self.name!r})"

    def file(self, name: str) -> Path:
        return self.folder / name

    def data(self, name: str):
        """The pack's YAML file ``name`` as read (None where the pack has no such file, or it is empty)."""
        path = self.file(name)
        return _yaml(path) if path.exists() else None

    @cached_property
    def gazetteer(self) -> "Gazetteer":
        from warwire.knowledge.gazetteer import Gazetteer

        return Gazetteer.for_pack(self)

    @cached_property
    def actor_dictionary(self) -> "ActorDictionary":
        from warwire.knowledge.actors import ActorDictionary

        return ActorDictionary.from_files([self.file("actors.yaml")])

    @cached_property
    def claimants(self) -> "Claimants":
        from warwire.knowledge.actors import CLAIMANTS, Claimants

        own = self.file("claimants.yaml")
        return Claimants.from_files([CLAIMANTS] + ([own] if own.exists() else []))

    @cached_property
    def allowed(self) -> list[str]:
        """Surfaces the shared stoplist holds that this pack's stoplist.yaml allows as its places."""
        return list((self.data("stoplist.yaml") or {}).get("allow") or [])

    @cached_property
    def stoplist(self) -> dict:
        """The stoplist every war shares with this pack's entries added (lists joined, values replaced; the
        pack's ``allow`` takes surfaces out)."""
        from warwire.knowledge.gazetteer import PLACES_DIR

        merged = _yaml(PLACES_DIR / "stoplist.yaml")
        for key, value in (self.data("stoplist.yaml") or {}).items():
            if key == "allow":  # surfaces every other war stoplists that are this country's places
                allowed = {str(v).casefold() for v in value}
                merged["surfaces"] = [s for s in merged["surfaces"] if str(s).casefold() not in allowed]
            elif isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + value
            else:
                merged[key] = value
        return merged


def _yaml(path: Path):
    try:
        return read_yaml(path)
    except yaml.YAMLError as err:
        raise PackError(f"{path}: not valid YAML ({err}); fix the file") from err


def names(folder: Path = PACKS_DIR) -> list[str]:
    """The packs installed (folders with a pack.yaml), the default first."""
    return list(_names(folder))


@lru_cache(maxsize=None)
def _names(folder: Path) -> tuple[str, ...]:
    # Listed once per process, as each pack is read once (``load``): choosing a pack per article asks often.
    found = sorted(p.parent.name for p in folder.glob("*/pack.yaml"))
    return tuple(sorted(found, key=lambda n: n != DEFAULT))


@lru_cache(maxsize=None)
def load(name: str, folder: Path = PACKS_DIR) -> Pack:
    """The pack called ``name`` (a folder under ``folder``), read once per process."""
    path = folder / name / "pack.yaml"
    if not path.exists():
        raise PackError(f"no knowledge pack {name!r} in {folder}: give one of {', '.join(names(folder)) or 'none'}, "
                        "or build one (docs/packs.md)")
    raw = _yaml(path) or {}
    for key in ("country", "actors"):
        if key not in raw:
            raise PackError(f"{path}: no '{key}'; every pack names its country and default actors")
    a = raw["actors"]
    missing = [r for r in ROLES if not a.get(r)]
    if missing:
        raise PackError(f"{path}: actors: no {', '.join(missing)}; name an actor of actors.yaml for each")
    by_sub = {}
    for sub, role in (a.get("by_sub_event_type") or {}).items():
        by_sub[sub] = a[role] if role in ROLES else role  # a role, or an actor's name
    lists = {key: _actor_lists(a, key, path) for key in ("actor2_by_sub_event_type", "foes")}
    return Pack(name=name, folder=folder / name, country=raw["country"],
                actors=DefaultActors(a["unnamed"], a["state"], a["victims"], a["protesters"], a["rioters"], by_sub,
                                     **lists),
                monitor=raw.get("monitor"), surrounds=dict(raw.get("surrounds") or {}),
                cues=[str(c) for c in raw.get("cues") or []],
                names_need_cues=bool(raw.get("names_need_cues")),
                districts_at_seats=bool(raw.get("districts_at_seats")),
                far_namesakes=bool(raw.get("far_namesakes")),
                governorate_names=bool(raw.get("governorate_names")),
                country_words=frozenset(str(w) for w in raw.get("country_words") or []),
                killed_and_wounded=_share_of(raw.get("killed_and_wounded"), path))


def _actor_lists(a: dict, key: str, path: Path) -> dict[str, tuple[str, ...]]:
    """The pack's ``actors: <key>`` mapping, each value a list of roles or actors' names (one may stand alone), the
    roles read as the actors they stand for."""
    raw = a.get(key) or {}
    if not isinstance(raw, dict):
        raise PackError(f"{path}: actors: {key}: give a mapping of names to lists of actors or roles")
    return {k: tuple(a[n] if n in ROLES else n for n in ([names] if isinstance(names, str) else names))
            for k, names in raw.items()}


def _share_of(value, path: Path) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise PackError(f"{path}: killed_and_wounded: {value!r} is not a share; give a number above 0, at most 1")
    return float(value)


# --- a war no pack knows ---------------------------------------------------------------------------

#: The pack of a war no other pack knows (docs/packs.md, "Wars without a pack"). Its folder holds
#: ``world.yaml``, not ``pack.yaml``: it is not among ``names()``, and ``choose`` gives it an article only
#: for a country the article names.
WORLD = "world"
#: The votes each mention of such a country (its name, capital or adjective) counts, as a governorate's name
#: counts for its pack.
WORLD_VOTES = 4
#: Foreign cities this populous are in every country's gazetteer ("fled to Nairobi").
WORLD_CITY_ABROAD = 1_000_000
#: A place of the world gazetteer this populous is a town of note; a smaller one is a village, a place only where the
#: text puts something in, near or at it ("clashes near Bani": ``WorldPack.stoplist``).
WORLD_TOWN = 15_000


@dataclass(eq=False)
class WorldPack(Pack):
    """The world pack made one country's: that country's places are home, ``{country}`` and ``{demonym}`` in
    its files are that country's name and adjectives."""

    demonyms: tuple[str, ...] = ()

    def _fill(self, value: str) -> str:
        demonym = "|".join(re.escape(d) for d in self.demonyms) or re.escape(self.country)
        return value.replace("{country}", self.country).replace("{demonym}", f"(?:{demonym})")

    @cached_property
    def gazetteer(self) -> "Gazetteer":
        from warwire.knowledge.gazetteer import Gazetteer

        return Gazetteer([*_world_rows(self.folder, self.country), *_world_rows(self.folder, _ABROAD)], self.country, {})

    @cached_property
    def stoplist(self) -> dict:
        """The shared stoplist and the world pack's, with the country's villages (places under ``WORLD_TOWN``
        people) as common nouns: a village is a place only where the text puts something in, near or at it
        ("clashes near Bani"), never as a word or a name ("Bani said"); a name a town of note or a unit has too
        stays that place's."""
        from warwire.knowledge.gazetteer import light

        merged = dict(super().stoplist)
        rows = [*_world_rows(self.folder, self.country), *_world_rows(self.folder, _ABROAD)]
        notable = {light(n) for p in rows if _world_notable(p) for n in p.names}
        villages = {light(n) for p in rows if not _world_notable(p) for n in p.names} - notable
        merged["common_nouns"] = [*(merged.get("common_nouns") or []), *sorted(villages)]
        return merged

    @cached_property
    def actor_dictionary(self) -> "ActorDictionary":
        from warwire.knowledge.actors import ACTOR_KINDS, ActorDictionary, ActorEntry
        from warwire.knowledge.patterns import compile_alternation

        path = self.file("actors.yaml")
        entries, pairs = {}, []
        abroad = {c: d for c, d in _world_words(self.folder.parent).demonyms.items() if d and c != self.country}
        for i, a in enumerate((self.data("actors.yaml") or {}).get("actors") or []):
            if a.get("kind") not in ACTOR_KINDS:
                raise PackError(f"{path}: actor {i} ({a.get('name')!r}) has kind {a.get('kind')!r}; use one of "
                                f"{', '.join(ACTOR_KINDS)}")
            # ``each: abroad``: one entry per other country whose adjectives the pack knows ("Rwandan troops").
            fills = [lambda v, c=c, d=d: v.replace("{abroad_demonym}", "(?:" + "|".join(map(re.escape, d)) + ")")
                     .replace("{abroad}", c) for c, d in abroad.items()] if a.get("each") == "abroad" else [str]
            for fill in fills:
                name = self._fill(fill(a["name"]))
                entries[name] = ActorEntry(name, a["kind"], self._fill(fill(a["country"])) if a.get("country")
                                           else None, a.get("parent"))
                pairs += [(self._fill(fill(alias)), name) for alias in a["aliases"]]
        return ActorDictionary(entries, compile_alternation(pairs, str(path)))


#: The world gazetteer's member of the cities abroad every country's gazetteer knows (gazetteer.index.tsv).
_ABROAD = "*"


def _world_notable(place) -> bool:
    """A first-level unit or a town of ``WORLD_TOWN`` people: named without a cue, and a vote for its country."""
    return place.kind == "governorate" or (place.population or 0) >= WORLD_TOWN


@lru_cache(maxsize=4)
def _world_index(folder: Path) -> dict[str, tuple[int, int]]:
    """Each member of the world gazetteer (a country, or ``_ABROAD``) -> its first byte and length."""
    path = folder / "gazetteer.index.tsv"
    if not path.exists():
        raise PackError(f"{path}: missing; rebuild the world gazetteer with "
                        "`python scripts/build_world_gazetteer.py --source ../shared/data/gazetteer`")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line]
    return {country: (int(start), int(length)) for country, start, length, _ in rows}


@lru_cache(maxsize=64)
def _world_rows(folder: Path, member: str) -> tuple:
    """The places of one member of the world gazetteer, read once per process and alone: a story on Haiti should
    not pay for reading every country's 170,000 towns and villages (the table holds a gzip member per country)."""
    import gzip

    from warwire.knowledge.gazetteer import Place, _float, _folding, _int, fold_spaced

    start, length = _world_index(folder).get(member, (0, 0))
    if not length:
        return ()
    path = folder / "gazetteer.tsv.gz"
    with path.open("rb") as fh:
        with gzip.open(fh, "rt", encoding="utf-8", newline="\n") as head:
            stale = head.readline().strip() != f"# folding {_folding().digest}"
        fh.seek(start)
        text = gzip.decompress(fh.read(length)).decode("utf-8")
    places = []
    for line in text.splitlines():
        c = line.split("\t")
        names = c[10].split("|")
        keys = sorted({fold_spaced(n) for n in names} - {""}) if stale else c[11].split("|")
        places.append(Place(c[0], c[1], c[2], c[3], c[4] or None, c[5] or None, _float(c[6]), _float(c[7]),
                            _int(c[8]), _int(c[9]), names, keys))
    return tuple(places)


def _world_names_of(folder: Path, country: str):
    """The names of each of ``country``'s units and towns of note in the world gazetteer (its villages, named only
    with a cue, say no country)."""
    for p in (*_world_rows(folder, country), *_world_rows(folder, _ABROAD)):
        if p.country == country and _world_notable(p):
            yield p.names


@lru_cache(maxsize=None)
def world(country: str, folder: Path = PACKS_DIR) -> WorldPack:
    """The world pack made ``country``'s (a country as ``countries.tsv`` names it), read once per process."""
    path = folder / WORLD / "world.yaml"
    raw = _yaml(path) or {}
    a = raw.get("actors") or {}
    missing = [r for r in ROLES if not a.get(r)]
    if missing:
        raise PackError(f"{path}: actors: no {', '.join(missing)}; name an actor of actors.yaml for each")
    table = _world_words(folder)
    if country not in table.demonyms:
        raise PackError(f"{country!r} is not a country of {folder / WORLD / 'countries.tsv'}; give one as it names it")
    # Named for its country: the place finder keeps a matcher per pack name.
    pack = WorldPack(name=f"{WORLD}-{table.iso[country].lower()}", folder=folder / WORLD, country=country,
                     actors=DefaultActors("", "", "", "", ""),
                     demonyms=table.demonyms[country])
    roles = {r: pack._fill(a[r]) for r in ROLES}
    by_sub = {sub: roles[role] if role in ROLES else pack._fill(role)
              for sub, role in (a.get("by_sub_event_type") or {}).items()}
    pack.actors = DefaultActors(**roles, by_sub_event_type=by_sub)
    return pack


@dataclass(frozen=True)
class _WorldWords:
    """The words that name each country (countries.tsv), in one case-sensitive automaton."""

    automaton: object
    demonyms: dict[str, tuple[str, ...]]
    iso: dict[str, str]
    #: Each country's names, capital and big cities (countries.tsv ``words`` and ``cities``).
    words: dict[str, tuple[str, ...]]
    #: A unit's name that is another country's name or adjective -> the unit's country.
    units: dict[str, str] = field(default_factory=dict)
    #: Names and capitals that are everyday words or first names (countries.yaml ``ordinary_words``), case-folded.
    ordinary: frozenset[str] = frozenset()
    #: Armed groups that fight in one country only (the world pack's actors.yaml entries with a country of their
    #: own: "M23 rebels", "al-Shabaab fighters"), each a pattern and that country.
    groups: tuple[tuple[re.Pattern, str], ...] = ()
    #: Each country's big cities among its ``words`` (countries.tsv ``cities``), case-folded: places of it too; true
    #: for a city one of the country's units is named after ("Kano"), which the unit's name said before.
    cities: dict[str, dict[str, bool]] = field(default_factory=dict)
    #: All of ``groups`` in one pattern: a text none of them matches (nearly every text) is scanned once, not once
    #: per group.
    any_group: re.Pattern | None = None
    #: A run of letters of each of the groups' aliases, lower-case ("boko haram", "m23"), that every match of the
    #: alias holds: a text that holds none (``_lower_case``) is not scanned for them (None: some alias has none).
    group_runs: tuple[str, ...] | None = None

    def countries(self, text: str, excluded: frozenset[str]) -> Counter:
        """How often the text names each country not in ``excluded`` (a name inside a longer one counts once)."""
        return Counter({c: n for c, (n, _) in self.mentions(text, excluded).items()})

    def mentions(self, text: str, excluded: frozenset[str]) -> dict[str, tuple[int, int]]:
        """Each country not in ``excluded`` the text names: (how often, how often by name, capital or unit rather
        than by adjective)."""
        return {c: (n, named) for c, (n, named, _, _) in self.evidence(text, excluded).items()}

    def evidence(self, text: str, excluded: frozenset[str]) -> dict[str, tuple[int, int, list[tuple[int, int]], int]]:
        """``mentions`` with the spans of the words that name each country, and how many of them are its units
        ("Borno state"): places of it, not only its name."""
        hits = []
        for end, (word, country, unit) in self.automaton.iter(text):
            start = end - len(word) + 1
            if start and text[start - 1].isalnum() or _glued(text, start, end):
                continue
            if end + 1 < len(text) and text[end + 1].isalnum():
                # A demonym as a noun names its country too ("killing five Palestinians", "Somalis").
                if not (text[end + 1] == "s" and word in self.demonyms[country] and not text[end + 2:end + 3].isalnum()):
                    continue
                end += 1
            # A name that is also an everyday word or a first name ("Male relatives", "Victoria said") names its
            # country only as a place: after "in", "to", "from"..., or as a dateline.
            if word.casefold() in self.ordinary and not _PLACE_BEFORE.search(text[max(0, start - 20):start]) \
                    and not (start == 0 and word.isupper()):
                continue
            told = _UNIT_TOLD.match(text, end + 1) if unit or word in self.units else None
            if unit and not told and not (_rare_word(word) and (
                    _PLACE_BEFORE.search(text[max(0, start - 20):start]) or text.startswith(("'s ", "’s "), end + 1))
                    and (country in excluded or _unit_of_note(country, word))):
                # A unit's name that is no English word reads as the unit after "in", "near"... or before "'s"
                # ("fighting in Oromia", "Ituri's Djugu territory"), if a town of note is in it: an islet's or a
                # hamlet's name is as likely another war's village ("in Saba").
                continue
            if told:
                end, country, unit = told.end() - 1, self.units.get(word, country), True
            hits.append((start, end, country, not unit and word in self.demonyms[country], unit))
        # A group of one country's war names that war as its adjective does ("M23 rebels shelled Sake").
        if self.any_group is None or (self.group_runs is None or _holds_any(text, self.group_runs)) \
                and self.any_group.search(text):
            hits += [(m.start(), m.end() - 1, country, True, False) for pattern, country in self.groups
                     for m in pattern.finditer(text) if any(ch.isupper() for ch in m.group())]
        found: dict[str, tuple[int, int, list[tuple[int, int]], int]] = {}
        inside = _inside([h[:2] for h in hits]) if len(hits) > 1 else ()
        for start, end, country, adjective, unit in hits:
            if country not in excluded and (start, end) not in inside:
                n, named, spans, units = found.get(country, (0, 0, [], 0))
                found[country] = (n + 1, named + (not adjective), [*spans, (start, end + 1)], units + unit)
        return found


def _glued(text: str, start: int, end: int) -> bool:
    """Whether an apostrophe joins the name at ``text[start:end + 1]`` to a letter: one word with it ("Saba'a",
    "Da'esh"), though a possessive ends the name ("Ituri's")."""
    before = start >= 2 and text[start - 1] in "'’" and text[start - 2].isalpha()
    after = end + 2 < len(text) and text[end + 1] in "'’" and text[end + 2].isalpha() \
        and not (text[end + 2] == "s" and not text[end + 3:end + 4].isalnum())
    return before or after


@lru_cache(maxsize=1024)
def _unit_of_note(country: str, name: str, folder: Path = PACKS_DIR) -> bool:
    """Whether the first-level unit of ``country`` called ``name`` holds a town of ``WORLD_TOWN`` people (the world
    gazetteer's; its largest town is its seat or outgrows it)."""
    rows = _world_rows(folder / WORLD, country)
    admin1 = {p.admin1 for p in rows if p.kind == "governorate" and name in p.names}
    return any(p.admin1 in admin1 and p.kind != "governorate" and (p.population or 0) >= WORLD_TOWN for p in rows)


#: The word before a country's name that is an everyday word, which makes it a place ("fled to Chad").
_PLACE_BEFORE = re.compile(r"\b(?:in|to|from|into|near|outside|across|of|via|towards?)\s+(?:the\s+)?\Z")


#: The word after a first-level unit's name that calls it one ("Borno state", "Kayah State", "Artibonite department").
_UNIT_TOLD = re.compile(r" (?:[Ss]tate|[Rr]egion|[Pp]rovince|[Dd]epartment|[Cc]ounty|[Pp]refecture)\b")


@lru_cache(maxsize=4096)
def _rare_word(name: str) -> bool:
    """A name of four letters or more with a word rarer in English than the place finder's common words ("North
    Kivu", not "Centre" or "Far North")."""
    from warwire.knowledge.words import is_common_word

    return len(name) >= 4 and not all(is_common_word(w) for w in re.split(r"[\s-]+", name) if w)


def _world_words(folder: Path = PACKS_DIR) -> _WorldWords:
    return _world_words_of(folder)  # one entry per folder however it is called


@lru_cache(maxsize=1)
def world_country_names() -> frozenset[str]:
    """Every country's name as the world pack's ``countries.tsv`` gives it, case-folded ("syria", "iraq")."""
    return frozenset(c.casefold() for c in _world_words().iso)


@lru_cache(maxsize=1)
def world_demonyms() -> frozenset[str]:
    """Every country's people's adjectives the world pack gives, case-folded ("syrian", "druze")."""
    return frozenset(d.casefold() for ds in _world_words().demonyms.values() for d in ds)


def _worded_cities(path: Path) -> frozenset[str]:
    """The big cities of ``countries.tsv`` named like words or first names ("Charlotte", "Lagos", "New York City"),
    case-folded: they name their country only as a place, as an ordinary word does ("fled to Lagos"). Kept in the
    knowledge cache: the word test reads wordfreq's own list for names outside its table (about 0.2 CPU-s)."""
    from importlib.util import find_spec

    from warwire.knowledge import words
    from warwire.knowledge.cache import cached

    def build() -> frozenset[str]:
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
        return frozenset(c.casefold() for row in rows for c in row[5].split("|")
                         if c and all(words.is_common_word(w) for w in re.split(r"[\s-]+", c) if w))

    spec = find_spec("wordfreq")
    data = sorted((Path(spec.origin).parent / "data").glob("*_en.*")) if spec and spec.origin else []
    return cached("world-worded", [path, Path(words.__file__), *data], build)


@lru_cache(maxsize=None)
def _world_words_of(folder: Path) -> _WorldWords:
    import ahocorasick

    path = folder / WORLD / "countries.tsv"
    automaton = ahocorasick.Automaton()
    demonyms, iso, named, towns = {}, {}, {}, {}
    worded = _worded_cities(path)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    for iso2, country, words, adjectives, units, cities in rows:
        iso[country] = iso2
        towns[country] = {c.casefold(): c in units.split("|") for c in cities.split("|") if c}
        demonyms[country] = tuple(a for a in adjectives.split("|") if a)
        # A dateline writes the capital in capitals ("MOGADISHU, May 9 -"). A big city names its country as the
        # capital does ("Gunmen killed five people in Goma"; countries.tsv ``cities``).
        names = [w for w in (*words.split("|"), *cities.split("|")) if w]
        named[country] = tuple(names)
        for word in [*names, *(w.upper() for w in names if len(w) >= 4), *demonyms[country]]:
            if not automaton.exists(word):
                automaton.add_word(word, (word, country, False))
    # A first-level unit says its country when the text calls it one ("Borno state"); alone, many units' names
    # are other wars' villages or common words. A country's name or adjective is that first ("Somali troops",
    # though Ethiopia has a Somali region).
    shared = {}
    for _, country, _, _, units, _ in rows:
        for word in units.split("|"):
            if word and not automaton.exists(word):
                automaton.add_word(word, (word, country, True))
            elif word and automaton.get(word)[1] != country:
                shared[word] = country  # "the Somali region": Ethiopia's, called a unit
    automaton.make_automaton()
    own = _yaml(folder / WORLD / "countries.yaml") or {}
    ordinary = frozenset(str(w).casefold() for w in own.get("ordinary_words") or []) | worded
    groups, aliases, plain = [], [], []
    for a in (_yaml(folder / WORLD / "actors.yaml") or {}).get("actors") or []:
        country = str(a.get("country") or "")
        if country in named and a.get("kind") != "External/Other forces":
            aliases += [f"(?:{x})" for x in a["aliases"]]
            plain += [str(x) for x in a["aliases"]]
            groups.append((re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{x})" for x in a["aliases"]) + r")(?![\w-])",
                                      re.IGNORECASE), country))
    return _WorldWords(automaton, demonyms, iso, named, shared, ordinary, tuple(groups), towns, _any_of(aliases),
                       _runs_of(plain))


def _runs_of(aliases: list[str]) -> tuple[str, ...] | None:
    """The longest of each alias's ``_needed_letters`` (None: some alias is not all ASCII or has none, or one not of
    letters, digits, spaces and the few marks that match only themselves, which ``_holds_any`` could not find as
    the case-blind pattern does: "ß" folds to "ss")."""
    if not aliases or not all(a.isascii() for a in aliases):
        return None
    needed = _needed_letters(aliases)
    if needed is None:
        return None
    runs = {max(runs, key=lambda r: (len(r), r)) for runs in needed}
    if not all(c in _PLAIN_RUN for r in runs for c in r):
        return None
    return tuple(sorted(runs))


_PLAIN_RUN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -'.,")
# The characters a case-blind pattern matches for an ASCII letter besides its two cases, as that letter.
_CASE_BLIND = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def _holds_any(text: str, runs: tuple[str, ...]) -> bool:
    """Whether the text holds one of ``runs`` (lower-case ASCII) where a case-blind pattern could match it."""
    low = (text if text.isascii() else text.translate(_CASE_BLIND)).lower()
    return any(run in low for run in runs)


def _any_of(aliases: list[str]) -> re.Pattern | None:
    """One pattern that matches where some of ``aliases`` matches as a group's pattern does (between word
    boundaries, case-blind); where every alias begins with a letter or digit, tried only at a word start with one
    of their first letters (the look-behind then holds too). None: no aliases."""
    from warwire.knowledge.patterns import first_chars

    if not aliases:
        return None
    firsts = [first_chars(x) for x in aliases]
    ahead = ""
    if all(f is not None and all(ch.isalnum() for ch in f) for f in firsts):
        ahead = r"\b(?=[" + "".join(sorted(re.escape(ch) for f in firsts for ch in f)) + "])"
    return re.compile(ahead + r"(?<![\w-])(?:" + "|".join(aliases) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _not_world(pool: tuple[str, ...], folder: Path = PACKS_DIR) -> frozenset[str]:
    """Countries the world pack never reads: the packs' own, and those their reports name as foreign actors or
    places abroad (their ``country_words``: Syria's reports name Turkey and Russia in most notes)."""
    words = _world_words(folder)
    out = set()
    for name in pool:
        pack = load(name)
        out.add(pack.country)
        for word in pack.country_words:
            out.update(words.countries(word, frozenset()))
    return frozenset(out)


@lru_cache(maxsize=None)
def _world_shipped() -> bool:
    """Whether the world pack is installed (asked of every text the chooser reads: the file system once)."""
    return (PACKS_DIR / WORLD / "world.yaml").exists()


def world_country(text: str, pool: tuple[str, ...] | None = None) -> tuple[str, int] | None:
    """The country a text names most that is no pack's and none of its foreign words, with its mentions; None."""
    if not _world_shipped():
        return None
    pool = tuple(pool or names())
    found = _world_words().mentions(text, _not_world(pool))
    if not found:
        return None
    # The country named most by name, capital or unit, where the events are ("Kenyan troops ... in Somalia"),
    # then by any word, then the first named.
    best = max(found, key=lambda c: (found[c][1], found[c][0]))
    return best, found[best][0]


@lru_cache(maxsize=32)
def _home_names(country: str, folder: Path = PACKS_DIR):
    """The names of a country's first-level units and towns (the world gazetteer's) as spelled, in one automaton:
    not the words that name the country itself (its name, capital, adjectives), nor names that are everyday words."""
    import ahocorasick

    from warwire.knowledge.gazetteer import PLACES_DIR
    from warwire.knowledge.words import is_common_word

    words = _world_words(folder)
    own = {w.casefold() for w in (*words.words[country], *words.demonyms[country])} | words.ordinary
    stop = {str(w).casefold() for w in (_yaml(PLACES_DIR / "stoplist.yaml") or {}).get("surfaces") or []}
    automaton = ahocorasick.Automaton()
    for names in _world_names_of(folder / WORLD, country):
        for n in names:
            k = n.casefold()
            if len(n) >= 4 and n[0].isupper() and k not in own and k not in stop \
                    and not (" " not in n and n.isascii() and is_common_word(k)) and not automaton.exists(n):
                automaton.add_word(n, n)
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _home_places(text: str, country: str, spans: list[tuple[int, int]], chooser: "_Chooser") -> list[tuple[int, int]]:
    """Where the text names places of ``country`` besides the words that name the country (``spans``): none that is
    also a place of a pack's war as spelled."""
    automaton = _home_names(country)
    if not len(automaton):
        return []
    found: list[tuple[int, int]] = []
    for end, name in automaton.iter(text):
        start = end - len(name) + 1
        if start and text[start - 1].isalnum() or end + 1 < len(text) and text[end + 1].isalnum():
            continue
        if any(s <= end and start < e for s, e in [*spans, *found]):
            continue
        # As spelled: a name the chooser reads only loosely ("Kismayo", a Yemeni village's folded name) is this one.
        if not chooser._names(chooser.automaton, " " + chooser.fold(name) + " "):
            found.append((start, end + 1))
    return found


# --- the pack in use -----------------------------------------------------------------------------

_CURRENT: contextvars.ContextVar[Pack | None] = contextvars.ContextVar("warwire_pack", default=None)


def current() -> Pack:
    """The pack the extractor is using now (``using``), else the default pack."""
    return _CURRENT.get() or load(DEFAULT)


def chosen() -> Pack | None:
    """The pack a caller set with ``using``, or None (then the extractor chooses per article)."""
    return _CURRENT.get()


@contextmanager
def using(pack: Pack | str) -> Iterator[Pack]:
    """Within the block, ``current()`` is ``pack``."""
    pack = load(pack) if isinstance(pack, str) else pack
    token = _CURRENT.set(pack)
    try:
        yield pack
    finally:
        _CURRENT.reset(token)


# --- choosing a pack per article -----------------------------------------------------------------

# A possessive after a word ("Hadramout's"), and a word of two to four capitals ("SANA", "FSAs"). Each pattern
# begins with a character, not a look-behind, so that the search skips the characters that cannot begin a match
# without trying the pattern there (the look-behind after it checks the character before): whole texts pass
# through both, at an eighth and a half of the cost of ``(?<=\w)['’]s\b`` and ``\b[A-Z]{2,4}s?\b``.
_POSSESSIVE = re.compile(r"['’](?<=\w['’])s\b")
_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,3}s?\b")


#: Texts whose cue words are kept (``_Chooser.cue_votes``): a batch's, which ``majority`` reads before ``choose``.
_CUES_KEPT = 4096
_second = itemgetter(1)


class _CueWords:
    """Every pack's cue words, compiled for ``_Chooser.cue_votes``; kept in the knowledge cache (``_chooser``):
    reading what each word can start with from its source, to compile the lists, was most of the chooser's making
    at each start."""

    def __init__(self, words: list, runs, any_runs: dict, gates: dict) -> None:
        self.words, self.runs, self.any_runs, self.gates = words, runs, any_runs, gates

    @classmethod
    def of(cls, packs: list[Pack]) -> "_CueWords":
        from warwire.knowledge.patterns import compile_alternation

        # Cue words as the actor aliases are matched: all-capital ones ("SANA") only in capitals. A pack's words
        # are looked for only in a text holding, in any case, a letter run each of them must contain.
        words = [(p.name, _scan(compile_alternation([(c, p.name) for c in p.cues], str(p.file("pack.yaml"))),
                                p.cues), _needed_letters(p.cues))
                 for p in packs if p.cues]
        runs = _automaton_of({run for _, _, needed in words for runs in needed or () for run in runs})
        any_runs = {name: frozenset(run for runs in needed for run in runs) for name, _, needed in words
                    if needed is not None}
        # A pack's words by how many runs each needs: the runs of the words that need one (a text holding any of
        # them may hold the word), and the sets of runs of the others (a text must hold all of one set).
        gates = {name: (frozenset(runs[0] for runs in needed if len(runs) == 1),
                        tuple(frozenset(runs) for runs in needed if len(runs) > 1))
                 for name, _, needed in words if needed is not None}
        return cls(words, runs, any_runs, gates)


class _Chooser:
    """Every pack's cue names (the names of its country's places, and its cue words) in one automaton.

    A name several packs' places share belongs to the pack where it names the most notable place (a
    governorate before a city, a city before a district, a district before a village), and says nothing
    when they tie; a name that is a common English word says nothing either.
    """

    def __init__(self, packs: list[Pack], automaton=None, gated=None, cue_words: _CueWords | None = None) -> None:
        # Names as spelled (vowels kept), and the folded names of districts, cities and governorates, which
        # vote only when no name as spelled does ("Munabeh district": Monabbih).
        self.automaton, self.loose = automaton if automaton is not None else \
            self.names([p for p in packs if not p.names_need_cues])
        # The names of the packs whose names need their cue words, read when a text first uses one.
        self.gated = [p.name for p in packs if p.names_need_cues]
        self._gated = gated if gated is not None else (lambda: self.names([p for p in packs if p.names_need_cues])[0])
        found = cue_words if cue_words is not None else _CueWords.of(packs)
        self.words, self.runs, self.any_runs, self.gates = found.words, found.runs, found.any_runs, found.gates
        self._cues: dict[str, Counter] = {}

    @staticmethod
    def fold(text: str) -> str:
        """``gazetteer.light`` of a whole text (not cached: whole texts pass through here), its words found by one
        ``str.translate`` that makes every character ``light`` does not keep a space, in place of the substitution
        of each run of them (half the time of the fold on news texts)."""
        import unicodedata
        from itertools import filterfalse

        from warwire.knowledge.gazetteer import _NO_COMBINING, _folding, _light_word

        f = _folding()
        s = unicodedata.normalize("NFKD", text.translate(f.drop))
        if not s.isascii():  # ASCII has no combining marks
            s = s.translate(_NO_COMBINING)
        words = s.casefold().translate(f.drop).translate(_KEPT).split()
        return " ".join(map(_light_word, filterfalse(f.articles.__contains__, words)))

    @classmethod
    def names(cls, packs: list[Pack]):
        """The automaton of every pack's place names, each owned by the pack where it is most notable."""
        import ahocorasick

        # Names meet as spelled, vowels kept (``light``): folded keys are too loose a cue ("Sunnah", "Sanaa").
        from warwire.knowledge.gazetteer import fold_spaced

        plain = cls.fold
        ranks: dict[str, dict[str, int]] = {}
        loose: dict[str, dict[str, int]] = {}
        for pack in packs:
            for p in pack.gazetteer.places:
                if p.country != pack.country:
                    continue
                rank = _notability(p)
                # A village counts by its own name; the variants sources list for it are too loose a cue.
                for k in {plain(n) for n in (p.names if rank > 1 else [p.name])}:
                    if len(k.replace(" ", "")) >= 4 and k.isascii():
                        mine = ranks.setdefault(k, {})
                        mine[pack.name] = max(mine.get(pack.name, 0), rank)
                for k in {fold_spaced(n) for n in (p.names if rank > 1 else [p.name])}:
                    if len(k.replace(" ", "")) >= 5 and k.isascii():
                        mine = loose.setdefault(k, {})
                        mine[pack.name] = max(mine.get(pack.name, 0), rank)
        # A folded name votes only for one pack's district, city or governorate that no other pack's place shares.
        loose = {k: by_pack for k, by_pack in loose.items() if len(by_pack) == 1 and max(by_pack.values()) > 1}
        # Words no pack reads as a place ("SANA" the agency, "Yemen" the country) say nothing either.
        # Nor do the generic words place names begin with ("Kafr", "Tell", "Wadi").
        # A word a pack allows back ("Dali", "Sanaa" in Yemen's) still names that pack's place.
        words = [str(s) for p in packs for key in ("surfaces", "generic_words") for s in p.stoplist.get(key, [])]
        allowed = {p.name: [str(s) for s in p.allowed] for p in packs}
        automata = []
        for table, key_of in ((ranks, plain), (loose, fold_spaced)):
            stop = {key_of(w) for w in words}
            allow = {name: {key_of(w) for w in ws} for name, ws in allowed.items()}
            automaton = ahocorasick.Automaton()
            for k, by_pack in table.items():
                top = sorted(by_pack.items(), key=lambda kv: -kv[1])
                # A city or governorate is a place unless a very common word ("Damascus", "Aleppo" are places).
                if " " not in k and _common_english(k, notable=top[0][1] >= 3):
                    continue
                if (len(top) == 1 or top[0][1] > top[1][1]) and (k not in stop or k in allow[top[0][0]]):
                    automaton.add_word(f" {k} ", (f" {k} ", *top[0]))
            automaton.make_automaton()
            automata.append(automaton)
        return tuple(automata)

    def votes(self, text: str) -> Counter:
        text = _POSSESSIVE.sub("", text)  # "Hadramout's" names Hadramout
        # An acronym is not a place ("SANA" the agency is not Sanaa), as in the place finder; cues see it.
        names = _ACRONYM.sub(" ", text)
        folded = " " + self.fold(names) + " "  # (read by both automata: folded once)
        votes = self._names(self.automaton, folded)
        cues = self.cue_votes(text)
        if any(cues.get(n) for n in self.gated):
            if callable(self._gated):
                self._gated = self._gated()
            for name, n in self._names(self._gated, folded).items():
                if cues.get(name):
                    votes[name] += n
        for name, n in cues.items():
            votes[name] += 2 * n
        if not votes:
            from warwire.knowledge.gazetteer import fold_spaced

            votes = self._names(self.loose, " " + fold_spaced(names) + " ")
        return votes

    def forget_cues(self) -> None:
        """Keep no text's cue words (a new batch is read: ``majority``)."""
        self._cues.clear()

    def cue_votes(self, text: str) -> Counter:
        """How often the text uses each pack's cue words (kept for the texts of the batch ``majority`` reads: choosing
        the batch's pack, then each article's and its paragraphs', asks it of the same text up to five times, each a
        scan of the whole text)."""
        found = self._cues.get(text)
        if found is None:
            if len(self._cues) >= _CUES_KEPT:
                self._cues.clear()
            found = self._cues[text] = self._cue_votes(text)
        return Counter(found)

    def _cue_votes(self, text: str) -> Counter:
        votes: Counter = Counter()
        present = set(map(_second, self.runs.iter(text.casefold()))) if len(self.runs) else set()
        for name, finditer, needed in self.words:
            if needed is not None:
                ones, sets = self.gates[name]
                if present.isdisjoint(self.any_runs[name]) or present.isdisjoint(ones) \
                        and not any(runs <= present for runs in sets):
                    continue  # none of its words can be in the text
            n = sum(1 for _ in finditer(text))
            if n:
                votes[name] += n
        return votes

    @staticmethod
    def _names(automaton, folded: str) -> Counter:
        votes: Counter = Counter()
        if not len(automaton):  # no pack of the kind: an empty automaton cannot be searched
            return votes
        hits = [(end - len(key) + 1, end, owner, rank) for end, (key, owner, rank) in automaton.iter(folded)]
        # A name inside a longer name the text gives ("Kafr" in "Kafr Sajna") is not named.
        inside = _inside([h[:2] for h in hits]) if len(hits) > 1 else ()
        for start, end, owner, rank in hits:
            if (start, end) not in inside:
                votes[owner] += rank
        return votes


class _Kept(dict):
    """A ``str.translate`` table that keeps the characters of the gazetteer's plain words (ASCII digits and lower-case
    letters, Arabic letters) and makes every other a space, filled in as characters are met."""

    def __missing__(self, code: int) -> int:
        kept = code if 48 <= code <= 57 or 97 <= code <= 122 or 0x600 <= code <= 0x6FF else 32
        self[code] = kept
        return kept


_KEPT = _Kept()


def _inside(spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans (start, end: both inclusive or both exclusive) that lie inside another, different span of
    ``spans``. One pass over them by start, longest first: a span lies inside another when one before it in
    that order reaches as far (whether that one starts before it, or at its start and ends after it).
    (n log n: the test of every span against every other was a tenth of the chooser's time on long texts.)"""
    out = set()
    reach = -1
    for span in sorted(set(spans), key=_by_start_longest):
        if span[1] <= reach:
            out.add(span)
        else:
            reach = span[1]
    return out


def _by_start_longest(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], -span[1]


def _scan(alternation, cues: list[str]):
    """How to scan a text for a pack's cue words: a short list whose words all begin with a letter is
    tried by its single pattern, which finds the same matches (its look-behind admits exactly the word
    starts such words can begin at) without indexing the text's word starts, an index that the text
    the chooser reads (title and body joined) would need for this list alone."""
    from warwire.knowledge.patterns import by_first_letter, first_chars

    grouped = by_first_letter(cues)
    if grouped is not None:
        # The same pattern, its words grouped by the letter they begin with: a third less time on news texts.
        return re.compile(grouped).finditer
    firsts = [first_chars(c) for c in cues]
    if all(f is not None and all(ch.isalpha() for ch in f) for f in firsts):
        # A word boundary (a word start, which the look-behind implies for words beginning with a letter), then
        # a look-ahead for the letters the words begin with, tried before the costlier look-behind at every
        # position; case-blind, so it admits every letter a case-blind cue can begin with.
        ahead = "".join(sorted(re.escape(ch) for f in firsts for ch in f))
        return re.compile(rf"\b(?i:(?=[{ahead}]))" + alternation.source).finditer
    return alternation.finditer


def _automaton_of(words: set[str]):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    if words:
        automaton.make_automaton()
    return automaton


def _needed_letters(cues: list[str]) -> tuple[tuple[str, ...], ...] | None:
    """For each cue, the runs of three letters or more that every match of it holds, case-folded
    ("Russian[- ]occupied": "russian", "occupied"); None when a cue has none: then a text is always scanned
    for the pack's words."""
    try:
        from re import _parser as parser  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse as parser
    needed = []
    for cue in cues:
        runs, run = [], ""
        for op, value in [*parser.parse(cue), (None, None)]:  # the top-level items: each is in every match
            if op is parser.LITERAL:
                run += chr(value)
                continue
            if len(run) >= 3:
                runs.append(run.casefold())
            run = ""
        if not runs:
            return None
        needed.append(tuple(runs))
    return tuple(needed)


def _notability(place) -> int:
    """How surely a name means this place (the chooser's weight): governorate 4, city or region 3,
    district or a town of 20,000 2, another place 1."""
    if place.kind == "governorate":
        return 4
    if place.kind in ("city", "region"):
        return 3
    if place.kind in ("district", "subdistrict") or (place.population or 0) >= 20_000:
        return 2
    return 1


def _common_english(key: str, notable: bool = False) -> bool:
    from warwire.knowledge.words import is_common_word

    return is_common_word(key, _notable_zipf()) if notable else is_common_word(key)


@lru_cache(maxsize=1)
def _notable_zipf() -> float:
    from warwire.knowledge.gazetteer import PLACES_DIR

    return float(_yaml(PLACES_DIR / "stoplist.yaml")["english_zipf_notable"])


@lru_cache(maxsize=4)
def _chooser(pack_names: tuple[str, ...]) -> _Chooser:
    """The chooser among these packs; its automaton of names is read from the knowledge cache (building it
    needs every pack's gazetteer, which extracting one country's article does not)."""
    from warwire.knowledge import words
    from warwire.knowledge.cache import cached, compiled
    from warwire.knowledge.gazetteer import sources as gazetteer_sources

    pool = [load(n) for n in pack_names]

    def automaton(packs: list[Pack], prefix: str):
        own = sorted(f for p in packs for f in p.folder.rglob("*")
                     if f.is_file() and f.suffix in (".gz", ".yaml", ".tsv"))
        return cached(prefix + "-".join(p.name for p in packs), [*gazetteer_sources(), *own, Path(__file__),
                                                                 Path(words.__file__)], lambda: _Chooser.names(packs))

    # The names of packs whose names need their cue words are read only when a text uses one of those words.
    gated = [p for p in pool if p.names_need_cues]
    own = [f for p in pool if (f := p.file("pack.yaml")).exists()]
    cue_words = compiled("pack-cues-" + "-".join(pack_names), [*own, Path(__file__)], lambda: _CueWords.of(pool))
    return _Chooser(pool, automaton([p for p in pool if not p.names_need_cues], "packs-"),
                    lambda: automaton(gated, "packs-cued-")[0], cue_words)


#: The votes on the texts of the batch ``majority`` last read, which ``choose`` reads again article by article
#: (however many: a batch larger than ``_votes``' cache had every text read twice).
_BATCH: dict[tuple[tuple[str, ...], str], Counter] = {}


def _votes(pool: tuple[str, ...], text: str) -> Counter:
    """The chooser's votes on a text; kept for the batch's texts, which ``majority`` reads before ``choose``."""
    found = _BATCH.get((pool, text))
    return found if found is not None else _recent_votes(pool, text)


@lru_cache(maxsize=256)
def _recent_votes(pool: tuple[str, ...], text: str) -> Counter:
    return _chooser(pool).votes(text)


def choose(text: str, among: list[str] | None = None, default: str | None = None) -> Pack:
    """The pack an article is about: the one whose places and words it names most (ties and none:
    ``default`` if given, else the default pack, or the first of ``among``)."""
    pool = tuple(among or names())
    if len(pool) == 1:
        return load(pool[0])
    fallback = default if default in pool else DEFAULT if DEFAULT in pool else pool[0]
    chooser = _chooser(pool)
    votes = _votes(pool, text)
    # The batch's war may be one no pack knows (``majority``: "world:Somalia").
    batch_world = world(default[len(WORLD) + 1:]) if among is None and default and default.startswith(f"{WORLD}:") \
        else None
    if among is None:
        # A war no pack knows: the text names its country more surely than any pack's places, and no pack's words.
        abroad = _world_of(text, pool, votes, chooser, contested=default in pool)
        if abroad is not None:
            return world(abroad)
    if not votes:
        return batch_world or load(fallback)
    # A tie goes to the pack whose own words the text uses ("Saudi-led", "Houthi"), then to the fallback. (Only a tie
    # for the most votes needs the cue words: a pack with more votes than every other is chosen whatever they say.)
    top = max(votes.get(n, 0) for n in pool)
    cues = chooser.cue_votes(text) if sum(votes.get(n, 0) == top for n in pool) > 1 else Counter()
    best = max(pool, key=lambda n: (votes.get(n, 0), cues.get(n, 0), n == fallback))
    if (default in pool and best != default or batch_world is not None) and votes.get(best, 0) <= WEAK_VOTES \
            and not (cues or chooser.cue_votes(text)):
        # A line that names a village or two and no war's words ("a farm was bombed near Al-Qaherah on Monday")
        # is about the war the texts read with it are about: another war's villages share its names.
        return batch_world or load(default)
    return load(best)


#: The world words' evidence on the texts read since ``majority`` began its batch, which ``choose`` reads again
#: article by article (at most ``_EVIDENCE_KEPT`` texts).
_EVIDENCE: dict[tuple[tuple[str, ...], str], dict] = {}
_EVIDENCE_KEPT = 4096


def _evidence(pool: tuple[str, ...], text: str) -> dict:
    """``_WorldWords.evidence`` of a text against the countries of no pack of ``pool`` (kept: not to be changed)."""
    key = (pool, text)
    found = _EVIDENCE.get(key)
    if found is None:
        if len(_EVIDENCE) >= _EVIDENCE_KEPT:
            _EVIDENCE.clear()
        found = _EVIDENCE[key] = _world_words().evidence(text, _not_world(pool))
    return found


def _world_of(text: str, pool: tuple[str, ...], votes: Counter, chooser: "_Chooser",
              contested: bool = False) -> str | None:
    """The country of a war no pack knows that the text is about, else None: one it names (``world_country``)
    while it uses no pack's cue words. A text that also names a pack's places (besides the country's own words and
    places, which may be villages' names there) or is read in a batch about a pack's war (``contested``) is about
    the country only when it names it by name, capital or unit, and a place of it besides its name and capital (a
    unit, a town), and all these outweigh the pack's places ``WORLD_MARGIN`` times: Syria's reports name "the
    Egyptian foreign ministry in Cairo", "Afghan fighters", "the Astana talks" beside the places of their events."""
    if not _world_shipped():
        return None
    if (pool, text) not in _EVIDENCE and chooser.cue_votes(text):
        return None  # (a pack's cue words: whatever the text names; asked first where they cost less than the names)
    found = _evidence(pool, text)
    if not found:
        return None
    # Named most by name, capital or unit; then by any word; then by its units ("Mocimboa da Praia in Cabo Delgado
    # province": Mozambique, though Praia is Cape Verde's capital).
    best = max(found, key=lambda c: (found[c][1], found[c][0], found[c][3]))
    n, named, spans, units = found[best]
    if chooser.cue_votes(text):
        return None
    # A big city names its country and is a place of it ("Congo's army said ... in Goma"), as a town of it is: not,
    # alone, the name that says the country of a contested text, unless a unit is named after it ("in Kano").
    cities = _world_words().cities.get(best, {})
    found_cities = [cities[text[s:e].casefold()] for s, e in spans if text[s:e].casefold() in cities]
    towns, plain = len(found_cities), found_cities.count(False)
    n, named = n - plain, named - plain
    homes = _home_places(text, best, spans, chooser)
    top = max(votes.values(), default=0)
    if top:
        # The country's own words and places vote for no pack ("Juba", "Kismayo": Yemeni villages' names).
        blanked = list(text)
        for s, e in [*spans, *homes]:
            blanked[s:e] = " " * (e - s)
        top = max(chooser.votes("".join(blanked)).values(), default=0)
    if not (top or contested):
        return best
    places = units + len(homes) + towns
    return best if named and places and (n + places) * WORLD_VOTES > WORLD_MARGIN * top else None


#: How many times a pack's place votes a country a text also names must outweigh for the text to be about it.
WORLD_MARGIN = 2


#: The most votes a text naming no war's words may give another war's pack and still be read with its batch's
#: (two villages, or a district).
WEAK_VOTES = 2


#: The least a sentence must name of another war (a governorate or city, two districts, a cue word and a village)
#: to be read with that war's pack inside an article about another.
PART_VOTES = 3


def parts(text: str, sentences: list[tuple[int, int]], main: Pack, among: list[str] | None = None,
          about: str | None = None) -> list[tuple[Pack, list[tuple[int, int]]]]:
    """The article's sentences by the war they tell of: ``[(main, sentences)]``, unless some sentence names another
    war's places and words (at least ``PART_VOTES``, and one of its cue words) and none of ``main``'s, as an article
    on one war that reports
    the other in a paragraph of its own does ("In Yemen, coalition jets struck Saada ..."). The sentences after such
    a sentence that name no war go with it ("The strike killed five."); the parts keep the text's order.
    ``about``: the text the article's pack was chosen from (title and body), whose votes are kept: where they name
    no other war at least ``PART_VOTES`` times, no sentence can."""
    pool = tuple(among or names())
    if len(pool) == 1 or len(sentences) < 2 or main.name not in pool:
        return [(main, list(sentences))]
    about = about if about is not None else text
    whole = _votes(pool, about)
    if not any(n != main.name and v >= PART_VOTES for n, v in whole.items()):
        return [(main, list(sentences))]
    chooser = _chooser(pool)
    # Place names alone are too loose a cue inside an article ("Dali added", "the Hajjah Hospital in Ain Tarma"):
    # the sentence must use the other war's own words ("Yemen", "Houthi", "Saudi-led").
    if not any(n != main.name for n in chooser.cue_votes(about)):
        return [(main, list(sentences))]
    owners: list[str] = []
    for s, e in sentences:
        votes = chooser.votes(text[s:e])
        top = max(pool, key=lambda n: (votes.get(n, 0), n == main.name))
        if top != main.name and votes.get(top, 0) >= PART_VOTES and not votes.get(main.name) \
                and chooser.cue_votes(text[s:e]).get(top):
            owners.append(top)
        elif votes.get(main.name):
            owners.append(main.name)
        else:
            owners.append(owners[-1] if owners else main.name)  # names no war: goes with the sentence before
    if all(o == main.name for o in owners):
        return [(main, list(sentences))]
    by_pack: dict[str, list[tuple[int, int]]] = {}
    for owner, span in zip(owners, sentences):
        by_pack.setdefault(owner, []).append(span)
    return [(load(name), spans) for name, spans in by_pack.items()]


def majority(texts: list[str], among: list[str] | None = None) -> str | None:
    """The pack most of these texts are about, counting only texts that name some pack's places or words, or
    a country of a war no pack knows ("world:Somalia", which ``choose`` takes as its ``default`` too);
    None when none do. A text that names none ("Jets struck a depot outside Anss", its place
    spelled as no source spells it) is likeliest about the war the texts read with it are about."""
    pool = tuple(among or names())
    _BATCH.clear()
    _EVIDENCE.clear()
    if len(pool) == 1 or len(texts) < 2:
        return None
    counts: Counter = Counter()
    chooser = _chooser(pool)
    chooser.forget_cues()
    for text in texts:
        votes = _BATCH[(pool, text)] = _votes(pool, text)
        abroad = _world_of(text, pool, votes, chooser) if among is None else None
        if abroad is not None:
            counts[f"{WORLD}:{abroad}"] += 1  # a war no pack knows, which ``choose`` reads as its default too
        elif votes:
            counts[max(pool, key=lambda n: (votes.get(n, 0), n == DEFAULT))] += 1
    return counts.most_common(1)[0][0] if counts else None


#: The environment variable that carries ``--pack`` to the extractor (and to worker processes).
ENV = "WARWIRE_PACK"


def choice() -> str:
    """The pack the user chose (``--pack``): a pack's name or ``auto`` (the default)."""
    return os.environ.get(ENV) or AUTO


@contextmanager
def chosen_for_run(option: str | None) -> Iterator[str]:
    """Within the block, ``option`` (a pack's name or ``auto``) is the choice of this process and of the workers it
    starts; after it, the choice before is back, so a command run inside another program leaves none behind."""
    option = option or AUTO
    if option != AUTO:
        load(option)  # an unknown pack fails here, with the packs there are
    before = os.environ.get(ENV)
    os.environ[ENV] = option
    try:
        yield option
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before


def resolve(option: str | None, text: str, default: str | None = None) -> Pack:
    """The pack for ``--pack`` (a name, or ``auto``/None: chosen from the text, else ``default``)."""
    if not option or option == AUTO:
        return choose(text, default=default)
    return load(option)
