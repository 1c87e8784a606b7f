"""The kinds of value an editor types (peaceops/source/fieldtypes.py), each parser and check called
directly on the tests' own values: what it accepts and returns, what it refuses and with which kind
of message, at every boundary (the first and last year, the last day of a month and of a year, a
month 0 or 13, a count of 0 and -1, 90 and 180 degrees).

Why here as well as tests/test_validation.py: that file shows each message at its line through the
loader, on a copy of the whole data set per test; these run in milliseconds, so mutmut can try
every small change to the parsers against them (tests/MUTATION.md).
"""
from __future__ import annotations

from datetime import date

import pytest
from pydantic_core import PydanticCustomError

from peaceops.source import fieldtypes as ft
from peaceops.source.fieldtypes import When, parse_when
from peaceops.source.messages import message


def refused(check, value) -> PydanticCustomError:
    with pytest.raises(PydanticCustomError) as raised:
        check(value)
    return raised.value


def kind(check, value) -> str:
    return refused(check, value).type


# --- Text -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "kept"), [("  Haiti  ", "Haiti"), (2004, "2004"), ("a\tb", "a\tb"), ("line\nnext", "line\nnext")]
)
def test_a_text_is_kept_as_typed_trimmed(typed, kept):
    assert ft._plain_text(typed) == kept


@pytest.mark.parametrize("typed", ["", "   ", None])
def test_an_empty_text_is_refused_as_empty(typed):
    error = refused(ft._plain_text, typed)
    assert error.type == "empty"
    assert error.context == {"got": "nothing" if typed in ("", None) else '"   "'}


@pytest.mark.parametrize("typed", [{"en": "x"}, ["x"]])
def test_a_group_or_a_list_is_not_a_text(typed):
    assert kind(ft._plain_text, typed) == "not_text"
    assert kind(ft._count, typed) == "whole_number"
    assert kind(parse_when, typed) == "date"


@pytest.mark.parametrize(
    ("typed", "code", "at"),
    [("a\x00b", "U+0000", 2), ("ab\x08", "U+0008", 3), ("a\x0bb", "U+000B", 2), ("x\x1fy", "U+001F", 2),
     ("x\ufffe", "U+FFFE", 2), ("x\uffff", "U+FFFF", 2), ("x\ud800", "U+D800", 2), ("x\x0cx", "U+000C", 2),
     ("a\x0eb", "U+000E", 2)],
)
def test_a_character_xml_cannot_hold_is_refused_with_its_code_and_place(typed, code, at):
    error = refused(ft._plain_text, "  " + typed)  # the place is counted in the trimmed text
    assert error.type == "control_character"
    assert error.context == {"code": code, "at": at}


def test_tab_and_line_breaks_and_other_characters_are_held():
    assert ft._scalar("a\tb\nc\rd\u00a0é\U0001f600\ufffd") == "a\tb\nc\rd\u00a0é\U0001f600\ufffd"


@pytest.mark.parametrize(
    ("typed", "tag"),
    [("a <b>bold</b>", "<b>"), ("x < /script >", "< /script >"), ("<!-- c -->", "<!-- c -->"),
     ("see JavaScript:alert(1)", "JavaScript:"), ("<img src=x>", "<img src=x>")],
)
def test_html_in_a_text_is_refused_naming_the_tag(typed, tag):
    error = refused(ft._plain_text, typed)
    assert error.type == "html" and error.context["tag"] == tag


@pytest.mark.parametrize("typed", ["1 < 2", "a <> b", "x <3", "3 > 2 < 1"])
def test_comparisons_are_not_html(typed):
    assert ft._plain_text(typed) == typed


@pytest.mark.parametrize(
    ("typed", "found"),
    [("see [the page](https://x.ca)", "[the page](https://x.ca)"), ("![a picture](p.png)", "![a picture](p.png)"),
     ("a [link][ref] here", "[link][ref]"), ("[open](", "[open]("), ("[open][", "[open][")],
)
def test_a_markdown_link_in_a_text_is_refused_naming_it(typed, found):
    error = refused(ft._plain_text, typed)
    assert error.type == "markdown_link" and error.context["found"] == found


