"""Issue 10: pages speak in the data's time.

The out-of-date notice appears on every page once the reference date (SOURCE_DATE_EPOCH, else the
last commit's date) is past review_by in data/dataset.yaml, and on no page before; ``check`` warns
(without failing) with the file and line of the date that has passed; the built pages never say
"now" without a date, never "Not published", never show a bare web address as a link's text, and
never show one fact with two values without their dates. Expected dates and lines come from the
YAML files as the test reads them, not from the package.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import plainyaml
import pytest
from conftest import ROOT, run_build
from htmltree import parse

HTML_TAG = re.compile(r"<[^>]+>")


def dataset_dates(root: Path = ROOT) -> dict:
    return plainyaml.read(root / "data" / "dataset.yaml")


def interface_text(key: str, language: str) -> str:
    return plainyaml.shared(ROOT / "data" / "interface.yaml")["text"][key][language]


def epoch(day: date) -> str:
    return str(int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp()))


def line_of(path: Path, needle: str) -> int:
    """The line on which a line starts with ``needle`` (comments that mention it do not count)."""
    lines = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(needle)]
    assert len(lines) == 1, needle
    return lines[0]


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html"))


def build_at(workspace: Path, site: Path, day: date, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(day))
    monkeypatch.delenv("PEACEOPS_REFERENCE_EPOCH", raising=False)
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stderr


# --- The out-of-date notice, on both sides of review_by ----------------------------------------
@pytest.mark.build
def test_every_page_shows_the_notice_once_review_by_has_passed(workspace, tmp_path, monkeypatch):
    dates = dataset_dates()
    site = tmp_path / "site"
    build_at(workspace, site, dates["review_by"] + timedelta(days=1), monkeypatch)
    found = 0
    for path in pages(site):
        document = parse(path.read_text(encoding="utf-8"))
        language = document.find("html").attrs["lang"]
        notice = document.find(data_notice="outdated")
        before, after = interface_text("notice.outdated", language).split("{date}")
        assert notice.text.startswith(before.strip()) and notice.text.endswith(after.strip()), path
        assert str(dates["as_of"].year) in notice.text  # the date the data was last checked
        found += 1
    assert found > 20


@pytest.mark.build
def test_no_page_shows_the_notice_on_or_before_review_by(workspace, tmp_path, monkeypatch):
    site = tmp_path / "site"
    build_at(workspace, site, dataset_dates()["review_by"], monkeypatch)
    for path in pages(site):
        assert 'data-notice="outdated"' not in path.read_text(encoding="utf-8"), path


def test_without_source_date_epoch_the_reference_is_the_last_commit(tmp_path, monkeypatch):
    from peaceops.source.reference import reference_date

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("PEACEOPS_REFERENCE_EPOCH", raising=False)
    repo = tmp_path / "repo"
    repo.mkdir()
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_COMMITTER_DATE="2031-02-03T10:00:00Z", GIT_AUTHOR_DATE="2031-02-03T10:00:00Z")
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "--allow-empty", "-m", "x"], check=True, env=env)
    assert reference_date(repo) == date(2031, 2, 3)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(date(2027, 1, 2)))
    assert reference_date(repo) == date(2027, 1, 2)  # SOURCE_DATE_EPOCH wins when set


def test_a_command_holds_the_last_commits_day_and_a_long_process_sees_a_new_commit(tmp_path, monkeypatch):
    """`check` asks git once (reference.held); outside a held command a new commit counts at once."""
    from peaceops.source.reference import held, reference_date

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("PEACEOPS_REFERENCE_EPOCH", raising=False)
    repo = tmp_path / "repo"
    repo.mkdir()

    def commit(day: str) -> None:
        when = f"{day}T10:00:00Z"
        env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
                   GIT_COMMITTER_EMAIL="t@example.org", GIT_COMMITTER_DATE=when, GIT_AUTHOR_DATE=when)
        subprocess.run(["git", "-C", str(repo), "commit", "-q", "--allow-empty", "-m", day], check=True, env=env)

    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    commit("2031-02-03")
    with held():
        assert reference_date(repo) == date(2031, 2, 3)
        commit("2032-03-04")
        assert reference_date(repo) == date(2031, 2, 3)  # the day the command started with
    assert reference_date(repo) == date(2032, 3, 4)
    commit("2033-04-05")
    assert reference_date(repo) == date(2033, 4, 5)  # not held: the preview's reload sees it


# --- make check: warnings, not failures -------------------------------------------------------
def run_check(root: Path, day: date, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch(day))
    env.pop("PEACEOPS_REFERENCE_EPOCH", None)
    command = [sys.executable, "-m", "peaceops", "--root", str(root), "check", *extra]
    return subprocess.run(command, capture_output=True, text=True, env=env)


def test_check_warns_with_file_and_line_when_review_by_has_passed(workspace):
    dates = dataset_dates()
    line = line_of(workspace / "data" / "dataset.yaml", "review_by: ")
    late = run_check(workspace, dates["review_by"] + timedelta(days=1))
    assert late.returncode == 0, late.stderr
    assert re.search(rf"^data/dataset\.yaml:{line}:\d+: warning: review_by \({dates['review_by']}\) has passed", late.stderr, re.M), late.stderr
    on_time = run_check(workspace, dates["review_by"])
    assert on_time.returncode == 0 and "warning: review_by" not in on_time.stderr


def test_check_warns_for_a_mission_whose_own_review_by_has_passed(workspace):
    path = workspace / "data" / "missions.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "  - id: monusco\n"
    assert text.count(anchor) == 1
    start = text.index(anchor)
    updated = text.index("    updated:", start)
    path.write_text(text[:updated] + "    review_by: 2026-12-01\n" + text[updated:], encoding="utf-8")
    line = line_of(path, "    review_by: 2026-12-01")
    result = run_check(workspace, date(2026, 12, 2))
    assert result.returncode == 0, result.stderr
    assert f"data/missions.yaml:{line}:16: warning: review_by (2026-12-01) has passed" in result.stderr
    assert "monusco" in result.stderr


def test_check_gives_github_warning_annotations(workspace):
    dates = dataset_dates()
    line = line_of(workspace / "data" / "dataset.yaml", "review_by: ")
    result = run_check(workspace, dates["review_by"] + timedelta(days=30), "--format", "github")
    assert result.returncode == 0
    assert re.search(rf"^::warning file=data/dataset\.yaml,line={line},col=\d+::", result.stderr, re.M), result.stderr


def test_check_prints_one_line_of_coverage(workspace):
    missions = plainyaml.read(workspace / "data" / "missions.yaml")["missions"]
    result = run_check(workspace, dataset_dates()["as_of"])
    lines = [line for line in result.stdout.splitlines() if line.startswith("Coverage:")]
    assert len(lines) == 1
    with_figures = sum(1 for m in missions if m.get("officers"))
    without_roles = sum(1 for m in missions if not m.get("roles"))
    assert f"officer figures for {with_figures} of {len(missions)} missions" in lines[0]
    assert f"{without_roles} missions without a role" in lines[0]


# --- The built site, as a reader sees it --------------------------------------------------------
NOW_WORDS = re.compile(r"\b(now|currently|today|actuellement|maintenant|aujourd'hui|en ce moment)\b", re.I)
YEAR = re.compile(r"\b(19|20)\d\d\b")


def main_text(path: Path) -> str:
    return main_text_of(path.read_text(encoding="utf-8"))


def main_text_of(html: str) -> str:
    article = re.search(r"<article.*?</article>", html, re.S)
    body = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", article.group(0) if article else "", flags=re.S)
    return re.sub(r"\s+", " ", HTML_TAG.sub(" ", body))


def test_no_sentence_says_now_without_a_year(built_site):
    """Our sentences, that is: a quotation's words are the speaker's, as published, and are dated by
    the caption under them (issue 34), so block quotations are left out."""
    for path in pages(built_site):
        ours = re.sub(r"<blockquote\b.*?</blockquote>", " ", path.read_text(encoding="utf-8"), flags=re.S)
        for sentence in re.split(r"(?<=[.!?])\s", main_text_of(ours)):
            if NOW_WORDS.search(sentence):
                assert YEAR.search(sentence), f"{path.relative_to(built_site)}: {sentence.strip()}"


def test_no_page_says_not_published(built_site):
    for path in pages(built_site):
        text = path.read_text(encoding="utf-8")
        assert "Not published" not in text and "Non publié" not in text, path


def test_no_link_text_is_a_web_address(built_site):
    for path in pages(built_site):
        for link in parse(path.read_text(encoding="utf-8")).find_all("a"):
            assert not re.match(r"^\s*(https?://|www\.)", link.text), (path, link.text)


def test_every_source_link_is_a_source_in_the_data_with_a_title(built_site):
    sources = plainyaml.read(ROOT / "data" / "sources.yaml")["sources"]
    titles = {s["key"]: s["title"] for s in sources}
    cited = 0
    for path in pages(built_site):
        for link in parse(path.read_text(encoding="utf-8")).find_all("a", data_source=True):
            key = link.attrs["data-source"]
            assert key in titles, key
            assert any(title in link.text for title in titles[key].values()), (path, link.text)
            cited += 1
    assert cited > 50


def test_every_figure_on_every_page_carries_its_date(built_site):
    """A number shown as a fact (data-fact) has a date beside it: its own, or the data's as_of."""
    for path in pages(built_site):
        document = parse(path.read_text(encoding="utf-8"))
        for element in document.find_all(data_fact=True):
            if not re.search(r"\d", element.text) or (element.attrs["data-fact"] in {"deployed-total", "authorized-total"} and element.text.startswith("—")):
                continue
            dated = element.find_all(data_as_of=True) or [a for a in element.ancestors() if "data-as-of" in a.attrs]
            assert dated, (path.relative_to(built_site), element.attrs["data-fact"], element.text)


