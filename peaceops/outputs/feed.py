"""An Atom feed of changes to deployments, one per language, made from the missions' own dates.

Why: people who follow the program (journalists, researchers, police services) want to know when a
mission starts, ends or gets new figures, without checking the site. Each such change is already a
dated fact in ``data/missions.yaml``: a start, an end, or a published officer figure with its
``as_of`` date. The feed lists them; nothing depends on the build clock, so the same data gives the
same bytes.

One feed per language, not one bilingual feed: a feed reader shows one language at a time, each
language's pages link to the feed in their language, and a bilingual feed would put English in front
of French readers (and the reverse), against the rule that both languages are served equally.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

from peaceops.facts import Facts
from peaceops.pages.addresses import absolute, feed_path
from peaceops.pages.routes import country_page_id
from peaceops.pages.website import Website
from peaceops.source.fieldtypes import When
from peaceops.source.model import Mission
from peaceops.source.publisher import site_publisher

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Entry ids are name-based UUIDs under this fixed namespace: stable across builds and across site
# addresses (a staging copy and the public site give the same ids), unique per language and change.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:peaceops:deployment-changes")
KINDS = ("started", "ended", "deployed", "authorized", "authorized_up_to")


@dataclass(frozen=True)
class Change:
    """One dated change to a deployment: a mission started or ended, or a figure was published."""

    mission: Mission
    kind: str  # one of KINDS
    when: When
    count: int | None = None
    source: str = ""

    @property
    def key(self) -> str:
        figure = f"/{self.source}" if self.source else ""
        return f"{self.mission.id}/{self.kind}/{self.when.iso}{figure}"


def deployment_changes(missions: tuple[Mission, ...], facts: Facts) -> list[Change]:
    """Every change the data records, newest first (ties in a fixed order)."""
    changes = []
    for mission in missions:
        if mission.start is not None:
            changes.append(Change(mission, "started", mission.start))
        if mission.end is not None:
            changes.append(Change(mission, "ended", mission.end))
        for kind in facts.kinds(mission):
            for figure in facts.figures(mission, kind):
                if figure.when is not None:  # a dated figure is an event; a range or no date is not
                    changes.append(Change(mission, kind, figure.when, figure.count, figure.source.key))
    return sorted(changes, key=lambda c: (-c.when.first_day.toordinal(), c.mission.id, KINDS.index(c.kind), c.source))


def entry_updated(change: Change) -> date:
    """The entry's ``updated`` date: the day of the change when the data gives one; otherwise (a
    year or a month only) the day its record was last changed (the mission's ``updated``), never
    an invented first of January."""
    if change.when.day:
        return change.when.first_day
    return change.mission.updated


def atom_feed(site: Website, language: str, root: str) -> bytes:
    """The feed of ``language``, as UTF-8 bytes."""
    ET.register_namespace("", ATOM_NS)
    fmt = site.localizer(language)
    changes = deployment_changes(site.dataset.missions, site.facts)
    newest = max([m.updated for m in site.dataset.missions] + [c.when.first_day for c in changes])

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
    name, url = site_publisher(site.publisher)  # the RCMP on an official site only (issue 20)
    _text(author, "name", fmt.text(name))
    if url is not None:
        _text(author, "uri", url[language])

    # Newest first by the date each entry gives (ties keep the changes' own order).
    for change in sorted(changes, key=lambda change: -entry_updated(change).toordinal()):
        entry = ET.SubElement(feed, _atom("entry"))
        _text(entry, "id", _urn(f"{language}/{change.key}"))
        _text(entry, "title", _title(site, change, language))
        _text(entry, "updated", _timestamp(entry_updated(change)))
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
    place = site.facts.place(change.mission.country)
    params = {
        "mission": fmt.text(change.mission.acronym),
        "country": fmt.text(place.name),
        "when": fmt.when(change.when),
    }
    if change.count is not None:
        params["n"] = fmt.number(change.count)
    return fmt.t(f"feed.{change.kind}", **params)


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
