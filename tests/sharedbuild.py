"""A build that every pytest-xdist worker of one test run shares: made once, by whichever asks first.

Why: ``make test`` runs the suite on every core (pytest-xdist), and each worker is its own pytest
session, so a session fixture that builds a site would build it once per worker. The build goes
instead into a folder of the run's common temporary folder (the parent of each worker's own; the
run's own folder when there are no workers), named by what it builds, under a file lock: the first
worker builds, the others wait and then read the same files. A failed build is remembered, so every
worker fails with the builder's message instead of building again. ``fcntl`` (the standard library's
lock; the tests run on Linux) is all it takes, so no package is added for it.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder all workers of this run share (pytest-xdist gives each ``<run>/popen-gwN``)."""
    own = tmp_path_factory.getbasetemp()
    return own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own


def key(*parts: object) -> str:
    """A folder name for a build, from everything that decides what it builds."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def shared(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder ``make`` filled, made once per run whichever worker asks first.

    ``make`` receives an empty folder and fills it; it fails (an assertion, an exception) to say the
    build failed. ``name`` must name everything that decides the content (see ``key``).
    """
    folder = run_folder(tmp_path_factory) / f"shared-{name}"
    done = folder.with_name(folder.name + ".done")
    failed = folder.with_name(folder.name + ".failed")
    with folder.with_name(folder.name + ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if failed.exists():
                pytest.fail(f"the shared build {name} failed in another worker:\n{failed.read_text()}", pytrace=False)
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir(parents=True)
                try:
                    make(folder)
                except BaseException:
                    failed.write_text(traceback.format_exc(), encoding="utf-8")
                    raise
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder
