"""The map of current deployments, drawn at build time as inline SVG.

Why: a map says "where" at a glance, but it must not need JavaScript, a map library or a tile
server (no request may leave for another host), and it must work without colour and without
sight. So the shapes come from a compact copy of Natural Earth kept in the package
(``assets/world-110m.json``, made by ``tools/make_world_shapes.py``); each country with Canadian
police now is hatched, outlined AND numbered, and is a link to its page whose accessible name says
which country and how many missions. The numbered key under the map and the deployments table are
its text alternative. Which countries are marked, and their counts, come only from ``facts``.

The map shows the region around the marked places, not the whole world: on a phone the whole
world is 343 px wide, its markers 9 px and its numbers unreadable, and the places cluster in
Africa and the Middle East. Drawn over only the area the places span, each marker is sized to be at
least ``MIN_MARKER_PX`` across on a 375 px phone (WCAG 2.5.8 asks 24 px), and markers that would
overlap are pushed apart, each with a line to a dot on its place, so every number stays readable.

A post in one city (a mission with ``city:``, such as the advisor in New York) is a point at the city,
projected from its latitude and longitude as the shapes were (``project``), not the whole country
hatched: one officer in New York is not the United States. The numbers run west to east, the order a
reader scans, and the list beside the map (``marked_countries``) follows the same order.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from peaceops.facts import CountryFacts, Facts
from peaceops.languages import LANGUAGES
from peaceops.pages.localize import Localizer
from peaceops.source.model import City

SHAPES_FILE = "world-110m.json"
ID = "pk-map"
PHONE_MAP_PX = 343  # how wide the map is drawn on a 375 px phone (the text column's width there)
MIN_MARKER_PX = 26  # a marker's diameter there, in CSS px: at least 24 (WCAG 2.5.8), with room to spare
MIN_VIEW = (360, 200)  # the smallest area shown, in map units (the world is 1000 wide): some context
MAX_RATIO = 1.5  # the area shown is at most one and a half times as wide as high
GAP = 6  # map units between two markers

# The map's colours are site.css's custom properties (--pk-map-current, --pk-map-land, --pk-map-sea),
# which the elements' classes take; focus and hover are there too. The attributes below are only what
# a view without site.css shows, and it stays readable that way, in black and white.
LAND = 'fill="#dddddd" stroke="#ffffff" stroke-width="0.5"'
MARKED = 'fill="url(#pk-map-hatch)" stroke="#000000" stroke-width="1.5" stroke-linejoin="round"'
MARKER_STYLE = 'fill="#ffffff" stroke="#000000" stroke-width="2.5"'
NUMBER_STYLE = 'text-anchor="middle" dominant-baseline="central" font-weight="700" fill="#000000"'
SWATCH_RADIUS = 13


@dataclass(frozen=True)
class Shapes:
    width: int
    height: int
    projection: dict[str, float]  # the canvas of tools/make_world_shapes.py: left, top, scale, margin
    countries: dict[str, dict[str, Any]]  # alpha-2 -> {"d": path data, "c": [x, y] marker position}
    points: dict[str, list[int]]  # alpha-2 -> [x, y], for countries too small to draw at this scale
    unassigned: dict[str, dict[str, Any]]  # land with no ISO code (Kosovo, Somaliland ...), drawn but never marked

    def where(self, iso2: str | None) -> tuple[str | None, tuple[int, int] | None, bool]:
        """(outline path data or None, the place's centre or None, whether it is too small for a marker on it)."""
        if iso2 in self.countries:
            shape = self.countries[iso2]
            x, y = shape["c"]
            return shape["d"], (x, y), shape["s"] < SMALL_SHAPE
        if iso2 in self.points:
            x, y = self.points[iso2]
            return None, (x, y), True
        return None, None, False

    def where_unassigned(self, name: str) -> tuple[str | None, tuple[int, int] | None, bool]:
        """The same for land with no ISO code (Kosovo), by its English name: its outline, the centre
        of its outline's bounds, and whether it is too small for a marker on it."""
        shape = self.unassigned.get(name)
        if shape is None:
            return None, None, False
        xs, ys = zip(*path_points(shape["d"]), strict=True)
        centre = (round((min(xs) + max(xs)) / 2), round((min(ys) + max(ys)) / 2))
        return shape["d"], centre, max(max(xs) - min(xs), max(ys) - min(ys)) < SMALL_SHAPE


def path_points(d: str) -> list[tuple[float, float]]:
    """The points of an outline written as the shapes file writes them (M, m, L, l and z, numbers
    separated by spaces or signs), in map units."""
    points: list[tuple[float, float]] = []
    x = y = 0.0
    command, numbers = "M", []
    for part in re.findall(r"[MmLlZz]|-?\d+(?:\.\d+)?", d):
        if part in "MmLlZz":
            command = part
            continue
        numbers.append(float(part))
        if len(numbers) == 2:
            dx, dy = numbers
            numbers = []
            x, y = (x + dx, y + dy) if command in "ml" else (dx, dy)
            if command in "Mm":  # after a move, further pairs are lines of the same kind
                command = "L" if command == "M" else "l"
            points.append((x, y))
    return points


SMALL_SHAPE = 30  # map units: a shape smaller than this would be hidden by its marker


@cache
def shapes() -> Shapes:
    raw = json.loads(files("peaceops").joinpath("assets", SHAPES_FILE).read_text(encoding="utf-8"))
    return Shapes(raw["width"], raw["height"], raw["projection"], raw["countries"], raw["points"], raw["unassigned"])


# Equal Earth projection constants (Šavrič, Patterson and Jenny, 2018), as tools/make_world_shapes.py uses.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Projected (x, y), y growing northward."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def project(latitude: float, longitude: float) -> tuple[int, int]:
    """A place on the map's canvas, exactly as the country shapes were drawn."""
    canvas = shapes().projection
    x, y = equal_earth(longitude, latitude)
    return (
        round((x - canvas["left"]) * canvas["scale"] + canvas["margin"]),
        round((canvas["top"] - y) * canvas["scale"] + canvas["margin"]),
    )


@dataclass(frozen=True)
class MarkedCountry:
    number: int
    country: CountryFacts
    name: str
    outline: str | None
    centre: tuple[int, int] | None
    small: bool  # its marker would hide it: the marker goes beside it, with a line to a dot on it

    @property
    def point(self) -> tuple[int, int]:
        """Its centre, for a country that is drawn (``drawn``)."""
        if self.centre is None:
            raise ValueError(f"{self.name} is not drawn on the map")
        return self.centre

    @property
    def drawn(self) -> bool:
        return self.centre is not None


def city_of(country: CountryFacts) -> City | None:
    """The city of a country whose every current mission is a post in that one city, else None."""
    cities = {mission.city for mission in country.current}
    if len(cities) == 1:
        (city,) = cities
        return city
    return None


def marked_countries(facts: Facts, fmt: Localizer) -> list[MarkedCountry]:
    """The places with current missions, numbered west to east (the order a reader scans); a place
    not drawn at this scale comes last. A post in one city is a point at the city."""
    language = fmt.language
    found: list[tuple[str, CountryFacts, str | None, tuple[int, int] | None, bool]] = []
    for country in facts.countries_now:
        city = city_of(country)
        name = country.place.name[language]
        if city is not None:
            point = project(city.latitude, city.longitude)
            found.append((fmt.t("map.city", country=name, city=city.name[language]), country, None, point, True))
        else:
            if country.place.iso2 is not None:
                outline, centre, small = shapes().where(country.place.iso2)
            else:
                outline, centre, small = shapes().where_unassigned(country.place.name["en"])
            found.append((name, country, outline, centre, small))

    def west_to_east(item: tuple[str, CountryFacts, str | None, tuple[int, int] | None, bool]) -> tuple[Any, ...]:
        name, country, _, centre, _ = item
        return (centre is None, centre[0] if centre else 0, name.casefold(), country.place.code)

    return [
        MarkedCountry(number, country, name, outline, centre, small)
        for number, (name, country, outline, centre, small) in enumerate(sorted(found, key=west_to_east), start=1)
    ]


@dataclass(frozen=True)
class Layout:
    view: tuple[float, float, float, float]  # the viewBox: x, y, width, height in map units
    radius: float  # every marker's radius, in map units
    markers: dict[int, tuple[float, float]]  # country number -> where its marker is drawn


# Layouts already worked out, by everything a layout reads of its markers (number, place, size,
# outline): pushing 150 markers apart took a quarter of a second at 1,000 operations (issue 21), and
# the preview draws the same maps again on every rebuild. One per language: two places at the same
# longitude are numbered in the order of their names, which the languages can order differently.
_LAYOUTS: dict[tuple[tuple[int, tuple[int, int], bool, str | None], ...], Layout] = {}


def layout(marked: list[MarkedCountry]) -> Layout:
    """Where to look and where each marker goes: markers big enough on a phone, none overlapping."""
    drawn = [country for country in marked if country.drawn]
    key = tuple((country.number, country.point, country.small, country.outline) for country in drawn)
    if key not in _LAYOUTS:
        if len(_LAYOUTS) >= len(LANGUAGES):
            _LAYOUTS.clear()  # only the latest data's layouts are kept
        _LAYOUTS[key] = _layout(drawn)
    return _LAYOUTS[key]


def _layout(drawn: list[MarkedCountry]) -> Layout:
    if not drawn:
        world = shapes()
        return Layout((0, 0, world.width, world.height), MIN_MARKER_PX / 2 * world.width / PHONE_MAP_PX, {})
    radius = MIN_MARKER_PX / 2
    for _ in range(4):  # the area shown depends on the markers' size, and their size on the area
        markers = _place(drawn, radius)
        view = _view(drawn, markers, radius)
        needed = math.ceil(MIN_MARKER_PX / 2 * view[2] / PHONE_MAP_PX * 10) / 10
        if needed <= radius:
            break
        radius = needed
    return Layout(view, radius, markers)


def _place(drawn: list[MarkedCountry], radius: float) -> dict[int, tuple[float, float]]:
    """Each marker on its place; a small place's marker beside it, on the side away from the other
    places (so a cluster, such as Europe's, fans out instead of stacking), then markers pushed apart
    from each other and from every place's dot, so no marker hides another or the place it names."""
    away = 2 * radius + 4
    near = 5 * radius  # places this close form a cluster, whose markers fan out from its middle

    def beside(country: MarkedCountry) -> tuple[float, float]:
        x, y = country.point
        cluster = [c.point for c in drawn if abs(c.point[0] - x) < near and abs(c.point[1] - y) < near]
        if len(cluster) < 2:
            cluster = [c.point for c in drawn]
        cx = sum(px for px, _ in cluster) / len(cluster)
        cy = sum(py for _, py in cluster) / len(cluster)
        dx, dy = x - cx, y - cy
        length = (dx * dx + dy * dy) ** 0.5
        if length < 1:
            dx, dy, length = 0.0, -1.0, 1.0  # the middle of its cluster: straight up
        return x + dx / length * away, y + dy / length * away

    spots = {country.number: beside(country) if country.small else (float(country.point[0]), float(country.point[1]))
             for country in drawn}
    dots = [(float(c.point[0]), float(c.point[1])) for c in drawn if c.small]
    clear = radius + 8  # a marker's centre keeps this far from any dot: its edge clears the dot
    apart = 2 * radius + GAP
    minus_clear, minus_apart = -clear, -apart  # the bounds' other side, worked out once
    numbers = sorted(spots)
    movable = {c.number: c.small for c in drawn}
    xs, ys = [spots[n][0] for n in numbers], [spots[n][1] for n in numbers]
    count = len(numbers)
    for _ in range(200):  # a fixed number of rounds, in a fixed order: the same input, the same map
        moved = False
        for i in range(count):
            # Marker i's place is kept in xi, yi while it is compared with every later marker and
            # every dot, and written back once: the same arithmetic in the same order (so the same
            # map), with less indexing, and most pairs stop at the first axis (about a fifth faster).
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, count):
                # Two markers a marker's width apart on one axis are apart: no square root needed.
                dx = xs[j] - xi
                if not minus_apart < dx < apart:
                    continue
                dy = ys[j] - yi
                if not minus_apart < dy < apart:
                    continue
                distance = (dx * dx + dy * dy) ** 0.5
                if distance >= apart - 0.01:
                    continue
                if distance < 0.01:
                    dx, dy, distance = 1.0, 0.0, 1.0
                push = (apart - distance) / 2
                ux, uy = dx / distance * push, dy / distance * push
                xi, yi, xs[j], ys[j] = xi - ux, yi - uy, xs[j] + ux, ys[j] + uy
                moved = True
            if movable[numbers[i]]:
                for x, y in dots:  # a marker beside its place keeps off every place's dot, its own too
                    dx = xi - x
                    if not minus_clear < dx < clear:
                        continue
                    dy = yi - y
                    if not minus_clear < dy < clear:
                        continue
                    distance = (dx * dx + dy * dy) ** 0.5
                    if distance >= clear - 0.01:
                        continue
                    if distance < 0.01:
                        dx, dy, distance = 1.0, -1.0, 2**0.5
                    xi, yi = x + dx / distance * clear, y + dy / distance * clear
                    moved = True
            xs[i], ys[i] = xi, yi
        if not moved:
            break
    where = {number: k for k, number in enumerate(numbers)}
    return {number: (round(xs[where[number]], 1), round(ys[where[number]], 1)) for number in spots}


