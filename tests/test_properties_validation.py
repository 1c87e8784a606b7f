"""Properties of the data checks at their boundaries: same year, same month, same day.

Why: an end before a start in the same year, or a figure dated after a mission's end in the same
year, were both accepted once, and no example in tests/test_validation.py sat on that edge. Here
Hypothesis draws a mission's start, end and a figure's date as years, months or days in two
neighbouring years, so the same-year and same-day cases come up in almost every run, and checks the
rule as an editor reads it, through the dataset loader (what ``make check`` runs) on a copy of the
real data with one mission added:

- an end is refused exactly when it must be before the start (its last possible day is before the
  start's first possible day); "2017" then "2017-03" is accepted, "2017-10-15" then "2017-03" is not;
- a figure is refused exactly when it must be after the end (its first possible day is after the
  end's last possible day); a figure of the end's own day, month or year is accepted.

Each refusal is found by its place (the line of the ``since:`` or ``as_of:`` the test wrote), not by
its wording, which other changes may reword.
"""
from __future__ import annotations

import calendar
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peaceops.source.dataset import load
from peaceops.source.problems import DataError

YEARS = st.integers(min_value=2016, max_value=2017)


@st.composite
def dates(draw) -> str:
    """A date as an editor types it: 2017, 2017-03 or 2017-03-15 (first, middle or last of a month)."""
    year = draw(YEARS)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return str(year)
    month = draw(st.sampled_from([1, 3, 12]))
    if precision == "month":
        return f"{year}-{month:02d}"
    day = draw(st.sampled_from([1, 15, calendar.monthrange(year, month)[1]]))
    return f"{year}-{month:02d}-{day:02d}"


def first_day(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


SOURCE = "rcmp-current-operations-v-minustah"  # any source the real data has
MISSION = """
  - id: test-boundaries
    acronym: {{en: TESTB, fr: TESTB}}
    name: {{en: A mission drawn by a test, fr: Une mission tirée par un test}}
    lead: UN
    country: HT
    status:
      - {{state: under_way, since: {start}, source: {source}}}
      - {{state: ended, since: {end}, source: {source}}}
    officers:
      - {{kind: authorized, count: 5, as_of: {as_of}, source: {source}}}
    roles:
      - {{en: Advise the police, fr: Conseiller la police}}
    language: fr
    armed: no
    mandate: {{en: Drawn by a test., fr: Tirée par un test.}}
    sources: [{source}]
    updated: 2026-11-30
"""


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("boundaries") / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


def problems_at(data: Path, start: str, end: str, as_of: str) -> dict[str, list[str]]:
    """The problems the loader reports on the added mission's end and figure lines."""
    original = (ROOT / "data" / "missions.yaml").read_text(encoding="utf-8")
    text = original.rstrip("\n") + "\n" + MISSION.format(start=start, end=end, as_of=as_of, source=SOURCE)
    (data / "missions.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    end_line = next(n for n, line in enumerate(lines, 1) if "state: ended, since: " + end in line and n > len(original.splitlines()))
    as_of_line = next(n for n, line in enumerate(lines, 1) if "as_of: " + as_of + ", source: " + SOURCE in line and n > end_line)
    try:
        load(data)
    except DataError as error:
        found = [p for p in error.problems if p.path == "data/missions.yaml"]
        others = [p for p in found if p.line not in (end_line, as_of_line)]
        assert not others, others  # nothing else in the added mission, or the real data, is wrong
        return {
            "end": [p.message for p in found if p.line == end_line],
            "as_of": [p.message for p in found if p.line == as_of_line],
        }
    return {"end": [], "as_of": []}


SETTINGS = settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(dates(), dates())
def test_an_end_is_refused_exactly_when_it_must_be_before_the_start(data, start, end):
    as_of = end  # a figure of the end's own date, never refused on that account
    found = problems_at(data, start, end, as_of)
    # Before the start, or the same exact day as it (a mission has one status a day: issue 32).
    same_day = len(start) == len(end) == 10 and start == end
    assert bool(found["end"]) == (last_day(end) < first_day(start) or same_day), (start, end, found)
    assert len(found["end"]) <= 1


@SETTINGS
@given(dates(), dates())
def test_a_figure_is_refused_exactly_when_it_must_be_after_the_end(data, end, as_of):
    start = "2016"  # never after the end or the figure: only the figure's rule is at play
    found = problems_at(data, start, end, as_of)
    assert bool(found["as_of"]) == (first_day(as_of) > last_day(end)), (end, as_of, found)
    assert len(found["as_of"]) <= 1
