"""What the issue's acceptance asks, built once: one mission added in a new country, one mission ended.

Why: "adding a mission to the YAML, with nothing else" and "adding an end date" must change every
page, the map, the chart, the exports and the totals. Building that site once per test run, from a
copy of the inputs with only data/missions.yaml edited, lets each test module check its own part.
Expected values are worked out from the YAML here, never from the peaceops package.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import plainyaml
import pytest
import sharedbuild
from conftest import ROOT, copy_inputs, run_build
from dated import end, sources, start, stated

NEW_MISSION = """
  - id: test-colombia
    acronym: {en: UNVMC, fr: UNVMC}
    name:
      en: United Nations Verification Mission in Colombia
      fr: Mission de vérification des Nations Unies en Colombie
    lead: UN
    country: CO
    status:
      - {state: under_way, since: 2017, source: test-pm-colombia}
    officers:
      - {kind: authorized, count: 10, as_of: 2017, source: test-pm-colombia}
    roles:
      - en: Verify the laying down of arms
        fr: Vérifier le dépôt des armes
    language: en
    armed: no
    mandate:
      en: Verifies the peace agreement in Colombia.
      fr: Vérifie l'accord de paix en Colombie.
    sources:
      - test-pm-colombia
    updated: 2026-11-30
"""
NEW_SOURCE = """
  - key: test-pm-colombia
    publisher: {en: Prime Minister of Canada, fr: Premier ministre du Canada}
    title: {en: Canada's support for peace in Colombia, fr: Le soutien du Canada à la paix en Colombie}
    address: {en: "https://pm.gc.ca/en/node/3572", fr: "https://pm.gc.ca/fr/node/3572"}
    published: 2017
"""
NEW_ID, NEW_CODE = "test-colombia", "CO"
NEW_PAGES = {"en": "countries/colombia/", "fr": "fr/pays/colombie/"}  # Colombia is "Colombie" in French
ENDED_ID, ENDED_CODE, ENDED_YEAR = "eupol-copps", "west-bank", 2019  # after its last figure (2018-11)
ENDED_PAGES = {"en": "countries/west-bank/", "fr": "fr/pays/cisjordanie/"}


@dataclass(frozen=True)
class Built:
    root: Path
    site: Path


def read_missions(root: Path) -> list[dict]:
    return plainyaml.read(root / "data" / "missions.yaml")["missions"]


def year(value) -> int:
    return int(str(value)[:4])


def checked_year(root: Path = ROOT) -> int:
    """The year of the date the data was checked up to (as_of in data/dataset.yaml)."""
    return year(plainyaml.read(root / "data" / "dataset.yaml")["as_of"])


def latest_year(missions: list[dict], root: Path = ROOT) -> int:
    """The latest year the data speaks of: a start, an end, or the date it was checked up to."""
    years = [year(start(m)) for m in missions if start(m)] + [year(end(m)) for m in missions if end(m)]
    return max([*years, checked_year(root)])




def _begin(since) -> int | None:
    """The first year a time under way is known: a stated year, or a range's latest bound."""
    if since is None:
        return None
    if isinstance(since, dict):
        return year(since["latest"]) if since.get("latest") is not None else None
    return year(since)


def _low(since) -> int | None:
    """The earliest year a time under way can have begun: a stated year, or a range's earliest bound."""
    if since is None:
        return None
    if isinstance(since, dict):
        return year(since["earliest"]) if since.get("earliest") is not None else None
    return year(since)


def years_under_way(mission: dict, last: int) -> set[int]:
    """The years the sources show Canadian police in the mission, each time it was under way: from
    its stated start (a range: its latest bound; else its first dated figure inside it) to the stated
    date of the status that followed (while under way: ``last``; else its last dated figure)."""
    known = sources()
    dated = [year(when) for f in mission.get("officers", []) if (when := stated(f, known, mission))]
    entries = mission["status"]
    years: set[int] = set()
    for index, entry in enumerate(entries):
        if entry["state"] != "under_way":
            continue
        after = entries[index + 1] if index + 1 < len(entries) else None
        if after is None:
            stop = last
        elif after.get("since") is not None and not isinstance(after["since"], dict):
            stop = year(after["since"])
        else:
            stop = None
        low = _low(entry.get("since"))
        inside = [y for y in dated if (low is None or y >= low) and (stop is None or y <= stop)]
        begin = _begin(entry.get("since"))
        if begin is None:
            begin = min(inside) if inside else (stop if after is None else None)
        if stop is None:
            stop = max([*inside, begin]) if begin is not None else None
        if begin is not None and stop is not None:
            years.update(range(begin, max(begin, stop) + 1))
    return years


def operations_per_year(missions: list[dict], root: Path = ROOT) -> dict[int, int]:
    """For each year from the first documented one, how many missions the sources show under way."""
    last = latest_year(missions, root)
    every = [years_under_way(m, last) for m in missions]
    first = min(min(years) for years in every if years)
    counts = dict.fromkeys(range(first, last + 1), 0)
    for years in every:
        for y in years:
            counts[y] += 1
    return counts


def add_and_end(root: Path) -> None:
    """The two edits of the acceptance test, made to data/missions.yaml only."""
    path = root / "data" / "missions.yaml"
    text = path.read_text(encoding="utf-8")
    # The ended line goes after the mission's last status line, whatever those lines hold.
    at = text.index("    status:\n", text.index(f"- id: {ENDED_ID}\n")) + len("    status:\n")
    while text.startswith("      ", at):
        at = text.index("\n", at) + 1
    ended = f"      - {{state: ended, since: {ENDED_YEAR}, source: rcmp-current-peace-operations}}\n"
    text = text[:at] + ended + text[at:]
    path.write_text(text.rstrip("\n") + "\n" + NEW_MISSION, encoding="utf-8")
    sources = root / "data" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_SOURCE, encoding="utf-8")


@pytest.fixture(scope="session")
def changed_site(tmp_path_factory) -> Built:
    """Built once per run, shared by every xdist worker (tests/sharedbuild.py)."""

    def build(folder: Path) -> None:
        root = copy_inputs(folder / "repo")
        add_and_end(root)
        result = run_build(root, folder / "site")
        assert result.returncode == 0, result.stdout + result.stderr

    folder = sharedbuild.shared(tmp_path_factory, "changed-site", build)
    return Built(folder / "repo", folder / "site")


@pytest.fixture(scope="session")
def original() -> list[dict]:
    return read_missions(ROOT)
