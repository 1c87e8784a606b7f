"""The open data: missions.json, missions.csv and their published schema.

The files must parse, validate against the schema the site publishes (checked with tests/schema_subset.py,
not with the code that wrote them), agree with data/missions.yaml and with the pages, name the
columns the UN's way where they mean the same, carry the licence, and be the same bytes every build.
"""
from __future__ import annotations

import copy
import csv
import json

import plainyaml
import pytest
from babel import Locale
from conftest import ROOT, run_build
from htmltree import page, resolve
from scenario import (  # noqa: F401  (changed_site and original are fixtures)
    ENDED_ID,
    ENDED_YEAR,
    NEW_ID,
    changed_site,
    operations_per_year,
    original,
    read_missions,
    year,
)
from schema_subset import UnknownKeyword, errors

FILES = ("missions.json", "missions.csv", "mission_roles.csv", "mission_sources.csv", "mission_periods.csv", "missions.schema.json", "datapackage.json", "missions_officers.csv", "missions_officers.json", "sources.csv", "women_deployed.csv")
LISTS = ("Roles_EN", "Roles_FR", "Sources", "Periods")  # in the CSV files, rows of their own tables (test_datapackage.py)
ATTRIBUTION = {
    "en": "Contains information licensed under the Open Government Licence – Canada.",
    "fr": "Contient des informations visées par la Licence du gouvernement ouvert – Canada.",
}
UN_COLUMNS = ("Contributing_Country", "ISOCode3", "Mission_Acronym", "Personnel_Type", "Last_Reporting_Date")


def load_json(site, name="missions.json"):
    return json.loads((site / name).read_text(encoding="utf-8"))


def load_csv(site, name="missions.csv"):
    with (site / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


from dated import end, is_current, sources, start, state, stated, when  # noqa: E402
from dated import latest as latest_of  # noqa: E402


def latest(mission: dict, kind: str) -> dict | None:
    return latest_of(mission, kind, sources())


def source_addresses() -> dict[str, str]:
    """Each source's address as the open data gives it: the archived copy first, English first."""
    sources = plainyaml.read(ROOT / "data" / "sources.yaml")["sources"]
    result = {}
    for source in sources:
        archived = source.get("archived") or {}
        result[source["key"]] = archived.get("en") or archived.get("fr") or source["address"].get("en") or source["address"]["fr"]
    return result


def expected_totals(missions: list[dict]) -> dict:
    current = [m for m in missions if is_current(m)]
    registry = sources()

    def summed(kind):
        figures = [latest(m, kind) for m in current]
        known = [f for f in figures if f]
        years = {(stated(f, registry, m) or "")[:4] for f, m in zip(figures, current, strict=True) if f}
        comparable = len(known) == len(current) > 0 and len(years) == 1 and "" not in years
        return {"sum": sum(f["count"] for f in known), "missions_with_figure": len(known), "missions": len(current), "comparable": comparable}

    return {
        "missions_now": len(current),
        "countries_now": len({m["country"] for m in current}),
        "officers_deployed_now": summed("deployed"),
        "officers_authorized_now": summed("authorized"),
        "operations_listed": len(missions),
        "countries_listed": len({m["country"] for m in missions}),
        "first_year": min(year(start(m)) for m in missions if start(m)),
    }


def test_the_build_publishes_the_files_at_the_top_of_the_site(built_site):
    for name in FILES:
        assert (built_site / name).is_file(), name
        assert not (built_site / "fr" / name).exists()
    assert load_json(built_site)["missions"] and load_csv(built_site)


def test_missions_json_is_valid_against_the_published_schema(built_site):
    schema = load_json(built_site, "missions.schema.json")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/missions.schema.json")
    assert errors(load_json(built_site), schema) == []


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["missions"][0].pop("Mission_ID"),
        lambda d: d["missions"][0].update(Officers_Deployed="many"),
        lambda d: d["missions"][0].update(Status="ongoing"),
        lambda d: d["missions"][0].update(Start="June 2004"),
        lambda d: d["missions"][0].update(Extra_Column=1),
        lambda d: d["totals"].update(missions_now=-1),
        lambda d: d["licence"].pop("attribution"),
    ],
    ids=["missing column", "count not a number", "unknown status", "start not a year or date", "unknown column",
         "negative total", "no attribution"],
)
def test_the_schema_rejects_a_broken_export(built_site, breakage):
    """The check above can fail: each of these changes makes the file invalid."""
    broken = copy.deepcopy(load_json(built_site))
    breakage(broken)
    assert errors(broken, load_json(built_site, "missions.schema.json")) != []


