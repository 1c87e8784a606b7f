"""Every interface text the templates and the code ask for, checked against data/interface.yaml.

Why: a label the templates need but the data lacks would otherwise surface only halfway through a
build, as a traceback from deep inside a template. ``check`` finds it up front, and says where it
is used: the literal keys are read from the templates, pages and code; the keys made from a prefix
and a value (``'lead.' ~ mission.lead``) are listed here with every value they can take.
"""
from __future__ import annotations

import re
from pathlib import Path

from peaceops.source import accessibility
from peaceops.outputs import exports, feed
from peaceops.pages import wayfinding
from peaceops.pages.localize import DATE_PHRASES, PRECISIONS
from peaceops.source.messages import message
from peaceops.source.model import LEADS, QUALIFIERS, Text
from peaceops.source.problems import Problem
from peaceops.source.publisher import CHANNELS, IDENTITIES

# A call of t, pk_text or a Localizer's .t with a quoted, whole key (not a prefix to which a value is
# added). Material's own lang.t(...) reads Material's translations, not ours. Found in two steps, the
# quoted argument first, then the name called just before it: one expression for both looked behind
# at every character of 600 KB of code, which took longer than reading and checking the data.
_ARGUMENT = re.compile(r"""\(\s*['"]([A-Za-z0-9_.]+[A-Za-z0-9_])['"]\s*[,)]""")
_CALLED = re.compile(r"""(?:(?<![\w.])t|pk_text|\.t_html|(?<!\blang)\.t)\Z""")
_CALLED_WIDTH = 16  # characters before the argument that the called name is read from


def literal_keys(text: str) -> list[tuple[int, str]]:
    """Each whole key asked for in ``text``, with the offset of the call that asks for it."""
    found = []
    for argument in _ARGUMENT.finditer(text):
        before = text[max(0, argument.start() - _CALLED_WIDTH) : argument.start()]
        called = _CALLED.search(before)
        if called:
            found.append((argument.start() - len(before) + called.start(), argument.group(1)))
    return found

# Keys made from a prefix and a value, with every value the prefix can take.
FAMILIES: dict[str, tuple[str, ...]] = {
    "lead.": LEADS,
    "qualifier.": QUALIFIERS,
    "country.intro.": ("one", "other"),
    "feed.": feed.TITLES,
    "footer.": wayfinding.FOOTER_PAGES,
    "opendata.": tuple(exports.FILES.values()),
    "opendata.column.": tuple(column.name for column in exports.COLUMNS),
    "opendata.period.": tuple(exports.PERIOD_SCHEMAS),
    "opendata.licence.": ("name", "url", "attribution"),
    "a11y.check.": accessibility.CHECKS,
    "a11y.tag.": accessibility.WCAG_TAGS,
    # Worded by who publishes the site (theme/macros/publisher.html): by identity, or by how readers
    # reach the publisher (contact.site. is an independent copy's only).
    **{prefix: IDENTITIES for prefix in ("terms.about.", "terms.use.", "terms.links.", "privacy.intro.")},
    **{prefix: CHANNELS for prefix in ("privacy.contact.", "a11y.ask.")},
    "contact.site.": CHANNELS[1:],
    **{f"date.{kind}.": PRECISIONS for kind in DATE_PHRASES},
}

SEARCHED = (("theme", "*.html"), ("content", "*.md"), ("peaceops", "*.py"), ("hooks", "*.py"))


def missing_interface_texts(root: Path, interface: dict[str, Text]) -> list[Problem]:
    """A problem for each use of an interface text that data/interface.yaml does not have."""
    problems = []
    for folder, pattern in SEARCHED:
        for path in sorted((root / folder).rglob(pattern)):
            text = path.read_text(encoding="utf-8")
            for start, key in literal_keys(text):
                if key not in interface:
                    line = text.count("\n", 0, start) + 1
                    column = start - (text.rfind("\n", 0, start) + 1) + 1
                    display = path.relative_to(root).as_posix()
                    problems.append(Problem(display, line, column, message("interface_missing", key=key)))
    for prefix, values in FAMILIES.items():
        for value in values:
            if prefix + value not in interface:
                text = message("interface_family_missing", key=prefix + value, prefix=prefix)
                problems.append(Problem("data/interface.yaml", 1, 1, text))
    return problems
