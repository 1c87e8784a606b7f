"""Where a text on the site lives: every line of the editors' files that holds some words, with the
same text in the other language beside it.

Why: each text the site shows is written once, in one place: a mission's name in data/missions.yaml,
a label in data/interface.yaml, a sentence of a page in content/. An editor who sees a mistake on a
page needs that place, not the page's address. ``python -m peaceops find "words"`` (``make find
TEXT="words"``) prints the file, line and column of each line holding the words as a reader copies
them from the page: case, accents, curly quotes and apostrophes, no-break spaces and the values the
site fills into a text ("As of November 30, 2026", from "As of {date}") set aside. Each line says
which entry it is in (a mission's id, a source's key), so that a line that many entries share
(updated: 2026-12-02) is told apart, and a text with its other language on a line of its own
(en: / fr:) comes with that line too: a correction is made in both languages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# What an editor edits, in the order the results are listed.
SEARCHED = (("data", "*.yaml"), ("content", "*.md"), (".", "mkdocs*.yml"))
# The typographer's characters a page shows for what an editor types: ’ for ', « » and “ ” for ",
# dashes, and the no-break spaces French typography adds.
_TYPED = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_ENTRY = re.compile(r"^(?P<indent> *)- (?P<field>id|key):\s*(?P<name>\S+)")
_LANGUAGE_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<language>en|fr):\s")
# A chunk of a text between the values the site fills in, long enough to say where the text is.
_SHORTEST_CHUNK = 12


@dataclass(frozen=True)
class Found:
    """One line that holds the words: where, what it says, the entry it is in, and the same text in the
    other language when that is on a line of its own."""

    path: str
    line: int  # 1-based
    column: int
    text: str
    entry: str | None = None
    other: Found | None = None

    def __str__(self) -> str:
        entry = f"   ({self.entry})" if self.entry else ""
        shown = f"{self.path}:{self.line}:{self.column}: {self.text}{entry}"
        if self.other is not None:
            shown += f"\n    other language: {self.other.path}:{self.other.line}:{self.other.column}: {self.other.text}"
        return shown


def folded(text: str) -> str:
    """A text as compared: the characters a page shows for typed ones, accents and case set aside,
    spaces of every kind as one."""
    plain = unicodedata.normalize("NFKD", text.translate(_TYPED))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return _SPACES.sub(" ", plain).strip()


def holds(line: str, words: str) -> bool:
    """Whether ``line`` holds ``words`` (both folded), or, for a text with values the site fills in
    ({date}, {n}), whether the words hold one of its parts between them."""
    if words in line:
        return True
    parts = [part.strip(" ,.;:") for part in _PLACEHOLDER.split(line)]
    return len(parts) > 1 and any(len(part) >= _SHORTEST_CHUNK and part in words for part in parts)


def find(root: Path, words: str) -> list[Found]:
    """Every line of the editors' files that holds ``words``, in file and line order."""
    wanted = folded(words)
    if not wanted:
        return []
    found = []
    for folder, pattern in SEARCHED:
        for path in sorted((root / folder).rglob(pattern) if folder != "." else root.glob(pattern)):
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            shown = path.relative_to(root).as_posix()
            for number, text in enumerate(lines):
                if text.lstrip().startswith("#") or not holds(folded(text), wanted):
                    continue
                found.append(_found(shown, lines, number, path.suffix == ".yaml" or path.suffix == ".yml"))
    return found


def _found(shown: str, lines: list[str], number: int, data: bool) -> Found:
    text = lines[number]
    column = len(text) - len(text.lstrip()) + 1
    if not data:
        return Found(shown, number + 1, column, text.strip())
    return Found(shown, number + 1, column, text.strip(), _entry(lines, number), _other_language(shown, lines, number))


def _entry(lines: list[str], number: int) -> str | None:
    """The list entry the line is in, by its id or key ("id unmik"), or None."""
    indent = len(lines[number]) - len(lines[number].lstrip())
    for above in range(number, -1, -1):
        found = _ENTRY.match(lines[above])
        if found and len(found.group("indent")) < indent + (2 if above == number else 0):
            return f"{found.group('field')} {found.group('name')}"
    return None


def _key_column(found: re.Match[str]) -> int:
    """Where an en: or fr: key stands: after the dash of a list item ("- en: ..." and "  fr: ...")."""
    return len(found.group("indent")) + (2 if found.group("dash") else 0)


def _other_language(shown: str, lines: list[str], number: int) -> Found | None:
    """The line of the same text in the other language: the en: or fr: beside it, in line with it."""
    found = _LANGUAGE_LINE.match(lines[number])
    if found is None:
        return None
    column, other = _key_column(found), "fr" if found.group("language") == "en" else "en"
    for step in (-1, 1):
        index = number + step
        while 0 <= index < len(lines):
            line = lines[index]
            sibling = _LANGUAGE_LINE.match(line)
            if sibling and _key_column(sibling) == column and sibling.group("language") == other:
                return Found(shown, index + 1, column + 1, line.strip())
            if line.strip() and not line.lstrip().startswith("#") and (sibling is None or sibling.group("dash")):
                break  # another field, or the next item: the pair has ended
            index += step
    return None
