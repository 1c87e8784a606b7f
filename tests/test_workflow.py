"""Issues 6 and 14: the publish workflow (.github/workflows/publish.yml) is valid and does exactly what
it should: check, build strictly and test on every pull request and push to main, attach the site to
pull requests, and deploy to GitHub Pages from main only, after a green build, with actions pinned at
their node24 majors, the container pinned by digest, the least permissions each job needs (each one
explained), zizmor and actionlint clean, and the real public address when SITE_URL is not set.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from peaceops.watch.fetch import RUN_DEADLINE

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "publish.yml"
EVERY_WORKFLOW = sorted(WORKFLOWS.glob("*.yml"))
WORKFLOW_NAMES = [path.name for path in EVERY_WORKFLOW]
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?:\s+#\s*(?P<comment>.*))?$")


def _read(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key and value as text.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506  (text only)


def _uses(path: Path) -> list[re.Match[str] | None]:
    return [PINNED.match(line) for line in path.read_text(encoding="utf-8").splitlines() if re.search(r"\buses:", line)]


@pytest.fixture(scope="module")
def workflow() -> dict:
    return _read(WORKFLOW)


def _steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_the_workflows_are_publish_and_the_source_watch():
    assert WORKFLOW_NAMES == ["publish.yml", "source-watch.yml"]


@pytest.mark.parametrize("path", EVERY_WORKFLOW, ids=WORKFLOW_NAMES)
def test_workflow_is_valid_against_the_github_workflow_schema(path):
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(path)], capture_output=True, text=True
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


@pytest.mark.parametrize("path", EVERY_WORKFLOW, ids=WORKFLOW_NAMES)
def test_every_run_script_is_valid_bash(path):
    workflow = _read(path)
    for job in workflow["jobs"]:
        for step in _steps(workflow, job):
            if "run" in step:
                result = subprocess.run(["bash", "-n"], input=step["run"], capture_output=True, text=True)
                assert result.returncode == 0, f"{step.get('name')}: {result.stderr}"


@pytest.mark.parametrize("path", EVERY_WORKFLOW, ids=WORKFLOW_NAMES)
def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version(path):
    uses = _uses(path)
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
    # The accessibility record is written by its own command after the tests, and the site built
    # again with it; `make test` itself writes no tracked file.
    assert commands == ["make check", "make site", "make test", "make accessibility-record", "make site", "make screenshots"]
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
    "actions/download-artifact": 5,
    "actions/github-script": 8,
}
ACTIONS = {
    "publish.yml": {
        "actions/checkout",
        "actions/upload-artifact",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "actions/configure-pages",
    },
    "source-watch.yml": {
        "actions/checkout",
        "actions/upload-artifact",
        "actions/download-artifact",
        "actions/github-script",
    },
}


@pytest.mark.parametrize("path", EVERY_WORKFLOW, ids=WORKFLOW_NAMES)
def test_every_action_is_at_a_node24_major(path):
    uses = _uses(path)
    assert {found["action"] for found in uses} == ACTIONS[path.name]
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


@pytest.mark.parametrize("path", EVERY_WORKFLOW, ids=WORKFLOW_NAMES)
def test_zizmor_pedantic_finds_nothing(path):
    result = _zizmor(path)
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


@pytest.mark.parametrize("path", EVERY_WORKFLOW, ids=WORKFLOW_NAMES)
def test_actionlint_finds_nothing(path):
    result = _actionlint(path)
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


def test_an_action_used_by_two_workflows_is_pinned_at_the_same_commit():
    pins: dict[str, set[str]] = {}
    for path in EVERY_WORKFLOW:
        for found in _uses(path):
            pins.setdefault(found["action"], set()).add(f"{found['ref']} {found['comment'].strip()}")
    assert {action: len(refs) for action, refs in pins.items() if len(refs) > 1} == {}


# --- The source watch (issue 23) ------------------------------------------------------------------

WATCH = WORKFLOWS / "source-watch.yml"


@pytest.fixture(scope="module")
def watch_workflow() -> dict:
    return _read(WATCH)


def test_the_watch_runs_once_a_week_and_on_demand(watch_workflow):
    assert set(watch_workflow["on"]) == {"schedule", "workflow_dispatch"}
    (cron,) = [entry["cron"] for entry in watch_workflow["on"]["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert minute.isdigit() and hour.isdigit() and weekday.isdigit()
    assert (day, month) == ("*", "*")


def test_only_the_issue_job_may_write_issues_and_the_watch_commits_nothing(watch_workflow):
    assert watch_workflow["permissions"] == {}
    jobs = watch_workflow["jobs"]
    assert set(jobs) == {"watch", "issue"}
    assert jobs["watch"]["permissions"] == {"contents": "read"}
    assert jobs["issue"]["permissions"] == {"issues": "write"}
    checkout = next(s for s in _steps(watch_workflow, "watch") if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] == "false"
    assert not any(s.get("uses", "").startswith("actions/checkout@") for s in _steps(watch_workflow, "issue"))
    runs = " ".join(step.get("run", "") for job in jobs for step in _steps(watch_workflow, job))
    assert "git commit" not in runs and "git push" not in runs


def test_the_watch_stops_itself_well_before_the_job_is_stopped(watch_workflow):
    """Issue 32: the watch's deadline for the whole run leaves the job time to keep the report and the
    state (a job stopped by GitHub keeps nothing)."""
    job_minutes = int(watch_workflow["jobs"]["watch"]["timeout-minutes"])
    assert job_minutes >= RUN_DEADLINE / 60 + 10


def test_the_watch_job_runs_make_watch_in_publishs_image_and_keeps_report_and_state(watch_workflow, workflow):
    job = watch_workflow["jobs"]["watch"]
    assert job["container"] == workflow["jobs"]["build"]["container"]
    steps = _steps(watch_workflow, "watch")
    watch = next(s for s in steps if "make watch" in s.get("run", ""))
    assert 'make watch WATCH_OPTIONS="--report source-watch/report.txt"' in watch["run"]
    assert "cp data/checks/sources.json source-watch/sources.json" in watch["run"]
    assert job["outputs"]["found"] == "${{ steps." + watch["id"] + ".outputs.found }}"
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert steps.index(upload) > steps.index(watch)
    assert upload["with"]["name"] == "source-watch" and upload["with"]["path"] == "source-watch/"
    issue = watch_workflow["jobs"]["issue"]
    assert issue["needs"] == "watch" and issue["if"] == "needs.watch.outputs.found == 'yes'"
    download = next(s for s in _steps(watch_workflow, "issue") if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["name"] == "source-watch"


@pytest.mark.parametrize("report, found", [("a line\n", "found=yes\n"), ("", "found=no\n")])
def test_the_issue_job_runs_only_when_the_watch_printed_a_line(watch_workflow, tmp_path, report, found):
    """The watch step's own script, with a stand-in for make that writes what `make watch` writes."""
    step = next(s for s in _steps(watch_workflow, "watch") if "make watch" in s.get("run", ""))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    make = bin_dir / "make"
    make.write_text(
        "#!/bin/sh\nmkdir -p data/checks\necho '{}' > data/checks/sources.json\n"
        f"printf '%s' '{report}' > source-watch/report.txt\n",
        encoding="utf-8",
    )
    make.chmod(0o755)
    output = tmp_path / "github_output"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "GITHUB_OUTPUT": str(output)}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == found
    assert (tmp_path / "source-watch" / "sources.json").read_text(encoding="utf-8") == "{}\n"


