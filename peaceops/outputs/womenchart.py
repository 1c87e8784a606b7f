"""The chart of women among Canadian police in UN missions, at each date a source counts them (issue 34).

Why: the counts are few and irregular (a month here, two years' gap there), so a bar per dated count,
in date order, shows how the number moved without drawing a line through months nobody counted. Only
the UN series is drawn: other counts cover other things (one mission's contingent) and are in the
table beside it, which is the chart's text alternative. Drawn like the operations chart
(``chart.py``: its sizes, colours and scale), as inline SVG, one image with a title and a description.
"""
from __future__ import annotations

import math
from html import escape

from peaceops.outputs.chart import AXIS, BAR, BOTTOM, GRID, HEIGHT, LABEL, LEFT, RIGHT, TOP, VALUE, WIDTH, y_step
from peaceops.pages.localize import Localizer
from peaceops.source.people import PeopleFile

ID = "pk-women-chart"
# Fewer dated counts than this make no chart: the table says it all.
FEWEST_POINTS = 4


def render(people: PeopleFile, fmt: Localizer) -> str:
    """The chart as an ``<svg role="img">`` element, or an empty string with too few counts to draw."""
    series = people.un_series()
    if len(series) < FEWEST_POINTS:
        return ""
    highest = max(figure.women for figure in series)
    peak = next(figure for figure in series if figure.women == highest)
    step = y_step(max(highest, 1))
    top_value = max(math.ceil(highest / step) * step, step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(series)

    def y_of(value: int) -> float:
        return TOP + plot_h - value / top_value * plot_h

    description = fmt.t(
        "people.women.chart.desc",
        n=fmt.number(len(series)),
        first=fmt.when(series[0].as_of),
        last=fmt.when(series[-1].as_of),
        highest=fmt.number(highest),
        peak=fmt.when(peak.as_of),
        latest=fmt.number(series[-1].women),
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pk-chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{ID}-title {ID}-desc" data-chart="women-un">',
        f'<title id="{ID}-title">{escape(fmt.t("people.women.chart.title"))}</title>',
        f'<desc id="{ID}-desc">{escape(description)}</desc>',
    ]
    for value in range(0, top_value + 1, step):
        y = round(y_of(value), 1)
        parts.append(f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" {GRID if value else AXIS}/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y}" {VALUE} {LABEL}>{fmt.number(value)}</text>')
    previous_year = None
    for index, figure in enumerate(series):
        x = round(LEFT + index * slot + slot * 0.2, 1)
        y = round(y_of(figure.women), 1)
        height = round(TOP + plot_h - y, 1)
        bar_title = escape(fmt.t("people.women.chart.bar", date=fmt.when(figure.as_of), women=fmt.number(figure.women)))
        parts.append(
            f'<rect x="{x}" y="{y}" width="{round(slot * 0.6, 1)}" height="{height}" {BAR} '
            f'data-as-of="{figure.as_of.iso}" data-count="{figure.women}"><title>{bar_title}</title></rect>'
        )
        if figure.as_of.year != previous_year:  # a year is written once, under its first count
            middle = round(LEFT + (index + 0.5) * slot, 1)
            below = TOP + plot_h + 17
            parts.append(f'<text x="{middle}" y="{below}" text-anchor="middle" {LABEL}>{figure.as_of.year}</text>')
            previous_year = figure.as_of.year
    axis_date = escape(fmt.t("people.women.chart.axis_date"))
    parts.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 6}" text-anchor="middle" {LABEL}>{axis_date}</text>')
    middle_y = TOP + plot_h / 2
    parts.append(
        f'<text x="13" y="{middle_y}" text-anchor="middle" transform="rotate(-90 13 {middle_y})" {LABEL}>'
        f'{escape(fmt.t("people.women.chart.axis"))}</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)
