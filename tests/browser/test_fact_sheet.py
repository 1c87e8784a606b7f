"""The fact sheet prints on one page, on Letter and on A4 paper, in both languages, with the data's
dated figures on it.

Why: a fact sheet is made to be handed out. Chromium prints each language's fact sheet to PDF (its
print stylesheet, as a reader's "Print" would) on both paper sizes; pypdf counts the pages and reads
the text back. The figures expected are read from data/ here with an independent YAML reader, not
from the site's code.
"""
from __future__ import annotations

import io
from pathlib import Path

import plainyaml
import pypdf
import pytest
from babel.numbers import format_decimal

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHEETS = {"en": "fact-sheet/", "fr": "fr/fiche-information/"}
LOCALES = {"en": "en_CA", "fr": "fr_CA"}
PAPERS = ("Letter", "A4")


def _data(name: str):
    return plainyaml.read(ROOT / "data" / name)


def _current_acronyms(language: str) -> list[str]:
    return [
        m["acronym"][language] for m in _data("missions.yaml")["missions"]
        if m["status"][-1]["state"] == "under_way"  # not suspended, not ended
    ]


def _program_figures() -> list[list[tuple[int, str]]]:
    """For each program figure the fact sheet shows: (count, year) of each of its statements, the year
    being the statement's own as_of or else its source's published date ("" when neither states one:
    the day a source was read is never a figure's date)."""
    sources = {record["key"]: record for record in _data("sources.yaml")["sources"]}
    facts = _data("program.yaml")["program"]["facts"]
    kinds = []
    for name, statements in facts.items():
        if not statements or name == "officers_serving":
            continue
        kinds.append([
            (s["count"], str(s.get("as_of") or sources[s["source"]].get("published") or "")[:4])
            for s in statements
        ])
    return kinds


def _plain(text: str) -> str:
    """PDF text with every kind of space made one plain space."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("paper", PAPERS)
def test_the_fact_sheet_prints_on_one_page_with_the_dated_figures(browser, base_url, language, paper):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + SHEETS[language], wait_until="load")
        pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
    finally:
        context.close()
    assert len(pdf.pages) == 1, f"{SHEETS[language]} prints on {len(pdf.pages)} {paper} pages"
    text = _plain(pdf.pages[0].extract_text())
    for acronym in _current_acronyms(language):
        assert acronym in text, f"{acronym} is not on the printed fact sheet"
    kinds = _program_figures()
    assert kinds, "the data has no program figure"
    for statements in kinds:
        shown = [
            (count, year) for count, year in statements
            if _plain(format_decimal(count, locale=LOCALES[language])) in text and year in text
        ]
        assert shown, f"none of {statements} is on the printed fact sheet with its year"
    # Issue 20: the paper says who publishes it (this repository's site is independent).
    publisher = _data("publisher.yaml")
    notice = _data("interface.yaml")["text"]["identity.independent"][language].format(
        publisher=publisher["independent"]["name"][language], owner=publisher["publisher"]["name"][language]
    )
    assert _plain(notice) in text, "the printed fact sheet does not say who publishes it"
