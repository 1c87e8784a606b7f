"""axe-core lists the rules it runs for the site's WCAG tags, with their help in both languages.

Why: the accessibility statement names every rule the crawl's axe run applies. The list is asked of
axe itself, in Chromium, with the same tags the crawl uses, so it cannot differ from what ran; the
French help comes from axe-core's own French translation (node_modules/axe-core/locales/fr.json).
"""
from __future__ import annotations

import json

import accessibility_record
import pytest

from .axe import AXE_PACKAGE, WCAG_TAGS, load_axe

pytestmark = pytest.mark.browser

LIST_RULES = "tags => axe.getRules(tags).map(rule => ({id: rule.ruleId, help: rule.help}))"


def test_axe_lists_the_rules_it_runs(tab, base_url, record_property):
    tab.goto(base_url)
    load_axe(tab)
    rules = tab.evaluate(LIST_RULES, WCAG_TAGS)
    french = json.loads((AXE_PACKAGE / "locales" / "fr.json").read_text(encoding="utf-8"))["rules"]
    assert len(rules) > 20, rules
    assert "color-contrast" in {rule["id"] for rule in rules}
    assert all(rule["help"] for rule in rules)
    gathered = {
        "axe_rules": [
            {"id": rule["id"], "help": {"en": rule["help"], "fr": french.get(rule["id"], {}).get("help")}}
            for rule in rules
        ],
        "axe_tags": list(WCAG_TAGS),
    }
    # To the record through this test's report, which reaches the controller from an xdist worker.
    record_property(accessibility_record.GATHER, gathered)
