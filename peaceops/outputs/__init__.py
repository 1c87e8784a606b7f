"""What the build makes from the facts and pages besides the pages themselves: open data, feeds, the
sitemap, the map and the chart, print addresses. Imports ``pages``, ``facts``, ``source``, ``languages``.
"""
