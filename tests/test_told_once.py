"""Issue 29, measured on the built site as a reader meets it: few hedges, what no source gives said
once per page or not at all, and every current mission's page saying what Canadian police do there.

The text measured is each page's article with its tags made spaces (what a reader and a screen reader
meet, visually hidden words included); the hedges counted are the kinds the issue quotes. Which
missions are current and what they lack is read from the YAML here, not from the package.
"""
from __future__ import annotations

import re
from pathlib import Path

import plainyaml
import pytest
from conftest import ROOT, edit, run_build
from dated import is_current
from htmltree import parse

HEDGES = {
    "en": re.compile(r"\bor later\b|\bor earlier\b|\bbegan by\b|\bno earlier than\b", re.I),
    "fr": re.compile(r"\bou après\b|\bou avant\b|\bau plus tôt\b|\bau plus tard\b", re.I),
}
NO_SOURCE = re.compile(r"no source gives|aucune source", re.I)
MOST_HEDGES = 10  # per language, over the whole site
NEVER_ON = {"", "deployments/", "fact-sheet/", "fr/", "fr/deploiements/", "fr/fiche-information/"}
HTML_TAG = re.compile(r"<[^>]+>")


def article_text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    found = re.search(r"<article.*?</article>", html, re.S)
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", found.group(0) if found else "", flags=re.S)
    return re.sub(r"\s+", " ", HTML_TAG.sub(" ", body)).replace("&#39;", "'").replace("&amp;", "&")


def pages(site: Path) -> dict[str, Path]:
    """Every page by its address in the site ("" for the home page, "fr/pays/haiti/")."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        folder = path.parent.relative_to(site).as_posix()
        found["" if folder == "." else folder + "/"] = path
    return found


def plain(text: str) -> str:
    """French no-break spaces as spaces, to compare with the texts as typed."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def language_of(address: str) -> str:
    return "fr" if address.startswith("fr/") else "en"


def test_each_language_has_at_most_ten_hedges(built_site):
    found = {"en": [], "fr": []}
    for address, path in pages(built_site).items():
        language = language_of(address)
        found[language] += [(address, match.group(0)) for match in HEDGES[language].finditer(article_text(path))]
    for language, hedges in found.items():
        assert len(hedges) <= MOST_HEDGES, (language, hedges)


def test_no_page_says_no_source_gives_more_than_once_and_the_answer_pages_never(built_site):
    said = {}
    for address, path in pages(built_site).items():
        count = len(NO_SOURCE.findall(article_text(path)))
        said[address] = count
        assert count <= 1, (address, count)
        if address in NEVER_ON:
            assert count == 0, address
    assert set(NEVER_ON) <= set(said)  # the pages named are pages of the site


