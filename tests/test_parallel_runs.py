"""`make test`'s two processes keep each test file on one of them, and the crawl to one file.

Why: a module's fixtures (a site built from edited data, every page measured in Chromium) are made
once per process that runs the module's tests. When pytest-xdist split files across its workers,
each of those fixtures was made twice and nothing failed, only the run got slower: pytest 9.2 had
quietly stopped honouring the groups of ``--dist loadgroup``. This runs the Makefile's own pytest
options on a small suite of the test's own, and asks where each test ran.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from types import SimpleNamespace

from conftest import ROOT, files_sharing

# Each file's tests record the worker that ran them and whether the module's fixture was made there.
SMALL_FILE = '''
import os, pytest
LOG = {log!r}

@pytest.fixture(scope="module")
def made_once():
    with open(LOG, "a") as log:
        log.write(f"fixture {{__name__}} {{os.environ.get('PYTEST_XDIST_WORKER')}}\\n")

@pytest.mark.parametrize("n", range(6))
def test_one(made_once, n):
    with open(LOG, "a") as log:
        log.write(f"test {{__name__}} {{os.environ.get('PYTEST_XDIST_WORKER')}}\\n")
'''


def make_test_options(workers: int = 2) -> list[str]:
    """The options the Makefile's ``test`` recipe gives pytest, with TEST_WORKERS set to ``workers``."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*\n\t(?P<command>.+)$", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no test recipe"
    command = recipe.group("command").replace("$(TEST_WORKERS)", str(workers))
    return shlex.split(command.split("-m pytest", 1)[1])


def test_each_file_runs_on_one_worker_and_makes_its_module_fixture_once(tmp_path):
    log = tmp_path / "ran.log"
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    for name in ("test_first", "test_second", "test_third"):
        (suite / f"{name}.py").write_text(SMALL_FILE.format(log=str(log)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *make_test_options(2)],
        cwd=suite, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    workers: dict[str, set[str]] = {}
    fixtures: dict[str, int] = {}
    for kind, module, worker in lines:
        if kind == "test":
            workers.setdefault(module, set()).add(worker)
        else:
            fixtures[module] = fixtures.get(module, 0) + 1
    assert sorted(workers) == ["test_first", "test_second", "test_third"]
    assert all(worker != "None" for ran in workers.values() for worker in ran), "the tests did not run on workers"
    split = {module: sorted(ran) for module, ran in workers.items() if len(ran) > 1}
    assert not split, f"a file's tests ran on more than one worker: {split}"
    assert fixtures == {"test_first": 1, "test_second": 1, "test_third": 1}


def test_a_once_per_worker_fixture_used_in_two_files_is_found():
    def item(nodeid: str, *fixtures: str) -> SimpleNamespace:
        return SimpleNamespace(nodeid=nodeid, fixturenames=list(fixtures))

    items = [
        item("tests/browser/test_crawl.py::test_a", "crawl", "tab"),
        item("tests/browser/test_crawl.py::test_b[1]", "crawl"),
        item("tests/browser/test_search.py::test_c", "tab"),
    ]
    assert files_sharing(items) == {}
    items.append(item("tests/browser/test_search.py::test_d[x::y]", "base_url", "crawl"))
    assert files_sharing(items) == {"crawl": ["tests/browser/test_crawl.py", "tests/browser/test_search.py"]}
