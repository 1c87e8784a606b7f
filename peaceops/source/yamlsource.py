"""Strict YAML reading that keeps every value's line and column.

Why: PyYAML's loaders (and so mkdocs-macros' ``include_yaml``) turn Norway's code ``NO`` into
``False``, read ``1.10`` as ``1.1`` and silently keep the last of two duplicate keys. Here the
parser's events are read directly and every scalar is kept as the text the editor typed (the data
model converts it); duplicate keys, anchors and aliases are reported, nesting and size are limited,
so that a runaway file can neither hang the build nor eat memory. Each mapping and list remembers
where its keys, values and items are, so a problem found later can be placed at the editor's line.

The events come from libyaml, through PyYAML's C binding: one pass at C speed, which matters for a
history of a thousand operations (the pure-Python parser took seconds).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)

from peaceops.source.indentation import indentation_problem
from peaceops.source.messages import message
from peaceops.source.problems import Problem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 10
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it


@dataclass
class Positions:
    """0-based (line, column) of a mapping or list, and of each of its keys, values and items."""

    line: int
    col: int
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    flow: bool = False  # written in braces or brackets ({en: ..., fr: ...}), not one item or field per line
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    items: list[tuple[int, int]] = field(default_factory=list)

    def key(self, name: str) -> tuple[int, int]:
        return self.keys[name]

    def value(self, name: str) -> tuple[int, int]:
        return self.values[name]

    def item(self, index: int) -> tuple[int, int]:
        return self.items[index]


class PositionedMap(dict[Any, Any]):
    """A mapping from an editor's file; ``lc`` says where its parts are."""

    lc: Positions


class PositionedList(list[Any]):
    """A list from an editor's file; ``lc`` says where its items are."""

    lc: Positions


@dataclass
class Source:
    """One editor's file: where it is, how it is named in messages, and what it holds."""

    path: Path
    display: str
    data: Any = None


