"""The benchmark's made-up operations are data an editor could have written: the check accepts them.

Why: ``make benchmark`` measures 10, 100 and 1,000 operations written by ``benchmarks/make_synthetic.py``.
When the data model changed (a mission's ``status:`` list replaced ``start:`` and ``end:``), that data
stopped passing the check and the benchmark measured nothing at those sizes; this test notices first.
"""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))  # benchmarks/ is not an installed package
from benchmarks.make_synthetic import make_synthetic


def test_synthetic_operations_pass_the_check(tmp_path) -> None:
    root = make_synthetic(40, tmp_path / "synthetic")
    result = subprocess.run(
        [sys.executable, "-m", "peaceops", "--root", str(root), "check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Data OK: 40 missions (10 current)"), result.stdout
