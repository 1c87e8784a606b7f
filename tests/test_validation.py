"""One test per kind of editor's mistake: the message names the right file, line and column, and
says what is wrong and what is expected.

Each test writes its own mistake into a copy of data/ and computes the expected place from that edit.
The checks run in-process (``peaceops.source.dataset.load``); test_check_command.py runs some through the CLI.
"""
from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from datacopy import DataCopy, assert_at, only_problem

from peaceops.source.dataset import load
from peaceops.source.problems import DataError

M = "missions.yaml"
S = "sources.yaml"
P = "program.yaml"
D = "dataset.yaml"
ACRONYM = "    acronym: {en: MINUSTAH, fr: MINUSTAH}\n"  # a line of the first mission, minustah
BEGAN = "      - {state: under_way, since: 2004, source: rcmp-current-operations-v-minustah}\n"  # minustah's first status
HAITI = "    country: HT\n    status:\n" + BEGAN  # minustah's country, then its status list
ENDED = "      - {state: ended, since: 2017-10-15, source: rcmp-current-operations-v-minujusth}\n"  # and its last
NAME_EN = "      en: United Nations Stabilization Mission in Haiti\n"
COUNT = "        count: 131\n"  # minustah's officers deployed


def assert_data_ok(data: DataCopy) -> None:
    from peaceops.source.dataset import load

    load(data.folder)


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def insert_after(data: DataCopy, anchor: str, lines: str, name: str = M) -> None:
    data.replace(name, anchor, anchor + lines)


# --- YAML syntax ------------------------------------------------------------------------------
def test_unclosed_quote(data):
    data.replace(M, NAME_EN, '      en: "United Nations Stabilization Mission in Haiti\n')
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, '"United Nations Stabilization'), "quote", "never closed", "add the closing quote")


def test_line_indented_less_than_its_neighbours(data):
    data.replace(M, HAITI, "   country: HT\n    status:\n" + BEGAN)
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "\n   country: HT\n    status:", offset=4))
    lead = data.where(M, "    lead: UN\n   country: HT")[0]
    assert problem.message == (
        f"this line's indentation lines it up with no line above it; indent it 1 space further, in line with lead: (line {lead})"
    )


def test_line_indented_more_than_its_neighbours(data):
    data.replace(M, HAITI, "     country: HT\n    status:\n" + BEGAN)
    problem = only_problem(data.problems())
    # YAML reads the extra-indented line as the rest of "lead: UN": said as the indentation mistake it
    # is, at the line's start, rather than as a colon to put in quotes.
    assert_at(problem, M, data.where(M, "country: HT\n    status:\n" + BEGAN))
    lead = data.where(M, "    lead: UN\n     country: HT")[0]
    assert problem.message == (
        f"this line is indented 1 space more than lead: (line {lead}), so it sits under lead:, which already has "
        "its value on its own line; move it 1 space to the left, in line with lead:"
    )


def test_tab(data):
    data.replace(M, HAITI, "\tcountry: HT\n    status:\n" + BEGAN)
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "\tcountry"), "tab", "spaces only")


