"""Issue 6: what every page carries for readers (breadcrumb, report a problem, footer, 404 pages,
print) and for machines (sitemap with hreflang, robots.txt, JSON-LD, Open Graph, Atom feeds).

Expected values come from the data files read plainly (publishing_support.data), never through the
peaceops package, and every link is followed to a file of the built site.
"""
from __future__ import annotations

import datetime
import json
import posixpath
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT
from dated import first_day, last_day, start, stated
from publishing_support import as_shown, content_pages, data, interface, language_of, parse, root_url

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"
TERMS = {"en": "terms-and-conditions/", "fr": "fr/avis/"}
PRIVACY = {"en": "privacy/", "fr": "fr/confidentialite/"}
HOME = {"en": "", "fr": "fr/"}


def file_at(site, url: str, root: str):
    """The built file an absolute address of the site leads to."""
    assert url.startswith(root), f"{url} is not on {root}"
    path = site / url[len(root):]
    return path / "index.html" if url.endswith("/") else path


def resolve(site, address: str, href: str):
    """The built file a relative link on the page at ``address`` leads to."""
    target = posixpath.normpath(posixpath.join(address or ".", href))
    path = site / target
    return path / "index.html" if href.endswith("/") or path.is_dir() else path


@pytest.fixture(scope="module")
def pages(built_site):
    return {address: parse(path) for address, path in content_pages(built_site).items()}


@pytest.fixture(scope="module")
def root(built_site):
    return root_url(built_site)


# --- Sitemap and robots.txt -------------------------------------------------------------------------

