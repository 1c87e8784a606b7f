"""``python -m peaceops``: the command line (``peaceops/cli.py``), as ``make`` runs it.

Why the garbage collector rests while the modules load: importing makes only objects that live as
long as the process (classes, the data model's validators, regular expressions, Babel's locale
data), yet each collection on the way walked all of them again, and so did every later one while the
command read the data and rendered the pages: a tenth of ``check``'s CPU time (issue 33). They are
loaded with the collector paused, then frozen (set aside for good, as ``gc.freeze`` does), so a
collection walks only what the command itself makes. Nothing is cached: each run is a fresh process.
"""
import gc
import sys

gc.disable()
from peaceops.cli import main  # noqa: E402  (imported with the collector paused: see above)

gc.freeze()
gc.enable()

sys.exit(main())
