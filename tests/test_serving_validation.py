"""One test per kind of mistake an editor can make in data/serving.yaml: one placed, plain line.

Each test writes its own mistake into a copy of data/ and computes the expected place from that edit.
"""
from __future__ import annotations

import pytest
from datacopy import DataCopy, assert_at, only_problem

S = "serving.yaml"
FIRST = "  - id: who-can-serve\n    topic: who_can_serve\n"


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def test_unknown_topic_lists_the_topics(data):
    data.replace(S, FIRST, "  - id: who-can-serve\n    topic: applying\n")
    problem = only_problem(data.problems())
    assert_at(problem, S, data.where(S, "applying"), "topic", "who_can_serve", '"applying"')


def test_statement_id_used_twice(data):
    data.replace(S, "  - id: not-only-rcmp\n", "  - id: who-can-serve\n")
    problem = only_problem(data.problems())
    text = data.text(S)
    first = text[: text.index("id: who-can-serve")].count("\n") + 1
    second = text[: text.rindex("id: who-can-serve")].count("\n") + 1
    assert_at(problem, S, (second, 9), '"who-can-serve"', f"line {first}")


def test_statement_without_sources(data):
    text = data.text(S)
    start = text.index("    sources: [", text.index(FIRST))
    line = text[start : text.index("\n", start) + 1]
    data.replace(S, FIRST + text[text.index(FIRST) + len(FIRST) : start] + line, FIRST + text[text.index(FIRST) + len(FIRST) : start] + "    sources: []\n")
    problem = only_problem(data.problems())
    assert_at(problem, S, data.where(S, "[]"), "sources", "at least one")


def test_as_of_that_is_not_a_date(data):
    data.replace(S, "    as_of: 2025\n", "    as_of: last year\n")
    problem = only_problem(data.problems())
    assert_at(problem, S, data.where(S, "last year"), "as_of", "YYYY-MM-DD")


def test_statement_text_in_one_language_only(data):
    text = data.text(S)
    start = text.index("      fr: ", text.index(FIRST))
    line = text[start : text.index("\n", start) + 1]
    data.replace(S, line, "")
    problem = only_problem(data.problems())
    assert "French" in problem.message and problem.path == f"data/{S}", str(problem)
