"""What a page tells search engines and link previews: schema.org data and Open Graph tags.

Why: search engines show an organization's contact points from its schema.org data, and social
sites and chat apps build link previews from Open Graph tags. Both are made from the data files
(the program's name, the publisher, the contacts) so they agree with what the pages say, and from
the one site address, so a staging copy differs from the public site only in its addresses.
"""
from __future__ import annotations

import json
from typing import Any

from .addresses import absolute
from .localize import LOCALES
from .model import LANGUAGES
from .routes import LANGUAGE_ROOT
from .site import Site


def organization(site: Site, language: str, root: str) -> dict[str, Any]:
    """schema.org Organization: the program, its publisher and its public contact points."""
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
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": fmt.text(site.dataset.program.name),
        "url": absolute(root, LANGUAGE_ROOT[language]),
        "logo": absolute(root, LANGUAGE_ROOT[language] + site.publisher.logo),
        "parentOrganization": {"@type": "Organization", "name": fmt.text(publisher.name), "url": publisher.url[language]},
        "contactPoint": contact_points,
    }


def json_for_script(data: dict[str, Any]) -> str:
    """JSON text that is safe inside ``<script type="application/ld+json">`` (no ``</script>`` can end it)."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def open_graph(site: Site, language: str, title: str, description: str | None, url: str) -> list[tuple[str, str]]:
    """(property, content) pairs for the page's Open Graph tags, in a fixed order.

    No og:image: the only picture the site has is its SVG logo, which link previews do not show.
    """
    fmt = site.localizer(language)
    other = next(code for code in LANGUAGES if code != language)
    tags = [
        ("og:type", "website"),
        ("og:site_name", fmt.text(site.dataset.program.name)),
        ("og:title", title),
        ("og:url", url),
        ("og:locale", LOCALES[language]),
        ("og:locale:alternate", LOCALES[other]),
    ]
    if description:
        tags.insert(3, ("og:description", description))
    return tags
