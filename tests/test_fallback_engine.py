"""The fallback engine, proven on every change: ProperDocs builds the site MkDocs builds, to the byte.

Why: docs/decisions/0001 keeps ProperDocs (the fork that continues MkDocs 1.6) as the engine to switch
to if MkDocs breaks before Material's end of life (May 2027). That holds only while it builds our
site unchanged, so the site is built with it (``python -m peaceops build --engine properdocs``) and
every file is compared with the MkDocs build the other tests share (``built_site``), so the suite
pays for one build more. What may differ is exactly one line of each page: Material's generator tag,
which names the engine and its version (``mkdocs-1.6.1`` against ``mkdocs-ProperDocs 1.6.7``). Any
other difference, a file one build has and the other has not, or a failed build, is a failure.
"""
from __future__ import annotations

import difflib
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import ROOT, shared_site

pytestmark = pytest.mark.build


def generator_tag(engine: str) -> bytes:
    """Material's ``<meta name="generator">`` as its base.html writes it, for an engine's version string."""
    return f'<meta name="generator" content="mkdocs-{engine}, mkdocs-material-{version("mkdocs-material")}">'.encode()


# ProperDocs hands Material "ProperDocs <version>" where MkDocs hands it its version number.
MKDOCS_TAG = generator_tag(version("mkdocs"))
PROPERDOCS_TAG = generator_tag(f"ProperDocs {version('properdocs')}")


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    return shared_site(tmp_path_factory, ROOT, engine="properdocs")


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def difference(name: str, mkdocs: bytes, properdocs: bytes) -> str:
    """The first lines that differ, for the failure message (a binary file: its sizes)."""
    try:
        old, new = mkdocs.decode().splitlines(), properdocs.decode().splitlines()
    except UnicodeDecodeError:
        return f"{name}: {len(mkdocs)} bytes with MkDocs, {len(properdocs)} with ProperDocs"
    lines = difflib.unified_diff(old, new, "mkdocs/" + name, "properdocs/" + name, n=0, lineterm="")
    return "\n".join(list(lines)[:12])


def test_properdocs_builds_the_same_files(built_site, properdocs_site):
    mkdocs, properdocs = set(files(built_site)), set(files(properdocs_site))
    assert not mkdocs - properdocs, f"only MkDocs built: {sorted(mkdocs - properdocs)}"
    assert not properdocs - mkdocs, f"only ProperDocs built: {sorted(properdocs - mkdocs)}"


def test_only_the_generator_tag_names_the_engine(built_site, properdocs_site):
    mkdocs, properdocs = files(built_site), files(properdocs_site)
    tagged, other = [], []
    for name, ours in mkdocs.items():
        theirs = properdocs.get(name, ours)
        if theirs == ours:
            continue
        if ours.count(MKDOCS_TAG) == 1 and ours.replace(MKDOCS_TAG, PROPERDOCS_TAG) == theirs:
            tagged.append(name)
        else:
            other.append(difference(name, ours, theirs))
    assert not other, "ProperDocs' site differs beyond the generator tag:\n" + "\n".join(other)
    # Every page carries the tag once (so the comparison above did look at it), and only pages do.
    pages = sorted(name for name in mkdocs if name.endswith(".html"))
    assert pages, "the MkDocs build has no page"
    assert sorted(tagged) == pages, f"pages without the generator tag {MKDOCS_TAG.decode()}: {sorted(set(pages) - set(tagged))}"
