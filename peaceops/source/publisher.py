"""Who publishes the site: the organization's name and website, and the header logo.

Why: a staging copy and the public site must differ only in their address. Everything else that
identifies the site (the footer, the breadcrumb's first step, the search engines' data) comes from
``data/publisher.yaml``, checked like every other data file, so no name is typed in a template.
The model lives here, beside its loader, rather than in ``model.py``, to keep this file self-contained.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError

from peaceops.source.explain import explain
from peaceops.source.fieldtypes import PlainText
from peaceops.source.model import LocalizedUrl, Record, Text
from peaceops.source.problems import DataError, Problem
from peaceops.source.yamlsource import locate, read

FILE_NAME = "publisher.yaml"


class Organization(Record):
    """The organization responsible for the program and the site."""

    name: Text = Field(description="The organization's name, in English and French.")
    url: LocalizedUrl = Field(description="The address of the organization's own website, in each language.")


class PublisherFile(Record):
    publisher: Organization = Field(description="Who publishes the site: the organization's name and web address.")
    logo: PlainText = Field(
        description="The header picture: a file in the theme/ folder, such as assets/logo.svg. "
        "Never a federal symbol such as the Canada wordmark."
    )


def load_publisher(data_dir: Path, theme_dir: Path, display_dir: str = "data") -> PublisherFile:
    """The checked publisher file; raises ``DataError`` listing every problem in it."""
    display = f"{display_dir}/{FILE_NAME}"
    source, problems = read(data_dir / FILE_NAME, display, "the publisher under publisher: and the logo")
    if problems:
        raise DataError(problems)
    try:
        publisher = PublisherFile.model_validate(source.data)
    except ValidationError as error:
        raise DataError(explain(error, source.data, (), display, PublisherFile)) from None
    if not (theme_dir / publisher.logo).is_file():
        where = locate(source.data, ("logo",))
        text = f'the logo "{publisher.logo}" is not a file in theme/; check its name'
        raise DataError([Problem(display, *where, text)])
    return publisher
