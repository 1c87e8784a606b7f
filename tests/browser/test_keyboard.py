"""Keyboard use on every page: the skip link comes first and moves focus to the content, and every
tab stop shows that it has focus (WCAG 2.4.1, 2.4.3, 2.4.7).

Why: a reader who cannot use a mouse must be able to skip the header and see where they are. Each
page is loaded once for both (``walks``): a page load costs more than the key presses on it.
"""
from __future__ import annotations

import pytest

from .focus import ACTIVE, walk_tab_stops
from .pages import is_not_found_page

pytestmark = pytest.mark.browser

SKIP_TARGET = """() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    return target ? {inContent: !!target.closest('.md-content'), tag: target.tagName.toLowerCase()} : null;
}"""
# Whether the content, from the skip link's target on, holds a tab stop of its own: a page whose
# content links nowhere (the terms, say, in a build with no "Report a problem" link) has none, and
# Tab then rightly goes on to what follows it.
CONTENT_HAS_TAB_STOP = """() => {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const content = target && target.closest('.md-content');
    const focusable = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])';
    return !!content && [...content.querySelectorAll(focusable)].some(element =>
        element.getClientRects().length > 0 && (target.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING));
}"""


def _content_pages(pages):
    return [address for address in pages if not is_not_found_page(address)]


@pytest.fixture(scope="module")
def walks(tab, base_url, pages) -> dict[str, dict]:
    """Every page loaded once: its tab stops walked from the top (``walk_tab_stops``), then, on a
    content page, its skip link taken with Enter (``_take_the_skip_link``)."""
    found, seen_visible = {}, set()
    for address in pages:
        tab.goto(base_url + address)
        walk = walk_tab_stops(tab, seen_visible)
        skip = None if is_not_found_page(address) else _take_the_skip_link(tab)
        found[address] = {"walk": walk, "skip": skip}
    return found


def _take_the_skip_link(tab) -> dict:
    """Focus the skip link (the walk has shown it is the first tab stop), press Enter, then Tab."""
    if not tab.evaluate("() => { const link = document.querySelector('a.md-skip'); link?.focus(); return !!link; }"):
        return {"target": None, "url": tab.url}
    tab.keyboard.press("Enter")
    target = tab.evaluate(SKIP_TARGET)
    content_has_tab_stop = target is not None and tab.evaluate(CONTENT_HAS_TAB_STOP)
    tab.keyboard.press("Tab")
    return {"target": target, "url": tab.url, "content_has_tab_stop": content_has_tab_stop, "after": tab.evaluate(ACTIVE)}


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(walks, pages):
    problems = []
    for address in _content_pages(pages):
        first, skip = walks[address]["walk"].first, walks[address]["skip"]
        if not first or "md-skip" not in first["describe"]:
            problems.append(f"{address or '/'}: the first tab stop is {first and first['describe']}, not the skip link")
            continue
        if not first["visible"]:
            problems.append(f"{address or '/'}: the skip link is focused but not visible")
        target = skip["target"]
        if not target or not target["inContent"]:
            problems.append(f"{address or '/'}: the skip link leads to {skip['url']}, not into the content")
            continue
        after = skip["after"]
        if skip["content_has_tab_stop"] and (not after or not after["inContent"]):
            problems.append(f"{address or '/'}: after skipping, Tab goes to {after and after['describe']}, outside the content")
    assert not problems, "\n".join(problems)


def test_every_tab_stop_shows_focus(walks, pages):
    problems = [f"{address or '/'}: {problem}" for address in pages for problem in walks[address]["walk"].problems]
    assert not problems, "\n".join(problems)


def test_not_found_pages_have_a_skip_link_and_a_language_toggle(tab, base_url, pages):
    for address in (a for a in pages if is_not_found_page(a)):
        tab.goto(base_url + address)
        assert tab.locator("a.md-skip").count() == 1, f"{address}: no skip link"
        assert tab.locator(".pk-language__link").count() == 1, f"{address}: no language toggle"
