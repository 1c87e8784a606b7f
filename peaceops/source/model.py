"""The data model: what each file in ``data/`` may contain.

Why: one declaration serves three readers. Validation checks the editors' files against it, the
JSON Schema generated from it helps editors while they type, and the pages read typed values from
it. Each field's description is plain-language help: it appears in editors' tools and in the
message given when the field is missing.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Generic, TypeVar, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from peaceops.languages import LANGUAGES
from peaceops.source.fieldtypes import (
    Count,
    Day,
    Email,
    Identifier,
    LanguageCode,
    Latitude,
    Longitude,
    PlainText,
    PublicUrl,
    SourceKey,
    Url,
    When,
    Year,
    YearOrDate,
    YesNo,
    fail,
)
from peaceops.source.placeholders import PlaceholderError, placeholders


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
QUALIFIERS = ("exactly", "about", "close_to", "nearly", "almost", "more_than", "over", "up_to")
# The kinds of officer figure a source gives for a mission: how many served, how many positions
# Canada authorized, or a ceiling ("up to N officers").
OFFICER_KINDS = ("deployed", "authorized", "authorized_up_to")
Lead = Annotated[str, one_of(LEADS), listed(LEADS)]
# open.canada.ca's subjects (its schema's list: tests/open_canada/presets.yaml, canada_subject).
OPEN_CANADA_SUBJECTS = (
    "arts_music_literature", "agriculture", "economics_and_industry", "education_and_training",
    "form_descriptors", "government_and_politics", "health_and_safety", "history_and_archaeology",
    "information_and_communications", "labour", "language_and_linguistics", "law", "military",
    "nature_and_environment", "persons", "processes", "society_and_culture", "science_and_technology",
    "transport",
)  # fmt: skip
OpenCanadaSubject = Annotated[str, one_of(OPEN_CANADA_SUBJECTS), listed(OPEN_CANADA_SUBJECTS)]
Qualifier = Annotated[str, one_of(QUALIFIERS), listed(QUALIFIERS)]
OfficerKind = Annotated[str, one_of(OFFICER_KINDS), listed(OFFICER_KINDS)]
# A mission's status: Canadian police serve there now, the mission is suspended (the program's own
# word), or Canadian police no longer serve there.
STATES = ("under_way", "suspended", "ended")
State = Annotated[str, one_of(STATES), listed(STATES)]


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


class Terms(Localized[list[PlainText]]):
    """A list of words or terms in each official language: ``{en: [a, b], fr: [a, b]}``."""


class City(Record):
    """The city a post is in, when it is one city rather than the country (the map marks the city)."""

    name: Text = Field(description="The city's name in English and French.")
    latitude: Latitude = Field(description="Its latitude in decimal degrees (north positive), from a gazetteer.")
    longitude: Longitude = Field(description="Its longitude in decimal degrees (east positive, west negative).")
    gazetteer: PlainText = Field(description="Where the coordinates come from, such as GeoNames 5128581.")
class EvidenceRange(Record):
    """A date no source states, bounded by what can be shown: the first and last dates the evidence
    allows (an archived copy's capture, the era of an address, what the page mentions), with why."""

    earliest: YearOrDate | None = Field(
        None, description="The earliest year, month (YYYY-MM) or date (YYYY-MM-DD) the evidence allows."
    )
    latest: YearOrDate | None = Field(
        None, description="The latest year, month (YYYY-MM) or date (YYYY-MM-DD) the evidence allows."
    )
    reason: PlainText = Field(
        description="Why these bounds, for editors: what shows them (an archived copy's date, what the page "
        "mentions)."
    )

    @model_validator(mode="after")
    def _bounded(self) -> EvidenceRange:
        """A range with no bound says nothing; one whose bounds cross cannot be true."""
        if self.earliest is None and self.latest is None:
            raise PydanticCustomError("range_no_bound", "range_no_bound")
        if self.earliest is not None and self.latest is not None and self.latest.last_day < self.earliest.first_day:
            context = {"earliest": self.earliest.iso, "latest": self.latest.iso}
            raise PydanticCustomError("range_order", "range_order", context)
        return self


# Where a date may be a range by evidence: a year, month or date as the source states it, or
# {earliest:, latest:, reason:}. The tags name the two forms; explain.py leaves them out of messages.
DATE_TAG, RANGE_TAG = "year-or-date", "range-by-evidence"


def _date_or_range(value: Any) -> str:
    return RANGE_TAG if isinstance(value, (dict, EvidenceRange)) else DATE_TAG


DateOrRange = Annotated[
    Union[Annotated[YearOrDate, Tag(DATE_TAG)], Annotated[EvidenceRange, Tag(RANGE_TAG)]],  # noqa: UP007
    Discriminator(_date_or_range),
]


class Observation(Record):
    """One officer figure for a mission, as a source gives it: what it counts, how many, when, where."""

    kind: OfficerKind = Field(
        description="What the number counts: deployed (officers serving), authorized (positions Canada "
        "authorized) or authorized_up_to (a ceiling: up to this many officers)."
    )
    count: Count = Field(description="The number of officers, a whole number (for example 85).")
    as_of: DateOrRange | None = Field(
        None,
        description="The year, month (YYYY-MM) or date (YYYY-MM-DD) the number was true, as the source gives it, "
        "or a range by evidence {earliest:, latest:, reason:}. Leave it out when the source states no date: "
        "the site then dates the number by the source's published: or dated:, else says the date is not stated.",
    )
    source: SourceKey = Field(description="The key of the source that gives the number, in data/sources.yaml.")
    note: PlainText | None = Field(None, description="A note for editors (what the figure covers); not shown.")


class AnotherView(Record):
    """What another source says of the same mission, when sources disagree: shown beside the status."""

    text: Text = Field(description="What the other source says, one short sentence in English and French.")
    as_of: DateOrRange = Field(
        description="The year, month (YYYY-MM) or date (YYYY-MM-DD) the other source says it of, or a range by "
        "evidence {earliest:, latest:, reason:}."
    )
    source: SourceKey = Field(description="The key of the other source, in data/sources.yaml.")


class Status(Record):
    """One state of a mission for Canadian police, from the day it began, with its source."""

    state: State = Field(
        description="under_way (Canadian police serve there), suspended (the mission is suspended) or ended "
        "(Canadian police no longer serve there)."
    )
    since: DateOrRange | None = Field(
        None,
        description="When this state began: a year, month (YYYY-MM) or date (YYYY-MM-DD), or a range by evidence "
        "{earliest:, latest:, reason:}; leave it out when no source gives it.",
    )
    source: SourceKey = Field(description="The key of the source that gives this state, in data/sources.yaml.")
    another_view: AnotherView | None = Field(
        None, description="Optional: what another source says, when sources disagree (text:, as_of:, source:)."
    )
    note: PlainText | None = Field(None, description="A note for editors; not shown.")

    @property
    def date(self) -> When | None:
        """The day the state began as a source states it; None when unknown or only bounded by evidence."""
        return self.since if isinstance(self.since, When) else None


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
    city: City | None = Field(
        None,
        description="The city of a post in one city (an advisor in New York): the map then marks the city, "
        "not the whole country.",
    )
    status: list[Status] = Field(
        min_length=1,
        description="The mission's status over time, oldest first; the last is its status now. Each has state: "
        "(under_way, suspended or ended), since: when it began (if a source gives it) and source:.",
    )
    officers: list[Observation] = Field(
        [],
        description="Numbers of Canadian officers, each with its kind, date and source; any number of them, in any order.",  # noqa: E501
    )
    roles: list[Text] = Field([], description="What Canadian police do there, one short phrase per item.")
    language: LanguageCode | None = Field(
        None,
        description="The main language of operation, as its two-letter ISO 639-1 code: en (English), fr (French), "
        "es (Spanish), ar (Arabic), ht (Haitian Creole) ...",
    )
    armed: YesNo | None = Field(None, description="yes if Canadian police carry arms on this mission, no if not.")
    mandate: Text = Field(description="One or two sentences on what the mission is for.")
    sources: list[SourceKey] = Field(
        min_length=1, description="Keys (in data/sources.yaml) of the sources that give the mission's dates and facts."
    )
    review_by: Day | None = Field(
        None,
        description="Optional: the date (YYYY-MM-DD) by which this entry should be checked against its sources again.",
    )
    updated: Day = Field(description="The date (YYYY-MM-DD) this entry was last changed; shown as Date modified.")

    @property
    def state(self) -> str:
        """The mission's status now: the last entry's state."""
        return self.status[-1].state

    @property
    def current(self) -> bool:
        """Canadian police serve there now: under way (not suspended, not ended)."""
        return self.state == "under_way"

    @property
    def suspended(self) -> bool:
        return self.state == "suspended"

    @property
    def ended(self) -> bool:
        return self.state == "ended"

    @property
    def began(self) -> Status | None:
        """The status entry when Canadian police first served: the first under way."""
        return next((entry for entry in self.status if entry.state == "under_way"), None)

    @property
    def start(self) -> When | None:
        """The day Canadian police began serving, as a source states it (the first under way's since)."""
        began = self.began
        return began.date if began else None

    @property
    def end(self) -> When | None:
        """The day Canadian police stopped serving, as a source states it; None unless ended."""
        return self.status[-1].date if self.ended else None

    @property
    def now(self) -> Status:
        """The status now, with its date and source."""
        return self.status[-1]

    @property
    def first_since(self) -> When | EvidenceRange | None:
        """When Canadian police first served, as stated or bounded by evidence (the first under way's since)."""
        began = self.began
        return began.since if began else None

    @property
    def end_since(self) -> When | EvidenceRange | None:
        """When Canadian police stopped serving, as stated or bounded by evidence; None unless ended."""
        return self.now.since if self.ended else None

    @property
    def kinds(self) -> list[str]:
        """The kinds of figure the mission has, in the fixed order of OFFICER_KINDS."""
        return [kind for kind in OFFICER_KINDS if any(o.kind == kind for o in self.officers)]


class MissionsFile(Record):
    missions: list[Mission] = Field(min_length=1, description="Every operation, current and past.")


class Statement(Record):
    """A program-wide figure as a source words it, with the date it was true."""

    count: Count = Field(description="The number, a whole number.")
    qualifier: Qualifier = Field(
        "exactly",
        description="How the source words it: exactly, about, close_to, nearly, almost, more_than, over or up_to.",
    )
    as_of: DateOrRange | None = Field(
        None,
        description="The year, month (YYYY-MM) or date (YYYY-MM-DD) the number was true, or a range by evidence "
        "{earliest:, latest:, reason:}. Leave it out only when the source states no date: the site then dates "
        "the number by the source's published: or dated:.",
    )
    source: SourceKey = Field(description="The key of the source that gives the number, in data/sources.yaml.")
    note: PlainText | None = Field(None, description="A note for editors (what the figure covers); not shown.")


ProgramFigure = Statement  # the name the formatting code knew it by


class ProgramFacts(Record):
    """The program's figures, each a list of dated statements (any order; the newest is shown first)."""

    officers_served: list[Statement] = Field(
        [], description="How many Canadian police have served since the program began, at each date a source gives."
    )
    operations: list[Statement] = Field([], description="On how many peace operations they have served, at each date.")
    countries: list[Statement] = Field([], description="In how many countries they have served, at each date.")
    partner_services: list[Statement] = Field(
        [], description="How many partner police services take part, at each date."
    )
    officers_serving: list[Statement] = Field([], description="How many were serving, at each date.")
    officers_in_un_missions: list[Statement] = Field(
        [],
        description="How many Canadian police were serving in UN peace operations, as the UN's monthly "
        "contributions tables give it (UN missions only: not EU, bilateral or ICC deployments), at each date.",
    )


class SourcedYear(Record):
    """A year, with where it was published."""

    year: Year = Field(description="The year, four digits.")
    source: SourceKey = Field(description="The key of the source that gives the year, in data/sources.yaml.")


class DatedText(Record):
    """A sentence that was true at a date, with its source."""

    text: Text = Field(description="The sentence in English and French.")
    as_of: YearOrDate = Field(description="The year, month (YYYY-MM) or date (YYYY-MM-DD) the source says it of.")
    source: SourceKey = Field(description="The key of the source that says it, in data/sources.yaml.")


class ProgramName(Record):
    """A name the program had, with the date a source gives it under that name."""

    name: Text = Field(description="The name in English and French.")
    as_of: YearOrDate = Field(description="The year, month (YYYY-MM) or date (YYYY-MM-DD) of the source that uses it.")
    source: SourceKey = Field(description="The key of the source that names it so, in data/sources.yaml.")


class Partner(Record):
    """A federal partner in the Canadian Police Arrangement."""

    name: Text = Field(description="The department's name at the time the page describes.")
    acronym: Text | None = Field(None, description="Its acronym in English and French.")
    role: Text | None = Field(None, description="What it does in the arrangement; leave out if no source says.")


class SourcedYears(Record):
    """Several years, with where they are published together."""

    years: list[Year] = Field(min_length=1, description="The years, oldest first.")
    source: SourceKey = Field(description="The key of the source that gives the years, in data/sources.yaml.")


class FormerPartners(Record):
    """The partner departments as an older source describes them, for the period it describes."""

    start: YearOrDate = Field(description="The year or date the period begins, as the source gives it.")
    end: YearOrDate = Field(description="The year or date the period ends, as the source gives it.")
    partners: list[Partner] = Field(min_length=1, description="The partner departments then, as the source names them.")
    source: SourceKey = Field(description="The key of the source that describes them, in data/sources.yaml.")


class Arrangement(Record):
    """The Canadian Police Arrangement, under which deployments are decided. Its partners are the
    federal departments; the police services that take part are in data/partners.yaml. Today's
    partners come first; a former list is history, with the period its source describes."""

    name: Text = Field(description="The arrangement's name.")
    acronym: Text = Field(description="Its acronym (CPA / APCC).")
    renewed: SourcedYear = Field(description="The year of its latest renewal.")
    renewed_until: Year | None = Field(
        None, description="The year the latest renewal runs to, as the source of renewed: gives it."
    )
    earlier_renewals: SourcedYears | None = Field(None, description="The years of its earlier renewals.")
    partners: list[Partner] = Field(min_length=1, description="The partner departments and agencies today.")
    partners_as_of: YearOrDate = Field(description="The year or date the list of partners describes.")
    source: SourceKey = Field(description="The key of the source that describes today's partners.")
    former_partners: list[FormerPartners] = Field(
        [], description="Earlier lists of partner departments, oldest first, each with its period and source."
    )


class Program(Record):
    """Program-wide facts."""

    name: Text = Field(description="The program's current official name: the site's name.")
    short_name: Text | None = Field(
        None, description="A short name official sources use for the program (IPP Program / Programme PIP)."
    )
    names: list[ProgramName] = Field(
        [], description="The names official sources give the program, each with its date and source (history)."
    )
    facts: ProgramFacts = Field(description="The program's figures, each a list of dated statements.")
    partner_services_since: SourcedYear = Field(
        description="The year municipal, provincial and regional police began taking part."
    )
    arrangement: Arrangement = Field(description="The Canadian Police Arrangement.")
    senior_advisor: DatedText = Field(
        description="One sentence on the senior police advisor at Canada's Permanent Mission to the UN, with its date."
    )
    updated: Day = Field(description="The date (YYYY-MM-DD) these facts were last changed.")


class ProgramFile(Record):
    program: Program


class LocalizedUrl(Localized[Url]):
    """A web address in each language: the English page's and the French page's."""


class SomeLanguages(Record):
    """A text in the languages a source exists in: English, French, or both."""

    model_config = ConfigDict(json_schema_extra={"anyOf": [{"required": ["en"]}, {"required": ["fr"]}]})

    en: PlainText | None = Field(None, description="In English, if the source exists in English.")
    fr: PlainText | None = Field(None, description="In French, if the source exists in French.")

    @model_validator(mode="after")
    def _some(self) -> SomeLanguages:
        if self.en is None and self.fr is None:
            raise PydanticCustomError("no_language", "no_language")
        return self

    def __getitem__(self, language: str) -> str | None:
        value: str | None = getattr(self, language)
        return value

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code in LANGUAGES if getattr(self, code) is not None)


