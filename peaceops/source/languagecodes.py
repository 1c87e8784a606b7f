"""Languages of operation: any ISO 639-1 code, its name in each of the site's languages, and the
code an editor most likely meant when a name was typed instead.

Why: a mission may work in Spanish, Arabic or Haitian Creole as well as in English or French. The
names come from CLDR through Babel, the data the site already formats its dates and numbers with,
as a Canadian reader writes them: "Spanish" in English, "espagnol" in French (French writes the
names of languages in lowercase, in running text as in a table's cells). CLDR names every one of
ISO 639-1's 184 two-letter codes in both languages, so the codes accepted are those it names: no
hand-written list to keep up (tests/test_languages_of_operation.py compares them with ISO 639-1's
own list, from pycountry). Babel has already read each locale's data to format the pages, so this
costs a check nothing.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from babel import Locale

from peaceops.languages import LANGUAGES, LOCALES


@cache
def _names(language: str) -> dict[str, str]:
    """CLDR's name of each two-letter language code, in ``language`` (one of the site's)."""
    names = Locale.parse(LOCALES[language]).languages
    return {code: name for code, name in names.items() if re.fullmatch(r"[a-z]{2}", code)}


@cache
def codes() -> frozenset[str]:
    """The two-letter (ISO 639-1) codes a mission's language may be: those named in every site language."""
    named = [set(_names(language)) for language in LANGUAGES]
    return frozenset(set.intersection(*named))


def name(code: str, language: str) -> str:
    """The name of the language ``code`` in the site's ``language``, as CLDR writes it: "Spanish",
    "espagnol"."""
    return _names(language)[code]


def _folded(text: str) -> str:
    """A name with accents, case and surrounding spaces set aside: "Français " -> "francais"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@cache
def _by_name() -> dict[str, str]:
    """Every language's name in each site language (folded) -> its code."""
    index: dict[str, str] = {}
    for language in LANGUAGES:
        for code, named in _names(language).items():
            if code in codes():
                index.setdefault(_folded(named), code)
    return index


def meant(typed: str) -> str | None:
    """The code an editor probably meant: "ES" -> "es", "es-MX" -> "es", "Spanish" or "espagnol"
    -> "es", "Spansih" -> "es"; None when nothing is close enough."""
    text = typed.strip()
    lowered = text.lower().replace("_", "-")
    head = lowered.split("-", 1)[0]
    if head in codes():
        return head
    folded = _folded(text)
    index = _by_name()
    if folded in index:
        return index[folded]
    close = difflib.get_close_matches(folded, list(index), n=1, cutoff=0.8)
    return index[close[0]] if close else None
