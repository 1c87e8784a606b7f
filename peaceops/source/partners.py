"""Partner police services: what data/partners.yaml may contain, and the checks across its entries.

Why: readers ask which police services take part in the program. No public source lists them all,
so the file holds only services a source names, each with the keys of its sources; the page shows
how many the file lists beside the count the program itself published (program facts), never one
in place of the other. Province and territory names are in the file, in both languages, because
the ISO standard's French names are not the ones Canada uses (Nouveau-Brunswick, with its hyphen).
"""
from __future__ import annotations

import difflib
from typing import Any

from pydantic import Field, TypeAdapter, ValidationError

from peaceops.source.explain import explain
from peaceops.source.fieldtypes import Day, Identifier, PlainText, Url, Year
from peaceops.source.messages import message
from peaceops.source.model import Record, Text
from peaceops.source.problems import Problem
from peaceops.source.yamlsource import Source, locate


class PartnerService(Record):
    """A police service that a published source names as taking part in the program."""

    name: Text = Field(description="The service's name in English and French (the same when it has one official name).")
    acronym: Text | None = Field(
        None, description="Its usual acronym in English and French (OPP / PPO), if it has one."
    )
    province: PlainText = Field(
        description="Where the service is: the two-letter code of a province or territory listed under "
        "provinces: at the top of this file (ON, QC, BC...)."
    )
    joined: Year | None = Field(None, description="The year it began taking part, only if a source gives it.")
    web: Url | None = Field(None, description="The web address of the service's own site, if you have checked it.")
    sources: list[Identifier] = Field(
        min_length=1,
        description="The keys (in data/sources.yaml) of the sources that name the service as taking part.",
    )
    note: PlainText | None = Field(None, description="A note for editors; not shown on the site.")


class PartnersFile(Record):
    provinces: dict[str, Text] = Field(
        description="Each province and territory, by its two-letter code, with its name in English and French; "
        "the page lists services in this order."
    )
    partners: list[PartnerService] = Field(
        [], description="The partner police services a source names; leave the list empty ([]) if none."
    )
    updated: Day = Field(description="The date (YYYY-MM-DD) this file was last changed; shown as Date modified.")


def validate_partners(source: Source, source_keys: set[str] | None) -> tuple[PartnersFile | None, list[Problem]]:
    """The file, checked service by service (one bad entry does not hide the checks of the others).

    ``source_keys`` is None when the sources could not be read, so that no key looks unknown."""
    data = source.data
    if data is None:
        return None, []
    items = data.get("partners") if isinstance(data, dict) else None
    if not isinstance(items, list):  # the file's shape is wrong: let the model say how, once
        try:
            return PartnersFile.model_validate(data), []
        except ValidationError as error:
            return None, explain(error, data, (), source.display, PartnersFile)
    problems: list[Problem] = []
    top = None
    try:
        top = PartnersFile.model_validate({**data, "partners": []})
    except ValidationError as error:
        problems += explain(error, data, (), source.display, PartnersFile)
    adapter = TypeAdapter(PartnerService)
    good: list[tuple[PartnerService, int]] = []
    for index, item in enumerate(items):
        try:
            good.append((adapter.validate_python(item), index))
        except ValidationError as error:
            problems += explain(error, data, ("partners", index), source.display, PartnerService)
    problems += _check_across(good, top, source, source_keys)
    if problems or top is None:
        return None, problems
    return PartnersFile.model_construct(provinces=top.provinces, partners=[p for p, _ in good], updated=top.updated), []


def _check_across(
    good: list[tuple[PartnerService, int]], top: PartnersFile | None, source: Source, source_keys: set[str] | None
) -> list[Problem]:
    """Known provinces (when the list of provinces could be read), no service twice, known sources."""
    problems = []
    seen: dict[str, int] = {}
    for partner, index in good:
        def at(*path: Any, index: int = index) -> tuple[int, int]:
            return locate(source.data, ("partners", index, *path))

        if top is not None and partner.province not in top.provinces:
            close = _meant(partner.province, top)
            suggestion = message("did_you_mean", match=close) if close else ""
            text = message("unknown_province", code=partner.province, suggestion=suggestion)
            problems.append(Problem(source.display, *at("province"), text))
        name = partner.name.en.casefold()
        line = at("name")[0]
        if name in seen:
            text = message("duplicate_partner", name=partner.name.en, line=seen[name])
            problems.append(Problem(source.display, *at("name"), text))
        else:
            seen[name] = line
        for position, key in enumerate(partner.sources):
            if source_keys is not None and key not in source_keys:
                matches = difflib.get_close_matches(key, sorted(source_keys), n=1, cutoff=0.6)
                suggestion = message("did_you_mean", match=matches[0]) if matches else ""
                text = message("unknown_source", key=key, suggestion=suggestion)
                problems.append(Problem(source.display, *at("sources", position), text))
    return problems


def _meant(typed: str, partners: PartnersFile) -> str | None:
    """The code an editor probably meant: ``on`` -> ``ON``, ``Ontario`` -> ``ON``."""
    if typed.upper() in partners.provinces:
        return typed.upper()
    for code, name in partners.provinces.items():
        if typed.casefold() in (name.en.casefold(), name.fr.casefold()):
            return code
    return None


def by_province(partners: PartnersFile) -> list[tuple[str, Text, list[PartnerService]]]:
    """(code, name, services sorted by name) for each province with a service, in the file's order."""
    groups = []
    for code, name in partners.provinces.items():
        services = [p for p in partners.partners if p.province == code]
        if services:
            groups.append((code, name, services))
    return groups
