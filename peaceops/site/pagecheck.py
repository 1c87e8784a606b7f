"""Check every written page of both languages as the build would show it, without building.

Why: a misspelt name in a page or an unclosed ``{{`` used to pass ``check`` and stop the build later
with the engine's noise, counted from the wrong line and naming no language. Here each page is
rendered with the real data (the build then reuses the result), its links to other pages are
followed, and every mistake becomes one placed, plain line (``templateproblems.py``). Whether each
page has its translation is checked with the routes (``routes.py``).
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

import jinja2

from peaceops.languages import LANGUAGES
from peaceops.source.messages import message
from peaceops.source.pagesource import PageSource, read_page, split
from peaceops.source.fieldtypes import scheme
from peaceops.source.problems import Problem
from peaceops.languages import LANGUAGE_ROOT
from peaceops.pages.routes import page_path
from peaceops.pages.routes import Routes
from peaceops.site.templateproblems import PageError, PageUndefined, suggestion, syntax_problem

# An inline Markdown link or image: [text](target "title"), and a reference definition: [id]: target
_INLINE_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)  # not a footnote [^1]:
# Code: a fenced block or an inline `span`, where [text](target) is an example, not a link.
_CODE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


class Renderer(Protocol):
    """What the check needs of the site: its pages and the rendering of one (``Site``, one layer up,
    is one; it is named here so that this module need not import it)."""

    root: Path
    routes: Routes

    def written_pages(self, language: str) -> list[PageSource]: ...

    def render(self, page: PageSource) -> object: ...

    def render_page(
        self, markdown: str, language: str, path: str, meta: dict[str, Any] | None = None, *,
        set_aside: bool = True, page: PageSource | None = None,
    ) -> object: ...


def check_pages(site: Renderer) -> list[Problem]:
    """Every mistake in the written pages: template code, then links."""
    problems: list[Problem] = []
    for language in LANGUAGES:
        sources = set(site.routes.sources[page_id][language] for page_id in site.routes.sources if language in site.routes.sources[page_id])
        for page in site.written_pages(language):
            try:
                site.render(page)
            except PageError as error:
                problems += [error.problem] + _more_mistakes(site, page, error.problem)
            problems += link_problems(page, sources, site.root / "content" / language)
            problems += markup_problems(page)
    return problems


# What a page's own text may not hold (issue 22): HTML that runs a script or loads something (a
# script, a frame, an object, an image, a style sheet; the site's own pictures come from macros),
# an event attribute (onclick=...), an image from another site, and a link that is not to a page,
# an https:, http: or mailto: address.
_RAW_MARKUP = re.compile(
    r"<\s*(?:script|iframe|frame|object|embed|img|picture|video|audio|source|link|style|form|base|meta|svg|math)\b"
    r"|\son[a-z]+\s*=",
    re.IGNORECASE,
)
LINK_SCHEMES = ("https", "http", "mailto")


def markup_problems(page: PageSource) -> list[Problem]:
    """A problem for each piece of the page's own text that would run or load something (above)."""
    problems = []
    text = _CODE.sub(lambda code: re.sub(r"[^\n]", " ", code.group(0)), page.body)

    def add(index: int, key: str, **values: str) -> None:
        line = page.body_line + text.count("\n", 0, index)
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        problems.append(Problem(page.display, line, column, message(key, **values)))

    for found in _RAW_MARKUP.finditer(text):
        add(found.start() + len(found.group(0)) - len(found.group(0).lstrip()), "page_markup", found=found.group(0).strip())
    for pattern in (_INLINE_LINK, _REFERENCE):
        for found in pattern.finditer(text):
            target = found.group(1)
            kind = scheme(target)
            if found.group(0).startswith("!") and (kind is not None or target.startswith("//")):
                add(found.start(1), "page_image_elsewhere", target=target)
            elif kind is not None and kind not in LINK_SCHEMES:
                add(found.start(1), "page_link_scheme", target=target, scheme=kind)
    return problems


def _more_mistakes(site: Renderer, page: PageSource, first: Problem, limit: int = 20) -> list[Problem]:
    """The page's other mistakes: Jinja stops at the first, so the ``{{ … }}`` on each faulty line is
    set aside (the line kept, empty) and the page rendered again, until it renders or nothing is left
    to set aside. Only lines with ``{{ … }}`` are emptied: emptying a ``{% … %}`` would unbalance the
    page's blocks and report mistakes the editor did not make."""
    found: list[Problem] = []
    problem, body = first, page.body
    path = LANGUAGE_ROOT[page.language] + page_path(page.source)
    for _ in range(limit):
        index = problem.line - page.body_line
        lines = body.split("\n")
        if problem.path != page.display or not 0 <= index < len(lines) or "{{" not in lines[index] or "{%" in lines[index]:
            break
        lines[index] = re.sub(r"\{\{.*?\}\}", "", lines[index])
        if lines[index].count("{{"):  # an unclosed {{: nothing sensible to set aside
            break
        body = "\n".join(lines)
        try:
            site.render_page(body, page.language, path, dict(page.meta), page=replace(page, body=body))
            break
        except PageError as error:
            problem = error.problem
            if problem in found or problem == first:
                break
            found.append(problem)
    return found


def link_problems(page: PageSource, sources: set[str], folder: Path) -> list[Problem]:
    """A problem for each link in the page's own text to a page or file that does not exist."""
    problems = []
    here = posixpath.dirname(page.source)
    # Code is blanked out (same length, so places stay right) before links are looked for.
    text = _CODE.sub(lambda code: re.sub(r"[^\n]", " ", code.group(0)), page.body)
    for pattern in (_INLINE_LINK, _REFERENCE):
        for found in pattern.finditer(text):
            target = found.group(1)
            if _EXTERNAL.match(target) or target.startswith("#") or "{{" in target or "{%" in target:
                continue
            line = page.body_line + text.count("\n", 0, found.start(1))
            column = found.start(1) - (text.rfind("\n", 0, found.start(1)) + 1) + 1
            if target.startswith("/"):
                example = next(iter(sorted(sources)), "index.md")
                problems.append(Problem(page.display, line, column, message("link_absolute", target=target, example=example)))
                continue
            path = posixpath.normpath(posixpath.join(here, target.split("#", 1)[0].split("?", 1)[0]))
            if path in sources or (not path.startswith("..") and (folder / path).is_file()):
                continue
            relative = sorted(posixpath.relpath(source, here or ".") for source in sources)
            display_folder = f"content/{page.language}/"
            problems.append(Problem(page.display, line, column, message(
                "link_not_found", target=target, folder=display_folder, suggestion=suggestion(target, relative),
            )))
    return problems


def unreadable_pages(root: Path) -> list[Problem]:
    """Template code that cannot even be read, in every written page (needs no data)."""
    environment = jinja2.Environment(undefined=PageUndefined, trim_blocks=True, lstrip_blocks=True)
    problems = []
    for language in LANGUAGES:
        folder = root / "content" / language
        for path in sorted(folder.rglob("*.md")):
            try:
                text = read_page(path)
            except UnicodeDecodeError:
                continue  # reported with the front matter
            _, body, body_line = split(text)
            page = PageSource(language, path.relative_to(folder).as_posix(), path.relative_to(root).as_posix(), {}, body, body_line)
            try:
                environment.parse(body)
            except jinja2.TemplateSyntaxError as error:
                problems.append(syntax_problem(error, page, environment))
    return problems
