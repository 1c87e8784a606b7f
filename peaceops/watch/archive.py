"""Finding an archived copy of a page that is gone: the Wayback Machine's availability API.

Why: when a cited page disappears, the site should link a copy of it as it was (the source's
``archived:``). The watch asks the Internet Archive for the copy closest to the last day it read the
page alive, and prints the line an editor can add; it never writes it into the data itself.
The API (https://archive.org/wayback/available?url=…&timestamp=YYYYMMDD) answers
``{"archived_snapshots": {"closest": {"available": true, "status": "200", "url": …, "timestamp": …}}}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from peaceops.source.messages import message
from peaceops.watch.fetch import Fetcher, Unreachable, plain_address, status_words

WAYBACK_AVAILABLE = "https://archive.org/wayback/available"


@dataclass(frozen=True)
class Copy:
    address: str
    day: str  # YYYY-MM-DD, the day it was captured


def find_copy(fetcher: Fetcher, endpoint: str, address: str, near: str | None) -> Copy | None:
    """The archived copy closest to the day ``near`` (YYYY-MM-DD), or None when there is none; raises
    ``Unreachable`` when the archive cannot be asked."""
    query = {"url": address}
    if near:
        query["timestamp"] = near.replace("-", "")
    reply = fetcher.get(f"{endpoint}?{urlencode(query)}")
    if reply.status != 200:
        raise Unreachable(status_words(reply.status))
    try:
        closest = json.loads(reply.body.decode("utf-8"))["archived_snapshots"].get("closest") or {}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise Unreachable(message("watch_archive_unreadable")) from error
    if not closest.get("available") or str(closest.get("status")) != "200" or not closest.get("url"):
        return None
    stamp = str(closest.get("timestamp", ""))
    day = f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]}" if len(stamp) >= 8 and stamp.isdigit() else "an unknown day"
    return Copy(_https(plain_address(str(closest["url"]))), day)


def _https(address: str) -> str:
    """The API answers with http:// addresses of web.archive.org; the site links https."""
    parts = urlsplit(address)
    if parts.scheme == "http" and parts.hostname in ("web.archive.org", "archive.org"):
        return urlunsplit(("https", *parts[1:]))
    return address
