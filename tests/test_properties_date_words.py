"""Properties of the words that say a date, in both languages, whatever those words are.

Why: a date shown beside a figure is half of the figure. Turning "or later" into "or earlier"
changed 75 files and no test failed; the wording itself is the editors' (data/interface.yaml) and
changes, so these properties hold for any wording and check the Localizer's public methods
(``when``, ``dating``, ``bound``, ``bounded``) on every kind of date Hypothesis draws:

- the date words name the bounds' years and no other year (never a year outside the data's bounds);
- a month or a day is named by its month's name in the page's language, never the other's;
- "from this date on" and "up to this date" never read the same, and neither reads as the date itself;
- French words never carry an English month name or English date words (the English rendering's
  own words: whatever the English says, none of it is on the French page).
"""
from __future__ import annotations

import calendar
import re

import pytest
from babel.dates import get_month_names
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from peaceops.pages.localize import DATE_PHRASES, Localizer
from peaceops.source.dataset import load
from peaceops.source.fieldtypes import When
from peaceops.source.model import EvidenceRange

YEARS = st.integers(min_value=1995, max_value=2026)


@st.composite
def whens(draw) -> When:
    year = draw(YEARS)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return When(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return When(year, month)
    return When(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


@st.composite
def ranges(draw) -> EvidenceRange:
    shape = draw(st.sampled_from(["both", "earliest", "latest"]))
    first, second = draw(whens()), draw(whens())
    if second.last_day < first.first_day:
        first, second = second, first
    if second.last_day < first.first_day:  # a year against a day inside it: keep one
        second = first
    earliest = first if shape in ("both", "earliest") else None
    latest = second if shape in ("both", "latest") else None
    return EvidenceRange(earliest=earliest, latest=latest, reason="drawn by a test")


@pytest.fixture(scope="module")
def say() -> dict[str, Localizer]:
    interface = load(ROOT / "data").interface
    return {language: Localizer(language, interface) for language in ("en", "fr")}


def years_named(text: str) -> set[int]:
    return {int(found) for found in re.findall(r"(?<!\d)\d{4}(?!\d)", text.replace("\u202f", "").replace("\u00a0", ""))}


def bound_years(value: When | EvidenceRange) -> set[int]:
    if isinstance(value, When):
        return {value.year}
    return {bound.year for bound in (value.earliest, value.latest) if bound is not None}


MONTHS = {language: set(get_month_names("wide", locale=locale).values()) for language, locale in (("en", "en_CA"), ("fr", "fr_CA"))}


def words(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"[^\W\d_]+", text)}


def said(fmt: Localizer, value: When | EvidenceRange) -> list[str]:
    """Every way the Localizer words ``value``: beside a figure (dating), alone (when), and inside a
    sentence in each of the site's date phrases (STYLE.md), or between its bounds."""
    if isinstance(value, When):
        return [fmt.dating(value), fmt.when(value), *(fmt.phrase(kind, value) for kind in DATE_PHRASES)]
    texts = [fmt.dating(value)]
    if value.earliest is not None and value.latest is not None:
        texts += [fmt.span(value.earliest, value.latest), fmt.between(value.earliest, value.latest)]
    for bound in (value.earliest, value.latest):
        if bound is not None:
            texts += [fmt.phrase(kind, bound) for kind in DATE_PHRASES]
    return texts


@given(st.one_of(whens(), ranges()))
def test_date_words_name_the_bounds_years_and_no_other_in_either_language(say, value):
    expected = bound_years(value)
    for language, fmt in say.items():
        for text in said(fmt, value):
            assert years_named(text) <= expected and years_named(text), (language, value, text)
        assert years_named(fmt.dating(value)) == expected or (
            isinstance(value, EvidenceRange) and value.earliest and value.latest and value.earliest.year == value.latest.year
        ), (language, value)


@given(whens())
def test_a_month_or_a_day_is_named_in_the_pages_language_only(say, value):
    for language, fmt in say.items():
        text = fmt.when(value)
        other = "fr" if language == "en" else "en"
        named = {m for m in MONTHS[language] if m.casefold() in words(text)}
        if value.is_year:
            assert not named, text
        else:
            month = get_month_names("wide", locale="en_CA" if language == "en" else "fr_CA")[value.month]
            assert month.casefold() in words(text), (language, text)
            # A bound and a phrase say the month too.
            for words_said in (fmt.dating(EvidenceRange(earliest=value, reason="drawn")), *(fmt.phrase(kind, value) for kind in DATE_PHRASES)):
                assert month.casefold() in words(words_said), (language, words_said)
        # A range of years beside a figure: years only, no month at all.
        if value.year < 2100:
            years = fmt.span(value, When(value.year + 1, value.month, value.day))
            assert not {m.casefold() for m in MONTHS[language]} & words(years), (language, years)
        assert not {m.casefold() for m in MONTHS[other] - MONTHS[language]} & words(text), (language, text)


@given(whens())
def test_from_a_date_on_and_up_to_a_date_never_read_the_same_nor_as_the_date_itself(say, value):
    on = EvidenceRange(earliest=value, reason="drawn")
    up_to = EvidenceRange(latest=value, reason="drawn")
    for fmt in say.values():
        assert fmt.dating(on) != fmt.dating(up_to)
        assert fmt.phrase("or_later", value) != fmt.phrase("by", value)
        assert fmt.phrase("since_at_least", value) != fmt.phrase("to_at_least", value)
        assert fmt.dating(on) != fmt.when(value) and fmt.dating(up_to) != fmt.when(value)


@given(st.one_of(whens(), ranges(), st.none()))
def test_no_english_word_in_the_french_date_words(say, value):
    english, french = say["en"], say["fr"]
    pairs = [(english.dating(value), french.dating(value))]
    if value is not None:
        pairs += list(zip(said(english, value), said(french, value), strict=True))
    # The date words of every English rendering of a kind of date, against its French one: a word the
    # English uses and French spells differently must not be on the French side.
    for en_text, fr_text in pairs:
        english_only = words(en_text) - _FRENCH_TOO
        assert not english_only & words(fr_text), (en_text, fr_text)
        assert not {m.casefold() for m in MONTHS["en"]} & words(fr_text), fr_text


# Words spelled the same in both languages that the date words may hold ("date", and month names
# such as "avril"/"April" differ, so only these).
_FRENCH_TOO = {"date"}


def day_numbers(text: str) -> set[int]:
    """The numbers of one or two digits in ``text``: a day of the month ("May 1", "1er mai")."""
    return {int(found) for found in re.findall(r"(?<!\d)\d{1,2}(?!\d)", text)}


@given(whens())
def test_each_date_is_said_to_its_own_precision_and_no_finer(say, value):
    """A year is said with no month and no day, a month with its month and no day, a day with its
    month and its day: alone, beside a figure, and in each of the site's date phrases."""
    for language, fmt in say.items():
        month = "" if value.is_year else get_month_names("wide", locale="en_CA" if language == "en" else "fr_CA")[value.month]
        bound = EvidenceRange(earliest=value, reason="drawn")
        for text in (fmt.when(value), fmt.dating(bound), *(fmt.phrase(kind, value) for kind in DATE_PHRASES)):
            named = {m.casefold() for m in MONTHS[language]} & words(text)
            if value.is_year:
                assert not named and not day_numbers(text), (language, value, text)
            elif value.is_month:
                assert named == {month.casefold()} and not day_numbers(text), (language, value, text)
            else:
                assert named == {month.casefold()} and day_numbers(text) == {value.day}, (language, value, text)
                # "May 1, 2019" in English; "1er mai 2019" in French: the day before its month, the first "1er".
                day_at = re.search(rf"(?<!\d){value.day}(?!\d)", text).start()
                month_at = text.casefold().index(month.casefold())
                assert (day_at < month_at) == (language == "fr"), (language, value, text)
                assert (language == "fr" and value.day == 1) == bool(re.search(r"(?<!\d)1er\b", text)), (language, value, text)


@given(whens(), whens())
def test_between_two_dates_each_year_is_written_once(say, first, second):
    """"Between March and May 2019": the year two months or days share is written once, after both;
    "between March 2018 and May 2019": two years, each written."""
    if first.is_year or second.is_year or second.first_day <= first.last_day:
        return
    for language, fmt in say.items():
        text = fmt.between(first, second).replace("\u202f", "").replace("\u00a0", "")
        for year in {first.year, second.year}:
            found = re.findall(rf"(?<!\d){year}(?!\d)", text)
            assert len(found) == 1, (language, first, second, text)


@given(whens())
def test_a_date_without_its_year_keeps_its_month_and_day(say, value):
    """The first of two dates that share a year is said without it ("February 24", "24 février",
    "1er mars", "mars"): no year, and its month and day as when the year is said."""
    if value.is_year:
        return
    for language, fmt in say.items():
        month = get_month_names("wide", locale="en_CA" if language == "en" else "fr_CA")[value.month]
        for text in (fmt.when(value, with_year=False), *(fmt.phrase(kind, value, with_year=False) for kind in DATE_PHRASES)):
            assert not years_named(text), (language, value, text)
            assert {m.casefold() for m in MONTHS[language]} & words(text) == {month.casefold()}, (language, value, text)
            if value.is_month:
                assert not day_numbers(text), (language, value, text)
                continue
            assert day_numbers(text) == {value.day}, (language, value, text)
            day_at = re.search(rf"(?<!\d){value.day}(?!\d)", text).start()
            assert (day_at < text.casefold().index(month.casefold())) == (language == "fr"), (language, value, text)
            assert (language == "fr" and value.day == 1) == bool(re.search(r"(?<!\d)1er\b", text)), (language, value, text)


@pytest.fixture(scope="module")
def interface_texts() -> dict:
    return load(ROOT / "data").interface


@given(whens(), st.sampled_from(DATE_PHRASES))
def test_a_date_phrase_is_the_text_of_the_dates_own_precision(interface_texts, value, kind):
    """Each date phrase has a text per precision in data/interface.yaml (``date.<kind>.year``,
    ``.month``, ``.day``), which editors may word differently: a phrase uses its date's own. Texts
    of the test's own, each naming its precision, show which was taken."""
    interface = dict(interface_texts)
    for precision in ("year", "month", "day"):
        key = f"date.{kind}.{precision}"
        interface[key] = type(interface[key])(en=f"{precision} {{date}}", fr=f"{precision} {{date}}")
    expected = "year" if value.is_year else "month" if value.is_month else "day"
    for language in ("en", "fr"):
        assert Localizer(language, interface).phrase(kind, value).split()[0] == expected, (language, value, kind)


@pytest.mark.parametrize("kind", DATE_PHRASES)
def test_french_date_phrases_elide_before_a_vowel(say, kind):
    """"d'avril", "jusqu'en août": French never writes "de", "que" or "le" before a word that starts
    with a vowel. Every month, as a month and as its first and second days (the vowels are in
    avril, août and octobre only, too rare for drawn dates to meet every phrase)."""
    for month in range(1, 13):
        for value in (When(2019, month), When(2019, month, 1), When(2019, month, 2)):
            text = say["fr"].phrase(kind, value)
            assert not re.search(r"\b(de|que|le)\s+[aeiouâàéèêîôû]", text, re.IGNORECASE), (value, kind, text)
