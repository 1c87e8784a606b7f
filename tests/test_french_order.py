"""Names in the order a reader looks them up, in French as in English.

Why: Python sorts "États-Unis" after "Ukraine" (É comes after every plain letter), which no French
reader expects; the lists of places follow ``peaceops.pages.localize.collation_key`` instead: accents
and case set aside first, then the name as written. Issue 20.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from htmltree import parse
from publishing_support import interface

from peaceops.pages.localize import Localizer, collation_key


def _place(en: str, fr: str) -> SimpleNamespace:
    return SimpleNamespace(place=SimpleNamespace(name={"en": en, "fr": fr}))


def test_accents_and_case_are_set_aside_first():
    names = ["Ukraine", "États-Unis", "Haïti", "Haiti", "Irak", "Égypte", "cisjordanie", "Côte d'Ivoire"]
    assert sorted(names, key=collation_key) == [
        "cisjordanie", "Côte d'Ivoire", "Égypte", "États-Unis", "Haiti", "Haïti", "Irak", "Ukraine",
    ]


def test_a_list_of_places_is_alphabetical_in_the_pages_language():
    places = [_place("United States", "États-Unis"), _place("Ukraine", "Ukraine"), _place("Haiti", "Haïti")]
    interface = {}
    french = [p.place.name["fr"] for p in Localizer("fr", interface).alphabetical(places, "place.name")]
    english = [p.place.name["en"] for p in Localizer("en", interface).alphabetical(places, "place.name")]
    assert french == ["États-Unis", "Haïti", "Ukraine"]
    assert english == ["Haiti", "Ukraine", "United States"]


@pytest.mark.build
@pytest.mark.parametrize("home, folder", [("", "countries/"), ("fr/", "fr/pays/")])
def test_the_menus_country_list_is_in_alphabetical_order(built_site, home, folder):
    page = parse((built_site / home / "index.html").read_text(encoding="utf-8"))
    section = interface("nav.by_country", "fr" if home else "en")  # the section's own label links too
    names = []
    country_page = re.compile(rf"(^|/){re.escape(folder.split('/')[-2])}/[a-z0-9-]+/$")  # not the section's own link
    for link in page.find_all("a"):
        if country_page.search(link.attrs.get("href", "")) and link.text not in (section, "", *names):
            names.append(link.text)
    assert len(names) > 5
    assert names == sorted(names, key=collation_key)
