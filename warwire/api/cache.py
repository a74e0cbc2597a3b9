"""A short-lived cache for the aggregate endpoints (/api/stats, /api/outlets).

They read every matching event, seconds on a store of millions, and the dashboard asks for
them on each load; the store changes only when someone ingests or links. Writes through the
API clear the cache; changes made by other processes show within ``ttl`` seconds.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Hashable

import cachetools

from warwire.resources import stage_settings


class TTLCache:
    """``cachetools.TTLCache`` (least recently used out first when full) behind a lock, filled on a miss."""

    def __init__(self, ttl: float | None = None, size: int | None = None) -> None:
        settings = stage_settings("api")["cache"]  # api/settings.yaml
        ttl = float(settings["ttl_seconds"]) if ttl is None else ttl
        size = int(settings["size"]) if size is None else size
        self._items: cachetools.TTLCache = cachetools.TTLCache(maxsize=size, ttl=ttl)
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value of ``key`` if fresh, else ``compute()`` (stored for next time)."""
        with self._lock:
            try:
                return self._items[key]
            except KeyError:
                pass
        value = compute()  # outside the lock: one slow aggregate must not hold up other requests
        with self._lock:
            self._items[key] = value
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
