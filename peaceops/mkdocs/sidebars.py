"""Which of Material's sidebars a page shows: none that only repeats the page.

Why: with the menu in tabs, Material's left sidebar on a desktop lists the pages of the reader's
tab, which for every page but the country pages (the "By country" tab) is the page itself; and an
"On this page" box with one entry, or none, is furniture with nothing in it. Such a sidebar is
hidden through the page's ``hide`` list, which Material reads (on phones the menu drawer stays, as
Material keeps it), and the content takes the width. A table of contents of fewer than two entries
is dropped altogether, so that the menu drawer, which shows it under the page's name, does not
show it either.
"""
from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

MIN_TOC_ENTRIES = 2


def toc_entries(toc: TableOfContents) -> list[AnchorLink]:
    """The entries "On this page" lists: the headings under the page's title (H1)."""
    items = list(toc)
    if items and items[0].level == 1:
        return list(items[0].children)
    return items


def hide_lone_sidebars(page: Page) -> None:
    """Hide the sidebars that would list only the page itself, or fewer than two headings."""
    hide = [str(name) for name in page.meta.get("hide") or []]
    if page.parent is None:  # a page of its own in the menu, or not in it: its tab lists only itself
        hide.append("navigation")
    if len(toc_entries(page.toc)) < MIN_TOC_ENTRIES:
        page.toc = TableOfContents([])
        hide.append("toc")
    page.meta["hide"] = hide
