"""Places for the dashboard's offline map and region filter, read from the knowledge packs of the stored events.

The map has no tiles by default, so towns are labelled from the gazetteers: the biggest at
country zoom, more as one zooms in. Regions are each pack's named areas ("Eastern Ghouta",
"Darfur") and its governorates: an event is in one when it is placed at the region itself,
near one of its towns, or (a governorate) in it.

Only the packs of the countries the store holds events in are read: a pack's gazetteer is
large, and a store of one war needs no other war's (``stored_packs``). The country of each
pack is its ``pack.yaml``'s.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Any, Iterable

from warwire.knowledge import packs as knowledge_packs
from warwire.resources import stage_settings

# Within this distance of a region's town an event is in the region, as gazetteer.regions_of counts it.
_SETTINGS = stage_settings("api")["map"]  # api/settings.yaml says what each means
NEAR_KM = float(_SETTINGS["near_km"])
KM_PER_DEGREE_LAT = 111.2
# The smallest population labelled at each zoom; from 11 on every settlement is.
LABEL_POPULATION = {int(k): int(v) for k, v in _SETTINGS["label_population"].items()}
MAX_LABELS = int(_SETTINGS["max_labels"])
SETTLEMENTS = ("city", "community")


def stored_packs(store) -> list[knowledge_packs.Pack]:
    """The installed packs whose country the store holds events in (the default pack's first)."""
    return [pack for pack in map(knowledge_packs.load, knowledge_packs.names())
            if store.count_events(country=pack.country)]


def _loaded(pack: knowledge_packs.Pack) -> bool:
    from warwire.knowledge.gazetteer import Gazetteer

    return Gazetteer.loaded(pack.file("gazetteer.tsv.gz"))


@lru_cache(maxsize=None)
def pack_regions(name: str) -> dict[str, dict[str, Any]]:
    """A pack's named regions and governorates: {name: {name, admin1, lat, lon, names, members: [{name, lat, lon}],
    boxes, country, kind}}; a governorate has no members and is matched by its admin1 and country."""
    pack = knowledge_packs.load(name)
    g = pack.gazetteer
    out: dict[str, dict[str, Any]] = {}
    dlat = NEAR_KM / KM_PER_DEGREE_LAT
    for place in (p for p in g.places if p.kind == "region"):
        members = [m for m in g.members(place.name) if m.lat is not None and m.lon is not None]
        boxes = [(m.lat, m.lon, dlat, dlat / max(0.1, math.cos(math.radians(m.lat)))) for m in members]
        out[place.name] = {"name": place.name, "admin1": place.admin1, "lat": place.lat, "lon": place.lon,
                           "names": sorted(set(place.names) | {place.name}),
                           "members": [{"name": m.name, "lat": m.lat, "lon": m.lon} for m in members],
                           "boxes": boxes, "country": pack.country, "kind": "region"}
    for place in sorted((p for p in g.places if p.kind == "governorate" and p.country == pack.country and p.admin1),
                        key=lambda p: p.admin1):
        out.setdefault(place.admin1, {"name": place.admin1, "admin1": place.admin1, "lat": place.lat,
                                      "lon": place.lon, "names": sorted(set(place.names) | {place.admin1, place.name}),
                                      "members": [], "boxes": [], "country": pack.country,
                                      "kind": "governorate"})
    return out


def regions(chosen: Iterable[knowledge_packs.Pack]) -> dict[str, dict[str, Any]]:
    """The regions of these packs by name (a name two packs share is the first pack's)."""
    out: dict[str, dict[str, Any]] = {}
    for pack in chosen:
        for name, region in pack_regions(pack.name).items():
            out.setdefault(name, region)
    return out


def _named_in(pack: knowledge_packs.Pack, folded: str) -> bool:
    """Whether a pack's small files (regions.yaml, capitals.yaml) name a region or governorate ``folded``, read
    without its gazetteer."""
    return any(n.casefold() == folded for n in _small_names(pack.name)[1])


@lru_cache(maxsize=None)
def _small_names(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the regions' and governorates' names, those and the regions' aliases) as a pack's small files give them."""
    pack = knowledge_packs.load(name)
    own: list[str] = []
    every: list[str] = []
    for entry in pack.data("regions.yaml") or []:
        own.append(str(entry["name"]))
        every += [str(n) for n in [entry["name"], *entry.get("aliases", [])]]
    governorates = [str(n) for n in (pack.data("capitals.yaml") or {})]
    own += governorates
    every += governorates
    return tuple(own), tuple(every)


def region_area(name: str) -> dict[str, Any] | None:
    """The region or governorate called ``name`` (any case) of a pack whose gazetteer is read already or whose
    regions and capitals name it, or None."""
    folded = name.casefold()
    for pack in map(knowledge_packs.load, knowledge_packs.names()):
        if not (_loaded(pack) or _named_in(pack, folded)):
            continue
        found = pack_regions(pack.name)
        if name in found:
            return found[name]
        hit = next((r for r in found.values() if any(n.casefold() == folded for n in r["names"])), None)
        if hit is not None:
            return hit
    return None


def region_names() -> list[str]:
    """Every pack's regions and governorates, as its small files name them (the choices an unknown region's
    error lists), read without the gazetteers."""
    return sorted({n for name in knowledge_packs.names() for n in _small_names(name)[0]})


@lru_cache(maxsize=None)
def _labelled(name: str) -> tuple[tuple[float, str, float, float, int], ...]:
    """(rank, name, lat, lon, population) of every settlement of a pack's country, biggest first; one per name
    and spot."""
    pack = knowledge_packs.load(name)
    seen: set[tuple[str, float, float]] = set()
    out = []
    for p in pack.gazetteer.places:
        if p.country != pack.country or p.kind not in SETTLEMENTS or p.lat is None or p.lon is None:
            continue
        key = (p.name, round(p.lat, 2), round(p.lon, 2))
        if key in seen:
            continue
        seen.add(key)
        population = p.population or 0
        out.append((-(population + (1 if p.kind == "city" else 0)), p.name, p.lat, p.lon, population))
    out.sort()
    return tuple(out)


def labels(bbox: tuple[float, float, float, float] | None, zoom: int,
           chosen: Iterable[knowledge_packs.Pack]) -> list[dict[str, Any]]:
    """Place labels for a map view: towns of these packs' countries inside ``bbox`` big enough for ``zoom``,
    biggest first."""
    import heapq

    least = LABEL_POPULATION[max(5, zoom)] if zoom <= 10 else 0
    out = []
    for rank, name, lat, lon, population in heapq.merge(*(_labelled(p.name) for p in chosen)):
        if -rank < least:  # biggest first: the rest are smaller still
            break
        if bbox and not (bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]):
            continue
        out.append({"name": name, "lat": lat, "lon": lon, "population": population or None})
        if len(out) >= MAX_LABELS:
            break
    return out
