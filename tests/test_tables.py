"""peaceops/outputs/tables.py: each table cell gets its own column's header as data-label (rows under a
cell spanning rows counted right), and hyphenated words in tables are kept whole.

Why: on phones site.css shows that label before each value; a label off by one column would tell
the reader that "United Nations" is the number of officers deployed.
"""
from __future__ import annotations

import re

from peaceops.outputs.tables import prepare_tables

TABLE = """<p>Bosnia-Herzegovina outside a table stays as it is.</p>
<table class="pk-table" data-table="t"><caption>Deployments</caption>
<thead><tr><th scope="col">Country</th><th scope="col">Mission</th><th scope="col">Led <em>by</em></th><th scope="col">Officers &amp; staff</th></tr></thead>
<tbody>
<tr><th scope="rowgroup" rowspan="2"><a href="x/">Bosnie-Herzégovine</a></th><td>EUPM</td><td>European Union</td><td data-fact="d">5</td></tr>
<tr><td>UNMIBH</td><td>United Nations</td><td>15 (2006–2011)</td></tr>
</tbody>
<tbody>
<tr><th scope="rowgroup">Haiti</th><td>MINUSTAH</td><td>United Nations</td><td>131</td></tr>
</tbody>
<tfoot><tr><th scope="row" colspan="3">Total</th><td>151</td></tr></tfoot>
</table>"""


def _labels(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<td[^>]*data-label="([^"]*)"[^>]*>(.*?)</td>', html)


def test_each_cell_gets_its_own_columns_header_rows_under_a_rowspan_included():
    labels = _labels(prepare_tables(TABLE))
    assert labels == [
        ("Mission", "EUPM"), ("Led by", "European Union"), ("Officers &amp; staff", "5"),
        ("Mission", "UNMIBH"), ("Led by", "United Nations"),
        ("Officers &amp; staff", '15 <span class="pk-word">(2006–2011)</span>'),
        ("Mission", "MINUSTAH"), ("Led by", "United Nations"), ("Officers &amp; staff", "131"),
        ("Officers &amp; staff", "151"),
    ]


def test_header_cells_and_cells_spanning_columns_get_no_label():
    html = prepare_tables(TABLE)
    assert "<th" in html and not re.search(r"<th[^>]*data-label", html)
    assert '<td data-fact="d" data-label="Officers &amp; staff">5</td>' in html


def test_hyphenated_words_in_tables_are_kept_whole_and_their_text_unchanged():
    html = prepare_tables(TABLE)
    assert '<a href="x/"><span class="pk-word">Bosnie-Herzégovine</span></a>' in html
    assert "<p>Bosnia-Herzegovina outside a table stays as it is.</p>" in html
    assert 'data-table="t"' in html and 'scope="rowgroup"' in html  # attributes untouched
    assert re.sub(r"<[^>]+>", "", html) == re.sub(r"<[^>]+>", "", TABLE)


def test_a_label_already_written_and_other_tables_are_left_alone():
    written = TABLE.replace("<td>MINUSTAH</td>", '<td data-label="Own">MINUSTAH</td>')
    assert ("Own", "MINUSTAH") in _labels(prepare_tables(written))
    plain = TABLE.replace('class="pk-table"', 'class="other"')
    assert prepare_tables(plain) == plain
