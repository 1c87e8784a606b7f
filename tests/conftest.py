"""Shared fixtures: the repository, a copy of it to break, and the real site built once per run.

Why: building the site takes a couple of seconds, so the real site is built once per test run into
a temporary folder (never into site/, which belongs to the person running the tests) and shared,
by every pytest-xdist worker too (tests/sharedbuild.py). Tests that change data work on a copy of
the repository's inputs.

``make test`` runs on two workers with ``--dist loadgroup`` (pyproject.toml): each test file is one
group, run in order by one worker, so a module's fixtures are made once; files that use an expensive
session fixture (the browser crawl, ONE_WORKER_FIXTURES) are one group, on one worker.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sharedbuild
from hypothesis import settings

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
    command = [sys.executable, "-m", "peaceops", "--root", str(root), "check"]
    env = dict(os.environ, REPOSITORY_URL=repository_url) if repository_url else None
    return subprocess.run(command, capture_output=True, text=True, env=env)


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


# Session fixtures too slow to make once per worker and not kept on disk (the crawl visits every page
# in Chromium): every file with a test that uses one runs on the same worker, in one xdist group.
ONE_WORKER_FIXTURES = ("crawl",)


def pytest_configure(config):
    # pytest-xdist registers its marker only when it is loaded (not with -p no:xdist); --strict-markers
    config.addinivalue_line("markers", "xdist_group(name): tests pytest-xdist runs on one worker, in order")


# Under mutmut (make mutate), which runs the tests in a mutated copy of the repository, mutants/:
# the mutated modules hold mutmut's own text, which the build's and check's scan of the code for
# interface texts reads as missing texts, so a build or a check of that copy fails whatever the
# mutant. Tests that need one are left out there (and only there); mutmut could not count them
# anyway, since it traces only the tests' own process. tests/MUTATION.md says so.
UNDER_MUTMUT = ROOT.name == "mutants" and (ROOT.parent / "pyproject.toml").is_file()  # mutmut's copy inside a checkout
BUILDING_FIXTURES = {"built_site", "workspace", "changed_site", "tied_site", "official_site", "hostile_site", "after_run"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Each test file is one xdist group, unless it names its own or uses a ONE_WORKER_FIXTURES one."""
    if UNDER_MUTMUT:
        building = [item for item in items if BUILDING_FIXTURES & set(item.fixturenames)]
        if building:
            config.hook.pytest_deselected(items=building)
            items[:] = [item for item in items if item not in building]
    files = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], []).append(item)
    for file, file_items in files.items():
        used = sorted({name for item in file_items for name in ONE_WORKER_FIXTURES if name in item.fixturenames})
        for item in file_items:
            if item.get_closest_marker("xdist_group") is None:
                item.add_marker(pytest.mark.xdist_group("+".join(used) if used else file))


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
