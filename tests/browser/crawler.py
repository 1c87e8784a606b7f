"""Visit every page once in Chromium and record what the per-rule tests need.

Why one crawl: each page load costs more than all the checks on it, so one visit per page gathers
the axe results, every request and console message, the links and ids, the feeds its head names,
and where the language toggle lands; the tests then assert on the records and can name every
failing page at once. The page the toggle opens is its counterpart's visit, so each pair of pages
takes three page loads, not four.
Requests to any other host are recorded, and refused by Chromium (tests/browser/conftest.py), so a
crawl never reaches the network.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .axe import preload_axe, run_axe

READ_PAGE = """() => ({
    lang: document.documentElement.getAttribute('lang'),
    ids: [...document.querySelectorAll('[id]')].map(element => element.id),
    // getAttribute, not .href: an SVG <a> (the map) has no plain-string href property.
    links: [...document.querySelectorAll('a[href]')].map(a => new URL(a.getAttribute('href'), document.baseURI).href),
    assets: [
        ...[...document.querySelectorAll('link[href]:not([rel~=canonical]):not([rel~=alternate])')].map(l => l.href),
        ...[...document.querySelectorAll('script[src], img[src], source[src], iframe[src]')].map(e => e.src),
    ],
    canonical: document.querySelector('link[rel=canonical]')?.href ?? null,
    toggle: (a => a && {href: a.href, lang: a.getAttribute('lang')})(document.querySelector('.pk-language__link')),
    feeds: [...document.querySelectorAll("head link[rel~=alternate][type='application/atom+xml']")]
        .map(link => ({href: link.href, hreflang: link.hreflang, title: link.title})),
})"""


# Every report of the Content-Security-Policy (a script, style or request it refused), kept on the page.
LISTEN_FOR_CSP = """document.addEventListener('securitypolicyviolation', event => {
    (window.__pkCspViolations = window.__pkCspViolations || []).push(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
});"""


@dataclass
class PageRecord:
    address: str
    url: str
    lang: str | None = None
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    canonical: str | None = None
    toggle: dict | None = None
    feeds: list[dict] = field(default_factory=list)  # the Atom feeds its head names, as Chromium parsed them
    toggle_landed: dict | None = None  # {"url": ..., "lang": ..., "toggle_back": ...} after a real click
    axe_violations: list[dict] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)  # what the Content-Security-Policy refused


def crawl_site(browser, base_url: str, addresses: list[str]) -> dict[str, PageRecord]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    records: dict[str, PageRecord] = {}
    current: list[PageRecord] = []  # the page whose events are being recorded

    def foreign(request):
        # Chromium refuses every host but the loopback server (tests/browser/conftest.py): a request
        # elsewhere is recorded here as the page makes it, and fails without leaving the machine.
        if not request.url.startswith(base_url) and not request.url.startswith(("data:", "blob:")):
            current[-1].foreign_requests.append(request.url)

    context.on("request", foreign)
    context.add_init_script(LISTEN_FOR_CSP)
    preload_axe(context)
    page = context.new_page()
    in_flight = _InFlight(page)
    page.on("console", lambda message: message.type == "error" and current[-1].console_errors.append(message.text))
    page.on("pageerror", lambda error: current[-1].console_errors.append(f"uncaught: {error}"))
    page.on(
        "response",
        lambda response: response.status >= 400 and current[-1].failed_responses.append(f"{response.status} {response.url}"),
    )
    def look(record: PageRecord) -> None:
        """What the per-rule tests need from the page now loaded, once its late requests are done."""
        facts = page.evaluate(READ_PAGE)
        record.lang, record.links, record.assets = facts["lang"], facts["links"], facts["assets"]
        record.ids, record.canonical, record.toggle = set(facts["ids"]), facts["canonical"], facts["toggle"]
        record.feeds = facts["feeds"]
        record.axe_violations = run_axe(page)
        in_flight.settle()
        record.csp_violations = page.evaluate("() => window.__pkCspViolations || []")

    def begin(address: str) -> PageRecord:
        records[address] = record = PageRecord(address, base_url + address)
        current.append(record)
        return record

    try:
        for address in addresses:
            if address in records:
                continue  # already seen: the language toggle of its counterpart led to it
            record = begin(address)
            response = page.goto(record.url, wait_until="load")
            if response is None or response.status != 200:
                record.failed_responses.append(f"{response.status if response else 'no response'} {record.url}")
            look(record)
            # The toggle is clicked as a reader would; the counterpart it loads is that page's visit
            # (its requests and messages recorded as its own), and its toggle is clicked in turn.
            while record.toggle:
                counterpart = record.toggle["href"].removeprefix(base_url)
                following = counterpart in addresses and counterpart not in records
                landing = begin(counterpart) if following else record
                record.toggle_landed = _follow_toggle(page)
                if landing is record:
                    in_flight.settle()
                    break
                if record.toggle_landed["url"] != landing.url:  # led elsewhere: the page is visited on its own
                    _merge_events(record, landing)
                    del records[counterpart]
                    current.append(record)
                    in_flight.settle()
                    break
                look(landing)
                record = landing
    finally:
        context.close()
    return records


def _merge_events(into: PageRecord, record: PageRecord) -> None:
    """What was recorded for ``record`` is ``into``'s, after all (a toggle that led elsewhere)."""
    for name in ("console_errors", "foreign_requests", "failed_responses"):
        getattr(into, name).extend(getattr(record, name))


class _InFlight:
    """Counts the page's unfinished requests, to wait until Material's late ones (search index,
    sitemap) are done: Playwright's "networkidle" waits a fixed 500 ms, too slow for every page."""

    POLL_MS = 25

    def __init__(self, page):
        self.page = page
        self.count = 0
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request):
        self.count += 1

    def _ended(self, request):
        self.count -= 1

    def settle(self, timeout_ms: int = 10_000) -> None:
        """Return once no request has been open for two polls in a row (50 ms)."""
        waited = quiet = 0
        while quiet < 2 and waited < timeout_ms:
            self.page.wait_for_timeout(self.POLL_MS)
            waited += self.POLL_MS
            quiet = quiet + 1 if self.count <= 0 else 0


def _follow_toggle(page) -> dict:
    """Click the language toggle as a reader would, and say where it led."""
    with page.expect_navigation(wait_until="load"):
        page.click(".pk-language__link")
    back = page.evaluate("() => document.querySelector('.pk-language__link')?.href ?? null")
    return {"url": page.url, "lang": page.evaluate("() => document.documentElement.getAttribute('lang')"), "toggle_back": back}
