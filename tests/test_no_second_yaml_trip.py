"""No valid value breaks the build: what editors write reaches the page unchanged (issue 13).

Why: MkDocs reads a page's front matter with YAML 1.1 rules, under which NO is False, 012 is 10 and
2010-01-01 is a date. Generated pages once carried data in front matter, so Norway's code stopped
the build. This tests the class, not the case: every ISO 3166 country and every territory as a
mission's country, and territories whose codes and names YAML 1.1 would read as something else,
in one real build. Expected names come from pycountry and from the values written here.
"""
from __future__ import annotations

import html
import json
import re

import pycountry
import pytest
from conftest import copy_inputs, run_build

from peaceops.source.places import slugify

pytestmark = pytest.mark.build

# Codes (lowercase, as territory codes must be) and names that a YAML 1.1 reader would turn into
# booleans, numbers, dates or nothing, or that mean something to YAML, Markdown or Jinja.
TRICKY_CODES = ["no", "yes", "on", "off", "y", "n", "true", "null", "012", "1e3", "2010-01-01", "0x1f"]
TRICKY_NAMES = [
    "NO", "yes", "on", "Off", "1e3", "2010-01-01", "012", "1_000", "~", "null", ".inf", "0x1F", "TRUE",
    "12:30", "a: b", "- a", "#hash", "*star*", '"quoted"', "[list]", "{map}", "{{ x }}", "{% raw %}",
    "a < b & c", "_under_", "x | y",
]

MISSION = """
  - id: {id}
    acronym: {{en: {acronym}, fr: {acronym}}}
    name:
      en: {name}
      fr: {name}
    lead: UN
    country: {code}
    status:
      - {{state: under_way, since: 2001, source: rcmp-po-mp-overview}}
      - {{state: ended, since: 2002, source: rcmp-po-mp-overview}}
    roles:
      - en: Advise
        fr: Conseiller
    language: en
    armed: no
    mandate:
      en: A test mission.
      fr: Une mission d'essai.
    sources:
      - rcmp-po-mp-overview
    updated: 2026-11-30
"""


def territories() -> dict[str, tuple[str, str]]:
    """code -> (English name, French name) of the territories this test adds."""
    found = {}
    for index, code in enumerate(TRICKY_CODES):
        found[code] = (f"Territory {index}", f"Territoire {index}")
    for index, name in enumerate(TRICKY_NAMES):
        found[f"named-{index}"] = (name, name)
    return found


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


@pytest.fixture(scope="module")
def every_place(tmp_path_factory):
    root = copy_inputs(tmp_path_factory.mktemp("places") / "repo")
    countries = root / "data" / "countries.yaml"
    lines = []
    for code, (english, french) in territories().items():
        # Plain (unquoted) where YAML allows it, as an editor would write them.
        plain = re.fullmatch(r"[A-Za-z0-9_.~ -]+", english) and not english.startswith(("- ", "-"))
        en = english if plain else quoted(english)
        fr = french if plain else quoted(french)
        # Each territory says how a sentence says "in" it (make check asks for it).
        phrase = f"    phrase: {{en: {quoted('in ' + english)}, fr: {quoted('en ' + french)}}}\n"
        lines.append(f"  {code}:\n    name:\n      en: {en}\n      fr: {fr}\n" + phrase)
    countries.write_text(countries.read_text(encoding="utf-8").rstrip("\n") + "\n" + "".join(lines), encoding="utf-8")
    codes = [country.alpha_2 for country in pycountry.countries] + list(territories())
    missions = root / "data" / "missions.yaml"
    added = "".join(
        MISSION.format(id=f"test-{index}", acronym=code, name=f"Test mission {index}", code=code)
        for index, code in enumerate(codes)
    )
    missions.write_text(missions.read_text(encoding="utf-8").rstrip("\n") + "\n" + added, encoding="utf-8")
    site = root.parent / "site"
    result = run_build(root, site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


def heading(page: str) -> str:
    found = re.search(r"<h1\b[^>]*>(.*?)</h1>", page, re.DOTALL)
    assert found, "no heading"
    return html.unescape(found.group(1))


def title(page: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1))


def read(site, folder: str, name: str) -> str:
    slug = slugify(name)
    path = site / folder / slug / "index.html"
    assert path.is_file(), f"no page {folder}/{slug}/ for {name!r}"
    return path.read_text(encoding="utf-8")


def test_every_iso_country_gets_its_pages(every_place):
    overridden = {"CD", "IQ", "TL"}  # data/countries.yaml gives Canada's names for these
    for country in pycountry.countries:
        if country.alpha_2 in overridden:
            continue
        english = getattr(country, "common_name", None) or country.name
        page = read(every_place, "countries", english)
        assert heading(page) == english


def test_territories_whose_names_yaml_11_misreads_keep_them(every_place):
    for code, (english, french) in territories().items():
        for folder, typed in (("countries", english), ("fr/pays", french)):
            slug = slugify(typed) or code
            page = (every_place / folder / slug / "index.html").read_text(encoding="utf-8")
            name = typed
            if folder.startswith("fr/"):  # French typography: a no-break space before a colon ("a : b")
                name = re.sub(r"(?<=\S):(?=\s)", "\u00a0:", typed)
            assert heading(page) == name, (code, name)
            assert title(page).startswith(name + " - "), (code, title(page))


@pytest.mark.parametrize("value", ["NO", "yes", "on", "Off", "1e3", "2010-01-01", "012", "1_000", "~", "null", "0x1F", ".inf"])
def test_a_written_page_front_matter_keeps_what_the_editor_typed(value):
    from peaceops.pages.routes import front_matter

    meta = front_matter(f"---\npage_id: p\ntitle: {value}\ndescription: {value}\n---\n\n# Body\n")
    assert meta["title"] == value and meta["description"] == value


def test_mkdocs_never_sees_a_page_front_matter(workspace):
    from peaceops.site.site import Site

    site = Site.load(workspace)
    page = site.page("en", "index.md")
    assert page.engine_text().startswith("---\n{}\n---\n")  # an empty one, so MkDocs reads nothing of ours
    assert "page_id:" not in page.engine_text() and page.meta["page_id"] == "home"
    country = next(iter(site.generated_pages("fr").values()))
    assert country.engine_text().count("---") == 2 and country.meta["title"]
