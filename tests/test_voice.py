"""Issue 29: the site's voice (STYLE.md), in both languages, from small data of the tests' own.

Each expected text is written out here as a careful editor writes it, never produced by the code
under test: a day, a month, a year, a range, a bound, a date nobody published, a suspension; each
sequence of a mission's periods (under way, ended, under way again, suspended) said apart, in order;
and the newest count of Canadian police serving chosen across the program's totals and the UN's.
"""
from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import plainyaml
import pytest
from conftest import ROOT

from peaceops.facts import derive
from peaceops.pages import periods
from peaceops.pages.localize import Localizer
from peaceops.source.dataset import load
from peaceops.source.fieldtypes import When
from peaceops.source.model import EvidenceRange


@pytest.fixture(scope="module")
def say():
    """A Localizer per language over the real interface texts (their words are what is tested)."""
    texts = plainyaml.shared(ROOT / "data" / "interface.yaml")["text"]
    return {language: Localizer(language, texts) for language in ("en", "fr")}


def day(text: str) -> When:
    y, m, d = (int(part) for part in text.split("-"))
    return When(y, m, d)


# --- Dates: a day, a month, a year, in and out of a sentence ---------------------------------------
@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        (day("2017-10-15"), "October 15, 2017", "15 octobre 2017"),
        (day("2026-12-01"), "December 1, 2026", "1er décembre 2026"),
        (When(2025, 3), "March 2025", "mars 2025"),
        (When(2014), "2014", "2014"),
    ],
)
def test_a_date_is_said_as_precisely_as_it_is_known(say, value, en, fr):
    assert say["en"].when(value) == en
    assert say["fr"].when(value) == fr


@pytest.mark.parametrize(
    ("kind", "value", "en", "fr"),
    [
        ("in", When(2014), "in 2014", "en 2014"),
        ("in", When(2025, 3), "in March 2025", "en mars 2025"),
        ("in", day("2017-10-15"), "on October 15, 2017", "le 15 octobre 2017"),
        ("since", When(2021, 1), "since January 2021", "depuis janvier 2021"),
        ("since", day("2019-10-16"), "since October 16, 2019", "depuis le 16 octobre 2019"),
        ("from", When(2005, 4), "from April 2005", "d'avril 2005"),
        ("from", When(2017, 8), "from August 2017", "d'août 2017"),
        ("from", day("2017-10-16"), "from October 16, 2017,", "du 16 octobre 2017"),
        ("to", day("2019-10-15"), "to October 15, 2019", "au 15 octobre 2019"),
        ("to", When(2004), "to 2004", "à 2004"),
        ("since_at_least", When(2014), "since at least 2014", "depuis au moins 2014"),
        ("since_at_least", day("2022-03-29"), "since at least March 29, 2022", "depuis au moins le 29 mars 2022"),
        ("to_at_least", When(2010), "to at least 2010", "jusqu'en 2010 au moins"),
        ("since_earliest", day("2019-10-16"), "since October 16, 2019, at the earliest", "depuis le 16 octobre 2019 au plus tôt"),
    ],
)
def test_a_date_in_a_sentence_takes_the_words_its_precision_takes(say, kind, value, en, fr):
    assert say["en"].phrase(kind, value) == en
    assert say["fr"].phrase(kind, value) == fr


def test_a_range_beside_a_figure_is_two_years_or_the_one_they_share(say):
    assert say["en"].dating(EvidenceRange(earliest=When(2016), latest=When(2023), reason="x")) == "2016–2023"
    assert say["fr"].dating(EvidenceRange(earliest=When(2016), latest=When(2023), reason="x")) == "2016-2023"
    june_to_october = EvidenceRange(earliest=When(2016, 6), latest=day("2017-10-15"), reason="x")
    assert say["en"].dating(june_to_october) == "2016–2017"
    same_year = EvidenceRange(earliest=day("2019-09-05"), latest=day("2019-11-20"), reason="x")
    assert say["en"].dating(same_year) == say["fr"].dating(same_year) == "2019"
    one_day = EvidenceRange(earliest=day("2014-07-09"), latest=day("2014-07-09"), reason="x")
    assert say["fr"].dating(one_day) == "9 juillet 2014"


