"""Official language parity: every page and every data text exists in both languages, and French
text is not an unnoticed copy of the English.

Why: under the Official Languages Act both versions must be equal. Pages are paired by page_id and
data texts need both en: and fr: (the build refuses otherwise; tested here by breaking a copy).
A French text identical to its English one passes those checks, so it is caught here, except for
the proper nouns, acronyms and shared words listed in tests/language_parity_allowlist.yaml.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import plainyaml
import pytest
from conftest import ROOT, run_build, run_check

ALLOWLIST = Path(__file__).with_name("language_parity_allowlist.yaml")
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def allowed_same_texts() -> set[str]:
    groups = plainyaml.read(ALLOWLIST)
    return {text for group in groups.values() for text in group}


def bilingual_texts(node, path=()):
    """Every {en: ..., fr: ...} pair of plain text in a YAML document, with where it is."""
    if isinstance(node, dict):
        if set(node) == {"en", "fr"} and all(isinstance(value, str) for value in node.values()):
            yield ".".join(path), node["en"], node["fr"]
            return
        for key, value in node.items():
            yield from bilingual_texts(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from bilingual_texts(value, (*path, str(index)))


def needs_translating(text: str) -> bool:
    """False for web addresses, emails and texts made only of placeholders, numbers and punctuation."""
    if re.fullmatch(r"\S+(://|@)\S+", text.strip()):
        return False
    return bool(re.search(r"[^\W\d_]", PLACEHOLDER.sub("", text)))


class Headings(HTMLParser):
    """The h1-h3 texts of a page and the address its language toggle leads to."""

    def __init__(self):
        super().__init__()
        self.headings: list[str] = []
        self.toggle: str | None = None
        self._depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "pk-language__link" in (attributes.get("class") or ""):
            self.toggle = attributes.get("href")
        if tag in ("h1", "h2", "h3"):
            self._depth, self._text = 1, []

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3") and self._depth:
            self.headings.append(" ".join("".join(self._text).split()))
            self._depth = 0

    def handle_data(self, data):
        if self._depth:
            self._text.append(data)


def read_headings(path: Path) -> Headings:
    parser = Headings()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# --- Every page and every text exists in both languages (enforced by the check and the build) ----

@pytest.mark.build
def test_a_page_without_its_french_counterpart_stops_the_check_and_the_build(workspace, tmp_path):
    (workspace / "content" / "fr" / "nous-joindre.md").unlink()
    checked = run_check(workspace)
    assert checked.returncode != 0
    assert "content/en/contact.md" in checked.stderr and "no French counterpart" in checked.stderr, checked.stderr
    built = run_build(workspace, tmp_path / "site")
    assert built.returncode != 0 and not (tmp_path / "site").exists()
    assert "no French counterpart" in built.stderr, built.stderr


def test_a_data_text_without_its_french_stops_the_check(workspace):
    interface = workspace / "data" / "interface.yaml"
    text = interface.read_text(encoding="utf-8")
    line = re.search(r"^  facts\.heading: \{en: ([^,]+), fr: [^}]+\}$", text, re.MULTILINE)
    assert line, "the test expects facts.heading in data/interface.yaml"
    interface.write_text(text.replace(line.group(0), f"  facts.heading: {{en: {line.group(1)}}}"), encoding="utf-8")
    checked = run_check(workspace)
    assert checked.returncode != 0
    assert "data/interface.yaml" in checked.stderr and "(fr:) is missing" in checked.stderr, checked.stderr


# --- French that is a copy of the English ----------------------------------------------------

def test_no_french_data_text_is_a_copy_of_the_english():
    allowed = allowed_same_texts()
    copies = []
    for path in sorted((ROOT / "data").glob("*.yaml")):
        document = plainyaml.read(path)
        for where, english, french in bilingual_texts(document):
            if english.strip() == french.strip() and needs_translating(english) and english.strip() not in allowed:
                copies.append(f"data/{path.name}: {where}: {english!r}")
    assert not copies, (
        "French text identical to the English; translate it, or add it to "
        f"{ALLOWLIST.relative_to(ROOT)} if it is right in both languages:\n" + "\n".join(copies)
    )


@pytest.mark.build
def test_no_heading_on_a_french_page_is_a_copy_of_the_english(built_site):
    allowed = allowed_same_texts()
    copies, pairs = [], 0
    for english_page in sorted(built_site.rglob("*.html")):
        if english_page.relative_to(built_site).parts[0] == "fr":
            continue
        english = read_headings(english_page)
        if not english.toggle:
            continue
        # The 404 page's toggle is path-absolute (/fr/): it is served at any address.
        base = built_site if english.toggle.startswith("/") else english_page.parent
        french_page = (base / english.toggle.lstrip("/") / "index.html").resolve()
        french = read_headings(french_page)
        pairs += 1
        for heading in set(english.headings) & set(french.headings):
            if needs_translating(heading) and heading not in allowed:
                copies.append(f"{french_page.relative_to(built_site)}: {heading!r}")
    assert pairs >= 10, "too few page pairs found to be believed"
    assert not copies, (
        "Heading on a French page identical to the English page's; translate it, or add it to "
        f"{ALLOWLIST.relative_to(ROOT)} if it is right in both languages:\n" + "\n".join(copies)
    )


def test_the_allowlist_holds_only_texts_that_are_the_same_in_both_languages_by_nature():
    """Long phrases are sentences, and a sentence is never rightly left in English on the French site."""
    too_long = [text for text in allowed_same_texts() if len(text.split()) > 3]
    assert not too_long, too_long
