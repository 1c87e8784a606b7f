"""Fixtures for the browser tests: the built site on a loopback server, one Chromium, one crawl.

Why: starting Chromium and loading pages are the slow parts, so the browser is started once per
session, every page is visited once by ``crawl`` (which gathers everything the per-rule tests
assert on), and the interactive tests share one tab. The page list comes from the built site's own
HTML files, so a new page (or a generated country page) is checked without anyone listing it.
Chromium and Java missing make the tests FAIL, with a message, never skip.

Requests to any host but the loopback server are refused by Chromium itself (its host resolver
knows no other name), not by a Playwright route: a route turns off the browser's cache, and with it
the site's stylesheets and scripts were fetched and compiled again on each of the thousand page
loads of a run. The server says its files may be kept for the run (they do not change during it),
as a reader's browser keeps them between two pages.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest

from .crawler import crawl_site
from .pages import site_pages

# The browser and its options, shared with make screenshots (tools/chromium.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from chromium import CHROMIUM, CHROMIUM_ARGS

# How long the test server lets the browser keep a file it served; the built site never changes
# during a run. Only successful answers say so: a missing file is asked for again every time.
CACHE_FOR = "max-age=3600"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_response(self, code, message=None):
        super().send_response(code, message)
        if code == 200:
            self.send_header("Cache-Control", CACHE_FOR)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the browser drops connections it no longer needs when it leaves a page


@contextlib.contextmanager
def serve(folder: Path):
    """``folder`` served by a threaded http.server on 127.0.0.1, on a free port: its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(built_site: Path):
    """The built site, served on loopback (``serve``)."""
    with serve(built_site) as address:
        yield address


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
def tab(browser):
    """One tab for the interactive tests; requests to any other host are refused, not made."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()
