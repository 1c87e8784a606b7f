"""Reading the pages the data cites, politely, and following each address to where it ends.

Why: the watch reads other people's sites every week, so it behaves as a good guest: one request at
a time (never two at once to any host), a pause between two requests to the same host, a short
timeout, a user agent that names the site and where to learn about it, and no page that the site's
``robots.txt`` closes to robots. Redirects are followed here, one by one, so the watch knows where
an address ends and whether it ends on the site's home page. Network trouble is reported as such
(the ``trouble`` of a ``Visit``), never as a missing page.

It is also a careful guest: what a site sends cannot hold it or fill its memory. Each page has a
deadline for all its reads and redirects together, and the run one for everything (``deadline.py``);
bodies are read as a stream, a page's up to ``PAGE_BYTES``, a file's fingerprinted as it comes up to
``FILE_BYTES``, a robots.txt up to ``ROBOTS_BYTES``, and what is beyond is not read. Only http and
https are spoken (no file:, ftp: or data: handler is even installed).

``via`` sends every request to one server instead (keeping each address's host in the ``Host``
header), so the tests and ``make watch``'s demonstration play whole sites on 127.0.0.1.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from http import HTTPStatus
from typing import Any
from urllib.error import URLError
from urllib.parse import quote, urljoin, urlsplit, urlunsplit
from urllib.request import (
    AbstractHTTPHandler,
    OpenerDirector,
    ProxyHandler,
    Request,
    UnknownHandler,
)
from urllib.robotparser import RobotFileParser

from peaceops.source.messages import message
from peaceops.watch.deadline import Deadline, Watchdog, duration, sooner
from peaceops.watch.maintext import file_fingerprint, fingerprint, is_page

ROBOT_NAME = "peaceops-source-watch"
REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 10
ROBOTS_REDIRECTS = 5  # RFC 9309, 2.3.1.2: a crawler follows at least five redirects to a robots.txt
MAX_ADDRESS = 8000  # characters: what RFC 9110 asks every client to take; no page cited has a longer one
WEB_SCHEMES = ("http", "https")
PAGE_BYTES = 4 * 1024 * 1024  # an HTML page, kept for its main text (the pages cited are far smaller)
FILE_BYTES = 20 * 1024 * 1024  # a file, such as a long report as a PDF, fingerprinted as it comes
ROBOTS_BYTES = 500 * 1024  # what RFC 9309 asks crawlers to read of a robots.txt, and what Google reads
ANSWER_BYTES = 1024 * 1024  # an archive's answer
CHUNK = 64 * 1024  # one read
PAGE_TIMEOUTS = 4  # a page may take this many timeouts, all its reads and redirects together (60 s by default)
RUN_DEADLINE = 45 * 60.0  # seconds for the whole run: the weekly job is stopped at 60 minutes


def user_agent(site_url: str | None) -> str:
    """Who is asking, and where a site's owner can find out more."""
    where = f"+{site_url}; " if site_url else ""
    return (
        f"{ROBOT_NAME}/1.0 ({where}the International Police Peace Operations Program website's weekly "
        "check of the pages it cites)"
    )


def plain_address(url: str) -> str:
    """The address as it goes on the wire, and as the report prints it: an accented host in its IDNA
    form, other accents, spaces and control characters percent-encoded (an address a site sends, in a
    redirect, must not carry terminal escapes into an editor's terminal or the watch's issue)."""
    url = re.sub(r"[\x00-\x20\x7f]", lambda found: f"%{ord(found.group()):02X}", url)
    parts = urlsplit(url)
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii")
        netloc = host + (f":{parts.port}" if parts.port else "")
    except (UnicodeError, ValueError):  # a host that cannot be, a port that is not a number up to 65535
        return quote(url, safe="/%:@!$&'()*+,;=-._~?#[]")  # the request then fails, and says why
    keep = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=keep), quote(parts.query, safe=keep), ""))


