"""MkDocs hook: the Pagefind search index, once both languages are built.

The code is in peaceops/mkdocs/search_index.py; MkDocs finds the events it re-exports here.
"""
from peaceops.mkdocs.search_index import (  # noqa: F401
    on_post_build,
)
