"""The chart of operations over time: how many operations had Canadian police in each year.

Why: the history page lists operations one by one; a bar chart shows the shape of that history (the
growth in the 2000s, the peaks) at a glance. It is drawn at build time as inline SVG (no script, no
library), is one image to assistive technology with a title and a description that state what it
shows, and always sits beside a table of the same numbers. The numbers come only from
``facts.active_by_year``; every word comes from data/interface.yaml through the Localizer.
"""
from __future__ import annotations

import math
from html import escape

from peaceops.facts import Facts
from peaceops.pages.localize import Localizer

ID = "pk-chart"
WIDTH, HEIGHT = 460, 260
LEFT, RIGHT, TOP, BOTTOM = 46, 8, 12, 46  # room for the axes' numbers and titles
# The bars' and value lines' colours are site.css's (--pk-chart-bar, --pk-chart-grid), which these
# classes take; the attributes are only what a view without site.css shows.
BAR = 'class="pk-chart__bar" fill="#000000"'
AXIS = 'stroke="#000000" stroke-width="1"'
GRID = 'class="pk-chart__grid" stroke="#bbbbbb" stroke-width="1"'
LABEL = 'font-size="13" fill="#000000"'
VALUE = 'text-anchor="end" dominant-baseline="central"'


def y_step(highest: int) -> int:
    """A whole-number gap between the value lines: every 1, 2, 5, 10 ... so there are at most 6."""
    for step in (1, 2, 5, 10, 20, 50, 100):
        if highest / step <= 6:
            return step
    return int(10 ** math.ceil(math.log10(highest / 6)))


def labelled_years(years: list[int]) -> list[int]:
    """Years to write under the axis: the first, every fifth and the last, never crowded."""
    chosen: list[int] = []
    for year in years:
        wanted = year in (years[0], years[-1]) or year % 5 == 0
        if wanted and (not chosen or year - chosen[-1] >= 3):
            chosen.append(year)
    if years and chosen[-1] != years[-1] and years[-1] - chosen[-1] < 3:
        chosen[-1] = years[-1]
    return chosen


def peak(counts: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    """(highest count, the first year it was reached)."""
    highest = max(n for _, n in counts)
    return highest, next(year for year, n in counts if n == highest)


def render(facts: Facts, fmt: Localizer) -> str:
    """The chart as an ``<svg role="img">`` element, or an empty string when there are no operations."""
    counts = facts.active_by_year
    if not counts:
        return ""
    years = [year for year, _ in counts]
    highest, peak_year = peak(counts)
    step = y_step(highest)
    top_value = math.ceil(highest / step) * step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(years)

    def y_of(value: int) -> float:
        return TOP + plot_h - value / top_value * plot_h

    title = fmt.t("chart.title")
    description = fmt.t(
        "chart.desc",
        first=years[0],
        last=years[-1],
        highest=fmt.number(highest),
        peak_year=peak_year,
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pk-chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{ID}-title {ID}-desc" data-chart="operations-per-year">',
        f'<title id="{ID}-title">{escape(title)}</title>',
        f'<desc id="{ID}-desc">{escape(description)}</desc>',
    ]
    for value in range(0, top_value + 1, step):
        y = round(y_of(value), 1)
        parts.append(f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" {GRID if value else AXIS}/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y}" {VALUE} {LABEL}>{fmt.number(value)}</text>')
    for index, (year, count) in enumerate(counts):
        if count:
            x = round(LEFT + index * slot + slot * 0.15, 1)
            y = round(y_of(count), 1)
            height = round(TOP + plot_h - y, 1)
            key = "chart.bar.one" if count == 1 else "chart.bar.other"
            bar_title = escape(fmt.t(key, year=year, n=fmt.number(count)))
            parts.append(
                f'<rect x="{x}" y="{y}" width="{round(slot * 0.7, 1)}" height="{height}" {BAR} data-year="{year}" '
                f'data-count="{count}"><title>{bar_title}</title></rect>'
            )
    for year in labelled_years(years):
        x = round(LEFT + (year - years[0] + 0.5) * slot, 1)
        parts.append(f'<text x="{x}" y="{TOP + plot_h + 17}" text-anchor="middle" {LABEL}>{year}</text>')
    axis_title = escape(fmt.t("chart.axis.year"))
    parts.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 6}" text-anchor="middle" {LABEL}>{axis_title}</text>')
    middle = TOP + plot_h / 2
    parts.append(
        f'<text x="13" y="{middle}" text-anchor="middle" transform="rotate(-90 13 {middle})" {LABEL}>'
        f'{escape(fmt.t("chart.axis.operations"))}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)
