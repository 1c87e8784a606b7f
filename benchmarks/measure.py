"""Run one command and report its wall time and peak memory.

Why: the figures must be the build's own, not the benchmark's. ``os.wait4`` returns the resource use
of that one child, including the processes it waited for (Pagefind, which the build runs in a
child), so each build's peak memory is measured alone, not mixed with earlier builds.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock: what a person waits
    cpu_seconds: float  # user + system: steadier than wall time when others share the machine
    peak_mib: float


class CommandFailed(RuntimeError):
    """A measured command exited with an error; the benchmark must not report its time."""


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Wall time and peak resident memory (the largest of the process and its children)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} (in {cwd}) failed:\n{output.decode(errors='replace')}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def best_of(repeat: int, command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """The fastest of ``repeat`` runs (the least disturbed by other work on the machine)."""
    runs = [measure(command, cwd, env) for _ in range(max(1, repeat))]
    return min(runs, key=lambda run: run.cpu_seconds)


def build_env() -> dict[str, str]:
    # As `make` runs them: Python's compiled modules kept in .cache/python/ (see the Makefile).
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPYCACHEPREFIX=str(ROOT / ".cache" / "python"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("SITE_URL", None)
    return env


PYTHON = sys.executable
ROOT = Path(__file__).resolve().parent.parent
