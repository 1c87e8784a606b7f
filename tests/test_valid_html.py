"""Every built page is valid HTML, by the Nu HTML checker (vnu.jar, pinned in package.json).

Why: invalid markup is read differently by different browsers and assistive technologies (WCAG
4.1.1 in 2.0/2.1), and Material's own templates are not clean out of the box. The checker runs once
over all pages, in one Java process, because starting Java is the slow part.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.build
def test_every_page_in_both_languages_is_valid_html(built_site):
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed by the Nu HTML checker and was not found: apt-get install default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"the Nu HTML checker is missing ({VNU}); run `npm ci` (make test does)")
    pages = sorted(built_site.rglob("*.html"))
    assert any(p.relative_to(built_site).parts[0] == "fr" for p in pages) and len(pages) > 10, pages
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)  # vnu writes its JSON report to stderr
    errors = [
        f"{message.get('url', '').split(str(built_site))[-1]}:{message.get('lastLine', '?')}: {message['message']}"
        for message in report["messages"]
        if message["type"] != "info"
    ]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr[-2000:]
