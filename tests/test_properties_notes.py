"""Properties of a page's numbered source notes (peaceops/site/notes.py), for any order of citations.

Why: a note mark is how a reader finds where a figure comes from; a wrong number, a mark that links
to another source, or two marks with one id (a broken "back" link) misleads without any error.
tests/test_source_notes.py checks the built pages; these run the rule on any sequence of citations:
each source is one note, numbered from 1 in the order it is first cited; every mark's id is unique
on the page; the first mark of a note is pk-cite-N, the k-th pk-cite-N-k; the list is in number order.
"""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from peaceops.site.notes import Notes


@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=12))
def test_each_source_is_one_note_numbered_by_first_citation_with_unique_marks(keys):
    notes = Notes()
    marks = []
    for key in keys:
        note, mark = notes.cite(key)
        assert note.key == key
        marks.append((key, mark, note.number))
    first_cited = list(dict.fromkeys(keys))
    listed = notes.listed()
    assert [n.key for n in listed] == first_cited
    assert [n.number for n in listed] == list(range(1, len(first_cited) + 1))
    assert [n.anchor for n in listed] == [f"pk-note-{n}" for n in range(1, len(first_cited) + 1)]
    assert len({mark for _, mark, _ in marks}) == len(marks)  # every mark's id is unique on the page
    for note in listed:
        expected = [f"pk-cite-{note.number}"] + [f"pk-cite-{note.number}-{k}" for k in range(2, keys.count(note.key) + 1)]
        assert note.marks == expected
        assert [mark for key, mark, _ in marks if key == note.key] == expected
    assert bool(notes) == bool(keys)
