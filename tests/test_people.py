"""The people who serve (issue 34): In memoriam, Women in deployments, In their words, National
Peacekeepers' Day, the quotations on country pages, the home page's line around August 9, the open
data's table, and the placed lines for an editor's mistakes in data/people.yaml.

Expected values are read from data/people.yaml with the tests' own YAML reader, never from the code.
"""
from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import plainyaml
import pytest
from conftest import ROOT
from datacopy import DataCopy, assert_at, only_problem
from htmltree import page

from peaceops.site.site import Site

PEOPLE = plainyaml.shared(ROOT / "data" / "people.yaml")
PAGES = {
    "in-memoriam": {"en": "in-memoriam/", "fr": "fr/en-memoire/"},
    "women": {"en": "women-in-deployments/", "fr": "fr/femmes-en-deploiement/"},
    "words": {"en": "in-their-words/", "fr": "fr/temoignages/"},
    "day": {"en": "peacekeepers-day/", "fr": "fr/journee-gardiens-de-la-paix/"},
}
HOME = {"en": "", "fr": "fr/"}
MONTHS = {"en": "January", "fr": "janvier"}  # both officers of 2010 died on January 12


@pytest.mark.parametrize("language", ["en", "fr"])
def test_in_memoriam_names_each_person_with_date_and_sources_and_says_once_it_may_be_incomplete(built_site, language):
    document = page(built_site, PAGES["in-memoriam"][language])
    for person in PEOPLE["in_memoriam"]:
        section = document.find("section", data_person=person["id"])
        assert person["name"] in section.find("h2").text
        assert section.find("time").attrs["datetime"] == str(person["died"])
        assert person["rank"][language] in section.text
        cited = {a.attrs["data-cites"] for a in section.find_all("a") if "data-cites" in a.attrs}
        assert set(person["sources"]) <= cited
    for officer in ("mark-gallagher", "douglas-coates"):
        assert MONTHS[language] in document.find("section", data_person=officer).find("time").text
    word = {"en": "incomplete", "fr": "incomplète"}[language]
    assert document.text.count(word) == 1


@pytest.mark.parametrize("language", ["en", "fr"])
def test_women_page_shows_every_dated_count_with_what_it_covers_and_a_chart_of_the_un_series(built_site, language):
    document = page(built_site, PAGES["women"][language])
    table = document.find("table", data_table="women")
    for figure in PEOPLE["women_deployed"]:
        row = table.find("tr", data_women=figure["id"])
        assert row.find("time").attrs["datetime"] == str(figure["as_of"])
        assert row.find("td", data_count=str(figure["women"]))
        assert row.find("td", data_covers=figure["covers"])
        assert row.find("a", data_cites=figure["source"])
    un = [f for f in PEOPLE["women_deployed"] if f["covers"] == "un_missions"]
    bars = document.find("svg", data_chart="women-un").find_all("rect")
    assert sorted((b.attrs["data-as-of"], int(b.attrs["data-count"])) for b in bars) == sorted(
        (str(f["as_of"]), f["women"]) for f in un
    )
    newest = max((f for f in un if "total" in f), key=lambda f: str(f["as_of"]))
    assert document.find("p", data_women_latest=newest["id"])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_quotation_is_shown_as_published_and_never_translated(built_site, language):
    document = page(built_site, PAGES["words"][language])
    assert len(PEOPLE["quotations"]) >= 3
    for quotation in PEOPLE["quotations"]:
        figure = document.find("figure", data_quotation=quotation["id"])
        shown = language if language in quotation["words"] else next(iter(quotation["words"]))
        quote = figure.find("blockquote")
        words = quotation["words"][shown]["text"]
        assert " ".join(words.replace("\u202f", " ").split()) in " ".join(quote.text.replace("\u202f", " ").replace("\xa0", " ").split())
        assert figure.find("a", data_cites=quotation["words"][shown]["source"])
        assert quotation["speaker"] in figure.find("figcaption").text
        said = quotation["said"]
        year = str(said if not isinstance(said, dict) else said["earliest"])[:4]
        assert year in figure.find("figcaption").text  # dated beside the words
        if shown != language:
            assert quote.attrs["lang"] == shown
            only = {"en": {"fr": "Publié en anglais seulement."}, "fr": {"en": "Published in French only."}}[shown][language]
            assert only in figure.find("figcaption").text
        else:
            assert "lang" not in quote.attrs


