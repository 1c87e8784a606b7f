"""The whole site as the generator sees it: data, derived facts, pages, and how to render them.

Why: this is the engine-agnostic core. It knows nothing of MkDocs: given the repository, it loads and
checks the data, lists every page in both languages, writes the Markdown of generated pages and
renders any page's Jinja macros. A hook file adapts it to MkDocs; another engine would need only a
new adapter.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import jinja2
import jinja2.runtime
from markupsafe import Markup

from peaceops.outputs import chart, exports, worldmap
from peaceops.source import partners
from peaceops.source.accessibility import AccessibilityRun, load_run, ordered_checks
from peaceops.source.dataset import Dataset, load
from peaceops.facts import Facts, derive
from peaceops.site.fingerprint import fingerprint
from peaceops.pages.localize import Localizer
from peaceops.source.problems import DataError
from peaceops.source.model import LANGUAGES
from peaceops.source.publisher import PublisherFile, load_publisher
from peaceops.source.messages import message
from peaceops.source.pagesource import PageSource, split
from peaceops.source.problems import Problem
from peaceops.pages.routes import (
    LANGUAGE_ROOT, Routes, build_routes, country_page_id, front_matter, page_path, read_front_matter, relative_url,
)
from peaceops.templateproblems import PageMistake, PageUndefined, runtime_problem, suggestion, syntax_problem

MACROS_FOLDER = Path("theme") / "macros"


# Macro output at least this long (tables, the map, a country's missions) is kept out of the
# Markdown converter's way: a placeholder goes through, the HTML is put back after. Python-Markdown
# parses every raw HTML block it meets, which cost more than the rest of our rendering on big pages.
BLOCK_MIN_CHARS = 1000


@dataclass
class RenderedPage:
    """A page's Markdown with its large macro outputs set aside, and how to put them back."""

    markdown: str
    blocks: dict[str, str]

    def restore(self, html: str) -> str:
        for placeholder, block in self.blocks.items():
            html = html.replace(placeholder, block, 1)
        return html


