"""French typography on every French page: a no-break space before the colon and inside « », and
nothing before ; ! ? (Canadian usage, per the federal Guide du rédacteur).

Why: editors type ordinary spaces, or none ("(GRC):"); a French reader sees a colon or a guillemet
wrapped alone onto the next line. The site writes the right spaces (peaceops/pages/typography.py); this
test reads every built French page with its own parser, as a reader sees it: the visible text and
the texts read aloud or shown (title, aria-label, alt, placeholder, meta content, the search texts).
"""
from __future__ import annotations

import itertools
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from peaceops.pages.localize import Localizer
from peaceops.pages.typography import _MAY_CHANGE, french, french_html

NO_BREAK = "\u00a0\u202f"
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
FAULTS = {
    "colon without a no-break space before it": re.compile(rf"(?<![{NO_BREAK}\d/:]):(?=\s|$)"),
    "a date after de/à/depuis/en without its article": re.compile(
        rf"(?<![\w'’])(?:[Dd]e|[Àà]|[Dd]epuis|[Ee]n|jusqu['’]en)[ {NO_BREAK}]+\d{{1,2}}(?:er)?[ {NO_BREAK}]+(?:{MONTHS})\b"
    ),
    "de before a month that starts with a vowel": re.compile(rf"(?<![\w'’])[Dd]e[ {NO_BREAK}]+(?:avril|août|octobre)\b"),
    "the first of the month without er": re.compile(rf"(?<![\w,.])1[ {NO_BREAK}]+(?:{MONTHS})\b"),
    "« without a no-break space after it": re.compile(rf"«(?![{NO_BREAK}])"),
    "» without a no-break space before it": re.compile(rf"(?<![{NO_BREAK}])»"),
    "a space before ; ! or ?": re.compile(rf"[ {NO_BREAK}][;!?]"),
}
READ_ATTRIBUTES = {"title", "aria-label", "alt", "placeholder"}
SKIPPED = {"script", "style", "code", "pre", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "h1", "h2", "h3", "h4", "div", "section",
          "nav", "header", "footer", "main", "article", "caption", "figcaption", "title", "option", "form"}


