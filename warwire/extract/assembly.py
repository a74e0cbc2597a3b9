"""Assembly: the mentions of one article made into its events (within-article event coreference).

A clause with an event word becomes an event frame unless it continues the
frame before it (same kind of event, same or no place, no other claimant). A
clause with only a weak word ("killed", "targeted") adds its toll, actors and
place to the frame it follows ("At least 12 were killed" after "Warplanes
struck X"), or, when another source tells it, becomes that source's account of
the same event. Then, over the whole article: mentions that are not asserted
events of this news cycle are set aside (tolls summed over a period are kept
as the article's cumulative facts); restatements (headline, lead, body; "the
attack", "the raid", the same dead told again) join the nearest compatible
frame, and "the death toll rose to N" updates the toll of the event it counts;
a toll told over a list of towns becomes one event per town (ACLED: one event
per location). Where the story was written (credits, a statement's venue
abroad, "pro-Damascus") is never where its events happened.
"""
from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from warwire.extract.actors import ActorMention, find_actors
from warwire.extract.attribution import find_claims
from warwire.extract.casualties import (TollReader, coded_share, continues_cumulative, may_count_the_same, parse_number,
                                        part_of_total)
from warwire.extract.dates import find_dates
from warwire.extract.event_types import (Trigger, event_type, find_tags, find_triggers, is_background, is_cumulative,
                                         main_trigger)
from warwire.extract.locations import (chief_town, contains, letters, quarter_of, same_place, same_spot,
                                      told_as_one_place)
from warwire.extract.mentions import (INSTRUMENT_TIER, PAST_YEAR, Clause, Mention, Reading, called_off, campaign_told,
                                      held_ground, is_objective, named_by_its_fight, names_ground, page_furniture,
                                      read_mention, sentence_of, status_of, told_before_the_news, without_comparisons,
                                      without_running_totals)
from warwire.extract.places import PlaceMention, place_matcher, taken_to
from warwire.extract.spans import overlaps, starting
from warwire.ingest.dates import MONTH_NAME
from warwire.knowledge import packs
from warwire.knowledge.gazetteer import ARTICLE_HYPHEN
from warwire.knowledge.lexicons import place_list_words, target_words
from warwire.knowledge.words import zipf
from warwire.model import Count, Location, Victims

# The place told before, named again ("another attack on the town", "elsewhere in the city"): the same event's
# place, so what follows is told there, not as an event of its own.
_SAME_PLACE = r"the\s+(?:same\s+)?(?:town|city|village|area|neighbou?rhood|district|camp|market|base)\b"
_CLAUSE_BREAK = re.compile(r"(?<=\))(?=\s)(?<=photo\))|(?<=\))(?=\s)(?<=Photo\))|;|,?\s+(?:while|whereas|meanwhile|at the same time)\s+|\.\s+Meanwhile,?\s+"
                           # "The attack came as troops executed 48 ...", "The raids come a day after ...": the event
                           # told again, then another happening it is set beside.
                           r"|(?P<came>\s+(?:came|comes|come)\s+(?:just\s+|only\s+|shortly\s+)?(?:as|amid|after|"
                           r"(?:(?:a|one|two|three|several|a few)\s+)?(?:days?|hours?|weeks?)\s+after|"
                           r"less\s+than\s+(?:\w+\s+){1,2}after)\s+)"
                           # "Jets struck X, killing nine, and the ministry blamed rebels for a separate bombing in
                           # Y": what the "and" joins is told as another event, its own clause.
                           r"|,\s+and\s+(?=(?:[\w'-]+\s+){0,8}?(?:(?:a|an)\s+(?:separate|unrelated|second)|another)\s+"
                           r"(?:[\w-]+\s+)?(?:attacks?|assaults?|bombs?|bombings?|blasts?|explosions?|strikes?|airstrikes?|"
                           r"raids?|shelling|incidents?|ambush|clashes)\b"
                           r"(?!\s+there\b|\s+(?:on|in|at|near|elsewhere\s+in)\s+" + _SAME_PLACE + r")"
                           r"|(?:[\w'-]+\s+){0,3}?(?:separately|elsewhere)\b(?!\s+in\s+" + _SAME_PLACE + r"))",
                           re.IGNORECASE)
# Every match of _CLAUSE_BREAK, or its look-ahead, holds one of these (lower-cased).
_CLAUSE_BREAK_WORDS = (")", ";", "while", "whereas", "same time", "meanwhile", "came", "come", "separate", "unrelated",
                       "a second", "another", "elsewhere")
# A web page's links to other stories: "Related News ..." to the end, "Topic <a story's title> (1881)".
_FURNITURE = re.compile(r"R(?<!\w.)elated (?:News|Articles|Stories)\b.*\Z|T(?<!\w.)opic\s+[A-Z][^()\n]{0,120}\(\d+\)",
                        re.DOTALL)  # (led by the capitals, which the engine skips to in C, and a look-behind for \b)
# A toll summed since the war began is the backdrop of the story, not a report of it.
_WAR_BACKDROP = re.compile(r"\b(?:war|conflict|uprising|revolution|crisis)\b[^.]{0,60}\b(?:began|started|erupted|"
                           r"broke out|since)\b|\bsince\s+(?:March\s+)?2011\b", re.IGNORECASE)
# Event words that name no weapon, and the sub-event types that do.
_GENERIC_WORD = re.compile(r"(?i)(?:terrorist |deadly |militant )?(?:attacks?|attacked|assaults?|massacres?|"
                           r"offensives?|operations?)")
_WEAPONS = {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
            "Chemical weapon", "Grenade"}
# What one side fires from afar: a clause told beside another of these is that side's bombardment.
_BOMBARDMENT = {"Air/drone strike", "Shelling/artillery/missile attack"}
# No single event kills this many: a figure this large is a toll of the whole war.
WAR_TOLL = 10_000
# Only a sentence with a number this large can tell a war's toll (read its tolls only then).
# A sentence whose subject is a definite noun phrase ("The helicopter was shot down", "The strike hit a market"),
# up to the event word.
_DEFINITE_SUBJECT = re.compile(r"\s*[\"']?(?:The|This|That|These|Those)\s+[^.,;:]*$")
#: How many sentences back a definite mention's antecedent may be told.
_DATE_REACH = 3
_BIG_NUMBER = re.compile(r"\d{2},?\d{3}|(?i:thousand|million)")
# "ISIS has executed around 300 people in the town", "the battle has killed some 300 fighters": a rounded count
# in the perfect is a tally kept over time; told with no day, it is a cumulative fact, not one event's toll.
_TALLY = re.compile(r"\b(?:has|have)\s+(?:now\s+)?(?:killed|executed|slain|massacred)\s+(?:around|about|some|nearly|"
                    r"roughly|approximately|almost)\s+\d", re.IGNORECASE)
# Who wrote the story and where they were: "(Additional reporting by <name> in Beirut; Editing by ...)", "Posted on
# August 3 2013 by <name>". Their names and places are not the event's.
# (Each cue is led by its first letter, in either case, and a look-behind for the word's start, not \b: the engine
# skips in C to those letters, where \b first is tried at every character.)
_CREDIT_BY = r"\s+by\b[^;.)\n]{0,120}"
_CREDIT_BY_NAME = r"\b[^.\n]{0,40}?\bby\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}"
_CREDIT = re.compile("|".join(
    rf"{c}(?<!\w.){rest}"
    for first, rest in (("A", rf"dditional\s+(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled){_CREDIT_BY}"),
                        ("R", rf"eporting{_CREDIT_BY}"), ("W", rf"riting{_CREDIT_BY}"),
                        ("W", rf"ritten{_CREDIT_BY_NAME}"), ("E", rf"diting{_CREDIT_BY}"),
                        ("C", rf"ompiled{_CREDIT_BY}"), ("P", rf"(?:osted|ublished){_CREDIT_BY_NAME}"))
    for c in (first, first.lower())))
_VENUE_AFTER = re.compile(r"\s+(?:on\s+[A-Z]\w+\s+|late\s+\w+\s+|earlier\s+)?(?:said|says|say|told|announced|stated|"
                          r"reported)\b")
_IN_OR_FROM = re.compile(r"\b(?:in|from)\s+$")
# A place name inside an armed group's name told before it ("Liwa al-Safirah", "Mujahideen of Horan").
_GROUP_BEFORE = re.compile(r"\b(?:Liwa|Liwaa|Jaysh|Jaish|Katibat|Kataib|Firqat|Harakat|Brigades?|Battalions?|"
                           r"Mujahideen|Mujahidin|Martyrs|Army|Front|Revolutionaries|Falcons|Lions|Knights|Sons)"
                           r"(?:\s+of)?(?:\s+(?:the|al|el))?[\s-]*$")
# A place name inside an armed group's name ("Free Idlib Army", "Saraqeb Revolutionary Front").
_GROUP_AFTER = re.compile(r"(?:\s+[A-Z][\w'-]*){0,2}\s+(?:Brigades?|Army|Front|[Ff]actions?|Corps|Division|"
                          r"Battalions?|Legion|Movement|Revolutionary|Military Council|Operations Room|rebel faction|"
                          r"Martyrs)\b")
# "pro-Damascus media", "the regime in Damascus": a capital named for its government, not where anything happened.
# "fighters loyal to Damascus", "rebels backed by Ankara", "its Damascus ally", "Tehran-backed militias", "the
# Damascus regime".
_SEAT_BEFORE = re.compile(r"(?:\b(?:[Pp]ro|[Aa]nti)-|\b(?:regime|government|authorities|leadership) in\s+|"
                          r"\b(?:loyal|allied|close) to\s+|\b(?:backed|supported|armed) by\s+|\ballied with\s+)$")
_SEAT_AFTER = re.compile(r"(?:'s)?(?:-backed|-allied|\s+(?:ally|allies|regime|government)\b)")
# A text this short (a coder's note, a news brief) reports one event.
SHORT_NOTE = 800


def is_story(text: str) -> bool:
    """Whether a text is a story (paragraphs, or longer than a note) rather than a coder's one-event note."""
    return len(text) > SHORT_NOTE or "\n" in text.strip()


@dataclass
class Assembly:
    """An article's event frames (asserted, one per event), its cumulative tolls, and the mentions set aside.

    ``story`` says whether the text was read as a story or as a coder's one-event note: a text longer than a note,
    with paragraphs, or opening with its page's title (a note has no headline; a wire brief as short as a note
    tells its event in the title, the lead and a quote). The learned filter (``newsworthy``) scores the events of
    a text read as a story.
    """

    frames: list[Mention]
    actors: list[ActorMention]
    story: bool = False
    cumulative: list[Mention] = field(default_factory=list)
    set_aside: list[Mention] = field(default_factory=list)


