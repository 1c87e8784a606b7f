"""Issues 6 and 14: the publish workflow (.github/workflows/publish.yml) is valid and does exactly what
it should: check, build strictly and test on every pull request and push to main, attach the site to
pull requests, and deploy to GitHub Pages from main only, after a green build, with actions pinned at
their node24 majors, the container pinned by digest, the least permissions each job needs (each one
explained), zizmor and actionlint clean, and the real public address when SITE_URL is not set.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$")


@pytest.fixture(scope="module")
def workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key and value as text.
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506  (text only)


def _steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_workflow_is_valid_against_the_github_workflow_schema():
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("pages: write", "pages: publish"), encoding="utf-8")
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(broken)], capture_output=True, text=True
    )
    assert result.returncode == 1


def test_every_run_script_is_valid_bash(workflow):
    for job in workflow["jobs"]:
        for step in _steps(workflow, job):
            if "run" in step:
                result = subprocess.run(["bash", "-n"], input=step["run"], capture_output=True, text=True)
                assert result.returncode == 0, f"{step.get('name')}: {result.stderr}"


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version():
    uses = [PINNED.match(line) for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.search(r"\buses:", line)]
    assert uses and all(uses), "a uses: line could not be read"
    for found in uses:
        assert re.fullmatch(r"[0-9a-f]{40}", found["ref"]), f"{found['action']} is not pinned to a commit SHA"
        assert found["comment"] and re.fullmatch(r"v\d+\.\d+\.\d+", found["comment"].strip()), f"{found['action']}: no version comment"


def test_runs_on_pull_requests_and_pushes_to_main_only(workflow):
    assert set(workflow["on"]) == {"pull_request", "push"}
    assert workflow["on"]["push"] == {"branches": ["main"]}


def test_permissions_are_least_privilege(workflow):
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    checkout = next(s for s in _steps(workflow, "build") if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] == "false"


def test_build_checks_builds_and_tests_with_the_readme_commands_in_order(workflow):
    runs = [step["run"].strip() for step in _steps(workflow, "build") if "run" in step]
    commands = [run for run in runs if run.startswith("make ")]
    assert commands == ["make check", "make site", "make test", "make screenshots"]
    install = next(run for run in runs if "apt-get install" in run)
    for package in ("chromium", "default-jre-headless", "nodejs", "npm", "python3-venv", "make"):
        assert re.search(rf"\b{re.escape(package)}\b", install), package
    assert workflow["jobs"]["build"]["container"].startswith("debian:")  # Debian's Chromium, as in .ci/run


def test_pull_requests_get_the_built_site_as_an_artifact(workflow):
    steps = _steps(workflow, "build")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["path"] == "site/"
    assert steps.index(upload) > next(i for i, s in enumerate(steps) if s.get("run", "").strip() == "make test")


def test_pull_requests_get_screenshots_beside_the_built_site(workflow):
    steps = _steps(workflow, "build")
    pull_request = "github.event_name == 'pull_request'"
    take = next(i for i, s in enumerate(steps) if s.get("run", "").strip() == "make screenshots")
    assert steps[take]["if"] == pull_request
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert [u["with"]["name"] for u in uploads] == ["site", "screenshots"]
    attach = uploads[1]
    assert attach["if"] == pull_request and attach["with"]["path"] == "screenshots/"
    assert attach["with"]["if-no-files-found"] == "error"
    assert steps.index(attach) > take


def test_deploys_only_from_main_after_a_green_build(workflow):
    steps = _steps(workflow, "build")
    package = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    main_only = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert package["if"] == main_only
    assert steps.index(package) > next(i for i, s in enumerate(steps) if s.get("run", "").strip() == "make test")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["if"] == main_only
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert all("if" not in step or step["if"] != "always()" for job in workflow["jobs"] for step in _steps(workflow, job))


# The first major of each action that runs on node24 (GitHub removed node20 from its runners in
# September 2026). upload-pages-artifact is a composite action: v5 is the first whose inner
# upload-artifact runs on node24.
NODE24_MAJORS = {
    "actions/checkout": 5,
    "actions/upload-artifact": 5,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
    "actions/configure-pages": 6,
}


def test_every_action_is_at_a_node24_major():
    uses = [PINNED.match(line) for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.search(r"\buses:", line)]
    assert {found["action"] for found in uses} == set(NODE24_MAJORS)
    for found in uses:
        major = int(found["comment"].strip().lstrip("v").split(".")[0])
        assert major >= NODE24_MAJORS[found["action"]], f"{found['action']} {found['comment']} runs on an older node"


def test_tests_run_on_the_oldest_and_the_newest_python(workflow):
    # The oldest: pyproject's lower bound, Debian 12's python3 in the build job.
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    oldest = re.search(r'requires-python = ">=(\d+\.\d+)', pyproject).group(1)
    assert oldest == "3.11" and workflow["jobs"]["build"]["container"].startswith("debian:bookworm@")
    newest = workflow["jobs"]["newest-python"]
    entries = newest["strategy"]["matrix"]["include"]
    assert [entry["python"] for entry in entries] == ["3.13"]
    assert re.fullmatch(r"debian:trixie@sha256:[0-9a-f]{64}", entries[0]["image"])
    assert newest["container"] == "${{ matrix.image }}"
    runs = [step["run"].strip() for step in _steps(workflow, "newest-python") if "run" in step]
    assert [run for run in runs if run.startswith("make ")] == ["make check", "make site", "make test"]
    assert newest["permissions"] == {"contents": "read"}


def test_the_container_is_pinned_by_digest(workflow):
    image = workflow["jobs"]["build"]["container"]
    assert re.fullmatch(r"debian:bookworm@sha256:[0-9a-f]{64}", image), image


def _zizmor(path: Path) -> subprocess.CompletedProcess:
    zizmor = Path(sys.executable).parent / "zizmor"
    command = [str(zizmor), "--offline", "--persona", "pedantic", "--no-progress", str(path)]
    return subprocess.run(command, capture_output=True, text=True)


def test_zizmor_pedantic_finds_nothing():
    result = _zizmor(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


@pytest.mark.parametrize(
    "before, after, audit",
    [
        (re.compile(r"@sha256:[0-9a-f]{64}"), "", "unpinned-images"),
        (re.compile(r"(pages: write) +#.*"), r"\1", "undocumented-permissions"),
        (re.compile(r"actions/checkout@[0-9a-f]{40}"), "actions/checkout@v7", "unpinned-uses"),
    ],
)
def test_zizmor_catches_what_the_workflow_avoids(tmp_path, before, after, audit):
    broken = tmp_path / ".github" / "workflows" / "publish.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    assert before.search(text), before.pattern
    broken.write_text(before.sub(after, text), encoding="utf-8")
    result = _zizmor(broken)
    assert result.returncode != 0 and audit in result.stdout + result.stderr


def _actionlint(path: Path) -> subprocess.CompletedProcess:
    actionlint = Path(sys.executable).parent / "actionlint"
    return subprocess.run([str(actionlint), "-no-color", str(path)], capture_output=True, text=True)


def test_actionlint_finds_nothing():
    result = _actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_step_that_does_not_exist(tmp_path):
    broken = tmp_path / "publish.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "steps.pages.outputs" in text
    broken.write_text(text.replace("steps.pages.outputs", "steps.pagez.outputs"), encoding="utf-8")
    result = _actionlint(broken)
    assert result.returncode == 1 and '"pagez" is not defined' in result.stdout


# --- The public address (issue 14, item 4) --------------------------------------------------------


def test_the_pages_address_is_asked_for_only_when_site_url_is_unset_and_before_the_build(workflow):
    steps = _steps(workflow, "build")
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    assert pages["if"] == "vars.SITE_URL == ''"
    address = next(s for s in steps if "SITE_URL=" in s.get("run", ""))
    assert address["env"]["PAGES_BASE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}"
    assert address["env"]["CONFIGURED_SITE_URL"] == "${{ vars.SITE_URL }}"
    build = next(i for i, s in enumerate(steps) if s.get("run", "").strip() == "make site")
    assert steps.index(pages) < steps.index(address) < build


def _address_step(workflow, tmp_path, configured: str, pages: str) -> tuple[str, str]:
    """Run the workflow's own address script as the runner would; (what it wrote to GITHUB_ENV, stdout)."""
    step = next(s for s in _steps(workflow, "build") if "SITE_URL=" in s.get("run", ""))
    github_env = tmp_path / "github_env"
    github_env.write_text("", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "GITHUB_ENV": str(github_env), "CONFIGURED_SITE_URL": configured, "PAGES_BASE_URL": pages}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return github_env.read_text(encoding="utf-8"), result.stdout


@pytest.mark.parametrize(
    "configured, pages, expected",
    [
        ("https://www.example.org/ops/", "https://someone.github.io/repo", "SITE_URL=https://www.example.org/ops/\n"),
        ("", "https://someone.github.io/repo", "SITE_URL=https://someone.github.io/repo/\n"),
        ("", "https://peace.example.org", "SITE_URL=https://peace.example.org/\n"),
        ("", "", ""),
    ],
)
def test_the_address_is_the_variable_else_the_pages_address_else_none(workflow, tmp_path, configured, pages, expected):
    written, said = _address_step(workflow, tmp_path, configured, pages)
    assert written == expected
    if not expected:
        assert "placeholder" in said
