"""Issue 20: who publishes the site, said right. This repository's build is independent: no federal
symbol anywhere (not even the files), and a line on every page, in its language, saying who publishes
it and that it is not a Government of Canada site. An official build of the same data (served on
canada.ca) shows the Government of Canada signature and the Canada wordmark, the Government's own
files, as Canada.ca's header and footer do; `check` refuses official for any other address.
"""
from __future__ import annotations

import hashlib

import pytest
from conftest import ROOT, edit, run_build, run_check
from publishing_support import content_pages, data, interface, language_of, parse

from peaceops.source.publisher import on_official_domain

# The Government's files as GCWeb publishes them (peaceops/assets/README.md: repository and commit).
SYMBOLS = {
    "sig-blk-en.svg": "9b38d506a691bbe889b57e27c1d8855352b067edaa9212609e4a314f8b0360cf",
    "sig-blk-fr.svg": "1690210d89a8d81946a2077f1dd06d249f4844c2aeaf6d28af471833e3ecf4f6",
    "wmms-blk.svg": "bd2a76725f7a49f0d797a35afaa18f3050ef734b82ca33ce40be5c4e830cc8bb",
}
HOME = {"en": "", "fr": "fr/"}


def notice(language: str) -> str:
    publisher = data("publisher.yaml")
    text = interface("identity.independent", language)
    text = text.format(publisher=publisher["independent"]["name"][language], owner=publisher["publisher"]["name"][language])
    return text


def images(page) -> list[str]:
    return [img.attrs.get("src", "") for img in page.all("img")]


def test_the_symbols_are_the_governments_own_files():
    for name, digest in SYMBOLS.items():
        assert hashlib.sha256((ROOT / "theme" / "assets" / "federal" / name).read_bytes()).hexdigest() == digest


def test_this_repository_builds_an_independent_site_with_no_federal_symbol(built_site):
    assert data("publisher.yaml")["identity"] == "independent"
    assert not list(built_site.rglob("federal")), "the symbols' files are not even copied"
    pages = content_pages(built_site)
    for address, path in {**pages, "404.html": built_site / "404.html", "fr/404.html": built_site / "fr/404.html"}.items():
        page = parse(path)
        language = language_of(address)
        assert not [src for src in images(page) if "sig-" in src or "wmms" in src], address
        [band] = page.with_class("pk-identity")
        assert band.tag == "section" and band.attrs["aria-label"] == interface("identity.label", language)
        assert band.text == notice(language).replace(" :", "\u00a0:"), address
        assert not page.with_class("pk-footer__wordmark") and not page.with_class("pk-footer__publisher")


def test_an_independent_site_names_its_own_publisher_to_machines(built_site):
    name = data("publisher.yaml")["independent"]["name"]
    for address, language in (("", "en"), ("fr/", "fr")):
        page = parse(built_site / address / "index.html")
        creator = [m.attrs["content"] for m in page.all("meta", name="dcterms.creator")]
        assert creator == [name[language]]
    feed = (built_site / "feed.xml").read_text(encoding="utf-8")
    assert f"<name>{name['en']}</name>".replace("'", "&#x27;") in feed or f"<name>{name['en']}</name>" in feed


def test_an_official_build_shows_the_signature_and_the_wordmark(official_site):
    publisher = data("publisher.yaml")["publisher"]
    for address, path in content_pages(official_site).items():
        language = language_of(address)
        page = parse(path)
        assert not page.with_class("pk-identity__notice"), address
        [signature] = page.with_class("pk-identity__signature")
        assert signature.attrs["href"] == interface("identity.canada_home", language)
        [img] = signature.all("img")
        assert img.attrs["src"].endswith(f"assets/federal/sig-blk-{language}.svg")
        assert img.attrs["alt"] == interface("identity.signature", language)
        [wordmark] = page.with_class("pk-footer__wordmark")
        assert wordmark.attrs["src"].endswith("assets/federal/wmms-blk.svg")
        assert wordmark.attrs["alt"] == interface("identity.wordmark", language)
        # Canada.ca's trail starts at the institution, and the footer names it.
        if address != HOME[language]:
            assert page.with_class("pk-breadcrumb")[0].all("a")[0].attrs["href"] == publisher["url"][language]
        assert page.with_class("pk-footer__publisher")[0].text == publisher["name"][language]
        creator = [m.attrs["content"] for m in page.all("meta", name="dcterms.creator")]
        assert creator == [publisher["name"][language]]
    for folder in (official_site, official_site / "fr"):
        for name, digest in SYMBOLS.items():
            assert hashlib.sha256((folder / "assets" / "federal" / name).read_bytes()).hexdigest() == digest


def test_check_refuses_official_outside_canada_ca_at_its_line(workspace):
    path = workspace / "data" / "publisher.yaml"
    edit(path, "\nidentity: independent\n", "\nidentity: official\n")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("identity:"))
    result = run_check(workspace)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"data/publisher.yaml:{line}:11: identity is official, but the site's address "
        "https://peace-operations.example.ca/ is not on canada.ca; the Government of Canada's symbols are only "
        "for its own sites on canada.ca: write identity: independent, or build with SITE_URL set to the "
        "canada.ca address"
    )
    built = run_build(workspace, workspace / "site", "https://example.github.io/peace/")
    assert built.returncode == 1 and "https://example.github.io/peace/ is not on canada.ca" in built.stderr
    assert not (workspace / "site").exists()


@pytest.mark.parametrize(
    "address, official",
    [
        ("https://www.canada.ca/en/rcmp/", True),
        ("https://canada.ca/", True),
        ("http://www.canada.ca/en/", False),  # canada.ca is served over https only
        ("https://canada.ca.example.com/", False),
        ("https://notcanada.ca/", False),
        ("https://peace-operations.example.ca/", False),
    ],
)
def test_which_addresses_are_on_canada_ca(address, official):
    assert on_official_domain(address) is official


def test_an_unknown_identity_is_refused_with_the_choices(workspace):
    path = workspace / "data" / "publisher.yaml"
    edit(path, "\nidentity: independent\n", "\nidentity: officiel\n")
    result = run_check(workspace)
    assert result.returncode == 1
    assert 'identity must be one of official, independent, got "officiel"' in result.stderr