def test_no_page_shows_one_fact_with_two_values_without_their_dates(built_site):
    for path in pages(built_site):
        document = parse(path.read_text(encoding="utf-8"))
        seen: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for element in document.find_all(data_fact=True):
            mission = next((a.attrs["data-mission"] for a in element.ancestors() if "data-mission" in a.attrs), "")
            number = re.sub(r"\D", "", element.text.split("(")[0])
            dates = [d.attrs["data-as-of"] for d in element.find_all(data_as_of=True)]
            dates += [a.attrs["data-as-of"] for a in element.ancestors() if "data-as-of" in a.attrs]
            if number:
                seen.setdefault((element.attrs["data-fact"], mission), set()).add((number, dates[0] if dates else ""))
        for fact, values in seen.items():
            if len({number for number, _ in values}) > 1:
                assert all(when for _, when in values), (path.relative_to(built_site), fact, values)
                assert len({when for _, when in values}) == len(values), (path.relative_to(built_site), fact, values)


# --- Open data: the long table of dated figures -------------------------------------------------
OFFICER_COLUMNS = ["Mission_ID", "Mission_Acronym", "Contributing_Country", "ISOCode3", "Personnel_Type", "Figure_Kind",
                   "Count", "As_Of", "As_Of_Basis", "Source_Key", "Source_Title", "Source_Publisher", "Source_URL"]


