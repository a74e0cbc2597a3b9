"""Reports: the article's event frames (``assembly.py``) made into Report records, with every field's evidence.

A frame's fields become the record's; what the text leaves unsaid is filled by
the codebook's defaults (unnamed warplanes are the government's, unnamed
gunmen an unidentified armed group; protesters are actor1 of a protest), and
the headline picks the article's primary report.
"""
from __future__ import annotations

import functools
import re
import weakref
from datetime import date

from warwire.extract.actors import ActorMention, assign_roles, find_actors, hit_side, is_generic, named_for_generic
from warwire.extract import newsworthy
from warwire.extract.assembly import (CARRY_SENTENCES, SHORT_NOTE, _same_area, is_story, place_toll_over_summary,
                                      take_toll)
from warwire.extract.casualties import UNKNOWN, TollReader, coded_share, none_died
from warwire.extract.event_types import (AIR, TERRITORY, event_type, find_triggers, fired_from_the_air, ground_taken,
                                         main_trigger, sub_event_type, taker, won_after)
from warwire.extract.locations import same_spot
from warwire.extract.mentions import Mention, sentence_of
from warwire.extract.references import as_references, past_mentions
from warwire.knowledge import packs
from warwire.knowledge.actors import ActorDictionary
from warwire.model import Actor, ArticleReports, Claim, Count, CumulativeToll, Report, Victims

# Attacks a group claims or has blamed on it; the claimant names actor1 when the report names none.
_CLAIMABLE = {"Remote explosive/landmine/IED", "Suicide bomb", "Attack", "Grenade", "Shelling/artillery/missile attack",
              "Abduction/forced disappearance", "Chemical weapon"}
# (Led by the cues' first letters, in either case, then a look-behind for the word's start, not \b: the engine skips
# to those letters in C, where \b first is tried at every character.)
_CLAIMED = re.compile(r"(?-i:[BCPRbcpr])(?<!\w.)(?:(?<=[Cc])(?:laimed|laims|laiming|laim) (?:of )?"
                      # ("IS claimed the twin bombings", "the group claims the double suicide attack")
                      # (not a toll: "violence claimed a dozen lives in attacks")
                      r"(?:responsibility|(?:the|an?) (?:(?!lives\b|life\b|dead\b)[\w-]+ ){0,3}?"
                      r"(?:attacks?|bombings?|blasts?|explosions?|assaults?))|"
                      r"(?P<after>(?<=[Cc])laimed (?:on|by)|(?<=[Bb])lamed (?:on|by)|(?<=[Pp])inned (?:on|by)|"
                      r"(?<=[Rr])esponsibility (?:was )?claimed by)\s)", re.IGNORECASE)
# How far (characters) from the event word a claim of responsibility may be told.
CLAIM_REACH = 200


#: Protesters no one intervened against (the taxonomy's "without intervention").
_PEACEFUL = "Peaceful protest"
GAINED, OVERTAKEN = "Government regains territory", "Non-state actor overtakes territory"
_TAKEN_BY = {"State forces": GAINED, "External/Other forces": GAINED,
             "Rebel group": OVERTAKEN, "Political militia": OVERTAKEN}
_TERRITORY = {sub: _TAKEN_BY for sub in TERRITORY}


def build_reports(text: str, sentences: list[tuple[int, int]], places: list, base: date | None,
                  skip_to: int = 0, title: str | None = None, triggers: list | None = None) -> ArticleReports:
    """The reports of one article from its sentence spans and place mentions: mentions, assembly, records.

    They carry the article's cumulative tolls (summed over a period, never an event's) as ``.cumulative``.
    """
    from warwire.extract.assembly import assemble

    found = assemble(text, sentences, places, base, skip_to, title, triggers)
    claims = _claimed_by(text, found.actors)
    # A toll told with a past event ("a mass grave of 230 executed in 2014") is a fact of the article too.
    facts = cumulative_tolls(found.cumulative + [m for m in found.set_aside if m.status == "background"])
    # Dated mentions of a past happening, set aside by assembly, become link-only references (references.py).
    seen = (found.actors, sentences, places)
    past = _finish(text, past_mentions(found.set_aside, base, sentences, places, text), base, title, claims, seen)
    events = newsworthy.keep(found, _finish(text, found.frames, base, title, claims, seen),
                             lambda ms: _finish(text, ms, base, title, claims, seen), text, sentences, base, found.story)
    return ArticleReports(events + as_references(past), facts)


