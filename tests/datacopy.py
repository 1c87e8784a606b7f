"""A copy of data/ that a test can break, and where in it the test's own edit landed.

Why: every validation test must check the line and column of its message against the place of the
mistake the test itself wrote, not against anything the code under test computes.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from peaceops.source.dataset import load
from peaceops.source.problems import DataError, Problem

ROOT = Path(__file__).resolve().parent.parent


class DataCopy:
    def __init__(self, folder: Path):
        self.folder = folder
        shutil.copytree(ROOT / "data", folder)

    def path(self, name: str) -> Path:
        return self.folder / name

    def text(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        """Replace the one occurrence of ``old`` in the file; fails if it is not there exactly once."""
        text = self.text(name)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        self.path(name).write_text(text.replace(old, new), encoding="utf-8")

    def where(self, name: str, needle: str, offset: int = 0) -> tuple[int, int]:
        """1-based line and column of ``needle`` (plus ``offset`` characters) in the file as it is now."""
        text = self.text(name)
        assert text.count(needle) == 1, f"{needle!r} occurs {text.count(needle)} times in {name}"
        index = text.index(needle) + offset
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return line, column

    def problems(self) -> list[Problem]:
        """Every problem ``load`` reports; fails if it reports none."""
        try:
            load(self.folder)
        except DataError as error:
            return error.problems
        raise AssertionError("the data was accepted, but it has a mistake in it")


def only_problem(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def assert_at(problem: Problem, file: str, place: tuple[int, int], *words: str) -> None:
    """The problem is in ``data/<file>`` at ``place`` and its message contains each of ``words``."""
    assert (problem.path, problem.line, problem.column) == (f"data/{file}", *place), str(problem)
    for word in words:
        assert word in problem.message, f"{word!r} not in: {problem}"
    assert "\n" not in problem.message
