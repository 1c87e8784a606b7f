"""The whole site as the generator sees it: loaded, checked, and able to render any page's macros.

Why: this is the top of the engine-agnostic core. ``Site.load`` reads and checks everything once
(and gives the same site again while no input file changed); ``render`` renders a page's Jinja with
our macros, keeping long macro output out of the Markdown text (``RenderedPage``) for the engine's
converter to pass by. An engine adapter (``peaceops.mkdocs``) hands it pages; another engine would
need only a new adapter. Nothing below (``Website`` and the layers under it) imports this.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import jinja2.runtime
from markupsafe import Markup

from peaceops.facts import derive
from peaceops.languages import LANGUAGE_ROOT, LANGUAGES
from peaceops.outputs import chart, exports, womenchart, worldmap
from peaceops.pages import periods
from peaceops.pages.inert import html_text
from peaceops.pages.routes import build_routes, country_page_id, page_path, relative_url
from peaceops.pages.website import Website
from peaceops.site.fingerprint import fingerprint
from peaceops.site.interface_keys import missing_interface_texts
from peaceops.site.macrouse import files_needed
from peaceops.site.notes import Notes
from peaceops.site.pagecheck import check_pages, unreadable_pages
from peaceops.site.pagecontext import PageContext
from peaceops.site.templatecache import compile_page, template_cache
from peaceops.site.templateproblems import (
    PageError,
    PageMistake,
    PageUndefined,
    runtime_problem,
    suggestion,
    syntax_problem,
)
from peaceops.source import partners
from peaceops.source.accessibility import ordered_checks
from peaceops.source.dataset import load
from peaceops.source.messages import message
from peaceops.source.pagesource import PageSource
from peaceops.source.problems import DataError
from peaceops.source.publisher import REPOSITORY_VARIABLE, repository_address
from peaceops.source.reference import reference_date

MACROS_FOLDER = Path("theme") / "macros"
# Names every page's context needs whatever the page calls: its list of source notes (_notes_at_foot).
ALWAYS_USED = ("notes_list",)


# Macro output at least this long (tables, the map, a country's missions) is kept out of the
# Markdown converter's way: a placeholder (an HTML comment, which any Markdown converter passes
# through) goes into the page's Markdown, and the engine adapter puts the HTML back after conversion.
# Python-Markdown parses every raw HTML block it meets, which cost more than the rest of our
# rendering on big pages.
BLOCK_MIN_CHARS = 1000


@dataclass
class RenderedPage:
    """A page's Markdown with its large macro outputs set aside, and how to put them back."""

    markdown: str
    blocks: dict[str, str]

    def restore(self, html: str) -> str:
        """The converted page (or the Markdown itself) with every block back in its place."""
        for placeholder, block in self.blocks.items():
            html = html.replace(placeholder, block, 1)
        return html


# The site last loaded from each repository, with the fingerprint of the files it was made from.
_LOADED: dict[Path, tuple[str, Site]] = {}
# The macros' environment of each repository, and its pages' bodies compiled (the latest few hundred).
_ENVIRONMENTS: dict[Path, jinja2.Environment] = {}
_PAGE_TEMPLATES: dict[Path, jinja2.utils.LRUCache] = {}
PAGE_TEMPLATES_KEPT = 400


def _environment(root: Path) -> jinja2.Environment:
    if root not in _ENVIRONMENTS:
        _ENVIRONMENTS[root] = jinja2.Environment(
            loader=jinja2.FileSystemLoader(root / MACROS_FOLDER),
            undefined=PageUndefined,
            autoescape=True,
            # Every value a page prints goes into its Markdown: HTML-escaped, and inert as Markdown too
            # (peaceops/pages/inert.py); macros' own output is already HTML and passes as it is.
            finalize=html_text,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=template_cache(root),
        )
        # A template's plain calls made at once (peaceops/site/pagecontext.py).
        _ENVIRONMENTS[root].context_class = PageContext
    return _ENVIRONMENTS[root]


