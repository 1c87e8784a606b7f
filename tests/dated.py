"""Dated figures read straight from the YAML, for tests: which figure is the newest, and its date.

Why: tests must not ask the package which figure is the latest. A figure's date is its as_of; when
the source states none, the source's published date, else the day it was consulted. Of two figures
of the same date, the one written later in the file is the newer.
"""
from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent


def sources(root: Path = ROOT) -> dict[str, dict]:
    data = YAML(typ="safe", pure=True).load((root / "data" / "sources.yaml").read_text(encoding="utf-8"))
    return {source["key"]: source for source in data["sources"]}


def when(figure: dict, known: dict[str, dict]) -> str:
    """The figure's date as written: its as_of, else its source's published or consulted date."""
    if figure.get("as_of") is not None:
        return str(figure["as_of"])
    source = known[figure["source"]]
    return str(source.get("published") or source["consulted"])


def last_day(value: str) -> tuple[int, int, int]:
    parts = [int(p) for p in str(value).split("-")]
    return (parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 31)


def latest(mission: dict, kind: str, known: dict[str, dict]) -> dict | None:
    best = None
    for figure in mission.get("officers", []):
        if figure["kind"] == kind and (best is None or last_day(when(figure, known)) >= last_day(when(best, known))):
            best = figure
    return best


def is_current(mission: dict) -> bool:
    return "end" not in mission and mission.get("ended") not in (True, "yes")
