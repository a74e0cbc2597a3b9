"""The aggregate endpoints' cache."""
from __future__ import annotations

import time

from warwire.api.cache import TTLCache


def test_fresh_values_are_reused_until_cleared_or_stale():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    cache = TTLCache(ttl=60)
    assert cache.get("k", compute) == 1 and cache.get("k", compute) == 1
    assert cache.get("other", compute) == 2
    cache.clear()
    assert cache.get("k", compute) == 3
    short = TTLCache(ttl=0.01)
    short.get("k", compute)
    time.sleep(0.02)
    assert short.get("k", compute) == 5


def test_oldest_entries_go_first_when_full():
    cache = TTLCache(ttl=60, size=2)
    for key in "abc":
        cache.get(key, lambda: key)
    assert cache.get("a", lambda: "again") == "again"
    assert cache.get("c", lambda: "again") == "c"
