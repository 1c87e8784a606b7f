"""A page's main text, without its chrome, and the fingerprint the watch compares week to week.

Why: a site changes its menu, footer or banner far more often than the page an editor cited. Only
the text a reader comes for counts: the page's ``<main>`` (or ``role="main"``) when it has one, else
its largest content block (the smallest element holding most of the page's text that is not links).
Navigation, headers, footers, sidebars, scripts and forms are left out wherever they are, and
whitespace is folded, so a changed menu or a reindented page is not a change.

A page is read as far as ``MAX_ELEMENTS`` elements, nested at most ``MAX_DEPTH`` deep (browsers stop
nesting near there too; deeper elements join the deepest one): a hostile page can neither fill the
watch's memory nor exhaust Python's recursion. A charset that is not a text encoding is read as UTF-8.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that are the site's furniture, not the page's text.
CHROME_TAGS = frozenset(
    {"nav", "header", "footer", "aside", "script", "style", "noscript", "template", "svg", "form", "button", "iframe"}
)
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
# An id or class naming furniture: "menu", "main-nav", "site_footer", "breadcrumbs".
CHROME_NAME = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|sidebar|footer|masthead)(?:[-_]|$)"
)
BLOCK_TAGS = frozenset({"body", "div", "section", "article", "td"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# The smallest block that holds this share of the page's text (links not counted) is its content.
CONTENT_SHARE = 0.6
PAGE_TYPES = ("text/html", "application/xhtml+xml")
MAX_ELEMENTS = 50_000  # the pages cited have a few thousand
MAX_DEPTH = 256
FEED = 64 * 1024  # characters given to the parser at a time
UNFOLDED = re.compile(r"\s{2,}|[^\S ]")  # whitespace that is not one plain space


@dataclass(slots=True)
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def is_chrome(self, in_content: bool = False) -> bool:
        """Whether this is furniture; in an article or the main part, its own header and footer are not."""
        if in_content and self.tag in ("header", "footer"):
            return False
        if self.tag in CHROME_TAGS or self.attrs.get("role", "").lower() in CHROME_ROLES:
            return True
        names = f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}".lower().split()
        return any(CHROME_NAME.search(name) for name in names)

    @property
    def is_main(self) -> bool:
        return self.tag == "main" or self.attrs.get("role", "").lower() == "main"

    @property
    def is_content(self) -> bool:
        return self.is_main or self.tag == "article"


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the page: unclosed elements close with their parent, stray end tags are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.elements = 0

    @property
    def full(self) -> bool:
        return self.elements >= MAX_ELEMENTS

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.full:
            return
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements += 1
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS and len(self.stack) < MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.full:
            return
        self.elements += 1
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self.full:
            self.stack[-1].children.append(data)


def main_text(html: str) -> str:
    """The page's main text, whitespace folded to single spaces."""
    builder = _TreeBuilder()
    for start in range(0, len(html), FEED):
        builder.feed(html[start : start + FEED])
        if builder.full:
            break
    builder.close()
    root = builder.root
    main = _find_main(root)
    content = main or _largest_block(root)
    return _folded(_texts(content, in_content=main is not None))


def _folded(pieces: list[str]) -> str:
    """The pieces of text joined by spaces, each run of whitespace one space, as
    ``" ".join(" ".join(pieces).split())`` gives it, without a list of every word of a long page: a
    piece at a time, then only where two pieces meet (Python's ``\\s`` is what ``str.split`` splits on)."""
    text = " ".join(UNFOLDED.sub(" ", piece) for piece in pieces)
    return UNFOLDED.sub(" ", text).strip()


def is_page(content_type: str) -> bool:
    """Whether an answer is a web page (its main text is compared) rather than a file (compared whole)."""
    return content_type in PAGE_TYPES


def fingerprint(body: bytes, content_type: str, charset: str | None) -> str:
    """``sha256:`` of an HTML page's main text, or of the whole file for anything else (a PDF)."""
    if not is_page(content_type):
        return file_fingerprint([body])
    text = main_text(_decoded(body, charset))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_fingerprint(chunks: Iterable[bytes]) -> str:
    """``sha256:`` of a file, taken as it comes, so a long one is never held whole."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return "sha256:" + digest.hexdigest()


def _decoded(body: bytes, charset: str | None) -> str:
    """The page's text in the charset the site names, or in UTF-8 when that is not a text encoding
    Python can read whatever the bytes ("x-unknown", "rot13", "idna", "undefined")."""
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except (LookupError, UnicodeError, ValueError):
        return body.decode("utf-8", errors="replace")


def _texts(element: Element, in_content: bool) -> list[str]:
    found: list[str] = []
    inside = in_content or element.is_content
    for child in element.children:
        if isinstance(child, str):
            found.append(child)
        elif not child.is_chrome(inside):
            found += _texts(child, inside)
    return found


def _find_main(element: Element) -> Element | None:
    for child in element.children:
        if isinstance(child, Element) and not child.is_chrome():
            if child.is_main:
                return child
            found = _find_main(child)
            if found is not None:
                return found
    return None


def _plain_length(element: Element, lengths: dict[int, int], in_content: bool = False) -> int:
    """Characters of text outside links and furniture within ``element``; each element's count goes into
    ``lengths`` (by id) on the way."""
    total = 0
    inside = in_content or element.is_content
    for child in element.children:
        if isinstance(child, str):
            total += len("".join(child.split()))
        elif not child.is_chrome(inside) and child.tag != "a":
            total += _plain_length(child, lengths, inside)
    lengths[id(element)] = total
    return total


def _largest_block(root: Element) -> Element:
    lengths: dict[int, int] = {}
    whole = _plain_length(root, lengths)
    best = root
    # Down from the top, into the one block that still holds most of the text, while there is one.
    while True:
        inner = [block for block in _blocks_within(best) if lengths.get(id(block), 0) >= CONTENT_SHARE * whole]
        if not inner or whole == 0:
            return best
        best = inner[0]


def _blocks_within(element: Element) -> list[Element]:
    """The nearest block elements inside ``element`` (not inside furniture)."""
    found: list[Element] = []
    for child in element.children:
        if isinstance(child, Element) and not child.is_chrome(element.is_content):
            found += [child] if child.tag in BLOCK_TAGS else _blocks_within(child)
    return found
