"""The shape of the code, checked with every test run: layers, no import cycle, lint and types.

Why: the package's layers (README, Layout) are easy to break with one convenient import, and an
import cycle hides inside a function for months. import-linter checks the contracts declared in
pyproject.toml; the cycle test below counts every import grimp finds (at the top of a module, inside
a function, under TYPE_CHECKING); ruff and mypy run with the configuration in pyproject.toml.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest
from conftest import ROOT

BIN = Path(sys.executable).parent
CORE = "peaceops"
ENGINE = ("mkdocs", "properdocs", "markdown", "material", "pymdownx")
ADAPTER = "peaceops.mkdocs"


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other, directly or round a loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(imports.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1 or module in imports.get(module, ()):
                found.append(sorted(group))

    for module in sorted(imports):
        if module not in index:
            visit(module)
    return found


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(CORE, *ENGINE, include_external_packages=True)


def test_no_import_cycle_in_the_core(graph: grimp.ImportGraph) -> None:
    ours = {module for module in graph.modules if module == CORE or module.startswith(CORE + ".")}
    imports = {module: graph.find_modules_directly_imported_by(module) & ours for module in ours}
    assert cycles(imports) == []


def test_only_the_mkdocs_adapter_imports_the_engine(graph: grimp.ImportGraph) -> None:
    found = []
    for module in sorted(graph.modules):
        if not module.startswith(CORE + ".") or module == ADAPTER or module.startswith(ADAPTER + "."):
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.split(".")[0] in ENGINE:
                found.append(f"{module} imports {imported}")
    assert found == []


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_longer_loop() -> None:
    imports = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(imports) == [["a", "b", "c"], ["e"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_import_contracts_hold() -> None:
    result = run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_ruff_finds_nothing() -> None:
    result = run(str(BIN / "ruff"), "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    result = run(sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", "/dev/null")
    assert result.returncode == 0, result.stdout + result.stderr