def assemble(text: str, sentences: list[tuple[int, int]], places: list, base: date | None, skip_to: int = 0,
             title: str | None = None, triggers: list[Trigger] | None = None) -> Assembly:
    """The event frames of one article, from its sentence spans and place mentions."""
    triggers = find_triggers(text) if triggers is None else triggers
    furniture = [m.span() for m in _FURNITURE.finditer(text)]
    if furniture:
        triggers = [t for t in triggers if not any(a <= t.start < b for a, b in furniture)]
    actors = find_actors(text)
    out = Assembly([], actors, is_story(text) or _titled(text, sentences, title))
    if not triggers:
        return out
    claims = find_claims(text)
    tolls_of = TollReader(text)
    all_dates = [m for m in find_dates(text, base) if m.start >= skip_to]
    # A place name inside an actor's or a claimant's name ("FSA", "Jaish al-Islam") is not a place.
    taken = sorted([(m.start, m.end) for m in actors] + [(c.start, c.end) for c in claims]
                   + [m.span() for m in _CREDIT.finditer(text)])
    places = [p for p in places if p.relation != "dateline" and not overlaps(taken, p.start, p.end)
              and not _GROUP_AFTER.match(text, p.end)
              and not _GROUP_BEFORE.search(text, max(0, p.start - 25), p.start)
              and not _SEAT_BEFORE.search(text, max(0, p.start - 30), p.start)
              and not _SEAT_AFTER.match(text, p.end)]
    # A story is about one country: its places come first ("BEIRUT:" and "Moscow said" are not the scene).
    countries = Counter(p.location.country for p in places if p.location.country)
    places_abroad = []
    # In a story the war's country is home, even when it names no place there: a place abroad is the scene only
    # where its clause tells it ("talks resume in Geneva next month" is no scene).
    war = packs.current().country if out.story else None
    if war and set(countries) - {war} or len(countries) > 1:
        home = war or countries.most_common(1)[0][0]
        # "Diplomats in Moscow said", "the ministry in Moscow said on Saturday": where a statement was made abroad.
        places_abroad = [p for p in places if p.location.country not in (home, None)
                         and not (_VENUE_AFTER.match(text, p.end) and _IN_OR_FROM.search(text, max(0, p.start - 6),
                                                                                          p.start))]
        places = [p for p in places if p.location.country in (home, None)]
    long_text = out.story
    page = None
    if long_text:
        # A place named in the page's furniture (another story's title) is no place of this story's events.
        page = page_furniture(text)
        if page:
            places = [p for p in places if not any(a <= p.start < b for a, b in page)]
        places = _one_place_per_name(_section_headers(text, sentences, places))
    reading = Reading(text, sentences, actors, places, all_dates, find_tags(text), places_abroad, base, long_text,
                      frozenset(si for si, (s, e) in enumerate(sentences)
                                if _is_background(without_comparisons(text[s:e]), base)) if long_text else frozenset(),
                      _furniture=page)
    # A story names many towns close together; a coder's note one event near its place.
    same = same_spot if long_text else same_place
    frames: list[Mention] = []
    weak: list[Mention] = []
    prev: Mention | None = None
    ti = 0
    dated_back: list[Mention] = []  # set aside as told on a day before the news cycle, not by its wording
    past_told = -2  # the last sentence that told an event of an earlier year ("executed by ISIS in late 2014")
    head_end = _headline_end(text, sentences, title) if long_text else None
    if head_end is not None:
        # "<title> 7 March 2018 Jets struck X on Tuesday": the date the page runs in after its title is the page's,
        # not the lead's event's, when the lead tells a day of its own.
        lead_end = next((e for s, e in sentences if s <= head_end < e), head_end)
        dateline = next((x for x in all_dates if x.start == head_end and x.precision == 1), None)
        if dateline is not None and any(x.precision == 1 for x in starting(all_dates, dateline.end, lead_end)):
            all_dates.remove(dateline)  # (the reading holds this list)
    period: list[Mention] = []  # events told as summed over a period, with no day of their own
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
        # ("The deadliest raid since the war began" is news: its comparison is read as neither backdrop nor tally.)
        sentence = without_comparisons(text[s:e])
        # (A running total told after the event, "bringing the toll over the past week to 60", sums no event the
        # sentence tells: its period is the total's.)
        own_words = without_running_totals(sentence)
        war_toll = bool(_BIG_NUMBER.search(sentence)) and any(
            t.count.best and t.count.best >= WAR_TOLL for t in tolls_of.tolls(s, e))
        cumulative = is_cumulative(own_words) or long_text and si > 0 and continues_cumulative(
            tolls_of, sentences[si - 1], (s, e), all_dates, places) \
            or long_text and bool(_TALLY.search(own_words)) and not starting(all_dates, s, e)
        backdrop = None
        if war_toll or _is_background(sentence, base):
            # "The war, which began in 2011, has killed 300,000": the story's backdrop, not an event; its toll
            # is a cumulative fact, its other words (past events) are set aside.
            if war_toll or not cumulative or _WAR_BACKDROP.search(sentence):
                backdrop = "cumulative" if war_toll or cumulative or _WAR_BACKDROP.search(sentence) else "background"
        sent_claim = next(iter(starting(claims, s, e)), None)
        if backdrop == "background" and _in_a_past_year(text, s, e, base):
            past_told = si
        elif backdrop is None and long_text and past_told == si - 1 and not starting(all_dates, s, e) \
                and not _SOURCED.search(text, s, e):
            # "... a mass grave of tribesmen executed by ISIS in late 2014. ISIS took the area and rounded up
            # hundreds": told on with no day and no source of its own, the story is still in that earlier year.
            # ("The ministry said bombers carried out raids" is news again.)
            backdrop = "background"
        made: list[Mention] = []
        clauses = _clauses_told(text, s, e)
        if head_end is not None and s < head_end < e:
            clauses = _cut_at(clauses, head_end)
        for cs, ce, again in clauses:
            if made and head_end is not None and cs == head_end:
                # The headline's summary and the lead run on after it tell of events apart: each is its own frame,
                # made one (or not) by what they tell, as a headline told as its own sentence is.
                frames.extend(made)
                prev = made[-1]
                made = []
            told = [t for t in sent_triggers if cs <= t.start < ce]
            if again and told and (made or frames) and _DEFINITE.search(text, max(cs, told[0].start - 30), told[0].start):
                # "The attack came as ...": the event just told, named again; it adds no facts of its own.
                again_told = read_mention(reading, main_trigger(told), Clause(cs, ce, s, e, si, [], sent_claim), prev)
                if again_told.date is not None and not cs <= again_told.date.start < ce:
                    again_told.date = None  # "Friday's attack came after ... on Tuesday": the day of the other
                (made or frames)[-1].joined.append(again_told)
                continue
            if long_text:
                # "killed during an offensive to retake X": the aim is no event; the clause's other words may be.
                # ("schools in the liberated north": a side's ground named, no taking.)
                # A campaign told as growing is no event of its own, unless its clause tells its own toll and no
                # other weapon or event word ("intensified their shelling of the town, killing 12" is that shelling;
                # "stepped up its offensive, with artillery pounding X": the artillery is the event).
                # Nor is a word that says who a side is or what it holds ("a truck bomb sent by one of the factions
                # fighting for the city", "strikes on villages which are held by the group").
                kept = [t for t in told if not is_objective(text, t) and not names_ground(text, t)
                        and not held_ground(text, t) and not named_by_its_fight(reading, t, cs)]
                campaign = [t for t in kept if campaign_told(text, t)]
                if campaign and (any(t.rule.tier > 0 for t in kept if t not in campaign)
                                 or not tolls_of.tolls(cs, ce)):
                    kept = [t for t in kept if t not in campaign]
                told = kept or told
            # (A story's clause that tells ground given up under a fight tells a battle; a coder's note keeps the
            # word it codes by: ACLED codes such a note either way.)
            trig = main_trigger(told, text if long_text else None)
            if trig is None:
                continue
            clause = Clause(cs, ce, s, e, si, tolls_of.tolls(cs, ce), sent_claim)
            if event_type(trig.rule.sub_event_type) not in _VIOLENT and any(t.what == "killed" for t in clause.tolls):
                # "45 were killed hours after the agreement was reached": the dead are the violent event's.
                # (Not an instrument's word: "their helicopter was shot down" is no air strike.)
                trig = main_trigger([t for t in told if event_type(t.rule.sub_event_type) in _VIOLENT
                                     and t.rule.tier != INSTRUMENT_TIER]) or trig
            d = read_mention(reading, trig, clause, prev)
            if backdrop is not None:
                d.status = "cumulative" if backdrop == "cumulative" and d.casualties.fatalities.best else "background"
                d.cumulative = d.status == "cumulative"
                (out.cumulative if d.cumulative else out.set_aside).append(d)
                if told_before_the_news(reading, d, clause):
                    dated_back.append(d)  # history, whatever the text's length
                continue
            own_day = any(x.precision == 1 for x in starting(all_dates, cs, ce))
            if long_text and not d.casualties.any and not own_day and d.trigger is not None \
                    and is_cumulative(without_running_totals(without_comparisons(
                        text[slice(*_verb_clause(text, cs, ce, d.trigger.start))]))):
                # "Jets flew 400 sorties over the past week": events summed over a period, with no day of their
                # own, are the period's tally, not an event.
                d.status = "background"
                out.set_aside.append(d)
                period.append(d)
                continue
            if long_text and period and not own_day and _names_the_period(d, period[-1], si, text):
                # "The sorties also killed 10 fighters in X": a part of the period's tally told before.
                d.status = "cumulative" if d.casualties.fatalities.best else "background"
                d.cumulative = d.status == "cumulative"
                (out.cumulative if d.cumulative else out.set_aside).append(d)
                continue
            if cumulative and d.casualties.any:
                # A toll summed over a period: a fact about the article, never an event's toll.
                d.status, d.cumulative = "cumulative", True
                d.tags.add("cumulative")
                out.cumulative.append(d)
                continue
            if long_text:
                # A coder's note reports its one event whatever its wording; a story also tells others' words.
                d.status = status_of(reading, d, clause)
                if d.status != "asserted":
                    out.set_aside.append(d)
                    continue
            if not long_text and si > 0 and not d.casualties.any and (
                    call := called_off(text, d, clause) or ("background" if held_ground(text, d.trigger) else None)):
                # A brief's later sentence that calls for an end to what it names ("urged a halt to the
                # fighting") or says who holds a place ("the city is partly controlled by the group") tells no
                # event: the brief's own event is told before it.
                d.status = call
                out.set_aside.append(d)
                continue
            if not long_text and si > 0 and _ALLOCATED.search(text, cs, ce):
                # A coder's note says how it coded the toll ("14 fatalities each coded to fighting at X, Y and
                # Z"): the toll is the note's event's, the places listed are other rows', not this event's.
                lead = (frames or made or [None])[0]
                if lead is not None:
                    d.place, d.place_span, d.place_told = None, None, False
                    lead.merge(d)
                    continue
                first = _first_town(reading, s)
                if first is not None:
                    d.place, d.place_span, d.place_told = Location(**first.location.to_dict()), (first.start, first.end), True
            whole = _whole_of(d, clause, text, made or frames, si)
            if whole is not None:
                # "Seven children were among the dead", "Twelve of the victims died in X": a part of a toll
                # told just before, not an event of its own.
                _add_part(whole, d)
                continue
            if d.tier == 0 and made and not d.apart:
                made[-1].merge(d)
                continue
            target = made[-1] if made else _continued(frames, d, si, same)
            if target is not None and _continues(target, d, si, same, text) \
                    and not (head_end is not None and _part_of_headline_total(target, d, head_end, reading)):
                if target.tier == 0 and d.tier > 0 and not d.inherited and not target.inherited \
                        and target.sub == target.rule_sub and event_type(target.sub) == _REMOTE \
                        and event_type(d.sub) == _REMOTE:
                    # "US strikes kill 30 ... American air raids left 30 dead": the weapon word names the event the weak
                    # word told.
                    target.sub, target.rule_sub, target.trigger, target.tier = d.sub, d.rule_sub, d.trigger, d.tier
                if head_end is not None and _lead_total_holds(target, d, head_end):
                    # "Raid kills 6 civilians <date> A raid killed six civilians and three gunmen": the headline
                    # counts the civilians only, the lead run on after it their total with the others who died.
                    target.casualties.fatalities, target.casualties.victims = d.casualties.fatalities, \
                        d.casualties.victims
                    target.casualties.spans.update({k: v for k, v in d.casualties.spans.items() if k != "injured"})
                area = _headline_area_holds(target, d) and not same(target.place, d.place)
                target.merge(d)
                if area:
                    # The lead's town, inside the area its headline names, is where the event was.
                    target.place, target.place_span, target.place_told = d.place, d.place_span, True
                continue
            if d.tier == 0 and target is not None and not d.inherited and not d.apart \
                    and si - target.sentence <= 2 and same(target.place, d.place) \
                    and not (d.actor1 and target.actor1 and d.actor1.kind != target.actor1.kind):
                # Another source's toll for the event just told: that event, in its words. (Not when another
                # side is told acting: "Islamic State militants attacked the town" after the army shelled it.)
                d.sub, d.parent, d.inherited = target.sub, target, True
                d.place = d.place or target.place
            if long_text and d.tier == 0 and target is not None and not d.inherited and d.actor1 is None \
                    and d.casualties.any and d.place_told and event_type(target.sub) in _VIOLENT:
                # "Two more civilians died in the town of Zamalka": the same kind of attack, another place.
                d.sub, d.actor1, d.parent = target.sub, target.actor1, target
            if d.tier == 0 and not (d.casualties.any or d.inherited or d.apart and d.place_told):
                # ("Another unit killed all of them in X": one more unit's fight, told where it was.)
                weak.append(d)
                continue
            if made and d.tier > 0 and not d.apart and event_type(d.sub) == event_type(made[-1].sub) \
                    and same(made[-1].place, d.place) \
                    and not (d.actor1 and made[-1].actor1 and d.actor1.kind != made[-1].actor1.kind) \
                    and not _own_toll_beside(made[-1], d):
                # "Regime forces shelled while warplanes carried out raids on the town": one bombardment.
                made[-1].merge(d)
                continue
            if made and d.actor1 is None and made[-1].actor1 is not None and d.tier > 0 \
                    and d.sub in _BOMBARDMENT and made[-1].sub in _BOMBARDMENT:
                # "Army jets struck one village while rockets hit another": a parallel clause of the same sentence
                # with no attacker of its own tells the same side's bombardment. (A car bomb or a roadside device
                # beside an air strike is no side's bombardment: its planter is not told.)
                d.actor1 = made[-1].actor1
            made.append(d)
        for d in made:
            frames.append(d)
            prev = d
    kept = [d for d in frames if d.tier > 0 or d.casualties.any or d.inherited or d.apart and d.place_told]
    if not kept and weak:
        kept = weak[:1]  # "A prisoner ... was killed": the only event the text has
    if not kept and not long_text:
        # A coder's note reports its one event whatever its wording: "marched ... against plans to close",
        # "freed men held since the riots of last winter", "vowed to drive out" read as backdrop in a story, but
        # the note has no other event to tell. (Not one told on an earlier day: "the town, which rebels took in
        # 2014, was quiet" tells no news.)
        told = next((d for d in out.set_aside if d.status == "background" and d.tier > 0
                     and not any(d is x for x in dated_back)), None)
        if told is not None:
            out.set_aside.remove(told)
            told.status = "asserted"
            kept = [told]
    _name_the_weapon(kept, text)
    if long_text:
        kept = corefer(kept, text, sentences)
        if head_end is not None:
            # (A headline's total over the places its lead then tells one by one is counted by them.)
            kept = drop_totals(kept, lambda f: _headline(f) and len(_listed_towns(f, reading)) >= 2)
        kept = drop_totals(split_by_place(_towns_told_apart(kept, reading), reading))
        if head_end is not None:
            kept = _headline_over_lead(kept, head_end, text)
        kept = _headline_into_body(kept, reading, _titled(text, sentences, title))
        _inherit_dates(kept, text, sentences)
        _carry_sides(kept, text)
        _sharpen_places(kept, reading)
    else:
        kept = _note_by_place(_recounts_merged(kept, text), reading)
        _sharpen_places(kept, reading, note=True)
    out.frames = kept
    return out


def _verb_clause(text: str, cs: int, ce: int, at: int) -> tuple[int, int]:
    """The part of clause [cs, ce) that holds ``at``, cut where a relative or subordinate clause begins ("captured
    the district, which rebels had run during the last three years": the period is the holding's, not the capture's)."""
    cuts = [cs, *(m.start() for m in _CLAUSE_CUT.finditer(text, cs, ce)), ce]
    return next(((a, b) for a, b in zip(cuts, cuts[1:]) if a <= at < b), (cs, ce))


#: How many sentences after a period's tally a definite "the sorties" may still name it.
PERIOD_SENTENCES = 2


def _names_the_period(d: Mention, p: Mention, si: int, text: str) -> bool:
    """Whether ``d`` names, by a definite noun, the events ``p`` told as summed over a period ("400 sorties
    flown in the last week ... the sorties killed 17 in X"): the same event word, just after."""
    t, u = d.trigger, p.trigger
    if t is None or u is None or si - p.sentence > PERIOD_SENTENCES or not _anaphor(d, text):
        return False
    return text[t.start:t.end].casefold() == text[u.start:u.end].casefold()


def _headline_over_lead(frames: list[Mention], head_end: int, text: str) -> list[Mention]:
    """A headline run into its lead with no toll left of its own ("Jets pound X, killing 25 <date> Jets struck A and
    B ..."), whose area holds the places of the lead's events of its type, is those events told again, not one more
    (its dead are theirs)."""
    out = list(frames)
    for h in frames:
        if h.trigger is None or h.trigger.start >= head_end or h.casualties.fatalities.best is not None:
            continue
        lead = [g for g in out if g is not h and g.trigger is not None and g.sentence == h.sentence
                and g.trigger.start >= head_end and event_type(g.sub) == event_type(h.sub)]
        if lead and all(g.casualties.fatalities.best is not None and g.place_told and _in_headline_area(h, g, text)
                        for g in lead):
            lead[0].joined.extend([h, *h.joined])
            h.joined = []
            out.remove(h)
    return out


# "26 air strikes across Idlib", "fighting throughout the province": a count spread over an area, a round-up's sum.
_ACROSS = re.compile(r"(?i)\b(?:across|throughout|all\s+over)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")


# "Death toll in Hama clash rises to 30": a headline telling the toll that rose since the body's count (the guide
# codes the latest).
_HEADLINE_TOLL_ROSE = re.compile(r"(?i)\btoll\b[^.;:]{0,60}?\b(?:rises|rose|risen|climbs|climbed|jumps|jumped|reaches|"
                                 r"reached|hits)\b")


def _headline_into_body(frames: list[Mention], r: Reading, titled: bool = False) -> list[Mention]:
    """A headline (the first sentence, told on its own: no telling of the body joined to it), at a governorate or the
    chief city that names it, over a body that tells an event of its type in that governorate, on its day or none,
    by no other side, is that event's summary, not one more ("Jets kill 12 in Idlib" over "warplanes struck a market
    in the town of X on Monday", "Army kills 30 militants in Hama" over "troops repelled an attack on posts near
    X"): the headline's other words and looser place left the two apart, and a headline tells no event the body
    leaves out. The one such event takes it, and its toll when the body tells none or the headline tells the toll
    rose ("toll rises to 30"); a toll the body tells with the event is the event's own (a headline's larger figure
    may count dead the body tells as another event's or no event's, or be another source's count: the same dead
    are not counted twice). Over two or more, the headline may sum them and stays their summary apart. Not one the
    body tells as another ("Separately, rebels shelled X", "other units killed ..."), by another side, or ground
    taken beside a clash."""
    out = list(frames)
    for h in frames:
        if not _headline(h) or any(not _headline(j) for j in h.joined) \
                or h.place_span is not None and _ACROSS.search(r.text, max(0, h.place_span[0] - 20), h.place_span[0]):
            continue  # (a headline told across an area sums a round-up)
        bodies = [g for g in out if not _headline(g) and event_type(g.sub) == event_type(h.sub)
                  and _place_holds(h, g, titled)
                  and (h.date is None or g.date is None or h.date.date == g.date.date)
                  and not _ground_and_fight(h, g)
                  and not g.apart and not _other_side(h, g) and not _told_as_another(g, r)]
        if len(bodies) != 1:
            continue
        body = bodies[0]
        fh, fb = h.casualties.fatalities.best, body.casualties.fatalities.best
        if fh is not None and (fb is None or fh > fb and bool(r.sentences)
                               and _HEADLINE_TOLL_ROSE.search(r.text, *r.sentences[0])):
            take_toll(body, h)
        body.merge(h)  # (its side and day, where the body tells none)
        out.remove(h)
    return out


def _place_holds(h: Mention, g: Mention, titled: bool) -> bool:
    """Whether headline ``h``'s place holds body event ``g``'s: its governorate, when the headline names an area
    loosely or is the page's title (which names its places loosely); or the very town the body tells it at
    ("Massacre in X kills 16" over "jets struck a market in X, killing 14": a headline's count may be another
    source's or a later one), when it tells no day (a lead that tells its day is no headline over the body). A lead
    that names another town tells its own event."""
    if h.place is None:
        return True
    if h.date is None and h.place_told and g.place_told and g.place is not None and not _loose(h.place) \
            and not _loose(g.place) and (same_spot(h.place, g.place) or _area_holds(h.place, g.place)):
        return True
    return (_loose(h.place) or titled) and (g.place is None or g.place.admin1 == h.place.admin1)


def _area_holds(area: Location, town: Location) -> bool:
    """Whether ``town`` lies in ``area``, an area below a governorate: a district named as its own ("in Douma
    district") or a curated region ("Eastern Ghouta", "the Marj area") whose towns it is one of or next to."""
    if (area.geo_precision or 3) != 2 or (town.geo_precision or 3) > 1 or area.admin1 != town.admin1:
        return False
    return contains(area, town) or any(letters(r.name) == letters(area.name)
                                       for r in packs.current().gazetteer.regions_of(town))


_GROUND = {"Government regains territory", "Non-state actor overtakes territory"}


def _ground_and_fight(a: Mention, b: Mention) -> bool:
    """Whether one telling is ground taken and the other a clash: a battle and its outcome told apart (ACLED codes
    the taking above the clash), not one summary of the other."""
    return a.sub != b.sub and bool({a.sub, b.sub} & _GROUND)


def _loose(p: Location) -> bool:
    """Whether a place names an area loosely: a governorate, or the chief city that names it."""
    return (p.geo_precision or 3) >= 3 or chief_town(p)


def _other_side(a: Mention, b: Mention) -> bool:
    """Whether two tellings name sides of other kinds as the attacker: a battle's tellings may lead with either side,
    and foreign forces often fight beside one ("Syrian and Russian jets")."""
    ka, kb = (a.actor1.kind if a.actor1 else None), (b.actor1.kind if b.actor1 else None)
    return None not in (ka, kb) and ka != kb and "External/Other forces" not in (ka, kb) \
        and event_type(a.sub) != "Battles"


def _told_as_another(m: Mention, r: Reading) -> bool:
    """Whether the mention's sentence tells it as another event than those told before ("Separately, ...",
    "Elsewhere, ...", "in another attack")."""
    if m.trigger is None or m.sentence >= len(r.sentences):
        return False
    return _APART.search(r.text, r.sentences[m.sentence][0], m.trigger.end) is not None


