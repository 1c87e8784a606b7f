"""Strict YAML reading that keeps every value's line and column.

Why: PyYAML (and so mkdocs-macros' ``include_yaml``) turns Norway's code ``NO`` into ``False``, reads
``1.10`` as ``1.1`` and silently keeps the last of two duplicate keys. Editors' files are read here
instead with ruamel.yaml's round-trip loader, with every plain scalar kept as the text the editor
typed (the data model converts it), duplicate keys, anchors and aliases reported, and limits on
size and nesting so that a runaway file cannot hang the build or eat memory.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from .messages import message
from .problems import Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 10


class _TextScalars(VersionedResolver):
    """Resolve every plain scalar to text: ``NO``, ``1.10`` and ``2004-01-01`` stay as typed."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Resolver = _TextScalars
    yaml.allow_duplicate_keys = True  # reported, all of them, by _scan instead
    return yaml


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

    problems = _scan(text, display)
    if problems:
        return source, problems
    data = _yaml().load(text)
    if data is None or data == "":
        return source, problem(1, 1, "file_empty", what=what)
    source.data = data
    return source, []


def _scan(text: str, display: str) -> list[Problem]:
    """Walk the parser's events once: syntax errors, duplicate keys, anchors, aliases, depth."""
    problems: list[Problem] = []
    # One frame per open collection: [is_mapping, next_is_key, {key: first line}]
    frames: list[list[Any]] = []

    def add(mark: Any, kind: str, **params: object) -> None:
        problems.append(Problem(display, mark.line + 1, mark.column + 1, message(kind, **params)))

    try:
        for event in _yaml().parse(text):
            if isinstance(event, NodeEvent):
                if frames and frames[-1][0]:
                    frame = frames[-1]
                    if frame[1] and isinstance(event, ScalarEvent):
                        first = frame[2].setdefault(event.value, event.start_mark.line + 1)
                        if first != event.start_mark.line + 1:
                            add(event.start_mark, "duplicate_key", key=event.value, first=first)
                    frame[1] = not frame[1]
                if isinstance(event, AliasEvent):
                    add(event.start_mark, "alias", name=event.anchor)
                elif event.anchor:
                    add(event.start_mark, "anchor", name=event.anchor)
            if isinstance(event, CollectionStartEvent):
                frames.append([isinstance(event, MappingStartEvent), True, {}])
                if len(frames) > MAX_DEPTH:
                    add(event.start_mark, "too_deep", limit=MAX_DEPTH)
                    return problems
            elif isinstance(event, CollectionEndEvent):
                frames.pop()
    except MarkedYAMLError as error:
        problems.append(syntax_problem(error, display))
    return problems


def syntax_problem(error: MarkedYAMLError, display: str) -> Problem:
    """Turn ruamel's parser wording into a plain sentence, placed where the editor must look."""
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    if "'\\t'" in problem or "\t" in problem:
        key = "syntax_tab"
    elif "quoted scalar" in context:
        key, mark = "syntax_unclosed_quote", error.context_mark or mark
    elif "mapping values are not allowed" in problem:
        key = "syntax_colon"
    elif "flow sequence" in context:
        key, mark = "syntax_flow_list", error.context_mark or mark
    elif "flow mapping" in context:
        key, mark = "syntax_flow_map", error.context_mark or mark
    elif "document start" in problem:
        key = "syntax_after_end"
    elif "expected <block end>" in problem or "block collection" in context or "block mapping" in context:
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
