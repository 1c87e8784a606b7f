"""Issue 20: the open data as open.canada.ca takes it, from the official site (issue 30: only the
Government publishes on its portal). datapackage.json carries the dataset fields the
portal requires (under x-open-canada, by the portal's names) and each file's title and language, in
both languages and from the data, and they pass the portal's own schema as its public repository gives
it (tests/open_canada/presets.yaml, vendored with its origin and commit: no network in tests).
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from publishing_support import data, interface

from peaceops.outputs.opencanada import file_languages, frequency

PRESETS = Path(__file__).parent / "open_canada" / "presets.yaml"
# The dataset's presets that the portal requires (dataset.yaml lists them; presets.yaml defines them).
DATASET = {
    "canada_title": "title_translated",
    "canada_notes": "notes_translated",
    "canada_keywords": "keywords",
    "canada_subject": "subject",
    "canada_maintainer_email": "maintainer_email",
    "canada_frequency": "frequency",
    "canada_time_period_coverage_start": "time_period_coverage_start",
    "canada_time_period_coverage_end": "time_period_coverage_end",
    "canada_jurisdiction": "jurisdiction",
    "canada_license_id": "license_id",
}
RESOURCE = {"canada_resource_name": "name_translated", "canada_resource_language": "language", "canada_resource_format": "format"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def presets() -> dict[str, dict]:
    return {p["preset_name"]: p["values"] for p in yaml.safe_load(PRESETS.read_text(encoding="utf-8"))["presets"]}


@pytest.fixture(scope="module")
def package(official_site) -> dict:
    """The official site's package: only the Government loads its data on open.canada.ca, and the
    portal's contact e-mail is then the program's (an independent copy's is its publisher's, or none:
    tests/test_one_publisher.py)."""
    return json.loads((official_site / "datapackage.json").read_text(encoding="utf-8"))


def required(preset: dict) -> bool:
    return bool(preset.get("required")) or "scheming_required" in preset.get("validators", "")


def check_field(preset: dict, value) -> None:
    """What the portal's validators ask of one value (the ones these presets name)."""
    name = preset["field_name"]
    validators = preset.get("validators", "")
    if "fluent_text" in validators:
        assert set(value) == {"en", "fr"} and all(isinstance(v, str) and v.strip() for v in value.values()), name
    if "fluent_tags" in validators:
        assert set(value) == {"en", "fr"}, name
        for tags in value.values():
            assert tags and all(isinstance(t, str) and t.strip() and "," not in t and len(t) <= 140 for t in tags), name
    if "isodate" in validators:
        assert ISO_DATE.match(value) and date.fromisoformat(value), name
    if "email_validator" in validators:
        assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value), name
    if "choices" in preset:
        allowed = set(preset.get("form_restrict_choices_to") or [c["value"] for c in preset["choices"]])
        values = value if isinstance(value, list) else [value]
        assert values and set(values) <= allowed, (name, values)


def test_the_dataset_has_every_field_the_portal_requires(package, presets):
    fields = package["x-open-canada"]
    for preset_name, field in DATASET.items():
        preset = presets[preset_name]
        assert preset["field_name"] == field
        assert required(preset), preset_name  # what the portal's schema says, not what we assume
        assert field in fields, field
        check_field(preset, fields[field])


def test_every_file_has_its_title_and_language_as_the_portal_asks(package, presets):
    for resource in package["resources"]:
        fields = resource["x-open-canada"]
        for preset_name, field in RESOURCE.items():
            assert presets[preset_name]["field_name"] == field
            check_field(presets[preset_name], fields[field])
        assert fields["name_translated"] == {
            code: interface(f"opendata.table.{resource['name']}", code) for code in ("en", "fr")
        }
        columns = [f["name"] for f in resource["schema"]["fields"]]
        has_words = any(c.endswith(("_EN", "_FR")) for c in columns)
        assert fields["language"] == (["en", "fr"] if has_words else ["zxx"]), resource["name"]


def test_the_fields_come_from_the_data(package, presets):
    fields = package["x-open-canada"]
    dataset = data("dataset.yaml")
    assert fields["keywords"] == dataset["keywords"]
    assert package["keywords"] == dataset["keywords"]["en"] and package["x-keywords-fr"] == dataset["keywords"]["fr"]
    assert fields["subject"] == dataset["open_canada_subject"]
    labels = {c["value"]: c["label"] for c in presets["canada_subject"]["choices"]}
    assert all(set(labels[s]) == {"en", "fr"} for s in fields["subject"])  # the portal names each in both
    contacts = data("contacts.yaml")["contacts"]
    assert fields["maintainer_email"] == next(c["email"] for c in contacts if c.get("email"))
    assert fields["jurisdiction"] == "federal"
    # Checked every six months (as_of to review_by): P6M.
    assert (dataset["as_of"], dataset["review_by"]) == (date(2026, 11, 30), date(2027, 5, 31))
    assert fields["frequency"] == "P6M"
    missions = data("missions.yaml")["missions"]
    # The first year any mission's status shows (a bare year, a month or a date, or a range's earliest).
    sinces = [line["since"] for m in missions for line in m["status"] if "since" in line]
    first = min(str(s["earliest"]) if isinstance(s, dict) else str(s) for s in sinces if not isinstance(s, dict) or "earliest" in s)
    assert fields["time_period_coverage_start"].startswith(first[:4])
    assert fields["time_period_coverage_end"] == dataset["as_of"].isoformat()  # missions under way
    assert {p["code"] for p in fields["x-places"]} == {m["country"] for m in missions}
    for title in ("title_translated", "notes_translated"):
        key = "dataset.name" if title == "title_translated" else "dataset.description"
        assert fields[title]["en"] == interface(key, "en")


@pytest.mark.parametrize(
    "as_of, review_by, expected",
    [
        (date(2026, 11, 30), date(2027, 5, 31), "P6M"),
        (date(2026, 1, 1), date(2027, 1, 1), "P1Y"),
        (date(2026, 1, 1), date(2026, 2, 1), "P1M"),
        (date(2026, 1, 1), date(2026, 4, 15), "P3M"),
        (date(2026, 1, 1), date(2026, 1, 8), "P1W"),
    ],
)
def test_the_frequency_is_the_portal_period_closest_to_the_review_interval(as_of, review_by, expected):
    assert frequency(as_of, review_by) == expected


def test_a_file_of_codes_and_numbers_only_has_no_language():
    assert file_languages(["Mission_ID", "Count"]) == ["zxx"]
    assert file_languages(["Name_FR"]) == ["fr"]
