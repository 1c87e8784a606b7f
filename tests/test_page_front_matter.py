"""Mistakes in a page's front matter get one placed, plain line each from `check`, like data mistakes."""
from __future__ import annotations

from conftest import edit, run_check


def line_of(path, start):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


def column_of(path, start, needle):
    """1-based column of ``needle`` on the line that starts with ``start``."""
    line = path.read_text(encoding="utf-8").splitlines()[line_of(path, start) - 1]
    return line.index(needle) + 1


def dated(page) -> str:
    """The page's date_modified line as it stands (it changes whenever the page does)."""
    return next(line for line in page.read_text(encoding="utf-8-sig").splitlines() if line.startswith("date_modified: "))


def test_front_matter_mistakes_are_reported_where_they_are(workspace):
    contact = workspace / "content" / "en" / "contact.md"
    how = workspace / "content" / "fr" / "fonctionnement.md"
    deployments = workspace / "content" / "fr" / "deploiements.md"
    edit(contact, dated(contact), "date_modified: 2026-13-29")
    edit(how, "title: Fonctionnement du programme", 'title: "Fonctionnement du programme')
    edit(deployments, "shows: [missions]", "shows: [mission]")

    result = run_check(workspace)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    assert lines == [
        f"content/en/contact.md:{line_of(contact, 'date_modified')}:{column_of(contact, 'date_modified', '2026')}: date_modified is not a real date: "
        '"2026-13-29" (check the month and the day)',
        f'content/fr/deploiements.md:{line_of(deployments, "shows")}:{column_of(deployments, "shows", "mission")}: shows must be one of missions, program, '
        'contacts, countries, partners, serving, people, got "mission"',
        f"content/fr/fonctionnement.md:{line_of(how, 'title')}:8: the quote that opens here is never closed; "
        "add the closing quote",
    ]


def test_a_page_without_page_id_is_named(workspace):
    page = workspace / "content" / "fr" / "nous-joindre.md"
    edit(page, "page_id: contact\n", "")
    result = run_check(workspace)
    assert result.returncode == 1
    assert "content/fr/nous-joindre.md:1:1: page_id is missing" in result.stderr


def test_files_saved_on_windows_with_a_byte_order_mark_are_read_like_any_other(workspace):
    """Notepad and some editors save UTF-8 with a byte-order mark and CRLF line endings: every page
    and every data file saved so is accepted, and a mistake in one is still placed on its line."""
    saved = sorted((workspace / "content").rglob("*.md")) + sorted((workspace / "data").glob("*.yaml"))
    for path in saved:
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run_check(workspace)
    assert result.returncode == 0, result.stderr
    assert "Data OK" in result.stdout

    contact = workspace / "content" / "en" / "contact.md"
    raw, before = contact.read_bytes(), dated(contact)
    contact.write_bytes(raw.replace(before.encode(), b"date_modified: 2026-13-29"))
    result = run_check(workspace)
    line = raw.decode("utf-8-sig").split("\r\n").index(before) + 1
    assert f"content/en/contact.md:{line}:16: date_modified is not a real date" in result.stderr, result.stderr
