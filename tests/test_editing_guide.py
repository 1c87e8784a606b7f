"""The editors' guides' examples work as shown: each is applied to a copy of the inputs and checked.

Each example in EDITING.md and EDITING.fr.md is marked by a comment the reader does not see:
``<!-- example: append FILE -->`` (the next code block is added at the end of FILE),
``<!-- example: replace FILE -->`` (the next two blocks are the text before and after),
``<!-- example: mistake FILE -->`` (before, after, and the exact message ``check`` must print),
``<!-- example: same -->`` (the one-line form of what the edit before it added: the same data),
``<!-- example: equal -->`` (two forms of the same data, the second as a line of data/missions.yaml),
``<!-- example: find -->`` (a ``make find TEXT="..."`` command and the exact lines it prints), or
``<!-- example: warning -->`` (words of a warning ``check`` prints once the guide's edits are made).
The numbers the guide's prose gives for its first message (file, line and column) are checked too.
"""
from __future__ import annotations

import re
import shutil
import textwrap

import pytest
from conftest import ROOT, copy_inputs, run_build, run_check
from guideexamples import BLOCK, EDITS, GUIDES, examples
from ruamel.yaml import YAML

from peaceops.source.dataset import load
from peaceops.source.findtext import find
from peaceops.source.problems import DataError


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_covers_every_task(guide):
    kinds = [(e.kind, e.file) for e in examples(guide)]
    assert ("append", "data/sources.yaml") in kinds  # add a source
    assert ("append", "data/missions.yaml") in kinds  # start a mission
    assert kinds.count(("replace", "data/missions.yaml")) >= 3  # add a figure, end a mission, correct a text
    assert ("replace", "data/dataset.yaml") in kinds  # move the date
    assert ("append", "data/countries.yaml") in kinds  # add a territory
    assert ("replace", "data/contacts.yaml") in kinds  # change contacts
    assert kinds.count(("same", "")) >= 3  # each common edit also in its one-line form
    assert ("find", "") in kinds  # where a text lives
    assert sum(kind == "mistake" for kind, _ in kinds) >= 3  # read an error message


def yaml_of(text: str):
    return YAML(typ="safe", pure=True).load(textwrap.dedent(text))


def holds_value(node, wanted) -> bool:
    """Whether ``wanted`` is ``node`` or inside it: a list equal to one in it, or a group of fields
    each of which one group in it has, with the same value."""
    if node == wanted or (
        isinstance(node, dict) and isinstance(wanted, dict) and all(k in node and node[k] == v for k, v in wanted.items())
    ):
        return True
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return any(holds_value(child, wanted) for child in children)


@pytest.mark.parametrize("guide", GUIDES)
def test_each_one_line_form_is_the_same_data_as_the_edit_before_it(guide):
    found = examples(guide)
    checked = 0
    for index, example in enumerate(found):
        if example.kind != "same":
            continue
        edit = next(e for e in reversed(found[:index]) if e.kind in EDITS)
        assert holds_value(yaml_of(edit.added()), yaml_of(example.blocks[0])), example.blocks[0]
        # On one line between braces, where the edit wrote it over several lines.
        assert "{" in example.blocks[0]
        assert len(edit.added().strip().splitlines()) > len(example.blocks[0].strip().splitlines())
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("guide", GUIDES)
def test_the_two_ways_of_writing_an_entry_are_the_same_data(guide):
    pairs = [e for e in examples(guide) if e.kind == "equal"]
    assert pairs
    missions = (ROOT / "data" / "missions.yaml").read_text(encoding="utf-8")
    for pair in pairs:
        several, one = pair.blocks
        assert yaml_of(several) == yaml_of(one) and len(several.splitlines()) > len(one.splitlines())
        assert one in missions  # as the data writes it


@pytest.mark.parametrize("guide", GUIDES)
def test_find_examples_print_what_the_guide_shows(guide):
    for example in (e for e in examples(guide) if e.kind == "find"):
        words = re.fullmatch(r'make find TEXT="([^"]+)"', example.blocks[0].strip()).group(1)
        shown = [str(found) for found in find(ROOT, words)]
        assert "\n".join(shown).splitlines() == example.blocks[1].strip().splitlines()


@pytest.mark.parametrize("guide", GUIDES)
def test_the_message_the_guide_explains_has_the_numbers_its_prose_gives(guide):
    """"data/missions.yaml is the file, 75 the line and 16 the column": the numbers the prose gives are
    those of the message shown above them, and that message is one a mistake example gives."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    prose = re.search(
        r"`([^`]+)` (?:is the file|est le fichier), `(\d+)` (?:the line|la ligne) (?:and|et) `(\d+)` (?:the column|la colonne)",
        text,
    )
    assert prose is not None
    message = BLOCK.findall(text, 0, prose.start())[-1].strip()
    assert message.split(":")[:3] == list(prose.groups())
    assert message in {e.blocks[2].strip() for e in examples(guide) if e.kind == "mistake"}


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
        if example.kind in EDITS and example.file != "data/dataset.yaml":
            example.apply(root)
    # Before the date is moved, each warning the guide shows is given.
    checked = run_check(root)
    assert checked.returncode == 0, checked.stderr
    warnings = [e.blocks[0].strip() for e in examples(guide) if e.kind == "warning"]
    assert warnings and all(any(w in line for line in checked.stderr.splitlines()) for w in warnings), checked.stderr
    for example in examples(guide):
        if example.kind in EDITS and example.file == "data/dataset.yaml":
            example.apply(root)
    checked = run_check(root)
    assert checked.returncode == 0 and "checked up to" not in checked.stderr, checked.stderr
    site = tmp_path / "site"
    built = run_build(root, site)
    assert built.returncode == 0, built.stderr
    deployments = (site / "deployments" / "index.html").read_text(encoding="utf-8")
    contact = (site / "contact" / "index.html").read_text(encoding="utf-8")
    assert "Canadian police cooperation mission in Guatemala" in deployments  # started
    assert "United Nations Interim Administration Mission in Kosovo" not in deployments  # ended: no longer current
    assert "peace-operations@rcmp-grc.gc.ca" in contact  # contact changed
