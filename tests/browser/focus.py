"""What a keyboard user sees: where focus is, and whether focus changes how an element looks.

Why: WCAG 2.4.7 (focus visible) is about rendering, so the check compares each element's computed
style (and its parents') when focused from the keyboard with the same when not focused; an element
that looks the same either way, or that is focused off screen, fails.
"""
from __future__ import annotations

from dataclasses import dataclass

# Properties through which a focus indicator can show. Material uses outline, colour and underline,
# and for the search field it changes the form around it, so the two parents are compared too.
SNAPSHOT_STYLE = """element => {
    const keys = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'color',
                  'background-color', 'text-decoration-line', 'border-color', 'opacity', 'transform'];
    const look = node => { const style = getComputedStyle(node); return keys.map(key => style.getPropertyValue(key)).join('|'); };
    return [element, element.parentElement, element.parentElement?.parentElement]
        .filter(Boolean).map(look).join(' / ');
}"""

TRANSITIONS_MS = 400

MARK_FOCUSABLES = f"""() => {{
    const snapshot = {SNAPSHOT_STYLE};
    const focusable = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), label[tabindex]';
    const styles = [];
    document.querySelectorAll(focusable).forEach((element, index) => {{
        element.dataset.focusIndex = index;
        styles.push(snapshot(element));
    }});
    return styles;
}}"""

ACTIVE = f"""() => {{
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const box = element.getBoundingClientRect();
    return {{
        index: element.dataset.focusIndex ?? null,
        style: ({SNAPSHOT_STYLE})(element),
        describe: element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).trim().split(/\\s+/).join('.') : '')
            + (element.getAttribute('href') ? '[href=' + element.getAttribute('href') + ']' : ''),
        inContent: !!element.closest('.md-content'),
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
    }};
}}"""


@dataclass
class TabWalk:
    first: dict | None  # the first tab stop from the top of the page, as ACTIVE describes it
    problems: list[str]  # each stop that looks the same focused and not, or is focused off screen


def walk_tab_stops(page, seen_visible: set, limit: int = 80) -> TabWalk:
    """Tab through the page from the top; name each stop that looks the same focused and not.

    ``seen_visible`` remembers stops already shown to be visible (the header repeats on every page)
    so that waiting for transitions happens once per kind of stop, not once per page."""
    unfocused = page.evaluate(MARK_FOCUSABLES)
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    problems, seen, first = [], set(), None
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if not seen:
            first = active
        if active is None or active["index"] is None:
            break
        index = int(active["index"])
        if index in seen:
            break  # focus has come round again
        seen.add(index)
        if not active["visible"]:
            problems.append(f"{active['describe']}: focused but not on screen")
        elif active["style"] == unfocused[index] and (active["describe"], unfocused[index]) not in seen_visible:
            if _after_transitions(page) == unfocused[index]:
                problems.append(f"{active['describe']}: looks the same focused and not focused")
            else:
                seen_visible.add((active["describe"], unfocused[index]))
    return TabWalk(first, problems)


def _after_transitions(page) -> str:
    """The focused element's look once Material's CSS transitions (at most 250 ms) have run."""
    page.wait_for_timeout(TRANSITIONS_MS)
    return page.evaluate(ACTIVE)["style"]
