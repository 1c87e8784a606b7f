"""The committed JSON Schemas equal the ones generated from the model, and the data files use them."""
from __future__ import annotations

import json

import pytest
from datacopy import ROOT
from pydantic import BaseModel

from peaceops.source.schema import DATA_FILES as FILES
from peaceops.source.schema import SCHEMA_FOLDER, expected, header_line, schema_name


@pytest.mark.parametrize("data_file", sorted(FILES))
def test_committed_schema_is_the_one_the_model_generates(data_file):
    name = schema_name(data_file)
    committed = ROOT / SCHEMA_FOLDER / name
    assert committed.is_file(), f"{committed} is missing; run make schema"
    assert committed.read_text(encoding="utf-8") == expected()[name], f"{name} is stale; run make schema"


def test_no_schema_without_a_data_file():
    assert sorted(p.name for p in (ROOT / SCHEMA_FOLDER).glob("*.json")) == sorted(expected())


@pytest.mark.parametrize("data_file", sorted(FILES))
def test_data_file_starts_with_its_schema_line(data_file):
    first_line = (ROOT / "data" / data_file).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == header_line(data_file)


def models_in(model: type[BaseModel], seen: dict[str, type[BaseModel]]) -> dict[str, type[BaseModel]]:
    seen[model.__name__] = model
    for info in model.model_fields.values():
        for candidate in _classes(info.annotation):
            if candidate.__name__ not in seen:
                models_in(candidate, seen)
    return seen


def _classes(annotation):
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _classes(argument)


@pytest.mark.parametrize("data_file", sorted(FILES))
def test_schema_descriptions_are_the_field_help(data_file):
    model = FILES[data_file][0]
    schema = json.loads(expected()[schema_name(data_file)])
    definitions = {**schema.get("$defs", {}), model.__name__: schema}
    checked = 0
    for name, cls in models_in(model, {}).items():
        properties = definitions[name]["properties"]
        for field, info in cls.model_fields.items():
            if info.description:
                assert properties[field]["description"] == info.description, f"{name}.{field}"
                checked += 1
    assert checked > 0


def test_contact_schema_requires_an_email_or_a_web_address():
    schema = json.loads(expected()["contacts.schema.json"])
    assert schema["$defs"]["Contact"]["anyOf"] == [{"required": ["email"]}, {"required": ["web"]}]


def as_editors_tools_read(path):
    """The data as yaml-language-server sees it: YAML 1.2 types (2004 a number, yes a text, dates texts)."""
    from datetime import date

    from ruamel.yaml import YAML

    def plain(value):
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, date) else value

    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    return plain(yaml.load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("data_file", sorted(FILES))
def test_editors_tools_accept_the_repository_data(data_file):
    import jsonschema  # installed with check-jsonschema (requirements/test.in)

    schema = json.loads((ROOT / SCHEMA_FOLDER / schema_name(data_file)).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(as_editors_tools_read(ROOT / "data" / data_file))]
    assert errors == []


@pytest.mark.parametrize(
    "old, new, flagged_at",
    [
        ("    country: HT\n    status:\n      - {state: under_way, since: 2004,", "    contry: HT\n    status:\n      - {state: under_way, since: 2004,", ["missions", 0]),
        ("        count: 131\n", "        count: -3\n", ["missions", 0, "officers", 0, "count"]),
        ("    armed: yes\n    mandate:\n      en: Helped Haiti", "    armed: maybe\n    mandate:\n      en: Helped Haiti", ["missions", 0, "armed"]),
    ],
)
def test_editors_tools_flag_mistakes_while_typing(tmp_path, old, new, flagged_at):
    import jsonschema

    text = (ROOT / "data" / "missions.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    (tmp_path / "missions.yaml").write_text(text.replace(old, new), encoding="utf-8")
    schema = json.loads((ROOT / SCHEMA_FOLDER / "missions.schema.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(as_editors_tools_read(tmp_path / "missions.yaml")))
    assert errors and {tuple(e.absolute_path) for e in errors} == {tuple(flagged_at)}
