"""Finding an archived copy of a page that is gone: the Wayback Machine's availability API.

Why: when a cited page disappears, the site should link a copy of it as it was (the source's
``archived:``). The watch asks the Internet Archive for the copy closest to the last day it read the
page alive, and prints the line an editor can add; it never writes it into the data itself.
The API (https://archive.org/wayback/available?url=…&timestamp=YYYYMMDD) answers
``{"archived_snapshots": {"closest": {"available": true, "status": "200", "url": …, "timestamp": …}}}``.

The answer is another site's text, so a copy is offered only when it is one: an http(s) address on
the archive's own host (the endpoint's host or a name under it, or web.archive.org, where the
Wayback Machine keeps its copies), of the form ``/web/TIMESTAMP/ADDRESS``, whose ``ADDRESS`` is the
page asked about and whose timestamp is a capture date that can be true (from 1996, when the Internet
Archive began, to the day of the watch). Anything else (a
``javascript:`` or ``data:`` address, a number, another site, another page, no date) is "no archived
copy found", with the reason, and nothing to copy into the data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

from peaceops.source.messages import message
from peaceops.watch.fetch import WEB_SCHEMES, Fetcher, Unreachable, plain_address, status_words

WAYBACK_AVAILABLE = "https://archive.org/wayback/available"
WAYBACK_COPIES = "web.archive.org"
FIRST_CAPTURES = "1996-01-01"  # the Internet Archive's first crawls: no web archive holds an earlier copy
# A capture's path: /web/20261124093000/https://www.example.org/page (a day at least, then the page).
CAPTURE = re.compile(r"/web/(\d{8,14})/(.+)", re.DOTALL)


@dataclass(frozen=True)
class Copy:
    address: str
    day: str  # YYYY-MM-DD, the day it was captured


@dataclass(frozen=True)
class NoCopy:
    why: str  # for editors: the archive has none, or what was wrong with the one it gave


def find_copy(fetcher: Fetcher, endpoint: str, address: str, near: str | None, today: str) -> Copy | NoCopy:
    """The archived copy closest to the day ``near`` (YYYY-MM-DD), or why there is none to offer;
    raises ``Unreachable`` when the archive cannot be asked or its answer cannot be read."""
    query = {"url": address}
    if near:
        query["timestamp"] = near.replace("-", "")
    reply = fetcher.get(f"{endpoint}?{urlencode(query)}")
    if reply.status != 200:
        raise Unreachable(status_words(reply.status))
    try:
        answer = json.loads(reply.body.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise Unreachable(message("watch_archive_unreadable")) from error
    snapshots = answer.get("archived_snapshots") if isinstance(answer, dict) else None
    closest = snapshots.get("closest") if isinstance(snapshots, dict) else None
    if not isinstance(snapshots, dict) or (closest and not isinstance(closest, dict)):
        raise Unreachable(message("watch_archive_unreadable"))
    if not closest or closest.get("available") is not True or str(closest.get("status")) != "200":
        return NoCopy(message("watch_archive_none"))
    return _capture(closest.get("url"), endpoint, address, today)


def _capture(url: Any, endpoint: str, address: str, today: str) -> Copy | NoCopy:
    """The copy at ``url`` when it is a capture of ``address`` on the archive's own host."""
    if not isinstance(url, str):
        return NoCopy(message("watch_archive_not_web"))
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        return NoCopy(message("watch_archive_not_web"))
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return NoCopy(message("watch_archive_not_web"))
    if parts.username is not None or port not in (None, 80, 443) or not _archive_host(parts.hostname, endpoint):
        return NoCopy(message("watch_archive_other_host"))
    found = CAPTURE.fullmatch(parts.path)
    if found is None:
        return NoCopy(message("watch_archive_no_capture"))
    stamp, original = found.groups()
    day = _capture_day(stamp)
    if day is None or not FIRST_CAPTURES <= day.isoformat() <= today:
        return NoCopy(message("watch_archive_no_date"))
    asked = _page(address)
    if asked is None or _page(original + (f"?{parts.query}" if parts.query else "")) != asked:
        return NoCopy(message("watch_archive_other_page"))
    # The site links https; the API answers with http:// addresses.
    copy = plain_address(urlunsplit(("https", parts.hostname.lower(), parts.path, parts.query, "")))
    return Copy(copy, day.isoformat())


def _archive_host(host: str, endpoint: str) -> bool:
    own = (urlsplit(endpoint).hostname or "").lower().removeprefix("www.")
    host = host.lower()
    return host == WAYBACK_COPIES or (bool(own) and (host == own or host.endswith("." + own)))


def _capture_day(stamp: str) -> date | None:
    try:
        return date(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]))
    except ValueError:
        return None


def _page(address: str) -> tuple[str, int | None, str, str] | None:
    """What makes two addresses the same page for the archive: the host (without www.), the port,
    the path and the query, decoded; not the scheme (it keeps http and https copies alike)."""
    address = re.sub(r"^(https?):/+", r"\1://", address.strip(), flags=re.IGNORECASE)  # it may show https:/
    parts = urlsplit(address)
    if parts.scheme.lower() not in WEB_SCHEMES:
        return None
    try:
        port = parts.port
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return None
    return (
        host.lower().removeprefix("www."),
        None if port in (80, 443) else port,
        unquote(parts.path).rstrip("/") or "/",
        unquote(parts.query),
    )
