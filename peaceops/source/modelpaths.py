"""Which part of the data model describes the value at a path in an editor's file.

Why: a message about a value (what is allowed there, what a missing field is for, where a field that
does not belong there would belong) needs the model of the entry the value is in: ``('missions', 3,
'officers', 0)`` is an ``Observation``. Shared by the messages (explain.py) and the indentation
check (misplaced.py).
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel


def model_at(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that describes the value at ``loc``, following lists and dicts."""
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        if origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = annotation.model_fields.get(str(part))
            annotation = info.annotation if info else None
        else:
            return None
    annotation = _unwrap(annotation)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """``X | None`` and ``Annotated[X, ...]`` to ``X``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in {typing.Union, types.UnionType}:
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            records = [a for a in options if isinstance(_unwrap(a), type) and issubclass(_unwrap(a), BaseModel)]
            if len(options) > 1 and len(records) == 1:  # a date or a range by evidence: the range's fields
                options = records
            annotation = options[0] if len(options) == 1 else annotation
            if len(options) != 1:
                return annotation
        else:
            return annotation
