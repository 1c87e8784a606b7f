"""What one address's visit means for editors, compared with the last state: changed, moved, gone,
unreachable or not checked, or nothing to say.

Why: editors act on kinds, not on status codes. A page is *gone* when the site says so (404, 410)
or sends readers to its home page instead; *moved* when it answers at another address; *changed*
when its main text is not what the watch last read there (a new menu or a new ``ETag`` alone is not
a change); *unreachable* when there was no answer, which says nothing about the page. A language
whose original already has an ``archived:`` copy (or a source marked ``gone``) is recorded but not
reported: the editors have dealt with it. A page closed by robots.txt is reported once, when it
becomes so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from peaceops.source.messages import message
from peaceops.watch.fetch import Visit, status_words
from peaceops.watch.state import Entry

KINDS = ("changed", "moved", "gone", "unreachable", "not checked")
GONE = (404, 410)
# Path parts that leave an address on a site's home page: a language folder, an index file.
HOME_PARTS = frozenset(
    {"en", "fr", "eng", "fra", "en-ca", "fr-ca", "english", "francais", "français", "home", "accueil"}
)
INDEX_FILE = re.compile(r"^(?:index|default|home|accueil)(?:[-_](?:eng?|fra?|e|f))?\.(?:html?|php|aspx?|jsp|page)$")


@dataclass(frozen=True)
class Finding:
    kind: str
    why: str | None = None  # gone, unreachable: in plain words
    since: str | None = None  # changed: the day the earlier text was read
    new: str | None = None  # moved: where the page is now


def examine(visit: Visit, before: Entry | None, day: str, archived: bool) -> tuple[list[Finding], Entry]:
    """The findings for one address, and what the state records about it now."""
    earlier = before if before is not None and before.address == visit.address else None
    findings = _findings(visit, earlier)
    # The text of a page read now; a home page that stands in for a gone page is not its text.
    read_now = visit.text is not None and not any(finding.kind == "gone" for finding in findings)
    entry = Entry(
        address=visit.address,
        final=visit.final if visit.status is not None else None,
        status=visit.status,
        etag=visit.etag,
        last_modified=visit.last_modified,
        text=visit.text if read_now else (earlier.text if earlier else None),
        text_read=day if read_now else (earlier.text_read if earlier else None),
        trouble=visit.trouble,
        closed=visit.closed,
    )
    return ([] if archived else findings), entry


def _findings(visit: Visit, earlier: Entry | None) -> list[Finding]:
    if visit.closed:
        return [] if earlier is not None and earlier.closed else [Finding("not checked")]
    if visit.trouble is not None or visit.status is None:
        return [Finding("unreachable", why=visit.trouble)]
    status = visit.status
    if status in GONE:
        return [Finding("gone", why=message("watch_gone_status", status=status_words(status)))]
    if visit.redirects and is_home_page(visit.final) and not is_home_page(visit.address):
        return [Finding("gone", why=message("watch_gone_home", final=visit.final))]
    if not 200 <= status < 300:
        return [Finding("unreachable", why=message("watch_server_error", status=status_words(status)))]
    found = []
    if visit.final != visit.address:
        found.append(Finding("moved", new=visit.final))
    if earlier is not None and earlier.text is not None and visit.text != earlier.text:
        found.append(Finding("changed", since=earlier.text_read))
    return found


def is_home_page(address: str) -> bool:
    """``https://www.canada.ca/en.html``, ``https://rcmp.ca/en``, ``https://example.org/``: nothing but a
    language folder or an index file after the host."""
    parts = [part for part in urlsplit(address).path.lower().split("/") if part]
    if parts and INDEX_FILE.match(parts[-1]):
        parts.pop()
    if parts and parts[-1].endswith((".html", ".htm")) and parts[-1].rsplit(".", 1)[0] in HOME_PARTS:
        parts.pop()
    return all(part in HOME_PARTS for part in parts)
