"""Messages that lead to the fix (issue 35): an indentation mistake is named as one, with its line, how
far and what the line now sits under; a "did you mean" between a citation and a new source says which
of the two keys to correct. Each test makes its own edit in a copy of data/ and works out the places it
expects from that edit; the whole message is written out, as an editor reads it.
"""
from __future__ import annotations

import pytest
from datacopy import DataCopy, only_problem

M, S, C = "missions.yaml", "sources.yaml", "contacts.yaml"
UNMIK_NAME_FR = "      fr: Mission d'administration intérimaire des Nations Unies au Kosovo\n"
UNMIK_LEAD = "    lead: UN\n    country: kosovo\n"
UNMIK_STATUS_SOURCE = "        source: dorn-tracking-2023-09-30\n    officers:\n      # The UN's monthly counts of Canadian police in UNMIK"  # the multi-line status
MONUSCO_FIGURE = "        count: 13\n        as_of: 2021-04-14\n        source: rcmp-news-2021-04-14-drc\n"


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def line_of(data: DataCopy, needle: str, name: str = M) -> int:
    return data.where(name, needle)[0]


def message_at(data: DataCopy, name: str, needle: str) -> str:
    """The only problem's message, checked to be placed at the first non-space character of ``needle``."""
    problem = only_problem(data.problems())
    line, column = data.where(name, needle)
    column += len(needle) - len(needle.lstrip(" "))
    assert (problem.path, problem.line, problem.column) == (f"data/{name}", line, column), str(problem)
    return problem.message


# --- A field that YAML reads as part of another: one level too deep or not deep enough ------------
def test_a_field_indented_under_the_field_above_is_named_as_an_indentation_mistake(data):
    """lead: indented under name: is valid YAML (a field of the name): not "lead is missing" and a list
    of the name's fields, but one line saying how far, what it sits under, and what to line it up with."""
    data.replace(M, UNMIK_NAME_FR + UNMIK_LEAD, UNMIK_NAME_FR + "      lead: UN\n    country: kosovo\n")
    name = line_of(data, "    name:\n      en: United Nations Interim Administration")
    assert message_at(data, M, "      lead: UN\n    country: kosovo") == (
        f"lead: is indented 2 spaces too far: it sits under name: (line {name}), which cannot hold lead:; "
        "move it 2 spaces to the left, in line with name:"
    )


def test_an_optional_field_indented_under_a_text_is_named_so_too(data):
    mandate_fr = "      fr: La mission d'administration intérimaire des Nations Unies au Kosovo"
    data.replace(M, mandate_fr, "      language: en\n" + mandate_fr)
    mandate = line_of(data, "    mandate:\n      en: The UN's interim")
    assert message_at(data, M, "      language: en\n") == (
        f"language: is indented 2 spaces too far: it sits under mandate: (line {mandate}), which cannot hold "
        "language:; move it 2 spaces to the left, in line with mandate:"
    )


def test_a_field_indented_into_a_list_item_names_the_item(data):
    role = "        fr: Travailler dans les camps de personnes déplacées par le séisme de 2010\n"
    data.replace(M, role + "    language: fr\n", role + "        language: fr\n")
    item = line_of(data, "      - en: Work in camps for people displaced")
    roles = line_of(data, "    roles:\n      - en: Monitor, advise and train the Haitian")
    assert message_at(data, M, "        language: fr\n") == (
        f"language: is indented 4 spaces too far: it sits in the item of roles: that starts on line {item}, which "
        f"cannot hold language:; move it 4 spaces to the left, in line with roles: (line {roles})"
    )


def test_a_text_not_indented_far_enough_is_named_as_such(data):
    """fr: of a name moved left to the mission's fields: not "the French text is missing" and "fr is not
    a field that can go here", but how far to move it back, in line with en:."""
    data.replace(M, UNMIK_NAME_FR, "    fr: Mission d'administration intérimaire des Nations Unies au Kosovo\n")
    name = line_of(data, "    name:\n      en: United Nations Interim Administration")
    assert message_at(data, M, "    fr: Mission d'administration intérimaire") == (
        f"fr: is not indented far enough (2 spaces too few): it sits beside name: (line {name}) instead of inside "
        f"it; indent it 2 spaces further, in line with en: (line {name + 1})"
    )


def test_the_last_field_of_a_multi_line_status_moved_left_belongs_to_that_status(data):
    data.replace(M, UNMIK_STATUS_SOURCE, UNMIK_STATUS_SOURCE.replace("        source:", "    source:"))
    status = line_of(data, "    status:\n      - {state: under_way, since: 1999-06")
    state = line_of(data, "      - state: under_way\n        since: {earliest: 2021-09")
    assert message_at(data, M, "    source: dorn-tracking-2023-09-30\n    officers:\n      # The UN's monthly counts of Canadian police in UNMIK") == (
        f"source: is not indented far enough (4 spaces too few): it sits beside status: (line {status}) instead "
        f"of inside it; indent it 4 spaces further, in line with state: (line {state})"
    )


