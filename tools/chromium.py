"""The Chromium the browser tests and ``make screenshots`` drive, and the options it is started with.

Why one place: both must see the site as the same browser does, and both must keep every request on
the machine. Debian's Chromium (never a downloaded browser), started by Playwright.
"""
from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Every host name but the loopback address's is unknown: a request elsewhere fails at once,
    # before anything leaves the machine. (Not a Playwright route, which turns the browser's cache off.)
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