def test_a_quotation_is_on_the_country_page_of_its_mission(built_site):
    missions = {m["id"]: m["country"] for m in plainyaml.shared(ROOT / "data" / "missions.yaml")["missions"]}
    for quotation in PEOPLE["quotations"]:
        if quotation.get("mission") != "minustah":
            continue
        assert missions["minustah"] == "HT"
        for address in ("countries/haiti/", "fr/pays/haiti/"):
            assert page(built_site, address).find("figure", data_quotation=quotation["id"])
    assert not page(built_site, "countries/kosovo/").find_all("figure", data_quotation=True)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_new_pages_are_linked_from_the_home_page_and_indexed(built_site, language):
    home = page(built_site, HOME[language])
    hrefs = [a.attrs.get("href", "") for a in home.find_all("a")]
    for addresses in PAGES.values():
        slug = addresses[language].rstrip("/").rsplit("/", 1)[-1]
        assert any(slug in href for href in hrefs), slug
        assert page(built_site, addresses[language]).find("div", data_pagefind_body=True)


def _epoch(day: date) -> str:
    return str(int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()))


@pytest.mark.parametrize(
    ("day", "shown"),
    [(date(2026, 7, 31), False), (date(2026, 8, 1), True), (date(2026, 8, 9), True), (date(2026, 8, 10), False)],
)
def test_the_home_page_mentions_national_peacekeepers_day_from_august_1_to_9_by_the_build_day(monkeypatch, day, shown):
    monkeypatch.delenv("PEACEOPS_REFERENCE_EPOCH", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", _epoch(day))
    site = Site.load(ROOT, pages_checked=False)
    assert site.build_day == day
    text = site.render_page("{{ peacekeepers_day_notice() }}", "en", "").markdown
    assert ('class="pk-day-notice"' in text and "National Peacekeepers" in text) is shown
    if shown:
        assert "August 9, 2026" in text
        french = site.render_page("{{ peacekeepers_day_notice() }}", "fr", "fr/").markdown
        assert "9 août 2026" in french


def test_open_data_has_every_count_of_women(built_site):
    raw = (built_site / "women_deployed.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw)))
    expected = {f["id"]: f for f in PEOPLE["women_deployed"]}
    assert [row["Count_ID"] for row in rows] == sorted(expected, key=lambda i: (str(expected[i]["as_of"]), i))
    for row in rows:
        figure = expected[row["Count_ID"]]
        assert (row["As_Of"], int(row["Women"]), row["Covers"], row["Source_Key"]) == (
            str(figure["as_of"]), figure["women"], figure["covers"], figure["source"]
        )
        assert row["Police_Counted"] == str(figure.get("total", ""))


# ---- An editor's mistakes in data/people.yaml: one placed, plain line each.
P = "people.yaml"


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def test_more_women_than_police_counted(data):
    data.replace(P, "    women: 11\n    total: 23\n", "    women: 31\n    total: 23\n")
    problem = only_problem(data.problems())
    assert "women: is more than total:" in problem.message and problem.path == f"data/{P}", str(problem)


def test_a_mission_that_is_not_in_missions_yaml(data):
    data.replace(P, "    mission: monusco\n", "    mission: monuscoo\n")
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "monuscoo"), '"monuscoo"', "data/missions.yaml")


def test_an_id_used_twice(data):
    data.replace(P, "  - id: delisle-drc\n", "  - id: trottier-haiti\n")
    problem = only_problem(data.problems())
    text = data.text(P)
    first = text[: text.index("id: trottier-haiti")].count("\n") + 1
    second = text[: text.rindex("id: trottier-haiti")].count("\n") + 1
    assert_at(problem, P, (second, 9), '"trottier-haiti"', f"line {first}")


def test_a_quotation_with_neither_language(data):
    text = data.text(P)
    start = text.index("    words:\n", text.index("id: bradshaw-mali"))
    end = text.index("    note:", start)
    data.replace(P, text[start:end], "    words: {}\n")
    problem = only_problem(data.problems())
    assert problem.path == f"data/{P}" and "en:" in problem.message and "fr:" in problem.message, str(problem)
