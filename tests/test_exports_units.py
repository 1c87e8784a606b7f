"""The open data's rows (peaceops/outputs/exports.py), made in the tests' own process from small
missions and sources of the tests' own: each column of missions.json and missions.csv, the officer
figures, the totals, and the spreadsheet formula guard on every text an editor types.

Why here as well as tests/test_exports.py: that file reads the files of a built site, in another
process, which mutmut cannot trace (tests/MUTATION.md); these call ``rows``, ``officer_rows``,
``tables`` and ``open_data_files`` directly on a data set of a few missions, so a planted bug in
them fails a test mutmut can count, in a fraction of a second. The expectations are the tests' own
reading of their own missions, never what the code under test printed once.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest
from conftest import ROOT

from peaceops.facts import derive
from peaceops.outputs import exports
from peaceops.pages.localize import Localizer
from peaceops.pages.routes import build_routes
from peaceops.source.dataset import load
from peaceops.source.model import Mission, Source
from peaceops.source.publisher import who_publishes

SITE = "https://peace.example.org/"
AS_OF = date(2026, 5, 15)

SOURCES = {
    "src-both": {
        "key": "src-both", "publisher": {"en": "United Nations", "fr": "Nations Unies"},
        "title": {"en": "Report", "fr": "Rapport"},
        "address": {"en": "https://un.example.org/en/report", "fr": "https://un.example.org/fr/rapport"},
        "published": "2025-06-30",
    },
    "src-gone": {
        "key": "src-gone", "publisher": {"en": "RCMP", "fr": "GRC"}, "title": {"fr": "Page disparue"},
        "address": {"fr": "https://old.example.ca/fr/page"}, "published": "2019", "gone": "yes",
        "archived": {"fr": "https://web.archive.org/web/2019/https://old.example.ca/fr/page"},
    },
    "src-french": {
        "key": "src-french", "publisher": {"en": "Police", "fr": "Police"}, "title": {"fr": "Page"},
        "address": {"fr": "https://fr.example.ca/page"}, "published": "2024-01",
    },
}  # fmt: skip


def mission_record(mission_id: str, **changes) -> dict:
    record = {
        "id": mission_id, "acronym": {"en": mission_id.upper(), "fr": mission_id.upper() + "-F"},
        "name": {"en": f"{mission_id} in English", "fr": f"{mission_id} en français"},
        "lead": "UN", "country": "HT", "mandate": {"en": "Keep the peace.", "fr": "Maintenir la paix."},
        "sources": ["src-both", "src-gone"], "updated": "2026-01-02",
        "status": [{"state": "under_way", "since": "2019-04", "source": "src-both"}],
        "roles": [{"en": "Mentoring", "fr": "Mentorat"}, {"en": "Training", "fr": "Formation"}],
        "language": "fr", "armed": "no",
        "officers": [
            {"kind": "deployed", "count": "20", "as_of": "2024-03-31", "source": "src-both"},
            {"kind": "deployed", "count": "25", "as_of": "2025-03-31", "source": "src-both"},
            {"kind": "authorized", "count": "30", "source": "src-gone"},
            {"kind": "authorized_up_to", "count": "40", "as_of": "2020", "source": "src-french"},
        ],
    }  # fmt: skip
    record.update(changes)
    return record


@pytest.fixture(scope="module")
def real():
    return load(ROOT / "data")


def facts_of(real, *records: dict, more_sources: tuple[dict, ...] = ()):
    own = {**SOURCES, **{source["key"]: source for source in more_sources}}
    sources = {**real.sources, **{key: Source.model_validate(value) for key, value in own.items()}}
    missions = tuple(Mission.model_validate(record) for record in records)
    review = real.review.model_copy(update={"as_of": AS_OF})
    return derive(replace(real, missions=missions, sources=sources, review=review))


def rows_of(real, *records: dict, more_sources: tuple[dict, ...] = ()) -> list[dict]:
    facts = facts_of(real, *records, more_sources=more_sources)
    return exports.rows(facts, build_routes(ROOT / "content", facts), SITE)


def localizers(real) -> dict[str, Localizer]:
    return {language: Localizer(language, real.interface) for language in ("en", "fr")}


# --- The columns ------------------------------------------------------------------------------
def test_a_missions_row_holds_its_own_values_column_by_column(real):
    [row] = rows_of(real, mission_record("alpha"))
    assert list(row) == [column.name for column in exports.COLUMNS]
    expected = {
        "Mission_ID": "alpha", "Mission_Acronym": "ALPHA", "Mission_Acronym_FR": "ALPHA-F",
        "Mission_Name_EN": "alpha in English", "Mission_Name_FR": "alpha en français", "Lead_Organization": "UN",
        "Status": "under_way", "Start": "2019-04", "End": None, "Location_Code": "HT", "Location_ISOCode3": "HTI",
        "Location_Name_EN": "Haiti", "Location_Name_FR": "Haïti", "Contributing_Country": "Canada", "ISOCode3": "CAN",
        "Personnel_Type": "Individual Police",
        "Officers_Deployed": 25, "Last_Reporting_Date": "2025-03-31",
        "Officers_Deployed_Source": "https://un.example.org/en/report",
        "Officers_Authorized": 30, "Officers_Authorized_As_Of": "2019",  # its source's published year
        "Officers_Authorized_Source": "https://web.archive.org/web/2019/https://old.example.ca/fr/page",
        "Officers_Authorized_Up_To": 40, "Officers_Authorized_Up_To_As_Of": "2020",
        "Officers_Authorized_Up_To_Source": "https://fr.example.ca/page",
        "Language_Of_Operation": "fr", "Language_Of_Operation_Name_EN": "French",
        "Language_Of_Operation_Name_FR": "français", "Armed": False,
        "Roles_EN": ["Mentoring", "Training"], "Roles_FR": ["Mentorat", "Formation"],
        "Mandate_EN": "Keep the peace.", "Mandate_FR": "Maintenir la paix.",
        "Sources": ["https://un.example.org/en/report", "https://web.archive.org/web/2019/https://old.example.ca/fr/page"],
        "Periods": [{"State": "under_way", "Start": "2019-04", "End": None, "Source_Key": "src-both"}],
        "Updated": "2026-01-02",
    }  # fmt: skip
    assert {name: row[name] for name in expected} == expected
    assert row["Page_EN"].startswith(SITE) and row["Page_FR"].startswith(SITE + "fr/")
    assert row["Page_EN"] != row["Page_FR"]


def test_an_ended_mission_without_figures_or_language_has_empty_cells(real):
    record = mission_record(
        "beta", officers=[], language=None, armed=None, roles=[],
        status=[{"state": "under_way", "since": "2004", "source": "src-both"},
                {"state": "ended", "since": "2017-10-15", "source": "src-gone"}],
    )  # fmt: skip
    [row] = rows_of(real, record)
    assert (row["Status"], row["Start"], row["End"]) == ("ended", "2004", "2017-10-15")
    for name in ("Officers_Deployed", "Last_Reporting_Date", "Officers_Deployed_Source", "Officers_Authorized",
                 "Officers_Authorized_As_Of", "Officers_Authorized_Source", "Officers_Authorized_Up_To",
                 "Language_Of_Operation", "Language_Of_Operation_Name_EN", "Language_Of_Operation_Name_FR", "Armed"):
        assert row[name] is None, name
    assert row["Periods"] == [
        {"State": "under_way", "Start": "2004", "End": "2017-10-15", "Source_Key": "src-both"},
        {"State": "ended", "Start": "2017-10-15", "End": None, "Source_Key": "src-gone"},
    ]
    assert row["Roles_EN"] == [] and row["Armed"] is None


def test_a_figure_with_no_date_anywhere_has_an_empty_date_cell(real):
    undated = {
        "key": "src-undated", "publisher": {"en": "P", "fr": "P"}, "title": {"en": "T"},
        "address": {"en": "https://p.example.org/t"},
    }  # fmt: skip
    record = mission_record("gamma", officers=[{"kind": "deployed", "count": "3", "source": "src-undated"}])
    [row] = rows_of(real, record, more_sources=(undated,))
    assert (row["Officers_Deployed"], row["Last_Reporting_Date"]) == (3, None)


def test_an_archived_copy_is_given_where_the_original_is_gone_and_english_first():
    both = Source.model_validate(SOURCES["src-both"])
    gone = Source.model_validate(SOURCES["src-gone"])
    french = Source.model_validate(SOURCES["src-french"])
    assert exports.source_address(both) == "https://un.example.org/en/report"
    assert exports.source_address(gone) == "https://web.archive.org/web/2019/https://old.example.ca/fr/page"
    assert exports.source_address(french) == "https://fr.example.ca/page"
    archived_both = Source.model_validate(
        {**SOURCES["src-both"], "gone": "yes",
         "archived": {"en": "https://web.archive.org/en", "fr": "https://web.archive.org/fr"}}
    )  # fmt: skip
    assert exports.source_address(archived_both) == "https://web.archive.org/en"


# --- The formula guard --------------------------------------------------------------------------
FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", " =1", '"=1', ' " @x', "\u3000=1", "\uff1dx", '"+"', "\t=1"]


@pytest.mark.parametrize("start", FORMULAS)
def test_every_text_an_editor_types_is_made_inert_in_the_missions_row(real, start):
    text = start + "cmd"
    record = mission_record(
        "delta", acronym={"en": text, "fr": text}, name={"en": text, "fr": text}, mandate={"en": text, "fr": text},
        roles=[{"en": text, "fr": "Safe"}],
    )  # fmt: skip
    [row] = rows_of(real, record)
    for name in ("Mission_Acronym", "Mission_Acronym_FR", "Mission_Name_EN", "Mission_Name_FR", "Mandate_EN", "Mandate_FR"):
        assert row[name] == "'" + text.strip(), name  # the loader trims what the editor typed
    assert row["Roles_EN"] == ["'" + text.strip()] and row["Roles_FR"] == ["Safe"]
    [officer] = [r for r in exports.officer_rows(facts_of(real, record)) if r["Figure_Kind"] == "authorized"]
    assert officer["Mission_Acronym"].startswith("'") and officer["Mission_Acronym"][1:] == text.strip()


def test_numbers_and_plain_texts_are_left_as_they_are(real):
    [row] = rows_of(real, mission_record("epsilon", name={"en": "1 = 1", "fr": "a-b"}))
    assert row["Mission_Name_EN"] == "1 = 1" and row["Mission_Name_FR"] == "a-b"
    assert row["Officers_Deployed"] == 25 and isinstance(row["Officers_Deployed"], int)


def test_the_csv_a_spreadsheet_opens_holds_the_guarded_text(real):
    record = mission_record("zeta", name={"en": '"=HYPERLINK(1)', "fr": "Nom"})
    files = open_data(real, record)
    [line] = read_csv(files, exports.CSV_FILE)
    assert line["Mission_Name_EN"] == "'\"=HYPERLINK(1)"
    assert json.loads(files[exports.JSON_FILE])["missions"][0]["Mission_Name_EN"] == "'\"=HYPERLINK(1)"


# --- Officer figures, totals, tables --------------------------------------------------------------
def test_every_officer_figure_is_a_row_by_kind_then_newest_first(real):
    facts = facts_of(real, mission_record("eta"))
    found = [(r["Figure_Kind"], r["Count"], r["As_Of"], r["As_Of_Basis"], r["Source_Key"]) for r in exports.officer_rows(facts)]
    assert found == [
        ("deployed", 25, "2025-03-31", "stated", "src-both"),
        ("deployed", 20, "2024-03-31", "stated", "src-both"),
        ("authorized", 30, "2019", "published", "src-gone"),
        ("authorized_up_to", 40, "2020", "stated", "src-french"),
    ]
    rows = exports.officer_rows(facts)
    assert rows[0]["Source_Title"] == "Report" and rows[2]["Source_Title"] == "Page disparue"
    assert rows[0]["Source_Publisher"] == "United Nations" and rows[2]["Source_Publisher"] == "RCMP"
    assert rows[2]["Source_URL"] == "https://web.archive.org/web/2019/https://old.example.ca/fr/page"
    for row in rows:
        assert (row["Mission_ID"], row["Mission_Acronym"], row["Contributing_Country"], row["ISOCode3"],
                row["Personnel_Type"]) == ("eta", "ETA", "Canada", "CAN", "Individual Police")  # fmt: skip
    assert list(rows[0]) == list(exports.OFFICER_COLUMNS)


def test_the_totals_are_the_current_missions_and_their_latest_figures(real):
    ended = mission_record(
        "theta", country="CD",
        status=[{"state": "under_way", "since": "2010", "source": "src-both"},
                {"state": "ended", "since": "2015", "source": "src-both"}],
    )  # fmt: skip
    current = mission_record("iota", country="HT")
    other = mission_record(
        "kappa", country="ML",
        officers=[{"kind": "deployed", "count": "5", "as_of": "2025-01-31", "source": "src-both"}],
    )  # fmt: skip
    totals = exports.totals(facts_of(real, ended, current, other))
    assert totals["missions_now"] == 2 and totals["countries_now"] == 2
    assert totals["operations_listed"] == 3 and totals["countries_listed"] == 3
    assert totals["officers_deployed_now"] == {"sum": 30, "missions_with_figure": 2, "missions": 2, "comparable": True}
    assert totals["officers_authorized_now"]["sum"] == 30
    assert totals["officers_authorized_now"]["missions_with_figure"] == 1
    assert totals["officers_authorized_now"]["comparable"] is False
    assert totals["first_year"] == 2010


def open_data(real, *records: dict) -> dict[str, bytes]:
    facts = facts_of(real, *records)
    publisher = who_publishes(load_publisher(real), None, None)
    return exports.open_data_files(facts, build_routes(ROOT / "content", facts), localizers(real), SITE, publisher)


def read_csv(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    """A table as a spreadsheet reads it: UTF-8 after its byte-order mark."""
    return list(csv.DictReader(io.StringIO(files[name].decode("utf-8-sig"), newline="")))


def load_publisher(real):
    from peaceops.source.publisher import load_publisher as load

    return load(ROOT / "data", ROOT / "theme", real.sources.keys())


def test_the_list_tables_number_each_item_from_one_under_its_mission(real):
    files = open_data(real, mission_record("lambda"), mission_record("mu", roles=[{"en": "Advice", "fr": "Conseil"}]))
    roles = read_csv(files, exports.ROLES_FILE)
    assert {(r["Mission_ID"], r["Role_Number"], r["Role_EN"], r["Role_FR"]) for r in roles} == {
        ("lambda", "1", "Mentoring", "Mentorat"), ("lambda", "2", "Training", "Formation"), ("mu", "1", "Advice", "Conseil")
    }  # fmt: skip
    sources = read_csv(files, exports.SOURCES_FILE)
    assert [(r["Mission_ID"], r["Source_Number"], r["Source_Key"], r["Source"]) for r in sources if r["Mission_ID"] == "mu"] == [
        ("mu", "1", "src-both", "https://un.example.org/en/report"),
        ("mu", "2", "src-gone", "https://web.archive.org/web/2019/https://old.example.ca/fr/page"),
    ]
    periods = read_csv(files, exports.PERIODS_FILE)
    assert [(r["Mission_ID"], r["Period_Number"], r["State"], r["Start"], r["End"]) for r in periods if r["Mission_ID"] == "mu"] == [
        ("mu", "1", "under_way", "2019-04", "")
    ]
    assert set(files) == set(exports.FILES)


def test_the_sources_table_has_each_cited_source_once_with_empty_cells_for_what_it_lacks(real):
    files = open_data(real, mission_record("nu"))
    table = {r["Source_Key"]: r for r in read_csv(files, exports.SOURCES_TABLE_FILE)}
    assert table["src-gone"]["Title_EN"] == "" and table["src-gone"]["Title_FR"] == "Page disparue"
    assert table["src-gone"]["Archived_FR"] == "https://web.archive.org/web/2019/https://old.example.ca/fr/page"
    assert table["src-gone"]["Archived_EN"] == "" and table["src-gone"]["Published"] == "2019"
    assert table["src-both"]["Address_EN"] == "https://un.example.org/en/report"
    assert (table["src-both"]["Publisher_EN"], table["src-both"]["Publisher_FR"]) == ("United Nations", "Nations Unies")
    assert (table["src-both"]["Title_EN"], table["src-both"]["Title_FR"]) == ("Report", "Rapport")
    assert table["src-both"]["Address_FR"] == "https://un.example.org/fr/rapport" and table["src-both"]["Published"] == "2025-06-30"
    assert table["src-both"]["Dated_By_Evidence"] == "" and table["src-french"]["Published"] == "2024-01"
    keys = list(table)
    assert keys == sorted(keys)


def test_the_json_and_the_csv_hold_the_same_missions_and_the_json_meets_its_schema(real):
    import jsonschema

    files = open_data(real, mission_record("xi"), mission_record("omicron", country="CD"))
    content = json.loads(files[exports.JSON_FILE])
    jsonschema.validate(content, json.loads(files[exports.SCHEMA_FILE]))
    lines = read_csv(files, exports.CSV_FILE)
    assert [line["Mission_ID"] for line in lines] == [m["Mission_ID"] for m in content["missions"]]
    assert sorted(line["Mission_ID"] for line in lines) == ["omicron", "xi"]
    assert "Roles_EN" not in lines[0] and "Sources" not in lines[0] and "Periods" not in lines[0]
    assert content["totals"]["missions_now"] == 2
    officers = json.loads(files[exports.OFFICERS_JSON])
    assert officers["as_of"] == AS_OF.isoformat()
    assert len(officers["observations"]) == 8 and set(officers["columns"]) == set(exports.OFFICER_COLUMNS)
    assert officers["licence"] == content["licence"]
    assert content["licence"]["name"]["en"] and content["licence"]["name"]["fr"] != content["licence"]["name"]["en"]
    assert files[exports.JSON_FILE].endswith(b"}\n")


# What no column may hold: the schema published with missions.json must refuse each (the tests' own
# reading of what the columns mean, not the schema's text).
BAD_CELLS = {
    "Mission_ID": ["", "Has Space", "UPPER", 5],
    "Mission_Acronym": ["", None], "Mission_Acronym_FR": [""], "Mission_Name_EN": ["", 1], "Mission_Name_FR": [""],
    "Lead_Organization": ["NATO-ish", None], "Status": ["finished", None],
    "Start": ["2019/04", "19", 2019], "End": ["2019-4", 2019],
    "Location_Code": [""], "Location_ISOCode3": ["ht", "HT", "HTIX"], "Location_Name_EN": [""], "Location_Name_FR": [""],
    "Contributing_Country": [""], "ISOCode3": ["ca", None], "Personnel_Type": ["Formed Police Unit", None],
    "Officers_Deployed": [-1, "25", 2.5], "Last_Reporting_Date": ["31 March 2025", "2025/"],
    "Officers_Deployed_Source": ["ftp://x.org/a", "www.x.org"],
    "Officers_Authorized": [-1, "30"], "Officers_Authorized_As_Of": ["soon"], "Officers_Authorized_Source": ["x"],
    "Officers_Authorized_Up_To": [-5, True], "Officers_Authorized_Up_To_As_Of": ["2020-1"],
    "Officers_Authorized_Up_To_Source": ["mailto:a@b.ca"],
    "Language_Of_Operation": ["fra", "FR", 1], "Language_Of_Operation_Name_EN": [""], "Language_Of_Operation_Name_FR": [""],
    "Armed": ["no", 0],
    "Roles_EN": [[""], "Mentoring", [1]], "Roles_FR": [[""], None],
    "Mandate_EN": [""], "Mandate_FR": [None],
    "Sources": [[], ["ftp://x"], "https://x.org"],
    "Periods": [[], [{"State": "paused", "Start": "2019", "End": None, "Source_Key": "src"}],
                [{"State": "ended", "Start": "2019", "End": None}],
                [{"State": "ended", "Start": "2019", "End": None, "Source_Key": "src", "More": 1}],
                [{"State": "ended", "Start": "2019/20", "End": None, "Source_Key": "src"}],
                [{"State": "ended", "Start": "2019", "End": None, "Source_Key": "Src Key"}]],
    "Updated": ["2026-01", "2026-1-2", None],
    "Page_EN": ["page.html", None], "Page_FR": ["www.x.org/fr"],
}  # fmt: skip


@pytest.fixture(scope="module")
def published(real) -> tuple[dict, dict]:
    files = open_data(real, mission_record("rho"), mission_record("sigma", officers=[], language=None, armed=None))
    return json.loads(files[exports.JSON_FILE]), json.loads(files[exports.SCHEMA_FILE])


def test_every_column_has_values_the_schema_refuses(published):
    assert set(BAD_CELLS) == {column.name for column in exports.COLUMNS}


@pytest.mark.parametrize("column", list(BAD_CELLS))
def test_the_schema_refuses_what_a_column_cannot_hold(published, column):
    import jsonschema

    content, schema = published
    validator = jsonschema.Draft202012Validator(schema)
    assert not list(validator.iter_errors(content))
    for bad in BAD_CELLS[column]:
        changed = json.loads(json.dumps(content))
        changed["missions"][0][column] = bad
        assert list(validator.iter_errors(changed)), (column, bad)
    missing = json.loads(json.dumps(content))
    del missing["missions"][1][column]
    assert list(validator.iter_errors(missing)), f"{column} may be left out"


def test_the_schema_refuses_a_column_no_one_knows_and_bad_totals(published):
    import jsonschema

    content, schema = published
    validator = jsonschema.Draft202012Validator(schema)

    def refused(change) -> bool:
        changed = json.loads(json.dumps(content))
        change(changed)
        return bool(list(validator.iter_errors(changed)))

    assert refused(lambda c: c["missions"][0].update(Extra="x"))
    assert refused(lambda c: c.update(extra=1))
    for part in ("licence", "totals", "operations_per_year", "missions"):
        assert refused(lambda c, part=part: c.pop(part)), part
    for name in ("missions_now", "countries_now", "operations_listed", "countries_listed"):
        assert refused(lambda c, name=name: c["totals"].update({name: -1})), name
        assert refused(lambda c, name=name: c["totals"].pop(name)), name
    assert refused(lambda c: c["totals"].update(first_year="2004"))
    assert refused(lambda c: c["totals"].update(more=1))
    for total in ("officers_deployed_now", "officers_authorized_now"):
        for name, bad in (("sum", -1), ("missions_with_figure", "2"), ("missions", 1.5), ("comparable", "yes")):
            assert refused(lambda c, total=total, name=name, bad=bad: c["totals"][total].update({name: bad})), (total, name)
            assert refused(lambda c, total=total, name=name: c["totals"][total].pop(name)), (total, name)
        assert refused(lambda c, total=total: c["totals"][total].update(more=1))
    assert refused(lambda c: c["operations_per_year"].append({"year": "2004", "operations": 1}))
    assert refused(lambda c: c["operations_per_year"].append({"year": 2004, "operations": -1}))
    assert refused(lambda c: c["operations_per_year"].append({"year": 2004}))
    assert refused(lambda c: c["operations_per_year"].append({"year": 2004, "operations": 1, "more": 1}))
    for part in ("name", "url", "attribution"):
        assert refused(lambda c, part=part: c["licence"][part].pop("fr")), part
        assert refused(lambda c, part=part: c["licence"][part].update(en="")), part
        assert refused(lambda c, part=part: c["licence"][part].update(de="x")), part
        assert refused(lambda c, part=part: c["licence"].pop(part)), part
    assert refused(lambda c: c["licence"].update(more={"en": "x", "fr": "y"}))


def test_the_schema_describes_each_column_in_both_languages_and_names_its_own_address(published):
    _, schema = published
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SITE + exports.SCHEMA_FILE
    assert schema["title"] and schema["x-title-fr"] and schema["title"] != schema["x-title-fr"]
    columns = schema["properties"]["missions"]["items"]["properties"]
    assert set(columns) == {column.name for column in exports.COLUMNS}
    for name, column in columns.items():
        assert column["description"] and column["x-description-fr"], name
        assert column["description"] != column["x-description-fr"], name
    for part in ("totals", "operations_per_year", "missions"):
        described = schema["properties"][part]
        assert described["description"] and described["x-description-fr"] != described["description"], part


def test_the_schema_refuses_a_part_of_the_wrong_kind_and_accepts_zero_where_a_count_may_be_zero(published):
    import jsonschema

    content, schema = published
    validator = jsonschema.Draft202012Validator(schema)

    def refused(change) -> bool:
        changed = json.loads(json.dumps(content))
        changed = change(changed) or changed
        return bool(list(validator.iter_errors(changed)))

    assert refused(lambda c: [c])
    for part, wrong in (("licence", "x"), ("totals", []), ("operations_per_year", {}), ("missions", {})):
        assert refused(lambda c, part=part, wrong=wrong: c.update({part: wrong})), part
    assert refused(lambda c: c["licence"].update(name="x"))
    assert refused(lambda c: c["totals"].update(officers_deployed_now=5))
    assert refused(lambda c: c["operations_per_year"].append(5))
    assert refused(lambda c: c["missions"].append("mission"))
    assert refused(lambda c: c["missions"][0].update(Periods=["period"]))
    # Zero is a count like any other: no mission now, no figure, no operation in a year.
    for name in ("missions_now", "countries_now", "operations_listed", "countries_listed"):
        assert not refused(lambda c, name=name: c["totals"].update({name: 0})), name
    for total in ("officers_deployed_now", "officers_authorized_now"):
        zero = {"sum": 0, "missions_with_figure": 0, "missions": 0, "comparable": False}
        assert not refused(lambda c, total=total, zero=zero: c["totals"].update({total: zero})), total
    assert not refused(lambda c: c["operations_per_year"].append({"year": 1999, "operations": 0}))


# Each table's key and the tables its rows point to (the tests' own reading of what a row is).
KEYS = {
    "missions": ({"Mission_ID"}, set()),
    "mission_periods": ({"Mission_ID", "Period_Number"}, {("Mission_ID", "missions", "Mission_ID"), ("Source_Key", "sources", "Source_Key")}),
    "mission_roles": ({"Mission_ID", "Role_Number"}, {("Mission_ID", "missions", "Mission_ID")}),
    "mission_sources": ({"Mission_ID", "Source_Number"}, {("Mission_ID", "missions", "Mission_ID"), ("Source_Key", "sources", "Source_Key")}),
    "missions_officers": ({"Mission_ID", "Figure_Kind", "Source_Key", "Count"}, {("Mission_ID", "missions", "Mission_ID"), ("Source_Key", "sources", "Source_Key")}),
    "sources": ({"Source_Key"}, set()),
    "women_deployed": ({"Count_ID"}, {("Source_Key", "sources", "Source_Key")}),
}  # fmt: skip


def test_each_table_has_its_key_and_its_rows_point_to_rows_that_are_there(real):
    files = open_data(real, mission_record("tau"), mission_record("upsilon", roles=[{"en": "Advice", "fr": "Conseil"}]))
    package = json.loads(files[exports.PACKAGE_FILE])
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) == set(KEYS)
    for name, (key, pointers) in KEYS.items():
        schema = resources[name]["schema"]
        assert set(schema.get("primaryKey", [])) == key, name
        found = {(tuple(f["fields"]), f["reference"]["resource"], tuple(f["reference"]["fields"])) for f in schema.get("foreignKeys", [])}
        assert found == {((here,), table, (there,)) for here, table, there in pointers}, name
        rows = read_csv(files, resources[name]["path"])
        assert len({tuple(row[k] for k in sorted(key)) for row in rows}) == len(rows), f"{name}: a key given twice"
        for here, table, there in pointers:
            targets = {row[there] for row in read_csv(files, resources[table]["path"])}
            assert {row[here] for row in rows} <= targets, (name, here)


def test_women_deployed_csv_has_every_count_of_people_yaml_oldest_first(real):
    import plainyaml
    from dated import first_day

    counts = plainyaml.read(ROOT / "data" / "people.yaml")["women_deployed"]
    expected = [
        {"Count_ID": c["id"], "As_Of": str(c["as_of"]), "Women": str(c["women"]), "Police_Counted": str(c.get("total", "")),
         "Covers": c["covers"], "Mission_ID": c.get("mission", ""), "Source_Key": c["source"]}
        for c in sorted(counts, key=lambda c: (first_day(c["as_of"]), c["id"]))
    ]  # fmt: skip
    assert len(expected) >= 3
    files = open_data(real, mission_record("phi"))
    assert read_csv(files, exports.WOMEN_CSV) == expected


def test_sources_csv_has_every_source_of_sources_yaml_as_written(real):
    import plainyaml

    def bound(value) -> str:
        return ".." if value is None else str(value)

    files = open_data(real, mission_record("chi"))
    table = {row["Source_Key"]: row for row in read_csv(files, exports.SOURCES_TABLE_FILE)}
    written = plainyaml.read(ROOT / "data" / "sources.yaml")["sources"]
    assert set(table) == {s["key"] for s in written} | set(SOURCES)
    for source in written:
        row, archived, dated = table[source["key"]], source.get("archived") or {}, source.get("dated")
        for language, suffix in (("en", "EN"), ("fr", "FR")):
            assert row[f"Publisher_{suffix}"] == source["publisher"][language]
            assert row[f"Title_{suffix}"] == source["title"].get(language, "")
            assert row[f"Address_{suffix}"] == source["address"].get(language, "")
            assert row[f"Archived_{suffix}"] == archived.get(language, "")
        assert row["Published"] == str(source.get("published", ""))
        if dated and dated.get("earliest") is not None and dated.get("earliest") == dated.get("latest"):
            assert row["Dated_By_Evidence"] == str(dated["earliest"])  # a range of one date is that date
        else:
            assert row["Dated_By_Evidence"] == (f"{bound(dated.get('earliest'))}/{bound(dated.get('latest'))}" if dated else "")
    assert any(table[s["key"]]["Dated_By_Evidence"] for s in written) and any(s.get("archived") for s in written)


def keys_sorted(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object read back, after checking its keys were written in sorted order."""
    keys = [key for key, _ in pairs]
    assert keys == sorted(keys), keys
    return dict(pairs)


