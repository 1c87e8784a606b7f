"""Issue 30: one publisher, said the same everywhere. Each identity is built once per test run, in
both languages (conftest.py): this repository's independent site as the publishing workflow builds it
(a public address and the repository's), the same site built locally (neither), and the official site
(canada.ca). On every page and file (pages, feeds, datapackage.json, JSON-LD, Dublin Core, the link
previews' cards and their alt text, the terms, privacy, contact and accessibility pages):

- the independent site never says the organization responsible for the program publishes it, cites
  no federal privacy law, sends no report to a Government of Canada address, and names its own
  publisher to machines; no page or file holds the placeholder it once had;
- the official site never says it is not a Government of Canada site, and names the organization as
  its publisher everywhere, with the program's e-mail for reports.

Expected values come from the data files read plainly (publishing_support.data), never through the
peaceops package.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree as ET

import pytest
from conftest import PUBLISHED_REPOSITORY, PUBLISHED_URL, ROOT, copy_inputs, edit
from publishing_support import Node, as_shown, content_pages, data, interface, language_of, parse, root_url

from peaceops.pages.wayfinding import report_problem
from peaceops.site.site import Site

ATOM = "{http://www.w3.org/2005/Atom}"
FOLDER = {"en": "", "fr": "fr/"}
PLACEHOLDERS = ("the site's independent editors", "l'équipe de rédaction indépendante du site")
# Laws on privacy that bind federal institutions (and businesses), in both languages: an independent
# site is neither, so it cites none of them.
PRIVACY_LAWS = (
    "Privacy Act",
    "Loi sur la protection des renseignements personnels",
    "Personal Information Protection and Electronic Documents Act",
    "PIPEDA",
    "LPRPDE",
    "Privacy Commissioner",
    "Commissaire à la protection de la vie privée",
)
# Words that say who publishes: publish(es|ed|er), publication; publie(nt), publié(e)(s), éditeur.
# (Not "Republic", nor "Sécurité publique".)
PUBLISHING = re.compile(
    r"\bpublish\w*|\bpublication|\bpubli(?:e|ent|é|ée|és|ées|er)\b|\bédit(?:eur|eurs|rice|é|ée)\b", re.IGNORECASE
)
NEGATION = re.compile(r"\bnot\b|n't\b|\bne\b|\bn'|\bpas\b|\bnon\b", re.IGNORECASE)
BLOCKS = {
    "p", "li", "div", "section", "header", "footer", "nav", "main", "article", "aside", "h1", "h2", "h3", "h4",
    "h5", "h6", "td", "th", "tr", "table", "caption", "dt", "dd", "dl", "ul", "ol", "title", "br", "figcaption",
    "blockquote", "details", "summary", "label", "button", "form",
}


# --- Reading a built site as a reader and a machine would -------------------------------------------
def pages_of(site: Path) -> dict[str, Node]:
    """Every page, the 404 pages included, parsed, by address."""
    found = {**content_pages(site), "404.html": site / "404.html", "fr/404.html": site / "fr" / "404.html"}
    return {address: parse(path) for address, path in found.items()}


@pytest.fixture(scope="module")
def independent(independent_site) -> dict[str, Node]:
    return pages_of(independent_site)


@pytest.fixture(scope="module")
def local(built_site) -> dict[str, Node]:
    return pages_of(built_site)


@pytest.fixture(scope="module")
def official(official_site) -> dict[str, Node]:
    return pages_of(official_site)


def sentences(page: Node) -> list[str]:
    """What a reader reads on the page (scripts aside), and what its tags say to machines and screen
    readers (meta content, alt, title, aria-label), one sentence each."""
    parts: list[str] = []

    def walk(node: Node) -> None:
        for name in ("alt", "title", "aria-label", "content"):
            if node.attrs.get(name):
                parts.append("\n" + node.attrs[name] + "\n")
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in ("script", "style", "template"):
                block = child.tag in BLOCKS
                parts.append("\n" if block else "")
                walk(child)
                parts.append("\n" if block else "")

    walk(page)
    text = html.unescape("".join(parts)).replace("\u00a0", " ").replace("\u202f", " ")
    found = []
    for line in text.split("\n"):
        for sentence in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", line).strip()):
            if sentence:
                found.append(sentence)
    return found


def graph(page: Node) -> dict[str, dict]:
    """The page's JSON-LD nodes by @id."""
    [script] = page.all("script", type="application/ld+json")
    found = json.loads("".join(child for child in script.children if isinstance(child, str)))
    return {node["@id"]: node for node in found["@graph"]}


