"""``make screenshots``: full-page PNGs of every page of the built site, phone and desktop, EN and FR.

Why: a reviewer should see what a change does to the pages a reader sees, on a phone and on a
desktop, without building the site; the publish workflow attaches these files to each pull request.
It serves the built ``site/`` on a free loopback port (no request leaves the machine; any request
to another host is refused) and drives Debian's Chromium through Playwright, as the browser tests do:

    .venv/bin/python tools/screenshots.py [--site site] [--out screenshots] [--widths 375 1280]

Files are named ``<out>/<width>/<page>.png``: ``375/home.png``, ``1280/fr_pays_haiti.png``.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS  # tools/chromium.py: the same browser as the tests'

WIDTHS = (375, 1280)
HEIGHT = 800  # the window's height; the screenshot covers the whole page


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_addresses(site: Path) -> list[str]:
    """Every HTML page, as an address relative to the site root ("" for the home page)."""
    addresses = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        addresses.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return addresses


def file_name(address: str) -> str:
    """``fr/pays/haiti/`` -> ``fr_pays_haiti.png``; the home page is ``home.png``."""
    stem = address.strip("/").replace("/", "_").removesuffix(".html")
    return f"{stem or 'home'}.png"


def take(site: Path, out: Path, widths: tuple[int, ...]) -> int:
    from playwright.sync_api import sync_playwright

    addresses = page_addresses(site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    count = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for width in widths:
                folder = out / str(width)
                folder.mkdir(parents=True, exist_ok=True)
                context = browser.new_context(viewport={"width": width, "height": HEIGHT})
                page = context.new_page()
                for address in addresses:
                    page.goto(base + address, wait_until="load")
                    page.screenshot(path=str(folder / file_name(address)), full_page=True, animations="disabled")
                    count += 1
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument(
        "--out", type=Path, default=Path("screenshots"), help="where the PNGs go (default: screenshots)"
    )
    parser.add_argument("--widths", type=int, nargs="+", default=list(WIDTHS), help="window widths in CSS px")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"No built site in {args.site}/: run make site first.", file=sys.stderr)
        return 1
    if not CHROMIUM.exists():
        print(f"Chromium is not at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 1
    shutil.rmtree(args.out, ignore_errors=True)  # no picture of a page that no longer exists
    count = take(args.site, args.out, tuple(args.widths))
    print(f"{count} screenshots in {args.out}/ ({', '.join(map(str, args.widths))} px wide)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
