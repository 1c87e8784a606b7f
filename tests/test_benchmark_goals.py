"""``make benchmark`` prints issues 21's and 33's goals beside the figures it measured, met or not.

Why: the speed goals are held by the benchmark, not by timed tests (which a busy machine would fail);
the table must say plainly when a figure misses its goal. The figures here are made up.
"""
from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))  # benchmarks/ is not an installed package
from benchmarks.measure import Run
from benchmarks.run import BuildRow, build_table, goals_table


def row(name: str, check: float, floor: float, ours: float, same: float) -> BuildRow:
    def run(cpu: float) -> Run:
        return Run(seconds=cpu * 3, cpu_seconds=cpu, peak_mib=60)

    return BuildRow(
        name, 10, 5, 40, run(check * 2), run(check), run(floor), run(ours + 1), run(ours), run(1.0), run(same)
    )


def test_each_goal_is_shown_with_its_figure_and_whether_it_is_met() -> None:
    rows = [row("real", 0.32, 0.20, 1.2, 1.0), row("synthetic-1000", 0.9, 0.20, 3.0, 2.0)]
    lines = goals_table(rows, {"real": 0.5, "synthetic-1000": None}).splitlines()

    def line(*words: str) -> str:
        found = [text for text in lines if all(word in text for word in words)]
        assert len(found) == 1, (words, lines)
        return found[0]

    # The check over its floor: 0.32 / 0.20 = 1.6 times, under 1.7; 0.9 / 0.2 = 4.5 times, over 4.
    assert line("make check", "real").split()[-3:] == ["1.60×", "1.7×", "met"]
    assert "(0.32/0.20 s)" in line("make check", "real")
    assert line("make check", "synthetic-1000").split()[-4:] == ["4.50×", "4.0×", "NOT", "MET"]
    assert line("data layer", "real").split()[-3:] == ["1.20×", "1.3×", "met"]
    assert line("data layer", "synthetic-1000").split()[-4:] == ["1.50×", "1.3×", "NOT", "MET"]
    assert line("preview", "real").split()[-3:] == ["0.50", "0.80", "met"]
    assert "failed" in line("preview", "synthetic-1000") and line("preview", "synthetic-1000").endswith("NOT MET")


def test_the_build_table_shows_the_floor_and_the_checks_ratio_to_it() -> None:
    table = build_table([row("real", 0.32, 0.20, 1.2, 1.0)]).splitlines()
    assert "floor s" in table[0] and "×floor" in table[0]
    assert "0.60 (0.20)" in table[2] and "1.6×" in table[2].split()