# --- Lines YAML cannot read because of their indentation ------------------------------------------
def test_two_spaces_too_many_under_a_field_with_its_value(data):
    """Not "put text containing ': ' in quotes", which changes nothing."""
    data.replace(M, UNMIK_LEAD, "    lead: UN\n      country: kosovo\n")
    lead = line_of(data, "    lead: UN\n      country: kosovo")
    assert message_at(data, M, "      country: kosovo\n") == (
        f"this line is indented 2 spaces more than lead: (line {lead}), so it sits under lead:, which already "
        "has its value on its own line; move it 2 spaces to the left, in line with lead:"
    )


def test_four_spaces_too_many_says_where_the_field_is_written_elsewhere(data):
    """lead: under fr: could line up with fr:, but lead: is a mission's field: in line with name:."""
    data.replace(M, UNMIK_NAME_FR + UNMIK_LEAD, UNMIK_NAME_FR + "        lead: UN\n    country: kosovo\n")
    fr = line_of(data, UNMIK_NAME_FR + "        lead: UN")
    name = line_of(data, "    name:\n      en: United Nations Interim Administration")
    assert message_at(data, M, "        lead: UN\n    country: kosovo") == (
        f"this line is indented 2 spaces more than fr: (line {fr}), so it sits under fr:, which already has its "
        f"value on its own line; move it 4 spaces to the left, in line with name: (line {name})"
    )


def test_a_field_of_a_multi_line_status_moved_right(data):
    data.replace(M, UNMIK_STATUS_SOURCE, UNMIK_STATUS_SOURCE.replace("        source:", "          source:"))
    since = line_of(data, "        since: {earliest: 2021-09")
    assert message_at(data, M, "          source: dorn-tracking-2023-09-30\n    officers:\n      # The UN's monthly counts of Canadian police in UNMIK") == (
        f"this line is indented 2 spaces more than since: (line {since}), so it sits under since:, which already "
        "has its value on its own line; move it 2 spaces to the left, in line with since:"
    )


def test_a_field_of_a_multi_line_status_at_the_items_indentation(data):
    data.replace(M, UNMIK_STATUS_SOURCE, UNMIK_STATUS_SOURCE.replace("        source:", "      source:"))
    status = line_of(data, "    status:\n      - {state: under_way, since: 1999-06")
    since = line_of(data, "        since: {earliest: 2021-09")
    assert message_at(data, M, "      source: dorn-tracking-2023-09-30\n    officers:\n      # The UN's monthly counts of Canadian police in UNMIK") == (
        f'this line is indented like the items of the list under status: (line {status}), but it is not an item '
        f'(it does not start with "- "); indent it 2 spaces further, in line with since: (line {since})'
    )


def test_a_mission_field_after_a_list_at_the_items_indentation(data):
    sources = "      - ps-ipp-page-v-4300\n      - rcmp-annual-report-2024-2025\n      - dorn-tracking-2023-09-30\n      - dorn-tracking-2024-08-30\n"
    data.replace(M, sources + "    updated:", sources + "      updated:")
    opener = line_of(data, "    sources:\n      - balkans35-canadian-police\n      - ps-ipp-page-v-4300")
    assert message_at(data, M, "      updated: 2026-12-07\n\n  - id: jiptc") == (
        f'this line is indented like the items of the list under sources: (line {opener}), but it is not an item '
        f'(it does not start with "- "); move it 2 spaces to the left, in line with sources: (line {opener})'
    )


def test_a_list_item_out_of_line_with_the_one_above(data):
    ended = "      - {state: ended, since: 2004-03, source: balkans35-canadian-police}\n"
    data.replace(M, ended, ended[2:])
    above = line_of(data, "      - {state: under_way, since: 1999-06")
    assert message_at(data, M, ended[2:]) == (
        f'this item ("- ") is indented 2 spaces less than the item above it in its list (line {above}); the items '
        "of a list line up: move it 2 spaces to the right"
    )


def test_a_field_moved_left_between_the_fields_of_a_figure_is_the_line_named(data):
    """as_of: moved left, between count: and source: of a figure: the parser stops at source:, but the
    line to move is as_of:, back in line with count:."""
    data.replace(M, MONUSCO_FIGURE, MONUSCO_FIGURE.replace("        as_of:", "    as_of:"))
    count = line_of(data, "        count: 13\n    as_of: 2021-04-14")
    assert message_at(data, M, "    as_of: 2021-04-14\n") == (
        f"this line is indented 4 spaces less than the lines above and below it (lines {count} and {count + 2}), "
        f"so it ends the entry they are part of; indent it 4 spaces further, in line with count: (line {count})"
    )


