"""What the accessibility statement says about testing: the record of the last fully passing run.

Why: a statement that says how the site is tested must not drift from the tests, and its date must
not be typed. The test suite writes ``data/checks/accessibility.json`` when every accessibility check
in it passes (``tests/accessibility_record.py``): which checks ran, axe-core's version, the WCAG tags
and every rule it ran, the Nu checker's version, and the day. The build reads that record here, so
the statement describes the last run that passed, and the same record always gives the same page.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from peaceops.source.messages import message
from peaceops.source.problems import DataError, Problem

RECORD = Path("data") / "checks" / "accessibility.json"
# The checks a record may name, in the order the statement lists them. Each has an interface text
# "a11y.check.<name>" (data/interface.yaml) that says, in both languages, what it checks.
CHECKS = ("axe", "nu", "keyboard", "reflow", "text_zoom")
# The WCAG levels (axe-core "tags") the statement can name; each has an interface text "a11y.tag.<tag>".
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleHelp(_Strict):
    en: str
    fr: str | None = None  # axe-core's French translation lacks a few rules


class Rule(_Strict):
    id: str
    help: RuleHelp


class Axe(_Strict):
    version: str
    tags: tuple[str, ...]
    rules: tuple[Rule, ...]


class Nu(_Strict):
    version: str


class Reflow(_Strict):
    width: int  # CSS pixels


class TextZoom(_Strict):
    scale: float  # 2 is 200 %


class AccessibilityRun(_Strict):
    """One passing run of every accessibility check in the test suite."""

    date: date
    checks: tuple[str, ...]
    tests: dict[str, tuple[str, ...]]
    axe: Axe
    nu: Nu
    reflow: Reflow
    text_zoom: TextZoom


def load_run(root: Path) -> AccessibilityRun | None:
    """The record of the last passing run, or None when no run has been recorded yet."""
    path = root / RECORD
    if not path.exists():
        return None
    display = RECORD.as_posix()
    try:
        run = AccessibilityRun.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, ValidationError):
        raise DataError([Problem(display, 1, 1, message("accessibility_record"))]) from None
    unknown = [name for name in run.checks if name not in CHECKS]
    unknown += [tag for tag in run.axe.tags if tag not in WCAG_TAGS]
    if unknown:
        raise DataError([Problem(display, 1, 1, message("accessibility_record"))])
    return run


def ordered_checks(run: AccessibilityRun) -> list[str]:
    return [name for name in CHECKS if name in run.checks]