def test_the_json_files_are_utf8_sorted_and_indented_so_an_unchanged_site_is_unchanged(real):
    files = open_data(real, mission_record("psi", name={"en": "Mission in Haïti", "fr": "Mission en Haïti"}))
    for name in (exports.JSON_FILE, exports.OFFICERS_JSON, exports.SCHEMA_FILE, exports.PACKAGE_FILE):
        text = files[name].decode("utf-8")
        assert text.endswith("}\n") and text.startswith("{\n  \"") and "\n    " in text, name

        json.loads(text, object_pairs_hook=keys_sorted)
    assert "Haïti" in files[exports.JSON_FILE].decode("utf-8")  # written as itself, not \u00ef


def test_a_count_in_the_schema_is_a_whole_number(published):
    import jsonschema

    content, schema = published
    validator = jsonschema.Draft202012Validator(schema)
    for change in (lambda c: c["totals"].update(missions_now="2"), lambda c: c["operations_per_year"].append({"year": 2004, "operations": "1"})):
        changed = json.loads(json.dumps(content))
        change(changed)
        assert list(validator.iter_errors(changed))


# --- women_deployed's Table Schema, as a portal reads it ------------------------------------------
def women_deployed(real) -> tuple[dict, list[dict[str, str]]]:
    files = open_data(real, mission_record("psi"))
    package = json.loads(files[exports.PACKAGE_FILE])
    resource = next(resource for resource in package["resources"] if resource["name"] == "women_deployed")
    return resource, read_csv(files, resource["path"])


