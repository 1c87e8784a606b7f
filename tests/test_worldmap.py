"""The map of current deployments: drawn at build time from the Natural Earth copy, marked without
relying on colour, each marked country a named link to its page, and following the data.

Expected countries and counts come from data/missions.yaml and data/countries.yaml, read here.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import plainyaml
import pytest
from conftest import ROOT
from htmltree import page, resolve
from scenario import ENDED_CODE, NEW_CODE, changed_site, original, read_missions  # noqa: F401

SHAPES = ROOT / "peaceops" / "assets" / "world-110m.json"
PAGES = {"en": "deployments/", "fr": "fr/deploiements/"}


def yaml_file(name: str) -> dict:
    return plainyaml.read(ROOT / "data" / name)


def current_counts(missions: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for mission in missions:
        if mission["status"][-1]["state"] == "under_way":
            counts[mission["country"]] = counts.get(mission["country"], 0) + 1
    return counts


def the_map(site: Path, address: str):
    return page(site, address).find("svg", data_map="deployments")


def make_world_shapes():
    spec = importlib.util.spec_from_file_location("make_world_shapes", ROOT / "tools" / "make_world_shapes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shapes_file_is_compact_and_says_where_it_comes_from():
    assert SHAPES.stat().st_size < 150_000
    shapes = json.loads(SHAPES.read_text(encoding="utf-8"))
    assert "Natural Earth" in shapes["about"] and "world-atlas@2.0.2" in shapes["about"]
    assert "public domain" in shapes["about"]


def test_every_place_in_the_data_can_be_placed_on_the_map():
    shapes = json.loads(SHAPES.read_text(encoding="utf-8"))
    territories = yaml_file("countries.yaml")["territories"]
    for mission in yaml_file("missions.yaml")["missions"]:
        code = mission["country"]
        iso = territories[code].get("iso") if code in territories else code
        if iso is None:
            continue  # a territory with no ISO area (Kosovo) is named in the key, not drawn
        assert iso in shapes["countries"] or iso in shapes["points"], code


def test_no_outline_jumps_across_the_world():
    """Rings that cross longitude 180 (Fiji, Chukotka) are cut there, not drawn as lines across the map."""
    shapes = json.loads(SHAPES.read_text(encoding="utf-8"))
    for code, shape in shapes["countries"].items():
        for ring in re.findall(r"l([^Mz]*)z", shape["d"]):
            numbers = [int(n) for n in re.findall(r"-?\d+", ring)]
            assert all(abs(dx) < shapes["width"] / 2 for dx in numbers[0::2]), code


def test_a_ring_across_longitude_180_is_split_into_one_ring_on_each_side():
    tool = make_world_shapes()
    ring = [(178, -16), (180, -16), (-179, -16), (-179, -18), (180, -18), (178, -18)]
    pieces = tool.split_at_antimeridian(ring)
    assert len(pieces) == 2
    for piece in pieces:
        longitudes = [lon for lon, _ in piece]
        assert min(longitudes) >= -180 and max(longitudes) <= 180 and max(longitudes) - min(longitudes) <= 2
    assert sum(abs(tool.area(piece)) for piece in pieces) == pytest.approx(2 * 3)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_map_has_a_title_and_description_in_the_page_language(built_site, language, original):
    svg = the_map(built_site, PAGES[language])
    text = yaml_file("interface.yaml")["text"]
    assert svg.attrs["role"] == "group"  # not "img": an image's children, the links, would be hidden
    title = svg.find("title", id=svg.attrs["aria-labelledby"])
    description = svg.find("desc", id=svg.attrs["aria-describedby"])
    as_of = plainyaml.read(ROOT / "data" / "dataset.yaml")["as_of"]
    before, after = text["map.title"][language].split("{date}")
    assert title.text.startswith(before) and title.text.endswith(after)
    assert str(as_of.year) in title.text  # the map says when it speaks of
    assert str(len(current_counts(original))) in description.text
    assert not svg.find_all("script") and not svg.find_all("image")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_current_country_is_marked_numbered_and_linked_to_its_page(built_site, language, original):
    address = PAGES[language]
    counts = current_counts(original)
    svg = the_map(built_site, address)
    links = svg.find_all("a", data_country=True)
    assert {a.attrs["data-country"] for a in links} == set(counts)
    assert svg.find("pattern", id="pk-map-hatch")
    for link in links:
        target = resolve(built_site, address, link.attrs["href"])
        country_page = page(built_site, str(target.parent.relative_to(built_site)))
        name = country_page.find("h1").text
        label = link.attrs["aria-label"]
        assert name in label and str(counts[link.attrs["data-country"]]) in label
        assert country_page.find_all("section", data_mission=True)
        # Not by colour alone: a numbered marker, and (where the shape is drawn) a hatched, outlined fill.
        assert link.find("circle", **{"class": "pk-map__marker"})
        assert re.fullmatch(r"\d+", link.find("text").text)
        for shape in link.find_all("path"):
            assert shape.attrs["fill"] == "url(#pk-map-hatch)" and float(shape.attrs["stroke-width"]) >= 1


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_numbered_key_names_each_marker(built_site, language):
    document = page(built_site, PAGES[language])
    numbers = {a.attrs["data-country"]: int(a.find("text").text) for a in the_map(built_site, PAGES[language]).find_all("a", data_country=True)}
    key = document.find("ol", **{"class": "pk-map__key"}).find_all("a", data_country=True)
    assert [a.attrs["data-country"] for a in key] == sorted(numbers, key=numbers.get)
    assert [numbers[a.attrs["data-country"]] for a in key] == list(range(1, len(key) + 1))


def test_the_map_follows_the_data(changed_site):
    counts = current_counts(read_missions(changed_site.root))
    assert NEW_CODE in counts and ENDED_CODE not in counts
    for address in PAGES.values():
        marked = {a.attrs["data-country"] for a in the_map(changed_site.site, address).find_all("a", data_country=True)}
        assert marked == set(counts)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_map_shows_the_region_of_the_marked_places_with_markers_apart(built_site, language):
    """Markers never overlap (each number readable), and every marked place is inside the area shown."""
    svg = the_map(built_site, PAGES[language])
    x, y, width, height = (float(n) for n in svg.attrs["viewbox"].split())  # attribute names come lowercased
    assert width < 1000  # a region, not the whole world: markers big enough on a phone
    markers = [
        (float(c.attrs["cx"]), float(c.attrs["cy"]), float(c.attrs["r"]))
        for c in svg.find_all("circle", **{"class": "pk-map__marker"})
    ]
    for i, (x1, y1, r1) in enumerate(markers):
        assert x <= x1 - r1 and x1 + r1 <= x + width and y <= y1 - r1 and y1 + r1 <= y + height
        for x2, y2, r2 in markers[i + 1 :]:
            assert ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 >= r1 + r2
    # A marker moved off its place has a line back to a dot on it.
    for link in svg.find_all("a", data_country=True):
        marker = link.find("circle", **{"class": "pk-map__marker"})
        for line in link.find_all("line"):
            assert (line.attrs["x2"], line.attrs["y2"]) == (marker.attrs["cx"], marker.attrs["cy"])


# --- Issue 20: a truthful map -----------------------------------------------------------------------

def _places(svg) -> dict[int, tuple[float, float]]:
    """Number -> where its place is on the map: the dot a callout line leads to, else the marker."""
    found = {}
    for link in svg.find_all("a", data_country=True):
        number = int(link.find("text").text)
        lines = link.find_all("line")
        marker = link.find("circle", **{"class": "pk-map__marker"})
        found[number] = (
            (float(lines[0].attrs["x1"]), float(lines[0].attrs["y1"])) if lines else (float(marker.attrs["cx"]), float(marker.attrs["cy"]))
        )
    return found


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_post_in_one_city_is_a_point_at_the_city_not_the_country(built_site, language):
    from peaceops.outputs.worldmap import _extent, project, shapes

    [advisor] = [m for m in yaml_file("missions.yaml")["missions"] if m.get("city")]
    city = advisor["city"]
    assert city["name"]["en"] == "New York" and advisor["country"] == "US"
    svg = the_map(built_site, PAGES[language])
    [link] = svg.find_all("a", data_country="US")
    assert not link.find_all("path"), "the United States is not hatched for one advisor in New York"
    x, y = project(float(city["latitude"]), float(city["longitude"]))
    [dot] = [c for c in link.find_all("circle") if c.attrs.get("r") == "3"]
    assert (float(dot.attrs["cx"]), float(dot.attrs["cy"])) == (x, y)
    assert city["name"][language] in link.attrs["aria-label"]
    # The projection is the shapes' own: New York falls inside the United States' outline's box.
    x0, y0, x1, y1 = _extent(shapes().countries["US"]["d"])
    assert x0 <= x <= x1 and y0 <= y <= y1
    key = page(built_site, PAGES[language]).find("ol", **{"class": "pk-map__key"})
    assert city["name"][language] in key.find("a", data_country="US").text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_numbers_run_west_to_east_and_the_list_follows(built_site, language):
    places = _places(the_map(built_site, PAGES[language]))
    xs = [places[number][0] for number in sorted(places)]
    assert xs == sorted(xs) and len(xs) >= 3


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_marked_shape_is_cut_at_the_edge(built_site, language):
    """A hatched outline is shown whole (a stray fragment such as Hawaii at the edge would not be)."""
    from peaceops.outputs.worldmap import _extent

    svg = the_map(built_site, PAGES[language])
    x, y, width, height = (float(n) for n in svg.attrs["viewbox"].split())
    for link in svg.find_all("a", data_country=True):
        for shape in link.find_all("path"):
            x0, y0, x1, y1 = _extent(shape.attrs["d"])
            assert x <= x0 and x1 <= x + width and y <= y0 and y1 <= y + height, link.attrs["data-country"]


def test_a_city_s_coordinates_are_checked_at_their_line(tmp_path):
    from conftest import copy_inputs, edit, run_check

    root = copy_inputs(tmp_path / "repo")
    path = root / "data" / "missions.yaml"
    edit(path, "      latitude: 40.71427\n", "      latitude: 40,71427\n")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "40,71427" in text)
    result = run_check(root)
    assert result.returncode == 1
    assert (
        f"data/missions.yaml:{line}:17: latitude must be a number of degrees between -90 and 90, written "
        'with a point (40.71427; south and west are negative), got "40,71427"'
    ) in result.stderr
