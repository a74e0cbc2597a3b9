"""Mentions: every event word of an article read into a ``Mention`` (what, who, where, when, how many, says who, and
whether the text asserts it).

Sentences are cut into clauses at "while", "whereas", "meanwhile" and ";" (two
events in one sentence); a clause's strongest event word is its mention. Its
actors, place, date, toll and claimant are those the clause (else its sentence)
tells. Its status says whether the text reports it as having happened in this
news cycle (``asserted``) or not: negated, hypothetical, threatened, alleged
only, background (history, comparisons) or cumulative (a toll summed over a
period). Assembly (``assembly.py``) decides which mentions are one event.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from warwire.extract.actors import ActorMention, assign_roles
from warwire.extract.attribution import ClaimMention
from warwire.extract.casualties import Casualties, combine
from warwire.extract.dates import DateMention
from warwire.extract.event_types import AFAR, INSTRUMENT_TIER, Trigger, event_type, find_triggers, sub_event_type
from warwire.extract.locations import chief_town, inside, quarter_of, same_place, same_spot
from warwire.extract.places import taken_to
from warwire.extract.spans import starting
from warwire.ingest.dates import MONTH_NAME
from warwire.knowledge import packs
from warwire.model import Location

_ANAPHOR = re.compile(r"\b(?:(?P<near>near|around|outside|on the outskirts of|close to)|in|on|at|into|inside)\s+the\s+"
                      r"(?:town|city|village|area|district|neighbou?rhood|region|enclave|camp|suburb|province)\b",
                      re.IGNORECASE)
# A town named as the end of a road ("the Damascus-Aleppo highway", "the road between X and Y") is
# not where the event was, when another place is named.
_ROUTE_AFTER = re.compile(r"(?:\s*-\s*[\w' ]+?)?\s+(?:highway|road|motorway|international road)\b", re.IGNORECASE)
_ROUTE_BEFORE = re.compile(r"\b(?:road|highway|route)\s+(?:between|from|linking|connecting)\s+(?:the\s+)?"
                           r"(?:[\w'-]+\s+and\s+)?$",
                           re.IGNORECASE)
# A quarter named by the city it lies in ("the Ashrafiyah neighbourhood of Afrin"): ACLED codes the city.
_INCLUDING = re.compile(r"(?:\s+(?:countryside|province|region|area|governorate))?,?\s+(?:including|among them|such as)"
                        r"\s+(?:the\s+)?(?:(?:villages?|towns?|city|areas?)\s+(?:of\s+)?)?", re.IGNORECASE)
# "Area" and "district" also name parts of a province ("Betima area in Rural Damascus"): only of a city.
_QUARTER_OF = re.compile(r"(?:\s+and\s+[\w'-]+(?:\s+[\w'-]+)?)?\s+(?:(?P<part>districts?|areas?)|neighbou?rhoods?|"
                         r"quarters?|squares?|streets?)\s+(?:of|in)\s+(?:the\s+)?(?P<city>city\s+of\s+)?$",
                         re.IGNORECASE)
_CITY_AFTER = re.compile(r"\s+city\b", re.IGNORECASE)
# Where fire came from or a person is from ("shelling from A on B", "a man from X was killed"): ACLED codes the
# place hit, so an origin yields to another place of the clause. Driving someone out of a place happens there.
_ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:town|city|village|area|district|province|governorate)"
                            r"\s+of\s+)?(?:al[- ])?$", re.IGNORECASE)
# Where a source reporting the event is ("the agency's reporter in Aleppo said", "a source in Hama told"): where the
# words came from, not where the event was, when the sentence names another town.
_SOURCE_BEFORE = re.compile(r"\b(?:reporters?|correspondents?|sources?|activists?)\s+in\s+"
                            r"(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
_DRIVEN_OUT = re.compile(r"\b(?:expel|driv|drove|withdr|retreat|fled|flee|push|oust|clear|liberat|recaptur|evacuat|"
                         r"displac|kick|chas|expuls)\w*\b(?:\s+[\w'-]+){0,4}\s+from\s+[\w' -]*$", re.IGNORECASE)
# "rebel-held areas", "opposition-controlled districts": a side named to say whose ground a place is, not who acted
# there (a story's wording; a coder's note names the actors it codes).
_DESCRIBES_PLACE = re.compile(r"[- ]?(?:held|controlled)\b|\s+(?:areas?|districts?|neighbou?rhoods?|territory|"
                              r"territories)\b", re.IGNORECASE)
# The noun that names an assault and no weapon ("an IS attack on the gas field", "the attack on the checkpoint").
_ATTACK_NOUN = re.compile(r"attacks?", re.IGNORECASE)
#: What the text says of a mention's event. Only ``asserted`` mentions become reports.
STATUSES = ("asserted", "negated", "hypothetical", "threatened", "alleged", "background", "cumulative")


@dataclass
class Reading:
    """What the article-wide readers found in one article: the context every mention is read in."""

    text: str
    sentences: list[tuple[int, int]]
    actors: list[ActorMention]
    places: list
    dates: list[DateMention]
    tags: list[tuple[str, int, int]]
    places_abroad: list = field(default_factory=list)
    base: date | None = None
    story: bool = False  # a whole story, not a coder's one-event note
    backdrop: frozenset[int] = frozenset()  # sentences that tell history or the war's backdrop, not this news
    _furniture: list[tuple[int, int]] | None = field(default=None, repr=False)

    def furniture(self) -> list[tuple[int, int]]:
        """Spans of the web page's furniture around the story (``page_furniture``), read once."""
        if self._furniture is None:
            self._furniture = page_furniture(self.text)
        return self._furniture


