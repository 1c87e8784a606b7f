"""Material at arm's length: every theme file that takes the place of one of Material's templates
says which Material version it was made against, and Material's original of that version is kept in
tests/material_upstream/. When the installed Material differs, this fails and prints what upstream
changed, as a diff, so that an upgrade is a reviewed step (tests/material_upstream/README.md).

Why: MkDocs picks ``theme/partials/toc.html`` over Material's own without a word, so a fix Material
makes to a template we copied (or replaced) would silently never reach the site.
"""
from __future__ import annotations

import difflib
import re
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from conftest import ROOT

THEME = ROOT / "theme"
STORE = ROOT / "tests" / "material_upstream"
# The first line of each such theme file, e.g.
# {#- Material for MkDocs 9.8.2, partials/toc.html: copied, then changed as said below. ... -#}
HEADER = re.compile(r"\{#- Material for MkDocs (?P<version>\d+(?:\.\d+)+), (?P<path>\S+): (?P<how>copied|replaced)\b")
NOT_OURS = {"README.md", "VERSION"}


def material_templates() -> Path:
    return Path(str(files("material") / "templates"))


def overrides(theme: Path, material: Path) -> list[str]:
    """Theme files (as paths within the theme) that take the place of a Material template."""
    return sorted(
        path.relative_to(theme).as_posix()
        for path in theme.rglob("*")
        if path.is_file() and (material / path.relative_to(theme)).is_file()
    )


def upstream_report(theme: Path, store: Path, material: Path, installed: str) -> list[str]:
    """Everything that stops the overrides being known to match the installed Material, in words."""
    problems = []
    kept = (store / "VERSION").read_text(encoding="utf-8").strip()
    if installed != kept:
        problems.append(
            f"Material is {installed}, but tests/material_upstream/ holds the templates of {kept}: "
            "review each difference below, carry it into theme/ (or decide not to), then follow "
            "tests/material_upstream/README.md."
        )
    ours = overrides(theme, material)
    for name in ours:
        first_line = (theme / name).read_text(encoding="utf-8").partition("\n")[0]
        header = HEADER.match(first_line)
        if header is None or header["path"] != name:
            problems.append(
                f"theme/{name} takes the place of Material's {name} but its first line does not say so: "
                f"start it with {{#- Material for MkDocs {kept}, {name}: copied, ... -#}} (or replaced)."
            )
        elif header["version"] != kept:
            problems.append(f"theme/{name} says Material {header['version']}; the kept originals are {kept}.")
        stored = store / name
        if not stored.is_file():
            problems.append(f"theme/{name} has no kept original: copy Material's into tests/material_upstream/{name}.")
            continue
        before = stored.read_text(encoding="utf-8").splitlines(keepends=True)
        after = (material / name).read_text(encoding="utf-8").splitlines(keepends=True)
        if before != after:
            diff = "".join(
                difflib.unified_diff(before, after, f"Material {kept} {name}", f"Material {installed} {name}")
            )
            problems.append(f"Material changed {name}, which theme/{name} takes the place of:\n{diff}")
    for stored in sorted(store.rglob("*")):
        name = stored.relative_to(store).as_posix()
        if stored.is_file() and name not in NOT_OURS and name not in ours:
            problems.append(
                f"tests/material_upstream/{name} is kept, but theme/{name} no longer takes its place: delete it."
            )
    return problems


def test_overrides_match_the_installed_material() -> None:
    problems = upstream_report(THEME, STORE, material_templates(), version("mkdocs-material"))
    assert not problems, "\n\n".join(problems)


def test_the_copied_partials_are_tracked() -> None:
    """The partials copied whole are among the overrides found, each marked as a copy (search.html
    is ours since issue 11: replaced, not copied)."""
    found = overrides(THEME, material_templates())
    for name in ("partials/header.html", "partials/toc.html", "partials/footer.html"):
        if (THEME / name).exists():
            assert name in found
            assert HEADER.match((THEME / name).read_text(encoding="utf-8"))["how"] == "copied"


def _fake(tmp_path: Path, upstream: str, kept: str) -> tuple[Path, Path, Path]:
    theme, store, material = tmp_path / "theme", tmp_path / "store", tmp_path / "material"
    for folder in (theme / "partials", store / "partials", material / "partials"):
        folder.mkdir(parents=True)
    (theme / "partials" / "toc.html").write_text(
        "{#- Material for MkDocs 9.8.2, partials/toc.html: copied, then changed. -#}\n<nav>ours</nav>\n"
    )
    (theme / "partials" / "breadcrumb.html").write_text("<nav>only ours; Material has none</nav>\n")
    (store / "VERSION").write_text("9.8.2\n")
    (store / "partials" / "toc.html").write_text(kept)
    (material / "partials" / "toc.html").write_text(upstream)
    return theme, store, material


def test_an_upstream_change_is_shown_as_a_diff(tmp_path: Path) -> None:
    upstream = '<nav>\n  <label for="__toc" hidden>\n</nav>\n'
    theme, store, material = _fake(tmp_path, upstream, kept='<nav>\n  <label for="__toc">\n</nav>\n')
    problems = upstream_report(theme, store, material, "9.9.0")
    text = "\n".join(problems)
    assert "Material is 9.9.0, but tests/material_upstream/ holds the templates of 9.8.2" in text
    assert "--- Material 9.8.2 partials/toc.html" in text and "+++ Material 9.9.0 partials/toc.html" in text
    assert '-  <label for="__toc">\n' in text and '+  <label for="__toc" hidden>\n' in text
    assert "breadcrumb" not in text  # a file of ours that Material has no template for is not tracked


def test_an_unchanged_upstream_passes_and_a_missing_header_does_not(tmp_path: Path) -> None:
    theme, store, material = _fake(tmp_path, "<nav></nav>\n", "<nav></nav>\n")
    assert upstream_report(theme, store, material, "9.8.2") == []
    (theme / "partials" / "toc.html").write_text("<nav>ours, unmarked</nav>\n")
    (material / "partials" / "logo.html").write_text("<img>\n")
    (theme / "partials" / "logo.html").write_text("{#- Material for MkDocs 9.8.1, partials/logo.html: replaced -#}\n")
    problems = upstream_report(theme, store, material, "9.8.2")
    assert any("theme/partials/toc.html takes the place of Material's" in p for p in problems)
    assert any("theme/partials/logo.html says Material 9.8.1" in p for p in problems)
    assert any("theme/partials/logo.html has no kept original" in p for p in problems)


def test_a_kept_original_without_its_override_is_reported(tmp_path: Path) -> None:
    theme, store, material = _fake(tmp_path, "<nav></nav>\n", "<nav></nav>\n")
    (store / "partials" / "search.html").write_text("<div></div>\n")
    problems = upstream_report(theme, store, material, "9.8.2")
    assert problems == [
        "tests/material_upstream/partials/search.html is kept, but theme/partials/search.html "
        "no longer takes its place: delete it."
    ]
