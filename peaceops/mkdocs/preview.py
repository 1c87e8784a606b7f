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

After a save, once the data and pages are checked, the pages the browsers last asked for are built
first, over the last good build (``focus.py``), and the browsers reload; the whole site is then
built again behind them and swapped in. Until it is, a request for any other page waits for it, so
no page from before the save is ever served after it. A save that adds or removes a page, and the
first build, build the whole site at once.
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
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from peaceops.mkdocs import focus, search_index
from peaceops.outputs import previewbanner
from peaceops.outputs.publish import swap_in
from peaceops.outputs.search_index import BUNDLE, SearchIndexError, build_search_index
from peaceops.site.site import Site
from peaceops.source.messages import message
from peaceops.source.problems import DataError, Problem

log = logging.getLogger("peaceops.preview")

# Seconds without a save before the preview's search index is made again.
SEARCH_QUIET_SECONDS = 2.0
# How many of the pages browsers asked for last are built first after a save.
PAGES_FIRST = 4
# Seconds a request for a page not yet rebuilt waits for the whole build before being served anyway.
WHOLE_BUILD_WAIT = 120.0
# Seconds between two looks for a saved file (MkDocs' default is 0.5).
POLLING_SECONDS = 0.1


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
        # One MkDocs build at a time: the hooks keep the build's state between its events.
        self._building = threading.Lock()
        self._saves = 0  # saves seen; a whole build waiting behind a newer save is not started
        self._viewed: list[str] = []  # pages browsers asked for (paths from the site's root), latest last
        self._pages: frozenset[str] = frozenset()  # every page of the last good build
        # While a whole build follows a quick one: the pages the quick one built (None when none follows).
        self._built_first: frozenset[str] | None = None
        self._current = threading.Condition()
        # Set by the server: makes every open page reload (the server does so after each rebuild).
        self.reload_browsers: Callable[[], None] = lambda: None

    def viewed(self, page: str) -> None:
        """A browser asked for ``page``: it is among the first built after the next save."""
        with self._current:
            if page in self._viewed:
                self._viewed.remove(page)
            self._viewed = [*self._viewed, page][-PAGES_FIRST:]

    def wait_until_current(self, path: str) -> None:
        """Hold a request for anything not yet rebuilt since the last save until the whole build is
        in: every page but those built first, and the files of the whole site (feeds, open data,
        sitemap). The theme's files are written by the quick build too, and the search index is
        brought up to date on its own (``_refresh_search``)."""
        if "assets/" in path or path.startswith(BUNDLE + "/"):
            return
        with self._current:
            self._current.wait_for(
                lambda: self._built_first is None or path in self._built_first, timeout=WHOLE_BUILD_WAIT
            )

    def rebuild(self) -> None:
        """Called by the server for each change; never raises, so the server never gets stuck."""
        self._saves += 1
        with self._building:
            try:
                # The data checked; the pages only as they are built (all of them just below, or the
                # whole build behind the quick one).
                site = Site.load(self.root, pages_checked=False)
            except DataError as error:
                self._failed(error.problems)
                return
            pages = frozenset(site.routes.paths())
            with self._current:
                first = frozenset(page for page in self._viewed if page in pages)
            if self.has_good_build and pages == self._pages and first and self._build_first(first):
                with self._current:
                    self._built_first = first
                threading.Thread(target=self._build_whole_behind, args=(self._saves,), daemon=True).start()
                return
            if self._checked() and self._build_whole():
                self._pages = pages

    def _checked(self) -> bool:
        """The data and every page checked; False, with the problems shown, if any has one."""
        try:
            Site.load(self.root)
        except DataError as error:
            self._failed(error.problems)
            return False
        return True

    def _build_first(self, first: frozenset[str]) -> bool:
        """Build only ``first`` over the pages served; False (nothing changed) if that failed."""
        focus.pages = first
        try:
            with self._serving:
                self._mkdocs_build(self.served)
        except Exception:  # noqa: BLE001 - the whole build follows at once and reports any problem
            return False
        finally:
            focus.pages = None
        self.state = ((), False)
        shown = ", ".join(self.url + page for page in sorted(first))
        print(message("preview_updated_first", url=self.url, pages=shown), file=sys.stderr, flush=True)
        return True

    def _build_whole_behind(self, save: int) -> None:
        """The whole site, built behind the pages built first; skipped if another save came since."""
        with self._building:
            if save == self._saves and not (self._checked() and self._build_whole(quiet=True)):
                self.reload_browsers()  # to show the problem box, which the pages built first lack
        with self._current:
            self._built_first = None
            self._current.notify_all()

    def _mkdocs_build(self, site_dir: Path) -> None:
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(site_dir))
        config.site_url = self.url
        config.plugins.on_startup(command="serve", dirty=focus.quick())
        build(config, serve_url=self.url, dirty=focus.quick())

    def _build_whole(self, quiet: bool = False) -> bool:
        """The whole site into a folder of its own, swapped in if it built; False if it did not."""
        staging = Path(tempfile.mkdtemp(prefix="peaceops-preview-build-", dir=self.served.parent))
        warnings = _Collector()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            self._mkdocs_build(staging)
        except Exception as error:  # noqa: BLE001 - MkDocs' Abort included: the preview must survive
            shutil.rmtree(staging, ignore_errors=True)
            problems = [previewbanner.as_problem(line) for line in warnings.lines]
            self._failed(problems or [previewbanner.as_problem(str(error))])
            return False
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
        if not quiet:
            print(message("preview_updated", url=self.url), file=sys.stderr, flush=True)
        if search_index.deferred:
            self._refresh_search_later()
        search_index.deferred = True  # this build made an index: later ones keep it
        return True

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
        preview.reload_browsers = self.reload_browsers

    def reload_browsers(self) -> None:
        """Open pages reload now (as MkDocs' own loop makes them after a rebuild); during a rebuild,
        nothing: its end reloads them."""
        with self._epoch_cond:
            if self._visible_epoch == self._wanted_epoch:
                epoch = max(self._visible_epoch + 1, time.monotonic_ns() // 1_000_000)
                self._wanted_epoch = self._visible_epoch = epoch
                self._epoch_cond.notify_all()

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if not path.startswith("/livereload/"):
            wanted = path.lstrip("/").removesuffix("index.html")
            if path.endswith(("/", ".html")):
                self.preview.viewed(wanted)
            self.preview.wait_until_current(wanted)
        return super()._serve_request(environ, start_response)

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
    focus.remember_theme_files()
    server = _BannerServer(
        preview, builder=preview.rebuild, host=host, port=port, root=str(served), polling_interval=POLLING_SECONDS
    )
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
