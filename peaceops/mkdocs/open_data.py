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
from peaceops.outputs.exports import open_data_files
from peaceops.site.site import Site


def on_post_build(config: MkDocsConfig) -> None:
    if not is_default(config.theme["language"]):
        return
    site = Site.load(Path(config.config_file_path).parent)  # the site already loaded for this build
    localizers = {language: site.localizer(language) for language in LANGUAGES}
    files = open_data_files(site.facts, site.routes, localizers, config.site_url or "/", site.publisher)
    for name, content in files.items():
        (Path(config.site_dir) / name).write_bytes(content)
