"""The chart of operations per year, and the table beside it: the same numbers, worked out here from
the start and end of each mission in data/missions.yaml."""
from __future__ import annotations

import itertools

import plainyaml
import pytest
from conftest import ROOT
from dated import start
from htmltree import page
from scenario import changed_site, operations_per_year, original, read_missions  # noqa: F401

from peaceops.outputs.chart import labelled_years, y_step

PAGES = {"en": "past-operations/", "fr": "fr/operations-passees/"}


def table_counts(site, address) -> dict[int, int]:
    table = page(site, address).find("table", data_table="per-year")
    return {int(tr.attrs["data-year"]): int(tr.find("td").attrs["data-count"] or 0) for tr in table.find_all("tr", data_year=True)}


def blank_years(site, address) -> set[int]:
    """Years the table leaves blank (a dash, with its reason), never drawing them as zero."""
    table = page(site, address).find("table", data_table="per-year")
    return {int(tr.attrs["data-year"]) for tr in table.find_all("tr", data_year=True) if tr.find("td").text.startswith("—")}


def bar_counts(site, address) -> dict[int, int]:
    svg = page(site, address).find("svg", data_chart="operations-per-year")
    return {int(rect.attrs["data-year"]): int(rect.attrs["data-count"]) for rect in svg.find_all("rect", data_year=True)}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_table_beside_the_chart_gives_every_year(built_site, language, original):
    assert table_counts(built_site, PAGES[language]) == operations_per_year(original)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_years_without_a_documented_operation_are_blank_not_zero(built_site, language, original):
    expected = {year for year, n in operations_per_year(original).items() if not n}
    assert expected, "the data has years without a documented operation (1991-1993)"
    assert blank_years(built_site, PAGES[language]) == expected
    caption = page(built_site, PAGES[language]).find("div", data_figure="chart").find("figcaption")
    assert f" {len(original)} " in f" {caption.text} "  # the chart says how many operations it counts


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_bars_show_the_same_numbers(built_site, language, original):
    expected = {year: n for year, n in operations_per_year(original).items() if n}
    assert bar_counts(built_site, PAGES[language]) == expected


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_chart_is_one_image_with_a_title_and_a_description(built_site, language, original):
    text = plainyaml.read(ROOT / "data" / "interface.yaml")["text"]
    svg = page(built_site, PAGES[language]).find("svg", data_chart="operations-per-year")
    assert svg.attrs["role"] == "img"
    title_id, description_id = svg.attrs["aria-labelledby"].split()
    assert svg.find("title", id=title_id).text == text["chart.title"][language]
    counts = operations_per_year(original)
    description = svg.find("desc", id=description_id).text
    assert str(min(counts)) in description and str(max(counts)) in description
    assert str(max(counts.values())) in description
    assert text["chart.axis.year"][language] in svg.text


def test_the_history_page_gives_the_first_year_and_lists_every_ended_operation(built_site, original):
    first = min(int(start(m)[:4]) for m in original if start(m))
    ended = {m["id"] for m in original if m["status"][-1]["state"] == "ended"}
    assert 0 < len(ended) < len(original)
    for address in PAGES.values():
        document = page(built_site, address)
        heading = document.find("h1")
        siblings = [c for c in heading.parent.children if not isinstance(c, str)]
        introduction = next(e for e in siblings[siblings.index(heading) + 1:] if e.tag == "p")
        assert f"{first}" in introduction.text and str(len(original)) in introduction.text
        assert str(len(ended)) in introduction.text
        assert {tr.attrs["data-mission"] for tr in document.find_all("tr", data_mission=True)} == ended


def test_the_chart_follows_the_data(changed_site):
    expected = operations_per_year(read_missions(changed_site.root))
    for address in PAGES.values():
        assert table_counts(changed_site.site, address) == expected
        assert bar_counts(changed_site.site, address) == {year: n for year, n in expected.items() if n}


@pytest.mark.parametrize("highest, step", [(1, 1), (6, 1), (7, 2), (12, 2), (13, 5), (30, 5), (31, 10), (600, 100)])
def test_value_lines_are_round_and_at_most_six(highest, step):
    assert y_step(highest) == step


def test_year_labels_include_both_ends_and_never_crowd():
    years = list(range(1989, 2014))
    labels = labelled_years(years)
    assert labels[0] == 1989 and labels[-1] == 2013
    assert all(b - a >= 3 for a, b in itertools.pairwise(labels))
    assert {1995, 2000, 2005} <= set(labels)
