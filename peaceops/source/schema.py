"""JSON Schemas for the data files, generated from the data model: help while typing.

Why: editors' tools (VS Code with the YAML extension, and any editor using yaml-language-server) read
the ``# yaml-language-server: $schema=../schema/<file>.schema.json`` line at the top of each data file
and then complete field names, show each field's plain-language description and underline mistakes as
the editor types. Generating the schemas from the same model that validates the data keeps the two
from disagreeing; ``make schema`` (``python -m peaceops schema``) writes them and a test fails when the
committed ones are stale.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from peaceops.source.dataset import FILES
from peaceops.source.publisher import PublisherFile

# Every data file editors write: the dataset's, and who publishes the site (loaded on its own).
DATA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    **FILES,
    "publisher.yaml": (PublisherFile, "who publishes the site and its logo"),
}

SCHEMA_FOLDER = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


class EditorsSchema(GenerateJsonSchema):
    """As the checks see it: an optional field is left out, never written with nothing after the colon."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        json_schema = super().default_schema(schema)
        if json_schema.get("default") is None:
            json_schema.pop("default", None)
        return json_schema


def schema_name(data_file: str) -> str:
    """``missions.yaml`` -> ``missions.schema.json``."""
    return data_file.removesuffix(".yaml") + ".schema.json"


def header_line(data_file: str) -> str:
    """The first line of each data file, pointing editors' tools at its schema."""
    return f"# yaml-language-server: $schema=../{SCHEMA_FOLDER}/{schema_name(data_file)}"


def schema_for(model: type[BaseModel], what: str) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation", schema_generator=EditorsSchema)
    schema.setdefault("description", f"This file lists {what.removesuffix(':')}.")
    return {"$schema": DIALECT, **schema}


def render(model: type[BaseModel], what: str) -> str:
    """The schema as committed: stable key order and a final newline, so diffs stay small."""
    return json.dumps(schema_for(model, what), indent=2, ensure_ascii=False) + "\n"


def expected() -> dict[str, str]:
    """Schema file name -> its text, for every data file."""
    return {schema_name(name): render(model, what) for name, (model, what) in DATA_FILES.items()}


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in expected().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
