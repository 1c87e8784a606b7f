"""Issue 6: the engine-agnostic pieces on their own (no build): addresses, print links, JSON-LD text,
and the list of deployment changes.
"""
from __future__ import annotations

import json
from itertools import pairwise

from conftest import ROOT
from dated import missions as yaml_missions

from peaceops.outputs.feed import deployment_changes
from peaceops.outputs.metadata import json_for_script
from peaceops.outputs.printlinks import add_print_addresses
from peaceops.pages.addresses import site_root
from peaceops.site.site import Site


def test_site_root_takes_the_language_folder_off_the_french_builds_address():
    assert site_root("https://example.ca/fr/", "fr") == "https://example.ca/"
    assert site_root("https://example.ca/preview/fr/", "fr") == "https://example.ca/preview/"
    assert site_root("https://example.ca/preview/", "en") == "https://example.ca/preview/"
    assert site_root("https://example.ca/preview", "en") == "https://example.ca/preview/"
    # An English site whose own path ends in fr/ keeps it.
    assert site_root("https://example.ca/fr/", "en") == "https://example.ca/fr/"


def test_print_addresses_are_full_addresses_of_links_that_leave_the_page():
    html = (
        '<p><a href="../deployments/">current deployments</a> <a href="#top">top</a> '
        '<a href="https://un.org/a?b=1&amp;c=2">UN</a> <a href="https://un.org/x">https://un.org/x</a> '
        '<a href="mailto:a@example.ca?subject=Hi">write</a></p>'
    )
    marked = add_print_addresses(html, "https://example.ca/fr/pays/haiti/")
    assert '<a href="../deployments/" data-print-href="https://example.ca/fr/pays/deployments/">' in marked
    assert '<a href="#top">top</a>' in marked
    assert 'data-print-href="https://un.org/a?b=1&amp;c=2"' in marked
    assert '<a href="https://un.org/x">https://un.org/x</a>' in marked  # its words already are its address
    assert 'data-print-href="a@example.ca"' in marked


def test_json_ld_text_cannot_end_its_script_element():
    text = json_for_script({"name": "</script><script>alert(1)</script> & more"})
    assert "</script>" not in text and "<" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & more"}


def test_deployment_changes_are_newest_first_and_count_every_dated_fact():
    site = Site.load(ROOT)
    missions = site.dataset.missions
    changes = deployment_changes(missions, site.facts)
    # A figure dated by a range of evidence is no event; one with a year, month or day is.
    dated = sum(1 for m in missions for k in site.facts.kinds(m) for f in site.facts.figures(m, k) if f.when is not None)
    assert 0 < dated <= sum(len(m.officers) for m in missions)
    # So is every status entry whose since is stated (read plainly from the YAML): a range or none is not.
    statuses = [entry for m in yaml_missions() for entry in m["status"]]
    stated = [entry for entry in statuses if entry.get("since") is not None and not isinstance(entry["since"], dict)]
    assert 0 < len(stated) < len(statuses)
    assert any(entry["state"] == "suspended" for entry in stated), "the data has a dated suspension (Iraq, 2020)"
    assert len(changes) == len(stated) + dated
    assert sum(change.kind in ("started", "resumed", "suspended", "ended") for change in changes) == len(stated)
    days = [change.day for change in changes]
    assert days == sorted(days, reverse=True)
    for change in changes:  # the entry's day lies within the date as stated
        assert change.when.first_day <= change.day <= change.when.last_day
    kinds = ["started", "resumed", "suspended", "ended", "deployed", "authorized", "authorized_up_to"]
    ties = [(c.day, c.mission.id, kinds.index(c.kind), c.source) for c in changes]
    for before, after in pairwise(ties):
        assert before[0] > after[0] or before[1:] <= after[1:]
    assert len({change.key for change in changes}) == len(changes)
    assert deployment_changes(tuple(reversed(missions)), site.facts) == changes  # the file's order does not matter
