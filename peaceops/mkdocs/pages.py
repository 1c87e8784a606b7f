"""MkDocs' events for the site's pages: data, generated pages, macros, language links, dates, furniture.

Why: MkDocs calls hooks in ``hooks/``, which cannot import each other and are loaded once per
process; ``hooks/peaceops_pages.py`` only re-exports these functions. They hand MkDocs' events to
the core (``peaceops.site``), turn its errors into MkDocs build errors (one line per problem), and
put what the templates show around each page where Material's templates read it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from peaceops.languages import LANGUAGE_ROOT, LANGUAGES, is_default
from peaceops.mkdocs import enginemessages, focus
from peaceops.mkdocs.sidebars import hide_lone_sidebars
from peaceops.outputs import feed, findable, identity, metadata, security, sitemap, stylesheets
from peaceops.outputs.furniture import furniture, toggle
from peaceops.outputs.printlinks import add_print_addresses
from peaceops.outputs.search_index import mark_for_search, separate_cells
from peaceops.outputs.tables import prepare_tables
from peaceops.pages import wayfinding
from peaceops.pages.addresses import FEED_FILE, absolute, feed_path, site_root
from peaceops.pages.routes import relative_url
from peaceops.pages.typography import french_html
from peaceops.site.site import RenderedPage, Site
from peaceops.site.templatecache import template_cache
from peaceops.site.templateproblems import PageError
from peaceops.source.problems import DataError
from peaceops.source.publisher import is_official
from peaceops.source.reference import is_past, keep_callers_epoch, reference_date

_sites: dict[str, Site] = {}
_stylesheet: dict[str, str] = {}  # by language: the merged stylesheet's name (on_files)
_set_aside: dict[str, RenderedPage] = {}  # by page, from on_page_markdown to on_page_content
_open_data_pages: set[str] = set()  # pages that call open_data_list(): their JSON-LD has the Dataset


def site_of(config: MkDocsConfig) -> Site:
    """The site this build's ``on_config`` loaded and checked: every other hook of the build uses it,
    rather than asking ``Site.load`` again (which hashes every input file to know it is current)."""
    return _sites[config.theme["language"]]


class _EditorsWording(logging.Filter):
    """MkDocs' warnings about a page's links, reworded and placed as `check` words its problems."""

    language = "en"
    root = Path()

    def filter(self, record: logging.LogRecord) -> bool:
        translated = enginemessages.translate(record.getMessage(), self.language, self.root)
        if translated is not None:
            record.msg, record.args = translated, ()
        return True


_wording = _EditorsWording()
logging.getLogger("mkdocs.structure.pages").addFilter(_wording)


_outdated: dict[str, str | None] = {}  # by language: the out-of-date notice, or None while the data is due


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Read the data on every build (not at import), so that `mkdocs serve` sees each edit.
    root = Path(config.config_file_path).parent
    _wording.language, _wording.root = config.theme["language"], root
    try:
        site = Site.load(root, pages_checked=not focus.quick())  # quick preview: its pages as built
    except DataError as error:
        raise PluginError("The data has problems; the site was not built:\n" + str(error)) from None
    _sites[config.theme["language"]] = site
    # Issue 10: the out-of-date notice once review_by has passed, by SOURCE_DATE_EPOCH (as the caller
    # set it) or the last commit's date, never the clock; kept before SOURCE_DATE_EPOCH is set below.
    keep_callers_epoch()
    review, fmt = site.dataset.review, site.localizer(config.theme["language"])
    _outdated[config.theme["language"]] = (
        fmt.t("notice.outdated", date=fmt.long_day(review.as_of))
        if is_past(review.review_by, reference_date(root))
        else None
    )
    config.site_name = for_material(site.dataset.program.name[config.theme["language"]])
    config.nav = _nav_for_material(wayfinding.with_country_section(config.nav or [], site, config.theme["language"]))
    config.theme["logo"] = site.publisher.logo
    # Page dates and the sitemap's gzip header come from the data, never the clock: same input, same bytes.
    os.environ["SOURCE_DATE_EPOCH"] = str(site.source_date_epoch())
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # MkDocs never reads a front matter of ours: it gets each page's body, and the page's values come
    # from the core in on_page_markdown (YAML 1.1 would read NO as False; see peaceops/source/pagesource.py).
    site = site_of(config)
    language = config.theme["language"]
    for file in files.documentation_pages():
        file.content_string = site.page(language, file.src_uri).engine_text()
    for source, page in site.generated_pages(language).items():
        files.append(File.generated(config, source, content=page.engine_text()))
    # Our stylesheets (extra_css) served as one file: theme/main.html links it, Material none of them.
    parts = []
    for path in config.extra_css:
        stylesheet = files.get_file_from_path(path)
        if stylesheet is None:
            raise PluginError(f"mkdocs.yml: the stylesheet {path} in extra_css is not in theme/")
        parts.append((path, stylesheet.content_bytes))
        files.remove(stylesheet)
    name, css = stylesheets.merge(parts)
    files.append(File.generated(config, name, content=css))
    _stylesheet[config.theme["language"]] = name
    config.extra_css = []
    # The federal symbols only in an official build: an independent one does not even carry the files.
    if not is_official(site.publisher):
        for file in [f for f in files if f.src_uri.startswith(identity.SYMBOLS)]:
            files.remove(file)
    # The link previews' cards of this build's identity only: each names its own publisher.
    own_cards = {metadata.social_card(site, code) for code in LANGUAGES}
    for file in [f for f in files if f.src_uri.startswith(metadata.SOCIAL_CARDS) and f.src_uri not in own_cards]:
        files.remove(file)
    # Material's script bundle, search worker and Lunr files are never loaded (theme/main.html).
    for file in [f for f in files if f.src_uri.startswith("assets/javascripts/")]:
        files.remove(file)
    focus.focus_files(files, LANGUAGE_ROOT[language])  # the preview's quick rebuild: see focus.py
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # The preview's quick rebuild renders a few pages; the others still appear in their menus.
    if focus.quick():
        site, language = site_of(config), config.theme["language"]
        for file in files.documentation_pages():
            if file.page is not None and not file.is_modified():
                meta = site.page(language, file.src_uri).meta
                focus.outline_page(file.page, {name: for_material(value) for name, value in meta.items()})
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = config.theme["language"]
    site = site_of(config)
    source = site.page(language, page.file.src_uri)
    page.meta = {name: for_material(value) for name, value in source.meta.items()}
    try:
        rendered = site.render(source)  # made once: `check` rendered the written pages already
    except PageError as error:
        raise PluginError(str(error.problem)) from None
    _set_aside[page.file.src_uri] = rendered
    if "open_data_list(" in markdown:
        _open_data_pages.add(page.file.src_uri)
    else:
        _open_data_pages.discard(page.file.src_uri)
    return rendered.markdown


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # What the templates show around the page's content, as one value (see on_env for the 404 page).
    # MkDocs' TemplateContext type names only MkDocs' own keys; the templates see every key.
    site, language = site_of(config), config.theme["language"]
    values = cast(dict[str, Any], context)
    offers_open_data = page.file.src_uri in _open_data_pages
    page.meta["pk_outdated"] = for_material(_outdated.get(language))
    hide_lone_sidebars(page)
    # Our furniture reads the values as typed (it escapes what it writes), not Material's escaped copies.
    meta = site_of(config).page(language, page.file.src_uri).meta
    title = page.title.unescape() if isinstance(page.title, Markup) else page.title or ""
    values["pk_page"] = furniture(site, meta["page_id"], language, meta, title, _root(config), offers_open_data)
    return context


def for_material(value: Any) -> Any:
    """A text for Material's templates, HTML-escaped once. MkDocs renders them without autoescape, and
    Material writes the site's name, a page's title and description (which come from the data) into
    attributes and <meta> tags as they are: a name with a double quote in it wrote an attribute of
    its own. Markup escapes once: Material's own ``| e`` leaves it as it is, ``striptags`` unescapes it."""
    return escape(value) if isinstance(value, str) else value