def test_colon_in_unquoted_text(data):
    data.replace(M, NAME_EN, "      en: United Nations: Haiti\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "Nations: Haiti", offset=len("Nations")), "colon", "quotes")


def test_unclosed_flow_group(data):
    data.replace(M, ACRONYM, "    acronym: {en: MINUSTAH, fr: MINUSTAH\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "{en: MINUSTAH, fr: MINUSTAH\n"), "{", "not closed", "}")


def test_comma_in_flow_text(data):
    data.replace(M, ACRONYM, "    acronym: {en: MINUSTAH, the mission, fr: MINUSTAH}\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "the mission,"), "comma", "quotes")


def test_duplicate_key(data):
    insert_after(data, HAITI + ENDED, "    country: CD\n")
    problem = only_problem(data.problems())
    first_line = data.where(M, HAITI)[0]
    assert_at(problem, M, data.where(M, "}\n    country: CD", offset=6), '"country" appears twice', f"line {first_line}", "keep only one")


# --- Types ------------------------------------------------------------------------------------
def test_text_where_a_number_goes(data):
    data.replace(M, COUNT, "        count: many\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "count: many", offset=7), "officers.count", "whole number", '"many"')


def test_list_where_a_text_goes(data):
    data.replace(M, HAITI, "    country: [HT, CD]\n    status:\n" + BEGAN)
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "[HT, CD]"), "country", "single text", "a list")


def test_text_where_a_group_goes(data):
    data.replace(M, ACRONYM, "    acronym: MINUSTAH\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "MINUSTAH\n    name:"), "acronym", "group of fields")


def test_missing_required_field(data):
    data.replace(M, HAITI, "    status:\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "id: minustah"), "country is missing", "two-letter ISO country code")


def test_unknown_field_suggests_the_right_name(data):
    data.replace(M, HAITI, "    contry: HT\n    status:\n" + BEGAN)
    problem = only_problem(data.problems())  # and no second message saying country is missing
    assert_at(problem, M, data.where(M, "contry"), '"contry" is not a field', 'did you mean "country"', "allowed here")


def test_unknown_field_without_a_close_match(data):
    insert_after(data, ACRONYM, "    budget: 12\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "budget"), '"budget" is not a field', "acronym, name")
    assert "did you mean" not in problem.message


def test_choice_outside_the_list(data):
    data.replace(M, "    lead: UN\n    country: HT\n    status:\n" + BEGAN, "    lead: ONU\n    country: HT\n    status:\n" + BEGAN)
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "ONU\n    country: HT"), "lead", "UN, EU, NATO", '"ONU"')


def test_yes_or_no(data):
    data.replace(M, "    armed: yes\n    mandate:\n      en: Helped Haiti", "    armed: maybe\n    mandate:\n      en: Helped Haiti")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "maybe"), "armed", "yes or no")


def test_malformed_id(data):
    data.replace(M, "  - id: minustah\n", "  - id: MINUSTAH 2\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "MINUSTAH 2"), "id", "lowercase")


# --- Countries --------------------------------------------------------------------------------
def test_unknown_country_code(data):
    data.replace(M, HAITI, "    country: XQ\n    status:\n" + BEGAN)
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "XQ"), 'country "XQ"', "two-letter ISO country code", "data/countries.yaml")


@pytest.mark.parametrize("typed, meant", [("ht", "HT"), ("Haiti", "HT")])
def test_unknown_country_suggests_the_code(data, typed, meant):
    data.replace(M, HAITI, f"    country: {typed}\n    status:\n" + BEGAN)
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, f"{typed}\n    status:"), f'did you mean "{meant}"')


def test_name_override_for_a_code_that_is_not_a_country(data):
    data.replace("countries.yaml", "  IQ:\n", "  QZ:\n")
    data.replace("countries.yaml", "  IQ: {en: in Iraq, fr: en Iraq}\n", "")  # its phrase goes with it
    problem = only_problem(data.problems())
    assert_at(problem, "countries.yaml", data.where("countries.yaml", "QZ:"), '"QZ"', "territory")


# --- Numbers ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed, words",
    [
        ("-3", ("cannot be negative", '"-3"')),
        ("2.5", ("whole number", "without decimals")),
        ("3,000", ("without commas", "3000")),
    ],
)
def test_officer_count_not_a_whole_number(data, typed, words):
    data.replace(M, COUNT, f"        count: {typed}\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, f"count: {typed}", offset=7), "officers.count", *words)


# --- Dates ------------------------------------------------------------------------------------
def test_impossible_date(data):
    data.replace(M, BEGAN, BEGAN.replace("2004", "2004-02-30"))
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "2004-02-30"), "since", "not a real date", "month and the day")


@pytest.mark.parametrize("typed", ["2004/02/03", "June 2004", "04"])
def test_malformed_date(data, typed):
    data.replace(M, BEGAN, BEGAN.replace("since: 2004", f"since: '{typed}'"))
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, f"'{typed}'"), "since", "YYYY-MM-DD", f'"{typed}"')


