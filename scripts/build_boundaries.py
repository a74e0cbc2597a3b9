"""Build the dashboard's offline outlines of Syria from OCHA's common operational boundaries.

Reads ``../shared/data/gazetteer/ocha/boundaries/`` (UNCS / UN OCHA, CC BY 3.0 IGO)
and writes simplified GeoJSON (Douglas-Peucker, coordinates rounded to 3
decimals, about 100 m) into ``warwire/web/static/boundaries/``:
``adm0.geojson`` (the country, dissolved from the governorates),
``adm1.geojson`` (governorates) and ``adm2.geojson`` (districts).

    python scripts/build_boundaries.py [--source DIR] [--tolerance 0.002]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO.parent / "shared" / "data" / "gazetteer" / "ocha" / "boundaries"
TARGET = REPO / "warwire" / "web" / "static" / "boundaries"
LEVELS = {  # output name: (source file, properties kept {ours: theirs})
    "adm1": ("syr_admbnda_adm1_uncs_unocha_20201217.geojson", {"name": "ADM1_EN", "pcode": "ADM1_PCODE"}),
    "adm2": ("syr_admbnda_adm2_uncs_unocha_20201217.geojson",
             {"name": "ADM2_EN", "pcode": "ADM2_PCODE", "admin1": "ADM1_EN"}),
}
ATTRIBUTION = "Boundaries: UNCS / UN OCHA (2020-12-17), CC BY 3.0 IGO, simplified by warwire"

Point = tuple[float, float]


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to the segment a-b, in degrees (planar is fine at this scale)."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Simplify a line, keeping the points farther than ``tolerance`` from the simplified line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:  # iterative: district rings have thousands of points
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _segment_distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring: list[Point], tolerance: float) -> list[Point] | None:
    """A closed ring simplified and rounded; None when it shrinks below a triangle."""
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    # Split the ring at its farthest point from the start so both halves keep their ends.
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    half1 = douglas_peucker(ring[: far + 1], tolerance)
    half2 = douglas_peucker(ring[far:] + [ring[0]], tolerance)
    out = [(round(x, 3), round(y, 3)) for x, y in half1[:-1] + half2]
    deduped = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    return deduped if len(deduped) >= 4 else None


def polygons(geometry: dict) -> list[list[list[Point]]]:
    """The polygons of a Polygon or MultiPolygon, as lists of rings of (lon, lat) tuples."""
    coords = geometry["coordinates"]
    polys = [coords] if geometry["type"] == "Polygon" else coords
    return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in poly] for poly in polys]


def simplify_geometry(geometry: dict, tolerance: float) -> dict | None:
    out = []
    for poly in polygons(geometry):
        rings = [simplify_ring(ring, tolerance) for ring in poly]
        if rings[0] is None:  # an islet smaller than the tolerance
            continue
        out.append([[list(p) for p in r] for r in rings if r is not None])
    if not out:
        return None
    return {"type": "MultiPolygon", "coordinates": out} if len(out) > 1 else {"type": "Polygon", "coordinates": out[0]}


def dissolve_outline(features: list[dict]) -> list[list[Point]]:
    """The outer rings of the union of polygons that share vertices: edges used once are the outline."""
    edges: Counter = Counter()
    for f in features:
        for poly in polygons(f["geometry"]):
            for ring in poly:
                for a, b in zip(ring, ring[1:]):
                    if a != b:
                        edges[frozenset((a, b))] += 1
    nexts: dict[Point, list[Point]] = defaultdict(list)
    for edge, n in edges.items():
        if n == 1:
            a, b = tuple(edge)
            nexts[a].append(b)
            nexts[b].append(a)
    rings, seen = [], set()
    for start in list(nexts):
        if start in seen:
            continue
        ring, prev, cur = [start], None, start
        seen.add(start)
        while True:
            step = next((p for p in nexts[cur] if p != prev and (p not in seen or p == start)), None)
            if step is None or step == start:
                break
            ring.append(step)
            seen.add(step)
            prev, cur = cur, step
        if len(ring) >= 10:  # slivers between governorates that do not quite meet are dropped
            rings.append(ring + [start])
    return rings


def build(source: Path, target: Path, tolerance: float) -> dict[str, int]:
    """Write the simplified layers; returns the size in bytes of each file written."""
    target.mkdir(parents=True, exist_ok=True)
    sizes = {}
    adm1_features = None
    for level, (filename, keep) in LEVELS.items():
        path = source / filename
        if not path.exists():
            raise SystemExit(f"{path}: not found. Give the OCHA boundaries folder with --source.")
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        if level == "adm1":
            adm1_features = features
        out = []
        for f in features:
            geometry = simplify_geometry(f["geometry"], tolerance)
            if geometry:
                props = {ours: f["properties"].get(theirs) for ours, theirs in keep.items()}
                out.append({"type": "Feature", "properties": props, "geometry": geometry})
        sizes[level] = _write(target / f"{level}.geojson", out)
    outline = [r for r in (simplify_ring(ring, tolerance / 2) for ring in dissolve_outline(adm1_features)) if r]
    country = {"type": "Feature", "properties": {"name": "Syrian Arab Republic", "pcode": "SY"},
               "geometry": {"type": "MultiPolygon", "coordinates": [[[list(p) for p in r]] for r in outline]}}
    sizes["adm0"] = _write(target / "adm0.geojson", [country])
    return sizes


def _write(path: Path, features: list[dict]) -> int:
    doc = {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}
    text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="folder with OCHA's boundary GeoJSON files")
    parser.add_argument("--target", type=Path, default=TARGET, help="where the simplified layers go")
    parser.add_argument("--tolerance", type=float, default=0.002, help="Douglas-Peucker tolerance in degrees")
    args = parser.parse_args(argv)
    sizes = build(args.source, args.target, args.tolerance)
    for level, size in sorted(sizes.items()):
        print(f"{level}: {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
