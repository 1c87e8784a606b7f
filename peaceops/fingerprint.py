"""A digest of every file ``Site.load`` reads, to tell whether a loaded site is still current.

Why: one ``mkdocs build`` loads the site twice (the French half is a second MkDocs build in the same
process) and ``mkdocs serve`` reloads it on every save, even of a stylesheet. Reading and checking
the data is the slowest part of a build at a thousand operations; hashing the same files takes
milliseconds. Same digest, same files, same site: it can be reused.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

# What the site is made from: the data, the pages (their front matter gives ids and dates) and the
# macro templates (listed once per site). Anything else a build reads is MkDocs' business.
INPUT_FOLDERS = ("data", "content", "theme/macros")


def fingerprint(root: Path) -> str:
    """SHA-256 over the names and bytes of every file in the input folders, in a stable order."""
    digest = hashlib.sha256()
    for folder in INPUT_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            data = path.read_bytes()
            digest.update(f"{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()
