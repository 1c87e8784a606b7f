"""``python -m peaceops serve``: a live preview that survives bad edits and recovers by itself.

Why: plain ``mkdocs serve`` exits if the data is broken when it starts, and after a failed rebuild it
holds every request until the build succeeds, so the editor's browser seems to hang. This preview
checks the data first (printing the same one-line messages as ``check``), builds into a temporary
folder and swaps it in only when the build succeeds. The last good preview stays served while the
data is broken; if nothing good was built yet, a page listing the problems is served instead. Either
way the browser reloads by itself once the files are fixed. It uses MkDocs' own live-reload server.
While a file has a problem, every page served carries a box at its top listing the problems
(``previewbanner.py``); the browser reloads when a problem appears and when it is fixed, since each
rebuild, failed or not, counts as a new version. The box is added as pages are served, never to
``site/``.

Issue 21, the editor's wait: the search index (Pagefind, the slowest step after the pages) is made
by the first build only; each rebuild keeps the index being served and makes a new one in the
background once no save has come for ``SEARCH_QUIET_SECONDS``, then puts it in place. Search in the
preview may therefore lag a save by a few seconds; the published build is unchanged.
"""
from __future__ import annotations

import base64
import hashlib
import html
import logging
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from peaceops.mkdocs import search_index
from peaceops.outputs import previewbanner
from peaceops.outputs.publish import swap_in
from peaceops.outputs.search_index import BUNDLE, SearchIndexError, build_search_index
from peaceops.site.site import Site
from peaceops.source.messages import message
from peaceops.source.problems import DataError, Problem

log = logging.getLogger("peaceops.preview")

# Seconds without a save before the preview's search index is made again.
SEARCH_QUIET_SECONDS = 2.0


