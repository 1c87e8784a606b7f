"""MkDocs hook: builds the French half of the site into site/fr/ after the English half.

The code is in peaceops/mkdocs/french_build.py; MkDocs finds the events it re-exports here.
"""
from peaceops.mkdocs.french_build import (  # noqa: F401
    on_post_build,
)
