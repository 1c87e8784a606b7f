"""Make the pictures link previews and search engines show: a 1200 x 630 card per identity and
language, and a logo that reads on white.

Why: social sites and chat apps show a page's ``og:image`` beside its link, and search engines take
an organization's logo from its schema.org data; the header logo (theme/assets/logo.svg) is white
on transparent, invisible on the white those services use, and an SVG most previews do not show.
The cards carry the program's name, a line about the site and the publisher's name, all from the
data (data/program.yaml, data/interface.yaml social.*, data/publisher.yaml), so they say what the
site says, in its language. Who publishes the site depends on its identity (data/publisher.yaml):
the organization on the official site, the independent publisher on a copy. So each identity has its
cards (social-card-official-en.png, social-card-independent-fr.png ...), and a build carries only
its own (peaceops/mkdocs/pages.py): switching identity needs no new drawing, and an official site
never shows a card naming someone else as its publisher, nor the reverse. They are drawn as HTML
and SVG by Debian's Chromium (no web font: the system's DejaVu Sans) and committed, so the build
needs no browser. Run it again after changing those texts; a test compares the texts written into
each PNG with the data:

    .venv/bin/python tools/make_social_cards.py

Each PNG gets a tEXt chunk ("Description": the texts drawn), so that the test can tell when the data
has moved on. Same Chromium and fonts, same bytes.
"""
from __future__ import annotations

import html
import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from peaceops.outputs.metadata import social_card_file  # noqa: E402
from peaceops.site.site import Site  # noqa: E402
from peaceops.source.model import LANGUAGES, Text  # noqa: E402
from peaceops.source.publisher import IDENTITIES, PublisherFile  # noqa: E402

ASSETS = ROOT / "theme" / "assets"
CARD_SIZE = (1200, 630)
LOGO_SIZE = 512
CHROMIUM = "/usr/bin/chromium"
NAVY = "#26374a"  # theme/assets/site.css --md-primary-fg-color (Canada.ca header navy)


def card_file(identity: str, language: str) -> Path:
    return ROOT / "theme" / social_card_file(identity, language)


LOGO_FILE = ASSETS / "logo-on-white.png"


def globe(stroke: str, size: int) -> str:
    """The header logo's globe (theme/assets/logo.svg), drawn in ``stroke`` at ``size`` pixels."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="{size}" height="{size}" fill="none" '
        f'stroke="{stroke}" stroke-width="1.6"><circle cx="12" cy="12" r="9.2"/>'
        '<ellipse cx="12" cy="12" rx="4" ry="9.2"/><path d="M3 9h18M3 15h18"/></svg>'
    )


def publisher_name(publisher: PublisherFile, identity: str) -> Text:
    """Who publishes a site of ``identity``: the organization on an official one (issue 20), the
    independent publisher on a copy (the name only: the card draws no address)."""
    return publisher.publisher.name if identity == "official" else publisher.independent.name


def card_texts(site: Site, identity: str, language: str) -> list[str]:
    """What the card says, in the order drawn: program, tagline, who publishes a site of ``identity``."""
    fmt = site.localizer(language)
    publisher = fmt.t("social.by", publisher=fmt.text(publisher_name(site.publisher, identity)))
    return [fmt.text(site.dataset.program.name), fmt.t("social.tagline"), publisher]


def card_html(site: Site, identity: str, language: str) -> str:
    name, tagline, publisher = (html.escape(text) for text in card_texts(site, identity, language))
    width, height = CARD_SIZE
    return f"""<!doctype html><html lang="{language}"><meta charset="utf-8"><style>
html, body {{ margin: 0; width: {width}px; height: {height}px; }}
body {{ font-family: "DejaVu Sans", sans-serif; background: {NAVY}; color: #ffffff; display: flex;
  flex-direction: column; justify-content: center; padding: 0 80px; box-sizing: border-box; }}
.top {{ display: flex; align-items: center; gap: 48px; }}
.top svg {{ flex: none; }}
h1 {{ font-size: 58px; line-height: 1.15; margin: 0; font-weight: 700; }}
p {{ font-size: 32px; line-height: 1.3; margin: 40px 0 0; }}
.by {{ border-top: 4px solid #ffffff; padding-top: 24px; font-size: 28px; }}
</style><div class="top">{globe("#ffffff", 170)}<h1>{name}</h1></div>
<p>{tagline}</p><p class="by">{publisher}</p></html>"""


def logo_html() -> str:
    return (
        f'<!doctype html><html lang="en"><meta charset="utf-8"><style>html, body {{ margin: 0; background: #ffffff; }}'
        f"</style>{globe(NAVY, LOGO_SIZE)}</html>"
    )


def with_description(png: bytes, text: str) -> bytes:
    """The PNG with a tEXt "Description" chunk just before IEND."""
    data = b"Description\x00" + text.encode("latin-1", errors="replace")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    end = png.rindex(b"IEND") - 4
    return png[:end] + chunk + png[end:]


def description(png: bytes) -> str | None:
    """The text of the PNG's tEXt "Description" chunk, if any (read by the tests)."""
    position = 8
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        body = png[position + 8 : position + 8 + length]
        if kind == b"tEXt" and body.startswith(b"Description\x00"):
            return body.split(b"\x00", 1)[1].decode("latin-1")
        position += 12 + length
    return None


def size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    return struct.unpack(">II", png[16:24])


def describe(texts: list[str]) -> str:
    return " | ".join(texts)


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = Site.load(ROOT)
    with sync_playwright() as playwright:
        arguments = ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=arguments)
        page = browser.new_page(viewport={"width": CARD_SIZE[0], "height": CARD_SIZE[1]}, device_scale_factor=1)
        for identity in IDENTITIES:
            for language in LANGUAGES:
                page.set_content(card_html(site, identity, language))
                png = page.screenshot(clip={"x": 0, "y": 0, "width": CARD_SIZE[0], "height": CARD_SIZE[1]})
                texts = describe(card_texts(site, identity, language))
                card_file(identity, language).write_bytes(with_description(png, texts))
                print(f"Wrote {card_file(identity, language).relative_to(ROOT)}")
        page.set_viewport_size({"width": LOGO_SIZE, "height": LOGO_SIZE})
        page.set_content(logo_html())
        png = page.screenshot(clip={"x": 0, "y": 0, "width": LOGO_SIZE, "height": LOGO_SIZE})
        LOGO_FILE.write_bytes(with_description(png, "globe"))
        print(f"Wrote {LOGO_FILE.relative_to(ROOT)}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
