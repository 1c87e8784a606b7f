"""Every place has its phrase ("in the West Bank", "en Cisjordanie", "au Kosovo"), and sentences use it.

Why: a name alone makes robotic sentences ("in West Bank", "à cet endroit : Kosovo"). Every ISO
country has its phrase in peaceops/assets/place-phrases.json, so a mission may be added in any
country with nothing else; territories and renamed countries have theirs in data/countries.yaml
(phrases:), and `make check` names the line of each one that lacks it or whose phrase does not
name it, in plain words (peaceops/source/dataset.py, _check_place_phrases).
"""
from __future__ import annotations

import json
import re

import plainyaml
import pycountry
import pytest
from conftest import ROOT
from datacopy import DataCopy, assert_at, only_problem

C = "countries.yaml"
M = "missions.yaml"


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def read(name: str) -> dict:
    return plainyaml.read(ROOT / "data" / name)


def phrases() -> dict:
    """countries.yaml's phrases over the standard ones, read without the peaceops package."""
    standard = json.loads((ROOT / "peaceops" / "assets" / "place-phrases.json").read_text(encoding="utf-8"))
    countries = read(C)
    territories = {code: t["phrase"] for code, t in countries["territories"].items() if "phrase" in t}
    return {**standard, **countries["phrases"], **territories}


def test_every_place_in_the_data_and_every_country_a_mission_may_use_has_its_phrase():
    countries, missions = read(C), read(M)
    places = {m["country"] for m in missions["missions"]} | set(countries["names"]) | set(countries["territories"])
    places |= {country.alpha_2 for country in pycountry.countries}
    known = phrases()
    known.update({code: t["phrase"] for code, t in countries["territories"].items() if "phrase" in t})
    assert not places - set(known), f"places without a phrase: {sorted(places - set(known))}"
    for code in places:
        assert re.match(r"^in (the )?\S", known[code]["en"]), known[code]
        assert re.match(r"^(en|au|aux|à|à la|sur l'île|dans le) \S", known[code]["fr"]), known[code]
    # A renamed country's phrase is written beside its name, so that both change together.
    assert set(countries["names"]) <= set(countries["phrases"])


@pytest.mark.parametrize("code, english, french", [
    ("west-bank", "in the West Bank", "en Cisjordanie"),
    ("CD", "in the Democratic Republic of the Congo", "en République démocratique du Congo"),
    ("kosovo", "in Kosovo", "au Kosovo"),
    ("SS", "in South Sudan", "au Soudan du Sud"),
    ("HT", "in Haiti", "en Haïti"),
    ("US", "in the United States", "aux États-Unis"),
    ("NL", "in the Netherlands", "aux Pays-Bas"),
    ("ML", "in Mali", "au Mali"),
    ("UA", "in Ukraine", "en Ukraine"),
    ("IQ", "in Iraq", "en Iraq"),
    ("CY", "in Cyprus", "à Chypre"),
    ("MX", "in Mexico", "au Mexique"),
])
def test_places_have_the_articles_and_prepositions_a_writer_uses(code, english, french):
    assert phrases()[code] == {"en": english, "fr": french}


def test_a_renamed_country_without_a_phrase_is_placed_at_its_name(data):
    data.replace(C, "  TL: {en: in Timor-Leste, fr: au Timor-Leste}\n", "")
    problem = only_problem(data.problems())
    assert_at(problem, C, data.where(C, "TL:\n"), "Timor-Leste (TL)", "phrases:", '"in Timor-Leste"')


def test_a_territory_without_a_phrase(data):
    data.replace(C, "    phrase: {en: in Kosovo, fr: au Kosovo}\n", "")
    problem = only_problem(data.problems())
    assert_at(problem, C, data.where(C, "kosovo:\n    name"), "Kosovo (kosovo)", "phrase:", "in Kosovo")


def test_an_english_phrase_that_does_not_name_the_place(data):
    data.replace(C, "    phrase: {en: in the West Bank,", "    phrase: {en: on West Bank,")
    problem = only_problem(data.problems())
    assert_at(problem, C, data.where(C, "on West Bank"), "English phrase", '"West Bank"', '"on West Bank"')


def test_a_french_phrase_without_its_preposition(data):
    data.replace(C, "fr: au Kosovo}", "fr: Kosovo}")
    problem = only_problem(data.problems())
    assert_at(problem, C, data.where(C, "Kosovo}"), "French phrase", "preposition", '"Kosovo"')


def test_a_phrase_for_a_place_that_does_not_exist(data):
    data.replace(C, "\nphrases:\n", "\nphrases:\n  MX2: {en: in Mali, fr: au Mali}\n")
    problem = only_problem(data.problems())
    assert_at(problem, C, data.where(C, "MX2:"), '"MX2"', "territory")


@pytest.mark.build
def test_country_pages_open_with_the_phrase_and_no_french_page_says_a_cet_endroit(built_site):
    known = phrases()
    checked = 0
    for page in built_site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert "cet endroit" not in text, page
        folder = page.parent.relative_to(built_site).as_posix()
        if folder.startswith(("countries/", "fr/pays/")):
            language = "fr" if folder.startswith("fr/") else "en"
            opening = re.search(r'<div data-pagefind-body>.*?<p>(.*?)</p>', text, re.DOTALL).group(1)
            opening = opening.replace("&#39;", "'")
            assert any(opening.endswith(phrase[language] + ".") for phrase in known.values()), (folder, opening)
            checked += 1
    assert checked == 2 * len({m["country"] for m in read(M)["missions"]})
