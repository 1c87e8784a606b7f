"""Mistakes in pages get one placed, plain line each from `check`, like data mistakes (issue 13).

Each test makes one kind of mistake an editor makes in a page (English or French), then runs the
check (`python -m peaceops check`'s own main: run_check in tests/conftest.py) and compares the line
with the place of the mistake the test wrote, worked out here from the file (front matter lines
included). No line may carry Jinja's or MkDocs' own wording or a traceback.
"""
from __future__ import annotations

import pytest
from conftest import edit, run_build, run_check

NOISE = ("Traceback", "jinja2", "TemplateSyntaxError", "UndefinedError", "print statement", "PluginError", "Aborted")


def place(path, needle, offset=0):
    """1-based (line, column) of the only ``needle`` in the file, plus ``offset`` characters."""
    text = path.read_text(encoding="utf-8")
    assert text.count(needle) == 1, needle
    index = text.index(needle) + offset
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def problems(workspace) -> list[str]:
    result = run_check(workspace)
    assert result.returncode == 1, result.stdout + result.stderr
    for word in NOISE:
        assert word not in result.stdout + result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1].endswith("; nothing was built."), result.stderr
    return lines[:-1]


def only(workspace) -> str:
    found = problems(workspace)
    assert len(found) == 1, found
    return found[0]


def at(page, where) -> str:
    return f"{page.relative_to(page.parents[2]).as_posix()}:{where[0]}:{where[1]}: "


def test_unknown_name_is_placed_with_did_you_mean(workspace):
    page = workspace / "content" / "en" / "index.md"
    edit(page, "Since {{ facts.first_year }}, Canada", "Since {{ facts.first_yaer }}, Canada")
    line = only(workspace)
    assert line.startswith(at(page, place(page, "first_yaer")))
    assert 'did you mean "first_year"?' in line


def test_unknown_top_level_name(workspace):
    page = workspace / "content" / "fr" / "nous-joindre.md"
    edit(page, "{{ contact_list() }}", "{{ contact_list() }} {{ fcats.first_year }}")
    line = only(workspace)
    assert line.startswith(at(page, place(page, "fcats")))
    assert '"fcats"' in line and 'did you mean "facts"?' in line


def test_misspelt_macro(workspace):
    page = workspace / "content" / "fr" / "index.md"
    edit(page, "{{ quick_facts() }}", "{{ quick_fact() }}")
    line = only(workspace)
    assert line.startswith(at(page, place(page, "quick_fact(")))
    assert 'macro called "quick_fact"' in line and 'did you mean "quick_facts"?' in line


@pytest.mark.parametrize(
    "old, new, needle, words",
    [
        ("{{ arrangement_partners() }}", "{{ arrangement_partners() }", "{{ arrangement_partners", "closed with a single }"),
        ("{{ arrangement_partners() }}", "{{ arrangement_partners()\n", "{{ arrangement_partners", "never closed; add }}"),
        ("{{ arrangement_partners() }}", "{{ arrangement_partners( }}", "(", "bracket ( on this line is never closed"),
        ("{{ arrangement_partners() }}", "{% if lang %}\n{{ arrangement_partners() }}", "{% if", "{% if %} is never closed; add {% endif %}"),
        ("{{ arrangement_partners() }}", "{% if lang %\n{{ arrangement_partners() }}", "{% if", "{% is never closed; add %}"),
        ("{{ arrangement_partners() }}", "{% if lang %}{{ arrangement_partners() }}{% endfi %}", "endfi", 'did you mean "endif"?'),
        ("{{ arrangement_partners() }}", "{{ arrangement_partners() | uper }}", "uper", 'did you mean "upper"?'),
    ],
    ids=["single-brace", "unclosed-print", "unclosed-bracket", "unclosed-block", "unclosed-tag", "misspelt-tag", "unknown-filter"],
)
def test_template_code_that_cannot_be_read(workspace, old, new, needle, words):
    page = workspace / "content" / "en" / "how-it-works.md"
    edit(page, old, new)
    text = page.read_text(encoding="utf-8")
    start = text.index(new)
    line = text.count("\n", 0, start) + 1 + new[: new.index(needle)].count("\n")
    column = len(new[: new.index(needle)].rsplit("\n", 1)[-1]) + 1 if "\n" in new[: new.index(needle)] else start - (text.rfind("\n", 0, start) + 1) + new.index(needle) + 1
    found = only(workspace)
    assert found.startswith(at(page, (line, column))), found
    assert words in found, found


