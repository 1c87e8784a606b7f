"""Every page's head names its language's Atom feed, and no page view fetches a sitemap for it.

Why (issue 14): a feed reader given a page's address finds the feed from <link rel="alternate"
type="application/atom+xml">. Material's script bundle fetches a sitemap.xml beside every
link[rel=alternate], at the public host the links name; theme/main.html does not load it. This
watches, in Chromium, every request a page view makes.
"""
from __future__ import annotations

import pytest

from .pages import is_not_found_page, language_of

pytestmark = pytest.mark.browser

FEED_LINKS = "link[rel~=alternate][type='application/atom+xml']"


def _requests_of_a_page_view(browser, url: str) -> list[str]:
    context = browser.new_context()
    seen: list[str] = []

    def route(route):
        seen.append(route.request.url)
        if route.request.url.startswith(url.split("/", 3)[0] + "//" + url.split("/", 3)[2]):
            route.continue_()
        else:
            route.abort()

    pending: set = set()  # requests started and not yet finished, failed or aborted

    def started(request):  # Playwright takes Python functions as handlers, not bound builtins
        pending.add(request)

    def ended(request):
        pending.discard(request)

    context.on("request", started)
    context.on("requestfinished", ended)
    context.on("requestfailed", ended)
    context.route("**/*", route)
    page = context.new_page()
    page.goto(url, wait_until="load")
    # Late requests (a script's lookups) start after load, from the scripts it ran: wait until the
    # page's main thread is idle (its scripts have run) and every request they started has ended.
    idle = "() => new Promise(resolve => requestIdleCallback(() => resolve(true)))"
    page.evaluate(idle)
    while pending:
        page.evaluate(idle)
    context.close()
    return seen


@pytest.mark.parametrize("address", ["", "fr/deploiements/"])
def test_a_page_view_fetches_no_sitemap_though_the_head_links_its_feed(browser, base_url, address):
    requests = _requests_of_a_page_view(browser, base_url + address)
    assert not [url for url in requests if url.endswith("sitemap.xml")], requests
    assert not [url for url in requests if not url.startswith(base_url)], requests


def test_every_page_but_404_links_the_feed_of_its_language_in_the_head(crawl_heads):
    for address, links in crawl_heads.items():
        if is_not_found_page(address):
            continue
        language = language_of(address)
        assert len(links) == 1, f"{address}: {links}"
        link = links[0]
        assert link["hreflang"] == language and link["title"], f"{address}: {link}"
        assert link["href"].endswith("fr/feed.xml" if language == "fr" else "/feed.xml"), f"{address}: {link}"
        assert language == "fr" or not link["href"].endswith("fr/feed.xml"), f"{address}: {link}"


@pytest.fixture(scope="module")
def crawl_heads(tab, base_url, pages):
    """The feed links of every page's head, as Chromium parsed them."""
    heads = {}
    for address in pages:
        tab.goto(base_url + address, wait_until="domcontentloaded")
        heads[address] = tab.eval_on_selector_all(
            f"head {FEED_LINKS}",
            "links => links.map(l => ({href: l.href, hreflang: l.hreflang, title: l.title}))",
        )
    return heads
