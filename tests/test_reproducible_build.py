"""Two builds from the same inputs are identical, byte for byte, file for file.

Why: the site is published from CI; an identical build means a diff of two builds shows exactly
what an edit changed, and that no build clock, file date, random order or absolute path leaks into
pages. The run's shared build of the repository (``built_site``, made earlier in the run) is
compared with a build made now from a copy of the inputs in another folder, every copied file
dated another day: a leaked clock, modification time or path shows as a difference.
"""
from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import run_build

# The modification time every copied input is given: no file in the repository carries it.
ANOTHER_DAY = datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC).timestamp()


def tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.build
def test_a_build_elsewhere_later_from_files_of_another_date_is_byte_identical(built_site, workspace, tmp_path):
    for path in workspace.rglob("*"):
        os.utime(path, (ANOTHER_DAY, ANOTHER_DAY))
    site = tmp_path / "second-build" / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = tree(built_site), tree(site)
    assert any(name.startswith("fr/") for name in first) and "sitemap.xml.gz" in first
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"{len(different)} files differ between two builds: {different[:20]}"
