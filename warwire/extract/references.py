"""References: an article's dated mentions of a past happening, kept so that linking can join them to its event.

A story published weeks after a strike often names it as a dated past event ("the
August 21 chemical attack near Damascus killed more than 1,400 people"). Assembly sets
such mentions aside: they are not news of the article's cycle, so they never become
events of their own. But they say which happening the article is about, with its day,
place, weapon and toll, and a coder would file the story under that event. A reference
keeps them: a report record tagged ``reference`` (``REFERENCE``) that linking lets join
an event other reports make when date, place and type agree, and never lets make one
(``warwire.link.rules``). ``warwire extract`` writes references under their own key,
beside the reports (``split``).

Only mentions with a date older than the news cycle (``BACKGROUND_DAYS`` before the article's
own base date) qualify, this cycle's happenings being the reports' to tell: a day-precise one; or
one told only by its week or month ("in late March a car bomb killed 30") that gives its
toll, since a month names many happenings of a type and the toll (with the place and the weapon)
is what says which one it is (linking joins it only on a detail the event shares). A year ("in
2013") says too little to pick one happening out of a war. A happening told by its day but at no
place in the war's country ("an inquiry into the May 3 gas attack") is one too, placed at the
country; linking joins it only when its weapon is rare: that weapon on that day names one happening
of the war (``_country_wide``); not one whose event word's clause places it in another country (``_abroad``).

A happening told years later by its place and year only ("sarin was used on the town in 2013", "the massacre in the
city in 1982") is one too when a toll goes with it, its own or the one the next sentence gives "that attack"
(``_year_told``): dated to its year (``YEAR``, the year's first day), and linking joins it only on a toll large
and alike (``linking.year_told`` in the link settings): a place, a weapon and a year hold many happenings, a
place, a weapon and a mass toll one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from warwire.model import YEAR_TOLD as YEAR, Location, Report

if TYPE_CHECKING:
    from warwire.extract.mentions import Mention

#: The tag of a reference among an article's report records.
REFERENCE = "reference"
#: Confidence of a reference: a mention in passing, not the article's own report.
CONFIDENCE = 0.3


def past_mentions(set_aside: Iterable[Mention], base: date | None, sentences: Sequence[tuple[int, int]] = (),
                  places: Sequence = (), text: str = "") -> list[Mention]:
    """The set-aside mentions that name a happening by its day, before the article's date (its base), each at
    the place its own sentence names (``_own_place``)."""
    # Imported here, not at the top: a process that only writes reports out (``split``) needs no readers.
    from warwire.extract.mentions import BACKGROUND_DAYS
    from warwire.knowledge import packs

    out = []
    set_aside = list(set_aside)
    for m in set_aside:
        if m.date is None and base is not None:
            m = _year_told(m, base, set_aside, sentences, text, places) or m
        when = m.date
        if when is None or when.precision not in (1, 2, 3, YEAR) or m.cumulative or when.since:
            continue  # no date, a sum of several happenings, or the day a count runs from ("since March")
        if when.precision > 1 and not _toll(m):
            continue  # a week or a month of a war holds many happenings of one type: only a toll says which
        if base is not None and (base - when.date).days <= BACKGROUND_DAYS:
            continue  # this news cycle's (a photo's caption, a denial) or to come (a threat): the reports tell it
        if _own_place(m, sentences, places) is None:
            if not _country_wide(m, packs.current().country, places, text, sentences):
                continue
            m = replace(m, place=Location(name=packs.current().country, country=packs.current().country),
                        place_span=None)
        out.append(m)
    return out


#: A word before an event word that points back to the happening told before it ("that attack", "this massacre").
_BACK = re.compile(r"\b(?:that|this|the same)\s+$", re.IGNORECASE)


def _year_told(m: Mention, base: date, set_aside: Sequence[Mention], sentences: Sequence[tuple[int, int]],
               text: str, places: Sequence = ()) -> Mention | None:
    """A happening told by no date but by one earlier year in its sentence ("used in the suburb in 2013"), with a
    toll told by its number (``_counted``): its own, else the toll the next sentence gives a mention of it ("...
    blamed the army for that attack, which killed 1,400"): the mention dated to its year (precision ``YEAR``),
    with that toll. None otherwise (no year, several years, a year that is the article's, a count since a year; no
    place of the war's country in its own sentence: "a mass grave of 90 found in 2014" takes its place from the news
    around it, which says nothing of where the past happening was)."""
    from warwire.extract.dates import DateMention
    from warwire.extract.mentions import PAST_YEAR
    from warwire.knowledge import packs

    if m.trigger is None or m.cumulative or not text or not 0 <= m.sentence < len(sentences):
        return None
    start, end = sentences[m.sentence]
    home = packs.current().country
    if not (m.place is not None and m.place_told and (m.place.country or home) == home) and not any(
            start <= p.start and p.end <= end and p.relation != "dateline" and p.location.country == home
            for p in places):
        return None
    years = {(int(y.group(1)), y.start(1), y.end(1)) for y in PAST_YEAR.finditer(text, start, end)
             if not y.group().lower().startswith("since") and not y.group().endswith("s")}
    if len({y for y, _, _ in years}) != 1:
        return None
    (year, y_start, y_end), = years
    if year >= base.year:
        return None
    toll = m if _counted(m) else next((o for o in set_aside if o.sentence == m.sentence + 1 and o.trigger is not None
                                       and o.date is None and not o.cumulative and _counted(o)
                                       and _BACK.search(text, max(0, o.trigger.start - 12), o.trigger.start)), None)
    if toll is None:
        return None
    return replace(m, date=DateMention(y_start, y_end, date(year, 1, 1), YEAR), casualties=toll.casualties)


def _country_wide(m: Mention, home: str, places: Sequence = (), text: str = "",
                  sentences: Sequence[tuple[int, int]] = ()) -> bool:
    """A past happening told by its day but by no place in the war's country ("the May 3 gas attack", "a chlorine
    attack on 3 May"): it is placed at the country (no admin1, no point). Linking decides what it may join: for a
    rare weapon (its settings' ``rare_sub_types``), whose day and weapon pick one happening out of the whole war,
    that weapon's happening of that day in the country (``warwire.link.rules.country_wide``); for any other, nothing
    (a day of a war holds many strikes and clashes). Not one whose own clause places it abroad (``_abroad``): that
    one happened elsewhere; a place abroad it takes from elsewhere (the city a late story is told from) says
    nothing of where it happened."""
    if m.date is None or m.date.precision != 1:
        return False
    if m.place is not None and m.place_told and (m.place.country or home) != home:
        return False
    return m.trigger is None or not _abroad(m, home, places, text, sentences)


#: Where the event word's clause ends: a clause mark, or a relative word after it ("... that doctors said").
_CLAUSE_MARK = re.compile(r"[;:()\[\]\u2014\u2013]|,\s|\s-\s|\b(?:that|which|who|whom|whose|where|when|while|as|but)\b")
#: Where the event word's noun phrase begins, reading back: the word before it ("after a May 3 gas attack").
_PHRASE_START = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her|after|before|since|of|in|on|at|by|for|to|from|"
                           r"over|about|into|with|and|or|said|says|called|blamed|recalled|following|during)\b",
                           re.IGNORECASE)
#: A word before a place that puts a happening there ("in northern Iraq", "near", "outside").
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|inside|across|into|off)\b")
#: A place the clause calls a town of a people ("the Turkish city of", "an English town").
_PEOPLES_PLACE = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:city|town|village|capital|port|province|region)\b")
#: The ending of a people's adjective ("English", "Iraqi", "Jordanian", "Lebanese"), not a place's name ("the Ghouta
#: region", "the Damascus countryside").
_PEOPLE = re.compile(r"(?:ish|ian|ean|ese|i|ch)$")
#: A capitalised word or two ("Turkey", "United States", "US").
_NAME = re.compile(r"\b[A-Z][\w'\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019-]*){0,2}")


def _abroad(m: Mention, home: str, places: Sequence, text: str, sentences: Sequence[tuple[int, int]]) -> bool:
    """Whether the clause of a past happening's event word places it in another country: a place of another country
    (the gazetteer's, not a dateline) in that clause; after the event word and a word such as "in" or "near", a
    country's name ("in northern Iraq", "in Turkey") or a town of a people not the war's ("in the English city of
    ..."); before it, in its own phrase, a country's name ("Turkey's May 3 gas attack"). A people's adjective before
    the event word is its doer ("a Russian air strike"), and "the Turkish border" is the war's border too."""
    from warwire.knowledge import packs

    t = m.trigger
    if not text or not 0 <= m.sentence < len(sentences):
        start, end = t.start - 25, t.end + 25  # no text to read: the words next to the event word
    else:
        start, end = sentences[m.sentence]
        stop = _CLAUSE_MARK.search(text, t.end, end)
        end = stop.start() if stop else end
        marks = [x.end() for x in _CLAUSE_MARK.finditer(text, start, t.start)]
        start = max(marks, default=start)
    if any(p.location.country and p.location.country != home and p.relation != "dateline"
           and start <= p.start and p.end <= end for p in places):
        return True
    if not text:
        return False
    names, peoples, own = packs.world_country_names(), packs.world_demonyms(), home.casefold()

    def country(run: str) -> bool:  # another country's name ("Iraq", "Turkey's May", "US"), not a people's adjective
        words = [w.removesuffix("'s").removesuffix("\u2019s") for w in run.split()]
        return any(w != own and w in names or w == "us" and run.startswith("US")
                   for w in (" ".join(words[i:j]).casefold() for i in range(len(words))
                             for j in range(i + 1, min(i + 3, len(words)) + 1)))

    after = text[t.end:end]
    at = _LOCATIVE.search(after)
    if at is not None:
        rest = after[at.end():]
        if any(country(n.group()) for n in _NAME.finditer(rest)):
            return True
        for n in _PEOPLES_PLACE.finditer(rest):
            w = n.group(1).casefold()
            if w in peoples or _PEOPLE.search(w) and not w.startswith(own[:max(4, len(own) - 1)]) and w not in names:
                return True  # "in the English city of ...": a town of a people not the war's ("the Syrian town of")
    before = text[start:t.start]
    heads = [x.end() for x in _PHRASE_START.finditer(before)]
    phrase = before[max(heads, default=0):]
    return any(country(n.group()) for n in _NAME.finditer(phrase))


def _toll(m: Mention) -> int | None:
    f = m.casualties.fatalities
    return f.best if f.best is not None else f.low


def _counted(m: Mention) -> bool:
    """A toll told by its number ("killed 1,429", "at least 300"), not a vague amount ("hundreds", "dozens"): the
    one thing that tells a year's happenings at a place apart."""
    return _toll(m) is not None and m.casualties.fatalities.qualifier != "vague"


def _own_place(m: Mention, sentences: Sequence[tuple[int, int]], places: Sequence) -> object | None:
    """The place of a past mention: the one its sentence names in the war's country, nearest its event word.

    A late story is often told from abroad ("GENEVA - inspectors said ... the attack on Douma on August 21"):
    the place assembly gives a set-aside mention may be the story's city abroad, never where it happened."""
    from warwire.knowledge import packs

    home = packs.current().country
    if m.place is not None and m.place_told and (m.place.country or home) == home:
        return m.place
    if m.trigger is None or not 0 <= m.sentence < len(sentences):
        return None
    start, end = sentences[m.sentence]
    near = [p for p in places if start <= p.start and p.end <= end and p.relation != "dateline"
            and p.location.country == home]
    if not near:
        return m.place if m.place is not None and (m.place.country or home) == home else None
    best = min(near, key=lambda p: abs(p.start - m.trigger.start))
    m.place, m.place_span = best.location, (best.start, best.end)
    return m.place


def as_references(reports: Iterable[Report]) -> list[Report]:
    """Report records of past mentions made references: tagged, never primary, low confidence."""
    out = []
    for r in reports:
        r.tags = sorted(set(r.tags) | {REFERENCE})
        r.primary = False
        r.confidence = min(r.confidence, CONFIDENCE)
        out.append(r)
    return out


def is_reference(r: Report) -> bool:
    return REFERENCE in (r.tags or ())


def split(reports: Iterable[Report]) -> tuple[list[Report], list[Report]]:
    """An article's records as (reports, references)."""
    own, refs = [], []
    for r in reports:
        (refs if is_reference(r) else own).append(r)
    return own, refs
