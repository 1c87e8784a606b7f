"""A value with nothing to escape skips the escaping steps (issue 21): the shortcut must never skip a
value those steps would change. Every short text over an alphabet of the characters that matter
(HTML's, Markdown's, line breaks, block starts, spaces of every kind) comes out the same both ways."""
from __future__ import annotations

import itertools

from markupsafe import Markup, escape

from peaceops.pages.inert import _made_inert, html_text

ALPHABET = [*"a1.)-#>+=&<>\"'[]*_`\\{}~| \t\r\n", "\u2028", "\u2029", "\u00a0", "\x0b", "\x1c", "\x85", "é"]


def test_the_shortcut_agrees_with_the_full_steps_on_every_short_text():
    checked = 0
    for length in range(4):
        for characters in itertools.product(ALPHABET, repeat=length):
            value = "".join(characters)
            assert html_text(value) == _made_inert(value), repr(value)
            assert escape(html_text(value)) == _made_inert(value), repr(value)  # as a page prints it
            checked += 1
    assert checked == sum(len(ALPHABET) ** length for length in range(4))


def test_plain_values_come_back_as_they_are_and_special_ones_do_not():
    # A plain value comes back as typed, and as plain text (issue 33): what prints it escapes it, which
    # must then change nothing.
    assert html_text("Haïti 2004") == "Haïti 2004" and type(html_text("Haïti 2004")) is str
    assert escape(html_text("Haïti 2004")) == "Haïti 2004"
    assert html_text(Markup("<b>a</b>")) == Markup("<b>a</b>")  # already HTML: as it is
    assert html_text("a [b](c)") == "a &#91;b&#93;(c)"
    assert html_text("- list") == "&#45; list"
    assert html_text("<b>") == "&lt;b&gt;"
