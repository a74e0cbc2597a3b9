"""Dates as news inputs print them, read into ISO dates (YYYY-MM-DD).

Seen in wire dumps, CSV exports and feeds: ISO, M/D/YY (FA-KES), 28-Feb-18 (ACLED),
"5 March 2018", "Wed 05 Apr 2017", "April 5, 2017", 17-08-2014 and 21.08.2013 (day first),
RFC 2822 from feeds ("Wed, 05 Apr 2017 10:00:00 +0000"), and at the top of article
texts after words such as "Published" or "Last updated at".
"""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
# A month name or its abbreviation, longest first ("march" before "mar"), for other patterns to use.
MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+"
# Words printed before a date at the top of an article.
_LEAD = r"(?:print this page\s+)?(?:(?:published|posted|updated|last updated|date of publication|date)(?:\s+(?:on|at))?[:\s]\s*)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|\d{2})"

_FORMS = [
    # 2018-03-07, 2018-03-07T10:00:00Z, 2018/03/07
    re.compile(r"(?P<year>\d{4})[-/.](?P<num>\d{1,2})[-/.]" + _DAY + r"(?!\d)", re.IGNORECASE),
    # 5 March 2018, 28-Feb-18, 05 Apr 2017, 5th of March, 2018
    re.compile(_DAY + r"[\s\-]+(?:of\s+)?" + _MONTH + r",?[\s\-]+" + _YEAR + r"(?!\d)", re.IGNORECASE),
    # March 5 2018, April 5, 2017, Apr 152017 (punctuation stripped)
    re.compile(_MONTH + r"\s+" + _DAY + r"(?:,?\s*)(?P<year>\d{4})(?!\d)", re.IGNORECASE),
    # 4/5/17 (month first), 17-08-2014 and 21.08.2013 (day first)
    re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)" + _YEAR + r"(?!\d)"),
]
_PREFIX = re.compile(r"\s*" + _LEAD + r"(?:" + _WEEKDAY + r")?", re.IGNORECASE)


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:  # two-digit years: 00-69 are 20xx, as in FA-KES and ACLED exports
        y += 2000 if y < 70 else 1900
    return y


def _iso(y: int, m: int, d: int) -> str | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match) -> str | None:
    g = m.groupdict()
    if g.get("num"):
        return _iso(int(g["year"]), int(g["num"]), int(g["day"]))
    if g.get("mon"):
        return _iso(_year(g["year"]), MONTHS[g["mon"].lower()], int(g["day"]))
    a, b = int(g["a"]), int(g["b"])
    if g["sep"] == "/":  # US order, the FA-KES convention, unless the first number cannot be a month
        month, day = (a, b) if a <= 12 else (b, a)
    else:
        month, day = (b, a) if b <= 12 else (a, b)
    return _iso(_year(g["year"]), month, day)


def match_date(text: str, pos: int = 0) -> tuple[str, int] | None:
    """The date printed at ``text[pos:]`` (after optional lead words and weekday): (ISO date, end offset)."""
    head = _PREFIX.match(text, pos)
    start = head.end() if head else pos
    for form in _FORMS:
        m = form.match(text, start)
        if m:
            iso = _from_match(m)
            if iso:
                return iso, m.end()
    return None


def parse_date(s: str | None) -> str | None:
    """An ISO date for ``s`` in any format above, or None when it cannot be read."""
    if not s or not s.strip():
        return None
    found = match_date(s.strip()[:200])
    return found[0] if found else None


_OPENING_MARKS = re.compile(r"\W*")


def printed_date_span(text: str) -> tuple[str, int] | None:
    """The date an article prints at its very top ("Wed 05 Apr 2017 ...", "Published November 17 2017")
    and the offset in ``text`` where that print ends, if it prints one."""
    start = _OPENING_MARKS.match(text).end()
    found = match_date(text[:start + 200], start)
    return found


def printed_date(text: str) -> str | None:
    """The ISO date an article prints at its very top, if any (see ``printed_date_span``)."""
    found = printed_date_span(text)
    return found[0] if found else None
