"""Event types: trigger words found in a text and the sub-event type a clause reports (triggers.yaml)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warwire.extract.dates import WEEKDAYS
from warwire.ingest.dates import MONTHS
from warwire.knowledge.taxonomy import TriggerRule, Triggers
from warwire.knowledge.words import zipf
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
    found = [Trigger(m.start(), m.end(), t.key(m)) for m in t.finditer(text)]
    found = [x for x in found if not work_stoppage(text, x)]
    return without_backdrop_fights(_not_after_context(text, refined_weapons(found, text)), text)


# A strike that is a stoppage of work, read from its grammar: one that people go (or are) "on", or call, stage,
# hold, declare, join, begin or end ("teachers went on a strike", "the union called an open-ended strike"); one
# named by its kind ("a general strike", "a hunger strike", "a three-day strike", "a workers' strike"); one told
# by who stopped work ("a strike by hospital staff", "a strike of dock workers") or what for ("a strike over unpaid
# wages", "strike action"). Not strikes told with a target or an aircraft ("strikes on the town", "a strike by
# warplanes", "jets began strikes against the group"): those are attacks whatever verb holds them.
_ON_STRIKE = re.compile(r"\b(?:go|goes|went|gone|going|be|is|are|was|were|been|being|remain(?:s|ed)?|stay(?:s|ed)?)"
                        r"\s+on\s+(?:a|an|the|their|its|his|her)\s+(?:(?!of\b)[\w'-]+\s+){0,2}\Z", re.IGNORECASE)
# "on strike", with no article and in the singular: the idiom of a stoppage, whatever follows it.
_ON_STRIKE_IDIOM = re.compile(r"\bon\s+\Z", re.IGNORECASE)
_HELD_STRIKE = re.compile(r"\b(?:call(?:s|ed|ing)?(?:\s+off)?|stag(?:e|es|ed|ing)|hold(?:s|ing)?|held|"
                          r"declar(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|observ(?:e|es|ed|ing)|"
                          r"suspend(?:s|ed|ing)?|join(?:s|ed|ing)?|begin(?:s|ning)?|began|begun|"
                          r"start(?:s|ed|ing)?|end(?:s|ed|ing)?|organi[sz](?:e|es|ed|ing))"
                          r"\s+(?:a|an|the|their|its|his|her)\s+(?:(?!of\b)[\w'-]+\s+){0,2}\Z", re.IGNORECASE)
_STOPPAGE_KIND = re.compile(r"\b(?:general|hunger|labou?r|workers?'?|teachers'?|doctors'?|students'?|sit-in|"
                            r"[\w]+-(?:day|week|hour)|open-ended|indefinite|national|nationwide|commercial|"
                            r"wildcat|token)\s+\Z", re.IGNORECASE)
_STRIKERS = (r"(?:workers?|staff|employees|teachers|doctors|nurses|medics|physicians|pharmacists|drivers|dockers|"
             r"traders|merchants|shopkeepers|students|lawyers|judges|miners|unions?|servants|prisoners|detainees|"
             r"inmates|pensioners|labou?rers|farmers|bakers|truckers|professors|engineers|journalists|cleaners)")
# (Who stopped work is named by its own noun phrase: a verb or a preposition between ends it, "strikes by jets
# killed workers", "strikes by jets on workers".)
_STOPPAGE_AFTER = re.compile(r"\s+(?:action\b|(?:by|of)\s+(?:the\s+|its\s+|their\s+)?"
                             r"(?:(?![\w'-]+ed\b|(?:hit|hits|struck|left|kill|kills|hurt|on|in|at|near|and)\b)"
                             r"[\w'-]+\s+){0,2}?"
                             + _STRIKERS + r"\b|(?:over|for)\s+(?:[\w-]+\s+){0,2}?(?:pay|wages?|salar(?:y|ies)|"
                             r"arrears|pensions?|bonus(?:es)?|working\s+conditions)\b|to\s+(?:demand|protest|press)\b)",
                             re.IGNORECASE)
# A day told after "on" is when a strike happened, not what it hit: a weekday, a date ("on 5 March", "on March 5"),
# "on the eve of", "on the third day of".
_WHEN_NOT_WHAT = (r"(?:(?:" + "|".join((*WEEKDAYS, *MONTHS)) + r")\b|\d|the\s+(?:[\w-]+\s+)?"
                  r"(?:eve|anniversary|day|night|morning|evening)\b)")
# What an attack is told with: its target or its doer from the air.
_ATTACK_AFTER = re.compile(r"\s+(?:against|targeting|(?:by|from)\s+(?:the\s+|\w+\s+){0,2}?(?:warplanes?|jets?|"
                           r"aircraft|planes?|drones?|helicopters?|coalition|air\s+force)\b|on\s+(?!"
                           + _WHEN_NOT_WHAT + r")[\w'-]+)", re.IGNORECASE)
_STRIKE_WORD = re.compile(r"strikes?", re.IGNORECASE)
#: How far before a strike word (characters) the words telling it a stoppage of work may begin.
STOPPAGE_REACH = 50


def work_stoppage(text: str, trig: Trigger) -> bool:
    """Whether strike word ``trig`` tells a stoppage of work, not an attack (ACLED codes no attack of it)."""
    if trig.rule.sub_event_type != AIR or not _STRIKE_WORD.fullmatch(text, trig.start, trig.end):
        return False
    lo = max(0, trig.start - STOPPAGE_REACH)
    if _STOPPAGE_KIND.search(text, lo, trig.start):
        return True
    # The idiom is the singular: "relied on strikes against" tells the attacks relied on.
    if text[trig.start:trig.end].lower() == "strike" and _ON_STRIKE_IDIOM.search(text, lo, trig.start):
        return True
    if _ATTACK_AFTER.match(text, trig.end):
        return False
    return bool(_STOPPAGE_AFTER.match(text, trig.end) or _ON_STRIKE.search(text, lo, trig.start)
                or _HELD_STRIKE.search(text, lo, trig.start))


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


def main_trigger(triggers: list[Trigger], text: str | None = None) -> Trigger | None:
    """The trigger that names the clause's event: the highest tier, then the first one; a transfer of ground told
    with a fight is the fight (``fought_over``, when the clause's ``text`` is given)."""
    best = None
    for trig in triggers:
        if best is None or trig.rule.tier > best.rule.tier:
            best = trig
    if best is None or text is None:
        return best
    return fought_over(best, triggers, text)


# A fight told as what went on around the clause's event: "jets struck the town on Friday as fighting raged around
# it", "shelling killed five as intense clashes were underway", "the raids came amid renewed clashes". The fight is
# the event's backdrop, told after it by a conjunction of time ("as") or circumstance ("amid"), with a verb of going
# on ("raged", "continued", "intensified", "was underway") or none after "amid".
_BACKDROP_AS = re.compile(r"\b(?:as|while)\s+(?:the\s+|heavy\s+|fierce\s+|intense\s+|violent\s+|renewed\s+|fresh\s+|"
                          r"ongoing\s+|continued\s+|continuing\s+)*$", re.IGNORECASE)
_BACKDROP_AMID = re.compile(r"\b(?:amid|amidst)\s+(?:(?:the|heavy|fierce|intense|violent|renewed|fresh|ongoing|continued|"
                            r"continuing|escalating|raging|sporadic|days\s+of|weeks\s+of)\s+)*$", re.IGNORECASE)
_GOING_ON = re.compile(r"(?:\s+(?!(?:killed|left|claimed)\b)[\w'-]+){0,8}?\s+(?:(?:has|have|had)\s+(?:been\s+)?)?"
                       r"(?:rag(?:ed|es|ing|e)|continu(?:ed|es|e|ing)|intensif(?:ied|ies|y|ying)|escalat(?:ed|es|e|ing)|"
                       r"(?:was|were|is|are)\s+(?:underway|under\s+way|ongoing|going\s+on|raging|continuing)|"
                       r"went\s+on|go(?:es)?\s+on|wore\s+on|dragged\s+on|flared|flare)\b", re.IGNORECASE)
# "while clashes raged in Harasta", "as fighting went on near the Tabqa dam": a fight told at a named place of its
# own is an event of its own beside the strike, not the strike's setting ("as fighting raged nearby", "across the
# country", "in the hills" name none).
# (A day or a month is no place: "as fighting raged on Monday".)
_DAY_OR_MONTH = "|".join(name.capitalize() for name in (
    *WEEKDAYS, *(max((m for m in MONTHS if MONTHS[m] == n), key=len) for n in range(1, 13))))
_OWN_PLACE = re.compile(r"[^,;.:!?]{0,60}?\b(?:in|at|near|around|outside|on)\s+(?:the\s+)?(?:[a-z]+\s+(?:of\s+)?)?"
                        rf"(?!(?:{_DAY_OR_MONTH})\b)[A-Z][\w'-]+")
# The same place in a text written all in lower case ("as clashes raged in harasta"): the word is read as a name
# when the gazetteer knows it and it is no common English word ("in the hills", "on the edge" name none).
# With no capital to mark the name, both readings are tried: the word right after the preposition ("in harasta on
# wednesday") and the one after a common noun ("in the town of harasta").
_OWN_PLACE_LOWER = re.compile(r"\b(?:in|at|near|around|outside|on)\s+(?:the\s+)?([a-z][\w'-]+)"
                              r"(?=(?:\s+(?:of\s+)?([a-z][\w'-]+))?)")  # (a look-ahead: the next preposition is read too)
#: The rest of the fight's clause (up to 100 characters), where the lower-case reading looks for its place.
_CLAUSE_REST = re.compile(r"[^,;.:!?]{0,100}")
#: How far after a fight word (characters) the preposition of its own place may begin.
OWN_PLACE_REACH = 60
#: How common in English (wordfreq's Zipf scale) a lower-case word the pack's gazetteer knows may be and still be
#: read as a place's name (the places reader's bar for a notable place).
NAME_ZIPF = 4.5
#: How far before a fight word (characters) the conjunction telling it as the backdrop may begin.
BACKDROP_REACH = 40


def backdrop_fight(trig: Trigger, text: str) -> bool:
    """Whether fight word ``trig`` is told as the backdrop of another event of its clause ("as fighting raged",
    "amid clashes"), not as the event."""
    if event_type(trig.rule.sub_event_type) != "Battles" or trig.rule.sub_event_type in TERRITORY | {TRANSFER}:
        return False
    lo = max(0, trig.start - BACKDROP_REACH)
    if _OWN_PLACE.match(text, trig.end) or _own_place_lower_case(text, trig):
        return False
    if _BACKDROP_AMID.search(text, lo, trig.start):
        return True
    return bool(_BACKDROP_AS.search(text, lo, trig.start)) and bool(_GOING_ON.match(text, trig.end))


def _own_place_lower_case(text: str, trig: Trigger) -> bool:
    """Whether fight word ``trig``, in a stretch of text with no capitals, is told at a named place of its own."""
    near = text[max(0, trig.start - BACKDROP_REACH):trig.end + 80]
    if any(c.isupper() for c in near):
        return False
    from warwire.knowledge import packs

    gazetteer = packs.current().gazetteer  # the places of the war in hand
    rest = _CLAUSE_REST.match(text, trig.end)
    return any(word and zipf(word) < NAME_ZIPF and gazetteer.candidates(word)
               for m in _OWN_PLACE_LOWER.finditer(text, trig.end, rest.end())
               if m.start() <= trig.end + OWN_PLACE_REACH for word in m.groups())


#: A sentence's end: a stop, then the next sentence's first word.
_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+[\"'(]*[A-Z0-9]")


def without_backdrop_fights(triggers: list[Trigger], text: str) -> list[Trigger]:
    """``triggers`` without the fights told as the backdrop of a strike, a shelling or a bombing told before them in
    their sentence (ACLED codes the event the toll and the attacker are told of; the fight around it is its
    setting). The test is the sentence's, not a clause's: however a parse cuts "jets killed 12 in the town, the
    monitor said, as fighting raged nearby", the fight is the strike's backdrop."""
    kept = []
    for t in triggers:
        if backdrop_fight(t, text) and any(o.end <= t.start and o.rule.tier >= INSTRUMENT_TIER
                                           and event_type(o.rule.sub_event_type) != "Battles"
                                           and not _SENTENCE_BREAK.search(text, o.end, t.start) for o in triggers):
            continue
        kept.append(t)
    return kept


#: The ways of an explosion ACLED's precedence puts before the others, and those each one refines: a car bomb its
#: driver set off is a suicide bomb; a shell, a strike or a bomb that carried gas, a chemical weapon.
_PRECEDENCE = {"Suicide bomb": frozenset({"Remote explosive/landmine/IED"}),
               "Chemical weapon": frozenset({"Remote explosive/landmine/IED", "Air/drone strike",
                                             "Shelling/artillery/missile attack", "Grenade"})}


def refines(sub: str, other: str) -> bool:
    """Whether sub-type ``sub`` names the way of an explosion ACLED codes before ``other`` when both are told of
    one event ("a car bomb driven by a suicide bomber": a suicide bomb)."""
    return other in _PRECEDENCE.get(sub, ())


# What may stand between a weapon and the word that refines it when both name one weapon: nothing (one noun
# phrase), or a participle or relative clause on the weapon, "a car bomb driven by a suicide bomber", "a truck bomb
# that was rammed into the gate by a suicide attacker", "rockets loaded with chlorine". Anything else ("a day after",
# "like", another verb of its own) tells another event, which must not retype this one.
_BOUND = re.compile(r"[\s-]*(?:,\s*)?(?:(?:which|that)\s+(?:was|were|had\s+been|has\s+been)\s+)?"
                    r"(?:(?:driven|detonated|set\s+off|triggered|rammed|steered|loaded|filled|packed|laden|fitted|"
                    r"tipped|armed|carrying|containing)(?:\s+(?:in)?to\s+(?:the\s+|an?\s+)?[\w-]+)?\s+"
                    r"(?:by|with)\s+(?:an?\s+|the\s+|its\s+)?)?", re.IGNORECASE)


def refines_bound(trig: Trigger, best: Trigger, text: str) -> bool:
    """Whether ``trig``, told after ``best``, refines it: ACLED's precedence puts its way first (``refines``) and the
    words are bound to one weapon (``_BOUND`` between them)."""
    return refines(trig.rule.sub_event_type, best.rule.sub_event_type) and best.end <= trig.start \
        and _BOUND.fullmatch(text, best.end, trig.start) is not None


def refined_weapons(found: list[Trigger], text: str) -> list[Trigger]:
    """``found`` with each weapon word that the next word refines (``refines_bound``) typed as that word says: in "a
    car bomb driven by a suicide bomber" the car bomb is the suicide bomb, whatever reads the words (a story's
    clause, a coder's note, a headline)."""
    out = list(found)
    for i in range(len(out) - 1):
        if out[i + 1].rule.sub_event_type in _PRECEDENCE and refines_bound(out[i + 1], out[i], text):
            out[i] = Trigger(out[i].start, out[i].end, out[i + 1].rule)
    return out


#: The sub-type of ground changing hands with no fight told.
TRANSFER = "Non-violent transfer of territory"
#: Transfer words of this tier say themselves that no fight was fought ("entered without a fight"): they keep
#: their type.
NO_FIGHT_TIER = 5
#: The lowest tier of a word that tells a fight of its own (tier 0 words only tell one with a toll or a side).
FIGHT_TIER = 2


# What a transfer of ground was told to happen under: "withdrew as they faced an attack", "after clashes".
_UNDER = re.compile(r"\b(?:as|after|following|under|amid|amidst|when|during|in\s+the\s+face\s+of|due\s+to|"
                    r"because\s+of)\b", re.IGNORECASE)
# Where a side went to, or what for: "pulled out to join the fighting in the north" tells no fight where it left.
_WHITHER = re.compile(r"\b(?:to|for|towards?)\s+(?:join|reinforce|support|fight|take\s+part|the\s+front)",
                      re.IGNORECASE)
#: How far before a fight word (characters) the word telling it as the transfer's circumstance may stand.
UNDER_REACH = 20


def fought_over(best: Trigger, triggers: list[Trigger], text: str) -> Trigger:
    """``best``, or the fight told in its clause as what ground was given up or handed over under: "troops pulled
    back from the orchards when the militants mounted a counter-offensive", "after clashes the fighters pulled out
    of the town" tell a battle (ACLED codes a transfer non-violent only when no armed fight comes with it). Not
    when the clause tells an agreement ("left under a deal that ended the fighting" names the fight it ended) or
    where the side went to fight ("pulled out to join the battle for the north")."""
    if best.rule.sub_event_type != TRANSFER or best.rule.tier >= NO_FIGHT_TIER:
        return best
    if any(t.rule.sub_event_type == "Agreement" for t in triggers):
        return best
    for t in triggers:
        if t.rule.tier < FIGHT_TIER or t.rule.sub_event_type == TRANSFER \
                or event_type(t.rule.sub_event_type) != "Battles":
            continue
        if t.start > best.end:
            between = text[best.end:t.start]
            if _UNDER.search(between) and not _WHITHER.search(text, best.end, t.end):
                return t
        elif _UNDER.search(text, max(0, t.start - UNDER_REACH), t.start):
            return t
    return best


#: The sub-type of an attack from afar, fired from the ground unless an aircraft is told firing it.
AFAR = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
#: Instrument words (warplanes, jets, helicopters, drones; artillery, tanks, rockets) weigh this tier.
INSTRUMENT_TIER = 1
#: How far before a bombardment word (characters) the aircraft told as its doer may stand.
DOER_REACH = 80
_CLAUSE_END = re.compile(r"[.;:!?]\s|,|\b(?:and|while|as|but|after|before|when|whereas)\b", re.IGNORECASE)


def fired_from_the_air(text: str, trig: Trigger) -> bool:
    """Whether bombardment word ``trig`` ("pounded", "bombarded", "a missile strike") is told of an aircraft, its
    doer, just before it in its clause: "the fighter jets on Monday pounded the strongholds", "warplanes
    shelled the village", "helicopters launched a rocket strike" (ACLED: a strike by aircraft, whatever it
    fired, is an air strike; shelling is fired from the ground). Not with a ground weapon told beside them
    ("warplanes and artillery pounded the hills")."""
    if trig.rule.sub_event_type != AFAR or trig.rule.tier <= INSTRUMENT_TIER:
        return False
    lo = max(0, trig.start - DOER_REACH)
    for cut in _CLAUSE_END.finditer(text, lo, trig.start):
        lo = cut.end()
    before = find_triggers(text[lo:trig.start])
    if not before or before[-1].rule.sub_event_type != AIR or before[-1].rule.tier != INSTRUMENT_TIER:
        return False
    return not any(t.rule.sub_event_type == AFAR for t in before)


#: The sub-types of a battle in which ground changed hands, by who took it.
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def ground_taken(d, whole: bool = False):
    """The telling of event ``d`` (a frame and the mentions joined to it) that tells ground taken in it, when ``d``
    is typed as a fight with no ground changing hands: "Clashes broke out around the village ... The troops took
    control of it" is one battle that ended with the village taken (ACLED: an armed clash is a battle in which no
    territory changes hands; one that ends with ground taken is coded by who took it). A telling of another
    sentence is asked only when the ``whole`` text is one event's (a coder's note): a story's later sentence tells
    ground taken as often apart as in the fight."""
    if d.trigger is None or d.inherited or d.sub in TERRITORY or event_type(d.sub) != "Battles":
        return None
    return next((j for j in d.joined if j.trigger is not None and not j.inherited and j.sub in TERRITORY
                 and (whole or j.sentence == d.sentence)), None)


# What may stand between a side and the word telling what it took: auxiliaries and adverbs, no clause break and
# no other word ("the factions were later able to regain control", "IS fighters advanced to control"; not air
# strikes told as the subject of "had seized": the side they helped took the ground).
_SUBJECT_GAP = re.compile(r"\s*(?:(?:had|has|have|were|was|is|are|been|then|later|also|now|soon|further|[a-z]+ly|"
                          r"(?:advanc\w*|moved|managed|went\s+on|able)\s+to)\s+){0,3}", re.IGNORECASE)
# A side told by its arms from the air takes no ground.
_FROM_THE_AIR = re.compile(r"\b(?:air\s*strikes?|raids?|warplanes?|jets?|aircraft|drones?|helicopters?)\s*$",
                           re.IGNORECASE)
# The gap's last word, when a form of "be" before a participle makes the side the ground taken from: "hamlets
# the army held had been recaptured by insurgents".
_PASSIVE = re.compile(r"\b(?:been|was|were|is|are|being)\s+$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"\w+(?:ed|en|un)\b", re.IGNORECASE)
# What joins two sides into one subject: "regime and allied militias", "Turkish and allied forces", "troops
# backed by clan militias".
_AND = re.compile(r"\s*(?:,\s*)?(?:and\b[^,;.:]{0,30}|(?:backed|supported|aided|assisted|accompanied)\s+by\s+"
                  r"(?:the\s+)?|along(?:side|\s+with)\s+(?:the\s+)?|together\s+with\s+(?:the\s+)?)", re.IGNORECASE)


def taker(text: str, actors: list, trig: Trigger):
    """The side told as the subject of ground-taking word ``trig``: the one right before it in its clause ("where
    the rebels then advanced to control the town"), the first of sides told as one ("regime and allied militias
    advanced to control", "troops backed by clan militias recaptured": the regime's, the troops' advance). None
    when no side is told so, when the side is told as the one the ground was taken from ("had been recaptured"),
    or by its aircraft."""
    before = [a for a in actors if a.end <= trig.start]
    if not before or not _SUBJECT_GAP.fullmatch(text, before[-1].end, trig.start):
        return None
    if _PASSIVE.search(text[before[-1].end:trig.start]) and _PARTICIPLE.match(text, trig.start) \
            or _FROM_THE_AIR.search(text, before[-1].start, before[-1].end):
        return None
    i = len(before) - 1
    while i > 0 and _AND.fullmatch(text, before[i - 1].end, before[i].start):
        i -= 1
    return before[i]


# A transfer word that names the side that took the ground: "the army controlled the village".
_HELD = re.compile(r"control", re.IGNORECASE)


def won_after(text: str, trig: Trigger, sentence: tuple[int, int]):
    """The ground-holding word told before fight word ``trig`` as what the fight ended with: "the army controlled
    the hamlet after clashes with militants" is a battle won (ACLED codes it by who took the ground, not as a
    clash). None when the sentence tells no such word."""
    if event_type(trig.rule.sub_event_type) != "Battles" or trig.rule.sub_event_type in TERRITORY | {TRANSFER}:
        return None
    found = find_triggers(text[sentence[0]:trig.start])
    held = next((t for t in reversed(found) if t.rule.sub_event_type == TRANSFER and t.rule.tier < NO_FIGHT_TIER
                 and _HELD.match(text, sentence[0] + t.start)), None)
    if held is None or not _UNDER.search(text, sentence[0] + held.end, trig.start):
        return None
    return Trigger(sentence[0] + held.start, sentence[0] + held.end, held.rule)


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
