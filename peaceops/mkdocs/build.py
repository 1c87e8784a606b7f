"""How the site is built with MkDocs: the command, and the address mkdocs.yml falls back on.

Why: ``python -m peaceops build`` checks the data, has the engine build into a temporary folder and
swaps it in. Only the middle step knows the engine; it is here, so that another engine changes this
file and not the command editors and CI run. MkDocs runs in the same process as the check, so that
its hooks reuse the site the check loaded instead of reading and checking the data again (issue 33);
the command is one build and then ends, so nothing of it stays in memory for another.

The engine is MkDocs unless asked otherwise (``python -m peaceops build --engine properdocs``):
ProperDocs, MkDocs 1.6's fork, is the fallback of docs/decisions/0001. It builds the same
configuration with the same hooks and Material unchanged (it answers every ``mkdocs.*`` import with
its own module), and tests/test_fallback_engine.py checks on every change that its site is MkDocs'
to the byte but for the generator tag. Switching for good: ``properdocs`` in requirements/site.in,
then ``DEFAULT_ENGINE`` here.
"""
from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import sys
import traceback
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
    they are about a page.

    The engine runs in this process, as its own ``build`` command would (its logging set up the same
    way, and read back through ``engine_problems``), so that the hooks find the site ``check`` has
    just loaded and checked (``Site.load`` keeps it while no input changes): the data is read and
    checked once per build."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    output = io.StringIO()
    saved_environment, saved_directory = dict(os.environ), Path.cwd()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if site_url:
        os.environ["SITE_URL"] = site_url
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            succeeded = _run_engine(engine, root / CONFIG, site_dir, output)
    finally:
        os.chdir(saved_directory)
        os.environ.clear()
        os.environ.update(saved_environment)
    for line in engine_problems(output.getvalue()):
        print(line, file=sys.stderr)
    return succeeded


def _run_engine(engine: str, config_file: Path, site_dir: Path, output: io.StringIO) -> bool:
    """What ``python -m <engine> build --strict --config-file … --site-dir …`` does, its log in ``output``."""
    if engine == "properdocs":
        _answer_mkdocs_imports_with_properdocs()
    from mkdocs import __main__ as command  # here, not at the top: `check` needs nothing of MkDocs
    from mkdocs import config, exceptions
    from mkdocs.commands import build

    logging_state = command.State()  # the command's own logger and levels
    logging_state.stream.setStream(output)
    # Its format when its output is not a terminal (--no-color): no colour codes, no wrapping to the
    # terminal's width, so that engine_problems reads one warning per line, as it did from a pipe.
    logging_state.stream.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    try:
        command._enable_warnings()  # as the command does: deprecations logged, not printed
        settings = config.load_config(config_file=str(config_file), strict=True, site_dir=str(site_dir))
        settings.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(settings, dirty=False)
        finally:
            settings.plugins.on_shutdown()
    except exceptions.Abort as aborted:  # "Aborted with 1 warnings in strict mode!", as the command shows it
        output.write(f"\n{aborted.format_message()}\n")
        return False
    except Exception:  # noqa: BLE001 (what the command prints before dying: the engine's or a hook's traceback)
        output.write(traceback.format_exc())
        return False
    finally:
        logging_state.logger.removeHandler(logging_state.stream)
    return True


def _answer_mkdocs_imports_with_properdocs() -> None:
    """ProperDocs answers every ``mkdocs.*`` import with its own module (what ``properdocs build``
    does for our hooks and Material); MkDocs' own modules must not be loaded already."""
    loaded = sys.modules.get("mkdocs")
    if loaded is not None and loaded.__name__ != "properdocs":
        raise RuntimeError("ProperDocs must build in a process where MkDocs was never imported")
    import properdocs.replacement  # noqa: F401


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

