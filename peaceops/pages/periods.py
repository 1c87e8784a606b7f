"""When Canadian police served in a mission, in words: one line per period, in the order they happened.

Why: a mission may have been under way, ended, under way again or suspended (``Facts.periods``), and
a reader needs each time apart, said as an editor says it (STYLE.md): "from June 1999 to March 2004",
"since at least 2025", "suspended between February 24 and March 17, 2022". A date no source states
is said with what the sources do show ("first reported in 2017", "last reported in 2010"), never
as a machine's hedge. Every word comes from data/interface.yaml (``period.*`` and ``date.*``).
"""
from __future__ import annotations

from dataclasses import dataclass

from peaceops.facts import Facts, Period
from peaceops.pages.localize import Localizer
from peaceops.source.fieldtypes import When
from peaceops.source.model import EvidenceRange, Mission

Moment = When | EvidenceRange | None


@dataclass(frozen=True)
class Line:
    """One period of a mission as a page shows it: the period and its words."""

    period: Period
    text: str


def lines(fmt: Localizer, facts: Facts, mission: Mission) -> list[Line]:
    """Each period of ``mission``, oldest first, as a line of its country page."""
    return [Line(period, _line(fmt, facts, period)) for period in facts.periods(mission)]


def years(fmt: Localizer, facts: Facts, mission: Mission) -> str:
    """The periods in years, for a table: "1999–2004; since 2025", "2017–2020; suspended in 2020";
    empty when no year is known. Where a start or an end is not published, the years are those the
    sources show Canadian police there (``Facts.known_span``; the table says so once, under it)."""
    parts = []
    for period in facts.periods(mission):
        if period.state == "suspended":  # the year it was suspended by; none when only its earliest is known
            start = period.start
            by = start if isinstance(start, When) else start.latest if isinstance(start, EvidenceRange) else None
            short = fmt.t("period.suspended_only_short")
            parts.append(fmt.t("period.suspended_year", year=str(by.year)) if by else short)
            continue
        first, last = facts.known_span(period)
        known = first or last
        if known is None:
            continue
        if period.lasting:
            parts.append(fmt.t("period.since_year", year=str(known.year)))
        else:
            end = (last or known).year
            years_text = fmt.t("period.years", start=str(known.year), end=str(end))
            parts.append(str(known.year) if end <= known.year else years_text)
    text = parts[0] if parts else ""
    for part in parts[1:]:
        text = fmt.t("period.and_then", before=text, after=part)
    return text


def since(fmt: Localizer, facts: Facts, mission: Mission) -> str:
    """When the period under way now began, for a table's "Since" column: the date as published,
    else the year by which a source shows Canadian police there; empty when nothing shows it."""
    period = facts.periods(mission)[-1]
    if isinstance(period.start, When):
        return fmt.when(period.start)
    known = period.known_from
    return str(known.year) if known is not None else ""


def unpublished(facts: Facts, mission: Mission) -> bool:
    """Whether a start or an end of the mission's periods is not published (its table then says so)."""
    return any(
        not period.start_published or (period.closed and not period.end_published) for period in facts.periods(mission)
    )


def _latest(value: Moment) -> When | None:
    """A single date for a moment: itself, or the latest bound of a range (by which it had happened)."""
    if isinstance(value, When):
        return value
    if isinstance(value, EvidenceRange):
        return value.latest or value.earliest
    return None


def _moment(fmt: Localizer, kind: str, value: Moment) -> str:
    """A date phrase for a date or a range ("in 2010", "in 2016–2017", "en 2016-2017")."""
    if isinstance(value, EvidenceRange) and value.earliest is not None and value.latest is not None:
        if value.earliest == value.latest:
            return fmt.phrase(kind, value.earliest)
        return fmt.t(f"date.{kind}.year", date=fmt.span(value.earliest, value.latest))
    if isinstance(value, When):
        return fmt.phrase(kind, value)
    return ""


def _line(fmt: Localizer, facts: Facts, period: Period) -> str:
    if period.state == "suspended":
        return _suspended(fmt, period)
    text = _lasting(fmt, period) if period.lasting else _ended(fmt, facts, period)
    return fmt.t("period.again", period=text) if period.again else text