def status_words(status: int) -> str:
    """``404 Not Found``: the number and what it means."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Message
    body: bytes  # as much as was asked for, at most


class Unreachable(Exception):
    """No answer at all; ``why`` says what went wrong, in plain words; ``cut`` is the deadline that
    ended the request, when one did."""

    def __init__(self, why: str, cut: Deadline | None = None):
        super().__init__(why)
        self.why = why
        self.cut = cut

    @property
    def by_run(self) -> bool:
        """Cut by the run's deadline: the address was not read this time, which says nothing of it."""
        return self.cut is not None and self.cut.whole_run


@dataclass(frozen=True)
class Visit:
    """What one address gave, followed to its end."""

    address: str
    final: str
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    text: str | None = None  # the fingerprint of its main text, when it answered with a page
    trouble: str | None = None  # why nothing could be read, when it could not
    closed: bool = False  # robots.txt asks robots not to read it
    redirects: tuple[str, ...] = ()  # the addresses passed through on the way to ``final``
    not_read: bool = False  # the run's deadline came first: nothing is known of it this time


class _Answer:
    """A response whose headers are in and whose body is read only as far as it is asked for, under
    the request's deadline (``fault`` tells what went wrong: the deadline when it has passed)."""

    def __init__(
        self,
        response: http.client.HTTPResponse,
        fault: Callable[[BaseException | None], Unreachable],
        expired: Callable[[], bool],
    ):
        self.status = response.status
        self.headers: Message = response.headers
        self._response = response
        self._fault = fault
        self._expired = expired

    def chunks(self, limit: int) -> Iterator[bytes]:
        """The body, a read at a time, up to ``limit`` bytes; what is beyond is not read."""
        taken = 0
        try:
            while taken < limit:
                chunk = self._response.read1(min(CHUNK, limit - taken))
                if not chunk:
                    break
                taken += len(chunk)
                yield chunk
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise self._fault(error) from error
        # An end that is not the body's: the deadline closed the connection, or the site did, early.
        if self._expired() or (taken < limit and (self._response.length or 0) > 0):
            raise self._fault(None)

    def body(self, limit: int) -> bytes:
        kept = bytearray()
        for chunk in self.chunks(limit):
            kept += chunk
        return bytes(kept)


class _WatchedConnection(http.client.HTTPConnection):
    """A connection the watchdog can close once it is open (connecting has the request's timeout)."""

    watchdog: Watchdog

    def connect(self) -> None:
        super().connect()
        self.watchdog.watch(self.sock)


class _WatchedSecureConnection(http.client.HTTPSConnection):
    watchdog: Watchdog

    def connect(self) -> None:
        super().connect()
        self.watchdog.watch(self.sock)


class _Handler(AbstractHTTPHandler):
    """http and https through watched connections, every answer handed back as it is: no redirect
    followed (the watch follows them itself) and no status turned into an error."""

    def __init__(self, watchdog: Watchdog):
        super().__init__()
        self._watchdog = watchdog
        self._context = ssl.create_default_context()

    def _connection(self, kind: type[_WatchedConnection] | type[_WatchedSecureConnection]) -> Any:
        def make(host: str, **options: Any) -> http.client.HTTPConnection:
            connection = kind(host, **options)
            connection.watchdog = self._watchdog
            return connection

        return make

    def http_open(self, request: Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection(_WatchedConnection), request)

    def https_open(self, request: Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection(_WatchedSecureConnection), request, context=self._context)

    http_request = AbstractHTTPHandler.do_request_
    https_request = AbstractHTTPHandler.do_request_


