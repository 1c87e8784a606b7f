"""The site engine's warnings about an editor's page, reworded as our placed, plain lines.

Why: ``check`` finds the mistakes editors make in pages before the engine runs, but a few are only
seen by the engine (a link to a heading that does not exist on the other page). MkDocs words them
for developers ("Doc file 'index.md' contains a link …") and names neither the language folder nor
the line. Reworded here, they read like every other problem: ``content/en/index.md:12:5: …``.
Pure text in, text out: the MkDocs hook passes each warning through ``translate``.
"""
from __future__ import annotations

import re
from pathlib import Path

from peaceops.source.messages import message
from peaceops.source.pagesource import read_page

_DOC = r"Doc file '(?P<src>[^']+)' contains "
_LINK = r"a link '(?P<target>[^']+)', but "
PATTERNS = (
    (re.compile(_DOC + _LINK + r"the doc '[^']*' does not contain an anchor '#(?P<anchor>[^']+)'"), "link_anchor"),
    (re.compile(_DOC + _LINK + r"there is no such anchor on this page"), "link_anchor"),
    (re.compile(_DOC + _LINK + r"the target.* is not found among documentation files"), "link_not_found"),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<target>[^']+)'"), "link_not_found"),
    (re.compile(_DOC + r"an absolute link '(?P<target>[^']+)'"), "link_absolute"),
)


def translate(text: str, language: str, root: Path) -> str | None:
    """Our line for an engine warning about a page of ``language``, or None if it is not one."""
    for pattern, key in PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        source, target = found.group("src"), found.group("target")
        display = f"content/{language}/{source}"
        line, column = _place(root / display, target)
        anchor = found.groupdict().get("anchor") or ""
        folder = f"content/{language}/"
        wording = message(key, target=target, anchor=anchor, folder=folder, suggestion="", example="index.md")
        return f"{display}:{line}:{column}: {wording}"
    return None


def _place(path: Path, target: str) -> tuple[int, int]:
    """Where ``target`` is written in the file (as a link first), or the file's first line."""
    try:
        text = read_page(path)
    except (OSError, UnicodeDecodeError):
        return 1, 1
    index = text.find("](" + target)
    index = index + 2 if index >= 0 else text.find(target)
    if index < 0:
        return 1, 1
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1
