"""The world map of current deployments, drawn at build time as inline SVG.

Why: a map says "where" at a glance, but it must not need JavaScript, a map library or a tile
server (no request may leave for another host), and it must work without colour and without
sight. So the shapes come from a compact copy of Natural Earth kept in the package
(``assets/world-110m.json``, made by ``tools/make_world_shapes.py``); each country with Canadian
police now is hatched, outlined AND numbered, and is a link to its page whose accessible name says
which country and how many missions. The numbered key under the map and the deployments table are
its text alternative. Which countries are marked, and their counts, come only from ``facts``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.resources import files
from typing import Callable

from .facts import CountryFacts, Facts
from .localize import Localizer

SHAPES_FILE = "world-110m.json"
ID = "pk-map"
MARKER_RADIUS = 13
CALLOUT = (20, -22)  # where a small country's marker goes, from its centre

# How the map looks without site.css (it is also readable that way); focus and hover are in site.css.
LAND = 'fill="#d9dee4" stroke="#ffffff" stroke-width="0.5"'
MARKED = 'fill="url(#pk-map-hatch)" stroke="#000000" stroke-width="1.5" stroke-linejoin="round"'
MARKER = f'r="{MARKER_RADIUS}" fill="#ffffff" stroke="#26374a" stroke-width="2"'
NUMBER = 'text-anchor="middle" dominant-baseline="central" font-size="16" font-weight="700" fill="#26374a"'


@dataclass(frozen=True)
class Shapes:
    width: int
    height: int
    countries: dict[str, dict]  # alpha-2 -> {"d": path data, "c": [x, y] marker position}
    points: dict[str, list[int]]  # alpha-2 -> [x, y], for countries too small to draw at this scale
    unassigned: dict[str, dict]  # land with no ISO code (Kosovo, Somaliland ...), drawn but never marked

    def where(self, iso2: str | None) -> tuple[str | None, tuple[int, int] | None, bool]:
        """(outline path data or None, the place's centre or None, whether it is too small for a marker on it)."""
        if iso2 in self.countries:
            shape = self.countries[iso2]
            return shape["d"], tuple(shape["c"]), shape["s"] < 2 * MARKER_RADIUS + 4
        if iso2 in self.points:
            return None, tuple(self.points[iso2]), True
        return None, None, False


@cache
def shapes() -> Shapes:
    raw = json.loads(files("peaceops").joinpath("assets", SHAPES_FILE).read_text(encoding="utf-8"))
    return Shapes(raw["width"], raw["height"], raw["countries"], raw["points"], raw["unassigned"])


@dataclass(frozen=True)
class MarkedCountry:
    number: int
    country: CountryFacts
    name: str
    outline: str | None
    centre: tuple[int, int] | None
    small: bool  # its marker would hide it: the marker goes beside it, with a line to a dot on it

    @property
    def drawn(self) -> bool:
        return self.centre is not None

    @property
    def marker(self) -> tuple[int, int] | None:
        if self.centre is None or not self.small:
            return self.centre
        return self.centre[0] + CALLOUT[0], self.centre[1] + CALLOUT[1]


def marked_countries(facts: Facts, language: str) -> list[MarkedCountry]:
    """The countries with current missions, numbered in the order of their names in ``language``."""
    ordered = sorted(facts.countries_now, key=lambda c: (c.place.name[language].casefold(), c.place.code))
    marked = []
    for number, country in enumerate(ordered, start=1):
        outline, centre, small = shapes().where(country.place.iso2)
        marked.append(MarkedCountry(number, country, country.place.name[language], outline, centre, small))
    return marked


def link_label(country: MarkedCountry, fmt: Localizer) -> str:
    """What a screen reader announces for a marked country: "1. Haiti: 1 current mission"."""
    count = len(country.country.current)
    key = "map.link.one" if count == 1 else "map.link.other"
    return fmt.t(key, number=fmt.number(country.number), country=country.name, missions=fmt.number(count))


def render(facts: Facts, fmt: Localizer, country_href: Callable[[str], str]) -> str:
    """The map as an ``<svg>`` element; ``country_href(code)`` gives the link to a country's page."""
    world = shapes()
    marked = marked_countries(facts, fmt.language)
    title = fmt.t("map.title")
    description = fmt.t("map.desc", countries=fmt.number(len(marked)))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pk-map__svg" viewBox="0 0 {world.width} {world.height}" '
        f'role="group" aria-labelledby="{ID}-title" aria-describedby="{ID}-desc" data-map="deployments">',
        f'<title id="{ID}-title">{escape(title)}</title>',
        f'<desc id="{ID}-desc">{escape(description)}</desc>',
        f"<defs>{_hatch('pk-map-hatch')}</defs>",
        f'<path class="pk-map__land" aria-hidden="true" {LAND} d="{_all_land(world)}"/>',
    ]
    for country in marked:
        if not country.drawn:
            continue
        x, y = country.marker
        label = escape(link_label(country, fmt))
        parts.append(
            f'<a class="pk-map__link" href="{escape(country_href(country.country.place.code))}" '
            f'aria-label="{label}" data-country="{escape(country.country.place.code)}">'
            f"<title>{label}</title>"
        )
        if country.outline:
            parts.append(f'<path class="pk-map__shape" {MARKED} d="{country.outline}"/>')
        if country.small:
            cx, cy = country.centre
            parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x}" y2="{y}" stroke="#26374a" stroke-width="1.5"/>')
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="2.5" fill="#000000"/>')
        parts.append(f'<circle class="pk-map__marker" cx="{x}" cy="{y}" {MARKER}/>')
        parts.append(f'<text class="pk-map__number" x="{x}" y="{y}" {NUMBER}>{fmt.number(country.number)}</text>')
        parts.append("</a>")
    parts.append("</svg>")
    return "\n".join(parts)


def _all_land(world: Shapes) -> str:
    """Every country's outline in one path: the unmarked map costs one element, not two hundred."""
    return "".join(shape["d"] for shape in world.countries.values()) + "".join(
        shape["d"] for shape in world.unassigned.values()
    )


def legend_swatch() -> str:
    """The small hatched, outlined, numbered sample that the legend's words explain."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="pk-map__swatch" viewBox="0 0 52 28" width="52" height="28" '
        'aria-hidden="true" focusable="false">'
        f"<defs>{_hatch('pk-map-hatch-key')}</defs>"
        '<rect x="1" y="5" width="22" height="18" fill="url(#pk-map-hatch-key)" stroke="#000000" stroke-width="1.5"/>'
        f'<circle cx="{52 - MARKER_RADIUS - 2}" cy="14" {MARKER}/>'
        f'<text x="{52 - MARKER_RADIUS - 2}" y="14" {NUMBER}>1</text></svg>'
    )


def _hatch(pattern_id: str) -> str:
    """Diagonal navy lines on white: the fill of a marked country, visible in any colour vision."""
    return (
        f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">'
        '<rect width="5" height="5" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#26374a" stroke-width="2.5"/>'
        "</pattern>"
    )
