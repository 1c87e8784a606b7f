"""The site as pages: the data, the facts and every page of both languages, with their dates.

Why: the sitemap, the feeds, the breadcrumb and the page metadata speak of pages other than the one
being built (its translation, its parent, the terms page), so they need each page's facts without
any page having been rendered. ``Website`` holds exactly that: what was loaded and checked, the
pages made from the data, and each page's front matter and date. Loading (with its checks and
cache) and rendering macros are ``peaceops.site``'s, one layer up; everything here takes a
``Website``, so nothing below the assembly depends on it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from peaceops.facts import Facts
from peaceops.languages import LANGUAGES, other
from peaceops.pages.localize import Localizer
from peaceops.pages.routes import Routes, country_page_id, front_matter, read_front_matter
from peaceops.source.accessibility import AccessibilityRun, load_run
from peaceops.source.dataset import Dataset
from peaceops.source.pagesource import PageSource, read_page, split
from peaceops.source.publisher import PublisherFile, SitePublisher, load_publisher, who_publishes


@dataclass
class Website:
    root: Path
    dataset: Dataset
    facts: Facts
    routes: Routes
    # The address of the repository the site is built from (REPOSITORY_URL), when the build is given it.
    repository: str | None = None
    # Generated pages by language, made once: other pages' sitemap entries and breadcrumbs ask for them.
    _generated: dict[str, Mapping[str, PageSource]] = field(default_factory=dict, init=False, repr=False, compare=False)

    # --- Pages --------------------------------------------------------------------------------
    def generated_pages(self, language: str) -> Mapping[str, PageSource]:
        """The pages made from data, by path within the language's docs folder (read-only)."""
        if language not in self._generated:
            self._generated[language] = MappingProxyType(self._make_generated_pages(language))
        return self._generated[language]

    def _make_generated_pages(self, language: str) -> dict[str, PageSource]:
        pages = {}
        for country in self.facts.countries:
            within = country.place.within
            if within is None:  # dataset.load has checked that every place has its "in ..." phrase
                raise LookupError(country.place.code)
            page_id = country_page_id(country.place.code)
            source = self.routes.sources[page_id][language]
            # The values stay Python values: no front matter, so no YAML reading can change them.
            meta = {
                "page_id": page_id,
                "title": country.place.name[language],
                "description": self.localizer(language).t(
                    "country.description", in_country=within[language]
                ),
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
        cache: dict[tuple[str, str], PageSource] = self.__dict__.setdefault("_written", {})
        if (language, source) not in cache:
            path = self.root / "content" / language / source
            text = read_page(path)
            front, body, body_line = split(text)
            display = path.relative_to(self.root).as_posix()
            meta = front_matter(text)
            cache[language, source] = PageSource(language, source, display, meta, body, body_line, front or "")
        return cache[language, source]

    def written_pages(self, language: str) -> list[PageSource]:
        """The hand-written pages of ``language``, in file order."""
        generated = self.generated_pages(language)
        sources = sorted(s[language] for s in self.routes.sources.values() if language in s)
        return [self.page(language, source) for source in sources if source not in generated]

    @cached_property
    def publisher(self) -> PublisherFile:
        """Who publishes the site, and its logo (data/publisher.yaml)."""
        return load_publisher(self.root / "data", self.root / "theme", self.dataset.sources.keys())

    @cached_property
    def site_publisher(self) -> SitePublisher:
        """Who publishes this build, as every page and file names them, and where readers report a
        problem (the program's first e-mail on an official site; see source/publisher.py)."""
        program_email = next((c.email for c in self.dataset.contacts.contacts if c.email), None)
        return who_publishes(self.publisher, program_email, self.repository)

    @cached_property
    def accessibility_run(self) -> AccessibilityRun | None:
        """The test suite's record of its last fully passing accessibility run (the statement's facts)."""
        return load_run(self.root)

    def counterpart(self, page_id: str, language: str) -> tuple[str, str]:
        """(other language, site-relative address) of the page's translation."""
        there = other(language)
        return there, self.routes.path(page_id, there)

    def date_modified(self, meta: Mapping[str, Any]) -> date:
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
        if "people" in shows:
            dates.append(self.dataset.people.updated)
        return max(dates) if dates else self.latest_change

    @cached_property
    def latest_change(self) -> date:
        """The most recent date anything on the site changed, by the data and the pages' own dates."""
        dates = [m.updated for m in self.dataset.missions]
        dates += [self.dataset.program.updated, self.dataset.contacts.updated]
        dates += [self.dataset.partners.updated, self.dataset.serving.updated, self.dataset.people.updated]
        for language in LANGUAGES:
            for path in (self.root / "content" / language).rglob("*.md"):
                value = read_front_matter(path).get("date_modified")
                if value:
                    dates.append(_as_date(value))
        return max(dates)

    def source_date_epoch(self) -> int:
        moment = datetime.combine(self.latest_change, datetime.min.time(), tzinfo=UTC)
        return int(moment.timestamp())

    def localizer(self, language: str) -> Localizer:
        return Localizer(language, self.dataset.interface)


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
