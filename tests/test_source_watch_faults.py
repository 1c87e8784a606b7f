"""Issue 32: the source watch under fault, against hostile sites played on 127.0.0.1
(tests/sourceserver.py) and hostile data. It never loses what it knew (a state file it cannot read
stops it, left byte for byte as it was; the state is written whole or not at all; an older format is
upgraded), never suggests an unsafe address (the archive's answer is checked), and stops on time
and within its memory whatever a site sends (deadlines per page and per run, bounded reads).

Each test writes a small sources.yaml of its own, naming only the hosts it needs.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT
from sourceserver import (
    AFTER_DAY,
    ARCHIVE,
    DATA,
    GONE,
    STATE_BEFORE,
    source_server,
)

from peaceops.cli import main
from peaceops.watch.state import FORMAT, Entry, State, read_state, write_state

STATE_FORMAT_1 = STATE_BEFORE.parent / "state-format-1.json"
STATE_AFTER = STATE_BEFORE.parent / "state-after.json"
LOOK_ELSEWHERE = (
    "look in Library and Archives Canada's web archive (bac-lac.wayback.archive-it.org), or cite another source"
)
NOT_GONE = "This is trouble reaching the site, not a sign that the page is gone; the next watch tries again"


def write_sources(folder: Path, addresses: dict[str, str]) -> Path:
    """A data folder whose sources.yaml lists ``addresses`` (key -> English address), one source each."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = "".join(
        f'  - key: {key}\n    publisher: {{en: Example, fr: Exemple}}\n    title: {{en: "{key}"}}\n'
        f'    address: {{en: "{address}"}}\n    consulted: 2026-11-20\n\n'
        for key, address in addresses.items()
    )
    (folder / "sources.yaml").write_text("sources:\n" + entries, encoding="utf-8")
    return folder


