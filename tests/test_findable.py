"""Issue 20: findable pages. Every page's title fits a search result (60 characters, the short site
name after it, none on the home page), its description too (150 at most), and it carries the Dublin
Core metadata Canada.ca's templates write (dcterms.title, creator, language as eng/fra, subject,
modified), each read from the data; a title or description too long is refused at its line.
"""
from __future__ import annotations

import html

import pytest
from conftest import edit, run_check
from publishing_support import content_pages, data, interface, language_of, parse
from test_page_front_matter import column_of, line_of

ISO639_2 = {"en": "eng", "fr": "fra"}


@pytest.fixture(scope="module")
def pages(built_site):
    return {address: parse(path) for address, path in content_pages(built_site).items()}


def title_of(page) -> str:
    return page.all("title")[0].text


def meta(page, name: str) -> list[dict[str, str]]:
    return [element.attrs for element in page.all("meta", name=name)]


def one(page, name: str) -> str:
    found = meta(page, name)
    assert len(found) == 1, (name, found)
    return found[0]["content"]


def test_every_title_fits_a_search_result(pages, built_site):
    titles = {address: title_of(page) for address, page in pages.items()}
    for name in ("404.html", "fr/404.html"):
        titles[name] = title_of(parse(built_site / name))
    too_long = {address: title for address, title in titles.items() if len(title) > 60}
    assert not too_long


def test_titles_end_with_the_short_site_name_but_the_home_pages(pages):
    for address, page in pages.items():
        language = language_of(address)
        short = interface("header.short_name", language)
        title = title_of(page)
        if address in ("", "fr/"):
            assert title == interface("title.home", language)
        else:
            heading = html.unescape(one(page, "dcterms.title"))
            assert title in (f"{heading} - {short}", heading), address
    assert title_of(pages["contact/"]) == "Contact us - " + interface("header.short_name", "en")


def test_every_description_fits_a_search_result(pages):
    lengths = {address: len(html.unescape(one(page, "description"))) for address, page in pages.items()}
    assert max(lengths.values()) <= 150, {a: n for a, n in lengths.items() if n > 150}


def test_every_page_has_dublin_core_metadata_from_the_data(pages):
    # Who publishes the site: this repository's is independent (tests/test_identity.py: the official one).
    publisher = data("publisher.yaml")
    assert publisher["identity"] == "independent"
    publisher = publisher["independent"]["name"]
    subject = data("dataset.yaml")["subject"]
    for address, page in pages.items():
        language = language_of(address)
        assert page.all("html")[0].attrs["lang"] == language
        assert one(page, "dcterms.language") == ISO639_2[language]
        assert meta(page, "dcterms.language")[0]["title"] == "ISO639-2/T"
        assert html.unescape(one(page, "dcterms.creator")) == publisher[language]
        assert html.unescape(one(page, "dcterms.subject")) == "; ".join(subject[language])
        assert html.unescape(one(page, "dcterms.title")), address
        # dcterms.modified is the page's "Date modified", to the day.
        (dates,) = page.with_class("pk-date-modified")
        shown = dates.all("time")[0].attrs["datetime"]
        assert one(page, "dcterms.modified") == shown
        assert meta(page, "dcterms.modified")[0]["title"] == "W3CDTF"
        assert html.unescape(one(page, "dcterms.description")) == html.unescape(one(page, "description"))


def test_dcterms_title_is_the_page_s_own_title(pages):
    assert one(pages["contact/"], "dcterms.title") == "Contact us"
    assert html.unescape(one(pages["fr/pays/haiti/"], "dcterms.title")) == "Haïti"


def test_a_title_or_description_too_long_is_refused_at_its_line(workspace):
    contact = workspace / "content" / "en" / "contact.md"
    joindre = workspace / "content" / "fr" / "nous-joindre.md"
    edit(contact, "title: Contact us", "title: " + "Contact us, " * 6)
    text = joindre.read_text(encoding="utf-8")
    description = next(line for line in text.splitlines() if line.startswith("description: "))
    edit(joindre, description, "description: " + "Écrivez-nous. " * 12)

    result = run_check(workspace)

    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    assert lines == [
        f"content/en/contact.md:{line_of(contact, 'title')}:{column_of(contact, 'title', 'Contact')}: "
        "title is 71 characters, 11 more than search results show (60 at most); shorten it",
        f"content/fr/nous-joindre.md:{line_of(joindre, 'description')}:"
        f"{column_of(joindre, 'description', 'Écrivez')}: "
        "description is 167 characters, 17 more than search results show (150 at most); shorten it",
    ]


def test_an_issued_date_is_written_when_the_page_gives_one(workspace, tmp_path):
    from conftest import run_build

    edit(workspace / "content" / "en" / "contact.md", "page_id: contact\n", "page_id: contact\ndate_issued: 2013-04-02\n")
    site = tmp_path / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stderr
    contact = parse(site / "contact" / "index.html")
    assert one(contact, "dcterms.issued") == "2013-04-02"
    assert not meta(parse(site / "fr" / "nous-joindre" / "index.html"), "dcterms.issued")