@dataclass
class Clause:
    """One clause of a sentence: its span, its sentence's span and index, the tolls and the claimant it tells."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    sentence: int
    tolls: list
    claim: ClaimMention | None = None


@dataclass
class Mention:
    """One event word read with its clause: type, actors, place, date, toll, claimant and status.

    In assembly a mention that heads an event is its frame: the mentions that
    join it fill its missing fields and are listed in ``joined`` (the report's
    evidence lists them all).
    """

    sub: str
    rule_sub: str
    trigger: Trigger | None
    sentence: int
    tier: int
    inherited: bool = False
    cumulative: bool = False
    tags: set[str] = field(default_factory=set)
    #: The side that acted; or, when the clause names none acting, the side told hit ("X positions were shelled"),
    #: which tells the event apart from the other side's: the record moves that one to actor2 (reports._finish).
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    place: Location | None = None
    place_span: tuple[int, int] | None = None
    date: DateMention | None = None
    casualties: Casualties = field(default_factory=Casualties)
    claim: ClaimMention | None = None
    parent: "Mention | None" = None  # the report an inherited account retells
    status: str = "asserted"
    place_told: bool = False  # the clause or its sentence names the place (not taken from nearby text)
    joined: list["Mention"] = field(default_factory=list)
    apart: bool = False  # its doer is told as another of a kind ("another army unit"): a new event, never a retelling

    @property
    def span(self) -> tuple[int, int] | None:
        return (self.trigger.start, self.trigger.end) if self.trigger is not None else None

    def told_date(self) -> DateMention | None:
        """The most specific date the event's mentions tell ("this week ... on Tuesday" -> Tuesday), else the date
        of the account it retells, else None (the record then falls back to the article's date)."""
        seen = set()
        d: Mention | None = self
        while d is not None and id(d) not in seen:
            told = [m.date for m in [d, *d.joined] if m.date is not None]
            if told:
                return min(told, key=lambda x: x.precision)
            seen.add(id(d))
            d = d.parent
        return None

    def merge(self, other: "Mention") -> None:
        """Fill this frame's missing fields from a mention of the same event."""
        self.joined.append(other)
        self.joined.extend(other.joined)
        other.joined = []
        self.tags |= other.tags
        self.actor1 = self.actor1 or other.actor1
        self.actor2 = self.actor2 or other.actor2
        if other.place and (self.place is None or inside(other.place, self.place)):
            self.place, self.place_span = other.place, other.place_span
            self.place_told = self.place_told or other.place_told
        self.date = self.date or other.date
        self.claim = self.claim or other.claim
        self.casualties.hit |= other.casualties.hit
        if self.casualties.fatalities.best is not None and \
                self.casualties.fatalities.best == other.casualties.fatalities.best:
            # The same toll told again with who died ("20 dead" ... "killing at least 20 people").
            for key in ("civilians", "combatants", "children", "women"):
                if getattr(self.casualties.victims, key) is None and getattr(other.casualties.victims, key) is not None:
                    setattr(self.casualties.victims, key, getattr(other.casualties.victims, key))
                    span = other.casualties.spans.get(f"victims.{key}")
                    if span:
                        self.casualties.spans[f"victims.{key}"] = span
            v, total = self.casualties.victims, self.casualties.fatalities.best
            if v.civilians is not None and v.combatants is not None and v.civilians + v.combatants > total:
                # "30 men were shot dead ... nine of them soldiers": the parts never exceed the whole; the
                # fighters told are taken out of the dead assumed civilians.
                v.civilians = max(total - v.combatants, 0)
        if self.casualties.fatalities.best is None and other.casualties.fatalities.best is not None:
            self.casualties.fatalities = other.casualties.fatalities
            self.casualties.victims = other.casualties.victims
            self.casualties.spans.update({k: v for k, v in other.casualties.spans.items() if k != "injured"})
        if self.casualties.injured is None and other.casualties.injured is not None:
            self.casualties.injured = other.casualties.injured
            if "injured" in other.casualties.spans:
                self.casualties.spans["injured"] = other.casualties.spans["injured"]


# "Another army unit killed ...", "while yet another unit shelled ...", "other units destroyed ...": a round-up
# tells each unit's action as an event of its own, the doer named as one more of its kind before the event word.
# ("The other unit", a named side's "other" fighters or "another activist group" quoted are no such doer.)
_ANOTHER_DOER = re.compile(r"(?<![Tt]he )\b(?:[Aa]nother|[Oo]ther|[Aa] second|[Aa] third)\s+(?:[a-z][\w-]*\s+){0,2}?"
                           r"(?:units?|detachments?|battalions?|brigades?|squads?|patrols?|formations?)\b")


# Kinds of event a weak word ("the attack", "targeted", "hit") can tell again: violence. An aid convoy's arrival, an
# evacuation or a deal told before it is no attack ("the convoy attack" after buses left a town is another event).
_RETOLD_BY_WEAK_WORDS = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def read_mention(r: Reading, trig: Trigger, c: Clause, prev: Mention | None) -> Mention:
    """The mention of event word ``trig`` in clause ``c``; ``prev`` is the mention before (a weak word's antecedent)."""
    text, si, cs, ce, s, e = r.text, c.sentence, c.start, c.end, c.sentence_start, c.sentence_end
    mentions, places, all_dates, tolls, sent_claim = r.actors, r.places, r.dates, c.tolls, c.claim
    sentences, places_abroad, tags = r.sentences, r.places_abroad, r.tags
    rule = trig.rule
    actors = starting(mentions, cs, ce)
    if r.story:
        actors = [a for a in actors if not _DESCRIBES_PLACE.match(text, a.end)]
    actor1, actor2 = assign_roles(actors, text, trig.start, cs, ce)
    place, place_span = _place(text, places, cs, ce, s, e, prev, r.story)
    # ("Another unit killed all of them": the other unit's own fight, not the kind of event told before.)
    apart = _ANOTHER_DOER.search(text, cs, trig.start) is not None
    inherited = bool(rule.inherit and prev is not None and si - prev.sentence <= 2) and not apart \
        and event_type(prev.sub) in _RETOLD_BY_WEAK_WORDS
    if inherited and rule.sub_event_type == "Attack" and (
            place is not None and not same_spot(place, prev.place)
            or actor1 is not None and prev.actor1 is not None and actor1.kind != prev.actor1.kind):
        # Armed men who "attacked" another village after a strike on a town, or another side's fighters: a verb
        # that names no weapon retells the strike only at its spot and by its side ("the attack" always does).
        inherited = False
    casualties = combine(tolls)
    sub = prev.sub if inherited else sub_event_type(rule, actor1.kind if actor1 else None)
    if not inherited and rule.tier == 0 and sub == AFAR and _ATTACK_NOUN.fullmatch(text, trig.start, trig.end) \
            and casualties.armed_dead_only and not any(t.rule.tier > 0 for t in find_triggers(text[cs:ce])):
        # "An IS attack on the gas field killed 30 guards and soldiers": an assault its clause names no weapon for
        # (no shell, jet or bomb), whose dead are armed men, is a battle (ACLED), not fire from afar.
        sub = "Armed clash"
    if sub == "Attack" and not inherited and "execution" not in rule.tags and (
            casualties.armed_dead_only
            or actor2 is not None and actor2.kind not in ("Civilians", "Protesters")):
        # Armed men killing armed men is a battle, not violence against civilians. (Captives put to death are
        # not armed men: ACLED codes an execution of prisoners, soldiers among them, as an attack.)
        sub = "Armed clash"
    if sub == "Attack" and not inherited and actor2 is not None and actor2.kind == "Protesters" and (
            actor1 is None or actor1.kind not in ("Protesters", "Rioters", "Civilians")):
        # Force that kills or maims protesters is a protest event in ACLED's codebook, not violence against civilians.
        sub = "Excessive force against protesters"
    d = Mention(sub=sub, rule_sub=rule.sub_event_type, trigger=trig, sentence=si, tier=rule.tier,
              inherited=inherited, actor1=actor1, actor2=actor2, casualties=casualties)
    d.parent = prev if inherited else None
    d.apart = apart
    d.tags |= set(rule.tags)
    d.tags |= {tag for tag, ts, _ in tags if s <= ts < e}
    d.place, d.place_span = place, place_span
    if place is not None and not r.story and _an_area(places, place_span):
        # A coder's note: a district or governorate, then where in it the act fell (a story's next sentence tells
        # its own events: "11 killed in Idlib province. A barrel bomb hit a home in Kafr Nabl").
        d.place, d.place_span = _spot_told_after(places, sentences, si, place) or (place, place_span)
    if place is not None and r.story and _told_indefinitely(text, place_span):
        # "Planes hit a village in Hama province. ... The raid on Kafr Zita": the town the next sentence names.
        d.place, d.place_span = _town_told_next(places, sentences, si, place) or (d.place, d.place_span)
    d.place_told = d.place is not None
    if d.place is None and inherited:
        d.place = prev.place
    if d.place is None:
        d.place, d.place_span = _nearby_place(places, sentences, si, text, r.backdrop)
    if d.place is None and places:
        # The article's first place: a story about one town names it once, often at the top.
        # (Not a place of the story's backdrop: "rebels used the same weapons in Aleppo last year".)
        told = [p for p in places if sentence_of(sentences, p.start) not in r.backdrop] or places
        first = next((p for p in told if (p.location.geo_precision or 3) < 3), told[0])
        d.place, d.place_span = Location(**first.location.to_dict()), (first.start, first.end)
    if d.place is None and places_abroad:
        d.place, d.place_span = _place(text, places_abroad, cs, ce, s, e, None, r.story)
    dates = starting(all_dates, cs, ce) or starting(all_dates, s, e)
    # The most specific date told ("in recent days ... at the weekend" -> the weekend).
    d.date = min(dates, key=lambda x: x.precision) if dates else None
    claim = next((c for c in [sent_claim] if c is not None), None)
    d.claim = claim
    return d


def _place(text, places, cs, ce, s, e, prev: Mention | None, story: bool = False):
    """The most specific place of the clause, else of the sentence, else "the town" = the place before."""
    for lo, hi in ((cs, ce), (s, e)):
        named = starting(places, lo, hi)
        here = [p for p in named if not _ROUTE_AFTER.match(text, p.end)
                and not _ROUTE_BEFORE.search(text, max(0, p.start - 30), p.start)]
        if not any((p.location.geo_precision or 3) < 3 for p in here):
            # "A roadside bomb went off on the highway from Nawa to Jasim in Dar'a": the road's towns, not the province.
            here = named
        here = [p for p in here if not _in_quarter_of(text, p, here)] or here
        if any(_SOURCE_BEFORE.search(text, max(0, p.start - 40), p.start) for p in here):
            rest = [p for p in here if not _SOURCE_BEFORE.search(text, max(0, p.start - 40), p.start)]
            here = rest if any((p.location.geo_precision or 3) < 3 for p in rest) else here
        origins = [p for p in here if _ORIGIN_BEFORE.search(text, max(0, p.start - 60), p.start)
                   and not _DRIVEN_OUT.search(text, max(lo, p.start - 80), p.start)]
        if origins:
            rest = [p for p in here if p not in origins and not any(
                0 < p.start - o.end <= 30 and inside(o.location, p.location) for o in origins)]
            if not any((p.location.geo_precision or 3) < 3 for p in rest):
                # Only where a person or the fire came from: the event's place is told elsewhere.
                continue
            here = rest
        refuges = [p for p in here if taken_to(text, p.start)]
        if refuges:
            # "Shelling hit Y and families fled to X": where people fled or were taken is no place of the event.
            here = [p for p in here if p not in refuges]
            if not here:
                continue
        if here:
            # The first town named is the event's place ("a hilltop two kilometres past Maabatli village in
            # western Afrin"); a province only when no town is named.
            local = [p for p in here if (p.location.geo_precision or 3) < 3]
            best = local[0] if local else min(here, key=lambda p: (p.location.geo_precision or 3, p.start))
            best = _most_specific(text, best, local)
            best = _past_frame(text, best, [p for p in starting(places, s, e) if (p.location.geo_precision or 3) < 3], s)
            if (lo, hi) == (cs, ce):
                # "... a dock worker's car blew up as he drove through Al Mansurah of Aden": told inside it later on.
                sent = [p for p in starting(places, s, e) if (p.location.geo_precision or 3) < 3]
                best = next((q for q in sent if q.start > best.end and _told_in(text, q, sent, best)), best)
            best = _named_inside(text, best, local) or (None if story else _town_near(text, best, local)) or best
            loc = Location(**best.location.to_dict())
            if best.relation == "near" and (loc.geo_precision or 1) < 2:
                loc.geo_precision = 2
            return loc, (best.start, best.end)
    m = _ANAPHOR.search(text, cs, ce)
    if m and prev is not None and prev.place is not None:
        loc = Location(**prev.place.to_dict())
        if m.group("near") and (loc.geo_precision or 1) < 2:
            loc.geo_precision = 2
        return loc, (m.start(), m.end())
    return None, None


# "In the coastal city of Hodeidah, ...", "Also in Saada, ...": a place opening the sentence sets the scene.
_FRAME_BEFORE = re.compile(r"\W*(?:also\s+|meanwhile,?\s+)?in\s+(?:the\s+)?[^,.;]{0,50}$", re.IGNORECASE)
_FRAME_AFTER = re.compile(r"[^,.;]{0,40},")


def _past_frame(text: str, best, local, s: int):
    """A place that sets the scene at the head of the sentence ("In Lahij, ... in al-Qabitah district") yields to
    a place of its governorate the sentence names after it: the most specific place of the event."""
    if not _FRAME_BEFORE.fullmatch(text, s, best.start):
        return best
    m = _FRAME_AFTER.match(text, best.end)
    if m is None:
        return best
    return next((q for q in local if q.start >= m.end() and q.location.admin1 == best.location.admin1), best)


def _most_specific(text: str, best, local):
    """ACLED codes the most specific place of an event: a place named later in the clause that lies in the one
    named first ("an employee of Aden port ... in Al Mansurah of Aden") is taken over it."""
    if best.relation == "near":
        return best  # "fields at the edge of Raju ... in Afrin district": a spot told by a town, not a district
    for q in local:
        if q.start <= best.end or _CONTAINER_AFTER.fullmatch(text, best.end, q.start):
            continue  # "Manbah district, Sadah": what follows so holds the place, it is not inside it
        if _lies_in(q.location, best.location) or _told_in(text, q, local, best):
            best = q
    return best


# What joins a place to one it lies in: "X, Y", "X district of Y", "X in Y".
_CONTAINER_AFTER = re.compile(r"(?:['’]s)?(?:\s+(?:border\s+)?(?:districts?|directorate|areas?|region|village|town|city|"
                              r"province|governorate|sub-?district))?\s*(?:,|\bin\b|\bof\b)\s*(?:the\s+)?",
                              re.IGNORECASE)


def _lies_in(a: Location, b: Location) -> bool:
    """Whether place ``a`` is more precise than ``b`` and lies in it: at its spot, or in the district ``b`` is (a
    town named like its governorate holds none of the governorate's villages)."""
    if (a.geo_precision or 3) >= (b.geo_precision or 3):
        return False
    return same_place(b, a) or (b.geo_precision or 3) == 2 and a.admin2 is not None and a.admin2 == b.admin2


_IN_OF = re.compile(r",?\s+(?:(?:district|area|village|town|directorate)\s+)?(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?$",
                    re.IGNORECASE)


def _told_in(text: str, q, local, best) -> bool:
    """Whether the text names ``q`` as lying in ``best`` ("in Al Mansurah of Aden", "Qarn village in Hays")."""
    nxt = next((r for r in local if r.start > q.end), None)
    if nxt is None or nxt.location.name != best.location.name or nxt.start - q.end > 30:
        return False
    m = _IN_OF.search(text, q.end, nxt.start)
    return m is not None and m.start() == q.end


def _named_inside(text: str, area, local):
    """"Farms across the Afrin plain, among them Maraanaz village": the village named inside the area."""
    nxt = next((q for q in local if q.start > area.end), None)
    if nxt is None:
        return None
    m = _INCLUDING.match(text, area.end, nxt.start)
    return nxt if m is not None and m.end() == nxt.start else None


def _town_near(text: str, spot, local):
    """"Hasana village near Maar Tahroma town": ACLED codes the town a little-known spot is told by."""
    nxt = next((q for q in local if q.start > spot.end), None)
    if nxt is None or nxt.relation != "near" or nxt.start - spot.end > 40 \
            or re.search(r"[.;]", text[spot.end:nxt.start]):
        return None
    if chief_town(nxt.location):
        return None  # "Kasra, a village a few miles east of the provincial capital": a province's chief city
        # tells the way to a town it names, not a spot of its own
    return nxt


def _in_quarter_of(text: str, p, here) -> bool:
    """Whether ``p`` is a quarter of a town named right after it ("the Sarouja district of Damascus")."""
    after = [q for q in here if q.start > p.end and q.start - p.end <= 60]
    if not after or (after[0].location.geo_precision or 3) > 1:
        return False
    m = _QUARTER_OF.match(text, p.end, after[0].start)
    if m is None or m.end() != after[0].start or quarter_of(p.location, after[0].location, p.kind):
        return False  # (a quarter read in the city itself is the more specific place)
    return not m.group("part") or bool(m.group("city")) or bool(_CITY_AFTER.match(text, after[0].end))


def _an_area(places, span) -> bool:
    """Whether the place named at ``span`` is a district or governorate (not a town, nor a spot told by one)."""
    return any((p.start, p.end) == span and (p.relation == "province" or p.relation == "in" and p.kind in (
        "district", "subdistrict", "governorate")) for p in places) if span else False


def _spot_told_after(places, sentences, si: int, area: Location):
    """The town or village of ``area`` (the district or governorate an event is told in) that the next sentence
    names ("... in Sirwah district. The depot lay in the Dayq area"): where the act fell, the spot ACLED codes.
    Its (place, span), or None."""
    if si + 1 >= len(sentences):
        return None
    s, e = sentences[si + 1]
    for q in starting(places, s, e):
        loc = q.location
        if (loc.geo_precision or 3) != 1 or q.relation != "in":
            continue
        if _lies_in(loc, area) or (area.geo_precision or 3) >= 3 and loc.admin1 == area.admin1 and area.admin1:
            return Location(**loc.to_dict()), (q.start, q.end)
    return None


# "a town in northern Idlib province", "an area just outside Homs", "a village near Hama": the event's
# spot is told only as one of a kind within the place named; a story names it in its next sentence.
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|area|district|neighbou?rhood|"
                                r"suburb|hamlet|camp)\s+(?:in|outside|near|of|on\s+the\s+outskirts\s+of|east|west|north|"
                                r"south)\b[^.;,]{0,40}$", re.IGNORECASE)