def read(path: Path, display: str, what: str) -> tuple[Source, list[Problem]]:
    """Read ``path``; return its data (or None) and every problem found in it."""
    source = Source(path, display)

    def problem(line: int, column: int, kind: str, **params: object) -> list[Problem]:
        return [Problem(display, line, column, message(kind, **params))]

    if not path.is_file():
        return source, problem(1, 1, "file_missing", what=what)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return source, problem(1, 1, "file_too_large", size=len(raw) // 1024, limit=MAX_BYTES // 1024)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return source, problem(line, column, "file_not_utf8")

    data, problems = _build(text, display)
    if problems:
        return source, problems
    if data is None or data == "":
        return source, problem(1, 1, "file_empty", what=what)
    source.data = data
    return source, []


def _build(text: str, display: str) -> tuple[Any, list[Problem]]:
    """One pass over the parser's events: build the data, and find every problem on the way."""
    problems: list[Problem] = []
    root: Any = None
    documents = 0
    # One frame per open collection: [container, next_is_key, pending key]
    frames: list[list[Any]] = []

    def add(mark: Any, kind: str, **params: object) -> None:
        problems.append(Problem(display, mark.line + 1, mark.column + 1, message(kind, **params)))

    def attach(value: Any, mark: Any) -> None:
        nonlocal root
        where = (mark.line, mark.column)
        if not frames:
            root = value
            return
        frame = frames[-1]
        container = frame[0]
        if isinstance(container, PositionedList):
            container.append(value)
            container.lc.items.append(where)
        elif frame[1]:  # a key
            key: str | None = value if isinstance(value, str) else str(value)
            if key in container.lc.keys:
                first = container.lc.keys[key][0] + 1
                add(mark, "duplicate_key", key=key, first=first)
                key = None  # the first one stays; the duplicate's value is dropped
            else:
                container.lc.keys[key] = where
            frame[1], frame[2] = False, key
        else:
            if frame[2] is not None:
                container[frame[2]] = value
                container.lc.values[frame[2]] = where
            frame[1] = True

    last_end: Any = None  # the parser's Mark of the last event read
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            last_end = event.end_mark
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    add(event.start_mark, "second_document")
                    break
            elif isinstance(event, AliasEvent):
                add(event.start_mark, "alias", name=event.anchor)
                attach(None, event.start_mark)
            elif isinstance(event, ScalarEvent):
                if event.anchor:
                    add(event.start_mark, "anchor", name=event.anchor)
                attach(event.value, event.start_mark)
            elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                if event.anchor:
                    add(event.start_mark, "anchor", name=event.anchor)
                kind = PositionedMap if isinstance(event, MappingStartEvent) else PositionedList
                container = kind()
                start: Any = event.start_mark  # libyaml gives every event its position
                container.lc = Positions(start.line, start.column, flow=bool(event.flow_style))
                attach(container, event.start_mark)
                frames.append([container, True, None])
                if len(frames) > MAX_DEPTH:
                    add(event.start_mark, "too_deep", limit=MAX_DEPTH)
                    return None, problems
            elif isinstance(event, CollectionEndEvent):
                frames.pop()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        if "nesting depth" in (error.problem or "") and mark is not None:
            # libyaml reads a deep [[[... run to its own limit before it hands over any of it.
            start = last_end if last_end is not None and last_end.line == mark.line else None
            line, column = _where_too_deep(text, mark.line, start.column if start else 0, len(frames))
            problems.append(Problem(display, line + 1, column + 1, message("too_deep", limit=MAX_DEPTH)))
        else:
            problems.append(syntax_problem(error, display, text))
    return root, problems


def parse_text(text: str, display: str) -> tuple[Any, list[Problem]]:
    """Read YAML text that is not a file of its own (a page's front matter): data and problems."""
    return _build(text, display)


def _where_too_deep(text: str, line: int, start: int, open_levels: int) -> tuple[int, int]:
    """Where the brackets on ``line`` after column ``start`` (the parser's last event) take the
    ``open_levels`` levels already open past ``MAX_DEPTH``."""
    depth = open_levels
    for column, character in enumerate(text.splitlines()[line][start:], start=start):
        depth += character in "[{"
        depth -= character in "]}"
        if depth > MAX_DEPTH:
            return line, column
    return line, 0


# Where a quoted text can begin: at a line's start (after spaces and "- "), or after ": ", "{", "[" or ",".
_SCALAR_START = re.compile(r"""(?:^[ \t]*(?:-[ \t]+)*|:[ \t]+|[{\[,][ \t]*)(?P<quote>["'])""")


def unclosed_quote(text: str, up_to_line: int) -> tuple[int, int] | None:
    """The first quote opened and not closed on its own line, up to line ``up_to_line`` (0-based):
    (line, column), 0-based. Editors write each quoted text on one line; a text that must run on
    over lines is a mistake here (the guide says so), so a quote left open at its line's end is the
    likeliest cause of a syntax error found further on. Linear: each line is read once."""
    for number, line in enumerate(text.splitlines()[: up_to_line + 1]):
        if line.lstrip().startswith("#"):
            continue
        position = 0
        while (found := _SCALAR_START.search(line, position)) is not None:
            quote, opened = found.group("quote"), found.end() - 1
            closed = _closing_quote(line, opened + 1, quote)
            if closed is None:
                return number, opened
            position = closed + 1
    return None


def _closing_quote(line: str, start: int, quote: str) -> int | None:
    """Where the quote opened before ``start`` closes on this line: \" escapes in double quotes,
    '' in single quotes."""
    index = start
    while index < len(line):
        character = line[index]
        if quote == '"' and character == "\\":
            index += 2
            continue
        if character == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def syntax_problem(error: Any, display: str, text: str | None = None) -> Problem:
    """Turn the parser's wording (libyaml's or ruamel's) into a plain sentence, placed where the
    editor must look."""
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    at_tab = text is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t"
    if at_tab or "tab" in problem or "'\\t'" in problem:
        key = "syntax_tab"
    elif "quoted scalar" in context:
        key, mark = "syntax_unclosed_quote", error.context_mark or mark
    elif text is not None and (opening := unclosed_quote(text, mark.line)) is not None:
        # A quote left open runs on to the next quote in the file, and the parser then trips over
        # whatever follows that one, lines later: the mistake is where the quote opened.
        line, column = opening
        return Problem(display, line + 1, column + 1, message("syntax_unclosed_quote", problem=problem))
    elif text is not None and (misaligned := indentation_problem(text, mark.line)) is not None:
        # A line that lines up with nothing it can belong to: said as an indentation mistake, at its start.
        line, column, words = misaligned
        return Problem(display, line + 1, column + 1, words)
    elif "mapping values are not allowed" in problem:
        key = "syntax_colon"
    elif "flow sequence" in context:
        key, mark = "syntax_flow_list", error.context_mark or mark
    elif "flow mapping" in context:
        key, mark = "syntax_flow_map", error.context_mark or mark
    elif "document start" in problem:
        key = "syntax_after_end"
    elif (
        "expected <block end>" in problem
        or "did not find expected key" in problem
        or "block collection" in context
        or "block mapping" in context
    ):
        key = "syntax_indent"
    else:
        key = "syntax_other"
    return Problem(display, mark.line + 1, mark.column + 1, message(key, problem=problem))


def locate(root: Any, loc: tuple[Any, ...], *, at_key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the value at ``loc`` inside ``root``, or of the nearest parent.

    ``at_key`` points at the key itself rather than its value (for a field that should not be there).
    """
    line, column = _start(root)
    node = root
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        lc = getattr(node, "lc", None)
        if isinstance(node, dict) and part in node and lc is not None:
            line, column = lc.key(part) if (last and at_key) else lc.value(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node) and lc is not None:
            line, column = lc.item(part)
            node = node[part]
        else:
            break
    return line + 1, column + 1


def _start(node: Any) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        return lc.line, lc.col
    return 0, 0
