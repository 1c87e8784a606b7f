"""The header search finds what a reader types, in the page's language, and costs nothing until used.

Why: search is how a reader who knows only an acronym ("MINUSTAH") or a name typed without its
accent ("Haiti" on the French site) gets to the right page. Pagefind (peaceops/outputs/search_index.py)
keeps one index per language and is fetched only when the reader types (theme/assets/search.js).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import plainyaml
import pytest

from .axe import describe, run_axe
from .pages import language_of

pytestmark = pytest.mark.browser

INPUT = ".pk-search__input"
RESULT_LINKS = ".pk-search__list a"
STATUS = ".pk-search__status"


def search(tab, start_url: str, query: str) -> list[str]:
    """Type ``query`` in the header search of the page at ``start_url``; the addresses listed."""
    tab.goto(start_url)
    tab.click(INPUT)
    tab.keyboard.type(query)
    tab.wait_for_function(
        "s => document.querySelector(s).textContent.trim() !== ''", arg=STATUS, timeout=15_000
    )
    return [urlsplit(href).path.removeprefix("/")
            for href in tab.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")]


@pytest.mark.parametrize(
    "start, query, expected",
    [
        ("", "MINUSTAH", "countries/haiti/"),          # an acronym written in parentheses on the page
        ("fr/", "Haiti", "fr/pays/haiti/"),            # no accent typed; the page says Haïti
        ("how-it-works/", "CPA", "how-it-works/"),     # "(CPA)"
        ("fr/", "APCC", "fr/fonctionnement/"),         # "(APCC)"
        ("fr/pays/haiti/", "Ivoire", "fr/pays/cote-divoire/"),  # a word after an apostrophe: d'Ivoire
    ],
)
def test_search_lists_the_page(tab, base_url, start, query, expected):
    found = search(tab, base_url + start, query)
    assert expected in found, f"searching {query!r} on /{start} listed {found}"


@pytest.mark.parametrize("start, query", [("fr/pays/haiti/", "déploiements"), ("fr/", "policiers"), ("deployments/", "officers")])
def test_search_finds_pages_in_the_language_of_the_page_only(tab, base_url, built_site, start, query):
    found = search(tab, base_url + start, query)
    assert found, f"searching {query!r} on /{start} found nothing"
    for address in found:
        assert language_of(address) == language_of(start), f"{query!r} on /{start} found /{address}"
        # The page's own language, as its <html> says (read from the file: the crawl, which reads it in
        # Chromium, is another file's, and sharing it would make both workers crawl the site).
        page = (built_site / address / "index.html").read_text(encoding="utf-8")
        lang = re.search(r'<html[^>]*\slang="([^"]*)"', page)
        assert lang and lang.group(1) == language_of(start), f"/{address} has <html lang={lang and lang.group(1)}>"


def test_results_are_announced_in_words_of_the_page_language_and_pass_axe(tab, base_url):
    search(tab, base_url + "fr/", "Haiti")
    status = tab.text_content(STATUS)
    assert "Haiti" in status and "page" in status, status
    assert tab.get_attribute(STATUS, "role") == "status"
    excerpts = tab.eval_on_selector_all(".pk-search__list p", "ps => ps.map(p => p.textContent)")
    assert excerpts and all(excerpts), "results without an excerpt"
    violations = describe(run_axe(tab))
    assert not violations, violations


def _source_titles() -> list[str]:
    """The titles of the sources in data/sources.yaml, long enough not to be everyday words."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sources = plainyaml.read(root / "data" / "sources.yaml")["sources"]
    return [title for source in sources for title in source["title"].values() if len(title) >= 25]


@pytest.mark.parametrize(
    "start, query, page",
    [("", "serve", "serving/"), ("", "MINUSTAH", "countries/haiti/"), ("fr/", "MINUSTAH", "fr/pays/haiti/")],
)
def test_search_finds_the_page_with_no_citation_in_its_excerpts(tab, base_url, start, query, page):
    """Issue 19: source notes (their marks and the list at each page's foot) are left out of the
    index (data-pagefind-ignore), so results open on the page's words, never on a citation.
    (Which result comes first is the headings' weight in the index: test_search_lists_the_page.)"""
    found = search(tab, base_url + start, query)
    assert page in found, f"searching {query!r} on /{start} listed {found}"
    excerpts = tab.eval_on_selector_all(".pk-search__list p", "ps => ps.map(p => p.textContent)")
    text = " ".join(excerpts)
    assert excerpts and not re.search(r"\bsource\s*:|↩", text, re.IGNORECASE), text
    cited = [title for title in _source_titles() if title in text]
    assert not cited, (query, cited)


