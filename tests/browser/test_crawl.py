"""Every page, both languages, in Chromium: WCAG A/AA by axe, no other host, no console errors,
every internal link and asset resolving, the language toggle landing on the counterpart page.

Why: these are the checks a Government of Canada site is judged on (WCAG 2.1 AA, official language
parity), and they only mean something in a real browser, after Material's JavaScript has run.
"""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urldefrag, urlsplit

import pytest

from .axe import describe
from .conftest import serve
from .crawler import crawl_site
from .pages import is_not_found_page, language_of

pytestmark = pytest.mark.browser
OTHER = {"en": "fr", "fr": "en"}


def _failures(crawl, attribute: str) -> dict[str, list]:
    return {address: getattr(record, attribute) for address, record in crawl.items() if getattr(record, attribute)}


def test_the_crawl_covers_every_page_in_both_languages(crawl):
    addresses = list(crawl)
    english = [a for a in addresses if language_of(a) == "en"]
    french = [a for a in addresses if language_of(a) == "fr"]
    assert len(english) == len(french), (english, french)
    for expected in ("", "fr/", "404.html", "fr/404.html"):
        assert expected in addresses
    assert any(a.startswith("countries/") for a in english) and any(a.startswith("fr/pays/") for a in french)
    wrong_lang = {a: r.lang for a, r in crawl.items() if r.lang != language_of(a)}
    assert not wrong_lang, f"<html lang> is not the page's language: {wrong_lang}"


def test_axe_finds_no_wcag_a_or_aa_violations(crawl):
    found = {address: describe(record.axe_violations) for address, record in crawl.items() if record.axe_violations}
    assert not found, found


def test_no_request_goes_to_any_host_but_the_local_server(crawl):
    assert not _failures(crawl, "foreign_requests")


def test_a_request_to_another_host_is_recorded_and_never_answered(browser, tmp_path):
    """The check above is not blind: a page that asks another host for a picture, a script and a
    stylesheet has the three recorded (and the next page none), and none of them is answered:
    Chromium resolves no other host."""
    (tmp_path / "own.css").write_text("body { color: #222; }", encoding="utf-8")
    foreign = ["http://example.org/x.png", "https://cdn.example.net/a.js", "https://fonts.example.com/f.css"]
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title><link rel="stylesheet" href="own.css">'
        f'<link rel="stylesheet" href="{foreign[2]}"><script src="{foreign[1]}"></script></head>'
        f'<body><img src="{foreign[0]}" alt=""><a href="two.html">two</a></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "two.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title><link rel="stylesheet" href="own.css"></head></html>',
        encoding="utf-8",
    )
    answered: list[str] = []
    with serve(tmp_path) as address:
        records = crawl_site(browser, address, ["", "two.html"])
        context = browser.new_context()
        context.on("response", lambda response: answered.append(response.url))
        context.new_page().goto(address, wait_until="load")
        context.close()
    assert sorted(set(records[""].foreign_requests)) == sorted(foreign)
    assert records["two.html"].foreign_requests == []
    assert address + "own.css" in answered
    assert not [url for url in answered if not url.startswith(address)], answered


def test_the_crawl_visits_each_page_once_as_its_own_wherever_the_toggles_lead(browser, tmp_path):
    """The crawl takes the page a toggle opens as that page's visit: a toggle that leads to a page
    other than its counterpart still has that page visited on its own, with its own records."""
    pages = {  # address: (its language, where its toggle leads)
        "index.html": ("en", "fr/index.html"),
        "fr/index.html": ("fr", "other.html"),  # the wrong page
        "other.html": ("en", "fr/other.html"),
        "fr/other.html": ("fr", "other.html"),
    }
    for address, (lang, toggle) in pages.items():
        path = tmp_path / address
        path.parent.mkdir(parents=True, exist_ok=True)
        target = "../" + toggle if address.startswith("fr/") else toggle
        path.write_text(f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>'
                        f'<a class="pk-language__link" lang="{"en" if lang == "fr" else "fr"}" href="{target}">x</a></body></html>',
                        encoding="utf-8")
    with serve(tmp_path) as address:
        records = crawl_site(browser, address, list(pages))
    assert set(records) == set(pages)
    assert {name: record.lang for name, record in records.items()} == {name: page[0] for name, page in pages.items()}
    assert records["fr/index.html"].toggle_landed["url"] == address + "other.html"
    assert records["other.html"].toggle_landed["url"] == address + "fr/other.html"
    assert records["fr/other.html"].toggle_landed["url"] == address + "other.html"


