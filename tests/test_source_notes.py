"""Issue 19: sources as notes. A figure shows its number and its date; its source is a note mark that
leads to the page's numbered list of sources at its foot, never a "(…; source: …)" run in the text.

Checked on every built page of both languages: no source link and no "source:" label outside the
list; every mark leads to a note of the same page and every note back to a mark; notes numbered
1, 2, 3 in the order first cited; one note per source; the marks' spoken names and the list's
heading in the page's language (from data/interface.yaml, read here, not from the package).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import plainyaml
import pytest
from conftest import ROOT, edit, run_build
from htmltree import Element, parse


def interface(key: str, language: str) -> str:
    return interface_texts()[key][language]


@cache
def interface_texts() -> dict:
    return plainyaml.read(ROOT / "data" / "interface.yaml")["text"]


def source_keys() -> set[str]:
    data = plainyaml.read(ROOT / "data" / "sources.yaml")
    return {source["key"] for source in data["sources"]}


def content_pages(site: Path) -> list[tuple[Path, Element, str]]:
    """Every built page with content (the 404 pages have none), its tree and its language."""
    found = []
    for path in sorted(site.rglob("index.html")):
        document = parse(path.read_text(encoding="utf-8"))
        language = document.find("html").attrs["lang"][:2]
        bodies = document.find_all("div", data_pagefind_body=True)
        if bodies:
            found.append((path, bodies[0], language))
    return found


def notes_section(body: Element) -> Element | None:
    sections = [s for s in body.find_all("section") if "pk-notes" in s.attrs.get("class", "").split()]
    assert len(sections) <= 1
    return sections[0] if sections else None


def inside(element: Element, container: Element | None) -> bool:
    return container is not None and (element is container or container in element.ancestors())


# The visible words of a citation run, as the site wrote them before issue 19 in both languages.
CITATION_WORDS = re.compile(r"\(\s*[^()]*;\s*source\s*:|\bsource\s*:|\bsources consulté|sources consulted", re.IGNORECASE)


def test_no_page_cites_a_source_inside_its_text(built_site):
    """0 inline citations: every link to a source, and every source's title, is in the list of notes."""
    pages = content_pages(built_site)
    assert len(pages) > 40
    for path, body, _ in pages:
        notes = notes_section(body)
        for link in body.find_all("a", data_source=True):
            assert inside(link, notes), (path.relative_to(built_site), link.text)
        text = " ".join(
            child if isinstance(child, str) else ""
            for element in body.iter() if not inside(element, notes)
            for child in element.children
        )
        found = CITATION_WORDS.search(text)
        assert not found, (path.relative_to(built_site), text[max(0, found.start() - 80):found.end() + 40])


def test_every_mark_leads_to_a_note_and_every_note_back_to_its_first_mark(built_site):
    keys = source_keys()
    marked_pages = 0
    for path, body, language in content_pages(built_site):
        marks = body.find_all("a", data_cites=True)
        notes = notes_section(body)
        if not marks:
            assert notes is None, path.relative_to(built_site)
            continue
        marked_pages += 1
        where = path.relative_to(built_site)
        assert notes is not None, where
        items = [li for li in notes.find_all("li") if "data-note" in li.attrs]
        by_id = {li.attrs["id"]: li for li in items}
        # Numbered 1, 2, 3 in the order first cited; one note per source; each a source in the data.
        first_seen: list[str] = []
        for mark in marks:
            if mark.attrs["data-cites"] not in first_seen:
                first_seen.append(mark.attrs["data-cites"])
        assert [li.attrs["data-note"] for li in items] == first_seen, where
        assert len(set(first_seen)) == len(first_seen) and set(first_seen) <= keys, where
        assert notes.find("ol") is not None
        # Every mark: its number, its spoken name in the page's language, the note of its source.
        ids = set()
        for mark in marks:
            number = first_seen.index(mark.attrs["data-cites"]) + 1
            assert mark.text_with_notes == str(number), where
            assert mark.attrs["aria-label"] == interface("notes.mark", language).format(n=number), where
            assert mark.attrs["href"] == f"#pk-note-{number}", where
            assert by_id[f"pk-note-{number}"].attrs["data-note"] == mark.attrs["data-cites"], where
            assert mark.attrs["id"] not in ids, (where, mark.attrs["id"])
            ids.add(mark.attrs["id"])
        # Every note: its source (a link, but for a page that is gone without an archived copy:
        # test_every_note_marks_language_gone_and_repost_as_its_record_says), and a link back to the
        # first mark that cites it.
        for number, item in enumerate(items, 1):
            source = list(item.find_all(data_source=True))
            assert len(source) == 1 and source[0].attrs["data-source"] == item.attrs["data-note"], where
            back = [a for a in item.find_all("a") if "pk-note-back" in a.attrs.get("class", "")]
            first_mark = next(m for m in marks if m.attrs["data-cites"] == item.attrs["data-note"])
            assert [a.attrs["href"] for a in back] == ["#" + first_mark.attrs["id"]], where
            assert back[0].attrs["aria-label"] == interface("notes.back", language).format(n=number), where
        # The list's heading, in the page's language.
        heading = notes.find("h2")
        assert heading.text == interface("notes.heading", language), where
    assert marked_pages > 30


@pytest.mark.parametrize("address", ["countries/haiti/", "fr/pays/haiti/"])
def test_a_generated_country_page_ends_with_its_notes(built_site, address):
    path = built_site / address / "index.html"
    body = parse(path.read_text(encoding="utf-8")).find("div", data_pagefind_body=True)
    notes = notes_section(body)
    assert notes is not None and notes.find_all("li", data_note=True)
    # Nothing of the page's own content comes after the list.
    after = False
    for element in body.iter():
        if element is notes:
            after = True
        elif after and not inside(element, notes) and element.tag in {"p", "table", "section", "h2", "ul"}:
            pytest.fail(f"{address}: <{element.tag}> after the list of sources")


