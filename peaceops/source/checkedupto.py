"""A fact dated after the day the data was checked up to: a warning at the fact's line.

Why: every page says "As of <as_of>" (data/dataset.yaml) where it speaks of the present. A figure
of December 1 or a mission that began December 5, added while as_of still says November 30, would
be counted "as of November 30", a day on which it was not yet true. The date is not moved for the
editor: as_of says up to when someone checked *all* the data against its sources (the out-of-date
notice says "last checked on" that day), and only the editor knows whether the other missions were
checked too. So ``check`` says it, placed at the newer date and naming data/dataset.yaml, and
builds all the same (EDITING.md, "Move the date", says why and when to move it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date
from pydantic_core import PydanticCustomError

from peaceops.source.fieldtypes import parse_when
from peaceops.source.messages import message
from peaceops.source.problems import Problem
from peaceops.source.yamlsource import Source, locate

# The fields that date a fact the pages state (a figure, a status, another source's view, a
# program fact, a statement about serving): a date, or a range by evidence whose earliest bound
# counts (the fact cannot be true before it). Not updated: (the day of an edit) nor a source's
# published: or consulted: (the day of a page, not of a fact).
FACT_DATES = ("as_of", "since", "partners_as_of")
# The files whose facts the pages state "as of" the data's date.
FACT_FILES = ("missions.yaml", "program.yaml", "serving.yaml")


def later_than_checked(sources: dict[str, Source], dataset: Source, as_of: date) -> list[Problem]:
    """A placed warning for each fact dated after ``as_of``, the date the data was checked up to."""
    warnings: list[Problem] = []
    as_of_line = locate(dataset.data, ("as_of",))[0]
    in_words = format_date(as_of, format="long", locale="en_CA")

    def check(value: Any, path: tuple[Any, ...], field: str, source: Source) -> None:
        try:
            when = parse_when(value)
        except PydanticCustomError:
            return  # a malformed date is reported by the model
        if when.first_day > as_of:
            text = message(
                "later_than_checked",
                field=field,
                date=when.iso,
                as_of=as_of.isoformat(),
                file=dataset.display,
                line=as_of_line,
                in_words=in_words,
            )
            warnings.append(Problem(source.display, *locate(source.data, path), text))

    def walk(node: Any, path: tuple[Any, ...], source: Source) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in FACT_DATES and isinstance(value, (str, int)):
                    check(value, (*path, key), str(key), source)
                elif key in FACT_DATES and isinstance(value, dict) and isinstance(value.get("earliest"), (str, int)):
                    check(value["earliest"], (*path, key, "earliest"), f"{key}.earliest", source)
                else:
                    walk(value, (*path, key), source)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*path, index), source)

    for name in FACT_FILES:
        source = sources.get(name)
        if source is not None and source.data is not None:
            walk(source.data, (), source)
    return warnings
