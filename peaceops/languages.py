"""The site's languages: their codes, names and locales, which one is at the site's root, and "the
other one".

Why: every part of the site asks the same questions (which languages, where each language's pages
live, how to format for it, which is the translation's language), and the answers must agree. They
are written here once; nothing else in the code types a language code, except the data model's
bilingual fields (``Localized.en``/``.fr``) and the interface texts, which name them as editors do.
This module imports nothing of ours: it is the bottom of every layer.
"""
from __future__ import annotations

LANGUAGES = ("en", "fr")
DEFAULT = "en"  # built at the site's root; every other language in a folder named by its code
# In the messages editors read, which are in English ("no French counterpart").
LANGUAGE_NAMES = {"en": "English", "fr": "French"}
# Babel's locales, for numbers and dates as Canadians write them ("3 000", "15 octobre 2017").
LOCALES = {"en": "en_CA", "fr": "fr_CA"}
# ISO 639-2/T codes, as Canada.ca's dcterms.language and the Government's metadata standards write them.
ISO639_2 = {"en": "eng", "fr": "fra"}
# Where each language's pages live within the built site.
LANGUAGE_ROOT = {code: "" if code == DEFAULT else f"{code}/" for code in LANGUAGES}


def other(language: str) -> str:
    """The other official language: the one the language toggle, hreflang and og:locale point to."""
    return next(code for code in LANGUAGES if code != language)


def is_default(language: str) -> bool:
    """Whether ``language``'s build is the one at the site's root (which also writes the files the
    whole site shares: open data, sitemap, robots.txt)."""
    return language == DEFAULT