@pytest.mark.parametrize("typed", ["[sic] as written", "a [note] only", "brackets [a\n](b)"])
def test_brackets_alone_are_not_a_link(typed):
    assert ft._plain_text(typed) == typed


# --- Numbers ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "number"), [("0", 0), (0, 0), ("131", 131), (" 7 ", 7), ("007", 7), (1000000, 1000000)])
def test_a_count_is_a_whole_number_from_zero(typed, number):
    assert ft._count(typed) == number


@pytest.mark.parametrize(
    ("typed", "why"),
    [("-1", "negative"), (-1, "negative"), ("1,000", "thousands"), ("1 000", "thousands"), ("12\u00a0345", "thousands"),
     ("1\u202f000\u202f000", "thousands"), ("1.5", "fractional"), ("0,5", "fractional"), (".5", "fractional"),
     ("-2.5", "fractional"), ("about 100", "whole_number"), ("", "whole_number"), ("1,00", "fractional"),
     ("1e3", "whole_number"), ("12,3456", "fractional")],
)
def test_a_count_that_is_not_a_whole_number_from_zero_is_refused_saying_why(typed, why):
    error = refused(ft._count, typed)
    assert error.type == why
    assert error.context["got"] == ("nothing" if typed == "" else f'"{typed}"')


@pytest.mark.parametrize(("typed", "year"), [("1900", 1900), (2100, 2100), ("2004", 2004), (" 2017 ", 2017)])
def test_a_year_is_four_digits_from_1900_to_2100(typed, year):
    assert ft._year(typed) == year


@pytest.mark.parametrize("typed", ["1899", "2101", "04", "20045", "two thousand", "", "2004-06", "-2004"])
def test_a_year_outside_1900_to_2100_or_not_a_year_is_refused_with_the_range(typed):
    error = refused(ft._year, typed)
    assert error.type == "year_range"
    assert (error.context["low"], error.context["high"]) == (1900, 2100)


@pytest.mark.parametrize(
    ("limit", "typed", "degrees"),
    [(90, "90", 90.0), (90, "-90", -90.0), (90, "18.5333", 18.5333), (180, "-180", -180.0), (180, "180.0", 180.0),
     (180, "-72.3388", -72.3388), (90, "0", 0.0), (180, 45, 45.0)],
)
def test_degrees_are_decimal_within_the_limit(limit, typed, degrees):
    assert ft._degrees(limit)(typed) == degrees


@pytest.mark.parametrize(
    ("limit", "typed"),
    [(90, "90.0001"), (90, "-91"), (180, "180.5"), (180, "-181"), (90, "18°32'N"), (90, "1e1"), (90, "N 18.5"),
     (180, "1234"), (90, ""), (90, "18."), (90, "+18")],
)
def test_degrees_beyond_the_limit_or_not_decimal_are_refused_naming_the_limit(limit, typed):
    error = refused(ft._degrees(limit), typed)
    assert error.type == "degrees" and error.context["limit"] == limit


@pytest.mark.parametrize("typed", [[18, 5], {"degrees": 18}])
def test_a_list_or_a_group_for_degrees_is_told_with_the_limit_not_a_traceback(typed):
    error = refused(ft._degrees(90), typed)
    assert error.type == "degrees"
    assert error.context == {"got": "a list" if isinstance(typed, list) else "a group of fields", "limit": 90}
    assert message("degrees", field="latitude", **error.context).startswith("latitude must be a number of degrees between -90 and 90")


def test_a_refused_number_of_degrees_is_shown_as_typed():
    assert refused(ft._degrees(180), "181").context == {"got": '"181"', "limit": 180}


@pytest.mark.parametrize(("typed", "answer"), [("yes", True), ("Yes", True), (True, True), ("TRUE", True),
                                               ("no", False), ("NO", False), (False, False), ("false", False)])
def test_yes_and_no(typed, answer):
    assert ft._yes_no(typed) is answer


@pytest.mark.parametrize("typed", ["y", "n", "oui", "1", "0", "", "maybe"])
def test_anything_else_is_not_yes_or_no(typed):
    assert kind(ft._yes_no, typed) == "yes_no"


