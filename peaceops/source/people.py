"""The people who serve (issue 34): what data/people.yaml may contain, and its checks across records.

Why: beside where Canadian police serve and in what numbers, readers look for the people: those who
died while serving, women's part in deployments, National Peacekeepers' Day, and officers' own words.
Each is a published fact with its source and its date, kept as data in both languages like the
rest; a quotation is kept exactly as each language's source publishes it, never translated by us.
"""
from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from peaceops.languages import LANGUAGES
from peaceops.source.fieldtypes import Count, Day, Identifier, PlainText, SourceKey, YearOrDate
from peaceops.source.messages import message
from peaceops.source.model import DateOrRange, Record, Text, listed, one_of
from peaceops.source.problems import Problem
from peaceops.source.yamlsource import Source, locate

# What a figure of women deployed counts: Canadian police in UN missions only (the UN's monthly
# figures by country and sex), or the Canadian contingent of one mission.
COVERS = ("un_missions", "one_mission")
Covers = Annotated[str, one_of(COVERS), listed(COVERS)]


class Honour(Record):
    """One way the RCMP, the United Nations or another body honoured a person, with its date."""

    text: Text = Field(description="What was done, one short sentence in English and French.")
    date: YearOrDate = Field(description="The year or date (YYYY-MM-DD) it was done, as the source gives it.")
    sources: list[SourceKey] = Field(min_length=1, description="The keys (in data/sources.yaml) of its sources.")


class Fallen(Record):
    """A Canadian police officer who died while serving on an international peace operation."""

    id: Identifier = Field(description="A short unique name, lowercase with hyphens (for editors; not shown).")
    name: PlainText = Field(description="The person's name as the sources write it, such as Mark Gallagher.")
    rank: Text = Field(description="The rank, in English and French, as the RCMP's Honour Roll or the sources give it.")
    service: Text = Field(description="The police service, in English and French.")
    mission: Identifier = Field(description="The id of the mission in data/missions.yaml they served with.")
    place: Text = Field(description="Where they died, in English and French (Port-au-Prince, Haiti).")
    died: YearOrDate = Field(description="The date (YYYY-MM-DD) they died, as the sources give it.")
    circumstances: Text = Field(description="How they died and what they did, one or two plain sentences.")
    honours: list[Honour] = Field([], description="How they were honoured, oldest first.")
    sources: list[SourceKey] = Field(
        min_length=1, description="The keys (in data/sources.yaml) of the sources of the name, rank and date."
    )
    note: PlainText | None = Field(None, description="A note for editors; not shown on the site.")


class WomenFigure(Record):
    """A dated count of women among deployed Canadian police, with what it covers."""

    id: Identifier = Field(description="A short unique name, lowercase with hyphens (for editors and the open data).")
    women: Count = Field(description="How many of the police counted were women.")
    total: Count | None = Field(None, description="How many police were counted in all; leave out if not given.")
    as_of: YearOrDate = Field(description="The year, month (YYYY-MM) or date (YYYY-MM-DD) the count was true.")
    covers: Covers = Field(
        description="What is counted: un_missions (Canadian police in UN missions only) or one_mission "
        "(the Canadian contingent of the mission given under mission:)."
    )
    mission: Identifier | None = Field(None, description="With covers: one_mission, the mission's id.")
    detail: Text | None = Field(None, description="Optional: where they served, as the source says (all in Mali).")
    source: SourceKey = Field(description="The key of the source that gives the count, in data/sources.yaml.")
    note: PlainText | None = Field(None, description="A note for editors; not shown on the site.")

    @model_validator(mode="after")
    def _coherent(self) -> WomenFigure:
        """More women than police counted, or a one-mission count without its mission, cannot be right."""
        if self.total is not None and self.women > self.total:
            raise PydanticCustomError("women_above_total", "women_above_total")
        if (self.covers == "one_mission") != (self.mission is not None):
            raise PydanticCustomError("women_mission", "women_mission")
        return self


class SourcedStatement(Record):
    """A statement a source makes, in plain words in both languages, with its date and sources."""

    id: Identifier = Field(description="A short unique name, lowercase with hyphens (for editors; not shown).")
    text: Text = Field(description="The statement in English and French, in your own words, as the source says it.")
    as_of: DateOrRange | None = Field(
        None,
        description="The year, month or date the source says it of, or a range by evidence {earliest:, latest:, "
        "reason:}; leave out to let the source's own date stand.",
    )
    sources: list[SourceKey] = Field(min_length=1, description="The keys (in data/sources.yaml) of its sources.")
    note: PlainText | None = Field(None, description="A note for editors; not shown on the site.")


