"""A failed build leaves the last good site exactly as it was; a good build replaces it whole."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, run_build

pytestmark = pytest.mark.build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_failed_builds_leave_the_site_untouched_and_a_good_one_replaces_it_whole(workspace, tmp_path):
    site = tmp_path / "public" / "site"
    site.parent.mkdir()
    first = run_build(workspace, site)
    assert first.returncode == 0, first.stderr
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
