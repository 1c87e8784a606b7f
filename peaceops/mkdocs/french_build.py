"""Build the French half of the site right after the English half, into ``site/fr/``.

Why: each language is a full MkDocs build with its own theme language, search index and stemmer
(``mkdocs.fr.yml`` inherits everything else from ``mkdocs.yml``). Chaining the French build here means
that plain ``mkdocs build`` and ``mkdocs serve`` give the whole bilingual site, in one command and one
preview server.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

FRENCH_CONFIG = "mkdocs.fr.yml"


def on_post_build(config):
    if config.theme["language"] != "en":
        return
    french = load_config(
        str(Path(config.config_file_path).parent / FRENCH_CONFIG),
        site_dir=os.path.join(config.site_dir, "fr"),
        site_url=(config.site_url or "/") + "fr/",
        strict=config.strict,
    )
    french.plugins.on_startup(command="build", dirty=False)
    build(french)
