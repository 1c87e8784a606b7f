"""A fact dated after the day the data was checked up to (issue 35): ``check`` warns at the newer line.

Every page says "As of <as_of of data/dataset.yaml>" where it speaks of the present. A figure or a
status dated later would be counted as true on that day, when it was not yet: ``check`` says so at the
newer date's line, names data/dataset.yaml and its as_of line, says what to do, and still passes (the
guide says when to move as_of). Expected places come from each test's own edit.
"""
from __future__ import annotations

import pytest
from conftest import edit, run_check
from datacopy import DataCopy

from peaceops.source.dataset import load

M, P, D = "missions.yaml", "program.yaml", "dataset.yaml"
MONUSCO_NOTE = "        note: Five since January 2021 plus eight announced; two more expected.\n"  # its deployed figure
MONUSCO_STATUS = "      - {state: under_way, since: 2021-01, source: rcmp-news-2021-04-14-drc"
SERVED = "      - count: 3000\n        qualifier: close_to\n        as_of: 2013\n"  # the program's first officers_served


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def figure_dated(data: DataCopy, as_of: str) -> None:
    """A new deployed figure for MONUSCO, written over several lines as the guide shows it."""
    new = f"      - kind: deployed\n        count: 12\n        as_of: {as_of}\n        source: rcmp-current-peace-operations\n"
    data.replace(M, MONUSCO_NOTE, MONUSCO_NOTE + new)


def later_warnings(data: DataCopy) -> list[str]:
    return [str(w) for w in load(data.folder).warnings if "checked up to" in w.message]


def as_of_line(data: DataCopy) -> int:
    return data.where(D, "as_of: 2026-11-30")[0]


def expected(data: DataCopy, line: int, column: int, field: str, date: str) -> str:
    return (
        f"data/{M}:{line}:{column}: warning: {field} ({date}) is after the date the data was checked up to "
        f"(2026-11-30, as_of in data/dataset.yaml, line {as_of_line(data)}), so the pages, which say "
        f'"As of November 30, 2026", count this as true on that day; check the other missions and figures '
        f"against their sources, then move as_of in data/dataset.yaml to the day you checked ({date} or later)"
    )


def test_a_figure_dated_after_as_of_is_warned_of_at_its_line(data):
    figure_dated(data, "2026-12-01")
    line, column = data.where(M, "as_of: 2026-12-01", offset=len("as_of: "))
    assert later_warnings(data) == [expected(data, line, column, "as_of", "2026-12-01")]


def test_a_status_since_after_as_of_is_warned_of_too(data):
    unmik_last = "        source: dorn-tracking-2023-09-30\n"  # the last line of UNMIK's status list, written over lines
    after = "    officers:\n      # The UN's monthly counts of Canadian police in UNMIK"
    ended = "      - {state: ended, since: 2026-12-05, source: ps-ipp-page-v-4300}\n"
    data.replace(M, unmik_last + after, unmik_last + ended + after)
    line, column = data.where(M, "since: 2026-12-05", offset=len("since: "))
    assert later_warnings(data) == [expected(data, line, column, "since", "2026-12-05")]


def test_a_range_whose_earliest_bound_is_after_as_of_is_warned_of(data):
    data.replace(M, MONUSCO_STATUS, MONUSCO_STATUS.replace("since: 2021-01", "since: {earliest: 2026-12, reason: test}"))
    line, column = data.where(M, "earliest: 2026-12,", offset=len("earliest: "))
    assert later_warnings(data) == [expected(data, line, column, "since.earliest", "2026-12")]


def test_a_program_figure_after_as_of_is_warned_of_in_its_file(data):
    data.replace(P, SERVED, SERVED.replace("as_of: 2013", "as_of: 2026-12-03"))
    line, column = data.where(P, "as_of: 2026-12-03", offset=len("as_of: "))
    [warning] = later_warnings(data)
    assert warning.startswith(f"data/{P}:{line}:{column}: warning: as_of (2026-12-03) is after")


@pytest.mark.parametrize("date", ["2026-11-30", "2026-11", "2026", "2021-04-15"])
def test_a_date_on_or_before_as_of_says_nothing(data, date):
    # 2026-11 and 2026 begin before as_of: the figure may be true on it.
    figure_dated(data, date)
    assert later_warnings(data) == []


def test_moving_as_of_to_the_newest_date_ends_the_warning(data):
    figure_dated(data, "2026-12-01")
    data.replace(D, "as_of: 2026-11-30", "as_of: 2026-12-01")
    assert later_warnings(data) == []


def test_check_passes_and_prints_the_warning(workspace):
    missions = workspace / "data" / "missions.yaml"
    edit(missions, MONUSCO_NOTE, MONUSCO_NOTE + "      - {kind: deployed, count: 12, as_of: 2026-12-01, source: rcmp-current-peace-operations}\n")
    result = run_check(workspace)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if "checked up to" in line]
    assert line.startswith("data/missions.yaml:") and "move as_of in data/dataset.yaml" in line
