"""Event dates relative to the article's date: weekdays, "yesterday", "last month", explicit dates.

Precision follows ACLED: 1 = the day, 2 = within a week, 3 = within a month.
A weekday equal to the publication weekday means that same day; other
weekdays mean the most recent such day before publication. An event told only
by this week is dated to the middle of the days it may have been on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from warwire.ingest.dates import MONTH_NAME, MONTHS, match_date, printed_date_span

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = MONTH_NAME
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"

# Every expression starts with a digit or one of these letters: the lookahead skips other positions fast.
_EXPRESSIONS = re.compile(
    rf"""(?ix)(?<![\w])(?=[0-9oelstidmwfjanyrgp])(?:
    (?P<mdy>(?:on\s+)?{_WEEKDAY}?(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?\b)
    |(?P<dmy>(?:on\s+)?{_WEEKDAY}?(?:the\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})
        (?:,?\s+(?P<y2>{_YEAR}))?\b)
    |(?P<weekday>(?:(?:early|late)\s+)?(?:on\s+|last\s+|this\s+|since\s+)?
        (?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)
        (?:['’]?s(?=\s+(?:[\w-]+\s+){{0,2}}?(?:attacks?|bombings?|blasts?|strikes?|air\s?strikes|raids?|massacre|
        explosions?|bombardment|fighting|shelling|assault|executions?|operation|casualties|clashes|ambush|offensive|
        killings?|deaths?|toll)\b))?
        (?:\s+(?:morning|afternoon|evening|night))?\b)
    |(?P<weekend>\b(?:(?:at|over|during)\s+the\s+weekend|last\s+weekend)\b)
    |(?P<yesterday>\b(?:yesterday|overnight|last\s+night|the\s+day\s+before)\b)
    |(?P<ago>\b(?P<n>an?|one|two|three|four|five|six|[1-6])\s+days?\s+ago\b)
    |(?P<today>\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b)
    |(?P<week>\b(?:earlier\s+this\s+week|this\s+week|in\s+recent\s+days|(?:over\s+)?the\s+past\s+few\s+days
        |last\s+week|(?:over\s+)?the\s+(?:past|last)\s+week)\b)
    |(?P<month>\b(?:last\s+month|earlier\s+this\s+month|this\s+month
        |(?:in|since|during)\s+(?:(?:early|mid|late)[-\s]+)?(?P<m3>{_MONTH})(?:\s+(?P<y3>{_YEAR}))?
        |(?:(?:early|mid|late)[-\s]+)?(?P<m4>{_MONTH})\s+(?P<y4>{_YEAR})
        |(?:early|mid|late)[-\s]+(?P<m5>{_MONTH}))\b)
    )""")

# Where an expression may start: the first words of each one above, with the word after the common ones ("the",
# "in", "on", "a") and after a figure. Most words of a text start none, and trying the expression only where this
# matches finds the same dates at a third of the cost of trying it at every word.
_M3 = "|".join(sorted({m[:3] for m in MONTHS}))
_WD = "mon|tues|wednes|thurs|fri|satur|sun"
_STARTS_ALTERNATIVES = [
    rf"\d\d?(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_M3})", r"[1-6]\s+days?\b",
    rf"on\s+(?:\d|the\s|{_WD}|{_M3})", r"the\s+(?:\d|day\s|past\s|last\s)", rf"in\s+(?:recent\s|early|mid|late|{_M3})",
    r"an?\s+days?\b", *(rf"{n}\s+days?\b" for n in ("one", "two", "three", "four", "five", "six")),
    r"at\s+the\s+weekend",
    r"over(?:night|\s+the\s)", "early", "earlier", "late", "last", "this", "since", "during", "yesterday", "today",
    "tonight", "mid", *_WD.split("|"), *_M3.split("|")]


def _by_first_letter(alternatives: list[str]) -> str:
    """The alternatives that begin with a letter grouped by it, each group behind a case-sensitive class of the
    characters a case-blind match of the letter may begin with (the engine tests such a class before entering its
    group, where it enters every case-blind alternative to fail on its first letter); the others as they are. It
    matches where the alternation of them all does (not always as far: ``_STARTS`` says only where an expression
    may start)."""
    groups: dict[str, list[str]] = {}
    others = []
    for alternative in alternatives:
        if alternative[0].isalpha():
            groups.setdefault(alternative[0].lower(), []).append(alternative[1:])
        else:
            others.append(alternative)
    folded = [f"(?-i:[{''.join(sorted(_case_blind(letter)))}])(?:{'|'.join(rests)})"
              for letter, rests in sorted(groups.items())]
    return "|".join([*others, *folded])


def _case_blind(letter: str) -> set[str]:
    """The characters a case-blind pattern of ``letter`` matches ("s": s, S and the long s; the only letters
    besides a letter's two cases that fold to a Latin one are these four)."""
    return {ch for ch in {letter, letter.upper(), letter.lower(), "\u017f", "\u0130", "\u0131", "\u212a"}
            if re.fullmatch(f"(?i){re.escape(letter)}", ch)}


_STARTS = re.compile(rf"(?i)\b(?=[0-9oelstidmwfjanyrgp])(?:{_by_first_letter(_STARTS_ALTERNATIVES)})")

# A word that makes the date after it the start of a count ("killed since Sept. 19"): no happening of that day.
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+$")

# A word that puts the expression after it in the days to come, or makes it the day something is set for ("a visit
# scheduled for April 10", "talks due on Monday", "a vote due Monday"; "set" and "planned" only with "for" or "on":
# "a bomb planned Monday" is told of the past): no happening of that day.
_FUTURE_BEFORE = re.compile(r"(?i)\b(later|next|coming|(?:scheduled|set|planned)\s+(?:for|on)|(?:slated|due)(?:\s+(?:for|on))?)\s+$")

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

# "... a day after Friday's attack", "two days after the bombing on Tuesday", "the day after a car bomb killed nine
# on 5 May": the day told is the named event's; what the sentence tells happened that many days later. (Only a
# day's date: "a week after the war began in March" names no day.)
_DAYS_AFTER = re.compile(r"(?i)\b(?:(?P<n>an?|one|two|three|four|five|six|[1-6])\s+days?|the\s+day)\s+after\s+"
                         r"(?:[\w'’-]+\s+){0,8}?$")
#: How far before a date (characters) the "days after" that counts from it may begin.
DAYS_AFTER_REACH = 80


@dataclass
class DateMention:
    start: int
    end: int
    date: date
    precision: int
    since: bool = False  # the day or month a count runs from ("killed since March"), not a happening's own


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:3] if word.lower().rstrip(".") not in MONTHS else word.lower().rstrip(".")]