def _lead_total_holds(h: Mention, d: Mention, head_end: int) -> bool:
    """Whether ``d``, told in the lead run on after headline ``h``, tells a total that holds the headline's toll of
    civilians only."""
    mine, theirs = h.casualties, d.casualties
    return h.trigger is not None and d.trigger is not None and h.trigger.start < head_end <= d.trigger.start \
        and mine.fatalities.best is not None and theirs.fatalities.best is not None \
        and mine.victims.civilians == mine.fatalities.best and mine.victims.combatants is None \
        and theirs.victims.civilians == mine.fatalities.best and theirs.fatalities.best > mine.fatalities.best


def _part_of_headline_total(h: Mention, d: Mention, head_end: int, r: Reading) -> bool:
    """Whether ``d``, told in the lead run on after the headline, counts a part of the total headline ``h`` tells
    over a list of places ("Nine killed in A and B ... five killed in a district of A"): an event of its own."""
    fh, fd = h.casualties.fatalities.best, d.casualties.fatalities.best
    return h.trigger is not None and d.trigger is not None and h.trigger.start < head_end <= d.trigger.start \
        and fh is not None and fd is not None and fd < fh \
        and (len(_listed_towns(h, r)) >= 2 or len({p.location.name for p in r.places if p.end <= head_end}) >= 2)


def _note_by_place(frames: list[Mention], r: Reading) -> list[Mention]:
    """A short text that tells its event over a list of places is one event per place (ACLED's one location per
    event). A toll told once over them is shared evenly, as in a story (ACLED's codebook: a total over several events
    with no breakdown is divided evenly among them), unless the note tells each place's own toll ("3 in A and 2 in
    B") or says how it was divided ("the 10 dead divided among 2 places": 5 each)."""
    out, gapped = [], []
    for f in frames:
        if _tolls_by_place(f, r):
            out += split_by_place([f], r)  # each place's own toll, as the note tells it ("3 in A and 2 in B")
            continue
        toll = copy.deepcopy(f.casualties)  # (before the split shares it)
        # (a list of its city's quarters told in a joined sentence: "Rockets hit Aleppo ... the shells fell on the
        # A, B and C neighbourhoods": one event per quarter, as in a story)
        listed = len(_places_listed(f, r)) >= 2 or len(_parts_listed(f, r, frames)) >= 2
        if not listed:
            places = _gapped_places(f, r)
            if not places:
                out.append(f)  # one place: the note's own reading of it stands
                continue
            parts = [f, *(copy.deepcopy(f) for _ in places)]
            gapped += parts[1:]
            for g, (p, day) in zip(parts[1:], _parts_days(f, places, r)):
                g.place, g.place_span, g.place_told = Location(**p.location.to_dict()), (p.start, p.end), True
                if day is not None:  # "... on Monday, and two more on B on Tuesday": the part's own day
                    g.date = copy.copy(day)
        else:
            parts = split_by_place([f], r)
        n = toll.fatalities.best
        shares = [coded_share(r.text, n, [g.place.name, r.text[slice(*g.place_span)]]) for g in parts[1:]]
        if any(k is not None for k in shares):  # the note tells each event's share
            for i, g in enumerate(parts):
                g.casualties = copy.deepcopy(toll)
                if i and shares[i - 1] is not None:  # (the lead report takes its share when the reports are made)
                    g.casualties.fatalities = Count(best=shares[i - 1], low=shares[i - 1], high=shares[i - 1],
                                                    qualifier="exact")
        elif not listed and n:  # (a list's split has shared it already)
            told = _toll_told_at(toll, parts, r)
            for g in parts:  # "... 3 civilians were killed in A": B's part has none of them
                if told and all(g is not t for t in told):
                    g.casualties.fatalities, g.casualties.victims, g.casualties.injured = Count(), Victims(), None
            _share(told or parts, n, toll.victims.civilians == n, toll.victims.combatants == n)
            if told:  # (the toll's places first: the lead report is the event the note tells the dead of)
                parts = [*told, *(g for g in parts if all(g is not t for t in told))]
        out += parts
    return _own_part_tolls(out, gapped)


def _own_part_tolls(out: list[Mention], gapped: list[Mention]) -> list[Mention]:
    """"Jets hit A, and an air strike hit B. 2 civilians were killed in B": the note's other telling at a gapped
    part's place, with a toll the part lacks, is that part's event (one event at B, not two)."""
    for g in gapped:
        if g.casualties.fatalities.best:
            continue
        own = next((h for h in out if h is not g and all(h is not k for k in gapped) and h.place_told
                    and h.casualties.fatalities.best and same_spot(h.place, g.place)), None)
        if own is not None:
            g.casualties = copy.deepcopy(own.casualties)
            out = [h for h in out if h is not own]
            g.merge(own)
    return out


# What a place is, told after its name: "X, a district in G", "X, a port city in G" tell the place, not another part.
_WHAT_A_PLACE_IS = (r"(?:district|town|city|village|area|port|capital|region|province|governorate|neighbou?rhood|"
                    r"suburb|quarter|camp|hill|valley|mountain|island|coast)s?")
# What opens another place's part of a note's sentence that tells one act at several places, its verb left out: "two
# rockets hit A, three on B", "shells fell on A, and in B district", "a raid on A and four more on B".
_GAPPED = re.compile(r"(?:,\s*(?:and\s+)?(?=(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|another|an?)\s)|"
                     r"\s+and\s+)(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|another|an?)\s+"
                     r"(?:(?:more|further|additional)\s+)?(?!(?:others?|people|persons|civilians|children|women|men|"
                     r"soldiers|fighters|members|militants|troops|rebels|gunmen|killed|dead|wounded|injured)\b)"
                     rf"(?:(?!{_WHAT_A_PLACE_IS}\b)[\w-]+\s+){{0,3}}?)?"
                     r"(?:on|in|at|hit|targeted|struck)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


def _gapped_places(f: Mention, r: Reading) -> list:
    """The places after the frame's own in its sentence that each open a part of it told with its verb left out (see
    ``_GAPPED``): one place per part, its first (a village before the district it lies in)."""
    if not f.place_told or f.place_span is None or f.sentence >= len(r.sentences):
        return []
    s, e = _place_sentence(f, r)
    local = [p for p in starting(r.places, s, e) if (p.location.geo_precision or 3) < 3 and p.start >= f.place_span[1]]
    out, at = [], f.place_span[1]
    for p in local:
        gap = r.text[at:p.start]
        if re.search(r"[.;:]", gap):
            break
        m = _GAPPED.search(gap)
        if m and _own_act(m.group(), r.text[s:at + m.start()]):
            break  # "..., and an air strike hit B": a part that names an act of its own is no copy of the first's
        whole = contains(p.location, f.place) or chief_town(p.location) and p.location.admin1 == f.place.admin1
        if m and not whole and p.location.name != f.place.name \
                and all(p.location.name != q.location.name for q in out):
            out.append(p)
        at = p.end
    return out


def _parts_days(f: Mention, places: list, r: Reading) -> list[tuple[object, object]]:
    """Each gapped part's place with the day its own part tells (from the place to the next part or the sentence's
    end), when that is another day than the frame's, else None."""
    e = _place_sentence(f, r)[1]
    out = []
    for i, p in enumerate(places):
        end = places[i + 1].start if i + 1 < len(places) else e
        day = next((d for d in r.dates if p.end <= d.start < end and not d.since), None)
        out.append((p, day if day is not None and f.date is not None and day.date != f.date.date else None))
    return out


def _toll_told_at(toll, parts: list[Mention], r: Reading) -> list[Mention]:
    """The parts whose places the toll's own clause names after its figure ("3 civilians were killed in A"), when it
    names some of them but not all: the toll is theirs alone; else none."""
    figure = toll.spans.get("fatalities")
    if figure is None:
        return []
    e = next((b for a, b in r.sentences if a <= figure[0] < b), len(r.text))
    cut = _CLAUSE_CUT.search(r.text, figure[1], e)
    end = cut.start() if cut else e
    named = [p.location for p in starting(r.places, figure[1], end) if p.location is not None]
    told = [g for g in parts if any(same_spot(g.place, q) or g.place.name == q.name for q in named)]
    return told if 0 < len(told) < len(parts) else []


def _own_act(part: str, before: str) -> bool:
    """Whether a part of a sentence names an act of its own ("rebels attacked A, and an air strike hit B"): an act
    word of a kind the sentence ``before`` the part does not tell; not a verb any act takes ("hit", "struck") nor
    the first part's act told again ("an air raid on A, and four air strikes on B")."""
    told = {t.rule.sub_event_type for t in find_triggers(before) if t.rule.tier > 0 or not t.rule.inherit}
    return any((t.rule.tier > 0 or not t.rule.inherit) and t.rule.sub_event_type not in told
               for t in find_triggers(part))


# A daily round-up heads each province's paragraph with its name, run into the first sentence when the layout is
# lost ("Idlib The army shelled ...", "Homs Two soldiers died ..."): the next word opens a sentence: an article,
# a number, a side, a people's name ("Iraqi", "Yemeni", "Lebanese") or an agency's letters.
_HEADER_AFTER = re.compile(r"\s+(?:A|An|The|Army|Units?|Terrorists|Several|Civilians|Two|Three|Four|"
                           r"Five|Dozens|Scores|Tens|Hundreds|Government|Warplanes|Militants|Gunmen|Rebels|"
                           r"[A-Z][a-z]+(?:ian|i|ese)|[A-Z]{3,5})\b")


def _section_headers(text: str, sentences: list[tuple[int, int]], places: list) -> list:
    """Places that head a sentence as the name of the province its paragraph tells of, read as that province (a
    town the sentence names is then the event's place, not the province's chief town)."""
    starts = [s for s, _ in sentences]
    out = []
    for p in places:
        loc = p.location
        if (loc.geo_precision or 3) < 3 and chief_town(loc) \
                and _HEADER_AFTER.match(text, p.end) and _starts_sentence(text, p.start, starts):
            p = copy.copy(p)
            p.location = Location(**{**loc.to_dict(), "geo_precision": 3})
            p.relation = "province"
        out.append(p)
    return out


def _one_place_per_name(places: list) -> list:
    """A name told twice in one story names one place (a village named beside its province, then again paragraphs
    on beside another province's district): where the gazetteer read two, the one in the governorate the story's
    other places name most (else the first read) stands for both."""
    told: dict[str, list] = {}
    for p in places:
        told.setdefault(letters(p.surface), []).append(p)
    mixed = {k: v for k, v in told.items() if len({(p.location.name, p.location.admin1) for p in v}) > 1}
    if not mixed:
        return places
    out = list(places)
    for key, same in mixed.items():
        around = Counter(p.location.admin1 for p in places if letters(p.surface) != key and p.location.admin1)
        best = max(same, key=lambda p: (around[p.location.admin1], -same.index(p)))
        for p in same:
            if (p.location.name, p.location.admin1) != (best.location.name, best.location.admin1):
                q = copy.copy(p)
                q.location = Location(**best.location.to_dict())
                out[out.index(p)] = q
    return out


def _starts_sentence(text: str, pos: int, starts: list[int]) -> bool:
    """Whether only spaces and quotes stand between the sentence's start and ``pos``."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and not text[starts[i]:pos].strip(" \t\n\"'")


def _inherit_dates(frames: list[Mention], text: str, sentences: list[tuple[int, int]]) -> None:
    """"Rebels shot down a helicopter on Monday ... The helicopter was shot down while bombing the town": a later
    mention told as a definite subject with no day of its own is of an event told before, so it is of that
    event's day (the article's date would make it another event). A definite repeat may name the place more
    closely than its antecedent did ("an assault on the suburbs on Thursday ... the air strikes on X killed 80"):
    the antecedent's area holding it is enough. And "two leaders died in an air raid on Monday ... they
    died in airstrikes in X": an event of one kind told with a day but no place of its own, then told again with
    its place and no day, is that event told more fully: one event, at the place and on the day told (unless their
    tolls differ: then the later telling only takes its day)."""
    for f in list(frames):
        if f.trigger is None or f.told_date() is not None:
            continue
        g = _definite_antecedent(f, frames, text, sentences)
        if g is not None:
            f.date = g.told_date()
            continue
        g = _unplaced_antecedent(f, frames)
        if g is None:
            continue
        a, b = f.casualties.fatalities.best, g.casualties.fatalities.best
        if a is not None and b is not None and a != b:
            f.date = g.told_date()
            continue
        g.place, g.place_span, g.place_told = f.place, f.place_span, True
        g.merge(f)
        frames[:] = [x for x in frames if x is not f]


def _definite_antecedent(f: Mention, frames: list[Mention], text: str,
                         sentences: list[tuple[int, int]]) -> Mention | None:
    """The nearest dated event told before ``f`` when ``f`` is told as a definite subject ("The attack ..."), in
    ``f``'s area (if ``f`` names a place)."""
    if f.sentence == 0 or not _DEFINITE_SUBJECT.match(text, sentences[f.sentence][0], f.trigger.start):
        return None
    earlier = [g for g in frames if g is not f and g.sentence < f.sentence <= g.sentence + _DATE_REACH
               and g.told_date() is not None and (not f.place_told or _same_area(g.place, f.place))]
    return max(earlier, key=lambda g: g.sentence, default=None)


def _unplaced_antecedent(f: Mention, frames: list[Mention]) -> Mention | None:
    """The nearest dated event of ``f``'s kind that names no place of its own, told shortly before a telling of
    ``f`` that names one."""
    if not f.place_told:
        return None
    told = [m.sentence for m in [f, *f.joined]]
    earlier = [g for g in frames if g is not f and g.sub == f.sub and not g.place_told and g.told_date() is not None
               and any(g.sentence < s <= g.sentence + _DATE_REACH for s in told)]
    return max(earlier, key=lambda g: g.sentence, default=None)


#: How many sentences after an event's latest mention a part of it told with no side may still be that side's.
CARRY_SENTENCES = 4


def _latest(f: Mention) -> int:
    """The sentence of the last mention assembled into frame ``f``."""
    return max([f.sentence, *(j.sentence for j in f.joined)])


#: How far apart (degrees) two places may be and still be one side's campaign area ("outside the capital").
AREA_DEGREES = 0.3


def _same_area(a: Location | None, b: Location | None) -> bool:
    """Whether two places lie in one area: one place, one governorate, or a few tens of km apart."""
    if a is None or b is None or same_place(a, b) or a.admin1 is not None and a.admin1 == b.admin1:
        return True
    return None not in (a.lat, a.lon, b.lat, b.lon) and abs(a.lat - b.lat) < AREA_DEGREES \
        and abs(a.lon - b.lon) < AREA_DEGREES


def _carry_sides(frames: list[Mention], text: str) -> None:
    """"Army guns hit A on Sunday, killing two ... In B, a shell wounded a child": a violent event told with
    no side of its own, of the same kind as the event told just before in the same area, is that side's campaign
    told town by town; it takes that event's actor (not a default). So does "the raids" or "the fighting" told at
    another place: the same side's raids or fighting. The nearest earlier event of its kind decides: if it names
    no side, or another area without a definite noun, nothing is carried."""
    for i, f in enumerate(frames):
        if f.actor1 is not None or event_type(f.sub) not in _VIOLENT:
            continue
        prev = next((g for g in reversed(frames[:i]) if g.sub == f.sub and g.sentence < f.sentence), None)
        if prev is None or prev.actor1 is None or not 0 < f.sentence - _latest(prev) <= CARRY_SENTENCES:
            continue
        if not _same_area(prev.place, f.place) and not _anaphor(f, text):
            continue
        f.actor1 = prev.actor1


def _sharpen_places(frames: list[Mention], r: Reading, note: bool = False) -> None:
    """"Mortars hit Damascus, killing 11 ... The attack was in Qaboun": an event placed at a governorate's chief city
    or at a governorate takes the one more precise place inside it (a quarter of the city, a town of the
    governorate) that the sentences of its own tellings name, or that a telling of it is placed at: the most
    precise place the story gives for it. Two such places, or one another event is placed at, leave it broad; a
    spot told by a town ("near X") or a region is precise enough to keep. A short text (``note``) tells its events
    and nothing else: its chief city's event takes the one quarter of it the whole text names that no other of its
    events holds (ACLED codes the quarter: "Aleppo - X")."""
    for f in frames:
        area = f.place
        if area is None or not (chief_town(area) and (area.geo_precision or 3) == 1 or (area.geo_precision or 3) >= 3):
            continue
        if note and (area.geo_precision or 3) != 1:
            continue
        spans = {m.place_span for m in f.joined if m.place_span is not None}
        told = {m.sentence for m in [f, *f.joined]} | {sentence_of(r.sentences, a) for a, _ in spans}
        found = [p for p in r.places if (p.start, p.end) in spans
                 or (note or sentence_of(r.sentences, p.start) in told) and not taken_to(r.text, p.start)]
        if note:
            held = {g.place.name for g in frames if g is not f and g.place is not None}
            found = [p for p in found if p.location is None or p.location.name not in held]
        ranked = [(_finer_in(p, area), p) for p in found]
        if note:  # (a town a note names beside its city is another telling's: "a protest in A against the raids on B")
            ranked = [(rank, p) for rank, p in ranked if rank == 1]
        best = min((rank for rank, _ in ranked if rank), default=0)
        inner = {p.location.name: p for rank, p in ranked if rank and rank == best}
        if _one_of_a_list(r.text, [(p.start, p.end) for p in inner.values()]):
            continue  # "the neighbourhoods of A, B and C": one place of a list is not the event's place
        others = {g.place.name for g in frames if g is not f and g.place is not None}
        if len(inner) != 1 or set(inner) & others:
            continue
        p = next(iter(inner.values()))
        f.place, f.place_span, f.place_told = Location(**p.location.to_dict()), (p.start, p.end), True


