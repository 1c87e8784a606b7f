"""``make serve`` (``python -m peaceops serve``) survives a bad edit and recovers after the fix.

Each test starts the real preview server on a free port of 127.0.0.1 from a copy of the inputs,
waits a bounded time for each expected change, and always stops the server.
"""
from __future__ import annotations

import re

import pytest
from conftest import edit
from previewserver import WAIT, fetch, page_has, preview, wait_for

from peaceops.pages.routes import country_page_id
from peaceops.site.site import Site

pytestmark = pytest.mark.build

NAME = "United Nations Stabilization Mission in Haiti"
NAME_FR = "Mission des Nations Unies pour la stabilisation en Haïti"


def without_reload_script(page: str) -> str:
    """A served page without what the preview adds to each response: the live-reload script, which
    names the request, and its hash in the page's Content-Security-Policy."""
    page = re.sub(r"<script>\s*var livereload.*?</script>", "", page, flags=re.DOTALL)
    return re.sub(r" 'sha256-[A-Za-z0-9+/=]+'", "", page)


def test_preview_survives_a_bad_edit_and_recovers(workspace, tmp_path):
    missions = workspace / "data" / "missions.yaml"
    log = tmp_path / "serve.log"
    with preview(workspace, log) as url:
        wait_for(lambda: page_has(url + "past-operations/", NAME), "the first build")

        edit(missions, "        count: 131\n", "        count: lots\n")
        text = missions.read_text(encoding="utf-8")
        line = text[: text.index("count: lots")].count("\n") + 1
        expected = f"data/missions.yaml:{line}:16: officers.count must be a whole number"
        wait_for(lambda: expected in log.read_text(), "the problem in the terminal")
        assert "Traceback" not in log.read_text()
        status, body = fetch(url + "past-operations/")
        assert status == 200 and NAME in body, "the last good page is no longer served"

        edit(missions, "        count: lots\n", "        count: 131\n")
        edit(missions, f"      en: {NAME}\n", f"      en: {NAME} (fixed)\n")
        wait_for(lambda: page_has(url + "past-operations/", f"{NAME} (fixed)"), "the page with the fix")
    assert "Traceback" not in log.read_text()


def test_preview_started_with_broken_data_shows_the_problems_then_the_site(workspace, tmp_path):
    missions = workspace / "data" / "missions.yaml"
    edit(missions, "    acronym: {en: MINUSTAH, fr: MINUSTAH}\n", "    acronym: {en: MINUSTAH}\n")
    log = tmp_path / "serve.log"
    with preview(workspace, log) as url:
        wait_for(lambda: page_has(url, "French text (fr:) is missing"), "the page listing the problems")
        assert "data/missions.yaml:" in log.read_text()

        edit(missions, "    acronym: {en: MINUSTAH}\n", "    acronym: {en: MINUSTAH, fr: MINUSTAH}\n")
        wait_for(lambda: page_has(url + "past-operations/", NAME), "the site once the data is fixed")
    assert "Traceback" not in log.read_text()


def test_preview_serves_search_after_a_save_and_makes_it_again_once_the_edits_stop(workspace, tmp_path):
    """Issue 21: a rebuild does not wait for Pagefind; the index served stays until a new one is made."""
    missions = workspace / "data" / "missions.yaml"
    log = tmp_path / "serve.log"
    with preview(workspace, log) as url:
        wait_for(lambda: page_has(url + "past-operations/", NAME), "the first build")
        status, first_entry = fetch(url + "pagefind/pagefind-entry.json")
        assert status == 200 and '"en"' in first_entry

        edit(missions, f"      en: {NAME}\n", f"      en: {NAME} Zanzibarian\n")
        wait_for(lambda: page_has(url + "past-operations/", f"{NAME} Zanzibarian"), "the page with the edit")
        assert fetch(url + "pagefind/pagefind.js")[0] == 200, "search stopped working after the save"
        wait_for(lambda: fetch(url + "pagefind/pagefind-entry.json")[1] not in ("", first_entry), "a new search index")
    assert "Traceback" not in log.read_text()


def test_a_save_builds_the_page_being_looked_at_first_and_never_serves_another_from_before_it(workspace, tmp_path):
    """Issue 21: after a save, the pages a browser asked for are built first, as the whole build makes
    them; any other page is served only once the whole site is built again behind them."""
    site = Site.load(workspace)
    looked_at = site.routes.path(country_page_id("HT"), "fr")
    other = site.routes.path("past-operations", "fr")
    missions = workspace / "data" / "missions.yaml"
    log = tmp_path / "serve.log"
    with preview(workspace, log) as url:
        wait_for(lambda: page_has(url + looked_at, NAME_FR), "the first build")

        edit(missions, f"      fr: {NAME_FR}\n", f"      fr: {NAME_FR} Zanzibarienne\n")
        wait_for(lambda: page_has(url + looked_at, f"{NAME_FR} Zanzibarienne"), "the page being looked at")
        built_first = fetch(url + looked_at)[1]
        assert f"Preview updated: {url} ({url + looked_at} first" in log.read_text(), log.read_text()

        status, page = fetch(url + other, timeout=WAIT)  # held until the whole build is in
        assert status == 200 and f"{NAME_FR} Zanzibarienne" in page, "a page from before the save was served"
        built_whole = fetch(url + looked_at)[1]
        assert f"{NAME_FR} Zanzibarienne" in built_whole
        assert without_reload_script(built_first) == without_reload_script(built_whole)
    assert "Traceback" not in log.read_text()


def test_a_file_added_to_the_theme_is_served_after_the_save(workspace, tmp_path):
    """The preview lists the theme's files once while they are unchanged; a new one is still found."""
    log = tmp_path / "serve.log"
    with preview(workspace, log) as url:
        wait_for(lambda: page_has(url + "past-operations/", NAME), "the first build")
        assert fetch(url + "assets/probe.txt")[0] == 404
        (workspace / "theme" / "assets" / "probe.txt").write_text("a new theme file\n", encoding="utf-8")
        wait_for(lambda: fetch(url + "assets/probe.txt") == (200, "a new theme file\n"), "the new file")
    assert "Traceback" not in log.read_text()
