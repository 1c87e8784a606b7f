"""The examples of the editors' guides (EDITING.md, EDITING.fr.md), read from the guides: what
tests/test_editing_guide.py runs, and the edits tests/test_editor_week.py makes as the guide shows them.

Each example is marked by a comment the reader does not see, ``<!-- example: KIND FILE -->``,
followed by its code blocks (test_editing_guide.py says what each kind holds).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ("EDITING.md", "EDITING.fr.md")
MARK = re.compile(r"<!-- example: (append|replace|mistake|same|equal|find|warning) ?(\S*) -->")
BLOCK = re.compile(r"```[a-z]*\n(.*?)```", re.DOTALL)
HEADING = re.compile(r"^## (.+)$", re.MULTILINE)
BLOCKS_NEEDED = {"append": 1, "replace": 2, "mistake": 3, "same": 1, "equal": 2, "find": 2, "warning": 1}
EDITS = ("append", "replace")


@dataclass
class Example:
    guide: str
    kind: str
    file: str
    blocks: list[str]
    section: str  # the heading of the guide's section it is in ("Add a figure")

    def added(self) -> str:
        """The lines the edit adds (an append's block; a replace's lines that were not there before)."""
        if self.kind == "append":
            return self.blocks[0]
        before = set(self.blocks[0].splitlines())
        return "\n".join(line for line in self.blocks[1].splitlines() if line not in before) + "\n"

    def apply(self, root: Path) -> None:
        path = root / self.file
        text = path.read_text(encoding="utf-8")
        if self.kind == "append":
            path.write_text(text.rstrip("\n") + "\n" + self.blocks[0], encoding="utf-8")
            return
        before, after = self.blocks[:2]
        assert text.count(before) == 1, f"{self.guide}: the text to change is not in {self.file} exactly once:\n{before}"
        path.write_text(text.replace(before, after), encoding="utf-8")


def examples(guide: str) -> list[Example]:
    text = (ROOT / guide).read_text(encoding="utf-8")
    found = []
    marks = list(MARK.finditer(text))
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        blocks = BLOCK.findall(text, mark.end(), end)
        kind = mark.group(1)
        assert len(blocks) >= BLOCKS_NEEDED[kind], f"{guide}: example {index + 1} lacks code blocks"
        heading = HEADING.findall(text, 0, mark.start())[-1]
        found.append(Example(guide, kind, mark.group(2), blocks[: BLOCKS_NEEDED[kind]], heading))
    return found
