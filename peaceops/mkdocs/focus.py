"""The preview's quick rebuild: after a save, the pages an editor is looking at are rebuilt first.

Why (issue 21, the editor's wait): every save rebuilt the whole site twice (English, then French)
before the browser could reload, about two seconds for the real data. Like Hugo's "fast render
mode", the preview (``preview.py``) now rebuilds at once only the pages its browsers have asked
for, writing them over the last good build; the whole site is then built again behind them and
swapped in. This module is what the build hooks need for that:

- ``pages``: the pages to render (paths from the site's root, ``fr/pays/haiti/``), or None for a
  whole build (always, outside the preview). MkDocs' own ``dirty`` build skips a page whose
  ``File.is_modified()`` is false; ``focus_files`` says which are.
- A page not rendered still needs its title and values in every other page's menu:
  ``outline_page`` gives it those (MkDocs takes a page's title from its ``title`` value first).
- MkDocs lists the theme's files on every build, Material's thousands of icons included (about a
  fifth of a preview's rebuild); ``theme_files`` keeps the list while the theme folders' files are
  the same.

The data is checked in full before either build (``Site.load``), and only when the pages of the
site are the same as in the last good build (no page added or removed) is the quick rebuild used.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

pages: frozenset[str] | None = None


def quick() -> bool:
    """The preview's quick rebuild is under way: a few pages, and nothing of the whole site (the feeds,
    the open data, the sitemap, the pages' check), which the whole build that follows makes."""
    return pages is not None


def focus_files(files: Files, site_root: str) -> None:
    """Mark the documentation pages to render now as modified and the others as not (dirty build)."""
    if pages is None:
        return
    for file in files.documentation_pages():
        file.is_modified = _answer(site_root + file.url in pages)  # type: ignore[method-assign]


def _answer(value: bool) -> Callable[[], bool]:
    return lambda: value


def outline_page(page: Page, meta: dict[str, Any]) -> None:
    """A page left unrendered, given what other pages' menus read of it: its values and title."""
    page.meta = meta
    page.markdown = ""


class _QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave links out of date, which strict mode counts as an
    error. The quick rebuild is followed by a whole one, so the warning is dropped for it alone."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not quick() or "'dirty' build" not in record.getMessage()


logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirtyWarning())


# --- The theme's files, listed once while they are unchanged ---------------------------------------
_THEME_FILES: dict[tuple[Any, ...], list[tuple[str, str]]] = {}


def _folder_state(folder: str) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``folder`` with its size and date: what tells that a theme folder changed."""
    found = []
    for path in Path(folder).rglob("*"):
        stat = path.stat()
        if not path.is_dir():
            found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def theme_files(listing: Callable[[Files, Any, MkDocsConfig], None]) -> Callable[[Files, Any, MkDocsConfig], None]:
    """MkDocs' ``Files.add_files_from_theme``, remembering which theme file it adds from which folder.

    The installed theme (Material) does not change while the preview runs; our own theme folder
    (``custom_dir``) is read again every time, and any change in it lists everything again."""

    def add_files_from_theme(files: Files, env: Any, config: MkDocsConfig) -> None:
        custom = config.theme.custom_dir
        key = (
            tuple(config.theme.dirs),
            tuple(config.theme.static_templates),
            _folder_state(custom) if custom else (),
        )
        if key not in _THEME_FILES:
            probe = Files([])
            listing(probe, env, config)
            _THEME_FILES.clear()  # only the theme as it is now is kept
            _THEME_FILES[key] = [(file.src_uri, str(file.src_dir)) for file in probe]
        for path, folder in _THEME_FILES[key]:
            if files.get_file_from_path(path) is None:
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))

    return add_files_from_theme


def remember_theme_files() -> None:
    """From now on in this process, the theme's files are listed once (the preview calls this)."""
    if not getattr(Files.add_files_from_theme, "_remembers", False):
        remembered = theme_files(Files.add_files_from_theme)
        remembered._remembers = True  # type: ignore[attr-defined]
        Files.add_files_from_theme = remembered  # type: ignore[method-assign,assignment]