#: How far (characters) from a place a plural place noun makes it one of a list.
LIST_REACH = 60


def _one_of_a_list(text: str, spans) -> bool:
    """Whether a plural place noun ("the A and B neighbourhoods") stands within ``LIST_REACH`` of a place told at
    one of ``spans``: that place is one of a list, not an event's own. A place told with a singular noun of its own
    ("fighters in the eastern neighbourhoods shelled the X neighbourhood") is one place, whatever stands near it."""
    listed = place_list_words()
    return any(not told_as_one_place(text, a, b) and listed.search(text, max(0, a - LIST_REACH), b + LIST_REACH)
               for a, b in spans)


def _finer_in(p, area: Location) -> int:
    """How place mention ``p`` lies inside ``area``: 1 a quarter of the governorate's chief city ``area``, 2 a town
    of the governorate ``area`` is or names, 0 not inside it (or no finer). A city's quarter is its sharper place
    before a town of its governorate."""
    loc = p.location
    if loc is not None and _quarter_in(loc, area):
        return 1
    if loc is None or loc.name == area.name or (loc.geo_precision or 3) > 1:
        return 0
    if (area.geo_precision or 3) == 1 and quarter_of(loc, area, p.kind):
        return 1
    return 2 if contains(area, loc) else 0


def _name_the_weapon(frames: list[Mention], text: str) -> None:
    """"Seven killed in terrorist attacks. Six civilians were killed by rocket shells ...": a toll told with a
    general word ("killed", "attacks") and told again, in the next sentences, with the weapon is that weapon's."""
    for i, d in enumerate(frames):
        if d.trigger is None or d.inherited or d.cumulative or "execution" in d.tags \
                or event_type(d.rule_sub) not in ("Violence against civilians", "Battles") \
                or not (d.tier == 0 or _GENERIC_WORD.fullmatch(text, d.trigger.start, d.trigger.end)):
            continue
        dead = d.casualties.fatalities.best
        if not dead:
            continue
        for o in frames[i + 1:]:
            if o.sentence - d.sentence > 2:
                break
            if o.sub in _WEAPONS and o.casualties.fatalities.best and o.casualties.fatalities.best <= dead:
                d.sub, d.trigger, d.tier = o.sub, o.trigger, max(d.tier, o.tier)  # the weapon's word is the evidence
                if d.actor1 is None and o.actor1 is not None:
                    d.actor1 = o.actor1
                break


# A coder's note on how its toll was coded or shared out among the rows of several places.
_ALLOCATED = re.compile(r"\b(?:coded|allocated|split|spread|distributed|divided)\b", re.IGNORECASE)


def _first_town(r: Reading, before: int):
    """The first town a note names before offset ``before`` (its lead's place), or None."""
    return next((p for p in r.places if p.start < before and (p.location.geo_precision or 3) < 3), None)


# A toll told as a part of one told before: "were among the dead", "of the victims", "among those killed".
_PART_OF = re.compile(r"\b(?:(?:was|were)\s+(?:also\s+)?)?among\s+(?:the|those)\s+(?:dead|killed|victims|fatalities)\b|"
                      r"\b(?:of|among)\s+(?:the|those)\s+(?:dead|victims|fatalities|killed)\b", re.IGNORECASE)
# "Among the dead were four women", "among those killed was a teacher": the part told after its cue.
_AMONG_WERE = re.compile(r"(?i)among\s+(?:the|those)\s+(?:dead|killed|victims|fatalities)\s+(?:were|was)\s+"
                         r"(?:(?:at\s+least|also|some|about|around)\s+)?")
# "Five of them died in strikes on the market": a count of the dead just told (not "dozens of them", the fighters).
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b", re.IGNORECASE)


# How many sentences after its whole a part may be told ("... 19 killed. Six children were among the dead. It was a
# series of strikes. Fourteen of the victims died in ...").
_PART_REACH = 4


def _whole_of(d: Mention, c: Clause, text: str, frames: list[Mention], si: int) -> Mention | None:
    """The recent violent frame whose toll clause ``c`` tells a part of, when it says so and the part fits."""
    part = d.casualties.fatalities.best
    if not part or d.actor1 is not None and d.tier > 0:
        # ("Six children were among the dead in the rebel bastion": a side named without an event word acts in none.)
        return None
    m = _PART_OF.search(text, c.start, c.end)
    span = d.casualties.spans.get("fatalities")
    if span is None:
        return None
    if m is None and d.casualties.fatalities.qualifier != "vague":
        m = _OF_THEM.match(text, span[1])
    if m is None or span[0] > m.start() and not _AMONG_WERE.fullmatch(text, m.start(), span[0]):
        return None
    for f in reversed(frames):
        if f.cumulative or si - max([f.sentence] + [j.sentence for j in f.joined]) > _PART_REACH:
            return None
        total = f.casualties.fatalities.best
        if total and (part < total or part == total and not _OWN_BREAKDOWN.match(text, span[1], c.end)) \
                and event_type(f.sub) in _VIOLENT:
            return f
    return None


# "20 people, among them six children, died": the clause's own toll told with its breakdown after it.
_OWN_BREAKDOWN = re.compile(r"\s*[-–,(]?\s*(?:among|including)\s+them\b", re.IGNORECASE)


def _add_part(whole: Mention, part: Mention) -> None:
    """Join a part of a toll to its whole: who the part's dead were and the weapon that killed them (when the whole
    names none: "eight killed in the town ... five of them died in air strikes"), never its count as the whole's."""
    if part.sub in _WEAPONS and event_type(whole.sub) in _VIOLENT and (whole.tier == 0 or whole.trigger is None):
        whole.sub, whole.rule_sub, whole.trigger, whole.tier = part.sub, part.rule_sub, part.trigger, part.tier
    whole.joined.extend([part, *part.joined])
    part.joined = []
    n = part.casualties.fatalities.best
    for key in ("children", "women"):
        if getattr(part.casualties.victims, key) == n and getattr(whole.casualties.victims, key) is None:
            setattr(whole.casualties.victims, key, n)


# A sentence that gives its source ("the ministry said", "according to") reports news of its own.
_SOURCED = re.compile(r"\b(?:said|says|told|reported|reports|according to|announced|stated)\b", re.IGNORECASE)


def _in_a_past_year(text: str, s: int, e: int, base: date | None) -> bool:
    """Whether the sentence tells an earlier year than the article's ("in late 2014"; not "since 2013", which tells
    how long a state has lasted)."""
    return base is not None and any(int(m.group(1)) < base.year and not m.group().lower().startswith("since")
                                    for m in PAST_YEAR.finditer(text, s, e))


def _is_background(sentence: str, base: date | None) -> bool:
    if is_background(sentence):
        return True
    if base is not None and ("19" in sentence or "20" in sentence):  # a year PAST_YEAR can read
        return any(int(y) < base.year for y in PAST_YEAR.findall(sentence))
    return False


#: How far into the text (characters) its headline may start (after a printed date or a byline).
HEADLINE_START = 150
#: How much text must follow the headline in its sentence for the headline to be told apart.
HEADLINE_RUN_ON = 12


def _headline_end(text: str, sentences: list[tuple[int, int]], title: str | None) -> int | None:
    """Where the lead starts when the page runs its title into the lead with no stop ("Raids kill 8 in X 6 March
    2018 Warplanes bombed a market at Y ..."): the headline's summary and the lead's event are two tellings,
    not one clause. None when the headline is a sentence of its own."""
    t = (title or "").strip()
    if len(t) < 20 or not sentences:
        return None
    s, e = sentences[0]
    at = text.find(t, s, min(e, s + HEADLINE_START + len(t)))
    if at < 0:
        return None
    end = at + len(t)
    lead = end + len(text[end:e]) - len(text[end:e].lstrip())
    if e - lead < HEADLINE_RUN_ON or text[end:lead + 1].strip()[:1] in (".", "!", "?", ":"):
        return None
    return lead


def _titled(text: str, sentences: list[tuple[int, int]], title: str | None) -> bool:
    """Whether the story's first sentence holds the page's title (its headline)."""
    t = (title or "").strip()
    if not t or not sentences:
        return False
    s, e = sentences[0]
    return text.find(t, s, min(e, s + HEADLINE_START + len(t))) >= 0


def _cut_at(clauses: list[tuple[int, int, bool]], at: int) -> list[tuple[int, int, bool]]:
    """The clauses with the one holding ``at`` cut there."""
    out = []
    for cs, ce, again in clauses:
        if cs < at < ce:
            out += [(cs, at, again), (at, ce, False)]
        else:
            out.append((cs, ce, again))
    return out


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    return [(cs, ce) for cs, ce, _ in _clauses_told(text, s, e)]


def _clauses_told(text: str, s: int, e: int) -> list[tuple[int, int, bool]]:
    """The sentence's clauses, each with whether it only tells again an event set beside another ("The attack
    came as ...")."""
    sentence = text[s:e]
    if sentence.isascii() and not any(w in sentence.lower() for w in _CLAUSE_BREAK_WORDS):
        return [(s, e, False)]  # none of the break's words: most sentences, no scan (ASCII: case is all it folds)
    out, cur = [], s
    for m in _CLAUSE_BREAK.finditer(text, s, e):
        if m.start() > cur:
            out.append((cur, m.start(), bool(m.group("came"))))
        cur = m.end()
    out.append((cur, e, False))
    return out


def _own_toll_beside(a: Mention, b: Mention) -> bool:
    """"Air strikes on X killed 17 while artillery fire on Y killed another two": each clause counts its own dead at
    a place it names, two events set side by side (not one bombardment told in two words)."""
    fa, fb = a.casualties.fatalities.best, b.casualties.fatalities.best
    return fa is not None and fb is not None and fa != fb and a.place_told and b.place_told \
        and a.place is not None and b.place is not None and a.place.name != b.place.name


def _continued(frames: list[Mention], d: Mention, si: int, same=same_place) -> Mention | None:
    """The earlier report a clause may continue: for a bare toll ("Two people were killed."), the first
    report of the last sentence that has none yet; otherwise the latest report it fits."""
    recent = [x for x in frames if not x.cumulative and si - x.sentence <= 2]
    if not recent:
        return None
    if d.tier == 0:
        if d.place_told and d.casualties.fatalities.best is not None:
            # "Jets struck X on Monday. Rebels shelled Y on Tuesday. Nine people were killed in X": a toll told at
            # its own place is the dead of the event told there, not of the one just told elsewhere.
            here = [x for x in recent if x.place_told and x.casualties.fatalities.best is None
                    and letters(x.place.name) == letters(d.place.name)]
            if here and not same(recent[-1].place, d.place):
                return here[-1]
        last = [x for x in recent if x.sentence == recent[-1].sentence]
        return next((x for x in last if x.casualties.fatalities.best is None), last[-1])
    for x in reversed(recent):
        if _continues(x, d, si, same):
            return x
    return recent[-1]


# "killed by government bombs", "died under army shelling": the toll's word, then who killed.
_KILLED_BY = re.compile(r"\s+(?:by|under|from|in)\s+(?:(?:the|a|an)\s+)?(?:[\w'-]+\s+){0,2}?$", re.IGNORECASE)


def _killed_by(d: Mention, text: str) -> bool:
    """Whether the toll ``d``'s own words name its attacker just after its event word."""
    t, a = d.trigger, d.actor1
    return t is not None and a is not None and 0 <= a.start - t.end <= 40 \
        and _KILLED_BY.fullmatch(text, t.end, a.start) is not None


def _continues(prev: Mention, d: Mention, si: int, same=same_place, text: str = "") -> bool:
    """Whether clause draft ``d`` tells more of ``prev`` rather than a new event."""
    if si - prev.sentence > 2 or d.apart:
        return False
    if d.claim and prev.claim and d.claim.claim.name != prev.claim.claim.name and (
            d.casualties.any or d.actor1 is not None):
        return False
    if d.tier == 0:
        if prev.casualties.fatalities.best is not None and d.casualties.fatalities.best is not None \
                and d.casualties.fatalities.best != prev.casualties.fatalities.best:
            return False
        if d.actor1 and prev.actor1 and d.actor1.kind != prev.actor1.kind and _killed_by(d, text):
            # A toll that names who killed right after its word ("died under army shells" after rebels struck a
            # post): that side's event, not the one just told.
            return False
        return same(prev.place, d.place) and not (text and _told_apart(prev, d, text))
    if event_type(d.sub) != event_type(prev.sub):
        return False
    if d.sub != prev.sub and d.tier >= 2 and prev.tier >= 2:
        return False
    if d.actor1 and prev.actor1 and d.actor1.name != prev.actor1.name:
        return False
    if part_of_total(prev, d):
        return False  # "13 killed across Aleppo province ... five in the village of X": a town's event of its own
    if text and _told_apart(prev, d, text):
        return False  # "Rockets hit quarter X ... Gunmen also shelled quarter Y": a round-up's next place
    return same(prev.place, d.place) or _headline_area_holds(prev, d)


def _places_apart(a: Location | None, b: Location | None) -> bool:
    """Whether two places told are two places of a round-up, each its own event's (ACLED: one event per location):
    two towns or two quarters of other names and points ("rockets hit quarter X ... shells also fell on quarter Y",
    a few hundred metres apart). A place and the area, district or governorate that holds it are one place told at
    two precisions, and so are a governorate's chief city and any town of its governorate (a story's "Aleppo" may
    name the governorate)."""
    if a is None or b is None or letters(a.name) == letters(b.name) \
            or a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return False
    pa, pb = a.geo_precision or 3, b.geo_precision or 3
    if pa >= 3 or pb >= 3 or None in (a.lat, a.lon, b.lat, b.lon) or (a.lat, a.lon) == (b.lat, b.lon):
        return False
    if chief_town(a) != chief_town(b):
        return False
    return pa == pb


def _told_apart(a: Mention, b: Mention, text: str) -> bool:
    """Whether ``b``, told after ``a``, tells another event of a round-up: each names its own place, the two are
    apart (``_places_apart``), and ``b`` neither names ``a``'s event again by a definite word ("the raid on X") nor
    counts the same dead ("Raids on Aleppo kill 12 ... jets struck X, killing 12")."""
    return a.place_told and b.place_told and _places_apart(a.place, b.place) and not _same_dead(a, b) \
        and not _definite(b, text) and not _anaphor(b, text)


def _headline_area_holds(h: Mention, d: Mention) -> bool:
    """Whether headline ``h`` (no day or toll of its own, or the same) names loosely the area of the town
    where its lead tells ``d``'s dead: the governorate, or its chief city that names it ("Raids on Idlib" over
    "jets struck Saraqeb, killing 11")."""
    if h.sentence != 0 or d.sentence > 1 or h.date is not None and (d.date is None or h.date.date != d.date.date) \
            or h.place is None or d.place is None \
            or not d.place_told or not d.casualties.fatalities.best \
            or h.casualties.fatalities.best is not None and not _same_dead(h, d):
        return False
    return contains(h.place, d.place) or chief_town(h.place) and d.place.admin1 is not None \
        and letters(h.place.name) in letters(d.place.admin1) and (d.place.geo_precision or 3) < 3


# Words that name an event already told: "the attack", "the raid", "the blast".
# "Tuesday's attack", "Saturdays blast" (apostrophes are often stripped) name it by its day.
_DEFINITE = re.compile(r"(?i)\b(?:the|this|that|these|those|same|(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)day'?s)\s+"
                       r"(?:\w+\s+){0,2}$")
#: Event types a bare "attack" or "killed" may be told again with: any violent event.
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_BOMBS = {"Remote explosive/landmine/IED", "Suicide bomb", "Attack"}
_REMOTE = "Explosions/Remote violence"


def _generic(m: Mention, text: str) -> bool:
    """An event word that names no weapon and no side ("attack", "killed", "bombing"): it refines nothing."""
    if m.tier == 0 or m.inherited:
        return True
    t = m.trigger
    return t is not None and bool(_GENERIC_WORD.fullmatch(text, t.start, t.end))


def _definite(m: Mention, text: str) -> bool:
    t = m.trigger
    return t is not None and bool(_DEFINITE.search(text, max(0, t.start - 30), t.start))


# "the raids", "the two air raids", "Saturday's blast": an event noun after a determiner (lower-case words between:
# "the Observatory said air strikes" is no anaphor).
_ANAPHOR = re.compile(r"(?:\b[Tt]he|\b[Tt]his|\b[Tt]hat|\b[Tt]hese|\b[Tt]hose|"
                      r"\b(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un|[Yy]ester|[Tt]o)day'?s)"
                      r"\s+(?:[a-z][\w-]*\s+){0,2}$")
# A trigger's last word that is a verb ("the attacker detonated"), not the event's name.
_VERB_FORM = re.compile(r"(?i)(?:ed|hit|hits|kill|kills|struck|shot|shoot|shoots|blew|fired|fire)$")