#: How far before the place (characters) the indefinite noun phrase that introduces it may begin.
INDEFINITE_REACH = 70


def _told_indefinitely(text: str, span) -> bool:
    """Whether the place at ``span`` is told as holding an unnamed town or area ("a town in X province")."""
    return span is not None and _INDEFINITE_BEFORE.search(text, max(0, span[0] - INDEFINITE_REACH), span[0]) is not None


def _town_told_next(places, sentences, si: int, area: Location):
    """The town the sentence after ``si`` names inside ``area`` (its governorate, the countryside around a city, or
    within the reach of one place), as (place, span), or None."""
    if si + 1 >= len(sentences):
        return None
    s, e = sentences[si + 1]
    around = packs.current().surrounds
    for q in starting(places, s, e):
        loc = q.location
        if (loc.geo_precision or 3) >= 3 or q.relation not in ("in", "near") or loc.name == area.name:
            continue
        if loc.admin1 in (area.admin1, around.get(area.admin1 or "")) or same_place(loc, area):
            return Location(**loc.to_dict()), (q.start, q.end)
    return None


def sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    """The index of the sentence that holds offset ``pos``."""
    return bisect_left(sentences, (pos + 1,)) - 1


def _nearby_place(places, sentences, si, text: str, backdrop=frozenset()):
    """The place of the nearest sentence before (or, failing that, just after) that names one; a sentence of the
    story's backdrop ("rebels used the same weapons in Aleppo last year") tells where other things happened, and a
    place told as where people fled or were taken ("families fled to the village of X") is where nothing did."""
    if not places:
        return None, None
    order = list(range(si - 1, max(-1, si - 4), -1)) + list(range(si + 1, min(len(sentences), si + 3)))
    for j in order:
        if j in backdrop:
            continue
        s, e = sentences[j]
        if e <= places[0].start:
            break
        here = [p for p in starting(places, s, e) if not taken_to(text, p.start)]
        if here:
            local = [p for p in here if (p.location.geo_precision or 3) < 3]
            best = (local or here)[0]
            return Location(**best.location.to_dict()), (best.start, best.end)
    return None, None
# What a text says of an event that it does not report as having happened. Each is a construction found across
# wire copy of many outlets; the clause's event word must come after the cue (or the cue governs the sentence).
_NEGATED = re.compile(r"\b(?:denied|denies|deny|denying|rejected the (?:claims?|reports?|accusations?)|"
                      r"did not (?:carry out|launch|attack|use|strike|kill)|never (?:used|attacked|carried out))\b",
                      re.IGNORECASE)
