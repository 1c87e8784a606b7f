"""Issue 19: sources as notes. A figure shows its number and its date; its source is a note mark that
leads to the page's numbered list of sources at its foot, never a "(…; source: …)" run in the text.

Checked on every built page of both languages: no source link and no "source:" label outside the
list; every mark leads to a note of the same page and every note back to a mark; notes numbered
1, 2, 3 in the order first cited; one note per source; the marks' spoken names and the list's
heading in the page's language (from data/interface.yaml, read here, not from the package).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT
from htmltree import Element, parse
from ruamel.yaml import YAML


def interface(key: str, language: str) -> str:
    return interface_texts()[key][language]


@cache
def interface_texts() -> dict:
    return YAML(typ="safe", pure=True).load((ROOT / "data" / "interface.yaml").read_text(encoding="utf-8"))["text"]


def source_keys() -> set[str]:
    data = YAML(typ="safe", pure=True).load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))
    return {source["key"] for source in data["sources"]}


def content_pages(site: Path) -> list[tuple[Path, Element, str]]:
    """Every built page with content (the 404 pages have none), its tree and its language."""
    found = []
    for path in sorted(site.rglob("index.html")):
        document = parse(path.read_text(encoding="utf-8"))
        language = document.find("html").attrs["lang"][:2]
        bodies = document.find_all("div", data_pagefind_body=True)
        if bodies:
            found.append((path, bodies[0], language))
    return found


def notes_section(body: Element) -> Element | None:
    sections = [s for s in body.find_all("section") if "pk-notes" in s.attrs.get("class", "").split()]
    assert len(sections) <= 1
    return sections[0] if sections else None


def inside(element: Element, container: Element | None) -> bool:
    return container is not None and (element is container or container in element.ancestors())


# The visible words of a citation run, as the site wrote them before issue 19 in both languages.
CITATION_WORDS = re.compile(r"\(\s*[^()]*;\s*source\s*:|\bsource\s*:|\bsources consulté|sources consulted", re.IGNORECASE)


def test_no_page_cites_a_source_inside_its_text(built_site):
    """0 inline citations: every link to a source, and every source's title, is in the list of notes."""
    pages = content_pages(built_site)
    assert len(pages) > 40
    for path, body, _ in pages:
        notes = notes_section(body)
        for link in body.find_all("a", data_source=True):
            assert inside(link, notes), (path.relative_to(built_site), link.text)
        text = " ".join(
            child if isinstance(child, str) else ""
            for element in body.iter() if not inside(element, notes)
            for child in element.children
        )
        found = CITATION_WORDS.search(text)
        assert not found, (path.relative_to(built_site), text[max(0, found.start() - 80):found.end() + 40])


def test_every_mark_leads_to_a_note_and_every_note_back_to_its_first_mark(built_site):
    keys = source_keys()
    marked_pages = 0
    for path, body, language in content_pages(built_site):
        marks = body.find_all("a", data_cites=True)
        notes = notes_section(body)
        if not marks:
            assert notes is None, path.relative_to(built_site)
            continue
        marked_pages += 1
        where = path.relative_to(built_site)
        assert notes is not None, where
        items = [li for li in notes.find_all("li") if "data-note" in li.attrs]
        by_id = {li.attrs["id"]: li for li in items}
        # Numbered 1, 2, 3 in the order first cited; one note per source; each a source in the data.
        first_seen: list[str] = []
        for mark in marks:
            if mark.attrs["data-cites"] not in first_seen:
                first_seen.append(mark.attrs["data-cites"])
        assert [li.attrs["data-note"] for li in items] == first_seen, where
        assert len(set(first_seen)) == len(first_seen) and set(first_seen) <= keys, where
        assert notes.find("ol") is not None
        # Every mark: its number, its spoken name in the page's language, the note of its source.
        ids = set()
        for mark in marks:
            number = first_seen.index(mark.attrs["data-cites"]) + 1
            assert mark.text_with_notes == str(number), where
            assert mark.attrs["aria-label"] == interface("notes.mark", language).format(n=number), where
            assert mark.attrs["href"] == f"#pk-note-{number}", where
            assert by_id[f"pk-note-{number}"].attrs["data-note"] == mark.attrs["data-cites"], where
            assert mark.attrs["id"] not in ids, (where, mark.attrs["id"])
            ids.add(mark.attrs["id"])
        # Every note: a link to its source, and a link back to the first mark that cites it.
        for number, item in enumerate(items, 1):
            source = list(item.find_all("a", data_source=True))
            assert len(source) == 1 and source[0].attrs["data-source"] == item.attrs["data-note"], where
            back = [a for a in item.find_all("a") if "pk-note-back" in a.attrs.get("class", "")]
            first_mark = next(m for m in marks if m.attrs["data-cites"] == item.attrs["data-note"])
            assert [a.attrs["href"] for a in back] == ["#" + first_mark.attrs["id"]], where
            assert back[0].attrs["aria-label"] == interface("notes.back", language).format(n=number), where
        # The list's heading, in the page's language.
        heading = notes.find("h2")
        assert heading.text == interface("notes.heading", language), where
    assert marked_pages > 30


@pytest.mark.parametrize("address", ["countries/haiti/", "fr/pays/haiti/"])
def test_a_generated_country_page_ends_with_its_notes(built_site, address):
    path = built_site / address / "index.html"
    body = parse(path.read_text(encoding="utf-8")).find("div", data_pagefind_body=True)
    notes = notes_section(body)
    assert notes is not None and notes.find_all("li", data_note=True)
    # Nothing of the page's own content comes after the list.
    after = False
    for element in body.iter():
        if element is notes:
            after = True
        elif after and not inside(element, notes) and element.tag in {"p", "table", "section", "h2", "ul"}:
            pytest.fail(f"{address}: <{element.tag}> after the list of sources")


def test_the_marks_and_the_notes_are_left_out_of_the_search_index(built_site):
    for path, body, _ in content_pages(built_site):
        notes = notes_section(body)
        if notes is not None:
            assert "data-pagefind-ignore" in notes.attrs, path
        for mark in body.find_all("a", data_cites=True):
            assert "data-pagefind-ignore" in mark.parent.attrs, path
