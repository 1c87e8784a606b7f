"""The editors' guides' examples work as shown: each is applied to a copy of the inputs and checked.

Each example in EDITING.md and EDITING.fr.md is marked by a comment the reader does not see:
``<!-- example: append FILE -->`` (the next code block is added at the end of FILE),
``<!-- example: replace FILE -->`` (the next two blocks are the text before and after), or
``<!-- example: mistake FILE -->`` (before, after, and the exact message ``check`` must print).
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, copy_inputs, run_build, run_check

from peaceops.source.dataset import load
from peaceops.source.problems import DataError

GUIDES = ("EDITING.md", "EDITING.fr.md")
MARK = re.compile(r"<!-- example: (append|replace|mistake) (\S+) -->")
BLOCK = re.compile(r"```[a-z]*\n(.*?)```", re.DOTALL)
BLOCKS_NEEDED = {"append": 1, "replace": 2, "mistake": 3}


@dataclass
class Example:
    guide: str
    kind: str
    file: str
    blocks: list[str]

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
        found.append(Example(guide, kind, mark.group(2), blocks[: BLOCKS_NEEDED[kind]]))
    return found


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_covers_every_task(guide):
    kinds = [(e.kind, e.file) for e in examples(guide)]
    assert ("append", "data/missions.yaml") in kinds  # add a mission
    assert kinds.count(("replace", "data/missions.yaml")) >= 2  # update figures, end a mission
    assert ("append", "data/countries.yaml") in kinds  # add a territory
    assert ("replace", "data/contacts.yaml") in kinds  # change contacts
    assert sum(kind == "mistake" for kind, _ in kinds) >= 3  # read an error message


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_mistakes_give_the_messages_shown(guide, tmp_path):
    mistakes = [e for e in examples(guide) if e.kind == "mistake"]
    for number, example in enumerate(mistakes):
        # A page, or data/publisher.yaml (read with the site, not by dataset.load): the whole check,
        # as editors run it.
        if example.file.startswith("content/") or example.file == "data/publisher.yaml":
            root = copy_inputs(tmp_path / f"pages-{number}")
            example.apply(root)
            result = run_check(root)
            assert result.returncode == 1
            assert result.stderr.splitlines()[:-1] == example.blocks[2].strip().splitlines()
            continue
        root = tmp_path / str(number)
        shutil.copytree(ROOT / "data", root / "data")
        example.apply(root)
        with pytest.raises(DataError) as raised:
            load(root / "data")
        shown = example.blocks[2].strip().splitlines()
        assert [str(problem) for problem in raised.value.problems] == shown


@pytest.mark.build
@pytest.mark.parametrize("guide", GUIDES)
def test_guide_edits_check_and_build(guide, tmp_path):
    root = copy_inputs(tmp_path / "repo")
    for example in examples(guide):
        if example.kind != "mistake":
            example.apply(root)
    checked = run_check(root)
    assert checked.returncode == 0, checked.stderr
    site = tmp_path / "site"
    built = run_build(root, site)
    assert built.returncode == 0, built.stderr
    deployments = (site / "deployments" / "index.html").read_text(encoding="utf-8")
    contact = (site / "contact" / "index.html").read_text(encoding="utf-8")
    assert "European Union Advisory Mission Ukraine" in deployments  # added
    assert "European Union Police Mission for the Palestinian Territories" not in deployments  # ended: no longer current
    assert "peace-operations@rcmp-grc.gc.ca" in contact  # contact changed
