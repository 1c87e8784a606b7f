"""Issue 18: the feed tells events. Small missions of the tests' own, then the real data's feed.

Every expected date, order and title is written out here by hand from the small data (or, for the
real feed, read from data/missions.yaml plainly), never asked of peaceops.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT
from dated import last_day
from dated import missions as yaml_missions

from peaceops.facts import derive
from peaceops.outputs.feed import atom_feed, deployment_changes
from peaceops.pages.routes import build_routes
from peaceops.pages.website import Website
from peaceops.source.dataset import load
from peaceops.source.model import Mission

ATOM = "{http://www.w3.org/2005/Atom}"
SOURCE = "rcmp-po-mp-overview"  # a source of the real data/sources.yaml, with no published: date
PUBLISHED_2006 = "gac-unoci-statement-2006"  # a source of the real data, published: 2006-01-19
AS_OF = date(2026, 5, 15)  # the day the small data is "checked up to"


@pytest.fixture(scope="module")
def real():
    return load(ROOT / "data")


def mission(mission_id: str, country: str, status: list[tuple[str, object]], officers=(), acronym=None) -> Mission:
    """A mission with its status entries (state, since) oldest first and its figures (kind, count, as_of, source)."""
    acronym = acronym or {"en": mission_id.upper(), "fr": mission_id.upper()}
    record = {
        "id": mission_id, "acronym": acronym, "name": {"en": f"{mission_id} en", "fr": f"{mission_id} fr"},
        "lead": "UN", "country": country, "mandate": {"en": "m", "fr": "m"}, "sources": [SOURCE],
        "updated": "2026-01-01",
        "status": [{"state": state, "source": SOURCE, **({} if since is None else {"since": since})} for state, since in status],
        "officers": [
            {"kind": kind, "count": str(count), "source": source, **({} if as_of is None else {"as_of": as_of})}
            for kind, count, as_of, source in officers
        ],
    }  # fmt: skip
    return Mission.model_validate(record)


def website(real, *missions: Mission) -> Website:
    review = real.review.model_copy(update={"as_of": AS_OF})
    dataset = replace(real, missions=tuple(missions), review=review)
    facts = derive(dataset)
    return Website(ROOT, dataset, facts, build_routes(ROOT / "content", facts))


def events(site: Website) -> list[tuple[str, str, str, str]]:
    """(mission id, kind, date as stated, the entry's day) of every change, in the feed's order."""
    changes = deployment_changes(site.dataset.missions, site.facts)
    return [(c.mission.id, c.kind, c.when.iso, c.day.isoformat()) for c in changes]


def titles(site: Website, language: str) -> list[str]:
    feed = ET.fromstring(atom_feed(site, language, "https://example.org/"))
    entries = feed.findall(f"{ATOM}entry")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    return [entry.findtext(f"{ATOM}title").replace("\u00a0", " ").replace("\u202f", " ") for entry in entries]


# --- What is an event --------------------------------------------------------------------------------

def test_a_suspension_with_a_stated_date_is_an_event_and_a_range_or_no_date_is_not(real):
    site = website(
        real,
        # Under way in July 2015, suspended on 8 January 2020, under way again at a date only bounded.
        mission("a", "UA", [("under_way", "2015-07"), ("suspended", "2020-01-08"),
                            ("under_way", {"earliest": "2021", "reason": "evidence"})]),
        # Under way with no date, suspended at a date only bounded: nothing to tell.
        mission("b", "IQ", [("under_way", None), ("suspended", {"latest": "2020", "reason": "evidence"})]),
    )  # fmt: skip
    assert events(site) == [
        ("a", "suspended", "2020-01-08", "2020-01-08"),
        ("a", "started", "2015-07", "2015-07-31"),
    ]


def test_under_way_after_an_earlier_entry_is_a_resumption(real):
    site = website(
        real,
        # UNMIK's shape: under way, ended, under way again.
        mission("k", "kosovo", [("under_way", "1999-06"), ("ended", "2004-03"), ("under_way", "2010")]),
        # Suspended first (the first entry written), then under way: resumed, not started.
        mission("s", "HT", [("suspended", "2019-03-01"), ("under_way", "2019-09-01")]),
    )
    assert events(site) == [
        ("s", "resumed", "2019-09-01", "2019-09-01"),
        ("s", "suspended", "2019-03-01", "2019-03-01"),
        ("k", "resumed", "2010", "2010-12-31"),
        ("k", "ended", "2004-03", "2004-03-31"),
        ("k", "started", "1999-06", "1999-06-30"),
    ]
    en, fr = titles(site, "en"), titles(site, "fr")
    assert en[:3] == [
        "S, Haiti: Canadian police resumed serving (September 1, 2019)",
        "S, Haiti: mission suspended (March 1, 2019)",
        "K, Kosovo: Canadian police resumed serving (2010)",
    ]
    assert fr[:3] == [
        "S, Haïti : reprise du service de policiers canadiens (1er septembre 2019)",
        "S, Haïti : mission suspendue (1er mars 2019)",
        "K, Kosovo : reprise du service de policiers canadiens (2010)",
    ]


def test_entries_are_newest_first_by_their_day_with_ties_in_a_fixed_order(real):
    site = website(
        real,
        mission("zz", "HT", [("under_way", "2018-11-30")],
                officers=[("deployed", 4, "2018-11", SOURCE), ("deployed", 5, "2018-11-30", PUBLISHED_2006)]),
        mission("aa", "ML", [("under_way", "2018")],
                officers=[("authorized", 9, "2018-11-30", SOURCE), ("deployed", 3, "2018-11-30", SOURCE),
                          ("deployed", 2, "2017-02-03", SOURCE)]),
    )  # fmt: skip
    # A year is dated by its last day. On 30 November 2018: mission aa before zz; in one mission a
    # status before a figure and deployed before authorized; two figures of one kind by their source.
    expected = [
        ("aa", "started", "2018", "2018-12-31"),
        ("aa", "deployed", "2018-11-30", "2018-11-30"),
        ("aa", "authorized", "2018-11-30", "2018-11-30"),
        ("zz", "started", "2018-11-30", "2018-11-30"),
        ("zz", "deployed", "2018-11-30", "2018-11-30"),  # gac-unoci-statement-2006
        ("zz", "deployed", "2018-11", "2018-11-30"),  # rcmp-po-mp-overview
        ("aa", "deployed", "2017-02-03", "2017-02-03"),
    ]
    assert events(site) == expected
    # The file's order does not matter.
    assert events(website(real, *reversed(site.dataset.missions))) == expected
    feed = ET.fromstring(atom_feed(site, "en", "https://example.org/"))
    updated = [entry.findtext(f"{ATOM}updated") for entry in feed.findall(f"{ATOM}entry")]
    assert updated == [f"{day}T00:00:00Z" for *_, day in expected]


# --- Never after the mission's end, never after the data's date ---------------------------------------

def test_no_entry_is_dated_after_its_missions_end(real):
    site = website(
        real,
        # Ended in March 2004: its "2004" figure and its start in 2004 are dated 31 March at the latest;
        # a figure whose own date is after the end, or dated only by a source published in 2006,
        # has a date "the end or earlier" (a range), so it is no event.
        mission("e", "kosovo", [("under_way", "2004"), ("ended", "2004-03")],
                officers=[("deployed", 40, "2004", SOURCE), ("deployed", 41, "2005", SOURCE),
                          ("authorized", 50, None, PUBLISHED_2006)]),
        # Ended at a date only bounded (by June 2020 at the latest): no "ended" event, and its "2020"
        # figure is dated 30 June 2020.
        mission("r", "IQ", [("under_way", "2017-08-09"), ("ended", {"latest": "2020-06", "reason": "evidence"})],
                officers=[("deployed", 12, "2020", SOURCE)]),
    )  # fmt: skip
    assert events(site) == [
        ("r", "deployed", "2020", "2020-06-30"),
        ("r", "started", "2017-08-09", "2017-08-09"),
        ("e", "started", "2004", "2004-03-31"),
        ("e", "ended", "2004-03", "2004-03-31"),
        ("e", "deployed", "2004", "2004-03-31"),
    ]


def test_no_entry_is_dated_after_the_day_the_data_was_checked(real):
    # AS_OF is 15 May 2026: a "2026" figure is dated that day, not 31 December; a month before it keeps
    # its last day; a stated day is its own.
    site = website(
        real,
        mission("c", "HT", [("under_way", "2026-02")],
                officers=[("deployed", 7, "2026", SOURCE), ("authorized", 8, "2026-03-02", SOURCE)]),
    )  # fmt: skip
    assert events(site) == [
        ("c", "deployed", "2026", "2026-05-15"),
        ("c", "authorized", "2026-03-02", "2026-03-02"),
        ("c", "started", "2026-02", "2026-02-28"),
    ]


# --- Titles ------------------------------------------------------------------------------------------

def test_a_figure_of_one_is_singular_in_both_languages(real):
    site = website(
        real,
        mission("one", "CD", [("under_way", "2010")],
                officers=[("deployed", 1, "2012", SOURCE), ("authorized", 1, "2013", SOURCE),
                          ("authorized_up_to", 1, "2014", SOURCE), ("deployed", 2, "2011", SOURCE),
                          ("authorized", 1001, "2009", SOURCE)]),
    )  # fmt: skip
    assert titles(site, "en") == [
        "ONE, Democratic Republic of the Congo: up to 1 position authorized for Canadian police (2014)",
        "ONE, Democratic Republic of the Congo: 1 position authorized for Canadian police (2013)",
        "ONE, Democratic Republic of the Congo: 1 Canadian police officer serving (2012)",
        "ONE, Democratic Republic of the Congo: 2 Canadian police officers serving (2011)",
        "ONE, Democratic Republic of the Congo: Canadian police began serving (2010)",
        "ONE, Democratic Republic of the Congo: 1,001 positions authorized for Canadian police (2009)",
    ]
    assert titles(site, "fr") == [
        "ONE, République démocratique du Congo : jusqu'à 1 poste autorisé pour des policiers canadiens (2014)",
        "ONE, République démocratique du Congo : 1 poste autorisé pour des policiers canadiens (2013)",
        "ONE, République démocratique du Congo : 1 policier canadien en service (2012)",
        "ONE, République démocratique du Congo : 2 policiers canadiens en service (2011)",
        "ONE, République démocratique du Congo : début du service de policiers canadiens (2010)",
        "ONE, République démocratique du Congo : 1 001 postes autorisés pour des policiers canadiens (2009)",
    ]


def test_a_place_the_missions_name_already_gives_is_not_repeated(real):
    site = website(
        real,
        mission("colombia", "CO", [("under_way", "2017")], acronym={"en": "Colombia", "fr": "Colombie"}),
        mission("hps", "HT", [("under_way", "2016")], acronym={"en": "Haiti police support", "fr": "Appui à la police d'Haïti"}),
        mission("euam", "UA", [("under_way", "2015")], acronym={"en": "EUAM ukraine", "fr": "EUAM UKRAINE"}),
        # Only whole words: Oman is not in "ROMANIA"; and a name may hold the place in one language only.
        mission("rom", "OM", [("under_way", "2014")], acronym={"en": "ROMANIA", "fr": "ROMANIA"}),
        mission("mali", "ML", [("under_way", "2013")], acronym={"en": "Mission in Mali", "fr": "MINUSMA"}),
    )  # fmt: skip
    assert titles(site, "en") == [
        "Colombia: Canadian police began serving (2017)",
        "Haiti police support: Canadian police began serving (2016)",
        "EUAM ukraine: Canadian police began serving (2015)",
        "ROMANIA, Oman: Canadian police began serving (2014)",
        "Mission in Mali: Canadian police began serving (2013)",
    ]
    assert titles(site, "fr") == [
        "Colombie : début du service de policiers canadiens (2017)",
        "Appui à la police d'Haïti : début du service de policiers canadiens (2016)",
        "EUAM UKRAINE : début du service de policiers canadiens (2015)",
        "ROMANIA, Oman : début du service de policiers canadiens (2014)",
        "MINUSMA, Mali : début du service de policiers canadiens (2013)",
    ]


# --- The real data's feed ----------------------------------------------------------------------------

def _last_possible_day(mission: dict) -> date | None:
    """The last day an ended mission can have ended, read from the YAML: its last status's since, or
    the latest bound of a range; None while it has not ended or when nothing bounds its end."""
    last = mission["status"][-1]
    since = last.get("since")
    if last["state"] != "ended" or since is None:
        return None
    if isinstance(since, dict):
        return last_day(since["latest"]) if since.get("latest") is not None else None
    return last_day(since)


def _mission_of(title: str, missions: list[dict], language: str) -> dict:
    """The one mission whose acronym starts the title, followed by its place or the colon."""
    found = [m for m in missions if re.match(re.escape(m["acronym"][language]) + r"(,| ?:)", title)]
    assert len(found) == 1, (title, [m["id"] for m in found])
    return found[0]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_real_feed_has_no_entry_after_its_missions_end_and_no_plural_of_one(built_site, language):
    feed = ET.parse(built_site / {"en": "", "fr": "fr/"}[language] / "feed.xml").getroot()
    missions = yaml_missions()
    entries = [
        (entry.findtext(f"{ATOM}title").replace(" ", " ").replace(" ", " "), entry.findtext(f"{ATOM}updated"))
        for entry in feed.findall(f"{ATOM}entry")
    ]
    assert entries
    ended = 0
    for title, updated in entries:
        limit = _last_possible_day(_mission_of(title, missions, language))
        if limit is not None:
            ended += 1
            assert date.fromisoformat(updated[:10]) <= limit, (title, updated, limit)
    assert ended, "no entry of an ended mission to check"
    plural_of_one = {"en": r"(?<![\d,])1 (Canadian police officers|positions)\b", "fr": r"(?<![\d ])1 (policiers|postes)\b"}
    assert not [title for title, _ in entries if re.search(plural_of_one[language], title)]
    assert not [title for title, _ in entries if re.match(r"([^,:]+), \1 ?:", title, flags=re.IGNORECASE)]
    # The data has a figure of 1 (the New York police advisor): the singular is there.
    ones = [m for m in missions for o in m.get("officers", []) if o["count"] == 1 and o["kind"] == "deployed"]
    if ones:
        singular = {"en": "1 Canadian police officer serving", "fr": "1 policier canadien en service"}[language]
        assert any(singular in title for title, _ in entries)
