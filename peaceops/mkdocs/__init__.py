"""The MkDocs adapter: the only package that imports MkDocs, Material or Python-Markdown. The files
in ``hooks/`` re-export its events; another engine would get an adapter of its own beside this one.
"""