def printed_date(text: str) -> tuple[date, int] | None:
    """The date a text prints at its top and where that print ends, if any (read as ingest reads it)."""
    found = printed_date_span(text)
    return (date.fromisoformat(found[0]), found[1]) if found else None


# A wire story's dateline after its headline: "Shells kill five in a Hama village AFP Thursday 4 Jun 2015 Five people
# ...": a weekday and a full date right after a capitalised name (the agency: "AFP", "Reuters"). An event's date is
# told with a preposition ("on Saturday 16 July 2016", "On Saturday 16 July").
_WEEKDAY_SHORT = r"(?i:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?)"
_WIRE_DATELINE = re.compile(rf"\b(?P<agency>[A-Z][A-Za-z]+)\s+(?={_WEEKDAY_SHORT}\.?,?\s+(?:the\s+)?{_DAY}\s+"
                            rf"(?:of\s+)?(?i:{_MONTH})\.?,?\s+{_YEAR}\b)")
_PREPOSITION = re.compile(r"(?i)on|since|until|till|by|from|to|of|in|before|after|dated|as|and|or|the")
#: The dateline of a wire story stands within this many characters of its top (after the headline and summary).
DATELINE_REACH = 600


def wire_dateline(text: str) -> tuple[date, int] | None:
    """The date a wire story prints after its headline ("... AFP Tuesday 6 Aug 2013 ...") and where it ends."""
    for m in _WIRE_DATELINE.finditer(text, 0, DATELINE_REACH):
        if _PREPOSITION.fullmatch(m.group("agency")):
            continue
        found = match_date(text, m.end())
        if found:
            return date.fromisoformat(found[0]), found[1]
    return None


# A dateline between a headline and its lead: a full date on a line of its own ("...\n7 March 2018\nJets ..."), or
# run in between them with no preposition before it and the lead's capitalised first word after it ("Shells hit
# a town 7 March 2018 Jets ..."). An event's date is told with a preposition ("on 7 March 2018") or a comma after.
_BARE_DATE = re.compile(rf"(?:{_DAY}\s+(?i:{_MONTH})\.?|(?i:{_MONTH})\.?\s+{_DAY},?)\s+{_YEAR}(?=[ \t]*\n|\s+[A-Z])")
#: A headline is at most this long: a dateline comes within it of the top.
HEADLINE_REACH = 200


def headline_dateline(text: str) -> tuple[date, int] | None:
    """The date a story prints between its headline and its lead ("Headline\n7 March 2018\nLead") and where it
    ends, if any."""
    for m in _BARE_DATE.finditer(text, 0, min(len(text), HEADLINE_REACH)):
        head = text[:m.start()]
        words = head.split()
        if not words or _PREPOSITION.fullmatch(words[-1].strip(",")) or ". " in head:
            continue
        if not head.rstrip(" \t").endswith("\n") and not head.endswith(" "):
            continue
        found = match_date(text, m.start())
        if found:
            return date.fromisoformat(found[0]), found[1]
    return None


