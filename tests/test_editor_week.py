"""An editor's week (issue 35), replayed on a copy of the real data with the edits made as EDITING.md
shows them: a figure of December 1, 2026 for MONUSCO, UNMIK's end on November 30, 2026, a new source
and a bilateral mission in Guatemala from December 5, 2026 working in Spanish with up to 5 officers,
UNMISS's French name corrected, each entry's updated: set (found with make find, as the guide says),
and the date moved. Each edit is checked on every page and file it should change (home, current
deployments, serving, the country pages, past operations, both languages, the feeds, the open data),
and the pages it should not change are compared with the real site's.

The site is built once per test run (the session's fixture), then every test reads it. Expected values
come from the YAML as plainyaml reads it, from data/interface.yaml and from Babel's CLDR data, not from
the peaceops package. The Kosovo tests wait for issue 29 (a mission's periods in the pages' words): they
fail until its branch is merged, and are not skipped.
"""
from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import plainyaml
import pytest
from babel import Locale
from babel.dates import format_date
from conftest import ROOT, copy_inputs, run_build, run_check
from dated import is_current
from guideexamples import EDITS, examples
from htmltree import Element, page

from peaceops.source.findtext import find

GUIDE = "EDITING.md"
# The guide's sections whose edits make the week, in the order an editor makes them.
WEEK = ("Add a figure", "End a mission", "Add a source", "Start a mission", "Correct a text")
MOVE_THE_DATE = "Move the date: as_of and review_by"
TODAY = "2026-12-07"
TOUCHED = ("monusco", "unmik", "unmiss")  # the entries whose updated: the editor sets
NEW_ID = "example-guatemala"
# Addresses of the pages the week changes, in each language.
PAGES = {
    "home": ("", "fr/"),
    "deployments": ("deployments/", "fr/deploiements/"),
    "serving": ("serving/", "fr/servir-en-mission/"),
    "past": ("past-operations/", "fr/operations-passees/"),
    "guatemala": ("countries/guatemala/", "fr/pays/guatemala/"),
    "drc": ("countries/democratic-republic-of-the-congo/", "fr/pays/republique-democratique-du-congo/"),
    "kosovo": ("countries/kosovo/", "fr/pays/kosovo/"),
    "south-sudan": ("countries/south-sudan/", "fr/pays/soudan-du-sud/"),
}
LANGUAGES = ("en", "fr")
UNMISS_FR_BEFORE = "Mission des Nations Unies en République du Soudan du Sud"
UNMISS_FR_AFTER = "Mission des Nations Unies au Soudan du Sud"


@dataclass(frozen=True)
class Week:
    root: Path
    site: Path
    warned: str  # make check's report before the date was moved


def set_updated(root: Path, mission_id: str, day: str) -> None:
    """As the guide says: find the entry's first line (make find TEXT="id: ..."), then change the
    updated: line of that entry, not every updated: line of the file."""
    [first] = [f for f in find(root, f"id: {mission_id}") if f.path == "data/missions.yaml"]
    path = root / "data" / "missions.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n in range(first.line, len(lines)) if lines[n].startswith("    updated:"))
    lines[at] = f"    updated: {day}\n"
    path.write_text("".join(lines), encoding="utf-8")


def guide_edits(section: str) -> list:
    found = [e for e in examples(GUIDE) if e.kind in EDITS and e.section == section]
    assert found, f"{GUIDE} has no example in {section!r}"
    return found


@pytest.fixture(scope="session")
def week(tmp_path_factory) -> Week:
    root = copy_inputs(tmp_path_factory.mktemp("week") / "repo")
    for section in WEEK:
        for example in guide_edits(section):
            example.apply(root)
    for mission_id in TOUCHED:
        set_updated(root, mission_id, TODAY)
    warned = run_check(root)
    assert warned.returncode == 0, warned.stderr
    for example in guide_edits(MOVE_THE_DATE):
        example.apply(root)
    site = root.parent / "site"
    built = run_build(root, site)
    assert built.returncode == 0, built.stdout + built.stderr
    return Week(root, site, warned.stderr)


