"""Dated figures read straight from the YAML, for tests: which figure is the newest, and its date.

Why: tests must not ask the package which figure is the latest. This is the tests' own reading of
the ranking rules (the agreed shape of issue 18):
- a figure's date is its as_of; when it has none, its source's published: date, else its source's
  range by evidence (dated:), else no date at all (the day a source was read never counts);
- a mission's figure is never dated after the mission's end: a source's date after the end becomes
  "the end or earlier", and a range reaching past the end stops at it;
- a stated date ranks by its last day; a range by its earliest bound, below a stated date of the same
  day; a range with only a latest bound below any with an earliest; no date last;
- of two figures of the same rank, the one written later in the file is the newer.
"""
from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import plainyaml

ROOT = Path(__file__).resolve().parent.parent


def sources(root: Path = ROOT) -> dict[str, dict]:
    data = plainyaml.read(root / "data" / "sources.yaml")
    return {source["key"]: source for source in data["sources"]}


def missions(root: Path = ROOT) -> list[dict]:
    return plainyaml.read(root / "data" / "missions.yaml")["missions"]


def _parts(value) -> list[int]:
    return [int(p) for p in str(value).split("-")]


def first_day(value) -> date:
    parts = _parts(value)
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value) -> date:
    parts = _parts(value)
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


def state(mission: dict) -> str:
    return mission["status"][-1]["state"]


def is_current(mission: dict) -> bool:
    return state(mission) == "under_way"


def start(mission: dict) -> str | None:
    """When Canadian police began serving, as written: the first under way's since, when stated."""
    began = next((entry for entry in mission["status"] if entry["state"] == "under_way"), None)
    if began is not None and began.get("since") is not None and not isinstance(began["since"], dict):
        return str(began["since"])
    return None


def end(mission: dict) -> str | None:
    """The mission's end as written, when it has ended on a stated date."""
    last = mission["status"][-1]
    if last["state"] == "ended" and last.get("since") is not None and not isinstance(last["since"], dict):
        return str(last["since"])
    return None


def dating(figure: dict, known: dict[str, dict], mission: dict | None = None) -> tuple[str, object]:
    """("stated", "2013"), ("range", (earliest or None, latest or None)) or ("none", None)."""
    value = figure.get("as_of")
    if value is None:
        value = known[figure["source"]].get("published")
    if value is None:
        value = known[figure["source"]].get("dated")
    stop = end(mission) if mission else None
    if value is None:
        return ("none", None)
    if isinstance(value, dict):
        earliest = str(value["earliest"]) if value.get("earliest") is not None else None
        latest = str(value["latest"]) if value.get("latest") is not None else None
        if stop is not None:
            if earliest is not None and first_day(earliest) > last_day(stop):
                earliest = None
            if latest is None or last_day(latest) > last_day(stop):
                latest = stop
        return ("range", (earliest, latest))
    if stop is not None and first_day(value) > last_day(stop):
        return ("range", (None, stop))
    return ("stated", str(value))


def stated(figure: dict, known: dict[str, dict], mission: dict | None = None) -> str | None:
    """The figure's date when it is a stated one (its own or its source's), else None."""
    how, value = dating(figure, known, mission)
    return str(value) if how == "stated" else None


def when(figure: dict, known: dict[str, dict], mission: dict | None = None) -> str:
    """The figure's date as the open data writes it: 2013, 2016/2019, ../2017-10-15, or "" for none."""
    how, value = dating(figure, known, mission)
    if how == "stated":
        return str(value)
    if how == "range":
        if value[0] is not None and value[0] == value[1]:  # bounded to one date: that date
            return value[0]
        return "/".join(bound or ".." for bound in value)
    return ""


def rank(figure: dict, known: dict[str, dict], mission: dict | None = None) -> tuple:
    how, value = dating(figure, known, mission)
    if how == "stated":
        return (2, last_day(value), 1)
    if how == "range":
        earliest, latest = value
        if earliest is not None:
            return (2, first_day(earliest), 0)
        return (1, last_day(latest), 0)
    return (0, date.min, 0)


def latest(mission: dict, kind: str, known: dict[str, dict]) -> dict | None:
    """The newest figure of ``kind``: the greatest rank, the one written last on a tie."""
    best = None
    for figure in mission.get("officers", []):
        if figure["kind"] == kind and (best is None or rank(figure, known, mission) >= rank(best, known, mission)):
            best = figure
    return best