class SomeAddresses(SomeLanguages):
    """A public web address in each language the source exists in."""

    en: PublicUrl | None = Field(None, description="The English page's public address.")
    fr: PublicUrl | None = Field(None, description="The French page's public address.")


# Hosts of the Government of Canada and of Parliament, whose pages exist in both official languages.
FEDERAL_HOSTS = ("gc.ca", "canada.ca", "rcmp.ca", "grc.ca", "parl.ca", "ourcommons.ca", "noscommunes.ca")


def federal_host(address: str) -> str | None:
    """The host of ``address`` if it is a Government of Canada (or Parliament) host, else None."""
    host = address.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    return host if any(host == suffix or host.endswith("." + suffix) for suffix in FEDERAL_HOSTS) else None


class Source(Record):
    """A public page or document that the data cites, by its key."""

    model_config = ConfigDict(json_schema_extra={"not": {"required": ["published", "dated"]}})

    key: Identifier = Field(
        description="A short unique name, lowercase letters, digits and hyphens; missions and facts cite it."
    )
    publisher: Text = Field(description="Who publishes it, in English and French.")
    title: SomeLanguages = Field(description="Its title, in each language it exists in (en:, fr: or both).")
    address: SomeAddresses = Field(description="Its public address, in the same languages as the title.")
    published: YearOrDate | None = Field(
        None, description="The year, month (YYYY-MM) or date (YYYY-MM-DD) it was published, as it states it."
    )
    dated: EvidenceRange | None = Field(
        None,
        description="When it states no date: a range by evidence {earliest:, latest:, reason:}, instead of published.",
    )
    consulted: Day | None = Field(
        None, description="For editors only: the date (YYYY-MM-DD) it was read; never shown, never a figure's date."
    )
    no_french: PlainText | None = Field(
        None,
        description="Where the French version was looked for and not found; French pages then say it is in "
        "English only.",
    )
    gone: YesNo | None = Field(
        None, description="yes when the original address no longer works; give archived: if an archived copy exists."
    )
    archived: SomeAddresses | None = Field(
        None, description="Where the original is gone: the address of an archived copy, per language."
    )
    repost: PlainText | None = Field(
        None,
        description="When this is a repost or a user upload: of what, by whom. Only where no original is reachable.",
    )
    note: PlainText | None = Field(None, description="A note for editors; not shown on the site.")

    @model_validator(mode="after")
    def _dated(self) -> Source:
        """A source states its date or is dated by evidence, never both."""
        if self.published is not None and self.dated is not None:
            raise PydanticCustomError("source_date", "source_date")
        return self

    @property
    def languages(self) -> tuple[str, ...]:
        return self.address.languages

    @property
    def one_language_only(self) -> bool:
        """Known to exist in one language: a federal page only when no_french: says the French one was
        looked for and not found (federal institutions publish in both); any other page with one address."""
        if len(self.languages) != 1:
            return False
        if self.address.en and federal_host(self.address.en):
            return self.no_french is not None
        return True

    def shown_language(self, language: str) -> str:
        """The language a page in ``language`` gives the source in: that one, where the source exists in
        it, else the one language it has."""
        return language if self.address[language] else self.languages[0]

    def marked_other_language_only(self, language: str) -> bool:
        """Whether a page in ``language`` says the source is in the other language only ("En anglais
        seulement."): it has no address in ``language`` and is known to exist in one language only. A
        federal page without a French address is not marked unless no_french: says where the French one
        was looked for (``one_language_only``): federal institutions publish in both languages."""
        return self.address[language] is None and self.one_language_only

    def archived_copy(self, language: str) -> str | None:
        """The archived copy a page in ``language`` links, in the language it gives the source in."""
        return self.archived[self.shown_language(language)] if self.archived is not None else None

    def link(self, language: str) -> str | None:
        """The address a page in ``language`` links: the archived copy where the record gives one; none
        for a page that is gone without one (never a dead link); else the source's own address."""
        archived = self.archived_copy(language)
        if archived is not None:
            return archived
        return None if self.gone else self.address[self.shown_language(language)]