def line_of(folder: Path, key: str) -> int:
    """The line of the source's address in sources.yaml (where the watch places its line)."""
    lines = (folder / "sources.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index(f"  - key: {key}") + 4


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def run_watch(data: Path, state: Path, *options: str, via: str | None = None) -> Result:
    """``python -m peaceops watch`` with the tests' archive, no pause and the "after" day, in this process
    (the tests of tests/test_source_watch.py run it as a command)."""
    command = ["--root", str(ROOT), "watch", "--data", str(data), "--state", str(state)]
    command += ["--archive", ARCHIVE, "--timeout", "3", "--pause", "0", "--day", AFTER_DAY]
    if via is not None:
        command += ["--via", via]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([*command, *options])
    return Result(code, out.getvalue(), err.getvalue())


# --- 1. The state is never lost ------------------------------------------------------------------
UNREADABLE_STATES = [
    # (what is in the file, where the line places the fault: the text that starts there, or None for
    # the end of the file; what the line says is wrong)
    pytest.param(
        '{\n  "date": "2026-11-25",\n  "sources": {\n    "ops-current": {"en": {"address": "https://x.example/" "final": null}}\n  }\n}\n',
        '"final"',
        "it is not valid JSON here (Expecting ',' delimiter)",
        id="not-json",
    ),
    pytest.param(
        STATE_BEFORE.read_text(encoding="utf-8")[:1500], None, "it ends too soon, as if cut short", id="cut-short"
    ),
    pytest.param("", "", "it is empty", id="empty"),
    pytest.param(
        '{"date": "2026-11-25", "format": 3, "sources": {}}\n',
        "3,",
        "it is in format 3, written by a newer watch than this one, which reads formats up to 2",
        id="newer-format",
    ),
    pytest.param(
        '["date", "2026-11-25"]\n', "[", "the file must be a group of fields ({...}), got a list", id="a-list"
    ),
    pytest.param(
        '{"date": "2026-11-25", "format": 2, "sources": {"ops-current": {"en": {"address": "https://x.example/",\n'
        '  "status": "200"}}}}\n',
        '"200"',
        'sources.ops-current.en.status must be an HTTP status, got "200"',
        id="status-as-text",
    ),
    pytest.param(
        '{"date": "2026-11-25", "format": 2, "sources": {"ops-current": {"en": {"address": "https://x.example/",'
        ' "text_read": "last week\\u001b[2J"}}}}\n',
        '"last week',
        'sources.ops-current.en.text_read must be a date (YYYY-MM-DD), got "last week\\u001b[2J"',
        id="a-day-that-is-not-one",
    ),
    pytest.param(
        '{"date": "2026-11-25", "sources": {"ops-current": {"en": {"final": "https://x.example/"}}}}\n',
        '{"final"',
        "sources.ops-current.en has no address",
        id="no-address",
    ),
    pytest.param(
        '{"date": "2026-11-25", "sources": {"ops-current": {"en": {"address": "https://x.example/", "colour": "red"}}}}\n',
        '"red"',
        "sources.ops-current.en.colour is not something the watch records",
        id="unknown-field",
    ),
    pytest.param(
        '{"date": "2026-11-25", "format": "two", "sources": {}}\n',
        '"two"',
        'format must be a whole number, 1 or more, got "two"',
        id="format-as-text",
    ),
]


@pytest.mark.parametrize("content, place, why", UNREADABLE_STATES)
def test_a_state_that_cannot_be_read_stops_the_watch_before_any_request_and_is_left_as_it_was(
    tmp_path, content, place, why
):
    state = tmp_path / "sources.json"
    state.write_text(content, encoding="utf-8")
    before = state.read_bytes()
    with source_server() as server:
        result = run_watch(DATA, state, via=server.address)
    assert result.returncode == 1
    assert result.stdout == "" and server.log == []
    assert state.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["sources.json"]  # no new file beside it either
    index = len(content.rstrip()) if place is None else content.index(place)
    place = (content.count("\n", 0, index) + 1, index - content.rfind("\n", 0, index))
    if "newer watch" in why:
        todo = "update this copy of the repository (git pull), then run the watch again"
    else:
        todo = (
            f"restore the last one committed (git checkout -- {state}), or delete it to start afresh (the next "
            "watch then records every page anew, with nothing to compare)"
        )
    assert result.stderr.splitlines() == [
        f"{state}:{place[0]}:{place[1]}: the source watch's last state cannot be read: {why}. The watch stopped "
        f"before reading any page and left this file as it is; {todo}"
    ]


def test_a_state_that_is_not_utf8_or_not_a_file_is_refused_the_same_way(tmp_path):
    state = tmp_path / "sources.json"
    state.write_bytes(b'{"date": "2026-11-25",\n "sources": {"caf\xe9": {}}}\n')
    result = run_watch(DATA, state, via="http://127.0.0.1:9")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(
        f"{state}:2:18: the source watch's last state cannot be read: it is not UTF-8 text."
    )
    folder = tmp_path / "folder.json"
    folder.mkdir()
    result = run_watch(DATA, folder, via="http://127.0.0.1:9")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{folder}:1:1: the source watch's last state cannot be read: it cannot be opened ("
    )
    assert folder.is_dir() and not any(folder.iterdir())


def test_the_state_records_its_format_and_an_older_format_is_read_and_written_in_the_current_one(tmp_path):
    """Format 1 (issue 23's, which did not record its number) gives the same findings as format 2."""
    assert "format" not in json.loads(STATE_FORMAT_1.read_text(encoding="utf-8"))
    assert json.loads(STATE_BEFORE.read_text(encoding="utf-8"))["format"] == FORMAT == 2
    assert read_state(STATE_FORMAT_1).entries == read_state(STATE_BEFORE).entries
    state = tmp_path / "sources.json"
    shutil.copyfile(STATE_FORMAT_1, state)
    with source_server() as server:
        server.phase = "after"
        result = run_watch(DATA, state, via=server.address)
    assert result.returncode == 0, result.stderr
    assert "1 changed, 1 moved, 3 gone, 3 unreachable" in result.stderr
    assert state.read_text(encoding="utf-8") == STATE_AFTER.read_text(encoding="utf-8")


def test_a_state_saved_with_a_byte_order_mark_is_read(tmp_path):
    state = tmp_path / "sources.json"
    state.write_bytes(b"\xef\xbb\xbf" + STATE_BEFORE.read_bytes())
    assert read_state(state) == read_state(STATE_BEFORE)


