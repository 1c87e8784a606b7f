"""``python -m peaceops build`` (``make site``) reads and checks the data once (issue 33), and the
engine, run in the same process, still speaks as it did from its own.

Why: the build checks everything first, so that a mistake leaves the last good site untouched; the
engine's hooks then need the same checked site. Reading and checking it again cost about a second a
build. Observed, not assumed: every Python process of the run (the build's, and any engine process it
might start) counts each call of the function that reads and validates the data files and of the
one that renders every written page for the check, through a ``sitecustomize`` module put first on
``PYTHONPATH``. It wraps both functions and calls them through, so the build runs unchanged.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT, edit

SPY = textwrap.dedent(
    """
    import functools, os
    import peaceops.site.pagecheck as pagecheck
    import peaceops.source.dataset as dataset

    def counted(name, function):
        @functools.wraps(function)
        def call(*args, **kwargs):
            with open(os.environ["PEACEOPS_CALLS"], "a", encoding="utf-8") as calls:
                calls.write(f"{os.getpid()} {name}\\n")
            return function(*args, **kwargs)
        return call

    dataset.load = counted("load", dataset.load)
    pagecheck.check_pages = counted("check_pages", pagecheck.check_pages)
    """
)


def counted_run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    spy = tmp_path / "spy"
    spy.mkdir(exist_ok=True)
    (spy / "sitecustomize.py").write_text(SPY, encoding="utf-8")
    calls = tmp_path / "calls.txt"
    calls.write_text("", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(spy), PEACEOPS_CALLS=str(calls), NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    command = [sys.executable, "-m", "peaceops", "--root", str(ROOT), *args]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return result, calls.read_text(encoding="utf-8").split("\n")[:-1]


def names(calls: list[str]) -> list[str]:
    return sorted(line.split()[1] for line in calls)


def test_the_spy_sees_the_check_read_the_data_and_render_the_pages(tmp_path):
    result, calls = counted_run(tmp_path, "check")
    assert result.returncode == 0, result.stderr
    assert names(calls) == ["check_pages", "load"]


def test_a_build_reads_and_checks_the_data_once_in_one_process(tmp_path):
    result, calls = counted_run(tmp_path, "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "fr" / "index.html").is_file()  # both languages were built
    assert names(calls) == ["check_pages", "load"], calls
    assert len({line.split()[0] for line in calls}) == 1


def test_the_engines_warning_is_one_plain_line_whatever_the_terminal(workspace, tmp_path):
    # MkDocs colours its log and wraps it to the terminal's width when it writes to one; run in the
    # build's process, it must not (COLUMNS is how a terminal's width reaches Python when piped).
    page = workspace / "content" / "fr" / "index.md"
    edit(page, "(fonctionnement.md)", "(fonctionnement.md#nulle-part)")
    env = dict(os.environ, COLUMNS="60", NO_MKDOCS_2_WARNING="1")
    env.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "peaceops", "--root", str(workspace), "build", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    warning = [line for line in result.stderr.splitlines() if "nulle-part" in line]
    assert len(warning) == 1, result.stderr
    assert warning[0].startswith("content/fr/index.md:") and warning[0].endswith("against the headings of that page")
    assert "\x1b" not in result.stderr
