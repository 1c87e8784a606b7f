"""Who a page says publishes it: the Government of Canada's symbols on an official site, a plain line
on an independent one.

Why: the Government of Canada signature and the Canada wordmark may be used only for the
Government's own communications, on canada.ca (``data/publisher.yaml``, ``identity:``). An official
build shows them as Canada.ca does: the signature at the top of every page, leading to Canada.ca's
home, and the wordmark at the foot. An independent build shows neither (the files are not even
copied into the site: ``SYMBOLS``), and every page, on screen and on paper, starts with one line
saying who publishes it (linked to their address, or their repository's, when the build knows it)
and that it is not a Government of Canada site. The publisher a page names to search engines, feeds
and data portals (``Website.site_publisher``) follows the same setting. Words come from
data/interface.yaml (``identity.*``), the names from data/publisher.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from peaceops.pages.website import Website
from peaceops.source.publisher import is_official

SYMBOLS = "assets/federal/"  # theme/assets/federal/: where the federal symbols' files live
SIGNATURE = SYMBOLS + "sig-blk-{language}.svg"
WORDMARK = SYMBOLS + "wmms-blk.svg"
# The files' own proportions (their viewBox), so the page keeps their place before they load.
SIGNATURE_SIZE = (819, 76)
WORDMARK_SIZE = (143, 34)


@dataclass(frozen=True)
class Symbol:
    src: str  # within the language's build (the theme's assets)
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class Identity:
    official: bool
    label: str  # the name of the band at the top, for screen readers
    signature: Symbol | None  # official only
    signature_href: str | None  # Canada.ca's home in the page's language
    wordmark: Symbol | None  # official only
    notice: Markup | None  # independent only: who publishes the site, and that it is not the Government's


def identity(site: Website, language: str) -> Identity:
    fmt = site.localizer(language)
    publisher = site.publisher
    if is_official(publisher):
        return Identity(
            official=True,
            label=fmt.t("identity.label"),
            signature=Symbol(SIGNATURE.format(language=language), fmt.t("identity.signature"), *SIGNATURE_SIZE),
            signature_href=fmt.t("identity.canada_home"),
            wordmark=Symbol(WORDMARK, fmt.t("identity.wordmark"), *WORDMARK_SIZE),
            notice=None,
        )
    return Identity(
        official=False,
        label=fmt.t("identity.label"),
        signature=None,
        signature_href=None,
        wordmark=None,
        notice=notice(site, language),
    )


# Stands for the publisher's name while the sentence is filled and typeset (a private-use character:
# no text holds it, and no typography rule touches it), then gives way to the name as a link.
_NAME = "\ue000"


def notice(site: Website, language: str) -> Markup:
    """The independent site's line, HTML for a template (not Markdown): who publishes it, their name
    a link to their address when the build knows one, and that it is not a Government of Canada site."""
    fmt = site.localizer(language)
    publisher = site.site_publisher
    text = fmt.t("identity.independent", publisher=_NAME, owner=fmt.text(site.publisher.publisher.name))
    name, address = escape(fmt.text(publisher.name)), publisher.address(language)
    named = Markup('<a href="{}">{}</a>').format(address, name) if address is not None else name
    return named.join(escape(part) for part in text.split(_NAME))
