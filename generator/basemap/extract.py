"""Make the vendored base map: Natural Earth's countries, clipped to Iraq's region and simplified.

Run once by a maintainer, never during a build:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m generator.basemap.extract package/countries-50m.json > generator/basemap/iraq-region.geojson

The input is the `world-atlas` npm package's TopoJSON of Natural Earth's Admin 0 countries at
1:50m (version 4.1.0). Borders are simplified once per shared arc, before the polygons are put
together, so that neighbouring countries keep exactly the same border; then each polygon is cut
to the region's rectangle.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

BOUNDS = (35.0, 28.0, 50.5, 38.6)
"""West, south, east, north, in degrees: Iraq and its neighbours' border regions."""
TOLERANCE = 0.025
"""Douglas–Peucker tolerance in degrees (about 2.5 km): finer than a pixel on the map."""
Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """TopoJSON's quantized, delta-encoded arcs as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, keeping both ends (where arcs meet)."""
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
    distances = [abs((by - ay) * px - (bx - ax) * py + bx * ay - by * ax) / length if length else
                 ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5 for px, py in points[1:-1]]
    farthest = max(range(len(distances)), key=distances.__getitem__) + 1
    if distances[farthest - 1] <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[:farthest + 1], tolerance)[:-1] + simplify(points[farthest:], tolerance)


def ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def clip(points: list[Point], bounds: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland–Hodgman: the part of a closed ring inside the rectangle."""
    west, south, east, north = bounds
    edges: list[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]]] = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north))]
    for inside, cross in edges:
        result: list[Point] = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
        points = result
        if not points:
            break
    return points


def _at_x(a: Point, b: Point, x: float) -> Point:
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def extract(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(topology)]
    features: list[dict[str, Any]] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                clipped = clip(ring(indexes, arcs), BOUNDS)
                if len(clipped) >= 4:
                    rings.append([[round(x, 3), round(y, 3)] for x, y in clipped])
        if rings:
            feature: dict[str, Any] = {"type": "Feature", "properties": {"name": geometry["properties"]["name"]},
                                       "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}}
            features.append(feature)
    features.sort(key=lambda feature: feature["properties"]["name"])
    return {"type": "FeatureCollection", "bbox": list(BOUNDS), "features": features}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as stream:
        topology = json.load(stream)
    json.dump(extract(topology), sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
