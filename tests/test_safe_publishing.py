"""A failed build leaves the last good site exactly as it was; a good build replaces it whole."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import edit, run_build

from peaceops.outputs.publish import Staging, remove_leftovers

pytestmark = pytest.mark.build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_failed_builds_leave_the_site_untouched_and_a_good_one_replaces_it_whole(built_site, workspace, tmp_path):
    # The last good site: the run's own build of the same inputs (tests/conftest.py, built_site), copied.
    site = tmp_path / "public" / "site"
    shutil.copytree(built_site, site)
    (site / "stale-page.html").write_text("left over from an old build", encoding="utf-8")
    before = snapshot(site)
    missions = workspace / "data" / "missions.yaml"

    # A data mistake: stopped by the check, before MkDocs runs.
    edit(missions, "        count: 131\n", "        count: lots\n")
    broken = run_build(workspace, site)
    assert broken.returncode == 1
    assert "data/missions.yaml:" in broken.stderr and "Traceback" not in broken.stderr
    assert snapshot(site) == before

    # A mistake only MkDocs finds (a link to a heading the other page does not have): stopped mid-build.
    edit(missions, "        count: lots\n", "        count: 131\n")
    page = workspace / "content" / "en" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Nowhere](index.md#no-such-heading)\n", encoding="utf-8")
    broken = run_build(workspace, site)
    assert broken.returncode == 1
    assert "was left as it was" in broken.stderr and "Traceback" not in broken.stderr
    assert "content/en/contact.md:" in broken.stderr  # MkDocs' warning, placed as ours
    assert snapshot(site) == before
    assert not list(site.parent.glob(".site-build-*")), "the failed build's temporary folder was left behind"

    # A build stopped part-way (killed, Ctrl-C) leaves its folders behind; the next build removes them.
    for name in (".site-build-stopped1", ".site-old-stopped2"):
        (site.parent / name / "site").mkdir(parents=True)
        (site.parent / name / "site" / "index.html").write_text("half-written", encoding="utf-8")

    # Fixed: the new site replaces the old one whole.
    page.write_text(page.read_text(encoding="utf-8").replace("\n[Nowhere](index.md#no-such-heading)\n", ""), encoding="utf-8")
    edit(missions, "        count: 131\n", "        count: 132\n")
    fixed = run_build(workspace, site)
    assert fixed.returncode == 0, fixed.stderr
    assert not (site / "stale-page.html").exists()
    assert (site / "index.html").is_file() and (site / "fr" / "index.html").is_file()
    assert snapshot(site) != {k: v for k, v in before.items() if k != "stale-page.html"}
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"], "temporary folders were left behind"


def test_a_local_build_says_first_that_it_uses_the_placeholder_address(workspace, tmp_path):
    # A data mistake makes the build stop at the check, so this costs no MkDocs build.
    edit(workspace / "data" / "missions.yaml", "        count: 131\n", "        count: lots\n")
    local = run_build(workspace, tmp_path / "site")
    first_line = local.stdout.splitlines()[0]
    assert "SITE_URL is not set" in first_line and "https://peace-operations.example.ca/" in first_line
    published = run_build(workspace, tmp_path / "site", "https://peace.example.org/")
    assert "SITE_URL" not in published.stdout + published.stderr


def test_a_leftover_build_folder_is_removed_unless_a_running_build_holds_it(tmp_path):
    target = tmp_path / "site"
    stopped = tmp_path / ".site-build-stopped"
    running = tmp_path / ".site-build-running"
    unrelated = tmp_path / ".site-builder-notes"
    for folder in (stopped, running, unrelated):
        folder.mkdir()
        (folder / "index.html").write_text("x", encoding="utf-8")
    # Another build, in another process, is writing into `running` and holds its lock.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(running)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        staging = Staging(target)
        assert not stopped.exists(), "a stopped build's folder was left"
        assert running.is_dir() and unrelated.is_dir()
        assert staging.path.parent == tmp_path and staging.path.name.startswith(".site-build-")
        # While this build holds its own folder, a second build does not remove it either.
        assert staging.path not in remove_leftovers(target) and staging.path.is_dir()
        staging.discard()
        assert not staging.path.exists()
    finally:
        holder.communicate("")
    assert remove_leftovers(target) == [running]  # its build ended: now it is a leftover too


HOLD_LOCK = """
import fcntl, os, sys
descriptor = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(descriptor, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
"""
