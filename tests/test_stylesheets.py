"""Our stylesheets merged into one: order kept, print styles still print-only, name from content.

Why: the merged file replaces four render-blocking requests (peaceops/outputs/stylesheets.py); a wrong
order would change which rule wins, and an unwrapped print.css would hide the header on screen.
"""
from __future__ import annotations

from peaceops.outputs.stylesheets import merge


def test_order_is_kept_and_print_styles_apply_only_on_paper():
    _name, css = merge([("assets/a.css", b".a { color: red; }"), ("assets/print.css", b".md-header { display: none; }"),
                       ("assets/b.css", b".a { color: blue; }")])
    text = css.decode()
    assert text.index("color: red") < text.index("@media print {") < text.index(".md-header") < text.index("color: blue")
    assert text[text.index("@media print {"):text.index("color: blue")].count("}") == 2  # closed before b.css


def test_the_name_changes_with_the_content_and_only_with_it():
    first, _ = merge([("assets/a.css", b".a { color: red; }")])
    again, _ = merge([("assets/a.css", b".a { color: red; }")])
    changed, _ = merge([("assets/a.css", b".a { color: blue; }")])
    assert first == again != changed
    assert first.startswith("assets/site.") and first.endswith(".css")


def test_comments_are_left_out_of_the_served_file_and_every_rule_kept():
    _, css = merge([("assets/a.css", b"/* why a is red,\n   over two lines */\n.a { color: red; }  /* note */\n\n.b::before { content: attr(data-label) / \"\"; }")])
    text = css.decode()
    assert "why a is red" not in text and "note" not in text
    assert ".a { color: red; }" in text and '.b::before { content: attr(data-label) / ""; }' in text

