"""Full addresses of a page's links, for the printed page.

Why: on paper a link is only its words. The print stylesheet writes each link's address after it,
but a page's own links are relative ("../deployments/"), which mean nothing on paper. This adds
each link's full address as ``data-print-href``, for the stylesheet to show; links that lead within
the page, or whose words already are their address, get none.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urljoin

_ANCHOR = re.compile(r"<a\s(?P<attributes>[^>]*)>(?P<words>.*?)</a>", re.DOTALL)
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def add_print_addresses(content: str, page_url: str) -> str:
    """``content`` (a page's HTML) with ``data-print-href`` on every link that leads off the page."""

    def mark(anchor: re.Match[str]) -> str:
        attributes = anchor.group("attributes")
        found = _HREF.search(attributes)
        if not found or "data-print-href" in attributes:
            return anchor.group(0)
        href = html.unescape(found.group("href"))
        if not href or href.startswith("#"):
            return anchor.group(0)
        full = urljoin(page_url, href)
        if full.startswith("mailto:"):
            full = full[len("mailto:") :].split("?")[0]
        words = html.unescape(_TAG.sub("", anchor.group("words"))).strip()
        if words in (full, href):
            return anchor.group(0)
        marked = f'{attributes} data-print-href="{html.escape(full, quote=True)}"'
        return f"<a {marked}>{anchor.group('words')}</a>"

    return _ANCHOR.sub(mark, content)
