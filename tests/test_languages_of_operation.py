"""Any language of operation (issue 35): a mission works in Spanish, Arabic or Haitian Creole as well as
English or French. ``language:`` takes any ISO 639-1 code; a name typed instead ("Spanish", "espagnol")
or a near miss is refused at its line with the code it most likely means; the pages name the language
in the reader's language as CLDR does ("Spanish", "espagnol"), never as a code.

Expected codes come from ISO 639-1 as pycountry has it and expected names from Babel's CLDR data read
here, not from the package's own list.
"""
from __future__ import annotations

import pycountry
import pytest
from babel import Locale
from datacopy import DataCopy, assert_at, only_problem

from peaceops.pages.localize import Localizer
from peaceops.source import languagecodes
from peaceops.source.dataset import load

M = "missions.yaml"
HAITI_LANGUAGE = "    language: fr\n    armed: yes\n    mandate:\n      en: Helped Haiti"  # minustah's


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "data")


def with_language(data: DataCopy, typed: str) -> None:
    data.replace(M, HAITI_LANGUAGE, HAITI_LANGUAGE.replace("language: fr", f"language: {typed}"))


def test_the_codes_accepted_are_iso_639_1s():
    iso_639_1 = {language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2")}
    assert languagecodes.codes() == iso_639_1


@pytest.mark.parametrize("code", ["es", "ar", "ht", "pt", "uk", "sw"])
def test_any_iso_code_is_accepted(data, code):
    with_language(data, code)
    minustah = next(m for m in load(data.folder).missions if m.id == "minustah")
    assert minustah.language == code


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("Spanish", "es"),  # the English name
        ("espagnol", "es"),  # the French name
        ("Espagnol", "es"),
        ("Español", "es"),  # the language's own name, close to the French one
        ("spansih", "es"),  # a typing mistake in a name
        ("ES", "es"),  # a code in capitals
        ("es-MX", "es"),  # a code with a region
        ("es_419", "es"),
        ("Haitian Creole", "ht"),
        ("créole haïtien", "ht"),
        ("creole haitien", "ht"),  # accents left out
        ("Arabic", "ar"),
    ],
)
def test_a_name_or_a_near_miss_is_refused_with_the_code_it_means(data, typed, meant):
    with_language(data, typed)
    problem = only_problem(data.problems())
    assert_at(
        problem,
        M,
        data.where(M, f"language: {typed}\n", offset=len("language: ")),
        "language must be a language's two-letter ISO 639-1 code",
        f'got "{typed}" (did you mean "{meant}"?)',
    )


@pytest.mark.parametrize("typed", ["Klingon", "xx", "english and spanish"])
def test_a_value_near_no_language_is_refused_without_a_guess(data, typed):
    with_language(data, typed)
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, f"language: {typed}\n", offset=len("language: ")), f'got "{typed}"')
    assert "did you mean" not in problem.message


def test_a_list_of_languages_is_refused_at_its_line(data):
    with_language(data, "[es, en]")
    problem = only_problem(data.problems())
    assert_at(problem, M, data.where(M, "[es, en]"), "language must be", "got a list")


@pytest.mark.parametrize("code", ["es", "ht", "en", "fr", "zh"])
def test_a_language_is_named_in_the_readers_language_as_cldr_names_it(code):
    for language in ("en", "fr"):
        named = Localizer(language, {}).language_name(code)
        assert named == Locale.parse(f"{language}_CA").languages[code]
    # French writes a language's name in lowercase, in running text and in a table's cells alike.
    assert Localizer("fr", {}).language_name(code).islower()
