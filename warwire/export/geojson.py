"""GeoJSON FeatureCollection of events or reports: Point features with flat properties for QGIS.

Records without coordinates keep a feature with a null geometry, so counts
match the other formats; GIS tools skip or list them as they choose.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from warwire.export.records import flat


def feature(what: str, item: Any) -> dict[str, Any]:
    props = flat(what, item)
    lat, lon = props.get("latitude"), props.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": props["id"], "geometry": geometry, "properties": props}


def write_geojson(what: str, items: Iterable[Any], out: TextIO) -> int:
    """Stream a FeatureCollection, one feature per line; returns the number of features."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for item in items:
        out.write((",\n" if n else "") + json.dumps(feature(what, item), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
