"""A local server on 127.0.0.1 that plays the sites of tests/watch/data/sources.yaml, for the source
watch's tests and for trying ``make watch`` by hand. No test reaches the internet.

Every request comes to this one server (``python -m peaceops watch --via http://127.0.0.1:PORT``);
the ``Host`` header says which site is asked. The sites have two phases: ``before`` (every page
there) and ``after`` (one page changed, one menu changed, one moved, three gone, one slow, one site
in trouble), and the Wayback Machine's availability API answers for the gone pages. Each request is
logged with its host, path, user agent and how many were in progress at once.

By hand (the "after" phase, and a last state recorded in the "before" phase, in a temporary folder):

    .venv/bin/python tests/sourceserver.py            # prints the make watch command to run
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

HERE = Path(__file__).resolve().parent / "watch"
DATA = HERE / "data"
STATE_BEFORE = HERE / "state-before.json"
ARCHIVE = "http://archive.example.net/wayback/available"
BEFORE_DAY = "2026-11-25"
AFTER_DAY = "2026-12-02"

MENU_BEFORE = ["Home", "About us", "Peace operations", "Contact"]
MENU_AFTER = ["Home", "Who we are", "Peace operations", "News", "Contact us"]


def page(title: str, body: str, *, menu: list[str] = MENU_BEFORE, main: bool = True) -> str:
    """A page as sites make them: a header, a menu, the text (in <main>, or in a plain <div>), a footer."""
    links = "".join(f'<li><a href="/{item.lower().replace(" ", "-")}">{item}</a></li>' for item in menu)
    content = f"<h1>{title}</h1>\n{body}"
    wrapped = f'<main id="content">{content}</main>' if main else f'<div id="content" class="page">{content}</div>'
    return (
        f"<!doctype html><html lang=en><head><title>{title}</title><style>body{{margin:0}}</style></head>"
        f'<body><header><a href="/">Example</a></header><div id="menu"><ul>{links}</ul></div>\n'
        f"<div class=wrapper>{wrapped}</div>\n<footer><p>Date modified: 2026-11-01</p></footer>"
        "<script>var clicks = 0;</script></body></html>"
    )


CURRENT_BEFORE = "<p>Canadian police serve in Haiti, the Democratic Republic of the Congo and the West Bank.</p>"
CURRENT_AFTER = (
    "<p>Canadian police serve in Haiti, the Democratic Republic of the Congo, the West Bank and Kosovo.</p>"
)
PARTNERS = "<p>Partner police services:</p><ul><li>Montréal Police Service</li><li>Ontario Provincial Police</li></ul>"


@dataclass(frozen=True)
class Answer:
    status: int
    body: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    hang: bool = False  # never answer (until the server stops)
    # Hostile sites (issue 32): a body too long to hold, made of pieces each sent many times over
    # ((text, times), ...), after ``body``; an answer that comes a byte at a time, ``drip`` seconds
    # apart (the headers too when ``drip_headers``); an answer that waits ``delay`` seconds first.
    pieces: tuple[tuple[str, int], ...] = ()
    drip: float = 0.0
    drip_headers: bool = False
    delay: float = 0.0
    raw: bytes = b""  # sent as it is, instead of an HTTP answer

    @property
    def length(self) -> int:
        return len(self.body.encode("utf-8")) + sum(len(text.encode("utf-8")) * times for text, times in self.pieces)

    def chunks(self) -> Iterator[bytes]:
        """The body, a piece at a time (about 1 MB each), never whole."""
        yield self.body.encode("utf-8")
        for text, times in self.pieces:
            piece = text.encode("utf-8")
            batch = max(1, (1 << 20) // max(len(piece), 1))
            for start in range(0, times, batch):
                yield piece * min(batch, times - start)


def html(body: str, *extra: tuple[str, str]) -> Answer:
    return Answer(200, body, (("Content-Type", "text/html; charset=utf-8"), *extra))


def redirect(status: int, to: str) -> Answer:
    return Answer(status, "", (("Location", to),))


# (host, path) -> the answer in each phase.
SITES: dict[tuple[str, str], dict[str, Answer]] = {}


def _both(host: str, path: str, answer: Answer) -> None:
    SITES[(host, path)] = {"before": answer, "after": answer}


def _play(host: str, path: str, before: Answer, after: Answer) -> None:
    SITES[(host, path)] = {"before": before, "after": after}


ROBOTS_OPEN = Answer(200, "User-agent: *\nDisallow:\n", (("Content-Type", "text/plain"),))
_both("www.example.org", "/robots.txt", ROBOTS_OPEN)
_both("www.example.org", "/en", html(page("Example Police", "<p>Welcome.</p>")))
_play(
    "www.example.org",
    "/en/current-operations",
    html(page("Current operations", CURRENT_BEFORE), ("ETag", '"current-1"')),
    html(page("Current operations", CURRENT_AFTER), ("ETag", '"current-2"')),
)
_both(
    "www.example.org",
    "/fr/missions-en-cours",
    html(page("Missions en cours", "<p>Des policiers canadiens servent en Haïti.</p>"), ("ETag", '"missions-1"')),
)
_play(
    "www.example.org",
    "/en/partners",
    html(
        page("Partner police services", PARTNERS, main=False),
        ("ETag", '"partners-1"'),
        ("Last-Modified", "Sun, 01 Nov 2026 10:00:00 GMT"),
    ),
    html(
        page("Partner police services", PARTNERS, menu=MENU_AFTER, main=False),
        ("ETag", '"partners-2"'),
        ("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT"),
    ),
)
_play(
    "www.example.org",
    "/po-mp/index-eng.htm",
    html(page("International Peace Operations", "<p>The program since 1989.</p>")),
    redirect(301, "https://www.example.com/en/peace-operations"),
)
_play(
    "www.example.org",
    "/en/annual-report-2019",
    html(page("Annual report 2019", "<p>More than 4,000 officers since 1989.</p>")),
    Answer(404, "<h1>Not found</h1>", (("Content-Type", "text/html"),)),
)
_play(
    "www.example.org",
    "/en/news/2017-deployment",
    html(page("Police officers deploy", "<p>Twenty officers deploy to Iraq.</p>")),
    Answer(410, "<h1>Gone</h1>", (("Content-Type", "text/html"),)),
)
_play(
    "www.example.org",
    "/en/history",
    html(page("History of the program", "<p>It began in 1989 in Namibia.</p>")),
    redirect(302, "/en"),
)
_both("www.example.org", "/en/statement-2006", Answer(404, "<h1>Not found</h1>", (("Content-Type", "text/html"),)))

_both("slow.example.net", "/robots.txt", Answer(404, "", (("Content-Type", "text/plain"),)))
_play(
    "slow.example.net",
    "/report",
    Answer(200, "%PDF-1.4 field report", (("Content-Type", "application/pdf"),)),
    Answer(200, hang=True),
)

_both(
    "www.example.com",
    "/robots.txt",
    Answer(200, "User-agent: *\nDisallow: /private/\n", (("Content-Type", "text/plain"),)),
)
# The page that moved, as it was (with another menu: not a change).
_both(
    "www.example.com",
    "/en/peace-operations",
    html(page("International Peace Operations", "<p>The program since 1989.</p>", menu=MENU_AFTER)),
)
_play(
    "www.example.com",
    "/en/deployments",
    html(page("Deployments", "<p>Where our people serve.</p>"), ("Last-Modified", "Sun, 01 Nov 2026 10:00:00 GMT")),
    Answer(503, "<h1>Service unavailable</h1>", (("Content-Type", "text/html"),)),
)
_play(
    "www.example.com",
    "/fr/deploiements",
    html(page("Déploiements", "<p>Où servent les nôtres.</p>"), ("Last-Modified", "Sun, 01 Nov 2026 10:00:00 GMT")),
    Answer(503, "<h1>Service indisponible</h1>", (("Content-Type", "text/html"),)),
)
_both("www.example.com", "/private/briefing", html(page("Briefing", "<p>Not for robots.</p>")))
_both("www.example.com", "/en/about", html(page("About the program", "<p>Since 1989.</p>"), ("ETag", '"about-1"')))

# What the Wayback Machine has: the address asked for -> (timestamp, copy's address).
WAYBACK = {
    "https://www.example.org/en/annual-report-2019": (
        "20261124093000",
        "http://web.archive.org/web/20261124093000/https://www.example.org/en/annual-report-2019",
    ),
    "https://www.example.org/en/history": (
        "20250310120000",
        "http://web.archive.org/web/20250310120000/https://www.example.org/en/history",
    ),
}


# --- Hostile sites (issue 32): what a site can do to a watch that is not careful -------------------
# Each host's robots.txt is missing (404: every page may be read) unless given.
NO_ROBOTS = Answer(404, "", (("Content-Type", "text/plain"),))
HTML = ("Content-Type", "text/html; charset=utf-8")
MB = 1024 * 1024
for _host in (
    "drip.example.net",
    "hops.example.net",
    "late.example.net",
    "huge.example.net",
    "odd.example.net",
    "gone.example.net",
):
    _both(_host, "/robots.txt", NO_ROBOTS)
# A byte every quarter of a second: the body (its headers come at once), or the whole answer.
_both("drip.example.net", "/body", Answer(200, page("Slow", "<p>" + "word " * 400 + "</p>"), (HTML,), drip=0.25))
_both(
    "drip.example.net",
    "/headers",
    Answer(
        200,
        page("Slow", "<p>Slow.</p>"),
        (HTML, *((f"X-Filler-{n}", "x" * 50) for n in range(40))),
        drip=0.25,
        drip_headers=True,
    ),
)
# A site whose robots.txt comes a byte at a time: none of its pages can be read.
_both("dripbot.example.net", "/robots.txt", Answer(200, "User-agent: *\n" + "# slow\n" * 100, drip=0.25))
_both("dripbot.example.net", "/one", html(page("One", "<p>One.</p>")))
_both("dripbot.example.net", "/two", html(page("Two", "<p>Two.</p>")))
# Ten redirects, each half a second in coming: each is quick, the chain is not.
HOPS = 10
for _hop in range(1, HOPS + 1):
    _both("hops.example.net", f"/hop/{_hop}", Answer(302, "", (("Location", f"/hop/{_hop + 1}"),), delay=0.5))
_both("hops.example.net", f"/hop/{HOPS + 1}", html(page("At last", "<p>The end of the chain.</p>")))
# A page at once, then one that takes ten seconds, then another at once.
_both("late.example.net", "/first", html(page("First", "<p>At once.</p>")))
_both("late.example.net", "/second", Answer(200, page("Second", "<p>Late.</p>"), (HTML,), delay=10))
_both("late.example.net", "/third", html(page("Third", "<p>At once.</p>")))
# 200 MB pages: text, tags, and a file that is not a page.
_both("huge.example.net", "/page", Answer(200, "<html><body><main><p>", (HTML,), pieces=(("word ", 40 * MB),)))
_both("huge.example.net", "/tags", Answer(200, "<html><body>", (HTML,), pieces=(("<i>", 67 * MB),)))
_both(
    "huge.example.net",
    "/report.pdf",
    Answer(200, "%PDF-1.4\n", (("Content-Type", "application/pdf"),), pieces=(("0123456789abcdef", 12 * MB),)),
)
# A 20 MB robots.txt: rules at its start and just inside its first 500 KiB (obeyed), one just beyond
# (ignored, as major crawlers do).
ROBOTS_FILLER = "# " + "-" * 61 + "\n"  # 64 bytes
_both(
    "robots.example.net",
    "/robots.txt",
    Answer(
        200,
        "User-agent: *\nDisallow: /early/\n",
        (("Content-Type", "text/plain"),),
        pieces=(
            (ROBOTS_FILLER, 7_800),
            ("Disallow: /edge/\n", 1),
            (ROBOTS_FILLER, 300),
            ("Disallow: /\n", 1),
            (ROBOTS_FILLER, 320_000),
        ),
    ),
)
_both("robots.example.net", "/early/page", html(page("Early", "<p>Closed by the first rule.</p>")))
_both("robots.example.net", "/edge/page", html(page("Edge", "<p>Closed by a rule just inside 500 KiB.</p>")))
_both("robots.example.net", "/late/page", html(page("Late", "<p>Closed only by a rule beyond 500 KiB.</p>")))
_both("huge.example.net", "/small", html(page("Small", "<p>A page of an ordinary size.</p>")))
# Pages that once stopped a careless parser: nesting 100,000 deep, a charset that is not one, a
# redirect to a port that cannot be.
_both("odd.example.net", "/deep", html("<html><body>" + "<div>" * 100_000 + "Deep." + "</div>" * 100_000))
_both(
    "odd.example.net",
    "/charset",
    Answer(200, page("Charset", "<p>Caf\u00e9.</p>"), (("Content-Type", "text/html; charset=rot13"),)),
)
_both("odd.example.net", "/port", redirect(302, "https://odd.example.net:99999/elsewhere"))
_both("odd.example.net", "/long", redirect(301, "/" + "very-long-" * 6_000))  # a 60,000-character address
# An answer that is not HTTP, made of what a terminal obeys (clear the screen, red text) and a line break.
_both("odd.example.net", "/not-http", Answer(200, raw=b"\x1b[2J\x1b[31mHACKED\r\nSecond line\r\n\r\n"))
_both("odd.example.net", "/bad-header", Answer(200, raw=b"HTTP/1.1 200 OK\r\n\x1b[2J: x\r\n" + b"X: y\r\n" * 200 + b"\r\n"))
# A page that moves to a development server and one that moves to a loopback address: neither is an
# address a source may cite, so no line is suggested.
_both("odd.example.net", "/to-dev", redirect(301, "https://dev.example.org/page"))
_both("odd.example.net", "/to-loopback", redirect(301, "http://127.0.0.1/page"))
_both("dev.example.org", "/page", html(page("On the development server", "<p>Moved.</p>")))
_both("127.0.0.1", "/page", html(page("On the loopback address", "<p>Moved.</p>")))

# The archive's answers for the gone pages of gone.example.net (every path there is 404): the
# "closest" value it gives, as hostile as an answer can be, and two good ones.
GONE = "https://gone.example.net"


def _closest(url: object, stamp: str = "20261101000000") -> dict[str, object]:
    return {"available": True, "status": "200", "timestamp": stamp, "url": url}


ARCHIVE_ANSWERS: dict[str, object] = {
    f"{GONE}/javascript": _closest(f"javascript://web.archive.org/web/20261101000000/{GONE}/javascript%0aalert(1)"),
    f"{GONE}/data": _closest("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    f"{GONE}/number": _closest(12345),
    f"{GONE}/other-host": _closest(f"http://web.archive.org.evil.example/web/20261101000000/{GONE}/other-host"),
    f"{GONE}/user": _closest(f"http://web.archive.org@evil.example/web/20261101000000/{GONE}/user"),
    f"{GONE}/other-page": _closest(f"http://web.archive.org/web/20261101000000/{GONE}/another-page"),
    f"{GONE}/no-capture": _closest(f"http://web.archive.org/{GONE}/no-capture"),
    f"{GONE}/no-date": _closest(f"http://web.archive.org/web/20261399000000/{GONE}/no-date", "20261399000000"),
    f"{GONE}/future": _closest(f"http://web.archive.org/web/20990101000000/{GONE}/future", "20990101000000"),
    f"{GONE}/ancient": _closest(f"http://web.archive.org/web/19890101000000/{GONE}/ancient", "19890101000000"),
    f"{GONE}/said-true": {
        **_closest(f"http://web.archive.org/web/20261101000000/{GONE}/said-true"),
        "available": "false",
    },
    f"{GONE}/list": [_closest(f"http://web.archive.org/web/20261101000000/{GONE}/list")],
    # Good: the copy of the http:// address with a slash after it is the same page; a copy on the endpoint's host.
    f"{GONE}/good": _closest("http://web.archive.org/web/20261101000000/http://gone.example.net/good/"),
    f"{GONE}/own-host": _closest(f"http://web.archive.example.net/web/20261102000000/{GONE}/own-host"),
}


@dataclass(frozen=True)
class Logged:
    host: str
    path: str
    user_agent: str
    at_once: int  # requests to the same host in progress when this one came in, itself included
    started: float


class SourceServer:
    """The server, its phase (which the test may change between two watches) and its request log."""

    def __init__(self, port: int = 0):
        self.phase = "before"
        self.log: list[Logged] = []
        self.in_progress: dict[str, int] = {}
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.httpd.daemon_threads = True

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def _answer(self, host: str, target: str) -> Answer:
        parts = urlsplit(target)
        if host == "archive.example.net" and parts.path == "/wayback/available":
            asked = parse_qs(parts.query)
            url = asked.get("url", [""])[0]
            found = WAYBACK.get(url)
            closest = {"available": True, "status": "200", "timestamp": found[0], "url": found[1]} if found else None
            closest = ARCHIVE_ANSWERS.get(url, closest)
            body = {"url": url, "archived_snapshots": {"closest": closest} if closest else {}}
            return Answer(200, json.dumps(body), (("Content-Type", "application/json"),))
        phases = SITES.get((host, parts.path))
        if phases is None:
            return Answer(404, "<h1>Not found</h1>", (("Content-Type", "text/html"),))
        return phases[self.phase]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").lower()
                with server.lock:
                    server.in_progress[host] = server.in_progress.get(host, 0) + 1
                    agent = self.headers.get("User-Agent", "")
                    server.log.append(Logged(host, self.path, agent, server.in_progress[host], time.monotonic()))
                try:
                    answer = server._answer(host, self.path)
                    if answer.hang:
                        server.stop.wait(60)
                        return
                    if answer.delay and server.stop.wait(answer.delay):
                        return
                    self._send(answer)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the watch stopped reading: what a careful client does with a huge or slow answer
                finally:
                    with server.lock:
                        server.in_progress[host] -= 1

            def _send(self, answer: Answer) -> None:
                if answer.raw:
                    self.close_connection = True
                    self.wfile.write(answer.raw)
                    return
                head = [f"HTTP/1.1 {answer.status} {HTTPStatus(answer.status).phrase}"]
                head += [f"{name}: {value}" for name, value in answer.headers]
                head += [f"Content-Length: {answer.length}", "Connection: close", "", ""]
                head_bytes = "\r\n".join(head).encode("latin-1")
                self.close_connection = True
                if not answer.drip:
                    self.wfile.write(head_bytes)
                    for chunk in answer.chunks():
                        self.wfile.write(chunk)
                    return
                # A byte at a time (the headers whole first, unless they drip too), until the client stops.
                if not answer.drip_headers:
                    self.wfile.write(head_bytes)
                    self.wfile.flush()
                    head_bytes = b""
                for chunk in (head_bytes, *answer.chunks()):
                    for byte in chunk:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        if server.stop.wait(answer.drip):
                            return

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def start(self) -> None:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def source_server():
    server = SourceServer()
    server.start()
    try:
        yield server
    finally:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--phase", choices=("before", "after"), default="after")
    args = parser.parse_args()
    server = SourceServer(args.port)
    server.phase = args.phase
    state = Path(tempfile.mkdtemp(prefix="watch-demo-")) / "sources.json"
    shutil.copyfile(STATE_BEFORE, state)
    print(
        f"Playing the sites of {DATA.relative_to(HERE.parent.parent)}/sources.yaml ({args.phase}) at {server.address}"
    )
    print("In another terminal, from the repository:")
    print(
        f'  make watch WATCH_OPTIONS="--data tests/watch/data --state {state} --via {server.address} '
        f'--archive {ARCHIVE} --timeout 3 --pause 0 --day {AFTER_DAY}"'
    )
    print("Stop with Ctrl-C.")
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop.set()
        server.httpd.server_close()


if __name__ == "__main__":
    main()
