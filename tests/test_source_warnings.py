"""make check's warnings about sources: one cited nowhere, and a federal page with no French address.

Why: a warning is a placed line that does not stop the build; each one is shown at the key of the
source it is about, with words an editor can act on. The data here is a copy the test edits itself.
"""
from __future__ import annotations

import pytest
from datacopy import DataCopy

from peaceops.cli import source_warnings
from peaceops.source.dataset import load
from peaceops.source.model import federal_host

S = "sources.yaml"
UNCITED = """
  - key: test-uncited-page
    publisher: {en: Example, fr: Exemple}
    title: {en: A page nothing cites}
    address: {en: "https://www.example.org/page"}
    published: 2020
"""
FEDERAL = """
  - key: test-federal-page
    publisher: {en: Royal Canadian Mounted Police, fr: Gendarmerie royale du Canada}
    title: {en: A federal page}
    address: {en: "https://www.rcmp-grc.gc.ca/en/a-page"}
    published: 2020
"""


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def append(data: DataCopy, text: str) -> None:
    data.path(S).write_text(data.text(S).rstrip("\n") + "\n" + text, encoding="utf-8")


def warnings_about(data: DataCopy, key: str) -> list[str]:
    line = data.where(S, f"  - key: {key}\n")[0]
    found = source_warnings(load(data.folder))
    return [w.message for w in found if (w.path, w.line, w.column) == ("data/sources.yaml", line, 10)]


def test_a_source_cited_nowhere_gets_a_warning_at_its_key(data):
    append(data, UNCITED)
    assert warnings_about(data, "test-uncited-page") == [
        'warning: source "test-uncited-page" is cited nowhere (no source: or sources: names it); cite it, '
        "or remove it if nothing on the site comes from it"
    ]


def test_a_cited_source_gets_no_such_warning(data):
    append(data, UNCITED)
    data.replace("missions.yaml", "      - lermuseum-untag\n", "      - lermuseum-untag\n      - test-uncited-page\n")
    assert warnings_about(data, "test-uncited-page") == []


def test_a_federal_source_without_french_address_or_no_french_gets_a_warning(data):
    append(data, FEDERAL)
    data.replace("missions.yaml", "      - lermuseum-untag\n", "      - lermuseum-untag\n      - test-federal-page\n")
    assert warnings_about(data, "test-federal-page") == [
        'warning: source "test-federal-page" is a Government of Canada page (www.rcmp-grc.gc.ca) with no French '
        "address; add its French title and address (title.fr, address.fr), or no_french: saying where the French "
        "version was looked for and not found"
    ]


@pytest.mark.parametrize(
    "addition",
    [
        '    no_french: "the French site has no counterpart (searched grc-rcmp.gc.ca, 2026-12-02)"\n',
        None,  # a French title and address instead
    ],
)
def test_a_federal_source_with_a_french_address_or_no_french_gets_none(data, addition):
    if addition:
        append(data, FEDERAL + addition)
    else:
        append(data, FEDERAL.replace("{en: A federal page}", "{en: A federal page, fr: Une page fédérale}").replace(
            '"https://www.rcmp-grc.gc.ca/en/a-page"}', '"https://www.rcmp-grc.gc.ca/en/a-page", fr: "https://www.rcmp-grc.gc.ca/fr/une-page"}'))
    data.replace("missions.yaml", "      - lermuseum-untag\n", "      - lermuseum-untag\n      - test-federal-page\n")
    assert warnings_about(data, "test-federal-page") == []


@pytest.mark.parametrize(
    "address, host",
    [
        ("https://www.rcmp-grc.gc.ca/en/x", "www.rcmp-grc.gc.ca"),
        ("https://www.canada.ca/en/x", "www.canada.ca"),
        ("https://rcmp.ca/en/x", "rcmp.ca"),
        ("https://www.ourcommons.ca/x", "www.ourcommons.ca"),
        ("https://www.cbc.ca/news/x", None),
        ("https://notgc.ca/x", None),
    ],
)
def test_which_hosts_are_federal(address, host):
    assert federal_host(address) == host