def test_the_validator_refuses_keywords_it_does_not_check():
    with pytest.raises(UnknownKeyword):
        errors({}, {"type": "object", "oneOf": []})


def test_every_column_is_described_in_both_languages(built_site):
    mission = load_json(built_site, "missions.schema.json")["properties"]["missions"]["items"]
    header = list(load_csv(built_site)[0])  # the CSV header, in its order
    assert [name for name in mission["required"] if name not in LISTS] == header
    assert set(mission["properties"]) == set(mission["required"])
    for name, column in mission["properties"].items():
        assert column["description"] and column["x-description-fr"], name
        assert column["description"] != column["x-description-fr"], name


def test_json_agrees_with_the_yaml(built_site, original):
    document = load_json(built_site)
    rows = {row["Mission_ID"]: row for row in document["missions"]}
    assert set(rows) == {m["id"] for m in original}
    assert len(document["missions"]) == len(original)
    for mission in original:
        row = rows[mission["id"]]
        assert row["Status"] == state(mission)
        assert row["Start"] == start(mission) and row["End"] == end(mission)
        assert row["Mission_Acronym"] == mission["acronym"]["en"] and row["Mission_Name_FR"] == mission["name"]["fr"]
        assert row["Lead_Organization"] == mission["lead"] and row["Location_Code"] == mission["country"]
        assert row["Mandate_EN"] == mission["mandate"]["en"] and row["Mandate_FR"] == mission["mandate"]["fr"]
        assert row["Roles_FR"] == [role["fr"] for role in mission.get("roles", [])]
        addresses = source_addresses()
        assert row["Sources"] == [addresses[key] for key in mission["sources"]]
        deployed = latest(mission, "deployed")
        assert row["Officers_Deployed"] == (deployed["count"] if deployed else None)
        assert row["Last_Reporting_Date"] == ((when(deployed, sources(), mission) or None) if deployed else None)
        authorized = latest(mission, "authorized")
        assert row["Officers_Authorized"] == (authorized["count"] if authorized else None)
        assert row["Officers_Authorized_Source"] == (addresses[authorized["source"]] if authorized else None)
        # A ceiling ("up to 25") has its own columns: never added into Officers_Authorized.
        ceiling = latest(mission, "authorized_up_to")
        assert row["Officers_Authorized_Up_To"] == (ceiling["count"] if ceiling else None)
        assert row["Officers_Authorized_Up_To_Source"] == (addresses[ceiling["source"]] if ceiling else None)
        # The language of operation: its code as typed, and its name in each language as CLDR gives it.
        code = mission.get("language")
        assert row["Language_Of_Operation"] == code
        assert row["Language_Of_Operation_Name_EN"] == (Locale.parse("en_CA").languages[code] if code else None)
        assert row["Language_Of_Operation_Name_FR"] == (Locale.parse("fr_CA").languages[code] if code else None)
        # Every status line is a period of its own, in the file's order (oldest first).
        assert [p["State"] for p in row["Periods"]] == [s["state"] for s in mission["status"]]
        assert [p["Source_Key"] for p in row["Periods"]] == [s["source"] for s in mission["status"]]
        assert [p["End"] for p in row["Periods"]] == [p["Start"] for p in row["Periods"][1:]] + [None]
    assert document["totals"] == expected_totals(original)
    per_year = {item["year"]: item["operations"] for item in document["operations_per_year"]}
    assert per_year == operations_per_year(original)


def test_columns_shared_with_the_un_data_use_the_un_names_and_values(built_site):
    rows = load_csv(built_site)
    assert set(UN_COLUMNS) <= set(rows[0])
    assert {row["Contributing_Country"] for row in rows} == {"Canada"}
    assert {row["ISOCode3"] for row in rows} == {"CAN"}
    haiti = next(row for row in rows if row["Mission_ID"] == "minustah")
    assert haiti["Mission_Acronym"] == "MINUSTAH" and haiti["Location_ISOCode3"] == "HTI"


