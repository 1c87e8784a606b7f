"""Who a page says publishes it (peaceops/outputs/identity.py), in the tests' own process, on the
tests' own small publisher files and texts: the official identity carries the Government's symbols
and no notice, the independent one the notice and no symbol, in each language.

Why here as well as tests/test_identity.py: that file checks both identities on built sites, in
another process, which mutmut cannot trace (tests/MUTATION.md); these call ``identity`` and
``notice`` directly, so a planted bug in them fails a test mutmut can count, in milliseconds.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from markupsafe import Markup

from peaceops.outputs import identity as ident
from peaceops.pages.localize import Localizer
from peaceops.source.model import Text
from peaceops.source.publisher import PublisherFile, SitePublisher, who_publishes

# The tests' own words (not data/interface.yaml's), so each expectation below is the test's.
TEXTS = {
    "identity.label": Text(en="Who publishes", fr="Qui publie"),
    "identity.independent": Text(
        en="Published by {publisher}, not by the {owner}.", fr="Publié par {publisher}, et non par la {owner}."
    ),
    "identity.signature": Text(en="Government of Canada", fr="Gouvernement du Canada"),
    "identity.canada_home": Text(en="https://www.canada.ca/en.html", fr="https://www.canada.ca/fr.html"),
    "identity.wordmark": Text(en="Symbol of the Government", fr="Symbole du gouvernement"),
}
ORGANIZATION = {"en": "Police Org", "fr": "Org de police"}
INDEPENDENT = {"en": "Tom & Jerry", "fr": "Tom et Jerry"}


def publisher_file(identity: str, url: bool = False) -> PublisherFile:
    independent: dict = {"name": dict(INDEPENDENT)}
    if url:
        independent["url"] = {"en": "https://tj.example.org/en", "fr": "https://tj.example.org/fr"}
    return PublisherFile.model_validate(
        {
            "identity": identity,
            "publisher": {
                "name": dict(ORGANIZATION),
                "url": {"en": "https://police.example.ca/en", "fr": "https://police.example.ca/fr"},
                "program_page": "program-page",
            },
            "independent": independent,
            "logo": "assets/logo.svg",
        }
    )


@dataclass
class SmallSite:
    """What identity.py asks of a Website: a localizer, the publisher file and who publishes this build."""

    publisher: PublisherFile
    repository: str | None = None

    def localizer(self, language: str) -> Localizer:
        return Localizer(language, TEXTS)

    @property
    def site_publisher(self) -> SitePublisher:
        return who_publishes(self.publisher, None, self.repository)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_official_identity_shows_the_signature_and_the_wordmark_and_no_notice(language):
    shown = ident.identity(SmallSite(publisher_file("official")), language)
    assert shown.official is True
    assert shown.label == TEXTS["identity.label"][language]
    assert shown.signature == ident.Symbol(
        f"assets/federal/sig-blk-{language}.svg", TEXTS["identity.signature"][language], 819, 76
    )
    assert shown.signature_href == TEXTS["identity.canada_home"][language]
    assert shown.wordmark == ident.Symbol("assets/federal/wmms-blk.svg", TEXTS["identity.wordmark"][language], 143, 34)
    assert shown.notice is None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_independent_identity_shows_the_notice_and_no_symbol(language):
    shown = ident.identity(SmallSite(publisher_file("independent")), language)
    assert shown.official is False
    assert shown.label == TEXTS["identity.label"][language]
    assert shown.signature is None and shown.signature_href is None and shown.wordmark is None
    assert shown.notice == ident.notice(SmallSite(publisher_file("independent")), language)
    assert shown.notice is not None and "federal" not in shown.notice


def test_the_symbols_files_are_under_the_folder_an_independent_build_leaves_out():
    # pages.py drops every file under SYMBOLS from an independent build: both symbols must be there.
    assert ident.SIGNATURE.format(language="en").startswith(ident.SYMBOLS)
    assert ident.WORDMARK.startswith(ident.SYMBOLS)
    assert ident.SYMBOLS == "assets/federal/"


def test_the_notice_without_an_address_names_the_publisher_escaped_and_not_as_a_link():
    site = SmallSite(publisher_file("independent"))
    shown = ident.notice(site, "en")
    assert isinstance(shown, Markup)
    assert str(shown) == "Published by Tom &amp; Jerry, not by the Police Org."
    assert "<a" not in shown


def test_the_notice_links_the_publisher_to_their_own_address_in_each_language():
    site = SmallSite(publisher_file("independent", url=True), repository="https://github.com/tj/site")
    assert str(ident.notice(site, "en")) == (
        'Published by <a href="https://tj.example.org/en">Tom &amp; Jerry</a>, not by the Police Org.'
    )
    assert str(ident.notice(site, "fr")) == (
        'Publié par <a href="https://tj.example.org/fr">Tom et Jerry</a>, et non par la Org de police.'
    )


def test_the_notice_links_to_the_repository_when_the_publisher_gives_no_address():
    site = SmallSite(publisher_file("independent"), repository="https://github.com/tj/site")
    assert str(ident.notice(site, "fr")) == (
        'Publié par <a href="https://github.com/tj/site">Tom et Jerry</a>, et non par la Org de police.'
    )


def test_the_words_around_the_name_are_escaped():
    texts = dict(TEXTS)
    texts["identity.independent"] = Text(en="By {publisher} & {owner} (< 2)", fr="Par {publisher} et {owner}")

    class Site(SmallSite):
        def localizer(self, language: str) -> Localizer:
            return Localizer(language, texts)

    shown = str(ident.notice(Site(publisher_file("independent")), "en"))
    assert shown == "By Tom &amp; Jerry &amp; Police Org (&lt; 2)"
