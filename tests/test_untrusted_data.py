"""Issue 22: every value in data/ is untrusted on its way to a reader. Each class of trick an editor
could type (by mistake or not) is refused at its line with a plain message, or comes out inert.

Each test writes its own mistake into a copy of data/ (tests/datacopy.py) and checks the exact
placed line; the classes, not the cases: every address field, every text field.
"""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import ROOT
from datacopy import DataCopy, assert_at, only_problem

from peaceops.outputs.security import HEADER_POLICY
from peaceops.pages.localize import Localizer
from peaceops.source.dataset import load
from peaceops.source.model import Text

C = "contacts.yaml"
S = "sources.yaml"
M = "missions.yaml"
WEB_EN = "      en: https://rcmp.ca/en/federal-policing/international-policing/current-peace-operations\n"
NAME_EN = "      en: United Nations Stabilization Mission in Haiti\n"
SOURCE = 'address: {en: "https://www.canadiansoldiers.com/'


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


# --- 1. Addresses, as a browser reads them ------------------------------------------------------
@pytest.mark.parametrize(
    "typed, scheme",
    [
        ('"java\\nscript:alert(1)"', "javascript"),  # a line break a browser drops
        ('"java\\tscript:alert(1)"', "javascript"),  # a tab likewise
        ('" JavaScript:alert(1)"', "javascript"),  # a space before, capitals
        ('"\\x01javascript:alert(1)"', "javascript"),  # a control character before: dropped by a browser
        ('"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="', "data"),
        ('"vbscript:msgbox(1)"', "vbscript"),
        ('"mailto:someone@example.ca"', "mailto"),  # an e-mail goes in email:, not in a web field
        ('"file:///etc/passwd"', "file"),
    ],
)
def test_an_address_a_browser_would_not_read_as_a_web_address_is_refused(data, typed, scheme):
    data.replace(C, WEB_EN, f"      en: {typed}\n")
    problem = only_problem(data.problems())
    place = data.where(C, typed)
    if scheme is None:
        assert_at(problem, C, place, "web.en contains an invisible control character (U+0001, character 1")
    else:
        assert problem.message == (
            f"web.en must be a web address starting with https:// (or http://); a browser reads this one as a "
            f"{scheme}: address, which the site never publishes"
        )
        assert_at(problem, C, place)


def test_a_web_address_split_by_a_line_break_inside_a_source_is_refused(data):
    data.replace(S, SOURCE, 'address: {en: "https://www.canadian\\nsoldiers.com/')
    problem = only_problem(data.problems())
    assert_at(problem, S, data.where(S, '"https://www.canadian\\n'), "address.en must be a web address", '\\n')


def test_an_address_with_its_scheme_in_capitals_is_accepted_and_written_in_lower_case(data):
    data.replace(C, WEB_EN, WEB_EN.replace("https://", "HTTPS://"))
    from peaceops.source.dataset import load

    contacts = load(data.folder).contacts
    assert contacts.contacts[1].web is not None
    assert contacts.contacts[1].web.en.startswith("https://rcmp.ca/")


# --- 4. Characters XML cannot hold ---------------------------------------------------------------
@pytest.mark.parametrize("escape, code", [("\\x01", "U+0001"), ("\\x1B", "U+001B"), ("\\uFFFE", "U+FFFE"), ("\\x0C", "U+000C")])
def test_a_control_character_in_a_text_is_refused_at_its_line(data, escape, code):
    typed = f'"MINU{escape}STAH"'
    data.replace(M, "    acronym: {en: MINUSTAH, fr: MINUSTAH}\n", f"    acronym: {{en: {typed}, fr: MINUSTAH}}\n")
    problem = only_problem(data.problems())
    assert str(problem) == (
        f"data/{M}:{data.where(M, typed)[0]}:{data.where(M, typed)[1]}: acronym.en contains an invisible control "
        f"character ({code}, character 5 of the text) that web pages, feeds and spreadsheets cannot hold; delete it "
        "(retype the text around it if you cannot see it)"
    )


def test_a_wrong_value_with_a_line_break_is_shown_on_one_line(data):
    data.replace(S, SOURCE, 'address: {en: "htps://www.canadian\\nsoldiers.com/')
    problem = only_problem(data.problems())
    assert "\n" not in problem.message and '"htps://www.canadian\\nsoldiers.com/' in problem.message


# --- 5. Interface texts: placeholders are names, filled with text only -------------------------
def test_a_value_that_looks_like_a_placeholder_is_never_read_as_one():
    fmt = Localizer("en", {"k": Text(en="About {n} in {place}", fr="Environ {n} en {place}")})
    assert fmt.t("k", n="{place.__class__}", place="{n:>99}") == "About {place.__class__} in {n:>99}"
    html = Localizer("fr", {"k": Text(en="{n}", fr="« {n} » {{ok}}")}).t_html("k", n='<b title="x">{n}</b>')
    assert str(html) == "«\u00a0&lt;b title=&#34;x&#34;&gt;&#123;n&#125;&lt;/b&gt;\u00a0» &#123;ok&#125;"


