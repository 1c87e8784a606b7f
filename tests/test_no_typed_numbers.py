"""Every number on the site comes from data: the hand-written pages type none.

A figure typed into a page goes stale the day the data changes, and then disagrees with the same
figure elsewhere. Pages write numbers only through macros ({{ ... }}); this reads each page's text
with its front matter, Jinja expressions and link targets removed, and finds no digit left.
"""
from __future__ import annotations

import re

import pytest
from conftest import ROOT

PAGES = sorted((ROOT / "content").rglob("*.md"))


def prose(markdown: str) -> str:
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", text, flags=re.DOTALL)
    return re.sub(r"\]\([^)]*\)", "]()", text)


def test_there_are_pages_to_check():
    assert len(PAGES) >= 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_types_no_number(page):
    typed = [m.group(0) for m in re.finditer(r"\d[\d,.\s]*", prose(page.read_text(encoding="utf-8")))]
    assert typed == [], f"{page.relative_to(ROOT)} types numbers; take them from data instead"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_front_matter_description_types_no_number(page):
    found = re.search(r"^description:(.*)$", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert found is None or not re.search(r"\d", found.group(1))
