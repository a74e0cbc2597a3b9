"""Report assembly: the events an article describes, one report each, with every field's evidence.

Sentences are cut into clauses at "while", "whereas", "meanwhile" and ";" (two
events in one sentence). A clause with an event word becomes a report unless
it continues the report before it (same kind of event, same or no place, no
other claimant). A clause with only a weak word ("killed", "targeted") adds
its toll, actors and place to the report it follows ("At least 12 were killed"
after "Warplanes struck X"), or, when another source tells it, becomes that
source's report of the same event. Sentences about history are skipped;
tolls summed over a period become their own report tagged ``cumulative``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from warwire.extract.actors import ActorMention, assign_roles, find_actors
from warwire.extract.attribution import ClaimMention, find_claims
from warwire.extract.casualties import Casualties, TollReader, coded_share, combine
from warwire.extract.dates import DateMention, find_dates
from warwire.extract.event_types import (Trigger, event_type, find_tags, find_triggers, is_background,
                                         is_cumulative, main_trigger, sub_event_type)
from warwire.knowledge import packs
from warwire.knowledge.actors import ActorDictionary
from warwire.model import Claim, Count, Location, Report, Victims

_CLAUSE_BREAK = re.compile(r";|,?\s+(?:while|whereas|meanwhile|at the same time)\s+|\.\s+Meanwhile,?\s+", re.IGNORECASE)
_ANAPHOR = re.compile(r"\b(?:(?P<near>near|around|outside|on the outskirts of|close to)|in|on|at|into|inside)\s+the\s+"
                      r"(?:town|city|village|area|district|neighbou?rhood|region|enclave|camp|suburb|province)\b",
                      re.IGNORECASE)
_PAST_YEAR = re.compile(r"\b(?:in|since|during|of|from)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?"
                        r"((?:19|20)\d\d)\b")
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
# A place name inside an armed group's name told before it ("Liwa al-Safirah", "Mujahideen of Horan").
_GROUP_BEFORE = re.compile(r"\b(?:Liwa|Liwaa|Jaysh|Jaish|Katibat|Kataib|Firqat|Harakat|Brigades?|Battalions?|"
                           r"Mujahideen|Mujahidin|Martyrs|Army|Front|Revolutionaries|Falcons|Lions|Knights|Sons)"
                           r"(?:\s+of)?(?:\s+(?:the|al|el))?[\s-]*$")
# A place name inside an armed group's name ("Free Idlib Army", "Saraqeb Revolutionary Front").
_GROUP_AFTER = re.compile(r"(?:\s+[A-Z][\w'-]*){0,2}\s+(?:Brigades?|Army|Front|[Ff]actions?|Corps|Division|"
                          r"Battalions?|Legion|Movement|Revolutionary|Military Council|Operations Room|rebel faction|"
                          r"Martyrs)\b")
# A toll summed since the war began is the backdrop of the story, not a report of it.
_WAR_BACKDROP = re.compile(r"\b(?:war|conflict|uprising|revolution|crisis)\b[^.]{0,60}\b(?:began|started|erupted|"
                           r"broke out|since)\b|\bsince\s+(?:March\s+)?2011\b", re.IGNORECASE)
# Attacks a group claims or has blamed on it; the claimant names actor1 when the report names none.
_CLAIMABLE = {"Remote explosive/landmine/IED", "Suicide bomb", "Attack", "Grenade", "Shelling/artillery/missile attack",
              "Abduction/forced disappearance", "Chemical weapon"}
_CLAIMED = re.compile(r"\b(?:claimed|claims|claiming|claim) (?:of )?(?:responsibility|the (?:attack|bombing|blast|"
                      r"explosion|assault))|\b(?P<after>(?:claimed|blamed|pinned) (?:on|by)|"
                      r"responsibility (?:was )?claimed by)\s", re.IGNORECASE)
# How far (characters) from the event word a claim of responsibility may be told.
CLAIM_REACH = 200
# Event words that name no weapon, and the sub-event types that do.
_GENERIC_WORD = re.compile(r"(?i)(?:terrorist |deadly |militant )?(?:attacks?|attacked|assaults?|massacres?|"
                           r"offensives?|operations?)")
_WEAPONS = {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
            "Chemical weapon", "Grenade"}
# A text this short (a coder's note, a news brief) reports one event.
SHORT_NOTE = 800
# No single event kills this many: a figure this large is a toll of the whole war.
WAR_TOLL = 10_000
_TAKEN_BY = {"State forces": "Government regains territory", "External/Other forces": "Government regains territory",
             "Rebel group": "Non-state actor overtakes territory",
             "Political militia": "Non-state actor overtakes territory"}
_TERRITORY = {sub: _TAKEN_BY for sub in ("Government regains territory", "Non-state actor overtakes territory")}


@dataclass
class Draft:
    """A report being assembled, with the evidence span of each field."""

    sub: str
    rule_sub: str
    trigger: Trigger | None
    sentence: int
    tier: int
    inherited: bool = False
    cumulative: bool = False
    tags: set[str] = field(default_factory=set)
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    place: Location | None = None
    place_span: tuple[int, int] | None = None
    date: DateMention | None = None
    casualties: Casualties = field(default_factory=Casualties)
    claim: ClaimMention | None = None
    parent: "Draft | None" = None  # the report an inherited account retells

    def merge(self, other: "Draft") -> None:
        """Fill this draft's missing fields from a clause that continues it."""
        self.tags |= other.tags
        self.actor1 = self.actor1 or other.actor1
        self.actor2 = self.actor2 or other.actor2
        if other.place and (self.place is None or (other.place.geo_precision or 3) < (self.place.geo_precision or 3)
                            and _same_place(self.place, other.place)):
            self.place, self.place_span = other.place, other.place_span
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
        if self.casualties.fatalities.best is None and other.casualties.fatalities.best is not None:
            self.casualties.fatalities = other.casualties.fatalities
            self.casualties.victims = other.casualties.victims
            self.casualties.spans.update({k: v for k, v in other.casualties.spans.items() if k != "injured"})
        if self.casualties.injured is None and other.casualties.injured is not None:
            self.casualties.injured = other.casualties.injured
            if "injured" in other.casualties.spans:
                self.casualties.spans["injured"] = other.casualties.spans["injured"]


