"""The source watch (``python -m peaceops watch``, ``make watch``): whether the pages the data cites
still say what they said, where they are now, and which records to review when they do not.

Beside ``peaceops.mkdocs`` under the command line: it reads the sources through ``peaceops.source``
and knows nothing of pages or the engine. The only code of the package that reaches the network.
"""
