"""open.canada.ca's dataset fields for the open data, in both languages, from the data.

Why: the Government's open data portal (CKAN with the ckanext-canada schema) asks every dataset for
fields a Data Package does not have: a title and description in each language, keywords in each
language, subjects from its list, a contact e-mail, how often the data is updated, the period and
the places it covers, the jurisdiction, the licence, and each file's title and language. They go in
``datapackage.json`` under ``x-open-canada`` (the dataset's) and in each resource's ``x-open-canada``,
named as the portal names them, so loading them is a copy. Each comes from the data: the titles and
descriptions from data/interface.yaml, keywords and subjects from data/dataset.yaml, the e-mail from
who publishes the data (data/contacts.yaml's on an official site; data/publisher.yaml's independent
e-mail, if any, on an independent one), the frequency from the review dates (as_of to review_by), the period from the
missions' dates (to as_of while one is under way), the places from the missions' countries and
territories, each file's languages from its columns (``_EN``, ``_FR``). tests/test_open_canada.py
checks them against the portal's own schema, vendored in tests/open_canada/.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from peaceops.facts import Facts
from peaceops.languages import LANGUAGES
from peaceops.pages.localize import Localizer
from peaceops.source.publisher import SitePublisher

JURISDICTION = "federal"  # the program is the Government of Canada's
LICENCE = "ca-ogl-lgo"  # the portal's id of the Open Government Licence - Canada
# The portal's regular update frequencies (ISO 8601 durations) and their length in days; the one
# closest to the time between as_of and review_by is the data's.
FREQUENCIES = (
    ("P1D", 1),
    ("P1W", 7),
    ("P2W", 14),
    ("P1M", 30.44),
    ("P2M", 60.88),
    ("P3M", 91.31),
    ("P4M", 121.75),
    ("P6M", 182.62),
    ("P1Y", 365.25),
    ("P2Y", 730.5),
    ("P3Y", 1095.75),
    ("P4Y", 1461),
    ("P5Y", 1826.25),
)
NO_LANGUAGE = "zxx"  # the portal's code for a file with no words in any language


def frequency(as_of: date, review_by: date) -> str:
    """The portal's frequency closest to the time between the data's check and its next one."""
    days = (review_by - as_of).days
    return min(FREQUENCIES, key=lambda choice: abs(choice[1] - days))[0]


def coverage(facts: Facts) -> tuple[date, date] | None:
    """(first day, last day) the missions cover: from the earliest start to the latest end, or to the
    day the data was checked (as_of) while a mission is under way; None without any start."""
    starts = [m.start.first_day for m in facts.missions if m.start]
    if not starts:
        return None
    ends = [m.end.last_day for m in facts.missions if m.end]
    last = facts.as_of if facts.current or not ends else max(ends)
    return min(starts), last


def file_languages(columns: list[str]) -> list[str]:
    """The languages of a file's words, by its columns' suffixes (Name_EN, Name_FR); ``zxx`` if none."""
    found = [code for code in LANGUAGES if any(c.endswith("_" + code.upper()) for c in columns)]
    return found or [NO_LANGUAGE]


def dataset_fields(facts: Facts, localizers: dict[str, Localizer], publisher: SitePublisher) -> dict[str, Any]:
    """The dataset's fields, by the portal's names. The contact e-mail is whoever publishes the data:
    the program's on an official site, the independent publisher's on an independent one, and none
    when it gives none (an independent copy is not loaded on the Government's portal)."""
    review = facts.dataset.review

    def both(key: str) -> dict[str, str]:
        return {code: localizers[code].t(key) for code in LANGUAGES}

    fields: dict[str, Any] = {
        "title_translated": both("dataset.name"),
        "notes_translated": both("dataset.description"),
        "keywords": {code: list(review.keywords[code]) for code in LANGUAGES},
        "subject": list(review.open_canada_subject),
    }
    if publisher.email is not None:
        fields["maintainer_email"] = publisher.email
    fields |= {
        "frequency": frequency(review.as_of, review.review_by),
        "jurisdiction": JURISDICTION,
        "license_id": LICENCE,
    }
    period = coverage(facts)
    if period is not None:
        fields["time_period_coverage_start"] = period[0].isoformat()
        fields["time_period_coverage_end"] = period[1].isoformat()
    fields["x-places"] = [
        {"code": c.place.code, "iso3166": c.place.iso2, **{code: c.place.name[code] for code in LANGUAGES}}
        for c in facts.countries
    ]
    return fields


def resource_fields(title: dict[str, str], columns: list[str], file_format: str) -> dict[str, Any]:
    """A file's fields, by the portal's names."""
    return {"name_translated": title, "language": file_languages(columns), "format": file_format}