def _view(
    drawn: list[MarkedCountry], markers: dict[int, tuple[float, float]], radius: float
) -> tuple[float, float, float, float]:
    """The area that holds every marker and place with a margin, at least MIN_VIEW, inside the world."""
    world = shapes()
    margin = radius + 20
    xs = [x for x, _ in markers.values()] + [c.point[0] for c in drawn]
    ys = [y for _, y in markers.values()] + [c.point[1] for c in drawn]
    left, right, top, bottom = min(xs) - margin, max(xs) + margin, min(ys) - margin, max(ys) + margin
    for country in drawn:  # a large place is shown whole
        if country.outline:
            x0, y0, x1, y1 = _extent(country.outline)
            left, right, top, bottom = min(left, x0 - 10), max(right, x1 + 10), min(top, y0 - 10), max(bottom, y1 + 10)
    width = max(right - left, MIN_VIEW[0])
    height = max(bottom - top, MIN_VIEW[1], width / MAX_RATIO)
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    width, height = min(width, world.width), min(height, world.height)
    x = min(max(centre_x - width / 2, 0), world.width - width)
    y = min(max(centre_y - height / 2, 0), world.height - height)
    return round(x, 1), round(y, 1), round(width, 1), round(height, 1)


def link_label(country: MarkedCountry, fmt: Localizer) -> str:
    """What a screen reader announces for a marked country: "1. Haiti: 1 current mission"."""
    count = len(country.country.current)
    key = "map.link.one" if count == 1 else "map.link.other"
    return fmt.t(key, number=fmt.number(country.number), country=country.name, missions=fmt.number(count))


