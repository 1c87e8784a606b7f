"""Every redirect code the source watch can meet: the five that move a page are followed, the rest not.

Why: a watch that treated a 307 or a 308 as trouble would tell editors a page is unreachable when it
has only moved, and one that followed a 300 or a 304 would suggest an address the site never gave.
tests/test_source_watch.py plays one 301 and one 302 (to a home page); here each code has a source of
its own, played by the tests' loopback server (tests/sourceserver.py, with sites added for this
file), and one watch (``python -m peaceops watch``) reads them all. Each finding is read by its kind
(the word after the place), not by its wording:

- 301, 302, 303, 307 and 308, with a Location, alone or in a chain of different codes, relative or to
  another host: "moved", to the address at the end;
- any other 3xx (300, 304, 305, 306), or a move code without a Location: never "moved", since the
  watch did not follow it.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sourceserver
from conftest import ROOT
from sourceserver import AFTER_DAY, ARCHIVE, DATA, Answer, html, page, redirect, source_server

from peaceops.watch.findings import is_home_page

MOVES = (301, 302, 303, 307, 308)
NOT_MOVES = (300, 304, 305, 306)
HOST = "redirects.example.net"
OTHER_HOST = "moved.example.net"


def _sources_and_sites() -> tuple[str, dict[tuple[str, str], Answer], dict[str, str]]:
    """The sources to append to sources.yaml, the answers to play, and each key's expected end."""
    lines, sites, ends = [], {}, {}
    robots = Answer(200, "User-agent: *\nDisallow:\n", (("Content-Type", "text/plain"),))
    sites[(HOST, "/robots.txt")] = sites[(OTHER_HOST, "/robots.txt")] = robots

    def source(key: str, path: str) -> None:
        lines.append(
            f"\n  - key: {key}\n    publisher: {{en: Example Police, fr: Police exemple}}\n    title: {{en: Page {key}}}\n"
            f'    address: {{en: "https://{HOST}{path}"}}\n    consulted: 2026-11-20\n'
        )

    for code in MOVES:
        key = f"redirect-{code}"
        source(key, f"/old/{code}")
        sites[(HOST, f"/old/{code}")] = redirect(code, f"/new/{code}")  # relative
        sites[(HOST, f"/new/{code}")] = html(page(f"Page {code}", "<p>The same text.</p>"))
        ends[key] = f"https://{HOST}/new/{code}"
        key = f"redirect-{code}-away"
        source(key, f"/away/{code}")
        sites[(HOST, f"/away/{code}")] = redirect(code, f"https://{OTHER_HOST}/page/{code}")
        sites[(OTHER_HOST, f"/page/{code}")] = html(page(f"Page {code}", "<p>The same text.</p>"))
        ends[key] = f"https://{OTHER_HOST}/page/{code}"
        key = f"redirect-{code}-nowhere"  # a move code with no Location: nothing to follow
        source(key, f"/nowhere/{code}")
        sites[(HOST, f"/nowhere/{code}")] = Answer(code, "", (("Content-Type", "text/html"),))
        ends[key] = ""
    # One chain through every move code, each hop a different one.
    source("redirect-chain", "/chain/0")
    for hop, code in enumerate(MOVES):
        sites[(HOST, f"/chain/{hop}")] = redirect(code, f"/chain/{hop + 1}")
    sites[(HOST, f"/chain/{len(MOVES)}")] = html(page("Chain", "<p>At the end.</p>"))
    ends["redirect-chain"] = f"https://{HOST}/chain/{len(MOVES)}"
    for code in NOT_MOVES:
        key = f"redirect-{code}"
        source(key, f"/old/{code}")
        sites[(HOST, f"/old/{code}")] = redirect(code, f"/new/{code}")
        sites[(HOST, f"/new/{code}")] = html(page(f"Page {code}", "<p>Never to be read.</p>"))
        ends[key] = ""
    return "".join(lines), sites, ends


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[dict[str, list[str]], dict[str, str], list[sourceserver.Logged]]:
    """One watch over the real test sources and this file's: each of this file's keys -> its findings' kinds."""
    appended, sites, ends = _sources_and_sites()
    folder = tmp_path_factory.mktemp("redirects")
    data = folder / "data"
    shutil.copytree(DATA, data)
    sources = data / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").rstrip("\n") + "\n" + appended, encoding="utf-8")
    added = [key for key in sites if key not in sourceserver.SITES]
    sourceserver.SITES.update({key: {"before": answer, "after": answer} for key, answer in sites.items()})
    try:
        with source_server() as server:
            server.phase = "after"
            command = [sys.executable, "-m", "peaceops", "watch", "--data", str(data), "--state", str(folder / "sources.json")]
            command += ["--via", server.address, "--archive", ARCHIVE, "--timeout", "3", "--pause", "0", "--day", AFTER_DAY]
            result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            log = list(server.log)
    finally:
        for key in added:
            del sourceserver.SITES[key]
    assert result.returncode == 0, result.stdout + result.stderr
    kinds: dict[str, list[str]] = {key: [] for key in ends}
    for line in result.stdout.splitlines():
        found = re.match(r"\S+:\d+:\d+: ([a-z ]+): ([\w-]+), ", line)
        if found and found.group(2) in kinds:
            kinds[found.group(2)].append(found.group(1))
            if found.group(1) == "moved":
                kinds[found.group(2)].append(line)
    return kinds, ends, log