@dataclass
class Fetcher:
    user_agent: str
    timeout: float = 15.0
    pause: float = 1.0
    via: str | None = None
    page_deadline: float | None = None  # seconds; None: PAGE_TIMEOUTS times the timeout
    run_deadline: float | None = None  # seconds from now; None: no limit
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | str] = field(default_factory=dict)
    _opener: OpenerDirector = field(init=False)
    _watchdog: Watchdog = field(init=False, default_factory=Watchdog)
    _run: Deadline | None = field(init=False, default=None)
    _page: Deadline | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.page_deadline is None:
            self.page_deadline = PAGE_TIMEOUTS * self.timeout
        self._opener = OpenerDirector()
        # Straight to the local server with via, whatever proxy is set; else the proxy the environment names.
        for handler in (ProxyHandler({} if self.via else None), _Handler(self._watchdog), UnknownHandler()):
            self._opener.add_handler(handler)
        if self.run_deadline is not None:
            self._run = Deadline(self.clock() + self.run_deadline, self.run_deadline, whole_run=True)

    def _new_page(self) -> Deadline:
        seconds = self.page_deadline or PAGE_TIMEOUTS * self.timeout
        return Deadline(self.clock() + seconds, seconds, whole_run=False)

    @property
    def run_over(self) -> bool:
        """Whether the run's deadline has passed: nothing more is asked for."""
        return self._run is not None and self.clock() >= self._run.end

    def visit(self, address: str) -> Visit:
        """Follow ``address`` to its end and read what is there, within the page's deadline."""
        url = address
        passed: list[str] = []
        self._page = self._new_page()
        try:
            for _ in range(MAX_REDIRECTS + 1):
                if not self._allowed(url):
                    return Visit(address, url, closed=True, redirects=tuple(passed))
                with self._exchange(url) as answer:
                    location = answer.headers.get("Location")
                    if answer.status in REDIRECTS and location:
                        passed.append(url)
                        url = plain_address(urljoin(url, location.strip()))
                        if len(url) > MAX_ADDRESS:
                            raise Unreachable(message("watch_long_redirect", limit=f"{MAX_ADDRESS:,}"))
                        if not followable(url):
                            raise Unreachable(message("watch_odd_redirect", target=_plain_words(url)))
                        continue
                    return self._read(address, url, answer, tuple(passed))
            raise Unreachable(message("watch_too_many_redirects", count=MAX_REDIRECTS))
        except Unreachable as trouble:
            return Visit(address, url, trouble=trouble.why, redirects=tuple(passed), not_read=trouble.by_run)
        finally:
            self._page = None

    def _read(self, address: str, url: str, answer: _Answer, passed: tuple[str, ...]) -> Visit:
        if answer.status >= 500 or answer.status == HTTPStatus.TOO_MANY_REQUESTS:
            raise Unreachable(message("watch_server_error", status=status_words(answer.status)))
        text = None
        if 200 <= answer.status < 300:
            content_type, charset = answer.headers.get_content_type(), answer.headers.get_content_charset()
            if is_page(content_type):
                text = fingerprint(answer.body(PAGE_BYTES), content_type, charset)
            else:
                text = file_fingerprint(answer.chunks(FILE_BYTES))
        return Visit(
            address,
            url,
            status=answer.status,
            etag=answer.headers.get("ETag"),
            last_modified=answer.headers.get("Last-Modified"),
            text=text,
            redirects=passed,
        )

    def get(self, url: str, limit: int = ANSWER_BYTES) -> Reply:
        """One GET and up to ``limit`` bytes of its body, after the pause its host is owed, within a
        page's deadline; raises ``Unreachable`` when there is no answer."""
        own = self._page is None
        if own:
            self._page = self._new_page()
        try:
            with self._exchange(url) as answer:
                return Reply(answer.status, answer.headers, answer.body(limit) if limit else b"")
        finally:
            if own:
                self._page = None

    @contextmanager
    def _exchange(self, url: str) -> Iterator[_Answer]:
        """One GET, its headers in, its body left to read; its connection closed after."""
        if not followable(url):
            raise Unreachable(message("watch_odd_redirect", target=_plain_words(plain_address(url))))
        parts = urlsplit(plain_address(url))
        host = parts.netloc.lower()
        deadline = sooner(self._page or self._new_page(), self._run)
        wait = self._last.get(host, -self.pause) + self.pause - self.clock()
        if wait > 0:
            if self.clock() + wait >= deadline.end:
                raise Unreachable(deadline.why, deadline)
            self.sleep(wait)
        left = deadline.end - self.clock()
        if left <= 0:
            raise Unreachable(deadline.why, deadline)
        seconds = min(self.timeout, left)

        def fault(error: BaseException | None) -> Unreachable:
            if self._watchdog.fired or (seconds < self.timeout and _is_timeout(error)):
                return Unreachable(deadline.why, deadline)
            if error is None:
                return Unreachable(message("watch_connection", reason="closed by the site before the end"))
            return Unreachable(self._why(error, parts.hostname or host))

        headers = {"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
        if self.via:
            target = self.via.rstrip("/") + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            headers["Host"] = parts.netloc
        else:
            target = urlunsplit(parts)
        self._watchdog.start(left)
        try:
            try:
                # Only http and https: checked above, and no other handler is installed.
                response = self._opener.open(Request(target, headers=headers), timeout=seconds)  # noqa: S310
            except (URLError, OSError, http.client.HTTPException, ValueError) as error:
                raise fault(error) from error
            with response:
                yield _Answer(response, fault, lambda: self._watchdog.fired)
        finally:
            self._watchdog.stop()
            self._last[host] = self.clock()

    def _why(self, error: BaseException, host: str) -> str:
        reason = error.reason if isinstance(error, URLError) else error
        if _is_timeout(reason):
            return message("watch_timeout", seconds=f"{self.timeout:g}")
        if isinstance(reason, socket.gaierror):
            return message("watch_unknown_host", host=host)
        if isinstance(reason, ssl.SSLError):
            return message("watch_connection", reason=f"secure connection: {reason.reason or reason}")
        if isinstance(reason, ConnectionRefusedError):
            return message("watch_connection", reason="refused")
        if isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected)):
            return message("watch_connection", reason="closed by the site")
        if isinstance(reason, http.client.IncompleteRead):
            return message("watch_connection", reason="closed by the site before the end")
        if isinstance(reason, http.client.HTTPException):
            # Its words hold what the site sent (a status line, a header): never into the report.
            return message("watch_connection", reason="its answer is not one HTTP allows")
        return message("watch_connection", reason=_plain_words(str(reason)) or type(reason).__name__)

    def _allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets robots read ``url``; raises ``Unreachable`` when the site
        cannot be reached at all (then none of its pages is asked for again in this run)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc.lower()}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise Unreachable(rules)
        return rules.can_fetch(ROBOT_NAME, url)

    def _read_robots(self, origin: str) -> RobotFileParser | str:
        """The rules of RFC 9309: a robots.txt that is missing (or any 4xx) allows everything; a server
        error or no answer means the site cannot be read now. Its first ``ROBOTS_BYTES`` are read, and
        a line cut there is left out. One that does not come within a page's deadline closes the site
        for this run; cut by the run's deadline, it is not recorded: nothing is known."""
        url = f"{origin}/robots.txt"
        try:
            for _ in range(ROBOTS_REDIRECTS + 1):
                with self._exchange(url) as answer:
                    location = answer.headers.get("Location")
                    if answer.status in REDIRECTS and location:
                        url = plain_address(urljoin(url, location.strip()))
                        continue
                    if answer.status >= 500:
                        return message("watch_server_error", status=status_words(answer.status))
                    if not 200 <= answer.status < 300:
                        return _rules([])  # none at all (any 4xx): no rule, so every page may be read
                    body = answer.body(ROBOTS_BYTES)
                    break
            else:
                return _rules([])  # more than five redirects: as if there were none (RFC 9309, 2.3.1.2)
        except Unreachable as trouble:
            if trouble.by_run:
                raise
            if trouble.cut is not None:  # said of robots.txt, for each page of the site it stops
                return message("watch_robots_deadline", limit=duration(trouble.cut.seconds))
            return trouble.why
        lines = body.decode("utf-8", errors="replace").splitlines()
        if len(body) >= ROBOTS_BYTES and not body.endswith(b"\n"):
            lines = lines[:-1]
        return _rules(lines)


def followable(url: str) -> bool:
    """Whether the watch can ask for ``url``: http or https, a host, and a port that can be."""
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number up to 65535)
    except ValueError:
        return False
    return parts.scheme in WEB_SCHEMES and bool(parts.hostname)


def _plain_words(text: str, limit: int = 120) -> str:
    """An error's words on one line, control characters escaped, cut short: they reach the report."""
    text = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", lambda found: f"\\x{ord(found.group()):02x}", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rules(lines: list[str]) -> RobotFileParser:
    rules = RobotFileParser()
    rules.parse(lines)
    return rules


def _is_timeout(error: object) -> bool:
    reason = error.reason if isinstance(error, URLError) else error
    return isinstance(reason, (TimeoutError, socket.timeout))
