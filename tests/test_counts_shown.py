"""Every count is checked on every page and in every language that shows it, not only on the home page.

Why: a mission count off by one on the fact sheet, or a total row that nothing read, passed every
test while the home page's count was right. Here each count is compared, where it is shown, with
the tests' own reading of the data (tests/plainyaml.py, tests/dated.py):

- the real site: the home page's and the fact sheet's counts and program figures, and the counts in
  the total row of Current deployments, in both languages;
- a site built from a copy of the data with figures of the tests' own (the real data has no
  comparable total, and no two figures of one date): every current mission gets two deployed
  figures of the same day, the one written last the one to show, and an authorized strength of that
  day, so that the totals are numbers; each cell, the total row, the home page's total and the open
  data's totals are compared with what the test wrote.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import plainyaml
import pytest
import sharedbuild
from conftest import ROOT, copy_inputs, run_build
from dated import is_current, latest, rank, sources
from htmltree import Element, page

LANGUAGES = ("en", "fr")
HOME = {"en": "", "fr": "fr/"}
FACT_SHEET = {"en": "fact-sheet/", "fr": "fr/fiche-information/"}
DEPLOYMENTS = {"en": "deployments/", "fr": "fr/deploiements/"}
PROGRAM_FIGURES = ("officers_served", "operations", "countries", "partner_services")


def digits(text: str) -> int:
    found = re.sub(r"\D", "", text)
    assert found, f"no number in {text!r}"
    return int(found)


def figure_text(element: Element) -> str:
    """The words of a fact without its date (the date after the figure has digits of its own)."""
    text = element.text
    for when in element.find_all("span", **{"class": "pk-when"}):
        text = text.replace(when.text, "")
    return text


def facts_on(site: Path, address: str) -> dict[str, list[Element]]:
    found: dict[str, list[Element]] = {}
    for element in page(site, address).find_all(data_fact=True):
        found.setdefault(element.attrs["data-fact"], []).append(element)
    return found


def program_latest(name: str) -> dict:
    """The newest statement of a program figure: by the ranking rules, the last written on a tie."""
    statements = plainyaml.read(ROOT / "data" / "program.yaml")["program"]["facts"][name]
    known = sources()
    return max(enumerate(statements), key=lambda pair: (rank(pair[1], known), pair[0]))[1]


def current_counts(missions: list[dict]) -> tuple[int, int]:
    current = [m for m in missions if is_current(m)]
    return len(current), len({m["country"] for m in current})


# --- The real site ----------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_and_the_fact_sheet_show_each_program_figures_newest_statement(built_site, language):
    for address in (HOME[language], FACT_SHEET[language]):
        facts = facts_on(built_site, address)
        for name in PROGRAM_FIGURES:
            shown = facts[name]
            assert len(shown) == 1, (address, name)
            figure = shown[0].find("span", **{"class": "pk-figure"})
            assert digits(figure.text) == program_latest(name)["count"], (address, name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_shows_the_newest_count_of_officers_serving(built_site, language):
    shown = facts_on(built_site, HOME[language])["officers-serving"]
    assert len(shown) == 1
    assert digits(figure_text(shown[0])) == program_latest("officers_serving")["count"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_count_of_missions_and_countries_now_agrees_with_the_data_on_every_page(built_site, language):
    missions, countries = current_counts(plainyaml.read(ROOT / "data" / "missions.yaml")["missions"])
    home = facts_on(built_site, HOME[language])
    assert [digits(e.text) for e in home["missions-now"]] == [missions]
    assert [digits(e.text) for e in home["countries-now"]] == [countries]
    sheet = facts_on(built_site, FACT_SHEET[language])
    assert [digits(e.find("span", **{"class": "pk-figure"}).text) for e in sheet["missions-now"]] == [missions]
    # The total row of Current deployments names both counts: "Total: 8 missions in 7 countries ..."
    total_row = page(built_site, DEPLOYMENTS[language]).find("tfoot").find("th")
    assert [int(n) for n in re.findall(r"\d+", total_row.text)] == [missions, countries], total_row.text


# --- A site with figures of the tests' own: ties and comparable totals ----------------------------------
DAY = "2026-11-30"  # the day the real data was checked up to: no real figure is newer


def _officers_lines(text: str, mission_id: str, lines: list[str]) -> str:
    """``lines`` at the head of the mission's officers: list (made if it has none)."""
    at = text.index(f"- id: {mission_id}\n")
    following = text.find("\n  - id: ", at + 1)
    block_end = len(text) if following == -1 else following + 1
    block = text[at:block_end]
    added = "".join(f"      - {line}\n" for line in lines)
    if "\n    officers:\n" in block:
        block = block.replace("\n    officers:\n", "\n    officers:\n" + added, 1)
    else:  # a mapping's keys in any order: at the end of the mission
        block = block.rstrip("\n") + "\n    officers:\n" + added
    return text[:at] + block + text[block_end:]


