"""The accessibility statement is made from the test suite's own record of its last passing run.

Why: the statement tells the public how the site is tested and when the checks last all passed. If
it were typed, it would drift from the tests; these tests check that the record names tests that
exist, that it is written only when every one of them passed, and that the built statement says
what the record says (and changes when the record does).
"""
from __future__ import annotations

import ast
import json
import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import accessibility_record
import pytest
from conftest import ROOT, run_build, run_check
from htmltree import parse
from publishing_support import data

from peaceops.source import accessibility
from peaceops.source.messages import message

RECORD = ROOT / "data" / "checks" / "accessibility.json"
STATEMENT = {"en": "accessibility/index.html", "fr": "fr/accessibilite/index.html"}
# The test record, a page of its own that the statement links to, for those who want the detail.
TEST_RECORD = {"en": "accessibility-testing/index.html", "fr": "fr/accessibilite-verifications/index.html"}


def _functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_every_check_names_tests_that_exist():
    for name, nodeids in accessibility_record.CHECKS.items():
        assert nodeids, name
        for nodeid in nodeids:
            file, _, function = nodeid.partition("::")
            assert function in _functions(ROOT / file), f"{name}: {nodeid} is not a test in the suite"


def test_the_site_and_the_tests_know_the_same_checks():
    assert tuple(accessibility_record.CHECKS) == accessibility.CHECKS


def _passed_everything(monkeypatch):
    outcomes = {nodeid: "passed" for nodeids in accessibility_record.CHECKS.values() for nodeid in nodeids}
    monkeypatch.setattr(accessibility_record, "OUTCOMES", outcomes)
    monkeypatch.setattr(
        accessibility_record,
        "GATHERED",
        {"axe_rules": [{"id": "image-alt", "help": {"en": "Images must have alternative text", "fr": "Les images doivent avoir une alternative textuelle"}}], "axe_tags": ["wcag2a"]},
    )
    return outcomes


def test_only_a_run_asked_to_record_writes_the_record(monkeypatch):
    import conftest

    written = []
    monkeypatch.setattr(accessibility_record, "finish_session", lambda *args: written.append(True))

    class Run:
        def __init__(self, asked):
            self.config = self
            self.asked = asked

        def getoption(self, name):
            assert name == "--accessibility-record"
            return self.asked

    conftest.pytest_sessionfinish(Run(asked=False), 0)  # make test
    assert written == []
    conftest.pytest_sessionfinish(Run(asked=True), 0)  # make accessibility-record
    assert written == [True]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_target = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "--accessibility-record" not in test_target
    assert "--accessibility-record" in makefile.split("\naccessibility-record:", 1)[1].split("\n\n", 1)[0]


def test_a_run_where_every_check_passed_writes_the_record_once(tmp_path, monkeypatch):
    _passed_everything(monkeypatch)
    path = tmp_path / "accessibility.json"
    assert accessibility_record.finish_session("2026-11-30", path) is True
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["date"] == "2026-11-30"
    assert [rule["id"] for rule in written["axe"]["rules"]] == ["image-alt"]
    assert written["checks"] == list(accessibility_record.CHECKS)
    # The same run again the same day changes no file.
    assert accessibility_record.finish_session("2026-11-30", path) is False


def test_a_run_with_one_failed_check_writes_nothing(tmp_path, monkeypatch):
    outcomes = _passed_everything(monkeypatch)
    outcomes[accessibility_record.CHECKS["keyboard"][0]] = "failed"
    path = tmp_path / "accessibility.json"
    assert accessibility_record.finish_session("2026-11-30", path) is False
    assert not path.exists()


def test_a_partial_run_writes_nothing(tmp_path, monkeypatch):
    outcomes = _passed_everything(monkeypatch)
    del outcomes[accessibility_record.CHECKS["nu"][0]]
    path = tmp_path / "accessibility.json"
    assert accessibility_record.finish_session("2026-11-30", path) is False


def test_a_failure_in_teardown_counts_as_a_failure(monkeypatch):
    monkeypatch.setattr(accessibility_record, "OUTCOMES", {})

    class Report:
        def __init__(self, when, outcome):
            self.nodeid, self.when = "t::x", when
            self.passed, self.failed, self.skipped = outcome == "passed", outcome == "failed", outcome == "skipped"

    accessibility_record.note_outcome(Report("call", "passed"))
    accessibility_record.note_outcome(Report("teardown", "failed"))
    assert accessibility_record.OUTCOMES["t::x"] == "failed"


def test_a_workers_report_reaches_the_record_as_xdist_sends_it(monkeypatch):
    """Under pytest-xdist the axe test runs in a worker: its outcome and the rules it gathered reach
    the controller only as its report, serialized and rebuilt, its id suffixed with the xdist group."""
    from _pytest.reports import TestReport

    monkeypatch.setattr(accessibility_record, "OUTCOMES", {})
    monkeypatch.setattr(accessibility_record, "GATHERED", {})
    nodeid = accessibility_record.CHECKS["axe"][1]
    gathered = {"axe_rules": [{"id": "image-alt", "help": {"en": "x", "fr": "y"}}], "axe_tags": ["wcag2a"]}
    sent = TestReport(
        f"{nodeid}@crawl", ("f", 1, "t"), {}, "passed", None, "call", user_properties=[(accessibility_record.GATHER, gathered)]
    )
    received = TestReport._from_json(sent._to_json())
    accessibility_record.note_outcome(received)
    assert {nodeid: "passed"} == accessibility_record.OUTCOMES
    assert gathered == accessibility_record.GATHERED