def cumulative_tolls(mentions: list[Mention]) -> list[CumulativeToll]:
    """The article's cumulative facts from its cumulative mentions, each toll once, with its evidence."""
    out, seen = [], set()
    for d in mentions:
        c = d.casualties
        span = c.spans.get("fatalities")
        if c.fatalities.best is None or span is None or tuple(span) in seen:
            continue
        seen.add(tuple(span))
        ev = {"fatalities": list(span)}
        if d.trigger is not None:
            ev["mention"] = [d.trigger.start, d.trigger.end]
        if d.claim is not None:
            ev["claimed_by"] = [d.claim.start, d.claim.end]
        out.append(CumulativeToll(killed=Count(**c.fatalities.to_dict()), victims=Victims(**c.victims.to_dict()),
                                  claimed_by=Claim(**d.claim.claim.to_dict()) if d.claim else None, evidence=ev))
    return out


def _claimed_by(text: str, mentions: list[ActorMention]) -> list[tuple[int, ActorMention]]:
    """Where the text says an armed group claimed an attack or had it blamed on it ("IS claimed responsibility")."""
    out = []
    for m in _CLAIMED.finditer(text):
        if m.group("after"):
            near = [a for a in mentions if 0 <= a.start - m.end() <= 25 and a.kind not in ("Civilians", "Protesters")]
            if near:
                out.append((m.start(), near[0]))
        else:
            near = [a for a in mentions if 0 <= m.start() - a.end <= 25 and a.kind not in ("Civilians", "Protesters")]
            if near:
                out.append((m.start(), near[-1]))
    return out


