"""How the watch follows an address (peaceops/watch/fetch.py), in the tests' own process, against a
small server of this file's own on 127.0.0.1: which codes are a move and which are an answer, how far
a chain of moves may go, which answers are trouble, what robots.txt closes, and what reaches the
report about an address.

Why here as well as tests/test_source_watch.py and test_watch_redirect_codes.py: those run the whole
watch in another process, which mutmut cannot trace (tests/MUTATION.md); these call ``Fetcher``
directly, so a planted bug in fetching fails a test mutmut can count, in a fraction of a second.
"""
from __future__ import annotations

import hashlib
import http.client
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from peaceops.source.messages import message
from peaceops.watch import fetch
from peaceops.watch.deadline import duration
from peaceops.watch.fetch import Fetcher, Unreachable, followable, plain_address, status_words, user_agent

HOST = "site.example.org"
PAGE = b"<html><body><main><p>The page's own text.</p></main></body></html>"
PDF = b"%PDF-1.4 a report"


class Site:
    """A server whose answers the test sets: (host, path) -> (status, headers, body)."""

    def __init__(self) -> None:
        self.answers: dict[tuple[str, str], tuple[int, dict[str, str], bytes]] = {}
        self.raw: dict[tuple[str, str], bytes] = {}  # sent as they are, instead of an HTTP answer
        self.asked: list[tuple[str, str, dict[str, str]]] = []
        self.now = 0.0  # the fetcher's clock (see fetcher): each request takes ``cost`` seconds of it
        self.cost = 0.0
        self.delay = 0.0  # real seconds before each answer
        self.drip: dict[tuple[str, str], float] = {}  # the body sent a byte at a time, this many seconds apart
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").lower()
                site.asked.append((host, self.path, dict(self.headers.items())))
                site.now += site.cost
                if site.delay:
                    time.sleep(site.delay)
                if (host, self.path) in site.raw:
                    self.close_connection = True
                    self.wfile.write(site.raw[host, self.path])
                    return
                status, headers, body = site.answers.get((host, self.path), (404, {}, b"not here"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                pause = site.drip.get((host, self.path))
                if not pause:
                    self.wfile.write(body)
                    return
                try:
                    for byte in body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(pause)
                except OSError:
                    pass  # the watch stopped reading

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def page(self, path: str, body: bytes = PAGE, host: str = HOST, **headers: str) -> None:
        self.answers[host, path] = (200, {"Content-Type": "text/html; charset=utf-8", **headers}, body)

    def answer(self, path: str, status: int, headers: dict[str, str] | None = None, host: str = HOST) -> None:
        self.answers[host, path] = (status, headers or {}, b"")

    def fetcher(self, **options) -> Fetcher:
        return Fetcher("test-agent/1.0", **{"timeout": 5, "pause": 0, "via": self.address, **options})

    def timed_fetcher(self, **options) -> Fetcher:
        """A fetcher on the site's clock, which only requests (``cost``) and pauses move."""

        def sleep(seconds: float) -> None:
            self.now += seconds

        return self.fetcher(clock=lambda: self.now, sleep=sleep, **options)

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.asked]


@contextmanager
def serving() -> Iterator[Site]:
    site = Site()
    threading.Thread(target=site.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        yield site
    finally:
        site.httpd.shutdown()
        site.httpd.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as running:
        yield running


def url(path: str, host: str = HOST) -> str:
    return f"https://{host}{path}"


# --- Moves --------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_each_move_code_is_followed_to_the_page_at_its_end(site, code):
    site.answer("/old", code, {"Location": "/new"})
    site.page("/new")
    visit = site.fetcher().visit(url("/old"))
    assert (visit.address, visit.final, visit.status, visit.trouble) == (url("/old"), url("/new"), 200, None)
    assert visit.redirects == (url("/old"),)
    assert visit.text is not None
    assert site.paths() == ["/robots.txt", "/old", "/new"]


@pytest.mark.parametrize("code", [300, 304, 305, 306])
def test_any_other_3xx_code_is_an_answer_not_a_move(site, code):
    site.answer("/old", code, {"Location": "/new"})
    site.page("/new")
    visit = site.fetcher().visit(url("/old"))
    assert (visit.final, visit.status, visit.trouble, visit.redirects, visit.text) == (url("/old"), code, None, (), None)
    assert "/new" not in site.paths()


@pytest.mark.parametrize("code", [301, 308])
def test_a_move_code_without_a_location_is_an_answer(site, code):
    site.answer("/old", code)
    visit = site.fetcher().visit(url("/old"))
    assert (visit.final, visit.status, visit.redirects, visit.trouble) == (url("/old"), code, (), None)


def test_a_move_to_another_host_and_a_relative_one_are_followed_with_the_address_made_plain(site):
    site.answer("/a", 301, {"Location": "  https://other.example.net/b c  "})
    site.answer("/b%20c", 302, {"Location": "../d?x=é"}, host="other.example.net")
    site.page("/d?x=%C3%A9", host="other.example.net")
    visit = site.fetcher().visit(url("/a"))
    assert visit.final == "https://other.example.net/d?x=%C3%A9"
    assert visit.redirects == (url("/a"), "https://other.example.net/b%20c")
    assert visit.status == 200


def test_a_chain_of_ten_moves_is_followed_and_eleven_are_too_many(site):
    for n in range(11):
        site.answer(f"/{n}", 301, {"Location": f"/{n + 1}"})
    site.page("/11")
    site.page("/10")  # /9 -> /10 ends a chain of ten moves from /0 ... but /10 moves on: replaced below
    del site.answers[HOST, "/10"]
    site.answer("/10", 301, {"Location": "/11"})
    ten = site.fetcher().visit(url("/1"))  # /1 ... /10 -> /11: ten moves
    assert (ten.final, ten.status, ten.trouble) == (url("/11"), 200, None)
    assert len(ten.redirects) == 10
    eleven = site.fetcher().visit(url("/0"))
    assert eleven.trouble == message("watch_too_many_redirects", count=10)
    assert (eleven.address, eleven.final, eleven.not_read) == (url("/0"), url("/11"), False)
    assert eleven.status is None and len(eleven.redirects) == 11


def test_a_move_to_an_address_the_watch_cannot_follow_is_trouble_said_plainly(site):
    site.answer("/old", 301, {"Location": "ftp://files.example.org/report\x1b.pdf"})
    visit = site.fetcher().visit(url("/old"))
    assert visit.trouble == message("watch_odd_redirect", target="ftp://files.example.org/report%1B.pdf")
    assert visit.status is None


def test_a_move_to_an_address_longer_than_any_client_must_take_is_trouble(site):
    site.answer("/old", 301, {"Location": "/" + "a" * fetch.MAX_ADDRESS})
    visit = site.fetcher().visit(url("/old"))
    assert visit.trouble == message("watch_long_redirect", limit=f"{fetch.MAX_ADDRESS:,}")


def test_a_move_to_an_address_just_within_the_limit_is_followed(site):
    path = "/" + "a" * (fetch.MAX_ADDRESS - len(url("")) - 1)
    assert len(url(path)) == fetch.MAX_ADDRESS
    site.answer("/old", 301, {"Location": path})
    site.page(path)
    visit = site.fetcher().visit(url("/old"))
    assert (visit.final, visit.status, visit.trouble) == (url(path), 200, None)


# --- Answers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", [500, 502, 503, 429])
def test_a_server_error_or_too_many_requests_is_trouble_not_a_gone_page(site, code):
    site.answer("/page", code)
    visit = site.fetcher().visit(url("/page"))
    assert visit.trouble == message("watch_server_error", status=status_words(code))
    assert visit.status is None and visit.not_read is False


@pytest.mark.parametrize("code", [404, 410, 403, 499])
def test_a_client_error_is_the_sites_answer_with_no_text(site, code):
    site.answer("/page", code)
    visit = site.fetcher().visit(url("/page"))
    assert (visit.status, visit.trouble, visit.text) == (code, None, None)


def test_a_page_keeps_its_fingerprint_etag_and_date(site):
    site.page("/page", ETag='"v1"', **{"Last-Modified": "Tue, 01 Dec 2026 10:00:00 GMT"})
    visit = site.fetcher().visit(url("/page"))
    assert visit.etag == '"v1"' and visit.last_modified == "Tue, 01 Dec 2026 10:00:00 GMT"
    assert visit.text is not None and visit.text.startswith("sha256:")


def test_the_same_main_text_in_another_menu_has_the_same_fingerprint_and_another_text_another(site):
    site.page("/a", b"<html><body><nav>Home</nav><main><p>Text.</p></main></body></html>")
    site.page("/b", b"<html><body><nav>Home | News</nav><main><p>Text.</p></main></body></html>")
    site.page("/c", b"<html><body><nav>Home</nav><main><p>Other text.</p></main></body></html>")
    fetcher = site.fetcher()
    a, b, c = (fetcher.visit(url(p)).text for p in ("/a", "/b", "/c"))
    assert a == b != c


def test_a_file_is_fingerprinted_whole(site):
    site.answers[HOST, "/report.pdf"] = (200, {"Content-Type": "application/pdf"}, PDF)
    visit = site.fetcher().visit(url("/report.pdf"))
    assert visit.text == "sha256:" + hashlib.sha256(PDF).hexdigest()


def test_a_2xx_other_than_200_is_read_too(site):
    site.answers[HOST, "/made"] = (203, {"Content-Type": "application/pdf"}, PDF)
    visit = site.fetcher().visit(url("/made"))
    assert (visit.status, visit.text) == (203, "sha256:" + hashlib.sha256(PDF).hexdigest())


def test_each_request_names_the_robot_and_the_site_asked(site):
    site.page("/page")
    Fetcher(user_agent("https://peace.example.ca/"), timeout=5, pause=0, via=site.address).visit(url("/page"))
    for host, _, headers in site.asked:
        assert host == HOST
        assert headers["User-Agent"] == user_agent("https://peace.example.ca/")
        assert headers["Host"] == HOST
        assert "text/html" in headers["Accept"]


def test_get_reads_up_to_its_limit_and_no_further(site):
    site.answers[HOST, "/answer"] = (200, {"Content-Type": "application/json"}, b"0123456789")
    fetcher = site.fetcher()
    reply = fetcher.get(url("/answer"), limit=4)
    assert (reply.status, reply.body) == (200, b"0123")
    assert fetcher.get(url("/answer")).body == b"0123456789"
    assert fetcher.get(url("/answer"), limit=0).body == b""


def test_a_site_that_refuses_connections_is_trouble_said_as_such():
    with serving() as gone:
        address = gone.address
    visit = Fetcher("test-agent/1.0", timeout=5, pause=0, via=address).visit(url("/page"))
    assert visit.trouble == message("watch_connection", reason="refused")
    with pytest.raises(Unreachable) as raised:
        Fetcher("test-agent/1.0", timeout=5, pause=0, via=address).get(url("/page"))
    assert raised.value.why == message("watch_connection", reason="refused")
    assert raised.value.by_run is False


# --- robots.txt ---------------------------------------------------------------------------------
def test_a_page_robots_txt_closes_is_not_asked_for(site):
    site.answers[HOST, "/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private\n")
    site.page("/private/page")
    site.page("/public")
    fetcher = site.fetcher()
    closed = fetcher.visit(url("/private/page"))
    assert (closed.closed, closed.status, closed.trouble) == (True, None, None)
    assert fetcher.visit(url("/public")).status == 200
    assert site.paths() == ["/robots.txt", "/public"]  # robots.txt asked for once per site


def test_robots_txt_names_the_watch_by_its_robot_name(site):
    rules = f"User-agent: {fetch.ROBOT_NAME}\nDisallow: /\n\nUser-agent: *\nAllow: /\n".encode()
    site.answers[HOST, "/robots.txt"] = (200, {"Content-Type": "text/plain"}, rules)
    site.page("/page")
    assert site.fetcher().visit(url("/page")).closed is True


def test_a_move_into_a_closed_part_of_the_site_stops_there(site):
    site.answers[HOST, "/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /private\n")
    site.answer("/old", 301, {"Location": "/private/new"})
    visit = site.fetcher().visit(url("/old"))
    assert (visit.closed, visit.final, visit.redirects) == (True, url("/private/new"), (url("/old"),))


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_a_moved_robots_txt_is_followed(site, code):
    site.answer("/robots.txt", code, {"Location": "/rules.txt"})
    site.answers[HOST, "/rules.txt"] = (200, {}, b"User-agent: *\nDisallow: /private\n")
    site.page("/private")
    assert site.fetcher().visit(url("/private")).closed is True


def test_a_robots_txt_moved_more_than_five_times_is_as_if_there_were_none(site):
    for n in range(6):
        site.answer("/robots.txt" if n == 0 else f"/r{n}", 301, {"Location": f"/r{n + 1}"})
    site.answers[HOST, "/r6"] = (200, {}, b"User-agent: *\nDisallow: /\n")
    site.page("/page")
    visit = site.fetcher().visit(url("/page"))
    assert (visit.closed, visit.status) == (False, 200)
    assert "/r6" not in site.paths()


def test_a_robots_txt_moved_five_times_is_read(site):
    for n in range(5):
        site.answer("/robots.txt" if n == 0 else f"/r{n}", 301, {"Location": f"/r{n + 1}"})
    site.answers[HOST, "/r5"] = (200, {}, b"User-agent: *\nDisallow: /\n")
    site.page("/page")
    assert site.fetcher().visit(url("/page")).closed is True


@pytest.mark.parametrize("code", [404, 403, 410, 401])
def test_a_missing_or_forbidden_robots_txt_allows_every_page(site, code):
    site.answers[HOST, "/robots.txt"] = (code, {}, b"User-agent: *\nDisallow: /\n")
    site.page("/page")
    assert site.fetcher().visit(url("/page")).status == 200


@pytest.mark.parametrize("code", [500, 503])
def test_a_robots_txt_with_a_server_error_makes_the_site_unreadable_for_the_run(site, code):
    site.answer("/robots.txt", code)
    site.page("/page")
    fetcher = site.fetcher()
    first, second = fetcher.visit(url("/page")), fetcher.visit(url("/other"))
    assert first.trouble == second.trouble == message("watch_server_error", status=status_words(code))
    assert site.paths() == ["/robots.txt"]


def test_a_robots_txt_cut_at_its_limit_leaves_its_last_cut_line_out(site, monkeypatch):
    monkeypatch.setattr(fetch, "ROBOTS_BYTES", 64)
    rules = b"User-agent: *\n" + b"#" * 25 + b"\nDisallow: /a\n"  # its last whole line is kept
    body = rules + b"Disallow: /b/c\n"  # the first 64 bytes end in the middle of this line: "Disallow: /"
    assert len(rules) + len(b"Disallow: /") == 64
    site.answers[HOST, "/robots.txt"] = (200, {}, body)  # kept, the cut line would close every page
    site.page("/b")
    site.page("/a")
    fetcher = site.fetcher()
    assert fetcher.visit(url("/a")).closed is True
    assert fetcher.visit(url("/b")).closed is False


def test_a_whole_robots_txt_at_its_limit_keeps_its_last_line(site, monkeypatch):
    monkeypatch.setattr(fetch, "ROBOTS_BYTES", 32)
    body = b"User-agent: *\nDisallow: /b\n"
    body = b"#" * (32 - len(body)) + b"\n" + body[:-1] + b"\n"
    body = body[-32:]
    assert len(body) == 32 and body.endswith(b"Disallow: /b\n")
    site.answers[HOST, "/robots.txt"] = (200, {}, body)
    site.page("/b")
    assert site.fetcher().visit(url("/b")).closed is True


# --- Words --------------------------------------------------------------------------------------
def test_the_user_agent_names_the_robot_and_where_to_learn_more():
    assert user_agent("https://peace.example.ca/") == (
        "peaceops-source-watch/1.0 (+https://peace.example.ca/; the International Police Peace Operations "
        "Program website's weekly check of the pages it cites)"
    )
    assert user_agent(None) == (
        "peaceops-source-watch/1.0 (the International Police Peace Operations Program website's weekly "
        "check of the pages it cites)"
    )


@pytest.mark.parametrize(
    ("status", "words"), [(404, "404 Not Found"), (503, "503 Service Unavailable"), (299, "299"), (599, "599")]
)
def test_a_status_is_said_with_its_meaning_when_it_has_one(status, words):
    assert status_words(status) == words


@pytest.mark.parametrize(
    ("address", "ok"),
    [
        ("https://www.example.org/", True),
        ("http://www.example.org:8080/a", True),
        ("HTTPS://www.example.org/", True),
        ("ftp://www.example.org/", False),
        ("javascript:alert(1)", False),
        ("https:///path-only", False),
        ("https://www.example.org:99999/", False),
        ("https://www.example.org:port/", False),
    ],
)
def test_only_http_and_https_addresses_with_a_host_and_a_real_port_are_followed(address, ok):
    assert followable(address) is ok


def test_an_errors_words_reach_the_report_on_one_line_and_cut_short():
    assert fetch._plain_words("a\nb\x1b[2J\u2028c\x7f") == "a\\x0ab\\x1b[2J\\x2028c\\x7f"
    assert fetch._plain_words("x" * 120) == "x" * 120
    assert fetch._plain_words("x" * 121) == "x" * 119 + "…"
    assert fetch._plain_words("abcdef", limit=4) == "abc…"


@pytest.mark.parametrize(
    ("address", "printed"),
    [
        ("https://www.example.org:8443/a b", "https://www.example.org:8443/a%20b"),
        ("https://WWW.Example.org/", "https://www.example.org/"),
        ("https://www.example.org/a#part", "https://www.example.org/a"),
        ("https://www.example.org:99999/a b", "https://www.example.org:99999/a%20b"),
        ("https://www.example.org/?a=1&b=<2>", "https://www.example.org/?a=1&b=%3C2%3E"),
        ("https://www.example.org/\x7f\x00", "https://www.example.org/%7F%00"),
    ],
)
def test_more_addresses_go_on_the_wire_plain(address, printed):
    assert plain_address(address) == printed


# --- Trouble, said as such ------------------------------------------------------------------------
def test_a_site_that_closes_the_connection_before_the_end_of_the_page_is_trouble(site):
    site.raw[HOST, "/page"] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 500\r\n\r\n<p>only this"
    visit = site.fetcher().visit(url("/page"))
    assert visit.trouble == message("watch_connection", reason="closed by the site before the end")
    assert visit.status is None and visit.text is None


def test_a_site_that_closes_the_connection_without_answering_is_trouble(site):
    site.raw[HOST, "/page"] = b""
    visit = site.fetcher().visit(url("/page"))
    assert visit.trouble == message("watch_connection", reason="closed by the site")


def test_an_answer_http_does_not_allow_is_trouble_without_its_words(site):
    site.raw[HOST, "/page"] = b"HTTP/1.1 abc \x1b[2J\r\n\r\n"
    visit = site.fetcher().visit(url("/page"))
    assert visit.trouble == message("watch_connection", reason="its answer is not one HTTP allows")


def test_a_site_that_does_not_answer_within_the_timeout_is_trouble_said_with_the_timeout(site):
    site.page("/page")
    site.delay = 0.6
    visit = site.fetcher(timeout=0.25, page_deadline=10).visit(url("/page"))
    assert visit.trouble == message("watch_timeout", seconds="0.25")


def ssl_error(reason: str | None, words: str = "x") -> ssl.SSLError:
    """An SSLError as the ssl module raises it: with its reason (a short code), or None."""
    error = ssl.SSLError(1, words)
    error.reason = reason
    return error


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (TimeoutError(), None),
        (fetch.URLError(TimeoutError()), None),
        (socket.gaierror(-2, "Name or service not known"), "host"),
        (fetch.URLError(socket.gaierror(-2, "x")), "host"),
        (ssl_error("CERTIFICATE_VERIFY_FAILED"), "secure connection: CERTIFICATE_VERIFY_FAILED"),
        (ConnectionRefusedError(), "refused"),
        (fetch.URLError(ConnectionRefusedError()), "refused"),
        (ConnectionResetError(), "closed by the site"),
        (http.client.RemoteDisconnected("x"), "closed by the site"),
        (http.client.IncompleteRead(b"abc", 10), "closed by the site before the end"),
        (http.client.BadStatusLine("\x1b[2J evil"), "its answer is not one HTTP allows"),
        (http.client.LineTooLong("header"), "its answer is not one HTTP allows"),
        (OSError("No route to host"), "No route to host"),
        (OSError("bell\x07 and\nline"), "bell\\x07 and\\x0aline"),
        (OSError(), "OSError"),
    ],
)
def test_each_kind_of_network_trouble_is_said_in_plain_words(error, reason):
    fetcher = Fetcher("test-agent/1.0", timeout=7.5)
    said = fetcher._why(error, "www.example.org")
    if reason is None:
        assert said == message("watch_timeout", seconds="7.5")
    elif reason == "host":
        assert said == message("watch_unknown_host", host="www.example.org")
    else:
        assert said == message("watch_connection", reason=reason)


