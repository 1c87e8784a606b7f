"""Words and numbers in the reader's language: interface text, numbers, dates, figures.

Why: "3,000" is "3 000" in French and "October 15, 2017" is "15 octobre 2017". Formatting goes through
Babel's CLDR data rather than hand-written rules, and every label comes from ``data/interface.yaml``,
so no English can reach a French page from code or templates.
"""

from __future__ import annotations

import builtins
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from babel.dates import format_date as babel_format_date
from babel.lists import format_list
from babel.numbers import format_decimal as babel_format_decimal
from babel.numbers import format_percent
from markupsafe import Markup

from peaceops.languages import LOCALES
from peaceops.pages.inert import html_text
from peaceops.pages.typography import french
from peaceops.source import languagecodes
from peaceops.source.fieldtypes import When
from peaceops.source.model import EvidenceRange, Text
from peaceops.source.placeholders import PlaceholderError, fill

# The date phrases (``date.<kind>.<precision>`` in data/interface.yaml) and the precisions of a date.
DATE_PHRASES = (
    "in", "since", "since_at_least", "since_earliest", "from", "to", "from_at_least", "until",
    "to_at_least", "between", "and", "after", "or_later", "by",
)  # fmt: skip
PRECISIONS = ("year", "month", "day")


class MissingText(KeyError):
    """An interface text the templates need is not in data/interface.yaml."""


class UnfilledText(Exception):
    """An interface text names a value in braces that the site does not fill in where it is used."""

    def __init__(self, key: str, name: str, known: list[str]):
        super().__init__(f"{key}: {{{name}}}")
        self.key, self.name, self.known = key, name, known


# Babel parses the locale's pattern on every call (about a millisecond); a site formats the same
# counts and dates thousands of times at a thousand operations (issue 21). Same value, same text.
@lru_cache(maxsize=8192, typed=True)
def format_decimal(value: int, locale: str) -> str:
    return babel_format_decimal(value, locale=locale)


@lru_cache(maxsize=8192, typed=True)
def format_date(value: date, format: str, locale: str) -> str:  # noqa: A002 - Babel's own name
    return babel_format_date(value, format=format, locale=locale)


