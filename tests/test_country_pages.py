"""A page per country, made from data/missions.yaml alone, in both languages, with every mission's facts.

Expected values come from the YAML (a plain YAML read) and from interface.yaml, not from peaceops.
"""
from __future__ import annotations

import re

import plainyaml
import pytest
from babel import Locale
from conftest import ROOT
from dated import end, is_current, latest, sources, start, state, when
from htmltree import page, resolve
from scenario import (  # noqa: F401  (changed_site and original are fixtures)
    ENDED_ID,
    ENDED_PAGES,
    ENDED_YEAR,
    NEW_ID,
    NEW_PAGES,
    changed_site,
    original,
    read_missions,
)

# Slugs worked out by hand from each country's name in English and in French.
KNOWN_PAGES = {
    "HT": ("countries/haiti/", "fr/pays/haiti/"),
    "CD": ("countries/democratic-republic-of-the-congo/", "fr/pays/republique-democratique-du-congo/"),
    "west-bank": ("countries/west-bank/", "fr/pays/cisjordanie/"),
    "NA": ("countries/namibia/", "fr/pays/namibie/"),
    "CI": ("countries/cote-divoire/", "fr/pays/cote-divoire/"),
    "BA": ("countries/bosnia-and-herzegovina/", "fr/pays/bosnie-herzegovine/"),
}
LANGUAGES = ("en", "fr")


def interface() -> dict:
    return plainyaml.read(ROOT / "data" / "interface.yaml")["text"]


def mission_section(document, mission_id):
    return document.find("section", data_mission=mission_id)


@pytest.mark.parametrize("code", sorted(KNOWN_PAGES))
def test_each_country_has_a_page_in_each_language_at_its_own_address(built_site, code):
    for language, address in zip(LANGUAGES, KNOWN_PAGES[code], strict=True):
        document = page(built_site, address)
        assert document.find("html").attrs["lang"] == language
        for mission in (m for m in read_missions(ROOT) if m["country"] == code):
            mission_section(document, mission["id"])  # exactly one section per mission


def test_every_mission_is_on_its_country_page_with_every_fact(built_site, original):
    """Lead, officers with as-of date and source, roles, language, armed, mandate, since when, sources."""
    text = interface()
    pages = dict(KNOWN_PAGES)
    known = sources()
    checked = 0
    for mission in original:
        if mission["country"] not in pages:
            continue
        for language, address in zip(LANGUAGES, pages[mission["country"]], strict=True):
            section = mission_section(page(built_site, address), mission["id"])
            content = section.text
            assert mission["mandate"][language] in content
            if mission["lead"] != "other":  # "Led by: Other" tells a reader nothing (issue 19)
                assert text[f"lead.{mission['lead']}"][language] in content
            if start(mission):
                assert start(mission)[:4] in content
            for role in mission.get("roles", []):
                assert role[language] in content
            if "language" in mission:
                # Named in the page's language as CLDR names it ("Spanish", "espagnol"), never as a code.
                assert Locale.parse(f"{language}_CA").languages[mission["language"]] in content
            if "armed" in mission:
                armed = "yes" if mission["armed"] in (True, "yes") else "no"
                assert text[f"armed.{armed}"][language] in content
            cited = {a.attrs["data-cites"] for a in section.find_all("a", data_cites=True)}
            for kind in ("deployed", "authorized", "authorized_up_to"):
                figures = [f for f in mission.get("officers", []) if f["kind"] == kind]
                cells = section.find_all("dd", data_fact=kind)
                if figures:
                    cell = cells[0].text.replace("\u00a0", "").replace("\u202f", "").replace(",", "")
                    # The one shown is the one the ranking rules give (tests/dated.py), with its date and source.
                    newest = latest(mission, kind, known)
                    dated_span = cells[0].find("span", data_as_of=True)
                    number = cells[0].text.split(dated_span.text)[0]  # the figure, before its date
                    assert re.sub(r"\D", "", number) == str(newest["count"]), (mission["id"], kind, cell)
                    assert cells[0].find("span", data_as_of=True).attrs["data-as-of"] == when(newest, known, mission)
                    assert "consulted" not in cell and "consultée" not in cell
                else:
                    assert cells == []  # a figure no source gives is left out, not "Not published"
            assert set(mission["sources"]) <= cited
            assert "Not published" not in section.text and "Non publié" not in section.text
            checked += 1
    assert checked >= 2 * 8


def test_a_country_page_separates_current_and_past_missions(built_site, original):
    haiti = [m for m in original if m["country"] == "HT"]
    assert any(not is_current(m) for m in haiti) and any(is_current(m) for m in haiti)
    for address in KNOWN_PAGES["HT"]:
        document = page(built_site, address)
        current = document.find("h2", id="current")
        past = document.find("h2", id="past")
        order = [e for e in document.iter() if e is current or e is past or (e.tag == "section" and "data-mission" in e.attrs)]
        after_past = order[next(i for i, e in enumerate(order) if e is past) + 1:]
        assert {e.attrs["data-mission"] for e in after_past} == {m["id"] for m in haiti if state(m) == "ended"}


def test_a_mission_in_a_new_country_gets_a_page_in_both_languages(changed_site):
    names = {"en": "Colombia", "fr": "Colombie"}  # ISO 3166 names, in English and in French
    for language, address in NEW_PAGES.items():
        document = page(changed_site.site, address)
        assert document.find("html").attrs["lang"] == language
        assert document.find("h1").text == names[language]
        section = mission_section(document, NEW_ID)
        assert "10" in section.find("dd", data_fact="authorized").text
        assert document.find("h2", id="current")


def test_ending_a_mission_moves_it_to_past_on_its_country_page(changed_site):
    ended = next(m for m in read_missions(changed_site.root) if m["id"] == ENDED_ID)
    assert end(ended) == str(ENDED_YEAR)
    for address in ENDED_PAGES.values():
        document = page(changed_site.site, address)
        assert not document.find_all("h2", id="current")
        assert document.find("h2", id="past")
        assert str(ENDED_YEAR) in mission_section(document, ENDED_ID).text


def test_country_pages_link_back_to_the_deployments_page(built_site):
    for address, target in ((KNOWN_PAGES["HT"][0], "deployments/"), (KNOWN_PAGES["HT"][1], "fr/deploiements/")):
        hrefs = [a.attrs["href"] for a in page(built_site, address).find_all("a") if "href" in a.attrs]
        assert any(resolve(built_site, address, href) == built_site / target / "index.html" for href in hrefs)