def test_every_field_an_entry_holds_is_read_back_as_it_was_written(tmp_path):
    entry = Entry(
        address="https://www.example.org/a",
        final="https://www.example.org/b",
        status=200,
        etag='"x"',
        last_modified="Sun, 01 Nov 2026 10:00:00 GMT",
        text="sha256:00",
        text_read="2026-11-25",
        trouble="the site did not answer within 3 seconds",
        closed=True,
    )
    path = tmp_path / "sources.json"
    write_state(path, State("2026-11-25", {("key", "en"): entry}))
    assert read_state(path) == State("2026-11-25", {("key", "en"): entry})


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_the_state_is_written_whole_or_not_at_all(tmp_path, monkeypatch, failing):
    """A watch stopped while writing (here: the disk fails) leaves the last state as it was, and no stray file."""
    path = tmp_path / "sources.json"
    shutil.copyfile(STATE_BEFORE, path)
    before = path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError, match="No space left"):
        write_state(path, State(AFTER_DAY, {}))
    assert path.read_bytes() == before
    assert [item.name for item in tmp_path.iterdir()] == ["sources.json"]


# --- 2. Only safe, real archived copies are suggested --------------------------------------------
GONE_KEYS = [
    "javascript", "data", "number", "other-host", "user", "other-page", "no-capture", "no-date", "future",
    "ancient", "said-true", "list", "good", "own-host",
]  # fmt: skip


def test_an_archived_copy_is_offered_only_when_it_is_a_dated_capture_of_the_page_on_the_archive(tmp_path):
    data = write_sources(tmp_path / "data", {f"gone-{key}": f"{GONE}/{key}" for key in GONE_KEYS})
    state = tmp_path / "sources.json"
    with source_server() as server:
        result = run_watch(data, state, via=server.address)
    assert result.returncode == 0, result.stderr
    report = result.stdout.splitlines()

    def after(key: str) -> str:
        """The line after the source's gone line."""
        index = report.index(
            f"{data}/sources.yaml:{line_of(data, f'gone-{key}')}:19: gone: gone-{key}, English page ({GONE}/{key}): "
            "the site says it no longer exists (404 Not Found); the records that cite it need an archived copy or "
            "another source: no record cites it"
        )
        return report[index + 1]

    def none(why: str) -> str:
        return f"    no archived copy found for the English page (the Wayback Machine{why}); {LOOK_ELSEWHERE}"

    assert after("javascript") == none("'s answer is not a web address (http or https)")
    assert after("data") == none("'s answer is not a web address (http or https)")
    assert after("number") == none("'s answer is not a web address (http or https)")
    assert after("other-host") == none("'s answer is an address on another site than the archive's")
    assert after("user") == none("'s answer is an address on another site than the archive's")
    assert after("other-page") == none("'s answer is a copy of another page")
    assert after("no-capture") == none("'s answer is not the address of a capture (…/web/DATE/page)")
    assert after("no-date") == none("'s answer has no capture date that can be true")
    assert after("future") == none("'s answer has no capture date that can be true")
    assert after("ancient") == none("'s answer has no capture date that can be true")  # 1989: before any web archive
    assert after("said-true") == none(" has none")
    assert after("list") == (
        "    the Wayback Machine could not be asked for a copy of the English page (an answer the watch cannot "
        "read); look for one at web.archive.org"
    )
    file = f"{data}/sources.yaml"
    assert after("good") == (
        f"    the Wayback Machine has a copy (2026-11-01); suggested line for gone-good in {file}: archived: "
        '{en: "https://web.archive.org/web/20261101000000/http://gone.example.net/good/"}'
    )
    assert after("own-host") == (
        f"    the Wayback Machine has a copy (2026-11-02); suggested line for gone-own-host in {file}: archived: "
        f'{{en: "https://web.archive.example.net/web/20261102000000/{GONE}/own-host"}}'
    )
    suggested = [line for line in report if "archived: {" in line]
    assert len(suggested) == 2
    # Nothing of a refused answer reaches the report.
    assert not any(word in result.stdout for word in ("javascript:", "data:", "base64", "12345", "evil", "alert"))


