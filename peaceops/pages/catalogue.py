"""Every page of the site in both languages, with its address, title and date modified.

Why: the sitemap, the breadcrumb and the footer speak of pages other than the one being built
(its translation, its parent, the terms page), so they need each page's facts without MkDocs
having rendered it. They come from the same front matter the pages are built from, so the
sitemap's dates always agree with the "Date modified" printed on each page.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peaceops.languages import LANGUAGES
from peaceops.pages.website import Website


@dataclass(frozen=True)
class PageInfo:
    page_id: str
    language: str
    path: str  # within the whole site: "fr/fonctionnement/"
    title: str
    date_modified: date


def page_meta(site: Website, page_id: str, language: str) -> dict[str, Any]:
    """The front matter of a page: the hand-written file's, or the one written for a generated page."""
    return dict(site.page(language, site.routes.sources[page_id][language]).meta)


def page_info(site: Website, page_id: str, language: str) -> PageInfo:
    meta = page_meta(site, page_id, language)
    return PageInfo(
        page_id=page_id,
        language=language,
        path=site.routes.path(page_id, language),
        title=str(meta.get("title") or page_id),
        date_modified=site.date_modified(meta),
    )


def all_pages(site: Website) -> list[PageInfo]:
    """Every page of both languages, in address order."""
    pages = [page_info(site, page_id, language) for page_id in site.routes.page_ids() for language in LANGUAGES]
    return sorted(pages, key=lambda page: page.path)