def test_data_problems_and_unreadable_pages_come_together(workspace):
    missions = workspace / "data" / "missions.yaml"
    edit(missions, "        count: 131\n", "        count: lots\n")
    page = workspace / "content" / "fr" / "fonctionnement.md"
    edit(page, "{{ arrangement_partners() }}", "{{ arrangement_partners() }")
    found = problems(workspace)
    assert [line.split(":")[0] for line in found] == ["content/fr/fonctionnement.md", "data/missions.yaml"], found


@pytest.mark.parametrize(
    "new, words",
    [
        ("{{ country_page() }}", 'the macro "country_page" needs a value for "code"; write it as country_page(code)'),
        ("{{ arrangement_partners(1) }}", 'the macro "arrangement_partners" takes no values; write it with empty brackets: arrangement_partners()'),
        ("{{ program_figure('operations', 2) }}", 'the macro "program_figure" takes at most 1 value(s)'),
        ("{{ program_figure(nam='operations') }}", 'the macro "program_figure" has no value called "nam" (did you mean "name"?)'),
        ("{{ count('missions_nw') }}", '"missions_nw" is not a value the macro "count" knows (did you mean "missions_now"?)'),
    ],
    ids=["missing-value", "no-values", "too-many", "unknown-keyword", "unknown-value"],
)
def test_wrong_macro_values(workspace, new, words):
    page = workspace / "content" / "en" / "how-it-works.md"
    edit(page, "{{ arrangement_partners() }}", new)
    macro = new[3 : new.index("(")]
    found = only(workspace)
    line, _ = place(page, new)
    assert found.startswith(f"content/en/how-it-works.md:{line}:"), found
    assert words in found, found
    column = int(found.split(":")[2])
    text = page.read_text(encoding="utf-8").splitlines()[line - 1]
    assert text[column - 1 :].startswith((macro, "'missions_nw'")), (column, text)


def test_link_to_a_page_that_does_not_exist(workspace):
    page = workspace / "content" / "en" / "how-it-works.md"
    edit(page, "(deployments.md)", "(deployment.md)")
    line = only(workspace)
    assert line.startswith(at(page, place(page, "deployment.md)")))
    assert 'the link "deployment.md" goes to a page that does not exist in content/en/' in line
    assert 'did you mean "deployments.md"?' in line


def test_absolute_link(workspace):
    page = workspace / "content" / "fr" / "index.md"
    edit(page, "(fonctionnement.md)", "(/fr/fonctionnement/)")
    line = only(workspace)
    assert line.startswith(at(page, place(page, "/fr/fonctionnement/")))
    assert "starts with /" in line


def test_link_to_an_unknown_page_id(workspace):
    page = workspace / "content" / "fr" / "fonctionnement.md"
    edit(page, "{{ arrangement_partners() }}", "{{ arrangement_partners() }} [Joindre]({{ url('contakt') }})")
    line = only(workspace)
    assert line.startswith(at(page, place(page, "{{ arrangement_partners")))
    assert 'no page has the page_id "contakt" (did you mean "contact"?)' in line


def test_page_without_its_translation(workspace):
    page = workspace / "content" / "en" / "new-page.md"
    page.write_text("---\npage_id: new-page\ntitle: New page\n---\n\n# New page\n", encoding="utf-8")
    line = only(workspace)
    assert line.startswith("content/en/new-page.md:1:1: ")
    assert 'no French counterpart in content/fr/' in line


