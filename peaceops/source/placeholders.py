"""The names in braces in an interface text (``{n}``, ``{date}``), and how the site fills them in.

Why: interface texts are editors' words, that is data, never code. Python's ``str.format`` reads far
more than a name in braces: ``{n.__class__}`` prints an attribute of the value, ``{n[0]}`` an item of
it, ``{n:>20000000}`` pads it to twenty million characters, ``{n!r}`` shows it as Python writes it.
Here a placeholder is a plain name and nothing else (anything else is refused when the file is read,
at its line), and filling one in puts the value's text in its place, nothing more. ``{{`` and ``}}``
stand for a brace itself, as before.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A doubled brace (a brace itself), a placeholder, or a brace on its own (which does not pair up).
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class PlaceholderError(ValueError):
    """A text whose braces cannot be read: ``kind`` is ``braces`` (one does not pair up) or ``form``
    (``found`` is not a plain name)."""

    def __init__(self, kind: str, found: str = ""):
        super().__init__(f"{kind}: {found}")
        self.kind, self.found = kind, found

    @property
    def name(self) -> str:
        """The name a wrong placeholder starts with (``n`` for ``{n:>20}``), or empty."""
        match = NAME.match(self.found)
        return match.group(0) if match else ""


def placeholders(text: str) -> list[str]:
    """The names in braces in ``text``, in order; raises ``PlaceholderError`` on anything else."""
    names = []
    for token in _TOKEN.finditer(text):
        if token.group(0) in ("{{", "}}"):
            continue
        inner = token.group(1)
        if inner is None:
            raise PlaceholderError("braces")
        if not NAME.fullmatch(inner):
            raise PlaceholderError("form", inner)
        names.append(inner)
    return names


def fill(text: str, values: Mapping[str, object], literal: Callable[[str], str] = str) -> str:
    """``text`` with each ``{name}`` replaced by the text of ``values[name]``; raises ``KeyError(name)``
    for a name ``values`` lacks, and ``PlaceholderError`` for braces that are not a plain name.
    ``literal`` is applied to the text around the placeholders (to escape it for HTML, say)."""
    out: list[str] = []
    for words, name in _parts(text):
        out.append(literal(words))
        if name is not None:
            out.append(str(values[name]))
    return "".join(out)


@lru_cache(maxsize=4096)
def _parts(text: str) -> tuple[tuple[str, str | None], ...]:
    """``text`` read once into (the words before a placeholder, its name) pairs, the last with no
    name: the same few hundred interface texts are filled tens of thousands of times in a build at
    1,000 operations (issue 21). Raises ``PlaceholderError`` as ``placeholders`` does."""
    placeholders(text)
    parts: list[tuple[str, str | None]] = []
    words: list[str] = []  # the literal text since the last placeholder
    position = 0
    for token in _TOKEN.finditer(text):
        words.append(text[position:token.start()])
        position = token.end()
        if token.group(1) is None:
            words.append(token.group(0)[0])  # a doubled brace: the brace itself
            continue
        parts.append(("".join(words), token.group(1)))
        words = []
    words.append(text[position:])
    parts.append(("".join(words), None))
    return tuple(parts)
