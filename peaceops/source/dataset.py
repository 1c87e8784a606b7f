"""Load every file in ``data/``, check it, and hand back one typed, trusted dataset.

Why: the site must never be built from data with a problem in it, and an editor must see every
problem at once. Each file is read, each record validated on its own (so one bad mission does not
hide the next), then the records are checked against each other. Any problem raises ``DataError``
with all of them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pycountry
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from peaceops.languages import LANGUAGES
from peaceops.source.checkedupto import later_than_checked
from peaceops.source.citations import CITING_FILES, cited_values, unknown_citations
from peaceops.source.explain import explain, explain_errors
from peaceops.source.fieldtypes import When, parse_when
from peaceops.source.messages import describe, message
from peaceops.source.model import (
    ContactsFile,
    CountriesFile,
    DatasetFile,
    EvidenceRange,
    InterfaceFile,
    Mission,
    MissionsFile,
    Program,
    ProgramFile,
    SourcesFile,
    Text,
)
from peaceops.source.model import (
    Source as SourceRecord,
)
from peaceops.source.partners import PartnersFile, validate_partners
from peaceops.source.people import PeopleFile, check_people
from peaceops.source.places import Gazetteer, iso_country, phrase_fault
from peaceops.source.problems import DataError, Problem
from peaceops.source.reference import reference_date
from peaceops.source.serving import ServingFile, check_serving
from peaceops.source.yamlsource import Source, locate, read

FILES: dict[str, tuple[type[BaseModel], str]] = {
    "missions.yaml": (MissionsFile, "the peace operations under missions:"),
    "program.yaml": (ProgramFile, "the program's facts under program:"),
    "contacts.yaml": (ContactsFile, "the public contact channels under contacts:"),
    "countries.yaml": (CountriesFile, "country names and territories"),
    "interface.yaml": (InterfaceFile, "the interface text under text:"),
    "partners.yaml": (PartnersFile, "the partner police services under partners:"),
    "serving.yaml": (ServingFile, "what sources say about serving on a mission under statements:"),
    "people.yaml": (PeopleFile, "the people who serve: in_memoriam:, women_deployed:, peacekeepers_day:, quotations:"),
    "sources.yaml": (SourcesFile, "the sources the data cites under sources:"),
    "dataset.yaml": (DatasetFile, "as_of: and review_by:, the dates the data was checked and is to be checked again"),
}
# The files whose citations are checked here (partners.yaml checks its own keys, in peaceops/source/partners.py).
CHECKED_CITATIONS = tuple(name for name in CITING_FILES if name != "partners.yaml")


@dataclass(frozen=True)
class Dataset:
    missions: tuple[Mission, ...]
    program: Program
    contacts: ContactsFile
    places: Gazetteer
    interface: dict[str, Text]
    partners: PartnersFile
    serving: ServingFile
    people: PeopleFile
    sources: dict[str, SourceRecord]
    review: DatasetFile
    # Where dated fields stand in the editors' files, for warnings: (file, line, column) by name.
    review_dates: tuple[tuple[str, int, int, str, Any], ...] = ()
    # Possible but unlikely values (deployed above authorized): said, placed, without stopping the build.
    warnings: tuple[Problem, ...] = ()
    # Every source key some record cites, and where each source's key stands, for warnings.
    cited: frozenset[str] = frozenset()
    source_places: tuple[tuple[str, str, int, int], ...] = ()

    def source(self, key: str) -> SourceRecord:
        return self.sources[key]


def load(data_dir: Path, display_dir: str = "data") -> Dataset:
    """The validated dataset in ``data_dir``; raises ``DataError`` listing every problem."""
    problems: list[Problem] = []
    latest = latest_possible_day(data_dir.parent)
    sources: dict[str, Source] = {}
    for name, (_, what) in FILES.items():
        source, found = read(data_dir / name, f"{display_dir}/{name}", what)
        sources[name] = source
        problems += found

    missions_source = sources.pop("missions.yaml")
    partners_source = sources.pop("partners.yaml")
    validated = {name: _validate_file(source, FILES[name][0], problems) for name, source in sources.items()}
    missions = _validate_missions(missions_source, problems)

    countries = validated["countries.yaml"]
    places = Gazetteer(countries or CountriesFile())
    if countries is not None:
        problems += _check_country_names(sources["countries.yaml"], countries)
    # With countries.yaml unreadable, a territory's code would look unknown: say nothing rather than mislead.
    problems += _check_missions(missions, missions_source, places if countries is not None else None, latest)
    sources_file = validated["sources.yaml"]
    known = {record.key for record in sources_file.sources} if sources_file is not None else None
    partners, found = validate_partners(partners_source, known)
    problems += found
    if validated["serving.yaml"] is not None:
        problems += check_serving(validated["serving.yaml"], sources["serving.yaml"])
    if validated["people.yaml"] is not None:
        # Only against a missions file without problems: a mistake there is said once, at its own line.
        unsure = any(problem.path == missions_source.display for problem in problems)
        mission_ids = None if unsure else _mission_ids(missions_source)
        problems += check_people(validated["people.yaml"], sources["people.yaml"], mission_ids)
    if countries is not None:
        problems += _check_place_phrases(sources["countries.yaml"], countries, places)
    if sources_file is not None and known is not None:
        problems += _check_sources(sources["sources.yaml"], sources_file)
        citing = [missions_source if name == "missions.yaml" else sources[name] for name in CHECKED_CITATIONS]
        problems += unknown_citations(citing, sources["sources.yaml"], also_citing=[partners_source])
    for source in [*sources.values(), missions_source, partners_source]:
        problems += future_dates(source, latest)
    if validated["dataset.yaml"] is not None:
        problems += _check_review_order(sources["dataset.yaml"], validated["dataset.yaml"])
    if problems or partners is None:  # no problem means the partners file was read and checked
        raise DataError(problems)
    return Dataset(
        missions=tuple(mission for mission, _ in missions),
        program=validated["program.yaml"].program,
        contacts=validated["contacts.yaml"],
        places=places,
        interface=validated["interface.yaml"].text,
        partners=partners,
        serving=validated["serving.yaml"],
        people=validated["people.yaml"],
        sources={record.key: record for record in sources_file.sources},
        review=validated["dataset.yaml"],
        review_dates=_review_dates(sources["dataset.yaml"], missions_source, missions),
        warnings=(
            *_unlikely_figures(missions, missions_source),
            *later_than_checked(
                {**sources, "missions.yaml": missions_source}, sources["dataset.yaml"], validated["dataset.yaml"].as_of
            ),
        ),
        cited=frozenset(
            value.strip()
            for citing in (missions_source, partners_source, *(sources[n] for n in CITING_FILES if n in sources))
            for value, _ in cited_values(citing.data)
            if isinstance(value, str)
        ),
        source_places=_source_places(sources["sources.yaml"], sources_file),
    )


def load_sources(data_dir: Path, display_dir: str = "data") -> tuple[SourcesFile, Source]:
    """Only ``sources.yaml``, checked as ``load`` checks it, with its positions (for tools that need the
    sources alone, such as the source watch); raises ``DataError`` listing every problem in it."""
    name = "sources.yaml"
    problems: list[Problem]
    source, problems = read(data_dir / name, f"{display_dir}/{name}", FILES[name][1])
    sources_file = _validate_file(source, SourcesFile, problems)
    if sources_file is not None:
        problems += _check_sources(source, sources_file)
    if problems or sources_file is None:
        raise DataError(problems)
    return sources_file, source


# Fields that say when something already happened (a source was published or read, an entry
# changed, a figure was true): a day after the reference date is a typing mistake in the year.
# Any field of these names, in any file, is checked, so a new one is too; for a range by evidence
# ({earliest:, latest:, reason:}), its earliest (its latest may be later: the range can still be true).
# A mission's status (since:) is checked with the statuses (_status_faults), in its own words.
PAST_ONLY = ("published", "consulted", "updated", "as_of", "date_modified", "dated")


def latest_possible_day(root: Path) -> date:
    """The last day a past-only date may be: the build's reference date (peaceops/source/reference.py),
    or today when that is earlier (an editor checks today's edits before committing them). The clock
    only widens what is accepted; it changes nothing that is built."""
    reference = reference_date(root)
    today = datetime.now(tz=UTC).date()
    return today if reference is None else max(reference, today)


def future_dates(source: Source, latest: date) -> list[Problem]:
    """A placed problem for each past-only date (PAST_ONLY) after ``latest``."""
    problems: list[Problem] = []

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in PAST_ONLY and isinstance(value, (str, int)):
                    _future(value, (*path, key), str(key))
                elif key in PAST_ONLY and isinstance(value, dict) and isinstance(value.get("earliest"), (str, int)):
                    _future(value["earliest"], (*path, key, "earliest"), f"{key}'s earliest")
                else:
                    walk(value, (*path, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*path, index))

    def _future(value: Any, path: tuple[Any, ...], name: str) -> None:
        try:
            when = parse_when(value)
        except PydanticCustomError:
            return  # a malformed date is reported by the model
        if when.first_day > latest:
            text = message("future_date", field=name, date=when.iso, latest=latest.isoformat())
            problems.append(Problem(source.display, *locate(source.data, path), text))

    if source.data is not None:
        walk(source.data, ())
    return problems


def _check_review_order(source: Source, review: DatasetFile) -> list[Problem]:
    """The data is checked up to as_of and due again at review_by: review_by comes later."""
    if review.as_of <= review.review_by:
        return []
    text = message("as_of_after_review_by", as_of=review.as_of.isoformat(), review_by=review.review_by.isoformat())
    return [Problem(source.display, *locate(source.data, ("as_of",)), text)]


def _unlikely_figures(missions: list[tuple[Mission, int]], source: Source) -> list[Problem]:
    """A warning for each deployed figure above the authorized one of the same mission, date and source."""
    warnings = []
    for mission, index in missions:
        authorized = {(o.as_of, o.source): o.count for o in mission.officers if o.kind == "authorized"}
        for number, figure in enumerate(mission.officers):
            ceiling = authorized.get((figure.as_of, figure.source))
            if figure.kind == "deployed" and ceiling is not None and figure.count > ceiling:
                where = locate(source.data, ("missions", index, "officers", number, "count"))
                text = message("deployed_above_authorized", deployed=figure.count, authorized=ceiling)
                warnings.append(Problem(source.display, *where, text))
    return warnings


def _review_dates(
    dataset_source: Source, missions_source: Source, missions: list[tuple[Mission, int]]
) -> tuple[tuple[str, int, int, str, Any], ...]:
    """(file, line, column, what, date) of every review_by in the data: the dataset's and each record's."""
    found = []
    data = dataset_source.data
    if isinstance(data, dict) and "review_by" in data:
        found.append((dataset_source.display, *locate(data, ("review_by",)), "the data", data["review_by"]))
    for mission, index in missions:
        if mission.review_by is not None:
            where = locate(missions_source.data, ("missions", index, "review_by"))
            found.append((missions_source.display, *where, f"the mission {mission.id}", mission.review_by))
    return tuple(found)


def _check_sources(source: Source, sources_file: SourcesFile) -> list[Problem]:
    """Keys unique; a title and an address in the same languages."""
    problems = []
    first_line: dict[str, int] = {}
    for index, record in enumerate(sources_file.sources):
        line, column = locate(source.data, ("sources", index, "key"))
        if record.key in first_line:
            problems.append(
                Problem(
                    source.display,
                    line,
                    column,
                    message("duplicate_source", key=record.key, line=first_line[record.key]),
                )
            )
        else:
            first_line[record.key] = line
        if record.title.languages != record.address.languages:
            names = {
                (): "no language",
                ("en",): "English only",
                ("fr",): "French only",
                ("en", "fr"): "English and French",
            }
            problems.append(
                Problem(
                    source.display,
                    *locate(source.data, ("sources", index, "address")),
                    message(
                        "source_languages", address=names[record.address.languages], title=names[record.title.languages]
                    ),
                )
            )
        if record.no_french is not None and record.address.fr is not None:
            where = locate(source.data, ("sources", index, "no_french"))
            problems.append(Problem(source.display, *where, message("french_and_no_french")))
    return problems


def _source_places(source: Source, sources_file: SourcesFile) -> tuple[tuple[str, str, int, int], ...]:
    """(key, file, line, column) of each source's key: where a warning about the source is placed."""
    return tuple(
        (record.key, source.display, *locate(source.data, ("sources", index, "key")))
        for index, record in enumerate(sources_file.sources)
    )


def _validate_file(source: Source, model: type[BaseModel], problems: list[Problem]) -> Any:
    if source.data is None:
        return None
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        problems += explain(error, source.data, (), source.display, model)
        return None


def _mission_ids(source: Source) -> set[str] | None:
    """Every id written in missions.yaml, valid or not (a mission with a mistake is still named); None
    when the file cannot be read, so that nothing is said of ids no one can see."""
    items = source.data.get("missions") if isinstance(source.data, dict) else None
    if not isinstance(items, list):
        return None
    return {str(item["id"]).strip() for item in items if isinstance(item, dict) and "id" in item}


def _validate_missions(source: Source, problems: list[Problem]) -> list[tuple[Mission, int]]:
    """Each mission validated on its own; returns the good ones with their index in the file."""
    data = source.data
    if data is None:
        return []
    items = data.get("missions") if isinstance(data, dict) else None
    if not isinstance(items, list):
        if isinstance(data, dict) and "missions" in data:
            text = message("not_list", field="missions", got=describe(items))
        else:
            text = message("top_level", key="missions")
        problems.append(Problem(source.display, *locate(data, ("missions",), at_key=items in (None, "")), text))
        return []
    if not items:
        where = locate(data, ("missions",))
        problems.append(Problem(source.display, *where, message("no_missions")))
    extra = {key: value for key, value in data.items() if key != "missions"}
    if extra:
        try:
            MissionsFile.model_validate({"missions": [], **extra})
        except ValidationError as error:
            outside = [item for item in error.errors() if item["loc"][:1] != ("missions",)]
            if outside:
                problems += explain_errors(outside, data, (), source.display, MissionsFile)
    adapter = TypeAdapter(Mission)
    good = []
    for index, item in enumerate(items):
        try:
            good.append((adapter.validate_python(item), index))
        except ValidationError as error:
            problems += explain(error, data, ("missions", index), source.display, Mission)
    return good


def _check_missions(
    missions: list[tuple[Mission, int]], source: Source, places: Gazetteer | None, latest: date
) -> list[Problem]:
    """Checks across records: ids unique, countries known, dates in order and none of a status to come."""
    problems = []
    first_line: dict[str, int] = {}

    def at(index: int, *path: Any) -> tuple[int, int]:
        return locate(source.data, ("missions", index, *path))

    for mission, index in missions:
        line, column = at(index, "id")
        if mission.id in first_line:
            problems.append(
                Problem(
                    source.display, line, column, message("duplicate_id", id=mission.id, line=first_line[mission.id])
                )
            )
        else:
            first_line[mission.id] = line
        if places is not None and places.get(mission.country) is None:
            close = _country_meant(mission.country, places)
            suggestion = message("did_you_mean", match=close) if close else ""
            problems.append(
                Problem(
                    source.display,
                    *at(index, "country"),
                    message("unknown_country", code=mission.country, suggestion=suggestion),
                )
            )
        faults = _status_faults(mission, index, at, latest)
        problems += [Problem(source.display, *place, text) for place, text in faults]
        # The last day the mission can have ended: its stated end, or the latest its range by evidence allows.
        end_since = mission.end_since
        last_end = bounds(end_since)[1]
        for number, figure in enumerate(mission.officers):
            # Only officers serving must come after the start; a number of positions may be authorized before.
            first = bounds(figure.as_of)[0] if figure.as_of is not None else None
            if (
                figure.kind == "deployed"
                and mission.start is not None
                and isinstance(figure.as_of, When)
                and figure.as_of.last_day < mission.start.first_day
            ):
                problems.append(
                    Problem(
                        source.display,
                        *at(index, "officers", number, "as_of"),
                        message("as_of_before_start", as_of=figure.as_of, start=mission.start),
                    )
                )
            if last_end is not None and first is not None and first > last_end:
                shown = _shown(figure.as_of)
                end_line = at(index, "status", len(mission.status) - 1, "since")[0]
                problems.append(
                    Problem(
                        source.display,
                        *at(index, "officers", number, "as_of"),
                        message("as_of_after_end", as_of=shown, end=_shown(end_since), line=end_line),
                    )
                )
    return problems


def bounds(value: When | EvidenceRange | None) -> tuple[date | None, date | None]:
    """The first and last day a stated date or a range by evidence allows (None: unbounded)."""
    if isinstance(value, When):
        return value.first_day, value.last_day
    if isinstance(value, EvidenceRange):
        return (
            value.earliest.first_day if value.earliest else None,
            value.latest.last_day if value.latest else None,
        )
    return None, None


def _status_faults(mission: Mission, index: int, at: Any, latest: date) -> list[tuple[tuple[int, int], str]]:
    """A mission's statuses oldest first, each a change from the one above it, at most one a day, and
    each begun by ``latest`` (the day of the build): a status is added once it has begun, so the site
    never counts a change before its day (a range by evidence may end later: it can still be true)."""
    faults = []
    floor: tuple[date, int, str] | None = None  # the latest start among the statuses above, its line, as written
    last_day: tuple[date, int, str] | None = None  # the nearest status above stated to the day
    for number, entry in enumerate(mission.status):
        line = at(index, "status", number)[0]
        first, last = bounds(entry.since)
        if number and entry.state == mission.status[number - 1].state:
            text = message("status_repeated", state=entry.state, line=at(index, "status", number - 1)[0])
            faults.append((at(index, "status", number, "state"), text))
        if first is not None and first > latest:  # placed at the date, or at a range's earliest
            since = entry.since
            if isinstance(since, EvidenceRange):
                text = message("status_range_to_come", since=_shown(since.earliest), latest=latest.isoformat())
                faults.append((at(index, "status", number, "since", "earliest"), text))
            else:
                text = message("status_to_come", since=_shown(since), latest=latest.isoformat())
                faults.append((at(index, "status", number, "since"), text))
        if floor is not None and last is not None and last < floor[0]:
            text = message("status_order", since=_shown(entry.since), previous=floor[2], line=floor[1])
            faults.append((at(index, "status", number, "since"), text))
        elif last_day is not None and first == last == last_day[0]:
            text = message("status_same_day", since=_shown(entry.since), previous=last_day[2], line=last_day[1])
            faults.append((at(index, "status", number, "since"), text))
        if first is not None and (floor is None or first > floor[0]):
            floor = (first, line, _shown(entry.since))
        if first is not None and first == last:
            last_day = (first, line, f"{entry.state} since {_shown(entry.since)}")
    return faults


def _shown(value: When | EvidenceRange | None) -> str:
    """A date as the editor wrote it, for a message: 2017-10-15, or a range's bounds."""
    if isinstance(value, EvidenceRange):
        return " to ".join(b.iso if b else "?" for b in (value.earliest, value.latest))
    return value.iso if value is not None else "none"


def _check_country_names(source: Source, countries: CountriesFile) -> list[Problem]:
    problems = []
    for code in countries.names:
        if iso_country(code) is None:
            where = locate(source.data, ("names", code), at_key=True)
            problems.append(Problem(source.display, *where, message("unknown_override", code=code)))
    for key, territory in countries.territories.items():
        if territory.iso is not None and iso_country(territory.iso) is None:
            where = locate(source.data, ("territories", key, "iso"))
            text = message("unknown_country", code=territory.iso, suggestion="")
            problems.append(Problem(source.display, *where, text))
    return problems


def _check_place_phrases(source: Source, countries: CountriesFile, places: Gazetteer) -> list[Problem]:
    """Each territory and renamed country has its "in ..." phrase (ISO countries have theirs in
    peaceops/assets/place-phrases.json), and each phrase in countries.yaml names its place."""
    problems = []
    for section, key in (("names", "no_phrase"), ("territories", "no_territory_phrase")):
        for code in getattr(countries, section):
            place = places.get(code)
            if place is not None and place.within is None:
                where = locate(source.data, (section, code), at_key=True)
                problems.append(
                    Problem(source.display, *where, message(key, name=place.name.en, code=code, name_fr=place.name.fr))
                )
    written: list[tuple[tuple[str, ...], str, Text]] = [
        (("phrases", code), code, phrase) for code, phrase in countries.phrases.items()
    ]
    written += [
        (("territories", code, "phrase"), code, t.phrase) for code, t in countries.territories.items() if t.phrase
    ]
    for path, code, phrase in written:
        place = places.get(code)
        if place is None:
            where = locate(source.data, path, at_key=True)
            problems.append(Problem(source.display, *where, message("unknown_phrase_place", code=code)))
            continue
        for language in LANGUAGES:
            fault = phrase_fault(language, phrase[language], place.name[language])
            if fault:
                where = locate(source.data, (*path, language))
                text = message(fault, name=place.name[language], got=phrase[language])
                problems.append(Problem(source.display, *where, text))
    return problems


def _country_meant(typed: str, places: Gazetteer) -> str | None:
    """The code an editor probably meant: ``ht`` or ``Haiti`` -> ``HT``, ``westbank`` -> ``west-bank``."""
    if places.get(typed.upper()) is not None:
        return typed.upper()
    if len(typed) > 2:
        try:
            return pycountry.countries.lookup(typed).alpha_2
        except LookupError:
            pass
    territories = [code for code in places.known_codes() if len(code) > 2]
    close = difflib.get_close_matches(typed.lower(), territories, n=1, cutoff=0.6)
    return close[0] if close else None
