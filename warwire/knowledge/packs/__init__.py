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
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import yaml

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
# A place whose name says this war: its governorates, districts and cities (kinds in the gazetteer).
_CUE_KINDS = ("governorate", "district", "city")


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
    #: Countries and capitals that are places after "in", "to"... and actors elsewhere ("Turkey launched").
    country_words: frozenset[str] = frozenset()

    def __repr__(self) -> str:
        return f"Pack({self.name!r})"

    def file(self, name: str) -> Path:
        return self.folder / name

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
    def stoplist(self) -> dict:
        """The stoplist every war shares with this pack's entries added (lists joined, values replaced)."""
        from warwire.knowledge.gazetteer import PLACES_DIR

        merged = _yaml(PLACES_DIR / "stoplist.yaml")
        own = self.file("stoplist.yaml")
        for key, value in ((_yaml(own) or {}) if own.exists() else {}).items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + value
            else:
                merged[key] = value
        return merged


def _yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        raise PackError(f"{path}: not valid YAML ({err}); fix the file") from err


def names(folder: Path = PACKS_DIR) -> list[str]:
    """The packs installed (folders with a pack.yaml), the default first."""
    found = sorted(p.parent.name for p in folder.glob("*/pack.yaml"))
    return sorted(found, key=lambda n: n != DEFAULT)


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
    return Pack(name=name, folder=folder / name, country=raw["country"],
                actors=DefaultActors(a["unnamed"], a["state"], a["victims"], a["protesters"], a["rioters"], by_sub),
                monitor=raw.get("monitor"), surrounds=dict(raw.get("surrounds") or {}),
                cues=[str(c) for c in raw.get("cues") or []],
                country_words=frozenset(str(w) for w in raw.get("country_words") or []))


# --- the pack in use -----------------------------------------------------------------------------

_CURRENT: contextvars.ContextVar[Pack | None] = contextvars.ContextVar("warwire_pack", default=None)


def current() -> Pack:
    """The pack the extractor is using now (``using``), else the default pack."""
    return _CURRENT.get() or load(DEFAULT)


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

class _Chooser:
    """Every pack's cue names (its governorates, districts, cities and cue words) in one automaton.

    A name two packs share says nothing and is left out; so is a name that is a common English word.
    """

    def __init__(self, packs: list[Pack]) -> None:
        import ahocorasick

        from warwire.knowledge.gazetteer import fold_spaced

        owners: dict[str, set[str]] = {}
        for pack in packs:
            g = pack.gazetteer
            for p in g.places:
                if p.kind in _CUE_KINDS and p.country == pack.country:
                    for k in p.keys:
                        if len(k.replace(" ", "")) >= 4 and k.isascii():
                            owners.setdefault(k, set()).add(pack.name)
        for k in [k for k in owners if " " not in k and _common_english(k)]:
            del owners[k]
        self.automaton = ahocorasick.Automaton()
        for k, who in owners.items():
            if len(who) == 1:
                self.automaton.add_word(f" {k} ", next(iter(who)))
        self.automaton.make_automaton()
        self.words = [(p.name, re.compile(r"(?<![\w-])(?:" + "|".join(p.cues) + r")(?![\w-])", re.IGNORECASE))
                      for p in packs if p.cues]
        self.fold = fold_spaced
        self.order = [p.name for p in packs]

    def votes(self, text: str) -> Counter:
        votes: Counter = Counter()
        folded = " " + self.fold(text) + " "
        for _, owner in self.automaton.iter(folded):
            votes[owner] += 1
        for name, pattern in self.words:
            n = sum(1 for _ in pattern.finditer(text))
            if n:
                votes[name] += 2 * n
        return votes


def _common_english(key: str) -> bool:
    from warwire.knowledge.words import is_common_word

    return is_common_word(key)


@lru_cache(maxsize=4)
def _chooser(pack_names: tuple[str, ...]) -> _Chooser:
    return _Chooser([load(n) for n in pack_names])


def choose(text: str, among: list[str] | None = None) -> Pack:
    """The pack an article is about: the one whose places and words it names most (ties and none: the
    default pack, or the first of ``among``)."""
    pool = tuple(among or names())
    if len(pool) == 1:
        return load(pool[0])
    votes = _chooser(pool).votes(text)
    if not votes:
        return load(DEFAULT if DEFAULT in pool else pool[0])
    best = max(pool, key=lambda n: (votes.get(n, 0), n == DEFAULT))
    return load(best)


#: The environment variable that carries ``--pack`` to the extractor (and to worker processes).
ENV = "WARWIRE_PACK"


def choice() -> str:
    """The pack the user chose (``--pack``): a pack's name or ``auto`` (the default)."""
    return os.environ.get(ENV) or AUTO


def choose_for_run(option: str | None) -> None:
    """Make ``option`` (a pack's name or ``auto``) the choice of this process and the workers it starts."""
    option = option or AUTO
    if option != AUTO:
        load(option)  # an unknown pack fails here, with the packs there are
    os.environ[ENV] = option


def resolve(option: str | None, text: str) -> Pack:
    """The pack for ``--pack`` (a name, or ``auto``/None: chosen from the text)."""
    if not option or option == AUTO:
        return choose(text)
    return load(option)
