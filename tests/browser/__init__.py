"""Browser tests: the built site, served on loopback, checked in Debian's Chromium.

Why a package: without this file, pytest would import tests/browser/conftest.py under the bare name
``conftest`` and hide tests/conftest.py from the ``from conftest import ...`` lines of other tests.
"""
