"""Write a full copy of the site's inputs whose data/missions.yaml holds N made-up, valid missions.

Why: the real history has a dozen operations; CI must keep working when it has a thousand. The copy
has the real pages, theme, hooks and other data files, so the real pipeline (validation, facts,
routes, generated country pages, both languages) runs on it exactly as it does on the real data.
Missions are spread over up to 150 ISO countries so that the number of country pages grows too.

    python -m benchmarks.make_synthetic 1000 /tmp/ops-1000
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
# tests/ is not a package: textstat installs a top-level package named "tests" that would shadow it.
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_inputs  # noqa: E402  (one definition of "what a build reads")

MAX_COUNTRIES = 150
LEADS = ("UN", "EU", "NATO", "OSCE", "bilateral", "other")
SOURCE = "rcmp-po-mp-overview"  # a source in data/sources.yaml, cited by key


def countries(limit: int = MAX_COUNTRIES) -> list[str]:
    """The first ``limit`` ISO 3166-1 codes, alphabetically: real places with real names in both languages."""
    return sorted(country.alpha_2 for country in pycountry.countries)[:limit]


def mission_yaml(index: int, codes: list[str]) -> str:
    """One mission as an editor would write it (compact, to stay under yamlsource's 1 MiB file limit).

    About one mission in four is current; the rest ended 1 to 12 years after they began.
    """
    code = codes[index % len(codes)]
    start = 1989 + index % 35
    current = index % 4 == 0
    lines = [
        f"  - id: op-{index:04d}",
        f"    acronym: {{en: OP{index}, fr: OP{index}}}",
        f"    name: {{en: Synthetic peace operation {index}, fr: Opération de paix synthétique {index}}}",
        f"    lead: {LEADS[index % len(LEADS)]}",
        f"    country: {code}",
        "    status:",
        f"      - {{state: under_way, since: {start}, source: {SOURCE}}}",
    ]
    if not current:
        lines.append(f"      - {{state: ended, since: {min(start + 1 + index % 12, 2025)}, source: {SOURCE}}}")
    lines += [
        "    officers:",
        f"      - {{kind: deployed, count: {5 + index % 90}, as_of: {start}, source: {SOURCE}}}",
    ]
    if index % 3:
        lines.append(f"      - {{kind: authorized, count: {10 + index % 120}, as_of: {start}, source: {SOURCE}}}")
    lines += [
        "    roles:",
        "      - {en: Advise and train the national police, fr: Conseiller et former la police nationale}",
        f"    language: {'fr' if index % 2 else 'en'}",
        f"    armed: {'yes' if index % 5 == 0 else 'no'}",
        "    mandate:",
        f"      en: Helps the host country rebuild its police service (synthetic mission {index}).",
        f"      fr: Aide le pays hôte à reconstruire son service de police (mission synthétique {index}).",
        f"    sources: [{SOURCE}]",
        f"    updated: 2026-{1 + index % 11:02d}-{1 + index % 28:02d}",
    ]
    return "\n".join(lines) + "\n"


def missions_yaml(count: int, country_limit: int = MAX_COUNTRIES) -> str:
    codes = countries(min(count, country_limit))
    return "missions:\n" + "".join(mission_yaml(index, codes) for index in range(count))


def make_synthetic(count: int, destination: Path) -> Path:
    """A buildable copy of the inputs in ``destination`` with ``count`` synthetic missions."""
    copy_inputs(destination)
    (destination / "data" / "missions.yaml").write_text(missions_yaml(count), encoding="utf-8")
    # data/people.yaml (issue 34) names real missions, which the synthetic file replaces: its records
    # name the first synthetic mission instead.
    people = destination / "data" / "people.yaml"
    named = re.sub(r"(?m)^(\s+mission: )\S+$", r"\g<1>op-0000", people.read_text(encoding="utf-8"))
    people.write_text(named, encoding="utf-8")
    return destination


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many missions")
    parser.add_argument("destination", type=Path, help="an empty or new folder")
    args = parser.parse_args(argv)
    make_synthetic(args.count, args.destination)
    print(f"{args.count} missions written to {args.destination}/data/missions.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
