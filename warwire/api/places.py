"""Places for the dashboard's offline map and region filter, read from the gazetteer and its regions.

The map has no tiles by default, so towns are labelled from the gazetteer: the biggest at
country zoom, more as one zooms in. Regions ("Eastern Ghouta") are the knowledge pack's
named areas: an event is in one when it is placed at the region itself or near one of its towns.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from warwire.resources import stage_settings

# Within this distance of a region's town an event is in the region, as gazetteer.regions_of counts it.
_SETTINGS = stage_settings("api")["map"]  # api/settings.yaml says what each means
NEAR_KM = float(_SETTINGS["near_km"])
KM_PER_DEGREE_LAT = 111.2
# The smallest population labelled at each zoom; from 11 on every settlement is.
LABEL_POPULATION = {int(k): int(v) for k, v in _SETTINGS["label_population"].items()}
MAX_LABELS = int(_SETTINGS["max_labels"])
SETTLEMENTS = ("city", "community")


def _gazetteer():
    from warwire.knowledge.gazetteer import Gazetteer

    return Gazetteer.load()


@lru_cache(maxsize=1)
def regions() -> dict[str, dict[str, Any]]:
    """Every named region: {name: {name, admin1, lat, lon, names, members: [{name, lat, lon}], boxes}}."""
    import math

    g = _gazetteer()
    out: dict[str, dict[str, Any]] = {}
    for place in (p for p in g.places if p.kind == "region"):
        members = [m for m in g.members(place.name) if m.lat is not None and m.lon is not None]
        dlat = NEAR_KM / KM_PER_DEGREE_LAT
        boxes = [(m.lat, m.lon, dlat, dlat / max(0.1, math.cos(math.radians(m.lat)))) for m in members]
        out[place.name] = {"name": place.name, "admin1": place.admin1, "lat": place.lat, "lon": place.lon,
                           "names": sorted(set(place.names) | {place.name}),
                           "members": [{"name": m.name, "lat": m.lat, "lon": m.lon} for m in members],
                           "boxes": boxes}
    return out


def region_names() -> list[str]:
    return sorted(regions())


def region_area(name: str) -> dict[str, Any] | None:
    """The region called ``name`` (any case), or None."""
    found = regions()
    if name in found:
        return found[name]
    folded = name.casefold()
    return next((r for r in found.values() if any(n.casefold() == folded for n in r["names"])), None)


@lru_cache(maxsize=1)
def _labelled() -> list[tuple[float, str, float, float, int]]:
    """(rank, name, lat, lon, population) of every Syrian settlement, biggest first; one per name and spot."""
    seen: set[tuple[str, float, float]] = set()
    out = []
    for p in _gazetteer().places:
        if p.country != "Syria" or p.kind not in SETTLEMENTS or p.lat is None or p.lon is None:
            continue
        key = (p.name, round(p.lat, 2), round(p.lon, 2))
        if key in seen:
            continue
        seen.add(key)
        population = p.population or 0
        out.append((-(population + (1 if p.kind == "city" else 0)), p.name, p.lat, p.lon, population))
    out.sort()
    return out


def labels(bbox: tuple[float, float, float, float] | None, zoom: int) -> list[dict[str, Any]]:
    """Place labels for a map view: towns inside ``bbox`` big enough for ``zoom``, biggest first."""
    least = LABEL_POPULATION[max(5, zoom)] if zoom <= 10 else 0
    out = []
    for rank, name, lat, lon, population in _labelled():
        if -rank < least:  # biggest first: the rest are smaller still
            break
        if bbox and not (bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]):
            continue
        out.append({"name": name, "lat": lat, "lon": lon, "population": population or None})
        if len(out) >= MAX_LABELS:
            break
    return out