def test_two_dates_something_happened_between_share_their_year(say):
    between = (day("2022-02-24"), day("2022-03-16"))
    assert say["en"].between(*between) == "between February 24 and March 16, 2022"
    assert say["fr"].between(*between) == "entre le 24 février et le 16 mars 2022"
    assert say["en"].between(When(2005, 4), day("2012-04-18")) == "between April 2005 and April 18, 2012"
    assert say["fr"].between(When(2005, 4), day("2012-04-18")) == "entre avril 2005 et le 18 avril 2012"


def test_a_date_nobody_published_is_never_a_bare_hedge_when_a_range_can_be_made(say):
    """A single bound is the last resort, and reads as words, not as "2009 or earlier"."""
    assert say["en"].dating(EvidenceRange(latest=When(2009), reason="x")) == "by 2009"
    assert say["fr"].dating(EvidenceRange(latest=When(2009), reason="x")) == "au plus tard en 2009"
    assert say["en"].dating(None) == "date not stated" and say["fr"].dating(None) == "date non précisée"


# --- Periods: each sequence of statuses, said apart and in order --------------------------------
MISSION = """
  - id: {id}
    acronym: {{en: T{n}, fr: T{n}}}
    name: {{en: Test mission {n}, fr: Mission d'essai {n}}}
    lead: UN
    country: HT
    status:
{status}
{officers}    mandate: {{en: A test., fr: Un essai.}}
    sources: [rcmp-current-peace-operations]
    updated: 2026-11-30
"""

SEQUENCES = {
    # id: (status lines, officer lines, English lines, French lines, English years)
    "lasting": (
        ["{state: under_way, since: 2004, source: KEY}"], [],
        ["since 2004"], ["depuis 2004"], "since 2004",
    ),
    "ended": (
        ["{state: under_way, since: 2004, source: KEY}", "{state: ended, since: 2017-10-15, source: KEY}"], [],
        ["from 2004 to October 15, 2017"], ["de 2004 au 15 octobre 2017"], "2004–2017",
    ),
    "unmik": (
        ["{state: under_way, since: 1999-06, source: KEY}", "{state: ended, since: 2004-03, source: KEY}",
         "{state: under_way, since: {latest: 2025, reason: r}, source: KEY}"], [],
        ["from June 1999 to March 2004", "again since at least 2025"],
        ["de juin 1999 à mars 2004", "de nouveau depuis au moins 2025"], "1999–2004; since 2025",
    ),
    "unmik-ended-again": (  # an ended status appended: 1999-2004 is still shown apart
        ["{state: under_way, since: 1999-06, source: KEY}", "{state: ended, since: 2004-03, source: KEY}",
         "{state: under_way, since: {latest: 2025, reason: r}, source: KEY}", "{state: ended, since: 2026-06, source: KEY}"], [],
        ["from June 1999 to March 2004", "again from at least 2025 to June 2026"],
        ["de juin 1999 à mars 2004", "de nouveau depuis au moins 2025 jusqu'en juin 2026"], "1999–2004; 2025–2026",
    ),
    "suspended": (
        ["{state: under_way, since: 2015-07, source: KEY}",
         "{state: suspended, since: {earliest: 2022-02-24, latest: 2022-03-16, reason: r}, source: KEY}"], [],
        ["from July 2015 until the suspension", "suspended between February 24 and March 16, 2022"],
        ["de juillet 2015 jusqu'à la suspension", "mission suspendue entre le 24 février et le 16 mars 2022"], "2015–2022; suspended in 2022",
    ),
    "suspended-after": (  # only the earliest bound: after that date, in words
        ["{state: under_way, since: 2015-07, source: KEY}",
         "{state: suspended, since: {earliest: 2022-02-24, reason: r}, source: KEY}"], [],
        ["from July 2015 until the suspension", "suspended after February 24, 2022"],
        ["de juillet 2015 jusqu'à la suspension", "mission suspendue après le 24 février 2022"], "2015–2022; suspended",
    ),
    "suspended-then-ended": (
        ["{state: under_way, since: {latest: 2017-08-09, reason: r}, source: KEY}",
         "{state: suspended, since: 2020-01-08, source: KEY}",
         "{state: ended, since: {latest: 2023-12-31, reason: r}, source: KEY}"], [],
        ["from at least August 9, 2017, to January 8, 2020", "suspended on January 8, 2020, and not resumed"],
        ["depuis au moins le 9 août 2017 jusqu'au 8 janvier 2020", "mission suspendue le 8 janvier 2020 et jamais reprise"],
        "2017–2020; suspended in 2020",
    ),
    "resumed": (
        ["{state: under_way, since: 2015, source: KEY}", "{state: suspended, since: 2020, source: KEY}",
         "{state: under_way, since: 2021, source: KEY}"], [],
        ["from 2015 to 2020", "suspended from 2020 to 2021", "again since 2021"],
        ["de 2015 à 2020", "mission suspendue de 2020 à 2021", "de nouveau depuis 2021"], "2015–2020; suspended in 2020; since 2021",
    ),
    "end-not-published": (  # reads as ended, with the last date a source shows them there
        ["{state: under_way, since: 2004, source: KEY}", "{state: ended, source: KEY}"],
        ["{kind: deployed, count: 5, as_of: 2010, source: KEY}"],
        ["from 2004 to at least 2010"], ["de 2004 jusqu'en 2010 au moins"], "2004–2010",
    ),
    "reported-only": (
        ["{state: under_way, source: KEY}", "{state: ended, source: KEY}"],
        ["{kind: deployed, count: 2, as_of: 2017-01-10, source: KEY}", "{kind: deployed, count: 2, as_of: 2017-11, source: KEY}"],
        ["first reported there on January 10, 2017, last in November 2017"],
        ["signalés sur place pour la première fois le 10 janvier 2017, pour la dernière fois en novembre 2017"], "2017",
    ),
}


