"""One sitemap for the whole bilingual site, and the robots.txt that points to it.

Why: search engines should find every page of both languages and know which pages translate each
other. One sitemap at the site root lists every page with ``xhtml:link`` alternates for both
languages (Google's recommended form for multilingual sites); its ``lastmod`` is each page's
date modified, from the data, never the build clock, so two builds of the same input are identical.
"""
from __future__ import annotations

from xml.etree import ElementTree as ET

from peaceops.languages import LANGUAGES
from peaceops.pages.addresses import absolute
from peaceops.pages.catalogue import PageInfo, all_pages
from peaceops.pages.website import Website

SITEMAP_FILE = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_xml(site: Website, root: str) -> str:
    """The sitemap's text: one ``<url>`` per page of each language, with both hreflang alternates."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for page in all_pages(site):
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = absolute(root, page.path)
        ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = page.date_modified.isoformat()
        for language in LANGUAGES:
            ET.SubElement(
                url,
                f"{{{XHTML_NS}}}link",
                {"rel": "alternate", "hreflang": language, "href": absolute(root, _translation(site, page, language))},
            )
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="unicode", xml_declaration=True) + "\n"


def _translation(site: Website, page: PageInfo, language: str) -> str:
    return site.routes.path(page.page_id, language)


def robots_txt(root: str) -> str:
    """Every page may be indexed; the sitemap says where they are."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(root, SITEMAP_FILE)}\n"