# "the dead of those raids numbered 12" told as "12 died during those raids": a bare toll whose event a definite
# noun names.
_IN_THE_EVENT = re.compile(r"\s+(?:in|by|during)\s+(?:the|these|those|this|that)\s+(?:[a-z][\w-]*\s+){0,2}?"
                           r"(?:air\s?strikes?|air\s?raids?|strikes|raids|attacks?|bombings?|shelling|blasts?|"
                           r"explosions?|bombardment|assault|massacre)\b", re.IGNORECASE)


def _anaphor(m: Mention, text: str) -> bool:
    """Whether the mention names, by a definite event noun, an event told before ("the raids on the city", "died
    during those strikes"), or tells what the dead told before died in ("the deaths occurred during raids")."""
    t = m.trigger
    if t is None or m.inherited:
        return False
    if m.tier == 0 and _IN_THE_EVENT.match(text, t.end) or _where_the_dead_died(m, text):
        return True
    word = text[t.start:t.end].strip()
    return not _VERB_FORM.search(word) and bool(_ANAPHOR.search(text, max(0, t.start - 30), t.start))


# "The casualties were caused by a mortar attack on a patrol", "the deaths happened during night raids near X", "the
# fatalities came in a drone strike": the dead told before, named again, and the event they died in.
_THE_DEAD_DIED_IN = re.compile(r"(?i)\b(?:the|these|those)\s+(?:deaths|casualties|fatalities|killings|dead)\s+"
                               r"(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:caused|occurred|occurring|came|took\s+place|"
                               r"happened|resulted)\b[^.;]{0,60}$")


def _where_the_dead_died(m: Mention, text: str) -> bool:
    """Whether the mention's event word is told as the event the dead told before died in (with no count of its
    own): the same event told again, by its toll."""
    t = m.trigger
    return t is not None and m.casualties.fatalities.best is None \
        and _THE_DEAD_DIED_IN.search(text, max(0, t.start - 100), t.start) is not None


def _compatible(a: Mention, b: Mention, text: str) -> bool:
    """Whether frames ``a`` (earlier) and ``b`` may tell one event: types, place, day, actors and toll agree.

    "The raids", "the blast" name an event told before: their kind of event may be told with another word of the
    same type ("a suicide bombing ... the blast"), their toll may be another source's for it, and the side the
    clause seems to name (often the victims: "the raids ... were IS fighters") does not part them. An event whose
    doer is told as another of a kind ("another army unit stormed ...") is never one told before."""
    if b.apart:
        return False
    # Told with its own place or day, "the bombings" must be told where and when the event was ("The bombings
    # come in a week which saw 33 killed in Aleppo on Thursday" names the Aleppo strike, not the bombings).
    anaphor = _anaphor(b, text) and (b.date is None or a.date is not None and a.date.date == b.date.date) \
        and (not b.place_told or same_spot(a.place, b.place))
    ta, tb = event_type(a.sub), event_type(b.sub)
    if ta != tb:
        if not ((_generic(a, text) or _generic(b, text)) and ta in _VIOLENT and tb in _VIOLENT):
            return False
    elif a.sub != b.sub and not (_generic(a, text) or _generic(b, text) or anaphor or _bomber(a, b)
                                 or _delivered(a, b, text) or _same_dead(a, b)) and a.tier >= 2 and b.tier >= 2:
        return False
    if b.place_told and (a.place_told or _own_toll(b, a)) and not same_spot(a.place, b.place) \
            and not (a.sub == b.sub and _same_dead(a, b) and (same_place(a.place, b.place)
                                                              or _in_headline_area(a, b, text))):
        # (The same dead told again may name a district of the city told first: "killed 18 in Aleppo ... the
        # missile struck in the Maghayir district"; a headline names the area loosely: "Nine fighters die in
        # Idlib" over "a drone hit their truck outside Sarmin, killing all nine".) A toll told at a place of its
        # own is that place's event even when the event before named its place only by the sentences around it
        # ("In Y three more people died" after "troops shell their positions there" told of X): one event per place.
        return False
    if not anaphor and _told_apart(a, b, text):
        return False  # (a round-up's towns or quarters, each told with its own place: one event per location)
    if a.date is not None and b.date is not None and a.date.date != b.date.date:
        return False
    if a.actor1 and b.actor1 and a.actor1.kind != b.actor1.kind and not anaphor \
            and not (a.sub == b.sub and _same_dead(a, b) and same_spot(a.place, b.place)):
        # (The same kind of event, place and dead told twice is one event whatever sides the clauses seem to name:
        # "Tags Syria air strike ISIS ... 17 civilians killed in air raids" reads a keyword as the actor.)
        return False
    return anaphor or may_count_the_same(a.casualties.fatalities, b.casualties.fatalities) \
        or another_count(b, text) and (_generic(b, text) or a.sub == b.sub)


# How many sentences after a toll its restatement may come: a source quoted paragraphs later ("jets hit the convoy,
# killing 14 drivers, a medic told us") came within seven sentences in every FA-KES story that tells one.
_SAME_DEAD_REACH = 8


def _own_toll(m: Mention, before: Mention) -> bool:
    """Whether the mention counts dead of its own: neither a toll it took from the event it was read after nor the
    count of ``before`` told again (the same dead told where they died names that event's place)."""
    n = m.casualties.fatalities.best
    return n is not None and not m.inherited and n != before.casualties.fatalities.best


def _headline(m: Mention) -> bool:
    """Whether the mention is told in the article's first sentence (its headline, often run into its lead)."""
    return m.sentence == 0


def _in_headline_area(a: Mention, b: Mention, text: str) -> bool:
    """Whether ``a`` is a headline whose loosely named area holds ``b``'s place: ``b``'s governorate, a place
    the headline names among others ("in X, Y and Z"), or the country when the headline names no governorate.
    Only the first body telling of dead inside it (the nearest) places a headline: one placed so already keeps
    its place, and a telling elsewhere is another event."""
    if not _headline(a) or any(j.place_told and j.sentence != a.sentence and j.casualties.fatalities.best is not None
                               for j in a.joined):
        return False
    pa, pb = a.place, b.place
    if pa is None or pb is None or pa.admin1 is None:
        return True
    if pb.admin1 == pa.admin1 or contains(pa, pb):
        return True
    if b.place_span is not None and a.trigger is not None:
        end = text.find(". ", a.trigger.end)
        named = text[b.place_span[0]:b.place_span[1]].strip()
        if named and re.search(r"\b" + re.escape(named) + r"\b", text[:end if end >= 0 else len(text)]):
            return True
    # A governorate's chief city names the governorate around it too, when that one is named after the city
    # (a capital and the countryside governorate that bears its name).
    return chief_town(pa) and pb.admin1 is not None and letters(pa.name) in letters(pb.admin1)


def _same_dead(a: Mention, b: Mention) -> bool:
    """"Two children were killed in shelling on Homs ... Two children were killed in raids on al-Waer": the same
    counted dead told again (a lead and its restatement, or a source quoted paragraphs later) with another weapon
    word of the same type or another side blamed. Farther apart than a wire story's quoted restatement goes, the
    same count is another strike's."""
    fa, fb = a.casualties.fatalities, b.casualties.fatalities
    return fa.best is not None and fa.best >= 2 and fa.best == fb.best and "vague" not in (fa.qualifier, fb.qualifier) \
        and abs(b.sentence - a.sentence) <= _SAME_DEAD_REACH


def _bomber(a: Mention, b: Mention) -> bool:
    """"A car bomb killed five ... media blamed a suicide bomber for the blast": the bomb and who set it off, told
    without a place or day of their own, are one bombing (ACLED's precedence makes it a suicide bomb)."""
    return {a.sub, b.sub} == {"Suicide bomb", "Remote explosive/landmine/IED"} and not b.place_told and b.date is None


_DELIVERY = {"Air/drone strike", "Shelling/artillery/missile attack"}


def _delivered(a: Mention, b: Mention, text: str) -> bool:
    """"Canisters of chlorine landed in the square ... helicopters dropped barrels on the town on Monday": the gas
    and the strike or shell that carried it, the gas told with no place or day of its own, are one attack (ACLED's
    precedence makes it a chemical weapon). Only told in one sentence or the next, and never across words that
    part them ("Separately, ...", "Elsewhere, ...", "in another attack"): a fatal strike retyped as gas is grave."""
    gas = a if a.sub == "Chemical weapon" else b if b.sub == "Chemical weapon" else None
    other = b if gas is a else a
    if gas is None or other.sub not in _DELIVERY or gas.place_told or gas.date is not None \
            or abs(a.sentence - b.sentence) > 1 or a.trigger is None or b.trigger is None:
        return False
    lo, hi = sorted((a.trigger.end, b.trigger.start) if a.trigger.start < b.trigger.start
                    else (b.trigger.end, a.trigger.start))
    return not _APART.search(text, lo, hi)


# Words that tell the next event as another than the one just told.
_APART = re.compile(r"\b(?:separately|elsewhere|meanwhile|in\s+(?:another|a\s+separate|a\s+different|an\s+unrelated)\s+"
                    r"(?:attack|incident|strike|raid|development))\b", re.IGNORECASE)


def _absorb(a: Mention, b: Mention, text: str) -> None:
    """Join frame ``b`` to ``a``: the weapon word, the most precise place told and a told day win."""
    if _generic(a, text) and not _generic(b, text) or b.sub == "Suicide bomb" and a.sub in _BOMBS \
            or b.sub == "Chemical weapon" and event_type(a.sub) == "Explosions/Remote violence":
        # A weapon word refines a bare "attack"; a suicide bomber's car bomb is a suicide bomb, and gas dropped
        # from the air a chemical weapon (ACLED's precedence).
        a.sub, a.rule_sub, a.trigger, a.tier = b.sub, b.rule_sub, b.trigger, b.tier
    # The place told with the event's own toll or word stays (a headline is a sentence); a place another telling
    # names replaces it only when it sharpens it from the same or the next sentence. One told paragraphs away is
    # that telling's scene, not this event's.
    near = abs(b.sentence - a.sentence) <= UNTOLD_SENTENCES
    # (A headline names the area loosely: the body's place told with the same dead is where it happened.)
    if b.place_told and b.place is not None and (
            a.place is None or (_refines(b, a) or _in_headline_area(a, b, text) and _same_dead(a, b) if a.place_told
                                else near)):
        a.place, a.place_span, a.place_told = b.place, b.place_span, True
    kept = (a.place, a.place_span) if a.place is not None else None
    a.merge(b)
    if kept is not None:
        a.place, a.place_span = kept


#: How many sentences apart another telling of an event may still tell its place (the next sentence of a headline).
NEAR_SENTENCES = 1
#: How far another telling may be to give a place to an event told with none (only guessed from nearby text).
UNTOLD_SENTENCES = 4


def _refines(b: Mention, a: Mention) -> bool:
    """Whether ``b``'s place may replace the place ``a`` tells in its own sentence (a headline is one): a more
    precise place inside it (its governorate), told in the same or the next sentence. A town of another
    governorate, or one told paragraphs later, is another telling's place, not a sharper one."""
    pa, pb = a.place, b.place
    if abs(b.sentence - a.sentence) > NEAR_SENTENCES:
        return False
    if _quarter_in(pb, pa):
        return True  # a quarter of the city: the finer place wins
    if not ((pb.geo_precision or 3) < (pa.geo_precision or 3) or pa.name in (pb.admin1, pb.admin2)):
        return False
    return pa.admin1 is None or pb.admin1 is None or pb.admin1 == pa.admin1 or pa.name in (pb.admin1, pb.admin2)


def _quarter_in(q: Location, city: Location) -> bool:
    """Whether ``q`` is a quarter of the governorate's chief city ``city``: one a source lists, or one no source
    spells that the text tells by a quarter noun, placed at the city's own point."""
    return (city.geo_precision or 3) == 1 and chief_town(city) and q.name != city.name and q.admin1 == city.admin1 \
        and (quarter_of(q, city, "neighbourhood") or q.geonames_id is None and (q.lat, q.lon) == (city.lat, city.lon))


def _same_event_evidence(a: Mention, b: Mention, text: str) -> bool:
    """Compatible is not enough: "the attack" or a bare "killed" names an event told before, and so does the same
    kind of event told with no place, toll, other side or other day of its own; otherwise the two must be told at
    the same place or with the same toll."""
    if _definite(b, text) or _generic(b, text) or _bomber(a, b) or _delivered(a, b, text) or another_count(b, text) \
            or _where_the_dead_died(b, text) and a.casualties.fatalities.best is not None:
        return True
    if a.sub == b.sub and not b.place_told and not b.casualties.any \
            and (b.actor1 is None or a.actor1 is not None and a.actor1.name == b.actor1.name) \
            and (b.date is None or a.date is not None and a.date.date == b.date.date):
        # "The city was hit by rockets fired from jets", "an airstrike destroyed a convoy on Monday": the same kind
        # of event told again with no place, toll, other side or other day of its own tells of no other event.
        return True
    if a.sentence == 0 and a.sub == b.sub and not a.place_told and not a.casualties.any and a.date is None \
            and (a.actor1 is None or b.actor1 is not None and a.actor1.name == b.actor1.name):
        # "Envoy raises gas attack in call" over a body that tells where and when the gas attack was: a
        # headline that names a kind of event and tells nothing of it names the one the body tells.
        return True
    if a.place_told and b.place_told:
        return True
    if a.date is not None and b.date is not None and _targets(a, text) & _targets(b, text):
        # "Jets struck the field hospital on Friday ... a warplane levelled a hospital in the town on Friday": the
        # same day and the same thing hit (a wedding, a convoy, a hospital) tell one event.
        return True
    fa, fb = a.casualties.fatalities.best, b.casualties.fatalities.best
    return fa is not None and fa == fb


#: How far (characters) from its event word the thing an event hit may be named.
TARGET_REACH = 80


def _targets(m: Mention, text: str) -> frozenset[str]:
    """The distinctive things (a wedding, a convoy, a market) named by the mention's event word."""
    t = m.trigger
    if t is None:
        return frozenset()
    lo, hi = max(0, t.start - TARGET_REACH), min(len(text), t.end + TARGET_REACH)
    stop = text.rfind(". ", lo, t.start)  # (within its sentence)
    lo = lo if stop < 0 else stop + 2
    stop = text.find(". ", t.end, hi)
    hi = hi if stop < 0 else stop
    found = target_words().findall(text, lo, hi)
    return frozenset(w.casefold() for w in found)


def _agreement(a: Mention, b: Mention) -> int:
    """How much two compatible frames tell alike: the same toll and the same day count most, then the same place
    told and the same kind of event."""
    fa, fb = a.casualties.fatalities.best, b.casualties.fatalities.best
    da, db = a.told_date(), b.told_date()
    return (2 * bool(fa is not None and fa == fb) + 2 * bool(da is not None and db is not None and da.date == db.date)
            + bool(a.place_told and b.place_told and a.place is not None and b.place is not None
                   and a.place.name == b.place.name) + bool(a.sub == b.sub))


# "The death toll later rose to 18", "the number of people killed rose to nine", "raised the toll to 20", and the
# same told as a consequence of later deaths: "two of the wounded died, raising the toll to seven", "bringing the
# number of dead to five". (A total over a period, "bringing the toll over the past week to 60", is a running
# total, not this event's toll: no period word may stand between the count's noun and its number.)
_UPDATED_COUNT = r"(?:(?:death\s+)?toll|number\s+of\s+(?:\w+\s+){0,2}(?:dead|killed|deaths|victims|fatalities))"
_RAISING = (rf"\b(?:raising|bringing|pushing|taking|lifting|(?:which|that)\s+(?:raised|brought|pushed|took|lifted))"
            rf"\s+(?:the|its)\s+(?:overall\s+|total\s+)?{_UPDATED_COUNT}"
            r"(?:\s+(?:from|in|of)\s+(?:the|this|that)\s+(?:\w+\s+){0,2}?"
            r"(?:attack|raid|strike|bombing|blast|explosion|shelling|massacre|assault))?"
            r"\s+to\s+(?:at\s+least\s+|more\s+than\s+)?")
_TOLL_UPDATE = re.compile(r"(?i)\b(?:toll|number\s+of\s+(?:\w+\s+){0,2}(?:dead|killed|deaths|victims|fatalities))\b"
                          r"[^.;]{0,80}?\b(?:rose|risen|rises|climbed|climbs|increased|increases|jumped|reached|"
                          r"reaches|went\s+up|gone\s+up)\s+to\s+(?:at\s+least\s+|more\s+than\s+)?$"
                          r"|\braised\s+(?:the|its)\s+(?:death\s+)?toll\b[^.;]{0,60}?\bto\s+(?:at\s+least\s+)?$"
                          rf"|{_RAISING}$")
# "A man and his son succumbed later, bringing the number of dead to seven": the clause counts its own
# dead, then the raised total of the event they died in.
_RAISED_AFTER = re.compile(rf"(?i)[^.;]{{0,40}}?,?\s*{_RAISING}(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b")