# github-script runs the script as the body of an async function of (require, github, context, core, ...).
ISSUE_HARNESS = """
const fs = require("fs");
const calls = [];
const existing = JSON.parse(process.env.OPEN_ISSUES);
const github = {
  paginate: async (method, params) => { calls.push(["list", method, params]); return existing; },
  rest: { issues: {
    listForRepo: "issues.listForRepo",
    update: async (params) => { calls.push(["update", params]); },
    create: async (params) => { calls.push(["create", params]); return { data: { number: 99 } }; },
  } },
};
const context = { repo: { owner: "someone", repo: "site" } };
const core = { info: (text) => calls.push(["info", text]) };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction("require", "github", "context", "core", fs.readFileSync(process.argv[2], "utf8"))(
  require, github, context, core,
).then(() => console.log(JSON.stringify(calls)));
"""
ISSUE_TITLE = "Source watch: pages the data cites need an editor"


def _issue_script(watch_workflow, tmp_path, report: str, open_issues: list[dict]) -> list:
    step = next(s for s in _steps(watch_workflow, "issue") if s.get("uses", "").startswith("actions/github-script@"))
    assert set(step["with"]) == {"script"} and "${{" not in step["with"]["script"]  # no expression in the code
    (tmp_path / "script.js").write_text(step["with"]["script"], encoding="utf-8")
    (tmp_path / "harness.js").write_text(ISSUE_HARNESS, encoding="utf-8")
    (tmp_path / "source-watch").mkdir()
    (tmp_path / "source-watch" / "report.txt").write_text(report, encoding="utf-8")
    env = {
        "PATH": "/usr/bin:/bin",
        "OPEN_ISSUES": json.dumps(open_issues),
        "RUN_URL": "https://github.com/someone/site/actions/runs/1",
    }
    result = subprocess.run(
        ["node", "harness.js", "script.js"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


REPORT = (
    "data/sources.yaml:40:14: gone: rcmp-x, English page (https://example.org/a): the site says it no longer exists (404 Not Found); …\n"
    '    the Wayback Machine has a copy (2024-05-02); suggested line for rcmp-x in data/sources.yaml: archived: {en: "https://web.archive.org/web/2024/https://example.org/a"}\n'
)


def test_the_issue_script_opens_one_issue_with_the_report_and_where_the_new_state_is(watch_workflow, tmp_path):
    calls = _issue_script(watch_workflow, tmp_path, REPORT, [])
    assert calls[0] == [
        "list",
        "issues.listForRepo",
        {"owner": "someone", "repo": "site", "state": "open", "creator": "github-actions[bot]", "per_page": 100},
    ]
    kind, created = calls[1]
    assert kind == "create" and created["title"] == ISSUE_TITLE
    assert "\n```text\n" + REPORT.rstrip("\n") + "\n```\n" in created["body"]
    assert "[the watch's run](https://github.com/someone/site/actions/runs/1)" in created["body"]
    assert "`data/checks/sources.json`" in created["body"]
    assert calls[2] == ["info", "Opened issue #99"]


def test_the_issue_script_updates_the_open_issue_rather_than_opening_another(watch_workflow, tmp_path):
    open_issues = [
        {"number": 5, "title": ISSUE_TITLE, "pull_request": {"url": "…"}},  # a pull request of that title
        {"number": 12, "title": "Something else"},
        {"number": 17, "title": ISSUE_TITLE},
    ]
    calls = _issue_script(watch_workflow, tmp_path, REPORT, open_issues)
    assert [call[0] for call in calls] == ["list", "update", "info"]
    assert calls[1][1]["issue_number"] == 17 and "title" not in calls[1][1]
    assert REPORT.rstrip("\n") in calls[1][1]["body"]


def test_a_report_with_backticks_cannot_end_the_issues_code_block(watch_workflow, tmp_path):
    report = "data/sources.yaml:3:14: moved: x, English page (https://example.org/````): …\n"
    calls = _issue_script(watch_workflow, tmp_path, report, [])
    assert "\n`````text\n" + report.rstrip("\n") + "\n`````\n" in calls[1][1]["body"]
