"""A bare Material site made of the very pages our build renders, written out as plain Markdown files.

Why: ``bare_material.py`` gives bare Material as many pages as ours, but short ones; our pages are
longer (tables of every operation, the map, the chart), and converting and indexing them costs
MkDocs and Material the same whoever wrote them. Here every page (hand-written and generated, both
languages) is rendered by our macros once, in this process, and written as a plain file: our
Markdown, with the macros' HTML in it. ``mkdocs build`` of this copy does everything our build does
except our part (loading and checking the data, generating pages, macros, links, dates, furniture),
so our build's time over this one's is the cost of the data layer alone.

Same configuration as ours (navigation, Markdown extensions, search, theme features, the French half
chained by the same hook), minus our hooks and theme overrides, which need the data layer. Link
checks are relaxed to "info": the open-data files and feeds they point to are written by our hooks.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from peaceops.languages import LANGUAGE_ROOT, LANGUAGES, is_default
from peaceops.mkdocs.build import configuration
from peaceops.pages.routes import page_path
from peaceops.site.site import Site

CONFIG = """site_name: {site_name}
site_url: https://example.invalid/{subfolder}
docs_dir: docs/{language}
site_dir: site{site_subdir}
strict: true
theme:
  name: material
  language: {language}
  font: false
  features: [navigation.tabs, navigation.footer, search.highlight]
  palette: {{}}
extra:
  generator: false
markdown_extensions:
  - attr_list
  - md_in_html
  - toc:
      permalink: false
plugins:
  - search:
      lang: {language}
nav: {nav}
hooks:
  - hooks/french_build.py
validation:
  nav:
    omitted_files: info
  links:
    not_found: info
    absolute_links: info
    unrecognized_links: info
    anchors: info
"""


def rendered_pages(site: Site, language: str) -> dict[str, str]:
    """Source path within the language's docs folder -> the page as a plain file: its title in a front
    matter (as MkDocs reads titles) and its Markdown after our macros."""
    content = site.root / "content" / language
    sources = [path.relative_to(content).as_posix() for path in sorted(content.rglob("*.md"))]
    sources += list(site.generated_pages(language))
    pages = {}
    for source in sources:
        page = site.page(language, source)
        path = LANGUAGE_ROOT[language] + page_path(source)
        body = site.render_page(page.body, language, path, dict(page.meta), set_aside=False).markdown
        title = page.meta.get("title")
        head = f"---\ntitle: {json.dumps(str(title), ensure_ascii=False)}\n---\n" if title else ""
        pages[source] = head + body
    return pages


def make_same_pages_site(root: Path, destination: Path) -> Path:
    """Write the plain copy of ``root``'s rendered site into ``destination``; ``mkdocs build`` builds it."""
    if destination.exists():
        shutil.rmtree(destination)
    (destination / "hooks").mkdir(parents=True)
    shutil.copy2(root / "hooks" / "french_build.py", destination / "hooks" / "french_build.py")
    site = Site.load(root)
    for language in LANGUAGES:
        docs = destination / "docs" / language
        for source, markdown in rendered_pages(site, language).items():
            (docs / source).parent.mkdir(parents=True, exist_ok=True)
            (docs / source).write_text(markdown, encoding="utf-8")
        ours = configuration(root, language)
        config = CONFIG.format(
            site_name=json.dumps(ours.get("site_name", "Same pages"), ensure_ascii=False),
            subfolder=LANGUAGE_ROOT[language],
            language=language,
            site_subdir="/" + LANGUAGE_ROOT[language].rstrip("/") if LANGUAGE_ROOT[language] else "",
            nav=json.dumps(ours.get("nav", [])),
        )
        name = "mkdocs.yml" if is_default(language) else f"mkdocs.{language}.yml"
        (destination / name).write_text(config, encoding="utf-8")
    return destination