class FrenchText(HTMLParser):
    """The French text of a page: what it shows and reads aloud, outside code and other languages."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._current: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        other = a.get("lang") not in (None, "") and not a["lang"].startswith("fr")
        if not self._skip and not other:
            for name, value in attrs:
                if value and (name in READ_ATTRIBUTES or name.startswith("data-pk-")
                              or (tag == "meta" and name == "content" and (a.get("name") == "description" or "og:" in (a.get("property") or "")))):
                    self.texts.append(value)
        if tag in BLOCKS:
            self._flush()
        if tag in VOID:
            return
        if (self._skip and tag == self._skip[-1]) or (not self._skip and (tag in SKIPPED or other)):
            self._skip.append(tag)

    def handle_endtag(self, tag):
        if self._skip and tag == self._skip[-1]:
            self._skip.pop()
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._current.append(data)

    def _flush(self):
        text = "".join(self._current).strip(" \t\r\n")  # not str.strip(): it would drop no-break spaces
        if text:
            self.texts.append(text)
        self._current = []

    def close(self):
        super().close()
        self._flush()


def faults_in(text: str) -> list[str]:
    found = []
    for name, pattern in FAULTS.items():
        for match in pattern.finditer(text):
            context = text[max(0, match.start() - 30): match.end() + 20].replace("\u00a0", "⍽").replace("\u202f", "⍽")
            found.append(f"{name}: …{context}…")
    return found


def page_faults(html: str) -> list[str]:
    parser = FrenchText()
    parser.feed(html)
    parser.close()
    return [fault for text in parser.texts for fault in faults_in(text)]


@pytest.mark.build
def test_every_french_page_has_french_typography(built_site):
    pages = sorted((built_site / "fr").rglob("*.html"))
    assert len(pages) > 15
    problems = []
    for page in pages:
        problems += [f"{page.relative_to(built_site)}: {fault}" for fault in page_faults(page.read_text(encoding="utf-8"))]
    assert not problems, f"{len(problems)} typography faults on French pages:\n" + "\n".join(problems[:40])


@pytest.mark.build
def test_the_french_feed_has_french_typography(built_site):
    root = ET.parse(built_site / "fr" / "feed.xml").getroot()
    texts = [element.text for element in root.iter() if element.text and element.text.strip()
             and not element.tag.endswith(("id", "updated", "published", "uri"))]
    problems = [fault for text in texts for fault in faults_in(text)]
    assert not problems, problems


def test_the_scanner_finds_each_kind_of_fault():
    html = ('<html lang="fr"><body><p>Date : 2024</p><p>(GRC): texte</p><p>« oui »</p><p>Quoi ?</p>'
            '<a title="Voir :" href="x">lien</a><p lang="en">English: fine</p><code>a : b</code></body></html>')
    kinds = [fault.split(":")[0] for fault in page_faults(html)]
    assert kinds.count("colon without a no-break space before it") == 3  # "Date :", "(GRC):", title
    assert "« without a no-break space after it" in kinds and "» without a no-break space before it" in kinds
    assert "a space before ; ! or ?" in kinds
    assert page_faults(french_html(html)) == []


@pytest.mark.parametrize(
    "typed, written",
    [
        ("Date de modification :", "Date de modification\u00a0:"),
        ("(GRC): A financé", "(GRC)\u00a0: A financé"),
        ("« bonjour »", "«\u00a0bonjour\u00a0»"),
        ("«bonjour»", "«\u00a0bonjour\u00a0»"),
        ("Quoi ? Oui ! non ; peut-être", "Quoi? Oui! non; peut-être"),
        ("https://grc.ca/fr, 13:45", "https://grc.ca/fr, 13:45"),  # addresses and times are not prose
        ("Note\u00a0: «\u00a0déjà\u00a0»", "Note\u00a0: «\u00a0déjà\u00a0»"),  # already right: unchanged
    ],
)
def test_french_spaces_are_written_for_the_editor(typed, written):
    assert french(typed) == written
    assert french(written) == written


@pytest.mark.parametrize(
    "typed, written",
    [
        ("de 2004 à 15 octobre 2017", "de 2004 au 15 octobre 2017"),
        ("à partir de 16 octobre 2017", "à partir du 16 octobre 2017"),
        ("depuis 1 mars 2021", "depuis le 1er mars 2021"),
        ("jusqu'en 9 juillet 2011; jusqu'en 2017", "jusqu'au 9 juillet 2011; jusqu'en 2017"),
        ("De 3 mai 2010 à 2012", "Du 3 mai 2010 à 2012"),
        ("de avril 2019 à août 2020", "d'avril 2019 à août 2020"),
        ("à partir de octobre 2017", "à partir d'octobre 2017"),
        ("plus de 1 000 policiers à 12 postes", "plus de 1 000 policiers à 12 postes"),  # not dates
        ("du 16 octobre 2017 au 1er mars 2018", "du 16 octobre 2017 au 1er mars 2018"),  # already right
    ],
)
def test_french_dates_get_their_article(typed, written):
    assert french(typed) == written
    assert french(written) == written


def test_french_html_leaves_code_scripts_and_english_passages_alone():
    html = ('<p title="Voir :">A : b <a lang="en" href="x">Note : <b>x</b></a> (GRC): c</p>'
            '<script type="application/ld+json">{"a": "b"}</script><code>a : b</code>')
    assert french_html(html) == (
        '<p title="Voir\u00a0:">A\u00a0: b <a lang="en" href="x">Note : <b>x</b></a> (GRC)\u00a0: c</p>'
        '<script type="application/ld+json">{"a": "b"}</script><code>a : b</code>'
    )


# Pieces of French text that the rules act on, or nearly: marks, days, months, "de", spaces of each kind.
PIECES = [":", ";", "!", "?", "«", "»", "&nbsp;", " ", "\u00a0", "\u202f", "\t", "1", "15", "1er", "de", "De", "à",
          "depuis", "jusqu'en", "mars", "avril", "août", "octobre", "mai", "x", "(GRC)", "\n"]


def test_every_text_the_rules_change_is_found_by_the_page_search():
    """french_html looks at a page's texts only where one of _MAY_CHANGE finds something: every text
    a rule changes must be found, or a rule added without its search would be skipped on pages."""
    changed = 0
    for length in range(1, 4):
        for pieces in itertools.product(PIECES, repeat=length):
            text = "".join(pieces)
            if french(text) != text:
                changed += 1
                assert any(pattern.search(text) for pattern in _MAY_CHANGE), repr(text)
    assert changed > 1_000


def test_french_html_typesets_every_text_between_tags_as_french_does():
    texts = ["".join(pieces) for pieces in itertools.product([*PIECES[:14], "mars", "de"], repeat=3)]
    tags = ["<p>", "</p>", "<br>", '<a href="https://example.invalid/a:b">', "</a>", "<!-- : -->"]
    html = "".join(text + tags[number % len(tags)] for number, text in enumerate(texts))
    expected = "".join(french(text) + tags[number % len(tags)] for number, text in enumerate(texts))
    assert french_html(html) == expected


def test_the_french_interface_texts_get_french_typography_english_ones_do_not():
    interface = {"label": {"en": "Date modified:", "fr": "Date de modification :"}}
    assert Localizer("fr", interface).t("label") == "Date de modification\u00a0:"
    assert Localizer("en", interface).t("label") == "Date modified:"


def test_long_runs_of_spaces_and_punctuation_do_not_hang_the_typography():
    """Each pattern is tried only where a run of spaces begins: a run of 200,000 spaces (or of
    punctuation) takes one reading, not one per space. The timeout is a guard against a hang (the
    old patterns took hours on this), not a measure of speed."""
    program = (
        "from peaceops.pages.typography import french, french_html\n"
        "n = 200_000\n"
        "for text in (' ' * n, ' ' * n + 'x', '\\t ' * n + ';', 'a' + ' ' * n + '!', '\\u00a0' * n + 'x', "
        "':' * n, ' :' * n, '« ' * n, ' »' * n, '!?;' * n, '<' * n, '<p>' + ' ' * n + '</p>', "
        "'< ' * n, '<' + ' ' * n + 'code', '1 ' * n, 'de ' * n, 'lang' * n):\n"
        "    french(text); french_html(text)\n"
        "print('done')\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "done", result.stderr
