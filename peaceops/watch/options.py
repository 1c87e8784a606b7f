"""What a watch is run with, checked before it asks anything of anyone.

Why: an option that cannot work must not run quietly. ``--via 127.0.0.1:8765`` (no scheme) once sent
every request nowhere: every address came back unreachable, and that run's state was written over
the last one. So each address, number and day is checked first; a problem is one line that says what
is wrong and what is expected, and the watch does not start (no request, no state written).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from peaceops.source.messages import describe, message
from peaceops.watch.archive import WAYBACK_AVAILABLE
from peaceops.watch.fetch import RUN_DEADLINE, WEB_SCHEMES
from peaceops.watch.state import is_day

LONGEST = 24 * 60 * 60.0  # no time the watch is given may be longer than a day


@dataclass(frozen=True)
class Options:
    data_dir: Path
    data_display: str  # how messages name the folder: "data"
    state_path: Path
    state_display: str
    day: str  # YYYY-MM-DD
    archive: str = WAYBACK_AVAILABLE
    via: str | None = None
    timeout: float = 15.0
    pause: float = 1.0
    page_deadline: float | None = None  # None: four times the timeout (fetch.PAGE_TIMEOUTS)
    run_deadline: float = RUN_DEADLINE
    site_url: str | None = None


class OptionsError(Exception):
    """Options the watch cannot run with, one line each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def check_options(options: Options) -> None:
    """Raise ``OptionsError`` listing every option that cannot work."""
    problems = [
        *_address("--via", options.via, "http://127.0.0.1:8765"),
        *_address("--archive", options.archive, WAYBACK_AVAILABLE),
        *_address("--site-url (or SITE_URL)", options.site_url, "https://peace-operations.example.ca/"),
        *_seconds("--timeout", options.timeout, above_zero=True),
        *_seconds("--pause", options.pause, above_zero=False),
        *_seconds("--page-deadline", options.page_deadline, above_zero=True),
        *_seconds("--run-deadline", options.run_deadline, above_zero=True),
    ]
    if not is_day(options.day):
        problems.append(message("watch_option_day", got=describe(options.day)))
    if problems:
        raise OptionsError(problems)


def _address(option: str, value: str | None, example: str) -> list[str]:
    """An http or https address with a host, nothing hidden in it (no user, no spaces or control
    characters), a port that can be, and no query or fragment (the watch adds its own)."""
    if value is None:
        return []
    wrong = [message("watch_option_address", option=option, example=example, got=describe(value))]
    if re.search(r"[\x00-\x20\x7f]", value):
        return wrong
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 (raises ValueError for a port that cannot be)
    except ValueError:
        return wrong
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname or parts.username is not None:
        return wrong
    if parts.query or parts.fragment:
        return wrong
    return []


def _seconds(option: str, value: float | None, above_zero: bool) -> list[str]:
    if value is None:  # its default
        return []
    if math.isfinite(value) and (value > 0 if above_zero else value >= 0) and value <= LONGEST:
        return []
    key = "watch_option_seconds" if above_zero else "watch_option_pause"
    return [message(key, option=option, most=f"{LONGEST:g}", got=describe(f"{value:g}"))]
