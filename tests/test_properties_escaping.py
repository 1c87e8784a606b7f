"""Properties of the escaping of untrusted text into HTML, attributes, XML and CSV: any text at all.

Why: every value in data/ reaches a page, an attribute, the feed and the open data's CSV, which the
public opens in a spreadsheet. tests/test_hostile_data.py builds the site from a fixed set of
hostile values; here Hypothesis draws texts from every character class (and, for CSV, every formula
start after whatever a spreadsheet skips) and checks each escape against what its reader does:

- HTML and attributes (``pages.inert.html_text``): the text a browser reads back is the value, line
  breaks as spaces; nothing in it is markup, an attribute's end or a Markdown mark, and no line
  begins a Markdown block;
- XML (the feed, the sitemap): any text the data accepts (``fieldtypes.PlainText``) is written and
  read back by an XML parser unchanged (XML folds a carriage return into a line break);
- CSV (``opentables.Table.csv_bytes``): read back as a spreadsheet reads a cell, no cell starts a
  formula unless it starts with the apostrophe that makes it text; the apostrophe is the only
  change, and a number stays a number.
"""
from __future__ import annotations

import csv
import html
import io
import re
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup
from pydantic import TypeAdapter, ValidationError

from peaceops.outputs.opentables import BOM, Table, TableColumn, inert
from peaceops.pages.inert import html_text
from peaceops.pages.localize import Localizer
from peaceops.pages.typography import french
from peaceops.source.fieldtypes import PlainText
from peaceops.source.model import Text

# Characters that mean something to HTML, Markdown or a spreadsheet, spaces and line breaks of every
# kind, and letters: drawn far more often than st.text() alone would draw them.
SPECIAL = "<>&\"'=+-@#*_`[](){}~|\\!.:;0123456789 \t\r\n\u00a0\u2028\u2029\x0b\x0c\x85\uff1d\uff0b\uff0d\uff20é«»"
# No lone surrogate: the data refuses them at their line (fieldtypes, "control_character"), and no
# file can hold one.
CHARACTERS = st.characters(exclude_categories=("Cs",))
TEXTS = st.one_of(
    st.text(CHARACTERS), st.text(alphabet=SPECIAL), st.text(alphabet=st.sampled_from(SPECIAL) | CHARACTERS)
)
# A value that begins with what would make its line a heading, quote, list item or underline.
LINE_STARTS = st.builds(
    lambda space, mark, rest: space + mark + rest,
    st.sampled_from(["", " ", "   ", "\t", "\u00a0"]),
    st.sampled_from(["#", ">", "+", "=", "-", "*", "1.", "12)", "3"]),
    st.text(alphabet=SPECIAL),
)

# --- HTML and attributes --------------------------------------------------------------------------------
LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")  # what a reader sees as a line break, shown as one space
CHARACTER_REFERENCE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
MARKDOWN_MARKS = set("[]*_`\\{}~|")
BLOCK_START = re.compile(r"^\s*(?:[#>+=-]|\d+[.)])")


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


@given(st.one_of(TEXTS, LINE_STARTS))
def test_a_value_reads_back_as_itself_in_html_and_holds_no_markup_or_markdown_mark(value):
    written = str(html_text(value))
    assert html.unescape(written) == LINE_BREAKS.sub(" ", value)
    bare = CHARACTER_REFERENCE.sub("x", written)  # a reference stands for one character, never a mark
    assert not set(bare) & (set("<>\"'&") | MARKDOWN_MARKS), written
    assert not LINE_BREAKS.search(bare)
    assert not BLOCK_START.match(bare), written


@given(TEXTS)
def test_a_value_stays_inside_its_attribute_in_either_quotes(value):
    written = str(html_text(value))
    for quote in "\"'":
        parser = _Attributes()
        parser.feed(f"<p title={quote}{written}{quote} lang=en>")
        parser.close()
        assert parser.found == [("p", [("title", LINE_BREAKS.sub(" ", value)), ("lang", "en")])]


# --- XML ------------------------------------------------------------------------------------------------
ACCEPTED = TypeAdapter(PlainText)