def _nav_for_material(nav: list[Any]) -> list[Any]:
    """The menu with every title escaped for Material (country names come from the data)."""
    entries: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict):
            entries.append({for_material(title): _nav_value(value) for title, value in entry.items()})
        else:
            entries.append(entry)
    return entries


def _nav_value(value: Any) -> Any:
    return _nav_for_material(value) if isinstance(value, list) else value


def _root(config: MkDocsConfig) -> str:
    """The whole site's address (the French build's site_url ends in fr/)."""
    return site_root(config.site_url or "/", config.theme["language"])


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # What the templates that have no page need (404.html, sitemap.xml), and the footer of every page.
    site = site_of(config)
    language = config.theme["language"]
    # Material's templates and ours, compiled once and kept across builds (peaceops/site/templatecache.py).
    env.bytecode_cache = template_cache(site.root)
    root = _root(config)
    fmt = site.localizer(language)
    publisher = site.publisher.publisher
    # One sitemap for both languages, at the site root: the French build renders it empty, and
    # MkDocs writes no file for an empty template.
    # (The preview's quick rebuild leaves the sitemap to the whole build that follows it.)
    env.globals["pk_sitemap"] = sitemap.sitemap_xml(site, root) if is_default(language) and not focus.quick() else ""
    env.globals["pk_footer"] = lambda page: wayfinding.footer_links(site, language, _here(page, language), root)
    env.globals["pk_publisher"] = wayfinding.Link(fmt.text(publisher.name), publisher.url[language])
    env.globals["pk_identity"] = identity.identity(site, language)
    env.globals["pk_text"] = lambda key, **values: escape(fmt.t(key, **values))  # no autoescape in MkDocs
    env.globals["pk_stylesheet"] = _stylesheet[language]
    env.globals["pk_csp"] = security.CONTENT_SECURITY_POLICY
    # The search bundle (peaceops/mkdocs/search_index.py) is at the site root, shared by both languages.
    env.globals["pk_search_bundle"] = relative_url("pagefind/", LANGUAGE_ROOT[language] or "")
    # Issue 14: every page's head links the feed of its language, for feed readers given any address.
    feed_link = {"lang": language, "title": fmt.t("feed.title"), "href": absolute(root, feed_path(language))}
    env.globals["pk_feed"] = feed_link
    home_links = wayfinding.home_links(site, language, root)
    env.globals["pk_notfound"] = wayfinding.not_found_texts(site, language, root)
    other_home = next(link for link in home_links if link.lang)
    # The 404 page has no page: no furniture, and its toggle leads to the other language's home,
    # path-absolute (/fr/) like MkDocs' own links there, since it is served at any address, on any host.
    env.globals["pk_page"] = None
    env.globals["pk_notfound_toggle"] = toggle(site, language, urlsplit(other_home.href).path)
    env.globals["pk_notfound_title"] = findable.html_title(site, "notfound", language, fmt.t("notfound.title"))
    return env


