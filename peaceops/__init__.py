"""The International Police Peace Operations Program site: data, validation, derived facts, pages.

Why a package: MkDocs hook files cannot import each other, and the site must be able to move to
another engine when Material for MkDocs reaches end of life. Everything that knows about the data
lives here; the files in ``hooks/`` only adapt it to MkDocs.
"""
