"""Build the French half of the site right after the English half, into ``site/fr/``.

Why: each language is a full MkDocs build with its own theme language, search index and stemmer
(``mkdocs.fr.yml`` inherits everything else from ``mkdocs.yml``). Chaining the French build here means
that plain ``mkdocs build`` and ``mkdocs serve`` give the whole bilingual site, in one command and one
preview server. Every language other than the default one is built this way, from
``mkdocs.<code>.yml`` into its folder (``peaceops.languages.LANGUAGE_ROOT``).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from peaceops.languages import LANGUAGE_ROOT, LANGUAGES, is_default
from peaceops.mkdocs import focus


def on_post_build(config: MkDocsConfig) -> None:
    if not is_default(config.theme["language"]):
        return
    for language in LANGUAGES:
        if is_default(language):
            continue
        other = load_config(
            str(Path(config.config_file_path).parent / f"mkdocs.{language}.yml"),
            site_dir=str(Path(config.site_dir) / LANGUAGE_ROOT[language]),
            site_url=(config.site_url or "/") + LANGUAGE_ROOT[language],
            strict=config.strict,
        )
        other.plugins.on_startup(command="build", dirty=False)
        build(other, dirty=focus.quick())  # the preview's quick rebuild (focus.py)
