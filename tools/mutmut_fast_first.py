"""A pytest plugin for ``make mutate``: under mutmut, the test files that took least time run first.

Why: mutmut runs, for each mutant, every test that reached the mutated function, with ``-x`` (stop at
the first failure), in no particular order. A rule of fieldtypes.py is reached by the small in-process
tests (tests/test_fieldtypes.py, milliseconds each) and by tests/test_validation.py (the whole data
set copied and loaded per test); a mutant the small tests kill should cost milliseconds, not wait
behind a hundred loadings. The order is by each file's total time in mutmut's own record
(``mutmut-stats.json``, in mutmut's working folder), a file's tests kept together and in their own
order (so its module fixtures are made once). The set of tests is unchanged: only their order.
Outside mutmut (no record in the working folder) it does nothing.

Loaded by the Makefile's ``mutate`` target (``PYTEST_PLUGINS``), never by ``make test``.
"""
from __future__ import annotations

import json
from pathlib import Path

STATS = Path("mutmut-stats.json")


def pytest_collection_modifyitems(config, items):
    if not STATS.is_file():
        return
    durations = json.loads(STATS.read_text(encoding="utf-8")).get("duration_by_test", {})
    per_file: dict[str, float] = {}
    for item in items:
        file = item.nodeid.split("::")[0]
        per_file[file] = per_file.get(file, 0.0) + durations.get(item.nodeid, 0.0)
    order = {id(item): index for index, item in enumerate(items)}
    items.sort(key=lambda item: (per_file[item.nodeid.split("::")[0]], order[id(item)]))