def test_year_where_a_full_date_goes(data):
    text = data.text(M)
    last_updated = text[text.rindex("    updated: ", 0, text.index("  - id: unmis\n")):text.index("  - id: unmis\n") + len("  - id: unmis\n")]
    data.replace(M, last_updated, "    updated: 2026\n\n  - id: unmis\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "2026\n\n  - id: unmis"), "updated", "YYYY-MM-DD")


UNTAG_BEGAN = "      - {state: under_way, since: 1989, source: lermuseum-untag}\n"
UNTAG_ENDED = "      - {state: ended, since: 1990, source: lermuseum-untag}\n"


def ordering_problem(problems):
    """The one problem about the order of statuses (a figure may also fall outside the new dates)."""
    return only_problem([p for p in problems if "oldest first" in p.message])


def test_a_status_whose_since_is_before_the_one_above_it(data):
    data.replace(M, UNTAG_ENDED, UNTAG_ENDED.replace("1990", "1987"))
    problem = ordering_problem(data.problems())
    line = data.where(M, UNTAG_BEGAN)[0]
    assert_at(problem, M, data.where(M, "1987, source"), "since (1987) is before the since of the status above it",
              f"(1989, line {line})", "oldest first")


def test_a_range_after_the_status_above_it_is_accepted_but_one_wholly_before_is_not(data):
    data.replace(M, UNTAG_ENDED, UNTAG_ENDED.replace("1990", "{earliest: 1988, latest: 1990, reason: test}"))
    assert_data_ok(data)  # the range reaches the start (1989): allowed
    data.replace(M, "earliest: 1988, latest: 1990", "earliest: 1987, latest: 1988")
    problem = ordering_problem(data.problems())
    assert_at(problem, M, data.where(M, "{earliest: 1987"), "since (1987 to 1988)", "oldest first")


def test_a_state_that_is_not_one_of_the_three(data):
    data.replace(M, ENDED, ENDED.replace("state: ended", "state: closed"))
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "state: closed", offset=7), "state", "under_way, suspended, ended", '"closed"')


def test_the_same_state_twice_in_a_row(data):
    data.replace(M, ENDED, ENDED.replace("state: ended", "state: under_way"))
    problem = only_problem(data.problems())
    line = data.where(M, BEGAN)[0]
    assert_at(problem, M, data.where(M, "under_way, since: 2017-10-15", offset=0), "under_way again", f"line {line}")


def test_a_mission_without_status(data):
    data.replace(M, HAITI + ENDED, "    country: HT\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "id: minustah"), "status is missing", "oldest first")


# --- Status dates against the day of the build (issue 32) --------------------------------------
# The day of the build is the reference date (SOURCE_DATE_EPOCH, which a release pins, else the last
# commit) or today when that is later; the tests pin one far ahead of any real today.
BUILD_DAY = "2099-06-30"
TO_COME = (
    "a status is added once it has begun (until then the mission keeps the status above it, and the site never "
    "counts a change before its day): add it on that day or after, or check the date"
)


@pytest.fixture
def build_day(monkeypatch) -> str:
    monkeypatch.delenv("PEACEOPS_REFERENCE_EPOCH", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2099, 6, 30, 12, tzinfo=UTC).timestamp())))
    return BUILD_DAY


