"""A problem found in an editor's file, reported as one ``file:line:column: message`` line.

Why: editors fix what they can find. Every check in the package reports through this one type so
that all problems come out together, sorted by place, in the same format.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if not self.line:  # not in a file: a setting of the build's environment, such as REPOSITORY_URL
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class DataError(Exception):
    """Raised when the data has problems; carries every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
