"""Who publishes the site: the identity (official or independent), the organization responsible
for the program, who publishes an independent copy and where its readers report a problem, and the
header logo.

Why: a staging copy and the public site must differ only in their address. Everything else that
identifies the site (the footer, the breadcrumb's first step, the terms and privacy pages, "Report a
problem", the feeds, the open data and the search engines' data) comes from ``data/publisher.yaml``,
checked like every other data file, so no name is typed in a template. The Government of Canada's
symbols (its signature, the Canada wordmark) may be used only for the Government's own
communications, on canada.ca, once the institution's Federal Identity Program coordinator approves;
a copy published anywhere else must not pass for official. So ``identity`` says which of the two a
build is: ``official`` shows the symbols in Canada.ca's header and footer patterns, ``independent``
none of them and a line on every page saying who publishes it and that it is not a Government of
Canada site; ``check`` refuses ``official`` for an address outside canada.ca
(``official_address_problems``).

One build, one publisher (``SitePublisher``, made once by ``who_publishes``): the organization on an
official site, with the program's own address for reports, as Canada.ca does; on an independent one
whoever ``independent:`` names, with its own channel: its e-mail, or else the issue page of the
repository the site is built from. That repository's address is never typed: the publishing
workflow gives it (``REPOSITORY_URL``, from GitHub's ``github.server_url`` and
``github.repository``), as it gives ``SITE_URL``. A build without it (a local one) names the
publisher without an address and, without an e-mail either, shows no "Report a problem" link rather
than one that leads nowhere or to the wrong people. The model lives here, beside its loader, rather
than in ``model.py``, to keep this file self-contained.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, ValidationError

from peaceops.source.explain import explain
from peaceops.source.fieldtypes import Email, PlainText, SourceKey, fail
from peaceops.source.messages import describe, message
from peaceops.source.model import LocalizedUrl, Record, Text, federal_host, listed, one_of
from peaceops.source.problems import DataError, Problem
from peaceops.source.yamlsource import locate, read

FILE_NAME = "publisher.yaml"
IDENTITIES = ("official", "independent")
# How readers reach who publishes the site (SitePublisher.channel): the program's e-mail on an official
# site; on an independent one, its publisher's e-mail, its repository's issue page, or nothing known.
CHANNELS = ("official", "email", "issues", "none")
Identity = Annotated[str, one_of(IDENTITIES), listed(IDENTITIES)]
# Where an official site may be served: canada.ca and its subdomains (www.canada.ca).
OFFICIAL_DOMAIN = "canada.ca"
# The build's environment variable that holds the address of the repository the site is built from
# (.github/workflows/publish.yml sets it); its issue page takes an independent site's reports.
REPOSITORY_VARIABLE = "REPOSITORY_URL"
ISSUES = "/issues"  # the repository's issue page, under its address (GitHub's, and GitLab's /-/issues redirect)
NEW_ISSUE = "/new"  # under the issue page: GitHub's form for a new issue, its title given as ?title=
_WHAT = "the publisher under publisher: and the logo"

# --- A name that names no one --------------------------------------------------------------------
# Words that stand for a name not yet written: "TBD", "Example", "Lorem ipsum", "Your name here".
_PLACEHOLDER_WORDS = frozenset(
    {
        "tbd", "tba", "tbc", "todo", "fixme", "xxx", "placeholder", "placeholders", "lorem", "ipsum", "dolor",
        "example", "examples", "exemple", "exemples", "sample", "échantillon", "dummy", "fictif", "fictive", "test",
        "tests", "testing", "essai", "changeme", "foo", "baz", "foobar", "qux", "acme", "unknown", "inconnu",
        "inconnue", "anonymous", "anonyme", "someone", "somebody", "quelqu", "nobody", "null", "none", "nil",
        "undefined", "your", "votre", "vos", "insert", "insérer", "name", "names", "nom", "noms", "doe", "my",
        "mon",
    }
)
# Phrases of the same kind: "to be determined", "à confirmer", "N/A", "change me".
_PLACEHOLDER_PHRASES = re.compile(
    r"\bto be (?:determined|decided|confirmed|announced|named|defined)\b|\bà (?:déterminer|confirmer|préciser|venir"
    r"|définir|compléter)\b|\bn\s*/\s*a\b|\bchange\s*me\b"
)
# Marks of a form's blank: "...", "???", "___", nothing but punctuation; and brackets or braces around
# nothing, or around words that name no one ("[Publisher]", "{name}", "<your organization>").
_BLANK_MARKS = re.compile(r"\.\.\.|…|\?\?|__|^\W*$")
_BRACKETED = re.compile(r"[\[{<]([^\[\]{}<>]*)[\]}>]")
# Words that describe a publisher without naming one: "the site's independent editors", "l'équipe
# de rédaction indépendante du site", "the open-source project". A name needs one word besides these.
_GENERIC_WORDS = frozenset(
    {
        "the", "a", "an", "of", "this", "that", "these", "its", "it", "s", "site", "sites", "website", "websites",
        "web", "page", "pages", "and", "or", "by", "for", "independent", "independents", "editor", "editors",
        "editorial", "edition", "team", "teams", "staff", "publisher", "publishers", "publishing", "publication",
        "author", "authors", "writer", "writers", "owner", "owners", "maintainer", "maintainers", "contributor",
        "contributors", "volunteer", "volunteers", "people", "group", "groups", "organization", "organisation",
        "organizations", "organisations", "project", "projects", "open", "source", "opensource", "free", "software",
        "code", "community", "collective", "company", "office", "administrator", "administrators", "webmaster",
        "admin", "admins", "copy", "unofficial", "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "ce",
        "cet", "cette", "ces", "son", "sa", "ses", "et", "ou", "par", "pour", "à", "au", "aux", "en", "indépendant",
        "indépendante", "indépendants", "indépendantes", "éditeur", "éditeurs", "éditrice", "éditrices", "édition",
        "rédaction", "rédacteur", "rédacteurs", "rédactrice", "rédactrices", "équipe", "équipes", "personnel",
        "auteur", "auteurs", "autrice", "autrices", "propriétaire", "propriétaires", "responsable", "responsables",
        "collaborateur", "collaborateurs", "bénévole", "bénévoles", "groupe", "groupes", "projet", "projets",
        "ouvert", "ouverte", "libre", "logiciel", "communauté", "collectif", "entreprise", "bureau",
        "administrateur", "administrateurs", "webmestre", "copie", "non", "officiel", "officielle",
    }
)


def names_no_one(name: str) -> bool:
    """Whether ``name`` is a placeholder or a description rather than a name: a blank's marks, a
    word that stands for a name not yet written, or only words that describe a publisher."""
    text = name.casefold()
    if _BLANK_MARKS.search(text) or _PLACEHOLDER_PHRASES.search(text):
        return True
    if any(_only_placeholders(_words(inside)) for inside in _BRACKETED.findall(text)):
        return True
    words = _words(text)
    return any(_stands_for_a_name(word) for word in words) or _only_placeholders(words)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+", text)


def _stands_for_a_name(word: str) -> bool:
    return word in _PLACEHOLDER_WORDS or re.fullmatch(r"x{2,}", word) is not None


def _only_placeholders(words: list[str]) -> bool:
    """No word, or none but words that describe a publisher or stand for a name."""
    return all(word in _GENERIC_WORDS or _stands_for_a_name(word) for word in words)


def _names_someone(text: str) -> str:
    if names_no_one(text):
        raise fail("placeholder_name", text)
    return text


# A plain text (checked as every text is first) that names someone.
PublisherName = Annotated[PlainText, AfterValidator(_names_someone)]


class PublisherNameText(Text):
    """A publisher's own name in both official languages: never a placeholder or a description."""

    en: PublisherName = Field(description="In English.")
    fr: PublisherName = Field(description="In French.")


