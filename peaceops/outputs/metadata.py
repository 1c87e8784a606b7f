"""What a page tells search engines and link previews: schema.org data and Open Graph tags.

Why: search engines show an organization's contact points and logo from its schema.org data, list
open data in dataset search from a ``Dataset`` with its downloads, and show a page's place in the
site from its ``BreadcrumbList``; social sites and chat apps build link previews from Open Graph
tags, picture included. All of it is made from the data files (the program's name, the publisher,
the contacts, the open-data files and their licence) so that it agrees with what the pages say, and
from the one site address, so a staging copy differs from the public site only in its addresses.
The organizations' ``@id`` is the same in both languages: search engines see one program, named in
two languages, not two.
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
from peaceops.source.publisher import is_official, site_publisher

SOCIAL_CARD_SIZE = (1200, 630)  # made by tools/make_social_cards.py
LOGO_ON_WHITE = "assets/logo-on-white.png"  # made by tools/make_social_cards.py; the header's is white
MEDIA_TYPES = {".csv": "text/csv", ".schema.json": "application/schema+json", ".json": "application/json"}


def social_card(language: str) -> str:
    """The card's path within the whole site (the English build's copy of theme/assets)."""
    return f"assets/social-card-{language}.png"


def organization_id(root: str) -> str:
    return absolute(root, "#organization")


def publisher_id(root: str) -> str:
    return absolute(root, "#publisher")


def independent_id(root: str) -> str:
    """Who publishes an independent copy of the site (data/publisher.yaml, independent:)."""
    return absolute(root, "#independent-publisher")


def organization(site: Website, language: str, root: str) -> dict[str, Any]:
    """schema.org GovernmentOrganization: the program, its publisher and its public contact points."""
    fmt = site.localizer(language)
    publisher = site.publisher.publisher
    contact_points = []
    for contact in site.dataset.contacts.contacts:
        point: dict[str, Any] = {"@type": "ContactPoint", "contactType": fmt.text(contact.label)}
        if contact.email:
            point["email"] = contact.email
        if contact.web:
            point["url"] = contact.web[language]
        point["availableLanguage"] = list(LANGUAGES)
        contact_points.append(point)
    return {
        "@type": "GovernmentOrganization",
        "@id": organization_id(root),
        "name": fmt.text(site.dataset.program.name),
        "url": absolute(root, LANGUAGE_ROOT[language]),
        "logo": absolute(root, LOGO_ON_WHITE),
        "image": absolute(root, social_card(language)),
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "@id": publisher_id(root),
            "name": fmt.text(publisher.name),
            "url": publisher.url[language],
        },
        "contactPoint": contact_points,
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
        "creator": {"@id": organization_id(root)},
        "publisher": {"@id": organization_id(root)},
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
    """The page's schema.org graph: the organization, the page with its breadcrumb, and the Dataset
    on the page that offers the open data."""
    page = {
        "@type": "WebPage",
        "@id": page_url,
        "url": page_url,
        "name": title,
        "inLanguage": language,
        "isPartOf": {"@id": absolute(root, LANGUAGE_ROOT[language])},
        "publisher": {"@id": organization_id(root)},
        "breadcrumb": breadcrumb_list(site, page_id, language, title, page_url),
    }
    graph = [organization(site, language, root), page]
    if not is_official(site.publisher):
        # Issue 20: an independent copy is about the program, and published by someone else.
        name, url = site_publisher(site.publisher)
        independent: dict[str, Any] = {
            "@type": "Organization",
            "@id": independent_id(root),
            "name": site.localizer(language).text(name),
        }
        if url is not None:
            independent["url"] = url[language]
        page["about"] = {"@id": organization_id(root)}
        page["publisher"] = {"@id": independent_id(root)}
        graph.append(independent)
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
        ("og:image", absolute(root, social_card(language))),
        ("og:image:type", "image/png"),
        ("og:image:width", str(SOCIAL_CARD_SIZE[0])),
        ("og:image:height", str(SOCIAL_CARD_SIZE[1])),
        ("og:image:alt", fmt.t("social.alt", program=program, publisher=fmt.text(site_publisher(site.publisher)[0]))),
    ]
    if description:
        tags.insert(3, ("og:description", description))
    return tags