def of_type(nodes: dict[str, dict], kind: str) -> list[dict]:
    return [node for node in nodes.values() if node["@type"] == kind]


def text_files(site: Path) -> dict[str, str]:
    """Every file of the site a reader or a program reads as text (pages, feeds, open data, sitemap),
    by its path: not the search index (pagefind/) nor our scripts and styles (assets/)."""
    found = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".txt") and not relative.startswith(
            ("pagefind/", "assets/", "fr/pagefind/", "fr/assets/")
        ):
            found[relative] = html.unescape(path.read_text(encoding="utf-8-sig"))
    return found


def organization_names() -> list[str]:
    """How a reader meets the organization responsible for the program: its names, and their initials."""
    names = list(data("publisher.yaml")["publisher"]["name"].values())
    small = {"of", "the", "and", "du", "de", "des", "la", "le", "et"}
    initials = ["".join(word[0].upper() for word in name.split() if word not in small) for name in names]
    return names + initials  # Royal Canadian Mounted Police, RCMP; Gendarmerie royale du Canada, GRC


def publisher_of(nodes: dict[str, dict], node: dict) -> dict:
    return nodes[node["publisher"]["@id"]]


# --- The independent site: who publishes it ---------------------------------------------------------
def test_no_page_or_file_holds_the_old_placeholder_publisher(independent_site, built_site, official_site):
    for site in (independent_site, built_site, official_site):
        for name, text in text_files(site).items():
            for placeholder in PLACEHOLDERS:
                assert placeholder.casefold() not in text.casefold(), (site, name)
        for card in site.rglob("social-card-*.png"):
            assert not any(p.encode("latin-1", "replace") in card.read_bytes() for p in PLACEHOLDERS), card


def test_the_independent_site_never_says_the_organization_publishes_it(independent, local):
    names = organization_names()
    for pages in (independent, local):
        for address, page in pages.items():
            for sentence in sentences(page):
                if PUBLISHING.search(sentence) and any(name in sentence for name in names):
                    assert NEGATION.search(sentence), f"{address}: {sentence}"


def test_the_check_of_sentences_catches_the_sentence_this_issue_found():
    """The sentence the terms page had, under a banner saying the opposite, fails the test above."""
    page = parse_html(
        "<p>It is published by the organization responsible for the program: Royal Canadian Mounted Police.</p>"
        "<p>Il est publié par l'organisation responsable du programme : Gendarmerie royale du Canada.</p>"
        "<p>It is not a Government of Canada site, and the Royal Canadian Mounted Police does not publish it.</p>"
    )
    names = organization_names()
    flagged = [s for s in sentences(page) if PUBLISHING.search(s) and any(n in s for n in names) and not NEGATION.search(s)]
    assert len(flagged) == 2


def parse_html(text: str) -> Node:
    from publishing_support import _Tree

    tree = _Tree()
    tree.feed(text)
    tree.close()
    return tree.root


def test_the_independent_site_cites_no_federal_privacy_law(independent, local):
    for pages in (independent, local):
        for address, page in pages.items():
            for sentence in sentences(page):
                assert not [law for law in PRIVACY_LAWS if law in sentence], f"{address}: {sentence}"
    # Its privacy pages say, in its publisher's name, that the site collects nothing.
    name = data("publisher.yaml")["independent"]["name"]
    for address, language in (("privacy/", "en"), ("fr/confidentialite/", "fr")):
        said = " ".join(sentences(independent[address]))
        assert interface("privacy.intro.independent", language).split("{")[0] + name[language] in said


def test_the_official_site_keeps_the_federal_law_and_canada_ca_s_terms(official):
    for address in ("privacy/", "fr/confidentialite/"):
        said = " ".join(sentences(official[address]))
        assert "Privacy Act" in said or "Loi sur la protection des renseignements personnels" in said, address
    for address, language in (("terms-and-conditions/", "en"), ("fr/avis/", "fr")):
        said = " ".join(sentences(official[address]))
        assert interface("terms.symbols", language) in said, address


