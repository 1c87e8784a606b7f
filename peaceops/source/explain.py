"""Turn the data model's validation errors into one plain line each, placed at the editor's line.

Why: pydantic's own wording ("Extra inputs are not permitted", "Input should be a valid integer")
and its ``('missions', 3, 'officers')`` locations mean nothing to an editor. This maps each error to
the wording in ``messages`` and to the line and column of the value in the YAML file.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from peaceops.languages import LANGUAGE_NAMES
from peaceops.source.messages import MESSAGES, describe, message
from peaceops.source.misplaced import misplaced_fields
from peaceops.source.model import DATE_TAG, RANGE_TAG, Localized
from peaceops.source.modelpaths import model_at
from peaceops.source.problems import Problem
from peaceops.source.yamlsource import locate

_NESTED_NAMES = {"en", "fr", "count", "as_of", "source", "year", "iso", "name"}


def explain(
    error: ValidationError, root: Any, prefix: tuple[Any, ...], display: str, model: type[BaseModel]
) -> list[Problem]:
    """One problem per error in ``error``; ``prefix`` locates the validated value inside ``root``."""
    return explain_errors(error.errors(), root, prefix, display, model)


def explain_errors(
    errors: list[ErrorDetails], root: Any, prefix: tuple[Any, ...], display: str, model: type[BaseModel]
) -> list[Problem]:
    """The same for some of a validation's errors (those a caller kept)."""
    # A date that may be a range is a tagged choice; the tag is no place in the editor's file.
    untagged = [{**item, "loc": tuple(p for p in item["loc"] if p not in (DATE_TAG, RANGE_TAG))} for item in errors]
    items = _without_misspelled(untagged, model)
    # A field at the wrong indentation: one message in place of "x is not a field..." and "x is missing".
    moved = {index: found for found in misplaced_fields(items, root, prefix, model) for index in found.explains}
    problems = []
    for index, item in enumerate(items):
        if index not in moved:
            problems.append(_problem(item, root, prefix, display, model))
        elif moved[index].explains[0] == index:
            found = moved[index]
            problems.append(Problem(display, found.line, found.column, found.text))
    return problems


def _without_misspelled(items: list[Any], model: type[BaseModel]) -> list[Any]:
    """Drop "x is missing" when the same entry has a misspelling of x: the typo's message says it all."""
    misspelled = set()
    for item in items:
        if item["type"] == "extra_forbidden":
            loc = tuple(item["loc"])
            match = _closest_field(model, loc)
            if match:
                misspelled.add((*loc[:-1], match))
    return [item for item in items if not (item["type"] == "missing" and tuple(item["loc"]) in misspelled)]


def _closest_field(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    owner = model_at(model, loc[:-1])
    allowed = list(owner.model_fields) if owner else []
    matches = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _problem(item: Any, root: Any, prefix: tuple[Any, ...], display: str, model: type[BaseModel]) -> Problem:
    loc = tuple(item["loc"])
    where = prefix + loc
    kind = item["type"]
    field = field_name(loc)
    ctx = item.get("ctx") or {}
    at_key = False

    if kind == "missing":
        line, column = locate(root, where[:-1])
        owner = model_at(model, loc[:-1])
        if loc[-1] in LANGUAGE_NAMES and owner is not None and issubclass(owner, Localized):
            text = message("missing_language", language=LANGUAGE_NAMES[loc[-1]], code=loc[-1])
        else:
            text = message("missing", field=field, help=_help(model, loc))
        return Problem(display, line, column, text)
    if kind == "extra_forbidden":
        owner = model_at(model, loc[:-1])
        if (
            owner is not None
            and owner.__name__ in {"Text", "InterfaceText", "LocalizedUrl", "SomeLanguages", "SomeAddresses"}
            and " " in str(loc[-1])
        ):
            line, column = locate(root, where, at_key=True)
            return Problem(display, line, column, message("comma_in_text", key=loc[-1]))
        allowed = list(owner.model_fields) if owner else []
        match = _closest_field(model, loc)
        suggestion = message("did_you_mean", match=match) if match else ""
        text = message("unknown_field", key=loc[-1], suggestion=suggestion, allowed=", ".join(allowed))
        at_key = True
    elif kind == "too_short":
        text = message("too_short", field=field, help=_help(model, loc))
    elif kind in MESSAGES:
        text = message(kind, field=field, **ctx)
    elif kind in {"model_type", "model_attributes_type", "dict_type"}:
        text = message("not_group", field=field, got=describe(item.get("input")))
    elif kind == "list_type":
        text = message("not_list", field=field, got=describe(item.get("input")))
    else:
        text = message("invalid", field=field, detail=item.get("msg", kind))
    line, column = locate(root, where, at_key=at_key)
    return Problem(display, line, column, text)


def field_name(loc: tuple[Any, ...]) -> str:
    """How a field is named in a message: ``start``, or ``name.fr`` for a part of a bigger value."""
    names = [str(part) for part in loc if not isinstance(part, int)]
    if not names:
        return "this entry"
    if len(names) > 1 and names[-1] in _NESTED_NAMES:
        return f"{names[-2]}.{names[-1]}"
    return names[-1]


def _help(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    owner = model_at(model, loc[:-1])
    info = owner.model_fields.get(str(loc[-1])) if owner else None
    description = (info.description or "") if info else ""
    return (description[:1].lower() + description[1:]).rstrip(".") if description else "add it"
