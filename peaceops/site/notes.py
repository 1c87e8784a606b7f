"""A page's numbered source notes: each source it cites is one note, numbered in the order first cited.

Why: a figure shows its number and its date; where it comes from is a note mark that links to the
list of sources at the page's foot, as a well-edited public report does (issue 19). One ``Notes`` is
made for each page rendered (``Site.context``): the macros in theme/macros/figures.html ask it for
a source's number as they write each mark, and the page's foot lists what it holds. The same source
cited twice on a page is one note, whose list entry links back to every mark.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Note:
    """One source cited on the page: its number, its key in data/sources.yaml, and its marks' ids."""

    number: int
    key: str
    marks: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The id of the note in the list, which every mark links to."""
        return f"pk-note-{self.number}"


class Notes:
    """The notes of one page, in the order their sources are first cited."""

    def __init__(self) -> None:
        self._by_key: dict[str, Note] = {}

    def cite(self, key: str) -> tuple[Note, str]:
        """The note for source ``key`` (a new number the first time) and a new, unique id for its mark."""
        note = self._by_key.get(key)
        if note is None:
            note = self._by_key[key] = Note(len(self._by_key) + 1, key)
        mark = f"pk-cite-{note.number}" + (f"-{len(note.marks) + 1}" if note.marks else "")
        note.marks.append(mark)
        return note, mark

    def listed(self) -> list[Note]:
        """Every note, by number."""
        return list(self._by_key.values())

    def __bool__(self) -> bool:
        return bool(self._by_key)
