"""The open data: missions.json, missions.csv and the JSON Schema of both, made from the same facts.

Why: researchers and journalists should not have to scrape the pages. The files carry every mission
with the same figures, dates and sources as the pages (they read the same ``Facts``), under the Open
Government Licence – Canada. Columns that mean what a column of the UN's police-contributor data
means carry the UN's name (Contributing_Country, ISOCode3, Mission_Acronym, Personnel_Type,
Last_Reporting_Date), so the two can be joined. The bytes depend only on the data and the site's
address: keys sorted, rows in the facts' order, no timestamps, so an unchanged site is unchanged.

A mission row in missions.json and a line of missions.csv have the same columns, except the lists
(roles, sources, periods): the CSV files hold one value per cell, so each list item is a row of its own
table (mission_roles.csv, mission_sources.csv, mission_periods.csv), keyed to its mission (see
``opentables.py``); a missing value is an empty cell. A mission's periods are its status lines in the
order they happened (under way, ended, under way again...), never merged into one start and end.
missions_officers.csv holds every dated figure, sources.csv every source the tables cite by key.
datapackage.json describes every CSV file for data portals (see ``datapackage.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peaceops.facts import BASES, Facts, Total, machine_date, status_periods
from peaceops.languages import LANGUAGES
from peaceops.outputs import datapackage
from peaceops.outputs.opentables import Table, TableColumn, inert
from peaceops.pages.localize import Localizer
from peaceops.pages.routes import Routes, country_page_id
from peaceops.source import languagecodes
from peaceops.source.model import LEADS, STATES, Mission, Source
from peaceops.source.people import COVERS
from peaceops.source.places import Place, iso_country
from peaceops.source.publisher import SitePublisher

JSON_FILE = "missions.json"
CSV_FILE = "missions.csv"
ROLES_FILE = "mission_roles.csv"
SOURCES_FILE = "mission_sources.csv"
PERIODS_FILE = "mission_periods.csv"
SCHEMA_FILE = "missions.schema.json"
# Issue 10: every dated officer figure, one row per mission, kind, date and source (long format, as
# the UN's contributor data is). Column names are stable: the data package is built on them.
OFFICERS_JSON = "missions_officers.json"
OFFICERS_CSV = "missions_officers.csv"
# Every source the data cites (data/sources.yaml), one per row: the tables above cite them by key.
SOURCES_TABLE_FILE = "sources.csv"
# Issue 34: every dated count of women among deployed Canadian police (data/people.yaml).
WOMEN_CSV = "women_deployed.csv"
PACKAGE_FILE = datapackage.FILE
# Each file, and the kind of file it is (the interface text "opendata.<kind>" says what it holds),
# in the order the Open data page lists them: tables for spreadsheets, then the same data for
# programs, then the technical descriptions (TECHNICAL).
FILES = {
    CSV_FILE: "csv",
    OFFICERS_CSV: "officers_csv",
    PERIODS_FILE: "periods_csv",
    ROLES_FILE: "roles_csv",
    SOURCES_FILE: "sources_csv",
    SOURCES_TABLE_FILE: "sources_table",
    WOMEN_CSV: "women_csv",
    JSON_FILE: "json",
    OFFICERS_JSON: "officers_json",
    SCHEMA_FILE: "schema",
    PACKAGE_FILE: "datapackage",
}
TECHNICAL = ("schema", "datapackage")

CONTRIBUTOR = "CA"  # the contributing country, as the UN's data names it (Contributing_Country, ISOCode3)
# The UN's Personnel_Type for police officers deployed one by one (not as Formed Police Units),
# which is how the Canadian Police Arrangement deploys them.
PERSONNEL_TYPE = "Individual Police"

_WHEN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
TEXT = {"type": "string", "minLength": 1}
TEXTS = {"type": "array", "items": TEXT}
URL = {"type": "string", "pattern": "^https?://"}
WHEN = {"type": "string", "pattern": _WHEN}
MAYBE_WHEN = {"type": ["string", "null"], "pattern": _WHEN}
# A date or an ISO 8601 interval for a range by evidence (2016/2019, 2022/.., ../2019); null when not stated.
_BOUND = r"(\d{4}(-\d{2}(-\d{2})?)?|\.\.)"
MAYBE_WHEN_OR_RANGE = {"type": ["string", "null"], "pattern": rf"^(\d{{4}}(-\d{{2}}(-\d{{2}})?)?|{_BOUND}/{_BOUND})$"}
MAYBE_COUNT = {"type": ["integer", "null"], "minimum": 0}
MAYBE_URL = {"type": ["string", "null"], "pattern": "^https?://"}
MAYBE_TEXT = {"type": ["string", "null"], "minLength": 1}
PAGE = {"type": "string", "pattern": "^(https?://|/)"}  # absolute, or from the site's root when it has no address


@dataclass(frozen=True)
class Row:
    """What a column's value is made from: one mission, its place and the site's addresses."""

    mission: Mission
    place: Place
    pages: dict[str, str]
    facts: Facts


@dataclass(frozen=True)
class Column:
    name: str
    schema: dict[str, Any]
    value: Callable[[Row], Any]


# One period of a mission's history (missions.json's Periods; mission_periods.csv, one per row): its
# state from its start to the start of the next period, and the key of the source that gives it.
PERIOD_SCHEMAS: dict[str, dict[str, Any]] = {
    "State": {"type": "string", "enum": list(STATES)},
    "Start": MAYBE_WHEN_OR_RANGE,
    "End": MAYBE_WHEN_OR_RANGE,
    "Source_Key": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
}
PERIOD = {
    "type": "object",
    "required": list(PERIOD_SCHEMAS),
    "additionalProperties": False,
    "properties": PERIOD_SCHEMAS,
}


def _periods(mission: Mission) -> list[dict[str, Any]]:
    """The mission's status lines as periods, oldest first (``facts.status_periods``), as the open data writes them."""
    return [
        {"State": p.state, "Start": machine_date(p.start), "End": machine_date(p.end), "Source_Key": p.source}
        for p in status_periods(mission)
    ]


