"""Actors of an event: dictionary mentions (actors.yaml) and who did what to whom.

Roles come from word order and a few function words, which covers news
style: the acting side comes before the trigger ("regime forces shelled X",
"Russian air strikes on X") or after "by" ("X was hit by Russian jets",
"air strikes by the coalition"); the side acted on follows the trigger
("... on rebel positions", "clashed with IS"). Civilians are never actor1;
when civilians are among the victims they are actor2.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warwire.knowledge import packs
from warwire.knowledge.actors import ActorDictionary
from warwire.model import Actor

# A country or capital after these words is a place, not an actor.
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|from|to|into|inside|across|outside|towards?|of|with|at)\s+)$",
                           re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
# "a town held by IS": who holds the place, not who acted.
_HELD_BY = re.compile(r"\b(?:held|controlled|run|besieged|surrounded|dominated|occupied|ruled|encircled)\s+by\s+"
                      r"(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_BACKING = re.compile(r"(?:\b(?:backed|supported|assisted|aided|covered|accompanied|joined|helped)\s+by"
                      r"(?:\s+its|\s+their)?"
                      r"(?:\s+(?:loyal|allied|affiliated|local))?|"
                      r"\bwith\s+(?:the\s+)?(?:support|help|backing|cover)\s+of|\balong\s*side|\band\s+allied)"
                      r"\s+(?:the\s+|an?\s+)?(?:(?:volunteer|allied|loyal|loyalist|local|affiliated|friendly|"
                      r"pro-\w+|Iranian|Russian|Shiite|Shia)\s+)?$", re.IGNORECASE)
# The event word inside a phrase after the verb ("... killed 100 militants in a series of air strikes"):
# the sentence's subject acted.
_IN_PHRASE = re.compile(r"\b(?:in|during|through|amid)\s+(?:a|an|the)?\s*(?:(?:series|wave|number|spate|string)\s+of\s+)?"
                        r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn|ck|t)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*(?:,|and|or|and/or|as well as|,\s*and|and allied|and its allies,?)?\s*(?:the\s+)?",
                          re.IGNORECASE)
# "X fighters", "X militants": the group's members are the group.
_MEMBERS = re.compile(r"(?:\s+(?:militants|fighters|forces|troops|members|jihadists|gunmen|elements|units|terrorists|"
                      r"soldiers|militiamen|militias?|rebels|factions?|brigades?|group|personnel|cells?|"
                      r"extremists|positions))+\b", re.IGNORECASE)
# Between a generic word and the group it belongs to ("militants of the so-called"), and between a group
# and a generic word for it ("ISIL) terrorist organization", "Nusra Front's terrorists").
_UNNAMED = "Unidentified Armed Group"
_OF_NAMED = re.compile(r"\s+(?:of|belonging to|affiliated (?:with|to))\s+(?:the\s+)?(?:so-called\s+)?",
                       re.IGNORECASE)
_NAMED_THEN = re.compile(r"(?:\s*\([^()]{0,40}\))?\)?(?:'s)?\s*", re.IGNORECASE)
_AS_SUBJECT = re.compile(r"\b(?:as|when|after)\s+(?:the\s+)?$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:attacked|stormed|shelled|bombed|raided|struck|hit|opened fire|fired|"
                         r"targeted|pounded|launched|shot|ambushed|advanced|assaulted)\b", re.IGNORECASE)
# "in the IS town of X", "rebel-held areas", "ISIS positions": a side naming a place or target it holds, never the
# side that acted on it.
_HOLDS_PLACE = re.compile(r"-(?:held|controlled|besieged)\b|\s+(?:towns?|city|cities|villages?|strongholds?|"
                          r"bastions?|areas?|districts?|neighbou?rhoods?|territory|territories|capital|enclaves?|"
                          r"pockets?)\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
# Words a target follows ("on", "against", "targeting"): an actor after them is acted on.
_TARGET_BEFORE = re.compile(r"(?:\b(?:on|against|at|targeting|targeted|hitting|hit|struck|with|positions of|"
                            r"attacked|stormed|raided|ambushed|overran|overrun|assaulted|shelled|bombed|kill(?:ed|ing|s)?|\d[\d,]*|dozens of|scores of|hundreds of|"
                            r"(?:checkpoints?|positions?|bases?|headquarters|posts?|convoys?|gatherings?|vehicles?|"
                            r"cars?|members?) of|"
                            r"tens of)\s+(?:the\s+)?(?:\w+\s+)?)$", re.IGNORECASE)


# "30 terrorists killed", "dozens of IS fighters killed": a side counted among the dead, never the one that acted
# (a date's digits are no count: "18-12-2014 ISIL kills").
_COUNTED = re.compile(r"(?:(?<![\w.,/-])\d{1,3}(?:,\d{3})*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                      r"twelve|twenty|thirty|forty|fifty|dozens|scores|hundreds|tens|thousands)(?:\s+of)?)\s+"
                      r"(?:other\s+|more\s+)?$", re.IGNORECASE)
# "The opposition condemned the strike", "rebels blamed Russian jets for the attack": who speaks of an event did not
# carry it out; who is blamed or accused did.
_SPEAKS_OF = re.compile(r"\s+(?:(?:also|has|have|had|on\s+\w+day)\s+)*(?:condemn(?:s|ed|ing)?|denounc(?:es|ed|ing)|"
                        r"accus(?:es|ed|ing)|blam(?:es|ed|ing))\b", re.IGNORECASE)
_BLAMED = re.compile(r"\b(?:accus(?:es|ed|ing)|blam(?:es|ed|ing))\s+(?:the\s+)?$", re.IGNORECASE)
# "a village in the heartland of the rebels", "the birthplace of the Houthi movement", "the minority to which the
# president belongs": a side named to describe people or a place, no side in the event. Only words that describe:
# "supporters of", "relatives of", "the family of" can name those who act.
_DESCRIBED_BY = re.compile(r"(?:\b(?:sect|community|clan|tribe|hometown|home town|heartland|minority|birthplace)"
                           r"\s+of\s+(?:the\s+)?(?:\w+\s+)?|\bto\s+which\s+)$", re.IGNORECASE)
# Between a side and the event word it names: nothing, or a hyphen ("regime barrel bombs", "IS-claimed").
_MODIFIES = re.compile(r"[\s-]{0,2}")
_CLAUSE_BETWEEN = re.compile(r"\b(?:held|controlled|run|stronghold|bastion|as|while|whereas|which|who|whom|amid)\b|;",
                             re.IGNORECASE)
# "Air strikes killed 85 as fighting raged between X and Y": that "between" belongs to another clause.
_OTHER_CLAUSE = re.compile(r"\b(?:as|while|whereas)\s+(?:\w+\s+){0,3}(?:fighting|clash|clashes|battles?|"
                           r"confrontations?)\b", re.IGNORECASE)


@dataclass
class ActorMention:
    start: int
    end: int
    name: str
    kind: str

    def actor(self) -> Actor:
        return ActorDictionary.load().get(self.name).actor()


def find_actors(text: str) -> list[ActorMention]:
    """Every actor named in ``text``, in order (countries used as places left out)."""
    # An article's text is read for actors by assembly and again for its headline's actor: read it once.
    pack = packs.current()
    return list(_find_actors(text, pack.name, id(pack.actor_dictionary)))


@lru_cache(maxsize=4)
def _find_actors(text: str, pack: str, dictionary: int) -> tuple[ActorMention, ...]:
    d = ActorDictionary.load()
    # Names that are also places: "fled to Turkey" is a place, "Turkey launched" an actor.
    country_words = packs.current().country_words
    out: list[ActorMention] = []
    for m in d.aliases.finditer(text):
        if out and m.start() < out[-1].end:
            continue  # the word was absorbed by the mention before ("Islamic State militants")
        surface = m.group()
        if surface.strip() in country_words and _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        name = d.aliases.key(m)
        end = m.end()
        if d.get(name).kind != "Civilians":
            tail = _MEMBERS.match(text, end)
            end = tail.end() if tail else end
        out.append(ActorMention(m.start(), end, name, d.get(name).kind))
    return tuple(_named_over_generic(text, out))


def _named_over_generic(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Militants of the so-called Islamic State", "Al-Nusra Front (...) terrorists": the generic word is the
    named group, not an unnamed one."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.name.startswith(_UNNAMED) and not m.name.startswith(_UNNAMED) \
                and m.kind != "Civilians" and _OF_NAMED.fullmatch(text, prev.end, m.start):
            out[-1] = ActorMention(prev.start, m.end, m.name, m.kind)
            continue
        if prev is not None and m.name.startswith(_UNNAMED) and not prev.name.startswith(_UNNAMED) \
                and prev.kind != "Civilians" and _NAMED_THEN.fullmatch(text, prev.end, m.start):
            out[-1] = ActorMention(prev.start, m.end, prev.name, prev.kind)
            continue
        out.append(m)
    return out


def assign_roles(mentions: list[ActorMention], text: str, trigger_start: int,
                 start: int, end: int) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 (who acted) and actor2 (who was acted on) among the mentions between ``start`` and ``end``."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    # Supporting forces ("backed by coalition warplanes") are associates, not the side that acted.
    inside = [m for m in inside if not _BACKING.search(text, max(0, m.start - 40), m.start)
              and not _DESCRIBED_BY.search(text, max(0, m.start - 40), m.start)]
    armed = [m for m in inside if m.kind != "Civilians"]
    acting = [m for m in armed if not _HOLDS_PLACE.match(text, m.end) and not (
        m.start < trigger_start and _SPEAKS_OF.match(text, m.end))]
    blamed = next((m for m in acting if m.start < trigger_start and _BLAMED.search(text, max(0, m.start - 20), m.start)),
                  None)
    actor1 = actor2 = None
    for m in armed:
        if _BETWEEN.search(text, max(0, m.start - 12), m.start) and not (
                m.start > trigger_start and _OTHER_CLAUSE.search(text, trigger_start, m.start)):
            actor1 = m
            actor2 = next((o for o in armed if o.start > m.end and o.name != m.name), None)
            return actor1, actor2
    by = [m for m in armed if _BY_BEFORE.search(text, max(0, m.start - 8), m.start)
          and not _HELD_BY.search(text, max(0, m.start - 30), m.start)]
    before = [m for m in acting if m.start < trigger_start and not _TARGET_BEFORE.search(
        text, max(0, m.start - 30), m.start) and m not in by]
    # "X was hit by Y" and "air strikes by Y": the by-phrase names who acted.
    # "killed in regime barrel bomb attacks", "Russian air strikes": a side naming the event word it stands
    # before is who acted, whatever comes before it.
    modifier = None
    if not before:
        modifier = next((m for m in acting if m.start < trigger_start and m not in by
                         and not _COUNTED.search(text, max(0, m.start - 20), m.start)
                         and _MODIFIES.fullmatch(text, m.end, trigger_start)), None)
    if blamed is not None:
        actor1 = blamed
    elif modifier is not None and not (by and _PASSIVE.search(text, start, by[0].start)):
        actor1 = modifier
    elif by and (not before or _PASSIVE.search(text, start, by[0].start) or 0 <= by[0].start - trigger_start < 30):
        actor1 = by[0]
    else:
        if before:
            # The subject next to the verb, or the first of a list of subjects ("Regime forces and
            # loyalist militias captured").
            i = len(before) - 1
            if len(before) > 1 and _IN_PHRASE.search(text, max(0, trigger_start - 60), trigger_start) \
                    and not _MODIFIES.fullmatch(text, before[-1].end, trigger_start):
                i = 0
            while i > 0 and _COORDINATED.fullmatch(text, before[i - 1].end, before[i].start):
                i -= 1
            actor1 = before[i]
        else:
            # A side named after the event word acted only when no clause or holder comes between
            # ("strikes on villages held by the militants" names who holds them, not who struck).
            after = [m for m in acting if m.start >= trigger_start and not _TARGET_BEFORE.search(
                text, max(0, m.start - 30), m.start)
                and not _CLAUSE_BETWEEN.search(text, trigger_start, m.start)]
            actor1 = after[0] if after else None
            if actor1 is None:
                # "Two were killed as regime forces stormed the village": the side doing the later verb did it.
                actor1 = next((m for m in acting if m.start >= trigger_start and m.start - trigger_start <= 60
                               and _AS_SUBJECT.search(text, max(0, m.start - 12), m.start)
                               and _VERB_AFTER.match(text, m.end)), None)
    for m in inside:
        if actor1 is not None and (m is actor1 or m.name == actor1.name):
            continue
        if m in by:
            continue  # "shelling by the Syrian army" names who acted, never who was hit
        if m.start >= trigger_start or (actor1 is not None and m.start > actor1.end):
            actor2 = m
            break
    return actor1, actor2