def test_an_ssl_error_without_a_reason_is_said_with_its_words():
    error = ssl_error(None, "the handshake failed")
    said = Fetcher("test-agent/1.0")._why(error, "x.org")
    assert said == message("watch_connection", reason=f"secure connection: {error}")


# --- Deadlines ----------------------------------------------------------------------------------
def test_a_pages_deadline_covers_all_its_redirects_together(site):
    site.cost = 10  # each request takes 10 seconds of the fetcher's clock
    site.answer("/a", 301, {"Location": "/b"})
    site.answer("/b", 301, {"Location": "/c"})
    site.page("/c")
    visit = site.timed_fetcher(timeout=15, page_deadline=25).visit(url("/a"))
    assert visit.trouble == message("watch_page_deadline", limit=duration(25))
    assert visit.not_read is False and visit.redirects == (url("/a"), url("/b"))
    assert site.paths() == ["/robots.txt", "/a", "/b"]


def test_a_page_within_its_deadline_is_read(site):
    site.cost = 10
    site.answer("/a", 301, {"Location": "/b"})
    site.page("/b")
    visit = site.timed_fetcher(timeout=15, page_deadline=30).visit(url("/a"))
    assert (visit.status, visit.trouble) == (200, None)


def test_without_a_page_deadline_a_page_may_take_four_timeouts(site):
    site.cost = 10
    for n in range(4):
        site.answer(f"/{n}", 301, {"Location": f"/{n + 1}"})
    site.page("/4")
    fetcher = site.timed_fetcher(timeout=12)
    assert fetcher.page_deadline == 48
    visit = fetcher.visit(url("/0"))  # robots.txt and /0 ... /3 take 50 seconds: /4 is not asked for
    assert visit.trouble == message("watch_page_deadline", limit=duration(48))
    assert "/4" not in site.paths()