# --- Report a problem: to whoever publishes the site --------------------------------------------------
def report_links(pages: dict[str, Node]) -> dict[str, list[Node]]:
    return {address: [a for p in page.with_class("pk-report") for a in p.all("a")] for address, page in pages.items()}


def test_the_independent_site_s_reports_open_an_issue_in_its_repository(independent, independent_site):
    root = root_url(independent_site)
    assert root == PUBLISHED_URL
    for address, links in report_links(independent).items():
        if address.endswith("404.html"):
            assert links == []  # the 404 page is no page: nothing to report about it
            continue
        [link] = links
        language = language_of(address)
        assert link.text == interface("report.link", language)
        target = urlsplit(link.attrs["href"])
        assert f"{target.scheme}://{target.netloc}{target.path}" == PUBLISHED_REPOSITORY + "/issues/new", address
        assert parse_qs(target.query) == {"title": [interface("report.subject", language).format(url=root + address)]}


def test_a_local_build_of_the_independent_site_has_no_report_link(local):
    # It knows neither the publisher's e-mail nor the repository: no link, rather than a wrong one.
    assert data("publisher.yaml")["independent"].get("email") is None
    assert all(links == [] for links in report_links(local).values())


def test_the_official_site_s_reports_write_to_the_program(official, official_site):
    root = root_url(official_site)
    email = next(contact["email"] for contact in data("contacts.yaml")["contacts"] if contact.get("email"))
    for address, links in report_links(official).items():
        if address.endswith("404.html"):
            continue
        [link] = links
        target = urlsplit(link.attrs["href"])
        assert target.scheme == "mailto" and target.path == email, address
        subject = parse_qs(target.query)["subject"][0]
        assert subject == interface("report.subject", language_of(address)).format(url=root + address)


def test_no_independent_page_sends_a_reader_s_report_to_a_government_address(independent, local):
    """Not "Report a problem", nor the accessibility statement's feedback: only the contact page keeps
    the program's address, for questions about the program, and says so."""
    federal = re.compile(r"@([\w-]+\.)*(gc\.ca|canada\.ca)$")
    email = next(contact["email"] for contact in data("contacts.yaml")["contacts"] if contact.get("email"))
    for pages in (independent, local):
        for address, links in report_links(pages).items():
            assert not [a for a in links if a.attrs["href"].startswith("mailto:")], address
        for address in ("accessibility/", "fr/accessibilite/"):
            mailto = [a.attrs["href"] for a in pages[address].all("a") if a.attrs["href"].startswith("mailto:")]
            assert not [m for m in mailto if federal.search(urlsplit(m).path)], address
    for address, language in (("contact/", "en"), ("fr/nous-joindre/", "fr")):
        page = independent[address]
        assert f"mailto:{email}" in [a.attrs["href"] for a in page.all("a")]  # the program's, kept
        issues = [a for a in page.all("a") if a.attrs["href"] == PUBLISHED_REPOSITORY + "/issues"]
        assert [a.text for a in issues] == ["github.com"], address
        said = " ".join(sentences(page))
        owner = data("publisher.yaml")["publisher"]["name"][language]
        assert interface("contact.site.issues", language).split("{owner}")[0] + owner in said


def test_the_official_contact_page_says_nothing_of_another_publisher(official):
    for address, language in (("contact/", "en"), ("fr/nous-joindre/", "fr")):
        said = " ".join(sentences(official[address]))
        for channel in ("email", "issues", "none"):
            assert interface(f"contact.site.{channel}", language)[:40] not in said


def test_the_accessibility_feedback_goes_to_the_independent_publisher(independent):
    for address, language in (("accessibility/", "en"), ("fr/accessibilite/", "fr")):
        [item] = [li for ul in independent[address].with_class("pk-a11y-contacts") for li in ul.all("li")]
        [link] = item.all("a")
        target = urlsplit(link.attrs["href"])
        assert f"{target.scheme}://{target.netloc}{target.path}" == PUBLISHED_REPOSITORY + "/issues/new"
        assert parse_qs(target.query) == {"title": [interface("a11y.feedback.subject", language)]}


