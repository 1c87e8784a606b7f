"""Write the open-data files (missions.json, the CSV tables, missions.schema.json, datapackage.json)
into the built site.

Why a hook of its own: the files belong to the whole bilingual site, not to one language, so they are
written once, at the top of the site, by the English build (the French pages link up to them). All
the content comes from ``peaceops.outputs.exports``; this only puts the bytes where MkDocs built the site.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from peaceops.languages import LANGUAGES, is_default
from peaceops.mkdocs import focus
from peaceops.mkdocs.pages import site_of
from peaceops.outputs.exports import open_data_files


def on_post_build(config: MkDocsConfig) -> None:
    if not is_default(config.theme["language"]) or focus.quick():
        return  # (the preview's quick rebuild leaves them to the whole build that follows it: focus.py)
    site = site_of(config)  # the site loaded for this build
    localizers = {language: site.localizer(language) for language in LANGUAGES}
    files = open_data_files(site.facts, site.routes, localizers, config.site_url or "/", site.site_publisher)
    for name, content in files.items():
        (Path(config.site_dir) / name).write_bytes(content)
