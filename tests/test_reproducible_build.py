"""Two builds from the same inputs are identical, byte for byte, file for file.

Why: the site is published from CI; an identical build means a diff of two builds shows exactly
what an edit changed, and that no build clock, random order or absolute path leaks into pages.
The two builds go to different folders, so a leaked build path would show as a difference.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, run_build


def tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.build
def test_two_builds_of_the_same_inputs_are_byte_identical(tmp_path):
    sites = [tmp_path / "first" / "site", tmp_path / "second-build" / "site"]
    for site in sites:
        result = run_build(ROOT, site)
        assert result.returncode == 0, result.stdout + result.stderr
    first, second = (tree(site) for site in sites)
    assert any(name.startswith("fr/") for name in first) and "sitemap.xml.gz" in first
    assert sorted(first) == sorted(second), set(first) ^ set(second)
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"{len(different)} files differ between two builds: {different[:20]}"
