"""Properties of the years a mission was under way (the chart) and of its first known day (the order
of the lists): Hypothesis, over drawn statuses and figures.

Why: mutation testing (tests/MUTATION.md) found that no test run in pytest's own process noticed a
changed rule in ``Facts.years_under_way``, ``first_known`` or the years' bounds:
only the built site's chart was checked, on the real data's few cases. A year too many on the chart
says police served where they did not. The rules, as the tests read them (the docstrings of
peaceops/facts.py):

- each time the mission was under way counts from its first known year: the year its ``since``
  states; for a range by evidence, its latest bound (by which it had begun); else its earliest dated
  figure of that time;
- to its last: the year the next status states; while still under way, the year the data was
  checked up to; else its latest dated figure of that time (at least its first year);
- a suspension or an end interrupts it; a status of the same state again (a later source) does not;
  nothing is guessed between bounds: a time with no known year is not counted;
- a figure is "of that time" when its stated year can fall within it: not before the earliest the
  time can have begun (the year of its ``since``, or a range's earliest bound, or, when it gives no
  date, the nearest earlier status's), not after the latest it can have ended (the next status's
  year, or a range's latest bound, or, when the next status gives no date, the nearest later one
  that does): a figure of another time is never taken as this one's; a figure dated after the
  mission's end has no stated date (it is "the end or earlier");
- the first day the data shows the mission is its start (the first under way's stated date), else
  its earliest figure with a stated date, else the day it ended, the one date the data then gives it
  (so that it is listed among the missions of its time); a mission with no date at all comes after
  every dated one in the newest-first lists.

The drawn statuses are in order, as ``make check`` requires (peaceops/source/dataset.py): each
``since`` after the one before it; figures are dated no later than the day the data was checked.
"""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from hypothesis import example, given
from hypothesis import strategies as st

from peaceops.facts import Facts
from peaceops.source.fieldtypes import When
from peaceops.source.model import EvidenceRange, Mission

CHECKED = date(2026, 6, 30)  # the data's as_of, for these tests
STATES = ("under_way", "suspended", "ended")


@st.composite
def timelines(draw) -> tuple[list[tuple[str, object]], list[int | None]]:
    """Statuses in order, each ``since`` a year, a month, a range (both bounds or one) or nothing, and
    figures' years (None: a figure with no date)."""
    count = draw(st.integers(1, 5))
    states = [draw(st.sampled_from(("under_way", "suspended"))) if i == 0 else draw(st.sampled_from(STATES)) for i in range(count)]
    # Each status owns a span of years after the one before it, so that every since is in order.
    starts = sorted(draw(st.lists(st.integers(1995, 2025), min_size=count, max_size=count, unique=True)))
    statuses = []
    for index, state in enumerate(states):
        low = starts[index]
        high = starts[index + 1] - 1 if index + 1 < count else 2026
        shape = draw(st.sampled_from(["year", "month", "range", "earliest", "latest", "none"]))
        if shape == "year":
            since: object = str(low)
        elif shape == "month":
            since = f"{low}-{draw(st.integers(1, 6)):02d}"
        elif shape == "range":
            since = {"earliest": str(low), "latest": str(draw(st.integers(low, max(low, high)))), "reason": "r"}
        elif shape == "earliest":
            since = {"earliest": str(low), "reason": "r"}
        elif shape == "latest":
            since = {"latest": str(draw(st.integers(low, max(low, high)))), "reason": "r"}
        else:
            since = None
        statuses.append((state, since))
    # A figure may be dated after the data's as_of (2026), up to the day of the build (2027 here).
    figures = draw(st.lists(st.one_of(st.integers(1990, 2027), st.none()), max_size=5))
    return statuses, figures


def mission_of(statuses: list[tuple[str, object]], figures: list[int | None]) -> Mission:
    # Each status its own source (s0, s1 ...), so that which one a period names can be checked.
    entries = [{"state": state, "source": f"s{index}", **({"since": since} if since is not None else {})}
               for index, (state, since) in enumerate(statuses)]  # fmt: skip
    officers = [{"kind": "deployed", "count": 5, "source": "src", **({"as_of": str(year)} if year else {})} for year in figures]
    return Mission.model_validate({
        "id": "m", "acronym": {"en": "M", "fr": "M"}, "name": {"en": "M", "fr": "M"}, "lead": "UN", "country": "HT",
        "status": entries, "officers": officers, "mandate": {"en": "M.", "fr": "M."}, "sources": ["src"],
        "updated": "2026-01-01",
    })  # fmt: skip