def test_the_marks_and_the_notes_are_left_out_of_the_search_index(built_site):
    for path, body, _ in content_pages(built_site):
        notes = notes_section(body)
        if notes is not None:
            assert "data-pagefind-ignore" in notes.attrs, path
        for mark in body.find_all("a", data_cites=True):
            assert "data-pagefind-ignore" in mark.parent.attrs, path


# --- Issue 18: what a note says of its source (language, gone, repost), on every page -------------
# Expectations come from data/sources.yaml and data/interface.yaml, read here. The hosts of the
# Government of Canada and of Parliament, whose pages exist in both official languages, are written
# out here too rather than taken from the package, so that the test is a second opinion.
FEDERAL_HOSTS = ("gc.ca", "canada.ca", "rcmp.ca", "grc.ca", "parl.ca", "ourcommons.ca", "noscommunes.ca")


def is_federal(address: str) -> bool:
    host = address.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    return any(host == suffix or host.endswith("." + suffix) for suffix in FEDERAL_HOSTS)


def sources_of(root: Path) -> dict[str, dict]:
    data = plainyaml.read(root / "data" / "sources.yaml")
    return {source["key"]: source for source in data["sources"]}


def says_other_language_only(source: dict, language: str) -> bool:
    """A page in ``language`` says the source is in the other language only when it has no address in
    that language, except a federal English page whose record has no no_french: (federal institutions
    publish in both languages; no_french: says the French page was looked for and not found)."""
    if language in source["address"]:
        return False
    if language == "fr" and is_federal(source["address"]["en"]):
        return "no_french" in source
    return True


def plain(text: str) -> str:
    """Spaces as a reader sees them: French no-break spaces as plain ones."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def check_every_note(site: Path, sources: dict[str, dict]) -> dict[str, int]:
    """Every note on every page says what its record says; how many notes showed each case."""
    seen = dict.fromkeys(
        ("marked", "federal_unmarked", "gone_archived", "gone_plain", "archived", "repost", "other_title"), 0
    )
    for path, body, language in content_pages(site):
        notes = notes_section(body)
        if notes is None:
            continue
        where = path.relative_to(site)
        for item in notes.find_all("li", data_note=True):
            source = sources[item.attrs["data-note"]]
            shown = language if language in source["address"] else next(iter(source["address"]))
            archived = (source.get("archived") or {}).get(shown)
            gone = source.get("gone") in (True, "yes")
            text = plain(item.text)
            [element] = item.find_all(data_source=True)
            # The other language only: said exactly when the record allows it.
            other_only = plain(interface("notes.other_language", language)) in text
            assert other_only == says_other_language_only(source, language), (where, source["key"], text)
            if other_only:
                seen["marked"] += 1
            elif language not in source["address"]:
                seen["federal_unmarked"] += 1
            # Gone: its archived copy linked and said so, or its title as plain text and "no longer online";
            # never the dead address.
            hrefs = [a.attrs.get("href") for a in item.find_all("a")]
            if archived:
                assert element.tag == "a" and element.attrs["href"] == archived, (where, source["key"])
                assert plain(interface("notes.archived", language)) in text, (where, source["key"], text)
                seen["gone_archived" if gone else "archived"] += 1
            elif gone:
                assert element.tag != "a" and source["address"][shown] not in hrefs, (where, source["key"])
                assert plain(interface("source.gone", language)) in text, (where, source["key"], text)
                seen["gone_plain"] += 1
            else:
                assert element.tag == "a" and element.attrs["href"] == source["address"][shown], (where, source["key"])
                assert plain(interface("source.gone", language)) not in text, (where, source["key"], text)
            # A repost: marked, in the page's language.
            reposted = plain(interface("source.repost", language)) in text
            assert reposted == ("repost" in source), (where, source["key"], text)
            seen["repost"] += reposted
            # A title in the other language carries its lang (read out in its own language).
            title = source["title"][shown]
            assert title in element.text, (where, source["key"])
            if shown != language:
                tagged = [e for e in element.iter() if e.attrs.get("lang") == shown and title in e.text]
                assert tagged, (where, source["key"], "title without lang")
                seen["other_title"] += 1
    return seen


def test_every_note_marks_language_gone_and_repost_as_its_record_says(built_site):
    seen = check_every_note(built_site, sources_of(ROOT))
    # Each case is on the real site (the data has no_french:, gone: with and without archived:, repost:).
    for case in ("marked", "gone_archived", "gone_plain", "repost", "other_title"):
        assert seen[case] > 0, (case, seen)


def test_a_federal_source_without_no_french_is_not_marked_english_only(workspace, tmp_path):
    """The French pages' notes for a federal English page whose record has no no_french: say nothing
    of its language (its French page should exist); make check warns of the record instead."""
    sources = workspace / "data" / "sources.yaml"
    edit(
        sources,
        '    no_french: "The French page (by the site\'s pattern, pks-gsp-day-jour-fra.htm) was not seen in the '
        'stored pages: add it once read."\n',
        "",
    )
    site = tmp_path / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stdout + result.stderr
    seen = check_every_note(site, sources_of(workspace))
    assert seen["federal_unmarked"] > 0, seen
    day = notes_section(parse((site / "fr" / "journee-gardiens-de-la-paix" / "index.html").read_text(encoding="utf-8")))
    item = day.find("li", data_note="rcmp-po-mp-peacekeepers-day")
    assert plain(interface("notes.other_language", "fr")) not in plain(item.text)
    assert item.find("span", lang="en").text == "National Peacekeepers' Day"
