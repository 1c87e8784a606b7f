"""Properties of the ranking of dated figures, for any mix of dates: Hypothesis, not examples.

Why: which figure is "the latest" decides what every table, page and file shows. The real data no
longer holds the hard cases (two figures of one date, a range around a stated date, an authorized
strength and a ceiling of the same day), so tests written against it stopped covering them. Here
Hypothesis draws lists of exact dates, months, years and ranges by evidence, with ties on purpose,
and checks ``newest_first``, ``Dated.rank`` and ``Facts.latest_authorized`` against the rules as the
tests read them (tests/dated.py's docstring, the agreed shape of issue 18), pair by pair:

- a stated date ranks by its last day (2018 and 2018-12 and 2018-12-31 are as new as each other);
- a range by its earliest bound's first day, below a stated date whose last day is that same day;
- a range with only a latest bound below any figure with a stated date or an earliest bound, and
  among such ranges by that latest bound;
- no date at all last;
- of two figures as new as each other, the one written later in the file comes first.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from peaceops.facts import Dated, Facts, newest_first
from peaceops.source.fieldtypes import When
from peaceops.source.model import EvidenceRange

# Few years, so that ties and same-year cases come up often.
YEARS = st.integers(min_value=2015, max_value=2018)


@st.composite
def whens(draw) -> When:
    year = draw(YEARS)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return When(year)
    month = draw(st.sampled_from([1, 6, 12]))
    if precision == "month":
        return When(year, month)
    last = calendar.monthrange(year, month)[1]
    return When(year, month, draw(st.sampled_from([1, 15, last])))


@st.composite
def ranges(draw) -> EvidenceRange:
    shape = draw(st.sampled_from(["both", "earliest", "latest"]))
    earliest = draw(whens()) if shape in ("both", "earliest") else None
    latest = draw(whens()) if shape in ("both", "latest") else None
    if earliest is not None and latest is not None and latest.last_day < earliest.first_day:
        earliest, latest = latest, earliest
        if latest.last_day < earliest.first_day:  # still crossed (a year against a day inside it cannot be)
            latest = None
    return EvidenceRange(earliest=earliest, latest=latest, reason="drawn by a test")


DATES = st.one_of(whens(), ranges(), st.none())


def figure(value, kind: str = "authorized", count: int = 0) -> Dated:
    basis = "stated" if isinstance(value, When) else "dated" if value is not None else "not_stated"
    return Dated(kind, count, "exactly", value, basis, None)  # type: ignore[arg-type]  # the source is never read here


# --- The rules, as the tests read them ---------------------------------------------------------------
def _tier(value) -> int:
    """3: a stated date; 2: a range with an earliest bound; 1: only a latest bound; 0: no date."""
    if isinstance(value, When):
        return 3
    if isinstance(value, EvidenceRange):
        return 2 if value.earliest is not None else 1
    return 0


def _day(value) -> date:
    if isinstance(value, When):
        return value.last_day
    if value.earliest is not None:
        return value.earliest.first_day
    return value.latest.last_day


def newer(a, b) -> bool | None:
    """Is a date ``a`` strictly newer than ``b`` by the rules above? None when they are as new."""
    ta, tb = _tier(a), _tier(b)
    dated_a, dated_b = ta >= 2, tb >= 2  # a stated date and a range from an earliest bound compare by day
    if dated_a and dated_b:
        if _day(a) != _day(b):
            return _day(a) > _day(b)
        if ta != tb:
            return ta > tb  # the stated date above the range that starts on its last day
        return None
    if ta != tb:
        return ta > tb
    if ta == 1 and _day(a) != _day(b):
        return _day(a) > _day(b)
    return None


@given(st.lists(DATES, max_size=8))
def test_newest_first_orders_every_pair_by_the_rules_and_ties_by_file_order_the_last_written_first(values):
    figures = [figure(value, count=index) for index, value in enumerate(values)]  # count: the file position
    ordered = newest_first(figures)
    assert sorted(f.count for f in ordered) == list(range(len(values)))  # the same figures, each once
    for i, earlier in enumerate(ordered):
        for later in ordered[i + 1 :]:
            verdict = newer(earlier.date, later.date)
            if verdict is None:
                assert earlier.count > later.count, (earlier, later)
            else:
                assert verdict, (earlier, later)


@given(whens(), ranges())
def test_a_range_never_outranks_a_stated_date_it_contains(stated, evidence):
    first = evidence.earliest.first_day if evidence.earliest else date.min
    last = evidence.latest.last_day if evidence.latest else date.max
    if not (first <= stated.first_day and stated.last_day <= last):
        return
    for order in ([figure(stated), figure(evidence)], [figure(evidence), figure(stated)]):
        assert newest_first(order)[0].date == stated


@given(DATES, DATES)
def test_rank_agrees_with_the_rules_for_every_pair(a, b):
    verdict = newer(a, b)
    ra, rb = figure(a).rank, figure(b).rank
    if verdict is None:
        assert ra == rb
    else:
        assert (ra > rb) == verdict and ra != rb


# --- The authorized strength and the "up to" ceiling: one figure every table shows ---------------------
@dataclass
class _Mission:
    id: str = "drawn"


class _Figures(Facts):
    """Facts whose figures are given, not read from a dataset: latest_authorized's own rule alone."""

    def __init__(self, given: dict[str, list[Dated]]):
        object.__setattr__(self, "given", given)

    def figures(self, mission, kind):
        return newest_first(self.given.get(kind, []))


@given(st.lists(DATES, max_size=3), st.lists(DATES, max_size=3))
def test_latest_authorized_is_the_newer_of_the_two_kinds_and_the_ceiling_when_as_new(authorized, up_to):
    given_figures = {
        "authorized": [figure(v, "authorized", i) for i, v in enumerate(authorized)],
        "authorized_up_to": [figure(v, "authorized_up_to", i) for i, v in enumerate(up_to)],
    }
    chosen = _Figures(given_figures).latest_authorized(_Mission())
    newest = {kind: newest_first(figures)[0] if figures else None for kind, figures in given_figures.items()}
    a, u = newest["authorized"], newest["authorized_up_to"]
    if a is None or u is None:
        assert chosen == (a or u)
        return
    verdict = newer(a.date, u.date)
    assert chosen == (a if verdict else u)  # as new (None) or older: the ceiling