def _lasting(fmt: Localizer, period: Period) -> str:
    """A time under way that lasts: "since 2004", "since at least 2025", "under way"."""
    start = period.start
    if isinstance(start, When):
        return fmt.phrase("since", start)
    if isinstance(start, EvidenceRange) and start.latest is not None:
        return fmt.phrase("since_at_least", start.latest)
    if isinstance(start, EvidenceRange) and start.earliest is not None:
        return fmt.phrase("since_earliest", start.earliest)
    return fmt.t("period.under_way")


def _ended(fmt: Localizer, facts: Facts, period: Period) -> str:
    """A time under way that ended (or was suspended): from its start to its end where both are
    published; otherwise what is published and the first or last date the sources show it."""
    start, end = period.start, period.end
    if isinstance(start, When) and isinstance(end, When):
        return fmt.t("period.from_to", start=fmt.phrase("from", start), end=fmt.phrase("to", end))
    first, last = facts.reported(period)
    if isinstance(start, When) and period.then == "suspended":  # the next line says when it was suspended
        return fmt.t("period.until_suspended", start=fmt.phrase("from", start).rstrip(","))
    if isinstance(start, When):
        last_known = _latest(last)
        if last_known is not None and last_known.first_day > start.last_day:
            return fmt.t("period.from_to", start=fmt.phrase("from", start), end=fmt.phrase("to_at_least", last_known))
        return fmt.phrase("from", start).rstrip(",")
    known_from = period.known_from
    if isinstance(end, When):
        if known_from is not None:
            return fmt.t("period.from_to", start=fmt.phrase("from_at_least", known_from), end=fmt.phrase("until", end))
        return fmt.phrase("until", end)
    if first is None and last is None:
        return fmt.t("period.ended")
    if first == last or last is None or first is None:
        return fmt.t("period.reported", date=_moment(fmt, "in", first or last))
    return fmt.t(
        "period.first_and_last", first=_moment(fmt, "in", first), last=_moment(fmt, "in", last)
    )


def suspension(fmt: Localizer, facts: Facts, mission: Mission) -> str:
    """A suspended mission's suspension, after its name: "suspended between February 24 and March 17,
    2022" ("suspendue entre le 24 février et le 17 mars 2022")."""
    when = _suspended_when(fmt, facts.periods(mission)[-1])
    return fmt.t("suspended.status", when=when) if when else fmt.t("suspended.status_only")


def suspension_sentence(fmt: Localizer, facts: Facts, mission: Mission) -> str:
    """The suspension as a sentence of its country page, in the tense its date takes: "The mission
    has been suspended since March 2020", "The mission was suspended between February 24 and March
    17, 2022"."""
    period = facts.periods(mission)[-1]
    when = _suspended_when(fmt, period)
    if not when:
        return fmt.t("suspended.sentence.undated")
    start = period.start
    # "was suspended between ..." or "after ...": the change is told as past; "has been suspended since ...".
    between = isinstance(start, EvidenceRange) and start.earliest is not None
    return fmt.t("suspended.sentence.between" if between else "suspended.sentence.since", when=when)


def _suspended(fmt: Localizer, period: Period) -> str:
    """A suspension as a line of its own: "suspended since March 2020", "suspended between February
    24 and March 17, 2022", "suspended on January 8, 2020, and not resumed"."""
    start = period.start
    if period.closed and period.then == "ended":
        if isinstance(start, When):
            return fmt.t("period.not_resumed", when=fmt.phrase("in", start))
        return fmt.t("period.not_resumed_undated")
    when = _suspended_when(fmt, period)
    return fmt.t("period.suspended", when=when) if when else fmt.t("period.suspended_only")


def _suspended_when(fmt: Localizer, period: Period) -> str:
    """When a suspension began (and ended, if it did), as a date phrase; empty when nothing says."""
    start = period.start
    if period.closed and isinstance(start, When) and isinstance(period.end, When):
        return fmt.t("period.from_to", start=fmt.phrase("from", start), end=fmt.phrase("to", period.end))
    if isinstance(start, When):
        return fmt.phrase("since", start)
    if isinstance(start, EvidenceRange) and start.earliest is not None and start.latest is not None:
        return fmt.between(start.earliest, start.latest)
    if isinstance(start, EvidenceRange) and start.latest is not None:
        return fmt.phrase("since_at_least", start.latest)
    if isinstance(start, EvidenceRange) and start.earliest is not None:
        return fmt.phrase("after", start.earliest)  # "suspended after February 24, 2022"
    return ""