def test_excerpts_have_spaces_between_words(tab, base_url):
    """A term and its value (<dt>Dirigée par</dt><dd>Nations Unies</dd>) must not run together."""
    search(tab, base_url + "fr/pays/haiti/", "Dirigée")
    excerpts = " ".join(tab.eval_on_selector_all(".pk-search__list p", "ps => ps.map(p => p.textContent)"))
    assert "Dirigée par" in excerpts, excerpts
    assert not re.search(r"par(Nations|Union)|canadiens(de|depuis)|déployés(Non|\d)", excerpts), excerpts


def test_french_results_keep_french_typography(tab, base_url):
    """Pagefind's excerpts come with ordinary spaces; the French search puts the no-break ones back."""
    from test_french_typography import page_faults  # the same scanner as for the built pages

    search(tab, base_url + "fr/", "partenaires")
    panel = tab.inner_html(".pk-search__results")
    assert ":" in tab.text_content(".pk-search__list"), "no excerpt with a colon to check"
    assert page_faults(panel) == [], page_faults(panel)


def test_nothing_is_fetched_for_search_until_the_reader_types(browser, base_url):
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    tab = context.new_page()
    try:
        tab.goto(base_url, wait_until="networkidle")
        assert not [url for url in requested if "/pagefind/" in url], "the search index loads before anyone searches"
        tab.click(INPUT)
        tab.keyboard.type("Kosovo")
        tab.wait_for_selector(RESULT_LINKS, timeout=15_000)
        fetched = [url for url in requested if "/pagefind/" in url]
        assert fetched, "typing fetched no part of the search index"
        assert not [url for url in requested if not url.startswith(base_url)], "a request left the site"
        # Only the English index's pieces, never the French ones.
        assert not [url for url in fetched if ".fr_" in url or "wasm.fr" in url], fetched
    finally:
        context.close()


def test_the_search_works_from_the_keyboard_and_escape_closes_it(tab, base_url):
    tab.goto(base_url + "contact/")
    tab.focus(INPUT)
    tab.keyboard.type("Kosovo")
    tab.keyboard.press("Enter")
    tab.wait_for_selector(RESULT_LINKS, timeout=15_000)
    assert tab.url.startswith(base_url + "contact/"), "Enter left the page instead of searching"
    tab.keyboard.press("Tab")
    focused = tab.evaluate("() => document.activeElement.closest('.pk-search__list') !== null || document.activeElement.type")
    assert focused in (True, "submit"), f"Tab from the field went to {focused}"
    tab.keyboard.press("Escape")
    assert tab.is_hidden(".pk-search__results"), "Escape did not close the results"


def test_no_page_is_listed_without_a_visible_match(tab, base_url):
    # Pagefind, finding no word, tries shorter beginnings of the term: "recrutement" (French, on the
    # English site) matched the "re" of "re-establish" on Iraq and Mali. Such results are not listed.
    found = search(tab, base_url, "recrutement")
    assert "countries/iraq/" not in found and "countries/mali/" not in found, found
    assert "serving/" in search(tab, base_url, "recruits")  # a real match is still found


@pytest.mark.parametrize(
    "start, query, first",
    [("", "serve", "serving/"), ("fr/", "servir", "fr/servir-en-mission/"), ("", "MINUSTAH", "countries/haiti/")],
)
def test_the_page_a_word_names_comes_first(tab, base_url, start, query, first):
    """Issue 19: a reader who types "serve" is looking for Serving on a mission, whose title says it:
    the title's weight puts it first, ahead of pages that only use the word often."""
    found = search(tab, base_url + start, query)
    assert found and found[0] == first, f"searching {query!r} on /{start} listed {found}"
