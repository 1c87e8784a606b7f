"""Search in each language finds pages in that language, and its results pass axe.

Why: each language has its own search index and stemmer (mkdocs.fr.yml); a French reader who
searches a French word must land on French pages, never on the English site.
"""
from __future__ import annotations

import pytest

from urllib.parse import urlsplit

from .axe import describe, run_axe
from .pages import language_of

pytestmark = pytest.mark.browser

RESULT_LINKS = ".md-search-result__item > a"
SETTLE_MS = 500  # results fade in; axe must see them as the reader does, not mid-transition


def search(tab, address_url: str, query: str) -> list[str]:
    tab.goto(address_url)
    tab.click(".md-search__input")
    tab.keyboard.type(query)
    tab.wait_for_selector(RESULT_LINKS, timeout=10_000)
    return tab.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")


@pytest.mark.parametrize(
    "start, query",
    [("fr/pays/haiti/", "déploiements"), ("fr/", "policiers"), ("deployments/", "officers")],
)
def test_search_finds_pages_in_the_language_of_the_page(tab, base_url, start, query, crawl):
    results = search(tab, base_url + start, query)
    assert results, f"searching {query!r} on {start} found nothing"
    for href in results:
        address = urlsplit(href).path.removeprefix("/")
        assert language_of(address) == language_of(start), f"{query!r} on {start} found {href}"
        assert crawl[address].lang == language_of(start), f"{href} has <html lang={crawl[address].lang}>"
    tab.wait_for_timeout(SETTLE_MS)
    violations = describe(run_axe(tab))
    assert not violations, violations