class SourcesFile(Record):
    sources: list[Source] = Field(min_length=1, description="Every source the data cites.")


class DatasetFile(Record):
    """When the data was last checked against its sources, and when it should be again."""

    as_of: Day = Field(
        description="The date (YYYY-MM-DD) up to which an editor checked the data against the sources: "
        "the pages say the facts are as of this date."
    )
    review_by: Day = Field(
        description="The date (YYYY-MM-DD) by which the data should be checked again; after it, every page "
        "says the information may be out of date."
    )
    subject: Terms = Field(
        description="What the site and its data are about, as terms of the Government of Canada Core Subject "
        "Thesaurus, in English and French: every page's dcterms.subject and the open data's subject."
    )
    keywords: Terms = Field(
        description="Words a reader would search the open data by, in English and French (open.canada.ca's keywords)."
    )
    open_canada_subject: list[OpenCanadaSubject] = Field(
        description="The open data's subjects on open.canada.ca, from the portal's list "
        "(law, government_and_politics ...)."
    )


class Contact(Record):
    """One way the public can reach the program."""

    model_config = ConfigDict(json_schema_extra={"anyOf": [{"required": ["email"]}, {"required": ["web"]}]})

    label: Text = Field(description="What this channel is for, in both languages.")
    email: Email | None = Field(None, description="An email address.")
    web: LocalizedUrl | None = Field(None, description="A web page, with its address in each language.")
    source: SourceKey | None = Field(
        None,
        description="The key of the official source that gives this address, in data/sources.yaml; the page "
        "names it, with its year, after the address.",
    )

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
        "phrase does not fit or the country is renamed under names: {en: in the Netherlands, fr: aux Pays-Bas}.",
    )


