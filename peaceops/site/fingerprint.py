"""A digest of every file that can change what ``Site.load`` gives, to tell whether a loaded site is
still current.

Why: one ``mkdocs build`` loads the site twice (the French half is a second MkDocs build in the same
process) and the preview reloads it on every save, even of a stylesheet. Reading and checking the
data is the slowest part of a build at a thousand operations; hashing the inputs takes milliseconds.
Same digest, same inputs, same site: it can be reused. The inputs are every file the load or the
checks read: the data, the pages, the whole theme (macros, templates and partials, whose interface
texts are checked; the logo, whose presence is checked), the hooks and this package's code (both
searched for interface texts), and the MkDocs configurations.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from peaceops.languages import LANGUAGES, is_default

INPUT_FOLDERS = ("data", "content", "theme", "hooks", "peaceops")
# mkdocs.yml and each other language's configuration (mkdocs.fr.yml).
INPUT_FILES = ("mkdocs.yml", *(f"mkdocs.{code}.yml" for code in LANGUAGES if not is_default(code)))
IGNORED_PARTS = {"__pycache__"}


def input_files(root: Path) -> list[Path]:
    """Every input file, in a stable order."""
    found = [root / name for name in INPUT_FILES if (root / name).is_file()]
    for folder in INPUT_FOLDERS:
        base = root / folder
        if base.is_dir():
            found += sorted(
                p for p in base.rglob("*") if p.is_file() and not IGNORED_PARTS & set(p.relative_to(root).parts)
            )
    return found


def fingerprint(root: Path) -> str:
    """SHA-256 over the names and bytes of every input file."""
    digest = hashlib.sha256()
    for path in input_files(root):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()