# --- The file --------------------------------------------------------------------------------
class Organization(Record):
    """The organization responsible for the program and, on an official site, for the site."""

    name: PublisherNameText = Field(description="The organization's name, in English and French.")
    url: LocalizedUrl = Field(description="The address of the organization's own website, in each language.")
    program_page: SourceKey = Field(
        description="The key, in data/sources.yaml, of the organization's own page about the program: search "
        "engines are given it as the program's address (never this site's)."
    )


class IndependentPublisher(Record):
    """Who publishes an independent copy of the site, and where its readers report a problem."""

    name: PublisherNameText = Field(
        description="Who publishes this copy, by their own name, as a reader should read it in a sentence "
        '("This site is published by ..."), in English and French.'
    )
    url: LocalizedUrl | None = Field(
        None,
        description="Their web address, in each language (optional; without it, the address of the repository "
        "the site is built from, when the build is given it).",
    )
    email: Email | None = Field(
        None,
        description="An e-mail address of theirs for readers' reports (optional; without it, \"Report a problem\" "
        "opens a new issue in the repository the site is built from). Never a Government of Canada address.",
    )


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


def load_publisher(
    data_dir: Path, theme_dir: Path, source_keys: Collection[str], display_dir: str = "data"
) -> PublisherFile:
    """The checked publisher file; raises ``DataError`` listing every problem in it. ``source_keys``
    are the keys of data/sources.yaml, which ``program_page`` must be one of."""
    display = f"{display_dir}/{FILE_NAME}"
    source, problems = read(data_dir / FILE_NAME, display, _WHAT)
    if problems:
        raise DataError(problems)
    try:
        publisher = PublisherFile.model_validate(source.data)
    except ValidationError as error:
        problems = explain(error, source.data, (), display, PublisherFile)
    problems += _value_problems(source.data, display, theme_dir, source_keys)
    if problems:
        raise DataError(problems)
    return publisher


