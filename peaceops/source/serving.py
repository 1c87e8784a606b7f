"""Serving on a mission: what data/serving.yaml may contain, and the checks across its statements.

Why: police officers ask whether and how they can serve. The answers are statements published
sources make (who serves, whom to contact, how long a deployment lasts, training and support), so
each is kept as data, in both languages, with the keys of its sources and, where the source gives
one, its date; the page groups them by topic and shows each one's source.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from peaceops.source.fieldtypes import Day, Identifier, PlainText, YearOrDate
from peaceops.source.messages import message
from peaceops.source.model import Record, Text, listed, one_of
from peaceops.source.problems import Problem
from peaceops.source.yamlsource import Source, locate

TOPICS = (
    "who_can_serve",
    "how_to_apply",
    "deployment",
    "how_it_works",
    "selection",
    "training",
    "support",
    "after_mission",
    "benefits",
    "roles",
)
Topic = Annotated[str, one_of(TOPICS), listed(TOPICS)]


class ServingStatement(Record):
    """One thing a published source says about serving on a mission."""

    id: Identifier = Field(description="A short unique name, lowercase with hyphens (for editors; not shown).")
    topic: Topic = Field(
        description="The section it goes in: " + ", ".join(TOPICS) + "."
    )
    text: Text = Field(description="The statement in English and French, as the source says it.")
    as_of: YearOrDate | None = Field(
        None, description="The year or date (YYYY-MM-DD) the source says it of; leave out when the source gives none."
    )
    sources: list[Identifier] = Field(
        min_length=1, description="The keys (in data/sources.yaml) of the sources that say it."
    )
    note: PlainText | None = Field(None, description="A note for editors; not shown on the site.")


class ServingFile(Record):
    statements: list[ServingStatement] = Field(
        min_length=1, description="What published sources say about serving on a mission, by topic."
    )
    updated: Day = Field(description="The date (YYYY-MM-DD) this file was last changed; shown as Date modified.")


def check_serving(serving: ServingFile, source: Source) -> list[Problem]:
    """Each statement's id is used once."""
    problems = []
    first: dict[str, int] = {}
    for index, statement in enumerate(serving.statements):
        line, column = locate(source.data, ("statements", index, "id"))
        if statement.id in first:
            text = message("duplicate_statement", id=statement.id, line=first[statement.id])
            problems.append(Problem(source.display, line, column, text))
        else:
            first[statement.id] = line
    return problems


def by_topic(serving: ServingFile) -> list[tuple[str, list[ServingStatement]]]:
    """(topic, its statements in file order) for each topic that has any, in the order of TOPICS."""
    grouped = [(topic, [s for s in serving.statements if s.topic == topic]) for topic in TOPICS]
    return [(topic, statements) for topic, statements in grouped if statements]
