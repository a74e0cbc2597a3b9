"""ACLED's event types and warwire's tags (taxonomy.yaml) and the trigger words that report them (triggers.yaml)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warwire.knowledge.patterns import DIGIT, Alternation, compile_alternation, first_chars
from warwire.model import SUB_EVENT_TYPES
from warwire.resources import load_yaml, read_yaml

HERE = Path(__file__).resolve().parent
TAXONOMY = HERE / "taxonomy.yaml"
TRIGGERS = HERE / "triggers.yaml"


@dataclass(frozen=True)
class TriggerRule:
    """What a trigger word says: the sub-event type, how much it weighs, what it adds."""

    sub_event_type: str
    tier: int
    non_state: str | None = None  # sub-type when actor1 is not a state force
    inherit: bool = False  # take the sub-type of the event before it
    tags: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()  # contexts (triggers.yaml) that, told right before the word, make it no event


@dataclass
class Triggers:
    """The compiled trigger lexicon, tag patterns and context markers."""

    events: Alternation
    tags: Alternation
    cumulative: re.Pattern
    background: re.Pattern
    #: Per context, its words matched so that they end where the search ends: a trigger entry's ``not_after``
    #: names the contexts that, told right before one of its words, make the word no event.
    before: dict[str, re.Pattern]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls, path: Path = TRIGGERS) -> "Triggers":
        from warwire.knowledge.cache import compiled

        return compiled("triggers", [path], lambda: cls._compile(path))

    @classmethod
    def _compile(cls, path: Path) -> "Triggers":
        data = read_yaml(path)
        ctx = data["context"]
        pairs = _rules(data["triggers"], path, set(ctx))
        tag_pairs = [(p, tag) for tag, pats in data["tags"].items() for p in pats]
        return cls(
            events=compile_alternation(pairs, str(path)),
            tags=compile_alternation(tag_pairs, str(path)),
            cumulative=_any_word(ctx["cumulative"]),
            background=_any_word(ctx["background"]),
            before={name: _ending(patterns) for name, patterns in ctx.items()},
        )


def _ending(patterns: list[str]) -> re.Pattern:
    """One case-blind pattern that finds any of ``patterns`` from a word's start, then only spaces to where the search
    ends (the word a context is told right before)."""
    return re.compile("(?:" + "|".join(rf"\b(?:{p})" for p in patterns) + r")\s+\Z", re.IGNORECASE)


def _any_word(patterns: list[str]) -> re.Pattern:
    """One case-blind pattern that finds any of ``patterns`` as whole words.

    When every pattern begins with a word character whose letters are known, a look-ahead for those letters
    at a word's start comes first: a sentence is searched at every position, and most positions are then
    left after one test instead of one per pattern (about twice as fast, the same matches).
    """
    either = "|".join(rf"\b(?:{p})\b" for p in patterns)
    firsts: set[str] = set()
    for p in patterns:
        chars = first_chars(p, digits=True)  # "\d+ days of shelling" begins with a digit
        if not chars or not all(c == DIGIT or c.isalnum() or c == "_" for c in chars):
            return re.compile(either, re.IGNORECASE)
        firsts |= chars
    ahead = "".join(c if c == DIGIT else re.escape(c) for c in sorted(firsts))
    return re.compile(rf"(?<!\w)(?=[{ahead}])(?:{either})", re.IGNORECASE)


def _rules(entries: list[dict], path: Path, contexts: set[str]) -> list[tuple[str, TriggerRule]]:
    pairs = []
    for i, entry in enumerate(entries):
        not_after = entry.get("not_after") or ()
        rule = TriggerRule(entry["sub"], int(entry.get("tier", 2)), entry.get("non_state"),
                           bool(entry.get("inherit", False)), tuple(entry.get("tags") or ()),
                           (not_after,) if isinstance(not_after, str) else tuple(not_after))
        for sub in (rule.sub_event_type, rule.non_state):
            if sub and sub not in SUB_EVENT_TYPES:
                raise ValueError(f"{path}: trigger entry {i + 1} names {sub!r}, not an ACLED sub-event type")
        for name in rule.not_after:
            if name not in contexts:
                raise ValueError(f"{path}: trigger entry {i + 1} has not_after {name!r}, not a context of "
                                 f"{TRIGGERS.name}: name one of {', '.join(sorted(contexts))}")
        pairs += [(p, rule) for p in entry["patterns"]]
    return pairs


@lru_cache(maxsize=8)
def pack_triggers(path: Path) -> Alternation | None:
    """A knowledge pack's own trigger words (its triggers.yaml, same shape as the shared file's ``triggers``):
    how that war's reporting words an event its coders type otherwise; None when the pack has none."""
    from warwire.knowledge.cache import compiled

    if not path.exists():
        return None
    return compiled(f"triggers-{path.parent.name}", [path], lambda: _pack_triggers(path))


def _pack_triggers(path: Path) -> Alternation | None:
    data = read_yaml(path) or {}
    pairs = _rules(data.get("triggers") or [], path, set(Triggers.load().before))
    return compile_alternation(pairs, str(path)) if pairs else None


def taxonomy() -> dict:
    """taxonomy.yaml: ``{"event_types": {type: {sub: definition}}, "tags": {tag: definition}}``."""
    return load_yaml(TAXONOMY)