@pytest.mark.parametrize(
    ("change", "refused_in"),
    [({}, None), ({"Women": "0"}, None),  # no woman among those counted is a count like any other
     ({"Women": "-1"}, "Women"), ({"Women": "two"}, "Women"),
     ({"Covers": "everything"}, "Covers"), ({"Covers": "UN_missions"}, "Covers"), ({"Covers": "one_mission"}, None)],
)  # fmt: skip
def test_women_deployed_schema_refuses_a_negative_count_and_what_the_count_cannot_cover(real, tmp_path, change, refused_in):
    """Validated in this process by frictionless (as a portal would, tests/test_datapackage.py), one
    row of the table changed: the counts' kinds are those of people.yaml (un_missions, one_mission)."""
    from frictionless import Resource, Schema

    resource, rows = women_deployed(real)
    descriptor = {key: value for key, value in resource["schema"].items() if key != "foreignKeys"}  # one table alone
    row = {**rows[0], **change}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    (tmp_path / "women.csv").write_text(out.getvalue(), encoding="utf-8")
    report = Resource(path="women.csv", basepath=str(tmp_path), schema=Schema.from_descriptor(descriptor)).validate()
    assert report.flatten(["fieldName"]) == ([] if refused_in is None else [[refused_in]])


def test_women_deployed_columns_are_described_by_their_own_texts_in_both_languages(real):
    """Each column says what it means in this table (opendata.women.<name> in data/interface.yaml), not
    what a column of the same name means in missions.csv: a count's Mission_ID is empty unless it covers
    one mission."""
    import plainyaml

    def words(text: str) -> list[str]:  # the French spaces before ":" made no-break, as on every page
        return text.replace("\u00a0", " ").replace("\u202f", " ").split()

    texts = plainyaml.read(ROOT / "data" / "interface.yaml")["text"]
    resource, _ = women_deployed(real)
    fields = {field["name"]: field for field in resource["schema"]["fields"]}
    assert list(fields) == ["Count_ID", "As_Of", "Women", "Police_Counted", "Covers", "Mission_ID", "Source_Key"]
    for name, field in fields.items():
        own = texts[f"opendata.women.{name}"]
        assert (words(field["description"]), words(field["x-description-fr"])) == (words(own["en"]), words(own["fr"])), name
    assert fields["Mission_ID"]["description"] != texts["opendata.column.Mission_ID"]["en"]


