"""Large text on every page: with text at 200 % the content stays readable (WCAG 1.4.4). (At 320
CSS px wide nothing scrolls sideways and axe still passes, WCAG 1.4.10: test_screens.py, which
loads every page at that width once for all its measures.)

Why: many readers enlarge text, and Material's type sizes are set in its own units, so the larger
text needs its own check.
"""
from __future__ import annotations

import pytest

from .test_screens import PAGE_OVERFLOW

pytestmark = pytest.mark.browser

DEFAULT_FONT_PX = 16
TEXT_SCALE = 2  # 200 %: WCAG 1.4.4

READABILITY = """() => {
    const body = document.querySelector('.md-content .md-typeset');
    const problems = [];
    for (const element of document.querySelectorAll('.md-content p, .md-content li, .md-content h1, .md-content h2, .md-content h3, .md-content dd, .md-content dt')) {
        const style = getComputedStyle(element);
        const clipped = ['hidden', 'clip'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
        const box = element.getBoundingClientRect();
        if (clipped) problems.push(element.tagName + ' cuts off its text: ' + element.textContent.trim().slice(0, 40));
        else if (box.width > 0 && (box.left < -1 || box.right > document.documentElement.clientWidth + 1))
            problems.push(element.tagName + ' runs off the screen: ' + element.textContent.trim().slice(0, 40));
    }
    return {fontSize: parseFloat(getComputedStyle(body).fontSize), problems};
}"""


def test_text_at_200_percent_stays_readable(tab, base_url, pages):
    """Chromium's own text-size setting doubled (text zoom, not page zoom), as a reader would set it."""
    cdp = tab.context.new_cdp_session(tab)
    problems = []
    try:
        tab.goto(base_url)
        normal = tab.evaluate(READABILITY)["fontSize"]
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": TEXT_SCALE * DEFAULT_FONT_PX, "fixed": TEXT_SCALE * 13}})
        for address in pages:
            tab.goto(base_url + address)
            found = tab.evaluate(READABILITY)
            if found["fontSize"] < (TEXT_SCALE - 0.1) * normal:
                problems.append(f"{address or '/'}: text is {found['fontSize']} px, not twice {normal} px")
            problems += [f"{address or '/'}: {line}" for line in found["problems"]]
            overflow = tab.evaluate(PAGE_OVERFLOW)
            if overflow > 0:
                problems.append(f"{address or '/'}: the page scrolls {overflow} px sideways with text at 200 %")
    finally:
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": DEFAULT_FONT_PX, "fixed": 13}})
        cdp.detach()
    assert not problems, "\n".join(problems)