# "stopped bombing Aleppo", "would halt air strikes", "a three-hour halt of fighting": an event that ends is not
# told as happening. ("A freeze on clashes", "a brief lull in the air raids", "a drop in violence": nor one that
# eases.)
# ("Non-stop shelling", "a non-stop battle": the hyphened word tells the event went on, not that it ended.)
_HALTED = re.compile(r"(?<![\w-])(?:(?:stop|halt|suspend|cease|end|pause)(?:s|ed|ped|ping|ing)?|(?:halt|stop|pause|suspension|"
                     r"cessation|end|freeze|lull|respite|let-?up|reduction|decrease|easing) (?:of|on|to|in)|"
                     r"(?:a|the)\s+(?:sharp\s+|steep\s+|marked\s+)?drop in)"
                     r"\s+(?:its\s+|their\s+|the\s+|all\s+|any\s+|further\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# "no air strikes", "not aware of any fighting", "any attack on civilians": the event word names no event.
_NONE_OF = re.compile(r"\b(?:no|any)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# ("Smoke could be seen as explosions shook the town": a witness's senses, not a condition.)
# ("the gunners may have hit the school", "it may be a revenge killing": the modal, not the month.)
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|would|could(?!\s+(?:be\s+)?(?:seen|heard|felt|see|hear|feel)\b)|might|"
                           r"(?-i:may)(?!\s+(?:be\s+)?(?:seen|heard|felt)\b)|"
                           r"should|in case of|aimed at|in order to|seeking to|"
                           r"(?:urged|urges|urging|called on|calls on|calling on|called for|calls for|calling for|"
                           r"demanded|demands|asked|appealed to)\b[^.]{0,80}\bto|to (?:suspend|stop|halt|end|cease))\b",
                           re.IGNORECASE)
# "called for a nationwide truce", "a draft resolution demanding the imposition of a ten-day ceasefire": the event
# word is what is called for, not an event (the words between name it: no "after", "as" or "when" opening a clause
# of its own, as in "called for calm after jets struck", nor a preposition making it the object of what is called
# for, as in "called for an inquiry into the gas attack").
_CALL_FOR = re.compile(r"\b(?:call(?:ed|s|ing)?\s+for|demand(?:ed|s|ing)?|push(?:ed|es|ing)?\s+for)\s+"
                       r"(?:(?!(?:after|as|when|while|and|but|that|which|since|into|over|on|against|about|following|for|"
                       r"to|in|at|by|with|from)\b)[\w-]+\s+){0,6}$",
                       re.IGNORECASE)
# "it was not clear whether the jet was shot down", "did not say whether any fighters were killed": the event word is
# the open question's verb, not told as having happened. (A question on who did it or how many died, "whether
# government or allied jets carried out the raid", asks about an event that happened. So does one on the dead of
# an event a relative clause tells: "whether the men who were killed in the raid were fighters".)
_WHETHER = re.compile(r"\bwhether\s+(?:(?!(?:who|that|which|whom|whose)\b)[\w'-]+\s+){0,6}?"
                      r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
                      r"(?:also\s+|actually\s+|in\s+fact\s+)?[\w-]+(?:\s+(?:down|up|out))?$", re.IGNORECASE)


def _called_for(words: str) -> bool:
    low = words.lower()
    return ("call" in low or "demand" in low or "push" in low) and _CALL_FOR.search(words) is not None


def called_off(text: str, m: Mention, c: Clause) -> str | None:
    """Whether the words just before mention ``m`` call for its event or for its end ("called for a halt to the
    fighting", "urged an end to the clashes"): "hypothetical" or "negated", or None when they tell it as happening."""
    if m.trigger is None:
        return None
    before = text[max(c.sentence_start, m.trigger.start - CUE_REACH):m.trigger.start]
    if _called_for(before[-80:]):
        return "hypothetical"
    # (Only a called-for end: "forces halted an advance" tells the fight that was stopped.)
    if _HALTED.search(before[-50:]) and _CALLED.search(before[-80:]):
        return "negated"
    return None


_CALLED = re.compile(r"\b(?:call(?:ed|s|ing)?\s+for|urg(?:ed|es|ing)|demand(?:ed|s|ing)?|appeal(?:ed|s|ing)?\s+for|"
                     r"press(?:ed|es|ing)?\s+for|push(?:ed|es|ing)?\s+for)\b", re.IGNORECASE)


_THREATENED = re.compile(r"\b(?:threat(?:en|ened|ens|ening)?|vow(?:ed|s)?|warn(?:ed|s)?|pledg(?:ed|es)|"
                         r"plan(?:s|ned|ning)?|prepar(?:ing|es|ed) (?:for|to)|(?:is|are|was|were) (?:set|poised|about) "
                         r"to|will|intends? to)\b", re.IGNORECASE)
_ALLEGED = re.compile(r"\b(?:accus(?:ed|es|ing|ation)|alleg(?:ed|edly|es|ation)|suspect(?:ed|s)?|"
                      r"(?:reportedly|reported) (?:affected|used)|investigat\w*|looking into|inspectors?|probe|"
                      r"condemn\w*|denounc\w*)\b", re.IGNORECASE)
# Accusations, probes and condemnations hold for their whole sentence; "suspected" only for the event word after
# it ("a suspected chemical attack", not "raids by suspected Russian jets").
_ALLEGED_ANYWHERE = re.compile(r"\b(?:accus(?:ed|es|ing|ation)|alleg(?:ed|edly|es|ation)|investigat\w*|looking into|"
                               r"inspectors?|probe|condemn\w*|denounc\w*)\b", re.IGNORECASE)
# A lament or a criticism ("deplored the silence of the world while the jets are dropping cluster bombs", "criticised
# both sides for indiscriminate shelling") over what goes on in the present tense: the war's state, no event. (One that
# names a past attack, "decried the gas attack", leaves it told.)
_LAMENT = re.compile(r"\b(?:lament\w*|deplor\w*|decr(?:y|ies|ied|ying)|criticis\w*|criticiz\w*)\b", re.IGNORECASE)
_LAMENT_WORDS = ("lament", "deplor", "decr", "critici")
# History and comparison: a period before this news cycle. ("Clashes broke out for the first time on Saturday": a
# first is news; "the first time rebels shelled the town was in 2013", "the last time" tell an earlier one. "Updating
# an earlier toll", "earlier reports said": an earlier telling of the news, not an earlier event.)
_BACKGROUND = re.compile(r"\b(?:last (?:week|month|year|summer|winter|spring|autumn|"
                         rf"(?:{MONTH_NAME})\b(?!\s+\d))|(?:earlier|previously|in the past)"
                         r"(?! (?:this (?:week|morning)|on |today|(?:death )?(?:tolls?|reports?|figures?|counts?|statements?|tally|estimates?)\b))|(?:have|has|had) (?:previously|repeatedly|frequently|regularly|"
                         r"often) |(?:weeks|months|years) ago|since (?:19|20)\d\d|(?<!for )the first time|the last time|"
                         r"(?:has|have|had) seen|(?:is|are|remains?|was|were) (?:still )?(?:under the control of|controlled by|held by)|"
                         r"(?:is|are) (?:still )?(?:fighting|battling)|"
                         r"(?:covered by|falling within|within) (?:a|the) (?:[\w-]+ ){0,2}(?:truce|deal|agreement|"
                         r"ceasefire|zone)|(?:killed|died|displaced) (?:[\w-]+ ){0,3}(?:in|during|since) the "
                         r"(?:[\w-]+ )?(?:war|conflict|uprising|revolution))", re.IGNORECASE)
# "Rebels have also fired on the city": told in the present perfect with no day, a summary of the story's backdrop.
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:also\s+|repeatedly\s+|since\s+)?(?:been\s+)?\w+(?:ed|en|wn|ht|ot|ft|ld|id|ne)\b",
                      re.IGNORECASE)
# Event words that are nouns of a kind of event, no verb telling one.
_BARE_NOUN = re.compile(r"(?i)fighting|battles|clashes|air\s?strikes|air\s?raids|raids|bombings|shelling|"
                        r"bombardment|attacks|violence|hostilities")
#: Sentences of the lead (headline, dateline, first sentences) tell the news in the present perfect.
LEAD_SENTENCES = 3
# A photo caption ends "(AFP photo)": the event words before it describe a picture, not the news.
_CAPTION = re.compile(r"\((?:[\w/]+ )?(?:file )?photo(?:graph)?\)\s*$", re.IGNORECASE)
# An instrument or an agreement named without an action ("as warplanes circled overhead", "despite a truce in
# place", "zones controlled by the army"): the setting of the story, not an event. Tier 1 words (triggers.yaml)
# need an action told with them (INSTRUMENT_TIER): a strike verb, a target ("shells on X") or a toll; an agreement,
# its conclusion.
_ACTION = re.compile(r"\b(?:pound|bomb|shell|raid|strafe|dropp?|launch|fir(?:e|ed|es|ing)\b|hit|struck|strik|target|"
                     r"kill|destroy|attack|rain|blast|level|flatten|carr(?:y|ied|ies) out|conduct|pummel|batter|slam|"
                     r"hammer|blew up|exploded|landed|fell|slammed|crashed into)\w*", re.IGNORECASE)
_AIMED_AT = re.compile(r"\s+(?:on|at|against|into|in|near|across|around|targeting|hit(?:ting)?|struck|slammed)\b",
                       re.IGNORECASE)
_CONCLUDED = re.compile(r"\b(?:reach(?:ed|es)?|announc(?:ed|es|ing)|sign(?:ed|s|ing)|struck|broker(?:ed|s)|conclud(?:ed|es)|"
                        r"agreed|accept(?:ed|s)|approv(?:ed|es)|began|begins|started|starts|"
                        r"(?:took|take|takes|came|went|entered) (?:into )?"
                        r"(?:effect|force)|declared|(?:was|were|has been|have been) (?:reached|agreed|signed))\b",
                        re.IGNORECASE)
