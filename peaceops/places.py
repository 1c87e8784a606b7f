"""Where missions are: country names in both languages, territories, and page addresses.

Why: country names come from a maintained source (pycountry's copy of the ISO 3166 data and its
French translation) so that editors type only a two-letter code; ``data/countries.yaml`` overrides a
name where Canada's usage differs and adds territories, such as the West Bank, that ISO does not list.
"""
from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pycountry

from .model import CountriesFile, Text


@dataclass(frozen=True)
class Place:
    code: str  # as editors write it: "HT" or "west-bank"
    name: Text
    iso2: str | None  # the ISO country whose shape marks it on a map
    iso3: str | None  # for joining with the UN's data (ISOCode3)

    def slug(self, language: str) -> str:
        # A name with no letter or digit in it (a territory called "~") still gets an address.
        return slugify(self.name[language]) or slugify(self.code)


@cache
def _french() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


def iso_country(code: str) -> Place | None:
    """The place for an ISO 3166-1 alpha-2 code as the standard names it, or None."""
    if not re.fullmatch(r"[A-Z]{2}", code):
        return None
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    english = getattr(country, "common_name", None) or country.name
    return Place(code, Text(en=english, fr=_french().gettext(country.name)), code, country.alpha_3)


class Gazetteer:
    """Look up a place by the code editors use, with the data's names taking precedence."""

    def __init__(self, countries: CountriesFile):
        self._names = countries.names
        self._territories = countries.territories

    def get(self, code: str) -> Place | None:
        if code in self._territories:
            territory = self._territories[code]
            parent = iso_country(territory.iso) if territory.iso else None
            return Place(code, territory.name, territory.iso, parent.iso3 if parent else None)
        place = iso_country(code)
        if place is not None and code in self._names:
            place = Place(code, self._names[code], place.iso2, place.iso3)
        return place

    def known_codes(self) -> list[str]:
        return sorted(self._territories) + [c.alpha_2 for c in pycountry.countries]


def slugify(text: str) -> str:
    """A readable web address part: "Côte d'Ivoire" -> "cote-divoire"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