def test_a_status_dated_after_today_is_refused_at_its_date(data, monkeypatch):
    """The issue's case: an "ended" a year ahead would stop counting the mission as under way before its day."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("PEACEOPS_REFERENCE_EPOCH", raising=False)
    today = datetime.now(tz=UTC).date()
    later = (today + timedelta(days=365)).isoformat()
    data.replace(M, ENDED, ENDED.replace("2017-10-15", later))
    problem = only_problem(data.problems())
    line, column = data.where(M, later)
    assert str(problem) == f"data/{M}:{line}:{column}: since ({later}) is later than today ({today}); {TO_COME}"


@pytest.mark.parametrize(
    "since, refused",
    [
        ("2099-06-30", False),  # the day of the build itself
        ("2099-07-01", True),
        ("2099-06", False),  # a month that has begun
        ("2099-07", True),
        ("2099", False),  # a year that has begun
        ("2100", True),
    ],
)
def test_a_status_may_be_dated_up_to_the_day_of_the_build(data, build_day, since, refused):
    data.replace(M, ENDED, ENDED.replace("2017-10-15", since))
    if not refused:
        assert_data_ok(data)
        return
    problem = only_problem(data.problems())
    line, column = data.where(M, f"ended, since: {since}", offset=len("ended, since: "))
    assert str(problem) == f"data/{M}:{line}:{column}: since ({since}) is later than today ({build_day}); {TO_COME}"


def test_a_status_bounded_by_evidence_is_refused_only_when_its_earliest_is_to_come(data, build_day):
    """A range whose latest is ahead can still be true (the status began by today); one whose earliest is
    ahead cannot."""
    data.replace(M, ENDED, ENDED.replace("2017-10-15", "{latest: 2100, reason: test}"))
    assert_data_ok(data)
    data.replace(M, "{latest: 2100, reason: test}", "{earliest: 2099-06, latest: 2100, reason: test}")
    assert_data_ok(data)
    data.replace(M, "{earliest: 2099-06,", "{earliest: 2099-07,")
    problem = only_problem(data.problems())
    line, column = data.where(M, "2099-07")
    assert str(problem) == (
        f"data/{M}:{line}:{column}: earliest (2099-07) is later than today ({build_day}); a status is added once "
        "it has begun, so the first day it can have begun is not in the future: check the date, or add the "
        "status once it has begun"
    )


def test_two_statuses_on_the_same_day_are_refused_at_the_second(data):
    suspended = ENDED.replace("state: ended", "state: suspended")
    data.replace(M, ENDED, suspended + ENDED)
    problem = only_problem(data.problems())
    first_line = data.where(M, suspended)[0]
    line, column = data.where(M, ENDED, offset=ENDED.index("2017-10-15"))
    assert str(problem) == (
        f"data/{M}:{line}:{column}: since (2017-10-15) is the same day as the status above it (suspended since "
        f"2017-10-15, line {first_line}); a mission has one status a day: keep the one it had at the end of that day"
    )


@pytest.mark.parametrize("first, second", [("2017-10", "2017-10-15"), ("2017", "2017"), ("2017-10-15", "2017-10")])
def test_two_statuses_in_the_same_month_or_year_may_be_on_different_days(data, first, second):
    suspended = ENDED.replace("state: ended", "state: suspended").replace("2017-10-15", first)
    data.replace(M, ENDED, suspended + ENDED.replace("2017-10-15", second))
    assert_data_ok(data)


def test_a_status_before_one_further_up_is_out_of_order_even_with_an_undated_one_between(data):
    undated = "      - {state: suspended, source: rcmp-current-operations-v-minujusth}\n"
    data.replace(M, ENDED, undated + ENDED.replace("2017-10-15", "2003"))
    problem = ordering_problem(data.problems())  # (the figures then fall after the end too: their own messages)
    line, column = data.where(M, "ended, since: 2003", offset=len("ended, since: "))
    assert str(problem) == (
        f"data/{M}:{line}:{column}: since (2003) is before the since of the status above it (2004, line "
        f"{data.where(M, BEGAN)[0]}); list the statuses oldest first, or check both dates"
    )


def test_a_range_by_evidence_for_a_past_date_cannot_begin_after_today(data, build_day):
    """A figure's as_of and a source's dated: (the class of the status rule, for the other past-only dates)."""
    data.replace(M, "        count: 131\n        as_of: 2010\n", "        count: 131\n        as_of: {earliest: 2100, reason: test}\n")
    data.replace(S, "dated: {earliest: 2013, latest: 2015,", "dated: {earliest: 2100-02, latest: 2100-03,")
    words = "it says when something already happened, so it cannot be in the future: check the year, the month and the day"
    found = sorted(str(problem) for problem in data.problems() if "later than today" in problem.message)
    assert found == [
        f"data/{M}:{data.where(M, 'earliest: 2100')[0]}:{data.where(M, 'earliest: 2100', offset=10)[1]}: as_of's "
        f"earliest (2100) is later than today ({build_day}); {words}",
        f"data/{S}:{data.where(S, 'earliest: 2100-02')[0]}:{data.where(S, 'earliest: 2100-02', offset=10)[1]}: "
        f"dated's earliest (2100-02) is later than today ({build_day}); {words}",
    ]


@pytest.mark.parametrize(
    "since, words",
    [
        ("{reason: nothing shows it}", ("since needs earliest: or latest:", "reason:")),
        ("{earliest: 2016, latest: 2014, reason: test}", ("earliest (2016) is after latest (2014)",)),
    ],
)
def test_a_range_by_evidence_with_no_bound_or_crossed_bounds(data, since, words):
    data.replace(M, BEGAN, BEGAN.replace("since: 2004", f"since: {since}"))
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, since), *words)


def test_a_range_by_evidence_without_its_reason(data):
    data.replace(M, BEGAN, BEGAN.replace("since: 2004", "since: {earliest: 2003}"))
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "{earliest: 2003}"), "reason is missing", "why these bounds")


def test_a_misspelled_field_in_a_range_by_evidence(data):
    data.replace(M, BEGAN, BEGAN.replace("since: 2004", "since: {earlist: 2003, reason: test}"))
    problems = data.problems()
    problem = only_problem([p for p in problems if "earlist" in p.message])
    assert_at(problem, M, data.where(M, "earlist"), '"earlist" is not a field', 'did you mean "earliest"')


def test_another_view_without_its_source(data):
    data.replace(M, BEGAN, BEGAN.replace("}\n", ", another_view: {text: {en: A, fr: B}, as_of: 2020}}\n"))
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "{text: {en: A"), "source is missing", "key of the other source")


def test_a_figure_dated_after_its_missions_end(data):
    data.replace(M, "        count: 131\n        as_of: 2010\n", "        count: 131\n        as_of: 2018-03\n")
    problem = only_problem(data.problems())
    end_line = data.where(M, ENDED)[0]
    assert_at(problem, M, data.where(M, "as_of: 2018-03\n", offset=7), "as_of (2018-03) is after the mission's end",
              f"(2017-10-15, line {end_line})")


def test_a_figure_whose_range_begins_after_its_missions_end(data):
    data.replace(M, "        count: 131\n        as_of: 2010\n",
                 "        count: 131\n        as_of: {earliest: 2018, reason: test}\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "{earliest: 2018", offset=0), "as_of (2018 to ?) is after the mission's end")


def test_a_figure_dated_after_the_latest_end_its_range_by_evidence_allows(data):
    # The end no source states, bounded by evidence: a figure after its latest bound is after the end.
    data.replace(M, ENDED, ENDED.replace("since: 2017-10-15", "since: {earliest: 2016, latest: 2017-10-15, reason: test}"))
    data.replace(M, "        count: 131\n        as_of: 2010\n", "        count: 131\n        as_of: 2018-03\n")
    problem = only_problem(data.problems())
    end_line = data.where(M, "{earliest: 2016, latest: 2017-10-15")[0]
    assert_at(problem, M, data.where(M, "as_of: 2018-03\n", offset=7), "as_of (2018-03) is after the mission's end",
              f"(2016 to 2017-10-15, line {end_line})")


@pytest.mark.parametrize("since", ["{earliest: 2016, latest: 2018, reason: test}", "{earliest: 2016, reason: test}"])
def test_a_figure_the_end_s_range_allows_is_not_refused(data, since):
    # The evidence allows the end as late as 2018, or (no latest bound) any time after 2016.
    data.replace(M, ENDED, ENDED.replace("since: 2017-10-15", f"since: {since}"))
    data.replace(M, "        count: 131\n        as_of: 2010\n", "        count: 131\n        as_of: 2018-03\n")
    try:
        load(data.folder)
    except DataError as error:
        assert not [p for p in error.problems if "after the mission's end" in p.message], error.problems


def test_figure_dated_before_the_mission_started(data):
    data.replace(M, "        count: 131\n        as_of: 2010\n", "        count: 131\n        as_of: 1999\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "as_of: 1999", offset=7), "as_of (1999)", "before the mission's start")


# --- Between records --------------------------------------------------------------------------
def test_duplicate_mission_id(data):
    text = data.text(M)
    start = text.index("  - id: minustah\n")
    end = text.index("  - id:", start + 1)
    data.path(M).write_text(text + "\n" + text[start:end], encoding="utf-8")
    problem = only_problem(data.problems())
    first_line = text[:start].count("\n") + 1
    second_line = text.count("\n") + 2
    assert_at(problem, M, (second_line, 9), 'id "minustah"', f"line {first_line}", "its own id")


# --- Texts ------------------------------------------------------------------------------------
def test_text_in_only_one_language(data):
    data.replace(M, ACRONYM, "    acronym: {en: MINUSTAH}\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "{en: MINUSTAH}"), "French text (fr:) is missing", "both en: and fr:")


def test_empty_text(data):
    data.replace(M, ACRONYM, "    acronym: {en: MINUSTAH, fr: ''}\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "''"), "acronym.fr is empty", "write the text")


@pytest.mark.parametrize(
    "typed", ["United Nations <script>alert(1)</script>", 'Mission <b onclick="x()">Haiti</b>', "javascript:alert(1)"]
)
def test_html_or_script_in_a_text(data, typed):
    data.replace(M, NAME_EN, f"      en: {typed}\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, typed), "name.en", "HTML or script", "plain text only")


# --- Addresses and contacts -------------------------------------------------------------------
def test_malformed_web_address(data):
    data.replace(S, 'address: {en: "https://www.canadiansoldiers.com/', 'address: {en: "htps://www.canadiansoldiers.com/')
    problem = only_problem(data.problems())
    assert_at(problem, S, data.where(S, '"htps://'), "address.en", "web address starting with https://")


def test_malformed_email(data):
    data.replace("contacts.yaml", "ipobadmin-sdmpiadmin@rcmp-grc.gc.ca", "ipobadmin-sdmpiadmin.rcmp-grc.gc.ca")
    problem = only_problem(data.problems())
    assert_at(problem, "contacts.yaml", data.where("contacts.yaml", "ipobadmin-sdmpiadmin."), "email", "name@example.gc.ca")


def test_contact_without_email_or_web_address(data):
    data.replace("contacts.yaml", "    email: ipobadmin-sdmpiadmin@rcmp-grc.gc.ca\n", "")
    problem = only_problem(data.problems())
    place = data.where("contacts.yaml", "label:\n      en: Questions about the program")
    assert_at(problem, "contacts.yaml", place, "neither an email nor a web address", "add email: or web:")


# --- Whole files ------------------------------------------------------------------------------
def test_empty_file(data):
    data.path(M).write_text("", encoding="utf-8")
    assert_at(only_problem(data.problems()), M, (1, 1), "empty", "missions:")


def test_file_with_only_comments(data):
    data.path(M).write_text("# yaml-language-server: $schema=../schema/missions.schema.json\n# nothing yet\n")
    assert_at(only_problem(data.problems()), M, (1, 1), "empty")


def test_missing_file(data):
    data.path("contacts.yaml").unlink()
    assert_at(only_problem(data.problems()), "contacts.yaml", (1, 1), "missing", "contact channels")


def test_empty_list_of_missions(data):
    data.path(M).write_text("missions: []\n", encoding="utf-8")
    assert_at(only_problem(data.problems()), M, (1, 11), "list of missions is empty", "add at least one mission")


def test_missions_with_nothing_under_it(data):
    data.path(M).write_text("missions:\n", encoding="utf-8")
    assert_at(only_problem(data.problems()), M, (1, 1), "missions must be a list", '"- "', "got nothing")


def test_file_that_does_not_start_with_its_list(data):
    data.path(M).write_text("- id: minustah\n", encoding="utf-8")
    assert_at(only_problem(data.problems()), M, (1, 1), 'start with "missions:"')


def test_file_not_saved_as_utf8(data):
    text = data.text(M)
    data.path(M).write_bytes(text.encode("cp1252"))  # how an editor on Windows might save "Haïti"
    first = next(i for i, c in enumerate(text) if ord(c) > 127)  # the first byte that is not UTF-8
    line = text.count("\n", 0, first) + 1
    column = first - text.rfind("\n", 0, first)
    assert_at(only_problem(data.problems()), M, (line, column), "not saved as UTF-8", "save it again")


def test_file_too_large(data):
    data.path(M).write_text(data.text(M) + "#" * (3 * 1024 * 1024), encoding="utf-8")
    assert_at(only_problem(data.problems()), M, (1, 1), "KB", "more than the 2048 KB allowed")


def test_file_nested_too_deep_fails_fast(data):
    data.path(M).write_text("missions: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    problem = only_problem(data.problems())
    assert time.perf_counter() - started < 2.0  # generous for a busy machine; expanding would never end
    assert_at(problem, M, (1, 11 + 9), "nested more than 10 levels")  # the 11th level opens at "[" no. 10


def test_alias_bomb_fails_fast_without_expanding(data):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 30)]
    data.path(M).write_text("\n".join(lines) + "\nmissions: *a29\n", encoding="utf-8")
    started = time.perf_counter()
    problems = data.problems()
    assert time.perf_counter() - started < 2.0  # generous for a busy machine; expanding would never end
    assert_at(problems[0], M, (1, 5), "anchors (&a0) are not allowed")
    assert_at(problems[1], M, (2, 5), "anchors (&a1) are not allowed")
    assert_at(problems[2], M, (2, 10), "aliases (*a0) are not allowed", "write the value out in full")


# --- Sources and dates (data/sources.yaml, data/dataset.yaml) ----------------------------------
SCRIBD = "        source: scribd-canada-un-peacekeeping\n"  # minustah's 2010 deployed figure cites it


def test_a_figure_citing_a_source_that_is_not_in_sources_yaml(data):
    data.replace(M, COUNT + "        as_of: 2010\n" + SCRIBD, COUNT + "        as_of: 2010\n        source: scribd-canada-un-peacekeping\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "scribd-canada-un-peacekeping"), '"scribd-canada-un-peacekeping" is not a key in data/sources.yaml',
              'did you mean "scribd-canada-un-peacekeeping"')


def test_a_mission_citing_an_unknown_source_key(data):
    data.replace(M, "      - rcmp-gazette-mission-progress\n", "      - https://www.rcmp-grc.gc.ca/en/gazette/mission-progress\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "https://www.rcmp-grc.gc.ca/en/gazette"), "is not a key in data/sources.yaml")


def test_a_program_fact_citing_an_unknown_source_key(data):
    data.replace(P, "        source: rcmp-po-mp-cpa-2006-2011\n", "        source: rcmp-po-mp-cpa-2006\n")
    problem = only_problem(data.problems())
    assert_at(problem, P, data.where(P, "rcmp-po-mp-cpa-2006\n"), '"rcmp-po-mp-cpa-2006" is not a key in data/sources.yaml')


def test_a_contact_citing_an_unknown_source_key(data):
    data.replace("contacts.yaml", "    source: rcmp-annual-report-2024-2025\n", "    source: rcmp-annual-report-2025\n")
    problem = only_problem(data.problems())
    assert_at(problem, "contacts.yaml", data.where("contacts.yaml", "rcmp-annual-report-2025\n"),
              '"rcmp-annual-report-2025" is not a key in data/sources.yaml', 'did you mean "rcmp-annual-report-2024-2025"')


@pytest.mark.parametrize("host", ["veterans.dev.aks.cloud.veterans.gc.ca", "staging.rcmp.ca", "test.grc.ca", "rcmp-dev.example.gc.ca"])
def test_a_source_on_a_development_staging_or_test_host(data, host):
    data.replace(S, '"https://www.metro.us/canadian-police-join-un-mission-to-sudan/"', f'"https://{host}/page"')
    problem = only_problem(data.problems())
    assert_at(problem, S, data.where(S, f'"https://{host}'), "address.en", "development, staging or test server", host)


def test_two_sources_with_the_same_key(data):
    first = data.where(S, "  - key: walrus-2005-03-security\n")[0]
    text = data.text(S)
    data.path(S).write_text(text + "\n  - key: walrus-2005-03-security\n    publisher: {en: X, fr: Y}\n"
                            "    title: {en: Z}\n    address: {en: 'https://example.org/z'}\n    consulted: 2026-11-30\n", encoding="utf-8")
    problem = only_problem(data.problems())
    assert_at(problem, S, (text.count("\n") + 2, 10), "already used", f"line {first}")


def test_a_source_with_a_stated_date_and_a_range_both(data):
    data.replace(S, "    published: 2005-03\n", "    published: 2005-03\n    dated: {earliest: 2005, reason: test}\n")
    problem = only_problem(data.problems())
    line = data.where(S, "  - key: walrus-2005-03-security")[0]
    assert (problem.path, problem.line) == ("data/sources.yaml", line)
    assert "both published:" in problem.message and "dated:" in problem.message


@pytest.mark.parametrize("dates", ["", "    consulted: 2026-11-29\n", "    dated: {latest: 2005, reason: test}\n"])
def test_a_source_may_state_no_date_and_keep_the_day_it_was_read(data, dates):
    data.replace(S, "    published: 2005-03\n", dates)
    assert_data_ok(data)


def test_a_source_with_no_french_and_a_french_address(data):
    old = 'address: {en: "https://www.metro.us/canadian-police-join-un-mission-to-sudan/"}'
    data.replace(S, old, old.replace("}", ', fr: "https://www.metro.us/fr/"}').replace("address", "address") +
                 "\n    no_french: not found on the French site")
    data.replace(S, "title: {en: Canadian police join UN mission to Sudan}",
                 "title: {en: Canadian police join UN mission to Sudan, fr: Policiers}")
    problem = only_problem(data.problems())
    assert_at(problem, S, data.where(S, "not found on the French site"), "no_french:", "address has fr:")


def test_a_source_with_a_title_in_one_language_and_an_address_in_two(data):
    data.replace(S, 'address: {en: "https://www.metro.us/canadian-police-join-un-mission-to-sudan/"}',
                 'address: {en: "https://www.metro.us/canadian-police-join-un-mission-to-sudan/", fr: "https://www.metro.us/fr/"}')
    problem = only_problem(data.problems())
    assert_at(problem, S, data.where(S, 'en: "https://www.metro.us/canadian-police-join-un-mission-to-sudan/", fr', offset=-1),
              "English and French", "English only")


def test_a_month_that_does_not_exist(data):
    data.replace(S, "    published: 2005-03\n", "    published: 2005-13\n")
    problem = only_problem(data.problems())
    assert_at(problem, S, data.where(S, "2005-13"), "published", "not a real date")


def test_review_by_missing_from_dataset_yaml(data):
    data.replace(D, "review_by: 2027-05-31\n", "")
    problem = only_problem(data.problems())
    assert problem.path == "data/dataset.yaml" and "review_by is missing" in problem.message


def test_review_by_not_a_full_date(data):
    data.replace(D, "review_by: 2027-05-31\n", "review_by: 2027\n")
    problem = only_problem(data.problems())
    assert_at(problem, D, data.where(D, "2027\n"), "review_by", "YYYY-MM-DD")


# --- All at once ------------------------------------------------------------------------------
def test_every_problem_in_every_file_in_one_run(data):
    data.replace(M, COUNT, "        count: many\n")
    data.replace(M, BEGAN, BEGAN.replace("2004", "2004-13-01"))
    data.replace("contacts.yaml", "ipobadmin-sdmpiadmin@rcmp-grc.gc.ca", "nobody")
    problems = data.problems()
    assert [(p.path, p.line, p.column) for p in problems] == [
        ("data/contacts.yaml", *data.where("contacts.yaml", "nobody")),
        ("data/missions.yaml", *data.where(M, "2004-13-01")),
        ("data/missions.yaml", *data.where(M, "count: many", offset=7)),
    ]


def test_the_repository_data_has_no_problems():
    from datacopy import ROOT

    from peaceops.source.dataset import load

    dataset = load(ROOT / "data")
    assert dataset.missions


def test_a_latitude_written_as_a_list_is_told_with_its_limits(data):
    # Once a traceback (the message names the limit, which a list's refusal did not give): found by mutmut.
    data.replace(M, "      latitude: 40.71427\n", "      latitude: [40, 71427]\n")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "[40, 71427]"), "latitude must be a number of degrees between -90 and 90", "got a list")
