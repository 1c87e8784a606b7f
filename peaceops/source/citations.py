"""Where the editors' files cite a source: every ``source:`` value and ``sources:`` item, with its place.

Why: two things need the same walk over the records. ``check`` must find a citation of a source that
does not exist, and the source watch (``python -m peaceops watch``) must tell editors which records to
review when a page they cite changes or disappears. Walking the files here, once, keeps the two from
disagreeing about what counts as a citation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peaceops.source.yamlsource import locate, read

# The files whose records cite sources by key (in fields named source: or sources:).
CITING_FILES = ("missions.yaml", "program.yaml", "serving.yaml", "contacts.yaml", "partners.yaml", "people.yaml")


def cited_values(data: Any) -> Iterator[tuple[Any, tuple[Any, ...]]]:
    """Every value found in a ``source:`` field or a ``sources:`` list, with its path in ``data``."""

    def walk(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[Any, tuple[Any, ...]]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "source":
                    yield value, (*path, key)
                elif key == "sources" and isinstance(value, list):
                    for index, item in enumerate(value):
                        yield item, (*path, key, index)
                else:
                    yield from walk(value, (*path, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk(item, (*path, index))

    if data is not None:
        yield from walk(data, ())


@dataclass(frozen=True, order=True)
class Citation:
    """One place that cites a source: ``data/missions.yaml:42 (mission minustah, officers)``."""

    path: str
    line: int
    record: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} ({self.record})"


def citations(data_dir: Path, display_dir: str = "data") -> dict[str, list[Citation]]:
    """Every citation in the data's files, by the key cited, in file and line order. A file that is
    missing or cannot be read is skipped: ``make check`` reports it."""
    found: dict[str, list[Citation]] = {}
    for name in CITING_FILES:
        source, problems = read(data_dir / name, f"{display_dir}/{name}", "")
        if problems or source.data is None:
            continue
        for value, path in cited_values(source.data):
            if isinstance(value, str) and value.strip():
                line, _ = locate(source.data, path)
                citation = Citation(source.display, line, record_name(source.data, path))
                found.setdefault(value.strip(), []).append(citation)
    return {key: sorted(set(places)) for key, places in found.items()}


def record_name(data: Any, path: tuple[Any, ...]) -> str:
    """What an editor calls the record at ``path``: its fields' names, a list item by its ``id``
    ("mission minustah, officers", "statement who-can-serve", "program, facts, officers_served")."""
    words: list[str] = []
    node = data
    for step in path:
        if step in ("source", "sources"):
            break
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            name = item.get("id") if isinstance(item, dict) else None
            if isinstance(name, str) and words:
                words[-1] = f"{words[-1].removesuffix('s')} {name}"
        else:
            words.append(str(step))
        node = node[step] if isinstance(node, (dict, list)) else None
    return ", ".join(words)
