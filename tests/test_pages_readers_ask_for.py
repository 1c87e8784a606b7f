"""The pages readers asked for (issue 12), built, in both languages: serving on a mission, partner
police services, the accessibility statement and the fact sheet.

Why: each page must exist in English and French, paired, be reachable where readers look (the
navigation, the footer, the home page), and show what data/ says, with nothing invented. The
expectations are read from data/ with an independent YAML reader (ruamel), not the site's code.
"""
from __future__ import annotations

import re

import plainyaml
import pytest
from babel.numbers import format_decimal
from conftest import ROOT
from htmltree import page, resolve

pytestmark = pytest.mark.build

PAGES = {
    "serving": {"en": "serving/", "fr": "fr/servir-en-mission/"},
    "partners": {"en": "partners/", "fr": "fr/services-partenaires/"},
    "accessibility": {"en": "accessibility/", "fr": "fr/accessibilite/"},
    "fact-sheet": {"en": "fact-sheet/", "fr": "fr/fiche-information/"},
}
HOME = {"en": "", "fr": "fr/"}
LOCALES = {"en": "en_CA", "fr": "fr_CA"}


def _data(name: str):
    return plainyaml.read(ROOT / "data" / name)


def _current(mission: dict) -> bool:
    """Under way: the last status is under_way (not suspended, not ended)."""
    return mission["status"][-1]["state"] == "under_way"


def _text(element) -> str:
    return " ".join(element.text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _number(count: int, language: str) -> str:
    return format_decimal(count, locale=LOCALES[language]).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("page_id", PAGES)
def test_each_page_exists_in_both_languages_and_its_toggle_leads_to_the_other(built_site, page_id):
    for language, other in (("en", "fr"), ("fr", "en")):
        address = PAGES[page_id][language]
        html = page(built_site, address)
        assert html.find("html").attrs["lang"] == language
        toggle = next(a for a in html.find_all("a") if "pk-language__link" in a.attrs.get("class", ""))
        assert resolve(built_site, address, toggle.attrs["href"]) == built_site / PAGES[page_id][other] / "index.html"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_serving_and_partners_are_in_the_navigation_and_the_fact_sheet_is_linked_from_home(built_site, language):
    home = page(built_site, HOME[language])
    tabs = next(nav for nav in home.find_all("nav") if "md-tabs" in nav.attrs.get("class", ""))
    targets = {resolve(built_site, HOME[language], a.attrs["href"]) for a in tabs.find_all("a")}
    for page_id in ("serving", "partners"):
        assert built_site / PAGES[page_id][language] / "index.html" in targets, f"{page_id} is not in the {language} tabs"
    content = home.find("article")
    links = {resolve(built_site, HOME[language], a.attrs["href"]) for a in content.find_all("a") if a.attrs.get("href")}
    assert built_site / PAGES["fact-sheet"][language] / "index.html" in links


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_partners_page_lists_every_service_by_province_and_counts_them(built_site, language):
    data = _data("partners.yaml")
    html = page(built_site, PAGES["partners"][language])
    listed = [li for li in html.find_all("li") if "data-partner" in li.attrs]
    assert len(listed) == len(data["partners"])
    for service in data["partners"]:
        assert any(service["name"][language] in _text(li) for li in listed), service["name"][language]
    groups = [ul.attrs["data-province"] for ul in html.find_all("ul") if "data-province" in ul.attrs]
    expected = [code for code in data["provinces"] if any(s["province"] == code for s in data["partners"])]
    assert groups == expected
    headings = [_text(h) for h in html.find_all("h2")]
    for code in expected:
        assert data["provinces"][code][language] in headings
    counts = _text(next(p for p in html.find_all("p") if p.attrs.get("data-fact") == "partners-listed"))
    assert _number(len(data["partners"]), language) in counts


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_partners_page_shows_every_count_the_program_published_with_its_source(built_site, language):
    published = _data("program.yaml")["program"]["facts"]["partner_services"]
    html = page(built_site, PAGES["partners"][language])
    history = next(ul for ul in html.find_all("ul") if ul.attrs.get("data-history") == "partner_services")
    items = history.find_all("li")
    assert len(items) == len(published)
    for statement in published:
        assert any(_number(statement["count"], language) in _text(li) and
                   any(a.attrs.get("data-cites") == statement["source"] for a in li.find_all("a")) for li in items), statement
    beside = next(p for p in html.find_all("p") if p.attrs.get("data-fact") == "partners-published")
    assert any(_number(s["count"], language) in _text(beside) for s in published)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_serving_page_shows_every_statement_with_its_sources(built_site, language):
    statements = _data("serving.yaml")["statements"]
    html = page(built_site, PAGES["serving"][language])
    shown = {li.attrs["data-statement"]: li for li in html.find_all("li") if "data-statement" in li.attrs}
    assert set(shown) == {s["id"] for s in statements}
    for statement in statements:
        item = shown[statement["id"]]
        assert " ".join(statement["text"][language].split()) in _text(item)
        cited = [a.attrs["data-cites"] for a in item.find_all("a", data_cites=True)]
        assert cited == statement["sources"], statement["id"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_serving_page_describes_every_current_mission(built_site, language):
    current = [m for m in _data("missions.yaml")["missions"] if _current(m)]
    html = page(built_site, PAGES["serving"][language])
    table = next(t for t in html.find_all("table") if t.attrs.get("data-table") == "serving")
    rows = {tr.attrs["data-mission"]: tr for tr in table.find_all("tr") if "data-mission" in tr.attrs}
    assert set(rows) == {m["id"] for m in current}
    for mission in current:
        assert mission["acronym"][language] in _text(rows[mission["id"]])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_fact_sheet_shows_current_missions_and_dated_program_figures(built_site, language):
    html = page(built_site, PAGES["fact-sheet"][language])
    text = _text(html.find("article"))
    for mission in _data("missions.yaml")["missions"]:
        if _current(mission):
            assert mission["acronym"][language] in text
    for name, statements in _data("program.yaml")["program"]["facts"].items():
        if statements and name != "officers_serving":
            assert any(_number(s["count"], language) in text for s in statements), name
    dates = [span.attrs["data-as-of"] for span in html.find_all("span") if "data-as-of" in span.attrs]
    # A stated date, a range by evidence (2016/2019, 2022/.., ../2019), or "" for "date not stated".
    bound = r"(\d{4}(-\d{2}(-\d{2})?)?|\.\.)"
    assert dates and all(re.fullmatch(rf"(\d{{4}}(-\d{{2}}(-\d{{2}})?)?|{bound}/{bound})?", d) for d in dates), dates