@given(TEXTS)
def test_any_text_the_data_accepts_is_written_and_read_back_by_an_xml_parser(value):
    try:
        text = ACCEPTED.validate_python(value)
    except ValidationError:
        return  # refused at its line, with a message (tests/test_validation.py)
    entry = ET.Element("title", {"type": "text", "label": text})
    entry.text = text
    written = ET.tostring(entry, encoding="utf-8", xml_declaration=True)
    read = ET.fromstring(written)
    line_ends = re.compile(r"\r\n?")
    assert read.text == line_ends.sub("\n", text)  # XML 1.0 folds CR LF and CR into LF
    assert read.get("label") == text.replace("\r", " ").replace("\n", " ").replace("\t", " ") or read.get("label") == text


# --- CSV, as a spreadsheet opens it -----------------------------------------------------------------------
# The spreadsheet's view, the tests' own: a cell is a formula when, after the spaces and double quotes
# a spreadsheet may skip, it begins with one of these (OWASP's list, and the fullwidth forms some
# spreadsheets read as the same); a cell that begins with an apostrophe is shown as text.
FORMULA = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
SKIPPED = re.compile(r'^[\s"]*')


def runs_as_formula(cell: str) -> bool:
    if cell.startswith("'"):
        return False
    return cell.startswith(FORMULA) or cell[SKIPPED.match(cell).end() :].startswith(FORMULA)


FORMULA_LIKE = st.builds(
    lambda skipped, start, rest: skipped + start + rest,
    st.sampled_from(["", " ", "   ", '"', ' "', '" ', "\u00a0", "\t", "\r\n"]),
    st.sampled_from(FORMULA),
    st.text(CHARACTERS),
)


def _spreadsheet_cells(values: list) -> list[str]:
    column = TableColumn("value", {"type": "string"}, lambda row: row)
    data = Table("drawn", "drawn.csv", (column,), values).csv_bytes().decode("utf-8")
    assert data.startswith(BOM)
    rows = list(csv.reader(io.StringIO(data[len(BOM) :], newline="")))
    assert rows[0] == ["value"]
    return [row[0] for row in rows[1:]]


@given(st.lists(st.one_of(FORMULA_LIKE, TEXTS), min_size=1, max_size=5))
def test_no_csv_cell_runs_as_a_formula_and_the_apostrophe_is_the_only_change(values):
    for value, cell in zip(values, _spreadsheet_cells(values), strict=True):
        assert not runs_as_formula(cell), (value, cell)
        assert cell in (value, "'" + value)
        assert (cell != value) == runs_as_formula(value)  # nothing guarded that needed no guard


@given(st.integers())
def test_a_number_stays_a_number_in_csv_negative_or_not(number):
    assert _spreadsheet_cells([number]) == [str(number)]


@pytest.mark.parametrize("start", FORMULA)
def test_each_formula_start_is_guarded_at_the_start_and_after_spaces_and_quotes(start):
    """Each start named once, so that a guard missing one fails here by name, not only by chance."""
    skips = ("",) if start.isspace() else ("", " ", '"', ' " ', "\u00a0")  # a tab or CR is itself skipped
    for skipped in skips:
        value = f"{skipped}{start}HYPERLINK(\"https://example.invalid\")"
        assert _spreadsheet_cells([value]) == ["'" + value]


@given(TEXTS)
def test_an_interface_text_keeps_a_value_already_html_and_escapes_any_other(value):
    """t_html: a value marked up by the code (a title in another language, in its <span lang>) goes in
    as it is; a plain value is escaped like any other (never twice)."""
    interface = {"k": Text(en="See {a} and {b}.", fr="Voir {a} et {b}.")}
    marked = Markup('<span lang="fr">{}</span>').format(value)
    written = str(Localizer("en", interface).t_html("k", a=marked, b=value))
    assert written == f"See {marked} and {html_text(value)}."
    # On a French page a plain value gets French typography, like the words around it.
    written = str(Localizer("fr", interface).t_html("k", a=marked, b=value))
    assert written == f"Voir {marked} et {html_text(french(value))}."


def test_an_empty_value_is_an_empty_cell_and_a_yes_or_no_is_true_or_false():
    """The Table Schema's missingValues ("") and trueValues/falseValues ("true", "false")."""
    assert _spreadsheet_cells([None, True, False, 0]) == ["", "true", "false", "0"]


@given(st.lists(st.one_of(FORMULA_LIKE, TEXTS), max_size=4))
def test_each_item_of_a_list_is_guarded_like_a_cell(values):
    """A list (roles, sources) goes to the JSON with the same guard as each of its CSV cells."""
    assert inert(values) == [("'" + v) if runs_as_formula(v) else v for v in values]
