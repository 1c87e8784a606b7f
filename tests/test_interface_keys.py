"""An interface text the templates use but data/interface.yaml lacks is found by `check`, placed where used."""
from __future__ import annotations

import re

from conftest import run_build, run_check


def remove_key(workspace, key):
    path = workspace / "data" / "interface.yaml"
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith(f"  {key}:")]
    assert len(lines) == len(text.splitlines()) - 1, f"{key} not found once in interface.yaml"
    path.write_text("".join(lines), encoding="utf-8")


def uses_of(workspace, relative, key):
    text = (workspace / relative).read_text(encoding="utf-8")
    return [text.count("\n", 0, m.start()) + 1 for m in re.finditer(re.escape(f"'{key}'"), text)]


def test_a_missing_literal_key_is_reported_where_the_template_uses_it(workspace, tmp_path):
    remove_key(workspace, "mission.armed")
    result = run_check(workspace)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = uses_of(workspace, "theme/macros/country.html", "mission.armed")
    assert lines, "the country template no longer uses mission.armed; pick another key for this test"
    for line in lines:
        assert f"theme/macros/country.html:{line}:" in result.stderr
    assert '"mission.armed" is used here but missing from data/interface.yaml' in result.stderr
    # And the build refuses too, with the same message and no traceback.
    built = run_build(workspace, tmp_path / "site")
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert '"mission.armed"' in built.stderr


def test_a_missing_key_of_a_family_is_reported(workspace):
    remove_key(workspace, "lead.NATO")  # no mission is led by NATO today; the key must still be there
    result = run_check(workspace)
    assert result.returncode == 1
    assert 'data/interface.yaml:1:1: the interface text "lead.NATO" is missing' in result.stderr
