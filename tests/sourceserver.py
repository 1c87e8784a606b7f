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
from contextlib import contextmanager
from dataclasses import dataclass
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
                    body = answer.body.encode("utf-8")
                    self.send_response(answer.status)
                    for name, value in answer.headers:
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                finally:
                    with server.lock:
                        server.in_progress[host] -= 1

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
    print(f"Playing the sites of {DATA.relative_to(HERE.parent.parent)}/sources.yaml ({args.phase}) at {server.address}")
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
