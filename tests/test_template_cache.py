"""Jinja templates are compiled once per process, and once across runs, and never served stale.

Why (issue 21): compiling the macro files and the pages' bodies again for every page and every run
was most of ``make check``. Each run here is a separate Python process, as ``make check`` is, over
a copy of the inputs; a wrapper around Jinja's compiler records what each process compiles.
"""
from __future__ import annotations

import json
import subprocess
import sys

from peaceops.site.templatecache import CACHE_FOLDER

# Loads (and so checks) the site at argv[1], renders a page that calls the probe macro, and prints
# what was compiled (macro files by name, pages' bodies by their text) and the probe's output.
RUN = """
import json, sys
from pathlib import Path
import jinja2
compiled = []
original = jinja2.Environment.compile
def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
    compiled.append(name or source)
    return original(self, source, name, filename, raw, defer_init)
jinja2.Environment.compile = counting
from peaceops.site.site import Site
site = Site.load(Path(sys.argv[1]))
probe = site.render_page("{{ probe() }}", "en", "").markdown
print(json.dumps({"compiled": compiled, "probe": probe}))
"""


def run(root):
    done = subprocess.run([sys.executable, "-c", RUN, str(root)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def write_probe(root, text):
    (root / "theme" / "macros" / "probe.html").write_text(
        "{% macro probe() %}" + text + "{% endmacro %}\n", encoding="utf-8"
    )


def test_each_template_is_compiled_once_per_process(workspace):
    write_probe(workspace, "first")
    first = run(workspace)
    assert "probe.html" in first["compiled"] and "figures.html" in first["compiled"]
    repeated = sorted({name for name in first["compiled"] if first["compiled"].count(name) > 1})
    assert repeated == [], f"compiled more than once in one run: {[name[:60] for name in repeated]}"


def test_a_second_run_compiles_nothing(workspace):
    write_probe(workspace, "first")
    run(workspace)
    assert any((workspace / CACHE_FOLDER).iterdir()), "no compiled template was kept"
    second = run(workspace)
    assert second["compiled"] == [] and second["probe"] == "first"


def test_an_edited_macro_is_compiled_again_and_shows_the_edit(workspace):
    write_probe(workspace, "first")
    assert run(workspace)["probe"] == "first"
    write_probe(workspace, "second")
    edited = run(workspace)
    assert edited["compiled"] == ["probe.html"] and edited["probe"] == "second"
    write_probe(workspace, "first")  # back as it was: the first code is found again, still right
    assert run(workspace)["probe"] == "first"


def test_an_edited_macro_shows_in_the_same_process(workspace):
    """The preview reloads the site in one process: the environment it keeps must see the edit."""
    from peaceops.site.site import Site

    write_probe(workspace, "first")
    assert Site.load(workspace).render_page("{{ probe() }}", "en", "").markdown == "first"
    write_probe(workspace, "second, a little longer")
    assert Site.load(workspace).render_page("{{ probe() }}", "en", "").markdown == "second, a little longer"


def test_a_folder_that_cannot_be_written_still_builds(workspace):
    (workspace / ".cache").write_text("not a folder\n", encoding="utf-8")
    write_probe(workspace, "first")
    assert run(workspace)["probe"] == "first"
