"""The editors' YAML files read plainly for tests, each content parsed once per test run.

Why: tests read the data with a YAML parser of their own rather than through the peaceops package,
so that a mistake in the package cannot hide itself. The pure-Python parsers take a quarter of a
second for data/interface.yaml, and tests that look up one text per built page read it again for
each of the 64 pages, many times over: a fifth of `make test` went to parsing the same files. Here
a file is parsed once for each content it has (an edited copy in a test's workspace is parsed
anew), and each caller gets a copy of its own to change.

Two readers, as the tests had them: ruamel's safe loader (YAML 1.2, the default) and PyYAML's
``safe_load`` (YAML 1.1, ``yaml_1_1=True``), which the publishing tests have always used.
"""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML


def read(path: Path, *, yaml_1_1: bool = False) -> Any:
    """The file's data: a copy the caller may change."""
    return copy.deepcopy(shared(path, yaml_1_1=yaml_1_1))


def shared(path: Path, *, yaml_1_1: bool = False) -> Any:
    """The file's data, shared by every caller: to read only (a text looked up page after page)."""
    return _parse(path.read_text(encoding="utf-8"), yaml_1_1)


@lru_cache(maxsize=32)
def _parse(text: str, yaml_1_1: bool) -> Any:
    if yaml_1_1:
        return yaml.safe_load(text)
    return YAML(typ="safe", pure=True).load(text)
