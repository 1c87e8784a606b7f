"""Derived facts: the totals every page, export and map use come out right from small datasets."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from peaceops.facts import derive
from peaceops.source.dataset import load
from peaceops.source.model import Mission, Observation

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real():
    return load(ROOT / "data")


SOURCE = "rcmp-po-mp-overview"  # a source in the real data/sources.yaml


def mission(mission_id: str, country: str, start: str, end: str | None = None, deployed: int | None = None,
            authorized: int | None = None, as_of: str = "2012", suspended: str | None = None) -> Mission:
    status = [{"state": "under_way", "since": start, "source": SOURCE}]
    if suspended:
        status.append({"state": "suspended", "since": suspended, "source": SOURCE})
    if end:
        status.append({"state": "ended", "since": end, "source": SOURCE})
    record = {
        "id": mission_id, "acronym": {"en": mission_id.upper(), "fr": mission_id.upper()}, "name": {"en": f"{mission_id} en", "fr": f"{mission_id} fr"},
        "lead": "UN", "country": country, "status": status, "mandate": {"en": "m", "fr": "m"},
        "sources": [SOURCE], "updated": "2026-01-01", "officers": [],
    }
    for kind, count in (("deployed", deployed), ("authorized", authorized)):
        if count is not None:
            record["officers"].append({"kind": kind, "count": str(count), "as_of": as_of, "source": SOURCE})
    return Mission.model_validate(record)


def with_missions(dataset, *missions):
    return derive(replace(dataset, missions=tuple(missions)))


def test_officers_deployed_sums_current_missions_only(real):
    facts = with_missions(
        real,
        mission("a", "HT", "2004", deployed=10),
        mission("b", "HT", "2005", deployed=5),
        mission("c", "CI", "1999", end="2001", deployed=100),
    )
    assert facts.officers_deployed.value == 15
    assert facts.officers_deployed.complete and facts.officers_deployed.comparable


def test_total_says_when_some_missions_have_no_figure(real):
    facts = with_missions(real, mission("a", "HT", "2004", deployed=10), mission("b", "AF", "2005"))
    total = facts.officers_deployed
    assert (total.value, total.known, total.of, total.complete, total.comparable) == (10, 1, 2, False, False)


def test_figures_from_different_years_make_no_total(real):
    facts = with_missions(
        real, mission("a", "HT", "2004", deployed=10, as_of="2010"), mission("b", "AF", "2005", deployed=5, as_of="2013")
    )
    total = facts.officers_deployed
    assert total.complete and not total.comparable


def test_the_latest_figure_of_each_kind_wins_whatever_the_order_in_the_file(real):
    figures = [
        {"kind": "deployed", "count": 40, "as_of": "2016-06", "source": SOURCE},
        {"kind": "deployed", "count": 131, "as_of": "2010", "source": SOURCE},
        {"kind": "authorized", "count": 85, "as_of": "2013", "source": SOURCE},
        {"kind": "deployed", "count": 33, "as_of": "2013-11-27", "source": SOURCE},
    ]
    base = mission("a", "HT", "2004")
    for order in (figures, list(reversed(figures))):
        facts = with_missions(real, base.model_copy(update={"officers": [Observation.model_validate(f) for f in order]}))
        only = facts.missions[0]
        assert facts.latest(only, "deployed").count == 40
        assert [f.count for f in facts.figures(only, "deployed")] == [40, 33, 131]
        assert facts.latest(only, "authorized").count == 85
        assert facts.latest(only, "authorized_up_to") is None


def test_a_figure_without_its_own_date_takes_its_source_date_never_the_day_it_was_read(real):
    published = next(s for s in real.sources.values() if s.published is not None)
    # Every real source now states a date or a range (issue 29): the undated one is made from a read one.
    read = next(s for s in real.sources.values() if s.consulted)
    read_only = read.model_copy(update={"key": "read-only", "published": None, "dated": None})
    real = replace(real, sources={**real.sources, read_only.key: read_only})
    base = mission("a", "HT", "2004")
    for source, date, basis in ((published, published.published, "published"), (read_only, None, "not_stated")):
        figure = Observation.model_validate({"kind": "authorized_up_to", "count": 48, "source": source.key})
        facts = with_missions(real, base.model_copy(update={"officers": [figure]}))
        dated = facts.latest(facts.missions[0], "authorized_up_to")
        assert (dated.date, dated.basis) == (date, basis)


def test_countries_now_counts_each_place_once(real):
    facts = with_missions(
        real,
        mission("a", "HT", "2004"),
        mission("b", "HT", "2010"),
        mission("c", "west-bank", "2006"),
        mission("d", "NA", "1989", end="1990"),
    )
    assert sorted(c.place.code for c in facts.countries_now) == ["HT", "west-bank"]
    assert len(facts.countries) == 3


def test_ending_a_mission_moves_it_to_past(real):
    before = with_missions(real, mission("a", "HT", "2004", deployed=7))
    after = with_missions(real, mission("a", "HT", "2004", end="2017-10-15", deployed=7))
    assert [m.id for m in before.current] == ["a"] and not before.past
    assert [m.id for m in after.past] == ["a"] and not after.current
    assert after.officers_deployed.value == 0


def test_active_by_year_counts_every_year_a_mission_ran(real):
    facts = with_missions(
        real,
        mission("a", "NA", "1989", end="1990"),
        mission("b", "HT", "1990", end="1991"),
        mission("c", "AF", "1991"),
    )
    assert facts.first_year == 1989
    # A mission still under way counts up to the year the data was checked up to (data/dataset.yaml).
    still_running = dict.fromkeys(range(1992, real.review.as_of.year + 1), 1)
    assert dict(facts.active_by_year) == {1989: 1, 1990: 2, 1991: 2, **still_running}


def test_real_data_first_year_is_the_earliest_start(real):
    assert derive(real).first_year == min(m.start.year for m in real.missions if m.start)
