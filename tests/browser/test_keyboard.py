"""Keyboard use on every page: the skip link comes first and moves focus to the content, and every
tab stop shows that it has focus (WCAG 2.4.1, 2.4.3, 2.4.7).

Why: a reader who cannot use a mouse must be able to skip the header and see where they are.
"""
from __future__ import annotations

import pytest

from .focus import ACTIVE, tab_stops_without_visible_focus
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


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(tab, base_url, pages):
    problems = []
    for address in _content_pages(pages):
        tab.goto(base_url + address)
        tab.keyboard.press("Tab")
        first = tab.evaluate(ACTIVE)
        if not first or "md-skip" not in first["describe"]:
            problems.append(f"{address or '/'}: the first tab stop is {first and first['describe']}, not the skip link")
            continue
        if not first["visible"]:
            problems.append(f"{address or '/'}: the skip link is focused but not visible")
        tab.keyboard.press("Enter")
        target = tab.evaluate(SKIP_TARGET)
        if not target or not target["inContent"]:
            problems.append(f"{address or '/'}: the skip link leads to {tab.url}, not into the content")
            continue
        content_has_tab_stop = tab.evaluate(CONTENT_HAS_TAB_STOP)
        tab.keyboard.press("Tab")
        after = tab.evaluate(ACTIVE)
        if content_has_tab_stop and (not after or not after["inContent"]):
            problems.append(f"{address or '/'}: after skipping, Tab goes to {after and after['describe']}, outside the content")
    assert not problems, "\n".join(problems)


def test_every_tab_stop_shows_focus(tab, base_url, pages):
    problems, seen_visible = [], set()
    for address in pages:
        tab.goto(base_url + address)
        problems += [f"{address or '/'}: {problem}" for problem in tab_stops_without_visible_focus(tab, seen_visible)]
    assert not problems, "\n".join(problems)


def test_not_found_pages_have_a_skip_link_and_a_language_toggle(tab, base_url, pages):
    for address in (a for a in pages if is_not_found_page(a)):
        tab.goto(base_url + address)
        assert tab.locator("a.md-skip").count() == 1, f"{address}: no skip link"
        assert tab.locator(".pk-language__link").count() == 1, f"{address}: no language toggle"
