"""Where a text lives (issue 35): ``python -m peaceops find "words"`` (``make find TEXT="..."``) prints the
file, line and column of every line of the editors' files holding the words as a reader copies them from
a page (accents, curly apostrophes, no-break spaces, filled-in values set aside), the entry each is in,
and the same text in the other language. Expected places are found in the files by the test itself.
"""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

FILES = {name: (ROOT / name).read_text(encoding="utf-8").splitlines() for name in ("data/missions.yaml", "data/interface.yaml")}


def run_find(*words: str, root=ROOT) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "peaceops", "--root", str(root), "find", "--", *words]
    return subprocess.run(command, capture_output=True, text=True)


def place(name: str, starts: str) -> str:
    """file:line:column of the one line of ``name`` that starts (after its indentation) with ``starts``."""
    lines = [(number, text) for number, text in enumerate(FILES[name], 1) if text.lstrip().startswith(starts)]
    assert len(lines) == 1, starts
    number, text = lines[0]
    return f"{name}:{number}:{len(text) - len(text.lstrip()) + 1}: {text.strip()}"


def test_a_french_name_as_the_page_shows_it_is_found_with_its_english(tmp_path):
    # As a French page shows it: a typographic apostrophe, and the words in another case.
    result = run_find("mission d’administration INTÉRIMAIRE des Nations Unies au Kosovo")
    assert result.returncode == 0, result.stderr
    french = place("data/missions.yaml", "fr: Mission d'administration intérimaire des Nations Unies au Kosovo")
    english = place("data/missions.yaml", "en: United Nations Interim Administration Mission in Kosovo")
    assert result.stdout.splitlines()[:2] == [f"{french}   (id unmik)", f"    other language: {english}"]
    # The mandate holds the same words (in another case): found too, with its English.
    mandate = place("data/missions.yaml", "fr: La mission d'administration intérimaire des Nations Unies au Kosovo")
    assert result.stdout.splitlines()[2] == f"{mandate}   (id unmik)"
    assert result.stderr.strip() == "Found on 2 lines; change the text there, in both languages."


def test_a_sentence_with_values_the_site_fills_in_is_found_in_the_interface_texts():
    result = run_find("As of November 30, 2026, Canadian police serve in 9 missions")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [place("data/interface.yaml", "home.now:")]
    french = run_find("En date du 30 novembre 2026, des policiers canadiens servent dans 9 missions")
    assert french.stdout.splitlines() == [place("data/interface.yaml", "home.now:")]


def test_a_line_many_entries_share_is_told_apart_by_its_entry():
    """A find-and-replace of updated: would change every mission: each line names its mission."""
    result = run_find("updated: 2026-12-07")
    lines = [line for line in result.stdout.splitlines() if line.startswith("data/missions.yaml:")]
    updated = [n for n, text in enumerate(FILES["data/missions.yaml"], 1) if text == "    updated: 2026-12-07"]
    assert len(lines) == len(updated) > 1
    entries = [line.rsplit("   (id ", 1)[1].rstrip(")") for line in lines]
    assert len(set(entries)) == len(entries)  # one mission each
    assert "unmik" in entries and "monusco" in entries


def test_a_page_sentence_is_found_in_its_page():
    text = (ROOT / "content/en/open-data.md").read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(text, 1) if line.startswith("The facts and figures on this site"))
    result = run_find("the facts and figures on this site")
    assert f"content/en/open-data.md:{number}:1: " in result.stdout


@pytest.mark.parametrize("words", ["words no page holds", "Klingon"])
def test_words_found_nowhere_say_where_else_they_may_come_from(words):
    result = run_find(words)
    assert result.returncode == 1 and result.stdout == ""
    assert f'no line of data/, content/ or mkdocs.yml holds "{words}"' in result.stderr
    assert "ISO standard" in result.stderr and "Traceback" not in result.stderr
