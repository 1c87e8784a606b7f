""""Date modified" is the date a page's content or the data it shows last changed; never the clock.

(That no clock or file date reaches a page at all: tests/test_reproducible_build.py.)"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from conftest import run_build

from peaceops.site.site import Site

# Later than any date in the repository's data and pages, and not in the future, which the checks
# refuse for an updated: date (issue 22).
LATER = datetime.now(tz=UTC).date()


def set_updated_of(workspace, mission_id: str, day: date) -> None:
    path = workspace / "data" / "missions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {mission_id}\n")
    updated = text.index("    updated: ", start)
    end = text.index("\n", updated)
    path.write_text(text[:updated] + f"    updated: {day.isoformat()}" + text[end:], encoding="utf-8")


def test_a_page_is_dated_by_the_latest_change_to_what_it_shows(workspace):
    set_updated_of(workspace, "minustah", LATER)  # a mission in Haiti
    site = Site.load(workspace)
    page_date = date(2020, 1, 1)
    assert site.date_modified({"date_modified": page_date, "shows": ["missions"]}) == LATER
    assert site.date_modified({"date_modified": page_date, "shows": ["missions"], "country": "HT"}) == LATER
    assert site.date_modified({"date_modified": page_date, "shows": ["missions"], "country": "SD"}) < LATER
    assert site.date_modified({"date_modified": page_date, "shows": ["program"]}) == site.dataset.program.updated
    assert site.date_modified({"date_modified": LATER}) == LATER
    assert site.date_modified({"date_modified": page_date}) == page_date


@pytest.mark.build
def test_built_pages_show_the_date_from_the_data(workspace, tmp_path):
    set_updated_of(workspace, "minustah", LATER)
    site = tmp_path / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stderr

    def shown(page: str) -> str:
        found = re.search(r'<time datetime="([0-9-]+)"', (site / page).read_text(encoding="utf-8"))
        assert found, page
        return found.group(1)

    assert shown("deployments/index.html") == LATER.isoformat()
    assert shown("countries/haiti/index.html") == LATER.isoformat()
    assert shown("fr/pays/haiti/index.html") == LATER.isoformat()
    assert shown("countries/sudan/index.html") < LATER.isoformat()
