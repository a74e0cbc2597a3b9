"""How two resolved places of one article relate: the same place, the same spot, one inside the other.

Mentions use these to choose a mention's place; assembly uses them to decide whether two mentions
happened in one place.
"""
from __future__ import annotations

import re
from functools import lru_cache

from warwire.model import Location

_NOT_A_LETTER = re.compile(r"[^a-z]")


def letters(name: str | None) -> str:
    """A name's letters a-z in lower case, to compare spellings loosely ("Deir ez-Zor" is "deirezzor")."""
    return _NOT_A_LETTER.sub("", (name or "").lower())


def chief_town(loc: Location) -> bool:
    """Whether a place is named as its governorate is: the governorate itself, or its chief city ("Hama")."""
    return bool(loc.admin1) and letters(loc.name) == letters(loc.admin1)


def inside(a: Location, b: Location) -> bool:
    """Whether place ``a`` is a more precise place within ``b`` ("the Sumaria area" of "Damascus")."""
    if (a.geo_precision or 3) < (b.geo_precision or 3) and same_place(b, a):
        return True
    return a.name != b.name and contains(b, a) and (a.geo_precision or 3) <= (b.geo_precision or 3)


def contains(big: Location, small: Location) -> bool:
    """Whether ``small`` lies in ``big`` by name: its governorate, or its district when ``big`` is no mere town
    (Mesraba lies in Douma district, not in the town of Douma)."""
    return big.name == small.admin1 or big.name == small.admin2 and (big.geo_precision or 3) >= 2


#: Two points this close (degrees) are one spot when names differ (transliterations, a town and its quarter).
SPOT_DEGREES = 0.01


def same_spot(a: Location | None, b: Location | None) -> bool:
    """Like ``same_place`` but two different towns a few km apart stay two places (for whole stories)."""
    if a is None or b is None:
        return True
    if a.name == b.name or a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if (a.geo_precision or 0) >= 3 or (b.geo_precision or 0) >= 3:
        return same_place(a, b)
    if contains(a, b) or contains(b, a):
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return abs(a.lat - b.lat) < SPOT_DEGREES and abs(a.lon - b.lon) < SPOT_DEGREES
    return False


def same_place(a: Location | None, b: Location | None) -> bool:
    """Whether two places may be one event's place: either untold, one name, one governorate when either is
    a governorate, else points within about 8 km."""
    if a is None or b is None:
        return True
    if a.name == b.name or a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if (a.geo_precision or 0) >= 3 or (b.geo_precision or 0) >= 3:
        return a.admin1 == b.admin1 or a.name in (b.admin1, b.admin2) or b.name in (a.admin1, a.admin2)
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return abs(a.lat - b.lat) < 0.08 and abs(a.lon - b.lon) < 0.08
    return False


#: How far (degrees) from a city's point a quarter of it may lie.
QUARTER_DEGREES = 0.08


def quarter_of(a: Location, city: Location, kind: str | None) -> bool:
    """Whether ``a`` (of the gazetteer's ``kind``) is a quarter of ``city`` ("Bab Touma" of Damascus): a place the
    gazetteer lists as a neighbourhood, of the same governorate, a few km from the point of the city (a governorate's
    chief city, where the sources list quarters). A village near the city is no quarter of it. ACLED codes the
    quarter."""
    if kind != "neighbourhood" or a.name == city.name or a.admin1 != city.admin1 or (a.geo_precision or 3) > 1 \
            or (city.geo_precision or 3) > 1 or not chief_town(city):
        return False
    if None in (a.lat, a.lon, city.lat, city.lon):
        return False
    return abs(a.lat - city.lat) < QUARTER_DEGREES and abs(a.lon - city.lon) < QUARTER_DEGREES


@lru_cache(maxsize=1)
def _one_place_nouns() -> tuple[re.Pattern, re.Pattern]:
    """The singular nouns of ``places/nouns.yaml`` (``one_place``) as patterns: (a noun after a name or ending its
    mention, "the noun of" before it)."""
    from warwire.knowledge.lexicons import place_nouns

    nouns = "|".join(re.escape(str(n)) for n in sorted(place_nouns()["one_place"], key=len, reverse=True))
    return (re.compile(rf"(?i)\s+(?:{nouns})\b(?!s)"),
            re.compile(rf"(?i)\b(?:{nouns})\s+of\s+(?:the\s+)?$"))


def told_as_one_place(text: str, start: int, end: int) -> bool:
    """Whether the place mention ``text[start:end]`` is told by a singular place noun of its own ("the X
    neighbourhood", "the area of X"), not as one name of a list ("the X and Y neighbourhoods")."""
    after, before = _one_place_nouns()
    mention = text[start:end]
    last = mention.rsplit(None, 1)[-1] if " " in mention else ""
    return bool(after.match(text, end) or last and after.fullmatch(" " + last)
                or before.search(text[max(0, start - 30):start]))
