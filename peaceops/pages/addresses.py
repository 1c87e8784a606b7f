"""Absolute web addresses of the site's pages, made from the one address the build was given.

Why: canonical and hreflang links, the sitemap, the feed, the structured data and the
report-a-problem link all need absolute addresses, and a staging copy must differ from the public
site only in them. They are all made here from one root, so no address is typed anywhere else.
"""
from __future__ import annotations

from peaceops.languages import LANGUAGE_ROOT


def site_root(site_url: str, language: str) -> str:
    """The address of the whole site, given one language build's ``site_url``.

    The French build is given the root followed by ``fr/`` (so that MkDocs' own canonical links are
    right); this takes that suffix off again.
    """
    url = site_url if site_url.endswith("/") else site_url + "/"
    suffix = LANGUAGE_ROOT[language]
    if suffix and url.endswith("/" + suffix):
        url = url[: -len(suffix)]
    return url


def absolute(root: str, path: str) -> str:
    """``root`` + a site-relative address such as ``fr/fonctionnement/``."""
    return root + path.lstrip("/")


FEED_FILE = "feed.xml"


def feed_path(language: str) -> str:
    """Where the language's feed of changes is, within the whole site (each language has its own)."""
    return LANGUAGE_ROOT[language] + FEED_FILE
