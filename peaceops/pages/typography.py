"""French typography, applied to every French text the site writes: interface texts, data, pages.

Why: the federal *Guide du rédacteur* asks for a no-break space before the colon and inside
guillemets (« ainsi »), and Canadian usage puts no space before ; ! ?. Editors type ordinary spaces,
or none ("(GRC):"), and a line break must never leave a colon or a guillemet alone at the start
of a line. Rather than ask every editor to type invisible characters, the site writes them: the
French Localizer passes every text through ``french``, and the French build passes every page
through ``french_html`` (visible text and the attributes read aloud or shown: title, aria-label,
alt, placeholder, meta content, and the search form's texts). Code, scripts and passages marked
in another language (lang="en") are left as they are.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

NBSP = "\u00a0"
_SPACES = " \t\u00a0\u202f"

# A pattern that starts with a run of spaces is tried only where the run begins (the look-behind):
# tried at every space of a long run instead, each try reads the rest of the run, and a text of
# 100,000 spaces took minutes (the time grows with the square of the run's length).
_BEFORE_COLON = re.compile(r"(?<![ \t])[ \t]+:(?=[\s<]|$)")  # "texte :" with an ordinary space
_NO_SPACE_COLON = re.compile(r"(?<=[^\s\u00a0\u202f\d/:>])(:)(?=[ \t\n\u00a0]|$)")  # "(GRC): texte"
_OPEN_GUILLEMET = re.compile(r"«[ \t]*(?![\u00a0\u202f])")
_CLOSE_GUILLEMET = re.compile(r"(?<![ \t\u00a0\u202f])[ \t\u00a0\u202f]*»")
_BEFORE_PUNCT = re.compile(r"(?<![ \t\u00a0\u202f])[ \t\u00a0\u202f]+(?=[;!?])")
_BEFORE_PUNCT_ENTITY = re.compile(r"&nbsp;(?=[;!?])|&#160;(?=[;!?])")

# A date in words after a preposition takes its article in French: "du 16 octobre 2017", "au 15 octobre",
# "depuis le 1er mars", "jusqu'au 9 juillet", never "de 16 octobre" or "à 15 octobre" (an interface text
# such as "de {start} à {end}" is filled with a year as often as with a day). The first of the month is
# "1er". The pattern starts only at a word, and each repetition is bounded, so no text can make it slow.
_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_DAY = rf"(?P<day>[1-9]|[12]\d|3[01])(?P<er>er)?(?P<space>[ \u00a0\u202f]{{1,3}})(?=(?:{_MONTHS})\b)"
_PREPOSITION_DAY = re.compile(
    rf"(?<![\w'’])(?P<word>[Dd]e|[Àà]|[Dd]epuis|[Ee]n|[Ee]ntre|[Ee]t|[Jj]usqu['’]en)(?P<gap>[ \u00a0]{{1,3}}){_DAY}"
)
_FIRST_OF_MONTH = re.compile(rf"(?<![\w,.])1(?P<space>[ \u00a0\u202f]{{1,3}})(?=(?:{_MONTHS})\b)")
# "de" before a month that starts with a vowel is elided: "d'avril 2019", "d'octobre 2017".
_DE_VOWEL_MONTH = re.compile(r"(?<![\w'’])(?P<d>[Dd])e(?P<gap>[ \u00a0]{1,3})(?=(?:avril|août|octobre)\b)")
_WITH_ARTICLE = {
    "de": "du", "à": "au", "depuis": "depuis le", "en": "le", "entre": "entre le", "et": "et le",
    "jusqu'en": "jusqu'au", "jusqu’en": "jusqu’au",
}


def _article(match: re.Match[str]) -> str:
    word = match.group("word")
    replaced = _WITH_ARTICLE[word.lower()]
    if word[0].isupper():
        replaced = replaced[0].upper() + replaced[1:]
    return f"{replaced}{match.group('gap')}{match.group('day')}{match.group('er') or ''}{match.group('space')}"


def french_dates(text: str) -> str:
    """``"de 2004 à 15 octobre 2017"`` -> ``"de 2004 au 15 octobre 2017"``; ``"1 mars"`` -> ``"1er mars"``;
    ``"de avril 2019"`` -> ``"d'avril 2019"``."""
    text = _PREPOSITION_DAY.sub(_article, text)
    text = _DE_VOWEL_MONTH.sub(lambda m: m.group("d") + "'", text)
    return _FIRST_OF_MONTH.sub(lambda m: "1er" + m.group("space"), text)


# Every rule above needs one of these characters or a month's name; most texts have none and are
# returned at once (issue 21: a French page at a thousand operations passes tens of thousands of texts
# through here).
_TOUCHED = re.compile(rf"[:«»;!?]|{_MONTHS}")


# What a text must hold for any rule above to change it: a mark they space, a day before a month,
# or "de" before a month it elides to. french_html looks for these in a whole page at once, each on
# its own (one expression for all of them tries each at every character); a rule added above must
# be found by one of them (tests/test_french_typography.py checks it on many texts).
_MAY_CHANGE = (
    re.compile(r"[:«»;!?]"),
    re.compile(rf"\d(?:er)?[ \u00a0\u202f]{{1,3}}(?:{_MONTHS})"),
    re.compile(r"[Dd]e[ \u00a0]{1,3}(?:avril|août|octobre)"),
)


def french(text: str) -> str:
    """``"Note: « oui » !"`` -> ``"Note\u00a0: «\u00a0oui\u00a0»!"``, and dates with their article
    (``french_dates``). Idempotent."""
    if not text or not _TOUCHED.search(text):
        return text
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _NO_SPACE_COLON.sub(NBSP + ":", text)
    text = _OPEN_GUILLEMET.sub("«" + NBSP, text)
    text = _CLOSE_GUILLEMET.sub(_close_guillemet, text)
    text = _BEFORE_PUNCT.sub("", text)
    text = _BEFORE_PUNCT_ENTITY.sub("", text)
    return french_dates(text)


def _close_guillemet(found: re.Match[str]) -> str:
    """One no-break space before », kept as typed when it is already one (thin or not)."""
    spaces = found.group(0)[:-1]
    return found.group(0) if spaces in (NBSP, "\u202f") else NBSP + "»"


# HTML split into the text between tags and the tags (and comments) themselves.
# [^<>]: a try that meets another < stops there (a text of 100,000 "<" is read once, not once per "<").
_TOKENS = re.compile(r"(<!--.*?-->|<![^<>]*>|<[^<>]+>)", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_LANG = re.compile(r"""\slang\s*=\s*["']?([a-zA-Z-]+)""")
_ATTRIBUTE = re.compile(
    r"""(\s(?:title|aria-label|alt|placeholder|content|data-pk-[a-z-]+)\s*=\s*)("[^"]*"|'[^']*')"""
)
_RAW = {"script", "style", "pre", "code", "textarea"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Where an element whose content is left alone may begin: a tag named as one of _RAW, or a lang attribute.
_MAY_SKIP = (re.compile(r"<\s*(?i:" + "|".join(sorted(_RAW)) + ")"), re.compile("lang"))


def french_html(html: str) -> str:
    """``french`` on the visible text and read-aloud attributes of a French page's HTML.

    Why it looks only where something can change: a page is tens of thousands of tags and texts, and
    a few hundred of them hold a character French typography changes (or begin an element left
    alone). Those are found in the whole page at once; the rest is never looked at one by one."""
    parts = _TOKENS.split(html)  # text, tag, text, tag, ..., text
    starts = [0, *accumulate(map(len, parts))]

    def part_at(position: int) -> int:
        return bisect_right(starts, position) - 1

    touched = {part_at(found.start()) for pattern in _MAY_CHANGE for found in pattern.finditer(html)}
    may_skip = {part_at(found.start()) for pattern in _MAY_SKIP for found in pattern.finditer(html)}
    left_alone_up_to = -1  # the part that closes the element left alone (code, or another language)
    for index in sorted(touched | may_skip):
        if index <= left_alone_up_to:
            continue
        part = parts[index]
        if index % 2 == 0:  # a text
            if index in touched:
                parts[index] = french(part)
            continue
        named = _TAG_NAME.match(part)
        if named is None or part.startswith("</"):
            continue  # a comment or doctype; a closing tag outside an element left alone
        name = named.group(1).lower()
        lang = _LANG.search(part)
        other_language = lang is not None and not lang.group(1).lower().startswith("fr")
        if index in touched and not other_language:
            part = parts[index] = _ATTRIBUTE.sub(lambda m: m.group(1) + _quoted(m.group(2)), part)
        if name not in _VOID and not part.endswith("/>") and (name in _RAW or other_language):
            left_alone_up_to = _closing(parts, index, name)
    return "".join(parts)


def _closing(parts: list[str], opening: int, name: str) -> int:
    """The part that closes the element ``name`` opened at ``opening`` (the same element may nest in
    itself); the last part when it is never closed."""
    depth = 1
    for index in range(opening + 2, len(parts), 2):
        tag = parts[index]
        named = _TAG_NAME.match(tag)
        if named is None or named.group(1).lower() != name:
            continue
        if tag.startswith("</"):
            depth -= 1
            if depth == 0:
                return index
        elif not tag.endswith("/>"):
            depth += 1
    return len(parts) - 1


def _quoted(value: str) -> str:
    quote, inner = value[0], value[1:-1]
    return quote + french(inner) + quote
