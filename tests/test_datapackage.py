"""Issue 14: the open data as a data portal takes it: datapackage.json, validated by frictionless
(an independent tool, as open.canada.ca and CKAN would read it), CSV tables with one value per cell
that agree with data/missions.yaml read plainly, the licence and the publisher, and every column
titled and described in English and French.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import frictionless
import pytest
from htmltree import page
from publishing_support import data, interface

# Every CSV table of the open data, by its name in datapackage.json (written out here, not read from the code).
TABLES = {
    "missions": "missions.csv",
    "mission_roles": "mission_roles.csv",
    "mission_sources": "mission_sources.csv",
    "mission_periods": "mission_periods.csv",
    "missions_officers": "missions_officers.csv",
    "sources": "sources.csv",
    "women_deployed": "women_deployed.csv",
}


def validate(package: Path) -> dict:
    """frictionless's report on the package, as ``frictionless validate --json`` prints it. Called
    in the test's process (the same library and checks as the command): the command's own start,
    importing frictionless again, took most of a second for each of these fifteen validations."""
    return frictionless.validate(str(package)).to_dict()


def read_table(site: Path, name: str) -> list[dict[str, str]]:
    with (site / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def package(built_site) -> dict:
    return json.loads((built_site / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_validates_the_package_and_every_table(built_site):
    report = validate(built_site / "datapackage.json")
    assert report["valid"], json.dumps(report)[-3000:]
    assert {task["name"] for task in report["tasks"]} == set(TABLES)


@pytest.mark.parametrize(
    "file, old, new, error",
    [
        ("mission_roles.csv", "\r\nminustah,1,", "\r\nno-such-mission,1,", "foreign-key"),
        ("missions.csv", ",Individual Police,{n},", ",Individual Police,lots,", "type-error"),
        ("missions.csv", ",Individual Police,{n},", ",Individual Police,-{n},", "constraint-error"),
        ("mission_sources.csv", "\r\nminustah,2,", "\r\nminustah,1,", "primary-key"),
    ],
)
def test_frictionless_catches_a_broken_table(built_site, tmp_path, file, old, new, error):
    copy = copy_package(built_site, tmp_path)
    text = (copy / file).read_bytes().decode("utf-8")
    if "{n}" in old:  # a count of officers deployed that only one mission has, whichever the data holds
        counts = re.findall(r",Individual Police,(\d+),", text)
        n = next(count for count in counts if counts.count(count) == 1)
        old, new = old.format(n=n), new.format(n=n)
    assert text.count(old) == 1, old
    (copy / file).write_bytes(text.replace(old, new).encode("utf-8"))
    report = validate(copy / "datapackage.json")
    assert not report["valid"]
    assert error in {e["type"] for task in report["tasks"] for e in task["errors"]}


def copy_package(built_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    copy.mkdir()
    for name in ("datapackage.json", *TABLES.values()):
        shutil.copy(built_site / name, copy / name)
    return copy


@pytest.mark.parametrize(
    "file, row, column, value, error",
    [
        # A figure citing a source that sources.csv does not have: an orphan key.
        ("missions_officers.csv", 0, "Source_Key", "no-such-source", "foreign-key"),
        ("missions_officers.csv", 0, "Mission_ID", "no-such-mission", "foreign-key"),
        ("missions_officers.csv", 0, "Count", "-1", "constraint-error"),
        ("missions_officers.csv", 0, "Figure_Kind", "estimated", "constraint-error"),
        ("mission_sources.csv", 0, "Source_Key", "no-such-source", "foreign-key"),
        ("sources.csv", 1, "Source_Key", None, "primary-key"),  # None: the key of the row before
        ("sources.csv", 0, "Dated_By_Evidence", "2016 to 2019", "constraint-error"),
        ("mission_periods.csv", 0, "Source_Key", "no-such-source", "foreign-key"),
        ("mission_periods.csv", 0, "Mission_ID", "no-such-mission", "foreign-key"),
        ("mission_periods.csv", 0, "State", "paused", "constraint-error"),
        ("mission_periods.csv", 1, "Mission_ID", None, "primary-key"),  # two first periods of one mission
    ],
)
def test_frictionless_rejects_a_broken_figure_or_source(built_site, tmp_path, file, row, column, value, error):
    copy = copy_package(built_site, tmp_path)
    with (copy / file).open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    header, records = lines[0], lines[1:]
    index = header.index(column)
    records[row][index] = records[row - 1][index] if value is None else value
    with (copy / file).open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows([header, *records])
    report = validate(copy / "datapackage.json")
    assert not report["valid"]
    errors = {(task["name"], e["type"]) for task in report["tasks"] for e in task["errors"]}
    assert (file.removesuffix(".csv"), error) in errors, errors


def test_the_package_names_the_licence_the_publisher_and_every_csv_file(built_site, package):
    [licence] = package["licenses"]
    assert licence["name"] == "OGL-Canada-2.0"
    assert licence["path"] == interface("opendata.licence.url", "en") == "https://open.canada.ca/en/open-government-licence-canada"
    assert licence["title"] == interface("opendata.licence.name", "en")
    # Who publishes the site: this repository's is independent (issue 20), with no web address given.
    publisher = data("publisher.yaml")
    assert publisher["identity"] == "independent" and "url" not in publisher["independent"]
    name = publisher["independent"]["name"]
    assert [c for c in package["contributors"] if c["role"] == "publisher"] == [
        {"title": name["en"], "x-title-fr": name["fr"], "role": "publisher"}
    ]
    assert sorted(r["path"] for r in package["resources"]) == sorted(p.name for p in built_site.glob("*.csv"))
    assert {r["name"]: r["path"] for r in package["resources"]} == TABLES
    assert package["title"] and package["x-title-fr"] and package["description"] and package["x-description-fr"]


def test_every_field_has_a_type_a_title_and_a_description_in_both_languages(built_site, package):
    for resource in package["resources"]:
        with (built_site / resource["path"]).open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle))
        assert [f["name"] for f in resource["schema"]["fields"]] == header
        assert resource["title"] != resource["x-title-fr"] or resource["name"] == "missions"
        for field in resource["schema"]["fields"]:
            assert field["type"] in {"string", "integer", "boolean", "date"}, field
            for key in ("title", "x-title-fr", "description", "x-description-fr"):
                assert field[key].strip(), (resource["name"], field["name"], key)
            assert field["description"] != field["x-description-fr"], field["name"]


def test_keys_join_the_tables(package):
    resources = {r["name"]: r["schema"] for r in package["resources"]}
    assert resources["missions"]["primaryKey"] == ["Mission_ID"]
    for name in ("mission_roles", "mission_sources", "mission_periods"):
        assert resources[name]["foreignKeys"][0] == {
            "fields": ["Mission_ID"], "reference": {"resource": "missions", "fields": ["Mission_ID"]}
        }
        assert resources[name]["primaryKey"][0] == "Mission_ID"
    to_sources = {"fields": ["Source_Key"], "reference": {"resource": "sources", "fields": ["Source_Key"]}}
    assert resources["sources"]["primaryKey"] == ["Source_Key"]
    assert resources["mission_sources"]["foreignKeys"][1:] == [to_sources]
    assert resources["mission_periods"]["foreignKeys"][1:] == [to_sources]
    assert resources["mission_periods"]["primaryKey"] == ["Mission_ID", "Period_Number"]
    assert resources["mission_roles"]["foreignKeys"][1:] == []
    assert resources["missions_officers"]["foreignKeys"] == [
        {"fields": ["Mission_ID"], "reference": {"resource": "missions", "fields": ["Mission_ID"]}},
        to_sources,
    ]
    # As_Of is empty for a figure whose date no source states, so it cannot be part of the key.
    assert resources["missions_officers"]["primaryKey"] == ["Mission_ID", "Figure_Kind", "Count", "Source_Key"]


def test_dates_years_and_numbers_are_typed_alike_in_every_row(package):
    fields = {f["name"]: f for f in next(r for r in package["resources"] if r["name"] == "missions")["schema"]["fields"]}
    # Start and End hold the same kind of value (a year or a date, as the source gives it).
    assert fields["Start"]["type"] == fields["End"]["type"] == "string"
    assert fields["Start"]["constraints"]["pattern"] == fields["End"]["constraints"]["pattern"]
    assert fields["Officers_Deployed"]["type"] == fields["Officers_Authorized"]["type"] == "integer"
    assert fields["Updated"]["type"] == "date" and fields["Armed"]["type"] == "boolean"
    assert fields["Officers_Deployed_Source"]["format"] == "uri"
    officers = {f["name"]: f for f in next(r for r in package["resources"] if r["name"] == "missions_officers")["schema"]["fields"]}
    sources = {f["name"]: f for f in next(r for r in package["resources"] if r["name"] == "sources")["schema"]["fields"]}
    # The same kind of value has the same type in every table.
    assert officers["As_Of"]["type"] == sources["Published"]["type"] == "string"
    assert sources["Published"]["constraints"]["pattern"] == fields["Start"]["constraints"]["pattern"]
    # As_Of also takes a range by evidence, as an ISO 8601 interval: every stated date still fits its pattern.
    assert fields["Start"]["constraints"]["pattern"].strip("^$") in officers["As_Of"]["constraints"]["pattern"]
    assert officers["Count"]["type"] == "integer" and officers["Count"]["constraints"]["minimum"] == 0
    assert officers["Figure_Kind"]["constraints"]["enum"] == ["deployed", "authorized", "authorized_up_to"]
    assert sources["Dated_By_Evidence"]["constraints"]["pattern"] == officers["As_Of"]["constraints"]["pattern"]
    assert sources["Address_EN"]["format"] == officers["Source_URL"]["format"] == "uri"
    assert officers["Mission_ID"]["constraints"] == fields["Mission_ID"]["constraints"]


def test_roles_and_sources_are_rows_of_their_own_tables_matching_the_yaml(built_site):
    missions = data("missions.yaml")["missions"]
    roles = read_table(built_site, "mission_roles.csv")
    expected_roles = [
        {"Mission_ID": m["id"], "Role_Number": str(n), "Role_EN": role["en"], "Role_FR": role["fr"]}
        for m in missions
        for n, role in enumerate(m.get("roles", []), start=1)
    ]
    assert sorted(roles, key=lambda r: (r["Mission_ID"], int(r["Role_Number"]))) == sorted(
        expected_roles, key=lambda r: (r["Mission_ID"], int(r["Role_Number"]))
    )
    sources = read_table(built_site, "mission_sources.csv")
    assert {(s["Mission_ID"], int(s["Source_Number"])) for s in sources} == {
        (m["id"], n) for m in missions for n, _ in enumerate(m["sources"], start=1)
    }
    assert len(sources) == sum(len(m["sources"]) for m in missions)


def test_sources_csv_is_data_sources_yaml_one_source_per_row(built_site):
    def plain(value) -> str:
        return "" if value is None else str(value)  # YAML reads 2025 as a number and 2025-03-12 as a date

    def interval(dated) -> str:
        """A range by evidence as ISO 8601 writes an interval: 2016/2019, 2022/.., ../2019."""
        if not dated:
            return ""
        bounds = [plain(dated.get(bound)) or ".." for bound in ("earliest", "latest")]
        return bounds[0] if bounds[0] == bounds[1] else "/".join(bounds)

    expected = {
        s["key"]: {
            "Source_Key": s["key"],
            **{f"Publisher_{code.upper()}": s["publisher"][code] for code in ("en", "fr")},
            **{f"Title_{code.upper()}": plain(s["title"].get(code)) for code in ("en", "fr")},
            **{f"Address_{code.upper()}": plain(s["address"].get(code)) for code in ("en", "fr")},
            "Published": plain(s.get("published")),
            # The range by evidence the pages give an undated source; consulted: is for editors only.
            "Dated_By_Evidence": interval(s.get("dated")),
            **{f"Archived_{code.upper()}": plain((s.get("archived") or {}).get(code)) for code in ("en", "fr")},
        }
        for s in data("sources.yaml")["sources"]
    }
    rows = read_table(built_site, "sources.csv")
    assert len(rows) == len(expected)
    assert {row["Source_Key"]: row for row in rows} == expected
    # Every source the other tables cite is a row here.
    cited = {row["Source_Key"] for name in ("missions_officers.csv", "mission_sources.csv") for row in read_table(built_site, name)}
    assert cited and cited <= set(expected)


def test_the_open_data_page_says_how_to_open_the_tables_in_a_spreadsheet(built_site):
    for language, address in (("en", "open-data"), ("fr", "fr/donnees-ouvertes")):
        document = page(built_site, address + "/")
        text = document.text
        assert "UTF-8" in text and "Excel" in text, language  # the encoding, in plain words
        [tables] = document.find_all("ul", data_open_data="spreadsheets")
        listed = {a.attrs["data-file"] for a in tables.find_all("a", data_file=True)}
        assert listed == {path.name for path in built_site.glob("*.csv")}, language
        assert not document.find_all("code") and not document.find_all("details")  # words and a table, not a manual


def test_each_status_line_is_a_period_of_its_own_in_the_order_it_happened(built_site):
    """mission_periods.csv: one row per status line of data/missions.yaml, numbered from the oldest,
    each ending where the next begins; UNMIK keeps 1999 to 2004 apart from its present period."""

    def written(value) -> str:
        if value is None:
            return ""
        if isinstance(value, dict):
            bounds = [str(value.get(bound) or "..") for bound in ("earliest", "latest")]
            return bounds[0] if bounds[0] == bounds[1] else "/".join(bounds)
        return str(value)

    missions = data("missions.yaml")["missions"]
    expected = []
    for mission in missions:
        statuses = mission["status"]
        for number, status in enumerate(statuses, start=1):
            following = statuses[number] if number < len(statuses) else None
            expected.append({
                "Mission_ID": mission["id"], "Period_Number": str(number), "State": status["state"],
                "Start": written(status.get("since")),
                "End": written(following.get("since")) if following else "",
                "Source_Key": status["source"],
            })
    rows = read_table(built_site, "mission_periods.csv")
    def key(row: dict) -> tuple[str, int]:
        return row["Mission_ID"], int(row["Period_Number"])

    assert sorted(rows, key=key) == sorted(expected, key=key)
    kosovo = [(r["State"], r["Start"], r["End"]) for r in rows if r["Mission_ID"] == "unmik"]
    assert kosovo[:2] == [("under_way", "1999-06", "2004-03"), ("ended", "2004-03", kosovo[2][1])]
    assert kosovo[2][0] == "under_way" and kosovo[2][2] == ""