class Preview:
    """Builds the site for the preview server, keeping the last good build in ``served``."""

    def __init__(self, root: Path, served: Path, url: str):
        self.root = root
        self.served = served
        self.url = url
        self.has_good_build = False
        # What the banner shows: the problems now (none when the last rebuild worked), and whether
        # the pages served are a last good version. Replaced whole, read by the server's threads.
        self.state: tuple[tuple[Problem, ...], bool] = ((), False)
        # The served folder changes under this lock: a build swapped in, or a new search index.
        self._serving = threading.Lock()
        self._builds = 0  # good builds swapped in; a search index of an older one is thrown away
        self._search_timer: threading.Timer | None = None

    def rebuild(self) -> None:
        """Called by the server for each change; never raises, so the server never gets stuck."""
        try:
            Site.load(self.root)
        except DataError as error:
            self._failed(error.problems)
            return
        staging = Path(tempfile.mkdtemp(prefix="peaceops-preview-build-", dir=self.served.parent))
        warnings = _Collector()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(staging))
            config.site_url = self.url
            config.plugins.on_startup(command="serve", dirty=False)
            build(config, serve_url=self.url)
        except Exception as error:  # noqa: BLE001 - MkDocs' Abort included: the preview must survive
            shutil.rmtree(staging, ignore_errors=True)
            problems = [previewbanner.as_problem(line) for line in warnings.lines]
            self._failed(problems or [previewbanner.as_problem(str(error))])
            return
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)
        with self._serving:
            if search_index.deferred:  # the index being served goes on being served
                kept = self.served / BUNDLE
                if kept.is_dir():
                    kept.rename(staging / BUNDLE)
            swap_in(staging, self.served)
            self._builds += 1
        self.has_good_build = True
        self.state = ((), False)
        print(message("preview_updated", url=self.url), file=sys.stderr, flush=True)
        if search_index.deferred:
            self._refresh_search_later()
        search_index.deferred = True  # this build made an index: later ones keep it

    def _refresh_search_later(self) -> None:
        """(Re)start the wait after which the search index is made from the pages served."""
        with self._serving:
            if self._search_timer is not None:
                self._search_timer.cancel()
            self._search_timer = threading.Timer(SEARCH_QUIET_SECONDS, self._refresh_search, (self._builds,))
            self._search_timer.daemon = True
            self._search_timer.start()

    def _refresh_search(self, build: int) -> None:
        """Index the pages served into a folder beside them, then put it in place, unless another
        build was swapped in meanwhile (its own refresh follows)."""
        work = Path(tempfile.mkdtemp(prefix="peaceops-preview-search-", dir=self.served.parent))
        try:
            fresh = build_search_index(self.served, work / BUNDLE)
            with self._serving:
                if build != self._builds:
                    return
                current = self.served / BUNDLE
                if current.is_dir():
                    current.rename(work / "old")
                fresh.rename(current)
        except (SearchIndexError, OSError) as error:
            print(error, file=sys.stderr, flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def close(self) -> None:
        """No search index is started once the server stops."""
        with self._serving:
            if self._search_timer is not None:
                self._search_timer.cancel()

    def _failed(self, problems: list[Problem]) -> None:
        for problem in problems:
            print(problem if problem.path else message("preview_build_failed", detail=problem.message), file=sys.stderr)
        key = "preview_kept" if self.has_good_build else "preview_nothing_yet"
        print(message(key), file=sys.stderr, flush=True)
        self.state = (tuple(problems), self.has_good_build)
        if not self.has_good_build:
            _write_problems_page(self.served)

    def with_banner(self, content: bytes) -> bytes:
        """A served HTML page, with the problem box at its top while there are problems."""
        problems, kept = self.state
        if not problems:
            return content
        texts = previewbanner.banner_texts(self.root)
        language = previewbanner.page_language(content)
        return previewbanner.insert(content, previewbanner.banner_html(list(problems), texts, language, kept=kept))


class _Collector(logging.Handler):
    """MkDocs' warnings and errors during one preview build (our hook has already worded those about
    editors' pages as ``content/<lang>/<page>.md:line:col: …``)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


class _BannerServer(LiveReloadServer):
    """MkDocs' live-reload server, adding the problem box to each HTML page as it is served."""

    def __init__(self, preview: Preview, **options: Any):
        super().__init__(**options)
        self.preview = preview

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        html: bytes = super()._inject_js_into_html(self.preview.with_banner(content), epoch)
        return allow_live_reload(html)


def allow_live_reload(page: bytes) -> bytes:
    """The page, its Content-Security-Policy letting the live-reload script run and nothing more.

    MkDocs adds that script inline, before ``</body>``, and the site's policy runs no inline script
    (peaceops/outputs/security.py): without this the preview would never reload. The policy names
    this one script by its hash; the published site never has it."""
    start = page.rfind(b"<script>")
    end = page.find(b"</script>", start)
    if start < 0 or end < 0:
        return page
    script = page[start + len(b"<script>") : end]
    digest = base64.b64encode(hashlib.sha256(script).digest())
    return page.replace(b"script-src 'self'", b"script-src 'self' 'sha256-" + digest + b"'", 1)


def _write_problems_page(folder: Path) -> None:
    """A bare page for when nothing was built yet; the problem box lists the problems on it, and the
    live-reload script replaces it once the files are fixed."""
    title = html.escape(message("preview_page_title"))
    page = (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>\n'
        f"<body><main><h1>{title}</h1>\n<p>{html.escape(message('preview_page_help'))}</p></main>\n"
        "</body></html>\n"
    )
    for old in folder.iterdir():
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    (folder / "index.html").write_text(page, encoding="utf-8")


def serve(root: Path, host: str, port: int) -> int:
    _show_mkdocs_warnings()
    config = load_config(str(root / "mkdocs.yml"))
    url = f"http://{host}:{port}/"
    work = Path(tempfile.mkdtemp(prefix="peaceops-preview-"))
    served = work / "site"
    served.mkdir()
    preview = Preview(root, served, url)
    server = _BannerServer(preview, builder=preview.rebuild, host=host, port=port, root=str(served))
    try:
        preview.rebuild()
        for path in [config.docs_dir, config.config_file_path, *config.watch]:
            server.watch(str(path))
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        preview.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _show_mkdocs_warnings() -> None:
    """MkDocs' warnings and errors, and the server's own news, in the terminal; not its chatter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs = logging.getLogger("mkdocs")
    mkdocs.addHandler(handler)
    mkdocs.setLevel(logging.WARNING)
    logging.getLogger("mkdocs.livereload").setLevel(logging.INFO)
