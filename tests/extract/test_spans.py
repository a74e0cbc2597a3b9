"""Lookups in an article's sorted spans."""
from __future__ import annotations

import random
from dataclasses import dataclass

from warwire.extract.spans import overlaps, starting


@dataclass
class _Item:
    start: int
    end: int


def test_starting_gives_the_items_that_start_inside_the_range_in_order():
    rng = random.Random(7)
    for _ in range(300):
        starts = sorted(rng.randrange(0, 60) for _ in range(rng.randrange(0, 12)))
        items = [_Item(s, s + rng.randrange(1, 9)) for s in starts]
        lo, hi = rng.randrange(-5, 65), rng.randrange(-5, 65)
        got = starting(items, lo, hi)
        assert got == [x for x in items if lo <= x.start < hi]
        assert all(a is b for a, b in zip(got, [x for x in items if lo <= x.start < hi]))
    items = [_Item(3, 5), _Item(3, 7), _Item(9, 10)]
    found = starting(items, 3, 4)
    found.append(_Item(0, 1))  # a list of the caller's own: the items are not changed
    assert len(items) == 3 and [x.end for x in starting(items, 3, 4)] == [5, 7]


def test_overlaps_tells_a_range_that_meets_a_span():
    spans = [(2, 5), (10, 14)]
    assert overlaps(spans, 4, 6) and overlaps(spans, 0, 3) and overlaps(spans, 13, 20)
    assert not overlaps(spans, 5, 10) and not overlaps(spans, 14, 30) and not overlaps(spans, 0, 2)
