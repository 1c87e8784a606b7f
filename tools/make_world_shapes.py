"""Make ``peaceops/assets/world-110m.json``: every country's outline as compact SVG path data.

Why: the deployments page draws its world map at build time, with no JavaScript map library and no
tile server, so the site needs the countries' shapes in the repository. This script derives them
once from Natural Earth's 1:110m countries (public domain), as packaged in the npm package
``world-atlas@2.0.2`` (ISC licence), and is kept here so that anyone can remake or check the file:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python tools/make_world_shapes.py /tmp/package

It decodes the TopoJSON arcs, projects them with the Equal Earth projection (equal-area, so no
country looks bigger than it is), rounds to whole units on a 1000-wide canvas, simplifies each shared
border once (so neighbours still meet), and writes one path per ISO 3166 alpha-2 code. Countries too
small to have a shape at 1:110m (Singapore, Malta ...) get a point from the 1:50m file, so a marker
can still be placed on them. Only the standard library, pycountry and the site's own projection
(peaceops.outputs.worldmap.equal_earth) are used.
"""
from __future__ import annotations

import argparse
import json
import math
from itertools import pairwise
from pathlib import Path

import pycountry

from peaceops.outputs import worldmap

WIDTH = 1000  # the canvas width; heights follow from the projection
MARGIN = 4
TOLERANCE = 0.7  # Douglas-Peucker tolerance, in canvas units
DROPPED = {"010"}  # Antarctica: no deployments there, and it would take a fifth of the height
OUTPUT = Path(__file__).resolve().parent.parent / "peaceops" / "assets" / "world-110m.json"
PROVENANCE = (
    "Derived by tools/make_world_shapes.py from Natural Earth 1:110m and 1:50m countries "
    "(public domain, naturalearthdata.com) as packaged in world-atlas@2.0.2 (ISC licence, "
    "Copyright 2013-2019 Michael Bostock). Equal Earth projection; ids are ISO 3166-1 alpha-2."
)

# The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): the site's own, so that a city the
# map marks from its latitude and longitude (worldmap.project) falls where these shapes put it.
equal_earth = worldmap.equal_earth


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as lists of (longitude, latitude), undoing TopoJSON's quantization and deltas."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[int, int]], tolerance: float) -> list[tuple[int, int]]:
    """Douglas-Peucker, keeping both ends (they are shared with the neighbouring arc)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - x1, py - y1)
            else:
                distance = abs((x2 - x1) * (y1 - py) - (x1 - px) * (y2 - y1)) / length
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def dedupe(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for point in points:
        if not out or out[-1] != point:
            out.append(point)
    return out


def alpha2(numeric: str | None) -> str | None:
    if not numeric or not numeric.isdigit():
        return None
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_2 if country else None


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def ring_points(ring: list[int], arcs: list[list]) -> list:
    points: list = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    return points


def crosses_antimeridian(ring: list[tuple[float, float]]) -> bool:
    return any(abs(a[0] - b[0]) > 180 for a, b in pairwise(ring))


def split_at_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that runs across longitude 180 (Fiji, Chukotka), as one ring on each side of it.

    Natural Earth's rings jump from 180 to -180 there, which a flat map would draw as a line across
    the world. The ring is made continuous (longitudes beyond 180), then cut into the part inside
    each 360-degree window and moved back into [-180, 180].
    """
    continuous = [ring[0]]
    for given, lat in ring[1:]:
        previous, lon = continuous[-1][0], given
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        continuous.append((lon, lat))
    pieces = []
    for shift in (-360, 0, 360):
        piece = clip(continuous, -180 + shift, 180 + shift)
        if len(piece) >= 3:
            pieces.append([(lon - shift, lat) for lon, lat in piece])
    return pieces


def clip(ring: list[tuple[float, float]], west: float, east: float) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a ring between two longitudes."""

    def cut(points: list, inside, edge: float) -> list:
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(crossing(previous, current, edge))
                out.append(current)
            elif inside(previous):
                out.append(crossing(previous, current, edge))
        return out

    def crossing(a: tuple[float, float], b: tuple[float, float], lon: float) -> tuple[float, float]:
        t = (lon - a[0]) / (b[0] - a[0])
        return lon, a[1] + t * (b[1] - a[1])

    points = cut(ring, lambda p: p[0] >= west, west)
    return cut(points, lambda p: p[0] <= east, east) if points else []


def area(ring: list[tuple[float, float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    a = area(ring)
    if a == 0:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
    return cx / (6 * a), cy / (6 * a)


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Compact SVG path data: an absolute move, then relative lines, for each ring."""
    parts = []
    for ring in rings:
        (x0, y0), rest = ring[0], ring[1:]
        text = f"M{x0} {y0}l"
        px, py = x0, y0
        steps = []
        for x, y in rest:
            steps.append(f"{x - px} {y - py}")
            px, py = x, y
        text += " ".join(steps).replace(" -", "-") + "z"
        parts.append(text)
    return "".join(parts)


