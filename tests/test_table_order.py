"""The fact sheet's table of current missions is in the order its caption names: by country.

Why: its caption says "by country" ("par pays") and its first column is the country, but it was
ordered by the missions' acronyms, so a reader looking a country up found it anywhere. The expected
order is worked out here the way a reader looks a name up (accents and case set aside), not with the
site's own collation.
"""
from __future__ import annotations

import unicodedata

import pytest
from htmltree import page

FACT_SHEET = {"en": ("fact-sheet/", "by country"), "fr": ("fr/fiche-information/", "par pays")}


def looked_up(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.casefold()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_fact_sheet_lists_current_missions_by_country(built_site, language) -> None:
    address, words = FACT_SHEET[language]
    table = page(built_site, address).find("table", data_table="fact-sheet")
    assert table.find("caption").text.endswith(words)
    rows = [row.find_all("td") for row in table.find_all("tr", data_mission=True)]
    countries = [cells[0].text for cells in rows]
    assert len(set(countries)) >= 5
    assert countries == sorted(countries, key=looked_up), countries
    for country in set(countries):  # within a country, by the mission's short name
        names = [cells[1].text for cells in rows if cells[0].text == country]
        assert names == sorted(names, key=looked_up), (country, names)