def test_the_officers_table_has_one_row_per_dated_figure(built_site):
    import csv
    import json

    from dated import sources, when

    missions = plainyaml.read(ROOT / "data" / "missions.yaml")["missions"]
    known = sources()
    expected = sorted(
        (m["id"], f["kind"], f["count"], when(f, known, m), f["source"]) for m in missions for f in m.get("officers", [])
    )
    with (built_site / "missions_officers.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == OFFICER_COLUMNS  # the names the data package is built on
        rows = list(reader)
    assert sorted((r["Mission_ID"], r["Figure_Kind"], int(r["Count"]), r["As_Of"], r["Source_Key"]) for r in rows) == expected
    document = json.loads((built_site / "missions_officers.json").read_text(encoding="utf-8"))
    assert [{k: "" if v is None else str(v) for k, v in row.items()} for row in document["observations"]] == rows
    assert set(document["columns"]) == set(OFFICER_COLUMNS)
    for row in rows:
        figure = next(f for m in missions if m["id"] == row["Mission_ID"] for f in m["officers"]
                      if f["kind"] == row["Figure_Kind"] and f["count"] == int(row["Count"]) and f["source"] == row["Source_Key"])
        source = known[figure["source"]]
        assert row["As_Of_Basis"] == ("stated" if figure.get("as_of") is not None else "published" if source.get("published")
                                      else "dated" if source.get("dated") else "not_stated")


def test_the_open_data_speaks_of_2024_or_later_and_carries_the_newest_figure(built_site):
    """The data was checked in 2024 or later, and the newest figure the YAML has (by its stated date or
    the earliest bound of its range; never the day a source was read) is in the open data."""
    import json

    from dated import missions, sources, when

    document = json.loads((built_site / "missions_officers.json").read_text(encoding="utf-8"))
    known = sources()
    newest = max(when(f, known, m)[:4] for m in missions() for f in m.get("officers", []) if when(f, known, m)[:1].isdigit())
    assert max(row["As_Of"][:4] for row in document["observations"] if row["As_Of"]) == newest
    assert int(document["as_of"][:4]) >= 2024


def test_minustah_has_its_end_date(built_site):
    import json

    rows = {row["Mission_ID"]: row for row in json.loads((built_site / "missions.json").read_text(encoding="utf-8"))["missions"]}
    assert rows["minustah"]["End"] == "2017-10-15" and rows["minustah"]["Status"] == "ended"


def test_the_seeds_facts_are_still_on_the_home_page_with_their_date(built_site):
    """The 2013 seed: close to 3,000 officers, more than 60 operations, nearly 150 serving, dated as
    history on How the program works (issue 19: the figures over time moved there); partners since
    1995, first deployment in 1989, the senior police advisor in New York on the home page."""
    for address, words in (("index.html", ("1995", "1989", "New York")),
                           ("fr/index.html", ("1995", "1989", "New York")),
                           ("how-it-works/index.html", ("close to 3,000, 2013", "more than 60, 2013", "nearly 150, 2013")),
                           ("fr/fonctionnement/index.html", ("près de 3\u00a0000, 2013", "plus de 60, 2013", "près de 150, 2013"))):
        text = main_text(built_site / address).replace(" ,", ",")  # white space made plain; tags were spaces
        for word in words:
            assert word.replace("\u00a0", " ") in text, (address, word)
