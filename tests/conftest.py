"""Shared fixtures: the repository, a copy of it to break, and the real site built once per run.

Why: building the site takes a couple of seconds, so the real site is built once per test run into
a temporary folder (never into site/, which belongs to the person running the tests) and shared,
by every pytest-xdist worker too (tests/sharedbuild.py). Tests that change data work on a copy of
the repository's inputs.

``make test`` runs on two workers with ``--dist loadfile`` (the Makefile): each test file is run in
order by one worker, so a module's fixtures are made once. A session fixture too expensive to make
on both workers and not shared on disk (the browser crawl, ONE_WORKER_FIXTURES) may be used by one
test file only; collection fails otherwise.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

import pytest
import sharedbuild
from hypothesis import settings

from peaceops.cli import main as peaceops_main

ROOT = Path(__file__).resolve().parent.parent

# Hypothesis (the property tests): no time limit per example, since the machine is shared and a slow
# example is not a wrong one. Its memory of failing examples is .hypothesis/ (not committed).
settings.register_profile("peaceops", deadline=None)
settings.load_profile("peaceops")

INPUTS = ("data", "content", "theme", "hooks", "mkdocs.yml", "mkdocs.fr.yml")
# The address of the repository a site is built from is a setting of the build, given by the
# publishing workflow (REPOSITORY_URL). Tests choose it themselves, so that a run in the workflow
# and one on a laptop build the same sites; the stand-ins below are never published.
os.environ.pop("REPOSITORY_URL", None)
PUBLISHED_REPOSITORY = "https://github.com/example-org/peace-operations"
PUBLISHED_URL = "https://example-org.github.io/peace-operations/"
OFFICIAL_URL = "https://www.canada.ca/en/royal-canadian-mounted-police/peace-operations/"


def copy_inputs(destination: Path) -> Path:
    """A copy of everything a build reads, to edit without touching the real repository."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one place ``old`` stands in ``path`` (a test's edit must not land by accident elsewhere)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def run_build(
    root: Path, site_dir: Path, site_url: str | None = None, engine: str | None = None,
    repository_url: str | None = None,
) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "peaceops", "--root", str(root), "build", "--site-dir", str(site_dir)]
    if site_url:
        command += ["--site-url", site_url]
    if engine:
        command += ["--engine", engine]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    if repository_url:
        env["REPOSITORY_URL"] = repository_url
    return subprocess.run(command, capture_output=True, text=True, env=env)