# --- 7. Dates that cannot all be true ------------------------------------------------------------
def _today() -> date:
    return datetime.now(tz=UTC).date()


def test_a_date_in_the_future_where_only_the_past_makes_sense_is_refused(data, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("PEACEOPS_REFERENCE_EPOCH", raising=False)
    later = (_today() + timedelta(days=400)).isoformat()
    text = data.text(S)
    first = text.index("    consulted: 2026-11-29\n")
    data.path(S).write_text(text[:first] + f"    consulted: {later}\n" + text[first + 26:], encoding="utf-8")
    data.replace(M, "        count: 131\n        as_of: 2010\n", f"        count: 131\n        as_of: {later[:4]}\n")
    words = "it says when something already happened, so it cannot be in the future: check the year, the month and the day"
    today = _today().isoformat()
    found = [str(problem) for problem in data.problems()]
    assert f"data/{S}:{data.where(S, f'consulted: {later}')[0]}:16: consulted ({later}) is later than today ({today}); {words}" in found
    assert f"data/{M}:{data.where(M, f'as_of: {later[:4]}')[0]}:16: as_of ({later[:4]}) is later than today ({today}); {words}" in found
    # (the MINUSTAH figure is also after the mission's end: that is the next test's message)
    assert len(found) == 3, found


def test_a_figure_dated_after_its_missions_end_is_refused(data):
    data.replace(M, "        count: 131\n        as_of: 2010\n", "        count: 131\n        as_of: 2018-02\n")
    problem = only_problem(data.problems())
    assert str(problem) == (
        f"data/{M}:{data.where(M, 'as_of: 2018-02')[0]}:16: as_of (2018-02) is after the mission's end (2017-10-15, "
        f"line {data.where(M, 'state: ended, since: 2017-10-15, source: rcmp-current-operations-v-minujusth')[0]}): no officer serves on a mission once it has ended; check both dates"
    )


def test_the_data_checked_after_its_review_date_is_refused(data):
    data.replace("dataset.yaml", "review_by: 2027-05-31", "review_by: 2026-10-31")
    problem = only_problem(data.problems())
    assert str(problem) == (
        f"data/dataset.yaml:{data.where('dataset.yaml', 'as_of: 2026-11-30')[0]}:8: as_of (2026-11-30) is after "
        "review_by (2026-10-31); the data is checked up to as_of and is to be checked again by review_by, which "
        "must come later"
    )


def test_more_officers_deployed_than_authorized_by_one_source_on_one_date_is_a_placed_warning(data):
    data.replace(M, "        count: 40\n        source: rcmp-current-operations-v-minustah\n", "        count: 400\n        source: rcmp-current-operations-v-minustah\n")
    dataset = load(data.folder)  # a warning, not a mistake: the data loads
    assert [str(w) for w in dataset.warnings] == [
        f"data/{M}:{data.where(M, 'count: 400')[0]}:16: warning: 400 officers deployed is more than the 90 authorized "
        "by the same source on the same date; check both numbers against the source"
    ]


# --- 2. Markdown in texts: shown as typed; images and links refused at the line -----------------
@pytest.mark.parametrize(
    "typed",
    [
        "See ![pixel](https://tracker.example.com/p.png) here",
        "See [our partner](https://example.com/) here",
        "See [our partner][1] here",
        "See ![pixel][p] here",
    ],
)
def test_a_markdown_image_or_link_in_a_text_is_refused_at_its_line(data, typed):
    data.replace(M, NAME_EN, f'      en: "{typed}"\n')
    problem = only_problem(data.problems())
    found = typed[typed.index("[") - (1 if "![" in typed else 0): typed.index(" here")]
    assert str(problem) == (
        f"data/{M}:{data.where(M, typed)[0]}:{data.where(M, typed)[1] - 1}: name.en contains a Markdown image or "
        f"link ({found}); texts in data files are shown exactly as typed, as plain words: no images, links or HTML. "
        "Write the words alone; the page a fact comes from goes under sources:"
    )


# --- 9. The Content-Security-Policy, as the publishing docs give it -----------------------------
def test_the_publishing_docs_give_hosts_the_same_policy_as_a_header():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {HEADER_POLICY}\n" in readme
    assert "'unsafe-inline'" not in HEADER_POLICY and "script-src 'self' 'wasm-unsafe-eval'" in HEADER_POLICY