def test_what_the_run_deadline_cuts_is_not_read_and_nothing_more_is_asked(site):
    site.cost = 10
    for path in ("/a", "/b", "/c"):
        site.page(path)
    fetcher = site.timed_fetcher(timeout=15, run_deadline=25)
    assert fetcher.visit(url("/a")).status == 200 and fetcher.run_over is False  # robots.txt and /a: 20 s
    assert fetcher.visit(url("/b")).status == 200 and fetcher.run_over is True  # 5 s left: asked, 30 s
    cut = fetcher.visit(url("/c"))
    assert cut.not_read is True and cut.trouble == message("watch_run_deadline", limit=duration(25))
    assert site.paths() == ["/robots.txt", "/a", "/b"]


def test_the_pause_a_host_is_owed_is_waited_within_the_deadline_and_not_past_it(site):
    site.page("/a")
    waited = site.timed_fetcher(timeout=15, pause=10, page_deadline=20).visit(url("/a"))
    assert waited.status == 200 and site.now == 10  # robots.txt, then 10 seconds, then the page
    site.now = 0
    too_long = site.timed_fetcher(timeout=15, pause=30, page_deadline=20).visit(url("/a"))
    assert too_long.trouble == message("watch_page_deadline", limit=duration(20))
    assert site.now == 0  # nothing waited
    assert site.paths() == ["/robots.txt", "/a", "/robots.txt"]


