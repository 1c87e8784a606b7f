"""The kinds of value an editor types: texts, counts, years or dates, web and email addresses.

Why: the YAML reader hands every value over as the text the editor typed. These types turn that text
into a number, a date or a checked string, and explain in plain words what was expected when they
cannot. The JSON Schema each one publishes is what editors' tools check while they type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from peaceops.source.messages import describe

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript:", re.IGNORECASE)
_URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s<>\"]*)?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_YEAR = re.compile(r"^\d{4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def fail(kind: str, value: Any, **extra: Any) -> PydanticCustomError:
    """An error whose ``kind`` names a message in ``messages.MESSAGES``."""
    return PydanticCustomError(kind, kind, {"got": describe(value), **extra})


def _scalar(value: Any, kind: str = "not_text") -> str:
    if isinstance(value, (dict, list)):
        raise fail(kind, value)
    if value is None:
        return ""
    return str(value).strip()


def _plain_text(value: Any) -> str:
    text = _scalar(value)
    if not text:
        raise fail("empty", value)
    found = _TAG.search(text)
    if found:
        raise fail("html", value, tag=found.group(0))
    return text


def _count(value: Any) -> int:
    text = _scalar(value, "whole_number")
    if re.fullmatch(r"-?\d+", text):
        number = int(text)
        if number < 0:
            raise fail("negative", value)
        return number
    if re.fullmatch(r"\d{1,3}([, \u00a0\u202f]\d{3})+", text):
        raise fail("thousands", value)
    if re.fullmatch(r"-?\d*[.,]\d+", text):
        raise fail("fractional", value)
    raise fail("whole_number", value)


def _year(value: Any) -> int:
    text = _scalar(value, "whole_number")
    if not _YEAR.fullmatch(text) or not EARLIEST_YEAR <= int(text) <= LATEST_YEAR:
        raise fail("year_range", value, low=EARLIEST_YEAR, high=LATEST_YEAR)
    return int(text)


def _yes_no(value: Any) -> bool:
    text = _scalar(value, "yes_no").lower()
    if text in {"yes", "true"}:
        return True
    if text in {"no", "false"}:
        return False
    raise fail("yes_no", value)


def _url(value: Any) -> str:
    text = _scalar(value)
    if not _URL.fullmatch(text):
        raise fail("url", value)
    return text


# Hosts that are not the public's: development, staging and test servers, and cloud clusters' own
# names (veterans.dev.aks.cloud...). A source must be a public, canonical address.
_NON_PUBLIC_LABELS = {
    "dev",
    "develop",
    "development",
    "staging",
    "stage",
    "stg",
    "test",
    "testing",
    "qa",
    "uat",
    "preprod",
    "pre-prod",
    "sandbox",
    "localhost",
    "local",
    "internal",
    "intranet",
}
_NON_PUBLIC_SUFFIXES = (".aks.cloud", ".localhost", ".local", ".internal", ".test", ".example", ".invalid")


def non_public_host(address: str) -> str | None:
    """The host of ``address`` if it is a development, staging or test host; otherwise None."""
    host = re.sub(r"^https?://", "", address).split("/", 1)[0].split(":", 1)[0].lower()
    labels = host.split(".")
    if host.endswith(_NON_PUBLIC_SUFFIXES) or re.fullmatch(r"[\d.]+", host):
        return host
    for label in labels[:-1]:  # the last label is the top-level domain (web.dev is public)
        if label in _NON_PUBLIC_LABELS or re.search(
            r"^(dev|staging|stage|test|uat|qa)-|-(dev|staging|stage|test|uat|qa)$", label
        ):
            return host
    return None


def _public_url(value: Any) -> str:
    text = _url(value)
    host = non_public_host(text)
    if host:
        raise fail("non_public_host", value, host=host)
    return text


def _email(value: Any) -> str:
    text = _scalar(value)
    if not _EMAIL.fullmatch(text):
        raise fail("email", value)
    return text


def _identifier(value: Any) -> str:
    text = _scalar(value)
    if not _ID.fullmatch(text):
        raise fail("id", value)
    return text


@dataclass(frozen=True, order=True)
class When:
    """A year (``2004``), a month (``2025-03``) or a full date (``2004-06-01``), as precise as the source."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def is_year(self) -> bool:
        return self.month == 0

    @property
    def is_month(self) -> bool:
        return self.month != 0 and self.day == 0

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.is_year:
            return date(self.year, 12, 31)
        if self.is_month:
            following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(self.year, self.month, self.day)

    @property
    def decade(self) -> int:
        return self.year // 10 * 10

    @property
    def iso(self) -> str:
        if self.is_year:
            return f"{self.year:04d}"
        if self.is_month:
            return f"{self.year:04d}-{self.month:02d}"
        return self.first_day.isoformat()

    def __str__(self) -> str:
        return self.iso


def parse_when(value: Any) -> When:
    if isinstance(value, When):
        return value
    text = _scalar(value, "date")
    if _YEAR.fullmatch(text):
        year = int(text)
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise fail("year_range", value, low=EARLIEST_YEAR, high=LATEST_YEAR)
        return When(year)
    if _DATE.fullmatch(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise fail("impossible_date", value) from None
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise fail("year_range", value, low=EARLIEST_YEAR, high=LATEST_YEAR)
        return When(day.year, day.month, day.day)
    if _MONTH.fullmatch(text):
        year, month = int(text[:4]), int(text[5:])
        if not 1 <= month <= 12:
            raise fail("impossible_date", value) from None
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise fail("year_range", value, low=EARLIEST_YEAR, high=LATEST_YEAR)
        return When(year, month)
    raise fail("date", value)


def _day(value: Any) -> date:
    if not _DATE.fullmatch(_scalar(value, "full_date")):
        raise fail("full_date", value)
    return parse_when(value).first_day


PlainText = Annotated[str, BeforeValidator(_plain_text), WithJsonSchema({"type": "string", "minLength": 1})]
Count = Annotated[int, BeforeValidator(_count), WithJsonSchema({"type": "integer", "minimum": 0})]
Year = Annotated[
    int,
    BeforeValidator(_year),
    WithJsonSchema({"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR}),
]
# Editors' tools read YAML 1.2, where yes and no are texts, not true and false: the schema accepts both.
YesNo = Annotated[bool, BeforeValidator(_yes_no), WithJsonSchema({"enum": ["yes", "no", True, False]})]
Url = Annotated[
    str, BeforeValidator(_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})
]
# A source's key, as a mission or fact cites it; whether data/sources.yaml has it is checked across files.
SourceKey = Annotated[str, BeforeValidator(_plain_text), WithJsonSchema({"type": "string", "pattern": _ID.pattern})]
PublicUrl = Annotated[
    str, BeforeValidator(_public_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})
]
Email = Annotated[str, BeforeValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]
Identifier = Annotated[str, BeforeValidator(_identifier), WithJsonSchema({"type": "string", "pattern": _ID.pattern})]
YearOrDate = Annotated[
    When,
    PlainValidator(parse_when),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": EARLIEST_YEAR, "maximum": LATEST_YEAR},
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            ]
        }
    ),
]
Day = Annotated[date, PlainValidator(_day), WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
