"""Build the site's search index with Pagefind, once the pages of both languages are written.

Why: Material's search fetched a worker and the whole index (8-9 KB gzipped, plus the French
stemmer) on every page view, split words only on spaces and hyphens (so "(MINUSTAH)" was never a
word) and kept accents ("Haiti" missed "Haïti"). Pagefind reads the built pages, makes one index per
language from each page's <html lang>, folds accents, splits on punctuation, and is fetched in small
pieces only when a reader searches. It runs offline from the locked ``pagefind[bin]`` package.

Only the text inside ``data-pagefind-body`` (a page's main content, see theme/main.html) is indexed,
so the 404 pages and the header, menus and footer are not; within it, a page's headings weigh more
than its body, and passages in the other language and furniture are left out (``mark_for_search``).
Pagefind's own user interfaces are not used (theme/assets/search.js is ours), so they are removed
from the output. The output is the same
bytes for the same pages (see ``_sort_entry``).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

BUNDLE = "pagefind"


# A term and its value (<dt>Led by</dt><dd>United Nations</dd>), or two table cells, written with
# nothing between them. Browsers show them apart; Pagefind reads them as one run of text
# ("Led byUnited Nations"): one unfindable word, and result excerpts with words run together.
_TOUCHING_CELLS = re.compile(r"</(dt|dd|td|th)>(?=<(?:dt|dd|td|th)\b)")


def separate_cells(html: str) -> str:
    """A line break between touching term, value and table cells: nothing changes on screen."""
    return _TOUCHING_CELLS.sub(lambda m: f"</{m.group(1)}>\n", html)


# What a reader searches for is most often a page's subject: its title and headings weigh above its
# body text (Pagefind's data-pagefind-weight; the body weighs 1), so that the page about a thing
# comes before the pages that mention it.
HEADING_WEIGHTS = {"h1": "10", "h2": "7", "h3": "5"}
_HEADING = re.compile(r"<(h[123])\b(?![^>]*data-pagefind-weight)")
# An element in another language than the page's (a French source's title on an English page): its
# words stay out of this language's index, which holds the page's own language only.
# Page furniture inside the content, the same words on many pages, that no reader searches for: how
# to read the map, where its shapes come from, the reason read out behind a dash in a table.
FURNITURE_CLASSES = ("pk-map__legend", "pk-map__source", "pk-map__key-heading", "pk-none")
_FURNITURE = re.compile(
    r'<([a-z][a-z0-9]*)\b([^<>]*?\sclass="(?:[^"]*\s)?(?:' + "|".join(FURNITURE_CLASSES) + r')(?:\s[^"]*)?"[^<>]*?)>'
)
_TAGGED_LANGUAGE = re.compile(r'<([a-z][a-z0-9]*)\b([^<>]*?\slang="([A-Za-z-]+)"[^<>]*?)(/?)>')
# Searched for over the whole page, the two patterns above try every tag (a few milliseconds a page:
# half a second at 100 operations, issue 21). They are looked for only where they can be: at a
# lang="..." (a few a page, found by its letters, as fast as a text search), and on a page where a
# furniture class's name follows a quote or a space, as in a class attribute (two pages in a
# hundred: data-pk-none="..." is on every page). tests/test_search_index.py compares both ways.
_LANG_VALUE = re.compile(r'lang="[A-Za-z-]+"')
_FURNITURE_NAME = re.compile("|".join(FURNITURE_CLASSES))


def mark_for_search(html: str, language: str) -> str:
    """The page with its headings weighted, and every passage in another language and the page
    furniture in its content left out of the index (``data-pagefind-ignore``); nothing changes on
    screen."""
    html = _HEADING.sub(lambda m: f'<{m.group(1)} data-pagefind-weight="{HEADING_WEIGHTS[m.group(1)]}"', html)

    def ignore_other_language(tag: re.Match[str]) -> str:
        name, attributes, tagged, closing = tag.groups()
        if name == "html" or tagged.split("-")[0].lower() == language or "data-pagefind-ignore" in attributes:
            return tag.group(0)
        return f"<{name}{attributes} data-pagefind-ignore{closing}>"

    html = _substituted(html, _tagged_language(html), ignore_other_language)
    if not _may_hold_furniture(html):
        return html

    def ignore_furniture(tag: re.Match[str]) -> str:
        name, attributes = tag.groups()
        return tag.group(0) if "data-pagefind-ignore" in attributes else f"<{name}{attributes} data-pagefind-ignore>"

    return _FURNITURE.sub(ignore_furniture, html)


def _tagged_language(html: str) -> Iterator[re.Match[str]]:
    """What ``_TAGGED_LANGUAGE.finditer(html)`` finds, found from each lang="...": a match holds no <
    but its first character, so it starts at the last < before its lang attribute."""
    end = 0
    for attribute in _LANG_VALUE.finditer(html):
        start = html.rfind("<", end, attribute.start())
        if start >= 0 and (tag := _TAGGED_LANGUAGE.match(html, start)):
            yield tag
            end = tag.end()


def _may_hold_furniture(html: str) -> bool:
    """False when ``_FURNITURE`` cannot match: no furniture class's name comes after a quote or a
    space (after anything but a letter, a digit, - or _, to be sure)."""
    return any(
        found.start() > 0 and not (html[found.start() - 1].isalnum() or html[found.start() - 1] in "-_")
        for found in _FURNITURE_NAME.finditer(html)
    )


def _substituted(html: str, matches: Iterable[re.Match[str]], replace: Callable[[re.Match[str]], str]) -> str:
    """``html`` with each of ``matches`` (in order, none overlapping) replaced, as ``re.sub`` does."""
    parts, last = [], 0
    for found in matches:
        parts += [html[last : found.start()], replace(found)]
        last = found.end()
    parts.append(html[last:])
    return "".join(parts)


class SearchIndexError(Exception):
    """Pagefind failed; the message says why, in one line."""


_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def build_search_index(site: Path, output: Path | None = None) -> Path:
    """Index every page under ``site`` into ``site/pagefind/`` (or into ``output``, for the preview,
    which indexes the pages it serves beside them); returns that folder."""
    where = ["--output-path", str(output)] if output else ["--output-subdir", BUNDLE]
    output = output or site / BUNDLE
    if output.exists():
        shutil.rmtree(output)
    command = [sys.executable, "-m", "pagefind", "--site", str(site), *where, "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (output / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise SearchIndexError("The search index could not be built: " + (detail[-1] if detail else "Pagefind failed."))
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    _sort_entry(output / "pagefind-entry.json")
    return output


def _sort_entry(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in a random order from one run to the next;
    sorted, two builds of the same pages give the same bytes (tests/test_reproducible_build.py).
    Every other file it writes is already the same, its name a hash of its content."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
