"""axe-core, exactly the version pinned in package.json, and the WCAG rules the site is held to.

Why: a newer axe adds rules; the version must change in a reviewed commit (package.json and its
lock), not because someone's machine had another one.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_PACKAGE = ROOT / "node_modules" / "axe-core"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
    .then(result => result.violations.map(v => ({
        id: v.id, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})))"""


def pinned_version() -> str:
    return json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]


@cache
def axe_source() -> str:
    """The script to inject; fails (never skips) when node_modules is missing or not the pinned version."""
    script = AXE_PACKAGE / "axe.min.js"
    if not script.exists():
        pytest.fail(f"axe-core is missing ({script}); run `npm ci` (make test does)")
    installed = json.loads((AXE_PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    if installed != pinned_version():
        pytest.fail(f"axe-core {installed} is installed but package.json pins {pinned_version()}; run `npm ci`")
    return script.read_text(encoding="utf-8")


def preload_axe(context) -> None:
    """axe-core into every page the browser context opens from now on, as the page is created (before
    its own scripts; the developer protocol's scripts are not held to the page's policy): for a
    context that runs axe on every page it visits. Sent to the browser once, where ``load_axe`` sends
    half a megabyte of script for each page (about a tenth of an axe run's time, measured over the
    74 pages)."""
    context.add_init_script(axe_source())


def load_axe(page) -> None:
    """axe-core into the page, through the browser's developer protocol: the pages' Content-Security-
    Policy runs no inline script, so a <script> tag with axe in it (add_script_tag) would be refused,
    and reported as a violation."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe_source() + "\n;undefined;")


def run_axe(page) -> list[dict]:
    """The WCAG A/AA violations on the page as it is now, one dict per rule broken."""
    load_axe(page)
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def describe(violations: list[dict]) -> list[str]:
    return [
        f"{violation['id']} ({violation['help']}): {node['target']}: {node['summary']}"
        for violation in violations
        for node in violation["nodes"]
    ]
