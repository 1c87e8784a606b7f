"""``python -m peaceops check|build|serve|schema|watch|find``: what editors and CI run.

Why: ``check`` gives editors every problem in the data in a second, one line each, without a
traceback. ``build`` checks first, builds the whole bilingual site into a temporary folder and only
then swaps it into place, so a failed build leaves the last good ``site/`` exactly as it was.
``serve`` is the live preview (see ``peaceops/mkdocs/preview.py``). The engine itself is
reached only through ``peaceops.mkdocs`` (the build command and the preview). ``watch`` reads the
pages the data cites and reports what changed (``peaceops/watch/``). ``find`` says in which file and
on which line a text the site shows is written (``peaceops/source/findtext.py``).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

from peaceops.facts import Facts
from peaceops.mkdocs.build import DEFAULT_ENGINE, ENGINES, build_site, placeholder_address
from peaceops.outputs.publish import Staging, swap_in
from peaceops.site.site import Site
from peaceops.source.dataset import Dataset
from peaceops.source.messages import message
from peaceops.source.model import federal_host
from peaceops.source.problems import DataError, Problem
from peaceops.source.publisher import REPOSITORY_VARIABLE, official_address_problems
from peaceops.source.reference import held, is_past, reference_date


def check(root: Path, output_format: str = "text", site_url: str | None = None, *, kept: bool = True) -> int:
    """Every problem in the data and pages, one placed line each; 0 when there is none. ``site_url``
    (else SITE_URL, else mkdocs.yml's placeholder) is where the site will be published: an official
    identity is refused anywhere but canada.ca. ``kept``: the loaded site is kept for the build that
    follows (``build``); the ``check`` command, which ends there, does not keep it (``Site.load``)."""
    with held():  # the last commit's day read once for the whole check (source/reference.py)
        return _check(root, output_format, site_url, kept)


def _check(root: Path, output_format: str, site_url: str | None, kept: bool) -> int:
    address = site_url or os.environ.get("SITE_URL") or placeholder_address(root)
    try:
        site = Site.load(root, kept=kept)
        problems = official_address_problems(site.publisher, address, root / "data")
        if problems:
            raise DataError(problems)
    except DataError as error:
        for problem in error.problems:
            if output_format == "github":
                print(github_annotation(problem))
            else:
                print(problem, file=sys.stderr)
        print(problems_summary(error.problems), file=sys.stderr)
        return 1
    facts = site.facts
    print(
        f"Data OK: {len(facts.missions)} missions ({len(facts.current)} current) "
        f"in {len(facts.countries)} countries and territories."
    )
    print(coverage_line(facts))
    warnings = [*review_warnings(site, reference_date(root)), *site.dataset.warnings, *source_warnings(site.dataset)]
    for warning in sorted(warnings):
        print(github_annotation(warning, "warning") if output_format == "github" else str(warning), file=sys.stderr)
    return 0


def problems_summary(problems: list[Problem]) -> str:
    """The check's last line, its own rather than make's: "3 problems in data/missions.yaml; nothing
    was built.", or over several files "4 problems: 3 in data/missions.yaml, 1 in data/sources.yaml;
    nothing was built."""
    by_file = Counter(problem.path for problem in problems)
    count, plural = len(problems), "s" if len(problems) != 1 else ""
    if len(by_file) == 1:
        return message("summary_problems", count=count, plural=plural, file=next(iter(by_file)))
    files = ", ".join(message("summary_in", count=n, file=path) for path, n in sorted(by_file.items()))
    return message("summary_problems_files", count=count, plural=plural, files=files)


def review_warnings(site: Site, today: date | None) -> list[Problem]:
    """A placed warning for each review_by date that has passed: the data's and each record's."""
    warnings = []
    for path, line, column, what, due in site.dataset.review_dates:
        due_day = due if isinstance(due, date) else date.fromisoformat(str(due))
        if today is not None and is_past(due_day, today):
            text = message("review_passed", date=due_day.isoformat(), today=today.isoformat(), what=what)
            warnings.append(Problem(path, line, column, text))
    return sorted(warnings)


def source_warnings(dataset: Dataset) -> list[Problem]:
    """A placed warning for each source nothing cites, and for each federal source with no French
    address and no no_french: (federal institutions publish in both languages)."""
    warnings = []
    for key, path, line, column in dataset.source_places:
        record = dataset.sources[key]
        if key not in dataset.cited:
            warnings.append(Problem(path, line, column, message("unused_source", key=key)))
        host = federal_host(record.address.en) if record.address.en else None
        if host and record.address.fr is None and record.no_french is None:
            warnings.append(Problem(path, line, column, message("no_french_address", key=key, host=host)))
    return warnings


def coverage_line(facts: Facts) -> str:
    """One line for editors: which facts the data has for how many missions."""
    missions = facts.missions
    with_figures = sum(1 for m in missions if m.officers)
    return message(
        "coverage",
        figures=with_figures,
        missions=len(missions),
        no_roles=sum(1 for m in missions if not m.roles),
        no_language=sum(1 for m in missions if m.language is None),
        no_armed=sum(1 for m in missions if m.armed is None),
        sources=len(facts.dataset.sources),
    )


def github_annotation(problem: Problem, level: str = "error") -> str:
    """A GitHub Actions workflow command that marks the problem on the file's line in a pull request."""

    def escape(text: str, *, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    return (
        f"::{level} file={escape(problem.path, prop=True)},line={problem.line},col={problem.column}::"
        f"{escape(problem.message)}"
    )


def build(root: Path, site_dir: Path, site_url: str | None, engine: str = DEFAULT_ENGINE) -> int:
    if not (site_url or os.environ.get("SITE_URL")):
        # Said first and in one line: the published files would announce the wrong address.
        print(message("local_address", placeholder=placeholder_address(root)))
    if not os.environ.get(REPOSITORY_VARIABLE):
        print(message("local_repository"))
    if check(root, site_url=site_url):
        return 1
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Staging(site_dir)  # also removes what a stopped build left beside site_dir
    if not build_site(root, staging.path, site_url, engine):
        staging.discard()
        print(message("build_failed", folder=site_dir.name), file=sys.stderr)
        return 1
    swap_in(staging.path, site_dir)
    staging.close()
    print(f"Site built in {site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir}/")
    return 0


def watch(root: Path, args: argparse.Namespace) -> int:
    """The source watch: its report on stdout (and in ``--report``), its summary and any problem on stderr."""
    # Imported here: the watch's network modules are nothing `check` (an editor's wait) should load.
    from peaceops.watch.archive import WAYBACK_AVAILABLE
    from peaceops.watch.options import Options, OptionsError
    from peaceops.watch.run import watch as run_watch
    from peaceops.watch.state import StateError

    data_dir = (args.data or root / "data").resolve()
    state_path = (args.state or root / "data" / "checks" / "sources.json").resolve()
    options = Options(
        data_dir=data_dir,
        data_display=_shown(data_dir, root),
        state_path=state_path,
        state_display=_shown(state_path, root),
        day=args.day or datetime.now(UTC).date().isoformat(),
        archive=WAYBACK_AVAILABLE if args.archive is None else args.archive,
        via=args.via,
        timeout=args.timeout,
        pause=args.pause,
        # The deadlines' defaults are the watch's own (peaceops/watch/fetch.py).
        **{name: value for name, value in vars(args).items() if name.endswith("_deadline") and value is not None},
        site_url=args.site_url or os.environ.get("SITE_URL") or None,
    )
    try:
        outcome = run_watch(options, say=lambda line: print(line, flush=True))
    except OptionsError as error:
        print("\n".join([*error.problems, message("watch_options_refused")]), file=sys.stderr)
        return 2
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(message("watch_data_problems", file=f"{options.data_display}/sources.yaml"), file=sys.stderr)
        return 1
    except StateError as error:
        print(error.placed(options.state_display), file=sys.stderr)
        return 1
    if args.report:
        args.report.write_text("".join(f"{line}\n" for line in outcome.lines), encoding="utf-8")
    print(outcome.summary, file=sys.stderr)
    return 0


def find(root: Path, words: str) -> int:
    """Where a text lives: each line of data/, content/ and mkdocs*.yml that holds ``words``."""
    from peaceops.source.findtext import find as find_text

    found = find_text(root, words)
    for place in found:
        print(place)
    if not found:
        print(message("find_nothing", words=words), file=sys.stderr)
        return 1
    print(message("find_count", count=len(found), plural="s" if len(found) != 1 else ""), file=sys.stderr)
    return 0


def _shown(path: Path, root: Path) -> str:
    """A path as messages name it: from the repository when it is inside it."""
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="peaceops", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="check the data and pages; print every problem")
    check_parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: file:line:col: message (default); github: GitHub Actions annotations",
    )
    commands.add_parser("schema", help="write schema/*.schema.json from the data model")
    find_parser = commands.add_parser("find", help="print the file and line of every text holding some words")
    find_parser.add_argument("words", nargs="+", help="the words, as a page shows them (in English or French)")
    serve_parser = commands.add_parser("serve", help="live preview that survives bad edits")
    serve_parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port (default 127.0.0.1:8000)")
    build_parser = commands.add_parser("build", help="check, then build the site safely")
    build_parser.add_argument("--site-dir", type=Path, default=Path("site"))
    build_parser.add_argument("--site-url", help="the public address (default: SITE_URL or mkdocs.yml)")
    build_parser.add_argument(
        "--engine",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help="the engine that builds the pages (default: %(default)s; the other: the fallback, docs/decisions/0001)",
    )
    watch_parser = commands.add_parser(
        "watch", help="read every source's address; report what changed, moved, is gone or could not be reached"
    )
    watch_parser.add_argument("--data", type=Path, help="the folder of sources.yaml and the records (default: data)")
    watch_parser.add_argument(
        "--state", type=Path, help="the last state, then the new one (default: data/checks/sources.json)"
    )
    watch_parser.add_argument("--report", type=Path, help="also write the report's lines to this file")
    watch_parser.add_argument("--archive", help="the Wayback Machine's availability API (default: archive.org's)")
    watch_parser.add_argument(
        "--via", help="send every request to this server, keeping each address's host (tests, demonstrations)"
    )
    watch_parser.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for a site (default 15)")
    watch_parser.add_argument(
        "--pause", type=float, default=1.0, help="seconds between two requests to one host (default 1)"
    )
    watch_parser.add_argument(
        "--page-deadline",
        type=float,
        help="seconds for one page, all its reads and redirects together (default: four times --timeout, 60)",
    )
    watch_parser.add_argument(
        "--run-deadline",
        type=float,
        help="seconds for the whole run; what is left is read next time (default 2700, 45 minutes)",
    )
    watch_parser.add_argument("--day", help="the day to record, YYYY-MM-DD (default: today)")
    watch_parser.add_argument("--site-url", help="the site's address, named in the user agent (default: SITE_URL)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return check(root, args.format, kept=False)
    if args.command == "watch":
        return watch(root, args)
    if args.command == "find":
        return find(root, " ".join(args.words))
    if args.command == "schema":
        from peaceops.source.schema import SCHEMA_FOLDER, write

        for path in write(root / SCHEMA_FOLDER):
            print(f"Wrote {path.relative_to(root)}")
        return 0
    if args.command == "serve":
        from peaceops.mkdocs.preview import serve  # imports MkDocs' server, which check does not need

        host, _, port = args.dev_addr.rpartition(":")
        return serve(root, host, int(port))
    return build(root, args.site_dir, args.site_url, args.engine)
