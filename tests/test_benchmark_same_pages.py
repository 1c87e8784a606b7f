"""The fair baseline of ``make benchmark``: bare Material given our own pages, rendered, as plain files.

Why: the benchmark's "data layer alone" ratio means something only if the plain copy holds the very
pages our build renders (every page, both languages, macros already rendered) and builds with bare
Material. Expected pages are listed here from content/ and the data, not from the code under test.
"""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))  # benchmarks/ is not an installed package
import plainyaml

from benchmarks.same_pages import make_same_pages_site


def test_the_plain_copy_holds_our_rendered_pages_and_builds_with_bare_material(tmp_path) -> None:
    copy = make_same_pages_site(ROOT, tmp_path / "same")
    for language in ("en", "fr"):
        docs, content = copy / "docs" / language, ROOT / "content" / language
        written = {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}
        hand_written = {path.relative_to(content).as_posix() for path in content.rglob("*.md")}
        assert hand_written <= written
        missions = plainyaml.read(ROOT / "data" / "missions.yaml")
        countries = {mission["country"] for mission in missions["missions"]}
        generated = written - hand_written
        assert len(generated) == len(countries)  # one page per country or territory with a mission
        for path in docs.rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            assert "{{" not in text and "{%" not in text, f"{path.name}: a macro was left unrendered"
    deployments = (copy / "docs" / "en" / "deployments.md").read_text(encoding="utf-8")
    assert "<svg" in deployments and "pk-map__link" in deployments  # the map, inline, as our build has it
    assert not (copy / "theme").exists()
    assert "hooks/french_build.py" in (copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (copy / "hooks").iterdir()) == ["french_build.py"]

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp_path / "site")],
        cwd=copy,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "deployments" / "index.html").is_file()
    assert '<html lang="fr"' in (tmp_path / "site" / "fr" / "index.html").read_text(encoding="utf-8")