def _value_problems(data: Any, display: str, theme_dir: Path, source_keys: Collection[str]) -> list[Problem]:
    """What the model cannot know: the logo is a file, program_page a source's key, the independent
    e-mail not the Government's. Read from the file as typed, so that they are reported together
    with the model's problems, all at once."""
    def typed(*path: str) -> str | None:
        node = data
        for part in path:
            node = node.get(part) if isinstance(node, dict) else None
        return node.strip() if isinstance(node, str) and node.strip() else None

    problems = []
    logo = typed("logo")
    if logo is not None and not (theme_dir / logo).is_file():
        text = f'the logo "{logo}" is not a file in theme/; check its name'
        problems.append(Problem(display, *locate(data, ("logo",)), text))
    key = typed("publisher", "program_page")
    if key is not None and key not in source_keys:
        close = difflib.get_close_matches(key, sorted(source_keys), n=1, cutoff=0.6)
        suggestion = message("did_you_mean", match=close[0]) if close else ""
        where = locate(data, ("publisher", "program_page"))
        problems.append(Problem(display, *where, message("unknown_source", key=key, suggestion=suggestion)))
    email = typed("independent", "email")
    if email is not None and federal_host(email.rsplit("@", 1)[-1]):
        where = locate(data, ("independent", "email"))
        problems.append(Problem(display, *where, message("independent_federal_email", email=email)))
    return problems


def is_official(publisher: PublisherFile) -> bool:
    return publisher.identity == "official"


# --- Who publishes this build ------------------------------------------------------------------
@dataclass(frozen=True)
class SitePublisher:
    """Who publishes one build of the site, as every page and file names them, and where its readers
    report a problem: by e-mail (``email``), or on the repository's issue page (``issues``), or
    nowhere this build knows of (both None: no "Report a problem" link)."""

    official: bool
    name: Text
    addresses: dict[str, str] | None  # their own address, by language
    email: str | None
    issues: str | None

    @property
    def new_issue(self) -> str | None:
        """The repository's form for a new issue."""
        return self.issues + NEW_ISSUE if self.issues else None

    @property
    def issues_host(self) -> str | None:
        """The host of the repository's issue page ("github.com"), as readers are told where they write."""
        return urlsplit(self.issues).hostname if self.issues else None

    def address(self, language: str) -> str | None:
        return self.addresses[language] if self.addresses else None

    @property
    def reports(self) -> bool:
        """Whether readers of this build have a channel for reporting a problem."""
        return self.email is not None or self.issues is not None

    @property
    def channel(self) -> str:
        """How reports reach the publisher, naming the texts that say so: the program's e-mail on an
        official site, then ``email``, ``issues`` or ``none`` on an independent one."""
        if self.official:
            return "official"
        return "email" if self.email else "issues" if self.issues else "none"


def who_publishes(publisher: PublisherFile, program_email: str | None, repository: str | None) -> SitePublisher:
    """The organization on an official site (reports to the program's first e-mail, as before); the
    independent publisher otherwise, at its own address or the repository's, with its e-mail or the
    repository's issue page for reports."""
    if is_official(publisher):
        organization = publisher.publisher
        return SitePublisher(True, organization.name, _by_language(organization.url), program_email, None)
    independent = publisher.independent
    addresses = _by_language(independent.url) if independent.url else _same(repository)
    issues = repository + ISSUES if repository and not independent.email else None
    return SitePublisher(False, independent.name, addresses, independent.email, issues)


def _by_language(url: LocalizedUrl) -> dict[str, str]:
    return {"en": url.en, "fr": url.fr}


def _same(address: str | None) -> dict[str, str] | None:
    return {"en": address, "fr": address} if address else None


def repository_address(value: str | None) -> str | None:
    """The repository's address from the build's environment (``REPOSITORY_URL``), without a final
    slash; None when it is not set. Raises ``DataError`` for a value that is not an https:// address."""
    text = (value or "").strip()
    if not text:
        return None
    parts = urlsplit(text)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment or re.search(r"\s", text):
        raise DataError([Problem(REPOSITORY_VARIABLE, 0, 0, message("repository_url", got=describe(text)))])
    return text.rstrip("/")


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
    source, _ = read(data_dir / FILE_NAME, display, _WHAT)
    return [Problem(display, *locate(source.data, ("identity",)), message("official_outside_canada", url=site_url))]
