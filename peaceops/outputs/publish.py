"""Put a newly built site in place of the old one whole, or leave the old one as it was.

Why: a reader (or an editor's preview) must never get a half-written site, and a failed build must
leave the last good one exactly as it was. Builds go into a temporary folder beside the target; this
swaps it in with two renames, and removes the old one only once the new one is in place. Both
``python -m peaceops build`` and the preview use it.

A build that is stopped part-way (Ctrl-C, a closed terminal, a killed CI job) cannot remove its own
temporary folder. Each build therefore holds a lock on its folder while it works (the operating system
lets go of it when the process ends, however it ends), and the next build removes every temporary
folder beside the target that no running build holds.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

# Temporary folders are made private (0700); a published site must be readable by the web server.
PUBLISHED_MODE = 0o755
# The folders a build leaves beside its target: the new site being built, and the old one being removed.
LEFTOVER_PATTERNS = (".{name}-build-*", ".{name}-old-*")


class Staging:
    """A private folder beside ``target`` to build into, locked for as long as this object is open."""

    def __init__(self, target: Path):
        remove_leftovers(target)
        self.path = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
        self._lock = _hold(self.path)

    def close(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def discard(self) -> None:
        """The build failed: remove what it wrote."""
        self.close()
        shutil.rmtree(self.path, ignore_errors=True)


def _hold(folder: Path) -> int | None:
    """An exclusive lock on ``folder`` (its open descriptor), or None if another process holds it."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return None
    return descriptor


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the temporary folders of builds that were stopped (no running build holds them)."""
    removed: list[Path] = []
    if not target.parent.is_dir():
        return removed
    for pattern in LEFTOVER_PATTERNS:
        for folder in sorted(target.parent.glob(pattern.format(name=target.name))):
            if not folder.is_dir() or folder.is_symlink():
                continue
            lock = _hold(folder)
            if lock is None:
                continue  # another build is working in it right now
            try:
                shutil.rmtree(folder, ignore_errors=True)
            finally:
                os.close(lock)
            removed.append(folder)
    return removed


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