class PageError(Exception):
    """A page's template code failed: an unknown name, a bad call, an unclosed tag; carries the
    placed problem."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# The site last loaded from each repository, with the fingerprint of the files it was made from.
_LOADED: dict[Path, tuple[str, "Site"]] = {}


@dataclass
class Site:
    root: Path
    dataset: Dataset
    facts: Facts
    routes: Routes
    # Generated pages by language, made once: other pages' sitemap entries and breadcrumbs ask for them.
    _generated: dict[str, Mapping[str, PageSource]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def load(cls, root: Path) -> "Site":
        """Load and check everything; raises ``DataError`` with every problem found.

        Unchanged files give the site already loaded: the French half of a build, and a preview
        rebuild after an edit to anything but the data, pages or macros, do not read and check the
        data again. The fingerprint is taken first, so an edit made during loading means a reload.
        """
        key = fingerprint(root)
        cached = _LOADED.get(root)
        if cached is not None and cached[0] == key:
            return cached[1]
        from peaceops.site.interface_keys import missing_interface_texts  # they import modules that import this one
        from peaceops.pagecheck import check_pages, unreadable_pages

        try:
            dataset = load(root / "data")
            facts = derive(dataset)
            routes = build_routes(root / "content", facts)
        except DataError as error:
            # The pages cannot be shown without the data, but their template code can still be read.
            raise DataError(error.problems + unreadable_pages(root)) from None
        missing = missing_interface_texts(root, dataset.interface)
        if missing:
            raise DataError(missing)
        site = cls(root, dataset, facts, routes)
        site.publisher  # checked now, so that `check` reports its problems too
        site.accessibility_run
        problems = check_pages(site)  # every written page in both languages, shown as the build would
        if problems:
            raise DataError(problems)
        _LOADED[root] = (key, site)
        return site

    # --- Pages --------------------------------------------------------------------------------
    def generated_pages(self, language: str) -> Mapping[str, PageSource]:
        """The pages made from data, by path within the language's docs folder (read-only)."""
        if language not in self._generated:
            self._generated[language] = MappingProxyType(self._make_generated_pages(language))
        return self._generated[language]

    def _make_generated_pages(self, language: str) -> dict[str, PageSource]:
        pages = {}
        for country in self.facts.countries:
            page_id = country_page_id(country.place.code)
            source = self.routes.sources[page_id][language]
            # The values stay Python values: no front matter, so no YAML reading can change them.
            meta = {
                "page_id": page_id,
                "title": country.place.name[language],
                "description": self.localizer(language).t("country.description", in_country=country.place.within[language]),
                "country": country.place.code,
                "shows": ["missions", "countries"],
            }
            # A Markdown heading (not the one Material adds) puts the title in the table of
            # contents, which is where Material's "Skip to content" link takes its target from.
            body = "# {{ page_heading }}\n\n{{ country_page(country_code) }}\n"
            pages[source] = PageSource(language, source, "", MappingProxyType(meta), body)
        return pages

    def page(self, language: str, source: str) -> PageSource:
        """A page of ``language`` by its path in the language's docs folder, made or hand-written."""
        generated = self.generated_pages(language)
        if source in generated:
            return generated[source]
        return self._written_page(language, source)

    def _written_page(self, language: str, source: str) -> PageSource:
        cache = self.__dict__.setdefault("_written", {})
        if (language, source) not in cache:
            path = self.root / "content" / language / source
            text = path.read_text(encoding="utf-8")
            front, body, body_line = split(text)
            display = path.relative_to(self.root).as_posix()
            meta = front_matter(text)
            cache[language, source] = PageSource(language, source, display, meta, body, body_line, front or "")
        return cache[language, source]

    @cached_property
    def publisher(self) -> PublisherFile:
        """Who publishes the site, and its logo (data/publisher.yaml)."""
        return load_publisher(self.root / "data", self.root / "theme")

    @cached_property
    def accessibility_run(self) -> AccessibilityRun | None:
        """The test suite's record of its last fully passing accessibility run (the statement's facts)."""
        return load_run(self.root)

    def counterpart(self, page_id: str, language: str) -> tuple[str, str]:
        """(other language, site-relative address) of the page's translation."""
        other = next(code for code in LANGUAGES if code != language)
        return other, self.routes.path(page_id, other)

    def date_modified(self, meta: dict[str, Any]) -> date:
        """The latest of the page's own date and the dates of the data it shows; never the clock."""
        dates = [_as_date(meta["date_modified"])] if meta.get("date_modified") else []
        shows = meta.get("shows") or []
        code = meta.get("country")
        if "missions" in shows:
            missions = self.facts.country(code).missions if code else self.dataset.missions
            dates += [m.updated for m in missions]
        if "program" in shows:
            dates.append(self.dataset.program.updated)
        if "contacts" in shows:
            dates.append(self.dataset.contacts.updated)
        if "partners" in shows:
            dates.append(self.dataset.partners.updated)
        if "serving" in shows:
            dates.append(self.dataset.serving.updated)
        return max(dates) if dates else self.latest_change

    @cached_property
    def latest_change(self) -> date:
        """The most recent date anything on the site changed, by the data and the pages' own dates."""
        dates = [m.updated for m in self.dataset.missions]
        dates += [self.dataset.program.updated, self.dataset.contacts.updated]
        dates += [self.dataset.partners.updated, self.dataset.serving.updated]
        for language in LANGUAGES:
            for path in (self.root / "content" / language).rglob("*.md"):
                value = read_front_matter(path).get("date_modified")
                if value:
                    dates.append(_as_date(value))
        return max(dates)

    def source_date_epoch(self) -> int:
        moment = datetime.combine(self.latest_change, datetime.min.time(), tzinfo=timezone.utc)
        return int(moment.timestamp())

    # --- Rendering ----------------------------------------------------------------------------
    @cached_property
    def environment(self) -> jinja2.Environment:
        return jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.root / MACROS_FOLDER),
            undefined=PageUndefined,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    @cached_property
    def macro_templates(self) -> list[str]:
        """The macro files, listed once per site rather than once per page."""
        return sorted(self.environment.list_templates(extensions=["html"]))

    def compiled(self, markdown: str) -> jinja2.Template:
        """A page's Markdown compiled as Jinja once: every country page has the same body."""
        cache = self.__dict__.setdefault("_compiled", {})
        if markdown not in cache:
            cache[markdown] = self.environment.from_string(markdown)
        return cache[markdown]

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

    def localizer(self, language: str) -> Localizer:
        return Localizer(language, self.dataset.interface)

    def context(
        self, language: str, path: str, meta: dict[str, Any] | None = None, blocks: dict[str, str] | None = None
    ) -> dict[str, Any]:
        """What a page's Jinja sees: the data, the facts, text and links in its language, and macros.

        With ``blocks``, a macro's long output is stored there and a placeholder returned instead."""
        fmt = self.localizer(language)
        values: dict[str, Any] = {
            "lang": language,
            "t": fmt.t,
            "fmt": fmt,
            "facts": self.facts,
            "data": self.dataset,
            "publisher": self.publisher.publisher,
            "path": path,
            "url": lambda page_id: self.routes.relative(self._known_page(page_id), language, path),
            "country_url": lambda code: self.routes.relative(self._known_page(country_page_id(code)), language, path),
            "asset": lambda name: _relative_asset(name, path),
            "country_code": (meta or {}).get("country"),
            # A generated page's heading: its title, with Markdown's own characters made plain.
            "page_heading": markdown_text(str((meta or {}).get("title", ""))),
            # Drawings and open data, made in Python (see worldmap.py, chart.py, exports.py).
            "draw_world_map": lambda: Markup(worldmap.render(self.facts, fmt, lambda code: self.routes.relative(country_page_id(code), language, path))),
            "map_countries": lambda: worldmap.marked_countries(self.facts, language),
            "map_swatch": lambda: Markup(worldmap.legend_swatch()),
            "draw_operations_chart": lambda: Markup(chart.render(self.facts, fmt)),
            "open_data_files": exports.FILES,
            "open_data_columns": [column.name for column in exports.COLUMNS],
            "partner_groups": lambda: partners.by_province(self.dataset.partners),
            "accessibility_run": self.accessibility_run,
            "accessibility_check_names": ordered_checks(self.accessibility_run) if self.accessibility_run else [],
        }
        for name in self.macro_templates:
            module = self.environment.get_template(name).make_module(values)
            for attribute in dir(module):
                if not attribute.startswith("_"):
                    value = getattr(module, attribute)
                    values[attribute] = _set_aside(value, blocks) if blocks is not None else value
        return values

    def render_page(
        self, markdown: str, language: str, path: str, meta: dict[str, Any] | None = None, *,
        set_aside: bool = True, page: PageSource | None = None,
    ) -> RenderedPage:
        """Render a page's Markdown as a Jinja template; raises ``PageError`` with the placed problem.

        With ``set_aside``, long macro outputs are replaced by placeholders, for ``RenderedPage.restore``
        once the Markdown is converted; without it, the Markdown holds everything. ``page`` names the
        file and its lines in the problem (a page of ``markdown`` alone is counted from line 1)."""
        page = page or PageSource(language, "", f"content/{language}/{path or 'index'}", meta or {}, markdown)
        blocks: dict[str, str] | None = {} if set_aside else None
        try:
            template = self.compiled(markdown)
        except jinja2.TemplateSyntaxError as error:
            raise PageError(syntax_problem(error, page, self.environment)) from None
        values = self.context(language, path, meta, blocks)
        try:
            return RenderedPage(template.render(values), blocks or {})
        except Exception as error:  # noqa: BLE001 - whatever a page's code raises becomes a placed line
            raise PageError(runtime_problem(error, page, values, self.root)) from None

    def render(self, page: PageSource) -> RenderedPage:
        """A page rendered for the engine, once per site: the check renders every written page and
        the build then reuses what the check made."""
        cache = self.__dict__.setdefault("_rendered", {})
        key = (page.language, page.source)
        if key not in cache:
            path = LANGUAGE_ROOT[page.language] + page_path(page.source)
            cache[key] = self.render_page(page.body, page.language, path, dict(page.meta), page=page)
        return cache[key]

    def written_pages(self, language: str) -> list[PageSource]:
        """The hand-written pages of ``language``, in file order."""
        generated = self.generated_pages(language)
        sources = sorted(s[language] for s in self.routes.sources.values() if language in s)
        return [self.page(language, source) for source in sources if source not in generated]


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


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))

