"""Put a newly built site in place of the old one whole, or leave the old one as it was.

Why: a reader (or an editor's preview) must never get a half-written site, and a failed build must
leave the last good one exactly as it was. Builds go into a temporary folder beside the target; this
swaps it in with two renames, and removes the old one only once the new one is in place. Both
``python -m peaceops build`` and the preview use it.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

# Temporary folders are made private (0700); a published site must be readable by the web server.
PUBLISHED_MODE = 0o755


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` with ``new`` (a folder on the same file system)."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        target.rename(old / target.name)
    new.rename(target)
    target.chmod(PUBLISHED_MODE)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
