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
# The counts of Canadian police serving, in the order preferred on a tie: the program's own totals
# (every mission) before the UN's counts of those in UN missions.
SERVING_COUNTS = ("officers_serving", "officers_in_un_missions")
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
class StatusPeriod:
    """One status line of a mission as the open data gives it: a state (under_way, suspended, ended)
    from its start to the start of the next one (the pages' account of when Canadian police served,
    with a state that merely repeats folded in, is ``Facts.periods``). ``end`` is None while it lasts,
    and when no source dates the next state; ``source`` is the key of the source that gives the state."""

    state: str
    start: When | EvidenceRange | None
    end: When | EvidenceRange | None
    source: str


def status_periods(mission: Mission) -> list[StatusPeriod]:
    """The mission's periods, oldest first, one per status line: none merged into another, so UNMIK
    keeps 1999 to 2004 apart from its present period, with the years between as a period ended."""
    following: list[Status | None] = [*mission.status[1:], None]
    return [
        StatusPeriod(entry.state, entry.since, after.since if after is not None else None, entry.source)
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


@dataclass(frozen=True)
class Period:
    """One stretch of a mission's status for Canadian police: under way or suspended, from the status
    line that began it to the one that followed it. A mission's periods, in the order they happened,
    are what every page shows of when (``Facts.periods``): UNMIK under way from 1999 to 2004 and again
    since 2025 are two periods, never one.

    ``start`` is the status's ``since`` as written (a date, a range by evidence, or None); ``end`` the
    ``since`` of the status that followed, when one did (``closed``); ``then`` that status's state
    (``ended``, ``suspended`` or ``under_way``). ``first_seen`` and ``last_seen`` are the first and
    last stated dates of the mission's figures inside the period: where a start or an end is not
    published, the dates the sources do show Canadian police there. ``begins_from`` and ``ends_by``
    bound the period: the earliest day its start allows, else that of the nearest status before it that
    is dated; the latest day the status that followed allows, else that of the nearest one after it that
    is dated (the statuses are in order), date.max while it lasts. ``source`` is the key of the source
    that gives the period's state, ``end_source`` that of the status that followed."""

    state: str
    start: When | EvidenceRange | None
    end: When | EvidenceRange | None
    closed: bool
    then: str | None
    again: bool
    source: str
    end_source: str | None = None
    first_seen: When | None = None
    last_seen: When | None = None
    begins_from: date = date.min
    ends_by: date = date.max

    @property
    def lasting(self) -> bool:
        """Still the mission's status now."""
        return not self.closed

    @property
    def start_published(self) -> bool:
        return isinstance(self.start, When)

    @property
    def end_published(self) -> bool:
        return isinstance(self.end, When)

    @property
    def known_from(self) -> When | None:
        """The date by which the period had certainly begun: its start as stated, else the latest bound
        of its range, else the first date a figure shows it; None when nothing shows it."""
        if isinstance(self.start, When):
            return self.start
        if isinstance(self.start, EvidenceRange) and self.start.latest is not None:
            return self.start.latest
        return self.first_seen

    @property
    def known_to(self) -> When | None:
        """For a period that ended: the date until which it certainly lasted: its end as stated, else
        the later of its range's earliest bound and the last date a figure shows it; None when nothing
        shows it (or while it lasts)."""
        if not self.closed:
            return None
        if isinstance(self.end, When):
            return self.end
        found = [w for w in (self.last_seen, self.end.earliest if isinstance(self.end, EvidenceRange) else None) if w]
        return max(found, key=lambda when: when.last_day, default=None)


def _lower(value: When | EvidenceRange | None) -> date:
    """The first day a date or a range allows (the earliest possible)."""
    if isinstance(value, When):
        return value.first_day
    if isinstance(value, EvidenceRange) and value.earliest is not None:
        return value.earliest.first_day
    return date.min


def _upper(value: When | EvidenceRange | None) -> date:
    """The last day a date or a range allows (the latest possible)."""
    if isinstance(value, When):
        return value.last_day
    if isinstance(value, EvidenceRange) and value.latest is not None:
        return value.latest.last_day
    return date.max


def _one(value: When | EvidenceRange | None, earliest: bool) -> When | None:
    """A single date for a date or a range: the date, or the range's earliest (else latest) bound, or
    with ``earliest=False`` its latest (else earliest) bound."""
    if isinstance(value, When) or value is None:
        return value
    bounds = (value.earliest, value.latest) if earliest else (value.latest, value.earliest)
    return bounds[0] or bounds[1]


def _latest_year(since: When | EvidenceRange | None) -> int | None:
    """The latest year a status can have begun: the stated year, or a range's latest bound. For a
    period's start, the first year it is known to be under way; for its end, the last year a figure
    of the period can have."""
    if isinstance(since, When):
        return since.year
    if isinstance(since, EvidenceRange) and since.latest is not None:
        return since.latest.year
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

    # Worked out once (the data never changes under them): the tables, the map and the menu ask a
    # country for its current missions several times each, 11,000 times at 1,000 operations.
    @cached_property
    def current(self) -> tuple[Mission, ...]:
        return tuple(m for m in self.missions if m.current)

    @cached_property
    def suspended(self) -> tuple[Mission, ...]:
        return tuple(m for m in self.missions if m.suspended)

    @cached_property
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

    def reader_date(self, value: When | EvidenceRange | None, source: Source) -> When | EvidenceRange | None:
        """The date a reader is shown for a figure or a source: as given, except that a range open at
        its end ("2023 or later") from a page still online ends on the day the data was last checked
        against it (``as_of``): the page said it then at the latest (STYLE.md, "A date nobody
        published"). A gone page's open range stays open."""
        if isinstance(value, EvidenceRange) and value.earliest is not None and value.latest is None and not source.gone:
            checked = self.as_of
            if checked >= value.earliest.first_day:
                return EvidenceRange(earliest=value.earliest, latest=When(checked.year, checked.month, checked.day),
                                     reason=value.reason)
        return value

    def shown_date(self, figure: Dated) -> When | EvidenceRange | None:
        """A figure's date as the pages show it (``reader_date``)."""
        return self.reader_date(figure.date, figure.source)

    def source_date(self, source: Source) -> When | EvidenceRange | None:
        """A source's own date, as its note shows it: published, else its range by evidence (``reader_date``)."""
        return source.published if source.published is not None else self.reader_date(source.dated, source)

    def reported(self, period: Period) -> tuple[When | EvidenceRange | None, When | EvidenceRange | None]:
        """Where a period's start or end is not published: the first and last dates the sources show
        Canadian police in it (its figures' stated dates, the earliest bound of its end), else the date
        of the source that gives its state, when that source states it or bounds it on both sides (a
        page still online that speaks of an ended mission says nothing of when it was under way)."""
        source = self.source(period.source)
        fallback: When | EvidenceRange | None = source.published
        if fallback is None and source.dated is not None and source.dated.earliest and source.dated.latest:
            fallback = source.dated
        end_bound = period.end.earliest if isinstance(period.end, EvidenceRange) else None
        last = [when for when in (period.last_seen, end_bound) if when]
        return (
            period.first_seen or fallback,
            max(last, key=lambda when: when.last_day) if last else fallback,
        )

    def known_span(self, period: Period) -> tuple[When | None, When | None]:
        """The first and last dates of a period as single dates, for a table's years: its published
        start and end, else the bounds and reports the sources give (``reported``); the last is None
        while the period lasts."""
        first_reported, last_reported = self.reported(period)
        first = period.known_from or _one(first_reported, earliest=True)
        if isinstance(period.end, When):
            last: When | None = period.end
        elif period.closed:
            last = _one(last_reported, earliest=False)
        else:
            last = None
        return first, last

    def first_year_of(self, mission: Mission) -> int | None:
        """The first year the sources show Canadian police in the mission (``known_span``), or None."""
        years = []
        for period in self.periods(mission):
            if period.state == "under_way":
                first, last = self.known_span(period)
                if first or last:
                    years.append((first or last).year)  # type: ignore[union-attr]
        return min(years, default=None)

    def newest_serving(self) -> tuple[str, Dated] | None:
        """The newest dated count of Canadian police serving, of the program's own totals
        (``officers_serving``) and the UN's monthly counts of those in UN missions
        (``officers_in_un_missions``), with the name of the kind it is; on a tie, the program's own,
        which covers every mission. None when neither has a dated count."""
        found = [
            (figure.rank, -order, name, figure)
            for order, name in enumerate(SERVING_COUNTS)
            for figure in self.history(name)[:1]
            if figure.date is not None
        ]
        if not found:
            return None
        _, _, name, figure = max(found, key=lambda item: (item[0], item[1]))
        return name, figure

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

    def periods(self, mission: Mission) -> list[Period]:
        """The mission's periods under way and suspended, in the order they happened, each apart: the one
        account of when Canadian police served that every page (and the open data) gives. An ``ended``
        line closes the period before it and begins none; a status that follows another of the same
        state (a new source for it) does not split the period."""
        key = mission.id
        if key not in self._periods:
            seen = sorted(
                (f.when for kind in self.kinds(mission) for f in self.figures(mission, kind) if f.when),
                key=lambda when: when.first_day,
            )
            entries = mission.status
            found: list[Period] = []
            index = 0
            while index < len(entries):
                entry = entries[index]
                if entry.state == "ended":
                    index += 1
                    continue
                following = index + 1
                while following < len(entries) and entries[following].state == entry.state:
                    following += 1  # the same state again: the same period, as a later source gives it
                after = entries[following] if following < len(entries) else None
                # An undated start or end is bounded by the nearest dated status before or after it:
                # a figure of another period is never taken as this one's.
                earlier = (_lower(e.since) for e in reversed(entries[: index + 1]))
                low = next((day for day in earlier if day != date.min), date.min)
                later = (_upper(e.since) for e in entries[following:])
                high = next((day for day in later if day != date.max), date.max)
                inside = [when for when in seen if when.last_day >= low and when.first_day <= high]
                again = entry.state == "under_way" and any(p.state == "under_way" for p in found)
                found.append(
                    Period(
                        state=entry.state,
                        start=entry.since,
                        end=after.since if after else None,
                        closed=after is not None,
                        then=after.state if after else None,
                        again=again,
                        source=entries[following - 1].source,
                        end_source=after.source if after else None,
                        first_seen=inside[0] if inside else None,
                        last_seen=inside[-1] if inside else None,
                        begins_from=low,
                        ends_by=high,
                    )
                )
                index = following
            self._periods[key] = tuple(found)
        return list(self._periods[key])

    @cached_property
    def _periods(self) -> dict[str, tuple[Period, ...]]:
        return {}

    def years_under_way(self, mission: Mission) -> list[int]:
        """The years the sources show Canadian police serving in the mission, for the chart.

        Each time it was under way counts from its first known year (the year its ``since`` states;
        for a range, its latest bound, by which it had begun; else its earliest dated figure) to its
        last (the year the next status states; while still under way, the year the data was checked
        up to; else its latest dated figure). A suspension or an end interrupts it; nothing is guessed
        between bounds: a period with no known year is not counted."""
        dated = sorted(f.when.year for kind in self.kinds(mission) for f in self.figures(mission, kind) if f.when)
        years: set[int] = set()
        for period in self.periods(mission):
            if period.state != "under_way":
                continue
            first = _latest_year(period.start)
            if period.lasting:
                last: int | None = self.latest_year
            elif isinstance(period.end, When):
                last = period.end.year
            else:
                last = None
            # The figures of this period only, within the years its bounds allow.
            low = period.begins_from.year
            high = last if last is not None else period.ends_by.year
            inside = [y for y in dated if low <= y <= high]
            first = first if first is not None else min(inside, default=last if period.lasting else None)
            last = last if last is not None else max([*inside, first] if first is not None else inside, default=None)
            if first is not None and last is not None:
                years.update(range(first, max(first, last) + 1))
        return sorted(years)

    def span(self, mission: Mission) -> tuple[int, int] | None:
        """(first, last) year the sources show Canadian police in the mission, or None if no year is known."""
        years = self.years_under_way(mission)
        return (years[0], years[-1]) if years else None

    @cached_property
    def ended_by_decade(self) -> tuple[tuple[int, tuple[Mission, ...]], ...]:
        """Ended missions by the decade of the first year the sources show Canadian police in them
        (``first_year``), the newest decade first: Past operations' tables."""
        decades: dict[int, list[Mission]] = {}
        for mission in self.past:
            first = self.first_year_of(mission)
            if first is not None:
                decades.setdefault(first // 10 * 10, []).append(mission)
        return tuple((decade, tuple(decades[decade])) for decade in sorted(decades, reverse=True))

    @cached_property
    def ended_undated(self) -> tuple[Mission, ...]:
        """Ended missions in which no year of Canadian police is known: listed apart."""
        return tuple(m for m in self.past if self.first_year_of(m) is None)

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
