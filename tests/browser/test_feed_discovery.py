"""No page view fetches a sitemap for the Atom feed its head names (that every page's head names its
language's feed is read by the crawl: test_crawl.py).

Why (issue 14): a feed reader given a page's address finds the feed from <link rel="alternate"
type="application/atom+xml">. Material's script bundle fetches a sitemap.xml beside every
link[rel=alternate], at the public host the links name; theme/main.html does not load it. This
watches, in Chromium, every request a page view makes.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


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
