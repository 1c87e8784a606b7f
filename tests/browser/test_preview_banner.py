"""The preview shows the files' problems on the page itself, and takes them away after the fix (issue 13).

Drives Debian's Chromium against the real preview (``python -m peaceops serve``) on a free loopback
port, started from a copy of the inputs. The browser is never reloaded by the test: the preview's
live reload must bring the problem box in when a file breaks and take it out when it is fixed.
"""
from __future__ import annotations

import time

import pytest
from conftest import edit
from previewserver import page_has, preview, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.build]

BOX = "#peaceops-preview-problems"
SEEN_WITHIN = 20_000  # ms: a few seconds on an idle machine; generous for a shared, loaded one


def test_a_broken_data_file_shows_in_every_page_until_fixed(workspace, tmp_path, browser):
    missions = workspace / "data" / "missions.yaml"
    with preview(workspace, tmp_path / "serve.log") as url:
        wait_for(lambda: page_has(url + "deployments/", "Haiti"), "the first build")
        english = browser.new_page()
        french = browser.new_page()
        try:
            english.goto(url + "deployments/")
            french.goto(url + "fr/deploiements/")
            assert english.locator(BOX).count() == 0 and french.locator(BOX).count() == 0

            edit(missions, "        count: 131\n", "        count: lots\n")
            text = missions.read_text(encoding="utf-8")
            line = text[: text.index("count: lots")].count("\n") + 1
            saved = time.monotonic()
            english.locator(BOX).wait_for(timeout=SEEN_WITHIN)
            seconds = time.monotonic() - saved
            box = english.locator(BOX)
            assert box.locator("code").first.inner_text() == f"data/missions.yaml:{line}:16"
            assert "officers.count must be a whole number" in box.inner_text()
            assert "The preview cannot show your latest changes" in box.inner_text()
            assert "last version without problems" in box.inner_text()
            assert "Haiti" in english.locator("main").inner_text()  # the last good page is still there
            # At the top: nothing of the page comes before it.
            assert english.evaluate(f"document.body.firstElementChild === document.querySelector('{BOX}')")

            french.locator(BOX).wait_for(timeout=SEEN_WITHIN)
            french_box = french.locator(BOX)
            assert "L'aperçu ne peut pas montrer vos dernières modifications" in french_box.inner_text()
            assert "dernière version sans problème" in french_box.inner_text()
            assert french_box.locator("li").first.get_attribute("lang") == "en"  # the messages are English

            edit(missions, "        count: lots\n", "        count: 131\n")
            english.locator(BOX).wait_for(state="detached", timeout=SEEN_WITHIN)
            french.locator(BOX).wait_for(state="detached", timeout=SEEN_WITHIN)
            assert "Haiti" in english.locator("main").inner_text()
        finally:
            english.close()
            french.close()
    print(f"the problem box appeared {seconds:.1f} s after the save")
    assert not (workspace / "site").exists()  # the preview never writes the site folder


def test_a_page_mistake_shows_at_the_page_line(workspace, tmp_path, browser):
    page = workspace / "content" / "en" / "index.md"
    with preview(workspace, tmp_path / "serve.log") as url:
        wait_for(lambda: page_has(url, "Quick facts"), "the first build")
        tab = browser.new_page()
        try:
            tab.goto(url + "how-it-works/")
            edit(page, "Since {{ facts.first_year }}, Canada", "Since {{ facts.first_yaer }}, Canada")
            text = page.read_text(encoding="utf-8")
            line = text[: text.index("first_yaer")].count("\n") + 1
            tab.locator(BOX).wait_for(timeout=SEEN_WITHIN)
            box = tab.locator(BOX).inner_text()
            assert f"content/en/index.md:{line}:" in box and 'did you mean "first_year"?' in box
            edit(page, "Since {{ facts.first_yaer }}, Canada", "Since {{ facts.first_year }}, Canada")
            tab.locator(BOX).wait_for(state="detached", timeout=SEEN_WITHIN)
        finally:
            tab.close()


def test_the_published_site_never_has_the_box(built_site):
    for path in built_site.rglob("*.html"):
        assert "peaceops-preview-problems" not in path.read_text(encoding="utf-8"), path
