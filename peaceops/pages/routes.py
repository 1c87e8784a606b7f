"""Every page of the site in both languages: its id, its source file and its address.

Why: the language toggle, the hreflang links, the sitemap and the links macros write all need to
know, for any page, where its counterpart in the other language is, even though the French address
may use French words (``fr/fonctionnement/`` for ``how-it-works/``). Pages are paired by the
``page_id`` in their front matter; generated country pages get their ids from the data.
"""
from __future__ import annotations

import copy
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from peaceops.facts import Facts
from peaceops.languages import LANGUAGE_NAMES, LANGUAGE_ROOT, LANGUAGES
from peaceops.source.messages import describe, message
from peaceops.source.pagesource import read_page, split
from peaceops.source.problems import DataError, Problem
from peaceops.source.yamlsource import PositionedList, parse_text

# Where generated country pages go, inside each language's docs folder.
COUNTRY_FOLDER = {"en": "countries", "fr": "pays"}


def page_path(source: str) -> str:
    """The address, within its language, of a Markdown file: ``a/b.md`` -> ``a/b/``, ``index.md`` -> ``""``."""
    stem = source[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@dataclass
class Routes:
    """page id -> language -> (source file within the language's docs folder, site-relative address)."""

    sources: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, page_id: str, language: str, source: str) -> None:
        self.sources.setdefault(page_id, {})[language] = source

    def path(self, page_id: str, language: str) -> str:
        """Site-relative address: ``fr/fonctionnement/``."""
        return LANGUAGE_ROOT[language] + page_path(self.sources[page_id][language])

    def relative(self, page_id: str, language: str, from_path: str) -> str:
        """A link to the page from the page at site-relative ``from_path``."""
        return relative_url(self.path(page_id, language), from_path)

    def page_ids(self) -> list[str]:
        return sorted(self.sources)

    def paths(self) -> list[str]:
        """Every page's site-relative address, in every language it has (``fr/pays/haiti/``)."""
        return [self.path(page_id, language) for page_id in self.page_ids() for language in self.sources[page_id]]


@lru_cache(maxsize=65536)  # the same links from the same pages, thousands of times at 1,000 operations
def relative_url(target: str, from_path: str) -> str:
    """A relative link; a page's folder address keeps its trailing slash (``../../``), a file's does not."""
    rel = posixpath.relpath(target or ".", from_path or ".")
    if rel == ".":
        return "./"
    last = posixpath.basename(rel)
    is_file = "." in last and last not in {".", ".."}
    return rel if is_file else rel + "/"


def read_front_matter(path: Path) -> dict[str, Any]:
    return front_matter(read_page(path))


def front_matter(markdown: str) -> dict[str, Any]:
    """The front matter at the top of a page's Markdown, or {}; a copy the caller may change.

    Every value is the text the editor typed (``NO`` stays "NO", ``2026-11-29`` stays text): the
    strict reader the data files go through, not YAML 1.1 (see pagesource.py)."""
    text, _, _ = split(markdown)
    if text is None:
        return {}
    data, problems = _parse_front_matter(text)
    return copy.deepcopy(data) if isinstance(data, dict) and not problems else {}


@lru_cache(maxsize=4096)
def _parse_front_matter(text: str) -> tuple[Any, tuple[Problem, ...]]:
    """Parsed once per distinct text: routes, dates, the sitemap and breadcrumbs read the same pages
    again and again. Problems are placed within ``text`` (line 1 is the line after the first ---)."""
    data, problems = parse_text(text, "")
    return data, tuple(problems)