@pytest.fixture(scope="module")
def sequences(tmp_path_factory):
    """The real data with missions.yaml replaced by one test mission per sequence, loaded and checked
    as make check loads it; the facts and each language's words."""
    root = tmp_path_factory.mktemp("voice")
    shutil.copytree(ROOT / "data", root / "data")
    entries = []
    for n, (mission_id, (status, officers, *_)) in enumerate(SEQUENCES.items(), start=1):
        lines = "\n".join(f"      - {line.replace('KEY', 'rcmp-current-peace-operations')}" for line in status)
        figures = ""
        if officers:
            figures = "    officers:\n" + "\n".join(
                f"      - {line.replace('KEY', 'scribd-canada-un-peacekeeping')}" for line in officers) + "\n"
        entries.append(MISSION.format(id=mission_id, n=n, status=lines, officers=figures))
    (root / "data" / "missions.yaml").write_text("missions:\n" + "".join(entries), encoding="utf-8")
    # data/people.yaml names real missions; here they point at a test mission, which has none of them.
    people = root / "data" / "people.yaml"
    text = re.sub(r"(?m)^(\s+mission: )[a-z0-9-]+$", lambda m: m.group(1) + next(iter(SEQUENCES)), people.read_text("utf-8"))
    people.write_text(text, encoding="utf-8")
    dataset = load(root / "data")
    facts = derive(dataset)
    words = {language: Localizer(language, dataset.interface) for language in ("en", "fr")}
    return facts, words, {m.id: m for m in dataset.missions}


@pytest.mark.parametrize("mission_id", sorted(SEQUENCES))
def test_each_period_is_said_apart_in_the_order_it_happened(sequences, mission_id):
    facts, words, missions = sequences
    *_, english, french, years = SEQUENCES[mission_id]
    mission = missions[mission_id]
    assert [line.text for line in periods.lines(words["en"], facts, mission)] == english
    assert [line.text for line in periods.lines(words["fr"], facts, mission)] == french
    assert periods.years(words["en"], facts, mission) == years


def test_appending_an_ended_status_never_merges_or_hides_an_earlier_period(sequences):
    facts, _, missions = sequences
    before = facts.periods(missions["unmik"])
    after = facts.periods(missions["unmik-ended-again"])
    assert [(p.state, p.start, p.end) for p in after[:1]] == [(p.state, p.start, p.end) for p in before[:1]]
    assert [p.state for p in after] == ["under_way", "under_way"] and after[1].again and after[1].closed


