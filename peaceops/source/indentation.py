"""A line the YAML parser cannot read because of its indentation: which line, how far, and what it
lines up with instead.

Why: the parser's own account of an indentation mistake is about colons and keys ("mapping values
are not allowed here", "did not find expected key"), and the advice that follows from it (put the
text in quotes) changes nothing. An editor needs to hear that the line is two spaces too far to the
right, that it now sits under ``lead:``, which has its value on its own line, and that it should line
up with ``lead:``. This reads the lines above the one the parser stopped at, as an editor sees them:
the lines it could line up with are those of the entries that enclose it (each one less indented
than the last), and the nearest of them is the likeliest fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peaceops.source.messages import message

# A line's content: an optional "- " (a list item), then an optional "key:", then the rest.
_LINE = re.compile(
    r"^(?P<dash>-(?:[ ]+|$))?"  # "- "
    r"(?:(?P<key>[^\s#'\"{\[][^:#]*?|\"[^\"]*\"|'[^']*')[ ]*:(?:[ ]+|$))?"  # "key: ", plain or quoted
    r"(?P<rest>.*)$"
)
# A value that opens a block on the lines below (a text written over several lines) rather than
# being complete on its own line.
_BLOCK_SCALAR = re.compile(r"^[|>][+-]?\d?\s*(#.*)?$")


@dataclass(frozen=True)
class Line:
    number: int  # 0-based
    indent: int
    item: bool  # starts with "- "
    key: str | None
    rest: str  # what follows the key (or the dash), comments included

    @property
    def key_column(self) -> int | None:
        """Where this line's key stands: after the dash for an item ("  - id: x" -> 4)."""
        if self.key is None:
            return None
        return self.indent + 2 if self.item else self.indent

    @property
    def has_value(self) -> bool:
        """Its value is on the line itself ("lead: UN", "- minustah"), so nothing can go under it."""
        rest = self.rest.strip()
        return bool(rest) and not rest.startswith("#") and not _BLOCK_SCALAR.match(rest)

    @property
    def opens_block(self) -> bool:
        """The lines under it, indented further, are its value ("status:", "- state: x" for the rest of the item)."""
        return (self.key is not None and not self.has_value) or (self.item and self.key is None and not self.has_value)


def _read(text: str, number: int) -> Line | None:
    raw = text.split("\n")[number] if number < text.count("\n") + 1 else ""
    stripped = raw.lstrip(" ")
    if not stripped.strip() or stripped.startswith("#") or "\t" in raw[: len(raw) - len(stripped)]:
        return None
    found = _LINE.match(stripped)
    if found is None:
        return None
    key = found.group("key")
    indent = len(raw) - len(stripped)
    return Line(number, indent, bool(found.group("dash")), key.strip() if key else None, found.group("rest"))


def _enclosing(text: str, below: Line) -> list[Line]:
    """The line above ``below``, then each line above that is less indented than the last one taken:
    the entries that enclose it, nearest first. An item's fields are one level deeper than its dash."""
    chain: list[Line] = []
    indent = None
    for number in range(below.number - 1, -1, -1):
        line = _read(text, number)
        if line is None:
            continue
        if indent is None or line.indent < indent:
            chain.append(line)
            indent = line.indent
            if indent == 0:
                break
    return chain


def _spaces(count: int) -> str:
    return f"{count} space" + ("s" if count != 1 else "")