def base_date(text: str, published: str | None) -> tuple[date | None, int]:
    """The date relative expressions count from: the date printed at the top, else a wire story's dateline after
    its headline, else the published date (input metadata, often a day or weeks off).

    Returns the date and the end of the printed date (0 when none), so that print is not read as an event date.
    """
    printed = printed_date(text) or wire_dateline(text) or headline_dateline(text)
    if printed:
        return printed
    try:
        return (date.fromisoformat(published) if published else None), 0
    except ValueError:
        return None, 0


def find_dates(text: str, base: date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date expressions between ``start`` and ``end`` resolved against ``base`` (none when base is None)."""
    if base is None:
        return []
    out = []
    end = len(text) if end is None else end
    pos, candidate, expression = start, _STARTS.search, _EXPRESSIONS.match
    while (c := candidate(text, pos, end)) is not None:
        m = expression(text, c.start(), end)
        if m is None:
            pos = c.start() + 1
            continue
        pos = m.end()
        future = _FUTURE_BEFORE.search(text, max(start, m.start() - 16), m.start())
        if future and (future.group(1).lower() != "later" or m.group().lower().startswith("this")):
            continue  # "talks due later this week", "a vote next Sunday": yet to come ("later on Monday" is told)
        d = _resolve(m, base)
        if d is not None:
            since = m.group().lower().startswith("since") or _SINCE_BEFORE.search(text, max(start, m.start() - 8),
                                                                                     m.start()) is not None
            later = _days_after(text, max(start, m.start() - DAYS_AFTER_REACH), m.start()) if d[1] == 1 else 0
            if later and not since:
                # (Never past the story's own day: what it tells has happened.)
                d = (max(d[0], min(base, d[0] + timedelta(days=later))), d[1])
            out.append(DateMention(m.start(), m.end(), *d, since=since))
    return out


def _days_after(text: str, lo: int, at: int) -> int:
    """How many days after the day told at ``at`` the words before it ("two days after the raid on") put what is
    told (0 when they do not)."""
    m = _DAYS_AFTER.search(text, lo, at)
    if m is None:
        return 0
    n = (m.group("n") or "one").lower()  # ("the day after")
    return int(n) if n.isdigit() else _COUNTS[n]


def _resolve(m: re.Match, base: date) -> tuple[date, int] | None:
    g = m.lastgroup
    try:
        if g in ("mdy", "dmy"):
            mon = _month(m.group("m1") or m.group("m2"))
            day = int(re.sub(r"\D", "", m.group("d1") or m.group("d2")))
            year = m.group("y1") or m.group("y2")
            d = date(int(year) if year else base.year, mon, day)
            if not year and d > base + timedelta(days=1):
                d = d.replace(year=base.year - 1)
            return d, 1
        if g == "weekday":
            back = (base.weekday() - WEEKDAYS.index(m.group("wd").lower())) % 7
            if re.match(r"(?i)(?:(?:early|late)\s+)?since\b", m.group()):
                # "killed in battles since Saturday": what is counted began that day and went on to the story's:
                # dated from its first day (as a battle told so is), within the week.
                return base - timedelta(days=back), 2
            if back == 0 and m.group().lower().startswith("last"):
                back = 7
            return base - timedelta(days=back), 1
        if g == "ago":
            n = m.group("n").lower()
            back = int(n) if n.isdigit() else _COUNTS.get(n, 1)
            return base - timedelta(days=back), 1
        if g == "yesterday":
            return base - timedelta(days=1), 1
        if g == "weekend":
            # The Saturday of the weekend just gone (a story of Sunday or Monday means the day(s) before).
            back = (base.weekday() - 5) % 7 or (7 if m.group().lower().startswith("last") else 0)
            return base - timedelta(days=back), 1
        if g == "today":
            return base, 1
        if g == "week":
            phrase = m.group().lower()
            if "this week" in phrase:
                # ACLED dates an event told only by its week to the middle of the days it may have been on: from
                # the week's Monday to the story's day ("earlier this week": to the day before).
                first = base - timedelta(days=base.weekday())
                last = base - timedelta(days=1) if "earlier" in phrase and base > first else base
                return first + (last - first) // 2, 2
            return (base - timedelta(days=7) if "last week" in phrase else base), 2
        if g == "month":
            phrase = m.group().lower()
            told_month = m.group("m3") or m.group("m4") or m.group("m5")
            if told_month:
                # "in March", "since March 2011", "late December 2016", "a mid-August raid": the month's first day.
                mon = _month(told_month)
                told = m.group("y3") or m.group("y4")
                year = int(told) if told else (base.year if mon <= base.month else base.year - 1)
                return date(year, mon, 1), 3
            if phrase.startswith("last"):
                first = base.replace(day=1) - timedelta(days=1)
                return first.replace(day=1), 3
            return base.replace(day=1), 3
    except (ValueError, KeyError):
        return None
    return None
