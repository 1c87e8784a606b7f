"""Issue 23: the source watch (``python -m peaceops watch``, ``make watch``) against sites played on
127.0.0.1 (tests/sourceserver.py): each kind of line in plain words with the records to review, a
changed menu not reported, the state file's exact content, politeness, and no request to the internet.

The sources are tests/watch/data/sources.yaml; a first watch in the "before" phase records
tests/watch/state-before.json, a second in the "after" phase compares with it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT
from previewserver import free_port
from sourceserver import (
    AFTER_DAY,
    ARCHIVE,
    BEFORE_DAY,
    CURRENT_BEFORE,
    DATA,
    STATE_BEFORE,
    Logged,
    page,
    source_server,
)

from peaceops.source.messages import MESSAGES
from peaceops.watch.fetch import Fetcher, plain_address, user_agent
from peaceops.watch.findings import KINDS, is_home_page
from peaceops.watch.maintext import fingerprint, main_text

STATE_AFTER = STATE_BEFORE.parent / "state-after.json"
SOURCES = "tests/watch/data/sources.yaml"
TIMEOUT = "3"  # seconds before the slow site counts as unreachable; every other page answers at once

# The second watch's report: every kind, in plain words, placed at the address, with the records.
AFTER_REPORT = [
    f"{SOURCES}:18:19: changed: ops-current, English page (https://www.example.org/en/current-operations): its text is not what the watch read on 2026-11-25; check what these records take from it: tests/watch/data/missions.yaml:6 (mission alpha), tests/watch/data/program.yaml:11 (program, facts, officers_served)",
    f"{SOURCES}:30:19: moved: ops-overview, English page (http://www.example.org/po-mp/index-eng.htm): it now answers at https://www.example.com/en/peace-operations; if it is the same page, give the source its new address (records that cite it: tests/watch/data/missions.yaml:6 (mission alpha))",
    f'    suggested line for ops-overview in {SOURCES}: address: {{en: "https://www.example.com/en/peace-operations"}}',
    f"{SOURCES}:36:19: gone: ops-annual-report, English page (https://www.example.org/en/annual-report-2019): the site says it no longer exists (404 Not Found); the records that cite it need an archived copy or another source: tests/watch/data/missions.yaml:11 (mission alpha, officers), tests/watch/data/program.yaml:8 (program, facts, officers_served)",
    f'    the Wayback Machine has a copy (2026-11-24); suggested line for ops-annual-report in {SOURCES}: archived: {{en: "https://web.archive.org/web/20261124093000/https://www.example.org/en/annual-report-2019"}}',
    f"{SOURCES}:42:19: gone: ops-news-release, English page (https://www.example.org/en/news/2017-deployment): the site says it no longer exists (410 Gone); the records that cite it need an archived copy or another source: tests/watch/data/serving.yaml:8 (statement who-can-serve)",
    "    no archived copy found for the English page (the Wayback Machine has none); look in Library and Archives Canada's web archive (bac-lac.wayback.archive-it.org), or cite another source",
    f"{SOURCES}:48:19: gone: ops-history, English page (https://www.example.org/en/history): the site now sends readers to its home page (https://www.example.org/en) instead; the records that cite it need an archived copy or another source: tests/watch/data/missions.yaml:15 (mission beta)",
    f'    the Wayback Machine has a copy (2025-03-10); suggested line for ops-history in {SOURCES}: archived: {{en: "https://web.archive.org/web/20250310120000/https://www.example.org/en/history"}}',
    f"{SOURCES}:61:19: unreachable: ops-field-report, English page (https://slow.example.net/report): the site did not answer within 3 seconds. This is trouble reaching the site, not a sign that the page is gone; the next watch tries again",
    f"{SOURCES}:67:19: unreachable: ops-deployments, English page (https://www.example.com/en/deployments): the site answered with an error (503 Service Unavailable). This is trouble reaching the site, not a sign that the page is gone; the next watch tries again",
    f"{SOURCES}:67:65: unreachable: ops-deployments, French page (https://www.example.com/fr/deploiements): the site answered with an error (503 Service Unavailable). This is trouble reaching the site, not a sign that the page is gone; the next watch tries again",
]
AFTER_SUMMARY = (
    "Source watch, 2026-12-02: 13 addresses of 11 sources checked; 1 changed, 1 moved, 3 gone, 3 unreachable. "
    "{state} now records what was found: commit it once you have read this report."
)
BEFORE_REPORT = [
    f"{SOURCES}:73:19: not checked: ops-briefing, English page (https://www.example.com/private/briefing): the site's robots.txt asks robots not to read it, so the watch does not; check it by hand now and then",
]


def watch(server_address: str, state: Path, day: str, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "peaceops", "watch", "--data", str(DATA), "--state", str(state)]
    command += ["--via", server_address, "--archive", ARCHIVE, "--timeout", TIMEOUT, "--pause", "0", "--day", day]
    return subprocess.run([*command, *extra], cwd=ROOT, capture_output=True, text=True)


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_first_watch_records_every_address_and_reports_only_the_page_robots_txt_closes(tmp_path):
    state = tmp_path / "sources.json"
    data_before = files_of(DATA)
    with source_server() as server:
        result = watch(server.address, state, BEFORE_DAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == BEFORE_REPORT
    assert state.read_text(encoding="utf-8") == STATE_BEFORE.read_text(encoding="utf-8")
    assert files_of(DATA) == data_before  # suggestions only: the watch never edits the data


@dataclass(frozen=True)
class AfterRun:
    result: subprocess.CompletedProcess[str]
    state: Path
    report: Path
    log: list[Logged]
    data_unchanged: bool


@pytest.fixture(scope="module")
def after_run(tmp_path_factory) -> AfterRun:
    """The second watch, once for the tests that read its report, its state and the server's log."""
    folder = tmp_path_factory.mktemp("watch")
    state = folder / "sources.json"
    shutil.copyfile(STATE_BEFORE, state)
    report = folder / "report.txt"
    data_before = files_of(DATA)
    with source_server() as server:
        server.phase = "after"
        site = ("--site-url", "https://peace-operations.example.ca/")
        result = watch(server.address, state, AFTER_DAY, "--report", str(report), *site)
    return AfterRun(result, state, report, list(server.log), files_of(DATA) == data_before)