def render(facts: Facts, fmt: Localizer, country_href: Callable[[str], str]) -> str:
    """The map as an ``<svg>`` element; ``country_href(code)`` gives the link to a country's page."""
    world = shapes()
    marked = marked_countries(facts, fmt)
    plan = layout(marked)
    title = fmt.t("map.title", date=fmt.long_day(facts.as_of))
    description = fmt.t("map.desc", countries=fmt.number(len(marked)), date=fmt.long_day(facts.as_of))
    x, y, width, height = plan.view
    radius = plan.radius
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pk-map__svg" viewBox="{x:g} {y:g} {width:g} {height:g}" '
        f'role="group" aria-labelledby="{ID}-title" aria-describedby="{ID}-desc" data-map="deployments">',
        f'<title id="{ID}-title">{escape(title)}</title>',
        f'<desc id="{ID}-desc">{escape(description)}</desc>',
        f"<defs>{_hatch('pk-map-hatch')}</defs>",
        f'<rect class="pk-map__sea" aria-hidden="true" x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" '
        'fill="#ffffff"/>',
        f'<path class="pk-map__land" aria-hidden="true" {LAND} d="{_all_land(world)}"/>',
    ]
    for country in marked:
        if not country.drawn:
            continue
        mx, my = plan.markers[country.number]
        label = escape(link_label(country, fmt))
        parts.append(
            f'<a class="pk-map__link" href="{escape(country_href(country.country.place.code))}" '
            f'aria-label="{label}" data-country="{escape(country.country.place.code)}">'
            f"<title>{label}</title>"
        )
        if country.outline:
            parts.append(f'<path class="pk-map__shape" {MARKED} d="{country.outline}"/>')
        cx, cy = country.point
        if (mx, my) != (cx, cy):
            callout = f'x1="{cx}" y1="{cy}" x2="{mx:g}" y2="{my:g}"'
            parts.append(f'<line class="pk-map__callout" {callout} stroke="#000000" stroke-width="2"/>')
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="#000000"/>')
        parts.append(f'<circle class="pk-map__marker" cx="{mx:g}" cy="{my:g}" r="{radius:g}" {MARKER_STYLE}/>')
        parts.append(
            f'<text class="pk-map__number" x="{mx:g}" y="{my:g}" font-size="{round(radius * 1.2, 1):g}" {NUMBER_STYLE}>'
            f"{fmt.number(country.number)}</text>"
        )
        parts.append("</a>")
    parts.append("</svg>")
    return "\n".join(parts)


