"""Lookups in an article's sorted spans (places, dates, actors, claims found by offset)."""
from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

_START = attrgetter("start")


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted ``spans`` (each shorter than 200 characters)."""
    i = bisect_left(spans, (start - 200, 0))
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] > start:
            return True
        i += 1
    return False


def starting(items: list, lo: int, hi: int) -> list:
    """The items (sorted, with a ``start``) that start inside [lo, hi): one slice between two bisections."""
    i = bisect_left(items, lo, key=_START)
    return items[i:bisect_left(items, hi, i, key=_START)]
