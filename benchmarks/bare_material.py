"""A bare Material site with as many plain Markdown pages as ours, in English and French.

Why: a build's time is mostly MkDocs and Material's own work, which grows with the number of pages.
Building this site with the same command shows that part alone, so the ratio of our build to this
one is the cost of our data layer (loading and checking data, generating pages, macros, dates).
It has the same shape as ours: five pages in the navigation, the rest not in it, the search plugin,
and the French half built by the same hook into site/fr/.
"""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAV_PAGES = 5

CONFIG = """site_name: Bare Material
site_url: https://example.invalid/
docs_dir: {docs}
site_dir: site
strict: true
theme:
  name: material
  language: {language}
  font: false
plugins:
  - search:
      lang: {language}
nav:
{nav}
hooks:
  - hooks/french_build.py
validation:
  nav:
    omitted_files: info
"""

PARAGRAPH = (
    "Canadian police officers serve in international peace operations, where they advise, train and "
    "support the police services of countries recovering from conflict. This paragraph stands in for "
    "the text of a real page, so that each page has some Markdown to convert."
)


def page(number: int) -> str:
    return f"# Page {number}\n\n" + "\n\n".join([PARAGRAPH] * 4) + "\n\n- one\n- two\n- three\n"


def make_bare_site(pages_per_language: int, destination: Path) -> Path:
    """Write the bare site into ``destination``; ``mkdocs build`` there builds both languages."""
    if destination.exists():
        shutil.rmtree(destination)
    (destination / "hooks").mkdir(parents=True)
    shutil.copy2(ROOT / "hooks" / "french_build.py", destination / "hooks" / "french_build.py")
    for language in ("en", "fr"):
        docs = destination / "docs" / language
        docs.mkdir(parents=True)
        names = ["index.md"] + [f"page-{number}.md" for number in range(1, pages_per_language)]
        for number, name in enumerate(names):
            (docs / name).write_text(page(number), encoding="utf-8")
        nav = "\n".join(f"  - {name}" for name in names[:NAV_PAGES])
        config = CONFIG.format(docs=f"docs/{language}", language=language, nav=nav)
        if language == "fr":
            config = config.replace("site_dir: site", "site_dir: site/fr")
        filename = "mkdocs.yml" if language == "en" else "mkdocs.fr.yml"
        (destination / filename).write_text(config, encoding="utf-8")
    return destination