# --- The Data Package made in this process, as a portal reads it ----------------------------------
# tests/test_datapackage.py checks the built site's package with the frictionless command (another
# process, which mutmut cannot count); here the same package is made and validated in this process.
# Made again for each test (not once per module): mutmut counts the code a fixture runs only for the
# test that first asks for it, so a shared package would leave the others' checks untried.
@pytest.fixture
def package_folder(real, tmp_path_factory):
    facts = derive(real)
    publisher = who_publishes(load_publisher(real), None, None)
    files = exports.open_data_files(facts, build_routes(ROOT / "content", facts), localizers(real), SITE, publisher)
    folder = tmp_path_factory.mktemp("open-data")
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return folder


def frictionless_errors(folder) -> set[tuple[str, str]]:
    from frictionless import Package

    report = Package(str(folder / exports.PACKAGE_FILE)).validate()
    return {(task.name, error.type) for task in report.tasks for error in task.errors}


def test_frictionless_in_this_process_finds_every_table_of_the_package_valid(package_folder):
    from frictionless import Package

    report = Package(str(package_folder / exports.PACKAGE_FILE)).validate()
    assert report.valid, report.flatten(["type", "note"])[:5]
    from test_datapackage import TABLES  # the tables written out there, not read from the code

    assert sorted(task.name for task in report.tasks) == sorted(TABLES)


