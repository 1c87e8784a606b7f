"""The real site, built: both languages, every page paired, every figure equal to what the data gives.

Expected figures are computed here straight from the YAML (a plain YAML 1.2 read), not through the
peaceops package, so a mistake in the package cannot hide itself.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import plainyaml
import pytest
from conftest import ROOT, run_build

CORE_PAGES = {  # English address -> French address
    "": "fr/",
    "how-it-works/": "fr/fonctionnement/",
    "deployments/": "fr/deploiements/",
    "past-operations/": "fr/operations-passees/",
    "contact/": "fr/nous-joindre/",
}


class PageFacts(HTMLParser):
    """Collects <html lang>, the language toggle's link and every data-fact value of a page."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.toggle = None
        self.facts: dict[str, list[str]] = {}
        self._fact = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and "pk-language__link" in (attrs.get("class") or ""):
            self.toggle = attrs
        if "data-fact" in attrs and self._fact is None:
            self._fact, self._text, self._depth = attrs["data-fact"], [], 0
        elif self._fact is not None:
            self._depth += 1

    def handle_endtag(self, tag):
        if self._fact is not None:
            if self._depth == 0:
                self.facts.setdefault(self._fact, []).append(re.sub(r"[ \t\n]+", " ", "".join(self._text)).strip())
                self._fact = None
            else:
                self._depth -= 1

    def handle_data(self, data):
        if self._fact is not None:
            self._text.append(data)


def read_page(site: Path, address: str) -> PageFacts:
    parser = PageFacts()
    parser.feed((site / address / "index.html").read_text(encoding="utf-8"))
    return parser


def missions_from_yaml(root: Path) -> list[dict]:
    return plainyaml.read(root / "data" / "missions.yaml")["missions"]


from dated import is_current, latest, sources, stated  # noqa: E402


def expected_totals(missions: list[dict]) -> dict[str, int | None]:
    """The counts, and the total of deployed officers only when every current mission has a figure
    from the same year (None: the page must show no total)."""
    current = [m for m in missions if is_current(m)]
    known = sources()
    deployed = [latest(m, "deployed", known) for m in current]
    years = {(stated(f, known, m) or "")[:4] for f, m in zip(deployed, current, strict=True) if f}
    comparable = all(deployed) and len(years) == 1 and "" not in years
    return {
        "missions-now": len(current),
        "countries-now": len({m["country"] for m in current}),
        "deployed": sum(f["count"] for f in deployed) if comparable else None,
    }


