"""Tables of the open data as a spreadsheet or a data portal reads them: one value per cell, a
Table Schema per table, CSV files with a byte-order mark.

Why: a cell that holds several values (roles, sources) joined by line breaks cannot be filtered,
counted or joined; a portal (open.canada.ca, CKAN) that is not told a column's type guesses, and
guesses differently for the same kind of value; and Excel opens a UTF-8 file without a byte-order
mark as Windows-1252 ("HaÃ¯ti"). So each list becomes rows of a table of its own, keyed to its
mission, and each table carries a Frictionless Table Schema (types, formats, constraints, keys,
and each column's title and description in English and French) that ``datapackage.py`` gathers.

A column's Table Schema is derived from the JSON Schema that ``exports.py`` already gives it for
missions.json, so the two descriptions of a column cannot disagree.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from peaceops.pages.localize import Localizer

BOM = "\ufeff"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


@dataclass(frozen=True)
class TableColumn:
    """A column: its name, its JSON Schema (as in missions.schema.json) and its value in a row."""

    name: str
    schema: dict[str, Any]
    value: Callable[[Any], Any]
    key: bool = False  # part of the table's primary key
    described_by: str = "opendata.column."  # the interface text "<this><name>" says what it means


@dataclass(frozen=True)
class Table:
    """A CSV file of the open data and what a portal needs to read it."""

    name: str  # the resource's name in datapackage.json: lowercase, digits, "-", "_"
    file: str
    columns: tuple[TableColumn, ...]
    rows: list[Any] = field(compare=False)
    # (columns here, table referred to, its columns): every value here is a key there.
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()

    def records(self) -> list[list[Any]]:
        return [[column.value(row) for column in self.columns] for row in self.rows]

    def csv_bytes(self) -> bytes:
        """RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte-order mark; empty cell = no value."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([column.name for column in self.columns])
        for record in self.records():
            writer.writerow([cell(value) for value in record])
        return (BOM + out.getvalue()).encode("utf-8")

    def table_schema(self, english: Localizer, french: Localizer) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "fields": [table_field(column, english, french) for column in self.columns],
            "missingValues": [""],
        }
        keys = [column.name for column in self.columns if column.key]
        if keys:
            schema["primaryKey"] = keys
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": list(here), "reference": {"resource": table, "fields": list(there)}}
                for here, table, there in self.foreign_keys
            ]
        return schema


# A spreadsheet (Excel, LibreOffice, Google Sheets) runs a cell that starts with one of these as a
# formula when the public opens the file: "=HYPERLINK(...)" in a mission's name would be a live link,
# or worse (CSV injection). The fullwidth forms count too: some spreadsheets read them as the others.
# Spreadsheets may skip leading spaces (LibreOffice's "Trim spaces", Google Sheets) and double quotes
# before they read a cell, so a start after those counts too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_SKIPPED = re.compile(r'^[\s"]+')


def runs_as_formula(text: str) -> bool:
    """Would a spreadsheet read the text as a formula (before or after what it skips)?"""
    return text.startswith(FORMULA_STARTS) or _SKIPPED.sub("", text, count=1).startswith(FORMULA_STARTS)


def inert(value: Any) -> Any:
    """A text a spreadsheet would run as a formula, with an apostrophe in front (OWASP's advice: a
    spreadsheet then shows it as text); the items of a list likewise; anything else as it is (a number,
    negative or not, stays a number). The open data's JSON gets the same value as its CSV."""
    if isinstance(value, str) and runs_as_formula(value):
        return "'" + value
    if isinstance(value, list):
        return [inert(item) for item in value]
    return value


def cell(value: Any) -> str:
    value = inert(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        raise TypeError(f"one value per cell, not {value!r}")
    return str(value)


def whole_value_pattern(pattern: str) -> str:
    """A JSON Schema pattern (found anywhere in the value unless anchored with ^ and $) as a Table
    Schema pattern, which must match the whole value."""
    start = pattern[1:] if pattern.startswith("^") else ".*" + pattern
    return start[:-1] if start.endswith("$") else start + ".*"


def table_field(column: TableColumn, english: Localizer, french: Localizer) -> dict[str, Any]:
    """The Table Schema field for a column, from its JSON Schema; title and description in both
    languages (interface texts opendata.title.<name> and, by default, opendata.column.<name>)."""
    schema = column.schema
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    kind = next(kind for kind in types if kind != "null")
    required = "null" not in types
    result: dict[str, Any] = {
        "name": column.name,
        "title": english.t(f"opendata.title.{column.name}"),
        "x-title-fr": french.t(f"opendata.title.{column.name}"),
        "description": english.t(f"{column.described_by}{column.name}"),
        "x-description-fr": french.t(f"{column.described_by}{column.name}"),
    }
    constraints: dict[str, Any] = {}
    pattern = schema.get("pattern")
    if kind == "string" and pattern == ISO_DATE:
        result["type"] = "date"  # a full date: Table Schema's own type, ISO 8601
    elif kind == "string" and pattern and pattern.startswith("^https?://"):
        result["type"], result["format"] = "string", "uri"
    elif kind == "string":
        result["type"] = "string"
        if pattern:
            constraints["pattern"] = whole_value_pattern(pattern)
    elif kind == "integer":
        result["type"] = "integer"
    elif kind == "boolean":
        result.update({"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]})
    else:
        raise ValueError(f"{column.name}: no Table Schema type for {kind}")
    if "minLength" in schema:
        constraints["minLength"] = schema["minLength"]
    if "minimum" in schema:
        constraints["minimum"] = schema["minimum"]
    if "enum" in schema:
        constraints["enum"] = [value for value in schema["enum"] if value is not None]
    if "const" in schema:
        constraints["enum"] = [schema["const"]]
    if required:
        constraints["required"] = True
    if constraints:
        result["constraints"] = constraints
    return result
