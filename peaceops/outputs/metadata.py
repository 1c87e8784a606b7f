"""What a page tells search engines and link previews: schema.org data and Open Graph tags.

Why: search engines show an organization's contact points and logo from its schema.org data, list
open data in dataset search from a ``Dataset`` with its downloads, and show a page's place in the
site from its ``BreadcrumbList``; social sites and chat apps build link previews from Open Graph
tags, picture included. All of it is made from the data files (the program's name, the publisher,
the contacts, the open-data files and their licence) so that it agrees with what the pages say, and
from the one site address, so a staging copy differs from the public site only in its addresses.
The organizations' ``@id`` is the same in both languages: search engines see one program, named in
two languages, not two. Who publishes the site is said once per build (``Website.site_publisher``):
the WebSite, every WebPage and the Dataset name that one publisher, the organization responsible
for the program on an official site and the independent publisher otherwise; the program itself is
reached at its own official page (data/publisher.yaml, ``program_page``), never at this site's.
"""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from peaceops.languages import LANGUAGE_ROOT, LANGUAGES, LOCALES, other
from peaceops.outputs import exports
from peaceops.pages.addresses import absolute
from peaceops.pages.wayfinding import breadcrumb
from peaceops.pages.website import Website

SOCIAL_CARD_SIZE = (1200, 630)  # made by tools/make_social_cards.py
LOGO_ON_WHITE = "assets/logo-on-white.png"  # made by tools/make_social_cards.py; the header's is white
# + identity-language.png, made by tools/make_social_cards.py: a build carries only its identity's cards.
SOCIAL_CARDS = "assets/social-card-"
MEDIA_TYPES = {".csv": "text/csv", ".schema.json": "application/schema+json", ".json": "application/json"}


def social_card(site: Website, language: str) -> str:
    """The card's path within the whole site (the English build's copy of theme/assets): the card
    drawn for this build's identity, which names its publisher."""
    return social_card_file(site.publisher.identity, language)


def social_card_file(identity: str, language: str) -> str:
    """Where tools/make_social_cards.py draws the card of an identity and a language, in theme/."""
    return f"{SOCIAL_CARDS}{identity}-{language}.png"


def organization_id(root: str) -> str:
    """The program's node (a GovernmentOrganization, named and reached as the program)."""
    return absolute(root, "#organization")


def publisher_id(root: str) -> str:
    """The organization responsible for the program (data/publisher.yaml, publisher:)."""
    return absolute(root, "#publisher")


def independent_id(root: str) -> str:
    """Who publishes an independent copy of the site (data/publisher.yaml, independent:)."""
    return absolute(root, "#independent-publisher")


def website_id(root: str, language: str) -> str:
    """The site in one language (its home's address is the home page's own @id)."""
    return absolute(root, LANGUAGE_ROOT[language] + "#website")


def site_publisher_id(site: Website, root: str) -> str:
    """The node of who publishes this build: the organization on an official site, else the independent publisher."""
    return publisher_id(root) if site.site_publisher.official else independent_id(root)


def organization(site: Website, language: str, root: str) -> dict[str, Any]:
    """schema.org GovernmentOrganization: the program, at its own official page (never this site's
    address: this site is about the program, and an independent one is not the program's), part of
    the organization responsible for it, with its public contact points."""
    fmt = site.localizer(language)
    contact_points = []
    for contact in site.dataset.contacts.contacts:
        point: dict[str, Any] = {"@type": "ContactPoint", "contactType": fmt.text(contact.label)}
        if contact.email:
            point["email"] = contact.email
        if contact.web:
            point["url"] = contact.web[language]
        point["availableLanguage"] = list(LANGUAGES)
        contact_points.append(point)
    program: dict[str, Any] = {"@type": "GovernmentOrganization", "@id": organization_id(root)}
    program["name"] = fmt.text(site.dataset.program.name)
    page = site.dataset.source(site.publisher.publisher.program_page).link(language)
    if page is not None:
        program["url"] = page
    if site.site_publisher.official:  # the site's pictures are the program's only on its own site
        program["logo"] = absolute(root, LOGO_ON_WHITE)
        program["image"] = absolute(root, social_card(site, language))
    program["parentOrganization"] = {"@id": publisher_id(root)}
    program["contactPoint"] = contact_points
    return program


def responsible_organization(site: Website, language: str, root: str) -> dict[str, Any]:
    """schema.org GovernmentOrganization: the organization responsible for the program (the RCMP)."""
    organization = site.publisher.publisher
    return {
        "@type": "GovernmentOrganization",
        "@id": publisher_id(root),
        "name": site.localizer(language).text(organization.name),
        "url": organization.url[language],
    }


def independent_publisher(site: Website, language: str, root: str) -> dict[str, Any]:
    """schema.org Organization: who publishes an independent copy, at its own address or its
    repository's when the build knows one, with the site's logo (theirs, not the program's)."""
    publisher = site.site_publisher
    node: dict[str, Any] = {
        "@type": "Organization",
        "@id": independent_id(root),
        "name": site.localizer(language).text(publisher.name),
    }
    address = publisher.address(language)
    if address is not None:
        node["url"] = address
    node["logo"] = absolute(root, LOGO_ON_WHITE)
    return node


