"""The checks across records of peaceops/source/dataset.py, on small files of the tests' own: dates
in order within one year and one day, a status or a past-only date to come, a figure before the
start or after the end, unknown countries, duplicate keys and ids, sources whose title and address
are in different languages, the review dates.

Why here as well as tests/test_validation.py: that file shows each message at its line through
``load`` on a copy of the whole data set per test (a second or more per mutant under mutmut); these
read one small YAML file each and call the check itself, so mutmut can try every small change to
the rules against them (tests/MUTATION.md). Each expected place is found in the test's own text.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT

from peaceops.source import dataset as ds
from peaceops.source.fieldtypes import When
from peaceops.source.messages import message
from peaceops.source.model import DatasetFile, EvidenceRange, SourcesFile
from peaceops.source.places import Gazetteer
from peaceops.source.problems import DataError
from peaceops.source.yamlsource import read

LATEST = date(2026, 6, 15)  # the build's day, for these tests


def where(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of ``needle`` (plus ``offset``) in the test's own text."""
    assert text.count(needle) == 1, needle
    index = text.index(needle) + offset
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def mission_yaml(mission_id: str, status: str, officers: str = "", country: str = "HT") -> str:
    return (
        f"  - id: {mission_id}\n"
        f"    acronym: {{en: {mission_id.upper()}, fr: {mission_id.upper()}}}\n"
        f"    name: {{en: {mission_id} mission, fr: mission {mission_id}}}\n"
        "    lead: UN\n"
        f"    country: {country}\n"
        "    status:\n" + status + ("    officers:\n" + officers if officers else "") +
        "    mandate: {en: Keep the peace., fr: Maintenir la paix.}\n"
        "    sources: [src]\n"
        "    updated: 2026-01-01\n"
    )  # fmt: skip


def status(*entries: tuple[str, str]) -> str:
    return "".join(f"      - {{state: {state}, since: {since}, source: src}}\n" for state, since in entries)


def figure(kind: str, count: int, as_of: str | None) -> str:
    dated = f", as_of: {as_of}" if as_of is not None else ""
    return f"      - {{kind: {kind}, count: {count}{dated}, source: src}}\n"


@pytest.fixture(scope="module")
def places() -> Gazetteer:
    from peaceops.source.model import CountriesFile

    countries, _ = read(ROOT / "data" / "countries.yaml", "data/countries.yaml", "countries")
    return Gazetteer(CountriesFile.model_validate(countries.data))


def check(tmp_path: Path, text: str, places: Gazetteer | None = None, latest: date = LATEST) -> list[tuple[int, int, str]]:
    """(line, column, message) of each problem the checks across missions find in ``text``."""
    path = tmp_path / "missions.yaml"
    path.write_text(text, encoding="utf-8")
    source, problems = read(path, "data/missions.yaml", "missions")
    assert problems == []
    found: list = []
    missions = ds._validate_missions(source, found)
    assert found == [], found
    found += ds._check_missions(missions, source, places, latest)
    for problem in found:
        assert problem.path == "data/missions.yaml"
    return [(p.line, p.column, p.message) for p in found]


def missions(*records: str) -> str:
    return "missions:\n" + "".join(records)


# --- Dates in order, to the day -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "end", "refused"),
    [("2017-10-15", "2017-03", True), ("2017-10-15", "2017-10-14", True), ("2017-10", "2017-09-30", True),
     ("2017", "2016-12-31", True), ("2017", "2016", True), ("2017-10-15", "2017-10", False),
     ("2017", "2017-01", False), ("2017-03", "2017", False), ("2017-10-15", "2017-10-16", False),
     ("2017-10", "2017-10", False), ("2017", "2017", False), ("2017-12-31", "2017", False)],
)  # fmt: skip
def test_an_end_is_refused_exactly_when_it_must_be_before_the_start(tmp_path, start, end, refused):
    text = missions(mission_yaml("m", status(("under_way", start), ("ended", end))))
    found = check(tmp_path, text)
    if refused:
        assert found == [(*where(text, f"since: {end}", 7), message("status_order", since=end, previous=start, line=where(text, f"since: {start}")[0]))]
    else:
        assert found == []