def _planted(missions: list[dict]) -> dict[str, dict[str, int]]:
    """What the test writes for each current mission: the deployed figure to show (written after a
    decoy of the same day) and its authorized strength, all of one day."""
    current = [m for m in missions if is_current(m)]
    return {m["id"]: {"decoy": 900 + i, "deployed": 11 + i, "authorized": 51 + i} for i, m in enumerate(current)}


@pytest.fixture(scope="module")
def tied_site(tmp_path_factory) -> tuple[Path, Path, dict[str, dict[str, int]]]:
    missions = plainyaml.read(ROOT / "data" / "missions.yaml")["missions"]
    planted = _planted(missions)

    def build(folder: Path) -> None:
        root = copy_inputs(folder / "repo")
        path = root / "data" / "missions.yaml"
        text = path.read_text(encoding="utf-8")
        for mission in missions:
            if mission["id"] in planted:
                values, source = planted[mission["id"]], mission["status"][0]["source"]
                text = _officers_lines(
                    text,
                    mission["id"],
                    [
                        f"{{kind: deployed, count: {values['decoy']}, as_of: {DAY}, source: {source}}}",
                        f"{{kind: deployed, count: {values['deployed']}, as_of: {DAY}, source: {source}}}",
                        f"{{kind: authorized, count: {values['authorized']}, as_of: {DAY}, source: {source}}}",
                    ],
                )
        path.write_text(text, encoding="utf-8")
        result = run_build(root, folder / "site")
        assert result.returncode == 0, result.stdout + result.stderr

    folder = sharedbuild.shared(tmp_path_factory, "tied-figures", build)
    return folder / "repo", folder / "site", planted


def test_the_tests_own_figures_are_the_newest_by_the_tests_own_reading(tied_site):
    """The scenario is what the other tests take it to be: each planted figure is its mission's newest."""
    root, _site, planted = tied_site
    known = sources(root)
    for mission in plainyaml.read(root / "data" / "missions.yaml")["missions"]:
        if mission["id"] in planted:
            assert latest(mission, "deployed", known)["count"] == planted[mission["id"]]["deployed"]
            assert latest(mission, "authorized", known)["count"] == planted[mission["id"]]["authorized"]
            assert latest(mission, "authorized_up_to", known) is None or rank(
                latest(mission, "authorized_up_to", known), known, mission
            ) < rank(latest(mission, "authorized", known), known, mission), mission["id"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_row_shows_the_figure_written_last_of_its_day_and_the_total_row_is_their_sum(tied_site, language):
    _root, site, planted = tied_site
    table = page(site, DEPLOYMENTS[language]).find("table", data_table="deployments")
    rows = {row.attrs["data-mission"]: row for row in table.find_all("tr", data_mission=True)}
    assert set(rows) == set(planted)
    for mission_id, values in planted.items():
        cells = {cell.attrs["data-fact"]: cell for cell in rows[mission_id].find_all(data_fact=True)}
        assert digits(figure_text(cells["deployed"])) == values["deployed"], mission_id
        assert digits(figure_text(cells["authorized"])) == values["authorized"], mission_id
    for kind in ("deployed", "authorized"):
        cell = table.find("td", data_fact=f"{kind}-total")
        assert digits(figure_text(cell)) == sum(v[kind] for v in planted.values()), (kind, cell.text)
        assert "2026" in cell.text  # a total carries its date, the figures' one year


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_other_table_of_current_missions_shows_the_planted_figures(tied_site, language):
    _root, site, planted = tied_site
    tables = {"en": ("serving/", "fact-sheet/"), "fr": ("fr/servir-en-mission/", "fr/fiche-information/")}
    for address in tables[language]:
        rows = page(site, address).find_all("tr", data_mission=True)
        assert {row.attrs["data-mission"] for row in rows} == set(planted), address
        for row in rows:
            cell = row.find(data_fact="authorized")
            assert digits(figure_text(cell)) == planted[row.attrs["data-mission"]]["authorized"], address


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_country_page_shows_the_figure_written_last_of_its_day(tied_site, language):
    root, site, planted = tied_site
    missions = {m["id"]: m for m in plainyaml.read(root / "data" / "missions.yaml")["missions"]}
    folder = {"en": "countries", "fr": "fr/pays"}[language]
    seen = set()
    for index in sorted((site / folder).glob("*/index.html")):
        for section in page(site, f"{folder}/{index.parent.name}/").find_all("section", data_mission=True):
            mission_id = section.attrs["data-mission"]
            if mission_id in planted:
                seen.add(mission_id)
                shown = section.find("dd", data_fact="deployed")
                assert digits(figure_text(shown)) == planted[mission_id]["deployed"], mission_id
    assert seen == {m for m in planted if m in missions}


def test_the_open_datas_totals_are_the_sums_of_the_planted_figures(tied_site):
    _root, site, planted = tied_site
    totals = json.loads((site / "missions.json").read_text(encoding="utf-8"))["totals"]
    for kind in ("deployed", "authorized"):
        total = totals[f"officers_{kind}_now"]
        assert total["comparable"] is True
        assert total["sum"] == sum(v[kind] for v in planted.values())
        assert total["missions_with_figure"] == total["missions"] == len(planted)
