"""Page budgets: every page of the real site downloads no more than its budget, the home page
loads only what every page needs, nothing blocks the first paint without a written reason, and
every image has its size.

Why: the public reads this site on phones over slow connections. Bytes are counted as a static host
serves them (gzip), by benchmarks/page_weight.py, against benchmarks/page_budgets.yaml, which says
how each budget was set. Time is measured by `make benchmark`, never here.
"""
from __future__ import annotations

import re
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT))  # benchmarks/ is not an installed package
import plainyaml

from benchmarks.page_weight import all_pages, loads, page_label, page_weight, parse

BUDGETS = plainyaml.read(ROOT / "benchmarks" / "page_budgets.yaml")
HOME_PAGES = ("/", "fr/")
KIB = 1024


def budget_for(label: str) -> int:
    if label in HOME_PAGES:
        return BUDGETS["home"]
    return BUDGETS["overrides"].get(label, BUDGETS["pages"])


@pytest.mark.build
def test_every_page_is_within_its_budget(built_site):
    over, missing = [], []
    for page in all_pages(built_site):
        weight = page_weight(built_site, page)
        missing += [f"{weight.page} loads {url}, which is not in the site" for url in weight.missing]
        if weight.total > budget_for(weight.page) * KIB:
            heaviest = sorted(weight.by_file.items(), key=lambda item: -item[1])[:4]
            detail = ", ".join(f"{url} {size / KIB:.1f}" for url, size in heaviest)
            over.append(f"{weight.page}: {weight.total / KIB:.1f} KiB > {budget_for(weight.page)} KiB ({detail})")
    assert not missing, "\n".join(missing)
    assert not over, "pages over budget (benchmarks/page_budgets.yaml):\n" + "\n".join(over)


def test_the_home_budget_is_the_smallest():
    assert BUDGETS["home"] <= BUDGETS["pages"]
    assert all(BUDGETS["home"] <= value for value in BUDGETS["overrides"].values())


@pytest.mark.build
def test_the_home_pages_load_only_what_every_page_loads(built_site):
    """Anything page-specific (a map, a chart, a library) belongs on its page, not the home page."""
    for home, french in (("index.html", False), ("fr/index.html", True)):
        pages = [
            page for page in all_pages(built_site)
            if page.name == "index.html" and page != built_site / home
            and page.relative_to(built_site).as_posix().startswith("fr/") == french
        ]
        assert len(pages) > 3
        shared = set.intersection(*({r.url for r in loads(built_site, p)[1][1:]} for p in pages))
        extra = {r.url for r in loads(built_site, built_site / home)[1][1:]} - shared
        assert not extra, f"{home} loads what other pages do not: {sorted(extra)}"


@pytest.mark.build
def test_nothing_blocks_the_first_paint_without_a_reason(built_site):
    allowed = [re.compile(rule["pattern"]) for rule in BUDGETS["render_blocking_allowed"]]
    unexplained = set()
    for page in all_pages(built_site):
        for resource in loads(built_site, page)[1]:
            if resource.blocking and not any(rule.search(resource.url) for rule in allowed):
                unexplained.add(f"{page_label(built_site, page)}: {resource.kind} {resource.url}")
    assert not unexplained, (
        "render-blocking files with no reason in benchmarks/page_budgets.yaml (add defer/async, "
        "media=print, or the reason):\n" + "\n".join(sorted(unexplained))
    )


@pytest.mark.build
def test_no_script_in_head_blocks_the_first_paint(built_site):
    for page in all_pages(built_site):
        blocking = [r.url for r in loads(built_site, page)[1] if r.kind == "script" and r.blocking]
        assert not blocking, f"{page_label(built_site, page)}: scripts in <head> without defer or async: {blocking}"


@pytest.mark.build
def test_every_image_has_its_width_and_height(built_site):
    """Without them the browser cannot reserve the space, and the page jumps as images arrive."""
    unsized = set()
    for page in all_pages(built_site):
        for image in parse(page.read_text(encoding="utf-8")).images:
            if not (image.get("width") and image.get("height")):
                unsized.add(f"{page_label(built_site, page)}: <img src={image.get('src')!r}>")
    assert not unsized, "images without width and height:\n" + "\n".join(sorted(unsized))


@pytest.mark.build
def test_our_stylesheets_are_one_file_and_no_script_bundle_or_search_index_loads(built_site):
    """Issue 11: one request for our styles; Material's bundle and search index are not fetched on load."""
    for page in all_pages(built_site):
        urls = [r.url for r in loads(built_site, page)[1]]
        ours = [url for url in urls if re.search(r"assets/site\.[0-9a-f]{8}\.css$", url)]
        assert len(ours) == 1, f"{page_label(built_site, page)} loads {ours}"
        unwanted = [url for url in urls if re.search(r"bundle\.|search_index|/workers/|pagefind|lunr", url)]
        assert not unwanted, f"{page_label(built_site, page)} loads {unwanted} on arrival"


def test_the_home_budget_is_the_issue_limit():
    """Issue 11 asks for a first visit to the home page of at most 50 KB gzipped."""
    assert BUDGETS["home"] * KIB <= 50_000


def test_the_checks_see_what_they_look_for():
    """The parser behind these tests finds a blocking script, a deferred one, a stylesheet and an unsized image."""
    page = parse(
        '<html><head><script src="a.js"></script><script src="b.js" defer></script>'
        '<link rel="stylesheet" href="c.css"><link rel="stylesheet" media="print" href="p.css"></head>'
        '<body><img src="d.png"><img src="e.png" width="4" height="3"><script src="f.js"></script></body></html>'
    )
    blocking = {r.url for r in page.resources if r.blocking}
    assert blocking == {"a.js", "c.css"}
    assert [i["src"] for i in page.images if not (i.get("width") and i.get("height"))] == ["d.png"]