def run_check(root: Path, repository_url: str | None = None) -> subprocess.CompletedProcess:
    """``python -m peaceops check`` on ``root``: its exit status and what it printed on each stream.

    Run in this process, through the command's own ``main`` (as ``python -m peaceops`` calls it): a
    new interpreter's start and imports cost more than most checks, and the suite runs about a
    hundred. The command itself, as editors run it, is tested by tests/test_check_command.py."""
    command = ["--root", str(root), "check"]
    out, err = io.StringIO(), io.StringIO()
    environment = {"REPOSITORY_URL": repository_url} if repository_url else {}
    with mock.patch.dict(os.environ, environment), redirect_stdout(out), redirect_stderr(err):
        status = peaceops_main(command)
    return subprocess.CompletedProcess(command, status, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per run (by one worker) from the repository's own inputs."""
    return shared_site(tmp_path_factory, ROOT)


def shared_site(tmp_path_factory, root: Path, site_url: str | None = None, engine: str | None = None) -> Path:
    """The site ``run_build`` makes from ``root``, built once per run and shared by every worker."""

    def build(folder: Path) -> None:
        result = run_build(root, folder / "site", site_url, engine)
        assert result.returncode == 0, result.stdout + result.stderr

    name = "site-" + sharedbuild.key(str(root), site_url, engine)
    return sharedbuild.shared(tmp_path_factory, name, build) / "site"


@pytest.fixture(scope="session")
def independent_site(tmp_path_factory) -> Path:
    """The repository's own (independent) site as the publishing workflow builds it: at a public
    address, with the address of the repository it is built from. Built once per run."""

    def build(folder: Path) -> None:
        result = run_build(ROOT, folder / "site", PUBLISHED_URL, repository_url=PUBLISHED_REPOSITORY)
        assert result.returncode == 0, result.stdout + result.stderr

    return sharedbuild.shared(tmp_path_factory, "independent-site", build) / "site"


@pytest.fixture(scope="session")
def official_site(tmp_path_factory) -> Path:
    """The same data with identity: official, built for a canada.ca address (and given a repository's
    address too, which an official site must not show). Built once per run."""

    def build(folder: Path) -> None:
        root = copy_inputs(folder / "repo")
        edit(root / "data" / "publisher.yaml", "\nidentity: independent\n", "\nidentity: official\n")
        result = run_build(root, root / "site", OFFICIAL_URL, repository_url=PUBLISHED_REPOSITORY)
        assert result.returncode == 0, result.stdout + result.stderr

    return sharedbuild.shared(tmp_path_factory, "official-site", build) / "repo" / "site"


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A copy of the repository's inputs that a test may edit."""
    return copy_inputs(tmp_path / "repo")


# Session fixtures too slow to make once per worker and not kept on disk (the crawl visits every page
# in Chromium): each may be used by one test file only, which --dist loadfile runs on one worker.
# (Not --dist loadgroup with a group per fixture: under pytest 9.2, pytest-xdist 3.8's groups are
# silently ignored, since the id suffix it writes to item._nodeid no longer reaches item.nodeid, and
# every test became its own unit: each file's module fixtures were made on both workers.)
ONE_WORKER_FIXTURES = ("crawl",)


# Under mutmut (make mutate), which runs the tests in a mutated copy of the repository, mutants/:
# the mutated modules hold mutmut's own text, which the build's and check's scan of the code for
# interface texts reads as missing texts, so a build or a check of that copy fails whatever the
# mutant. Tests that need one are left out there (and only there); mutmut could not count them
# anyway, since it traces only the tests' own process. tests/MUTATION.md says so.
UNDER_MUTMUT = ROOT.name == "mutants" and (ROOT.parent / "pyproject.toml").is_file()  # mutmut's copy inside a checkout
BUILDING_FIXTURES = {"built_site", "workspace", "changed_site", "tied_site", "official_site", "hostile_site", "after_run"}


def files_sharing(items, fixtures=ONE_WORKER_FIXTURES) -> dict[str, list[str]]:
    """Each of ``fixtures`` that tests of more than one file use, with those files."""
    users: dict[str, set[str]] = {}
    for item in items:
        for name in fixtures:
            if name in getattr(item, "fixturenames", ()):
                users.setdefault(name, set()).add(item.nodeid.split("::")[0])
    return {name: sorted(files) for name, files in users.items() if len(files) > 1}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Leave out, under mutmut, the tests that build; refuse a ONE_WORKER_FIXTURES fixture in two files."""
    if UNDER_MUTMUT:
        building = [item for item in items if BUILDING_FIXTURES & set(item.fixturenames)]
        if building:
            config.hook.pytest_deselected(items=building)
            items[:] = [item for item in items if item not in building]
    shared = files_sharing(items)
    if shared:
        raise pytest.UsageError(
            "; ".join(f"the {name} fixture is made once per worker and is used by {', '.join(files)}: "
                      "keep it to one test file (tests/conftest.py, ONE_WORKER_FIXTURES)" for name, files in shared.items())
        )


# --- The accessibility statement's record of the last fully passing run (tests/accessibility_record.py)
def pytest_runtest_logreport(report):
    import accessibility_record

    accessibility_record.note_outcome(report)


def pytest_addoption(parser):
    parser.addoption(
        "--accessibility-record",
        action="store_true",
        help="write data/checks/accessibility.json when every accessibility check passes (make accessibility-record)",
    )


def pytest_sessionfinish(session, exitstatus):
    # Only the controller writes (pytest-xdist's workers have ``workerinput``): every test's outcome
    # reaches it through pytest_runtest_logreport, which runs there for the workers' reports.
    if hasattr(session.config, "workerinput"):
        return
    # Only when asked (make accessibility-record, which the publishing workflow runs): an ordinary
    # test run changes no tracked file, so `make test` leaves `git status` clean.
    if not session.config.getoption("--accessibility-record"):
        return
    import accessibility_record

    accessibility_record.finish_session()