def _extent(outline: str) -> tuple[int, int, int, int]:
    """The bounding box of an outline: "M x y" starts a ring, "l dx dy ..." moves from there."""
    xs, ys = [], []
    for command, numbers in re.findall(r"([Ml])([^Mlz]*)", outline):
        values = [int(n) for n in re.findall(r"-?\d+", numbers)]
        pairs = list(zip(values[0::2], values[1::2], strict=True))
        if command == "M":
            x, y = pairs[0]
            xs.append(x)
            ys.append(y)
            pairs = pairs[1:]
        for dx, dy in pairs:
            x, y = x + dx, y + dy
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def _all_land(world: Shapes) -> str:
    """Every country's outline in one path: the unmarked map costs one element, not two hundred."""
    return "".join(shape["d"] for shape in world.countries.values()) + "".join(
        shape["d"] for shape in world.unassigned.values()
    )


def legend_swatch() -> str:
    """The small striped, outlined, numbered sample that the legend's words explain."""
    r = SWATCH_RADIUS
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="pk-map__swatch" viewBox="0 0 60 32" width="60" height="32" '
        'aria-hidden="true" focusable="false">'
        f"<defs>{_hatch('pk-map-hatch-key')}</defs>"
        '<rect x="1" y="6" width="24" height="20" fill="url(#pk-map-hatch-key)" stroke="#000000" stroke-width="1.5"/>'
        f'<circle class="pk-map__marker" cx="{60 - r - 2}" cy="16" r="{r}" {MARKER_STYLE}/>'
        f'<text class="pk-map__number" x="{60 - r - 2}" y="16" font-size="16" {NUMBER_STYLE}>1</text></svg>'
    )


def _hatch(pattern_id: str) -> str:
    """Diagonal lines (navy, from site.css) on white: the fill of a marked country, in any colour vision."""
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">'
        '<rect width="5" height="5" fill="#ffffff"/>'
        '<line class="pk-map__hatch" x1="0" y1="0" x2="0" y2="5" stroke="#000000" stroke-width="2.5"/>'
        "</pattern>"
    )
