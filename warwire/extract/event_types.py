"""Event types: trigger words found in a text and the sub-event type a clause reports (triggers.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from warwire.knowledge.taxonomy import TriggerRule, Triggers
from warwire.model import SUB_EVENT_TYPES


@dataclass
class Trigger:
    start: int
    end: int
    rule: TriggerRule


#: How far before a trigger (characters) a context its entry names in ``not_after`` may begin.
CONTEXT_REACH = 160


def find_triggers(text: str) -> list[Trigger]:
    """Every trigger word of ``text``, in order."""
    t = Triggers.load().events
    return _not_after_context(text, [Trigger(m.start(), m.end(), t.key(m)) for m in t.finditer(text)])


def _not_after_context(text: str, found: list[Trigger]) -> list[Trigger]:
    """``found`` without the triggers told right after a context their entry names (``not_after`` in triggers.yaml):
    "The ceasefire talks in Geneva blew up", "the row over the budget exploded" tell no explosion."""
    if not any(x.rule.not_after for x in found):
        return found
    before = Triggers.load().before
    return [x for x in found if not any(before[name].search(text, max(0, x.start - CONTEXT_REACH), x.start)
                                        for name in x.rule.not_after)]


def with_pack_triggers(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """``triggers`` with the pack in use's own trigger words (its triggers.yaml) found in ``text``; a pack's
    trigger replaces the shared ones it overlaps."""
    from warwire.knowledge import packs
    from warwire.knowledge.taxonomy import pack_triggers

    own = pack_triggers(packs.current().file("triggers.yaml"))
    if own is None:
        return triggers
    found = _not_after_context(text, [Trigger(m.start(), m.end(), own.key(m)) for m in own.finditer(text)])
    if not found:
        return triggers
    kept = [t for t in triggers if not any(f.start < t.end and t.start < f.end for f in found)]
    return sorted(kept + found, key=lambda t: t.start)


def any_pack_trigger(text: str) -> bool:
    """Whether some pack's own trigger words occur in ``text`` (its pack is chosen later, with its places)."""
    from warwire.knowledge import packs
    from warwire.knowledge.taxonomy import pack_triggers

    for name in packs.names():
        own = pack_triggers(packs.load(name).file("triggers.yaml"))
        if own is not None and next(own.finditer(text), None) is not None:
            return True
    return False


def find_tags(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Tag mentions (aid delivery, siege, ...) between ``start`` and ``end``."""
    t = Triggers.load().tags
    return [(t.key(m), m.start(), m.end()) for m in t.finditer(text, start, end)]


def main_trigger(triggers: list[Trigger]) -> Trigger | None:
    """The trigger that names the clause's event: the highest tier, then the first one."""
    best = None
    for trig in triggers:
        if best is None or trig.rule.tier > best.rule.tier:
            best = trig
    return best


def sub_event_type(rule: TriggerRule, actor1_kind: str | None) -> str:
    """The rule's sub-type, switched to its non-state variant when a non-state actor acts."""
    if rule.non_state and actor1_kind not in (None, "State forces", "External/Other forces"):
        return rule.non_state
    return rule.sub_event_type


def event_type(sub: str) -> str:
    return SUB_EVENT_TYPES[sub]


# A sentence is asked about again by each of its mentions and tolls (about half the questions on news text):
# the answers are kept.
@lru_cache(maxsize=4096)
def is_cumulative(sentence: str) -> bool:
    return bool(Triggers.load().cumulative.search(sentence))


@lru_cache(maxsize=4096)
def is_background(sentence: str) -> bool:
    return bool(Triggers.load().background.search(sentence))