# --- Addresses --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "kept"),
    [("https://www.rcmp.ca/en", "https://www.rcmp.ca/en"), ("  http://un.org  ", "http://un.org"),
     ("HTTPS://www.Canada.ca/en.html", "https://www.Canada.ca/en.html"), ("https://a.b.ca:8443/x?y=1#z", "https://a.b.ca:8443/x?y=1#z"),
     ("Https://x.org/", "https://x.org/")],
)
def test_a_web_address_is_kept_with_its_scheme_in_lower_case(typed, kept):
    address = ft._url(typed)
    assert address == kept and isinstance(address, ft.WebAddress)


@pytest.mark.parametrize(
    ("typed", "found"),
    [("javascript:alert(1)", "javascript"), ("java\nscript:alert(1)", "javascript"), (" \x01JavaScript:x", "javascript"),
     ("data:text/html,x", "data"), ("ftps://x.org/f", "ftps"), ("mailto:a@b.ca", "mailto"), ("ftp://x.org/f", "ftp"), ("file:///etc/passwd", "file")],
)
def test_a_scheme_other_than_the_webs_is_refused_naming_it(typed, found):
    error = refused(ft._url, typed)
    assert error.type == "url_scheme" and error.context["scheme"] == found


@pytest.mark.parametrize(
    "typed",
    ["htps://www.rcmp.ca", "hhtps://www.rcmp.ca", "htp://x.org", "www.rcmp.ca", "https://localhost", "https://x.c",
     "https://a b.ca", "https://x.ca/a b", "https://x.ca/<script>", 'https://x.ca/"', "https://x.ca/a\tb",
     "https://x.ca:port/", "", "https://", "http s://x.ca"],
)
def test_a_mistyped_or_malformed_web_address_is_refused_as_an_address(typed):
    assert kind(ft._url, typed) == "url"


def test_a_browsers_reading_of_an_address():
    assert ft.browser_reading(" \x00\x1fhttps://x.ca/a\tb\nc\r \x20") == "https://x.ca/abc"
    assert ft.browser_reading("https://x.ca/a b") == "https://x.ca/a b"
    assert ft.scheme("  J\ta\nvascript :x") is None  # a space before the colon: no scheme
    assert ft.scheme("  J\ta\nvaScript:x") == "javascript"
    assert ft.scheme("web+app.x-1:y") == "web+app.x-1"
    assert ft.scheme("1http:x") is None
    assert ft.scheme("/path:x") is None


@pytest.mark.parametrize(
    ("address", "host"),
    [("https://dev.rcmp.ca/x", "dev.rcmp.ca"), ("https://www.staging.example.org", "www.staging.example.org"),
     ("https://app-dev.example.org/", "app-dev.example.org"), ("https://qa-portal.example.org", "qa-portal.example.org"),
     ("https://veterans.dev.aks.cloud/x", "veterans.dev.aks.cloud"), ("https://x.aks.cloud", "x.aks.cloud"),
     ("https://site.local/", "site.local"), ("https://a.test", "a.test"),
     ("https://LOCALHOST.example.org", "localhost.example.org"), ("https://pre-prod.example.org", "pre-prod.example.org"),
     ("https://intranet.example.org", "intranet.example.org"), ("https://uat.x.ca", "uat.x.ca"), ("https://x.internal", "x.internal"),
     ("https://www.example", "www.example"), ("https://x.invalid", "x.invalid"), ("https://x.localhost", "x.localhost"),
     ("https://sandbox.x.org", "sandbox.x.org"), ("https://x.test/a/b", "x.test"), ("https://app.staging.ca/x", "app.staging.ca"), ("https://x-staging.y.org", "x-staging.y.org"), ("https://x-uat.y.org", "x-uat.y.org")],
)
def test_a_development_staging_or_test_host_is_not_public(address, host):
    assert ft.non_public_host(address) == host
    error = refused(ft._public_url, address)
    assert error.type == "non_public_host" and error.context["host"] == host


