"""Record, when every accessibility check in the suite passes, what was checked and on what day.

Why: the accessibility statement's test record (content/*/accessibility-testing.md and its French
page) says how the site is tested and when the checks last all passed. Typed by hand, that drifts
from the tests; here a test run writes it to data/checks/accessibility.json, which the build reads
(peaceops/source/accessibility.py), but only when asked: ``make accessibility-record`` (pytest
``--accessibility-record``), which the publishing workflow runs, so that an ordinary ``make test``
changes no tracked file. ``CHECKS`` names, for each check the record lists, the tests that carry it
out; the record is written only when every one of them ran and passed in the same session (a
partial run, ``-k`` or one file, writes nothing), and only when its content changed, so a rerun on
the same day changes no file.

    python tests/accessibility_record.py   # prints the tests to run (what the make target runs)
"""
from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "data" / "checks" / "accessibility.json"

# Statement check -> the tests that perform it (pytest node ids, from the repository root).
CHECKS: dict[str, tuple[str, ...]] = {
    "axe": (
        "tests/browser/test_crawl.py::test_axe_finds_no_wcag_a_or_aa_violations",
        "tests/browser/test_axe_rules.py::test_axe_lists_the_rules_it_runs",
    ),
    "nu": ("tests/test_valid_html.py::test_every_page_in_both_languages_is_valid_html",),
    "keyboard": (
        "tests/browser/test_keyboard.py::test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content",
        "tests/browser/test_keyboard.py::test_every_tab_stop_shows_focus",
    ),
    "reflow": ("tests/browser/test_screens.py::test_320_px_wide_nothing_scrolls_sideways_and_axe_still_passes",),
    "text_zoom": ("tests/browser/test_reflow.py::test_text_at_200_percent_stays_readable",),
}

# Filled during the session: each test's outcome, and what the axe test learned from axe itself.
OUTCOMES: dict[str, str] = {}
GATHERED: dict[str, object] = {}


# The name under which a test hands what it learned to the record (``record_property``): a test
# may run in a pytest-xdist worker, and only its report reaches the process that writes the record.
GATHER = "accessibility_record"


def note_outcome(report) -> None:
    """Keep a test's worst outcome over its setup, call and teardown, and what it gathered.

    Runs where the record is written (pytest_runtest_logreport: in the controller under
    pytest-xdist, which suffixes a grouped test's id with ``@group``; the ids in CHECKS have none).
    """
    nodeid = re.sub(r"@[^\]@]*$", "", report.nodeid)
    if report.failed:
        OUTCOMES[nodeid] = "failed"
    elif report.when == "call" and report.passed:
        OUTCOMES.setdefault(nodeid, "passed")
    elif report.skipped:
        OUTCOMES[nodeid] = "skipped"
    for name, value in getattr(report, "user_properties", ()):
        if name == GATHER:
            GATHERED.update(value)


def all_passed(outcomes: dict[str, str]) -> bool:
    return all(outcomes.get(nodeid) == "passed" for tests in CHECKS.values() for nodeid in tests)


def record(day: str, rules: list[dict], axe_version: str, tags: list[str], nu_version: str) -> dict:
    from browser.test_reflow import TEXT_SCALE  # the sizes the reflow and text tests use
    from browser.test_screens import REFLOW

    return {
        "date": day,
        "checks": list(CHECKS),
        "tests": {name: list(tests) for name, tests in CHECKS.items()},
        "axe": {"version": axe_version, "tags": list(tags), "rules": sorted(rules, key=lambda rule: rule["id"])},
        "nu": {"version": nu_version},
        "reflow": {"width": REFLOW},
        "text_zoom": {"scale": TEXT_SCALE},
    }


def write_if_changed(path: Path, content: dict) -> bool:
    text = json.dumps(content, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def finish_session(today: str | None = None, path: Path = RECORD) -> bool:
    """Write the record if every check passed and the axe rules were gathered; True if written."""
    if not all_passed(OUTCOMES) or "axe_rules" not in GATHERED:
        return False
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    day = today or datetime.now(UTC).date().isoformat()
    content = record(day, GATHERED["axe_rules"], package["axe-core"], GATHERED["axe_tags"], package["vnu-jar"])
    return write_if_changed(path, content)


if __name__ == "__main__":
    print(" ".join(sorted({nodeid for tests in CHECKS.values() for nodeid in tests})))
