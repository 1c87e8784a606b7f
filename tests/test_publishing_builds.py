"""Issue 6: a staging copy differs from the public site only in its addresses, and the site's
identity and feed follow the data. Each test here builds the site (a few seconds each).
"""
from __future__ import annotations

import gzip
import json
import re
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT, run_build, run_check
from publishing_support import as_shown, data, interface, parse, root_url

STAGING = "https://staging.example.ca/"
ATOM = "{http://www.w3.org/2005/Atom}"


def _contents(path):
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.suffix == ".gz" else raw


@pytest.mark.build
def test_a_staging_build_differs_from_the_public_one_only_in_its_addresses(built_site, tmp_path):
    public = root_url(built_site)
    assert public != STAGING
    staging_site = tmp_path / "site"
    result = run_build(ROOT, staging_site, STAGING)
    assert result.returncode == 0, result.stdout + result.stderr
    assert root_url(staging_site) == STAGING

    files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(staging_site) for p in staging_site.rglob("*") if p.is_file())
    changed = []
    for name in files:
        before, after = _contents(built_site / name), _contents(staging_site / name)
        assert before.replace(public.encode(), STAGING.encode()) == after, f"{name} differs in more than its addresses"
        assert public.encode() not in after, f"{name} still has the public address"
        if before != after:
            changed.append(name.as_posix())
    for expected in ("sitemap.xml", "sitemap.xml.gz", "robots.txt", "feed.xml", "fr/feed.xml", "index.html", "fr/404.html"):
        assert expected in changed, f"{expected} does not use the site address"


@pytest.mark.build
def test_the_publisher_shown_everywhere_comes_from_the_data(workspace, tmp_path):
    path = workspace / "data" / "publisher.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("en: Royal Canadian Mounted Police", "en: Halifax Regional Police")
        .replace("fr: Gendarmerie royale du Canada", "fr: Police régionale d'Halifax")
        .replace("en: https://rcmp.ca/en", "en: https://police.example.org/en")
        # The organization is the publisher of an official site (issue 20), on canada.ca.
        .replace("\nidentity: independent\n", "\nidentity: official\n"),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = run_build(workspace, site, "https://www.canada.ca/en/test-police/")
    assert result.returncode == 0, result.stdout + result.stderr
    for address, _language, name in (("how-it-works", "en", "Halifax Regional Police"), ("fr/fonctionnement", "fr", "Police régionale d'Halifax")):
        page = parse(site / address / "index.html")
        assert page.with_class("pk-breadcrumb")[0].all("a")[0].text == name
        assert page.with_class("pk-footer__publisher")[0].text == name
        graph = {node["@id"]: node for node in json.loads(page.all("script", type="application/ld+json")[0].text)["@graph"]}
        program = next(node for node in graph.values() if node["@id"].endswith("#organization"))
        assert graph[program["parentOrganization"]["@id"]]["name"] == name
    assert parse(site / "index.html").with_class("pk-breadcrumb")[0].all("a")[0].attrs["href"] == "https://police.example.org/en"
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Halifax Regional Police"


@pytest.mark.build
def test_ending_a_mission_adds_one_entry_to_each_feed(built_site, workspace, tmp_path):
    path = workspace / "data" / "missions.yaml"
    text = path.read_text(encoding="utf-8")
    # EUPOL COPPS is current: give it an end date.
    text, count = re.subn(
        r"(  - id: eupol-copps\n(?:.*\n)*?    status:\n      - state: under_way\n(?:        .*\n)+)",
        r"\1      - {state: ended, since: 2026-06-30, source: rcmp-current-peace-operations}\n", text, count=1)
    assert count == 1
    path.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stdout + result.stderr
    places = {"en": ("West Bank", "June 30, 2026"), "fr": ("Cisjordanie", "30 juin 2026")}
    for folder, language in (("", "en"), ("fr/", "fr")):
        before = ET.parse(built_site / folder / "feed.xml").getroot().findall(f"{ATOM}entry")
        after = ET.parse(site / folder / "feed.xml").getroot().findall(f"{ATOM}entry")
        assert len(after) == len(before) + 1
        new = {e.findtext(f"{ATOM}title") for e in after} - {e.findtext(f"{ATOM}title") for e in before}
        country, when = places[language]
        where = interface("feed.where", language).format(mission="EUPOL COPPS", country=country)
        assert new == {as_shown(interface("feed.ended", language).format(where=where, when=when), language)}
        assert [e.findtext(f"{ATOM}updated") for e in after].count("2026-06-30T00:00:00Z") == 1


def test_a_logo_that_is_not_in_the_theme_is_reported_by_check(workspace):
    path = workspace / "data" / "publisher.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("logo: assets/logo.svg", "logo: assets/missing.svg"), encoding="utf-8")
    result = run_check(workspace)
    assert result.returncode == 1
    assert "data/publisher.yaml:" in result.stderr and "assets/missing.svg" in result.stderr


def test_a_publisher_without_a_french_name_is_reported_by_check(workspace):
    path = workspace / "data" / "publisher.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    fr: Gendarmerie royale du Canada\n", ""), encoding="utf-8")
    result = run_check(workspace)
    assert result.returncode == 1
    assert "data/publisher.yaml:" in result.stderr
    assert data("publisher.yaml")["publisher"]["name"]["fr"]  # the real file is untouched
