"""The box at the top of every preview page that lists the problems the files have right now.

Why: editors watch the page, not the terminal. While a data file or a page has a problem, the
preview keeps serving the last good version; without a sign on the page, an edit simply seems not
to work. This makes the sign: the problems (``file:line:column`` and the message), with a heading
and an explanation in the page's language from data/interface.yaml. It is added to pages as they
are served by the preview (``preview.py``), never written to ``site/``. The texts are read leniently,
since the file they live in may be the one that is broken; English fallbacks are in messages.py.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from peaceops.languages import LANGUAGES
from peaceops.source.messages import message
from peaceops.source.problems import Problem
from peaceops.source.yamlsource import read

TEXT_KEYS = {name: f"preview.banner.{name}" for name in ("heading", "kept", "nothing_yet")}
FALLBACK_KEYS = {name: f"preview_banner_{name}" for name in ("heading", "kept", "nothing_yet")}
BANNER_ID = "peaceops-preview-problems"
_BODY = re.compile(rb"<body[^>]*>", re.IGNORECASE)
_LANG = re.compile(rb"<html[^>]*\blang=\"([a-z]{2})", re.IGNORECASE)
# Plain, high-contrast and self-contained: the preview must not depend on the theme it reports on.
_STYLE = (
    "background:#fff8e1;color:#1a1a1a;border:4px solid #b3261e;margin:0;padding:1rem 1.5rem;"
    "font:1rem/1.5 system-ui,sans-serif;overflow-wrap:anywhere;position:relative;z-index:1000"
)


def banner_texts(root: Path) -> dict[str, dict[str, str]]:
    """{"heading": {"en": …, "fr": …}, …} from data/interface.yaml, or messages.py where it lacks one."""
    texts = {name: {"en": message(key)} for name, key in FALLBACK_KEYS.items()}
    try:
        source, _ = read(root / "data" / "interface.yaml", "data/interface.yaml", "interface text")
        entries = source.data.get("text", {}) if isinstance(source.data, dict) else {}
        for name, key in TEXT_KEYS.items():
            entry = entries.get(key)
            if isinstance(entry, dict):
                for language in LANGUAGES:
                    if isinstance(entry.get(language), str) and entry[language].strip():
                        texts[name][language] = entry[language]
    except Exception:  # noqa: BLE001 - a broken file must not stop the preview from saying so
        return texts  # the messages' own English wording, set above
    return texts


def banner_html(problems: list[Problem], texts: dict[str, dict[str, str]], language: str, *, kept: bool) -> str:
    """The box for a page in ``language``; the problems' messages are English (``lang`` says so)."""

    def text(name: str) -> tuple[str, str]:
        wording = texts[name]
        chosen = language if language in wording else "en"
        return wording[chosen], chosen

    def lang(chosen: str) -> str:
        return "" if chosen == language else f' lang="{chosen}"'

    heading, heading_lang = text("heading")
    explanation, explanation_lang = text("kept" if kept else "nothing_yet")
    items = []
    for problem in problems:
        place = f"{problem.path}:{problem.line}:{problem.column}" if problem.path else ""
        code = f"<code>{html.escape(place)}</code> " if place else ""
        items.append(f'<li{lang("en")}>{code}{html.escape(problem.message)}</li>')
    return (
        f'<div id="{BANNER_ID}" role="alert" style="{_STYLE}">'
        f'<p{lang(heading_lang)} style="margin:0 0 .5rem;font-weight:700;font-size:1.25rem">{html.escape(heading)}</p>'
        f'<p{lang(explanation_lang)} style="margin:0 0 .5rem">{html.escape(explanation)}</p>'
        f'<ul style="margin:0;padding-left:1.5rem">{"".join(items)}</ul></div>'
    )


def page_language(content: bytes) -> str:
    found = _LANG.search(content[:2000])
    return found.group(1).decode() if found else "en"


def insert(content: bytes, banner: str) -> bytes:
    """``content`` with ``banner`` first thing in its body."""
    found = _BODY.search(content)
    at = found.end() if found else 0
    return content[:at] + banner.encode("utf-8") + content[at:]


_PLACED = re.compile(
    r"^(?:(?:WARNING|ERROR)\s+-\s+)?"  # MkDocs' level, when the line comes from its log
    r"(?P<path>(?:data|content|theme)/[^:\s]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$"
)


def as_problem(text: str) -> Problem:
    """A problem from a line already worded as ours (``data/x.yaml:3:5: …``), or an unplaced one."""
    found = _PLACED.match(text.strip())
    if found:
        return Problem(found["path"], int(found["line"]), int(found["column"]), found["message"])
    return Problem("", 0, 0, text.strip())