def test_front_matter_never_closed(workspace):
    page = workspace / "content" / "en" / "privacy.md"
    text = page.read_text(encoding="utf-8")
    closing = text.index("\n---\n", 4)
    page.write_text(text[:closing] + "\n" + text[closing + 5 :], encoding="utf-8")
    found = problems(workspace)
    assert "content/en/privacy.md:1:1: the front matter that starts here is never closed" in found[0], found


def test_build_reports_the_same_lines(workspace, tmp_path):
    page = workspace / "content" / "en" / "index.md"
    edit(page, "Since {{ facts.first_year }}, Canada", "Since {{ facts.first_yaer }}, Canada")
    checked = only(workspace)
    result = run_build(workspace, tmp_path / "site")
    assert result.returncode == 1
    assert checked in result.stderr.splitlines()
    for word in NOISE:
        assert word not in result.stdout + result.stderr


def test_what_only_the_engine_finds_is_worded_and_placed_like_the_rest(workspace, tmp_path):
    # A link to a heading that does not exist on the other page: MkDocs finds it while building.
    page = workspace / "content" / "fr" / "index.md"
    edit(page, "(fonctionnement.md)", "(fonctionnement.md#nulle-part)")
    assert run_check(workspace).returncode == 0
    result = run_build(workspace, tmp_path / "site")
    assert result.returncode == 1
    line, column = place(page, "fonctionnement.md#nulle-part")
    expected = f"content/fr/index.md:{line}:{column}: the link \"fonctionnement.md#nulle-part\" goes to a part of a page"
    assert expected in result.stderr, result.stderr
    assert "Doc file" not in result.stderr and "Traceback" not in result.stderr


# --- Interface texts: the values in braces the site fills in ----------------------------------------
@pytest.mark.parametrize(
    "old, new, needle, words",
    [
        ('qualifier.about: {en: "about {n}", fr: "environ {n}"}', 'qualifier.about: {en: "about {n}", fr: "environ {nombre}"}',
         "{en:", "the English and French texts must use the same names in braces; en: has {n}, fr: has {nombre}"),
        ('qualifier.about: {en: "about {n}", fr: "environ {n}"}', 'qualifier.about: {en: "about {n", fr: "environ {n}"}',
         "{en:", "in the en: text a { or } does not pair up"),
        ('qualifier.about: {en: "about {n}", fr: "environ {n}"}', 'qualifier.about: {en: "about {nn}", fr: "environ {nn}"}',
         "qualifier.about", 'the interface text "qualifier.about" uses {nn}, which the site does not fill in there; it can use {n}'),
        # Anything but a plain name in braces: Python's attributes, items, formats and conversions.
        ('qualifier.about: {en: "about {n}", fr: "environ {n}"}', 'qualifier.about: {en: "about {n.__class__}", fr: "environ {n}"}',
         "{en:", "in the en: text, {n.__class__} is not a name the site can fill in; write a name alone between "
         "braces, with nothing else inside them; this text can use {n}"),
        ('qualifier.about: {en: "about {n}", fr: "environ {n}"}', 'qualifier.about: {en: "about {n}", fr: "environ {n:>20000000}"}',
         "{en:", "in the fr: text, {n:>20000000} is not a name the site can fill in; write a name alone between "
         "braces, with nothing else inside them; this text can use {n}"),
        ('qualifier.about: {en: "about {n}", fr: "environ {n}"}', 'qualifier.about: {en: "about {n[0]}", fr: "environ {n!r}"}',
         "{en:", "in the en: text, {n[0]} is not a name"),
        ('qualifier.about: {en: "about {n}", fr: "environ {n}"}', 'qualifier.about: {en: "about {0}", fr: "environ {0}"}',
         "{en:", "in the en: text, {0} is not a name the site can fill in; write a name alone between braces, "
         "with nothing else inside them; this text can use none"),
    ],
    ids=["languages-differ", "unpaired-brace", "name-not-filled-in", "attribute", "format", "index", "number"],
)
def test_interface_text_placeholders(workspace, old, new, needle, words):
    interface = workspace / "data" / "interface.yaml"
    edit(interface, old, new)
    found = only(workspace)
    line, column = place(interface, new)
    column += new.index(needle)
    assert found.startswith(f"data/interface.yaml:{line}:{column}: "), found
    assert words in found, found