# "The ministry gave a higher toll of 15", "the group had earlier given a figure of 12", "put the count at 20": a
# source's count of dead told before, not a new event (ACLED keeps one toll per event).
_ANOTHER_COUNT = re.compile(r"(?i)\b(?:(?:gave|give|gives|giving|given|put|puts|putting|initially|earlier|first|lower|"
                            r"higher|different|separate|own)\b[^.;]{0,40}?\b(?:death\s+)?(?:toll|tally|count|figure)"
                            r"(?:\s+(?:of|at|as))?|\b(?:death\s+)?(?:toll|tally)\s+(?:stood|stands)\s+at)\s+"
                            r"(?:(?:at\s+least|more\s+than|about|around|some|nearly)\s+)?$")


def another_count(m: Mention, text: str) -> bool:
    """Whether the mention's toll is told as a source's count of dead ("gave a higher toll of 15")."""
    span = m.casualties.spans.get("fatalities")
    return m.casualties.fatalities.best is not None and span is not None \
        and _ANOTHER_COUNT.search(text, max(0, span[0] - 90), span[0]) is not None


def _toll_update(m: Mention, text: str) -> re.Match | None:
    """Where the mention tells its toll as a later count of dead told before ("the death toll rose to 18")."""
    span = m.casualties.spans.get("fatalities")
    if m.casualties.fatalities.best is None or span is None:
        return None
    return _TOLL_UPDATE.search(text, max(0, span[0] - 150), span[0])


def _raised_after(m: Mention, text: str) -> tuple[re.Match, int] | None:
    """The raised total told after the mention's own dead ("two more died, bringing the toll to seven") and its
    figure, when it is larger than theirs."""
    span = m.casualties.spans.get("fatalities")
    if m.casualties.fatalities.best is None or span is None or "ing " not in text[span[1]:span[1] + 60]:
        return None
    raised = _RAISED_AFTER.match(text, span[1])
    n = parse_number(raised.group("n")) if raised else None
    return (raised, n) if n is not None and n > m.casualties.fatalities.best else None


def _raise_toll(g: Mention, raised: re.Match, n: int) -> None:
    """Event ``g`` takes the raised total ``n`` told at ``raised``; who its dead were stays as told."""
    at_least = re.search(r"(?i)at\s+least|more\s+than", raised.group()) is not None
    g.casualties.fatalities = Count(best=n, low=n, high=None if at_least else n,
                                    qualifier="at_least" if at_least else "exact")
    g.casualties.spans["fatalities"] = raised.span("n")


def _updated(g: Mention, f: Mention, update: re.Match, text: str, ff: int | None = None) -> bool:
    """Whether update ``f`` recounts the dead of event ``g``: a violent event with no toll or a smaller one, the same
    kind of event or a word that names none (or the event the update names: "the toll from the raid"), and no
    other place told. (``ff``: the count it updates to, when not its own toll.)"""
    fg, ff = g.casualties.fatalities.best, f.casualties.fatalities.best if ff is None else ff
    if g.cumulative or ff is None or fg is not None and ff < fg or event_type(g.sub) not in _VIOLENT:
        return False
    named = f.trigger is not None and update.start() <= f.trigger.start < update.end()
    if event_type(f.sub) != event_type(g.sub) and not _generic(f, text) and not named:
        return False
    return not (f.place_told and g.place_told and not same_spot(g.place, f.place))


def corefer(frames: list[Mention], text: str, sentences: list[tuple[int, int]] = ()) -> list[Mention]:
    """Frames of one article that tell the same event made one: headline, lead and body restatements, and "the
    attack"/"the raid" joining the nearest compatible event before it (whose day it inherits)."""
    out: list[Mention] = []
    for f in frames:
        if _recounts(f, out, text):
            continue
        target = None
        candidates = []
        # "The attack" names the nearest violent event before it, or none; "the 14 killed on Monday" the one
        # whose toll and day it tells.
        nearest = _definite(f, text) and _generic(f, text) and f.casualties.fatalities.best is None and f.date is None
        for g in reversed(out):
            if _compatible(g, f, text) and _same_event_evidence(g, f, text):
                candidates.append(g)
            if nearest and event_type(g.sub) in _VIOLENT:
                break
        if candidates:
            # The antecedent that shares most told facts; of equals, the nearest ("48 executed earlier this week"
            # is the 48 told before, not the blast just told).
            target = max(candidates, key=lambda g: _agreement(g, f))
        else:
            # A second source's toll told after the event ("a monitor reported that 9 had been killed"): its
            # account of the event just told; the event keeps the count it was first told with.
            target = _account_of(f, out, text, sentences)
        if target is None:
            out.append(f)
        else:
            _absorb(target, f, text)
    return _regions_into_towns(out, text)


def _recounts(f: Mention, before: list[Mention], text: str) -> bool:
    """Whether ``f`` recounts the dead of an event in ``before`` ("the death toll rose to 18", "two more died,
    bringing the toll to seven"), which then takes the count (``f`` is merged into it)."""
    update = _toll_update(f, text)
    raised = _raised_after(f, text) if update is None else None
    if update is None and raised is None:
        return False
    g = next((g for g in reversed(before) if (_updated(g, f, update, text) if update is not None
                                               else _updated(g, f, raised[0], text, raised[1]))), None)
    if g is None:
        return False
    f.date = None  # the day an update tells is the day of the count, not of the event
    g.merge(f)
    if update is not None:
        take_toll(g, f)
    else:
        _raise_toll(g, *raised)
    return True


def _recounts_merged(frames: list[Mention], text: str) -> list[Mention]:
    """The frames with each recount of an event told before merged into it (a note's "raising the toll to seven"
    tells no event of its own, as a story's does not)."""
    out: list[Mention] = []
    for f in frames:
        if not _recounts(f, out, text):
            out.append(f)
    return out


def _account_of(f: Mention, frames: list[Mention], text: str, sentences) -> Mention | None:
    """The frame whose event ``f`` retells as another source's account (a bare toll a source tells, read as the
    event before it), when ``f`` tells no other place or day."""
    p = f.parent
    if f.apart or not f.inherited or p is None or f.place_told and not same_spot(p.place, f.place) \
            or f.claim is None and not (f.sentence < len(sentences) and _SOURCED.search(text, *sentences[f.sentence])):
        return None
    g = next((g for g in reversed(frames) if g is p or any(j is p for j in g.joined)), None)
    if g is None or f.date is not None and g.date is not None and f.date.date != g.date.date:
        return None
    return g


def take_toll(dst: Mention, src: Mention) -> None:
    """``dst`` takes ``src``'s count of the dead and who they were (a copy: ``src`` keeps its own)."""
    c, t = dst.casualties, src.casualties
    c.fatalities, c.victims = copy.deepcopy(t.fatalities), copy.deepcopy(t.victims)
    c.spans = {k: v for k, v in c.spans.items() if not (k == "fatalities" or k.startswith("victims."))}
    c.spans.update({k: v for k, v in t.spans.items() if k == "fatalities" or k.startswith("victims.")})


def _towns_told_apart(frames: list[Mention], r: Reading) -> list[Mention]:
    """"Monitors counted 26 air strikes across Idlib on Sunday ... (sentences later) activists said jets struck the
    towns of X and Y": a frame told at a governorate, or at the chief city that names it, keeps its own telling; an
    event word of another sentence that names a town of that governorate (by a name the gazetteer knows) with no
    toll of its own, no update of the frame's toll and no definite article ("the raids on X" is the frame told
    again) is that town's event (ACLED: one event per location), on the frame's day unless it tells its own.
    ``split_by_place`` then gives each town of its list an event."""
    out: list[Mention] = []
    for f in frames:
        out.append(f)
        if f.place is None or not f.place_told or not (chief_town(f.place) or (f.place.geo_precision or 3) >= 2):
            continue
        for j in list(f.joined):
            if j.trigger is None or j.tier == 0 or j.inherited or not j.place_told or j.place is None \
                    or j.sentence == f.sentence or (j.place.geo_precision or 3) > 1 or chief_town(j.place) \
                    or j.place.admin1 != f.place.admin1 or j.casualties.fatalities.best is not None \
                    or not any(p.start == j.place_span[0] for p in r.places) or _toll_update(j, r.text) is not None \
                    or _definite(j, r.text):
                continue
            f.joined.remove(j)
            j.date = j.date or f.date
            out.append(j)
    return out


def _regions_into_towns(frames: list[Mention], text: str) -> list[Mention]:
    """"Bombers struck Hama province ... hit the towns of X and Y": a frame told only at province level, with a
    frame of the same event type and day in a town inside that province, is that town's event told broadly."""
    out = list(frames)
    for f in frames:
        if f.place is None or (f.place.geo_precision or 3) < 3:
            continue
        town = next((g for g in out if g is not f and g.place_told and g.place is not None
                     and (g.place.geo_precision or 3) < 3
                     and event_type(g.sub) == event_type(f.sub) and same_place(f.place, g.place)
                     and (f.date is None or g.date is None or f.date.date == g.date.date)
                     and not (f.actor1 and g.actor1 and f.actor1.kind != g.actor1.kind)), None)
        if town is not None:
            if f.sub == "Suicide bomb" and town.sub in _BOMBS:
                town.sub = f.sub
            if f.tier > town.tier:
                town.sub, town.rule_sub, town.trigger, town.tier = f.sub, f.rule_sub, f.trigger, f.tier
            town.merge(f)  # the province-level telling's toll, actors and day are the town's
            out.remove(f)
    return out


# "between the towns of X and Y", "between X and Y": one place between two, not a list.
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:(?:towns?|villages?|areas?|cities)\s+(?:of\s+)?)?$",
                      re.IGNORECASE)
