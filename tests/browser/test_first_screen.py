"""Issue 29: the phone's first screen is for the answer, and the map is legible at 375 px, measured
in Chromium.

The home page's newest count of Canadian police serving (the element whose data-fact names
"serving", its date in data-as-of) ends inside a 375 x 812 screen in both languages, says what it
covers, and is the newest dated count in data/program.yaml of either kind (read here from the YAML).
On the map, no marker covers another marker or a place's dot, and the numbered key that names them
starts right under the map.
"""
from __future__ import annotations

import calendar
from datetime import date
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

PHONE = (375, 812)
HOMES = ("", "fr/")
KINDS = ("officers_serving", "officers_in_un_missions")  # the program's totals first: they win a tie
KEY_WITHIN = 120  # CSS px between the map's bottom and its key's top, at most


def _texts() -> dict:
    return yaml.safe_load(Path("data/interface.yaml").read_text(encoding="utf-8"))["text"]


def _rank(as_of) -> tuple:
    """How new a count is, as tests/dated.py ranks figures: a stated date by its last day, a range by
    its earliest bound (below a stated date of the same day), one bounded only late below those."""
    if isinstance(as_of, dict):
        if as_of.get("earliest") is not None:
            return (2, _first_day(as_of["earliest"]), 0)
        return (1, _last_day(as_of["latest"]), 0)
    return (2, _last_day(as_of), 1)


def _parts(value) -> list[int]:
    return [int(part) for part in str(value).split("-")]


def _first_day(value) -> date:
    parts = _parts(value)
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value) -> date:
    parts = _parts(value)
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


def _newest() -> tuple[str, dict]:
    facts = yaml.safe_load(Path("data/program.yaml").read_text(encoding="utf-8"))["program"]["facts"]
    found = [((_rank(s["as_of"]), -order), kind, s) for order, kind in enumerate(KINDS) for s in facts.get(kind) or []
             if s.get("as_of") is not None]
    _, kind, statement = max(found, key=lambda item: item[0])
    return kind, statement


@pytest.fixture(scope="module")
def phone(browser, base_url):
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("address", HOMES)
def test_the_newest_count_ends_inside_a_phones_first_screen(phone, base_url, address):
    phone.goto(base_url + address)
    counts = phone.locator('[data-fact="serving"]')
    assert counts.count() == 1
    box = counts.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE[1], f"/{address}: the count ends at {box} of {PHONE[1]} px"
    kind, statement = _newest()
    as_of = statement["as_of"]
    expected = str(as_of) if not isinstance(as_of, dict) else "/".join(str(as_of.get(b) or "..") for b in ("earliest", "latest"))
    assert counts.get_attribute("data-as-of") == expected
    assert counts.get_attribute("data-covers") == kind
    language = "fr" if address else "en"
    covers = _texts()[f"count.newest.{kind}"][language].split("{n}")[1].strip()
    shown = counts.inner_text().replace("\u00a0", " ").replace("\u202f", " ")
    assert covers in shown and f"{statement['count']:,}".replace(",", " " if language == "fr" else ",") in shown, shown


MAP = """() => {
    const markers = [...document.querySelectorAll('.pk-map__marker')].map(m => m.getBoundingClientRect());
    const dots = [...document.querySelectorAll('.pk-map__link circle:not(.pk-map__marker)')].map(d => d.getBoundingClientRect());
    const svg = document.querySelector('svg.pk-map__svg').getBoundingClientRect();
    const key = document.querySelector('ol.pk-map__key').getBoundingClientRect();
    const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom, cx: (r.left + r.right) / 2, cy: (r.top + r.bottom) / 2, r: r.width / 2});
    return {markers: markers.map(box), dots: dots.map(box), mapBottom: svg.bottom, keyTop: key.top};
}"""


@pytest.mark.parametrize("address", ["deployments/", "fr/deploiements/"])
def test_on_a_phone_no_marker_hides_another_and_the_key_is_under_the_map(phone, base_url, address):
    phone.goto(base_url + address)
    found = phone.evaluate(MAP)
    markers, dots = found["markers"], found["dots"]
    assert len(markers) >= 2
    for i, one in enumerate(markers):
        for other in markers[i + 1:]:
            apart = ((one["cx"] - other["cx"]) ** 2 + (one["cy"] - other["cy"]) ** 2) ** 0.5
            assert apart >= one["r"] + other["r"], f"/{address}: two markers overlap ({one}, {other})"
        for dot in dots:
            apart = ((one["cx"] - dot["cx"]) ** 2 + (one["cy"] - dot["cy"]) ** 2) ** 0.5
            assert apart >= one["r"] + dot["r"], f"/{address}: a marker covers a place's dot ({one}, {dot})"
    assert 0 <= found["keyTop"] - found["mapBottom"] <= KEY_WITHIN, found
