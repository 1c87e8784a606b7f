"""No documentation furniture on a reader's page (issue 19): no Previous/Next bar, no "On this page"
box of fewer than two entries, no sidebar that lists only the page itself, on every built page in
both languages.

Why: those are a manual's furniture; on a public page they are boxes with nothing in them (a bare
arrow on a phone, a sidebar repeating the page's title) that take the width the tables need.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from htmltree import Element, parse


def _pages(site: Path) -> dict[str, Element]:
    return {path.relative_to(site).as_posix(): parse(path.read_text(encoding="utf-8")) for path in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, Element]:
    found = _pages(built_site)
    assert {"index.html", "fr/index.html", "deployments/index.html", "fr/pays/haiti/index.html"} <= set(found)
    return found


def _classes(element: Element) -> set[str]:
    return set(element.attrs.get("class", "").split())


def _with_class(root: Element, name: str) -> list[Element]:
    return [element for element in root.iter() if name in _classes(element)]


def test_no_page_ends_with_a_previous_next_bar(pages):
    with_bar = [name for name, document in pages.items() if _with_class(document, "md-footer__link")]
    assert with_bar == []
    assert all(_with_class(document, "pk-footer") for document in pages.values())  # the footer itself stays


def test_no_table_of_contents_has_fewer_than_two_entries(pages):
    counts = {}
    for name, document in pages.items():
        for toc in _with_class(document, "md-nav--secondary"):
            counts.setdefault(name, []).append(len([a for a in toc.find_all("a") if a.attrs.get("href", "").startswith("#")]))
    assert {name: entries for name, entries in counts.items() if min(entries) < 2} == {}
    # Pages with several sections keep theirs, in both languages.
    assert min(counts["serving/index.html"]) >= 2 and min(counts["fr/servir-en-mission/index.html"]) >= 2
    assert "deployments/index.html" not in counts and "fr/pays/haiti/index.html" not in counts


def _shown_sidebar_pages(document: Element) -> list[str] | None:
    """The pages the left sidebar lists on a desktop (the reader's tab), or None when it is hidden."""
    [sidebar] = _with_class(document, "md-sidebar--primary")
    if "hidden" in sidebar.attrs:
        return None
    [top] = [ul for ul in _with_class(sidebar, "md-nav__list") if "md-nav--primary" in _classes(ul.parent)]
    active = [li for li in top.children if isinstance(li, Element) and "md-nav__item--active" in _classes(li)]
    if not active:
        return []
    return [a.attrs["href"] for a in active[0].find_all("a") if not a.attrs.get("href", "#").startswith("#")]


def test_no_sidebar_lists_only_the_page_itself(pages):
    shown = {name: _shown_sidebar_pages(document) for name, document in pages.items() if _with_class(document, "md-sidebar--primary")}
    assert {name: links for name, links in shown.items() if links is not None and len(links) < 2} == {}
    # A country page's sidebar lists every country, and stays; a page of its own has none on a desktop.
    assert len(shown["countries/haiti/index.html"] or []) > 10 and len(shown["fr/pays/haiti/index.html"] or []) > 10
    assert shown["deployments/index.html"] is None and shown["fr/deploiements/index.html"] is None


def test_no_collapsible_note_box_and_no_code_font_in_reader_text(pages):
    # File names are links in the text's font; notes are paragraphs or tables, not a manual's boxes.
    found = {
        name: sorted({element.tag for element in document.iter() if element.tag in ("code", "details", "kbd")}
                     | ({"admonition"} if _with_class(document, "admonition") else set()))
        for name, document in pages.items()
    }
    assert {name: tags for name, tags in found.items() if tags} == {}
