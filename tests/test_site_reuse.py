"""Site.load reuses the site it loaded only while the files it was made from are unchanged.

Why: the French build and preview rebuilds reuse the loaded site to save the slowest step of a
build; a stale reuse would publish old data, so an edit to data, pages or macros must reload.
"""
from __future__ import annotations

from peaceops.site.site import Site
from peaceops.source.problems import DataError


def test_unchanged_files_give_the_same_site(workspace):
    assert Site.load(workspace) is Site.load(workspace)


def test_an_edit_to_the_data_reloads_it(workspace):
    first = Site.load(workspace)
    missions = workspace / "data" / "missions.yaml"
    text = missions.read_text(encoding="utf-8")
    old = first.dataset.missions[0].mandate.en
    missions.write_text(text.replace(old, old + " Edited.", 1), encoding="utf-8")
    second = Site.load(workspace)
    assert second is not first
    assert second.dataset.missions[0].mandate.en == old + " Edited."


def test_a_new_macro_file_reloads_it(workspace):
    first = Site.load(workspace)
    (workspace / "theme" / "macros" / "extra.html").write_text("{% macro extra() %}x{% endmacro %}\n")
    assert Site.load(workspace) is not first


def test_an_edit_to_a_theme_partial_reloads_it(workspace):
    # Partials ask for interface texts, which the load checks: a stale check would hide a mistake.
    Site.load(workspace)
    footer = workspace / "theme" / "partials" / "footer.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "{{ pk_text('footer.no_such_text') }}\n", encoding="utf-8")
    try:
        Site.load(workspace)
    except DataError as error:
        assert [p.path for p in error.problems] == ["theme/partials/footer.html"]
    else:
        raise AssertionError("the edited partial was not checked again")


def test_an_edit_to_a_theme_template_or_stylesheet_reloads_it(workspace):
    first = Site.load(workspace)
    (workspace / "theme" / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    second = Site.load(workspace)
    assert second is not first
    (workspace / "theme" / "assets" / "site.css").write_text("/* edited */\n", encoding="utf-8")
    assert Site.load(workspace) is not second


def test_an_edit_to_the_configuration_reloads_it(workspace):
    first = Site.load(workspace)
    config = workspace / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert Site.load(workspace) is not first


def test_an_edit_elsewhere_keeps_it(workspace):
    first = Site.load(workspace)
    (workspace / "README.md").write_text("edited\n", encoding="utf-8")
    (workspace / "site").mkdir()
    (workspace / "site" / "index.html").write_text("<p>built</p>\n", encoding="utf-8")
    assert Site.load(workspace) is first