@pytest.mark.parametrize(
    ("table", "column", "value", "error"),
    [("missions", "Updated", "2026-13-01", "type-error"),  # a date column holds real dates
     ("missions", "Armed", "1", "type-error"), ("missions", "Armed", "0", "type-error"),  # true or false, written so
     ("missions", "Armed", "yes", "type-error"),
     ("missions", "Officers_Deployed_Source", "not an address", "type-error"),  # an address column holds addresses
     ("missions", "Start", "spring 2017", "constraint-error"), ("missions", "Start", "2017 or later", "constraint-error"),
     ("missions", "Mission_ID", "", "constraint-error"), ("missions", "Status", "", "constraint-error"),  # required
     ("missions", "Officers_Deployed", "-1", "constraint-error"), ("missions", "Officers_Deployed", "some", "type-error"),
     ("sources", "Published", "2019-1", "constraint-error"), ("missions_officers", "Figure_Kind", "estimated", "constraint-error"),
     ("missions", "Personnel_Type", "Formed Police Unit", "constraint-error")],  # the one kind the program sends
)  # fmt: skip
def test_the_package_refuses_a_value_its_column_cannot_hold(package_folder, tmp_path, table, column, value, error):
    import shutil

    copy = tmp_path / "package"
    shutil.copytree(package_folder, copy)
    file = copy / f"{table}.csv"
    with file.open(encoding="utf-8-sig", newline="") as handle:
        header, *records = list(csv.reader(handle))
    records[0][header.index(column)] = value
    with file.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows([header, *records])
    assert (table, error) in frictionless_errors(copy)