def test_a_numeric_host_is_not_public_and_not_an_address_a_reader_can_trust():
    assert ft.non_public_host("http://10.0.0.1:8080/x") == "10.0.0.1"
    assert kind(ft._public_url, "http://10.0.0.1:8080/x") == "url"


@pytest.mark.parametrize(
    "address",
    ["https://web.dev/", "https://www.rcmp.ca/en", "https://developer.mozilla.org", "https://testimony.example.org",
     "https://www.devon.gov.uk", "https://latest.example.org", "https://contest.ca", "https://www.un.org:443/x",
     "https://staging2prod.org", "https://x.org/dev/staging"],
)
def test_a_public_host_is_public(address):
    assert ft.non_public_host(address) is None
    assert ft._public_url(address) == address


@pytest.mark.parametrize("typed", ["info@rcmp-grc.gc.ca", "a.b+c%d_e-f@x-y.example.org", "  x@y.ca  "])
def test_an_email_address(typed):
    assert ft._email(typed) == typed.strip()


@pytest.mark.parametrize("typed", ["info", "info@", "@x.ca", "a@b", "a b@x.ca", "a@x.c", "a@x..ca", "a@-.ca.", "mailto:a@x.ca"])
def test_a_malformed_email_address_is_refused(typed):
    assert kind(ft._email, typed) == "email"


@pytest.mark.parametrize("typed", ["minustah", "un-haiti-2004", "a1", "2004"])
def test_an_identifier(typed):
    assert ft._identifier(typed) == typed


@pytest.mark.parametrize("typed", ["MINUSTAH", "un_haiti", "-x", "x-", "a--b", "a b", "", "é"])
def test_a_malformed_identifier_is_refused(typed):
    assert kind(ft._identifier, typed) == "id"


def test_a_language_code_is_a_two_letter_code_and_a_near_miss_gets_a_suggestion():
    assert ft._language_code("es") == "es"
    error = refused(ft._language_code, "Spanish")
    assert error.type == "language_code" and error.context == {"got": '"Spanish"', "suggestion": ' (did you mean "es"?)'}
    assert refused(ft._language_code, "ES").context["suggestion"] == ' (did you mean "es"?)'
    assert refused(ft._language_code, "qqqqqq").context["suggestion"] == ""
    assert refused(ft._language_code, "").context["suggestion"] == ""
    several = refused(ft._language_code, ["es", "fr"])
    assert (several.type, several.context) == ("language_code", {"got": "a list", "suggestion": ""})


# --- Dates ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "when"),
    [("2004", When(2004)), (2004, When(2004)), ("1900", When(1900)), ("2100", When(2100)), ("2025-03", When(2025, 3)),
     ("2025-12", When(2025, 12)), ("2025-01", When(2025, 1)), ("2004-06-01", When(2004, 6, 1)),
     ("2024-02-29", When(2024, 2, 29)), ("2100-12-31", When(2100, 12, 31)), ("1900-01-01", When(1900, 1, 1)),
     ("1900-01", When(1900, 1)), ("2100-12", When(2100, 12)), (date(2017, 10, 15), When(2017, 10, 15))],
)
def test_a_year_a_month_or_a_day(typed, when):
    assert parse_when(typed) == when


def test_a_when_is_given_back_as_it_is():
    when = When(2017, 3)
    assert parse_when(when) is when


@pytest.mark.parametrize(
    ("typed", "why"),
    [("1899", "year_range"), ("2101", "year_range"), ("1899-12-31", "year_range"), ("2101-01-01", "year_range"),
     ("1899-12", "year_range"), ("2101-01", "year_range"), ("2025-13", "impossible_date"), ("2025-00", "impossible_date"),
     ("2023-02-29", "impossible_date"), ("2025-04-31", "impossible_date"), ("2025-00-10", "impossible_date"),
     ("spring", "date"), ("2025-3", "date"), ("2025/03/01", "date"), ("", "date"), ("25-03-01", "date"),
     ("2025-03-01T10:00", "date"), ("20250", "date")],
)
def test_a_date_that_cannot_be_is_refused_saying_why(typed, why):
    error = refused(parse_when, typed)
    assert error.type == why
    assert error.context["got"] == (f'"{typed}"' if typed else "nothing")
    if why == "year_range":
        assert (error.context["low"], error.context["high"]) == (1900, 2100)


