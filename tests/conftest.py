"""Shared fixtures: the repository, a copy of it to break, and the real site built once per run.

Why: building the site takes a couple of seconds, so the real site is built once per test run into
a temporary folder (never into site/, which belongs to the person running the tests) and shared.
Tests that change data work on a copy of the repository's inputs.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
    command = [sys.executable, "-m", "peaceops", "--root", str(root), "check"]
    env = dict(os.environ, REPOSITORY_URL=repository_url) if repository_url else None
    return subprocess.run(command, capture_output=True, text=True, env=env)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once from the repository's own inputs."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def independent_site(tmp_path_factory) -> Path:
    """The repository's own (independent) site as the publishing workflow builds it: at a public
    address, with the address of the repository it is built from."""
    site = tmp_path_factory.mktemp("independent") / "site"
    result = run_build(ROOT, site, PUBLISHED_URL, repository_url=PUBLISHED_REPOSITORY)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def official_site(tmp_path_factory) -> Path:
    """The same data with identity: official, built for a canada.ca address (and given a repository's
    address too, which an official site must not show)."""
    root = copy_inputs(tmp_path_factory.mktemp("official") / "repo")
    edit(root / "data" / "publisher.yaml", "\nidentity: independent\n", "\nidentity: official\n")
    site = root / "site"
    result = run_build(root, site, OFFICIAL_URL, repository_url=PUBLISHED_REPOSITORY)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A copy of the repository's inputs that a test may edit."""
    return copy_inputs(tmp_path / "repo")


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
    # Only when asked (make accessibility-record, which the publishing workflow runs): an ordinary
    # test run changes no tracked file, so `make test` leaves `git status` clean.
    if not session.config.getoption("--accessibility-record"):
        return
    import accessibility_record

    accessibility_record.finish_session()