def digits(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def figures(cells: list[str]) -> list[int]:
    """The officer counts shown in cells such as "4,321, 2010" (its date after a comma and a space);
    cells with no figure are skipped."""
    return [digits(cell.split(", ")[0]) for cell in cells if re.match(r"\d", cell)]


@pytest.mark.parametrize("english, french", CORE_PAGES.items())
def test_every_core_page_exists_in_both_languages_with_the_right_lang(built_site, english, french):
    assert read_page(built_site, english).lang == "en"
    assert read_page(built_site, french).lang == "fr"


@pytest.mark.parametrize("english, french", CORE_PAGES.items())
def test_language_toggle_leads_to_the_counterpart(built_site, english, french):
    for here, there, other in ((english, french, "fr"), (french, english, "en")):
        toggle = read_page(built_site, here).toggle
        assert toggle is not None, f"no language toggle on /{here}"
        assert toggle["lang"] == other and toggle["hreflang"] == other
        target = (built_site / here / toggle["href"]).resolve()
        assert target == (built_site / there).resolve(), f"/{here} toggles to {toggle['href']}"


def test_country_pages_exist_in_both_languages_with_french_slugs(built_site):
    countries = {m["country"] for m in missions_from_yaml(ROOT)}
    english = sorted(p.parent.name for p in (built_site / "countries").glob("*/index.html"))
    french = sorted(p.parent.name for p in (built_site / "fr" / "pays").glob("*/index.html"))
    assert len(english) == len(french) == len(countries)
    assert "haiti" in english and "haiti" in french
    assert "west-bank" in english and "cisjordanie" in french


def test_home_page_figures_equal_the_data(built_site):
    expected = expected_totals(missions_from_yaml(ROOT))
    for address in ("", "fr/"):
        facts = read_page(built_site, address).facts
        assert digits(facts["missions-now"][0]) == expected["missions-now"]
        assert digits(facts["countries-now"][0]) == expected["countries-now"]
        assert "officers-deployed" not in facts  # no sum of figures from different years


def shown_total(cell: str) -> int | None:
    """The total in a table's total cell: its number, or None for a dash (no comparable total)."""
    return None if cell.startswith("—") else digits(cell.split(", ", maxsplit=1)[0])


def test_deployments_table_total_equals_the_data(built_site):
    expected = expected_totals(missions_from_yaml(ROOT))
    for address in ("deployments/", "fr/deploiements/"):
        facts = read_page(built_site, address).facts
        assert shown_total(facts["deployed-total"][0]) == expected["deployed"]


def test_a_total_is_shown_only_when_every_figure_is_from_the_same_year(workspace, tmp_path):
    """Give every current mission a deployed figure of the same year: the table shows their sum, dated."""
    missions_file = workspace / "data" / "missions.yaml"
    data = missions_from_yaml(workspace)
    text = missions_file.read_text()
    current = [m["id"] for m in data if is_current(m)]
    # Dated today: later than every other figure, and not in the future (which the checks refuse).
    today = datetime.now(tz=UTC).date()
    figure = f"      - {{kind: deployed, count: 7, as_of: {today.isoformat()}, source: rcmp-po-mp-overview}}\n"
    out, mission_id, done = [], None, False
    for line in text.splitlines(keepends=True):
        if line.startswith("  - id: "):
            mission_id, done = line.split(":", 1)[1].strip(), False
        if mission_id in current and not done and line.startswith("    mandate:"):
            out.append("    officers:\n" + figure)  # a mission with no figures yet
            done = True
        out.append(line)
        if mission_id in current and not done and line == "    officers:\n":
            out.append(figure)
            done = True
    text = "".join(out)
    missions_file.write_text(text)
    site = tmp_path / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stderr
    expected = expected_totals(missions_from_yaml(workspace))
    assert expected["deployed"] == 7 * len(current)
    for address in ("deployments/", "fr/deploiements/"):
        cell = read_page(site, address).facts["deployed-total"][0]
        assert shown_total(cell) == expected["deployed"] and str(today.year) in cell


def test_changing_an_officer_count_changes_every_place_it_appears(workspace, tmp_path):
    missions_file = workspace / "data" / "missions.yaml"
    text = missions_file.read_text()
    # A deployed figure of 131 (MINUSTAH's, in 2010): the only "count: 131" in the file.
    assert text.count("count: 131") == 1
    missions_file.write_text(text.replace("count: 131", "count: 4321"))
    site = tmp_path / "site"
    result = run_build(workspace, site)
    assert result.returncode == 0, result.stderr
    for country, shown in (("countries/haiti/", "4,321"), ("fr/pays/haiti/", "4\u00a0321")):
        text = (site / country / "index.html").read_text(encoding="utf-8").replace("\u202f", "\u00a0").replace("&nbsp;", "\u00a0")
        assert shown in text and "131" not in re.sub(r"<[^>]+>", "", text).replace("2010", "")


def test_french_pages_use_french_number_formatting(workspace, tmp_path):
    missions_file = workspace / "data" / "missions.yaml"
    # MONUSCO's deployed officers in August 2024 (the UN's figure), the newest figure of a current mission.
    text = missions_file.read_text()
    assert text.count("count: 9, as_of: 2024-08-30,") == 1
    missions_file.write_text(text.replace("count: 9, as_of: 2024-08-30,", "count: 4321, as_of: 2024-08-30,"))
    site = tmp_path / "site"
    assert run_build(workspace, site).returncode == 0
    english = read_page(site, "deployments/").facts["deployed"]
    french = read_page(site, "fr/deploiements/").facts["deployed"]
    assert any(v.startswith("4,321") for v in english)
    assert any(v.startswith(("4\u00a0321", "4\u202f321")) for v in french)


def test_a_page_missing_in_french_fails_the_build(workspace, tmp_path):
    (workspace / "content" / "fr" / "nous-joindre.md").unlink()
    result = run_build(workspace, tmp_path / "site")
    assert result.returncode == 1
    assert "content/en/contact.md:1:1:" in result.stderr and "French" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_undefined_name_in_a_page_fails_the_build_naming_the_page(workspace, tmp_path):
    page = workspace / "content" / "fr" / "fonctionnement.md"
    page.write_text(page.read_text() + "\n{{ no_such_macro() }}\n")
    result = run_build(workspace, tmp_path / "site")
    assert result.returncode == 1
    assert "fonctionnement.md" in result.stderr and "no_such_macro" in result.stderr


class Assets(HTMLParser):
    """Addresses the browser loads by itself: scripts, images, frames, stylesheets, icons, preloads."""

    LOADED_LINKS = frozenset({"stylesheet", "icon", "preload", "modulepreload", "manifest"})

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "source", "audio", "video"} and attrs.get("src"):
            self.loaded.append(attrs["src"])
        if tag == "link" and self.LOADED_LINKS & set((attrs.get("rel") or "").split()):
            self.loaded.append(attrs.get("href") or "")


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = {}
    for path in built_site.rglob("*.html"):
        parser = Assets()
        parser.feed(path.read_text(encoding="utf-8"))
        remote = [address for address in parser.loaded if re.match(r"(https?:)?//", address)]
        if remote:
            offenders[str(path.relative_to(built_site))] = remote
    assert offenders == {}