def build_routes(content_dir: Path, facts: Facts) -> Routes:
    """Pair the hand-written pages of every language by ``page_id`` and add the country pages.

    Raises ``DataError`` if a page has no ``page_id`` or no counterpart in the other language.
    """
    routes = Routes()
    problems = []
    unreadable: bool = False  # a page whose front matter cannot be read has no page_id to pair
    where: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        folder = content_dir / language
        for path in sorted(folder.rglob("*.md")):
            display = path.relative_to(content_dir.parent).as_posix()
            meta, found = _checked_front_matter(path, display)
            problems += found
            unreadable = unreadable or bool(found and not meta)
            if not meta:
                continue
            page_id = meta.get("page_id")
            if not page_id:
                problems.append(Problem(display, 1, 1, message("page_id_missing")))
                continue
            first = where.get(str(page_id), {}).get(language)
            if first is not None:
                # Two pages of one language with one page_id: the second would hide the first.
                text = message("duplicate_page_id", page_id=page_id, other=first)
                problems.append(Problem(display, *_place(meta, "page_id"), text))
                first_meta = read_front_matter(content_dir.parent / first)
                text = message("duplicate_page_id", page_id=page_id, other=display)
                problems.append(Problem(first, *_place(first_meta, "page_id"), text))
                unreadable = True  # the pairing would only add confusing lines
                continue
            routes.add(str(page_id), language, path.relative_to(folder).as_posix())
            where.setdefault(str(page_id), {})[language] = display
    for page_id, languages in where.items() if not unreadable else ():
        for language in LANGUAGES:
            if language not in languages:
                other = next(iter(languages.values()))
                text = message("no_counterpart", page_id=page_id, language=LANGUAGE_NAMES[language], code=language)
                problems.append(Problem(other, 1, 1, text))
    for country in facts.countries:
        for language in LANGUAGES:
            source = f"{COUNTRY_FOLDER[language]}/{country.place.slug(language)}.md"
            routes.add(country_page_id(country.place.code), language, source)
    if not problems:
        problems += _duplicate_addresses(routes)
    if problems:
        raise DataError(problems)
    return routes


SHOWS = ("missions", "program", "contacts", "countries", "partners", "serving", "people")
# date_issued (optional): the day the page was first published, Canada.ca's dcterms.issued.
DATE_FIELDS = ("date_modified", "date_issued")
# What a search result shows in full: a title of at most 60 characters (with the site's short name
# after it when both fit: peaceops/outputs/findable.py), a description of at most 150 (about 130 is best).
TITLE_MAX = 60
DESCRIPTION_MAX = 150
LENGTH_LIMITS = {"title": TITLE_MAX, "description": DESCRIPTION_MAX}


def _checked_front_matter(path: Path, display: str) -> tuple[dict[str, Any], list[Problem]]:
    """A page's front matter, or the problems that stop it being read (never a traceback)."""
    try:
        text, _, _ = split(read_page(path))
    except UnicodeDecodeError:
        return {}, [Problem(display, 1, 1, message("file_not_utf8"))]
    if text is None:
        opened = read_page(path).startswith("---")
        return {}, [Problem(display, 1, 1, message("front_matter_unclosed" if opened else "front_matter_missing"))]
    meta, found = _parse_front_matter(text)
    if found:
        # Placed as for data files; the front matter starts on the page's second line.
        return {}, [Problem(display, p.line + 1, p.column, p.message) for p in found]
    if not isinstance(meta, dict):
        return {}, [Problem(display, 2, 1, message("front_matter", problem="it is not a list of name: value lines"))]
    meta = copy.deepcopy(meta)
    problems = []
    for name in DATE_FIELDS:
        if name not in meta:
            continue
        value = meta[name]
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            problems.append(Problem(display, *_place(meta, name), message("date", field=name, got=describe(value))))
        else:
            try:
                date.fromisoformat(value)
            except ValueError:
                text = message("impossible_date", field=name, got=describe(value))
                problems.append(Problem(display, *_place(meta, name), text))
    for name, most in LENGTH_LIMITS.items():
        value = meta.get(name)
        if isinstance(value, str) and len(value) > most:
            text = message("too_long", field=name, most=most, got=len(value), over=len(value) - most)
            problems.append(Problem(display, *_place(meta, name), text))
    shows = meta.get("shows", [])
    unknown = [item for item in (shows if isinstance(shows, list) else [shows]) if item not in SHOWS]
    if unknown:
        where = _place(meta, "shows")
        if isinstance(shows, PositionedList):
            line, column = shows.lc.item(shows.index(unknown[0]))
            where = (line + 2, column + 1)
        text = message("choice", field="shows", choices=", ".join(SHOWS), got=describe(unknown[0]))
        problems.append(Problem(display, *where, text))
    return meta, problems


def _place(meta: Any, key: str) -> tuple[int, int]:
    """(line, column) in the page of the value of ``key``: the front matter starts on line 2."""
    lc = getattr(meta, "lc", None)
    if lc is None or key not in lc.values:
        return 1, 1
    line, column = lc.value(key)
    return line + 2, column + 1


def country_page_id(code: str) -> str:
    return f"country/{code}"


def _duplicate_addresses(routes: Routes) -> list[Problem]:
    problems = []
    for language in LANGUAGES:
        seen: dict[str, str] = {}
        for page_id in routes.page_ids():
            path = routes.path(page_id, language)
            if path in seen:
                text = message("duplicate_slug", language=LANGUAGE_NAMES[language], slug=path, other=seen[path])
                problems.append(Problem("data/countries.yaml", 1, 1, text))
            seen[path] = page_id
    return problems