# "the liberated north", "in their liberated zone": a side's name for the ground it holds (after a determiner).
_NAMED_GROUND = re.compile(r"(?i)liberated")
_GROUND_NOUN = re.compile(r"\s+(?:areas?|provinces?|zones?|territor(?:y|ies)|regions?|parts?|districts?|"
                          r"neighbou?rhoods?|north|south|east|west)\b", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:the|in|of|its|their|these|those)\s+$", re.IGNORECASE)
# "the ceasefire agreed to in the capital", "a deal agreed between the clans": an agreement named by who made
# it or where, the setting of the story (told as made: "the sides agreed to a truce on Monday").
_AGREED_AFTER = re.compile(r"\s+(?:in|at|by|under|between|during|last|earlier)\b", re.IGNORECASE)
_AGREEMENT_NOUN = re.compile(r"\b(?:zones?|deals?|agreements?|truces?|ceasefires?|cease-fires?|plans?|terms|accords?|"
                             r"memorandum|arrangements?)\s+(?:(?:that|which)\s+(?:was|were|had\s+been)\s+)?$",
                             re.IGNORECASE)
# "areas controlled by rebels", "the government-controlled area", "is largely controlled by": who holds a place.
_HELD = re.compile(r"(?:\s+by\b|\s+(?:areas?|zones?|territor|parts?|districts?|neighbou?rhoods?|regions?))",
                   re.IGNORECASE)
_HELD_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|been|being|largely|mainly|mostly|partly|partially|entirely|"
                          r"fully|almost)\s+|-)$", re.IGNORECASE)
# "one of the most powerful groups fighting both Assad's forces and IS", "fighters battling forces loyal to":
# a group named by the war it wages.
_FIGHT_WORD = re.compile(r"(?i)(?:battling|fighting|combatt?ing)")
_WHO_FIGHT = re.compile(r"\b(?:fighters|rebels|groups?|militants|factions|forces|militias?|alliance|coalition|"
                        r"jihadists|units|brigades?)\s+(?:(?:that|who|which)\s+(?:are|were|is|was)\s+)?"
                        r"(?:(?:also|still|now)\s+)?$", re.IGNORECASE)
# "rebels fighting to overthrow the president", "extremists fighting for the Nusra Front": what or whom a side fights
# for tells who it is.
_FIGHT_AIM = re.compile(r"\s+to\s+(?!the\b|a\b|an\b|its\b|their\b)[a-z]+\b")
_FIGHT_FOR = re.compile(r"\s+(?:for|alongside)\s+(?:the\s+)?")
# But an aim on ground or against an assault is the battle itself: "troops were fighting to retake the town of X",
# "rebels fighting to hold on to the ridge", "fighting to push back an offensive".
_GROUND_AIM = re.compile(r"\s+to\s+(?:retake|recapture|capture|seize|hold(?:\s+on\s+to|\s+onto)?|take(?:\s+back)?|"
                         r"regain|reclaim|storm|defend|keep|clear|enter|encircle|surround|repel|repulse|fend\s+off|"
                         r"push\s+back|drive\s+back|advance\s+(?:on|into|towards?)|break\s+(?:through|into))\s+",
                         re.IGNORECASE)
_GROUND = re.compile(r"(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:town|village|city|district|"
                     r"neighbou?rhood|suburb|quarter|hill|hilltop|ridge|mountain|base|airport|air\s+base|road|highway|"
                     r"crossing|province|region|area|front|positions?|enclave|pocket|outskirts|assault|offensive|"
                     r"attack|advance|push)s?\b", re.IGNORECASE)


def _fights_for(r: Reading, end: int) -> bool:
    """Whether the fight word ending at ``end`` is followed by its aim ("to overthrow") or a side it fights for; an
    aim on a place or against an assault ("to retake the town", "to repel the offensive") is a battle, no aim."""
    aim = _GROUND_AIM.match(r.text, end)
    if aim is not None and (_GROUND.match(r.text, aim.end()) or starting(r.places, aim.end(), aim.end() + 2)):
        return False
    if _FIGHT_AIM.match(r.text, end):
        return True
    m = _FIGHT_FOR.match(r.text, end)
    return m is not None and bool(starting(r.actors, end, m.end() + 1))


# "a convoy of 20 lorries reached the besieged district", "the relief trucks could not get into the village".
_ARRIVAL = re.compile(r"(?i)(?:enter|reach|arriv)")
_CONVOY_BEFORE = re.compile(r"\b(?:convoys?|trucks?|lorries|aid|evacuees|buses|ambulances)\b[^.;]{0,50}$",
                            re.IGNORECASE)
# "chemical weapons inspectors", "the Organisation for the Prohibition of Chemical Weapons": an institution or a
# programme named by the weapon, not its use.
_WEAPON_AS_NAME = re.compile(r"\s+(?:inspectors?|experts?|programm?e?s?|convention|facilit\w*|factor\w*|stockpiles?|"
                             r"arsenals?|watchdog|team|production|storage|agency|mission|investigat\w*|"
                             r"(?:use|attacks?) (?:claims|allegations))\b", re.IGNORECASE)
# ("a pact that outlaws poison gas", "caches of sarin": the arms, not their use.)
_PROHIBITION_OF = re.compile(r"\b(?:Prohibition|possess\w*|stockpiles?|caches?|destruction|elimination|removal) of\s+"
                             r"(?:undeclared\s+|its\s+|their\s+)?$|\b(?:bans?|banning|outlaws?|prohibits?)\s+$",
                             re.IGNORECASE)
# A monitor's note on its own method, told in the present as what it does for every report ("the group says it
# works out which jets flew a sortie from the aircraft's type and route"): no strike of its own. Only the habitual
# present counts: "were working to identify who", "have yet to determine whether" or "which jets carried out" ask
# about one attack, which happened.
_MONITOR_METHOD = re.compile(r"\b(?:determines|identifies|works\s+out|establishes|distinguishes)\s+"
                             r"(?:whether|whose|which|what|who)\b", re.IGNORECASE)
# "Idlib is regularly bombed": a habit told without a day is the backdrop.
_HABITUAL = re.compile(r"\b(?:regularly|routinely|frequently|often|repeatedly|constantly|daily|almost daily|"
                       r"on a daily basis|every day)\b", re.IGNORECASE)
# "relentless shelling", "a months-long siege": a campaign named by how long it goes on.
_ONGOING = re.compile(r"\b(?:ongoing|relentless|continuing|weeks-long|months-long|years-long)\s+(?:[\w-]+\s+)?$",
                      re.IGNORECASE)
#: A habitual adverb this close before the event word (characters; half as far after it) is its verb's.
HABIT_REACH = 45
# A photo caption ends with where and when the picture was taken, no preposition before the date: "Rescuers dig
# through a collapsed home after a raid, Idlib Syria April 3 2017."
_CAPTION_DATED = re.compile(rf"(?<!\bon\s)(?<!\bin\s)(?<!\bof\s)\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
                            rf"[A-Z][a-z]+,?\s+(?i:{MONTH_NAME})\s+\d{{1,2}},?\s+(?:19|20)\d\d\s*\.?"
                            rf"(?:\s*\([\w/ ]+\))?\s*$")
# Or it tells, in the present, what people in the picture do, and the day it was taken: "A boy stands beside
# a crater left by a rocket in Douma on May 4 2016."
_CAPTION_SCENE = re.compile(rf"\b(?:search(?:es)?|inspects?|walks?|stands?|carr(?:y|ies)|looks?|gathers?|reacts?|"
                            rf"mourns?|(?:is|are) seen|sits?|rides?|waits?|removes?|checks?|holds?|comforts?|prays?|"
                            rf"attends?|evacuates?|receives?)\b[^.]{{0,200}}\bon\s+(?i:{MONTH_NAME})\s+\d{{1,2}},?\s+"
                            rf"(?:19|20)\d\d\s*\.?(?:\s*\([\w/ ]+\))?\s*$")
# Every caption date holds a year: a sentence without one is not searched for the (slow) caption pattern.
_YEAR = re.compile(r"(?:19|20)\d\d")
#: An explicit date this many days before the article's is of an earlier news cycle.
BACKGROUND_DAYS = 8
# A web page's furniture around the story: its list of links to other stories ("612 Related <their titles>",
# to the end of the page), another story's title set under a photo credit, before the story's own dateline
# ("REUTERS <photographer> <a title> MOSCOW (Sputnik) <the story>"), and embedded videos' titles. Their event
# words are other stories' (or the story's own, told again).
# ("Topic <a series' title> (200) Related <titles>": after a series' count of stories too.)
_RELATED_LIST = re.compile(r"(?:\b\d+|\(\d+\))\s+Related\s+(?=[A-Z])")
# An embedded video's title, told in the run of the text: "Jets pound market town, many dead - YouTube".
_VIDEO_TITLE = re.compile(r"[^.!?]{1,160}\s-\sYouTube\b")
# (The agency's credit may have lost its slash with the layout: "Sputnik <photographer> <a title> MOSCOW (Sputnik)".)
# (Each credit begins with its capital and a look-behind for the word's start, not \b: the engine skips in C to
# those three capitals.)
_CREDITED_TITLE = re.compile(r"(?:R(?<!\w.)EUTERS\b|A(?<!\w.)(?:P Photo|FP)\b|S(?<![\w(].)putnik\b(?!\)))[^.]{0,200}?"
                             r"(?=\b[A-Z]{3,}(?: [A-Z]{3,})? \((?:Sputnik|AFP|Reuters|AP)\))")