def test_the_build_needs_no_network(tmp_path):
    """Build inside a network namespace with no interfaces up: any request at build time would fail it."""
    import shutil
    import subprocess
    import sys

    unshare = shutil.which("unshare")
    assert unshare, "util-linux's unshare is needed to cut the network for this test"
    command = [unshare, "-rn", sys.executable, "-m", "peaceops", "--root", str(ROOT), "build",
               "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "fr" / "index.html").is_file()


class HeadAlternates(HTMLParser):
    """<link rel="alternate" hreflang> to pages in the head (not the feed's, which has a type), with rel
    read as HTML does: space-separated tokens."""

    def __init__(self):
        super().__init__()
        self.alternates: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "alternate" in (attrs.get("rel") or "").split() and attrs.get("hreflang") and not attrs.get("type"):
            self.alternates[attrs["hreflang"]] = attrs["href"]


@pytest.mark.parametrize("english, french", CORE_PAGES.items())
def test_head_has_hreflang_alternates_for_both_languages(built_site, english, french):
    public = "https://peace-operations.example.ca/"
    for address in (english, french):
        parser = HeadAlternates()
        parser.feed((built_site / address / "index.html").read_text(encoding="utf-8"))
        assert parser.alternates == {"en": public + english, "fr": public + french}


def test_every_page_has_one_search_form_named_in_its_language(built_site):
    # The search is a form in the header (theme/partials/search.html), not a dialog: each page has
    # exactly one search landmark, and its name is in the page's language.
    expected = {"en": 'aria-label="Search this site"', "fr": 'aria-label="Rechercher dans ce site"'}
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        language = "fr" if path.relative_to(built_site).parts[0] == "fr" else "en"
        forms = re.findall(r"<form\b[^>]*>", html)
        searches = [form for form in forms if 'role="search"' in form]
        assert len(searches) == 1, f"{path.relative_to(built_site)}: {forms}"
        assert expected[language] in searches[0], f"{path.relative_to(built_site)}: {searches[0]}"
        assert 'role="dialog"' not in html, path.relative_to(built_site)