def facts_of(mission: Mission) -> Facts:
    # A source with no date of its own: a figure without as_of has no date.
    sources = {key: SimpleNamespace(key=key, published=None, dated=None) for key in ("src", *(f"s{n}" for n in range(9)))}
    return Facts(SimpleNamespace(missions=(mission,), sources=sources, review=SimpleNamespace(as_of=CHECKED)))  # type: ignore[arg-type]


def year_of(since: object) -> int | None:
    return int(since[:4]) if isinstance(since, str) else None


def bound(since: object, side: str) -> int | None:
    return int(since[side]) if isinstance(since, dict) and side in since else None


def expected_years(statuses: list[tuple[str, object]], figures: list[int | None]) -> set[int]:
    """The chart's years, read from the rules above (not from facts.py)."""
    last_state, last_since = statuses[-1]
    end_year = year_of(last_since) if last_state == "ended" else None
    # A figure dated after the mission's end is "the end or earlier": no stated year.
    stated = [y for y in figures if y is not None and (end_year is None or y <= end_year)]
    years: set[int] = set()
    # The times under way: a run of under_way statuses, up to the next status of another state.
    index = 0
    while index < len(statuses):
        state, since = statuses[index]
        after = index + 1
        while after < len(statuses) and statuses[after][0] == state:
            after += 1
        if state == "under_way":
            following = statuses[after][1] if after < len(statuses) else None
            lasting = after == len(statuses)
            # The earliest it can have begun: its own year or earliest bound, else (no date given)
            # that of the nearest status before it that has one.
            earlier = [year_of(since) or bound(since, "earliest") for _, since in reversed(statuses[: index + 1])]
            can_begin = next((year for year in earlier if year is not None), None)
            # The latest it can have ended: the next status's year or latest bound, else (no date
            # given) that of the first status after it that has one, since the statuses are in order.
            later = [year_of(since) or bound(since, "latest") for _, since in statuses[after:]]
            can_end = CHECKED.year if lasting else next((year for year in later if year is not None), None)
            inside = [y for y in stated if (can_begin is None or y >= can_begin) and (can_end is None or y <= can_end)]
            first = year_of(since) or bound(since, "latest") or min(inside, default=None)
            last = CHECKED.year if lasting else year_of(following) or max(inside, default=first)
            if first is None and lasting:
                first = CHECKED.year  # known only to be under way now
            if first is not None and last is not None:
                years.update(range(first, max(first, last) + 1))
        index = after
    return years


@example(([("under_way", "2010"), ("suspended", {"earliest": "2012", "latest": "2013", "reason": "r"}),
           ("under_way", "2016")], [2017]))  # a figure of a later time stays in it
@example(([("under_way", None), ("ended", "2015")], [2012, 2014, 2019]))
@example(([("under_way", {"latest": "2011", "reason": "r"}), ("suspended", "2013")], [2009]))
@example(([("suspended", "2009"), ("under_way", None)], []))
@example(([("under_way", {"earliest": "2010", "reason": "r"}), ("ended", "2012")], [2010]))  # in its earliest year
@example(([("under_way", "2010"), ("suspended", None), ("under_way", "2016")], [2017]))  # an undated suspension
@example(([("under_way", "2010"), ("ended", None), ("under_way", {"latest": "2015", "reason": "r"})], [2012, 2016]))
@example(([("under_way", "1995"), ("under_way", "1996-01"), ("suspended", {"earliest": "1997", "reason": "r"}),
           ("suspended", "1998")], [1999]))  # the suspension is dated by its second status
