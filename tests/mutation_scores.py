"""The mutation score of each module after ``make mutate``, as a table for tests/MUTATION.md.

Why: mutmut prints one line per mutant; what a developer needs is, per module, how many mutants the
tests killed of those they could check, and which survived (each then killed by a new test or
explained in tests/MUTATION.md). Reads mutmut's own results (``mutmut results --all true``), so
it counts exactly what mutmut decided.

    .venv/bin/python tests/mutation_scores.py            # the table, then the survivors
"""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def module_of(mutant: str) -> str:
    """``peaceops.facts.x_newest_first__mutmut_3`` (or a method's ``xǁDatedǁrank__mutmut_1``) -> ``peaceops.facts``."""
    return re.split(r"\.x[ǁ_]", mutant, maxsplit=1)[0]


def scores(lines: list[str]) -> tuple[dict[str, Counter[str]], dict[str, list[str]]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        name, _, status = line.strip().rpartition(": ")
        if not name or "__mutmut_" not in name:
            continue
        module = module_of(name)
        counts[module][status] += 1
        if status in ("survived", "no tests", "timeout", "suspicious"):
            survivors[module].append(f"{name}: {status}")
    return counts, survivors


def table(counts: dict[str, Counter[str]]) -> list[str]:
    """Score: killed of the mutants the tests reached (a mutant in code no test runs in this process
    is "no tests", counted apart: the tests that build the site run it in another process)."""
    rows = [
        "| Module | Mutants | Reached | Killed | Survived | Timeout | No tests (not reached) | Not run | Score (killed / reached) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for module in sorted(counts):
        c = counts[module]
        killed = c["killed"] + c["caught by type check"]
        reached = killed + c["survived"] + c["timeout"] + c["suspicious"]
        score = f"{killed / reached:.0%}" if reached else "–"
        rows.append(
            f"| `{module}` | {sum(c.values())} | {reached} | {killed} | {c['survived']} | {c['timeout']} | {c['no tests']} | {c['not checked']} | {score} |"
        )
    return rows


def main() -> int:
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "mutmut"), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        return result.returncode
    counts, survivors = scores(result.stdout.splitlines())
    print("\n".join(table(counts)))
    for module in sorted(survivors):
        print(f"\n{module}: {len(survivors[module])} not killed")
        print("\n".join(f"  {line}" for line in survivors[module]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
