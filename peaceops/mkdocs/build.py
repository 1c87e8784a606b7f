"""How the site is built with MkDocs: the command, and the address mkdocs.yml falls back on.

Why: ``python -m peaceops build`` checks the data, has the engine build into a temporary folder and
swaps it in. Only the middle step knows the engine; it is here, so that another engine changes this
file and not the command editors and CI run. MkDocs runs in a child process, as ``mkdocs build``
would, so that nothing of one build stays in memory for the next.

The engine is MkDocs unless asked otherwise (``python -m peaceops build --engine properdocs``):
ProperDocs, MkDocs 1.6's fork, is the fallback of docs/decisions/0001. It builds the same
configuration with the same hooks and Material unchanged (it answers every ``mkdocs.*`` import with
its own module), and tests/test_fallback_engine.py checks on every change that its site is MkDocs'
to the byte but for the generator tag. Switching for good: ``properdocs`` in requirements/site.in,
then ``DEFAULT_ENGINE`` here.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from peaceops.languages import is_default

CONFIG = "mkdocs.yml"
# The engines that build this configuration, each run as ``python -m <engine> build``.
ENGINES = ("mkdocs", "properdocs")
DEFAULT_ENGINE = "mkdocs"


def configuration(root: Path, language: str) -> dict[str, Any]:
    """A language's MkDocs configuration as written (``INHERIT`` and ``!ENV`` resolved): its
    navigation and site name, for tools such as the benchmark."""
    from mkdocs.utils.yaml import yaml_load  # here, not at the top: `check` needs nothing of MkDocs

    name = CONFIG if is_default(language) else f"mkdocs.{language}.yml"
    with (root / name).open(encoding="utf-8") as file:
        loaded: dict[str, Any] = yaml_load(file)
    return loaded


def placeholder_address(root: Path) -> str:
    """The address mkdocs.yml falls back on when SITE_URL is not set (``site_url: !ENV [SITE_URL, "…"]``)."""
    text = (root / CONFIG).read_text(encoding="utf-8")
    found = re.search(r'^site_url:\s*!ENV\s*\[\s*SITE_URL\s*,\s*"([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else "(none)"


def build_site(root: Path, site_dir: Path, site_url: str | None, engine: str = DEFAULT_ENGINE) -> bool:
    """Build both languages into ``site_dir`` with ``engine`` (one of ``ENGINES``; strict: any warning
    fails); whether it succeeded. The engine's warnings and errors are printed, worded as ours where
    they are about a page."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    # Not --quiet: it hides MkDocs' warnings from --strict too, so a warned-about link would pass.
    # The configuration is named: ProperDocs looks for properdocs.yml first and says so otherwise.
    command = [
        sys.executable, "-m", engine, "build", "--strict", "--config-file", CONFIG, "--site-dir", str(site_dir)
    ]
    result = subprocess.run(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False
    )
    for line in engine_problems(result.stdout):
        print(line, file=sys.stderr)
    return result.returncode == 0


_PLACED = re.compile(r"^(?:WARNING|ERROR) +- +(content/\S+:\d+:\d+: .*)$")


def engine_problems(output: str) -> list[str]:
    """MkDocs' warnings and errors, without its progress chatter (INFO lines and what follows them);
    a warning already worded as ours (``content/en/x.md:3:5: …``) loses MkDocs' level prefix."""
    kept, showing = [], True
    for line in output.splitlines():
        if line.startswith(("INFO", "DEBUG")):
            showing = False
        elif line.startswith(("WARNING", "ERROR")):
            showing = True
            placed = _PLACED.match(line)
            if placed:
                kept.append(placed.group(1))
                continue
        elif not line.startswith((" ", "\t")) and line.strip():
            showing = True  # "Aborted with 1 warnings in strict mode!" and the like
        if showing and line.strip():
            kept.append(line)
    return kept

