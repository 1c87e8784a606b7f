"""The search index: one per language, only page content, the same bytes for the same pages.

Why: Pagefind (peaceops/outputs/search_index.py) decides what the search can find. A 404 page or the header
indexed would flood results; a French page in the English index would send readers to the wrong
language; and a build that differs from run to run hides what an edit changed.
"""
from __future__ import annotations

import json
import random
import re
import shutil

import pytest

from peaceops.outputs.search_index import (
    _FURNITURE,
    _TAGGED_LANGUAGE,
    _may_hold_furniture,
    _substituted,
    _tagged_language,
    build_search_index,
    mark_for_search,
)


@pytest.mark.build
def test_one_index_per_language_with_every_content_page(built_site):
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = {"en": [p for p in built_site.rglob("index.html") if not p.relative_to(built_site).as_posix().startswith("fr/")],
             "fr": list((built_site / "fr").rglob("index.html"))}
    assert sorted(entry["languages"]) == ["en", "fr"]
    for language, found in pages.items():
        assert entry["languages"][language]["page_count"] == len(found), language  # 404 pages not indexed
    assert list(entry["languages"]) == sorted(entry["languages"])
    assert not list((built_site / "pagefind").glob("pagefind-*ui*")), "Pagefind's unused interfaces are published"


@pytest.mark.build
def test_indexing_the_same_pages_twice_gives_the_same_bytes(built_site, tmp_path):
    runs = []
    for name in ("one", "two", "three"):
        site = tmp_path / name
        shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
        output = build_search_index(site)
        runs.append({p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()})
    assert runs[0] == runs[1] == runs[2]


def test_touching_terms_values_and_cells_are_set_apart_and_nothing_else():
    from peaceops.outputs.search_index import separate_cells

    html = "<dl><dt>Led by</dt><dd>United Nations</dd><dt>Since</dt><dd>2004</dd></dl><tr><th>A</th><td>1</td></tr><li>x</li><li>y</li>"
    assert separate_cells(html) == (
        "<dl><dt>Led by</dt>\n<dd>United Nations</dd>\n<dt>Since</dt>\n<dd>2004</dd></dl><tr><th>A</th>\n<td>1</td></tr><li>x</li><li>y</li>"
    )


def test_headings_weigh_more_and_the_other_language_stays_out_of_the_index():
    html = (
        '<html lang="en"><h1 id="t">Serving</h1><h2>Who</h2><h3 data-pagefind-weight="2">Kept</h3><h4>Body</h4>'
        '<p>Text <cite lang="fr">La GRC</cite> <span lang="en-CA">here</span> <a hreflang="fr" href="x">x</a></p></html>'
    )
    assert mark_for_search(html, "en") == (
        '<html lang="en"><h1 data-pagefind-weight="10" id="t">Serving</h1><h2 data-pagefind-weight="7">Who</h2>'
        '<h3 data-pagefind-weight="2">Kept</h3><h4>Body</h4>'
        '<p>Text <cite lang="fr" data-pagefind-ignore>La GRC</cite> <span lang="en-CA">here</span> <a hreflang="fr" href="x">x</a></p></html>'
    )
    assert 'lang="en" data-pagefind-ignore' in mark_for_search('<p lang="en">Police</p>', "fr")
    furniture = '<p class="pk-map__legend">How to read</p><span class="pk-none" title="x">-</span><p class="pk-map__legendary">Kept</p>'
    assert mark_for_search(furniture, "en") == (
        '<p class="pk-map__legend" data-pagefind-ignore>How to read</p><span class="pk-none" title="x" data-pagefind-ignore>-</span>'
        '<p class="pk-map__legendary">Kept</p>'
    )


@pytest.mark.build
def test_every_page_weighs_its_title_and_indexes_its_own_language_only(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        language = "fr" if path.relative_to(built_site).parts[0] == "fr" else "en"
        if "data-pagefind-body" not in html:  # the 404 pages, not indexed
            continue
        body = html.split("data-pagefind-body", 1)[1]
        assert '<h1 data-pagefind-weight="10"' in body, path
        foreign = [t for t in re.findall(r'<[a-z]+\b[^<>]*\slang="[a-z-]+"[^<>]*>', body) if f'lang="{language}' not in t]
        assert all("data-pagefind-ignore" in tag for tag in foreign), (path, foreign[:3])


# Issue 21: the other-language and furniture tags are looked for only where they can be (at a
# lang="...", on a page with a furniture class) instead of over the whole page. Random fragments
# over the pieces those patterns read must give what the whole-page searches give.
PIECES = [
    "<", ">", "/", '"', " ", "\n", "\t", "\u00a0", "\u2003", "=", "a", "div", "span", "html", "h1", "x", "é", "-", "_",
    "lang", 'lang="', 'lang="en"', 'lang="fr-CA"', ' lang="fr"', "hreflang", "xml:", "data-", 'lang="e n"',
    "class", 'class="', ' class="', "pk-none", "pk-map__legend", "pk-map__key-heading", "data-pk-none", "data-pagefind-ignore",
    "<div", "<span", "<html", "<h1", '">', "/>", ' lang="en">', ' lang="fr"/>', ' class="pk-none">', ' class="a pk-none b"',
]


def _fragments(count: int, seed: int = 21):
    """The same fragments on every run (a fixed seed), so that a failure can be run again."""
    chooser = random.Random(seed)  # noqa: S311 - test data, not a secret
    for _ in range(count):
        yield "".join(chooser.choice(PIECES) for _ in range(chooser.randint(1, 30)))


def test_tags_in_another_language_are_found_as_a_search_of_the_whole_page_finds_them():
    found = 0
    for html in _fragments(60_000):
        expected = [(m.span(), m.groups()) for m in _TAGGED_LANGUAGE.finditer(html)]
        assert [(m.span(), m.groups()) for m in _tagged_language(html)] == expected, repr(html)
        found += len(expected)
    assert found > 10_000  # the fragments do hold such tags


def test_a_page_said_to_hold_no_furniture_holds_none():
    skipped = held = 0
    for html in _fragments(60_000):
        if not _may_hold_furniture(html):
            assert _FURNITURE.search(html) is None, repr(html)
            skipped += 1
        elif _FURNITURE.search(html):
            held += 1
    assert skipped > 10_000 and held > 5_000  # both kinds of fragment were tried


def test_replacing_the_matches_found_is_what_re_sub_does():
    for html in _fragments(20_000):
        assert _substituted(html, _TAGGED_LANGUAGE.finditer(html), lambda m: f"[{m.group(1)}]") == _TAGGED_LANGUAGE.sub(
            lambda m: f"[{m.group(1)}]", html
        ), repr(html)
