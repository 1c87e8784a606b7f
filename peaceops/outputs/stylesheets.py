"""Merge the site's own stylesheets into one file, named by its content.

Why: each stylesheet in <head> is a request the browser must finish before it draws the page.
Ours are kept as separate files for editing (colours and markup, fixes to Material, the Canada.ca
page furniture, print), and served as one: one request instead of four. A file whose name ends in
``print.css`` is wrapped in ``@media print`` so that it still applies only on paper. The name carries
a hash of the content (``assets/site.1a2b3c4d.css``), so a browser never keeps a stale copy.
Comments are for whoever edits the files, not for readers: they are left out of the served file
(two of its five kilobytes, gzipped).
"""
from __future__ import annotations

import hashlib
import posixpath
import re

PRINT_SUFFIX = "print.css"
# A CSS comment. Our stylesheets have no "/*" inside a string (a test would notice: the rule after it would vanish).
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def merge(parts: list[tuple[str, bytes]], folder: str = "assets") -> tuple[str, bytes]:
    """``[(path, css bytes), ...]`` in cascade order -> (site-relative name, merged bytes)."""
    pieces = []
    for path, css in parts:
        text = "\n".join(line.rstrip() for line in COMMENT.sub("", css.decode("utf-8")).splitlines() if line.strip())
        if path.endswith(PRINT_SUFFIX):
            text = "@media print {\n" + text + "\n}"
        pieces.append(f"/* {path} */\n{text}\n")
    merged = "\n".join(pieces).encode("utf-8")
    digest = hashlib.sha256(merged).hexdigest()[:8]
    return posixpath.join(folder, f"site.{digest}.css"), merged