def test_the_suspension_reads_in_the_tense_its_date_takes(sequences):
    facts, words, missions = sequences
    assert periods.suspension_sentence(words["en"], facts, missions["suspended"]) == (
        "The mission was suspended between February 24 and March 16, 2022")
    assert periods.suspension_sentence(words["fr"], facts, missions["suspended"]) == (
        "La mission a été suspendue entre le 24 février et le 16 mars 2022")
    assert periods.suspension(words["fr"], facts, missions["suspended"]) == "suspendue entre le 24 février et le 16 mars 2022"
    assert periods.suspension_sentence(words["en"], facts, missions["suspended-after"]) == (
        "The mission was suspended after February 24, 2022")
    assert periods.suspension_sentence(words["fr"], facts, missions["suspended-after"]) == (
        "La mission a été suspendue après le 24 février 2022")


# --- The newest count of Canadian police serving -------------------------------------------------
PROGRAM_COUNTS = {
    # case: (officers_serving, officers_in_un_missions, expected (name, count) or None)
    "the UN's is newer": (["{count: 83, as_of: 2019-09-05, source: S}"], ["{count: 10, as_of: 2024-08-30, source: S}"],
                          ("officers_in_un_missions", 10)),
    "the program's is newer": (["{count: 83, as_of: 2025-01, source: S}"], ["{count: 10, as_of: 2024-08-30, source: S}"],
                               ("officers_serving", 83)),
    "a tie goes to the program's, which covers every mission": (
        ["{count: 60, as_of: 2024-08-30, source: S}"], ["{count: 10, as_of: 2024-08-30, source: S}"], ("officers_serving", 60)),
    "the newest of each kind, whatever the order written": (
        ["{count: 90, as_of: 2014, source: S}", "{count: 83, as_of: 2019-09-05, source: S}"],
        ["{count: 23, as_of: 2023-09-30, source: S}", "{count: 10, as_of: 2024-08-30, source: S}", "{count: 32, as_of: 2021-08-31, source: S}"],
        ("officers_in_un_missions", 10)),
    "a range ranks by its earliest bound": (
        ["{count: 70, as_of: {earliest: 2024-09, latest: 2025, reason: r}, source: S}"],
        ["{count: 10, as_of: 2024-08-30, source: S}"], ("officers_serving", 70)),
    "a range bounded only late ranks below a stated date": (
        ["{count: 70, as_of: {latest: 2026, reason: r}, source: S}"],
        ["{count: 10, as_of: 2020-06-30, source: S}"], ("officers_in_un_missions", 10)),
    "only one kind": (["{count: 83, as_of: 2019-09-05, source: S}"], [], ("officers_serving", 83)),
    "none": ([], [], None),
}


def _program_with(root: Path, serving: list[str], un: list[str]) -> None:
    """data/program.yaml with its facts: replaced by the two counts of the test's own (source S: a
    source whose own date is stated, so only the counts' as_of date them)."""
    path = root / "data" / "program.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  facts:\n") + 1
    end = start + len("  facts:\n")
    while text[end:end + 4] in ("    ", "\n") or text[end:end + 3] == "  #":
        end = text.index("\n", end) + 1
    block = "  facts:\n"
    for name, lines in (("officers_serving", serving), ("officers_in_un_missions", un)):
        items = "".join(f"      - {line.replace('S', 'ps-transition-binder-2019')}\n" for line in lines)
        block += f"    {name}:\n{items}" if lines else f"    {name}: []\n"
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


@pytest.mark.parametrize("case", sorted(PROGRAM_COUNTS))
def test_the_home_count_is_the_newest_dated_of_both_kinds(tmp_path, case):
    serving, un, expected = PROGRAM_COUNTS[case]
    shutil.copytree(ROOT / "data", tmp_path / "data")
    _program_with(tmp_path, serving, un)
    facts = derive(load(tmp_path / "data"))
    newest = facts.newest_serving()
    assert (None if newest is None else (newest[0], newest[1].count)) == expected


def test_a_page_still_online_dated_only_from_a_year_runs_to_the_day_the_data_was_checked(sequences):
    facts, words, _ = sequences
    source = facts.source("rcmp-current-peace-operations")  # an online page of "2023 or later"
    assert source.dated is not None and source.dated.latest is None and not source.gone
    shown = facts.source_date(source)
    assert shown.earliest == source.dated.earliest and shown.latest.first_day == facts.as_of
    assert words["en"].dating(shown) == f"{source.dated.earliest.year}–{facts.as_of.year}"
    assert facts.as_of == date.fromisoformat(str(plainyaml.read(ROOT / "data" / "dataset.yaml")["as_of"]))
