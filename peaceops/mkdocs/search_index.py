"""Index the built site for search (Pagefind), after the French half is written.

Why here: the work is in peaceops/outputs/search_index.py; this only runs it at the end of the
English build, which is the last to finish (french_build.py builds French inside it). The preview
defers it (``deferred``).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from peaceops.languages import is_default
from peaceops.outputs.search_index import SearchIndexError, build_search_index

# The preview (preview.py) sets this after its first build: it keeps the index it has and makes a
# new one itself once the editor stops typing, so that a save shows without waiting for Pagefind.
deferred = False


def on_post_build(config: MkDocsConfig) -> None:
    if deferred or not is_default(config.theme["language"]):
        return
    try:
        build_search_index(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
