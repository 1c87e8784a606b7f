"""``python -m peaceops watch``: read every address of every source, say what needs an editor, and
record what was found.

Why: the site must not go staler than its sources without the editors knowing. The watch reads the
sources through the data model (``peaceops.source``), so new fields in ``data/sources.yaml`` need
nothing here, visits each address politely (``fetch.py``), compares with the last state
(``findings.py``, ``state.py``) and prints one placed line per address that needs an editor, with
the records that cite it, then an indented line to copy where there is one (a new address; an
archived copy, from ``archive.py``). It suggests; it never edits the data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from peaceops.languages import LANGUAGE_NAMES, LANGUAGES
from peaceops.source.citations import Citation, citations
from peaceops.source.dataset import load_sources
from peaceops.source.fieldtypes import PublicUrl
from peaceops.source.messages import message
from peaceops.source.model import Source
from peaceops.source.yamlsource import locate
from peaceops.watch.archive import NoCopy, find_copy
from peaceops.watch.deadline import duration
from peaceops.watch.fetch import Fetcher, Unreachable, user_agent
from peaceops.watch.findings import KINDS, Finding, examine
from peaceops.watch.options import Options, check_options
from peaceops.watch.state import Entry, State, read_state, write_state

# What a suggested line may hold: what make check accepts in data/sources.yaml (a public web address).
CITABLE = TypeAdapter(PublicUrl)


@dataclass(frozen=True)
class Outcome:
    lines: list[str]
    summary: str


def watch(options: Options, say: Callable[[str], None] = lambda line: None) -> Outcome:
    """Run the watch; each report line goes to ``say`` as soon as its source is done. Raises
    ``OptionsError``, ``DataError`` (sources.yaml has a problem) or ``StateError`` (the last state
    cannot be read) before any request; the state is then left as it is."""
    check_options(options)
    sources_file, positions = load_sources(options.data_dir, options.data_display)
    fetcher = Fetcher(
        user_agent(options.site_url),
        options.timeout,
        options.pause,
        options.via,
        page_deadline=options.page_deadline,
        run_deadline=options.run_deadline,
    )
    before = read_state(options.state_path)
    run = _Run(options, fetcher, before, citations(options.data_dir, options.data_display), positions.data)
    entries: dict[tuple[str, str], Entry] = {}
    lines: list[str] = []
    not_read: list[str] = []
    checked = 0
    counts = dict.fromkeys(KINDS, 0)
    for index, source in enumerate(sources_file.sources):
        found: list[tuple[str, Finding]] = []
        for language in source.address.languages:
            address = source.address[language] or ""
            earlier = run.before.get(source.key, language)
            visit = None if fetcher.run_over else fetcher.visit(address)
            if visit is None or visit.not_read:
                # Not read this time: what the last watch recorded of this address is kept as it was.
                not_read.append(f"{source.key} ({LANGUAGE_NAMES[language]})")
                if earlier is not None and earlier.address == address:
                    entries[(source.key, language)] = earlier
                continue
            checked += 1
            # Already dealt with: an archived copy for this language, or the source marked gone (a field
            # data/sources.yaml may have; read by name so that the watch needs no change when it comes).
            archived = source.archived is not None and source.archived[language] is not None
            archived = archived or bool(getattr(source, "gone", None))
            findings, entries[(source.key, language)] = examine(visit, earlier, options.day, archived)
            found += [(language, finding) for finding in findings]
            counts.update({finding.kind: counts[finding.kind] + 1 for finding in findings})
        for line in run.lines(source, index, found):
            say(line)
            lines.append(line)
    if not_read:
        line = message(
            "watch_run_cut", limit=duration(options.run_deadline), count=len(not_read), which=", ".join(not_read)
        )
        say(line)
        lines.append(line)
    write_state(options.state_path, State(options.day, entries))
    said = [message("watch_count", count=count, kind=kind) for kind, count in counts.items() if count]
    if not_read:
        said.append(message("watch_count_not_read", count=len(not_read)))
    summary = message(
        "watch_summary",
        day=options.day,
        addresses=checked,
        sources=len(sources_file.sources),
        found=", ".join(said) or message("watch_nothing"),
        state=options.state_display,
    )
    return Outcome(lines, summary)


@dataclass(frozen=True)
class _Run:
    """What every source's lines are written with."""

    options: Options
    fetcher: Fetcher
    before: State
    cited: dict[str, list[Citation]]
    positions: object  # sources.yaml as read, with the place of every value

    @property
    def file(self) -> str:
        return f"{self.options.data_display}/sources.yaml"

    def lines(self, source: Source, index: int, found: list[tuple[str, Finding]]) -> list[str]:
        """The placed line of each finding, then the lines to copy: the new address, archived copies."""
        records = ", ".join(str(citation) for citation in self.cited.get(source.key, [])) or message(
            "watch_no_records"
        )
        lines = []
        for language, finding in found:
            line, column = locate(self.positions, ("sources", index, "address", language))
            words = {
                "key": source.key,
                "language": LANGUAGE_NAMES[language],
                "address": source.address[language],
                "records": records,
            }
            kind = finding.kind.replace(" ", "_")
            text = message(f"watch_{kind}", **words, why=finding.why, since=finding.since, new=finding.new)
            lines.append(f"{self.file}:{line}:{column}: {text}")
        moved = {language: finding.new for language, finding in found if finding.kind == "moved" and finding.new}
        if moved and all(citable(address) for address in moved.values()):
            addresses = {code: moved.get(code) or source.address[code] for code in source.address.languages}
            lines.append(
                message("watch_suggest_address", key=source.key, file=self.file, line=yaml_line("address", addresses))
            )
        elif moved:
            lines.append(message("watch_not_citable", key=source.key))
        gone = [language for language, finding in found if finding.kind == "gone"]
        if gone:
            lines += self._archive_lines(source, gone)
        return lines

    def _archive_lines(self, source: Source, gone: list[str]) -> list[str]:
        """The archived: line to add, from the Wayback Machine's copies closest to the day each page was
        last read; or, for each page it has none to offer, why and where to look."""
        copies: dict[str, str] = {}
        days: list[str] = []
        lines = []
        for language in gone:
            address = source.address[language] or ""
            earlier = self.before.get(source.key, language)
            near = earlier.text_read if earlier is not None and earlier.address == address else None
            try:
                copy = find_copy(self.fetcher, self.options.archive, address, near, self.options.day)
            except Unreachable as trouble:
                lines.append(message("watch_archive_trouble", language=LANGUAGE_NAMES[language], why=trouble.why))
                continue
            if not isinstance(copy, NoCopy) and not citable(copy.address):
                copy = NoCopy(message("watch_archive_not_citable"))
            if isinstance(copy, NoCopy):
                lines.append(message("watch_no_archive", language=LANGUAGE_NAMES[language], why=copy.why))
                continue
            copies[language] = copy.address
            days.append(f"{LANGUAGE_NAMES[language]}: {copy.day}" if len(gone) > 1 else copy.day)
        if copies:
            kept = {code: source.archived[code] for code in LANGUAGES if source.archived is not None}
            archived = {code: copies.get(code) or kept.get(code) for code in LANGUAGES}
            line = yaml_line("archived", archived)
            text = message("watch_suggest_archived", days=", ".join(days), key=source.key, file=self.file, line=line)
            lines.insert(0, text)
        return lines


def citable(address: Any) -> bool:
    """Whether ``address`` is one make check accepts for a source: a public http(s) address."""
    try:
        CITABLE.validate_python(address)
    except ValidationError:
        return False
    return True


def yaml_line(field: str, values: dict[str, str | None]) -> str:
    """``address: {en: "https://…", fr: "https://…"}``, as data/sources.yaml writes it."""

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    inner = ", ".join(f"{code}: {quoted(value)}" for code, value in values.items() if value)
    return f"{field}: {{{inner}}}"
