"""The actor dictionary and the claimant dictionary of a knowledge pack, loaded once per pack.

Each pack has its own ``actors.yaml``; claimants are the sources every war shares
(``claimants.yaml`` here) plus the pack's own. ``load()`` gives the dictionaries of
the pack in use (``warwire.knowledge.packs.current()``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


from warwire.knowledge.patterns import Alternation, compile_alternation
from warwire.model import ACTOR_KINDS, Actor, Claim
from warwire.resources import read_yaml

HERE = Path(__file__).resolve().parent
CLAIMANTS = HERE / "claimants.yaml"


@dataclass(frozen=True)
class ActorEntry:
    """A canonical actor: ACLED name, kind, country and the actor it belongs to."""

    name: str
    kind: str
    country: str | None = None
    parent: str | None = None

    def actor(self) -> Actor:
        return Actor(name=self.name, kind=self.kind, country=self.country)


@dataclass
class ActorDictionary:
    entries: dict[str, ActorEntry]
    aliases: Alternation

    @classmethod
    def load(cls) -> "ActorDictionary":
        """The dictionary of the pack in use."""
        from warwire.knowledge import packs

        return packs.current().actor_dictionary

    @classmethod
    def from_files(cls, files: list[Path]) -> "ActorDictionary":
        from warwire.knowledge.cache import compiled

        return compiled(f"actors-{files[0].parent.name}", files, lambda: cls._compile(files))

    @classmethod
    def _compile(cls, files: list[Path]) -> "ActorDictionary":
        entries: dict[str, ActorEntry] = {}
        pairs: list[tuple[str, str]] = []
        for path in files:
            for i, a in enumerate(read_yaml(path)["actors"]):
                if a.get("kind") not in ACTOR_KINDS:
                    raise ValueError(f"{path}: actor {i} ({a.get('name')!r}) has kind {a.get('kind')!r}; "
                                     f"use one of {', '.join(ACTOR_KINDS)}")
                # ``key`` tells apart two entries of one ACLED name coded as different kinds.
                key = a.get("key", a["name"])
                entries[key] = ActorEntry(a["name"], a["kind"], a.get("country"), a.get("parent"))
                pairs += [(alias, key) for alias in a["aliases"]]
        return cls(entries, compile_alternation(pairs, str(files[0])))

    def get(self, key: str) -> ActorEntry:
        """The entry of a key (the ACLED name, or the entry's ``key`` when it has one)."""
        return self.entries[key]

    def root(self, name: str) -> ActorEntry:
        """The top of an actor's parent chain (NDF -> Military Forces of Syria)."""
        entry = self.entries[name]
        seen = {name}
        while entry.parent and entry.parent in self.entries and entry.parent not in seen:
            seen.add(entry.parent)
            entry = self.entries[entry.parent]
        return entry


@dataclass
class Claimants:
    entries: dict[str, Claim]
    aliases: Alternation

    @classmethod
    def load(cls) -> "Claimants":
        """The claimants of the pack in use."""
        from warwire.knowledge import packs

        return packs.current().claimants

    @classmethod
    def from_files(cls, files: list[Path]) -> "Claimants":
        from warwire.knowledge.cache import compiled

        return compiled(f"claimants-{files[-1].parent.name}", files, lambda: cls._compile(files))

    @classmethod
    def _compile(cls, files: list[Path]) -> "Claimants":
        entries: dict[str, Claim] = {}
        pairs: list[tuple[str, str]] = []
        for path in files:
            data = read_yaml(path)["claimants"]
            entries.update({c["name"]: Claim(name=c["name"], kind=c.get("kind")) for c in data})
            pairs += [(alias, c["name"]) for c in data for alias in c["aliases"]]
        return cls(entries, compile_alternation(pairs, str(files[-1])))
