"""Speed and weight measurements for the site (issue #7); run with ``make benchmark``."""
