"""Helpers for the publishing tests: the built pages, a small HTML tree, and the data read plainly.

Why: the publishing tests check what a reader, a search engine or a feed reader gets, so they read
the built files with the standard library only, and read the data with a plain YAML parser rather
than through the peaceops package, so that a mistake in the package cannot hide itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import plainyaml
from conftest import ROOT

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(c if isinstance(c, str) else c.text for c in self.children)).strip()

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        def matches(node: Node) -> bool:
            return (tag is None or node.tag == tag) and all(
                node.attrs.get(name.replace("_", "-")) == value for name, value in attrs.items()
            )

        return [node for node in self.walk() if matches(node)]

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()

    def with_class(self, name: str) -> list[Node]:
        return [node for node in self.walk() if node.has_class(name)]


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(path: Path) -> Node:
    tree = _Tree()
    tree.feed(path.read_text(encoding="utf-8"))
    tree.close()
    return tree.root


def content_pages(site: Path) -> dict[str, Path]:
    """Every built page but the 404 pages, by its address within the site ("fr/pays/haiti/")."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        address = path.parent.relative_to(site).as_posix()
        address = "" if address == "." else address + "/"
        if address.split("/")[0] in ("search", "assets"):
            continue
        pages[address] = path
    return pages


def language_of(address: str) -> str:
    return "fr" if address.startswith("fr/") else "en"


def root_url(site: Path) -> str:
    """The address the site was built for, from the home page's canonical link."""
    home = parse(site / "index.html")
    return next(link.attrs["href"] for link in home.all("link", rel="canonical"))


def data(name: str, root: Path = ROOT):
    """A data file, read with a plain YAML parser (not the peaceops package; plainyaml.py)."""
    return plainyaml.read(root / "data" / name, yaml_1_1=True)


def interface(key: str, language: str, root: Path = ROOT) -> str:
    return plainyaml.shared(root / "data" / "interface.yaml", yaml_1_1=True)["text"][key][language]


def as_shown(text: str, language: str) -> str:
    """An interface text as a French reader gets it: no-break spaces before ":" and inside « »."""
    if language != "fr":
        return text
    return text.replace(" :", "\u00a0:").replace("« ", "«\u00a0").replace(" »", "\u00a0»")
