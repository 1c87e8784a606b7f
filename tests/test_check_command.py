"""``python -m peaceops check`` as editors, pre-commit and CI run it: exit status, format, speed."""
from __future__ import annotations

import re
import resource
import subprocess

from conftest import ROOT, run_check

LINE = re.compile(r"^data/[a-z]+\.yaml:\d+:\d+: \S.*$")


def break_three_files(workspace):
    """A YAML syntax error, a duplicate key and a wrong type, in three files; returns their places."""
    data = workspace / "data"
    missions = (data / "missions.yaml").read_text(encoding="utf-8")
    (data / "missions.yaml").write_text(missions.replace("        count: 131\n", "        count: lots\n"), encoding="utf-8")
    contacts = (data / "contacts.yaml").read_text(encoding="utf-8")
    (data / "contacts.yaml").write_text(contacts.replace("    email: ipobadmin-sdmpiadmin@", '    email: "ipobadmin-sdmpiadmin@'), encoding="utf-8")
    countries = (data / "countries.yaml").read_text(encoding="utf-8")
    (data / "countries.yaml").write_text(countries.replace("  TL:\n", "  IQ:\n"), encoding="utf-8")

    def place(name: str, needle: str, offset: int) -> tuple[str, int, int]:
        text = (data / name).read_text(encoding="utf-8")
        index = text.rindex(needle) + offset  # the last one: a repeated key is reported where it repeats
        return f"data/{name}", text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)

    return [
        place("contacts.yaml", '"ipobadmin-sdmpiadmin@', 0),
        place("countries.yaml", "\n  IQ:\n", 3),
        place("missions.yaml", "count: lots", 7),
    ]


def test_check_reports_every_problem_and_exits_1_without_a_traceback(workspace):
    expected = break_three_files(workspace)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run_check(workspace)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The processor time the check used, not the time on the clock: on a machine shared with other
    # builds the clock measures the queue. Interpreter start-up included; it renders every page too.
    elapsed = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert lines[-1] == (
        "3 problems: 1 in data/contacts.yaml, 1 in data/countries.yaml, 1 in data/missions.yaml; nothing was built."
    )
    assert all(LINE.match(line) for line in lines[:-1]), result.stderr
    assert [tuple(line.split(":")[:3]) for line in lines[:-1]] == [(f, str(line), str(c)) for f, line, c in expected]
    assert "quote" in lines[0] and "appears twice" in lines[1] and "whole number" in lines[2]
    assert elapsed < 2.0, f"check took {elapsed:.2f} s of processor time"


def test_check_passes_on_good_data(workspace):
    result = run_check(workspace)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Data OK:")


def test_check_github_format_gives_annotations(workspace):
    import subprocess
    import sys

    expected = break_three_files(workspace)
    command = [sys.executable, "-m", "peaceops", "--root", str(workspace), "check", "--format", "github"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert [re.match(r"::error file=([^,]+),line=(\d+),col=(\d+)::", a).groups() for a in annotations] == [
        (f, str(line), str(c)) for f, line, c in expected
    ]
    assert "whole number" in annotations[2]


def test_github_annotation_escapes_what_github_would_misread():
    from peaceops.cli import github_annotation
    from peaceops.source.problems import Problem

    problem = Problem("data/a,b:c.yaml", 3, 4, "100% wrong\nsecond line")
    assert github_annotation(problem) == "::error file=data/a%2Cb%3Ac.yaml,line=3,col=4::100%25 wrong%0Asecond line"


def run_make_check(workspace) -> subprocess.CompletedProcess:
    """``make check`` as an editor runs it, on the copy: the repository's Makefile and .venv, the
    copy's data (``.venv/.site`` taken as made, so nothing is installed)."""
    venv = ROOT / ".venv"
    command = ["make", "-f", str(ROOT / "Makefile"), "-C", str(workspace), "--no-print-directory",
               "-o", str(venv / ".site"), f"VENV={venv}", "check"]
    return subprocess.run(command, capture_output=True, text=True)


def test_make_check_ends_with_its_own_summary_and_still_fails(workspace):
    """Not make's "make: *** [Makefile:27: check] Error 1", which reads like a crash to an editor."""
    break_three_files(workspace)
    result = run_make_check(workspace)
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert lines[-1].endswith("; nothing was built.") and lines[-1].startswith("3 problems: "), result.stderr
    assert "***" not in result.stderr + result.stdout and "make:" not in result.stderr + result.stdout
    assert all(LINE.match(line) for line in lines[:-1]), result.stderr


def test_a_ci_step_running_make_check_fails_on_a_problem_and_passes_without(workspace):
    """A workflow step (bash -e, as GitHub Actions runs one) stops at a failed make check."""
    venv = ROOT / ".venv"
    make = f"make -f {ROOT / 'Makefile'} -C {workspace} --no-print-directory -o {venv / '.site'} VENV={venv} check"
    step = ["bash", "-e", "-c", f"{make}; echo the step went on"]
    passed = subprocess.run(step, capture_output=True, text=True)
    assert passed.returncode == 0 and "the step went on" in passed.stdout, passed.stderr
    break_three_files(workspace)
    failed = subprocess.run(step, capture_output=True, text=True)
    assert failed.returncode != 0 and "the step went on" not in failed.stdout
