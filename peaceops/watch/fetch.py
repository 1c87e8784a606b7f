"""Reading the pages the data cites, politely, and following each address to where it ends.

Why: the watch reads other people's sites every week, so it behaves as a good guest: one request at
a time (never two at once to any host), a pause between two requests to the same host, a short
timeout, a user agent that names the site and where to learn about it, and no page that the site's
``robots.txt`` closes to robots. Redirects are followed here, one by one, so the watch knows where
an address ends and whether it ends on the site's home page. Network trouble is reported as such
(the ``trouble`` of a ``Visit``), never as a missing page.

``via`` sends every request to one server instead (keeping each address's host in the ``Host``
header), so the tests and ``make watch``'s demonstration play whole sites on 127.0.0.1.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http import HTTPStatus
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urljoin, urlsplit, urlunsplit
from urllib.request import HTTPRedirectHandler, OpenerDirector, ProxyHandler, Request, build_opener
from urllib.robotparser import RobotFileParser

from peaceops.source.messages import message
from peaceops.watch.maintext import fingerprint

ROBOT_NAME = "peaceops-source-watch"
REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 10
MAX_BYTES = 20 * 1024 * 1024  # a long report as a PDF; what is beyond is not read


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
    except (UnicodeError, ValueError):
        return quote(url, safe="/%:@!$&'()*+,;=-._~?#[]")  # the request then fails, and says why
    netloc = host + (f":{parts.port}" if parts.port else "")
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
    body: bytes


class Unreachable(Exception):
    """No answer at all; ``why`` says what went wrong, in plain words."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


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


class _NoRedirect(HTTPRedirectHandler):
    """Hand every redirect back to the watch, which follows it itself."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Fetcher:
    user_agent: str
    timeout: float = 15.0
    pause: float = 1.0
    via: str | None = None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, RobotFileParser | str] = field(default_factory=dict)
    _opener: OpenerDirector = field(init=False)

    def __post_init__(self) -> None:
        handlers: list[object] = [_NoRedirect()]
        if self.via:
            handlers.append(ProxyHandler({}))  # straight to the local server, whatever proxy is set
        self._opener = build_opener(*handlers)  # type: ignore[arg-type]

    def visit(self, address: str) -> Visit:
        """Follow ``address`` to its end and read what is there."""
        url = address
        passed: list[str] = []
        try:
            for _ in range(MAX_REDIRECTS + 1):
                if not self._allowed(url):
                    return Visit(address, url, closed=True, redirects=tuple(passed))
                reply = self.get(url)
                location = reply.headers.get("Location")
                if reply.status in REDIRECTS and location:
                    passed.append(url)
                    url = plain_address(urljoin(url, location.strip()))
                    if urlsplit(url).scheme not in ("http", "https"):
                        raise Unreachable(message("watch_odd_redirect", target=url))
                    continue
                return self._read(address, url, reply, tuple(passed))
            raise Unreachable(message("watch_too_many_redirects", count=MAX_REDIRECTS))
        except Unreachable as trouble:
            return Visit(address, url, trouble=trouble.why, redirects=tuple(passed))

    def _read(self, address: str, url: str, reply: Reply, passed: tuple[str, ...]) -> Visit:
        if reply.status >= 500 or reply.status == HTTPStatus.TOO_MANY_REQUESTS:
            raise Unreachable(message("watch_server_error", status=status_words(reply.status)))
        text = None
        if 200 <= reply.status < 300:
            text = fingerprint(reply.body, reply.headers.get_content_type(), reply.headers.get_content_charset())
        return Visit(
            address,
            url,
            status=reply.status,
            etag=reply.headers.get("ETag"),
            last_modified=reply.headers.get("Last-Modified"),
            text=text,
            redirects=passed,
        )

    def get(self, url: str) -> Reply:
        """One GET, after the pause its host is owed; raises ``Unreachable`` when there is no answer."""
        parts = urlsplit(plain_address(url))
        host = parts.netloc.lower()
        wait = self._last.get(host, -self.pause) + self.pause - self.clock()
        if wait > 0:
            self.sleep(wait)
        headers = {"User-Agent": self.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
        if self.via:
            target = self.via.rstrip("/") + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            headers["Host"] = parts.netloc
        else:
            target = urlunsplit(parts)
        try:
            # The address is http or https: sources.yaml's addresses are checked, and so is each redirect.
            with self._opener.open(Request(target, headers=headers), timeout=self.timeout) as response:  # noqa: S310
                return Reply(response.status, response.headers, response.read(MAX_BYTES))
        except HTTPError as error:
            with error:
                return Reply(error.code, error.headers, error.read(MAX_BYTES))
        except (URLError, OSError, http.client.HTTPException, ValueError) as error:
            raise Unreachable(self._why(error, parts.hostname or host)) from error
        finally:
            self._last[host] = self.clock()

    def _why(self, error: BaseException, host: str) -> str:
        reason = error.reason if isinstance(error, URLError) else error
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return message("watch_timeout", seconds=f"{self.timeout:g}")
        if isinstance(reason, socket.gaierror):
            return message("watch_unknown_host", host=host)
        if isinstance(reason, ssl.SSLError):
            return message("watch_connection", reason=f"secure connection: {reason.reason or reason}")
        if isinstance(reason, ConnectionRefusedError):
            return message("watch_connection", reason="refused")
        if isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected)):
            return message("watch_connection", reason="closed by the site")
        return message("watch_connection", reason=str(reason) or type(reason).__name__)

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
        error or no answer means the site cannot be read now."""
        rules = RobotFileParser()
        url = f"{origin}/robots.txt"
        try:
            for _ in range(5):
                reply = self.get(url)
                location = reply.headers.get("Location")
                if reply.status in REDIRECTS and location:
                    url = urljoin(url, location.strip())
                    continue
                break
        except Unreachable as trouble:
            return trouble.why
        if reply.status >= 500:
            return message("watch_server_error", status=status_words(reply.status))
        # Read, or none at all (any 4xx): no rule, so every page may be read.
        lines = reply.body.decode("utf-8", errors="replace").splitlines() if 200 <= reply.status < 300 else []
        rules.parse(lines)
        return rules