@pytest.mark.parametrize("code", MOVES)
def test_each_move_code_is_followed_to_its_end_and_reported_as_moved(report, code):
    kinds, ends, _log = report
    for key in (f"redirect-{code}", f"redirect-{code}-away"):
        found = kinds[key]
        assert found[:1] == ["moved"], (key, found)
        assert ends[key] in found[1], (key, found)  # the address the page answers at now
        assert "unreachable" not in found and "gone" not in found, (key, found)


def test_a_chain_of_every_move_code_ends_at_its_last_address(report):
    kinds, ends, log = report
    assert kinds["redirect-chain"][:1] == ["moved"]
    assert ends["redirect-chain"] in kinds["redirect-chain"][1]
    asked = [entry.path for entry in log if entry.host == HOST and entry.path.startswith("/chain/")]
    assert asked == [f"/chain/{hop}" for hop in range(len(MOVES) + 1)]  # each hop once, in order


@pytest.mark.parametrize("code", NOT_MOVES)
def test_any_other_redirect_code_is_never_taken_for_a_move(report, code):
    kinds, _ends, log = report
    assert "moved" not in kinds[f"redirect-{code}"], kinds[f"redirect-{code}"]
    assert not [entry for entry in log if entry.host == HOST and entry.path == f"/new/{code}"]  # not followed


@pytest.mark.parametrize("code", MOVES)
def test_a_move_code_without_a_location_is_not_a_move(report, code):
    kinds, _ends, _log = report
    assert "moved" not in kinds[f"redirect-{code}-nowhere"]


def test_the_sources_this_file_adds_leave_the_shared_server_as_it_was():
    _appended, sites, _ends = _sources_and_sites()
    assert not set(sites) & set(sourceserver.SITES)
    assert Path(DATA / "sources.yaml").read_text(encoding="utf-8").count("redirect-") == 0


@pytest.mark.parametrize(
    ("address", "home"),
    [
        ("https://www.example.org/", True),
        ("https://www.example.org/en", True),
        ("https://www.canada.ca/fr.html", True),
        ("https://www.example.org/en.htm", True),
        ("https://www.example.org/fr/index-fra.htm", True),
        ("https://www.example.org/en.print.html", False),
        ("https://www.example.org/fr.old.htm", False),
        ("https://www.example.org/en/peace-operations", False),
    ],
)
def test_a_redirect_counts_as_gone_only_to_a_home_page(address, home):
    """Where a move ends decides between "moved" and "gone" (sent to the home page instead)."""
    assert is_home_page(address) is home