class PeacekeepersDay(Record):
    """National Peacekeepers' Day: its date each year, when the home page starts to announce it, and
    what sources say of it."""

    month: int = Field(ge=1, le=12, description="The day's month, 1 to 12 (8 for August).")
    day: int = Field(ge=1, le=31, description="The day of the month (9).")
    home_from: int = Field(
        ge=1, le=31, description="The day of the same month from which the home page mentions it, up to the day itself."
    )
    statements: list[SourcedStatement] = Field(min_length=1, description="What sources say of the day, in order.")

    @model_validator(mode="after")
    def _window(self) -> PeacekeepersDay:
        if self.home_from > self.day:
            raise PydanticCustomError("day_window", "day_window")
        return self


class QuotedWords(Record):
    """A quotation as one language's source publishes it."""

    text: PlainText = Field(description="The words exactly as published, without the quotation marks.")
    source: SourceKey = Field(description="The key of the source that publishes these words, in data/sources.yaml.")


class QuotationWords(Record):
    """The words in each language they were published in: English, French, or both."""

    en: QuotedWords | None = Field(None, description="As published in English, with its source.")
    fr: QuotedWords | None = Field(None, description="As published in French, with its source.")

    @model_validator(mode="after")
    def _some(self) -> QuotationWords:
        if self.en is None and self.fr is None:
            raise PydanticCustomError("no_language", "no_language")
        return self

    def __getitem__(self, language: str) -> QuotedWords | None:
        value: QuotedWords | None = getattr(self, language)
        return value

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code in LANGUAGES if getattr(self, code) is not None)

    def shown_language(self, language: str) -> str:
        """The language a page in ``language`` shows the words in: its own where they were published in
        it, else the one they were published in (never a translation of ours)."""
        return language if getattr(self, language) is not None else self.languages[0]


class Quotation(Record):
    """A few words a Canadian police officer or a leader of the program said, exactly as published."""

    id: Identifier = Field(description="A short unique name, lowercase with hyphens (for editors; not shown).")
    speaker: PlainText = Field(description="Who said it, their name as the source writes it.")
    role: Text = Field(description="Their rank and role at the time, in English and French.")
    mission: Identifier | None = Field(
        None, description="The id of the mission (data/missions.yaml) it speaks of: shown on its country's page too."
    )
    said: DateOrRange = Field(
        description="When it was said or published: a year, month or date, or a range by evidence {earliest:, "
        "latest:, reason:}."
    )
    words: QuotationWords = Field(
        description="The words, exactly as published, in each language a source publishes them (en:, fr:), each "
        "with its source: {text:, source:}."
    )
    note: PlainText | None = Field(None, description="A note for editors; not shown on the site.")


class PeopleFile(Record):
    in_memoriam: list[Fallen] = Field(min_length=1, description="Those who died while serving, by date.")
    remembered: list[SourcedStatement] = Field(
        [], description="What sources say around those deaths (the Haiti earthquake, the medal), shown after the list."
    )
    women_deployed: list[WomenFigure] = Field(min_length=1, description="Dated counts of women deployed, oldest first.")
    women_goals: list[SourcedStatement] = Field(
        [], description="The program's stated goals for women in deployments and what it reports doing."
    )
    peacekeepers_day: PeacekeepersDay = Field(description="National Peacekeepers' Day.")
    quotations: list[Quotation] = Field([], description="Officers' own words, each as published.")
    updated: Day = Field(description="The date (YYYY-MM-DD) this file was last changed; shown as Date modified.")

    def sections(self) -> list[tuple[str, list[Any]]]:
        """(section, its records) for every list of records with an id."""
        return [
            ("in_memoriam", list(self.in_memoriam)),
            ("remembered", list(self.remembered)),
            ("women_deployed", list(self.women_deployed)),
            ("women_goals", list(self.women_goals)),
            ("quotations", list(self.quotations)),
        ]

    def quotations_for(self, mission_ids: list[str]) -> list[Quotation]:
        """The quotations about any of ``mission_ids``, in file order."""
        return [quotation for quotation in self.quotations if quotation.mission in mission_ids]

    def un_series(self) -> list[WomenFigure]:
        """The counts of UN missions only, oldest first: the one series a chart may draw."""
        return sorted((f for f in self.women_deployed if f.covers == "un_missions"), key=lambda f: f.as_of.first_day)


def check_people(people: PeopleFile, source: Source, missions: set[str] | None) -> list[Problem]:
    """Each id is used once in its section, and each mission named is in data/missions.yaml (when it
    could be read)."""
    problems: list[Problem] = []
    for section, records in people.sections():
        first: dict[str, int] = {}
        for index, record in enumerate(records):
            line, column = locate(source.data, (section, index, "id"))
            if record.id in first:
                text = message("duplicate_people_id", id=record.id, line=first[record.id])
                problems.append(Problem(source.display, line, column, text))
            else:
                first[record.id] = line
            mission = getattr(record, "mission", None)
            if missions is not None and mission is not None and mission not in missions:
                line, column = locate(source.data, (section, index, "mission"))
                problems.append(Problem(source.display, line, column, message("people_unknown_mission", id=mission)))
    return problems
