"""Ready the site's tables for every screen width: each cell labelled, no word cut in two.

Why: on a phone a table of five or seven columns is wider than the screen. There, site.css lays
each row out as a block in which every value follows its column's header text, taken from this
attribute, while the markup stays a real table (screen readers still announce the headers). The
labels are read from each table's own ``<thead>``, so no template can forget one or give a wrong
one, and a column renamed in data/interface.yaml is renamed in both layouts. Cells spanning several
columns get no label; rows below a cell that spans several rows are counted as the HTML table
model counts them.

And no word in a table may be cut across two lines. CSS keeps words whole, but a browser may still
break after a hyphen or a dash ("Bosnie-|Herzégovine", "2006–|2011") when a column is narrow; so
each word with one inside is wrapped in ``<span class="pk-word">``, which site.css keeps on one
line. The text itself is unchanged (search and copying still find "Bosnie-Herzégovine").
"""
from __future__ import annotations

import re
from html import escape, unescape

TABLE = re.compile(r'(<table class="pk-table[^"]*"[^>]*>)(.*?)(</table>)', re.DOTALL)
HEAD = re.compile(r"<thead>(.*?)</thead>", re.DOTALL)
HEADER_CELL = re.compile(r"<th\b([^>]*)>(.*?)</th>", re.DOTALL)
# The tags that matter for counting columns, in document order.
TAG = re.compile(r"<(tbody|tfoot|tr|td|th)\b([^>]*)>")
SPAN = {"colspan": re.compile(r'\bcolspan="(\d+)"'), "rowspan": re.compile(r'\browspan="(\d+)"')}
MARKUP = re.compile(r"<[^>]+>")
# A run of non-space characters with a hyphen or dash between two of its letters or digits.
JOINED_WORD = re.compile(r"[^\s<>]*\w[-\u2010\u2013\u2014]\w[^\s<>]*")


def prepare_tables(html: str) -> str:
    """``html`` with, in our tables, ``data-label="<header text>"`` on each ``<td>`` below the header
    and every hyphenated word kept whole."""
    return TABLE.sub(lambda table: table.group(1) + _whole_words(_label(table.group(2))) + table.group(3), html)


def _whole_words(inside: str) -> str:
    """Wrap hyphenated words of the text (never of tags or attributes) in a span kept on one line."""
    parts = re.split(r"(<[^>]*>)", inside)
    def kept_whole(word: re.Match[str]) -> str:
        return f'<span class="pk-word">{word.group(0)}</span>'

    return "".join(part if part.startswith("<") else JOINED_WORD.sub(kept_whole, part) for part in parts)


def _label(inside: str) -> str:
    head = HEAD.search(inside)
    if not head:
        return inside
    headers: list[str] = []
    for attributes, content in HEADER_CELL.findall(head.group(1)):
        headers += [_text(content)] * _span(attributes, "colspan")
    body_start = head.end()
    pieces = [inside[:body_start]]
    position = body_start
    taken: dict[int, int] = {}  # column -> rows still covered by a cell above that spans rows
    column = 0
    for tag in TAG.finditer(inside, body_start):
        name, attributes = tag.group(1), tag.group(2)
        if name in ("tbody", "tfoot"):
            taken = {}
            continue
        if name == "tr":
            taken = {col: rows - 1 for col, rows in taken.items() if rows > 1}
            column = 0
            continue
        while taken.get(column, 0) > 0:
            column += 1
        columns, rows = _span(attributes, "colspan"), _span(attributes, "rowspan")
        for covered in range(column, column + columns):
            if rows > 1:
                taken[covered] = rows
        if name == "td" and columns == 1 and column < len(headers) and "data-label=" not in attributes:
            pieces.append(inside[position : tag.end(2)])
            pieces.append(f' data-label="{escape(headers[column])}"')
            position = tag.end(2)
        column += columns
    pieces.append(inside[position:])
    return "".join(pieces)


def _span(attributes: str, which: str) -> int:
    found = SPAN[which].search(attributes)
    return int(found.group(1)) if found else 1


def _text(content: str) -> str:
    return " ".join(unescape(MARKUP.sub(" ", content)).split())
