"""Issue 30: data/publisher.yaml names its publisher truly. `make check` refuses a placeholder or a
description that names no one (empty, "TBD", "Example", "the site's independent editors" ...), in
either language, for the independent publisher and for the organization, with one placed line each;
a program page that is not a source's key; a Government of Canada e-mail for an independent site's
reports; and a REPOSITORY_URL that is not a web address.

The expected lines are written out here, placed at the test's own edit (datacopy.DataCopy.where).
The checks run in-process (peaceops.source.publisher.load_publisher); one runs through `check`.
"""
from __future__ import annotations

import pytest
from conftest import ROOT, copy_inputs, edit, run_check
from datacopy import DataCopy

from peaceops.source.dataset import load
from peaceops.source.problems import DataError
from peaceops.source.publisher import load_publisher, names_no_one, repository_address

F = "publisher.yaml"
NAME_EN = "    en: the peaceops open-source project\n"
NAME_FR = "    fr: le projet à code source ouvert peaceops\n"
PLACEHOLDER = (
    "name.{language} must be the publisher's own name, got \"{got}\", which is a placeholder or a description "
    "that names no one; write their name as readers should read it in \"This site is published by ...\" "
    "(for example \"the peaceops open-source project\")"
)


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def lines(data: DataCopy) -> list[str]:
    """Every problem load_publisher reports, as `make check` prints it; fails if it reports none."""
    try:
        load_publisher(data.folder, ROOT / "theme", load(data.folder).sources.keys())
    except DataError as error:
        return [str(problem) for problem in error.problems]
    raise AssertionError("the publisher file was accepted, but it has a mistake in it")


def at(data: DataCopy, needle: str, offset: int) -> str:
    line, column = data.where(F, needle, offset)
    return f"data/{F}:{line}:{column}"


# Placeholders of every kind an editor leaves: the one this issue found, blanks, words standing for a
# name, phrases, generic descriptions, in English and French.
@pytest.mark.parametrize(
    "got",
    [
        "the site's independent editors",
        "TBD",
        "Example",
        "Lorem ipsum",
        "Publisher name",
        "Your organization here",
        "[Publisher]",
        "...",
        "N/A",
        "To be determined",
        "XXXX",
        "Independent publisher",
        "The open-source project",
        "Site editors",
    ],
)
def test_a_placeholder_as_the_independent_publisher_is_refused_at_its_line(data, got):
    written = f'    en: "{got}"' if got[0] in "[." else f"    en: {got}"  # YAML reads [ and . apart
    data.replace(F, NAME_EN, written + "\n")
    assert lines(data) == [f"{at(data, written, 8)}: " + PLACEHOLDER.format(language="en", got=got)]


@pytest.mark.parametrize(
    "got", ["l'équipe de rédaction indépendante du site", "À déterminer", "Nom de l'éditeur", "Exemple", "Inconnu"]
)
def test_a_placeholder_in_french_is_refused_too(data, got):
    data.replace(F, NAME_FR, f"    fr: {got}\n")
    assert lines(data) == [f"{at(data, '    fr: ' + got, 8)}: " + PLACEHOLDER.format(language="fr", got=got)]


def test_the_organization_s_name_is_held_to_the_same_rule(data):
    data.replace(F, "    en: Royal Canadian Mounted Police\n", "    en: The organization\n")
    assert lines(data) == [
        f"{at(data, '    en: The organization', 8)}: " + PLACEHOLDER.format(language="en", got="The organization")
    ]


def test_an_empty_name_is_refused_at_its_line(data):
    data.replace(F, NAME_EN, '    en: ""\n')
    assert lines(data) == [
        f"{at(data, '    en: ' + chr(34), 8)}: name.en is empty; write the text, or remove the line if the field "
        "is optional"
    ]


def test_every_problem_in_the_file_is_reported_at_once(data):
    data.replace(F, NAME_FR, "    fr: TBD\n")
    data.replace(F, "  program_page: rcmp-current-peace-operations\n", "  program_page: rcmp-current-peace-operation\n")
    assert lines(data) == sorted(
        [
            f"{at(data, 'program_page: rcmp', 14)}: source \"rcmp-current-peace-operation\" is not a key in "
            'data/sources.yaml (did you mean "rcmp-current-peace-operations"?); use the key of a source listed '
            "there, or add the source there first",
            f"{at(data, '    fr: TBD', 8)}: " + PLACEHOLDER.format(language="fr", got="TBD"),
        ],
        key=lambda line: int(line.split(":")[1]),
    )


def test_an_independent_site_s_reports_never_go_to_a_government_address(data):
    data.replace(F, NAME_FR, NAME_FR + "  email: ipobadmin-sdmpiadmin@rcmp-grc.gc.ca\n")
    assert lines(data) == [
        f"{at(data, 'email: ipob', 7)}: ipobadmin-sdmpiadmin@rcmp-grc.gc.ca is a Government of Canada address, "
        "but the Government does not publish an independent site and cannot correct it; write an address of the "
        "independent publisher, or remove email: to have readers report problems on the repository's issue page"
    ]


@pytest.mark.parametrize(
    "name",
    [
        "the peaceops open-source project",
        "le projet à code source ouvert peaceops",
        "Royal Canadian Mounted Police",
        "Gendarmerie royale du Canada",
        "Canadian Bar Association",
        "Ici Radio-Canada",
        "Code for Canada",
        "Halifax Regional Police",
        "Police régionale d'Halifax",
    ],
)
def test_real_names_are_accepted(name):
    assert not names_no_one(name)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", None),
        ("https://github.com/example-org/peace-operations", "https://github.com/example-org/peace-operations"),
        ("https://github.com/example-org/peace-operations/", "https://github.com/example-org/peace-operations"),
    ],
)
def test_the_repository_address_is_read_from_the_build_s_setting(value, expected):
    assert repository_address(value) == expected


def test_a_repository_address_that_is_not_one_stops_the_check_in_one_line(tmp_path):
    root = copy_inputs(tmp_path / "repo")
    result = run_check(root, repository_url="git@github.com:example-org/peace-operations.git")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        'REPOSITORY_URL: "git@github.com:example-org/peace-operations.git" is not the web address of a '
        "repository; set REPOSITORY_URL to an https:// address such as https://github.com/owner/name (the "
        "publishing workflow sets it), or leave it unset",
        "1 problem in REPOSITORY_URL; nothing was built.",
    ]


def test_check_refuses_the_placeholder_this_issue_found(tmp_path):
    root = copy_inputs(tmp_path / "repo")
    path = root / "data" / F
    edit(path, NAME_EN, "    en: the site's independent editors\n")
    line = path.read_text(encoding="utf-8").splitlines().index("    en: the site's independent editors") + 1
    result = run_check(root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"data/{F}:{line}:9: " + PLACEHOLDER.format(
        language="en", got="the site's independent editors"
    )
