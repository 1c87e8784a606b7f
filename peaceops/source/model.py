"""The data model: what each file in ``data/`` may contain.

Why: one declaration serves three readers. Validation checks the editors' files against it, the
JSON Schema generated from it helps editors while they type, and the pages read typed values from
it. Each field's description is plain-language help: it appears in editors' tools and in the
message given when the field is missing.
"""
from __future__ import annotations

import string
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from peaceops.languages import LANGUAGES
from peaceops.source.fieldtypes import (
    Count,
    Day,
    Email,
    Identifier,
    PlainText,
    Url,
    When,
    Year,
    YearOrDate,
    YesNo,
    fail,
)


def one_of(options: tuple[str, ...]) -> PlainValidator:
    """Checks a text is one of ``options`` (as typed, case and all)."""

    def check(value: Any) -> str:
        text = value.strip() if isinstance(value, str) else value
        if text not in options:
            raise fail("choice", value, choices=", ".join(options))
        return str(text)

    return PlainValidator(check)


def listed(options: tuple[str, ...]) -> WithJsonSchema:
    """The same choice, for editors' tools: a text with a fixed list of values."""
    return WithJsonSchema({"type": "string", "enum": list(options)})


T = TypeVar("T")

LEADS = ("UN", "EU", "NATO", "OSCE", "bilateral", "other")
QUALIFIERS = ("exactly", "about", "close_to", "nearly", "more_than")
Lead = Annotated[str, one_of(LEADS), listed(LEADS)]
Qualifier = Annotated[str, one_of(QUALIFIERS), listed(QUALIFIERS)]
LanguageCode = Annotated[str, one_of(LANGUAGES), listed(LANGUAGES)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(Record, Generic[T]):
    """A value in each official language, side by side: ``name: {en: …, fr: …}``. The site's one
    bilingual type; ``Text`` and ``LocalizedUrl`` say what the value is."""

    en: T = Field(description="In English.")
    fr: T = Field(description="In French.")

    def __getitem__(self, language: str) -> T:
        value: T = getattr(self, language)
        return value


class Text(Localized[PlainText]):
    """A text in both official languages, side by side."""


class Figure(Record):
    """A number of officers, with the date it was true and where it was published."""

    count: Count = Field(description="The number of officers, a whole number (for example 85).")
    as_of: YearOrDate = Field(
        description="The year or date (YYYY-MM-DD) the number was true, as the source gives it."
    )
    source: Url = Field(description="The web address of the page that publishes the number.")


class Officers(Record):
    """Canadian officers on the mission; leave out a number no source gives."""

    deployed: Figure | None = Field(None, description="How many officers were serving, and when.")
    authorized: Figure | None = Field(None, description="How many officers were authorized, and when.")


class Mission(Record):
    """One peace operation that Canadian police serve or served in."""

    id: Identifier = Field(description="A short unique name, lowercase with hyphens, never changed once published.")
    acronym: Text = Field(description="The mission's acronym in English and French (they may be the same).")
    name: Text = Field(description="The mission's full name in English and French.")
    lead: Lead = Field(
        description="Who leads the mission: UN, EU, NATO, OSCE, bilateral (Canada with one country) or other."
    )
    country: PlainText = Field(
        description="Where the mission is: a two-letter ISO country code (HT for Haiti) or a territory "
        "listed in data/countries.yaml (west-bank)."
    )
    start: YearOrDate = Field(description="The year or date (YYYY-MM-DD) Canadian police began serving.")
    end: YearOrDate | None = Field(
        None, description="The year or date (YYYY-MM-DD) Canadian police stopped serving; leave out while current."
    )
    officers: Officers = Field(
        default_factory=Officers, description="Canadian officers on the mission, each number with its date."
    )
    roles: list[Text] = Field([], description="What Canadian police do there, one short phrase per item.")
    language: LanguageCode | None = Field(
        None, description="The main language of operation: en (English) or fr (French)."
    )
    armed: YesNo | None = Field(None, description="yes if Canadian police carry arms on this mission, no if not.")
    mandate: Text = Field(description="One or two sentences on what the mission is for.")
    sources: list[Url] = Field(
        min_length=1, description="Web addresses of the pages that give the mission's dates and facts."
    )
    updated: Day = Field(description="The date (YYYY-MM-DD) this entry was last changed; shown as Date modified.")

    @property
    def current(self) -> bool:
        return self.end is None


class MissionsFile(Record):
    missions: list[Mission] = Field(min_length=1, description="Every operation, current and past.")


class ProgramFigure(Record):
    """A program-wide figure, as the source words it."""

    count: Count = Field(description="The number, a whole number.")
    qualifier: Qualifier = Field(
        "exactly", description="How the source words it: exactly, about, close_to, nearly or more_than."
    )
    as_of: YearOrDate = Field(description="The year or date (YYYY-MM-DD) the number was true.")
    source: Url = Field(description="The web address of the page that publishes the number.")


class SourcedYear(Record):
    """A year, with where it was published."""

    year: Year = Field(description="The year, four digits.")
    source: Url = Field(description="The web address of the page that gives the year.")


class Partner(Record):
    """A federal partner in the Canadian Police Arrangement."""

    name: Text = Field(description="The department's name at the time the page describes.")
    acronym: Text | None = Field(None, description="Its acronym in English and French.")
    role: Text | None = Field(None, description="What it does in the arrangement; leave out if no source says.")


class Arrangement(Record):
    """The Canadian Police Arrangement, under which deployments are decided. Its partners are the
    federal departments; the police services that take part are in data/partners.yaml."""

    name: Text = Field(description="The arrangement's name.")
    acronym: Text = Field(description="Its acronym (CPA / APCC).")
    renewed: SourcedYear = Field(description="The year of its latest renewal.")
    partners: list[Partner] = Field(min_length=1, description="The partner departments and agencies.")
    source: Url = Field(description="The web address of the page that describes the arrangement.")


class Program(Record):
    """Program-wide facts."""

    name: Text = Field(description="The program's name.")
    officers_served: ProgramFigure = Field(description="How many Canadian police have served since the start.")
    operations: ProgramFigure = Field(description="On how many peace operations they have served.")
    officers_serving: ProgramFigure = Field(description="How many were serving at the date given.")
    partner_services_since: SourcedYear = Field(
        description="The year municipal, provincial and regional police began taking part."
    )
    arrangement: Arrangement = Field(description="The Canadian Police Arrangement.")
    senior_advisor: Text = Field(
        description="One sentence on the senior police advisor at Canada's Permanent Mission to the UN."
    )
    senior_advisor_source: Url = Field(description="The web address that mentions the senior police advisor.")
    updated: Day = Field(description="The date (YYYY-MM-DD) these facts were last changed.")


class ProgramFile(Record):
    program: Program


class LocalizedUrl(Localized[Url]):
    """A web address in each language: the English page's and the French page's."""


class Contact(Record):
    """One way the public can reach the program."""

    model_config = ConfigDict(json_schema_extra={"anyOf": [{"required": ["email"]}, {"required": ["web"]}]})

    label: Text = Field(description="What this channel is for, in both languages.")
    email: Email | None = Field(None, description="An email address.")
    web: LocalizedUrl | None = Field(None, description="A web page, with its address in each language.")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        """A channel with neither an address nor a page would show the public a label leading nowhere."""
        if self.email is None and self.web is None:
            raise PydanticCustomError("contact_channel", "contact_channel")
        return self


class ContactsFile(Record):
    contacts: list[Contact] = Field(min_length=1, description="The program's public contact channels.")
    updated: Day = Field(description="The date (YYYY-MM-DD) the contacts were last changed.")


class Territory(Record):
    """A place that is not a country in ISO 3166, such as the West Bank."""

    iso: PlainText | None = Field(
        None, description="The two-letter ISO code of the area that marks the territory on maps, if any."
    )
    name: Text = Field(description="The territory's name in English and French.")
    phrase: Text | None = Field(
        None, description='How a sentence says "in" the territory: {en: in the West Bank, fr: en Cisjordanie}.'
    )


class CountriesFile(Record):
    names: dict[str, Text] = Field(
        {}, description="Country names to use instead of the ISO standard's, by two-letter code."
    )
    territories: dict[Identifier, Territory] = Field(
        {}, description="Territories that are not countries, by a short lowercase name."
    )
    phrases: dict[str, Text] = Field(
        {},
        description='How a sentence says "in" a country, by its two-letter code, where the standard '
        'phrase does not fit or the country is renamed under names: {en: in the Netherlands, fr: aux Pays-Bas}.',
    )


class InterfaceText(Text):
    """An interface text: both languages must name the same values to fill in ({n}, {country})."""

    @model_validator(mode="after")
    def _same_placeholders(self) -> InterfaceText:
        names = {}
        for language in LANGUAGES:
            try:
                names[language] = placeholders(self[language])
            except ValueError:
                raise PydanticCustomError("placeholder_braces", "placeholder_braces", {"language": language}) from None
        if names["en"] != names["fr"]:
            shown = {
                language: ", ".join("{" + n + "}" for n in sorted(found)) or "none" for language, found in names.items()
            }
            context = {"en": shown["en"], "fr": shown["fr"]}
            raise PydanticCustomError("placeholder_mismatch", "placeholder_mismatch", context)
        return self


def placeholders(text: str) -> set[str]:
    """The names in braces that the site fills in; raises ValueError if a brace does not pair up."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class InterfaceFile(Record):
    text: dict[str, InterfaceText] = Field(description="Labels and headings used by the templates, by name.")


__all__ = [
    "Arrangement",
    "Contact",
    "ContactsFile",
    "CountriesFile",
    "Figure",
    "InterfaceFile",
    "Mission",
    "MissionsFile",
    "Program",
    "ProgramFile",
    "Text",
    "When",
    "date",
]