def test_a_new_address_a_source_may_not_cite_is_said_but_never_suggested(tmp_path):
    addresses = {"to-dev": "https://odd.example.net/to-dev", "to-loopback": "https://odd.example.net/to-loopback"}
    data = write_sources(tmp_path / "data", addresses)
    with source_server() as server:
        result = run_watch(data, tmp_path / "sources.json", via=server.address)
    assert result.returncode == 0, result.stderr
    lines = []
    for key, new in (("to-dev", "https://dev.example.org/page"), ("to-loopback", "http://127.0.0.1/page")):
        lines += [
            f"{data}/sources.yaml:{line_of(data, key)}:19: moved: {key}, English page ({addresses[key]}): it now "
            f"answers at {new}; if it is the same page, give the source its new address (records that cite it: no "
            "record cites it)",
            f"    no line suggested for {key}: the address it now answers at is not one a source may cite (make check "
            "accepts public http and https addresses only); check the page by hand",
        ]
    assert result.stdout.splitlines() == lines


# --- 3. Time and memory bounded by the watch, not by the site -----------------------------------
def test_a_page_that_comes_a_byte_at_a_time_or_through_slow_redirects_is_cut_at_the_page_deadline(tmp_path):
    """Each read is quick (a byte every quarter second, a redirect in half a second); the page is not."""
    addresses = {
        "drip-body": "https://drip.example.net/body",
        "drip-headers": "https://drip.example.net/headers",
        "slow-hops": "https://hops.example.net/hop/1",
    }
    data = write_sources(tmp_path / "data", addresses)
    state = tmp_path / "sources.json"
    with source_server() as server:
        started = time.monotonic()
        result = run_watch(data, state, "--page-deadline", "1.5", via=server.address)
        took = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    cut = "the page did not come whole within 1.5 seconds, the watch's limit for one page and its redirects"
    assert result.stdout.splitlines() == [
        f"{data}/sources.yaml:{line_of(data, key)}:19: unreachable: {key}, English page ({address}): {cut}. {NOT_GONE}"
        for key, address in addresses.items()
    ]
    # Three pages of 1.5 seconds each, and the watch's start: far from the minutes the sites would take.
    assert took < 15, took
    hops = [entry.path for entry in server.log if entry.host == "hops.example.net" and entry.path != "/robots.txt"]
    assert 2 <= len(hops) <= 4, hops  # cut in the middle of the chain


def test_a_robots_txt_that_does_not_come_in_time_closes_its_site_for_the_run(tmp_path):
    addresses = {"dripbot-one": "https://dripbot.example.net/one", "dripbot-two": "https://dripbot.example.net/two"}
    data = write_sources(tmp_path / "data", addresses)
    with source_server() as server:
        result = run_watch(data, tmp_path / "sources.json", "--page-deadline", "1.5", via=server.address)
    assert result.returncode == 0, result.stderr
    cut = "the site's robots.txt did not come whole within 1.5 seconds, the watch's limit for one page; its pages are not read this time"
    assert result.stdout.splitlines() == [
        f"{data}/sources.yaml:{line_of(data, key)}:19: unreachable: {key}, English page ({address}): {cut}. {NOT_GONE}"
        for key, address in addresses.items()
    ]
    assert [entry.path for entry in server.log] == ["/robots.txt"]  # asked once, and no page without its rules


def test_without_a_page_deadline_a_page_may_take_four_timeouts(tmp_path):
    """--timeout bounds each read; the page's deadline is four of them unless given (60 seconds by default)."""
    data = write_sources(tmp_path / "data", {"drip-body": "https://drip.example.net/body"})
    with source_server() as server:
        result = run_watch(data, tmp_path / "sources.json", "--timeout", "1", via=server.address)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{data}/sources.yaml:{line_of(data, 'drip-body')}:19: unreachable: drip-body, English page "
        "(https://drip.example.net/body): the page did not come whole within 4 seconds, the watch's limit for one "
        f"page and its redirects. {NOT_GONE}"
    ]