# A date told right after the event word, in its own words, is that event's own ("Palmyra, which the army
# recaptured from IS in March", "which troops overran during a winter push in December"), whatever
# other day its sentence tells ("On Thursday the ministry said ...").
_OWN_DATE_BREAK = re.compile(r"[,;:(\"]|\b(?:said|says|and|but|as|after|before|when|while|which|who|that|than)\b",
                             re.IGNORECASE)
#: How far after its event word (characters) a date is still the event's own.
OWN_DATE_REACH = 60
# "fighters have been battling the army for six years", "the war has raged for more than five years": an event word
# that lasts months or years is the story's setting, not news of this cycle (days and weeks may be one offensive).
_LASTING = re.compile(r"\bfor\s+(?:the\s+)?(?:past\s+|last\s+|more\s+than\s+|nearly\s+|almost\s+|over\s+|some\s+)?"
                      r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)[\s-]+(?:years?|months?)\b",
                      re.IGNORECASE)
# A year told as when something was ("in late 2014", "during March 2015", "since 2013").
# (And a decade: "in the 1980s".)
PAST_YEAR = re.compile(r"\b(?:in|since|during|of|from|In|Since|During|From)\s+"
                       r"(?:the\s+(?=(?:early|late|mid)|(?:19|20)\d0s))?"
                       r"(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)s?\b")
#: A cue this close before the event word (characters, same sentence) governs it.
CUE_REACH = 120


# "the bloodiest day for the province since the siege started", "its heaviest shelling since 2016": a comparison that
# says how grave the news is. The earlier time it names is no event of the story and no backdrop of it.
_COMPARISON = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|fiercest|most\s+(?:deadly|violent|"
                         r"intense|ferocious|serious))\b[^.;]{0,80}?\bsince\b[^.;,]*", re.IGNORECASE)


def without_comparisons(words: str) -> str:
    """The words with their superlative comparisons to an earlier time blanked (offsets kept)."""
    if "since" not in words.lower():
        return words
    return _COMPARISON.sub(lambda m: " " * len(m.group()), words)


# "..., bringing to 60 the dead of the past seven days", "which took the toll since Sunday to 22": a running
# total told after an event. Its period is the total's, not the event's, whose own clause tells its day and toll.
_RUNNING_TOTAL = re.compile(r"\b(?:bringing|raising|pushing|taking|lifting|putting|(?:which|that)\s+(?:brings|brought|"
                            r"raises|raised|pushes|pushed|takes|took|lifts|lifted|puts|put))\b"
                            r"(?=[^.;]{0,80}?\b(?:toll|number|total|tally|count)\b)"
                            r"(?=[^.;]{0,120}?\bto\s+(?:\d|at\s+least|more\s+than|over|about|nearly|some|around|"
                            r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                            r"sixty|seventy|eighty|ninety|a\s+hundred|hundreds?|dozens?)\b))[^.;]*", re.IGNORECASE)


def without_running_totals(words: str) -> str:
    """The words with a running total told after the event ("bringing the toll this week to 60") blanked
    (offsets kept)."""
    if "ing " not in words and "which " not in words and "that " not in words:
        return words
    return _RUNNING_TOTAL.sub(lambda m: " " * len(m.group()), words)


def _negated(words: str) -> bool:
    # Every denial _NEGATED reads holds one of these; ASCII text lower-cases as the pattern's case-folding does.
    if words.isascii():
        low = words.lower()
        if "den" not in low and "rej" not in low and "did not" not in low and "never" not in low:
            return False
    return _NEGATED.search(words) is not None


# Every cue _BACKGROUND reads holds one of these words (its last alternative: one of the first three).
_BACKGROUND_WORDS = ("last ", "earlier", "previously", "in the past", "repeatedly", "frequently", "regularly", "often",
                     "s ago", "since ", "first time", "seen", "control", "held by", "fighting", "battling", "within",
                     "covered by", "killed", "died", "displaced")


def _background(words: str) -> bool:
    # ASCII text lower-cases as the pattern's case-folding does.
    if words.isascii():
        low = words.lower()
        if not any(w in low for w in _BACKGROUND_WORDS):
            return False
    return _BACKGROUND.search(words) is not None


# A relative clause after the event word tells of something else ("shelling of the fort, which has changed
# hands twice", "fighting in two quarters, where loyalists have opened a front").
# ("the region that is held by the group": "that" and a helper verb after a noun start a relative too.)
_RELATIVE = re.compile(r"\s(?:where|which|who|whose|whom|that\s+(?:is|are|was|were|has|have|had))\s", re.IGNORECASE)


def relative_end(text: str, start: int, end: int) -> int:
    """Where the words from ``start`` (an event word's end) stop telling of that event: at a relative clause."""
    m = _RELATIVE.search(text, start, end)
    return m.start() if m is not None else end


# "Earlier, rebels shelled the town", "Earlier the monitor reported the blast": a sentence opened by a bare "earlier"
# steps back within the story's own news (wire copy's way of telling what came before the lead), not to a period
# before it. With a time after it ("Earlier this year", "Earlier in the war", "Earlier on Monday") the time says.
_OPENING_EARLIER = re.compile(r"\W{0,3}Earlier\b,?\s+(?!(?:this|that|today|on|in|last|than|at|during)\b)")


def _after_opening_earlier(text: str, c: Clause) -> int:
    """Where the sentence's words start after a bare opening "Earlier" (the sentence start when it has none)."""
    m = _OPENING_EARLIER.match(text, c.sentence_start, c.sentence_end)
    return m.end() if m is not None else c.sentence_start


def status_of(r: Reading, m: Mention, c: Clause) -> str:
    """Whether the text asserts mention ``m`` as an event of this news cycle, or how it does not.

    Negation, conditions, calls, threats and allegations govern the event word they come before in its
    sentence; background cues and explicit old dates hold for the whole clause.
    """
    text = r.text
    if m.trigger is None:
        return "asserted"
    if any(a <= m.trigger.start < b for a, b in r.furniture()):
        return "background"  # another story's title, on the page around this one
    lo = max(c.sentence_start, m.trigger.start - CUE_REACH)
    before = text[lo:m.trigger.start]
    clause = text[c.start:c.end]
    if _negated(before) or _negated(clause) or _NONE_OF.search(before[-30:]) or _HALTED.search(before[-50:]):
        return "negated"
    if _THREATENED.search(before):
        return "threatened"
    if _HYPOTHETICAL.search(before) or is_objective(text, m.trigger) or _called_for(before[-80:]) \
            or "whether" in before[-80:].lower() \
            and _WHETHER.search(text, max(lo, m.trigger.start - 80), m.trigger.end):
        return "hypothetical"
    if r.story and not m.casualties.any:
        cause = named_as_cause(text, m.trigger, c.start)
        if cause is not None and (cause.group("fear") or not _own_date_after(r, c, m.trigger)):
            return "hypothetical" if cause.group("fear") else "background"
    if r.story and _setting(r, m, c):
        return "background"
    if not m.casualties.any and (_CAPTION.search(clause) or _YEAR.search(text, c.sentence_start, c.sentence_end)
                                 and (_CAPTION_DATED.search(text, c.sentence_start, c.sentence_end)
                                      or _CAPTION_SCENE.search(text, c.sentence_start, c.sentence_end))):
        return "background"  # the picture's words, not the news (a toll there is the story's, told again)
    # A long clause (a headline run into its lead) holds other news: the cue must be told near the event word.
    # (Nor does a relative clause after the event word tell of it: "Fighting flared in two quarters, where
    # loyalists have opened a front".)
    own_end = relative_end(text, m.trigger.end, c.end)
    near = text[max(c.start, m.trigger.start - CUE_REACH, _after_opening_earlier(text, c)):
                min(own_end, m.trigger.end + CUE_REACH)]
    if _background(without_comparisons(near)) or told_before_the_news(r, m, c) or _lasting(r, m, c):
        return "background"
    if r.story and not m.place_told and _nationwide(text, m.trigger, c.start, own_end):
        return "background"  # a round-up of the war across a country: no one place, no one event
    if c.sentence >= LEAD_SENTENCES and m.date is None and _PERFECT.search(before + text[m.trigger.start:own_end]) \
            and not _dated_sentence(r, c):
        return "background"
    if c.sentence >= LEAD_SENTENCES and m.date is None and not m.casualties.any and m.actor1 is None \
            and not m.place_told and not _dated_sentence(r, c) and _BARE_NOUN.fullmatch(text, m.trigger.start,
                                                                                     m.trigger.end):
        # "the harvest shrank because of fighting", "schools shut by shelling": a kind of event named with no
        # side, place, day or toll of its own, past the lead, is the story's backdrop.
        return "background"
    if r.story and c.sentence > 0 and m.date is None and not m.casualties.any \
            and _present_state(text[max(c.start, m.trigger.start - CUE_REACH):m.trigger.end]):
        # "while both armies are using heavy guns on the plain", "the question is whether the siege can hold": an
        # event word told in the present tense, past the headline, names a state of the war or a view of it, not
        # an event the story reports (news tells its events in the past: "jets struck").
        return "background"
    if r.story and m.date is None and not m.casualties.any and _lamented_now(r, m, c):
        return "alleged"
    if m.date is None and not m.casualties.any and (
            _ALLEGED.search(before) or _ALLEGED_ANYWHERE.search(text, c.sentence_start, c.sentence_end)):
        # "X has accused Y of using gas": an accusation with no day and no toll is no event of its own.
        return "alleged"
    return "asserted"


