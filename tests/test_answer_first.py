"""Issue 19: the answer first. The home page opens with where Canadian police serve now (every place,
each with its missions) and the newest count of officers serving, then what the program is; the
program's figures over time are on How the program works, not on the home page. The places and the
count are read from the YAML here, not from the package.
"""
from __future__ import annotations

import plainyaml
import pytest
from conftest import ROOT
from dated import is_current
from htmltree import page

HOME = {"en": "", "fr": "fr/"}
HOW_IT_WORKS = {"en": "how-it-works/", "fr": "fr/fonctionnement/"}


def _yaml(name: str) -> dict:
    return plainyaml.read(ROOT / "data" / name)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_home_page_opens_with_where_canadian_police_serve_now(built_site, language):
    """h1, then the lead sentence, then the newest count of Canadian police serving (issue 29: before
    the places, so it is on a phone's first screen), then the places, the suspended missions apart,
    and the program's renewal in one line, before the first heading after h1."""
    body = page(built_site, HOME[language]).find("div", data_pagefind_body=True)
    blocks = [e for e in body.iter() if e.tag in {"h1", "h2", "p", "ul", "ol"} and e.parent.tag != "li"]
    assert blocks[0].tag == "h1"
    lead, count, where, places = blocks[1:5]
    assert "pk-now-lead" in lead.attrs.get("class", ""), lead.text
    # The newest count, with its date and source: one of the program's totals or the UN's counts.
    assert count.attrs.get("data-fact") == "serving"
    program = _yaml("program.yaml")["program"]["facts"]
    counts = [s["count"] for name in ("officers_serving", "officers_in_un_missions") for s in program.get(name, [])]
    assert any(f" {n} " in count.text for n in counts), count.text
    assert count.attrs.get("data-as-of") and count.find_all("a", data_cites=True)
    assert "pk-now-where" in where.attrs.get("class", "")
    assert places.attrs.get("data-fact") == "places-now"
    current = [m for m in _yaml("missions.yaml")["missions"] if is_current(m)]
    items = places.find_all("li")
    assert len(items) == len({m["country"] for m in current})
    shown = " ".join(item.text for item in items)
    for mission in current:
        assert mission["acronym"][language] in shown, mission["id"]
    # Then the suspended missions, apart, each with its place (issue 18), if any.
    rest = blocks[5:]
    suspended = [m for m in _yaml("missions.yaml")["missions"] if m["status"][-1]["state"] == "suspended"]
    if suspended:
        assert "pk-suspended-lead" in rest[0].attrs.get("class", "") and rest[1].attrs.get("data-list") == "suspended"
        assert {li.attrs["data-mission"] for li in rest[1].find_all("li")} == {m["id"] for m in suspended}
        rest = rest[2:]
    # Then the program's renewal, one line, with the year it runs to (data/program.yaml) and its source.
    renewal = rest[0]
    assert renewal.attrs.get("data-fact") == "renewal"
    until = _yaml("program.yaml")["program"]["arrangement"]["renewed_until"]
    assert str(until) in renewal.text and renewal.find_all("a", data_cites=True)
    assert rest[1].tag == "h2"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_figures_over_time_are_on_how_the_program_works_not_the_home_page(built_site, language):
    assert not page(built_site, HOME[language]).find_all(data_history=True)
    histories = page(built_site, HOW_IT_WORKS[language]).find_all("ol", data_history=True)
    assert {h.attrs["data-history"] for h in histories} >= {"officers_served", "operations", "officers_serving"}
