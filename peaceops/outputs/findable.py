"""What a search engine lists for a page: its ``<title>`` and the Dublin Core (``dcterms.*``) metadata.

Why: a search result shows about 60 characters of a title and 130 to 150 of a description; a title
that ends in the program's full name ("Accessibility statement - International Police Peace
Operations Program", 71 characters) is cut before it says which site it is. Canada.ca's titles are
the page's own title and a short site name ("Page - Canada.ca"), and the home page's is its own
title alone; here the short name is the header's (``header.short_name`` in data/interface.yaml), and
it is left out when the two do not fit in 60. The front matter's title and description are held to
their limits by ``make check`` (``peaceops/pages/routes.py``). Canada.ca's templates also write
Dublin Core metadata, which its search and the Government's web analytics read: title, creator (the
publisher), language (ISO 639-2: eng, fra), subject (Core Subject Thesaurus terms,
data/dataset.yaml), issued (when the front matter gives ``date_issued``) and modified ("Date
modified"). All of it from the data, nothing typed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from peaceops.languages import ISO639_2
from peaceops.pages.routes import TITLE_MAX
from peaceops.pages.website import Website

HOME = "home"
SEPARATOR = " - "


def own_title(site: Website, page_id: str, language: str, title: str) -> str:
    """The page's title for search engines (``dcterms.title``): the front matter's, and on the home
    page, whose menu title ("Program overview") says nothing of the site, ``title.home``."""
    return site.localizer(language).t("title.home") if page_id == HOME else title


def html_title(site: Website, page_id: str, language: str, title: str) -> str:
    """The page's ``<title>``: its own title, then the short site name if both fit in 60 characters;
    the home page's title alone."""
    own = own_title(site, page_id, language, title)
    if page_id == HOME:
        return own
    full = own + SEPARATOR + site.localizer(language).t("header.short_name")
    return full if len(full) <= TITLE_MAX else own


def dublin_core(
    site: Website, language: str, title: str, meta: Mapping[str, Any], date_modified: str, creator: str
) -> list[tuple[str, str, str | None]]:
    """(name, content, scheme) for each ``<meta name="dcterms.…">``, in Canada.ca's order; the scheme
    goes in the tag's ``title`` attribute, as Canada.ca writes it (``title="W3CDTF"``)."""
    tags: list[tuple[str, str, str | None]] = [
        ("dcterms.title", title, None),
        ("dcterms.creator", creator, None),
        ("dcterms.language", ISO639_2[language], "ISO639-2/T"),
        ("dcterms.subject", "; ".join(site.dataset.review.subject[language]), "gccore"),
    ]
    if meta.get("date_issued"):
        tags.append(("dcterms.issued", str(meta["date_issued"]), "W3CDTF"))
    tags.append(("dcterms.modified", date_modified, "W3CDTF"))
    if meta.get("description"):
        tags.append(("dcterms.description", str(meta["description"]), None))
    return tags