# Places told as one list ("the towns of Jibrin and Al-Humeiri", "Mesraba, Madira and Douma").
# ("in X town and Y village": each named with its own noun after it.)
_PLACE_LIST = re.compile(r"(?:\s+(?:town|village|city|neighbou?rhood|district|area))?"
                         r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:(?:towns?|villages?|areas?|cities|city|"
                         r"neighbou?rhoods?|districts?)\s+(?:of\s+)?)?", re.IGNORECASE)


def split_by_place(frames: list[Mention], r: Reading) -> list[Mention]:
    """ACLED's one event per location: a toll told over a list of towns becomes one event per town, the toll
    shared evenly (the first towns take the remainder)."""
    out: list[Mention] = []
    # The towns' events of each toll shared evenly, with the toll they were shared from and whom it counted.
    shared: list[tuple[list[Mention], int, bool, bool]] = []
    for f in frames:
        each = _tolls_by_place(f, r)
        if each:
            total = f.casualties.fatalities.best
            for i, (k, p) in enumerate(each):
                g = f if i == 0 else copy.deepcopy(f)
                if i or k != total:  # (the first town's own count, told after the total)
                    g.casualties.fatalities = Count(best=k, low=k, high=k, qualifier="exact")
                    g.casualties.victims = Victims(civilians=k if f.casualties.victims.civilians else None)
                    g.casualties.injured = None
                g.place, g.place_span, g.place_told = Location(**p.location.to_dict()), (p.start, p.end), True
                out.append(g)
            continue
        towns = _places_listed(f, r)
        if len(towns) < 2:
            towns = _parts_listed(f, r, frames) or towns
        if len(towns) < 2:
            _into_named_part(f, r)
            out.append(f)
            continue
        n = f.casualties.fatalities.best
        # A list only its two known towns say is one of places (no place noun tells it): the names no source knows
        # are events of their own but the toll stays with the known towns the text tells it over.
        weak = not (_NOUN_BEFORE.search(r.text, max(0, towns[0].start - 40), towns[0].start)
                    or _NOUN_AFTER.match(r.text, towns[-1].end))
        group: list[Mention] = []
        # Each town's event keeps the mentions it was told with (its evidence, and the day they tell).
        copies = [f, *(copy.deepcopy(f) for _ in towns[1:])]
        for p, g in zip(towns, copies):
            g.place, g.place_span, g.place_told = Location(**p.location.to_dict()), (p.start, p.end), True
            known = any(q is p for q in r.places)
            if known:  # (a known town: "rockets on A and B ... on X quarter in A city")
                _into_named_part(g, r, clause=False)
            elif weak and n:
                g.casualties.fatalities = Count()
                g.casualties.victims = Victims()
                g.casualties.injured = None
                out.append(g)
                continue
            group.append(g)
            out.append(g)
        if n:
            whom = (f.casualties.victims.civilians == n, f.casualties.victims.combatants == n)
            _share(group, n, *whom)
            shared.append((group, n, *whom))
    return _own_town_tolls(out, shared)


def _parts_listed(f: Mention, r: Reading, frames: list[Mention]) -> list:
    """A frame told at a governorate's chief city whose own sentence, or a sentence of a mention joined to it, lists
    two quarters of the city or more by a place noun ("Jets struck Hasaka ... the raids hit the neighbourhoods of A
    and B", "shells fell on the A and B quarters"): the places of that list (ACLED: one event per location). Not a
    list of towns of the governorate (a story's "Idlib" may name the governorate a round-up then tells town by
    town), nor a list whose places are already events of the frame's type (told apart from the frame)."""
    loc = f.place
    if loc is None or not f.place_told or (loc.geo_precision or 3) != 1 or not chief_town(loc):
        return []
    for k in sorted({f.sentence, *(g.sentence for g in f.joined if g.trigger is not None)}):
        s, e = r.sentences[k]
        for p in starting(r.places, s, e):
            if p.location is None or p.location.admin1 != loc.admin1 or (p.location.geo_precision or 3) > 1 \
                    or chief_town(p.location):
                continue
            head = copy.copy(f)
            head.place, head.place_span, head.place_told = p.location, (p.start, p.end), True
            towns = _listed_towns(head, r)
            if len(towns) < 2 or not (_NOUN_BEFORE.search(r.text, max(s, towns[0].start - 40), towns[0].start)
                                      or _NOUN_AFTER.match(r.text, towns[-1].end)):
                continue
            if not all(_quarter_in(q.location, loc) for q in towns if any(q is x for x in r.places)) \
                    or any(g is not f and g.place_told and event_type(g.sub) == event_type(f.sub)
                           and any(g.place.name == q.location.name for q in towns) for g in frames):
                return []
            return towns
    return []


# "in X, a small town in eastern Ghouta", "on X neighbourhood in Aleppo city", "the village of X in Hama": a part the
# text names, by a place noun, of the city or area the frame is told at, that no source knows.
_PART_NOUN = r"(?:neighbou?rhood|town|village|district|quarter|suburb|hill|hilltop|camp)"
_PART_BEFORE = re.compile(rf"(?:\s*(?:,|-|–)\s*|\s+)(?:an?\s+(?:[\w-]+\s+){{0,2}}|the\s+)?{_PART_NOUN}\s+(?:in|of)\s+"
                          r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")
_NOUN_OF = re.compile(rf"(?i)\b(?:the\s+)?{_PART_NOUN}\s+of\s+$")
_PART_AFTER_NAME = re.compile(r"\s*,?\s+(?:in|of|near)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")


def _into_named_part(f: Mention, r: Reading, clause: bool = True) -> None:
    """A frame told at a governorate or its chief city (or more broadly) whose sentences name, by a place noun, a part
    of that place ("X neighbourhood in Aleppo city", "in X, a small town in eastern Ghouta", "the town of X in Hama")
    happened at that part: at the part's own place when a source knows it, else named as the text names it, at the
    frame's point, geo-precision 2."""
    loc = f.place
    if loc is None or f.place_span is None or not f.place_told or loc.lat is None \
            or not ((loc.geo_precision or 3) >= 2 or chief_town(loc)):
        return
    # "Rockets on A and B ... in A, six died in the X quarter": a joined telling's one quarter of the city (not one
    # of a list, "the X and Y neighbourhoods", which leaves the event broad).
    quarters = {g.place.name: g for g in f.joined if g.place_told and g.place is not None and _quarter_in(g.place, loc)}
    if len(quarters) == 1 and not _one_of_a_list(
            r.text, [g.place_span for g in quarters.values() if g.place_span is not None]):
        g = next(iter(quarters.values()))
        f.place, f.place_span = Location(**g.place.to_dict()), g.place_span
        return
    spans = [_place_sentence(f, r), *(r.sentences[k] for k in sorted({f.sentence, *(g.sentence for g in f.joined)}))]
    for s, e in _own_clauses(f, dict.fromkeys(spans), r.text):
        for p in starting(r.places, s, e):
            if p.location is not None and (p.start == f.place_span[0] or same_place(p.location, loc)):
                part = _part_before(p.start, s, r)
                if part is not None:
                    _move_to(f, part, r)
                    return
    part = _town_of_clause(f, r) if clause else None  # (a town of a list: the list is what its sentence tells)
    if part is not None:
        _move_to(f, part, r)


# "over the northwestern town of X", "in X village": a town its own sentence tells by a place noun.
_TOWN_NOUN = r"(?:town|village|city|neighbou?rhood|district|quarter|suburb)"
_TOWN_OF = re.compile(rf"(?i)\b{_TOWN_NOUN}\s+of\s+$")
_TOWN_OF_NAME = re.compile(rf"(?i)\b{_TOWN_NOUN}\s+of\s+(?:the\s+)?")
_TOWN_AFTER = re.compile(r"(?i)\s+(?:town|village|neighbou?rhood|district|quarter|suburb)\b(?!\s+of\b)")
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")


def _town_of_clause(f: Mention, r: Reading):
    """The one town the frame's own sentence tells by a place noun ("the town of X", "X village"), inside the frame's
    governorate: its mention when a source knows it, else its name's (start, end); None when there is none or more
    than one, or the town is where people came from or where they fled or were taken."""
    text = r.text
    clauses = _own_clauses(f, [r.sentences[f.sentence]], text)
    if len(clauses) != 1:
        return None
    s, e = clauses[0]
    found = []
    for p in starting(r.places, s, e):
        if p.location is None or p.location.admin1 != f.place.admin1 or (p.location.geo_precision or 3) > 1 \
                or chief_town(p.location):
            continue
        if _TOWN_OF.search(text, max(s, p.start - 20), p.start) or _TOWN_AFTER.match(text, p.end, e):
            found.append(p)
    for m in _TOWN_OF_NAME.finditer(text, s, e):  # "the town of X": an unknown name after the noun
        at = m.end()
        if any(p.start <= at < p.end for p in starting(r.places, max(s, at - 60), at + 1)):
            continue  # a known place (counted above, or outside the governorate)
        u = _unknown(text, at, e, False, r.places, r.actors, None)
        if u is not None and _ends_item(text, u[1], e, False) and _name_shaped(text[u[0]:u[1]]):
            found.append(u)
    spans = {(p.start, p.end) if isinstance(p, PlaceMention) else p for p in found}
    if len(spans) != 1:
        return None
    part = found[0]
    a = part.start if isinstance(part, PlaceMention) else part[0]
    # (Nor where people fled or were taken: "families fled to the town of X" escaped the event there.)
    return None if _FROM_BEFORE.search(text, max(s, a - 40), a) or taken_to(text, a) else part


# Where a clause of a sentence ends and another begins: a semicolon, a subordinating word or a relative, a speaker's
# addition, or a verb of people leaving or coming back ("as families returned to ...", "a day after rebels downed a jet
# over ...", "..., adding that ...", "residents fled to ..."): a town told there is not where the frame happened.
_CLAUSE_CUT = re.compile(r";|(?<!such\s)(?<!as\swell\s)\bas\b(?!\s+well\b)|\b(?:after|while|whereas|who|which|"
                         r"adding|saying|noting|fled|fleeing|flee|returned|returning|return)\b")


def _own_clauses(f: Mention, spans, text: str) -> list[tuple[int, int]]:
    """The clauses of the sentences ``spans`` that hold the frame's trigger, place or a joined mention's trigger."""
    anchors = [a for a in (f.place_span[0] if f.place_span else None, f.trigger.start if f.trigger else None,
                           *(g.trigger.start for g in f.joined if g.trigger is not None)) if a is not None]
    out: list[tuple[int, int]] = []
    for s, e in spans:
        cuts = [s, *(m.start() for m in _CLAUSE_CUT.finditer(text, s, e)), e]
        for a, b in zip(cuts, cuts[1:]):
            if any(a <= x < b or (x == b == e) for x in anchors) and (a, b) not in out:
                out.append((a, b))
    return out


def _part_before(at: int, s: int, r: Reading):
    """The part named just before the place told at ``at`` (sentence start ``s``), or None: a known place's mention,
    or the (start, end) of an unknown name."""
    text = r.text
    lead = next((m for m in _PART_BEFORE.finditer(text, max(s, at - 60), at) if m.end() == at), None)
    if lead is not None:  # "X neighbourhood in <place>", "X, a town in <place>": the name just before
        return _last_name(text, max(s, lead.start() - 60), lead.start(), r)
    after = next((m for m in _PART_AFTER_NAME.finditer(text, max(s, at - 40), at) if m.end() == at), None)
    if after is None:  # "the town of X in <place>"
        return None
    name = _last_name(text, max(s, after.start() - 60), after.start(), r)
    if name is None:
        return None
    a = name.start if isinstance(name, PlaceMention) else name[0]
    return name if _NOUN_OF.search(text, max(s, a - 30), a) else None


def _move_to(f: Mention, part, r: Reading) -> None:
    """Tell frame ``f`` at ``part`` (a known place's mention, or an unknown name's span inside the frame's place)."""
    loc = f.place
    if isinstance(part, PlaceMention):
        # (A quarter no source spells is told at its city's point, precision 2.)
        if part.location.admin1 != loc.admin1 \
                or (part.location.geo_precision or 3) > 1 and part.kind != "neighbourhood":
            return
        f.place, f.place_span = Location(**part.location.to_dict()), (part.start, part.end)
        return
    a, b = part
    if not _name_shaped(r.text[a:b]):
        return
    f.place = Location(name=r.text[a:b], country=loc.country, admin1=loc.admin1,
                       admin2=loc.admin2 if (loc.geo_precision or 3) < 3 else None, lat=loc.lat, lon=loc.lon,
                       geo_precision=2)
    f.place_span = part


def _last_name(text: str, s: int, end: int, r: Reading):
    """The place name that ends at ``end`` (from ``s``): a known place's mention, else the (start, end) of an unknown
    name, else None."""
    known = next((p for p in starting(r.places, s, end) if p.end == end), None)
    if known is not None:
        return known
    best = next((m for m in _ITEM.finditer(text, s, end) if m.end() == end), None)
    if best is None:
        return None
    for k in range(best.start(), end):  # the longest run of capitalised words ending there that is a name
        if k == best.start() or text[k - 1].isspace():
            u = _unknown(text, k, end, False, r.places, r.actors, None)
            if u is not None and u[1] == end:
                return u
    return None


def _share(towns: list[Mention], n: int, civilians: bool, combatants: bool) -> None:
    """Share a toll of ``n`` evenly over the towns' events (the first towns take the remainder)."""
    share, extra = divmod(n, len(towns))
    for i, g in enumerate(towns):
        k = share + (1 if i < extra else 0)
        g.casualties.fatalities = Count(best=k, low=k, high=k, qualifier="about")
        g.casualties.victims = Victims(civilians=k if civilians else None, combatants=k if combatants else None)


def _own_town_tolls(out: list[Mention], shared: list[tuple[list[Mention], int, bool, bool]]) -> list[Mention]:
    """"Nine killed in attacks on X and Y. Six were killed in X ... three in Y": the toll the text tells for one
    town alone is that town's, not its even share of the total (the same dead, told twice, are one event). What
    the towns' own tolls leave of the total is shared again over the other towns ("Eleven killed on X and Y. Seven
    were killed in X": four in Y), none below nought."""
    split = {id(g) for group, *_ in shared for g in group}
    for group, total, civilians, combatants in shared:
        rest, left = [], total
        for g in group:
            own = next((h for h in [*g.joined, *out] if h is not g and id(h) not in split
                        and h.place_told and same_spot(h.place, g.place) and event_type(h.sub) == event_type(g.sub)
                        and (h.date is None or g.date is None or h.date.date == g.date.date)
                        and h.casualties.fatalities.best and h.casualties.fatalities.best <= total
                        and h.casualties.fatalities.qualifier != "vague"), None)
            if own is None:
                rest.append(g)
                continue
            g.casualties.fatalities = Count(**own.casualties.fatalities.to_dict())
            g.casualties.victims = copy.copy(own.casualties.victims)
            left -= own.casualties.fatalities.best
            if any(h is own for h in out):
                out.remove(own)
                g.merge(own)
        if rest and len(rest) < len(group):
            _share(rest, max(0, left), civilians, combatants)  # the others' shares never add up past the total
    return out


def _place_sentence(f: Mention, r: Reading) -> tuple[int, int]:
    """The span of the sentence that tells the frame's place: its own, or a later telling's ("Two car bombs went off
    in Homs province on Friday, killing 12. They struck the villages of X and Y")."""
    if f.place_span is not None:
        for s, e in r.sentences:
            if s <= f.place_span[0] < e:
                return s, e
    return r.sentences[f.sentence]


def _town_and_after(f: Mention, r: Reading) -> list:
    """The frame's own town (told in the sentence that tells its place) and the towns that sentence names after it;
    none when the frame's place is not a town of a sentence."""
    if not f.place_told or f.place_span is None:
        return []
    s, e = _place_sentence(f, r)
    local = [p for p in starting(r.places, s, e) if (p.location.geo_precision or 3) < 3]
    i = next((k for k, p in enumerate(local) if (p.start, p.end) == tuple(f.place_span)), None)
    return [] if i is None else local[i:]


_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:(?:towns?|villages?|areas?|cities)\s+(?:of\s+)?)?$",
                   re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_AND = re.compile(r"\s+and\s+(?:the\s+)?")
# A list closed by a place that is no town ("the towns of Saqba Zamalka and Eastern Ghouta").
_AND_PLACE = re.compile(r"\s+and\s+(?:the\s+)?[A-Z]")


def _places_listed(f: Mention, r: Reading) -> list:
    """The places of the list that holds the frame's place: its towns, else (when they are fewer than two) the names
    of a list no source knows ("struck A and B areas of D district", with only D known)."""
    towns = _listed_towns(f, r)
    return towns if len(towns) >= 2 else _unknown_list(f, r) or towns


def _listed_towns(f: Mention, r: Reading) -> list:
    """The towns of the list that holds the frame's place, when its sentence names its place as a list."""
    local = _town_and_after(f, r)
    if not local:
        return []
    if _BETWEEN.search(r.text, max(_place_sentence(f, r)[0], local[0].start - 50), local[0].start):
        return []  # "an area between the towns of X and Y": one place between two
    if _FROM.search(r.text, max(_place_sentence(f, r)[0], local[0].start - 50), local[0].start):
        return []  # "buses carrying evacuees from the towns of X and Y": where people came from, not where it happened
    towns = local[:1]
    s, e = _place_sentence(f, r)
    # Texts stripped of their commas list places with spaces only ("the towns of Misraba Arbin and Kafr Batna"):
    # then a list is one that an "and" closes.
    bare = "," not in r.text[s:e]
    spaced = -1  # how many towns the list had before its first space-only link
    for p in local[1:]:
        m = _PLACE_LIST.match(r.text, towns[-1].end, p.start)
        if m is None or m.end() != p.start:
            if not (bare and _SPACES.fullmatch(r.text, towns[-1].end, p.start)):
                break
            spaced = len(towns) if spaced < 0 else spaced
        towns.append(p)
    if spaced >= 0 and not (_AND.fullmatch(r.text, towns[-2].end, towns[-1].start)
                            or _AND_PLACE.match(r.text, towns[-1].end)):
        towns = towns[:spaced]
    names = {p.location.name for p in towns}
    if len(names) != len(towns) or _provinces(towns, r.text):
        return []
    return _with_unknown(towns, local, r, s, e, bare)


# Places a round-up lists that no source knows ("took the villages of A, B and C" where only B is known): an
# unknown name is a place only where the construction says the list is one of places: a place noun before it or
# after it, or two known places of one governorate among its items.
_ARTICLE = r"(?:[Aa]l|[Ee]l)-['’`]?"  # "al-", "El-", "al-'"
_CAPITALISED = r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"  # "Kafr", "Tal-Arous"
_ITEM_WORD = rf"(?:{_ARTICLE})?{_CAPITALISED}"
_ITEM = re.compile(rf"{_ITEM_WORD}(?:\s+{_ITEM_WORD}){{0,3}}")
# Without commas names run together: one word (two when the first alone is an English word, "Tal", "Ain": a
# name's generic head), then one "al-" word ("Tal al-Samn"); or an "al-" word alone.
_CAP_WORD = re.compile(_ITEM_WORD)
_PLAIN_NEXT = re.compile(rf"\s+{_CAPITALISED}")
_AL_NEXT = re.compile(rf"\s+{_ARTICLE}{_CAPITALISED}")
# The capitalised words that end just before a known place, after a lower-case word (a list's head, run together).
_BARE_RUN = re.compile(rf"[a-z]\s+((?:{_ITEM_WORD}\s+){{1,8}})$")


def _generic_heads() -> frozenset[str]:
    """The words that begin many of the gazetteer's names of several words in the country ("Khirbet", "Tal", "Kafr",
    "Deir"): a name's generic head, never a name alone (counted with the gazetteer, kept in the knowledge cache)."""
    return place_matcher().gazetteer.generic_heads()


def _bare_item(text: str, at: int, stop: int) -> int | None:
    """Where the name that starts at ``at`` in a list without commas ends (before ``stop``), or None."""
    m = _CAP_WORD.match(text, at, stop)
    if m is None:
        return None
    end = m.end()
    word = m.group(0).casefold()
    if ARTICLE_HYPHEN.match(word):
        return end  # "al-A al-B al-C and D": each "al-" word a name of its own
    if zipf(word) >= place_matcher().word_zipf or word in _generic_heads():
        n = _PLAIN_NEXT.match(text, end, stop)
        end = n.end() if n else end
    n = _AL_NEXT.match(text, end, stop)
    return n.end() if n else end


_LINK = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
_BARE_LINK = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?|\s+")
_PLACE_NOUNS = (r"(?:villages|towns|hills|hilltops|neighbou?rhoods|quarters|areas|districts|localities|farms|"
                r"suburbs|cities)")
# ("the towns of A and B"; "the districts struck included A and B", "the neighbourhoods taken are A, B and C": a
# plural place noun announcing the list across a verb of being or including.)
_NOUN_BEFORE = re.compile(rf"(?i)\b(?:(?:{_PLACE_NOUNS}|village|town|hill)\s+(?:of\s+)?|{_PLACE_NOUNS}(?:\s+[a-z]+){{0,2}}"
                          r"\s+(?:are|were|include|included|including)\s+)(?:the\s+)?$")
_NOUN_AFTER = re.compile(rf"(?i)\s+{_PLACE_NOUNS}\b")
# "A and B areas of D district", "A and B area of D": the list's items are places of the place named after (a coder's
# way of telling the spots of a district), whatever words their names are.
_AREAS_OF = re.compile(r"(?i)\s+(?:areas?|villages?|sub-?districts?|neighbou?rhoods?|localities|locality)\s+of\s+"
                       r"(?:the\s+)?[A-Z]")
# The words that may not start an unknown item: a list's next clause or a word of the sentence, not a name.
_NOT_ITEM = re.compile(r"(?:The|This|That|These|Those|A|An|In|On|At|By|As|It|He|She|They|We|And|But|Or|Of|To|From)\b")
#: How far apart (degrees) the known places of a list may lie for its unknown ones to be placed between them.
_LIST_SPREAD = 0.3
# Where a list item ends: at a list link, a place noun, a preposition or direction, or the clause end. A name that runs
# on into a verb ("said", "reported", "were killed") or a person's, group's or weapon's noun ("fighters", "news
# agency") is a speaker, an outlet, a side or a victim, not a place.
_ITEM_ENDS = re.compile(
    r"\s*(?:$|[.;:,!?)(/\"“”]|-\s)|\s+(?:and|or|&)\b|\s+as\s+well\s+as\b|"
    r"\s+(?:towns?|villages?|hills?|hilltops?|neighbou?rhoods?|"
    r"quarters?|areas?|districts?|localities|locality|farms?|suburbs?|cit(?:y|ies)|countryside|outskirts|region|"
    r"province|governorate|camps?|mountains?|mounts?|plains?|valley|crossroads?|junction|roundabout|triangle|"
    r"axis|front|frontlines?|border|desert|countrysides)\b|\s+(?:in|on|at|near|into|to|towards?|toward|of|off|"
    r"outside|inside|around|along|across|between|by|from|under|within|during|after|before|since|amid|"
    r"(?:north|south|east|west)(?:east|west)?(?:ern)?|north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?|"
    r"last|this|early|late|overnight|yesterday|today|tonight|killing|leaving|wounding|injuring)\b")
# After a place noun before the list ("the villages of A and B were shelled") its last item may end at a passive's
# helper too.
_ITEM_ENDS_CUED = re.compile(r"\s+(?:was|were|is|are|has|have|had|came|come)\b")
#: How common a word of one word may be in English and still be a place's name when a plural place noun after a list
#: is all that says it is one ("A and B villages": "Alawite", "Druze" are words, a village's name is rarely one).
_NAME_ZIPF = 1.5


# ", a local commander,", ", a farmer,": a name told in apposition by a noun that is no place's is a person's.
_APPOSITION = re.compile(
    r"\s*,\s*(?:an?|the)\s+(?![^,.;:]*\b(?:towns?|villages?|cit(?:y|ies)|neighbou?rhoods?|districts?|quarters?|"
    r"suburbs?|areas?|regions?|provinces?|governorates?|hills?|hilltops?|camps?|localit(?:y|ies)|farms?|capital|"
    r"strongholds?|bastions?|enclaves?|hubs?|crossings?|bases?|airbases?|airports?|ports?|mountains?|valleys?)\b)"
    r"[^,.;:]{1,40},")


def _ends_item(text: str, e: int, stop: int, bare: bool, cued: bool = False) -> bool:
    """Whether a list item that ends at ``e`` ends where a list item ends (``stop``: the clause or sentence end)."""
    if _APPOSITION.match(text, e, stop):
        return False  # "..., <Name>, a local commander, said": a person
    if e >= stop or _ITEM_ENDS.match(text, e, stop) or (cued and _ITEM_ENDS_CUED.match(text, e, stop)):
        return True
    # (run together: the next item's name, "A B", "A al-B")
    return bare and (_PLAIN_NEXT.match(text, e, stop) or _AL_NEXT.match(text, e, stop)) is not None


def _name_shaped(name: str) -> bool:
    """Whether a list item looks like a place's name: two words or more, an al- word, or one word that is neither an
    English word nor a people's adjective the packs know ("Alawite", "Druze", "Sukhoi", "Hutu" are words)."""
    words = name.split()
    if len(words) > 1 or ARTICLE_HYPHEN.match(name):
        return True
    word = name.casefold()
    return zipf(word) < _NAME_ZIPF and word not in packs.world_demonyms()




def _unknown(text: str, at: int, end: int, bare: bool, places: list, actors: list, stop: int | None):
    """The span of the unknown name that starts at ``at`` (before ``stop``, the next known place), or None."""
    stop = end if stop is None else min(end, stop)
    if bare:
        e = _bare_item(text, at, stop)
    else:
        m = _ITEM.match(text, at, stop)
        e = m.end() if m else None
    if e is None or _NOT_ITEM.match(text, at) or e - at < 3:
        return None
    if any(p.start < e and at < p.end for p in starting(places, max(0, at - 60), e)):
        return None  # a place the text names (a province, a country) is no unknown one
    words = text[at:e].split()
    if not any(ARTICLE_HYPHEN.match(w) for w in words) \
            and all(zipf(w.casefold()) >= place_matcher().word_zipf for w in words):
        return None  # "Army Forces": English words, not a place's name ("Tibet al-Imam" is one, by its article)
    if any(a.start < e and at < a.end for a in actors):
        return None  # "Jaish al-Izza": a group the text names, not a place
    return at, e


def _with_unknown(towns: list, local: list, r: Reading, s: int, e: int, bare: bool) -> list:
    """The list of ``towns`` with the unknown names listed among, before or after them, as places of their own:
    named as the text names them, at the area their known fellows share (geo-precision 2, ACLED's code for a place
    it cannot find). ``towns`` as they are when the list holds none or is not told as one of places."""
    text = r.text
    link = _BARE_LINK if bare else _LINK
    known = {(p.start, p.end) for p in local}
    rest = [p for p in local if p.start >= towns[-1].end]
    items: list = list(towns)
    # after the known towns: unknown names, and known towns again after them
    pos = towns[-1].end
    while True:
        m = link.match(text, pos, e)
        if m is None or m.end() >= e:
            break
        at = m.end()
        nxt = next((p for p in rest if p.start >= at), None)
        if nxt is not None and nxt.start == at:
            items.append(nxt)
            pos = nxt.end
            continue
        u = _unknown(text, at, e, bare, r.places, r.actors, nxt.start if nxt is not None else None)
        if u is None:
            break
        if not _ends_item(text, u[1], e, bare) and not (nxt is not None and u[1] == nxt.start):
            # the list ran on into a speaker, an outlet, a side or a victim ("..., <Name> said"): the names after
            # the last known town are that, not places
            while isinstance(items[-1], tuple):
                items.pop()
            break
        items.append(u)
        pos = u[1]
    while items and isinstance(items[-1], tuple) and bare and not _AND.fullmatch(text, *_gap(items)):
        items.pop()  # a list without commas is one that an "and" closes
    # before the first town: unknown names after a place noun ("the villages of A, B and C", only B known)
    head = []
    pos = towns[0].start
    while not bare:
        win = text[max(s, pos - 80):pos]
        m = re.search(rf"({_ITEM_WORD}(?:\s+(?:(?:al|el|Al|El)-['’`]?)?[A-Z][\w'’]*){{0,3}})({link.pattern})$", win)
        if m is None:
            break
        at = max(s, pos - 80) + m.start(1)
        u = _unknown(text, at, e, bare, r.places, r.actors, pos)
        if u is None or u[1] != at + len(m.group(1)) or u in known:
            break
        head.insert(0, u)
        pos = at
    run = _BARE_RUN.search(text, max(s, pos - 120), pos) if bare else None
    if run is not None:  # "struck A al-B C D and E" with only D known: A al-B and C before it
        at = run.start(1)
        while at < pos:
            u = _unknown(text, at, e, bare, r.places, r.actors, pos)
            gap = re.compile(r"\s+").match(text, u[1]) if u else None
            if gap is None:
                head = []
                break
            head.append(u)
            at = gap.end()
    items = head + items
    if not head and not any(isinstance(p, tuple) for p in items):
        return towns
    told = [p for p in items if not isinstance(p, tuple)]
    first = items[0][0] if isinstance(items[0], tuple) else items[0].start
    last = items[-1][1] if isinstance(items[-1], tuple) else items[-1].end
    before = _NOUN_BEFORE.search(text, max(s, first - 40), first) or _AREAS_OF.match(text, last)
    cued = before or _NOUN_AFTER.match(text, last)
    areas = {p.location.admin1 for p in told}
    if len(areas) != 1 or not (cued or len(told) >= 2):
        return towns
    if not before and not all(_name_shaped(text[a:b]) for a, b in (p for p in items if isinstance(p, tuple))):
        return towns  # "X and Druze villages": a people's word, not a name
    points = [(p.location.lat, p.location.lon) for p in told if p.location.lat is not None]
    if not points or max(a for a, _ in points) - min(a for a, _ in points) > _LIST_SPREAD \
            or max(b for _, b in points) - min(b for _, b in points) > _LIST_SPREAD:
        return towns
    lat, lon = (round(sum(a for a, _ in points) / len(points), 4), round(sum(b for _, b in points) / len(points), 4))
    districts = {p.location.admin2 for p in told}
    district = next(iter(districts)) if len(districts) == 1 else None
    one = told[0].location
    out = []
    for p in items:
        if not isinstance(p, tuple):
            out.append(p)
            continue
        loc = Location(name=text[p[0]:p[1]], country=one.country, admin1=one.admin1, admin2=district, lat=lat,
                       lon=lon, geo_precision=2)
        out.append(PlaceMention(p[0], p[1], text[p[0]:p[1]], loc, "near", None))
    if len({p.location.name for p in out}) != len(out):
        return towns
    return out


# "struck two villages A and B", "the towns of A, B and C", "in A and B villages": a list that a place noun says is
# one of places, none of which a source knows.
_NOUN_CUE = re.compile(rf"(?i)\b(?:(?:two|three|four|five|six|several)\s+)?{_PLACE_NOUNS}\s+(?:of\s+)?(?:the\s+)?")
_ANY_NOUN = re.compile(rf"(?i)\b{_PLACE_NOUNS}\b")
_LIST_START = re.compile(r"(?<=[a-z,])\s+(?=(?:(?:[Aa]l|[Ee]l)-['’`]?)?[A-Z])")


def _unknown_list(f: Mention, r: Reading) -> list:
    """The places of a list its sentence tells as one of places when the gazetteer knows none of them: each named as
    the text names it, at the frame's own area (its place's governorate and district, geo-precision 2)."""
    if f.place is None or f.place.lat is None or f.place.country is None:
        return []
    if f.place_told and (f.place.geo_precision or 3) < 2 and f.place_span is not None \
            and any(s <= f.place_span[0] < e for s, e in (r.sentences[f.sentence],)):
        return []  # its sentence names the town it happened in
    for k in sorted({f.sentence, *(g.sentence for g in f.joined)}):
        found = _unknown_list_in(f, r, *r.sentences[k])
        if found:
            return found
    return []


def _unknown_list_in(f: Mention, r: Reading, s: int, e: int) -> list:
    """``_unknown_list`` in one sentence of the frame's mentions."""
    text = r.text
    if _ANY_NOUN.search(text, s, e) is None:
        return []  # (no place noun: no list of places to read)
    bare = "," not in text[s:e]
    link = _BARE_LINK if bare else _LINK
    starts = [m.end() for m in _NOUN_CUE.finditer(text, s, e)] + [m.end() for m in _LIST_START.finditer(text, s, e)]
    for start in starts:
        items, at = [], start
        cued = _NOUN_BEFORE.search(text, max(s, start - 40), start) is not None
        while True:
            u = _unknown(text, at, e, bare, r.places, r.actors, None)
            if u is None or not _ends_item(text, u[1], e, bare, cued):
                break
            items.append(u)
            m = link.match(text, u[1], e)
            if m is None:
                break
            at = m.end()
        while len(items) > 1 and bare and not _AND.fullmatch(text, items[-2][1], items[-1][0]):
            items.pop()  # a list without commas is one that an "and" closes
        if len(items) < 2 or any(text[a:b] == text[c:d] for i, (a, b) in enumerate(items) for c, d in items[i + 1:]):
            continue
        before = _NOUN_BEFORE.search(text, max(s, items[0][0] - 40), items[0][0]) or _AREAS_OF.match(text, items[-1][1])
        if not (before or _NOUN_AFTER.match(text, items[-1][1])):
            continue
        if not before and not all(_name_shaped(text[a:b]) for a, b in items):
            continue  # "Alawite and Druze villages": whose villages, not their names
        near = (f.place.geo_precision or 3) < 3
        return [PlaceMention(a, b, text[a:b], Location(
            name=text[a:b], country=f.place.country, admin1=f.place.admin1, admin2=f.place.admin2 if near else None,
            lat=f.place.lat, lon=f.place.lon, geo_precision=2 if near else 3), "near", None) for a, b in items]
    return []


def _gap(items: list) -> tuple[int, int]:
    """The text between a list's last two items."""
    a = items[-2][1] if isinstance(items[-2], tuple) else items[-2].end
    b = items[-1][0] if isinstance(items[-1], tuple) else items[-1].start
    return a, b


# "the provinces of Aleppo, Hama and Idlib", "in Daraa, Hama and Homs provinces", "many areas including Aleppo and
# Raqqa": a list told as whole provinces sums up where a kind of event goes on, no event at each town.
_PROVINCES_BEFORE = re.compile(r"(?i)\b(?:provinces|governorates|regions|areas)\s+(?:(?:of|including|such\s+as)\s+)?"
                               r"(?:the\s+)?$")
_PROVINCES_AFTER = re.compile(r"(?i)\s+(?:provinces|governorates|regions)\b")


def _provinces(towns: list, text: str) -> bool:
    """Whether a list of places names provinces by their chief towns and says so."""
    if not all(p.location.name == p.location.admin1 for p in towns):
        return False
    return bool(_PROVINCES_BEFORE.search(text, max(0, towns[0].start - 40), towns[0].start)
                or _PROVINCES_AFTER.match(text, towns[-1].end))


# "... four died in the village of X and two in Y": another count, another place (also after a comma,
# or a space only in texts stripped of their commas: "150 in X 100 in Y and 67 in Z").
_COUNT_IN = (r"(?P<n>[\w-]+)\s+(?:more\s+|other\s+|others\s+)?(?:people\s+|civilians\s+)?(?:were\s+killed\s+)?(?:in|at)\s+"
             r"(?:the\s+)?(?:(?:town|village|city|neighbou?rhood|district|area)\s+of\s+)?")
_AND_COUNT_IN = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+)" + _COUNT_IN, re.IGNORECASE)
# "killed seven civilians: three in X and four in Y": the first town's own count, after the total.
_OWN_COUNT_IN = re.compile(r"(?<![\w-])" + _COUNT_IN + r"$", re.IGNORECASE)
# "shelling killed 12 people on May 4 in X and 3 in Y": a day of a month (or of a weekday, "Friday 4") is no count.
_DAY_OF = re.compile(rf"(?i)\b(?:{MONTH_NAME}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s*$")


