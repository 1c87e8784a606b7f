"""The links every page carries besides its content: menu, breadcrumb, report a problem, footer, 404.

Why: Canada.ca asks every page for a breadcrumb trail and a footer with the Terms and conditions
and Privacy pages; the 404 page must lead back to both home pages; and a reader must reach every
country page from the menu, not only from a table. "Report a problem on this page" is no longer in
Canada.ca's specification (removed in October 2025); it is kept as a contact aid: it is the one way
a reader can tell whoever publishes the site that a figure is wrong or out of date, with the page
named for them. It goes to who can fix the page: the program on its official site, the independent
publisher on a copy (``Website.site_publisher``), never the program about a site it does not publish.
Their targets and words come from the routes and the data, in the page's language, so a template
only lays them out.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from peaceops.languages import LANGUAGE_ROOT, LANGUAGES
from peaceops.pages.addresses import absolute, feed_path
from peaceops.pages.catalogue import page_info
from peaceops.pages.localize import collation_key
from peaceops.pages.routes import country_page_id, relative_url
from peaceops.pages.website import Website
from peaceops.source.publisher import is_official

HOME = "home"
FOOTER_PAGES = ("terms", "privacy", "accessibility")
COUNTRIES_AFTER = "past-operations"  # the menu's "By country" section comes after this page


@dataclass(frozen=True)
class Link:
    label: str
    href: str
    lang: str | None = None  # set when the label is in another language than the page


def with_country_section(nav: list[Any], site: Website, language: str) -> list[Any]:
    """The menu (MkDocs' ``nav`` setting) with a "By country" section after Past operations: every
    country and territory page, in alphabetical order of its name in ``language``."""
    pages = [
        (country.place.name[language], site.routes.sources[country_page_id(country.place.code)][language])
        for country in site.facts.countries
    ]
    pages.sort(key=lambda page: collation_key(page[0]))
    section = {site.localizer(language).t("nav.by_country"): [{name: source} for name, source in pages]}
    after = site.routes.sources[COUNTRIES_AFTER][language]
    position = nav.index(after) + 1 if after in nav else len(nav)
    return [*nav[:position], section, *nav[position:]]


def breadcrumb(site: Website, page_id: str, language: str) -> list[Link]:
    """The trail above a page: the publisher, the program's home, then the page's parent.

    As on Canada.ca, an official site's trail starts at the top organization; an independent site's
    at its own home, since the organization does not publish it (data/publisher.yaml, identity:). The
    trail never shows the current page. A country page's parent is Current deployments if Canadian
    police serve there now, Past operations if every mission there has ended, and none (the trail
    stops at the home page) while its only missions not ended are suspended: a suspended mission is
    neither a current deployment nor a past operation (issue 29).
    """
    here = site.routes.path(page_id, language)
    publisher = site.publisher.publisher
    trail = []
    if is_official(site.publisher):
        trail.append(Link(site.localizer(language).text(publisher.name), publisher.url[language]))
    if page_id != HOME:
        trail.append(_page_link(site, HOME, language, here))
    parent = _parent(site, page_id)
    if parent:
        trail.append(_page_link(site, parent, language, here))
    return trail


def _parent(site: Website, page_id: str) -> str | None:
    for country in site.facts.countries:
        if page_id == f"country/{country.place.code}":
            if country.current:
                return "deployments"
            return None if country.suspended else "past-operations"
    return None


def _page_link(site: Website, page_id: str, language: str, here: str) -> Link:
    return Link(page_info(site, page_id, language).title, site.routes.relative(page_id, language, here))


def report_problem(site: Website, language: str, page_url: str) -> Link | None:
    """A link for reporting a problem with the page, its address in the subject: a mailto: link to
    the site's publisher (the program on an official site), or the repository's page for a new issue
    with that title; None when this build knows neither (a local build of an independent site
    without e-mail). A contact aid, no longer a Canada.ca requirement since October 2025."""
    publisher = site.site_publisher
    fmt = site.localizer(language)
    subject = quote(fmt.t("report.subject", url=page_url), safe=":/")
    if publisher.email is not None:
        return Link(fmt.t("report.link"), f"mailto:{publisher.email}?subject={subject}")
    if publisher.new_issue is not None:
        return Link(fmt.t("report.link"), f"{publisher.new_issue}?title={subject}")
    return None


def footer_links(site: Website, language: str, here: str | None, root: str) -> list[Link]:
    """Terms and conditions, Privacy, the accessibility statement, and the feed of changes.

    ``here`` is the page's address within the site; None (the 404 page, served at any address)
    gives absolute links.
    """
    fmt = site.localizer(language)
    targets = [(fmt.t(f"footer.{page_id}"), site.routes.path(page_id, language)) for page_id in FOOTER_PAGES]
    targets.append((fmt.t("footer.feed"), feed_path(language)))
    return [Link(label, absolute(root, path) if here is None else relative_url(path, here)) for label, path in targets]


def home_links(site: Website, language: str, root: str) -> list[Link]:
    """Both home pages, this language's first, each labelled in its own language (for the 404 page)."""
    ordered = [language] + [code for code in LANGUAGES if code != language]  # this one first
    return [
        Link(
            site.localizer(code).t("notfound.home"),
            absolute(root, LANGUAGE_ROOT[code]),
            None if code == language else code,
        )
        for code in ordered
    ]


@dataclass(frozen=True)
class NotFoundText:
    """The 404 page's words in one language: hosts serve one 404 page for every missing address,
    French ones included, so each build's page says it in both languages, its own first."""

    lang: str | None  # None for the build's own language; the code of the other one
    title: str
    text: str
    home: Link


def not_found_texts(site: Website, language: str, root: str) -> list[NotFoundText]:
    """The 404 page's heading, sentence and home link in each language, this build's first."""
    texts = []
    for link in home_links(site, language, root):
        fmt = site.localizer(link.lang or language)
        texts.append(NotFoundText(link.lang, fmt.t("notfound.title"), fmt.t("notfound.text"), link))
    return texts
