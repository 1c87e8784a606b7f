"""The kinds of value an editor types: texts, counts, years or dates, web and email addresses.

Why: the YAML reader hands every value over as the text the editor typed. These types turn that text
into a number, a date or a checked string, and explain in plain words what was expected when they
cannot. The JSON Schema each one publishes is what editors' tools check while they type.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from peaceops.source import languagecodes
from peaceops.source.messages import describe, message

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

# [^<>]: a try that meets another < stops there, so a text of many < costs one reading, not one per <.
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]*>|javascript:", re.IGNORECASE)
# A Markdown image or link, inline (![a](b), [a](b)) or by reference ([a][b]). [^\[\]\n]: a try
# stops at the next bracket, so many [ cost one reading.
_MARKDOWN_LINK = re.compile(r"!?\[[^\[\]\n]*\](?:\([^()\n]*\)|\[[^\[\]\n]*\]|[(\[])")
_URL = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s<>\"]*)?$")
# What a browser does to an address before it reads it (WHATWG URL standard): leading and trailing
# control characters and spaces dropped, tabs and line breaks removed anywhere, the scheme read in
# any case. "java\nscript:" is javascript: to a browser, "HTTPS:" is https:.
_BROWSER_TRIM = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_BROWSER_DROPS = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
WEB_SCHEMES = ("https", "http")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_YEAR = re.compile(r"^\d{4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def fail(kind: str, value: Any, **extra: Any) -> PydanticCustomError:
    """An error whose ``kind`` names a message in ``messages.MESSAGES``."""
    return PydanticCustomError(kind, kind, {"got": describe(value), **extra})


# Characters XML 1.0 cannot hold (the feed, the sitemap, the open data's XML would be unreadable),
# and that no editor means to type: control characters other than tab and line breaks, lone
# surrogates, U+FFFE and U+FFFF. YAML lets them in only as escapes ("\x01", "\u0008").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _scalar(value: Any, kind: str = "not_text", **extra: Any) -> str:
    """The text the editor typed, trimmed; every field type starts here, so every field refuses the
    characters a reader's software cannot hold. A group or a list is refused with ``kind``'s message
    (``extra``: what else that message names)."""
    if isinstance(value, (dict, list)):
        raise fail(kind, value, **extra)
    if value is None:
        return ""
    text = str(value).strip()
    found = _NOT_XML.search(text)
    if found:
        raise PydanticCustomError(
            "control_character", "control_character", {"code": f"U+{ord(found.group(0)):04X}", "at": found.start() + 1}
        )
    return text


def _plain_text(value: Any) -> str:
    text = _scalar(value)
    if not text:
        raise fail("empty", value)
    found = _TAG.search(text)
    if found:
        raise fail("html", value, tag=found.group(0))
    found = _MARKDOWN_LINK.search(text)
    if found:
        raise fail("markdown_link", value, found=found.group(0))
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


def _degrees(limit: int) -> Callable[[Any], float]:
    """A latitude (limit 90) or longitude (180) in decimal degrees, south and west negative."""

    def check(value: Any) -> float:
        text = _scalar(value, "degrees", limit=limit)
        if not re.fullmatch(r"-?\d{1,3}(\.\d+)?", text) or abs(float(text)) > limit:
            raise fail("degrees", value, limit=limit)
        return float(text)

    return check


def _yes_no(value: Any) -> bool:
    text = _scalar(value, "yes_no").lower()
    if text in {"yes", "true"}:
        return True
    if text in {"no", "false"}:
        return False
    raise fail("yes_no", value)


class WebAddress(str):
    """An address checked by ``_url``: what the pages may write into an ``href`` as it is."""

    __slots__ = ()


def browser_reading(address: str) -> str:
    """``address`` as a browser reads it: see _BROWSER_TRIM."""
    return _BROWSER_DROPS.sub("", _BROWSER_TRIM.sub("", address))


def scheme(address: str) -> str | None:
    """The scheme a browser finds in ``address`` (``javascript`` in "JavaScript :..."), lower-cased, or None."""
    found = _SCHEME.match(browser_reading(address))
    return found.group(1).lower() if found else None


def _url(value: Any) -> WebAddress:
    if isinstance(value, str):
        found = scheme(value)
        # A mistyped https (htps:, hhtps:) is a typo, told as such below; any other scheme is refused.
        if found is not None and not difflib.get_close_matches(found, WEB_SCHEMES, n=1, cutoff=0.7):
            raise fail("url_scheme", value.strip(), scheme=found)
    text = _scalar(value)
    reading = _SCHEME.sub(lambda m: m.group(0).lower(), text, count=1)
    if not _URL.fullmatch(reading) or reading != browser_reading(reading):
        raise fail("url", value)
    return WebAddress(reading)


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


def _public_url(value: Any) -> WebAddress:
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


def _language_code(value: Any) -> str:
    """A language's two-letter ISO 639-1 code, as typed (lowercase); a name or a near miss gets the
    code it most likely means."""
    if isinstance(value, (dict, list)):  # one main language, not several
        raise fail("language_code", value, suggestion="")
    text = _scalar(value)
    if text in languagecodes.codes():
        return text
    match = languagecodes.meant(text) if text else None
    raise fail("language_code", value, suggestion=message("did_you_mean", match=match) if match else "")


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
Latitude = Annotated[
    float, BeforeValidator(_degrees(90)), WithJsonSchema({"type": "number", "minimum": -90, "maximum": 90})
]
Longitude = Annotated[
    float, BeforeValidator(_degrees(180)), WithJsonSchema({"type": "number", "minimum": -180, "maximum": 180})
]
# Editors' tools read YAML 1.2, where yes and no are texts, not true and false: the schema accepts both.
YesNo = Annotated[bool, BeforeValidator(_yes_no), WithJsonSchema({"enum": ["yes", "no", True, False]})]
Url = Annotated[
    str, PlainValidator(_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})
]
# A source's key, as a mission or fact cites it; whether data/sources.yaml has it is checked across files.
SourceKey = Annotated[str, BeforeValidator(_plain_text), WithJsonSchema({"type": "string", "pattern": _ID.pattern})]
PublicUrl = Annotated[
    str, PlainValidator(_public_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})
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
# Any language, by its ISO 639-1 code (es, ar, ht); editors' tools offer the codes CLDR names.
LanguageCode = Annotated[
    str,
    PlainValidator(_language_code),
    WithJsonSchema({"type": "string", "enum": sorted(languagecodes.codes())}),
]
Day = Annotated[date, PlainValidator(_day), WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