class Canvas:
    """Projected coordinates scaled to WIDTH and shifted so that the map starts at MARGIN."""

    def __init__(self, projected_points: list[tuple[float, float]]):
        xs = [p[0] for p in projected_points]
        ys = [p[1] for p in projected_points]
        self.scale = (WIDTH - 2 * MARGIN) / (max(xs) - min(xs))
        self.left, self.top = min(xs), max(ys)
        self.height = round((max(ys) - min(ys)) * self.scale) + 2 * MARGIN

    def point(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.left) * self.scale + MARGIN, (self.top - y) * self.scale + MARGIN

    def whole(self, x: float, y: float) -> tuple[int, int]:
        cx, cy = self.point(x, y)
        return round(cx), round(cy)


def make(package: Path) -> dict:
    topology = json.loads((package / "countries-110m.json").read_text(encoding="utf-8"))
    geometries = [g for g in topology["objects"]["countries"]["geometries"] if g.get("id") not in DROPPED]
    rings = [ring for g in geometries for polygon in polygons_of(g) for ring in polygon]
    used = {abs(i if i >= 0 else ~i) for ring in rings for i in ring}
    raw = decode_arcs(topology)
    projected = [[equal_earth(*p) for p in arc] for arc in raw]
    canvas = Canvas([p for i, arc in enumerate(projected) if i in used for p in arc])
    arcs = [simplify(dedupe([canvas.whole(*p) for p in arc]), TOLERANCE) for arc in projected]

    def drawn_rings(ring: list[int]) -> list[list[tuple[int, int]]]:
        """The ring on the canvas: from the shared, simplified borders, or cut at longitude 180."""
        lonlat = ring_points(ring, raw)
        if crosses_antimeridian(lonlat):
            return [simplify(dedupe([canvas.whole(*equal_earth(*p)) for p in piece]), TOLERANCE)
                    for piece in split_at_antimeridian(lonlat)]
        return [dedupe(ring_points(ring, arcs))]

    countries: dict[str, dict] = {}
    other: dict[str, dict] = {}
    for geometry in geometries:
        rings, largest, largest_area = [], None, 0.0
        for polygon in polygons_of(geometry):
            for number, ring in enumerate(polygon):
                for drawn in drawn_rings(ring):
                    points = drawn[:-1] if drawn and drawn[0] == drawn[-1] else drawn
                    if len(points) < 3:
                        continue
                    rings.append(points)
                    if number == 0 and abs(area(points)) > largest_area:
                        largest, largest_area = points, abs(area(points))
        if not rings:
            continue
        outline = largest or rings[0]
        cx, cy = centroid([(float(x), float(y)) for x, y in outline])
        xs, ys = [x for x, _ in outline], [y for _, y in outline]
        # "c": where the marker goes; "s": the size of the main outline, so tiny ones get a callout.
        entry = {"d": path_data(rings), "c": [round(cx), round(cy)], "s": max(max(xs) - min(xs), max(ys) - min(ys))}
        code = alpha2(geometry.get("id"))
        if code:
            countries[code] = entry
        else:
            other[geometry["properties"]["name"]] = {"d": entry["d"]}

    points = small_countries(package, canvas, set(countries))
    return {
        "about": PROVENANCE,
        "width": WIDTH,
        "height": canvas.height,
        # How a longitude and latitude become a point on the canvas (peaceops/outputs/worldmap.py,
        # project): Equal Earth, then x = (x - left) * scale + margin, y = (top - y) * scale + margin.
        "projection": {"left": canvas.left, "top": canvas.top, "scale": canvas.scale, "margin": MARGIN},
        "countries": dict(sorted(countries.items())),
        "points": dict(sorted(points.items())),
        "unassigned": dict(sorted(other.items())),
    }


def small_countries(package: Path, canvas: Canvas, have: set[str]) -> dict[str, list[int]]:
    """A marker position for each country with no shape at 1:110m, from its largest 1:50m polygon."""
    topology = json.loads((package / "countries-50m.json").read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    points = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha2(geometry.get("id"))
        if not code or code in have or geometry.get("id") in DROPPED:
            continue
        rings = [
            [canvas.point(*equal_earth(*p)) for p in ring_points(polygon[0], arcs)]
            for polygon in polygons_of(geometry)
        ]
        if rings:
            largest = max(rings, key=lambda r: abs(area(r)))
            x, y = centroid(largest)
            points[code] = [round(x), round(y)]
    return points


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked world-atlas@2.0.2 folder (package/)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    data = make(args.package)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(data['countries'])} shapes, {len(data['points'])} points, "
          f"{args.output.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
