"""What a first visit to a page downloads, in bytes, compressed as a static host would serve it.

Why: a reader on a slow phone pays for every byte the page makes the browser fetch, not just the
HTML. This reads a built page the way a browser does (html.parser, no network) and lists what it
loads at once: stylesheets, scripts, the icon, images, and, on a page that loads Material's own
script (the bare-Material baseline; our site no longer does), what that script fetches on every page
(the search worker, the search index and, for French, the Lunr stemmer files). Text is
counted gzipped at level 6 (the usual server default); images as they are, since hosts do not
recompress them. The page-budget test and the benchmark both use it.
"""
from __future__ import annotations

import gzip
import json
import posixpath
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

GZIP_LEVEL = 6
COMPRESSIBLE = re.compile(r"\.(html|css|js|json|xml|svg|txt|csv|map)$")


@dataclass
class Resource:
    url: str  # site-relative path of the file
    kind: str  # document, stylesheet, script, image, icon, search
    in_head: bool = False
    blocking: bool = False  # must be loaded before the page can first be drawn


@dataclass
class ParsedPage:
    resources: list[Resource] = field(default_factory=list)
    images: list[dict[str, str | None]] = field(default_factory=list)  # every <img>'s attributes
    config: dict | None = None  # Material's __config JSON


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._in_head = False
        self._config_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif tag == "body":
            self._in_head = False
        elif tag == "link" and a.get("href"):
            rel = set((a.get("rel") or "").lower().split())
            if "stylesheet" in rel:
                blocking = (a.get("media") or "all") in ("all", "screen") and "disabled" not in a
                self._add(a["href"], "stylesheet", blocking)
            elif rel & {"icon", "shortcut"}:
                self._add(a["href"], "icon", False)
            elif rel & {"preload", "modulepreload"}:
                self._add(a["href"], "preload", False)
        elif tag == "script":
            if a.get("src"):
                deferred = "defer" in a or "async" in a or a.get("type") == "module"
                self._add(a["src"], "script", self._in_head and not deferred)
            elif a.get("id") == "__config":
                self._config_text = []
        elif tag == "img":
            self.page.images.append(a)
            if a.get("src"):
                self._add(a["src"], "image", False)
        elif tag == "source" and a.get("srcset"):
            self._add(a["srcset"].split(",")[0].split()[0], "image", False)

    def handle_data(self, data: str) -> None:
        if self._config_text is not None:
            self._config_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._config_text is not None:
            self.page.config = json.loads("".join(self._config_text))
            self._config_text = None
        elif tag == "head":
            self._in_head = False

    def _add(self, url: str, kind: str, blocking: bool) -> None:
        self.page.resources.append(Resource(url, kind, self._in_head, blocking))


def parse(html: str) -> ParsedPage:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.page


def page_address(site: Path, page: Path) -> str:
    """``fr/pays/haiti/index.html`` -> ``fr/pays/haiti/``: the folder relative links start from."""
    folder = posixpath.dirname(page.relative_to(site).as_posix())
    return folder + "/" if folder else ""


def page_label(site: Path, page: Path) -> str:
    """How budgets and reports name a page: ``/`` (home), ``fr/pays/haiti/``, ``fr/404.html``."""
    rel = page.relative_to(site).as_posix()
    if rel == "index.html":
        return "/"
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def resolve(address: str, url: str) -> str | None:
    """The site-relative file a link points to, or None if it leaves the site or is inline data."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.I):
        return None  # http:, data:, mailto: ... nothing on this site
    url = url.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0]
    path = posixpath.normpath(posixpath.join(address, url)) if not url.startswith("/") else url.lstrip("/")
    return "" if path == "." else path


def loads(site: Path, page: Path) -> tuple[ParsedPage, list[Resource]]:
    """The page's parse and every file a first visit downloads (the page itself first)."""
    address = page_address(site, page)
    parsed = parse(page.read_text(encoding="utf-8"))
    files = [Resource(page.relative_to(site).as_posix(), "document")]
    for resource in parsed.resources:
        target = resolve(address, resource.url)
        if target is not None:
            files.append(Resource(target, resource.kind, resource.in_head, resource.blocking))
    files += _search_files(site, address, parsed.config)
    unique = {resource.url: resource for resource in reversed(files)}
    return parsed, [unique[url] for url in dict.fromkeys(r.url for r in files)]


def _search_files(site: Path, address: str, config: dict | None) -> list[Resource]:
    """Material starts its search worker on every page; the worker fetches the index at once."""
    if not config or not config.get("search"):
        return []
    base = resolve(address, config.get("base", ".") + "/") or ""
    worker = resolve(address, config["search"])
    index = posixpath.join(base, "search/search_index.json")
    found = [Resource(worker, "search"), Resource(index, "search")]
    languages = _index_languages(site / index)
    stemmers = [f"lunr.{code}.min.js" for code in languages if code != "en"]
    if stemmers:
        stemmer_support = posixpath.join(base, "assets/javascripts/lunr/min/lunr.stemmer.support.min.js")
        found.append(Resource(stemmer_support, "search"))
        found += [Resource(posixpath.join(base, "assets/javascripts/lunr/min", name), "search") for name in stemmers]
        if len(languages) > 1:
            found.append(Resource(posixpath.join(base, "assets/javascripts/lunr/min/lunr.multi.min.js"), "search"))
    return found


def _index_languages(index: Path) -> list[str]:
    if not index.is_file():
        return []
    return json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", ["en"])


@cache
def _transfer_size(path: Path, mtime_ns: int) -> int:
    data = path.read_bytes()
    if COMPRESSIBLE.search(path.name):
        return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))
    return len(data)


def transfer_size(path: Path) -> int:
    """Bytes on the wire: gzipped at level 6 if text, as is if not."""
    return _transfer_size(path, path.stat().st_mtime_ns)


@dataclass
class Weight:
    page: str
    total: int
    by_file: dict[str, int]
    missing: list[str]


def page_weight(site: Path, page: Path) -> Weight:
    _, files = loads(site, page)
    by_file, missing = {}, []
    for resource in files:
        path = site / resource.url
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            by_file[resource.url] = transfer_size(path)
        else:
            missing.append(resource.url)
    return Weight(page_label(site, page), sum(by_file.values()), by_file, missing)


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