class Site(Website):
    @classmethod
    def load(cls, root: Path, *, pages_checked: bool = True, kept: bool = True) -> Site:
        """Load and check everything; raises ``DataError`` with every problem found.

        Unchanged files give the site already loaded: the French half of a build, and a preview
        rebuild after an edit to anything but the inputs, do not read and check the data again.
        The fingerprint is taken first, so an edit made during loading means a reload. Without
        ``kept`` (a command that loads the site once and ends: ``check``), the site is neither
        looked for among those loaded nor kept, so no fingerprint is taken (hashing every input
        was about 5 ms of the check's CPU, for a site no one would ask for again).

        Without ``pages_checked``, the written pages are not all rendered first: the preview's quick
        rebuild (``peaceops/mkdocs/focus.py``) renders only the pages shown, and the whole build
        behind it loads the same site again with its pages checked.
        """
        # The repository's address comes from the build's environment, not a file (source/publisher.py).
        repository_setting = os.environ.get(REPOSITORY_VARIABLE, "")
        # The reference date too (issue 34: the home page's line around National Peacekeepers' Day).
        key = f"{fingerprint(root)}\0{repository_setting}|{reference_date(root)}" if kept else ""
        cached = _LOADED.get(root) if kept else None
        if cached is not None and cached[0] == key:
            site = cached[1]
            if pages_checked and not site.pages_checked:
                site.check_written_pages()
            return site
        # Macro files are found again through the bytecode cache, which compares their content (a
        # file's date, which Jinja compares, can stay the same after a quick edit).
        _environment(root).cache.clear()  # type: ignore[union-attr]
        try:
            repository = repository_address(repository_setting)
            dataset = load(root / "data")
            facts = derive(dataset)
            routes = build_routes(root / "content", facts)
        except DataError as error:
            # The pages cannot be shown without the data, but their template code can still be read.
            raise DataError(error.problems + unreadable_pages(root)) from None
        missing = missing_interface_texts(root, dataset.interface)
        if missing:
            raise DataError(missing)
        site = cls(root, dataset, facts, routes, repository)
        site.publisher  # checked now, so that `check` reports its problems too
        site.accessibility_run
        site.build_day  # taken now, before a build changes SOURCE_DATE_EPOCH for the engine
        if pages_checked:
            site.check_written_pages()
        if kept:
            _LOADED[root] = (key, site)
        return site

    pages_checked = False

    @cached_property
    def build_day(self) -> date | None:
        """The build's reference date (peaceops/source/reference.py: SOURCE_DATE_EPOCH, else the last
        commit's day), never the clock: what the home page's National Peacekeepers' Day line is shown by."""
        return reference_date(self.root)

    def check_written_pages(self) -> None:
        """Every written page in both languages, rendered as the build would show it (the build then
        reuses the renders); raises ``DataError`` with every mistake in them."""
        problems = check_pages(self)
        if problems:
            raise DataError(problems)
        self.pages_checked = True

    # --- Rendering ----------------------------------------------------------------------------
    @property
    def environment(self) -> jinja2.Environment:
        """The macros' Jinja environment, one per repository for the process: a reloaded site (the
        preview after an edit) keeps the compiled templates; an edited macro file is compiled again
        (Jinja checks each file's date, the bytecode cache its content)."""
        return _environment(self.root)

    @cached_property
    def macro_templates(self) -> list[str]:
        """The macro files, listed once per site rather than once per page."""
        return sorted(self.environment.list_templates(extensions=["html"]))

    def compiled(self, markdown: str) -> jinja2.Template:
        """A page's Markdown compiled as Jinja once: every country page has the same body, and an
        unchanged page is not compiled again when the site is reloaded."""
        cache = _PAGE_TEMPLATES.setdefault(self.root, jinja2.utils.LRUCache(PAGE_TEMPLATES_KEPT))
        template: jinja2.Template | None = cache.get(markdown)
        if template is None:
            template = cache[markdown] = compile_page(self.environment, markdown)
        return template

    def _known_page(self, page_id: str) -> str:
        """``page_id`` if a page has it; otherwise a placed, worded mistake for the page that asked."""
        if page_id in self.routes.sources:
            return page_id
        prefix = country_page_id("")
        if str(page_id).startswith(prefix):
            codes = [known[len(prefix):] for known in self.routes.sources if known.startswith(prefix)]
            code = str(page_id)[len(prefix):]
            raise PageMistake(message("unknown_country_code", code=code, suggestion=suggestion(code, codes)))
        ids = [known for known in self.routes.sources if not known.startswith(prefix)]
        raise PageMistake(message("unknown_page_id", page_id=page_id, suggestion=suggestion(str(page_id), ids)))

    def context(
        self, language: str, path: str, meta: dict[str, Any] | None = None, blocks: dict[str, str] | None = None,
        macro_files: list[str] | None = None,
    ) -> dict[str, Any]:
        """What a page's Jinja sees: the data, the facts, text and links in its language, and macros.

        With ``blocks``, a macro's long output is stored there and a placeholder returned instead.
        ``macro_files`` are the macro files made into modules for the page (by default all of them)."""
        fmt = self.localizer(language)
        values: dict[str, Any] = {
            "lang": language,
            "t": fmt.t,
            "fmt": fmt,
            "facts": self.facts,
            "data": self.dataset,
            # The page's source notes, numbered as the macros cite them (theme/macros/notes.html).
            "notes": Notes(),
            "publisher": self.publisher.publisher,
            # Who publishes this build and where its readers report a problem (source/publisher.py).
            "site_publisher": self.site_publisher,
            "path": path,
            "url": lambda page_id: self.routes.relative(self._known_page(page_id), language, path),
            "country_url": lambda code: self.routes.relative(self._known_page(country_page_id(code)), language, path),
            "asset": lambda name: _relative_asset(name, path),
            "country_code": (meta or {}).get("country"),
            # A generated page's heading: its title, with Markdown's own characters made plain.
            "page_heading": markdown_text(str((meta or {}).get("title", ""))),
            # Drawings and open data, made in Python (see worldmap.py, chart.py, exports.py).
            "draw_world_map": lambda: Markup(worldmap.render(self.facts, fmt, lambda code: self.routes.relative(country_page_id(code), language, path))),
            "map_countries": lambda: worldmap.marked_countries(self.facts, fmt),
            "map_swatch": lambda: Markup(worldmap.legend_swatch()),
            "draw_operations_chart": lambda: Markup(chart.render(self.facts, fmt)),
            # When Canadian police served in a mission, in words (peaceops/pages/periods.py).
            "served": lambda mission: periods.lines(fmt, self.facts, mission),
            "served_years": lambda mission: periods.years(fmt, self.facts, mission),
            "served_since": lambda mission: periods.since(fmt, self.facts, mission),
            "suspended_since": lambda mission: periods.suspension(fmt, self.facts, mission),
            "suspended_sentence": lambda mission: periods.suspension_sentence(fmt, self.facts, mission),
            "dates_unpublished": lambda mission: periods.unpublished(self.facts, mission),
            "draw_women_chart": lambda: Markup(womenchart.render(self.dataset.people, fmt)),
            "build_day": self.build_day,
            "open_data_files": exports.FILES,
            "open_data_columns": [column.name for column in exports.COLUMNS],
            "open_data_technical": exports.TECHNICAL,
            "partner_groups": lambda: partners.by_province(self.dataset.partners),
            "accessibility_run": self.accessibility_run,
            "accessibility_check_names": ordered_checks(self.accessibility_run) if self.accessibility_run else [],
        }
        for name in self.macro_templates if macro_files is None else macro_files:
            for attribute, value in self._macros(name, values):
                values[attribute] = _set_aside(value, blocks) if blocks is not None else value
        return values

    def _macros(self, name: str, values: dict[str, Any]) -> list[tuple[str, Any]]:
        """The macros (and other public names) of the macro file ``name``, made with ``values``."""
        module = self.environment.get_template(name).make_module(values)
        return [(attribute, getattr(module, attribute)) for attribute in dir(module) if not attribute.startswith("_")]

    @cached_property
    def macro_exports(self) -> dict[str, str]:
        """Which macro file defines each name a page can call (the first, in the order they are made)."""
        values = self.context(LANGUAGES[0], "", macro_files=[])  # made as a page's would be
        exported: dict[str, str] = {}
        for name in self.macro_templates:
            for attribute, value in self._macros(name, values):
                exported.setdefault(attribute, name)
                values[attribute] = value
        return exported

    def macro_files_for(self, template: jinja2.Template) -> list[str]:
        """The macro files the page ``template`` needs, in the order they are made (``macrouse.py``);
        worked out once per template: every country page is the same template."""
        known: dict[jinja2.Template, list[str]] = self.__dict__.setdefault("_macro_files", {})
        if template not in known:
            needed = files_needed(template, ALWAYS_USED, self.macro_exports, self.environment.get_template)
            known[template] = [name for name in self.macro_templates if name in needed]
        return known[template]

    def render_page(
        self, markdown: str, language: str, path: str, meta: dict[str, Any] | None = None, *,
        set_aside: bool = True, page: PageSource | None = None,
    ) -> RenderedPage:
        """Render a page's Markdown as a Jinja template; raises ``PageError`` with the placed problem.

        With ``set_aside``, long macro outputs are replaced by placeholders, for ``RenderedPage.restore``
        once the Markdown is converted; without it, the Markdown holds everything. ``page`` names the
        file and its lines in the problem (a page of ``markdown`` alone is counted from line 1)."""
        page = page or PageSource(language, "", f"content/{language}/{path or 'index'}", meta or {}, markdown)
        try:
            template = self.compiled(markdown)
        except jinja2.TemplateSyntaxError as error:
            raise PageError(syntax_problem(error, page, self.environment)) from None
        macro_files: list[str] | None = self.macro_files_for(template)
        while True:
            blocks: dict[str, str] | None = {} if set_aside else None
            values = self.context(language, path, meta, blocks, macro_files)
            try:
                markdown = template.render(values)
                return RenderedPage(markdown + _notes_at_foot(values, blocks), blocks or {})
            except Exception as error:  # noqa: BLE001 - whatever a page's code raises becomes a placed line
                if macro_files is not None:
                    macro_files = None  # again with every macro file, as the problem's wording expects
                    continue
                raise PageError(runtime_problem(error, page, values, self.root)) from None

    def render(self, page: PageSource) -> RenderedPage:
        """A page rendered for the engine, once per site: the check renders every written page and
        the build then reuses what the check made."""
        cache: dict[tuple[str, str], RenderedPage] = self.__dict__.setdefault("_rendered", {})
        key = (page.language, page.source)
        if key not in cache:
            path = LANGUAGE_ROOT[page.language] + page_path(page.source)
            cache[key] = self.render_page(page.body, page.language, path, dict(page.meta), page=page)
        return cache[key]