def _figure(kind: str, part: str) -> Callable[[Row], Any]:
    """The latest figure's count, date (as_of) or source address (source), as the pages show it."""

    def get(row: Row) -> Any:
        figure = row.facts.latest(row.mission, kind)
        if figure is None:
            return None
        if part == "as_of":
            return figure.as_of or None
        if part == "source":
            return source_address(figure.source)
        return figure.count

    return get


def source_address(source: Any) -> str:
    """The address a reader can open: the archived copy where the original is gone, English first."""
    for language in LANGUAGES:
        if source.archived is not None and source.archived[language]:
            return str(source.archived[language])
    return str(next(source.address[language] for language in LANGUAGES if source.address[language]))


def _language_name(language: str) -> Callable[[Row], str | None]:
    """The mission's language of operation named in ``language``, as the pages name it (CLDR's name)."""
    return lambda row: languagecodes.name(row.mission.language, language) if row.mission.language else None


def _contributor() -> Place:
    place = iso_country(CONTRIBUTOR)
    if place is None:  # pycountry always has Canada; this says so to the type checker
        raise LookupError(CONTRIBUTOR)
    return place


COLUMNS: tuple[Column, ...] = (
    Column("Mission_ID", {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}, lambda r: r.mission.id),
    Column("Mission_Acronym", TEXT, lambda r: r.mission.acronym.en),
    Column("Mission_Acronym_FR", TEXT, lambda r: r.mission.acronym.fr),
    Column("Mission_Name_EN", TEXT, lambda r: r.mission.name.en),
    Column("Mission_Name_FR", TEXT, lambda r: r.mission.name.fr),
    Column("Lead_Organization", {"type": "string", "enum": list(LEADS)}, lambda r: r.mission.lead),
    Column("Status", {"type": "string", "enum": list(STATES)}, lambda r: r.mission.state),
    Column("Start", MAYBE_WHEN, lambda r: r.mission.start.iso if r.mission.start else None),
    Column("End", MAYBE_WHEN, lambda r: r.mission.end.iso if r.mission.end else None),
    Column("Location_Code", TEXT, lambda r: r.place.code),
    Column("Location_ISOCode3", {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"}, lambda r: r.place.iso3),
    Column("Location_Name_EN", TEXT, lambda r: r.place.name.en),
    Column("Location_Name_FR", TEXT, lambda r: r.place.name.fr),
    Column("Contributing_Country", TEXT, lambda r: _contributor().name.en),
    Column("ISOCode3", {"type": "string", "pattern": "^[A-Z]{3}$"}, lambda r: _contributor().iso3),
    Column("Personnel_Type", {"type": "string", "const": PERSONNEL_TYPE}, lambda r: PERSONNEL_TYPE),
    Column("Officers_Deployed", MAYBE_COUNT, _figure("deployed", "count")),
    Column("Last_Reporting_Date", MAYBE_WHEN_OR_RANGE, _figure("deployed", "as_of")),
    Column("Officers_Deployed_Source", MAYBE_URL, _figure("deployed", "source")),
    Column("Officers_Authorized", MAYBE_COUNT, _figure("authorized", "count")),
    Column("Officers_Authorized_As_Of", MAYBE_WHEN_OR_RANGE, _figure("authorized", "as_of")),
    Column("Officers_Authorized_Source", MAYBE_URL, _figure("authorized", "source")),
    # A ceiling ("up to 25 officers") is not a number of positions authorized: a column of its own,
    # so that a sum of Officers_Authorized never adds ceilings to it.
    Column("Officers_Authorized_Up_To", MAYBE_COUNT, _figure("authorized_up_to", "count")),
    Column("Officers_Authorized_Up_To_As_Of", MAYBE_WHEN_OR_RANGE, _figure("authorized_up_to", "as_of")),
    Column("Officers_Authorized_Up_To_Source", MAYBE_URL, _figure("authorized_up_to", "source")),
    Column(
        "Language_Of_Operation", {"type": ["string", "null"], "pattern": "^[a-z]{2}$"}, lambda r: r.mission.language
    ),
    Column("Language_Of_Operation_Name_EN", MAYBE_TEXT, _language_name("en")),
    Column("Language_Of_Operation_Name_FR", MAYBE_TEXT, _language_name("fr")),
    Column("Armed", {"type": ["boolean", "null"]}, lambda r: r.mission.armed),
    Column("Roles_EN", TEXTS, lambda r: [role.en for role in r.mission.roles]),
    Column("Roles_FR", TEXTS, lambda r: [role.fr for role in r.mission.roles]),
    Column("Mandate_EN", TEXT, lambda r: r.mission.mandate.en),
    Column("Mandate_FR", TEXT, lambda r: r.mission.mandate.fr),
    Column(
        "Sources",
        {"type": "array", "items": URL, "minItems": 1},
        lambda r: [source_address(r.facts.source(key)) for key in r.mission.sources],
    ),
    Column("Periods", {"type": "array", "items": PERIOD, "minItems": 1}, lambda r: _periods(r.mission)),
    Column("Updated", {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}, lambda r: r.mission.updated.isoformat()),
    Column("Page_EN", PAGE, lambda r: r.pages["en"]),
    Column("Page_FR", PAGE, lambda r: r.pages["fr"]),
)


ID_SCHEMA = COLUMNS[0].schema  # a key in the data: lowercase letters, digits and hyphens
_COLUMN_SCHEMA = {column.name: column.schema for column in COLUMNS}
# The columns of missions_officers.csv / the fields of each row of missions_officers.json, in order,
# with their JSON Schema (the Table Schema in datapackage.json is derived from it); a column that
# missions.csv also has takes its schema from there.
OFFICER_SCHEMAS: dict[str, dict[str, Any]] = {
    "Mission_ID": ID_SCHEMA,
    "Mission_Acronym": _COLUMN_SCHEMA["Mission_Acronym"],
    "Contributing_Country": _COLUMN_SCHEMA["Contributing_Country"],
    "ISOCode3": _COLUMN_SCHEMA["ISOCode3"],
    "Personnel_Type": _COLUMN_SCHEMA["Personnel_Type"],
    "Figure_Kind": {"type": "string", "enum": ["deployed", "authorized", "authorized_up_to"]},
    "Count": {"type": "integer", "minimum": 0},
    "As_Of": MAYBE_WHEN_OR_RANGE,
    "As_Of_Basis": {"type": "string", "enum": list(BASES)},
    "Source_Key": ID_SCHEMA,
    "Source_Title": TEXT,
    "Source_Publisher": TEXT,
    "Source_URL": URL,
}
OFFICER_COLUMNS = tuple(OFFICER_SCHEMAS)
# A figure is one number of one kind, for one date, from one source.
OFFICER_KEY = ("Mission_ID", "Figure_Kind", "Source_Key", "Count")


def rows(facts: Facts, routes: Routes, site_url: str) -> list[dict[str, Any]]:
    """One dict per mission, in the facts' order (newest start first), keys as the columns."""
    result = []
    for mission in facts.missions:
        page_id = country_page_id(mission.country)
        pages = {language: site_url + routes.path(page_id, language) for language in LANGUAGES}
        row = Row(mission, facts.place(mission.country), pages, facts)
        result.append({column.name: inert(column.value(row)) for column in COLUMNS})
    return result


def _total(value: Total) -> dict[str, Any]:
    """The sum of the latest figures; ``comparable`` is false when a mission has none or they are of
    different years, and the sum is then no total a reader should quote (the pages show none)."""
    return {
        "sum": value.value,
        "missions_with_figure": value.known,
        "missions": value.of,
        "comparable": value.comparable,
    }


def totals(facts: Facts) -> dict[str, Any]:
    """The site's totals, exactly as the pages show them (both read ``Facts``)."""
    return {
        "missions_now": len(facts.current),
        "countries_now": len(facts.countries_now),
        "officers_deployed_now": _total(facts.officers_deployed),
        "officers_authorized_now": _total(facts.officers_authorized),
        "operations_listed": facts.operations_listed,
        "countries_listed": len(facts.countries),
        "first_year": facts.first_year,
    }


def licence(localizers: dict[str, Localizer]) -> dict[str, dict[str, str]]:
    return {
        part: {language: fmt.t(f"opendata.licence.{part}") for language, fmt in localizers.items()}
        for part in ("name", "url", "attribution")
    }


def document(facts: Facts, routes: Routes, localizers: dict[str, Localizer], site_url: str) -> dict[str, Any]:
    """The content of missions.json."""
    return {
        "licence": licence(localizers),
        "totals": totals(facts),
        "operations_per_year": [{"year": year, "operations": count} for year, count in facts.active_by_year],
        "missions": rows(facts, routes, site_url),
    }


def schema(localizers: dict[str, Localizer], site_url: str) -> dict[str, Any]:
    """The JSON Schema (2020-12) of missions.json; each column described in both languages."""
    english, french = localizers["en"], localizers["fr"]

    def described(key: str, body: dict[str, Any]) -> dict[str, Any]:
        return {**body, "description": english.t(key), "x-description-fr": french.t(key)}

    total = {
        "type": "object",
        "required": ["sum", "missions_with_figure", "missions", "comparable"],
        "additionalProperties": False,
        "properties": {
            **{name: {"type": "integer", "minimum": 0} for name in ("sum", "missions_with_figure", "missions")},
            "comparable": {"type": "boolean"},
        },
    }
    bilingual = {
        "type": "object",
        "required": list(LANGUAGES),
        "additionalProperties": False,
        "properties": dict.fromkeys(LANGUAGES, TEXT),
    }
    count = {"type": "integer", "minimum": 0}
    total_properties = {
        "missions_now": count,
        "countries_now": count,
        "officers_deployed_now": total,
        "officers_authorized_now": total,
        "operations_listed": count,
        "countries_listed": count,
        "first_year": {"type": ["integer", "null"]},
    }
    mission = {
        "type": "object",
        "required": [column.name for column in COLUMNS],
        "additionalProperties": False,
        "properties": {column.name: described(f"opendata.column.{column.name}", column.schema) for column in COLUMNS},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url + SCHEMA_FILE,
        "title": english.t("opendata.schema.title"),
        "x-title-fr": french.t("opendata.schema.title"),
        "type": "object",
        "required": ["licence", "totals", "operations_per_year", "missions"],
        "additionalProperties": False,
        "properties": {
            "licence": {
                "type": "object",
                "required": ["name", "url", "attribution"],
                "additionalProperties": False,
                "properties": {"name": bilingual, "url": bilingual, "attribution": bilingual},
            },
            "totals": described(
                "opendata.schema.totals",
                {
                    "type": "object",
                    "required": list(total_properties),
                    "additionalProperties": False,
                    "properties": total_properties,
                },
            ),
            "operations_per_year": described(
                "opendata.schema.per_year",
                {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["year", "operations"],
                        "additionalProperties": False,
                        "properties": {"year": {"type": "integer"}, "operations": count},
                    },
                },
            ),
            "missions": described("opendata.schema.missions", {"type": "array", "items": mission}),
        },
    }


def _is_list(column: Column) -> bool:
    return column.schema.get("type") == "array"


NUMBER = {"type": "integer", "minimum": 1}


def _cell_of(name: str) -> Callable[[dict[str, Any]], Any]:
    """A row's value in the column ``name``."""
    return lambda row: row[name]


def tables(content: dict[str, Any], facts: Facts) -> list[Table]:
    """The CSV tables, one value per cell: the missions, then each list as rows of its own table,
    then every officer figure and every source the tables cite."""
    missions = content["missions"]
    flat = tuple(
        TableColumn(column.name, column.schema, _cell_of(column.name), key=column.name == "Mission_ID")
        for column in COLUMNS
        if not _is_list(column)
    )
    roles = [
        (row["Mission_ID"], number, english, french)
        for row in missions
        for number, (english, french) in enumerate(zip(row["Roles_EN"], row["Roles_FR"], strict=True), start=1)
    ]
    sources = [
        (mission.id, number, key, source_address(facts.source(key)))
        for mission in facts.missions
        for number, key in enumerate(mission.sources, start=1)
    ]
    periods = [
        (row["Mission_ID"], number, period)
        for row in missions
        for number, period in enumerate(row["Periods"], start=1)
    ]
    by_name = {column.name: column.schema for column in COLUMNS}
    return [
        Table("missions", CSV_FILE, flat, missions),
        _list_table(
            "mission_periods",
            PERIODS_FILE,
            "Period_Number",
            tuple(
                TableColumn(name, schema, _period_part(name), described_by="opendata.period.")
                for name, schema in PERIOD_SCHEMAS.items()
            ),
            periods,
            ((("Source_Key",), "sources", ("Source_Key",)),),
        ),
        _list_table(
            "mission_roles",
            ROLES_FILE,
            "Role_Number",
            (
                TableColumn("Role_EN", by_name["Roles_EN"]["items"], lambda r: r[2]),
                TableColumn("Role_FR", by_name["Roles_FR"]["items"], lambda r: r[3]),
            ),
            roles,
        ),
        _list_table(
            "mission_sources",
            SOURCES_FILE,
            "Source_Number",
            (
                TableColumn("Source_Key", ID_SCHEMA, lambda r: r[2]),
                TableColumn("Source", by_name["Sources"]["items"], lambda r: r[3]),
            ),
            sources,
            ((("Source_Key",), "sources", ("Source_Key",)),),
        ),
        officers_table(facts),
        sources_table(facts),
        women_table(facts),
    ]


def _period_part(name: str) -> Callable[[tuple[Any, ...]], Any]:
    """A period's value in the column ``name``, in a row of mission_periods.csv."""
    return lambda row: row[2][name]


def _list_table(
    name: str,
    file: str,
    number: str,
    items: tuple[TableColumn, ...],
    rows: list[tuple[Any, ...]],
    more_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = (),
) -> Table:
    """A table of one of the missions' lists: the mission's id and the item's number (together the
    row's key), then the item; each row points to its mission in the missions table."""
    key = (
        TableColumn("Mission_ID", ID_SCHEMA, lambda r: r[0], key=True),
        TableColumn(number, NUMBER, lambda r: r[1], key=True),
    )
    return Table(name, file, key + items, rows, ((("Mission_ID",), "missions", ("Mission_ID",)), *more_keys))


def officers_table(facts: Facts) -> Table:
    """missions_officers.csv: every officer figure (``officer_rows``), keyed by mission, kind, date and
    source; each row points to its mission and to its source."""
    columns = tuple(
        TableColumn(
            name, schema, _cell_of(name), key=name in OFFICER_KEY, described_by="opendata.officers."
        )
        for name, schema in OFFICER_SCHEMAS.items()
    )
    return Table(
        "missions_officers",
        OFFICERS_CSV,
        columns,
        officer_rows(facts),
        ((("Mission_ID",), "missions", ("Mission_ID",)), (("Source_Key",), "sources", ("Source_Key",))),
    )


def _archived(source: Source, language: str) -> str | None:
    return None if source.archived is None else source.archived[language]


def sources_table(facts: Facts) -> Table:
    """sources.csv: every source in data/sources.yaml, by key, one per row; a text or address the
    source does not have in a language is an empty cell."""
    columns = (
        TableColumn("Source_Key", ID_SCHEMA, lambda s: s.key, key=True),
        TableColumn("Publisher_EN", TEXT, lambda s: s.publisher.en),
        TableColumn("Publisher_FR", TEXT, lambda s: s.publisher.fr),
        TableColumn("Title_EN", MAYBE_TEXT, lambda s: s.title["en"]),
        TableColumn("Title_FR", MAYBE_TEXT, lambda s: s.title["fr"]),
        TableColumn("Address_EN", MAYBE_URL, lambda s: s.address["en"]),
        TableColumn("Address_FR", MAYBE_URL, lambda s: s.address["fr"]),
        TableColumn("Published", MAYBE_WHEN, lambda s: s.published.iso if s.published else None),
        # The range by evidence the pages give a source that states no date. The day an editor read
        # a source (consulted:) is a note for editors: never shown, so not published here either.
        TableColumn("Dated_By_Evidence", MAYBE_WHEN_OR_RANGE, lambda s: machine_date(s.dated)),
        TableColumn("Archived_EN", MAYBE_URL, lambda s: _archived(s, "en")),
        TableColumn("Archived_FR", MAYBE_URL, lambda s: _archived(s, "fr")),
    )
    sources = [facts.dataset.sources[key] for key in sorted(facts.dataset.sources)]
    return Table("sources", SOURCES_TABLE_FILE, columns, sources)


def women_table(facts: Facts) -> Table:
    """women_deployed.csv: every dated count of women among deployed Canadian police, oldest first,
    with what it covers (un_missions: UN missions only; one_mission: one mission's contingent, named
    in Mission_ID) and its source; each row points to its source in sources.csv."""
    described = "opendata.women."
    columns = (
        TableColumn("Count_ID", ID_SCHEMA, lambda f: f.id, key=True, described_by=described),
        TableColumn("As_Of", WHEN, lambda f: f.as_of.iso, described_by=described),
        TableColumn("Women", {"type": "integer", "minimum": 0}, lambda f: f.women, described_by=described),
        TableColumn("Police_Counted", MAYBE_COUNT, lambda f: f.total, described_by=described),
        TableColumn("Covers", {"type": "string", "enum": list(COVERS)}, lambda f: f.covers, described_by=described),
        TableColumn("Mission_ID", MAYBE_TEXT, lambda f: f.mission, described_by=described),
        TableColumn("Source_Key", ID_SCHEMA, lambda f: f.source, described_by=described),
    )
    counts = sorted(facts.dataset.people.women_deployed, key=lambda f: (f.as_of.first_day, f.id))
    return Table("women_deployed", WOMEN_CSV, columns, counts, ((("Source_Key",), "sources", ("Source_Key",)),))


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def officer_rows(facts: Facts) -> list[dict[str, Any]]:
    """Every officer figure of every mission: missions in the facts' order, each one's figures by kind
    (deployed, authorized, authorized_up_to) and newest first. As_Of_Basis says where the date comes
    from: stated (the figure's own as_of), published (its source's date), dated (its source's range by
    evidence) or not_stated (no date: As_Of is empty)."""
    contributor = _contributor()
    rows = []
    for mission in facts.missions:
        for kind in facts.kinds(mission):
            for figure in facts.figures(mission, kind):
                source = figure.source
                title_language = "en" if source.title["en"] else "fr"
                row = {
                    "Mission_ID": mission.id,
                    "Mission_Acronym": mission.acronym.en,
                    "Contributing_Country": contributor.name.en,
                    "ISOCode3": contributor.iso3,
                    "Personnel_Type": PERSONNEL_TYPE,
                    "Figure_Kind": kind,
                    "Count": figure.count,
                    "As_Of": figure.as_of or None,
                    "As_Of_Basis": figure.basis,
                    "Source_Key": source.key,
                    "Source_Title": source.title[title_language],
                    "Source_Publisher": source.publisher.en,
                    "Source_URL": source_address(source),
                }
                rows.append({name: inert(value) for name, value in row.items()})
    return rows


def officer_document(facts: Facts, localizers: dict[str, Localizer]) -> dict[str, Any]:
    """missions_officers.json: the licence, what each column means, and the rows."""
    return {
        "licence": licence(localizers),
        "columns": {
            name: {language: fmt.t(f"opendata.officers.{name}") for language, fmt in localizers.items()}
            for name in OFFICER_COLUMNS
        },
        "as_of": facts.as_of.isoformat(),
        "observations": officer_rows(facts),
    }


def open_data_files(
    facts: Facts, routes: Routes, localizers: dict[str, Localizer], site_url: str, publisher: SitePublisher
) -> dict[str, bytes]:
    """File name -> exact bytes, for the build to write at the top of the site."""
    content = document(facts, routes, localizers, site_url)
    csv_tables = tables(content, facts)
    files = {JSON_FILE: _json(content)}
    files.update({table.file: table.csv_bytes() for table in csv_tables})
    files[SCHEMA_FILE] = _json(schema(localizers, site_url))
    files[OFFICERS_JSON] = _json(officer_document(facts, localizers))
    package = datapackage.descriptor(csv_tables, localizers, site_url, publisher, facts)
    files[PACKAGE_FILE] = _json(package)
    if set(files) != set(FILES):  # FILES lists them for the interface texts and the pages
        raise ValueError(f"open data files {sorted(files)} differ from FILES {sorted(FILES)}")
    return files
