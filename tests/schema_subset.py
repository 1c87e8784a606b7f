"""A JSON Schema (2020-12) validator for the keywords the published missions.schema.json uses.

Why: the tests must check the exported files against the schema the site publishes, with code that
is not the code that wrote them; ``jsonschema`` is not among the locked test requirements. Any
keyword this validator does not know makes it fail loudly, so a schema that grows a new keyword
cannot pass unchecked.
"""
from __future__ import annotations

import re
from typing import Any

ANNOTATIONS = {"$schema", "$id", "title", "description", "x-description-fr", "x-title-fr", "$comment"}
CHECKED = {"type", "properties", "required", "additionalProperties", "items", "enum", "const", "pattern",
           "minLength", "minimum", "maximum", "minItems"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class UnknownKeyword(Exception):
    pass


def errors(instance: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Every way ``instance`` breaks ``schema``, as "path: what" lines; empty when it is valid."""
    unknown = set(schema) - ANNOTATIONS - CHECKED
    if unknown:
        raise UnknownKeyword(f"{where}: {sorted(unknown)}")
    found: list[str] = []
    if "type" in schema:
        allowed = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[name](instance) for name in allowed):
            return [f"{where}: {instance!r} is not of type {allowed}"]
    if "enum" in schema and instance not in schema["enum"]:
        found.append(f"{where}: {instance!r} is not one of {schema['enum']}")
    if "const" in schema and instance != schema["const"]:
        found.append(f"{where}: {instance!r} is not {schema['const']!r}")
    if isinstance(instance, str):
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            found.append(f"{where}: {instance!r} does not match {schema['pattern']}")
        if len(instance) < schema.get("minLength", 0):
            found.append(f"{where}: {instance!r} is too short")
    if TYPES["number"](instance):
        if "minimum" in schema and instance < schema["minimum"]:
            found.append(f"{where}: {instance} is below {schema['minimum']}")
        if "maximum" in schema and instance > schema["maximum"]:
            found.append(f"{where}: {instance} is above {schema['maximum']}")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            found.append(f"{where}: fewer than {schema['minItems']} items")
        if "items" in schema:
            for index, item in enumerate(instance):
                found += errors(item, schema["items"], f"{where}[{index}]")
    if isinstance(instance, dict):
        for name in schema.get("required", []):
            if name not in instance:
                found.append(f"{where}: {name} is missing")
        properties = schema.get("properties", {})
        for name, value in instance.items():
            if name in properties:
                found += errors(value, properties[name], f"{where}.{name}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{where}: {name} is not allowed")
    return found