def indentation_problem(text: str, number: int) -> tuple[int, int, str] | None:
    """For the line ``number`` (0-based) where the parser stopped: (line, column, message), 0-based,
    when its indentation lines it up with nothing it can belong to; None when its indentation is
    fine (the mistake is something else, and the parser's own account stands)."""
    line = _read(text, number)
    if line is None or (line.key is None and not line.item):
        return None
    chain = _enclosing(text, line)
    if not chain:
        return None
    above = chain[0]
    interrupting = _interrupting(text, line, above)
    if interrupting is not None:
        return interrupting
    if line.item:
        return _item_problem(line, chain)
    if line.indent > above.indent and above.opens_block:
        return None  # the first line under a key or an item: any deeper indentation is right
    targets = [(entry.key_column, entry) for entry in chain if entry.key_column is not None]
    if not targets or any(column == line.indent for column, _ in targets):
        return None
    # Where the file writes this field elsewhere, if it is one of the columns it could stand at;
    # then the nearest of those; of two as near, the deeper (the entry just above).
    seen = _key_columns(text, skip=(line.number,)).get(line.key or "", set())
    usual = [(column, entry) for column, entry in targets if column in seen]
    column, target = min(usual or targets, key=lambda pair: (abs(pair[0] - line.indent), -pair[0]))
    under_value = line.indent > above.indent and above.has_value and above.key is not None
    fix = _fix(line.indent, column, target, named=not (under_value and target is above))
    items = [entry for entry in chain if entry.item and entry.indent == line.indent]
    if items:  # where a list's items are, but without "- "
        opener = next((entry for entry in chain if entry.indent < line.indent and entry.key), None)
        under = message("indent_list", key=opener.key, line=opener.number + 1) if opener else message("indent_list_top")
        return number, line.indent, message("indent_not_item", under=under, fix=fix)
    if under_value:
        spaces = _spaces(line.indent - above.indent)
        words = message("indent_under_value", spaces=spaces, key=above.key, line=above.number + 1, fix=fix)
        return number, line.indent, words
    return number, line.indent, message("indent_nothing", fix=fix)


def _interrupting(text: str, line: Line, above: Line) -> tuple[int, int, str] | None:
    """The line above as the mistake: less indented than this one and complete on its own line, it
    ends the entry this line continues (``as_of:`` moved left between the fields of a figure, so the
    figure's next field, or the next figure, is left under it). Said so only when the file has the
    line above's field at the column that would put it back, and this line's field at its own column;
    otherwise this line is the one out of place."""
    if not (above.indent < line.indent and above.has_value and above.key and line.key):
        return None
    earlier = _enclosing(text, above)
    column = line.indent + 2 if line.item else line.indent  # where the entry's fields stand
    peers = [entry for entry in earlier if entry.key_column == column]
    if not peers:
        return None
    seen = _key_columns(text, skip=(line.number, above.number))
    if column not in seen.get(above.key, ()) or line.key_column not in seen.get(line.key, ()):
        return None
    target = peers[0]
    spaces = _spaces(column - above.indent)
    text_ = message(
        "indent_interrupts",
        spaces=spaces,
        before=earlier[0].number + 1,
        after=line.number + 1,
        fix=_fix(above.indent, column, target),
    )
    return above.number, above.indent, text_


def _key_columns(text: str, skip: tuple[int, ...]) -> dict[str, set[int]]:
    """Each key of the file and the columns it is written at, but on the lines ``skip``."""
    columns: dict[str, set[int]] = {}
    for number in range(text.count("\n") + 1):
        line = _read(text, number) if number not in skip else None
        if line is not None and line.key is not None and line.key_column is not None:
            columns.setdefault(line.key, set()).add(line.key_column)
    return columns


def _fix(indent: int, column: int, target: Line, *, named: bool = True) -> str:
    """Move the line to ``column``, in line with ``target``'s key (its line number too, if ``named``)."""
    where = f" (line {target.number + 1})" if named else ""
    key = "indent_fix_right" if column > indent else "indent_fix_left"
    return message(key, spaces=_spaces(abs(column - indent)), key=target.key, where=where)


def _item_problem(line: Line, chain: list[Line]) -> tuple[int, int, str] | None:
    """A list item ("- ") in line with no list above it: the nearest list's items are elsewhere."""
    items = [entry for entry in chain if entry.item]
    if not items or any(entry.indent == line.indent for entry in items):
        return None
    item = min(items, key=lambda entry: (abs(entry.indent - line.indent), -entry.indent))
    more = line.indent > item.indent
    text = message(
        "indent_item",
        spaces=_spaces(abs(item.indent - line.indent)),
        than="more" if more else "less",
        line=item.number + 1,
        side="left" if more else "right",
    )
    return line.number, line.indent, text