def test_a_second_watch_reports_each_kind_in_plain_words_with_the_records_to_review(after_run):
    assert after_run.result.returncode == 0, after_run.result.stderr
    assert after_run.result.stdout.splitlines() == AFTER_REPORT
    assert after_run.report.read_text(encoding="utf-8").splitlines() == AFTER_REPORT
    assert after_run.result.stderr.splitlines() == [AFTER_SUMMARY.format(state=after_run.state)]
    assert after_run.state.read_text(encoding="utf-8") == STATE_AFTER.read_text(encoding="utf-8")
    assert after_run.data_unchanged


def test_a_changed_menu_and_etag_alone_are_not_a_change():
    before = json.loads(STATE_BEFORE.read_text(encoding="utf-8"))["sources"]["ops-partners"]["en"]
    after = json.loads(STATE_AFTER.read_text(encoding="utf-8"))["sources"]["ops-partners"]["en"]
    assert before["etag"] != after["etag"] and before["last_modified"] != after["last_modified"]
    assert before["text"] == after["text"]
    assert not any("ops-partners" in line for line in AFTER_REPORT)
    # The page the moved address leads to has another menu too, and is not reported as changed.
    assert [line.split(": ")[1] for line in AFTER_REPORT if "ops-overview," in line] == ["moved"]