def test_an_id_that_only_ends_in_brackets_keeps_them(monkeypatch):
    monkeypatch.setattr(accessibility_record, "OUTCOMES", {})
    from _pytest.reports import TestReport

    accessibility_record.note_outcome(TestReport("t::x[a@b]", ("f", 1, "t"), {}, "passed", None, "call"))
    assert accessibility_record.OUTCOMES == {"t::x[a@b]": "passed"}


def test_a_worker_never_writes_the_record(monkeypatch):
    import conftest

    written = []
    monkeypatch.setattr(accessibility_record, "finish_session", lambda *args: written.append(True))

    class Worker:
        def __init__(self):
            self.config = self
            self.workerinput = {"workerid": "gw0"}

        def getoption(self, name):
            return True

    conftest.pytest_sessionfinish(Worker(), 0)
    assert written == []


@pytest.mark.build
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_statement_says_what_the_record_says(built_site, official_site, language):
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    page = parse((built_site / TEST_RECORD[language]).read_text(encoding="utf-8"))
    text = page.text
    rule_ids = [cell.text for cell in page.find_all("td", translate="no")]
    assert rule_ids == [rule["id"] for rule in record["axe"]["rules"]]
    assert not page.find_all("code") and not page.find_all("details")  # a table in the text's font, not a manual's box
    assert record["axe"]["version"] in text and record["nu"]["version"] in text
    assert str(len(record["axe"]["rules"])) in text
    year, _month, day = record["date"].split("-")
    assert year in text and str(int(day)) in text
    # The statement itself is for the public: no tool versions, a link to the record, and, on the
    # official site, every way to ask the program for another format that data/contacts.yaml gives
    # (e-mail and the web). An independent copy's readers ask its publisher instead (issue 30,
    # tests/test_one_publisher.py), never the program, which does not publish it.
    statement = parse((built_site / STATEMENT[language]).read_text(encoding="utf-8"))
    assert record["axe"]["version"] not in statement.text and "axe-core" not in statement.text
    assert "CAN/ASC-EN 301 549:2024" in statement.text and "WCAG" in statement.text
    links = [a.attrs.get("href", "") for a in statement.find_all("a")]
    assert any(href.rstrip("/").endswith(TEST_RECORD[language].split("/")[-2]) for href in links), links
    assert not [href for href in links if href.startswith("mailto:")]  # this copy gives no e-mail
    statement = parse((official_site / STATEMENT[language]).read_text(encoding="utf-8"))
    links = [a.attrs.get("href", "") for a in statement.find_all("a")]
    feedback = [href for href in links if href.startswith("mailto:")]
    assert any("?subject=" in href for href in feedback), feedback
    contacts = data("contacts.yaml")["contacts"]
    assert {c["email"] for c in contacts if "email" in c} <= {href[7:].split("?")[0] for href in feedback}
    assert {c["web"][language] for c in contacts if "web" in c} <= set(links)


@pytest.mark.build
def test_every_page_links_to_the_statement_in_its_footer(built_site):
    missing = []
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site).as_posix()
        target = "fr/accessibilite" if relative.startswith("fr/") else "accessibility"
        here = posixpath.dirname(relative)
        footer = [a.attrs.get("href", "") for f in parse(path.read_text(encoding="utf-8")).find_all("footer") for a in f.find_all("a")]
        resolved = {urlsplit(href).path.rstrip("/") if urlsplit(href).scheme else posixpath.normpath(posixpath.join(here, href)) for href in footer}
        if not any(address == target or address.endswith("/" + target) for address in resolved):
            missing.append(relative)
    assert not missing, missing


@pytest.mark.build
def test_a_new_record_changes_the_statement(workspace, tmp_path):
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    record["date"] = "2027-01-02"
    (workspace / "data" / "checks" / "accessibility.json").write_text(json.dumps(record), encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stderr
    assert "January 2, 2027" in (site / TEST_RECORD["en"]).read_text(encoding="utf-8")
    assert "2 janvier 2027" in (site / TEST_RECORD["fr"]).read_text(encoding="utf-8")


@pytest.mark.build
def test_without_a_record_the_statement_says_no_run_is_recorded(workspace, tmp_path):
    (workspace / "data" / "checks" / "accessibility.json").unlink()
    site = tmp_path / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stderr
    assert "No run in which all these checks passed" in (site / TEST_RECORD["en"]).read_text(encoding="utf-8")


def test_a_damaged_record_gives_one_plain_line(workspace):
    (workspace / "data" / "checks" / "accessibility.json").write_text('{"date": "yesterday"', encoding="utf-8")
    result = run_check(workspace)
    assert result.returncode != 0
    lines = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if line.startswith("data/checks/")]
    assert lines == ["data/checks/accessibility.json:1:1: " + message("accessibility_record")], result.stdout + result.stderr
    assert "Traceback" not in result.stderr
