"""A mission's periods (issue 35, for the open data): one per status line, oldest first, each ending
where the next begins, none merged into another, for each sequence a mission can go through."""
from __future__ import annotations

import pytest

from peaceops.facts import status_periods
from peaceops.source.fieldtypes import When
from peaceops.source.model import EvidenceRange, Mission


def mission(*statuses: dict) -> Mission:
    return Mission.model_validate({
        "id": "test", "acronym": {"en": "T", "fr": "T"}, "name": {"en": "Test", "fr": "Test"}, "lead": "UN",
        "country": "HT", "status": list(statuses), "mandate": {"en": "A test.", "fr": "Un essai."},
        "sources": ["s1"], "updated": "2026-11-30",
    })


def shown(found) -> list[tuple]:
    def date(value):
        if isinstance(value, When):
            return value.iso
        if isinstance(value, EvidenceRange):
            return (value.earliest.iso if value.earliest else None, value.latest.iso if value.latest else None)
        return value

    return [(p.state, date(p.start), date(p.end), p.source) for p in found]


@pytest.mark.parametrize(
    "statuses, expected",
    [
        # Under way, still.
        ([{"state": "under_way", "since": "2004", "source": "s1"}], [("under_way", "2004", None, "s1")]),
        # Under way, then ended.
        (
            [{"state": "under_way", "since": "2004", "source": "s1"}, {"state": "ended", "since": "2017-10-15", "source": "s2"}],
            [("under_way", "2004", "2017-10-15", "s1"), ("ended", "2017-10-15", None, "s2")],
        ),
        # Under way, ended, under way again by a date bounded by evidence, ended again: four periods.
        (
            [
                {"state": "under_way", "since": "1999-06", "source": "s1"},
                {"state": "ended", "since": "2004-03", "source": "s1"},
                {"state": "under_way", "since": {"latest": "2025", "reason": "test"}, "source": "s2"},
                {"state": "ended", "since": "2026-11-30", "source": "s3"},
            ],
            [
                ("under_way", "1999-06", "2004-03", "s1"),
                ("ended", "2004-03", (None, "2025"), "s1"),
                ("under_way", (None, "2025"), "2026-11-30", "s2"),
                ("ended", "2026-11-30", None, "s3"),
            ],
        ),
        # Suspended, then under way again.
        (
            [
                {"state": "under_way", "since": "2015-07", "source": "s1"},
                {"state": "suspended", "since": {"earliest": "2022-02-24", "reason": "test"}, "source": "s2"},
                {"state": "under_way", "since": "2026-01", "source": "s3"},
            ],
            [
                ("under_way", "2015-07", ("2022-02-24", None), "s1"),
                ("suspended", ("2022-02-24", None), "2026-01", "s2"),
                ("under_way", "2026-01", None, "s3"),
            ],
        ),
        # Ended on a day no source gives: the period before it has no end either, and is still apart.
        (
            [{"state": "under_way", "since": "2004", "source": "s1"}, {"state": "ended", "source": "s1"}],
            [("under_way", "2004", None, "s1"), ("ended", None, None, "s1")],
        ),
    ],
)
def test_each_status_line_is_a_period_in_the_order_it_happened(statuses, expected):
    assert shown(status_periods(mission(*statuses))) == expected