def test_the_state_records_the_hash_of_the_main_text_only():
    text = "Current operations Canadian police serve in Haiti, the Democratic Republic of the Congo and the West Bank."
    assert main_text(page("Current operations", CURRENT_BEFORE)) == text
    recorded = json.loads(STATE_BEFORE.read_text(encoding="utf-8"))["sources"]["ops-current"]["en"]["text"]
    assert recorded == "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_nothing_to_report_prints_nothing_and_leaves_the_report_file_empty(tmp_path):
    state = tmp_path / "sources.json"
    shutil.copyfile(STATE_BEFORE, state)
    report = tmp_path / "report.txt"
    with source_server() as server:
        result = watch(server.address, state, "2026-11-26", "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert report.read_text(encoding="utf-8") == ""
    assert "2026-11-26: 13 addresses of 11 sources checked; nothing to report." in result.stderr


def test_make_watch_runs_against_the_local_server(tmp_path):
    state = tmp_path / "sources.json"
    shutil.copyfile(STATE_BEFORE, state)
    with source_server() as server:
        server.phase = "after"
        options = (
            f"--data tests/watch/data --state {state} --via {server.address} --archive {ARCHIVE} "
            f"--timeout {TIMEOUT} --pause 0 --day {AFTER_DAY}"
        )
        env = {key: value for key, value in os.environ.items() if not key.startswith(("MAKE", "MFLAGS"))}
        result = subprocess.run(
            ["make", "--silent", "watch", f"WATCH_OPTIONS={options}"], cwd=ROOT, capture_output=True, text=True, env=env
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == AFTER_REPORT


def test_the_watch_is_polite(after_run):
    log = after_run.log
    assert max(entry.at_once for entry in log) == 1  # one request at a time to any host
    assert all(
        entry.user_agent.startswith("peaceops-source-watch/1.0 (+https://peace-operations.example.ca/; ")
        for entry in log
    )
    # robots.txt first on every site, once; a page it closes is never asked for.
    first = {}
    for entry in log:
        first.setdefault(entry.host, entry.path.split("?")[0])
    assert set(first.values()) == {"/robots.txt", "/wayback/available"}
    assert first["archive.example.net"] == "/wayback/available"
    robots = [(entry.host, entry.path) for entry in log if entry.path == "/robots.txt"]
    assert sorted(robots) == sorted(
        [("www.example.org", "/robots.txt")] * 2  # https:// and http:// are two sites for robots.txt
        + [("slow.example.net", "/robots.txt"), ("www.example.com", "/robots.txt")]
    )
    assert not any(entry.path.startswith("/private/") for entry in log)
    # The archive is asked for copies near the day each gone page was last read.
    asked = sorted(entry.path for entry in log if entry.host == "archive.example.net")
    assert asked == [
        "/wayback/available?url=https%3A%2F%2Fwww.example.org%2Fen%2Fannual-report-2019&timestamp=20261125",
        "/wayback/available?url=https%3A%2F%2Fwww.example.org%2Fen%2Fhistory&timestamp=20261125",
        "/wayback/available?url=https%3A%2F%2Fwww.example.org%2Fen%2Fnews%2F2017-deployment&timestamp=20261125",
    ]


def test_two_requests_to_one_host_are_a_pause_apart():
    """With a clock the test controls: the watch waits what the host is owed, and nothing for another host."""
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))
        now[0] += seconds

    with source_server() as server:
        fetcher = Fetcher(user_agent(None), timeout=5, pause=1.5, via=server.address, clock=lambda: now[0], sleep=sleep)
        fetcher.get("https://www.example.org/robots.txt")
        now[0] += 0.5
        fetcher.get("https://www.example.org/en/history")
        fetcher.get("https://www.example.com/robots.txt")
        now[0] += 3
        fetcher.get("https://www.example.org/en/partners")
    assert slept == [1.0]


def test_network_trouble_is_said_as_such_never_as_gone(tmp_path):
    closed_port = free_port()  # nothing listens there
    state = tmp_path / "sources.json"
    shutil.copyfile(STATE_BEFORE, state)
    result = watch(f"http://127.0.0.1:{closed_port}", state, AFTER_DAY)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # Every address but the one with its archived copy already given.
    assert len(lines) == 12
    assert all(": unreachable: " in line and "the connection to the site failed (refused)" in line for line in lines)
    assert "; nothing" not in result.stderr and "12 unreachable" in result.stderr
    # The last text read is kept, so a change is still seen once the site answers again.
    kept = json.loads(state.read_text(encoding="utf-8"))["sources"]["ops-current"]["en"]
    assert kept["text_read"] == BEFORE_DAY and kept["trouble"] == "the connection to the site failed (refused)"


def test_an_archive_that_cannot_be_asked_is_said_so(tmp_path):
    state = tmp_path / "sources.json"
    shutil.copyfile(STATE_BEFORE, state)
    with source_server() as server:
        server.phase = "after"
        result = watch(server.address, state, AFTER_DAY, "--archive", "https://archive.example.net/nothing-here")
    lines = [line for line in result.stdout.splitlines() if "Wayback" in line]
    assert lines == [
        "    the Wayback Machine could not be asked for a copy of the English page (404 Not Found); look for one at web.archive.org"
    ] * 3