def test_two_pages_of_one_language_with_one_page_id(workspace):
    page = workspace / "content" / "en" / "privacy.md"
    edit(page, "page_id: privacy", "page_id: terms")
    other = workspace / "content" / "en" / "terms-and-conditions.md"
    found = problems(workspace)
    assert found == [
        f'content/en/privacy.md:{place(page, "page_id: terms")[0]}:10: page_id "terms" is already used by '
        "content/en/terms-and-conditions.md; give each page of a language its own page_id (the same one as its translation)",
        f'content/en/terms-and-conditions.md:{place(other, "page_id: terms")[0]}:10: page_id "terms" is already used by '
        "content/en/privacy.md; give each page of a language its own page_id (the same one as its translation)",
    ]


def test_every_misspelt_name_in_a_page_is_reported_at_once(workspace):
    page = workspace / "content" / "en" / "index.md"
    edit(page, "{{ serving_now() }}", "{{ serving_no() }}")
    edit(page, "Since {{ facts.first_year }}, Canada", "Since {{ facts.first_yaer }}, Canada")
    edit(page, "{{ quick_facts() }}", "{{ quick_fact() }}")
    found = problems(workspace)
    assert [line.split(": ")[0] for line in found] == [
        at(page, place(page, "serving_no("))[:-2],
        at(page, place(page, "first_yaer"))[:-2],
        at(page, place(page, "quick_fact("))[:-2],
    ], found


def test_links_in_code_and_footnotes_are_not_checked_but_reference_links_are(workspace):
    page = workspace / "content" / "en" / "contact.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nWrite `[text](page.md)` for a link.\n\n```markdown\n[text](other-page.md)\n```\n\n"
        + "A note.[^1]\n\n[^1]: Not a link.\n\nSee [the deployments][dep].\n\n[dep]: deployment.md\n",
        encoding="utf-8",
    )
    line = only(workspace)
    assert line.startswith(at(page, place(page, "deployment.md\n")))
    assert 'did you mean "deployments.md"?' in line


def test_a_page_cannot_run_a_script_or_load_from_another_site(workspace):
    """Issue 22: hand-written pages are checked for what would run or make a third-party request."""
    page = workspace / "content" / "en" / "privacy.md"
    added = (
        "\n![pixel](https://tracker.example.com/p.png)\n"
        "\n<iframe src=\"https://example.com/\"></iframe>\n"
        "\n[Click](javascript:alert(1)) and [write](mailto:a@example.ca) and <a href=\"#\" onclick=\"x()\">x</a>\n"
    )
    page.write_text(page.read_text(encoding="utf-8") + added, encoding="utf-8")
    found = problems(workspace)
    assert found == [
        f"content/en/privacy.md:{place(page, 'https://tracker')[0]}:{place(page, 'https://tracker')[1]}: the image "
        "\"https://tracker.example.com/p.png\" is on another site: each reader's browser would ask that site for "
        "it; a page shows no image from another site",
        f"content/en/privacy.md:{place(page, '<iframe')[0]}:1: \"<iframe\" could run a script or load something "
        "from another site; a page holds text, headings, lists, tables, links and the macros between {{ }}, and "
        "no HTML of this kind",
        f"content/en/privacy.md:{place(page, 'javascript:')[0]}:{place(page, 'javascript:')[1]}: the link "
        "\"javascript:alert(1\" is a javascript: address; a page links to its own pages and to https:// (or "
        "http://, mailto:) addresses only",
        f"content/en/privacy.md:{place(page, ' onclick=')[0]}:{place(page, ' onclick=')[1] + 1}: \"onclick=\" could "
        "run a script or load something from another site; a page holds text, headings, lists, tables, links and "
        "the macros between {{ }}, and no HTML of this kind",
    ]
