"""The pages of a built site, found from its HTML files, and which language each is in.

Why: the tests must check every page, including the generated country pages and the 404 pages,
without a hand-kept list that would miss the next page someone adds.
"""
from __future__ import annotations

from pathlib import Path

FRENCH_ROOT = "fr/"


def site_pages(site: Path) -> list[str]:
    """Addresses relative to the site root: ``""``, ``fr/pays/haiti/``, ``404.html``."""
    addresses = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative == "index.html":
            addresses.append("")
        elif relative.endswith("/index.html"):
            addresses.append(relative[: -len("index.html")])
        else:
            addresses.append(relative)
    return addresses


def language_of(address: str) -> str:
    return "fr" if address.startswith(FRENCH_ROOT) else "en"


def is_not_found_page(address: str) -> bool:
    return address.rsplit("/", 1)[-1] == "404.html"
