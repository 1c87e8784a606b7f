"""MkDocs adapter for the peaceops core: data, generated pages, macros, language links, dates.

Why a thin file: MkDocs loads hooks once per process and they cannot import each other, and Material
reaches end of life in May 2027. All the logic is in the ``peaceops`` package; this only hands
MkDocs' events to it, and turns its errors into MkDocs build errors (one line per problem).
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from peaceops.problems import DataError
from peaceops.routes import LANGUAGE_ROOT
from peaceops.site import PageError, Site

_sites: dict[str, Site] = {}


def _site(config) -> Site:
    return _sites[config.theme["language"]]


def on_config(config):
    # Read the data on every build (not at import), so that `mkdocs serve` sees each edit.
    root = Path(config.config_file_path).parent
    try:
        site = Site.load(root)
    except DataError as error:
        raise PluginError("The data has problems; the site was not built:\n" + str(error)) from None
    _sites[config.theme["language"]] = site
    config.site_name = site.dataset.program.name[config.theme["language"]]
    # Page dates and the sitemap's gzip header come from the data, never the clock: same input, same bytes.
    os.environ["SOURCE_DATE_EPOCH"] = str(site.source_date_epoch())
    return config


def on_files(files, config):
    site = _site(config)
    for source, markdown in site.generated_pages(config.theme["language"]).items():
        files.append(File.generated(config, source, content=markdown))
    return files


def on_page_markdown(markdown, page, config, files):
    language = config.theme["language"]
    path = LANGUAGE_ROOT[language] + page.url
    try:
        return _site(config).render(markdown, language, path, page.meta)
    except PageError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def on_page_context(context, page, config, nav):
    site = _site(config)
    language = config.theme["language"]
    here = LANGUAGE_ROOT[language] + page.url
    other, there = site.counterpart(page.meta["page_id"], language)
    fmt = site.localizer(language)
    base = config.site_url or "/"
    page.meta["alternate"] = {
        "lang": other,
        "href": _relative(there, here),
        "label": fmt.t("toggle.label"),
        "title": fmt.t("toggle.title"),
    }
    page.meta["hreflang"] = {language: base + here, other: base + there}
    page.meta["date_modified_iso"] = site.date_modified(page.meta).isoformat()
    page.meta["date_modified_label"] = fmt.t("footer.date_modified")
    return context


def _relative(target: str, here: str) -> str:
    from peaceops.routes import relative_url

    return relative_url(target, here)