def test_sitemap_lists_every_page_of_both_languages_with_both_hreflang_alternates(built_site, pages, root):
    urls = ET.parse(built_site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    listed = {url.findtext(f"{SITEMAP}loc"): url for url in urls}
    assert len(listed) == len(urls), "a page is listed twice"
    assert set(listed) == {root + address for address in pages}
    for loc, url in listed.items():
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link") if link.get("rel") == "alternate"}
        assert set(alternates) == {"en", "fr"}, loc
        language = language_of(loc[len(root):])
        assert alternates[language] == loc
        for href in alternates.values():
            assert file_at(built_site, href, root).is_file(), f"{loc}: alternate {href} is not a page"
        other = alternates["fr" if language == "en" else "en"]
        assert language_of(other[len(root):]) != language


def test_sitemap_lastmod_is_the_date_modified_printed_on_each_page(built_site, pages, root):
    for url in ET.parse(built_site / "sitemap.xml").getroot().findall(f"{SITEMAP}url"):
        page = pages[url.findtext(f"{SITEMAP}loc")[len(root):]]
        printed = [time.attrs["datetime"] for dl in page.with_class("pk-date-modified") for time in dl.all("time")]
        assert printed == [url.findtext(f"{SITEMAP}lastmod")]


def test_the_french_build_writes_no_second_sitemap(built_site):
    assert (built_site / "sitemap.xml").is_file()
    assert not (built_site / "fr" / "sitemap.xml").exists()
    assert not (built_site / "fr" / "sitemap.xml.gz").exists()


def test_robots_txt_allows_everything_and_names_the_sitemap(built_site, root):
    lines = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    assert f"Sitemap: {root}sitemap.xml" in lines


# --- Page furniture: breadcrumb, report a problem, footer ----------------------------------------------

def test_every_page_has_a_breadcrumb_in_its_language_starting_at_the_home_page(built_site, pages):
    # This repository's site is independent (data/publisher.yaml): its trail starts at its own home,
    # not at the RCMP, which does not publish it (issue 20; tests/test_identity.py: the official trail).
    assert data("publisher.yaml")["identity"] == "independent"
    for address, page in pages.items():
        language = language_of(address)
        navs = [nav for nav in page.all("nav") if nav.has_class("pk-breadcrumb")]
        if address == HOME[language]:
            assert navs == []  # Canada.ca: the current page is never in the trail
            continue
        assert len(navs) == 1, address
        assert navs[0].attrs["aria-label"] == interface("breadcrumb.label", language)
        links = navs[0].all("a")
        for link in links:
            assert resolve(built_site, address, link.attrs["href"]).is_file(), (address, link.attrs["href"])
            assert language_of(posixpath.normpath(posixpath.join(address, link.attrs["href"])) + "/") == language
        assert resolve(built_site, address, links[0].attrs["href"]) == built_site / HOME[language] / "index.html"


def test_country_pages_breadcrumb_goes_through_deployments_or_past_operations(built_site, pages):
    """Under Current deployments: a country with a mission under way; under Past operations: one whose
    missions have all ended; a country whose only missions not ended are suspended is filed under
    neither (issue 29: a suspended mission is not a current deployment), its trail ending at home."""
    states = {m["id"]: m["status"][-1]["state"] for m in data("missions.yaml")["missions"]}
    parents = {"current": {"en": "deployments", "fr": "deploiements"}, "past": {"en": "past-operations", "fr": "operations-passees"},
               "suspended": {"en": "", "fr": "fr"}}
    seen = set()
    for address, page in pages.items():
        if not address.startswith(("countries/", "fr/pays/")):
            continue
        shown = {states[section.attrs["data-mission"]] for section in page.all("section") if "data-mission" in section.attrs}
        kind = "current" if "under_way" in shown else "suspended" if "suspended" in shown else "past"
        seen.add(kind)
        last = page.with_class("pk-breadcrumb")[0].all("a")[-1]
        target = resolve(built_site, address, last.attrs["href"])
        parent = target.parent.name if target.parent != built_site else ""
        assert parent == parents[kind][language_of(address)], (address, kind, parent)
    assert seen >= {"current", "past"}, "the data should have countries with and without a current mission"


# "Report a problem": tests/test_one_publisher.py, on each identity's build (issue 30).


def test_every_page_has_a_footer_with_terms_privacy_and_feed_in_its_language(built_site, pages):
    for address, page in pages.items():
        language = language_of(address)
        footers = [nav for nav in page.all("nav") if nav.has_class("pk-footer")]
        assert len(footers) == 1, address
        assert footers[0].attrs["aria-label"] == interface("footer.about", language)
        links = {link.text: link.attrs["href"] for link in footers[0].all("a")}
        terms = links[interface("footer.terms", language)]
        privacy = links[interface("footer.privacy", language)]
        feed = links[interface("footer.feed", language)]
        assert resolve(built_site, address, terms) == built_site / TERMS[language] / "index.html"
        assert resolve(built_site, address, privacy) == built_site / PRIVACY[language] / "index.html"
        assert resolve(built_site, address, feed) == built_site / HOME[language] / "feed.xml"


def test_every_page_still_has_its_date_modified(pages):
    for address, page in pages.items():
        dates = page.with_class("pk-date-modified")
        assert len(dates) == 1, address
        assert dates[0].all("dt")[0].text == interface("footer.date_modified", language_of(address))
        datetime.date.fromisoformat(dates[0].all("time")[0].attrs["datetime"])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_terms_and_privacy_pages_exist_in_both_languages_and_translate_each_other(built_site, pages, language):
    for page_set in (TERMS, PRIVACY):
        page = pages[page_set[language]]
        assert page.all("html")[0].attrs["lang"] == language
        toggle = page.with_class("pk-language__link")[0].attrs["href"]
        other = "fr" if language == "en" else "en"
        assert resolve(built_site, page_set[language], toggle) == built_site / page_set[other] / "index.html"


def test_privacy_page_says_no_cookies_no_trackers_and_what_the_host_logs(pages):
    english = pages[PRIVACY["en"]].text
    french = pages[PRIVACY["fr"]].text
    for words in ("no cookies", "no analytics", "IP", "log"):
        assert words.lower() in english.lower(), words
    for words in ("aucun témoin", "aucun outil d'analyse", "IP", "journal"):
        assert words.lower() in french.lower(), words


# --- 404 pages ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "fr"])
def test_404_page_speaks_both_languages_its_own_first(built_site, root, language):
    """Hosts serve the root 404 page for French addresses too: each says it in both languages."""
    page = parse(built_site / HOME[language] / "404.html")
    assert page.all("html")[0].attrs["lang"] == language
    assert page.all("h1")[0].text == interface("notfound.title", language)
    parts = page.with_class("pk-notfound")
    assert [part.attrs.get("lang", language) for part in parts] == [language, "fr" if language == "en" else "en"]
    for part in parts:
        code = part.attrs.get("lang", language)
        heading = (part.all("h1") or part.all("h2"))[0]
        assert heading.text == interface("notfound.title", code)
        assert interface("notfound.text", code) in part.text
        link = part.all("a")[0]
        assert (link.attrs["href"], link.text) == (root + HOME[code], interface("notfound.home", code))
        assert link.attrs.get("hreflang") == (None if code == language else code)
    footer = {link.text: link.attrs["href"] for link in page.with_class("pk-footer")[0].all("a")}
    # Served at any address, so its links are absolute.
    assert footer[interface("footer.terms", language)] == root + TERMS[language]
    assert footer[interface("footer.privacy", language)] == root + PRIVACY[language]


def test_french_pages_show_no_english_interface_text(built_site, pages):
    english_only = {
        text["en"] for key, text in data("interface.yaml")["text"].items()
        if key.split(".")[0] in {"breadcrumb", "report", "footer", "notfound"} and text["en"] != text["fr"]
    }
    french = {a: p for a, p in pages.items() if a.startswith("fr/")}
    french["fr/404.html"] = parse(built_site / "fr" / "404.html")
    for address, page in french.items():
        marked_english = " ".join(node.text for node in page.walk() if node.attrs.get("lang") == "en")
        visible = page.all("body")[0].text
        for text in english_only:
            assert visible.count(text) == marked_english.count(text), f"{address}: {text!r}"


# --- Structured data, Open Graph, print ------------------------------------------------------------------

def _graph(page) -> dict[str, list[dict]]:
    """The page's one JSON-LD script, its @graph's nodes by @type."""
    scripts = page.all("script", type="application/ld+json")
    assert len(scripts) == 1
    found = json.loads("".join(child for child in scripts[0].children if isinstance(child, str)))
    assert found["@context"] == "https://schema.org"
    nodes: dict[str, list[dict]] = {}
    for node in found["@graph"]:
        nodes.setdefault(node["@type"], []).append(node)
    return nodes


def test_every_page_has_json_ld_organization_with_the_contacts_from_the_data(pages, root):
    contacts = data("contacts.yaml")["contacts"]
    program = data("program.yaml")["program"]
    publisher = data("publisher.yaml")["publisher"]
    program_page = next(s for s in data("sources.yaml")["sources"] if s["key"] == publisher["program_page"])
    for address, page in pages.items():
        language = language_of(address)
        [found] = [node for node in _graph(page)["GovernmentOrganization"] if node["@id"] == root + "#organization"]
        # One @id in both languages: search engines see one program, named in two languages, at its
        # own official page in the page's language (never this site's address: issue 30).
        assert found["name"] == program["name"][language]
        assert found["url"] == program_page["address"][language] and not found["url"].startswith(root)
        assert found["parentOrganization"] == {"@id": root + "#publisher"}
        [responsible] = [node for node in _graph(page)["GovernmentOrganization"] if node["@id"] == root + "#publisher"]
        assert responsible == {
            "@type": "GovernmentOrganization", "@id": root + "#publisher",
            "name": publisher["name"][language], "url": publisher["url"][language],
        }
        points = found["contactPoint"]
        assert [p["contactType"] for p in points] == [c["label"][language] for c in contacts]
        assert [p.get("email") for p in points] == [c.get("email") for c in contacts]
        assert [p.get("url") for p in points] == [c["web"][language] if c.get("web") else None for c in contacts]
        assert all(p["@type"] == "ContactPoint" for p in points)


def _png(path):
    """(width, height, the colour of the top-left pixel's row filter byte aside) of a PNG file."""
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(raw[16:20], "big"), int.from_bytes(raw[20:24], "big")


def test_the_logo_search_engines_get_is_a_raster_picture_drawn_for_white(built_site, pages, root):
    # The site's logo is its publisher's: the independent publisher's here (the program's only on an
    # official site, tests/test_one_publisher.py), never the program's on a site it does not publish.
    assert all("logo" not in node for page in pages.values() for node in _graph(page)["GovernmentOrganization"])
    logos = {_graph(page)["Organization"][0]["logo"] for page in pages.values()}
    assert len(logos) == 1
    logo = file_at(built_site, logos.pop(), root)
    width, height = _png(logo)
    assert width == height and width >= 112  # search engines ask for at least 112 x 112
    import zlib  # the first pixel row: the corner is white, the picture is not all white

    raw = logo.read_bytes()
    chunks, position = b"", 8
    while position < len(raw):
        length = int.from_bytes(raw[position:position + 4], "big")
        if raw[position + 4:position + 8] == b"IDAT":
            chunks += raw[position + 8:position + 8 + length]
        position += 12 + length
    pixels = zlib.decompress(chunks)
    row = width * 4 + 1 if raw[25] == 6 else width * 3 + 1
    assert set(pixels[1:4]) == {255}, "the corner is not white"
    assert any(value < 128 for value in pixels[row * (height // 2) + 1: row * (height // 2 + 1)]), "no dark stroke across the middle"


def test_every_page_has_a_breadcrumb_list_from_the_publisher_to_itself(built_site, pages, root):
    for address, page in pages.items():
        [web_page] = _graph(page)["WebPage"]
        assert web_page["@id"] == web_page["url"] == root + address
        items = web_page["breadcrumb"]["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        trails = page.with_class("pk-breadcrumb")
        trail = trails[0].all("a") if trails else []  # the home page of an independent site has none
        assert [item["name"] for item in items[:-1]] == [a.text for a in trail], address
        title = next(meta.attrs["content"] for meta in page.all("meta") if meta.attrs.get("property") == "og:title")
        assert items[-1]["item"] == root + address and items[-1]["name"] == title, address
        for item, link in zip(items[:-1], trail, strict=True):  # independent: every step is on this site
            assert resolve(built_site, address, link.attrs["href"]) == file_at(built_site, item["item"], root), address


def test_the_open_data_page_has_a_dataset_with_every_file_its_licence_period_and_date(built_site, pages, root):
    with_dataset = {address: _graph(page)["Dataset"] for address, page in pages.items() if "Dataset" in _graph(page)}
    assert set(with_dataset) == {"open-data/", "fr/donnees-ouvertes/"}
    missions = data("missions.yaml")["missions"]
    first = min(int(start(m)[:4]) for m in missions if start(m))
    for address, [found] in with_dataset.items():
        language = language_of(address)
        offered = [a.attrs["data-file"] for a in pages[address].all("a") if "data-file" in a.attrs]
        assert [d["name"] for d in found["distribution"]] == offered and offered
        for download in found["distribution"]:
            assert download["@type"] == "DataDownload"
            assert file_at(built_site, download["contentUrl"], root).is_file()
            assert download["encodingFormat"] in {"text/csv", "application/json", "application/schema+json"}
        assert found["license"] == interface("opendata.licence.url", language)
        # Who publishes this (independent) site publishes its data (issue 30; official: test_one_publisher.py).
        assert found["publisher"] == found["creator"] == {"@id": root + "#independent-publisher"}
        assert found["dateModified"] == max(str(m["updated"]) for m in missions)
        assert found["temporalCoverage"] == f"{first}/.."  # some missions are current
        assert found["name"] == as_shown(interface("dataset.name", language), language) and found["url"] == root + address


def test_every_page_has_its_language_s_social_card_as_og_image(built_site, pages, root):
    for address, page in pages.items():
        language = language_of(address)
        tags = {meta.attrs["property"]: meta.attrs["content"] for meta in page.all("meta") if "property" in meta.attrs}
        card = file_at(built_site, tags["og:image"], root)
        assert card.name == f"social-card-independent-{language}.png", address
        assert _png(card) == (1200, 630) == (int(tags["og:image:width"]), int(tags["og:image:height"]))
        assert data("program.yaml")["program"]["name"][language] in tags["og:image:alt"]


def test_the_social_cards_say_what_the_data_says_now():
    """The cards are made by tools/make_social_cards.py and committed; each carries the texts it
    drew. When the program's name or the card's texts change in the data, run the tool again."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from make_social_cards import description

    program = data("program.yaml")["program"]["name"]
    publishers = data("publisher.yaml")
    # Each identity's cards name its publisher: the organization on an official site, the independent
    # publisher otherwise (issues 20 and 30); a build carries only its own (test_one_publisher.py).
    for identity, publisher in (("official", publishers["publisher"]), ("independent", publishers["independent"])):
        for language in ("en", "fr"):
            name = f"social-card-{identity}-{language}.png"
            drawn = description((ROOT / "theme" / "assets" / name).read_bytes())
            by = interface("social.by", language).replace("{publisher}", publisher["name"][language])
            expected = " | ".join([program[language], interface("social.tagline", language), by])
            assert drawn == expected.encode("latin-1", errors="replace").decode("latin-1"), (
                f"{name} is out of date: run .venv/bin/python tools/make_social_cards.py"
            )


def test_every_page_has_open_graph_tags_matching_its_canonical_address_and_description(pages, root):
    for address, page in pages.items():
        language = language_of(address)
        tags = {meta.attrs["property"]: meta.attrs["content"] for meta in page.all("meta") if "property" in meta.attrs}
        canonical = next(link.attrs["href"] for link in page.all("link", rel="canonical"))
        description = next(meta.attrs["content"] for meta in page.all("meta", name="description"))
        assert canonical == root + address
        assert tags["og:url"] == canonical
        assert tags["og:description"] == description
        assert tags["og:locale"] == {"en": "en_CA", "fr": "fr_CA"}[language]
        assert tags["og:type"] == "website" and tags["og:title"]


def test_country_pages_have_a_description_naming_the_country(pages):
    for address, page in pages.items():
        if address.startswith(("countries/", "fr/pays/")):
            description = next(meta.attrs["content"] for meta in page.all("meta", name="description"))
            assert page.all("h1")[0].text in description, address


def test_every_page_has_print_styles_and_full_link_addresses_for_paper(built_site, pages, root):
    # The print styles are inside @media print in our one merged stylesheet (peaceops/outputs/stylesheets.py).
    marked = 0
    for address, page in pages.items():
        sheets = [link for link in page.all("link", rel="stylesheet") if "/site." in "/" + link.attrs["href"]]
        assert len(sheets) == 1, address
        css = resolve(built_site, address, sheets[0].attrs["href"]).read_text(encoding="utf-8")
        printed = css[css.index("@media print {"):]
        assert "attr(data-print-href)" in printed and ".md-header" in printed and ".pk-breadcrumb" in printed
        for link in page.all("a"):
            if "data-print-href" in link.attrs:
                marked += 1
                full = link.attrs["data-print-href"]
                href = link.attrs["href"]
                assert full.startswith(("https://", "http://")) or "@" in full, full
                if not href.startswith(("http", "mailto:")):
                    assert full.startswith(root) and file_at(built_site, full.split("#")[0], root).exists(), (address, href)
    assert marked > 100


# --- Atom feed -------------------------------------------------------------------------------------------

def _expected_changes() -> list[tuple[str, str, str]]:
    """(mission id, kind, the entry's updated day) of every change, from data/missions.yaml read
    plainly. A change is a status entry whose since is stated (a range or none is not), or a figure
    with a stated date. Its day is its last day (a day given is itself; a year or a month its last
    day, never an invented 1 January, issue 14), no later than the day the data was checked up to
    (data/dataset.yaml's as_of) nor the last day the mission can have ended (issue 18)."""
    as_of = data("dataset.yaml")["as_of"]
    if not isinstance(as_of, datetime.date):
        as_of = datetime.date.fromisoformat(str(as_of))

    def day(value, limit) -> str:
        return max(first_day(value), min(last_day(value), limit)).isoformat()

    sources = {s["key"]: s for s in data("sources.yaml")["sources"]}
    changes = []
    for mission in data("missions.yaml")["missions"]:
        limit = as_of
        last = mission["status"][-1]
        if last["state"] == "ended" and last.get("since") is not None:
            bound = last["since"].get("latest") if isinstance(last["since"], dict) else last["since"]
            if bound is not None:
                limit = min(limit, last_day(bound))
        for number, entry in enumerate(mission["status"]):
            since = entry.get("since")
            if since is not None and not isinstance(since, dict):
                kind = ("started" if number == 0 else "resumed") if entry["state"] == "under_way" else entry["state"]
                changes.append((mission["id"], kind, day(since, limit)))
        for figure in mission.get("officers") or []:
            when = stated(figure, sources, mission)  # a dated figure is an event; a range or no date is not
            if when:
                changes.append((mission["id"], figure["kind"], day(when, limit)))
    return changes


@pytest.mark.parametrize("language", ["en", "fr"])
def test_atom_feed_has_one_entry_per_change_in_the_data(built_site, root, language):
    feed = ET.parse(built_site / HOME[language] / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert feed.findtext(f"{ATOM}title") == as_shown(interface("feed.title", language), language)
    self_link = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == [root + HOME[language] + "feed.xml"]
    # Who publishes this (independent) site, not the RCMP (issue 20; the official author: test_publishing_builds.py).
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == data("publisher.yaml")["independent"]["name"][language]
    entries = feed.findall(f"{ATOM}entry")
    expected = _expected_changes()
    assert len(entries) == len(expected)
    assert sorted(e.findtext(f"{ATOM}updated")[:10] for e in entries) == sorted(day for _, _, day in expected)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True), "entries are not newest first"
    assert not [u for u in updated if u[4:10] == "-01-01" and not any(day == u[:10] for _, _, day in expected)]
    for entry in entries:
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated").replace("Z", "+00:00"))
        assert entry.findtext(f"{ATOM}title") and entry.findtext(f"{ATOM}summary")
        link = entry.find(f"{ATOM}link").get("href")
        assert file_at(built_site, link, root).is_file(), link
        assert language_of(link[len(root):]) == language
    newest = max([m["updated"] for m in data("missions.yaml")["missions"]])
    assert feed.findtext(f"{ATOM}updated") >= f"{newest.isoformat()}T00:00:00Z"


def test_feed_titles_give_the_published_figures(built_site):
    """Every figure a mission's own line dates by its year reaches the feed's titles with that year."""
    feed = ET.parse(built_site / "feed.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    names = {"HT": "Haiti", "CI": "Côte d'Ivoire", "SD": "Sudan"}
    figures = [
        (mission, figure)
        for mission in data("missions.yaml")["missions"]
        if mission["country"] in names
        for figure in mission.get("officers", [])
        if len(str(figure.get("as_of", ""))) == 4
    ]
    assert figures, "some mission has a figure dated by its year"
    for mission, figure in figures:
        where = interface("feed.where", "en").format(mission=mission["acronym"]["en"], country=names[mission["country"]])
        key = f"feed.{figure['kind']}.{'one' if figure['count'] == 1 else 'other'}"
        expected = interface(key, "en").format(where=where, n=f"{figure['count']:,}", when=figure["as_of"])
        assert expected in titles
