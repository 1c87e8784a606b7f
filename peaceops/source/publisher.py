"""Who publishes the site: the identity (official or independent), the organization responsible
for the program, who publishes an independent copy, and the header logo.

Why: a staging copy and the public site must differ only in their address. Everything else that
identifies the site (the footer, the breadcrumb's first step, the search engines' data) comes from
``data/publisher.yaml``, checked like every other data file, so no name is typed in a template.
The Government of Canada's symbols (its signature, the Canada wordmark) may be used only for the
Government's own communications, on canada.ca, once the institution's Federal Identity Program
coordinator approves; a copy published anywhere else must not pass for official. So ``identity``
says which of the two a build is: ``official`` shows the symbols in Canada.ca's header and footer
patterns, ``independent`` none of them and a line on every page saying who publishes it and that it is
not a Government of Canada site; ``check`` refuses ``official`` for an address outside canada.ca
(``official_address_problems``). The model lives here, beside its loader, rather than in ``model.py``,
to keep this file self-contained.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, ValidationError

from peaceops.source.explain import explain
from peaceops.source.fieldtypes import PlainText
from peaceops.source.messages import message
from peaceops.source.model import LocalizedUrl, Record, Text, listed, one_of
from peaceops.source.problems import DataError, Problem
from peaceops.source.yamlsource import locate, read

FILE_NAME = "publisher.yaml"
IDENTITIES = ("official", "independent")
Identity = Annotated[str, one_of(IDENTITIES), listed(IDENTITIES)]
# Where an official site may be served: canada.ca and its subdomains (www.canada.ca).
OFFICIAL_DOMAIN = "canada.ca"


class Organization(Record):
    """The organization responsible for the program and the site."""

    name: Text = Field(description="The organization's name, in English and French.")
    url: LocalizedUrl = Field(description="The address of the organization's own website, in each language.")


class IndependentPublisher(Record):
    """Who publishes an independent copy of the site."""

    name: Text = Field(description="Who publishes this copy, as a reader should read it, in English and French.")
    url: LocalizedUrl | None = Field(None, description="Their web address, in each language (optional).")


class PublisherFile(Record):
    identity: Identity = Field(
        description="official (a Government of Canada site on canada.ca, with the federal symbols, once the "
        "Federal Identity Program coordinator approves) or independent (no federal symbol; every page says "
        "who publishes it and that it is not a Government of Canada site)."
    )
    publisher: Organization = Field(
        description="The organization responsible for the program: the publisher of an official site."
    )
    independent: IndependentPublisher = Field(description="Who publishes the site when identity is independent.")
    logo: PlainText = Field(
        description="The header picture: a file in the theme/ folder, such as assets/logo.svg. "
        "Never a federal symbol such as the Canada wordmark."
    )


def load_publisher(data_dir: Path, theme_dir: Path, display_dir: str = "data") -> PublisherFile:
    """The checked publisher file; raises ``DataError`` listing every problem in it."""
    display = f"{display_dir}/{FILE_NAME}"
    source, problems = read(data_dir / FILE_NAME, display, "the publisher under publisher: and the logo")
    if problems:
        raise DataError(problems)
    try:
        publisher = PublisherFile.model_validate(source.data)
    except ValidationError as error:
        raise DataError(explain(error, source.data, (), display, PublisherFile)) from None
    if not (theme_dir / publisher.logo).is_file():
        where = locate(source.data, ("logo",))
        text = f'the logo "{publisher.logo}" is not a file in theme/; check its name'
        raise DataError([Problem(display, *where, text)])
    return publisher


def is_official(publisher: PublisherFile) -> bool:
    return publisher.identity == "official"


def site_publisher(publisher: PublisherFile) -> tuple[Text, LocalizedUrl | None]:
    """(name, address) of who publishes the site, as search engines, feeds and data portals are told:
    the organization responsible for the program on an official site, the independent publisher otherwise."""
    if is_official(publisher):
        return publisher.publisher.name, publisher.publisher.url
    return publisher.independent.name, publisher.independent.url


def on_official_domain(site_url: str) -> bool:
    host = (urlsplit(site_url).hostname or "").lower()
    return urlsplit(site_url).scheme == "https" and (host == OFFICIAL_DOMAIN or host.endswith("." + OFFICIAL_DOMAIN))


def official_address_problems(
    publisher: PublisherFile, site_url: str, data_dir: Path, display_dir: str = "data"
) -> list[Problem]:
    """``identity: official`` for an address outside canada.ca, placed at the identity's line."""
    if not is_official(publisher) or on_official_domain(site_url):
        return []
    display = f"{display_dir}/{FILE_NAME}"
    source, _ = read(data_dir / FILE_NAME, display, "the publisher under publisher: and the logo")
    return [Problem(display, *locate(source.data, ("identity",)), message("official_outside_canada", url=site_url))]