def _same_place(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.name == b.name or a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if (a.geo_precision or 0) >= 3 or (b.geo_precision or 0) >= 3:
        return a.admin1 == b.admin1 or a.name in (b.admin1, b.admin2) or b.name in (a.admin1, a.admin2)
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return abs(a.lat - b.lat) < 0.08 and abs(a.lon - b.lon) < 0.08
    return False


def build_reports(text: str, sentences: list[tuple[int, int]], places: list, base: date | None,
                  skip_to: int = 0, title: str | None = None, triggers: list[Trigger] | None = None) -> list[Report]:
    """The reports of one article from its sentence spans and place mentions."""
    triggers = find_triggers(text) if triggers is None else triggers
    if not triggers:
        return []
    mentions = find_actors(text)
    claims = find_claims(text)
    tolls_of = TollReader(text)
    all_dates = [m for m in find_dates(text, base) if m.start >= skip_to]
    all_tags = find_tags(text)
    # A place name inside an actor's or a claimant's name ("FSA", "Jaish al-Islam") is not a place.
    taken = sorted([(m.start, m.end) for m in mentions] + [(c.start, c.end) for c in claims])
    places = [p for p in places if p.relation != "dateline" and not _overlaps(taken, p.start, p.end)
              and not _GROUP_AFTER.match(text, p.end)
              and not _GROUP_BEFORE.search(text, max(0, p.start - 25), p.start)]
    # A story is about one country: its places come first ("BEIRUT:" and "Moscow said" are not the scene).
    countries = Counter(p.location.country for p in places if p.location.country)
    if len(countries) > 1:
        home = countries.most_common(1)[0][0]
        abroad = [p for p in places if p.location.country not in (home, None)]
        places = [p for p in places if p.location.country in (home, None)]
        places_abroad = abroad
    else:
        places_abroad = []
    drafts: list[Draft] = []
    weak: list[Draft] = []
    prev: Draft | None = None
    ti = 0
    for si, (s, e) in enumerate(sentences):
        while ti < len(triggers) and triggers[ti].start < s:
            ti += 1
        sent_triggers = []
        tj = ti
        while tj < len(triggers) and triggers[tj].end <= e:
            sent_triggers.append(triggers[tj])
            tj += 1
        if not sent_triggers:
            continue
        sentence = text[s:e]
        war_toll = any(t.count.best and t.count.best >= WAR_TOLL for t in tolls_of.tolls(s, e))
        cumulative = is_cumulative(sentence)
        if war_toll or _is_background(sentence, base):
            # "The war, which began in 2011, has killed 300,000": the story's backdrop, not an event.
            if war_toll or not cumulative or _WAR_BACKDROP.search(sentence):
                continue
        sent_claim = next(iter(_starting(claims, s, e)), None)
        clauses = _clauses(text, s, e)
        made: list[Draft] = []
        for cs, ce in clauses:
            trig = main_trigger([t for t in sent_triggers if cs <= t.start < ce])
            if trig is None:
                continue
            tolls = tolls_of.tolls(cs, ce)
            d = _draft(text, trig, si, cs, ce, s, e, mentions, places, all_dates, tolls, sent_claim, prev,
                       sentences, places_abroad, all_tags)
            if d is None:
                continue
            d.cumulative = cumulative and d.casualties.any
            if d.cumulative:
                d.tags.add("cumulative")
                drafts.append(d)
                continue
            if d.tier == 0 and made:
                made[-1].merge(d)
                continue
            target = made[-1] if made else _continued(drafts, d, si)
            if target is not None and not target.cumulative and _continues(target, d, si):
                target.merge(d)
                continue
            if d.tier == 0 and target is not None and not target.cumulative and not d.inherited \
                    and si - target.sentence <= 2 and _same_place(target.place, d.place):
                # Another source's toll for the event just told: that event, in its words.
                d.sub, d.parent, d.inherited = target.sub, target, True
                d.place = d.place or target.place
            if d.tier == 0 and not (d.casualties.any or d.inherited):
                weak.append(d)
                continue
            if made and d.tier > 0 and event_type(d.sub) == event_type(made[-1].sub) \
                    and _same_place(made[-1].place, d.place) \
                    and not (d.actor1 and made[-1].actor1 and d.actor1.kind != made[-1].actor1.kind):
                # "Regime forces shelled while warplanes carried out raids on the town": one bombardment.
                made[-1].merge(d)
                continue
            made.append(d)
        for d in made:
            drafts.append(d)
            prev = d
    kept = [d for d in drafts if d.tier > 0 or d.casualties.any or d.inherited]
    if not kept and weak:
        kept = weak[:1]  # "A prisoner ... was killed": the only event the text has
    _name_the_weapon(kept, text)
    return _finish(text, kept, base, title, _claimed_by(text, mentions))


def _name_the_weapon(drafts: list[Draft], text: str) -> None:
    """"Seven killed in terrorist attacks. Six civilians were killed by rocket shells ...": a toll told with a
    general word ("killed", "attacks") and told again, in the next sentences, with the weapon is that weapon's."""
    for i, d in enumerate(drafts):
        if d.trigger is None or d.inherited or d.cumulative or "execution" in d.tags \
                or event_type(d.rule_sub) not in ("Violence against civilians", "Battles") \
                or not (d.tier == 0 or _GENERIC_WORD.fullmatch(text, d.trigger.start, d.trigger.end)):
            continue
        dead = d.casualties.fatalities.best
        if not dead:
            continue
        for o in drafts[i + 1:]:
            if o.sentence - d.sentence > 2:
                break
            if o.sub in _WEAPONS and o.casualties.fatalities.best and o.casualties.fatalities.best <= dead:
                d.sub, d.trigger, d.tier = o.sub, o.trigger, max(d.tier, o.tier)  # the weapon's word is the evidence
                if d.actor1 is None and o.actor1 is not None:
                    d.actor1 = o.actor1
                break


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted ``spans`` (each shorter than 200 characters)."""
    i = bisect_left(spans, (start - 200, 0))
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] > start:
            return True
        i += 1
    return False


def _starting(items: list, lo: int, hi: int) -> list:
    """The items (sorted, with a ``start``) that start inside [lo, hi)."""
    i = bisect_left(items, lo, key=lambda x: x.start)
    out = []
    while i < len(items) and items[i].start < hi:
        out.append(items[i])
        i += 1
    return out


def _is_background(sentence: str, base: date | None) -> bool:
    if is_background(sentence):
        return True
    if base is not None:
        return any(int(y) < base.year for y in _PAST_YEAR.findall(sentence))
    return False


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, cur = [], s
    for m in _CLAUSE_BREAK.finditer(text, s, e):
        if m.start() > cur:
            out.append((cur, m.start()))
        cur = m.end()
    out.append((cur, e))
    return out


def _continued(drafts: list[Draft], d: Draft, si: int) -> Draft | None:
    """The earlier report a clause may continue: for a bare toll ("Two people were killed."), the first
    report of the last sentence that has none yet; otherwise the latest report it fits."""
    recent = [x for x in drafts if not x.cumulative and si - x.sentence <= 2]
    if not recent:
        return None
    if d.tier == 0:
        last = [x for x in recent if x.sentence == recent[-1].sentence]
        return next((x for x in last if x.casualties.fatalities.best is None), last[-1])
    for x in reversed(recent):
        if _continues(x, d, si):
            return x
    return recent[-1]


def _continues(prev: Draft, d: Draft, si: int) -> bool:
    """Whether clause draft ``d`` tells more of ``prev`` rather than a new event."""
    if si - prev.sentence > 2:
        return False
    if d.claim and prev.claim and d.claim.claim.name != prev.claim.claim.name and (
            d.casualties.any or d.actor1 is not None):
        return False
    if d.tier == 0:
        if prev.casualties.fatalities.best is not None and d.casualties.fatalities.best is not None \
                and d.casualties.fatalities.best != prev.casualties.fatalities.best:
            return False
        return _same_place(prev.place, d.place)
    if event_type(d.sub) != event_type(prev.sub):
        return False
    if d.sub != prev.sub and d.tier >= 2 and prev.tier >= 2:
        return False
    if d.actor1 and prev.actor1 and d.actor1.name != prev.actor1.name:
        return False
    return _same_place(prev.place, d.place)


def _draft(text, trig, si, cs, ce, s, e, mentions, places, all_dates, tolls, sent_claim, prev,
           sentences, places_abroad=(), tags=()) -> Draft | None:
    rule = trig.rule
    inherited = bool(rule.inherit and prev is not None and si - prev.sentence <= 2)
    actor1, actor2 = assign_roles(_starting(mentions, cs, ce), text, trig.start, cs, ce)
    casualties = combine(tolls)
    sub = prev.sub if inherited else sub_event_type(rule, actor1.kind if actor1 else None)
    if sub == "Attack" and not inherited and (
            "combatants" in casualties.hit and not casualties.hit & {"civilians", "children", "women"}
            or actor2 is not None and actor2.kind not in ("Civilians", "Protesters")):
        # Armed men killing armed men is a battle, not violence against civilians.
        sub = "Armed clash"
    d = Draft(sub=sub, rule_sub=rule.sub_event_type, trigger=trig, sentence=si, tier=rule.tier,
              inherited=inherited, actor1=actor1, actor2=actor2, casualties=casualties)
    d.parent = prev if inherited else None
    d.tags |= set(rule.tags)
    d.tags |= {tag for tag, ts, _ in tags if s <= ts < e}
    d.place, d.place_span = _place(text, places, cs, ce, s, e, prev)
    if d.place is None and inherited:
        d.place = prev.place
    if d.place is None:
        d.place, d.place_span = _nearby_place(places, sentences, si)
    if d.place is None and places:
        # The article's first place: a story about one town names it once, often at the top.
        first = next((p for p in places if (p.location.geo_precision or 3) < 3), places[0])
        d.place, d.place_span = Location(**first.location.to_dict()), (first.start, first.end)
    if d.place is None and places_abroad:
        d.place, d.place_span = _place(text, places_abroad, cs, ce, s, e, None)
    dates = _starting(all_dates, cs, ce) or _starting(all_dates, s, e)
    d.date = dates[0] if dates else None
    claim = next((c for c in [sent_claim] if c is not None), None)
    d.claim = claim
    return d


def _place(text, places, cs, ce, s, e, prev: Draft | None):
    """The most specific place of the clause, else of the sentence, else "the town" = the place before."""
    for lo, hi in ((cs, ce), (s, e)):
        named = _starting(places, lo, hi)
        here = [p for p in named if not _ROUTE_AFTER.match(text, p.end)
                and not _ROUTE_BEFORE.search(text, max(0, p.start - 30), p.start)]
        if not any((p.location.geo_precision or 3) < 3 for p in here):
            # "An IED on the road between Shaara and Karim in Dar'a": the road's towns, not the province.
            here = named
        here = [p for p in here if not _in_quarter_of(text, p, here)] or here
        if here:
            # The first town named is the event's place ("Kavala Mount, north of Karri village in northern
            # Afrin"); a province only when no town is named.
            local = [p for p in here if (p.location.geo_precision or 3) < 3]
            best = local[0] if local else min(here, key=lambda p: (p.location.geo_precision or 3, p.start))
            best = _named_inside(text, best, local) or _town_near(text, best, local) or best
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


def _named_inside(text: str, area, local):
    """"Areas of the Afrin countryside, including Maraanaz village": the village named inside the area."""
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
    return nxt


def _in_quarter_of(text: str, p, here) -> bool:
    """Whether ``p`` is a quarter of a town named right after it ("the Sarouja district of Damascus")."""
    after = [q for q in here if q.start > p.end and q.start - p.end <= 60]
    if not after or (after[0].location.geo_precision or 3) > 1:
        return False
    m = _QUARTER_OF.match(text, p.end, after[0].start)
    if m is None or m.end() != after[0].start:
        return False
    return not m.group("part") or bool(m.group("city")) or bool(_CITY_AFTER.match(text, after[0].end))


def _nearby_place(places, sentences, si):
    """The place of the nearest sentence before (or, failing that, just after) that names one."""
    if not places:
        return None, None
    order = list(range(si - 1, max(-1, si - 4), -1)) + list(range(si + 1, min(len(sentences), si + 3)))
    for j in order:
        s, e = sentences[j]
        if e <= places[0].start:
            break
        here = _starting(places, s, e)
        if here:
            local = [p for p in here if (p.location.geo_precision or 3) < 3]
            best = (local or here)[0]
            return Location(**best.location.to_dict()), (best.start, best.end)
    return None, None


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


def _claim_of(d: Draft, claims: list[tuple[int, ActorMention]]) -> ActorMention | None:
    """The claimant told right by the report's event word (a claim further off is often of another attack)."""
    if d.trigger is None:
        return None
    return next((a for pos, a in claims if -CLAIM_REACH // 2 <= pos - d.trigger.start <= CLAIM_REACH), None)


def _finish(text: str, drafts: list[Draft], base: date | None, title: str | None,
            claims: list[tuple[int, ActorMention]] = ()) -> list[Report]:
    actors = ActorDictionary.load()
    defaults = packs.current().actors  # who acted and who was hit when the text does not say
    reports = []
    for d in drafts:
        _implied_civilians(d)
        when, precision = _when(d, base)
        ev: dict[str, list[int]] = {}
        if d.trigger is not None and not d.inherited:
            ev["sub_event_type"] = [d.trigger.start, d.trigger.end]
        actor1 = d.actor1.actor() if d.actor1 else None
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
                d.casualties.victims.civilians or d.casualties.hit & {"civilians", "children", "women"}):
            actor2 = actors.get(defaults.victims).actor() if actor2 is None else actor2
            if d.actor2 is None or d.actor2.kind == "Civilians":
                ev.pop("actor2", None)
        elif d.actor2:
            ev["actor2"] = [d.actor2.start, d.actor2.end]
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
            actor1 = crowd
            ev.pop("actor1", None)
        elif actor2 is None and event_type(d.sub) == "Violence against civilians":
            actor2 = actors.get(defaults.victims).actor()
        if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
            actor2 = None
            ev.pop("actor2", None)
        if d.place_span:
            ev["location"] = list(d.place_span)
        if d.date:
            ev["date"] = [d.date.start, d.date.end]
        for k, span in d.casualties.spans.items():
            ev[k] = list(span)
        if d.claim:
            ev["claimed_by"] = [d.claim.start, d.claim.end]
        reports.append(Report(
            event_type=event_type(d.sub), sub_event_type=d.sub, tags=sorted(d.tags),
            date=when, date_precision=precision, location=d.place, actor1=actor1, actor2=actor2,
            fatalities=Count(**d.casualties.fatalities.to_dict()),
            victims=Victims(**d.casualties.victims.to_dict()),
            injured=Count(**d.casualties.injured.to_dict()) if d.casualties.injured else None,
            claimed_by=Claim(**d.claim.claim.to_dict()) if d.claim else None,
            evidence=ev, confidence=_confidence(d)))
    return reports


# Sub-event types whose unnamed dead are civilians unless the text says they were fighters.
_CIVILIAN_BY_DEFAULT = {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                        "Suicide bomb", "Chemical weapon", "Grenade", "Attack"}


def _implied_civilians(d: Draft) -> None:
    """"A bomb blast killed six": with no word for who died and no armed target, the dead are civilians."""
    c = d.casualties
    if c.fatalities.best is None or d.sub not in _CIVILIAN_BY_DEFAULT or "combatants" in c.hit \
            or c.victims.civilians is not None or c.victims.combatants is not None:
        return
    if d.actor2 is not None and d.actor2.kind not in ("Civilians", "Protesters"):
        return
    c.victims.civilians = c.fatalities.best


def _when(d: Draft, base: date | None) -> tuple[str | None, int | None]:
    seen = set()
    while d is not None and id(d) not in seen:
        if d.date is not None:
            return d.date.date.isoformat(), d.date.precision
        seen.add(id(d))
        d = d.parent
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
    candidates = [r for r in reports if "cumulative" not in r.tags] or reports
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
    share = coded_share(text, told) if told else None
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
    if actor1 is None or actor1.kind == "Civilians":
        return
    mention = next((m for m in find_actors(text) if m.name == actor1.name), None)
    if mention is not None:
        lead.actor1 = mention.actor()
        lead.evidence["actor1"] = [mention.start, mention.end]
        if lead.sub_event_type in _TERRITORY:
            lead.sub_event_type = _TERRITORY[lead.sub_event_type].get(actor1.kind, lead.sub_event_type)


def _confidence(d: Draft) -> float:
    base = {0: 0.3, 1: 0.5}.get(d.tier, 0.6)
    if d.inherited:
        base = 0.3
    score = base + 0.1 * sum(x is not None for x in (d.actor1, d.place, d.claim))
    if d.cumulative:
        score = min(score, 0.5)
    return round(min(score, 0.95), 2)
