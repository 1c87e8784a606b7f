"""Where the editors' files cite a source: every ``source:`` value and ``sources:`` item, with its place.

Why: two things need the same walk over the records. ``check`` must find a citation of a source that
does not exist, and the source watch (``python -m peaceops watch``) must tell editors which records to
review when a page they cite changes or disappears. Walking the files here, once, keeps the two from
disagreeing about what counts as a citation.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peaceops.source.messages import message
from peaceops.source.problems import Problem
from peaceops.source.yamlsource import Source, locate, read

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


def unknown_citations(citing: Iterable[Source], sources: Source, also_citing: Iterable[Source] = ()) -> list[Problem]:
    """Every source: and sources: value of ``citing`` that names no source in ``sources`` (data/sources.yaml),
    with the key probably meant, and which side to correct.

    A key close to the one cited may be an old key, cited elsewhere: then the citation is mistyped
    ("did you mean"). Or it may be a source just added, that nothing cites yet: then the new key is as
    likely to be the mistyped one, and told as such. When several places cite the same unknown key
    alike, they agree, and the new key is corrected (one problem, at that key). ``also_citing`` are
    files whose own keys are checked elsewhere (partners.yaml) but whose citations count."""
    keys = _source_keys(sources)
    places: dict[str, list[tuple[int, Source, tuple[Any, ...]]]] = {}  # numbered in the files' order
    every = [(source, value, path) for source in citing for value, path in cited_values(source.data)]
    for order, (source, value, path) in enumerate(every):
        if isinstance(value, str) and value.strip():
            places.setdefault(value.strip(), []).append((order, source, path))
    cited = set(places) | {
        value.strip() for source in also_citing for value, _ in cited_values(source.data) if isinstance(value, str)
    }
    problems: list[tuple[int, Problem]] = []
    for key, found in places.items():
        if key in keys:
            continue
        close = difflib.get_close_matches(key, sorted(keys), n=1, cutoff=0.6)
        match = close[0] if close else None
        if match is not None and match not in cited and len(found) > 1:
            shown = ", ".join(f"{source.display}:{locate(source.data, path)[0]}" for _, source, path in found)
            text = message("source_key_mistyped", key=match, cited=key, count=len(found), places=shown)
            problems.append((found[0][0], Problem(sources.display, *keys[match], text)))
            continue
        for order, source, path in found:
            if match is not None and match not in cited:
                line = keys[match][0]
                text = message("unknown_source_or_new_key", key=key, match=match, file=sources.display, line=line)
            else:
                suggestion = message("did_you_mean", match=match) if match else ""
                text = message("unknown_source", key=key, suggestion=suggestion)
            problems.append((order, Problem(source.display, *locate(source.data, path), text)))
    return [problem for _, problem in sorted(problems, key=lambda pair: pair[0])]


def _source_keys(sources: Source) -> dict[str, tuple[int, int]]:
    """Each key of data/sources.yaml, and where it is written (its first place, if written twice)."""
    found: dict[str, tuple[int, int]] = {}
    records = sources.data.get("sources") if isinstance(sources.data, dict) else None
    for index, record in enumerate(records if isinstance(records, list) else []):
        key = record.get("key") if isinstance(record, dict) else None
        if isinstance(key, str) and key.strip():
            found.setdefault(key.strip(), locate(sources.data, ("sources", index, "key")))
    return found