def _notes_at_foot(values: dict[str, Any], blocks: dict[str, str] | None) -> str:
    """The page's numbered list of the sources it cited, for the end of its Markdown; nothing when it
    cited none. Always set aside (when setting aside), so that Markdown never reads the list."""
    if not values["notes"]:
        return ""
    macro = values["notes_list"]
    html = str(getattr(macro, "__wrapped_macro__", macro)())
    if blocks is None:
        return "\n\n" + html
    placeholder = f"<!--pk-block-{len(blocks)}-->"
    blocks[placeholder] = html
    return "\n\n" + placeholder + "\n"


def _set_aside(value: Any, blocks: dict[str, str]) -> Any:
    """Wrap a macro so that its long output is stored in ``blocks`` behind an HTML comment."""
    if not isinstance(value, jinja2.runtime.Macro):
        return value

    def call(*args: Any, **kwargs: Any) -> Any:
        html = value(*args, **kwargs)
        if len(html) < BLOCK_MIN_CHARS:
            return html
        placeholder = f"<!--pk-block-{len(blocks)}-->"
        blocks[placeholder] = str(html)
        return Markup(placeholder)

    call.__wrapped_macro__ = value  # type: ignore[attr-defined]  # for messages: its name and values
    return call


def markdown_text(text: str) -> Markup:
    """``text`` as Markdown that shows exactly those characters (a name with * or _ stays as is):
    HTML's own characters as entities, Markdown's escaped with a backslash."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return Markup("".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in text))


# The characters Python-Markdown lets a backslash escape (markdown.Markdown.ESCAPED_CHARS).
_MARKDOWN_SPECIAL = set("\\`*_{}[]()>#+-.!")


def _relative_asset(name: str, path: str) -> str:
    return relative_url(name, path).rstrip("/")