def _claim_of(d: Mention, claims: list[tuple[int, ActorMention]]) -> ActorMention | None:
    """The claimant told right by the report's event word (a claim further off is often of another attack)."""
    if d.trigger is None:
        return None
    return next((a for pos, a in claims if -CLAIM_REACH // 2 <= pos - d.trigger.start <= CLAIM_REACH), None)


def _finish(text: str, frames: list[Mention], base: date | None, title: str | None,
            claims: list[tuple[int, ActorMention]] = (), seen: tuple = ((), (), ())) -> list[Report]:
    # seen: the article's actor mentions, sentence spans and place mentions
    actors = default_actors_checked(packs.current())
    defaults = packs.current().actors  # who acted and who was hit when the text does not say
    reports = []
    for d in frames:
        if (taken := ground_taken(d, not is_story(text))) is not None:
            d.sub, d.rule_sub, d.trigger, d.tier = taken.sub, taken.rule_sub, taken.trigger, taken.tier
        elif d.trigger is not None and not d.inherited \
                and (held := won_after(text, d.trigger, seen[1][sentence_of(seen[1], d.trigger.start)])) is not None:
            # "The army controlled the village after clashes": the battle ended with the ground taken.
            side = taker(text, seen[0], held) or d.actor1
            d.sub = GAINED if side is None or side.kind in ("State forces", "External/Other forces") else OVERTAKEN
        if d.sub in TERRITORY and d.trigger is not None and not d.inherited \
                and (side := taker(text, seen[0], d.trigger)) is not None and side.kind != "Civilians":
            d.sub = sub_event_type(d.trigger.rule, side.kind)  # "where the rebels then advanced to control X"
        if d.trigger is not None and not d.inherited and fired_from_the_air(text, d.trigger):
            d.sub = AIR  # "jets pounded the town": the strike came from the air
        _precise_toll(d)
        _none_died(d, frames, text, seen[1])
        _unknown_toll(d, text)
        place_toll_over_summary(d, frames, text, seen[1])
        _implied_civilians(d)
        when, precision = _when(d, base)
        ev: dict[str, list[int]] = {}
        if d.trigger is not None and not d.inherited:
            ev["sub_event_type"] = [d.trigger.start, d.trigger.end]
        hit = d.actor1 if d.actor1 is not None and hit_side(text, d.actor1) else None
        if hit is not None:
            # "X positions were shelled" with no attacker told: X was acted on; who acted is the claimant or
            # the codebook's default, as for any unnamed attacker.
            d.actor1, d.actor2 = None, hit
        actor1 = d.actor1.actor() if d.actor1 else None
        if d.actor1 and is_generic(text, d.actor1) and (named := named_for_generic(
                text, seen[0], d.actor1, seen[1], seen[2], d.place)):
            actor1 = named.actor()  # "terrorists fired rockets ... ISIL terrorists shelled": the group named so
        if d.actor1:
            ev["actor1"] = [d.actor1.start, d.actor1.end]
        elif d.sub in _CLAIMABLE and (claimed := _claim_of(d, claims)) is not None:
            # "A car bomb killed 12 ... IS claimed responsibility": the group that claimed it carried it out.
            actor1 = claimed.actor()
            ev["actor1"] = [claimed.start, claimed.end]
        elif defaults.actor1(d.sub):
            actor1 = actors.get(defaults.actor1(d.sub)).actor()
        actor2 = d.actor2.actor() if d.actor2 else None
        if actor2 is not None and actor2.kind == "Civilians" or actor2 is None and (
                d.casualties.victims.civilians or d.casualties.civilians_hit
                or _people_hurt(d, text, seen[1])):
            actor2 = actors.get(defaults.victims).actor() if actor2 is None else actor2
            if d.actor2 is None or d.actor2.kind == "Civilians":
                ev.pop("actor2", None)
        elif d.actor2:
            ev["actor2"] = [d.actor2.start, d.actor2.end]
        if actor2 is None and (lost := _default_actor2(d.sub, actor1)) is not None:
            actor2 = lost  # "Regime forces recaptured the village": who held it, by the pack's data
        elif actor2 is None and (foe := _foe_struck(text, d, actor1)) is not None:
            actor2 = foe  # "Coalition jets hit a military site": the attacker's foe, by the pack's data
        if d.actor2 is not None and d.actor2.kind == "Civilians" and not d.casualties.victims.civilians:
            ev["actor2"] = [d.actor2.start, d.actor2.end]
        if defaults.crowd(d.sub):
            # ACLED codes the crowd as actor1 of protests and riots, and who intervened as actor2.
            crowd = actors.get(defaults.crowd(d.sub)).actor()
            if actor1 is not None and actor1.kind not in ("Protesters", "Rioters", "Civilians"):
                actor2 = actor1
                ev.pop("actor2", None)
                if "actor1" in ev:
                    ev["actor2"] = ev.pop("actor1")
            elif actor2 is not None and actor2.kind in ("Protesters", "Rioters", "Civilians"):
                actor2 = None
                ev.pop("actor2", None)
            if d.sub == _PEACEFUL:
                # A peaceful protest met no force: the side it was against ("in protest of the army's shelling",
                # "denouncing the Turkish offensive") is its cause, and ACLED codes no actor2.
                actor2 = None
                ev.pop("actor2", None)
            actor1 = crowd
            ev.pop("actor1", None)
        elif actor2 is None and event_type(d.sub) == "Violence against civilians":
            actor2 = actors.get(defaults.victims).actor()
        if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
            actor2 = None
            ev.pop("actor2", None)
        if d.place_span:
            ev["location"] = list(d.place_span)
        told = d.told_date()
        if told is not None and (told is d.date or any(told is m.date for m in d.joined)):
            ev["date"] = [told.start, told.end]
        for k, span in d.casualties.spans.items():
            ev[k] = list(span)
        if d.claim:
            ev["claimed_by"] = [d.claim.start, d.claim.end]
        # Every other mention the event was assembled from (headline, lead, "the attack", a later toll).
        told = sorted({m.span for m in d.joined if m.span is not None} - {tuple(ev.get("sub_event_type") or ())})
        for i, span in enumerate(told, 1):
            ev[f"mention.{i}"] = list(span)
        reports.append(Report(
            event_type=event_type(d.sub), sub_event_type=d.sub, tags=sorted(d.tags),
            date=when, date_precision=precision, location=d.place, actor1=actor1, actor2=actor2,
            fatalities=Count(**d.casualties.fatalities.to_dict()),
            victims=Victims(**d.casualties.victims.to_dict()),
            injured=Count(**d.casualties.injured.to_dict()) if d.casualties.injured else None,
            claimed_by=Claim(**d.claim.claim.to_dict()) if d.claim else None,
            evidence=ev, confidence=_confidence(d)))
    _sides_of_battles(reports, seen[1])
    return reports


def default_actors_checked(pack: packs.Pack) -> ActorDictionary:
    """The pack's actor dictionary, once every actor its defaults name (``actors:`` of pack.yaml: the roles,
    ``by_sub_event_type``, ``actor2_by_sub_event_type`` and ``foes``) is found in it.

    A default is looked up only when an event needs it, so a misspelt name would fail deep in some later article;
    the pack is checked whole on its first use instead, with an error that names the file and the name."""
    if pack not in _CHECKED:
        missing = _unknown_defaults(pack)
        if missing:
            where, name = missing[0]
            config = pack.file("world.yaml" if isinstance(pack, packs.WorldPack) else "pack.yaml")
            raise packs.PackError(f"{config}: actors: {where}: {name!r} is no actor of {pack.file('actors.yaml')}; "
                                  "give the name (or key) of an actor there, or add the actor to that file")
        _CHECKED.add(pack)
    return pack.actor_dictionary


#: The packs checked so far (a pack is read once per process; a test's own pack goes when the test ends).
_CHECKED: "weakref.WeakSet[packs.Pack]" = weakref.WeakSet()


def _unknown_defaults(pack: packs.Pack) -> list[tuple[str, str]]:
    """(where in pack.yaml, name) of each default actor the pack's actors.yaml lacks."""
    entries = pack.actor_dictionary.entries
    named = {e.name for e in entries.values()}
    a = pack.actors
    told = [(role, getattr(a, role)) for role in packs.ROLES]
    told += [(f"by_sub_event_type: {sub}", key) for sub, key in a.by_sub_event_type.items()]
    told += [(f"actor2_by_sub_event_type: {sub}", key) for sub, keys in a.actor2_by_sub_event_type.items()
             for key in keys]
    told += [(f"foes: {actor}", key) for actor, keys in a.foes.items() for key in keys]
    missing = [(where, key) for where, key in told if key not in entries]
    # (A foes entry is keyed by the attacker's ACLED name, the name a record's actor1 carries.)
    return missing + [(f"foes: {actor}", actor) for actor in a.foes if actor not in named and actor not in entries]


def _default_actor2(sub: str | None, actor1: Actor | None) -> Actor | None:
    """actor2 of an event whose text names none, from the pack's ``actors: actor2_by_sub_event_type`` (pack.yaml):
    the first of the sub-event type's list (roles or actors' names) that is not the event's actor1. ACLED codes the
    side that lost the ground a government retook even when its note names only the taker ("Regime forces
    recaptured the village"); who that side is, is a fact of the war, so the pack tells it."""
    return _first_other(packs.current().actors.actor2_by_sub_event_type.get(sub or "", ()), actor1)


# A military target no side is named for: "strikes hit a military site", "raids on a weapons depot", "shelling
# targeted enemy forces" (not a place, a home or a market: those are civilians' or nobody's).
_MILITARY_TARGET = re.compile(r"[^.;]{0,30}?\b(?:military\s+(?:sites?|targets?|positions?|posts?|bases?|camps?|"
                              r"vehicles?|convoys?|installations?)|(?:weapons?|arms|ammunition)\s+(?:storage|stores?|"
                              r"depots?|warehouses?|caches?)|moving\s+targets?|(?:enemy\s+)?(?:forces|fighters|troops)"
                              r"(?=\s+(?:in|near|at|on|around)\b|\s*[.,;]|\s*$))", re.IGNORECASE)


def _foe_struck(text: str, d: Mention, actor1: Actor | None) -> Actor | None:
    """"Coalition airstrikes hit a military site": the side whose military a strike or shelling hit, when the text
    names none, is the attacker's foe the pack names (``actors: foes``, pack.yaml), as ACLED codes it."""
    if actor1 is None or d.trigger is None or d.sub not in _STRUCK_FROM_AFAR or d.casualties.victims.civilians \
            or d.casualties.civilians_hit \
            or not _MILITARY_TARGET.match(text, d.trigger.end, min(len(text), d.trigger.end + 80)):
        return None
    return _first_other(packs.current().actors.foes.get(actor1.name, ()), actor1)


_STRUCK_FROM_AFAR = {AIR, "Shelling/artillery/missile attack"}


def _first_other(keys: tuple[str, ...], actor1: Actor | None) -> Actor | None:
    """The first of the actors ``keys`` names that is not ``actor1``."""
    dictionary = packs.current().actor_dictionary
    for key in keys:
        entry = dictionary.get(key)
        if actor1 is None or entry.name != actor1.name:
            return entry.actor()
    return None


#: Kinds that never fight a battle.
_NOT_SIDES = ("Civilians", "Protesters", "Rioters")


def _sides_of_battles(reports: list[Report], sentences: list[tuple[int, int]]) -> None:
    """A battle the text tells without naming a side ("fierce clashes broke out in the town") is fought by the side
    the event told just before it names (ACLED codes a battle's two sides; a story goes on with the side it told):
    when that event is told at most ``CARRY_SENTENCES`` sentences before the battle and in the same area. The
    nearest earlier event that names a side decides: told further off or in another area, it carries nothing (a
    round-up's next paragraph is another front, often another side's)."""
    def told_at(r: Report) -> int:
        trigger = r.evidence.get("sub_event_type")
        return trigger[0] if trigger else min((span[0] for span in r.evidence.values()), default=-1)

    order = sorted(range(len(reports)), key=lambda i: told_at(reports[i]))
    side = None  # the last event told that names a side
    for i in order:
        r = reports[i]
        at = told_at(r)
        if r.actor1 is None and r.sub_event_type == "Armed clash" and side is not None and at >= 0:
            span = side.evidence["actor1"]
            # (The side's event as last told before the battle: a story may tell it again further on.)
            last = max((s for s, _ in side.evidence.values() if s < at), default=None)
            if span[1] <= at and last is not None and _same_area(side.location, r.location) \
                    and sentence_of(sentences, at) - sentence_of(sentences, last) <= CARRY_SENTENCES:
                r.actor1 = side.actor1
                r.evidence["actor1"] = list(span)
        elif r.actor1 is not None and r.actor1.kind not in _NOT_SIDES and "actor1" in r.evidence:
            side = r


# Sub-event types whose unnamed dead are civilians unless the text says they were fighters.
_CIVILIAN_BY_DEFAULT = {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                        "Suicide bomb", "Chemical weapon", "Grenade", "Attack"}


# "Shelling on the town resulted in injuries", "the raid wounded several": people hurt, told with
# no word for who they were (not "no one was wounded", "without injuries").
_HURT = re.compile(r"\b(?:injur(?:ies|ed|ing|y)|wound(?:ed|ing|s)?)\b", re.IGNORECASE)
_NOT_HURT = re.compile(r"\b(?:no|neither|nor|not|without|any|nobody|none)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _people_hurt(d: Mention, text: str, sentences: list[tuple[int, int]]) -> bool:
    """Whether a strike, shelling, bomb or attack with no armed side hit and no word for its victims is told as
    having hurt people: those are civilians (ACLED's actor2 of a strike on a populated place that caused injuries),
    as its unnamed dead are (``_implied_civilians``)."""
    if d.sub not in _CIVILIAN_BY_DEFAULT or "combatants" in d.casualties.hit or d.casualties.victims.combatants:
        return False
    told = sorted({m.sentence for m in (d, *d.joined) if 0 <= m.sentence < len(sentences)})
    return any(not _NOT_HURT.search(text, max(0, m.start() - 30), m.start())
               for si in told for m in _HURT.finditer(text, *sentences[si])) or _listed_as_hurt(d, text)


# "Strikes on A, B and C caused injuries", "Shelling on A and B resulted in several injuries": a round-up of the
# places struck that day, told after each strike's own sentence, with the harm they caused together.
_STRUCK_PLACES_HURT = re.compile(r"\b(?:strikes|air\s?strikes|raids|shelling|bombardment|bombing|barrel\s+bombs|"
                                 r"attacks)\s+(?:on|against|targeting)\s+(?P<places>[^.;]{1,300}?)\s+(?:have\s+|has\s+)?"
                                 r"(?:caused|resulted\s+in|left|led\s+to|causing|resulting\s+in)\s+"
                                 r"(?P<words>(?:[\w-]+\s+){0,3}?)(?:injur|wound)", re.IGNORECASE)

# (A text with no harm word anywhere has no such round-up: a cheap test before the round-up search.)
_ANY_HURT = re.compile(r"injur|wound", re.IGNORECASE)

# The words around a place's name in its mention ("the town of X", "X city"), which a list of places leaves out.
_PLACE_WORD = re.compile(r"^(?:the\s+)?(?:(?:town|city|village|outskirts|area)\s+of\s+)?|\s+(?:town|city|village|area)$",
                         re.IGNORECASE)


def _listed_as_hurt(d: Mention, text: str) -> bool:
    """Whether a round-up of the places struck names the event's place among those where people were hurt."""
    if not d.place_span:
        return False
    hurt_lists = _places_listed_as_hurt(text)
    if not hurt_lists:
        return False
    place = _PLACE_WORD.sub("", text[d.place_span[0]:d.place_span[1]])  # ("Saraqib city" is listed as "Saraqib")
    return bool(place) and any(re.search(rf"(?<![\w-]){re.escape(place)}(?![\w-])", places) for places in hurt_lists)


@functools.lru_cache(maxsize=8)
def _places_listed_as_hurt(text: str) -> tuple[str, ...]:
    """The place lists of the text's round-ups that caused injuries, found once per article (every frame of it asks)."""
    if not _ANY_HURT.search(text):
        return ()
    return tuple(m.group("places") for m in _STRUCK_PLACES_HURT.finditer(text)
                 if not re.search(r"\b(?:no|not|without)\b", m.group("words"), re.IGNORECASE))


def _precise_toll(d: Mention) -> None:
    """The event's toll is the fullest count one of its tellings gives (ACLED codes the figure a source gives):

    - "Jets kill dozens ... a barrel bomb dropped on a bakery left eight dead": a vague amount is the toll only
      until one of its mentions counts the dead;
    - "Jets kill 12 fighters ... the raids killed 12 fighters and three civilians": a count of one kind of victim is
      a part of the toll another telling gives whole, when that telling counts the same kind as many."""
    c = d.casualties
    best = c.fatalities.best
    if best is None:
        return
    if c.fatalities.qualifier == "vague":
        whole = next((m for m in d.joined if m.casualties.fatalities.best is not None
                      and m.casualties.fatalities.qualifier != "vague"), None)
    else:
        # (Told with the part or just after it, at its place or at none: a count told sentences away or at another
        # place is another event's or a period's, whatever it holds; one told before it, a headline's sum of
        # this event and others.)
        kinds = [k for k in _KINDS if getattr(c.victims, k) == best]
        whole = next((m for m in d.joined if (m.casualties.fatalities.best or 0) > best
                      and m.casualties.fatalities.qualifier != "vague"
                      and any(getattr(m.casualties.victims, k) == best for k in kinds)
                      and 0 <= m.sentence - d.sentence <= WHOLE_SENTENCES
                      and not (m.place_told and not same_spot(m.place, d.place))), None) if kinds else None
    if whole is not None:
        take_toll(d, whole)


_TENS = re.compile(r"(?i)\btens\b")


def _unknown_toll(d: Mention, text: str) -> None:
    """"The raids killed several militants", "a number of gunmen died": a story that tells its dead only
    as an unknown number ("several", "a number of", "many", "some", "a few": the amounts ACLED codes as 10 or
    fewer) gives no count of them; the annotation guide codes a figure only for "tens", "dozens", "scores" and
    "hundreds". (A coder's note keeps ACLED's code.)"""
    c = d.casualties
    span = c.spans.get("fatalities")
    if c.fatalities.qualifier != "vague" or (c.fatalities.best or 0) > UNKNOWN or not is_story(text) \
            or span is not None and _TENS.search(text, *span):
        return
    unknown = c.fatalities.best
    c.fatalities = Count()
    c.spans.pop("fatalities", None)
    for key in _KINDS:
        if getattr(c.victims, key) == unknown:
            setattr(c.victims, key, None)
            c.spans.pop(f"victims.{key}", None)


def _none_died(d: Mention, frames: list[Mention], text: str, sentences) -> None:
    """"A shell fell near a clinic but only caused injuries", "X was shelled. Nobody was hurt.": an
    event told with no dead, in a sentence that says no one died (its own, or the next when that one tells no other
    event), killed no one (fatalities 0, the figure ACLED and the annotation guide give it)."""
    c = d.casualties
    if c.fatalities.best is not None or d.trigger is None or not 0 <= d.sentence < len(sentences):
        return
    told = [d.sentence]
    others = {m.sentence for f in frames if f is not d for m in (f, *f.joined)}
    if d.sentence + 1 < len(sentences) and d.sentence + 1 not in others:
        told.append(d.sentence + 1)
    for si in told:
        span = none_died(text, *sentences[si])
        if span is not None:
            c.fatalities = Count(best=0, low=0, high=0, qualifier="exact")
            c.spans["fatalities"] = span
            return


# The kinds of victim a toll may count alone ("kill 12 fighters"), each a part of a fuller count.
_KINDS = ("civilians", "combatants", "children", "women")
#: How many sentences after a part's telling the whole that holds it may be told (a headline's next sentence).
WHOLE_SENTENCES = 1


def _implied_civilians(d: Mention) -> None:
    """"A bomb blast killed six": with no word for who died and no armed target, the dead are civilians."""
    c = d.casualties
    if c.fatalities.best is None or d.sub not in _CIVILIAN_BY_DEFAULT or "combatants" in c.hit \
            or c.victims.civilians is not None or c.victims.combatants is not None:
        return
    if d.actor2 is not None and d.actor2.kind not in ("Civilians", "Protesters"):
        return
    c.victims.civilians = c.fatalities.best


def _when(d: Mention, base: date | None) -> tuple[str | None, int | None]:
    told = d.told_date()
    if told is not None:
        return told.date.isoformat(), told.precision
    return (base.isoformat(), 1) if base else (None, None)


def choose_primary(reports: list[Report], title: str | None, text: str = "") -> None:
    """Mark the article's lead event: the one the headline reports, else the first that is not a cumulative toll.

    The headline's event word and toll pick the report ("Strikes kill 58 civilians" -> the strike with 58 dead);
    without a headline the lead (first) event is primary.
    """
    if not reports:
        return
    for r in reports:
        r.primary = False
    candidates = [r for r in reports if "cumulative" not in r.tags and "reference" not in r.tags] or \
        [r for r in reports if "reference" not in r.tags]
    if not candidates:
        return  # only references: no event of the article's own to lead with
    lead = None
    if title:
        trig = main_trigger(find_triggers(title))
        toll = next((t.count.best for t in TollReader(title).tolls() if t.what == "killed"), None)
        sub = trig.rule.sub_event_type if trig is not None and trig.rule.tier > 0 else None

        def score(r: Report) -> int:
            s = 0
            if toll is not None and r.fatalities.best == toll:
                s += 3
            elif toll is not None and r.fatalities.best is not None:
                s += 1
            if sub and r.sub_event_type == sub:
                s += 3
            elif sub and r.event_type == event_type(sub):
                s += 2
            return s

        best = max(candidates, key=score)
        if score(best) > 0:
            lead = best
    if lead is None:
        strong = [r for r in candidates if r.evidence.get("sub_event_type") and r.confidence >= 0.5]
        lead = strong[0] if strong else candidates[0]
    lead.primary = True
    _coded_share(lead, reports, text)
    if title and text and "actor1" not in lead.evidence:
        _actor_from_title(lead, title, text)


def _coded_share(lead: Report, reports: list[Report], text: str) -> None:
    """A note that shares its toll among several coded events ("split, 5 each, between the 2 locations"): the lead
    report gets its share of the toll the note tells."""
    others = [r for r in reports if r is not lead and r.fatalities.best and "cumulative" not in r.tags]
    if lead.fatalities.best is None and others and len(text) <= SHORT_NOTE:
        # A short dispatch tells one event: a toll told in its other sentences is that event's.
        lead.fatalities = Count(**others[0].fatalities.to_dict())
        lead.victims = Victims(**others[0].victims.to_dict())
    told = lead.fatalities.best or max((r.fatalities.best or 0 for r in others), default=0)
    span = lead.evidence.get("location")
    places = [lead.location.name if lead.location else None, text[span[0]:span[1]] if span else None]
    # (With no toll told, a note may still close on its coders' figure, or allocate one to the event's place.)
    share = coded_share(text, told, [p for p in places if p])
    if share is not None:
        lead.fatalities = Count(best=share, low=share, high=share, qualifier="exact")
        for key in ("civilians", "combatants", "children", "women"):
            if (getattr(lead.victims, key) or 0) > share:
                setattr(lead.victims, key, share)


def _actor_from_title(lead: Report, title: str, text: str) -> None:
    """"US jets kill 15 civilians": when the lead report names no actor, the headline's, if the body names it too."""
    trig = main_trigger(find_triggers(title))
    if trig is None:
        return
    actor1, _ = assign_roles(find_actors(title), title, trig.start, 0, len(title))
    if actor1 is None or actor1.kind == "Civilians" or hit_side(title, actor1):
        return
    mention = next((m for m in find_actors(text) if m.name == actor1.name), None)
    if mention is not None:
        lead.actor1 = mention.actor()
        lead.evidence["actor1"] = [mention.start, mention.end]
        if lead.sub_event_type in _TERRITORY:
            lead.sub_event_type = _TERRITORY[lead.sub_event_type].get(actor1.kind, lead.sub_event_type)


def _confidence(d: Mention) -> float:
    base = {0: 0.3, 1: 0.5}.get(d.tier, 0.6)
    if d.inherited:
        base = 0.3
    score = base + 0.1 * sum(x is not None for x in (d.actor1, d.place, d.claim))
    if d.cumulative:
        score = min(score, 0.5)
    return round(min(score, 0.95), 2)


