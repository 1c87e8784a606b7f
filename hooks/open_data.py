"""MkDocs hook: writes missions.json, missions.csv and their schema at the top of the site.

The code is in peaceops/mkdocs/open_data.py; MkDocs finds the events it re-exports here.
"""
from peaceops.mkdocs.open_data import (  # noqa: F401
    on_post_build,
)
