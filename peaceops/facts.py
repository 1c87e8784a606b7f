"""Figures derived from the missions: the one place every total and every dated figure is computed.

Why: a total typed into a page goes stale the day a mission changes. Every page, export, map and
chart asks ``derive`` instead, so a number agrees everywhere it appears. Each figure is a dated
statement; the latest of each kind is chosen here, with its date (the one the source gives, or the
source's own date when it gives none). A total is given as a number only when every mission in it
has a figure of that kind from the same year; otherwise pages show the published figures instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from peaceops.source.dataset import Dataset
from peaceops.source.fieldtypes import When
from peaceops.source.model import OFFICER_KINDS, EvidenceRange, Mission, Source, Status
from peaceops.source.places import Place

# Where a figure's date comes from: its own as_of, its source's published date, its source's range
# by evidence (dated:), or nowhere ("date not stated").
BASES = ("stated", "published", "dated", "not_stated")
Day = date  # the type, for annotations inside Dated, whose field ``date`` hides it


@dataclass(frozen=True)
class Dated:
    """A figure with the date it speaks of and its source: what every page shows next to a number.

    ``date`` is a stated year, month or day, a range by evidence (capped by the mission's end), or
    None when nothing dates it. The day an editor read a source is never a figure's date."""

    kind: str
    count: int
    qualifier: str
    date: When | EvidenceRange | None
    basis: str
    source: Source

    @property
    def when(self) -> When | None:
        """The date as stated (the figure's or its source's); None for a range or no date."""
        return self.date if isinstance(self.date, When) else None

    @property
    def as_of(self) -> str:
        """The date for machines (``machine_date``); empty when no date is stated."""
        return machine_date(self.date) or ""

    @property
    def rank(self) -> tuple[int, Day, int]:
        """How new the figure is, for ranking (greater is newer). A stated date ranks by its last day;
        a range by its earliest bound, below a stated date of the same key; a range with only a latest
        bound below any with an earliest; "date not stated" last."""
        if isinstance(self.date, When):
            return (2, self.date.last_day, 1)
        if isinstance(self.date, EvidenceRange):
            if self.date.earliest is not None:
                return (2, self.date.earliest.first_day, 0)
            if self.date.latest is not None:
                return (1, self.date.latest.last_day, 0)
        return (0, Day.min, 0)


def machine_date(value: When | EvidenceRange | None) -> str | None:
    """A date as the open data writes it: 2021-04, or an ISO 8601 interval for a range by evidence
    (2016/2019, 2022/.., ../2019; one date when both bounds agree); None when there is none."""
    if isinstance(value, When):
        return value.iso
    if isinstance(value, EvidenceRange):
        earliest, latest = value.earliest, value.latest
        if earliest is not None and earliest == latest:  # bounded to one year, month or day: that date
            return earliest.iso
        return "/".join(bound.iso if bound else ".." for bound in (earliest, latest))
    return None


@dataclass(frozen=True)
class Period:
    """One stretch of a mission's history for Canadian police: a state (under_way, suspended, ended)
    from its start to the start of the next one. ``end`` is None while it lasts, and when no source
    dates the next state; ``source`` is the key of the source that gives the state."""

    state: str
    start: When | EvidenceRange | None
    end: When | EvidenceRange | None
    source: str


def periods(mission: Mission) -> list[Period]:
    """The mission's periods, oldest first, one per status line: none merged into another, so UNMIK
    keeps 1999 to 2004 apart from its present period, with the years between as a period ended."""
    following: list[Status | None] = [*mission.status[1:], None]
    return [
        Period(entry.state, entry.since, after.since if after is not None else None, entry.source)
        for entry, after in zip(mission.status, following, strict=True)
    ]


def dated(item: Any, kind: str, sources: dict[str, Source], end: When | None = None) -> Dated:
    """A mission's observation or a program statement, dated by itself or else by its source; a
    mission's figure is never dated after the mission's ``end``."""
    source = sources[item.source]
    value: When | EvidenceRange | None
    if item.as_of is not None:
        value, basis = item.as_of, "stated"
    elif source.published is not None:
        value, basis = source.published, "published"
    elif source.dated is not None:
        value, basis = source.dated, "dated"
    else:
        value, basis = None, "not_stated"
    if end is not None:
        value = capped(value, end)
    return Dated(kind, item.count, getattr(item, "qualifier", "exactly"), value, basis, source)


def capped(value: When | EvidenceRange | None, end: When) -> When | EvidenceRange | None:
    """A date no later than the mission's end. A figure's own date after the end is refused by make
    check; a source's date after it (a page written later) only shows the figure is from the end or
    earlier; a range reaching past the end stops at it."""
    if isinstance(value, When):
        if value.first_day > end.last_day:
            return EvidenceRange(latest=end, reason="the mission's end")
        return value
    if isinstance(value, EvidenceRange):
        earliest = value.earliest if value.earliest and value.earliest.first_day <= end.last_day else None
        latest = value.latest if value.latest and value.latest.last_day <= end.last_day else end
        if (earliest, latest) != (value.earliest, value.latest):
            return EvidenceRange(earliest=earliest, latest=latest, reason=value.reason)
    return value


def newest_first(figures: list[Dated]) -> list[Dated]:
    """Newest first by ``Dated.rank``; figures of the same rank keep the file's order, the one written
    last first."""
    order = list(enumerate(figures))
    order.sort(key=lambda pair: (pair[1].rank, pair[0]), reverse=True)
    return [figure for _, figure in order]


@dataclass(frozen=True)
class Total:
    """A sum of the latest officer figures over some missions, with how many of them had one.

    ``comparable`` only when every mission has a figure and all of them are from the same year:
    then, and only then, is the sum a number a reader may take as a total."""

    value: int
    known: int
    of: int
    latest: When | None
    earliest: When | None = None

    @property
    def complete(self) -> bool:
        return self.known == self.of

    @property
    def comparable(self) -> bool:
        return (
            self.complete
            and self.known > 0
            and self.latest is not None
            and self.earliest is not None
            and self.latest.year == self.earliest.year
        )


def _known_begin(since: When | EvidenceRange | None) -> int | None:
    """The first year a period is known to be under way: the stated year, or a range's latest bound."""
    if isinstance(since, When):
        return since.year
    if isinstance(since, EvidenceRange) and since.latest is not None:
        return since.latest.year
    return None


def _earliest_year(since: When | EvidenceRange | None) -> int | None:
    """The earliest year a period can have begun: the stated year, or a range's earliest bound."""
    if isinstance(since, When):
        return since.year
    if isinstance(since, EvidenceRange) and since.earliest is not None:
        return since.earliest.year
    return None


def total(figures: list[Dated | None]) -> Total:
    """A figure without a stated date makes the total incomparable: its year is not known."""
    known = [f for f in figures if f is not None]
    stated = [f.when for f in known if f.when is not None]
    return Total(
        value=sum(f.count for f in known),
        known=len(known),
        of=len(figures),
        latest=max(stated, default=None) if len(stated) == len(known) else None,
        earliest=min(stated, default=None) if len(stated) == len(known) else None,
    )


@dataclass(frozen=True)
class CountryFacts:
    place: Place
    missions: tuple[Mission, ...]  # newest first

    @property
    def current(self) -> tuple[Mission, ...]:
        return tuple(m for m in self.missions if m.current)

    @property
    def suspended(self) -> tuple[Mission, ...]:
        return tuple(m for m in self.missions if m.suspended)

    @property
    def past(self) -> tuple[Mission, ...]:
        """Ended missions only: a suspended mission is neither current nor past."""
        return tuple(m for m in self.missions if m.ended)


@dataclass(frozen=True)
class Facts:
    dataset: Dataset

    # --- Dated figures ------------------------------------------------------------------------
    def figures(self, mission: Mission, kind: str) -> list[Dated]:
        """Every figure of ``kind`` for the mission, newest first (worked out once: the tables, feeds
        and open data ask for each mission's figures about thirty times)."""
        key = (mission.id, kind)
        if key not in self._figures:
            sources = self.dataset.sources
            found = [dated(o, kind, sources, mission.end) for o in mission.officers if o.kind == kind]
            self._figures[key] = tuple(newest_first(found))
        return list(self._figures[key])

    @cached_property
    def _figures(self) -> dict[tuple[str, str], tuple[Dated, ...]]:
        return {}

    def latest(self, mission: Mission, kind: str) -> Dated | None:
        """The newest figure of ``kind`` for the mission, or None when no source gives one."""
        figures = self.figures(mission, kind)
        return figures[0] if figures else None

    def latest_authorized(self, mission: Mission) -> Dated | None:
        """The newest of the authorized strength and the "up to" ceiling, the ceiling when they are as
        new: the one figure of authorized officers that every table shows (deployments, serving, the
        fact sheet)."""
        authorized, up_to = self.latest(mission, "authorized"), self.latest(mission, "authorized_up_to")
        if authorized is None or (up_to is not None and up_to.rank >= authorized.rank):
            return up_to or authorized
        return authorized

    def kinds(self, mission: Mission) -> list[str]:
        """The kinds of figure the mission has, in a fixed order."""
        return [kind for kind in OFFICER_KINDS if any(o.kind == kind for o in mission.officers)]

    def history(self, name: str) -> list[Dated]:
        """A program figure's statements (officers_served, operations ...), newest first."""
        sources = self.dataset.sources
        return newest_first([dated(s, name, sources) for s in getattr(self.dataset.program.facts, name)])

    def program_latest(self, name: str) -> Dated | None:
        history = self.history(name)
        return history[0] if history else None

    def source(self, key: str) -> Source:
        return self.dataset.sources[key]

    @property
    def as_of(self) -> date:
        """The date up to which the data was checked against its sources (data/dataset.yaml)."""
        return self.dataset.review.as_of

    @cached_property
    def missions(self) -> tuple[Mission, ...]:
        """Every mission, newest first: by its start, or, when no source gives one, its first dated
        figure (ties by id, so the order never depends on the file)."""
        return tuple(sorted(self.dataset.missions, key=lambda m: (self.first_known(m), m.id), reverse=True))

    def first_known(self, mission: Mission) -> date:
        """The first day the data shows the mission with Canadian police: its start, else its earliest figure."""
        if mission.start is not None:
            return mission.start.first_day
        days = [f.when.first_day for kind in self.kinds(mission) for f in self.figures(mission, kind) if f.when]
        return min(days, default=mission.end.first_day if mission.end else date.min)

    def years_under_way(self, mission: Mission) -> list[int]:
        """The years the sources show Canadian police serving in the mission, for the chart.

        Each time it was under way counts from its first known year (the year its ``since`` states;
        for a range, its latest bound, by which it had begun; else its earliest dated figure) to its
        last (the year the next status states; while still under way, the year the data was checked
        up to; else its latest dated figure). A suspension or an end interrupts it; nothing is guessed
        between bounds: a period with no known year is not counted."""
        dated = sorted(f.when.year for kind in self.kinds(mission) for f in self.figures(mission, kind) if f.when)
        years: set[int] = set()
        for entry, after in mission.periods_under_way():
            first = _known_begin(entry.since)
            if after is None:
                last: int | None = self.latest_year
            elif after.date is not None:
                last = after.date.year
            else:
                last = None
            low = _earliest_year(entry.since)
            inside = [y for y in dated if (low is None or y >= low) and (last is None or y <= last)]
            first = first if first is not None else min(inside, default=last if after is None else None)
            last = last if last is not None else max([*inside, first] if first is not None else inside, default=None)
            if first is not None and last is not None:
                years.update(range(first, max(first, last) + 1))
        return sorted(years)

    def span(self, mission: Mission) -> tuple[int, int] | None:
        """(first, last) year the sources show Canadian police in the mission, or None if no year is known."""
        years = self.years_under_way(mission)
        return (years[0], years[-1]) if years else None

    @cached_property
    def ended_with_start(self) -> tuple[Mission, ...]:
        """Ended missions whose start a source states: Past operations, by the decade each began."""
        return tuple(m for m in self.past if m.start is not None)

    @cached_property
    def ended_without_start(self) -> tuple[Mission, ...]:
        return tuple(m for m in self.past if m.start is None)

    @cached_property
    def current(self) -> tuple[Mission, ...]:
        """Missions under way: Canadian police serve there now."""
        return tuple(m for m in self.missions if m.current)

    @cached_property
    def suspended(self) -> tuple[Mission, ...]:
        """Suspended missions: counted neither as under way nor as ended, shown apart."""
        return tuple(m for m in self.missions if m.suspended)

    @cached_property
    def past(self) -> tuple[Mission, ...]:
        """Ended missions."""
        return tuple(m for m in self.missions if m.ended)

    @cached_property
    def countries(self) -> tuple[CountryFacts, ...]:
        """Every place with a mission, current or past, in a stable order (by code)."""
        by_code: dict[str, list[Mission]] = {}
        for mission in self.missions:
            by_code.setdefault(mission.country, []).append(mission)
        return tuple(CountryFacts(self.place(code), tuple(missions)) for code, missions in sorted(by_code.items()))

    @cached_property
    def countries_now(self) -> tuple[CountryFacts, ...]:
        return tuple(c for c in self.countries if c.current)

    def officers_total(self, kind: str, missions: tuple[Mission, ...] | None = None) -> Total:
        """The sum of the latest figures of ``kind`` over the current missions (or ``missions``)."""
        return total([self.latest(m, kind) for m in (self.current if missions is None else missions)])

    @cached_property
    def officers_deployed(self) -> Total:
        return self.officers_total("deployed")

    @cached_property
    def officers_authorized(self) -> Total:
        return self.officers_total("authorized")

    @property
    def operations_listed(self) -> int:
        return len(self.missions)

    @cached_property  # the figures macro asks for it once per figure it shows
    def first_year(self) -> int | None:
        return min((m.start.year for m in self.missions if m.start), default=None)

    @cached_property
    def active_by_year(self) -> tuple[tuple[int, int], ...]:
        """(year, number of operations with Canadian police at some point that year), first to last."""
        if not self.missions:
            return ()
        last = self.latest_year
        counts: Counter[int] = Counter()
        for mission in self.missions:
            counts.update(self.years_under_way(mission))
        start = min(counts, default=last)
        return tuple((year, counts[year]) for year in range(start, last + 1))

    @cached_property  # read once per mission by years_under_way: it must not look at every mission each time
    def latest_year(self) -> int:
        """The year the data was checked up to (as_of): a mission still under way counts up to it."""
        years = [m.start.year for m in self.missions if m.start] + [m.end.year for m in self.missions if m.end]
        return int(max([*years, self.as_of.year]))

    def place(self, code: str) -> Place:
        place = self.dataset.places.get(code)
        if place is None:  # the dataset's checks make this unreachable for loaded data
            raise KeyError(code)
        return place

    @cached_property
    def _country_by_code(self) -> dict[str, CountryFacts]:
        return {country.place.code: country for country in self.countries}

    def country(self, code: str) -> CountryFacts:
        """The facts of one place; a lookup, since every country page and its date ask for theirs."""
        return self._country_by_code[code]


def derive(dataset: Dataset) -> Facts:
    return Facts(dataset)