def test_the_run_deadline_stops_the_watch_and_what_it_cut_keeps_what_was_known(tmp_path):
    addresses = {
        "late-first": "https://late.example.net/first",
        "late-second": "https://late.example.net/second",
        "late-third": "https://late.example.net/third",
    }
    data = write_sources(tmp_path / "data", addresses)
    state = tmp_path / "sources.json"
    known = {
        key: {"address": address, "final": address, "status": 200, "text": f"sha256:{key}", "text_read": "2026-11-25"}
        for key, address in addresses.items()
    }
    state.write_text(
        json.dumps({"date": "2026-11-25", "format": 2, "sources": {k: {"en": v} for k, v in known.items()}})
    )
    with source_server() as server:
        result = run_watch(data, state, "--run-deadline", "2", "--page-deadline", "20", via=server.address)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{data}/sources.yaml:{line_of(data, 'late-first')}:19: changed: late-first, English page "
        "(https://late.example.net/first): its text is not what the watch read on 2026-11-25; check what these "
        "records take from it: no record cites it",
        "The watch stopped at its limit for the whole run (2 seconds): 2 addresses were not read this time and keep "
        "what the last watch recorded; the next watch reads them: late-second (English), late-third (English)",
    ]
    assert "1 addresses of 3 sources checked; 1 changed, 2 not read (the run's time limit)." in result.stderr
    recorded = json.loads(state.read_text(encoding="utf-8"))["sources"]
    assert recorded["late-second"]["en"] == known["late-second"] and recorded["late-third"]["en"] == known["late-third"]
    assert recorded["late-first"]["en"]["text_read"] == AFTER_DAY
    assert not any(entry.path == "/third" for entry in server.log)  # nothing asked once the time is up


# The watch's own peak: VmHWM, the most resident memory of this process's memory since it started
# (getrusage's ru_maxrss would count the pytest process it was forked from, whatever its size).
PEAK = """
import re, sys
from pathlib import Path
from peaceops.cli import main
code = main(sys.argv[1:])
peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text()).group(1))
print(f"peak {peak // 1024} MB", file=sys.stderr)
sys.exit(code)
"""


def test_memory_is_bounded_by_the_watch_whatever_a_site_sends(tmp_path):
    """200 MB pages of text and of tags, a 200 MB file and a 20 MB robots.txt: the watch's whole process
    stays well under 200 MB, and a robots.txt is read for its first 500 KiB only."""
    addresses = {
        "huge-text": "https://huge.example.net/page",
        "huge-tags": "https://huge.example.net/tags",
        "huge-file": "https://huge.example.net/report.pdf",
        "robots-early": "https://robots.example.net/early/page",
        "robots-edge": "https://robots.example.net/edge/page",
        "robots-late": "https://robots.example.net/late/page",
    }
    data = write_sources(tmp_path / "data", addresses)
    state = tmp_path / "sources.json"
    with source_server() as server:
        command = [
            sys.executable,
            "-c",
            PEAK,
            "watch",
            "--data",
            str(data),
            "--state",
            str(state),
            "--via",
            server.address,
        ]
        command += ["--pause", "0", "--day", AFTER_DAY]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    peak = int(result.stderr.splitlines()[-1].split()[1])
    assert peak < 110, result.stderr  # about 45 MB for Python and the watch's modules alone
    # The rules within the first 500 KiB are obeyed; the one beyond is not read.
    closed = [line.split(": ")[2].split(",")[0] for line in result.stdout.splitlines() if ": not checked: " in line]
    assert closed == ["robots-early", "robots-edge"], result.stdout
    recorded = json.loads(state.read_text(encoding="utf-8"))["sources"]
    assert recorded["robots-late"]["en"]["status"] == 200 and recorded["robots-late"]["en"]["text"].startswith(
        "sha256:"
    )
    for key in ("huge-text", "huge-tags", "huge-file"):
        assert recorded[key]["en"]["text"].startswith("sha256:"), key


