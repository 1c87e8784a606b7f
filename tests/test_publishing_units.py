"""Issue 6: the engine-agnostic pieces on their own (no build): addresses, print links, JSON-LD text,
and the list of deployment changes.
"""
from __future__ import annotations

import json

from conftest import ROOT

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
    expected = sum((m.start is not None) + (m.end is not None) for m in missions) + dated
    assert len(changes) == expected
    days = [change.when.first_day for change in changes]
    assert days == sorted(days, reverse=True)
    assert len({change.key for change in changes}) == len(changes)
    assert deployment_changes(tuple(reversed(missions)), site.facts) == changes  # the file's order does not matter
