"""A page as the core holds it: its front matter (read once, by us) and its Markdown body.

Why: MkDocs reads a page's front matter with PyYAML's YAML 1.1 rules, which turn ``NO`` into False,
``012`` into 10 and ``2010-01-01`` into a date. Nothing an editor wrote may take that second trip, so
the core reads every page's front matter itself, with the strict reader that keeps each value as the
text typed, and hands the engine the body alone; generated pages (a country's) never have front
matter at all: their values go from the data to the templates in Python. ``body_line`` says on which
line of the file the body starts, so a mistake found while rendering is placed on the file's line.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# What the engine gets above a page's body: an empty front matter, so that it neither reads ours
# nor mistakes a first line such as "Note: ..." for MultiMarkdown metadata.
ENGINE_FRONT_MATTER = "---\n{}\n---\n"


@dataclass(frozen=True)
class PageSource:
    """One page of one language. ``display`` is the file as editors name it (``content/fr/x.md``),
    empty for a page made from the data."""

    language: str
    source: str  # within the language's docs folder: "countries/haiti.md"
    display: str
    meta: Mapping[str, Any]
    body: str
    body_line: int = 1
    front_matter_text: str = field(default="", repr=False)

    def engine_text(self) -> str:
        """What the site engine reads: the body, behind an empty front matter."""
        return ENGINE_FRONT_MATTER + self.body


def read_page(path: Path) -> str:
    """A page's text as its editor saved it, whatever the editor: a byte-order mark (Notepad's) left
    out and Windows (CRLF) or old Mac (CR) line endings read as ordinary ones. Raises
    UnicodeDecodeError for a file not saved as UTF-8."""
    text = path.read_bytes().decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, line of the file where the body starts)."""
    text = text.removeprefix("\ufeff")
    found = FRONT_MATTER.match(text)
    if not found:
        return None, text, 1
    return found.group(1) or "", text[found.end():], text.count("\n", 0, found.end()) + 1
