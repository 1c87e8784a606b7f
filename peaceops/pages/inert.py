"""Data written into a page: HTML-escaped, and with Markdown's own characters as character references.

Why: a page's macros write values from data/ into its Markdown, which the Markdown converter reads
next. Escaping HTML alone leaves Markdown live there: ``![x](https://tracker.example/p.png)`` typed in
a statement became an image from another host (a third-party request), ``[a](https://…)`` a link,
``{: onclick=… }`` an attribute (attr_list), ``- `` at the start a list; and a long run of ``[`` kept
the converter busy for minutes. Written as character references (``&#91;``), the same characters
show exactly as typed, in a Markdown paragraph and in raw HTML alike, and the converter sees none of
them. Line breaks become spaces (HTML shows them so anyway), so no value starts a Markdown line of its
own. Addresses checked as web addresses (``WebAddress``) are only HTML-escaped: every character in
them is allowed in an address and an ``href`` needs them as typed.
"""
from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

from peaceops.source.fieldtypes import WebAddress

_MARKDOWN = str.maketrans(
    {
        "[": "&#91;",
        "]": "&#93;",
        "*": "&#42;",
        "_": "&#95;",
        "`": "&#96;",
        "\\": "&#92;",
        "{": "&#123;",
        "}": "&#125;",
        "~": "&#126;",
        "|": "&#124;",
    }
)
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# What makes a line a heading, a quote, a list item or an underline when a value starts it.
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")
# Anything the three steps below would change: HTML's characters (markupsafe's escape), Markdown's,
# a line break, a block start. Most values (names, years, counts) have none, and a page writes tens
# of thousands of them. Made from the same tables, so that it follows them.
_HTML_SPECIAL = "&<>\"'"
_SPECIAL = re.escape(_HTML_SPECIAL + "".join(map(chr, _MARKDOWN)))
_NEEDS_WORK = re.compile("|".join((f"[{_SPECIAL}]", _LINE_BREAKS.pattern, _BLOCK_START.pattern)))


def html_text(value: Any) -> Any:
    """``value`` as it goes into a page: Markup (already HTML) and non-text values as they are. A text
    with nothing in it to change comes back as plain text, as typed: escaping it (Jinja escapes what
    a page prints) changes nothing, and marking it as HTML first made every printed value twice
    (Markup, then escape's Markup of it): about a twentieth of the pages' rendering (issue 33)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    if isinstance(value, WebAddress):
        return escape(value)
    if _NEEDS_WORK.search(value) is None:
        return str(value)
    return _made_inert(value)


def _made_inert(value: str) -> Markup:
    """The three steps: HTML escaped, line breaks as spaces, Markdown's characters and a block start
    as character references."""
    text = _LINE_BREAKS.sub(" ", str(escape(value))).translate(_MARKDOWN)
    return Markup(_BLOCK_START.sub(_inert_start, text, count=1))  # noqa: S704  (escaped above)


def _inert_start(found: re.Match[str]) -> str:
    if found.group(2):
        return f"{found.group(1)}&#{ord(found.group(2))};"
    return f"{found.group(1)}{found.group(3)}&#{ord(found.group(4))};"