def _here(page: Page | None, language: str) -> str | None:
    """The page's address within the site, or None on the 404 page, which is served at any address."""
    if not page:
        return None
    return LANGUAGE_ROOT[language] + page.url


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The macros' long outputs, set aside while Markdown converted the page, go back in first.
    html = _set_aside.pop(page.file.src_uri).restore(html)
    # Tables: each cell labelled with its column's header (for phones), hyphenated words kept whole.
    html = prepare_tables(html)
    # Full link addresses for the print stylesheet, which writes them after each link on paper.
    here = LANGUAGE_ROOT[config.theme["language"]] + page.url
    return add_print_addresses(html, absolute(_root(config), here))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Terms and values apart, headings weighted and the other language left out, for the search
    # index (see separate_cells, mark_for_search); then French typography on
    # every French page, whatever its source: data, content, Material's texts.
    language = config.theme["language"]
    output = mark_for_search(separate_cells(output), language)
    return french_html(output) if language == "fr" else output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if config.theme["language"] == "fr" and template_name.endswith(".html"):
        return french_html(output)  # the French 404 page
    return output


def on_post_build(config: MkDocsConfig) -> None:
    # The feed of each language in its own folder; robots.txt once, at the site root. Not in the
    # preview's quick rebuild: the whole build that follows writes them (focus.py).
    if focus.quick():
        return
    site = site_of(config)
    language = config.theme["language"]
    root = _root(config)
    Path(config.site_dir, FEED_FILE).write_bytes(feed.atom_feed(site, language, root))
    if is_default(language):
        Path(config.site_dir, "robots.txt").write_text(sitemap.robots_txt(root), encoding="utf-8")