@pytest.mark.parametrize(
    ("when", "first", "last"),
    [(When(2017), date(2017, 1, 1), date(2017, 12, 31)), (When(2017, 3), date(2017, 3, 1), date(2017, 3, 31)),
     (When(2017, 12), date(2017, 12, 1), date(2017, 12, 31)), (When(2024, 2), date(2024, 2, 1), date(2024, 2, 29)),
     (When(2023, 2), date(2023, 2, 1), date(2023, 2, 28)), (When(2017, 4), date(2017, 4, 1), date(2017, 4, 30)),
     (When(2017, 11), date(2017, 11, 1), date(2017, 11, 30)), (When(2017, 10, 15), date(2017, 10, 15), date(2017, 10, 15))],
)
def test_the_first_and_last_day_a_date_may_mean(when, first, last):
    assert (when.first_day, when.last_day) == (first, last)


def test_what_kind_of_date_it_is_and_how_it_is_written():
    year, month, day = When(2004), When(2025, 3), When(2004, 6, 1)
    assert (year.is_year, year.is_month) == (True, False)
    assert (month.is_year, month.is_month) == (False, True)
    assert (day.is_year, day.is_month) == (False, False)
    assert (year.iso, month.iso, day.iso) == ("2004", "2025-03", "2004-06-01")
    assert (str(year), str(month), str(day)) == ("2004", "2025-03", "2004-06-01")
    assert (When(2009).decade, When(2010).decade, When(2019, 12, 31).decade) == (2000, 2010, 2010)


def test_dates_order_a_year_before_its_months_and_a_month_before_its_days():
    assert When(2017) < When(2017, 1) < When(2017, 1, 1) < When(2017, 1, 2) < When(2017, 2) < When(2018)


def test_a_full_date_only_where_a_day_is_asked_for():
    assert ft._day("2026-12-01") == date(2026, 12, 1)
    assert ft._day(" 2024-02-29 ") == date(2024, 2, 29)
    for typed in ("2026-12", "2026", "1 December 2026", ""):
        assert kind(ft._day, typed) == "full_date"
    assert kind(ft._day, "2026-02-30") == "impossible_date"
    assert kind(ft._day, "1899-12-31") == "year_range"


def test_a_message_shows_what_was_typed():
    assert refused(ft._count, "many").context == {"got": '"many"'}
    assert refused(ft._email, None).context == {"got": "nothing"}
    assert refused(ft._url, {"en": "x"}).context == {"got": "a group of fields"}
    assert refused(ft._identifier, "A\tB").context["got"] == '"A\\tB"'


@pytest.mark.parametrize(
    ("check", "why"),
    [(ft._year, "whole_number"), (ft._yes_no, "yes_no"), (ft._count, "whole_number"), (ft._email, "not_text"),
     (ft._identifier, "not_text"), (ft._day, "full_date"), (parse_when, "date")],
)  # fmt: skip
def test_a_list_where_one_value_is_asked_for_is_told_with_the_fields_own_message(check, why):
    assert refused(check, ["x"]).type == why
    assert refused(check, {"a": 1}).context["got"] == "a group of fields"


@pytest.mark.parametrize(
    ("check", "typed"),
    [(ft._yes_no, "maybe"), (ft._email, "info@"), (ft._identifier, "A B"), (ft._year, "1899"), (ft._url, "www.x.ca"),
     (ft._public_url, "https://dev.x.ca"), (parse_when, "spring"), (ft._day, "2026-12"), (ft._plain_text, "<b>x</b>"),
     (ft._count, "-3"), (ft._degrees(90), "91"), (ft._plain_text, "see [a](b)"), (ft._url, "javascript:x")],
)  # fmt: skip
def test_every_refusal_shows_the_editor_what_they_typed(check, typed):
    assert refused(check, typed).context["got"] == f'"{typed}"'


def test_a_refused_scheme_shows_the_address_trimmed():
    assert refused(ft._url, "  javascript:alert(1)  ").context == {"got": '"javascript:alert(1)"', "scheme": "javascript"}
