"""Every page that shows a mission's figure shows the exact figure the ranking rules give (issue 18).

Why: a test that accepts any figure of the right kind lets a change to the ranking through (reversing
the tie-break between two figures of the same date once changed 17 built files and no test failed).
The expected figure is the tests' own reading of the data (tests/dated.py): the newest by date, the
one written later on a tie; for "officers authorized", the newer of the authorized strength and the
"up to" ceiling, the ceiling on a tie. Each table cell and country-page fact is read as a reader reads
it: the number and whether it says "up to".
"""
from __future__ import annotations

import re

import pytest
from dated import is_current, latest, rank, sources
from htmltree import Element, page
from scenario import original  # noqa: F401  (a fixture)

UP_TO = {"en": "up to", "fr": "jusqu'à"}
# Each language's pages that show current missions' figures, and the table on each.
TABLES = {
    "en": {"deployments/": "deployments", "serving/": "serving", "fact-sheet/": "fact-sheet"},
    "fr": {"fr/deploiements/": "deployments", "fr/servir-en-mission/": "serving", "fr/fiche-information/": "fact-sheet"},
}
PAST = {"en": "past-operations/", "fr": "fr/operations-passees/"}
COUNTRY_PAGES = {"en": "countries", "fr": "fr/pays"}


def authorized(mission: dict, known: dict) -> dict | None:
    """The one authorized figure every table shows: the newer of the two kinds, the ceiling on a tie."""
    strength, ceiling = latest(mission, "authorized", known), latest(mission, "authorized_up_to", known)
    if strength is None:
        return ceiling
    if ceiling is None:
        return strength
    return ceiling if rank(ceiling, known, mission) >= rank(strength, known, mission) else strength


def shown(cell: Element, language: str) -> tuple[int, bool] | None:
    """The number a cell or fact shows and whether it is a ceiling ("up to 45"), or None for none."""
    when = cell.find_all("span", **{"class": "pk-when"})
    words = cell.text
    if when:
        words = words[: len(words) - len(when[0].text)]
    digits = re.sub(r"\D", "", words)
    if not digits:
        return None
    return int(digits), UP_TO[language] in words


def expected(figure: dict | None) -> tuple[int, bool] | None:
    return None if figure is None else (figure["count"], figure["kind"] == "authorized_up_to")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_tables_of_current_missions_show_the_newest_figures(built_site, original, language):
    known = sources()
    current = [m for m in original if is_current(m)]
    checked = 0
    for address, table_name in TABLES[language].items():
        table = page(built_site, address).find("table", data_table=table_name)
        rows = {row.attrs["data-mission"]: row for row in table.find_all("tr", data_mission=True)}
        assert set(rows) == {m["id"] for m in current}, address
        for mission in current:
            row = rows[mission["id"]]
            cells = {cell.attrs["data-fact"]: cell for cell in row.find_all(data_fact=True)}
            want = expected(authorized(mission, known))
            if want is None:  # a dash, or the row's sentence of what no source gives
                assert "authorized" not in cells or shown(cells["authorized"], language) is None
            else:
                assert shown(cells["authorized"], language) == want, (address, mission["id"])
                checked += 1
            if table_name == "deployments":
                assert shown(cells["deployed"], language) == expected(latest(mission, "deployed", known))
    assert checked >= 3 * 3  # at least three missions with an authorized figure, in all three tables


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_country_page_shows_each_kinds_newest_figure(built_site, original, language):
    known = sources()
    folder = COUNTRY_PAGES[language]
    sections = {}
    for index in sorted((built_site / folder).glob("*/index.html")):
        document = page(built_site, f"{folder}/{index.parent.name}/")
        sections.update({s.attrs["data-mission"]: s for s in document.find_all("section", data_mission=True)})
    assert set(sections) == {m["id"] for m in original}  # every mission, whatever its status
    checked = 0
    for mission in original:
        facts = {dd.attrs["data-fact"]: dd for dd in sections[mission["id"]].find_all("dd", data_fact=True)}
        for kind in ("deployed", "authorized", "authorized_up_to"):
            figure = latest(mission, kind, known)
            assert (kind in facts) == (figure is not None), (mission["id"], kind)
            if figure is not None:
                assert shown(facts[kind], language) == expected(figure), (mission["id"], kind)
                checked += 1
    assert checked >= 10


@pytest.mark.parametrize("language", ["en", "fr"])
def test_past_operations_shows_each_ended_operations_newest_deployed_figure(built_site, original, language):
    known = sources()
    rows = {row.attrs["data-mission"]: row for row in page(built_site, PAST[language]).find_all("tr", data_mission=True)}
    ended = [m for m in original if m["status"][-1]["state"] == "ended"]
    assert set(rows) == {m["id"] for m in ended}
    for mission in ended:
        cell = rows[mission["id"]].find("td", data_fact="deployed")
        assert shown(cell, language) == expected(latest(mission, "deployed", known)), mission["id"]
