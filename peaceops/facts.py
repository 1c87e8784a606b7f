"""Figures derived from the missions: the one place every total on the site is computed.

Why: a total typed into a page goes stale the day a mission changes. Every page, export, map and
chart asks ``derive`` instead, so a number agrees everywhere it appears. A total over missions of
which some have no published figure says so (``complete`` is false) rather than pretending.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from peaceops.source.dataset import Dataset
from peaceops.source.fieldtypes import When
from peaceops.source.model import Mission
from peaceops.source.places import Place


@dataclass(frozen=True)
class Total:
    """A sum of officer figures over some missions, with how many of them had a figure."""

    value: int
    known: int
    of: int
    latest: When | None

    @property
    def complete(self) -> bool:
        return self.known == self.of


def total(missions: tuple[Mission, ...], kind: str) -> Total:
    figures = [getattr(m.officers, kind) for m in missions]
    known = [f for f in figures if f is not None]
    return Total(
        value=sum(f.count for f in known),
        known=len(known),
        of=len(missions),
        latest=max((f.as_of for f in known), default=None),
    )


@dataclass(frozen=True)
class CountryFacts:
    place: Place
    missions: tuple[Mission, ...]  # newest first

    @property
    def current(self) -> tuple[Mission, ...]:
        return tuple(m for m in self.missions if m.current)

    @property
    def past(self) -> tuple[Mission, ...]:
        return tuple(m for m in self.missions if not m.current)

    @property
    def deployed(self) -> Total:
        return total(self.current, "deployed")

    @property
    def authorized(self) -> Total:
        return total(self.current, "authorized")


@dataclass(frozen=True)
class Facts:
    dataset: Dataset

    @cached_property
    def missions(self) -> tuple[Mission, ...]:
        """Every mission, newest start first (ties by id, so the order never depends on the file)."""
        return tuple(sorted(self.dataset.missions, key=lambda m: (m.start.first_day, m.id), reverse=True))

    @cached_property
    def current(self) -> tuple[Mission, ...]:
        return tuple(m for m in self.missions if m.current)

    @cached_property
    def past(self) -> tuple[Mission, ...]:
        return tuple(m for m in self.missions if not m.current)

    @cached_property
    def countries(self) -> tuple[CountryFacts, ...]:
        """Every place with a mission, current or past, in a stable order (by code)."""
        by_code: dict[str, list[Mission]] = {}
        for mission in self.missions:
            by_code.setdefault(mission.country, []).append(mission)
        return tuple(
            CountryFacts(self.place(code), tuple(missions)) for code, missions in sorted(by_code.items())
        )

    @cached_property
    def countries_now(self) -> tuple[CountryFacts, ...]:
        return tuple(c for c in self.countries if c.current)

    @cached_property
    def officers_deployed(self) -> Total:
        return total(self.current, "deployed")

    @cached_property
    def officers_authorized(self) -> Total:
        return total(self.current, "authorized")

    @property
    def operations_listed(self) -> int:
        return len(self.missions)

    @property
    def first_year(self) -> int | None:
        return min((m.start.year for m in self.missions), default=None)

    @cached_property
    def active_by_year(self) -> tuple[tuple[int, int], ...]:
        """(year, number of operations with Canadian police at some point that year), first to last."""
        if not self.missions:
            return ()
        last = self.latest_year
        counts: Counter[int] = Counter()
        for mission in self.missions:
            for year in range(mission.start.year, (mission.end.year if mission.end else last) + 1):
                counts[year] += 1
        return tuple((year, counts[year]) for year in range(self.first_year or last, last + 1))

    @property
    def latest_year(self) -> int:
        """The latest year the missions' dates or figures speak of: "now", as far as the data knows."""
        years = [m.start.year for m in self.missions] + [m.end.year for m in self.missions if m.end]
        years += [f.as_of.year for m in self.missions for f in (m.officers.deployed, m.officers.authorized) if f]
        return max(years)

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