# --- Search engines' data: who publishes the site, and where the program is --------------------------
def test_the_independent_site_names_its_own_publisher_to_search_engines(independent, local, independent_site, built_site):
    publisher = data("publisher.yaml")
    name = publisher["independent"]["name"]
    program_page = next(s for s in data("sources.yaml")["sources"] if s["key"] == publisher["publisher"]["program_page"])
    for pages, site, address_of_publisher in ((independent, independent_site, PUBLISHED_REPOSITORY), (local, built_site, None)):
        root = root_url(site)
        for address, page in pages.items():
            if address.endswith("404.html"):
                continue
            language = language_of(address)
            nodes = graph(page)
            described = of_type(nodes, "WebPage") + of_type(nodes, "WebSite") + of_type(nodes, "Dataset")
            assert len(described) >= 2, address
            for node in described:
                by = publisher_of(nodes, node)
                assert by["@type"] == "Organization" and by["name"] == name[language], (address, node["@type"])
                assert by.get("url") == address_of_publisher, address
            for node in of_type(nodes, "Dataset"):
                assert nodes[node["creator"]["@id"]]["@type"] == "Organization"
            [program] = [node for node in of_type(nodes, "GovernmentOrganization") if node["@id"] == root + "#organization"]
            assert program["url"] == program_page["address"][language] and not program["url"].startswith(root)


def test_the_official_site_s_publisher_is_the_government_body_on_every_page(official, official_site):
    publisher = data("publisher.yaml")["publisher"]
    root = root_url(official_site)
    for address, page in official.items():
        if address.endswith("404.html"):
            continue
        language = language_of(address)
        nodes = graph(page)
        assert not of_type(nodes, "Organization"), address  # no other publisher is named
        for node in of_type(nodes, "WebPage") + of_type(nodes, "WebSite") + of_type(nodes, "Dataset"):
            by = publisher_of(nodes, node)
            assert by["@type"] == "GovernmentOrganization", (address, node["@type"])
            assert (by["@id"], by["name"], by["url"]) == (root + "#publisher", publisher["name"][language], publisher["url"][language])


def test_dublin_core_and_link_previews_name_the_identity_s_publisher(independent, official):
    publishers = data("publisher.yaml")
    program = data("program.yaml")["program"]["name"]
    for pages, identity, who in ((independent, "independent", publishers["independent"]), (official, "official", publishers["publisher"])):
        for address, page in pages.items():
            if address.endswith("404.html"):
                continue
            language = language_of(address)
            tags = {m.attrs.get("name") or m.attrs.get("property"): m.attrs["content"] for m in page.all("meta") if "content" in m.attrs}
            assert tags["dcterms.creator"] == who["name"][language], address
            alt = interface("social.alt", language).format(program=program[language], publisher=who["name"][language])
            assert tags["og:image:alt"] == as_shown(alt, language), address
            assert tags["og:image"].endswith(f"assets/social-card-{identity}-{language}.png"), address


def test_each_build_carries_only_its_own_identity_s_cards(independent_site, official_site, independent):
    # Nor does the published independent site carry or show a federal symbol (the local build's:
    # tests/test_identity.py, with the official site's signature and wordmark).
    assert not list(independent_site.rglob("federal"))
    for address, page in independent.items():
        symbols = [i for i in page.all("img") if "sig-" in i.attrs.get("src", "") or "wmms" in i.attrs.get("src", "")]
        assert not symbols, address
    for site, identity, other in ((independent_site, "independent", "official"), (official_site, "official", "independent")):
        for folder in (site, site / "fr"):
            cards = sorted(p.name for p in (folder / "assets").glob("social-card-*.png"))
            assert cards == [f"social-card-{identity}-en.png", f"social-card-{identity}-fr.png"], folder
            assert not list(folder.rglob(f"social-card-{other}-*"))