# "pressed on with raids on the bands across the country", "clashes in many areas of the country", "throughout
# several provinces": the war's events told over a whole country or many provinces at once, a round-up with no
# place of its own (its events, when coded, are told after it town by town).
_NATIONWIDE = re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+(?:country|nation|whole\s+country)\b|"
                         r"(?:several|many|various|different|most|all)\s+(?:of\s+the\s+)?(?:provinces|governorates|"
                         r"regions|fronts)\b)|\b(?:in|on)\s+(?:several|many|various|different|multiple)\s+"
                         r"(?:areas|fronts|provinces|governorates|regions)\s+(?:across|of|throughout|in)\s+the\s+"
                         r"country\b", re.IGNORECASE)
#: How far (characters) either side of its event word a round-up's scope is told.
SCOPE_REACH = 100


def _nationwide(text: str, trig: Trigger, start: int, own_end: int) -> bool:
    """Whether the event word's own words (in its clause, begun at ``start``, up to a relative clause after it) say
    it happened across the country."""
    return _NATIONWIDE.search(text, max(start, trig.start - SCOPE_REACH),
                              min(own_end, trig.end + SCOPE_REACH)) is not None


# The last finite verb before an event word: a present one ("are", "is", "remains") tells a state; a past or perfect
# one ("were", "has"), a present one inside a relative clause ("rebels who are based there were shelled"), or one
# in the present progressive ("troops are shelling", "the army is now advancing": what is going on as the story is
# told, news), does not. (Lower case only: "IS" names a group.)
_FINITE = re.compile(r"\b(?:(?P<rel>who|which|that|where)\s+)?(?P<verb>is|are|remains?|was|were|has|have|had|did)\b")
_PROGRESSIVE = re.compile(r"\s+(?:(?:not|now|still|also|already|currently|reportedly|again)\s+)*\w+ing\b")


def _lamented_now(r: Reading, m: Mention, c: Clause) -> bool:
    """Whether the mention's sentence laments or criticises, and its event word is told in the present ("are
    dropping", "is using"): the state of the war a speaker deplores."""
    low = r.text[c.sentence_start:c.sentence_end].lower()
    if not any(w in low for w in _LAMENT_WORDS) or not _LAMENT.search(r.text, c.sentence_start, m.trigger.start):
        return False
    last = None
    for last in _FINITE.finditer(r.text, max(c.sentence_start, m.trigger.start - CUE_REACH), m.trigger.start):
        pass
    return last is not None and last.group("verb") in ("is", "are", "remain", "remains")


def _present_state(clause: str) -> bool:
    """Whether the last finite verb of ``clause`` (up to and including an event word) is a present "is/are/remains"
    not in the progressive."""
    last = None
    for last in _FINITE.finditer(clause):
        pass
    return last is not None and not last.group("rel") and last.group("verb") in ("is", "are", "remain", "remains") \
        and not _PROGRESSIVE.match(clause, last.end())


# "an offensive to retake X", "attempting to capture", "as a prelude to freeing all of": ground
# taken as a goal, not as news. (Not "managed to capture", "went on to seize": those tell it done.)
_TERRITORY_SUBS = {"Government regains territory", "Non-state actor overtakes territory",
                   "Non-violent transfer of territory"}
# A base "to set up" is an aim as ground "to retake" is.
_AIM_SUBS = _TERRITORY_SUBS | {"Headquarters or base established"}
_TO_GOAL = re.compile(r"\b(?:to|for)\s+(?:the\s+)?(?:final\s+|full\s+|complete\s+|eventual\s+)?$", re.IGNORECASE)
_TO_DONE = re.compile(r"\b(?:managed|able|succeeded|went on|moved on|continued?s?|continuing|began|begins?|started|"
                      r"starts?|resulted(?: so far)?|came|failed)\s+to\s+$", re.IGNORECASE)


# "tried to capture the ridge all winter", "attempting to take the dam": the try is told, not the ground taken
# (a try beaten back is told by its own word: "repelled").
_TRIED = re.compile(r"(?:attempt(?:s|ed|ing)?|trying|tried|seeking|sought)\s+to\b", re.IGNORECASE)


# "the market shut because of the shelling", "the council halted its work as a result of heavy raids", "the clinic
# closed due to the attack": an event named as the cause of what the clause tells (a closure, a loss), not told as
# news by these words. (With a toll in its clause it is the news: "four died as a result of the raids"; with its own
# day after it, an event told: "due to shelling by the army on Sunday".) Fear of an event is of one to come: "kept
# pupils home for fear of more raids". (Not a reply's cause: "missiles fired in response to the gas attack" names
# the attack a story about the reply is about, often its only telling of it.)
_CAUSE = re.compile(r"\b(?:as\s+a\s+(?:direct\s+)?result\s+of|due\s+to|because\s+of|owing\s+to|"
                    r"(?P<fear>for\s+fear\s+of))\s",
                    re.IGNORECASE)
_CAUSE_WORDS = ("result", "due", "because", "owing", "fear")
#: How far (characters) a cause phrase reaches from its connector to the event words it names, within one clause.
CAUSE_REACH = 100


def named_as_cause(text: str, trig: Trigger, start: int) -> re.Match | None:
    """The cause connector ("because of", "for fear of") whose phrase holds the event word, if any: told after
    ``start`` (its clause's start), within reach, with no comma or stop between."""
    lo = max(start, trig.start - CAUSE_REACH)
    before = text[lo:trig.start]
    low = before.lower()
    if not any(w in low for w in _CAUSE_WORDS):
        return None
    last = None
    for last in _CAUSE.finditer(before):
        pass
    if last is None or any(ch in before[last.end():] for ch in ",.;:"):
        return None
    return last


def _own_date_after(r: Reading, c: Clause, t: Trigger) -> bool:
    """Whether a date is told right after the event word, in its own words ("the bombing on Saturday")."""
    own = starting(r.dates, t.end, min(c.end, t.end + OWN_DATE_REACH))
    return bool(own) and not _OWN_DATE_BREAK.search(r.text, t.end, own[0].start)


def is_objective(text: str, trig: Trigger) -> bool:
    """Whether a territorial event word is told as an aim ("a push to retake the town"), not as done."""
    if trig.rule.sub_event_type not in _AIM_SUBS:
        return False
    if _TRIED.match(text, trig.start):
        return True
    before = text[max(0, trig.start - 40):trig.start]
    return bool(_TO_GOAL.search(before)) and not _TO_DONE.search(before)


def names_ground(text: str, trig: Trigger) -> bool:
    """Whether a territorial event word names a side's ground ("courts in the liberated north", "their liberated
    zone"), no taking of it."""
    return trig.rule.sub_event_type in _TERRITORY_SUBS and bool(_NAMED_GROUND.fullmatch(text, trig.start, trig.end)) \
        and bool(_GROUND_NOUN.match(text, trig.end)) \
        and bool(_DETERMINER.search(text, max(0, trig.start - 8), trig.start))


# "seized vast areas of two countries", "overran swathes of the east": ground taken on the scale of the war, its
# backdrop (an event takes a place: "seized the town of X", and so does one taken in part: "retook most of a town
# on Friday", "took large parts of a camp").
_SWEEP = re.compile(r"\s+(?:(?:large|vast|huge|wide|broad|big|sizeable|significant|great)\s+(?:parts?|swathes?|swaths?|"
                    r"areas|tracts|chunks|expanses|stretches|portions)|swathes?|swaths?|much|most)\s+of\b",
                    re.IGNORECASE)
# What is taken is a region or a country: "of the north and east", "of the country", "of territory", "of the
# surrounding province", "of Idlib province" (a name with the word of its scale after it); not a town's part
# ("of the eastern districts", "of the old city") nor a settlement ("of the camp", "of the town of X").
_SWEEP_SCALE = re.compile(r"\s*(?:(?:the|both|two|three|several|its|their)\s+)?(?:[\w'-]+\s+){0,2}?"
                          r"(?:(?<=the )(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\b|"
                          r"countr(?:y|ies)\b|territor(?:y|ies)\b|lands?\b|desert\b|countryside\b|regions?\b|"
                          r"provinces?\b|governorates?\b|states\b)", re.IGNORECASE)
_SWEEP_LOCAL = re.compile(r"\b(?:towns?|city|cities|villages?|camps?|quarters?|neighbou?rhoods?|districts?|suburbs?|"
                          r"streets?|base|airport|town's|city's|camp's|village's)\b", re.IGNORECASE)
_SWEEP_OBJECT_END = re.compile(r"[,;:.()]|\s(?:on|after|before|when|as|in|from|and|with|since|during)\s",
                               re.IGNORECASE)
SWEEP_REACH = 50  # characters after "of" where the swept ground is named


