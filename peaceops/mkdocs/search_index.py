"""Index the built site for search (Pagefind), after the French half is written.

Why here: the work is in peaceops/outputs/search_index.py; this only runs it at the end of the
English build, which is the last to finish (french_build.py builds French inside it).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from peaceops.languages import is_default
from peaceops.outputs.search_index import SearchIndexError, build_search_index


def on_post_build(config: MkDocsConfig) -> None:
    if not is_default(config.theme["language"]):
        return
    try:
        build_search_index(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
