"""An Atom feed of changes to deployments, one per language, made from the missions' own dates.

Why: people who follow the program (journalists, researchers, police services) want to know when a
mission starts, is suspended, resumes or ends, or gets new figures, without checking the site. Each
such change is already a dated fact in ``data/missions.yaml``, and the feed lists them; nothing
depends on the build clock, so the same data gives the same bytes.

What is an event (``deployment_changes``):
- every entry of a mission's ``status:`` whose ``since`` is a stated year, month or day: under way
  is "started", or "resumed" when an entry comes before it (UNMIK: under way 1999-06, ended 2004-03,
  under way again); suspended is "suspended"; ended is "ended". A ``since`` bounded only by evidence
  (a range) or left out is no event: the feed would have to invent its date;
- every officer figure (deployed, authorized, authorized up to) with a stated date, as
  ``Facts.figures`` dates it: a figure's date after the mission's end is already turned into a range
  there ("the end or earlier"), and so is no event.

The date of an entry (``updated``) is the event's LAST day, capped at the last day the mission can
have ended and at the day the data was checked up to (``data/dataset.yaml``'s ``as_of``), and never
before the event's first day: ``max(first day, min(last day, caps))``. Why the last day: it is the
first day on which the event is certainly past. A year alone ("2004") gives 2004-12-31, a month its
last day; the first day (1 January) is a day the data never states and may come before the event
itself. Why the caps: an entry is never dated after its mission's end (an end stated as 2014 caps a
"2014" figure at 2014-12-31, an end in 2004-03 caps a "2004" start at 2004-03-31, an end bounded by
evidence caps at its latest bound), nor after the day the data was checked (an event of the current
year is not dated in December ahead of time). A day the data gives is the entry's date, caps or
not: make check refuses a figure dated after a stated end and statuses out of order, so such a day
never falls after a stated end. Entries are newest first by that date, ties in a fixed order:
mission id, kind (``KINDS``), source, then the event's own date, newest first.

Titles read "{mission}, {country}: …" (``feed.where``), or the mission alone when its short name
already names the place ("Colombia", "Haiti police support", "EUAM Ukraine"), in each language. A
figure of 1 takes the singular text (``feed.deployed.one``), as the map's and chart's counts do.

One feed per language, not one bilingual feed: a feed reader shows one language at a time, each
language's pages link to the feed in their language, and a bilingual feed would put English in front
of French readers (and the reverse), against the rule that both languages are served equally.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

from peaceops.facts import Facts
from peaceops.pages.addresses import absolute, feed_path
from peaceops.pages.routes import country_page_id
from peaceops.pages.website import Website
from peaceops.source.fieldtypes import When
from peaceops.source.model import OFFICER_KINDS, EvidenceRange, Mission
from peaceops.source.places import Place

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Entry ids are name-based UUIDs under this fixed namespace: stable across builds and across site
# addresses (a staging copy and the public site give the same ids), unique per language and change.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:peaceops:deployment-changes")
# The kinds of event, in the fixed order that breaks ties between entries of one mission and day.
STATUS_KINDS = ("started", "resumed", "suspended", "ended")
KINDS = (*STATUS_KINDS, *OFFICER_KINDS)
# Each entry's title text in data/interface.yaml is feed.<one of these>: a figure's has a singular
# (.one, for 1) and a plural (.other), as the map's and chart's counts do.
TITLES = (*STATUS_KINDS, *(f"{kind}.{form}" for kind in OFFICER_KINDS for form in ("one", "other")))


@dataclass(frozen=True)
class Change:
    """One dated change to a deployment: a mission started, was suspended, resumed or ended, or a
    figure was published. ``when`` is the date as the data states it (shown in the title); ``day``
    the entry's date (its ``updated``: see the module's docstring)."""

    mission: Mission
    kind: str  # one of KINDS
    when: When
    day: date
    count: int | None = None
    source: str = ""

    @property
    def key(self) -> str:
        """What the entry's id is made from. A figure's names its source (two sources may give one
        mission's figure on one date); a status names none, so the ids of "started" and "ended"
        entries stay those the feed gave before suspensions were events."""
        figure = f"/{self.source}" if self.kind in OFFICER_KINDS else ""
        return f"{self.mission.id}/{self.kind}/{self.when.iso}{figure}"


def deployment_changes(missions: tuple[Mission, ...], facts: Facts) -> list[Change]:
    """Every change the data records, newest first by the entry's date (ties in a fixed order)."""
    changes = []
    for mission in missions:
        limit = last_possible_day(mission, facts.as_of)
        for number, entry in enumerate(mission.status):
            if entry.date is not None:  # a stated date; a range or no date is no event
                kind = status_kind(entry.state, first=number == 0)
                changes.append(Change(mission, kind, entry.date, entry_day(entry.date, limit), source=entry.source))
        for kind in facts.kinds(mission):
            for figure in facts.figures(mission, kind):
                if figure.when is not None:  # a dated figure is an event; a range or no date is not
                    day = entry_day(figure.when, limit)
                    changes.append(Change(mission, kind, figure.when, day, figure.count, figure.source.key))
    return sorted(
        changes,
        key=lambda c: (-c.day.toordinal(), c.mission.id, KINDS.index(c.kind), c.source, -c.when.first_day.toordinal()),
    )


def status_kind(state: str, first: bool) -> str:
    """The event a status entry records: under way is a start, or a resumption after an earlier entry."""
    if state == "under_way":
        return "started" if first else "resumed"
    return state  # suspended, ended


def last_possible_day(mission: Mission, as_of: date) -> date:
    """The last day an entry of the mission may be dated: the day the data was checked up to, or the
    last day the mission can have ended when it has (its stated end's last day, or the latest bound
    of an end bounded by evidence), whichever is earlier."""
    if mission.ended:
        since = mission.now.since
        if isinstance(since, When):
            return min(as_of, since.last_day)
        if isinstance(since, EvidenceRange) and since.latest is not None:
            return min(as_of, since.latest.last_day)
    return as_of


def entry_day(when: When, limit: date) -> date:
    """An event's entry date: its last day, no later than ``limit``, never before its first day (a
    stated day is therefore always itself)."""
    return max(when.first_day, min(when.last_day, limit))


def atom_feed(site: Website, language: str, root: str) -> bytes:
    """The feed of ``language``, as UTF-8 bytes."""
    ET.register_namespace("", ATOM_NS)
    fmt = site.localizer(language)
    changes = deployment_changes(site.dataset.missions, site.facts)
    newest = max([m.updated for m in site.dataset.missions] + [c.day for c in changes])

    feed = ET.Element(_atom("feed"), {XML_LANG: language})
    _text(feed, "id", _urn(f"feed/{language}"))
    _text(feed, "title", fmt.t("feed.title"))
    _text(feed, "subtitle", fmt.t("feed.subtitle"))
    _text(feed, "updated", _timestamp(newest))
    itself = absolute(root, feed_path(language))
    ET.SubElement(feed, _atom("link"), {"rel": "self", "type": "application/atom+xml", "href": itself})
    deployments = absolute(root, site.routes.path("deployments", language))
    ET.SubElement(feed, _atom("link"), {"rel": "alternate", "type": "text/html", "href": deployments})
    author = ET.SubElement(feed, _atom("author"))
    publisher = site.site_publisher  # the RCMP on an official site only (issues 20 and 30)
    _text(author, "name", fmt.text(publisher.name))
    address = publisher.address(language)
    if address is not None:
        _text(author, "uri", address)

    for change in changes:  # newest first by the entry's date
        entry = ET.SubElement(feed, _atom("entry"))
        _text(entry, "id", _urn(f"{language}/{change.key}"))
        _text(entry, "title", _title(site, change, language))
        _text(entry, "updated", _timestamp(change.day))
        country_page = site.routes.path(country_page_id(change.mission.country), language)
        link = {"rel": "alternate", "type": "text/html", "href": absolute(root, country_page)}
        ET.SubElement(entry, _atom("link"), link)
        summary = fmt.t("feed.summary", name=fmt.text(change.mission.name), mandate=fmt.text(change.mission.mandate))
        _text(entry, "summary", summary)
    ET.indent(feed)
    text: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


def _title(site: Website, change: Change, language: str) -> str:
    fmt = site.localizer(language)
    params = {"where": _where(site, change.mission, language), "when": fmt.when(change.when)}
    if change.count is None:
        return fmt.t(f"feed.{change.kind}", **params)
    params["n"] = fmt.number(change.count)
    form = "one" if change.count == 1 else "other"
    return fmt.t(f"feed.{change.kind}.{form}", **params)


def _where(site: Website, mission: Mission, language: str) -> str:
    """"{mission}, {country}", or the mission alone when its short name already names the place."""
    fmt = site.localizer(language)
    place = site.facts.place(mission.country)
    if names_place(mission.acronym[language], place, language):
        return fmt.text(mission.acronym)
    return fmt.t("feed.where", mission=fmt.text(mission.acronym), country=fmt.text(place.name))


def names_place(short_name: str, place: Place, language: str) -> bool:
    """The mission's short name is the place's name or holds it as whole words, case aside
    ("Colombia", "Haiti police support", "Appui à la police d'Haïti"; not "Oman" in "Romania")."""
    name = re.escape(place.name[language].casefold())
    return re.search(rf"(?<!\w){name}(?!\w)", short_name.casefold()) is not None


def _atom(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, _atom(name))
    element.text = text
    return element


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, name)}"


def _timestamp(day: date) -> str:
    """Atom wants a full date-time: the day, at midnight UTC (the data gives no time of day)."""
    return f"{day.isoformat()}T00:00:00Z"
