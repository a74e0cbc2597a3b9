"""Datelines: the places (and wire agency) a story is filed from.

Two forms: the header line of a plain-text wire dump (``date 2018-03-07 Reuters, MOSCOW and
BEIRUT``) and the opening of a wire story body (``BEIRUT (Reuters) -``,
``AMMAN/BEIRUT, March 7 (Reuters) -``, ``DAMASCUS, Syria (AP) —``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from warwire.ingest.dates import match_date

_HEADER = re.compile(r"^date\s+(?P<date>\d[\d\-/.]*)\s*(?P<rest>.*?)\s*$", re.IGNORECASE)
_PLACE_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b)\s*", re.IGNORECASE)
_PLACE = r"[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*)*"
_OPENING = re.compile(
    r"\s*(?P<places>" + _PLACE + r"(?:\s*(?:/|,|\band\b)\s*" + _PLACE + r")*)"
    r"(?:,\s*[^()\n]{1,40}?)?"          # a date or country after the places: ", March 7", ", Syria"
    r"\s*(?:\((?P<agency>[^()\n]{2,40})\))?"
    r"\s*(?:-{1,2}|–|—|:)\s+"
)

# AFP and others print the place in title case; then the agency in brackets must follow.
_OPENING_TITLE_CASE = re.compile(
    r"\s*(?P<places>[A-Z][a-z'’]+(?:[ \-][A-Z][a-z'’]+){0,3}(?:\s*/\s*[A-Z][a-z'’]+(?:[ \-][A-Z][a-z'’]+){0,3})*)"
    r"(?:,\s*[^()\n]{1,40}?)?\s*\((?P<agency>[^()\n]{2,40})\)\s*(?:-{1,2}|–|—|:)\s+"
)


@dataclass
class Header:
    """A wire dump's header line: its raw date, the outlet and the dateline places."""

    date: str
    outlet: str | None
    places: list[str] = field(default_factory=list)


def place_name(raw: str) -> str:
    """A dateline place as a name: MOSCOW -> Moscow, DEIR EZ-ZOR -> Deir Ez-Zor, DAR'A -> Dar'a."""
    return re.sub(r"[^\s\-]+", lambda m: m.group()[0].upper() + m.group()[1:].lower(), raw.strip(" .,"))


def split_places(raw: str) -> list[str]:
    return [place_name(p) for p in _PLACE_SPLIT.split(raw) if p.strip(" .,")]


def parse_header(line: str) -> Header | None:
    """The header line ``date 2018-03-07 Reuters, MOSCOW and BEIRUT``, or None when ``line`` is not one."""
    m = _HEADER.match(line)
    if not m:
        return None
    raw_date, rest = m.group("date"), m.group("rest")
    found = match_date(line, m.start("date"))
    if found:  # dates with spaces, such as "date 5 March 2018 Reuters, BEIRUT"
        raw_date, rest = line[m.start("date"):found[1]], line[found[1]:].strip()
    outlet, _, places = rest.partition(",")
    return Header(date=raw_date, outlet=outlet.strip() or None, places=split_places(places))


def opening_dateline(text: str) -> tuple[list[str], str | None] | None:
    """The dateline a story body opens with: (places, agency or None), or None when it has none."""
    m = _OPENING.match(text[:200]) or _OPENING_TITLE_CASE.match(text[:200])
    if not m:
        return None
    places = m.group("places")
    # A single capitalised word before a dash is not a dateline ("A -", "UN -"); demand a real place name.
    if len(places.replace(" ", "")) < 3 or not (m.group("agency") or re.search(r"[A-Z]{4,}", places)):
        return None
    return split_places(places), (m.group("agency") or "").strip() or None
