"""A field written one level too deep or not deep enough, said as the indentation mistake it is.

Why: ``lead: UN`` indented under ``name:`` is valid YAML: a field of the name. The model then reports
two things, "lead is missing" and "lead is not a field that can go here; the fields allowed here are:
en, fr", neither of which mentions the two spaces that caused both. When a field that cannot stand
where it is belongs, and is missing, in an entry that encloses it (it is indented too far) or in the
entry just above it (not indented far enough), the two messages become one: which line, how far,
what the field now sits under, and what to line it up with. Only fields written one per line are
concerned: in braces ({en: ..., fr: ...}) indentation means nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from peaceops.source.messages import message
from peaceops.source.modelpaths import model_at
from peaceops.source.yamlsource import PositionedList, PositionedMap


@dataclass(frozen=True)
class Misplaced:
    """One field at the wrong indentation: the errors it explains, and the one message that replaces them."""

    explains: tuple[int, ...]  # indexes of the validation errors this replaces
    line: int  # 1-based
    column: int
    text: str


def misplaced_fields(
    errors: list[ErrorDetails], root: Any, prefix: tuple[Any, ...], model: type[BaseModel]
) -> list[Misplaced]:
    """Each field that is not allowed where it stands but belongs, missing, one level out or in."""
    missing = {tuple(e["loc"]): index for index, e in enumerate(errors) if e["type"] == "missing"}
    found = []
    for index, error in enumerate(errors):
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        parent = _node(root, prefix + loc[:-1])
        key = loc[-1]
        if not isinstance(parent, PositionedMap) or parent.lc.flow or key not in parent.lc.keys:
            continue
        place = _too_far(root, prefix, model, loc) or _too_little(root, prefix, model, loc)
        if place is not None:
            belongs, text = place
            line, column = parent.lc.keys[key]
            explained = (index, *([missing[belongs]] if belongs in missing else []))
            found.append(Misplaced(explained, line + 1, column + 1, text))
    return found


def _node(root: Any, path: tuple[Any, ...]) -> Any:
    node = root
    for part in path:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
        else:
            return None
    return node


def _spaces(count: int) -> str:
    return f"{count} space" + ("s" if count != 1 else "")


def _belongs(model: type[BaseModel], loc: tuple[Any, ...], node: Any, key: str) -> bool:
    """The entry at ``loc`` is written one field per line, may have ``key`` and does not."""
    owner = model_at(model, loc)
    return (
        isinstance(node, PositionedMap)
        and not node.lc.flow
        and owner is not None
        and key in owner.model_fields
        and key not in node
    )


def _under(root: Any, prefix: tuple[Any, ...], inside: tuple[Any, ...]) -> str:
    """What a field at ``inside`` sits under, as an editor finds it: "under name: (line 399)", or
    "in the item of officers: that starts on line 230"."""
    last = inside[-1]
    container = _node(root, prefix + inside[:-1])
    if isinstance(last, int) and isinstance(container, PositionedList) and len(inside) > 1:
        return message("misplaced_in_item", key=inside[-2], line=container.lc.item(last)[0] + 1)
    if isinstance(container, PositionedMap) and last in container.lc.keys:
        return message("misplaced_under", key=last, line=container.lc.key(last)[0] + 1)
    return message("misplaced_under", key=last, line="?")


def _too_far(root: Any, prefix: tuple[Any, ...], model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """``lead:`` under ``name:``: the nearest enclosing entry that may have the field, lacks it and
    has its own fields to the left of it."""
    key, inside = loc[-1], loc[:-1]
    column = _node(root, prefix + inside).lc.keys[key][1]
    for depth in range(len(inside) - 1, -1, -1):
        outer_loc, step = inside[:depth], inside[depth]
        outer = _node(root, prefix + outer_loc)
        if not _belongs(model, outer_loc, outer, key) or step not in outer.lc.keys:
            continue
        line, left = outer.lc.keys[step]
        if left >= column:
            continue
        spaces = _spaces(column - left)
        where = "" if depth == len(inside) - 1 else f" (line {line + 1})"
        under = _under(root, prefix, inside)
        text = message("misplaced_too_far", key=key, spaces=spaces, under=under, sibling=step, where=where)
        return (*outer_loc, key), text
    return None


def _too_little(root: Any, prefix: tuple[Any, ...], model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """``fr:`` beside ``name:`` instead of inside it: the deepest entry at the end of the field just
    above that may have the field, lacks it and has its own fields to the right of it."""
    key, inside = loc[-1], loc[:-1]
    parent = _node(root, prefix + inside)
    line, column = parent.lc.keys[key]
    above = [name for name, (at, _) in parent.lc.keys.items() if at < line]
    if not above:
        return None
    previous = max(above, key=lambda name: parent.lc.keys[name][0])
    node, node_loc = parent[previous], (*inside, previous)
    best = None
    while True:
        if isinstance(node, PositionedMap):
            if _belongs(model, node_loc, node, key) and node.lc.col > column:
                best = (node, node_loc)
            before = [name for name, (at, _) in node.lc.keys.items() if at < line]
            if not before:
                break
            last = max(before, key=lambda name: node.lc.keys[name][0])
            node, node_loc = node[last], (*node_loc, last)
        elif isinstance(node, PositionedList) and node:
            node, node_loc = node[-1], (*node_loc, len(node) - 1)
        else:
            break
    if best is None:
        return None
    target, target_loc = best
    first = min(target.lc.keys, key=lambda name: target.lc.keys[name])
    text = message(
        "misplaced_too_little",
        key=key,
        spaces=_spaces(target.lc.col - column),
        beside=previous,
        line=parent.lc.keys[previous][0] + 1,
        first=first,
        first_line=target.lc.keys[first][0] + 1,
    )
    return (*target_loc, key), text