def test_a_page_that_would_stop_a_careless_parser_is_read_like_any_other(tmp_path):
    """Nesting 100,000 deep, a charset that is not a text encoding, a redirect to a port that cannot be, an
    answer that is not HTTP (what it sent, terminal escapes and a line break, stays out of the report)."""
    addresses = {
        "deep": "https://odd.example.net/deep",
        "charset": "https://odd.example.net/charset",
        "port": "https://odd.example.net/port",
        "long": "https://odd.example.net/long",
        "not-http": "https://odd.example.net/not-http",
        "bad-header": "https://odd.example.net/bad-header",
    }
    data = write_sources(tmp_path / "data", addresses)
    state = tmp_path / "sources.json"
    with source_server() as server:
        result = run_watch(data, state, via=server.address)
    assert result.returncode == 0, result.stderr
    recorded = json.loads(state.read_text(encoding="utf-8"))["sources"]
    assert recorded["deep"]["en"]["status"] == 200 and recorded["charset"]["en"]["status"] == 200
    assert result.stdout.splitlines() == [
        f"{data}/sources.yaml:{line_of(data, 'port')}:19: unreachable: port, English page (https://odd.example.net/port): "
        "the site sends readers to an address the watch cannot follow (https://odd.example.net:99999/elsewhere). "
        + NOT_GONE,
        f"{data}/sources.yaml:{line_of(data, 'long')}:19: unreachable: long, English page (https://odd.example.net/long): "
        "the site sends readers to an address longer than 8,000 characters, which the watch does not follow. "
        + NOT_GONE,
        *(
            f"{data}/sources.yaml:{line_of(data, key)}:19: unreachable: {key}, English page (https://odd.example.net/"
            f"{key}): the connection to the site failed (its answer is not one HTTP allows). {NOT_GONE}"
            for key in ("not-http", "bad-header")
        ),
    ]


# --- 4. Options checked before any request ---------------------------------------------------------
@pytest.mark.parametrize(
    "options, said",
    [
        (
            ["--via", "127.0.0.1:8765"],
            '--via must be a web address starting with http:// or https://, such as http://127.0.0.1:8765, got "127.0.0.1:8765"',
        ),
        (
            ["--via", "localhost:8765"],
            '--via must be a web address starting with http:// or https://, such as http://127.0.0.1:8765, got "localhost:8765"',
        ),
        (
            ["--archive", "ftp://archive.example.net/wayback/available"],
            "--archive must be a web address starting with http:// or https://, such as "
            'https://archive.org/wayback/available, got "ftp://archive.example.net/wayback/available"',
        ),
        (
            ["--archive", "file:///etc/passwd"],
            "--archive must be a web address starting with http:// or https://, such as "
            'https://archive.org/wayback/available, got "file:///etc/passwd"',
        ),
        (
            ["--site-url", "https://peace-operations.example.ca/\nX-Injected: yes"],
            "--site-url (or SITE_URL) must be a web address starting with http:// or https://, such as "
            'https://peace-operations.example.ca/, got "https://peace-operations.example.ca/\\nX-Injected: yes"',
        ),
        (["--page-deadline", "0"], '--page-deadline must be a number of seconds above 0 and at most 86400, got "0"'),
        (["--run-deadline", "inf"], '--run-deadline must be a number of seconds above 0 and at most 86400, got "inf"'),
        (["--timeout", "nan"], '--timeout must be a number of seconds above 0 and at most 86400, got "nan"'),
        (["--pause", "-1"], '--pause must be a number of seconds, 0 or more and at most 86400, got "-1"'),
        (["--day", "2026-13-01"], '--day must be a date written YYYY-MM-DD, got "2026-13-01"'),
    ],
)
def test_an_option_that_cannot_work_is_refused_before_any_request_and_no_state_is_written(tmp_path, options, said):
    state = tmp_path / "sources.json"
    with source_server() as server:
        via = [] if "--via" in options else ["--via", server.address]
        result = run_watch(DATA, state, *via, *options)
    assert result.returncode == 2
    assert result.stdout == "" and server.log == []
    assert result.stderr.splitlines() == [
        said,
        "The source watch did not start: nothing was read and no state was written (python -m peaceops watch "
        "--help lists the options).",
    ]
    assert not state.exists()


def test_a_run_that_is_refused_leaves_the_last_state_as_it_was(tmp_path):
    state = tmp_path / "sources.json"
    shutil.copyfile(STATE_BEFORE, state)
    result = run_watch(DATA, state, via="127.0.0.1:8765")
    assert result.returncode == 2
    assert state.read_bytes() == STATE_BEFORE.read_bytes()