def test_a_robots_txt_that_does_not_come_within_a_pages_deadline_closes_the_site_for_the_run(site):
    site.cost = 10
    site.answer("/robots.txt", 301, {"Location": "/r1"})
    site.answer("/r1", 301, {"Location": "/r2"})
    site.page("/page")
    fetcher = site.timed_fetcher(timeout=8, page_deadline=15)
    said = message("watch_robots_deadline", limit=duration(15))
    assert fetcher.visit(url("/page")).trouble == said
    assert fetcher.visit(url("/other")).trouble == said
    assert site.paths() == ["/robots.txt", "/r1"]


# --- What is read -------------------------------------------------------------------------------
def test_a_body_is_read_up_to_its_limit_across_many_reads(site):
    body = bytes(range(256)) * (3 * fetch.CHUNK // 256)
    site.answers[HOST, "/big"] = (200, {"Content-Type": "application/octet-stream"}, body)
    reply = site.fetcher().get(url("/big"), limit=fetch.CHUNK + 10)
    assert reply.body == body[: fetch.CHUNK + 10]
    assert reply.headers["Content-Type"] == "application/octet-stream"
    whole = site.fetcher().get(url("/big"), limit=len(body) + 1)
    assert whole.body == body


def test_a_page_is_read_in_the_charset_it_names(site):
    site.page("/utf8", "<main><p>Sécurité</p></main>".encode())
    site.answers[HOST, "/latin1"] = (
        200, {"Content-Type": "text/html; charset=iso-8859-1"}, "<main><p>Sécurité</p></main>".encode("latin-1")
    )  # fmt: skip
    fetcher = site.fetcher()
    assert fetcher.visit(url("/utf8")).text == fetcher.visit(url("/latin1")).text


def test_a_closed_page_keeps_the_address_it_was_asked_for(site):
    site.answers[HOST, "/robots.txt"] = (200, {}, b"User-agent: *\nDisallow: /\n")
    visit = site.fetcher().visit(url("/page"))
    assert (visit.address, visit.final, visit.closed, visit.redirects) == (url("/page"), url("/page"), True, ())


def test_a_robots_txt_answer_that_is_not_a_move_is_read_even_with_a_location(site):
    site.answers[HOST, "/robots.txt"] = (200, {"Location": "/elsewhere"}, b"User-agent: *\nDisallow: /private\n")
    site.answers[HOST, "/elsewhere"] = (200, {}, b"User-agent: *\nAllow: /\n")
    site.page("/private")
    assert site.fetcher().visit(url("/private")).closed is True
    assert "/elsewhere" not in site.paths()


@pytest.mark.parametrize("code", [300, 304, 204])
def test_a_robots_txt_answered_with_another_3xx_allows_every_page_and_a_2xx_is_read(site, code):
    site.answers[HOST, "/robots.txt"] = (code, {}, b"" if code in (204, 304) else b"User-agent: *\nDisallow: /\n")
    site.page("/page")
    visit = site.fetcher().visit(url("/page"))
    assert visit.closed is False and visit.status == 200


def test_a_robots_txt_that_is_not_utf8_is_read_all_the_same(site):
    site.answers[HOST, "/robots.txt"] = (200, {}, b"# caf\xe9 \xff\nUser-agent: *\nDisallow: /private\n")
    site.page("/private")
    assert site.fetcher().visit(url("/private")).closed is True


@pytest.mark.parametrize("missing", [1, 400])
def test_a_page_one_byte_or_more_short_of_its_length_is_trouble(site, missing):
    body = b"<main><p>Some text</p></main>"
    length = len(body) + missing
    site.raw[HOST, "/page"] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (length, body)
    visit = site.fetcher().visit(url("/page"))
    assert visit.trouble == message("watch_connection", reason="closed by the site before the end")


def test_a_page_that_comes_a_byte_at_a_time_is_cut_at_its_deadline(site):
    site.page("/robots.txt", b"")
    site.drip[HOST, "/slow"] = 0.1  # seconds between two bytes of the body: 3 seconds in all
    site.page("/slow", b"x" * 30)
    started = time.monotonic()
    visit = site.fetcher(timeout=5, page_deadline=0.6).visit(url("/slow"))
    assert visit.trouble == message("watch_page_deadline", limit=duration(0.6))
    assert time.monotonic() - started < 2.5


def test_a_page_that_stalls_part_way_is_said_to_time_out_not_to_be_cut_short(site):
    site.page("/robots.txt", b"")
    site.drip[HOST, "/stalls"] = 0.8  # longer than the timeout between two bytes
    site.page("/stalls", b"xyz")
    visit = site.fetcher(timeout=0.3, page_deadline=20).visit(url("/stalls"))
    assert visit.trouble == message("watch_timeout", seconds="0.3")


def test_line_breaks_and_tabs_in_an_address_are_kept_visible_not_dropped():
    # urlsplit drops them silently (a browser's reading); the report must show what the site sent.
    assert plain_address("https://www.example.org/a\nb\tc\rd") == "https://www.example.org/a%0Ab%09c%0Dd"


def test_an_address_without_a_host_gets_none_on_the_wire():
    assert plain_address("https:///a") == "https:///a"
    assert followable(plain_address("https:///a")) is False


def test_with_via_every_request_goes_to_the_local_server_whatever_proxy_is_set(site, monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # the discard port: nothing answers there
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    site.page("/page")
    assert site.fetcher().visit(url("/page")).status == 200


def test_without_via_the_proxy_the_environment_names_is_used(site, monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(name, site.address)  # this file's server plays the proxy
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    site.answers[HOST, "http://site.example.org/robots.txt"] = (404, {}, b"")
    site.answers[HOST, "http://site.example.org/page"] = (200, {"Content-Type": "text/html"}, PAGE)
    visit = Fetcher("test-agent/1.0", timeout=5, pause=0).visit("http://site.example.org/page")
    assert (visit.status, visit.trouble) == (200, None)


def test_a_page_deadline_of_zero_is_four_timeouts(site):
    site.cost = 10
    site.answer("/a", 301, {"Location": "/b"})
    site.page("/b")
    visit = site.timed_fetcher(timeout=12, page_deadline=0).visit(url("/a"))  # 30 seconds of 48
    assert (visit.status, visit.trouble) == (200, None)
