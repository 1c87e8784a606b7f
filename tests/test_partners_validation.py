"""One test per kind of mistake an editor can make in data/partners.yaml: one placed, plain line.

Each test writes its own mistake into a copy of data/ and computes the expected place from that
edit, as tests/test_validation.py does for the missions.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from datacopy import DataCopy, assert_at, only_problem

P = "partners.yaml"
ACRONYM = "    acronym: {en: OPP, fr: PPO}\n"
OPP = ACRONYM + "    province: ON\n"  # the Ontario Provincial Police's province (its acronym makes it unique)
OPP_NAME = "      en: Ontario Provincial Police\n"
SASKATOON = """  - name:
      en: Saskatoon Police Service
      fr: Service de police de Saskatoon
    province: SK
    sources:
      - globalnews-2020-01-08-iraq
"""


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def test_the_file_as_committed_is_accepted(tmp_path):
    from peaceops.source.dataset import load

    dataset = load(DataCopy(tmp_path / "data").folder)
    assert dataset.partners.partners, "the committed file lists no service"


def test_province_written_as_a_name_suggests_its_code(data):
    data.replace(P, OPP, ACRONYM + "    province: Ontario\n")
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "Ontario\n    sources:", ), '"Ontario"', "provinces:", 'did you mean "ON"')


def test_province_code_in_lowercase_suggests_capitals(data):
    data.replace(P, OPP, ACRONYM + "    province: on\n")
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "province: on", offset=len("province: ")), '"on"', 'did you mean "ON"')


def test_unknown_province_code(data):
    data.replace(P, OPP, ACRONYM + "    province: ZZ\n")
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "ZZ"), '"ZZ"', "two-letter code")
    assert "did you mean" not in problem.message


def test_name_without_its_french(data):
    data.replace(P, OPP_NAME + "      fr: Police provinciale de l'Ontario\n", OPP_NAME)
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "en: Ontario Provincial Police"), "French", "fr:")


def test_joined_is_not_a_year(data):
    data.replace(P, OPP, OPP + "    joined: around 1995\n")
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "around 1995"), "joined", "year", '"around 1995"')


def test_web_address_without_https(data):
    data.replace(P, OPP, OPP + "    web: www.opp.ca\n")
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "www.opp.ca"), "web", "https://")


def test_service_without_sources(data):
    data.replace(P, SASKATOON, SASKATOON.replace("    sources:\n      - globalnews-2020-01-08-iraq\n", "    sources: []\n"))
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "[]"), "sources", "at least one")


def test_service_listed_twice(data):
    data.replace(P, "\nupdated:", "\n" + SASKATOON + "\nupdated:")
    problem = only_problem(data.problems())
    text = data.text(P)
    first = text[: text.index("en: Saskatoon Police Service")].count("\n") + 1  # the first entry's name
    second = text[: text.rindex("en: Saskatoon Police Service")].count("\n") + 1  # the second entry's name
    assert (problem.line, problem.column) == (second, 7), str(problem)
    assert_at(problem, P, (problem.line, problem.column), "Saskatoon Police Service", f"line {first}", "once")


def test_misspelled_field_is_named_with_the_right_spelling(data):
    data.replace(P, OPP, ACRONYM + "    provnce: ON\n")
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "provnce"), '"provnce"', 'did you mean "province"')


def test_missing_updated_date(data):
    updated = re.search(r"^updated: .*$", Path("data/partners.yaml").read_text(encoding="utf-8"), re.M).group(0)
    data.replace(P, f"\n{updated}\n", "\n")  # the date as the data has it
    problem = only_problem(data.problems())
    assert problem.path == f"data/{P}" and "updated is missing" in problem.message, str(problem)


def test_province_name_missing_its_french(data):
    data.replace(P, "  ON: {en: Ontario, fr: Ontario}\n", "  ON: {en: Ontario}\n")
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "{en: Ontario}"), "French", "fr:")


def test_several_mistakes_are_all_reported_at_once(data):
    data.replace(P, OPP, ACRONYM + "    province: ZZ\n")
    data.replace(P, "    province: AB\n", "    province: AB\n    web: calgary\n")
    problems = data.problems()
    assert len(problems) == 2, "\n".join(map(str, problems))