def _tolls_by_place(f: Mention, r: Reading) -> list[tuple[int, object]]:
    """(count, place) pairs when the frame's sentence gives its toll town by town: "five in X and one in Y"."""
    n = f.casualties.fatalities.best
    local = _town_and_after(f, r) if n else []
    if not local:
        return []
    start = max(_place_sentence(f, r)[0], local[0].start - 60)
    figure = f.casualties.spans.get("fatalities")
    if figure is not None and start < figure[1] <= local[0].start:
        start = figure[1]  # the town's own count comes after the total, never the total itself
    own = _OWN_COUNT_IN.search(r.text, start, local[0].start)
    if own is not None and _DAY_OF.search(r.text, max(0, own.start() - 12), own.start()):
        own = None
    k = parse_number(own.group("n")) if own else None
    out = [(k if k and k < n else n, local[0])]
    for p in local[1:]:
        m = _AND_COUNT_IN.match(r.text, out[-1][1].end, p.start)
        k = parse_number(m.group("n")) if m is not None and m.end() == p.start else None
        if not k:
            break
        out.append((k, p))
    return out if len(out) > 1 else []


def _other_towns(f: Mention, parts: list[Mention]) -> bool:
    """Whether ``f`` is told at a town and some of ``parts`` at places outside it: a town's dead are no total of
    other towns' ("ten killed in X ... eight in Y, two in Z" tells three strikes, whatever the sum)."""
    if not f.place_told or f.place is None or (f.place.geo_precision or 3) > 1 or chief_town(f.place):
        return False  # (a governorate's chief city names its suburbs too: "22 killed around Damascus")
    return any(g.place_told and g.place is not None and not same_place(f.place, g.place) for g in parts)


def drop_totals(frames: list[Mention], which=None) -> list[Mention]:
    """The same dead are not counted twice: a frame whose toll is the sum of the frames told after it (same type
    and day, two or more) is their total, not an event of its own. (``which``: only the frames it picks.)"""
    out = list(frames)
    for f in frames:
        total = f.casualties.fatalities.best
        if not total or which is not None and not which(f):
            continue
        day = f.date.date if f.date else None
        # (A town's share of a toll told over several towns is told by the same word and figure as its fellow
        # towns': no part of their sum. A headline that borrows its lead's event word tells its own figure.)
        rest = [g for g in out[out.index(f) + 1:] if event_type(g.sub) == event_type(f.sub)
                and (g.date is None or day is None or g.date.date == day) and g.casualties.fatalities.best
                and not _shares_one_toll(f, g)]
        acc = 0
        for j, g in enumerate(rest):
            acc += g.casualties.fatalities.best
            if acc == total and j >= 1 and not _other_towns(f, rest[:j + 1]):
                rest[0].joined.extend([f, *f.joined])
                f.joined = []
                out.remove(f)
                break
            if acc > total:
                break
    return out


def _shares_one_toll(f: Mention, g: Mention) -> bool:
    """Whether ``f`` and ``g`` are shares of one toll told over several places: the same event word and figure."""
    return g.span is not None and g.span == f.span \
        and g.casualties.spans.get("fatalities") == f.casualties.spans.get("fatalities")


#: How many sentences open a story (its headline, often run into its lead, and the lead): its summary.
SUMMARY_SENTENCES = 2
#: The most places a summary's total is tried as the sum of.
SUMMED_PLACES = 6


def place_toll_over_summary(d: Mention, frames: list[Mention], text: str, sentences: list[tuple[int, int]]) -> None:
    """"Shelling kills eight across the enclave ... a shell on a school in X killed five ... shelling on Y killed
    three": a toll told in the story's opening (headline or lead) that the body then tells place by place, the
    parts adding up to it, is a total split across events (ACLED's practice); the event at one of those places
    counts the dead told there, never the whole (a breakdown never exceeds its total, and the same dead are not
    counted twice)."""
    c = d.casualties
    span, total = c.spans.get("fatalities"), c.fatalities.best
    if span is None or not total or d.place is None or (d.place.geo_precision or 3) >= 3 \
            or len(sentences) <= SUMMARY_SENTENCES \
            or span[0] >= sentences[SUMMARY_SENTENCES - 1][1]:
        return
    body = sentences[SUMMARY_SENTENCES][0]
    parts: list[Mention] = []
    for m in (m for f in frames for m in (f, *f.joined)):
        if m.sentence < len(sentences) and sentences[m.sentence][0] >= body and _own_place_toll(m, sentences) \
                and m.casualties.fatalities.best < total and not another_count(m, text) \
                and not any(same_spot(m.place, p.place) for p in parts):
            parts.append(m)  # (one toll per place: the first met, frame by frame, each with its joined mentions)
    parts.sort(key=lambda m: m.casualties.spans["fatalities"][0])
    here = next((m for m in parts if same_spot(m.place, d.place)), None)
    if here is None:
        return
    others = [m.casualties.fatalities.best for m in parts if m is not here][:SUMMED_PLACES]
    rest = total - here.casualties.fatalities.best
    sums = {0}
    for n in others:
        sums |= {x + n for x in sums if x + n <= rest}
    if rest in sums and rest > 0:
        take_toll(d, here)


def _own_place_toll(m: Mention, sentences: list[tuple[int, int]]) -> bool:
    """Whether ``m`` counts its dead (a figure) and names its place in its own sentence."""
    s, e = sentences[m.sentence]
    span, place = m.casualties.spans.get("fatalities"), m.place_span
    return m.casualties.fatalities.best is not None and m.casualties.fatalities.qualifier != "vague" \
        and m.place_told and m.place is not None and span is not None and place is not None \
        and s <= span[0] < e and s <= place[0] < e