def test_the_content_security_policy_refuses_nothing_on_any_page(crawl):
    """Issue 22: every page in both languages runs and loads only what its policy allows (the policy
    itself is checked on every page by tests/test_hostile_data.py)."""
    assert len({record.lang for record in crawl.values()}) == 2
    assert not _failures(crawl, "csp_violations")


def test_no_console_errors(crawl):
    assert not _failures(crawl, "console_errors")


def test_every_request_made_while_loading_succeeds(crawl):
    assert not _failures(crawl, "failed_responses")


def test_every_internal_link_and_asset_resolves(crawl, base_url):
    """Each internal address answers 200, and each #fragment names an element of its page."""
    by_url = {record.url: record for record in crawl.values()}
    status: dict[str, int] = {}
    broken = []
    for address, record in crawl.items():
        for href in record.links + record.assets:
            if not href.startswith(base_url):
                continue
            target, fragment = urldefrag(href)
            if target not in status:
                status[target] = _status(target)
            if status[target] != 200:
                broken.append(f"{address or '/'} -> {href}: HTTP {status[target]}")
            elif fragment and target in by_url and fragment not in by_url[target].ids:
                broken.append(f"{address or '/'} -> {href}: no element has the id {fragment!r}")
    assert not broken, "\n".join(broken)
    assert len(status) > len(crawl), "the crawl found too few internal links to be believed"


def test_external_links_are_listed_and_well_formed(crawl, base_url, tmp_path_factory, record_property):
    """External links are not fetched (the network is not the site's to test), only listed."""
    external = sorted(
        {href for record in crawl.values() for href in record.links if not href.startswith(base_url)}
    )
    listing = tmp_path_factory.mktemp("links") / "external-links.txt"
    listing.write_text("\n".join(external) + "\n", encoding="utf-8")
    record_property("external_links", str(listing))
    malformed = [
        href
        for href in external
        if not (urlsplit(href).scheme in ("http", "https") and urlsplit(href).netloc)
        and not (href.startswith("mailto:") and "@" in href)
    ]
    assert not malformed, malformed
    assert external, "the site cites its sources, so some external links were expected"


def test_language_toggle_lands_on_the_counterpart_in_the_other_language(crawl, base_url):
    problems = []
    for address, record in crawl.items():
        if is_not_found_page(address):
            continue  # no toggle on Material's 404 template: see test_keyboard.py
        if not record.toggle:
            problems.append(f"{address}: no language toggle")
            continue
        language = language_of(address)
        landed = record.toggle_landed
        if record.toggle["lang"] != OTHER[language]:
            problems.append(f"{address}: toggle has lang={record.toggle['lang']!r}")
        if landed["lang"] != OTHER[language]:
            problems.append(f"{address}: toggle landed on {landed['url']} with <html lang={landed['lang']!r}>")
        if landed["url"] != record.toggle["href"] or landed["url"].removeprefix(base_url) not in crawl:
            problems.append(f"{address}: toggle links to {record.toggle['href']} but landed on {landed['url']}")
        if landed["toggle_back"] != record.url:
            problems.append(f"{address}: the counterpart's toggle leads to {landed['toggle_back']}, not back here")
    assert not problems, "\n".join(problems)


def test_every_page_but_404_links_the_feed_of_its_language_in_the_head(crawl):
    """Issue 14: a feed reader given a page's address finds its language's Atom feed from the head."""
    for address, record in crawl.items():
        if is_not_found_page(address):
            continue
        language = language_of(address)
        assert len(record.feeds) == 1, f"{address}: {record.feeds}"
        link = record.feeds[0]
        assert link["hreflang"] == language and link["title"], f"{address}: {link}"
        assert link["href"].endswith("fr/feed.xml" if language == "fr" else "/feed.xml"), f"{address}: {link}"
        assert language == "fr" or not link["href"].endswith("fr/feed.xml"), f"{address}: {link}"


def test_every_page_names_its_own_public_address_as_canonical(crawl):
    public_root = crawl[""].canonical
    assert public_root and public_root.startswith("https://"), public_root
    wrong = {
        address: record.canonical
        for address, record in crawl.items()
        if not is_not_found_page(address) and record.canonical != public_root + address
    }
    assert not wrong, wrong


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
