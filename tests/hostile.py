"""A copy of the site's inputs with hostile values in every text field, as a careless or hostile
editor could type them and the checks accept them.

Why: the tests that use it render every page from such data and read what came out; a value that
escapes its place (an attribute, an element, Markdown, a link) or makes the build hang shows there,
whichever field it is in, including fields added later (every {en:, fr:} text is changed).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import copy_inputs
from ruamel.yaml import YAML

# The mark every hostile value carries: it must never be the name of an element or an attribute.
MARK = "pkinj"
# Every trick in one line, each of which passes the checks: attributes in both quotes, Markdown
# emphasis, code, attribute lists and reference brackets, Jinja braces, entities, a run of [ (which
# kept the Markdown converter busy), French punctuation.
INJECTION = (
    f' {MARK}" data-{MARK}="1 \' data-{MARK}2=\'1 **{MARK}b** _{MARK}i_ `{MARK}c` {{: data-{MARK}3=x }} '
    f"{{{{ 7*7 }}}} &#60;{MARK}4&#62; &lt;b&gt; [{MARK}5] [ « {MARK} » : ; ! ? "
)
# Long runs that made patterns work in time proportional to the square of their length.
RUNS = " " * 3000 + "x" + "\t " * 500 + "[" * 3000 + "(" * 500 + ":" * 500 + " !" * 500 + "«" * 200 + "»" * 200 + "_*" * 300

# Texts whose value is an address or a code, not words.
_NOT_WORDS = {"address", "archived", "web", "url"}
FILES = ("missions.yaml", "serving.yaml", "partners.yaml", "program.yaml", "sources.yaml", "contacts.yaml", "countries.yaml", "publisher.yaml")


def hostile_copy(destination: Path, runs: bool = True) -> Path:
    """Copy the inputs to ``destination`` and add INJECTION to every text in both languages (and the
    long RUNS to every mission's mandate, when ``runs``)."""
    root = copy_inputs(destination)
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    for name in FILES:
        path = root / "data" / name
        data = yaml.load(path.read_text(encoding="utf-8"))
        _walk(data, None, runs)
        with path.open("w", encoding="utf-8") as file:
            yaml.dump(data, file)
    return root


def _walk(node: Any, key: Any, runs: bool) -> None:
    if isinstance(node, dict):
        if key not in _NOT_WORDS and ("en" in node or "fr" in node) and all(isinstance(v, str) for v in node.values()):
            for language in ("en", "fr"):
                if isinstance(node.get(language), str):
                    extra = INJECTION + (RUNS if runs and key == "mandate" else "")
                    node[language] = node[language] + extra
            return
        for child_key, child in node.items():
            _walk(child, child_key, runs)
    elif isinstance(node, list):
        for child in node:
            _walk(child, key, runs)