def _swept_scale(r: Reading, text: str, at: int, end: int) -> bool:
    """Whether the ground swept from ``at`` (just after "of") is a region or a country: a country's name, a word of
    that scale, or the place read there resolved no finer than a province (a town, a camp or a quarter is an
    event's place)."""
    end = min(end, at + SWEEP_REACH)
    stop = _SWEEP_OBJECT_END.search(text, at + 1, end)
    if stop is not None and not text.startswith(" and", stop.start()):
        end = stop.start()
    elif stop is not None:  # "the north and east": a second ground of the same scale; look no further
        end = min(end, stop.end() + 12)
    if _SWEEP_LOCAL.search(text, at, end):
        return False
    named = _SWEEP_NAME.match(text, at, end)
    if named is not None and named.group(1).casefold() in packs.world_country_names():
        return True  # "of Syria and Iraq"
    if _SWEEP_SCALE.match(text, at, end):
        return True  # "of the north and east", "of Idlib province"
    place = next((p for p in starting(r.places, at, end) if p.location.geo_precision is not None), None)
    return place is not None and place.location.geo_precision >= 3  # a province read as such; not "of Saraqib"


_SWEEP_NAME = re.compile(r"\s*(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'-]*){0,3})")



def held_ground(text: str, t: Trigger | None) -> bool:
    """Whether a transfer word names who holds a place ("territory controlled by the group", "the town is partly
    held by rebels"): the setting of what is told, no ground changing hands."""
    return t is not None and t.rule.sub_event_type == "Non-violent transfer of territory" and (
        _HELD.match(text, t.end) is not None or _HELD_BEFORE.search(text, max(0, t.start - 12), t.start) is not None)


def named_by_its_fight(r: Reading, t: Trigger, start: int) -> bool:
    """Whether a fight word (of a clause begun at ``start``) names who a group is ("one of the factions fighting
    for the city", "opposition fighters battling the army"), not a battle."""
    return event_type(t.rule.sub_event_type) == "Battles" and bool(_FIGHT_WORD.fullmatch(r.text, t.start, t.end)) \
        and (_WHO_FIGHT.search(r.text, max(start, t.start - 40), t.start) is not None or _fights_for(r, t.end))


def _setting(r: Reading, m: Mention, c: Clause) -> bool:
    """Whether the mention names the setting of the story rather than an event: an instrument or an agreement
    with no action told, who holds a place, a weapon named as a programme, a habit with no day."""
    text, t = r.text, m.trigger
    if m.rule_sub == "Agreement" and _AGREED_AFTER.match(text, t.end) \
            and _AGREEMENT_NOUN.search(text, max(c.start, t.start - 40), t.start):
        return True  # "the ceasefire agreed to in the capital", "a deal agreed between the clans": made before
    if m.tier == INSTRUMENT_TIER and not m.casualties.any:
        if m.rule_sub == "Agreement":
            return not _CONCLUDED.search(text, c.start, c.end)
        if event_type(m.rule_sub) == "Explosions/Remote violence" and not _AIMED_AT.match(text, t.end) \
                and not _ACTION.search(text, c.start, c.end):
            return True
    if held_ground(text, t):
        return True
    if names_ground(text, t):
        return True
    if m.rule_sub in _TERRITORY_SUBS and m.date is None:
        sweep = _SWEEP.match(text, t.end)
        if sweep is not None and _swept_scale(r, text, sweep.end(), c.end):
            return True  # ground swept on the war's scale, with no day of its own
    if not m.casualties.any and named_by_its_fight(r, t, c.start):
        return True  # "opposition fighters battling Assad's forces": who a group is, not a battle
    if m.rule_sub in _TERRITORY_SUBS and _ARRIVAL.match(text, t.start) \
            and _CONVOY_BEFORE.search(text, max(c.start, t.start - 60), t.start):
        return True  # "a 48-truck aid convoy entered the town": aid arriving takes no ground
    if m.rule_sub == "Chemical weapon" and (_WEAPON_AS_NAME.match(text, t.end)
                                             or _PROHIBITION_OF.search(text, max(0, t.start - 30), t.start)):
        return True
    if not m.casualties.any and campaign_told(text, t):
        return True  # a campaign growing or going on: no one event of it
    if m.date is None and not m.casualties.any and _MONITOR_METHOD.search(text, c.start, c.end):
        return True  # how a monitor tells whose planes struck, not a strike
    if m.date is None and not m.casualties.any and _ONGOING.search(text, max(c.start, t.start - 40), t.start):
        return True  # "relentless shelling of its streets", "a months-long siege": the campaign, no one event
    if m.date is None and not m.casualties.any:
        # The adverb of the event word's own verb: "is regularly bombed", "regularly fire rockets", "is daily".
        if _HABITUAL.search(text, max(c.start, t.start - HABIT_REACH), min(c.end, t.end + HABIT_REACH // 2)):
            return True
    return False


# "while loyalist troops widen their shelling", "the army escalated its air campaign", "as the push went into its
# second month": a campaign told as growing or going on, no one event of it (its strikes are told by their own
# words: "stepped up its offensive, with guns hitting two villages").
_CAMPAIGN_NOUN = re.compile(r"(?i)bombardments?|offensives?|campaigns?|air\s?strikes|air\s?raids|raids|attacks|"
                            r"shelling|assaults?|operations?|strikes|onslaught")
_CAMPAIGN_GROWS = re.compile(r"\b(?:extend(?:s|ed|ing)?|intensif(?:y|ies|ied|ying)|escalat(?:e|es|ed|ing)|"
                             r"(?:step|ramp)(?:s|ped|ping|ed|ing)?\s+up|expand(?:s|ed|ing)?|widen(?:s|ed|ing)?)\s+"
                             r"(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_CAMPAIGN_AGE = re.compile(r"\s+(?:has\s+)?(?:entered|enters|entering|went\s+into|goes\s+into|moved\s+into|is\s+in|"
                           r"was\s+in)\s+its\s+(?:[\w-]+\s+)?(?:day|week|month|year)\b", re.IGNORECASE)
_INTO_TIME = re.compile(r"\s+(?:its|their|a|the)\s+(?:[\w-]+\s+)?(?:day|week|month|year)\b", re.IGNORECASE)


def campaign_told(text: str, trig: Trigger) -> bool:
    """Whether an event word names a campaign told as growing or going on ("widen their shelling", "the push went
    into its second month"), not an event of it."""
    if trig.rule.sub_event_type in _TERRITORY_SUBS and _INTO_TIME.match(text, trig.end):
        return True  # "entered its third week": a time entered, no ground
    if not _CAMPAIGN_NOUN.fullmatch(text, trig.start, trig.end):
        return False
    return bool(_CAMPAIGN_GROWS.search(text, max(0, trig.start - 40), trig.start)
                or _CAMPAIGN_AGE.match(text, trig.end))


def told_before_the_news(r: Reading, m: Mention, c: Clause) -> bool:
    """Whether mention ``m`` (of clause ``c``) is told on a day before the news cycle: the date it is read with is
    old, or the date or year told right after its event word, in its own words, is ("Palmyra, which the army
    recaptured in March", "which rebels seized in 2014"; a year alone is no date the reader finds)."""
    if r.base is None:
        return False
    if m.date is not None and (r.base - m.date.date).days > BACKGROUND_DAYS and m.date.precision <= 3:
        return True
    t = m.trigger
    if t is None:
        return False
    reach = min(c.end, t.end + OWN_DATE_REACH)
    own = starting(r.dates, t.end, reach)
    if own and not _OWN_DATE_BREAK.search(r.text, t.end, own[0].start) \
            and (r.base - own[0].date).days > BACKGROUND_DAYS:
        return True
    # ("The worst day for the town since the alliance's air war opened in 2015": a comparison's year is not the
    # word's, and the comparison is news.)
    words = without_comparisons(r.text[c.start:reach])
    year = PAST_YEAR.search(words, t.end - c.start)
    return year is not None and int(year.group(1)) < r.base.year and not year.group().lower().startswith("since") \
        and not _OWN_DATE_BREAK.search(words, t.end - c.start, year.start())


def _lasting(r: Reading, m: Mention, c: Clause) -> bool:
    """Whether the mention's own words say it has lasted months or years (told right after its event word, in its
    clause, with no break: "the town, which has been besieged for years" says nothing of "shelling" before it)."""
    t = m.trigger
    if t is None or m.casualties.any:
        return False
    lasting = _LASTING.search(r.text, t.end, min(c.end, t.end + OWN_DATE_REACH))
    return lasting is not None and not _OWN_DATE_BREAK.search(r.text, t.end, lasting.start())


def page_furniture(text: str) -> list[tuple[int, int]]:
    """Spans of the page around a story: credited titles, videos' titles, a list of related stories (to the end)."""
    spans = [m.span() for m in _CREDITED_TITLE.finditer(text)]
    # (The videos' titles as ``finditer`` finds them, each search begun at most a title's reach, 163 characters,
    # before the next "YouTube": none begins earlier, and the pattern is not tried at every character before it.)
    pos, at = 0, text.find("YouTube")
    while at >= 0 and (video := _VIDEO_TITLE.search(text, max(pos, at - 163))) is not None:
        spans.append(video.span())
        pos = video.end()
        at = text.find("YouTube", pos)
    related = _RELATED_LIST.search(text) if "Related" in text else None
    if related is not None:
        spans.append((related.start(), len(text)))
    return spans


def _dated_sentence(r: Reading, c: Clause) -> bool:
    return bool(starting(r.dates, c.sentence_start, c.sentence_end))
