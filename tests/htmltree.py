"""A small element tree of a built page, to find elements by tag and attribute and read their text.

Why: the map, chart, table and open-data tests check the built HTML itself (what a reader and a
screen reader get), and the standard library's HTMLParser is all that is needed to do it.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    @property
    def text(self) -> str:
        """The words a reader reads, source note marks left out (their numbers are no part of a figure:
        "13, April 2021" with note 5 is not "13, April 20215"); ``text_with_notes`` keeps them."""
        parts = [c if isinstance(c, str) else c.text for c in self.children if not _is_note_mark(c)]
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    @property
    def text_with_notes(self) -> str:
        parts = [c if isinstance(c, str) else c.text_with_notes for c in self.children]
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str | bool) -> list[Element]:
        """Elements with the tag and attributes (True: present, whatever its value)."""
        found = []
        for element in self.iter():
            if tag and element.tag != tag:
                continue
            if all(
                (name.replace("_", "-") in element.attrs) if value is True else element.attrs.get(name.replace("_", "-")) == value
                for name, value in attrs.items()
            ):
                found.append(element)
        return found

    def find(self, tag: str | None = None, **attrs: str | bool) -> Element:
        found = self.find_all(tag, **attrs)
        assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
        return found[0]

    def by_id(self, element_id: str) -> Element:
        return self.find(id=element_id)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


def _is_note_mark(node: Element | str) -> bool:
    """A source note mark (theme/macros/notes.html) or the comma between two marks."""
    return isinstance(node, Element) and bool({"pk-note-mark", "pk-note-sep"} & set(node.attrs.get("class", "").split()))


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, parent=self.current)
        self.current.children.append(element)

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def page(site: Path, address: str) -> Element:
    """The page at a site-relative address such as ``fr/deploiements/``."""
    return parse((site / address / "index.html").read_text(encoding="utf-8"))


def resolve(site: Path, address: str, href: str) -> Path:
    """The file a relative link on the page at ``address`` leads to (index.html for a folder)."""
    target = posixpath.normpath(posixpath.join(address, href))
    path = site / target
    return path / "index.html" if href.endswith("/") or path.is_dir() else path