class Localizer:
    def __init__(self, language: str, interface: dict[str, Text]):
        self.language = language
        self.locale = LOCALES[language]
        self._interface = interface

    def t(self, key: str, **params: object) -> str:
        """The interface text ``key`` in this language, with ``{name}`` placeholders filled."""
        text = self._text(key)
        if not params:
            return self._typeset(text)
        return self._typeset(self._fill(key, text, params))

    def t_html(self, key: str, **params: object) -> Markup:
        """Like ``t``, as HTML: the text and plain values escaped, values already HTML kept (a title in
        another language, marked with its ``lang``)."""
        text = self._typeset(self._text(key))
        values = {name: html_text(self._html_value(value)) for name, value in params.items()}
        # The words around the placeholders are escaped, and so is every value.
        return Markup(self._fill(key, text, values, lambda words: str(html_text(words))))  # noqa: S704

    def _html_value(self, value: object) -> object:
        return value if isinstance(value, Markup) else self._typeset(str(value))

    def _text(self, key: str) -> str:
        try:
            return self._interface[key][self.language]
        except KeyError:
            raise MissingText(f'the interface text "{key}" is missing from data/interface.yaml') from None

    @staticmethod
    def _fill(key: str, text: str, params: Mapping[str, object], literal: Callable[[str], str] = str) -> str:
        """Plain names only, filled with the values' text (never ``str.format``: see placeholders.py)."""
        try:
            return fill(text, params, literal)
        except KeyError as error:
            raise UnfilledText(key, str(error.args[0]), sorted(params)) from None
        except PlaceholderError as error:  # the data is checked on loading; a text made in code is not
            raise UnfilledText(key, error.found, sorted(params)) from None

    def in_language(self, text: str, language: str) -> Markup | str:
        """A text in ``language``: marked with its lang when that is not the page's language."""
        if language == self.language:
            return text
        return Markup('<span lang="{}">{}</span>').format(html_text(language), html_text(text))

    def text(self, value: Text) -> str:
        return self._typeset(value[self.language])

    def _typeset(self, text: str) -> str:
        """French texts get French typography (peaceops/pages/typography.py), whatever spaces the editor typed."""
        return french(text) if self.language == "fr" else text

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def language_name(self, code: str) -> str:
        """A language of operation named in this language, as CLDR writes it: "Spanish", "espagnol"."""
        return self._typeset(languagecodes.name(code, self.language))

    def when(self, value: When, with_year: bool = True) -> str:
        """A year as typed, a month in words ("March 2025", "mars 2025"), or a full date in words
        ("October 15, 2017", "15 octobre 2017"; the first of a month "1er" in French). Without its
        year, for the first of two dates that share it ("February 24", "24 février")."""
        if value.is_year:
            return str(value.year)
        if value.is_month:
            return format_date(value.first_day, format="MMMM y" if with_year else "MMMM", locale=self.locale)
        if with_year:
            return self.long_day(value.first_day)
        text = format_date(value.first_day, format="d MMMM" if self.language == "fr" else "MMMM d", locale=self.locale)
        return "1er" + text[1:] if self.language == "fr" and value.day == 1 else text

    @staticmethod
    def precision(value: When) -> str:
        """How precise a date is, the last part of a date phrase's key: year, month or day."""
        return "year" if value.is_year else "month" if value.is_month else "day"

    def phrase(self, kind: str, value: When, with_year: bool = True) -> str:
        """A date inside a sentence, with the words its precision takes (``date.<kind>.<precision>``):
        "since 2014", "depuis 2014", "depuis le 15 octobre 2017", "d'avril 2005" (see STYLE.md)."""
        text = self.t(f"date.{kind}.{self.precision(value)}", date=self.when(value, with_year))
        return _elided(text) if self.language == "fr" else text

    def between(self, earliest: When, latest: When) -> str:
        """Two dates something happened between: "between February 24 and March 17, 2022", "entre le
        24 février et le 17 mars 2022" (the year said once when both share it)."""
        shared = earliest.year == latest.year and not earliest.is_year and not latest.is_year
        return f"{self.phrase('between', earliest, with_year=not shared)} {self.phrase('and', latest)}"

    def span(self, earliest: When, latest: When) -> str:
        """Two dates as one range beside a figure: the date itself when both are one, the year when
        both fall in it, else the years ("2016–2023"): a figure's date never reads as a sentence."""
        if earliest == latest:
            return self.when(earliest)
        if earliest.year == latest.year:
            return str(earliest.year)
        return self.t("date.span", earliest=str(earliest.year), latest=str(latest.year))

    def dating(self, value: When | EvidenceRange | None) -> str:
        """A figure's date as a reader sees it beside the figure: "April 2021", a range ("2016–2023"),
        a single bound where the evidence gives only one ("by 2009"; STYLE.md says why it is rare), or
        "date not stated"."""
        if isinstance(value, When):
            return self.when(value)
        if isinstance(value, EvidenceRange):
            if value.earliest is not None and value.latest is not None:
                return self.span(value.earliest, value.latest)
            if value.earliest is not None:
                return self.phrase("or_later", value.earliest)
            if value.latest is not None:
                return self.phrase("by", value.latest)
        return self.t("date.not_stated")

    def long_day(self, value: date) -> str:
        """A date in words: "November 30, 2026", "30 novembre 2026", "1er décembre 2026"."""
        text = format_date(value, format="long", locale=self.locale)
        if self.language == "fr" and value.day == 1:
            return "1er" + text[1:]  # le Guide du rédacteur : le 1er décembre, et non le 1 décembre
        return text

    def list(self, items: list[str], style: Literal["standard", "or"] = "standard") -> str:
        """ "A, B and C" in the language's own way ("A, B, and C" in English, "A, B et C" in French);
        ``style="or"``: "A, B or C", for what a sentence says none of ("no source gives A, B or C")."""
        return format_list(items, style=style, locale=self.locale)

    def percent(self, value: float) -> str:
        """2 -> "200%" in English, "200 %" in French (with a no-break space)."""
        return format_percent(value, locale=self.locale)

    def alphabetical(self, items: Iterable[Any], attribute: str) -> builtins.list[Any]:
        """``items`` in the alphabetical order of a bilingual text they hold (``"place.name"``), in this
        language, as a reader looks a name up: accents and case set aside first ("États-Unis" among the
        E, not after "Ukraine"), then as written, so the order never depends on the input's."""

        def name(item: Any) -> str:
            value = item
            for part in attribute.split("."):
                value = getattr(value, part)
            return str(value[self.language])

        return sorted(items, key=lambda item: collation_key(name(item)))

    def figure(self, value: Any) -> str:
        """A program figure as the source words it: "close to 3,000", "près de 3 000"."""
        return self.t(f"qualifier.{value.qualifier}", n=self.number(value.count))


# "de" before a month that begins with a vowel is "d'" (d'avril 2005, d'août, d'octobre).
_BEFORE_VOWEL = re.compile(r"\b([Dd])e (?=(?:avril|août|octobre)\b)")


def _elided(text: str) -> str:
    return _BEFORE_VOWEL.sub(r"\1'", text)


def collation_key(name: str) -> tuple[str, str]:
    """Sort key for names, in either language: the letters with accents and case set aside, then the
    name as written to order names that differ only by them (Haiti before Haïti, both before Irak)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return folded, name
