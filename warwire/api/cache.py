"""A short-lived cache for the aggregate endpoints (/api/stats, /api/outlets).

They read every matching event, seconds on a store of millions, and the dashboard asks for
them on each load; the store changes only when someone ingests or links. Writes through the
API clear the cache; changes made by other processes show within ``ttl`` seconds.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Hashable


class TTLCache:
    def __init__(self, ttl: float = 30.0, size: int = 128) -> None:
        self.ttl, self.size = ttl, size
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value of ``key`` if fresh, else ``compute()`` (stored for next time)."""
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit and now - hit[0] < self.ttl:
                self._items.move_to_end(key)
                return hit[1]
        value = compute()  # outside the lock: one slow aggregate must not hold up other requests
        with self._lock:
            self._items[key] = (now, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
