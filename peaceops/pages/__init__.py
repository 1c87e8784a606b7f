"""What pages the site has and what they say around their content: ids, sources and addresses in
both languages, each page's facts (title, dates), wayfinding, metadata for search engines, words and
numbers in the reader's language. Imports ``facts``, ``source`` and ``languages`` only.
"""
