"""Tables of current missions whose first column is the country are in the order of countries.

Why: the fact sheet's caption says "by country" ("par pays") and the Serving on a mission table starts
with the country, but both were ordered by the missions' acronyms, so a reader looking a country up
found it anywhere. The expected order is worked out here the way a reader looks a name up (accents
and case set aside), not with the site's own collation.
"""
from __future__ import annotations

import unicodedata

import pytest
from htmltree import page

FACT_SHEET = {"en": ("fact-sheet/", "by country"), "fr": ("fr/fiche-information/", "par pays")}
SERVING = {"en": "serving/", "fr": "fr/servir-en-mission/"}


def looked_up(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.casefold()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_fact_sheet_lists_current_missions_by_country(built_site, language) -> None:
    address, words = FACT_SHEET[language]
    table = page(built_site, address).find("table", data_table="fact-sheet")
    assert table.find("caption").text.endswith(words)
    assert_by_country([row.find_all("td") for row in table.find_all("tr", data_mission=True)])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_serving_table_lists_current_missions_by_country(built_site, language) -> None:
    table = page(built_site, SERVING[language]).find("table", data_table="serving")
    rows = [row.find_all("td") for row in table.find_all("tr", data_mission=True)]
    # A row whose last cells no source gives says so in one cell across them; its first two remain.
    assert_by_country(rows)


def assert_by_country(rows: list) -> None:
    """The first cell (the country) in a reader's alphabetical order, then the second (the mission)."""
    countries = [cells[0].text for cells in rows]
    assert len(set(countries)) >= 5
    assert countries == sorted(countries, key=looked_up), countries
    for country in set(countries):  # within a country, by the mission's short name
        names = [cells[1].text for cells in rows if cells[0].text == country]
        assert names == sorted(names, key=looked_up), (country, names)
