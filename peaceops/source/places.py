"""Where missions are: country names in both languages, territories, and page addresses.

Why: country names come from a maintained source (pycountry's copy of the ISO 3166 data and its
French translation) so that editors type only a two-letter code; ``data/countries.yaml`` overrides a
name where Canada's usage differs and adds territories, such as the West Bank, that ISO does not list.
Sentences need more than a name: "in the West Bank", "en Cisjordanie", "au Kosovo", "aux États-Unis".
No rule can guess the article and preposition of every place: ISO countries have theirs in
``assets/place-phrases.json`` (tools/make_place_phrases.py); ``data/countries.yaml`` (``phrases:``)
overrides them and gives those of territories and renamed countries (checked in dataset.py).
"""
from __future__ import annotations

import gettext
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pycountry

from peaceops.source.model import CountriesFile, Text


@dataclass(frozen=True)
class Place:
    code: str  # as editors write it: "HT" or "west-bank"
    name: Text
    iso2: str | None  # the ISO country whose shape marks it on a map
    iso3: str | None  # for joining with the UN's data (ISOCode3)
    within: Text | None = None  # how a sentence says "in" it: "in the West Bank", "en Cisjordanie"

    def slug(self, language: str) -> str:
        # A name with no letter or digit in it (a territory called "~") still gets an address.
        return slugify(self.name[language]) or slugify(self.code)


# An address part made from a name stays short enough for a file name (255 bytes) and a reader.
MAX_SLUG = 60


# In the package's assets (made by tools/make_place_phrases.py), like the map's shapes.
PHRASES = files("peaceops").joinpath("assets", "place-phrases.json")


@cache
def iso_phrases() -> dict[str, Text]:
    """How a sentence says "in" each ISO country (tools/make_place_phrases.py wrote the file)."""
    data = json.loads(PHRASES.read_text(encoding="utf-8"))
    return {code: Text(en=phrase["en"], fr=phrase["fr"]) for code, phrase in data.items()}


@cache
def _french() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


@cache
def iso_country(code: str) -> Place | None:
    """The place for an ISO 3166-1 alpha-2 code as the standard names it, or None (looked up once per
    code: the pages ask for each mission's country thousands of times at a thousand operations)."""
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
        self._phrases = countries.phrases

    def get(self, code: str) -> Place | None:
        if code in self._territories:
            territory = self._territories[code]
            parent = iso_country(territory.iso) if territory.iso else None
            return Place(code, territory.name, territory.iso, parent.iso3 if parent else None, territory.phrase)
        place = iso_country(code)
        if place is not None:
            name = self._names.get(code, place.name)
            # A country renamed in countries.yaml needs its phrase there too: the standard one may not fit.
            standard = None if code in self._names else iso_phrases().get(code)
            place = Place(code, name, place.iso2, place.iso3, self._phrases.get(code) or standard)
        return place

    def known_codes(self) -> list[str]:
        return sorted(self._territories) + [c.alpha_2 for c in pycountry.countries]


def slugify(text: str) -> str:
    """A readable web address part, letters, digits and hyphens only: "Côte d'Ivoire" -> "cote-divoire"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:  # cut at a hyphen, so that no word is cut in two
        slug = slug[: MAX_SLUG + 1].rsplit("-", 1)[0] if "-" in slug[: MAX_SLUG + 1] else slug[:MAX_SLUG]
    return slug


# What a phrase may start with, before the place's name: English "in" or "in the"; French the
# preposition, with the article when the name takes one (au = à le, aux = à les).
_ENGLISH_START = re.compile(r"^in (the )?$")
_FRENCH_START = re.compile(
    r"^(en|au|aux|à|à la|à l'|à l’|dans le|dans la|dans les|dans l'|dans l’|sur le|sur la|sur l'|sur l’) ?$"
)
_FRENCH_ARTICLE = re.compile(r"^(le |la |les |l'|l’)", re.IGNORECASE)


def phrase_fault(language: str, phrase: str, name: str) -> str | None:
    """Why ``phrase`` cannot be how a sentence says "in" the place called ``name``, or None."""
    bare = _FRENCH_ARTICLE.sub("", name) if language == "fr" else re.sub(r"^the ", "", name, flags=re.IGNORECASE)
    for candidate in (name, bare):
        if phrase.endswith(candidate):
            start = phrase[: len(phrase) - len(candidate)]
            pattern = _ENGLISH_START if language == "en" else _FRENCH_START
            if pattern.match(start):
                return None
    return "bad_phrase_" + language
