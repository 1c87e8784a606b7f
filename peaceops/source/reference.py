"""The reference date: the "today" a build or a check measures review dates against.

Why: a page must not go stale silently, yet the same commit must always build the same bytes. So the
build never asks the clock. The reference date is ``SOURCE_DATE_EPOCH`` when it is set (a release
pins it), else the date of the repository's last commit. Once it is past ``review_by`` (in
data/dataset.yaml) every page carries the out-of-date notice and ``check`` warns. The MkDocs hook
overwrites ``SOURCE_DATE_EPOCH`` for MkDocs' own use, so the value it found is kept first under
``PEACEOPS_REFERENCE_EPOCH``.
"""
from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

KEPT = "PEACEOPS_REFERENCE_EPOCH"
# The last commit's day by repository, while a command holds it (``held``); None otherwise.
_HELD: dict[Path, date | None] | None = None


@contextmanager
def held() -> Iterator[None]:
    """Within, the last commit's day is asked of git once per repository: one command, one "today".

    Why: ``check`` asked four times (the loaded site's key, the data's latest possible day, the build
    day, the review warnings), each a git process whose time counts in the check's (issue 33). A
    long-running process (the preview) does not hold it, so a new commit still reloads its site."""
    global _HELD  # noqa: PLW0603 (the one state, set and restored here)
    outer, _HELD = _HELD, {} if _HELD is None else _HELD
    try:
        yield
    finally:
        _HELD = outer


def keep_callers_epoch() -> None:
    """Remember SOURCE_DATE_EPOCH as the caller set it (or its absence), before anything changes it."""
    os.environ.setdefault(KEPT, os.environ.get("SOURCE_DATE_EPOCH", ""))


def reference_date(root: Path) -> date | None:
    """SOURCE_DATE_EPOCH's day (UTC) when set, else the last commit's; None outside a repository."""
    epoch = os.environ[KEPT] if KEPT in os.environ else os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.strip():
        return datetime.fromtimestamp(int(epoch.strip()), tz=UTC).date()
    if _HELD is None:
        return _last_commit_day(root)
    if root not in _HELD:
        _HELD[root] = _last_commit_day(root)
    return _HELD[root]


def _last_commit_day(root: Path) -> date | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],  # noqa: S607 (git as the editor's PATH finds it)
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = result.stdout.strip()
    if result.returncode != 0 or not stamp.isdigit():
        return None
    return datetime.fromtimestamp(int(stamp), tz=UTC).date()


def is_past(review_by: date, reference: date | None) -> bool:
    """True when the reference date is after the review date (on the day itself, the data is still due)."""
    return reference is not None and reference > review_by