def test_csv_has_the_same_rows_as_json(built_site):
    rows = load_json(built_site)["missions"]
    lines = load_csv(built_site)
    assert [line["Mission_ID"] for line in lines] == [row["Mission_ID"] for row in rows]
    for row, line in zip(rows, lines, strict=True):
        assert set(line) == set(row) - set(LISTS)
        for name, value in row.items():
            if name in LISTS:
                continue
            if value is None:
                expected = ""
            elif isinstance(value, bool):
                expected = "true" if value else "false"
            else:
                expected = str(value)
            assert line[name] == expected, (row["Mission_ID"], name)
            assert "\n" not in line[name], (row["Mission_ID"], name)  # one value per cell


@pytest.mark.parametrize("name", [name for name in FILES if name.endswith(".csv")])
def test_csv_is_rfc_4180_utf8_with_a_byte_order_mark(built_site, name):
    raw = (built_site / name).read_bytes()
    first = {"sources.csv": b"Source_Key,", "women_deployed.csv": b"Count_ID,"}.get(name, b"Mission_ID,")
    assert raw.startswith(b"\xef\xbb\xbf" + first)  # Excel then reads it as UTF-8, not Windows-1252
    assert raw.count(b"\xef\xbb\xbf") == 1
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert "é".encode() in raw or name in ("mission_sources.csv", "missions_officers.csv", "mission_periods.csv", "women_deployed.csv")  # French text, in UTF-8 (the figures table has English titles only)


def test_open_data_has_a_page_in_both_languages_with_every_file_and_the_licence(built_site):
    for language, address, deployments in (("en", "open-data/", "deployments/"), ("fr", "fr/donnees-ouvertes/", "fr/deploiements/")):
        linked = [a.attrs["href"] for a in page(built_site, deployments).find_all("a", href=True)]
        assert any(resolve(built_site, deployments, href) == built_site / address / "index.html" for href in linked)
        document = page(built_site, address)
        links = {a.attrs["data-file"]: a.attrs["href"] for a in document.find_all("a", data_file=True)}
        assert set(links) == set(FILES)
        for name, href in links.items():
            assert resolve(built_site, address, href) == built_site / name
        assert ATTRIBUTION[language] in document.text
        assert load_json(built_site)["licence"]["attribution"][language] == ATTRIBUTION[language]


def test_exports_agree_with_the_pages(built_site):
    rows = load_json(built_site)["missions"]
    current = {row["Mission_ID"] for row in rows if row["Status"] == "under_way"}
    for table_page, history_page in (("deployments/", "past-operations/"), ("fr/deploiements/", "fr/operations-passees/")):
        table = page(built_site, table_page).find("table", data_table="deployments")
        assert {tr.attrs["data-mission"] for tr in table.find_all("tr", data_mission=True)} == current
        history = page(built_site, history_page).find_all("tr", data_mission=True)
        # Past operations lists the ended operations, and only them.
        assert {tr.attrs["data-mission"]: tr.attrs["data-status"] for tr in history} == {
            row["Mission_ID"]: row["Status"] for row in rows if row["Status"] == "ended"
        }
    for row in rows:
        address = row["Page_EN"].split("://", 1)[-1].split("/", 1)[1]
        assert (built_site / address / "index.html").is_file()
        assert page(built_site, address).find("section", data_mission=row["Mission_ID"])


def test_the_files_are_the_same_bytes_every_build(built_site, tmp_path):
    again = tmp_path / "site"
    assert run_build(ROOT, again).returncode == 0
    for name in FILES:
        assert (again / name).read_bytes() == (built_site / name).read_bytes(), name


def test_adding_and_ending_missions_changes_the_exports(changed_site, original):
    missions = read_missions(changed_site.root)
    document = load_json(changed_site.site)
    assert errors(document, load_json(changed_site.site, "missions.schema.json")) == []
    rows = {row["Mission_ID"]: row for row in document["missions"]}
    assert rows[NEW_ID]["Status"] == "under_way" and rows[NEW_ID]["Officers_Authorized"] == 10
    assert rows[ENDED_ID]["Status"] == "ended" and rows[ENDED_ID]["End"] == str(ENDED_YEAR)
    assert {line["Mission_ID"]: line["Status"] for line in load_csv(changed_site.site)}[ENDED_ID] == "ended"
    totals = document["totals"]
    assert totals == expected_totals(missions)
    before = expected_totals(original)
    assert totals["missions_now"] == before["missions_now"]  # one added, one ended
    assert totals["operations_listed"] == before["operations_listed"] + 1
    assert totals["officers_authorized_now"]["sum"] == before["officers_authorized_now"]["sum"] + 10
