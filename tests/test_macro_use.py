"""Each page is rendered with only the macro files it uses, and shows exactly what it shows with all.

Why (issue 21): the macros are made into modules again for every page (they hold the page's values),
and making all sixteen files for each page was most of ``make check``. ``peaceops/site/macrouse.py``
reads which files a page needs from its compiled code; these tests hold the promise that comes with
it: the same page, byte for byte, and a mistake worded as it was.
"""
from __future__ import annotations

import pytest
from conftest import ROOT, edit

from peaceops.languages import LANGUAGE_ROOT, LANGUAGES
from peaceops.pages.routes import country_page_id, page_path
from peaceops.site.site import Site
from peaceops.source.problems import DataError


def rendered(site: Site, language: str, page) -> str:
    path = LANGUAGE_ROOT[language] + page_path(page.source)
    result = site.render_page(page.body, language, path, dict(page.meta), page=page)
    return result.restore(result.markdown)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_the_same_with_only_the_macro_files_it_uses(language, monkeypatch) -> None:
    site = Site.load(ROOT)
    pages = [*site.written_pages(language), *site.generated_pages(language).values()]
    assert len(pages) > 20
    with_some = {page.source: rendered(site, language, page) for page in pages}
    used = {page.source: site.macro_files_for(site.compiled(page.body)) for page in pages}
    assert all(files is not None for files in used.values())
    assert all(len(files) < len(site.macro_templates) for files in used.values()), used
    monkeypatch.setattr(site, "macro_files_for", lambda template: None)  # every macro file, as before
    for page in pages:
        assert rendered(site, language, page) == with_some[page.source], page.source


def test_the_home_page_is_made_without_the_macro_files_of_other_pages() -> None:
    site = Site.load(ROOT)
    home = site.page("en", site.routes.sources["home"]["en"])
    used = site.macro_files_for(site.compiled(home.body))
    assert used is not None and "home.html" in used
    assert not {"open_data.html", "partners.html", "accessibility.html", "contact.html"} & set(used)


def test_a_misspelt_macro_is_still_named_with_the_macro_it_resembles(workspace) -> None:
    # The page is rendered again with every macro file before its problem is worded, so the
    # suggestion can come from any of them.
    page = workspace / "content" / "en" / "contact.md"
    text = page.read_text(encoding="utf-8")
    call = next(line for line in text.splitlines() if "{{" in line)
    name = call.split("{{", 1)[1].split("(", 1)[0].strip()
    edit(page, call, call.replace(name, name[:-1], 1))  # contact_list() written contact_lis()
    with pytest.raises(DataError) as raised:
        Site.load(workspace)
    words = " ".join(problem.message for problem in raised.value.problems)
    assert f'(did you mean "{name}"?)' in words, words


def test_a_country_page_needs_the_country_macros() -> None:
    site = Site.load(ROOT)
    code = site.dataset.missions[0].country
    page = site.page("fr", site.routes.sources[country_page_id(code)]["fr"])
    used = site.macro_files_for(site.compiled(page.body))
    assert used is not None and "country.html" in used and "home.html" not in used
