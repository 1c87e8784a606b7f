"""MkDocs hook: valid HTML where Material's base.html is not.

The code is in peaceops/mkdocs/material_markup_fixes.py; MkDocs finds the events it re-exports here.
"""
from peaceops.mkdocs.material_markup_fixes import (  # noqa: F401
    on_post_page,
    on_post_template,
)