def test_a_problem_in_sources_yaml_stops_the_watch_before_any_request(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "sources.yaml"
    publisher = "    publisher: {en: Example Police, fr: Police exemple}\n"  # the first source's, ops-current
    path.write_text(path.read_text(encoding="utf-8").replace(publisher, "", 1), encoding="utf-8")
    with source_server() as server:
        command = [sys.executable, "-m", "peaceops", "watch", "--data", str(data), "--state", str(tmp_path / "s.json")]
        result = subprocess.run([*command, "--via", server.address], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == "" and server.log == []
    assert result.stderr.splitlines()[-1] == (
        f"The source watch reads {data}/sources.yaml: fix the problems above first (make check lists them all)."
    )
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("- key: ops-current")].count("\n") + 1
    assert result.stderr.startswith(f"{data}/sources.yaml:{line}:5: publisher is missing")
    assert not (tmp_path / "s.json").exists()


@pytest.mark.parametrize(
    "address, home",
    [
        ("https://www.example.org/", True),
        ("https://www.example.org", True),
        ("https://www.canada.ca/en.html", True),
        ("https://rcmp.ca/en", True),
        ("https://www.rcmp-grc.gc.ca/fr/index.htm", True),
        ("https://www.example.org/index-eng.htm", True),
        ("https://www.example.org/en/history", False),
        ("https://www.example.org/po-mp/index-eng.htm", False),
        ("https://www.example.org/en/news.html", False),
    ],
)
def test_what_counts_as_a_home_page(address, home):
    assert is_home_page(address) is home


@pytest.mark.parametrize(
    "html, text",
    [
        # <main> (or role=main) wins; its own header stays, the site's furniture inside it goes.
        (
            "<body><nav>Home News</nav><main><header><h1>Title</h1></header><p>Text  \n here.</p>"
            "<nav class=toc>On this page</nav></main><footer>Footer</footer></body>",
            "Title Text here.",
        ),
        ('<body><div role="main"><p>The text.</p></div><div class="site-footer">x</div></body>', "The text."),
        # No <main>: the smallest block holding most of the text that is not links.
        (
            '<body><div id="wrap"><div class="main-nav"><a href="/">One</a> <a href="/2">Two</a></div>'
            '<div id="content"><h1>Report</h1><p>A long paragraph of the report itself.</p></div>'
            '<div><a href="/a">Related</a></div></div></body>',
            "Report A long paragraph of the report itself.",
        ),
        ("<p>only text<br>here", "only text here"),
        ("<body><script>var a = 1;</script><style>p{}</style><p>Kept &amp; decoded</p></body>", "Kept & decoded"),
    ],
)
def test_the_main_text_leaves_the_chrome_out(html, text):
    assert main_text(html) == text


def test_a_file_that_is_not_a_page_is_fingerprinted_whole():
    body = b"%PDF-1.4 a report"
    assert fingerprint(body, "application/pdf", None) == "sha256:" + hashlib.sha256(body).hexdigest()


def _template(key: str) -> re.Pattern[str]:
    """A message's wording as a pattern: its placeholders stand for any text."""
    parts = re.split(r"\{[a-z_]+\}", MESSAGES[key])
    return re.compile(".+".join(re.escape(part) for part in parts))


@pytest.mark.parametrize(
    "guide, heading", [("EDITING.md", "## Watch the sources"), ("EDITING.fr.md", "## Surveiller les sources")]
)
def test_the_guides_say_what_each_kind_of_line_asks_with_lines_as_the_watch_words_them(guide, heading):
    text = (ROOT / guide).read_text(encoding="utf-8")
    assert text.count(heading) == 1
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    for kind in KINDS:
        assert f"**`{kind}:`**" in section, kind
    assert "make watch" in section and "`data/checks/sources.json`" in section
    example = section.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    placed = re.compile(r"^data/sources\.yaml:\d+:\d+: (.*)$")
    wordings = [_template(key) for key in MESSAGES if key.startswith("watch_")]
    assert example
    for line in example:
        found = placed.match(line)
        said = found.group(1) if found else line
        assert any(wording.fullmatch(said) for wording in wordings), line


@pytest.mark.parametrize(
    "address, printed",
    [
        ("https://www.example.org/fr/défense?q=é", "https://www.example.org/fr/d%C3%A9fense?q=%C3%A9"),
        ("https://www.example.org/a page", "https://www.example.org/a%20page"),
        # An address a site sends in a redirect cannot carry a terminal escape into the report.
        ("https://www.example.org/\x1b[2Jcleared", "https://www.example.org/%1B%5B2Jcleared"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("http://www.rcmp-grc.gc.ca/po-mp/index-eng.htm", "http://www.rcmp-grc.gc.ca/po-mp/index-eng.htm"),
    ],
)
def test_addresses_go_on_the_wire_and_into_the_report_plain(address, printed):
    assert plain_address(address) == printed
