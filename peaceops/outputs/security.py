"""The Content-Security-Policy every page carries: what a browser may load and run for this site.

Why: the site makes no request to another host and runs no script but its own (the search, and
Pagefind, which it loads). Saying so to the browser turns that into a rule it enforces: were a value
in the data or a page ever to slip markup through, the browser would still neither run an inline
script nor fetch anything from another host. Every page carries it as
``<meta http-equiv="Content-Security-Policy">`` (theme/main.html, theme/404.html), the first thing in
its ``<head>``; a host that lets the site set headers can send the same policy as a header, with
``frame-ancestors`` added (which only a header can carry): see the README, "Publishing".

- ``script-src 'self' 'wasm-unsafe-eval'``: scripts only from the site's own files, never inline
  (Material's one inline script is not written: theme/partials/javascripts/content.html); Pagefind
  compiles its WebAssembly, which is what ``'wasm-unsafe-eval'`` allows, and nothing else.
- ``img-src 'self' data:``: Material's icons are SVG data addresses in its stylesheet.
- Everything else from the site itself, or nothing (``default-src 'none'``).
"""
from __future__ import annotations

DIRECTIVES = (
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
)
CONTENT_SECURITY_POLICY = "; ".join(DIRECTIVES)
# Only a header can say which sites may frame the pages (a <meta> policy ignores it).
HEADER_ONLY = "frame-ancestors 'none'"
HEADER_POLICY = f"{CONTENT_SECURITY_POLICY}; {HEADER_ONLY}"