@example(([("under_way", "2010"), ("suspended", "2012"), ("under_way", None)], [2011, 2014]))  # an undated return
@example(([("under_way", "2010"), ("suspended", {"earliest": "2012", "latest": "2013", "reason": "r"})], [2013]))
@example(([("under_way", None)], [2027]))  # a figure after the data's as_of: the chart stops at as_of's year
@given(timelines())
def test_the_chart_counts_each_time_under_way_from_its_first_known_year_to_its_last(drawn):
    statuses, figures = drawn
    mission = mission_of(statuses, figures)
    assert facts_of(mission).years_under_way(mission) == sorted(expected_years(statuses, figures))


@given(timelines())
def test_the_first_known_day_is_the_start_else_the_earliest_stated_figure(drawn):
    statuses, figures = drawn
    mission = mission_of(statuses, figures)
    first = facts_of(mission).first_known(mission)
    began = next((since for state, since in statuses if state == "under_way"), "no under way")
    last_state, last_since = statuses[-1]
    end_year = year_of(last_since) if last_state == "ended" else None
    stated = [y for y in figures if y is not None and (end_year is None or y <= end_year)]
    if isinstance(began, str) and began != "no under way":
        year, _, month = began.partition("-")
        assert first == date(int(year), int(month or 1), 1)
    elif stated:
        assert first == date(min(stated), 1, 1)
    elif end_year is None:
        assert first == date.min  # nothing dated: after every dated mission in the newest-first lists
    else:
        year, _, month = last_since.partition("-")
        assert first == date(int(year), int(month or 1), 1)  # the day it ended


def lower(since) -> date | None:
    """The first day a status's since allows: its own, or a range's earliest bound's; None if none."""
    if since is None or (isinstance(since, EvidenceRange) and since.earliest is None):
        return None
    return (since.earliest if isinstance(since, EvidenceRange) else since).first_day


def upper(since) -> date | None:
    if since is None or (isinstance(since, EvidenceRange) and since.latest is None):
        return None
    return (since.latest if isinstance(since, EvidenceRange) else since).last_day


@example(([("under_way", "2010"), ("under_way", "2011"), ("ended", "2013"), ("under_way", None)], [2012, 2014]))
@example(([("under_way", "2010-03-31"), ("suspended", "2012-05-31")], ["2010-03-31", "2012-05-31"]))  # to the day
@given(timelines())
def test_each_period_is_a_run_of_one_state_with_its_sources_bounds_and_the_figures_inside_it(drawn):
    """Facts.periods, read from Period's and periods' docstrings: one period per run of statuses of one
    state that is not ended, in order; its start the run's first since, its end the since of the status
    after it (closed, with that status's state and source); the source of its state the run's latest;
    "again" when under way after an earlier time under way; bounded by the nearest dated statuses
    before and after it; its first and last reports the first and last stated figure dates that can
    fall within those bounds."""
    statuses, figures = drawn
    mission = mission_of(statuses, figures)
    entries = mission.status
    end = mission.end
    stated = sorted(
        (o.as_of for o in mission.officers if isinstance(o.as_of, When) and (end is None or o.as_of.first_day <= end.last_day)),
        key=lambda when: when.first_day,
    )
    expected = []
    index = 0
    while index < len(entries):
        after = index + 1
        while after < len(entries) and entries[after].state == entries[index].state:
            after += 1
        if entries[index].state != "ended":
            closing = entries[after] if after < len(entries) else None
            begins = next((day for day in map(lower, (e.since for e in reversed(entries[: index + 1]))) if day), date.min)
            ends = next((day for day in map(upper, (e.since for e in entries[after:])) if day), date.max)
            inside = [when for when in stated if when.last_day >= begins and when.first_day <= ends]
            expected.append((
                entries[index].state, entries[index].since, closing.since if closing else None, closing is not None,
                closing.state if closing else None,
                entries[index].state == "under_way" and any(p[0] == "under_way" for p in expected),
                entries[after - 1].source, closing.source if closing else None,
                inside[0] if inside else None, inside[-1] if inside else None, begins, ends,
            ))  # fmt: skip
        index = after
    found = [
        (p.state, p.start, p.end, p.closed, p.then, p.again, p.source, p.end_source, p.first_seen, p.last_seen,
         p.begins_from, p.ends_by)
        for p in facts_of(mission).periods(mission)
    ]  # fmt: skip
    assert found == expected
