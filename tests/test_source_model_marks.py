"""Issue 18: what a source's record decides for the notes, on small records of the test's own.

A page says a source is in the other language only when it has no address in the page's language
and is known to exist in one language only (a federal English page only with no_french:); a page
that is gone is linked through its archived copy or not at all.
"""
from __future__ import annotations

import pytest

from peaceops.source.model import Source

BOTH = {"en": "Publisher", "fr": "Éditeur"}


def source(**fields: object) -> Source:
    return Source.model_validate({"key": "s", "publisher": BOTH, **fields})


FEDERAL_EN = {"title": {"en": "Title"}, "address": {"en": "https://www.rcmp-grc.gc.ca/en/page"}}
OTHER_EN = {"title": {"en": "Title"}, "address": {"en": "https://www.cbc.ca/news/page"}}
BOTH_LANGUAGES = {
    "title": {"en": "Title", "fr": "Titre"},
    "address": {"en": "https://www.canada.ca/en/page.html", "fr": "https://www.canada.ca/fr/page.html"},
}


@pytest.mark.parametrize(
    ("fields", "marked_fr", "marked_en"),
    [
        (FEDERAL_EN, False, False),  # federal, no no_french: its French page should exist
        ({**FEDERAL_EN, "no_french": "Looked for on grc.ca: not found."}, True, False),
        ({**FEDERAL_EN, "address": {"en": "https://www.canada.ca/en/news.html"}}, False, False),
        (OTHER_EN, True, False),  # not federal: English only is simply true
        (BOTH_LANGUAGES, False, False),
        ({"title": {"fr": "Titre"}, "address": {"fr": "https://www.lapresse.ca/x"}}, False, True),
    ],
)
def test_the_other_language_mark(fields, marked_fr, marked_en):
    record = source(**fields)
    assert record.marked_other_language_only("fr") is marked_fr
    assert record.marked_other_language_only("en") is marked_en


def test_a_gone_page_is_linked_through_its_archived_copy_or_not_at_all():
    archive = "https://web.archive.org/web/2010/https://www.cbc.ca/news/page"
    assert source(**OTHER_EN, gone="yes").link("fr") is None
    with_copy = source(**OTHER_EN, gone="yes", archived={"en": archive})
    assert with_copy.link("fr") == with_copy.archived_copy("fr") == archive
    assert with_copy.shown_language("fr") == "en"
    assert source(**OTHER_EN).link("en") == "https://www.cbc.ca/news/page"
    assert source(**BOTH_LANGUAGES).link("fr") == "https://www.canada.ca/fr/page.html"
