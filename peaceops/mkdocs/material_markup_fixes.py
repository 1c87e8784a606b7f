"""Fix the few invalid bits of markup in Material's ``base.html`` that no template block can reach.

Why a hook and not a template: the drawer and search checkboxes are written by ``base.html`` outside
any block, so the only template fix would be a full copy of ``base.html`` (260 lines to keep in step
with every Material release) to change two attributes. This replaces exactly the markup it names,
and fails the build if that markup is no longer there, so that a Material upgrade that changes it
(or fixes it) is noticed and this file updated or removed.
"""
from __future__ import annotations

import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from peaceops.mkdocs.pages import site_of
from peaceops.pages.localize import Localizer
from peaceops.source.model import Text

# Material 9.8.2 base.html, lines 99-100. `autocomplete` is not allowed on a checkbox (HTML, and the
# Nu HTML checker says so on every page). Material adds it so that Firefox does not restore the
# drawer/search toggles' checked state on reload; the cost of dropping it is that Firefox may
# reopen the menu after a reload, which the reader closes as usual.
FIXES = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
}


# Material 9.8.2 partials/nav-item.html, lines 106-107 and 118-119: the label of a menu section
# (our "By country" section) gets tabindex="" (an empty tabindex is invalid HTML; the Nu checker
# says so), because Material sets a tab stop only on labels that are not sections. Leaving the
# attribute out is what Material means: no tab stop. Only pages whose menu has a section have it.
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*" for="__nav_[\w]+" id="__nav_[\w]+_label") tabindex=""')


def fix_markup(html: str, where: str) -> str:
    for wrong, right in FIXES.items():
        if wrong not in html:
            raise PluginError(
                f"{where}: Material's markup changed ({wrong!r} not found); "
                "review peaceops/mkdocs/material_markup_fixes.py"
            )
        html = html.replace(wrong, right)
    return EMPTY_TABINDEX.sub(r"\1", html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    html = fix_markup(output, page.file.src_uri)
    # A page without a table of contents (issue 19 shows none with one entry) gets no skip link from
    # Material: it skips to the page's heading instead (WCAG 2.4.1).
    heading = FIRST_HEADING_ID.search(html)
    if heading and EMPTY_SKIP.search(html):
        skip_text = Localizer(config.theme["language"], load_interface(config)).t("notfound.skip")
        link = f'<a href="#{heading.group(1)}" class="md-skip">{escape(skip_text)}</a>'
        html = EMPTY_SKIP.sub(lambda found: found.group(1) + link + found.group(2), html, count=1)
    return html


# Material takes the skip link's target from the page's table of contents; 404.html is rendered with
# no page, so its skip div stays empty (WCAG 2.4.1). theme/404.html gives its heading this id.
EMPTY_SKIP = re.compile(r'(<div data-md-component="skip">)\s*(</div>)')
NOT_FOUND_HEADING = "pk-notfound"
FIRST_HEADING_ID = re.compile(r'<h1\b[^>]*?\sid="([A-Za-z0-9_:.-]+)"')


def add_skip_link(html: str, text: str) -> str:
    if not EMPTY_SKIP.search(html):
        raise PluginError(
            "404.html: Material's skip-link markup changed; review peaceops/mkdocs/material_markup_fixes.py"
        )
    link = f'<a href="#{NOT_FOUND_HEADING}" class="md-skip">{escape(text)}</a>'
    return EMPTY_SKIP.sub(lambda found: found.group(1) + link + found.group(2), html, count=1)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered from a template, not a page; sitemap.xml and the like have no such markup.
    if not template_name.endswith(".html"):
        return output_content
    html = fix_markup(output_content, template_name)
    if template_name == "404.html":
        skip_text = Localizer(config.theme["language"], load_interface(config)).t("notfound.skip")
        html = add_skip_link(html, skip_text)
    return html


def load_interface(config: MkDocsConfig) -> dict[str, Text]:
    """The interface text, from the site the data hook loaded for this build."""
    return site_of(config).dataset.interface