def test_an_indentation_mistake_in_another_file_is_named_the_same_way(data):
    label = "      en: Questions about the program\n      fr: Questions sur le programme\n"
    data.replace(C, label, label.replace("      fr:", "        fr:"))
    en = line_of(data, label.splitlines()[0] + "\n        fr:", C)
    assert message_at(data, C, "        fr: Questions sur le programme") == (
        f"this line is indented 2 spaces more than en: (line {en}), so it sits under en:, which already has its "
        "value on its own line; move it 2 spaces to the left, in line with en:"
    )


def test_a_colon_inside_a_text_still_asks_for_quotes(data):
    """A line at the right indentation whose text holds ": " is not an indentation mistake."""
    data.replace(M, "      en: United Nations Interim Administration Mission in Kosovo\n",
                 "      en: United Nations: Interim Administration Mission in Kosovo\n")
    problem = only_problem(data.problems())
    assert "put text containing" in problem.message and "quotes" in problem.message
    assert "indented" not in problem.message


# --- A mistyped source key: which side to correct -------------------------------------------------
NEW_SOURCE = """
  - key: guatemala-agreemnt
    publisher: {en: Government of Canada, fr: Gouvernement du Canada}
    title: {en: Police cooperation with Guatemala}
    address: {en: "https://example.org/guatemala"}
    published: 2026-12-05
"""
NEW_MISSION = """
  - id: guatemala-police
    acronym: {en: CPM Guatemala, fr: MPC Guatemala}
    name: {en: Canadian police mission in Guatemala, fr: Mission de police canadienne au Guatemala}
    lead: bilateral
    country: GT
    status:
      - {state: under_way, since: 2026-12-05, source: guatemala-agreement}
    officers:
      - {kind: authorized_up_to, count: 5, as_of: 2026-12-05, source: guatemala-agreement}
    mandate: {en: Canadian police officers advise Guatemala's police., fr: Des policiers canadiens conseillent la police du Guatemala.}
    sources:
      - guatemala-agreement
    updated: 2026-12-07
"""


def add(data: DataCopy, name: str, block: str) -> None:
    data.path(name).write_text(data.text(name).rstrip("\n") + "\n" + block, encoding="utf-8")


def test_a_typo_in_a_new_sources_key_is_corrected_there_not_copied_into_the_mission(data):
    """The mission cites "guatemala-agreement" three times, alike; the new source's key, which nothing
    cites, is "guatemala-agreemnt". One problem, at that key: correct it there."""
    add(data, S, NEW_SOURCE)
    add(data, M, NEW_MISSION)
    problem = only_problem(data.problems())
    key = data.where(S, "key: guatemala-agreemnt", offset=len("key: "))
    assert (problem.path, problem.line, problem.column) == (f"data/{S}", *key)
    cited = [line_of(data, needle) for needle in (
        "since: 2026-12-05, source: guatemala-agreement", "count: 5, as_of: 2026-12-05", "      - guatemala-agreement\n")]
    places = ", ".join(f"data/missions.yaml:{line}" for line in cited)
    assert problem.message == (
        f'key "guatemala-agreemnt" is cited nowhere, but 3 places cite "guatemala-agreement", which is not a key '
        f'here ({places}); if this is the source they mean, correct its key here to "guatemala-agreement"'
    )


def test_one_citation_of_a_new_source_with_a_close_key_names_both_ways(data):
    add(data, S, NEW_SOURCE)
    figure = "        source: rcmp-news-2021-04-14-drc\n        note: Five since"
    data.replace(M, figure, figure.replace("rcmp-news-2021-04-14-drc", "guatemala-agreement"))
    problems = [p for p in data.problems() if "guatemala" in p.message]
    [problem] = problems
    key = line_of(data, "key: guatemala-agreemnt", S)
    assert (problem.path, problem.line) == (f"data/{M}", line_of(data, "source: guatemala-agreement"))
    assert problem.message == (
        f'source "guatemala-agreement" is not a key in data/sources.yaml; the source with the key '
        f'"guatemala-agreemnt" (data/sources.yaml, line {key}) is cited nowhere yet: if it is the one meant here, '
        'one of the two keys has a typing mistake: correct it here to "guatemala-agreemnt", or correct that key '
        'to "guatemala-agreement"'
    )


def test_a_typo_in_a_citation_of_a_source_cited_elsewhere_says_did_you_mean(data):
    """The key in sources.yaml is cited elsewhere: it is the right one; the citation is corrected."""
    figure = "        source: rcmp-news-2021-04-14-drc\n        note: Five since"
    data.replace(M, figure, figure.replace("rcmp-news-2021-04-14-drc", "rcmp-news-2021-04-14-dcr"))
    problem = only_problem(data.problems())
    assert (problem.path, problem.line) == (f"data/{M}", line_of(data, "source: rcmp-news-2021-04-14-dcr"))
    assert problem.message.startswith(
        'source "rcmp-news-2021-04-14-dcr" is not a key in data/sources.yaml (did you mean "rcmp-news-2021-04-14-drc"?)'
    )
