"""datapackage.json: the open data's CSV files described as a Frictionless Data Package.

Why: a data portal (open.canada.ca, CKAN) or a tool such as ``frictionless validate`` reads this
file to know what each CSV file holds, the type, format and constraints of each column, how tables
join (primary and foreign keys), under which licence the data is published and by whom, instead of
guessing. Titles and descriptions are in English, with the French beside them (``x-title-fr``,
``x-description-fr``, as in missions.schema.json), all from data/interface.yaml. The fields
open.canada.ca asks for that a Data Package has no place for (keywords and subjects in both
languages, contact, frequency, period, places, jurisdiction, each file's language) are under
``x-open-canada``, by the portal's names (``opencanada.py``). The publisher named is who publishes
the site (``Website.site_publisher``: the organization on an official site, the independent publisher
otherwise). Nothing in it depends on the clock: same data, same bytes.
"""
from __future__ import annotations

from typing import Any

from peaceops.facts import Facts
from peaceops.outputs import opencanada
from peaceops.outputs.opentables import Table
from peaceops.pages.localize import Localizer
from peaceops.source.publisher import SitePublisher

FILE = "datapackage.json"
NAME = "canadian-police-peace-operations"
# The SPDX identifier of the Open Government Licence – Canada, version 2.0.
LICENCE_ID = "OGL-Canada-2.0"


def descriptor(
    tables: list[Table], localizers: dict[str, Localizer], site_url: str, publisher: SitePublisher, facts: Facts
) -> dict[str, Any]:
    english, french = localizers["en"], localizers["fr"]

    def both(key: str, name: str) -> dict[str, str]:
        return {name: english.t(key), f"x-{name}-fr": french.t(key)}

    contributor = {"title": publisher.name.en, "x-title-fr": publisher.name.fr}
    address = publisher.address("en")
    if address is not None:
        contributor["path"] = address
    keywords = facts.dataset.review.keywords
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "id": site_url + FILE,
        **both("dataset.name", "title"),
        **both("dataset.description", "description"),
        "homepage": site_url,
        "keywords": list(keywords.en),
        "x-keywords-fr": list(keywords.fr),
        "licenses": [
            {
                "name": LICENCE_ID,
                "path": english.t("opendata.licence.url"),
                "x-path-fr": french.t("opendata.licence.url"),
                **both("opendata.licence.name", "title"),
            }
        ],
        "contributors": [{**contributor, "role": "publisher"}],
        "x-open-canada": opencanada.dataset_fields(facts, localizers, publisher),
        "resources": [resource(table, english, french) for table in tables],
    }


def resource(table: Table, english: Localizer, french: Localizer) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": table.file,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        # UTF-8, with a byte-order mark so that spreadsheets read it as UTF-8 (readers skip it).
        "encoding": "utf-8",
        "title": english.t(f"opendata.table.{table.name}"),
        "x-title-fr": french.t(f"opendata.table.{table.name}"),
        "description": english.t(f"opendata.table.{table.name}.description"),
        "x-description-fr": french.t(f"opendata.table.{table.name}.description"),
        "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "lineTerminator": "\r\n", "header": True},
        "schema": table.table_schema(english, french),
        "x-open-canada": opencanada.resource_fields(
            {
                "en": english.t(f"opendata.table.{table.name}"),
                "fr": french.t(f"opendata.table.{table.name}"),
            },
            [column.name for column in table.columns],
            "CSV",
        ),
    }
