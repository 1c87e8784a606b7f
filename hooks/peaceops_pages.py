"""MkDocs hook: the site's pages: data, generated country pages, macros, language links, dates, page furniture.

The code is in peaceops/mkdocs/pages.py; MkDocs finds the events it re-exports here.
"""
from peaceops.mkdocs.pages import (  # noqa: F401
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
)
