"""``make screenshots`` (tools/screenshots.py): one full-page PNG per page and width, the width exact.

Why: reviewers look at these pictures instead of building the site; a page missing from them, or a
picture at the wrong width, would show them something the reader does not see.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from .pages import site_pages

pytestmark = pytest.mark.browser

TOOL = ROOT / "tools" / "screenshots.py"


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


# The pages of the small site the tool is run on: a page of each kind, in both languages.
KEPT = ("index.html", "fr/index.html", "deployments/index.html", "fr/pays/haiti/index.html", "404.html")


def _small_site(built_site: Path, folder: Path) -> Path:
    """The built site with one page of each kind: what the tool does with every page it finds is
    the same for five pages as for all of them, and each full-page picture takes a while."""
    shutil.copytree(built_site, folder)
    for page in folder.rglob("*.html"):
        if page.relative_to(folder).as_posix() not in KEPT:
            page.unlink()
    return folder


def test_every_page_gets_a_full_page_png_at_the_width_asked(built_site, tmp_path):
    site = _small_site(built_site, tmp_path / "site")
    out = tmp_path / "shots"
    stale = out / "375" / "a-page-that-is-gone.png"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    result = subprocess.run(
        [sys.executable, str(TOOL), "--site", str(site), "--out", str(out), "--widths", "375"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    names = {path.name for path in (out / "375").iterdir()}
    assert len(site_pages(site)) == len(KEPT)
    assert names == {"home.png", "fr.png", "deployments.png", "fr_pays_haiti.png", "404.png"}
    assert not stale.exists()
    sizes = {name: _png_size(out / "375" / name) for name in names}
    assert {width for width, _ in sizes.values()} == {375}
    assert sizes["deployments.png"][1] > 800  # the whole page, not the first screenful


def test_without_a_built_site_it_says_what_to_do(tmp_path):
    result = subprocess.run(
        [sys.executable, str(TOOL), "--site", str(tmp_path / "nothing"), "--out", str(tmp_path / "shots")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 1
    assert "make site" in result.stderr