def website(site: Website, language: str, root: str) -> dict[str, Any]:
    """schema.org WebSite: the site in the page's language, published by who publishes this build."""
    return {
        "@type": "WebSite",
        "@id": website_id(root, language),
        "url": absolute(root, LANGUAGE_ROOT[language]),
        "name": site.localizer(language).text(site.dataset.program.name),
        "inLanguage": language,
        "publisher": {"@id": site_publisher_id(site, root)},
        "about": {"@id": organization_id(root)},
    }


def breadcrumb_list(site: Website, page_id: str, language: str, title: str, page_url: str) -> dict[str, Any]:
    """schema.org BreadcrumbList: the trail the page shows (wayfinding.breadcrumb), then the page itself."""
    trail = [(link.label, urljoin(page_url, link.href)) for link in breadcrumb(site, page_id, language)]
    trail.append((title, page_url))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, name, url in ((i + 1, name, url) for i, (name, url) in enumerate(trail))
        ],
    }


def _media_type(name: str) -> str:
    return next(kind for suffix, kind in MEDIA_TYPES.items() if name.endswith(suffix))


def dataset(site: Website, language: str, root: str, page_url: str) -> dict[str, Any]:
    """schema.org Dataset: the open-data files (exports.FILES), their licence, period and date."""
    fmt = site.localizer(language)
    facts = site.facts
    ended = [mission.end for mission in facts.missions if mission.end is not None]
    last = ".." if facts.current or not ended else str(max(when.first_day for when in ended).year)
    result: dict[str, Any] = {
        "@type": "Dataset",
        "@id": absolute(root, "#open-data"),
        "name": fmt.t("dataset.name"),
        "description": fmt.t("dataset.description"),
        "url": page_url,
        "inLanguage": list(LANGUAGES),
        "isAccessibleForFree": True,
        "license": fmt.t("opendata.licence.url"),
        "creator": {"@id": site_publisher_id(site, root)},
        "publisher": {"@id": site_publisher_id(site, root)},
        "dateModified": site.date_modified({"shows": ["missions"]}).isoformat(),
        "distribution": [
            {
                "@type": "DataDownload",
                "name": name,
                "description": fmt.t(f"opendata.{kind}"),
                "contentUrl": absolute(root, name),
                "encodingFormat": _media_type(name),
            }
            for name, kind in exports.FILES.items()
        ],
    }
    if facts.first_year is not None:
        result["temporalCoverage"] = f"{facts.first_year}/{last}"
    return result


def json_ld(
    site: Website, language: str, root: str, page_id: str, title: str, page_url: str, open_data: bool
) -> dict[str, Any]:
    """The page's schema.org graph: the program and the organization responsible for it, who
    publishes the site (that organization on an official site, the independent publisher otherwise),
    the site, the page with its breadcrumb, and the Dataset on the page that offers the open data.
    The site, the page and the Dataset name one publisher: this build's (issue 30)."""
    page = {
        "@type": "WebPage",
        "@id": page_url,
        "url": page_url,
        "name": title,
        "inLanguage": language,
        "isPartOf": {"@id": website_id(root, language)},
        "about": {"@id": organization_id(root)},
        "publisher": {"@id": site_publisher_id(site, root)},
        "breadcrumb": breadcrumb_list(site, page_id, language, title, page_url),
    }
    graph = [organization(site, language, root), responsible_organization(site, language, root)]
    if not site.site_publisher.official:
        graph.append(independent_publisher(site, language, root))
    graph += [website(site, language, root), page]
    if open_data:
        graph.append(dataset(site, language, root, page_url))
    return {"@context": "https://schema.org", "@graph": graph}


def json_for_script(data: dict[str, Any]) -> str:
    """JSON text that is safe inside ``<script type="application/ld+json">`` (no ``</script>`` can end it)."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def open_graph(
    site: Website, language: str, title: str, description: str | None, url: str, root: str
) -> list[tuple[str, str]]:
    """(property, content) pairs for the page's Open Graph tags, in a fixed order; the picture is
    the language's social card."""
    fmt = site.localizer(language)
    program = fmt.text(site.dataset.program.name)
    tags = [
        ("og:type", "website"),
        ("og:site_name", program),
        ("og:title", title),
        ("og:url", url),
        ("og:locale", LOCALES[language]),
        ("og:locale:alternate", LOCALES[other(language)]),
        ("og:image", absolute(root, social_card(site, language))),
        ("og:image:type", "image/png"),
        ("og:image:width", str(SOCIAL_CARD_SIZE[0])),
        ("og:image:height", str(SOCIAL_CARD_SIZE[1])),
        ("og:image:alt", fmt.t("social.alt", program=program, publisher=fmt.text(site.site_publisher.name))),
    ]
    if description:
        tags.insert(3, ("og:description", description))
    return tags
