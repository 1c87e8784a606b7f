"""The watch's record of what each source's addresses gave: ``data/checks/sources.json``.

Why: "changed" means "not what it was", so the watch keeps what it found, and editors commit the
file once they have read the report: the next watch then compares with what they last reviewed.
For each source and language: the address as the data gives it, where it ended (``final``), the
HTTP status, the ``ETag`` and ``Last-Modified`` the site sent, the fingerprint of the main text and
the last day that text was read (kept when the page could not be read this time), why it could not
be read, or that robots.txt closes it. ``date`` is the day of the watch. Keys are sorted and the
file ends with a newline, so a commit shows only what changed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Entry:
    address: str
    final: str | None = None
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    text: str | None = None
    text_read: str | None = None
    trouble: str | None = None
    closed: bool = False

    def as_json(self) -> dict[str, Any]:
        return {name: value for name, value in asdict(self).items() if value not in (None, False)}

    @classmethod
    def from_json(cls, value: Any) -> Entry | None:
        if not isinstance(value, dict) or not isinstance(value.get("address"), str):
            return None
        known = {f.name for f in fields(cls)}
        return cls(**{name: item for name, item in value.items() if name in known})


@dataclass(frozen=True)
class State:
    date: str | None
    entries: dict[tuple[str, str], Entry]  # by (source key, language)

    def get(self, key: str, language: str) -> Entry | None:
        return self.entries.get((key, language))


def read_state(path: Path) -> State:
    """The last state; an empty one when there is none yet (the first watch) or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return State(None, {})
    entries: dict[tuple[str, str], Entry] = {}
    sources = data.get("sources") if isinstance(data, dict) else None
    for key, languages in (sources or {}).items():
        for language, value in (languages if isinstance(languages, dict) else {}).items():
            entry = Entry.from_json(value)
            if entry is not None:
                entries[(key, language)] = entry
    return State(data.get("date") if isinstance(data.get("date"), str) else None, entries)


def write_state(path: Path, state: State) -> None:
    """Write the state whole, or not at all (a stopped watch leaves the last one as it was)."""
    sources: dict[str, dict[str, Any]] = {}
    for (key, language), entry in state.entries.items():
        sources.setdefault(key, {})[language] = entry.as_json()
    text = json.dumps({"date": state.date, "sources": sources}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".sources-", suffix=".json", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)
    Path(temporary).chmod(0o644)  # an ordinary file, like the rest of the repository
    Path(temporary).replace(path)