def missions(root: Path) -> list[dict]:
    return plainyaml.read(root / "data" / "missions.yaml")["missions"]


def mission(root: Path, mission_id: str) -> dict:
    return next(m for m in missions(root) if m["id"] == mission_id)


def text(key: str, language: str, **values: str) -> str:
    words = plainyaml.shared(ROOT / "data" / "interface.yaml")["text"][key][language]
    for name, value in values.items():
        words = words.replace("{" + name + "}", value)
    return words


def language_name(code: str, language: str) -> str:
    return Locale.parse(f"{language}_CA").languages[code]


def long_day(day: str, language: str) -> str:
    """A date in words as a Canadian reader reads it (French writes the first of the month "1er")."""
    words = format_date(date.fromisoformat(day), format="long", locale=f"{language}_CA")
    return re.sub(r"^1 ", "1er ", words) if language == "fr" else words


def main_text(site: Path, address: str) -> str:
    """What the page itself says: its article, without the menus around it (which list every country)."""
    return page(site, address).find("article").text


def row(document: Element, mission_id: str) -> Element:
    [found] = list(document.find_all("tr", data_mission=mission_id))
    return found


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    with (site / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# --- make check, before the date is moved ---------------------------------------------------------
def test_check_warns_at_each_fact_newer_than_as_of_and_names_dataset_yaml(week):
    warnings = [line for line in week.warned.splitlines() if "checked up to" in line]
    edited = (week.root / "data" / "missions.yaml").read_text(encoding="utf-8").splitlines()
    newer = [n for n, line in enumerate(edited, 1) if re.search(r"(as_of|since): 2026-12-0[15]$", line)]
    assert [int(w.split(":")[1]) for w in warnings] == newer and len(newer) == 3  # MONUSCO's figure, Guatemala's start and ceiling
    assert all("move as_of in data/dataset.yaml" in w and w.startswith("data/missions.yaml:") for w in warnings)


# --- Every page that speaks of the present --------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_speaks_as_of_the_new_date_with_the_new_count(week, language):
    document = page(week.site, PAGES["home"][LANGUAGES.index(language)])
    [lead] = [p for p in document.find_all("p") if "pk-now-lead" in p.attrs.get("class", "").split()]
    assert lead.attrs["data-as-of"] == TODAY
    assert long_day(TODAY, language) in lead.text
    current = [m for m in missions(week.root) if is_current(m)]
    assert document.find("span", data_fact="missions-now").text == str(len(current))
    assert len(current) == len([m for m in missions(ROOT) if is_current(m)])  # UNMIK out, Guatemala in
    names = [m["acronym"][language] for m in current]
    assert "CPC Guatemala" in lead.parent.text and all(name in lead.parent.text for name in names)
    assert mission(ROOT, "unmik")["acronym"][language] not in lead.parent.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_current_deployments_list_guatemala_with_its_ceiling_and_no_longer_unmik(week, language):
    document = page(week.site, PAGES["deployments"][LANGUAGES.index(language)])
    guatemala = row(document, NEW_ID).text
    assert text("qualifier.up_to", language, n="5") in guatemala
    assert long_day("2026-12-05", language) in guatemala
    assert not document.find_all("tr", data_mission="unmik")
    monusco = row(document, "monusco")
    assert "12" in monusco.text and long_day("2026-12-01", language) in monusco.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_serving_names_guatemalas_language_in_the_readers_language(week, language):
    document = page(week.site, PAGES["serving"][LANGUAGES.index(language)])
    cells = [cell.text for cell in row(document, NEW_ID).find_all("td")]
    assert language_name("es", language) in cells  # "Spanish", "espagnol": the cell holds the name alone
    assert "es" not in cells


@pytest.mark.parametrize("language", LANGUAGES)
def test_guatemalas_page_has_the_mission_with_its_language_ceiling_and_date(week, language):
    content = main_text(week.site, PAGES["guatemala"][LANGUAGES.index(language)])
    new = mission(week.root, NEW_ID)
    assert new["name"][language] in content and new["mandate"][language] in content
    assert language_name("es", language) in content
    assert text("qualifier.up_to", language, n="5") in content
    assert long_day("2026-12-05", language) in content
    assert long_day(TODAY, language) in content  # its "as of" line


@pytest.mark.parametrize("language", LANGUAGES)
def test_monuscos_page_shows_the_new_figure_and_keeps_the_old_one(week, language):
    document = page(week.site, PAGES["drc"][LANGUAGES.index(language)])
    section = document.find("section", data_mission="monusco")
    deployed = section.find("dd", data_fact="deployed")
    assert deployed.text.startswith("12") and long_day("2026-12-01", language) in deployed.text
    history = [r.attrs["data-as-of"] for r in section.find_all("tr", data_kind="deployed")]
    monusco = next(m for m in missions(ROOT) if m["id"] == "monusco")
    before = max(str(o["as_of"]) for o in monusco["officers"] if o["kind"] == "deployed" and "as_of" in o)
    assert history[:2] == ["2026-12-01", before]  # newest first; the newest before the week is history


# --- Kosovo: UNMIK's end keeps its earlier period apart (waits for issue 29's wording) -------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_kosovos_page_keeps_1999_to_2004_apart_from_the_present_period(week, language):
    document = page(week.site, PAGES["kosovo"][LANGUAGES.index(language)])
    section = document.find("section", data_mission="unmik")
    period = section.find("dd", data_status=True)
    assert period.attrs["data-status"] == "ended"
    words = period.text
    # The first period ends in March 2004; the present one in 2026. Neither swallows the other.
    assert "1999" in words and "2004" in words and "2026" in words, words
    assert words.index("1999") < words.index("2004") < words.index("2026"), words


@pytest.mark.parametrize("language", LANGUAGES)
def test_past_operations_keep_unmiks_first_period(week, language):
    document = page(week.site, PAGES["past"][LANGUAGES.index(language)])
    unmik = row(document, "unmik").text
    assert "1999" in unmik and "2004" in unmik and "2026" in unmik, unmik


# --- The French name corrected: everywhere in French, and nowhere else -----------------------------
def test_the_french_name_is_corrected_on_every_french_page_and_in_the_open_data(week):
    french = list((week.site / "fr").rglob("index.html"))
    assert not [p for p in french if UNMISS_FR_BEFORE in p.read_text(encoding="utf-8")]
    assert UNMISS_FR_AFTER in main_text(week.site, PAGES["south-sudan"][1])
    assert UNMISS_FR_AFTER in main_text(week.site, PAGES["past"][1])
    unmiss = next(r for r in read_csv(week.site, "missions.csv") if r["Mission_ID"] == "unmiss")
    assert unmiss["Mission_Name_FR"] == UNMISS_FR_AFTER
    # The English pages say what they said.
    english = mission(ROOT, "unmiss")["name"]["en"]
    assert english in main_text(week.site, PAGES["south-sudan"][0])
    assert unmiss["Mission_Name_EN"] == english


# --- The feeds ------------------------------------------------------------------------------------
def feed_titles(site: Path, language: str) -> list[str]:
    feed = (site / ("fr/" if language == "fr" else "") / "feed.xml").read_text(encoding="utf-8")
    # French typography's no-break spaces, as the interface texts write them: ordinary spaces.
    return [re.sub("[\u00a0\u202f]", " ", title) for title in re.findall(r"<title>([^<]*)</title>", feed)]


def pattern(key: str, language: str, **values: str) -> re.Pattern[str]:
    """An interface text of the feed as a pattern: the values given, and any place for {where}."""
    words = re.escape(text(key, language).replace("{where}", "\0"))
    for name, value in values.items():
        words = words.replace(re.escape("{" + name + "}"), re.escape(value))
    return re.compile("^" + words.replace("\0", ".+") + "$")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_feed_has_the_weeks_three_events(week, built_site, language):
    titles = feed_titles(week.site, language)
    expected = [
        (pattern("feed.started", language, when=long_day("2026-12-05", language)), "CPC Guatemala"),
        (pattern("feed.ended", language, when=long_day("2026-11-30", language)), mission(ROOT, "unmik")["acronym"][language]),
        (pattern("feed.deployed.other", language, n="12", when=long_day("2026-12-01", language)), "MONUSCO"),
    ]
    for wanted, name in expected:
        assert [t for t in titles if wanted.match(t) and name in t], (wanted.pattern, titles[:6])
    before = feed_titles(built_site, language)
    assert len(titles) == len(before) + 4  # started, its ceiling, MONUSCO's figure, UNMIK's end; none lost


# --- The open data ---------------------------------------------------------------------------------
def test_missions_csv_carries_the_weeks_changes(week):
    rows = {r["Mission_ID"]: r for r in read_csv(week.site, "missions.csv")}
    guatemala = rows[NEW_ID]
    assert (guatemala["Status"], guatemala["Start"], guatemala["End"]) == ("under_way", "2026-12-05", "")
    assert guatemala["Officers_Authorized_Up_To"] == "5" and guatemala["Officers_Authorized"] == ""
    assert guatemala["Officers_Authorized_Up_To_As_Of"] == "2026-12-05"
    assert guatemala["Language_Of_Operation"] == "es"
    assert guatemala["Language_Of_Operation_Name_EN"] == language_name("es", "en")
    assert guatemala["Language_Of_Operation_Name_FR"] == language_name("es", "fr")
    assert (rows["unmik"]["Status"], rows["unmik"]["End"]) == ("ended", "2026-11-30")
    assert (rows["monusco"]["Officers_Deployed"], rows["monusco"]["Last_Reporting_Date"]) == ("12", "2026-12-01")
    assert {r["Updated"] for i, r in rows.items() if i in (*TOUCHED, NEW_ID)} == {TODAY}


def test_the_periods_table_keeps_each_of_unmiks_periods(week):
    periods = [(r["State"], r["Start"], r["End"]) for r in read_csv(week.site, "mission_periods.csv") if r["Mission_ID"] == "unmik"]
    assert periods[:2] == [("under_way", "1999-06", "2004-03"), ("ended", "2004-03", "2021-09/2023-09-30")]
    assert periods[2:] == [("under_way", "2021-09/2023-09-30", "2026-11-30"), ("ended", "2026-11-30", "")]
    assert [r["State"] for r in read_csv(week.site, "mission_periods.csv") if r["Mission_ID"] == NEW_ID] == ["under_way"]


def test_sources_csv_has_the_new_source_and_no_day_it_was_read(week):
    rows = {r["Source_Key"]: r for r in read_csv(week.site, "sources.csv")}
    assert rows["example-guatemala-agreement"]["Published"] == "2026-12-05"
    assert "Consulted" not in rows["example-guatemala-agreement"]
    assert TODAY not in ",".join(rows["example-guatemala-agreement"].values())  # its consulted: is not published


# --- What the week does not change -----------------------------------------------------------------
def as_of_moved(words: str) -> str:
    """A page's text with the old "as of" date written as the new one: the only change the week
    makes to a page about a mission it did not touch."""
    for language in LANGUAGES:
        words = words.replace(long_day("2026-11-30", language), long_day(TODAY, language))
    return words


def untouched_country_pages(site: Path) -> list[str]:
    changed = {address for name in ("guatemala", "drc", "kosovo", "south-sudan") for address in PAGES[name]}
    addresses = []
    for folder in ("countries", "fr/pays"):
        for path in sorted((site / folder).iterdir()):
            address = f"{folder}/{path.name}/"
            if address not in changed:
                addresses.append(address)
    return addresses


def test_the_pages_of_countries_the_week_did_not_touch_say_the_same(week, built_site):
    addresses = untouched_country_pages(built_site)
    assert len(addresses) > 20
    for address in addresses:
        assert main_text(week.site, address) == as_of_moved(main_text(built_site, address)), address


def test_the_open_data_of_missions_the_week_did_not_touch_is_the_same(week, built_site):
    before = {r["Mission_ID"]: r for r in read_csv(built_site, "missions.csv")}
    after = {r["Mission_ID"]: r for r in read_csv(week.site, "missions.csv")}
    assert set(after) == set(before) | {NEW_ID}
    for mission_id in set(before) - set(TOUCHED):
        assert after[mission_id] == before[mission_id], mission_id
    periods = [read_csv(site, "mission_periods.csv") for site in (built_site, week.site)]
    kept = [[r for r in rows if r["Mission_ID"] not in (*TOUCHED, NEW_ID)] for rows in periods]
    assert kept[0] == kept[1]


# --- The week's mistakes: one placed line each, and the last good site left as it was --------------
MISTAKES = {
    # a figure's as_of moved left, to where the figures' "- " stand
    "figure": ("        count: 12\n        as_of: 2026-12-01\n", "        count: 12\n      as_of: 2026-12-01\n",
               "      as_of: 2026-12-01", "it is not an item (it does not start with \"- \"); indent it 2 spaces further, in line with count:"),
    # the new status one item too far left
    "status": ("      - state: ended\n        since: 2026-11-30\n        source: rcmp-current-peace-operations\n",
               "    - state: ended\n      since: 2026-11-30\n      source: rcmp-current-peace-operations\n",
               "    - state: ended", 'this item ("- ") is indented 2 spaces less than the item above it'),
    # the language named instead of coded
    "language": ("    language: es\n    mandate:\n      en: Canadian police officers advise",
                 "    language: Spanish\n    mandate:\n      en: Canadian police officers advise",
                 "Spanish\n    mandate:", 'got "Spanish" (did you mean "es"?)'),
}


def with_mistake(week: Week, folder: Path, name: str) -> Path:
    """A copy of the week's inputs with one of its mistakes made in data/missions.yaml."""
    root = copy_inputs(folder)
    shutil.rmtree(root / "data")
    shutil.copytree(week.root / "data", root / "data")
    before, after = MISTAKES[name][:2]
    path = root / "data" / "missions.yaml"
    content = path.read_text(encoding="utf-8")
    assert content.count(before) == 1, before
    path.write_text(content.replace(before, after), encoding="utf-8")
    return root


@pytest.mark.parametrize("name", MISTAKES)
def test_each_of_the_weeks_mistakes_gives_one_line_placed_where_to_fix_it(week, tmp_path, name):
    root = with_mistake(week, tmp_path / "repo", name)
    result = run_check(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    *problems, summary = result.stderr.splitlines()
    assert summary == "1 problem in data/missions.yaml; nothing was built."
    [problem] = problems
    where, words = MISTAKES[name][2:]
    content = (root / "data" / "missions.yaml").read_text(encoding="utf-8")
    at = content.index(where.lstrip(" ")) if name == "language" else content.index(where) + len(where) - len(where.lstrip(" "))
    line, column = content.count("\n", 0, at) + 1, at - content.rfind("\n", 0, at)
    assert problem.startswith(f"data/missions.yaml:{line}:{column}: ") and words in problem, problem


def test_a_mistake_leaves_the_last_good_site_as_it_was(week, tmp_path):
    root = with_mistake(week, tmp_path / "repo", "language")
    site = tmp_path / "site"
    shutil.copytree(week.site, site)
    before = {path: path.read_bytes() for path in site.rglob("*.html")}
    result = run_build(root, site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in site.rglob("*.html")} == before


def test_make_find_finds_the_new_mission_in_both_languages(week):
    command = [sys.executable, "-m", "peaceops", "--root", str(week.root), "find", "coopération policière au Guatemala"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0
    first, other = result.stdout.splitlines()[:2]
    assert first.startswith("data/missions.yaml:") and f"(id {NEW_ID})" in first
    assert other.strip().startswith("other language: data/missions.yaml:") and "in Guatemala" in other