def test_two_statuses_stated_the_same_day_are_refused_and_a_same_month_is_not(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2017-10-15"), ("ended", "2017-10-15 "))))
    line = where(text, "since: 2017-10-15,")[0]
    assert check(tmp_path, text) == [
        (*where(text, "since: 2017-10-15 ", 7),
         message("status_same_day", since="2017-10-15", previous="under_way since 2017-10-15", line=line))
    ]  # fmt: skip
    same_month = missions(mission_yaml("m", status(("under_way", "2017-10"), ("ended", "2017-10"))))
    assert check(tmp_path, same_month) == []
    next_day = missions(mission_yaml("m", status(("under_way", "2017-10-15"), ("ended", "2017-10-16"))))
    assert check(tmp_path, next_day) == []


def test_a_same_day_is_checked_against_the_nearest_status_stated_to_the_day(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2017-10-15"), ("suspended", "2017-10"), ("under_way", "2017-10-15 "))))
    found = check(tmp_path, text)
    assert [(line, column) for line, column, _ in found] == [where(text, "since: 2017-10-15 ", 7)]
    assert "status" in found[0][2] and "2017-10-15" in found[0][2]


def test_the_order_is_kept_against_the_latest_start_above_not_only_the_one_above(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2010"), ("suspended", "2015"), ("under_way", "2016"), ("ended", "2014"))))
    found = check(tmp_path, text)
    assert found == [(*where(text, "since: 2014", 7), message("status_order", since="2014", previous="2016", line=where(text, "since: 2016")[0]))]


def test_a_status_repeated_is_refused_at_its_state(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2010"), ("under_way", "2012"))))
    assert check(tmp_path, text) == [
        (*where(text, "state: under_way, since: 2012", 7), message("status_repeated", state="under_way", line=where(text, "since: 2010")[0]))
    ]


@pytest.mark.parametrize(("since", "refused"), [("2026-06-16", True), ("2026-07", True), ("2027", True),
                                                ("2026-06-15", False), ("2026-06", False), ("2026", False)])
def test_a_status_to_come_is_refused_and_one_of_the_build_day_is_not(tmp_path, since, refused):
    text = missions(mission_yaml("m", status(("under_way", "2010"), ("ended", since))))
    expected = [(*where(text, f"since: {since}", 7), message("status_to_come", since=since, latest="2026-06-15"))]
    assert check(tmp_path, text) == (expected if refused else [])


def test_a_range_to_come_is_refused_at_its_earliest_and_one_that_may_end_later_is_not(tmp_path):
    later = "{earliest: 2026-07, latest: 2027, reason: an archived copy}"
    text = missions(mission_yaml("m", status(("under_way", "2010"), ("ended", later))))
    assert check(tmp_path, text) == [
        (*where(text, "earliest: 2026-07", 10), message("status_range_to_come", since="2026-07", latest="2026-06-15"))
    ]
    open_ended = missions(mission_yaml("m", status(("under_way", "2010"), ("ended", "{earliest: 2026-06, latest: 2027, reason: r}"))))
    assert check(tmp_path, open_ended) == []


# --- Figures within the mission -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("as_of", "refused"),
    [("2017-10-16", True), ("2017-11", True), ("2018", True), ("2017-10-15", False), ("2017-10", False), ("2017", False)],
)
def test_a_figure_is_refused_exactly_when_it_must_be_after_the_end(tmp_path, as_of, refused):
    text = missions(mission_yaml("m", status(("under_way", "2010"), ("ended", "2017-10-15")), figure("authorized", 5, as_of)))
    end_line = where(text, "since: 2017-10-15")[0]
    expected = [(*where(text, f"as_of: {as_of}", 7), message("as_of_after_end", as_of=as_of, end="2017-10-15", line=end_line))]
    assert check(tmp_path, text) == (expected if refused else [])


def test_a_figure_after_an_end_bounded_by_evidence_is_refused_after_its_latest(tmp_path):
    end = "{earliest: 2016, latest: 2017-06, reason: r}"
    text = missions(mission_yaml("m", status(("under_way", "2010"), ("ended", end)),
                                 figure("deployed", 5, "2017-07") + figure("deployed", 6, "2017-06-30")))  # fmt: skip
    end_line = where(text, "since: {earliest")[0]
    assert check(tmp_path, text) == [
        (*where(text, "as_of: 2017-07", 7), message("as_of_after_end", as_of="2017-07", end="2016 to 2017-06", line=end_line))
    ]


def test_a_figure_dated_by_a_range_is_refused_when_its_earliest_is_after_the_end(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2010"), ("ended", "2017")),
                                 figure("deployed", 5, "{earliest: 2018, reason: r}") + figure("deployed", 6, "{earliest: 2017-12, latest: 2019, reason: r}")))  # fmt: skip
    found = check(tmp_path, text)
    assert [(line, column) for line, column, _ in found] == [where(text, "as_of: {earliest: 2018", 7)]
    assert found[0][2] == message("as_of_after_end", as_of="2018 to ?", end="2017", line=where(text, "since: 2017")[0])


@pytest.mark.parametrize(
    ("as_of", "refused"),
    [("2017-10-14", True), ("2017-09", True), ("2016", True), ("2017-10-15", False), ("2017-10", False), ("2017", False)],
)
def test_officers_deployed_before_the_start_are_refused_to_the_day(tmp_path, as_of, refused):
    text = missions(mission_yaml("m", status(("under_way", "2017-10-15")), figure("deployed", 5, as_of)))
    expected = [(*where(text, f"as_of: {as_of}", 7), message("as_of_before_start", as_of=as_of, start="2017-10-15"))]
    assert check(tmp_path, text) == (expected if refused else [])


def test_positions_may_be_authorized_before_the_start(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2017-10-15")), figure("authorized", 5, "2016") + figure("authorized_up_to", 5, "2016")))
    assert check(tmp_path, text) == []


def test_a_mission_still_under_way_has_no_end_to_be_after(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2010")), figure("deployed", 5, "2026-01")))
    assert check(tmp_path, text) == []


# --- Ids and countries ----------------------------------------------------------------------------
def test_a_duplicate_id_is_refused_naming_the_first(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2010"))), mission_yaml("n", status(("under_way", "2011"))),
                    mission_yaml("m", status(("under_way", "2012"))))  # fmt: skip
    first_line = text.index("id: m")
    second = text.index("id: m", first_line + 1)
    line = text.count("\n", 0, second) + 1
    assert check(tmp_path, text) == [(line, 9, message("duplicate_id", id="m", line=1 + text.count("\n", 0, first_line)))]


@pytest.mark.parametrize(("typed", "meant"), [("ht", "HT"), ("Haiti", "HT"), ("XX", None), ("westbank", "west-bank")])
def test_an_unknown_country_is_refused_with_what_it_likely_means(tmp_path, places, typed, meant):
    text = missions(mission_yaml("m", status(("under_way", "2010")), country=typed))
    suggestion = message("did_you_mean", match=meant) if meant else ""
    assert check(tmp_path, text, places) == [
        (*where(text, f"country: {typed}", 9), message("unknown_country", code=typed, suggestion=suggestion))
    ]
    assert check(tmp_path, text, None) == []  # without a readable countries.yaml, nothing is said


def test_a_known_country_or_territory_is_accepted(tmp_path, places):
    text = missions(mission_yaml("m", status(("under_way", "2010")), country="HT"), mission_yaml("n", status(("under_way", "2010")), country="west-bank"))
    assert check(tmp_path, text, places) == []


# --- The missions file's shape ----------------------------------------------------------------------
def shape(tmp_path: Path, text: str) -> list[tuple[int, int, str]]:
    path = tmp_path / "missions.yaml"
    path.write_text(text, encoding="utf-8")
    source, _ = read(path, "data/missions.yaml", "missions")
    found: list = []
    good = ds._validate_missions(source, found)
    assert good == [] or all(isinstance(index, int) for _, index in good)
    return [(p.line, p.column, p.message) for p in found]


def test_a_missions_file_without_a_list_of_missions_says_so(tmp_path):
    assert shape(tmp_path, "missions: 3\n") == [(1, 11, message("not_list", field="missions", got='"3"'))]
    assert shape(tmp_path, "mission:\n  - id: x\n")[0][2] == message("top_level", key="missions")
    assert shape(tmp_path, "missions: []\n") == [(1, 11, message("no_missions"))]


def test_each_mission_is_checked_on_its_own_and_the_good_ones_kept_with_their_place(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2010"))), mission_yaml("bad id", status(("under_way", "2010"))),
                    mission_yaml("n", status(("under_way", "2011"))))  # fmt: skip
    path = tmp_path / "missions.yaml"
    path.write_text(text, encoding="utf-8")
    source, _ = read(path, "data/missions.yaml", "missions")
    found: list = []
    good = ds._validate_missions(source, found)
    assert [(mission.id, index) for mission, index in good] == [("m", 0), ("n", 2)]
    assert len(found) == 1 and found[0].line == where(text, "id: bad id")[0]
    assert ds._mission_ids(source) == {"m", "bad id", "n"}


def test_a_key_beside_missions_is_refused_at_its_line_and_the_missions_still_kept(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2010")))) + "mision_notes: typed by hand\n"
    path = tmp_path / "missions.yaml"
    path.write_text(text, encoding="utf-8")
    source, _ = read(path, "data/missions.yaml", "missions")
    found: list = []
    good = ds._validate_missions(source, found)
    assert [mission.id for mission, _ in good] == ["m"]
    assert [(p.path, p.line, p.column) for p in found] == [("data/missions.yaml", *where(text, "mision_notes"))]
    assert '"mision_notes"' in found[0].message and '"missions"' in found[0].message  # what to write instead


def test_the_ids_of_a_file_that_cannot_be_read_are_none(tmp_path):
    path = tmp_path / "missions.yaml"
    path.write_text("missions: {a: 1}\n", encoding="utf-8")
    source, _ = read(path, "data/missions.yaml", "missions")
    assert ds._mission_ids(source) is None


# --- Dates in general ---------------------------------------------------------------------------
def test_the_first_and_last_day_of_a_date_or_a_range():
    assert ds.bounds(When(2017)) == (date(2017, 1, 1), date(2017, 12, 31))
    assert ds.bounds(When(2017, 2)) == (date(2017, 2, 1), date(2017, 2, 28))
    assert ds.bounds(When(2017, 2, 3)) == (date(2017, 2, 3), date(2017, 2, 3))
    assert ds.bounds(EvidenceRange(earliest=When(2016, 5), latest=When(2019), reason="r")) == (date(2016, 5, 1), date(2019, 12, 31))
    assert ds.bounds(EvidenceRange(latest=When(2019, 2), reason="r")) == (None, date(2019, 2, 28))
    assert ds.bounds(EvidenceRange(earliest=When(2016), reason="r")) == (date(2016, 1, 1), None)
    assert ds.bounds(None) == (None, None)


def test_a_date_is_shown_as_the_editor_wrote_it():
    assert ds._shown(When(2017, 10, 15)) == "2017-10-15"
    assert ds._shown(EvidenceRange(earliest=When(2016), latest=When(2019, 3), reason="r")) == "2016 to 2019-03"
    assert ds._shown(EvidenceRange(latest=When(2019), reason="r")) == "? to 2019"
    assert ds._shown(None) == "none"


def test_a_past_only_date_after_the_build_day_is_refused_wherever_it_is(tmp_path):
    text = (
        "sources:\n"
        "  - key: a\n    published: 2026-06-16\n    consulted: 2026-06-15\n"
        "    dated: {earliest: 2026-07, latest: 2030, reason: r}\n"
        "  - key: b\n    published: 2026-06\n    note: {updated: 2027}\n    as_of: 2026\n"
        "    review_by: 2030-01-01\n    since: 2029\n    date_modified: not a date\n"
        "    dated: {earliest: 2026-06-15, latest: 2031}\n"
    )  # fmt: skip
    path = tmp_path / "any.yaml"
    path.write_text(text, encoding="utf-8")
    source, _ = read(path, "data/any.yaml", "anything")
    found = [(p.line, p.column, p.message) for p in ds.future_dates(source, LATEST)]
    assert found == [
        (*where(text, "2026-06-16"), message("future_date", field="published", date="2026-06-16", latest="2026-06-15")),
        (*where(text, "2026-07"), message("future_date", field="dated's earliest", date="2026-07", latest="2026-06-15")),
        (*where(text, "2027"), message("future_date", field="updated", date="2027", latest="2026-06-15")),
    ]
    assert all(p.path == "data/any.yaml" for p in ds.future_dates(source, LATEST))


def test_the_latest_possible_day_is_the_reference_date_or_today_whichever_is_later(tmp_path):
    from datetime import UTC, datetime

    today = datetime.now(tz=UTC).date()
    assert ds.latest_possible_day(tmp_path) >= today
    assert ds.latest_possible_day(ROOT) >= today


def test_the_data_is_checked_up_to_a_day_before_or_on_its_next_review(tmp_path):
    path = tmp_path / "dataset.yaml"
    real = (ROOT / "data" / "dataset.yaml").read_text(encoding="utf-8")
    for as_of, review_by, refused in (("2026-06-02", "2026-06-01", True), ("2026-06-01", "2026-06-01", False), ("2026-05-31", "2026-06-01", False)):
        text = real.replace("\nas_of: 2026-11-30\n", f"\nas_of: {as_of}\n").replace("\nreview_by: 2027-05-31\n", f"\nreview_by: {review_by}\n")
        path.write_text(text, encoding="utf-8")
        source, _ = read(path, "data/dataset.yaml", "the review dates")
        review = DatasetFile.model_validate(source.data)
        found = [(p.line, p.column, p.message) for p in ds._check_review_order(source, review)]
        expected = [(*where(text, f"as_of: {as_of}", 7), message("as_of_after_review_by", as_of=as_of, review_by=review_by))]
        assert found == (expected if refused else []), (as_of, review_by)


def test_a_deployed_figure_above_the_authorized_one_of_the_same_date_and_source_is_a_warning(tmp_path):
    officers = (figure("authorized", 10, "2020") + figure("deployed", 11, "2020") + figure("deployed", 10, "2020")
                + figure("deployed", 12, "2021") + figure("deployed", 99, None))  # fmt: skip
    text = missions(mission_yaml("m", status(("under_way", "2010")), officers))
    path = tmp_path / "missions.yaml"
    path.write_text(text, encoding="utf-8")
    source, _ = read(path, "data/missions.yaml", "missions")
    good = ds._validate_missions(source, [])
    found = [(p.line, p.column, p.message) for p in ds._unlikely_figures(good, source)]
    assert found == [(*where(text, "count: 11", 7), message("deployed_above_authorized", deployed=11, authorized=10))]


# --- Sources ------------------------------------------------------------------------------------
SOURCE = "  - key: {key}\n    publisher: {{en: P, fr: P}}\n    title: {title}\n    address: {address}\n{more}"


def sources_problems(tmp_path: Path, *entries: str) -> tuple[str, list[tuple[int, int, str]]]:
    text = "sources:\n" + "".join(entries)
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    source, _ = read(path, "data/sources.yaml", "sources")
    found = ds._check_sources(source, SourcesFile.model_validate(source.data))
    return text, [(p.line, p.column, p.message) for p in found]


def test_a_source_key_given_twice_is_refused_naming_the_first(tmp_path):
    entry = SOURCE.format(key="k", title="{en: T}", address="{en: 'https://x.org/a'}", more="")
    other = SOURCE.format(key="j", title="{en: T}", address="{en: 'https://x.org/b'}", more="")
    text, found = sources_problems(tmp_path, entry, other, entry)
    assert found == [(text.count("\n", 0, text.rindex("key: k")) + 1, 10, message("duplicate_source", key="k", line=2))]


@pytest.mark.parametrize(
    ("title", "address", "said"),
    [("{en: T}", "{fr: 'https://x.org/fr'}", ("French only", "English only")),
     ("{en: T, fr: T}", "{en: 'https://x.org/en'}", ("English only", "English and French")),
     ("{fr: T}", "{en: 'https://x.org/en', fr: 'https://x.org/fr'}", ("English and French", "French only"))],
)  # fmt: skip
def test_a_sources_title_and_address_are_in_the_same_languages(tmp_path, title, address, said):
    text, found = sources_problems(tmp_path, SOURCE.format(key="k", title=title, address=address, more=""))
    assert found == [(*where(text, "address: ", 9), message("source_languages", address=said[0], title=said[1]))]


def test_a_source_with_a_french_address_cannot_say_it_has_no_french(tmp_path):
    both = SOURCE.format(key="k", title="{en: T, fr: T}", address="{en: 'https://x.org/en', fr: 'https://x.org/fr'}",
                         more="    no_french: looked everywhere\n")  # fmt: skip
    text, found = sources_problems(tmp_path, both)
    assert found == [(*where(text, "no_french: ", 11), message("french_and_no_french"))]
    english = SOURCE.format(key="k", title="{en: T}", address="{en: 'https://x.org/en'}", more="    no_french: looked\n")
    assert sources_problems(tmp_path, english)[1] == []


def test_load_sources_reads_a_sources_file_alone_and_says_every_problem(tmp_path):
    entry = SOURCE.format(key="k", title="{en: T}", address="{en: 'https://x.org/a'}", more="")
    (tmp_path / "sources.yaml").write_text("sources:\n" + entry, encoding="utf-8")
    sources_file, source = ds.load_sources(tmp_path, "here")
    assert [record.key for record in sources_file.sources] == ["k"] and source.display == "here/sources.yaml"
    (tmp_path / "sources.yaml").write_text("sources:\n" + entry + entry.replace("'https://x.org/a'", "'https://x.org/b'"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        ds.load_sources(tmp_path)
    assert [(p.path, p.line, p.message) for p in raised.value.problems] == [
        ("data/sources.yaml", 6, message("duplicate_source", key="k", line=2))
    ]
    (tmp_path / "sources.yaml").write_text("sources: 3\n", encoding="utf-8")
    with pytest.raises(DataError):
        ds.load_sources(tmp_path)


def test_a_status_repeated_further_down_names_the_line_just_above_it(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2010"), ("suspended", "2012"), ("suspended", "2013"))))
    assert check(tmp_path, text) == [
        (*where(text, "state: suspended, since: 2013", 7), message("status_repeated", state="suspended", line=where(text, "since: 2012")[0]))
    ]


def test_an_order_fault_names_the_first_status_of_the_latest_start_above(tmp_path):
    text = missions(mission_yaml("m", status(("under_way", "2017"), ("suspended", "2017 "), ("ended", "2016"))))
    first = where(text, "since: 2017,")[0]
    assert check(tmp_path, text) == [
        (*where(text, "since: 2016", 7), message("status_order", since="2016", previous="2017", line=first))
    ]


def test_a_figure_after_the_end_names_the_line_of_the_ends_date_when_the_status_spans_lines(tmp_path):
    block = status(("under_way", "2010")) + "      - state: ended\n        source: src\n        since: 2017-10-15\n"
    text = missions(mission_yaml("m", block, figure("authorized", 5, "2018")))
    end_line = where(text, "since: 2017-10-15")[0]
    assert check(tmp_path, text) == [
        (*where(text, "as_of: 2018", 7), message("as_of_after_end", as_of="2018", end="2017-10-15", line=end_line))
    ]


def test_load_sources_names_what_a_missing_or_empty_sources_file_must_hold_as_load_does(tmp_path):
    # load_sources checks sources.yaml "as load checks it": the same message, which says what the file lists.
    with pytest.raises(DataError) as alone:
        ds.load_sources(tmp_path)
    with pytest.raises(DataError) as whole:
        ds.load(tmp_path)
    said = [p.message for p in alone.value.problems]
    assert said == [p.message for p in whole.value.problems if p.path == "data/sources.yaml"]
    assert len(said) == 1 and "None" not in said[0] and "sources" in said[0].split(";", 1)[1]
    (tmp_path / "sources.yaml").write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(DataError) as empty:
        ds.load_sources(tmp_path)
    assert [p.message for p in empty.value.problems] == [message("file_empty", what=ds.FILES["sources.yaml"][1])]
    assert "None" not in empty.value.problems[0].message


# --- Where dated fields and sources stand, for the warnings placed at their line ------------------
def test_each_review_by_date_is_kept_with_its_file_line_column_and_what_is_to_be_checked(tmp_path):
    review = "# when the data was checked\nas_of: 2026-05-01\nreview_by: 2026-11-30\n"
    (tmp_path / "dataset.yaml").write_text(review, encoding="utf-8")
    dataset_source, _ = read(tmp_path / "dataset.yaml", "data/dataset.yaml", "the review dates")
    text = missions(
        mission_yaml("m", status(("under_way", "2010"))) + "    review_by: 2027-01-15\n",
        mission_yaml("n", status(("under_way", "2011"))),
        mission_yaml("o", status(("under_way", "2012"))) + "    review_by: 2026-12-01\n",
    )
    (tmp_path / "missions.yaml").write_text(text, encoding="utf-8")
    missions_source, _ = read(tmp_path / "missions.yaml", "data/missions.yaml", "missions")
    good = ds._validate_missions(missions_source, [])
    found = ds._review_dates(dataset_source, missions_source, good)
    # The date as each file holds it: the warning reads it as a day (peaceops/cli.py, review_warnings).
    assert [(path, line, column, what, str(due)) for path, line, column, what, due in found] == [
        ("data/dataset.yaml", *where(review, "2026-11-30"), "the data", "2026-11-30"),
        ("data/missions.yaml", *where(text, "2027-01-15"), "the mission m", "2027-01-15"),
        ("data/missions.yaml", *where(text, "2026-12-01"), "the mission o", "2026-12-01"),
    ]


def test_a_dataset_file_without_review_by_gives_only_the_missions_review_dates(tmp_path):
    (tmp_path / "dataset.yaml").write_text("as_of: 2026-05-01\n", encoding="utf-8")
    dataset_source, _ = read(tmp_path / "dataset.yaml", "data/dataset.yaml", "the review dates")
    text = missions(mission_yaml("m", status(("under_way", "2010"))) + "    review_by: 2027-01-15\n")
    (tmp_path / "missions.yaml").write_text(text, encoding="utf-8")
    missions_source, _ = read(tmp_path / "missions.yaml", "data/missions.yaml", "missions")
    found = ds._review_dates(dataset_source, missions_source, ds._validate_missions(missions_source, []))
    assert [(path, line, column, what) for path, line, column, what, _ in found] == [
        ("data/missions.yaml", *where(text, "2027-01-15"), "the mission m")
    ]


def test_each_sources_key_is_placed_at_its_own_line_for_warnings(tmp_path):
    entries = [SOURCE.format(key=key, title="{en: T}", address=f"{{en: 'https://x.org/{key}'}}", more="")
               for key in ("first", "second", "third")]  # fmt: skip
    text = "sources:\n" + "".join(entries)
    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    source, _ = read(tmp_path / "sources.yaml", "data/sources.yaml", "sources")
    places = ds._source_places(source, SourcesFile.model_validate(source.data))
    assert places == tuple((key, "data/sources.yaml", *where(text, f"key: {key}", 5)) for key in ("first", "second", "third"))


# --- What an editor probably meant by an unknown country ------------------------------------------
def test_a_three_letter_iso_code_is_taken_for_the_country_it_names(places):
    assert ds._country_meant("HTI", places) == "HT"
    assert ds._country_meant("mli", places) == "ML"


def test_a_near_miss_of_any_territory_is_suggested_whatever_the_length_of_its_name():
    from peaceops.source.model import CountriesFile

    own = Gazetteer(CountriesFile.model_validate(
        {"territories": {"sba": {"name": {"en": "Sovereign Base Areas", "fr": "Zones de souveraineté"}},
                         "west-bank": {"name": {"en": "West Bank", "fr": "Cisjordanie"}}}}))  # fmt: skip
    assert ds._country_meant("sbas", own) == "sba"
    assert ds._country_meant("westbank", own) == "west-bank"
    assert ds._country_meant("zzzz", own) is None


def test_the_ids_of_a_file_whose_top_is_not_a_mapping_are_none(tmp_path):
    path = tmp_path / "missions.yaml"
    path.write_text("- id: m\n- id: n\n", encoding="utf-8")
    source, _ = read(path, "data/missions.yaml", "missions")
    assert ds._mission_ids(source) is None


def test_the_ids_skip_an_item_that_names_none_and_keep_the_others(tmp_path):
    path = tmp_path / "missions.yaml"
    path.write_text("missions:\n  - id: m\n  - acronym: no id here\n  - idea\n  - id: ' n '\n", encoding="utf-8")
    source, _ = read(path, "data/missions.yaml", "missions")
    assert ds._mission_ids(source) == {"m", "n"}


# --- countries.yaml: names, territories and phrases -----------------------------------------------
def countries_source(tmp_path: Path, text: str):
    from peaceops.source.model import CountriesFile

    path = tmp_path / "countries.yaml"
    path.write_text(text, encoding="utf-8")
    source, problems = read(path, "data/countries.yaml", "countries")
    assert problems == []
    countries = CountriesFile.model_validate(source.data)
    return source, countries, Gazetteer(countries)


def placed(problems) -> list[tuple[int, int, str]]:
    assert all(p.path == "data/countries.yaml" for p in problems)
    return [(p.line, p.column, p.message) for p in problems]


def test_a_name_or_a_territorys_map_code_that_the_standard_does_not_know_is_refused_at_its_line(tmp_path):
    text = (
        "names:\n  XK: {en: Kosovo, fr: Kosovo}\n  TL: {en: Timor-Leste, fr: Timor-Leste}\n  ht: {en: Haiti, fr: Haïti}\n"
        "territories:\n  west-bank:\n    name: {en: West Bank, fr: Cisjordanie}\n    iso: PS\n"
        "  atlantis:\n    name: {en: Atlantis, fr: Atlantide}\n    iso: ZZ\n"
        "  sba:\n    name: {en: Sovereign Base Areas, fr: Zones de souveraineté}\n"
    )  # fmt: skip
    source, countries, _ = countries_source(tmp_path, text)
    assert placed(ds._check_country_names(source, countries)) == [
        (*where(text, "XK:"), message("unknown_override", code="XK")),
        (*where(text, "ht:"), message("unknown_override", code="ht")),  # a code is written in capitals
        (*where(text, "ZZ"), message("unknown_country", code="ZZ", suggestion="")),
    ]


PHRASED = (
    "names:\n  TL: {en: Timor-Leste, fr: Timor-Leste}\n"
    "territories:\n  west-bank:\n    name: {en: West Bank, fr: Cisjordanie}\n"
    "    phrase: {en: in the West Bank, fr: en Cisjordanie}\n    iso: PS\n"
    "phrases:\n  TL: {en: in Timor-Leste, fr: au Timor-Leste}\n  CY: {en: in Cyprus, fr: à Chypre}\n"
)


def test_places_with_their_phrases_are_accepted(tmp_path):
    source, countries, places = countries_source(tmp_path, PHRASED)
    assert ds._check_country_names(source, countries) == []
    assert ds._check_place_phrases(source, countries, places) == []


def test_a_renamed_country_or_a_territory_without_a_phrase_is_refused_at_its_name(tmp_path):
    text = PHRASED.replace("  TL: {en: in Timor-Leste, fr: au Timor-Leste}\n", "").replace(
        "    phrase: {en: in the West Bank, fr: en Cisjordanie}\n", ""
    )
    source, countries, places = countries_source(tmp_path, text)
    assert placed(ds._check_place_phrases(source, countries, places)) == [
        (*where(text, "TL:"), message("no_phrase", name="Timor-Leste", code="TL", name_fr="Timor-Leste")),
        (*where(text, "west-bank:"), message("no_territory_phrase", name="West Bank", code="west-bank", name_fr="Cisjordanie")),
    ]


@pytest.mark.parametrize(
    ("written", "needle", "offset", "kind", "name", "got"),
    [("{en: on West Bank, fr: en Cisjordanie}", "on West Bank", 0, "bad_phrase_en", "West Bank", "on West Bank"),
     ("{en: in the West Bank, fr: Cisjordanie}", "the West Bank, fr: Cisjordanie", 19, "bad_phrase_fr", "Cisjordanie", "Cisjordanie"),
     ("{en: in the West Bank, fr: en Palestine}", "en Palestine", 0, "bad_phrase_fr", "Cisjordanie", "en Palestine")],
)  # fmt: skip
def test_a_territorys_phrase_that_does_not_say_in_and_its_name_is_refused_in_its_language(tmp_path, written, needle, offset, kind, name, got):
    text = PHRASED.replace("{en: in the West Bank, fr: en Cisjordanie}", written)
    source, countries, places = countries_source(tmp_path, text)
    assert placed(ds._check_place_phrases(source, countries, places)) == [(*where(text, needle, offset), message(kind, name=name, got=got))]


def test_a_countrys_phrase_that_does_not_name_it_and_a_phrase_for_no_place_are_refused_all_at_once(tmp_path):
    text = PHRASED.replace("CY: {en: in Cyprus, fr: à Chypre}", "MX2: {en: in Mali, fr: au Mali}\n  CY: {en: in Cyprus, fr: à Malte}")
    source, countries, places = countries_source(tmp_path, text)
    assert placed(ds._check_place_phrases(source, countries, places)) == [
        (*where(text, "MX2:"), message("unknown_phrase_place", code="MX2")),
        (*where(text, "à Malte"), message("bad_phrase_fr", name="Chypre", got="à Malte")),  # the next one still checked
    ]


# --- The last day a past-only date may be -------------------------------------------------------
@pytest.fixture
def no_pinned_epoch(monkeypatch):
    from peaceops.source.reference import KEPT

    monkeypatch.delenv(KEPT, raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_a_reference_date_later_than_today_is_the_last_day_a_past_only_date_may_be(tmp_path, no_pinned_epoch):
    """The build's reference date is its last commit's (peaceops/source/reference.py): a commit stamped
    after today (a clock ahead where it was made) widens what is accepted to that day."""
    import subprocess

    env = {"GIT_COMMITTER_DATE": "2031-03-04T12:00:00+00:00", "GIT_AUTHOR_DATE": "2031-03-04T12:00:00+00:00",
           "PATH": __import__("os").environ["PATH"], "HOME": str(tmp_path)}  # fmt: skip
    git = ["git", "-C", str(tmp_path), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "m"], check=True, env=env)
    assert ds.latest_possible_day(tmp_path) == date(2031, 3, 4)


def test_today_is_the_same_day_whatever_the_machines_time_zone(tmp_path, no_pinned_epoch, monkeypatch):
    """The reference date is a day in UTC; today is counted the same way, so that the same data checks
    the same on an editor's laptop and in CI. Two zones 26 hours apart always have different dates."""
    import time
    from datetime import UTC, datetime

    found = []
    for zone in ("Etc/GMT-14", "Etc/GMT+12"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        found.append(ds.latest_possible_day(tmp_path))  # not a repository: no reference date, so today
    monkeypatch.undo()
    time.tzset()
    assert found[0] == found[1] == datetime.now(tz=UTC).date()


# --- load: the checks across files, on a copy of the whole data set --------------------------------
@pytest.fixture
def data(tmp_path):
    from datacopy import DataCopy

    return DataCopy(tmp_path / "data")


def test_with_countries_yaml_unreadable_no_mission_is_said_to_be_in_an_unknown_country(data):
    """A territory's code (west-bank) is known only from countries.yaml: while that file has a mistake,
    the missions' countries are not judged, so the one mistake is said once, at its own line."""
    data.replace("countries.yaml", "\nterritories:\n", "\nterritories: [west-bank]\nold_territories:\n")
    problems = data.problems()
    assert problems and {p.path for p in problems} == {"data/countries.yaml"}, problems


def test_a_partner_citing_a_source_that_is_not_listed_is_refused_at_its_line(data):
    data.replace("partners.yaml", "      - rcmp-news-2021-04-14-drc\n    note: Officers deployed to MONUSCO in 2021.\n",
                 "      - rcmp-news-2021-04-41-drc\n    note: Officers deployed to MONUSCO in 2021.\n")  # fmt: skip
    problems = data.problems()
    assert [(p.path, p.line) for p in problems] == [("data/partners.yaml", data.where("partners.yaml", "rcmp-news-2021-04-41-drc")[0])]
    assert '"rcmp-news-2021-04-41-drc"' in problems[0].message


def test_a_person_named_with_a_mission_that_is_not_listed_is_refused_at_its_line(data):
    place = '    place: {en: "Port-au-Prince, Haiti", fr: "Port-au-Prince (Haïti)"}\n    died: 2005-12-20\n'
    data.replace("people.yaml", "    mission: minustah\n" + place, "    mission: minustha\n" + place)
    assert [(p.path, p.line, p.message) for p in data.problems()] == [
        ("data/people.yaml", data.where("people.yaml", "minustha")[0], message("people_unknown_mission", id="minustha"))
    ]


def test_a_date_up_to_the_reference_date_of_the_repository_the_data_is_in_is_accepted(tmp_path, no_pinned_epoch):
    """The repository is the data folder's parent: its last commit, stamped 2031 here, makes a source
    consulted in 2030 a date of the past (load reads the dates of the data's own repository)."""
    import os
    import subprocess

    from datacopy import DataCopy

    data = DataCopy(tmp_path / "data")
    text = data.text("sources.yaml")
    data.path("sources.yaml").write_text(text.replace("consulted: 2026-11-29", "consulted: 2030-01-15", 1), encoding="utf-8")
    stamp = "2031-03-04T12:00:00+00:00"
    env = {"GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_DATE": stamp, "PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    git = ["git", "-C", str(tmp_path), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "m"], check=True, env=env)
    assert [source.key for source in ds.load(data.folder).sources.values()]  # accepted: no DataError


def test_load_places_a_phrase_that_does_not_name_its_territory_in_countries_yaml(data):
    data.replace("countries.yaml", "fr: au Kosovo}", "fr: Kosovo}")
    assert [(p.path, p.line, p.column) for p in data.problems()] == [("data/countries.yaml", *data.where("countries.yaml", "Kosovo}"))]


def test_load_hands_back_every_files_content_and_where_each_review_date_and_source_stands():
    """The dataset ``load`` gives the pages is each file as the editors wrote it, read here plainly and
    validated with the file's own model; the review dates and the sources' places are the tests' own
    reading of dataset.yaml, missions.yaml and sources.yaml."""
    import plainyaml

    from peaceops.source.model import ContactsFile, ProgramFile
    from peaceops.source.people import PeopleFile
    from peaceops.source.serving import ServingFile

    def plain(name: str):
        return plainyaml.read(ROOT / "data" / name)

    loaded = ds.load(ROOT / "data")
    written = plain("missions.yaml")["missions"]
    assert [mission.id for mission in loaded.missions] == [m["id"] for m in written]
    assert loaded.program == ProgramFile.model_validate(plain("program.yaml")).program
    assert loaded.contacts == ContactsFile.model_validate(plain("contacts.yaml"))
    assert loaded.serving == ServingFile.model_validate(plain("serving.yaml"))
    assert loaded.people == PeopleFile.model_validate(plain("people.yaml"))
    assert set(loaded.interface) == set(plain("interface.yaml")["text"])
    assert len(loaded.partners.partners) == len(plain("partners.yaml")["partners"])
    keys = [source["key"] for source in plain("sources.yaml")["sources"]]
    assert list(loaded.sources) == keys
    assert [key for key, path, *_ in loaded.source_places] == keys
    assert {path for _, path, *_ in loaded.source_places} == {"data/sources.yaml"}
    review = plain("dataset.yaml")
    assert loaded.review.as_of.isoformat() == str(review["as_of"])
    assert [(path, what, str(due)) for path, _, _, what, due in loaded.review_dates] == [
        ("data/dataset.yaml", "the data", str(review["review_by"])),
        *(("data/missions.yaml", f"the mission {m['id']}", str(m["review_by"])) for m in written if "review_by" in m),
    ]
    # Every key cited, in the missions and in partners.yaml (whose citations count as citing too).
    cited = {key for m in written for key in m["sources"]} | {key for p in plain("partners.yaml")["partners"] for key in p["sources"]}
    assert cited <= loaded.cited <= set(keys) | cited


def test_a_key_mistyped_alike_in_two_places_is_taken_for_the_source_partners_yaml_cites(data):
    """calgary-police-ipop is cited only in partners.yaml: it is a cited source, not a new one, so two
    missions citing "calgary-police-ipo" are told, each at its line, which key they probably mean (had
    partners.yaml's citations not counted, the source's own key would be called the mistyped one)."""
    text = data.text("missions.yaml")
    first = text.index("      - rcmp-po-mp-current-operations\n")
    second = text.index("      - rcmp-po-mp-current-operations\n", first + 1)
    typed = "      - calgary-police-ipo\n"
    text = text[:second] + typed + text[second:]
    text = text[:first] + typed + text[first:]
    data.path("missions.yaml").write_text(text, encoding="utf-8")
    problems = data.problems()
    lines = [i + 1 for i, line in enumerate(text.split("\n")) if line == typed.rstrip("\n")]
    assert [(p.path, p.line) for p in problems] == [("data/missions.yaml", line) for line in lines]
    assert all('"calgary-police-ipop"' in p.message for p in problems)


def test_load_places_a_missions_review_date_and_warns_of_its_facts_dated_after_the_data_was_checked(data):
    text = data.text("missions.yaml")
    first_id = text.split("  - id: ", 1)[1].split("\n", 1)[0].strip()
    data.path("missions.yaml").write_text(text.replace("\n    updated: ", "\n    review_by: 2027-01-15\n    updated: ", 1), encoding="utf-8")
    data.replace("dataset.yaml", "\nas_of: 2026-11-30\n", "\nas_of: 2020-01-31\n")  # checked up to long ago
    loaded = ds.load(data.folder)
    assert ("data/missions.yaml", *data.where("missions.yaml", "2027-01-15"), f"the mission {first_id}") in [
        (path, line, column, what) for path, line, column, what, _ in loaded.review_dates
    ]
    # A mission's facts dated after 2020-01-31 are said, placed in missions.yaml (a warning, not a problem).
    assert any(w.path == "data/missions.yaml" for w in loaded.warnings)
