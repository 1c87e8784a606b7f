"""The watch's record of what each source's addresses gave: ``data/checks/sources.json``.

Why: "changed" means "not what it was", so the watch keeps what it found, and editors commit the
file once they have read the report: the next watch then compares with what they last reviewed.
For each source and language: the address as the data gives it, where it ended (``final``), the
HTTP status, the ``ETag`` and ``Last-Modified`` the site sent, the fingerprint of the main text and
the last day that text was read (kept when the page could not be read this time), why it could not
be read, or that robots.txt closes it. ``date`` is the day of the watch, ``format`` the file's
format. Keys are sorted and the file ends with a newline, so a commit shows only what changed.

What the watch knew is never lost: a file it cannot read (not JSON, cut short, of a newer format
than it knows, or not of the shape it writes) stops it before any request, with a ``StateError``
that says where and what to do, and the file is left as it is. An older format is read and
written back in the current one. The file is written whole or not at all: a new file beside it,
moved into its place.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from peaceops.source.messages import describe, message

# The format written; 1 is the first, which did not record its number (same fields as 2).
FORMAT = 2
MAX_BYTES = 64 * 1024 * 1024  # the watch writes a few hundred KB for the whole data
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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


@dataclass(frozen=True)
class State:
    date: str | None
    entries: dict[tuple[str, str], Entry]  # by (source key, language)

    def get(self, key: str, language: str) -> Entry | None:
        return self.entries.get((key, language))


class StateError(Exception):
    """The state file cannot be read: where in it, and what is wrong (a sentence for editors)."""

    def __init__(self, line: int, column: int, why: str, newer: bool = False):
        super().__init__(why)
        self.line = line
        self.column = column
        self.why = why
        self.newer = newer  # written by a newer watch: update rather than restore

    def placed(self, display: str) -> str:
        """The one line the watch prints: ``data/checks/sources.json:3:15: …``."""
        todo = message("watch_state_update" if self.newer else "watch_state_restore", file=display)
        return f"{display}:{self.line}:{self.column}: " + message("watch_state_unreadable", why=self.why, todo=todo)


def read_state(path: Path) -> State:
    """The last state; an empty one when there is none yet (the first watch). Raises ``StateError``
    when there is one that cannot be read."""
    try:
        if path.stat().st_size > MAX_BYTES:
            size = path.stat().st_size // (1024 * 1024)
            raise StateError(1, 1, message("watch_state_too_large", size=size, limit=MAX_BYTES // (1024 * 1024)))
        raw = path.read_bytes()
    except FileNotFoundError:
        return State(None, {})
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise StateError(1, 1, message("watch_state_unopenable", reason=reason)) from error
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark, as some editors save, is no fault
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8-sig")
        line, column = _line_column(before, len(before))
        raise StateError(line, column, message("watch_state_not_utf8")) from error
    if not text.strip():
        raise StateError(1, 1, message("watch_state_empty"))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if _cut_short(text, error.pos):
            raise StateError(*_line_column(text, len(text.rstrip())), message("watch_state_cut")) from error
        raise StateError(error.lineno, error.colno, message("watch_state_json", error=error.msg)) from error
    except RecursionError as error:
        raise StateError(1, 1, message("watch_state_json", error="nested too deep")) from error
    try:
        return _state(data)
    except _Misshapen as fault:
        raise StateError(*_place(text, fault.path), fault.why, newer=fault.newer) from fault


def write_state(path: Path, state: State) -> None:
    """Write the state whole, or not at all: into a new file beside it, then moved into its place
    (a watch stopped while writing leaves the last state as it was, and no stray file)."""
    sources: dict[str, dict[str, Any]] = {}
    for (key, language), entry in state.entries.items():
        sources.setdefault(key, {})[language] = entry.as_json()
    content = {"format": FORMAT, "date": state.date, "sources": sources}
    text = json.dumps(content, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".sources-", suffix=".json.tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).chmod(0o644)  # an ordinary file, like the rest of the repository
        Path(temporary).replace(path)  # os.replace: the old state, or the new one whole, never a mix
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _Misshapen(Exception):
    """A value that is not what the watch writes, at ``path`` (keys from the top of the file)."""

    def __init__(self, path: tuple[str, ...], why: str, newer: bool = False):
        super().__init__(why)
        self.path = path
        self.why = why
        self.newer = newer


def is_day(value: Any) -> bool:
    """Whether ``value`` is a date written YYYY-MM-DD that can be."""
    if not isinstance(value, str) or not DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# Each field of an entry and what it must be: (its check, what it is, in words).
_TEXT = (lambda value: isinstance(value, str), "a text")
_FIELDS: dict[str, tuple[Any, str]] = {
    "address": _TEXT,
    "final": _TEXT,
    "status": (lambda value: type(value) is int and 100 <= value <= 999, "an HTTP status"),
    "etag": _TEXT,
    "last_modified": _TEXT,
    "text": _TEXT,
    "text_read": (is_day, "a date (YYYY-MM-DD)"),
    "trouble": _TEXT,
    "closed": (lambda value: isinstance(value, bool), "true or false"),
}


def _state(data: Any) -> State:
    """The state in ``data`` (as json read it), upgraded from an older format; raises ``_Misshapen``."""
    if not isinstance(data, dict):
        raise _Misshapen((), _wrong("the file", "a group of fields ({...})", data))
    found = data.get("format", 1)  # format 1 did not record its number
    if "format" in data and (not isinstance(found, int) or isinstance(found, bool) or found < 1):
        raise _Misshapen(("format",), _wrong("format", "a whole number, 1 or more", found))
    if found > FORMAT:
        raise _Misshapen(("format",), message("watch_state_newer", found=found, known=FORMAT), newer=True)
    for name in data:
        if name not in ("format", "date", "sources"):
            raise _Misshapen((name,), message("watch_state_unknown", name=_shown(name)))
    day = data.get("date")
    if day is not None and not is_day(day):
        raise _Misshapen(("date",), _wrong("date", "a date (YYYY-MM-DD)", day))
    sources = data.get("sources")
    if not isinstance(sources, dict):
        raise _Misshapen(("sources",) if "sources" in data else (), _wrong("sources", "a group of fields", sources))
    entries: dict[tuple[str, str], Entry] = {}
    for key, languages in sources.items():
        if not isinstance(languages, dict):
            raise _Misshapen(("sources", key), _wrong(f"sources.{key}", "a group of fields", languages))
        for language, value in languages.items():
            entries[(key, language)] = _entry(("sources", key, language), value)
    return State(day, entries)


def _entry(path: tuple[str, ...], value: Any) -> Entry:
    where = ".".join(path)
    if not isinstance(value, dict):
        raise _Misshapen(path, _wrong(where, "a group of fields", value))
    if "address" not in value:
        raise _Misshapen(path, message("watch_state_missing", where=where, name="address"))
    for name, item in value.items():
        if name not in _FIELDS:
            raise _Misshapen((*path, name), message("watch_state_unknown", name=_shown(f"{where}.{name}")))
        check, kind = _FIELDS[name]
        if item is not None and not check(item):
            raise _Misshapen((*path, name), _wrong(f"{where}.{name}", kind, item))
    return Entry(**value)


def _wrong(where: str, expected: str, got: Any) -> str:
    return message("watch_state_wrong", where=_shown(where), expected=expected, got=_got(got))


def _got(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return describe(_shown(value) if isinstance(value, str) else value)


def _shown(text: str, limit: int = 60) -> str:
    """A text from the file, short enough for one line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _place(text: str, path: tuple[str, ...]) -> tuple[int, int]:
    """Line and column of the value at ``path`` in the JSON ``text`` (the last of keys given twice,
    as json reads them); as far as the path exists, else the file's start."""
    decoder = json.JSONDecoder()
    index = _skip(text, 0)
    for step in path:
        if not text.startswith("{", index):
            break
        found = None
        position = _skip(text, index + 1)
        while text.startswith('"', position):
            key, position = decoder.raw_decode(text, position)
            position = _skip(text, _skip(text, position) + 1)  # past the colon
            if key == step:
                found = position
            _, position = decoder.raw_decode(text, position)
            position = _skip(text, position)
            if text.startswith(",", position):
                position = _skip(text, position + 1)
        if found is None:
            break
        index = found
    return _line_column(text, index)


def _cut_short(text: str, failed_at: int) -> bool:
    """Whether JSON that fails at ``failed_at`` is only cut short: nothing after that place but the rest of
    one string or one word (true, false, null) that the end of the file interrupts."""
    rest = text[failed_at:].rstrip()
    if rest.startswith('"'):
        return '"' not in rest[1:].replace('\\"', "")
    return any(word.startswith(rest) for word in ("true", "false", "null"))


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _line_column(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1