def _missions() -> list[dict]:
    return plainyaml.read(ROOT / "data" / "missions.yaml")["missions"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_current_mission_says_what_canadian_police_do_there_or_once_that_no_source_does(built_site, language):
    texts = plainyaml.shared(ROOT / "data" / "interface.yaml")["text"]
    lead = texts["mission.roles_lead.now"][language]
    checked = 0
    for address, path in pages(built_site).items():
        if not address.startswith(("countries/", "fr/pays/")) or language_of(address) != language:
            continue
        document = parse(path.read_text(encoding="utf-8"))
        missing = document.find_all(data_missing=True)
        for mission in (m for m in _missions() if is_current(m)):
            sections = document.find_all("section", data_mission=mission["id"])
            if not sections:
                continue
            [section] = sections
            checked += 1
            roles = section.find_all(data_roles=True)
            if mission.get("roles"):
                assert roles and plain(roles[0].text).strip() == lead, (address, mission["id"])
                for role in mission["roles"]:
                    assert role[language] in section.text, (address, role[language])
            else:  # said once, for the page, never in the mission's own facts
                assert not roles, (address, mission["id"])
                assert len(missing) == 1, (address, mission["id"])
                said = plain(missing[0].text)
                assert texts["missing.roles"][language] in said or texts["missing.roles_after"][language] in said, said
    assert checked == sum(1 for m in _missions() if is_current(m))


def test_no_mission_section_carries_a_sentence_of_what_it_lacks(built_site):
    """What a mission lacks is said at most once, for the whole page, outside every mission's section."""
    for address, path in pages(built_site).items():
        if not address.startswith(("countries/", "fr/pays/")):
            continue
        document = parse(path.read_text(encoding="utf-8"))
        for section in document.find_all("section", data_mission=True):
            assert not NO_SOURCE.search(section.text), (address, section.attrs["data-mission"])
            assert not section.find_all(data_missing=True)
        assert len(document.find_all(data_missing=True)) <= 1, address


@pytest.mark.build
def test_a_missing_field_produces_no_sentence(workspace, tmp_path):
    """MONUSCO without its language and armed (small data of the test's own): its country page shows
    neither field and no sentence about them; without its roles too, one sentence for the page names
    the roles, and only them."""
    path = workspace / "data" / "missions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: monusco\n")
    end = text.index("\n  - id:", start + 1)
    entry = text[start:end]
    lacking = re.sub(r"\n    language: \w+", "", re.sub(r"\n    armed: \w+", "", entry))
    edit(path, entry, lacking)
    site = tmp_path / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stderr
    texts = plainyaml.read(workspace / "data" / "interface.yaml")["text"]
    for address, language in (("countries/democratic-republic-of-the-congo", "en"), ("fr/pays/republique-democratique-du-congo", "fr")):
        page_text = article_text(site / address / "index.html")
        assert texts["mission.language"][language] not in page_text and texts["mission.armed"][language] not in page_text
        assert not NO_SOURCE.search(page_text), (address, page_text)

    roles = lacking[lacking.index("\n    roles:"):lacking.index("\n    mandate:")]
    edit(path, roles, "")
    site = tmp_path / "site2"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stderr
    for address, language in (("countries/democratic-republic-of-the-congo", "en"), ("fr/pays/republique-democratique-du-congo", "fr")):
        page_text = article_text(site / address / "index.html")
        assert len(NO_SOURCE.findall(page_text)) == 1, page_text
        sentence = plain(parse((site / address / "index.html").read_text(encoding="utf-8")).find(data_missing=True).text)
        assert texts["missing.roles"][language] in sentence, sentence
        for other in ("missing.numbers", "missing.deployed"):
            assert texts[other][language] not in sentence


# --- Notes a reader can tell apart (issue 29, item 7) ------------------------------------------------
NOTE = re.compile(r'<li id="pk-note-\d+" data-note="([^"]+)">(.*?)<a class="pk-note-back"', re.S)
YEAR = re.compile(r"\b(19|20)\d\d\b")


def _notes(path: Path) -> list[tuple[str, str, str]]:
    """Each note of a page: its source's key, its HTML and its text."""
    import html

    return [(key, body, re.sub(r"\s+", " ", html.unescape(HTML_TAG.sub("", body))).strip())
            for key, body in NOTE.findall(path.read_text(encoding="utf-8"))]


def test_every_note_shows_its_date_and_no_two_notes_of_a_page_read_the_same(built_site):
    texts = plainyaml.shared(ROOT / "data" / "interface.yaml")["text"]
    checked = 0
    for address, path in pages(built_site).items():
        notes = _notes(path)
        said = [text for _, _, text in notes]
        assert len(said) == len(set(said)), (address, [t for t in said if said.count(t) > 1])
        for key, _, text in notes:
            assert YEAR.search(text) or texts["date.not_stated"][language_of(address)] in text, (address, key, text)
            checked += 1
    assert checked > 100


def test_a_gone_page_links_its_archived_copy_or_says_none_was_found(built_site):
    sources = {s["key"]: s for s in plainyaml.read(ROOT / "data" / "sources.yaml")["sources"]}
    texts = plainyaml.shared(ROOT / "data" / "interface.yaml")["text"]
    gone = 0
    for address, path in pages(built_site).items():
        for key, body, text in _notes(path):
            if sources[key].get("gone") in (True, "yes"):
                gone += 1
                if sources[key].get("archived"):
                    assert "<a href=" in body, (address, key)
                else:
                    assert "<a href=" not in body.split("data-source")[0] and plain(texts["source.gone"][language_of(address)]) in plain(text), (address, text)
    assert gone


def test_a_note_mark_never_touches_an_address(built_site):
    for address, path in pages(built_site).items():
        html = path.read_text(encoding="utf-8")
        glued = re.findall(r'href="mailto:[^"]*">[^<]*</a><sup class="pk-note-mark', html)
        assert not glued, (address, glued)