class InterfaceText(Text):
    """An interface text: both languages name the same values to fill in, each a plain name in braces ({n})."""

    @model_validator(mode="after")
    def _same_placeholders(self) -> InterfaceText:
        names = {}
        for language in LANGUAGES:
            try:
                names[language] = set(placeholders(self[language]))
            except PlaceholderError as error:
                raise _placeholder_problem(self, language, error) from None
        if names["en"] != names["fr"]:
            shown = {language: _braced(found) for language, found in names.items()}
            context = {"en": shown["en"], "fr": shown["fr"]}
            raise PydanticCustomError("placeholder_mismatch", "placeholder_mismatch", context)
        return self


def _braced(names: set[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names)) or "none"


def _placeholder_problem(text: Text, language: str, error: PlaceholderError) -> PydanticCustomError:
    """What is wrong with the braces of ``text[language]``, and the names the text may use."""
    if error.kind == "braces":
        return PydanticCustomError("placeholder_braces", "placeholder_braces", {"language": language})
    usable = {found.group(1) for other in LANGUAGES for found in _PLAIN_NAME.finditer(text[other])}
    if error.name:
        usable.add(error.name)
    context = {"language": language, "found": "{" + error.found + "}", "known": _braced(usable)}
    return PydanticCustomError("placeholder_form", "placeholder_form", context)


# A plain name in braces anywhere in a text, whatever else the text holds.
_PLAIN_NAME = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class InterfaceFile(Record):
    text: dict[str, InterfaceText] = Field(description="Labels and headings used by the templates, by name.")


__all__ = [
    "Arrangement",
    "Contact",
    "ContactsFile",
    "CountriesFile",
    "DatasetFile",
    "DateOrRange",
    "EvidenceRange",
    "InterfaceFile",
    "Mission",
    "MissionsFile",
    "Observation",
    "Program",
    "ProgramFile",
    "Source",
    "SourcesFile",
    "Statement",
    "Status",
    "Text",
    "When",
    "date",
]
