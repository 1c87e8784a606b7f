"""The preview's problem box: its texts come from data/interface.yaml in the page's language, and
it still speaks (in English) when that very file is the broken one. The browser side is tested in
tests/browser/test_preview_banner.py."""
from __future__ import annotations

from peaceops.outputs.previewbanner import as_problem, banner_html, banner_texts, insert, page_language
from peaceops.source.problems import Problem


def test_texts_in_both_languages_from_the_interface_file(workspace):
    texts = banner_texts(workspace)
    assert texts["heading"]["fr"] == "L'aperçu ne peut pas montrer vos dernières modifications"
    assert texts["heading"]["en"] == "The preview cannot show your latest changes"


def test_a_broken_interface_file_still_gives_a_box_in_english(workspace):
    interface = workspace / "data" / "interface.yaml"
    interface.write_text(interface.read_text(encoding="utf-8") + '\n  broken: "never closed\n', encoding="utf-8")
    texts = banner_texts(workspace)
    assert set(texts["heading"]) == {"en"}
    box = banner_html([Problem("data/interface.yaml", 3, 4, "a <b> & c")], texts, "fr", kept=True)
    assert '<p lang="en"' in box  # the English fallback is marked as English on a French page
    assert "a &lt;b&gt; &amp; c" in box and "<b>" not in box


def test_the_box_goes_first_in_the_body_and_names_the_language():
    page = b'<!doctype html><html lang="fr"><head></head><body class="x"><main>Page</main></body></html>'
    assert page_language(page) == "fr"
    boxed = insert(page, '<div id="box"></div>')
    assert b'<body class="x"><div id="box"></div><main>' in boxed


def test_lines_worded_as_ours_are_read_back_as_placed_problems():
    assert as_problem("WARNING -  content/fr/index.md:3:5: the link") == Problem("content/fr/index.md", 3, 5, "the link")
    assert as_problem("Aborted with 1 warnings") == Problem("", 0, 0, "Aborted with 1 warnings")
