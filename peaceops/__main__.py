import sys

from peaceops.cli import main

sys.exit(main())
