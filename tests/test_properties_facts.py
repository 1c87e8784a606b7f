"""Properties of how a figure gets its date and how figures add up (peaceops/facts.py): Hypothesis.

Why: mutation testing (tests/MUTATION.md) showed mutants of these rules that no test noticed: a
figure's date taken from the wrong place, a date after a mission's end kept, a total given as a
number when one of its figures has no stated date. Each is a sentence a reader would be misled by.
The rules, as the tests read them (facts.py's docstrings, EDITING.md):

- a figure is dated by its own as_of; else by its source's published date; else by its source's
  range by evidence; else it has no date. Its basis says which (stated, published, dated,
  not_stated; the open data's As_Of_Basis column), its qualifier is its own or "exactly";
- a mission's figure is never dated after the mission's end: a date after it becomes "the end or
  earlier", a range stops at it, and a date on or before it stays as it is;
- a total is the sum of the figures it has, and a number a reader may quote (comparable) only when
  every mission has a figure, each with a stated date, all of one year.
"""
from __future__ import annotations

from types import SimpleNamespace

from hypothesis import example, given
from hypothesis import strategies as st
from test_properties_ranking import ranges, whens

from peaceops.facts import Dated, capped, dated, total
from peaceops.source.fieldtypes import When
from peaceops.source.model import EvidenceRange

DATES = st.one_of(whens(), ranges(), st.none())


def _last(value) -> object:
    return value.last_day if isinstance(value, When) else value.latest.last_day


@example(EvidenceRange(earliest=When(2016), latest=When(2017, 12, 31), reason="r"), When(2017))  # a bound on the end's last day
@given(st.one_of(whens(), ranges()), whens())
def test_a_capped_date_is_never_after_the_end_and_a_date_before_it_is_kept(value, end):
    result = capped(value, end)
    if isinstance(value, When):
        if value.first_day <= end.last_day:
            assert result == value
        else:  # after the end: "the end or earlier"
            assert isinstance(result, EvidenceRange) and result.latest == end and result.earliest is None
        return
    assert isinstance(result, EvidenceRange)
    assert result.latest is not None and result.latest.last_day <= end.last_day
    if value.earliest is not None and value.earliest.first_day <= end.last_day:
        assert result.earliest == value.earliest
    else:
        assert result.earliest is None
    if value.latest is not None and value.latest.last_day <= end.last_day:
        assert result.latest == value.latest  # a bound already before the end stays
        assert result == value or value.earliest != result.earliest
    else:
        assert result.latest == end
    if result != value:
        assert result.reason == value.reason  # the editors' reason goes with the range


@given(
    as_of=st.one_of(st.none(), whens()),
    published=st.one_of(st.none(), whens()),
    evidence=st.one_of(st.none(), ranges()),
    qualifier=st.one_of(st.none(), st.sampled_from(["exactly", "more_than", "close_to"])),
    kind=st.sampled_from(["deployed", "authorized", "officers_served"]),
    count=st.integers(0, 5000),
)
def test_a_figure_is_dated_by_its_own_date_else_its_sources_and_says_which(as_of, published, evidence, qualifier, kind, count):
    item = SimpleNamespace(as_of=as_of, source="s", count=count)
    if qualifier is not None:
        item.qualifier = qualifier
    sources = {"s": SimpleNamespace(key="s", published=published, dated=evidence)}
    figure = dated(item, kind, sources)  # type: ignore[arg-type]  # only these fields are read
    expected = (
        (as_of, "stated") if as_of else (published, "published") if published else (evidence, "dated") if evidence else (None, "not_stated")
    )
    assert (figure.date, figure.basis) == expected
    assert (figure.kind, figure.count, figure.source) == (kind, count, sources["s"])
    assert figure.qualifier == (qualifier or "exactly")


@given(as_of=st.one_of(st.none(), whens()), published=st.one_of(st.none(), whens()), end=whens())
def test_a_missions_figure_is_capped_at_its_end_whatever_dates_it(as_of, published, end):
    item = SimpleNamespace(as_of=as_of, source="s", count=1)
    figure = dated(item, "deployed", {"s": SimpleNamespace(key="s", published=published, dated=None)}, end)  # type: ignore[arg-type]
    if figure.date is not None:
        first = figure.date.first_day if isinstance(figure.date, When) else None
        assert first is None or first <= end.last_day
        if isinstance(figure.date, EvidenceRange):
            assert figure.date.latest is not None and figure.date.latest.last_day <= end.last_day


def figures_of(dates: list, counts: list[int]) -> list[Dated | None]:
    return [None if d == "missing" else Dated("deployed", c, "exactly", d, "stated", None) for d, c in zip(dates, counts, strict=False)]  # type: ignore[arg-type]


@given(st.lists(st.one_of(DATES, st.just("missing")), max_size=6), st.lists(st.integers(0, 300), min_size=6, max_size=6))
def test_a_total_is_a_number_to_quote_only_when_every_figure_is_there_stated_and_of_one_year(dates, counts):
    figures = figures_of(dates, counts)
    result = total(figures)
    present = [f for f in figures if f is not None]
    assert result.value == sum(f.count for f in present)
    assert (result.known, result.of) == (len(present), len(figures))
    stated_years = {f.date.year for f in present if isinstance(f.date, When)}
    all_stated = all(isinstance(f.date, When) for f in present)
    assert result.comparable == (bool(present) and len(present) == len(figures) and all_stated and len(stated_years) == 1)
    stated = [f.date for f in present if isinstance(f.date, When)]
    # The span of the figures' dates, known only when every figure has a stated one.
    if all_stated and present:
        assert (result.earliest, result.latest) == (min(stated), max(stated))
    else:
        assert (result.earliest, result.latest) == (None, None)


def test_on_the_real_data_each_missions_authorized_figure_is_the_tests_own_reading():
    """latest_authorized and figures on real missions (not stand-ins), against tests/dated.py's reading."""
    import plainyaml
    from conftest import ROOT
    from dated import sources
    from test_figures_shown import authorized

    from peaceops.facts import derive
    from peaceops.source.dataset import load

    facts = derive(load(ROOT / "data"))
    known = sources()
    by_id = {m["id"]: m for m in plainyaml.read(ROOT / "data" / "missions.yaml")["missions"]}
    checked = 0
    for mission in facts.missions:
        want = authorized(by_id[mission.id], known)
        got = facts.latest_authorized(mission)
        assert (got and (got.count, got.kind)) == (want and (want["count"], want["kind"])), mission.id
        checked += want is not None
    assert checked >= 3
