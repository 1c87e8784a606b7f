"""Fixtures for the browser tests: the built site on a loopback server, one Chromium, one crawl.

Why: starting Chromium and loading pages are the slow parts, so the browser is started once per
session, every page is visited once by ``crawl`` (which gathers everything the per-rule tests
assert on), and the interactive tests share one tab. The page list comes from the built site's own
HTML files, so a new page (or a generated country page) is checked without anyone listing it.
Chromium and Java missing make the tests FAIL, with a message, never skip.
"""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from .crawler import crawl_site
from .pages import site_pages

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the browser drops connections it no longer needs when it leaves a page


@pytest.fixture(scope="session")
def base_url(built_site: Path):
    """The built site, served by a threaded http.server on 127.0.0.1, on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright; never a downloaded browser."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is needed for the browser tests and is not at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def pages(built_site: Path) -> list[str]:
    """Every HTML page of the built site, both languages, as addresses relative to the site root."""
    return site_pages(built_site)


@pytest.fixture(scope="session")
def crawl(browser, base_url, pages):
    """Every page visited once in Chromium: axe results, requests, console, links, toggle, ids."""
    return crawl_site(browser, base_url, pages)


@pytest.fixture(scope="session")
def tab(browser, base_url):
    """One tab for the interactive tests; requests to any other host are refused, not made."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url) else route.abort())
    page = context.new_page()
    yield page
    context.close()
