"""``make serve`` (``python -m peaceops serve``) survives a bad edit and recovers after the fix.

Each test starts the real preview server on a free port of 127.0.0.1 from a copy of the inputs,
waits a bounded time for each expected change, and always stops the server.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import edit

pytestmark = pytest.mark.build

NAME = "United Nations Stabilization Mission in Haiti"
WAIT = 30.0  # seconds: generous for a loaded machine; a normal rebuild takes one or two


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def preview(root: Path, log: Path):
    port = free_port()
    command = [sys.executable, "-m", "peaceops", "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {WAIT:.0f} s for {what}")


def page_has(url: str, text: str) -> bool:
    status, body = fetch(url)
    return status == 200 and text in body


def test_preview_survives_a_bad_edit_and_recovers(workspace, tmp_path):
    missions = workspace / "data" / "missions.yaml"
    log = tmp_path / "serve.log"
    with preview(workspace, log) as url:
        wait_for(lambda: page_has(url + "deployments/", NAME), "the first build")

        edit(missions, "        count: 131\n", "        count: lots\n")
        text = missions.read_text(encoding="utf-8")
        line = text[: text.index("count: lots")].count("\n") + 1
        expected = f"data/missions.yaml:{line}:16: deployed.count must be a whole number"
        wait_for(lambda: expected in log.read_text(), "the problem in the terminal")
        assert "Traceback" not in log.read_text()
        status, body = fetch(url + "deployments/")
        assert status == 200 and NAME in body, "the last good page is no longer served"

        edit(missions, "        count: lots\n", "        count: 131\n")
        edit(missions, f"      en: {NAME}\n", f"      en: {NAME} (fixed)\n")
        wait_for(lambda: page_has(url + "deployments/", f"{NAME} (fixed)"), "the page with the fix")
    assert "Traceback" not in log.read_text()


def test_preview_started_with_broken_data_shows_the_problems_then_the_site(workspace, tmp_path):
    missions = workspace / "data" / "missions.yaml"
    edit(missions, "    acronym: {en: MINUSTAH, fr: MINUSTAH}\n", "    acronym: {en: MINUSTAH}\n")
    log = tmp_path / "serve.log"
    with preview(workspace, log) as url:
        wait_for(lambda: page_has(url, "French text (fr:) is missing"), "the page listing the problems")
        assert "data/missions.yaml:" in log.read_text()

        edit(missions, "    acronym: {en: MINUSTAH}\n", "    acronym: {en: MINUSTAH, fr: MINUSTAH}\n")
        wait_for(lambda: page_has(url + "deployments/", NAME), "the site once the data is fixed")
    assert "Traceback" not in log.read_text()