# --- Feeds and open data ------------------------------------------------------------------------------
def test_feeds_and_the_data_package_name_the_identity_s_publisher(independent_site, built_site, official_site):
    publishers = data("publisher.yaml")
    email = next(contact["email"] for contact in data("contacts.yaml")["contacts"] if contact.get("email"))
    for site, who, address, maintainer in (
        (independent_site, publishers["independent"]["name"], {"en": PUBLISHED_REPOSITORY, "fr": PUBLISHED_REPOSITORY}, None),
        (built_site, publishers["independent"]["name"], None, None),
        (official_site, publishers["publisher"]["name"], publishers["publisher"]["url"], email),
    ):
        for language in ("en", "fr"):
            feed = ET.parse(site / FOLDER[language] / "feed.xml").getroot()
            assert feed.findtext(f"{ATOM}author/{ATOM}name") == who[language], site
            assert feed.findtext(f"{ATOM}author/{ATOM}uri") == (address[language] if address else None), site
        package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
        [contributor] = [c for c in package["contributors"] if c["role"] == "publisher"]
        assert (contributor["title"], contributor["x-title-fr"]) == (who["en"], who["fr"]), site
        assert contributor.get("path") == (address["en"] if address else None), site
        # The portal's contact is who publishes the data: the program on the official site; an
        # independent copy's own e-mail, and this one gives none (never the program's).
        assert package["x-open-canada"].get("maintainer_email") == maintainer, site


# --- The official site never says it is not the Government's ------------------------------------------
def test_the_official_site_never_says_it_is_not_a_government_of_canada_site(official, official_site):
    independent_name = data("publisher.yaml")["independent"]["name"]
    denials = ("not a Government of Canada site", "pas un site du gouvernement du Canada")
    for address, page in official.items():
        assert not page.with_class("pk-identity__notice"), address
        for sentence in sentences(page):
            assert not [d for d in denials if d in sentence], f"{address}: {sentence}"
    for name, text in text_files(official_site).items():
        assert not [n for n in independent_name.values() if n in text], name
        assert PUBLISHED_REPOSITORY not in text, name  # the repository is not the official site's business


def test_the_independent_band_links_the_publisher_to_its_repository(independent):
    for address, page in independent.items():
        [notice] = page.with_class("pk-identity__notice")
        links = notice.all("a")
        assert [(a.attrs["href"], a.text) for a in links] == [
            (PUBLISHED_REPOSITORY, data("publisher.yaml")["independent"]["name"][language_of(address)])
        ], address


# --- A fork with its own e-mail --------------------------------------------------------------------------
def test_an_independent_publisher_s_email_takes_the_reports(tmp_path):
    """In-process, no build: a fork that gives an e-mail gets it for reports, the privacy page's
    "If you write to us", the contact page and the accessibility feedback, and no issue page."""
    root = copy_inputs(tmp_path / "repo")
    path = root / "data" / "publisher.yaml"
    edit(path, "    fr: le projet à code source ouvert peaceops\n", "    fr: le projet à code source ouvert peaceops\n  email: signalements@peace-fork.org\n")
    site = Site.load(root)
    link = report_problem(site, "fr", "https://peace-fork.org/fr/avis/")
    assert link is not None and link.href.startswith("mailto:signalements@peace-fork.org?subject=")
    for source, language in (("privacy.md", "en"), ("confidentialite.md", "fr"), ("contact.md", "en"), ("accessibility.md", "en")):
        if source not in [p.source for p in site.written_pages(language)]:
            continue
        rendered = site.render(site.page(language, source))
        text = rendered.restore(rendered.markdown)
        assert "mailto:signalements@peace-fork.org" in text, source
        assert "/issues" not in text and "rcmp-grc.gc.ca?subject" not in text, source


def test_the_publisher_s_texts_exist_for_every_identity_and_channel():
    """Every text the pages pick by identity or channel is in data/interface.yaml in both languages."""
    keys = plain_interface_keys()
    for prefix in ("terms.about.", "terms.use.", "terms.links.", "privacy.intro."):
        assert {k for k in keys if k.startswith(prefix)} == {prefix + "official", prefix + "independent"}
    for prefix in ("privacy.contact.", "a11y.ask."):
        assert {k for k in keys if k.startswith(prefix)} == {prefix + c for c in ("official", "email", "issues", "none")}
    assert {k for k in keys if k.startswith("contact.site.")} == {"contact.site." + c for c in ("email", "issues", "none")}


def plain_interface_keys() -> set[str]:
    text = (ROOT / "data" / "interface.yaml").read_text(encoding="utf-8")
    return set(re.findall(r"^  ([a-z0-9_.]+):", text, re.MULTILINE))
