"""Issue 22: the whole site built from hostile data (tests/hostile.py: tricks in every text field of
every data file, long runs of spaces, brackets and punctuation in the missions' texts), then read back.

What must hold on every page, whatever field a value is in: no element or attribute the data wrote;
no address but the site's own, https:, http: or mailto:; no script but the site's own files; nothing
loaded from another host; the Content-Security-Policy first in the head; the feeds and sitemap still
well-formed XML; and the build finishes. Its timeout guards against a hang (patterns whose work grew
with the square of a run's length took hours); it is not a measure of speed.
"""
from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile import MARK, hostile_copy

from peaceops.outputs.security import CONTENT_SECURITY_POLICY
from peaceops.source.fieldtypes import scheme

pytestmark = pytest.mark.build

ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data-print-href", "xlink:href", "cite"}
LOADED = {("img", "src"), ("script", "src"), ("iframe", "src"), ("source", "src"), ("link", "href"), ("audio", "src"), ("video", "src")}


class PageReader(HTMLParser):
    """Every element and attribute of a page, and what in them breaks the rules above."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.first_in_head: tuple[str, dict[str, str | None]] | None = None
        self.in_head = False
        self.inline_script = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif self.in_head and self.first_in_head is None:
            self.first_in_head = (tag, values)
        if MARK in tag:
            self.problems.append(f"element <{tag}>")
        for name, value in attrs:
            if MARK in name:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"event attribute {name} on <{tag}>")
            if name in ADDRESS_ATTRIBUTES and value is not None:
                found = scheme(value)
                if found not in (None, "https", "http", "mailto"):
                    self.problems.append(f"{found}: address in <{tag} {name}>")
                if (tag, name) in LOADED and found is not None and tag != "link":
                    self.problems.append(f"<{tag} {name}> loads {value} from another host")
        if tag == "script":
            kind = values.get("type") or "text/javascript"
            self.inline_script = "src" not in values and kind not in ("application/ld+json", "application/json")
        if tag in ("iframe", "object", "embed", "base"):
            self.problems.append(f"element <{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag == "script":
            self.inline_script = False

    def handle_data(self, data: str) -> None:
        if self.inline_script and data.strip():
            self.problems.append(f"inline script: {data.strip()[:60]}")
        self.text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = hostile_copy(tmp_path_factory.mktemp("hostile") / "inputs")
    site = root.parent / "site"
    command = [sys.executable, "-m", "peaceops", "--root", str(root), "build", "--site-dir", str(site)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_every_page_built_from_hostile_data_keeps_every_value_in_its_place(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 40
    problems = []
    marked = 0
    for page in pages:
        reader = PageReader()
        reader.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(hostile_site).as_posix()
        problems += [f"{where}: {problem}" for problem in reader.problems]
        first = reader.first_in_head
        if not (first and first[0] == "meta" and first[1].get("http-equiv") == "Content-Security-Policy"
                and first[1].get("content") == CONTENT_SECURITY_POLICY):
            problems.append(f"{where}: the Content-Security-Policy is not the first thing in the head")
        marked += MARK in "".join(reader.text)
    assert problems == []
    assert marked > 40  # the hostile texts are there, shown as text


def test_the_addresses_made_from_hostile_names_are_slugs(hostile_site):
    for folder in [*(hostile_site / "countries").iterdir(), *(hostile_site / "fr" / "pays").iterdir()]:
        assert folder.name.replace("-", "").isalnum() and folder.name.isascii(), folder.name
        assert len(folder.name) <= 60, folder.name


def test_the_feeds_and_sitemap_built_from_hostile_data_are_well_formed(hostile_site):
    for name in ("feed.xml", "fr/feed.xml", "sitemap.xml"):
        ET.parse(hostile_site / name)  # raises on anything XML cannot hold