def test_the_package_made_in_this_process_types_and_joins_its_columns_as_the_built_one_must(package_folder):
    import test_datapackage

    package = json.loads((package_folder / exports.PACKAGE_FILE).read_text(encoding="utf-8"))
    test_datapackage.test_keys_join_the_tables(package)
    test_datapackage.test_dates_years_and_numbers_are_typed_alike_in_every_row(package)
    for resource in package["resources"]:
        with (package_folder / resource["path"]).open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle))
        assert [field["name"] for field in resource["schema"]["fields"]] == header
        assert resource["schema"]["missingValues"] == [""]  # an empty cell is no value (tables' own rule)
        for field in resource["schema"]["fields"]:
            assert field["type"] in {"string", "integer", "boolean", "date"}, field
            for key in ("title", "x-title-fr", "description", "x-description-fr"):
                assert isinstance(field[key], str) and field[key].strip(), (resource["name"], field["name"], key)


@pytest.mark.parametrize(
    ("pattern", "value", "found"),
    [("^[a-z]+$", "abc", True), ("^[a-z]+$", "abc1", False), ("[0-9]{4}", "in 2017 or so", True),
     ("[0-9]{4}", "201", False), ("^https?://", "https://x.org/a", True), ("^https?://", "see https://x.org", False),
     (r"\.pdf$", "a/b.pdf", True), (r"\.pdf$", "a/b.pdf.html", False), ("x", "x", True), ("x", "y", False)],
)  # fmt: skip
def test_a_json_schema_pattern_becomes_one_that_matches_the_whole_value_as_table_schema_requires(pattern, value, found):
    """JSON Schema finds a pattern anywhere in the value unless anchored; Table Schema's must match it whole."""
    import re

    from peaceops.outputs.opentables import whole_value_pattern

    assert bool(re.search(pattern, value)) is found  # the JSON Schema reading
    assert bool(re.fullmatch(whole_value_pattern(pattern), value)) is found
