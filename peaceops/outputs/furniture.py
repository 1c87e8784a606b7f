"""What every page shows around its content, made once per page: the language toggle, hreflang
links, "Date modified", the breadcrumb, "Report a problem", the title and the data for search engines and
link previews.

Why: Canada.ca asks every page for them, and they come from the routes and the data, not from the
page's text. They are made here, without any engine, as one value per page; the MkDocs adapter hands
that value to the templates as ``pk_page`` (``None`` on the 404 page, which has no page), so a
template asks one question (``{% if pk_page %}``) instead of digging in the engine's page metadata.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from peaceops.languages import other
from peaceops.outputs import findable, metadata
from peaceops.pages import wayfinding
from peaceops.pages.addresses import absolute
from peaceops.pages.routes import relative_url
from peaceops.pages.website import Website


@dataclass(frozen=True)
class Toggle:
    """The link to the same page in the other language (Canada.ca's language toggle)."""

    lang: str
    href: str
    label: str
    title: str


@dataclass(frozen=True)
class Furniture:
    toggle: Toggle
    hreflang: dict[str, str]  # language -> absolute address of this page in it
    date_modified: str  # ISO date
    date_modified_label: str
    breadcrumb: list[wayfinding.Link]
    report: wayfinding.Link | None  # None when this build knows no channel for reports (a local build)
    jsonld: str  # for <script type="application/ld+json">
    open_graph: list[tuple[str, str]]
    html_title: str  # the <title>: at most 60 characters (findable.py)
    dublin_core: list[tuple[str, str, str | None]]  # (dcterms.name, content, scheme)


def toggle(site: Website, language: str, href: str) -> Toggle:
    fmt = site.localizer(language)
    return Toggle(other(language), href, fmt.t("toggle.label"), fmt.t("toggle.title"))


def furniture(
    site: Website, page_id: str, language: str, meta: Mapping[str, Any], title: str, root: str, offers_open_data: bool
) -> Furniture:
    """The furniture of one page; ``root`` is the whole site's address, ``offers_open_data`` whether
    the page links the open data (its structured data then describes the Dataset)."""
    here = site.routes.path(page_id, language)
    there_language, there = site.counterpart(page_id, language)
    page_url = absolute(root, here)
    fmt = site.localizer(language)
    modified = site.date_modified(meta).isoformat()
    creator = fmt.text(site.site_publisher.name)
    return Furniture(
        toggle=toggle(site, language, relative_url(there, here)),
        hreflang={language: page_url, there_language: absolute(root, there)},
        date_modified=modified,
        date_modified_label=fmt.t("footer.date_modified"),
        breadcrumb=wayfinding.breadcrumb(site, page_id, language),
        report=wayfinding.report_problem(site, language, page_url),
        jsonld=metadata.json_for_script(
            metadata.json_ld(site, language, root, page_id, title, page_url, offers_open_data)
        ),
        open_graph=metadata.open_graph(site, language, title, meta.get("description"), page_url, root),
        html_title=findable.html_title(site, page_id, language, title),
        dublin_core=findable.dublin_core(
            site, language, findable.own_title(site, page_id, language, title), meta, modified, creator
        ),
    )
