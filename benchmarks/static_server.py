"""Serve a built site on the loopback interface the way a static host would: gzip and caching.

Why: Lighthouse scores what it is served. Python's http.server sends text uncompressed and without
cache headers, which no production host does, and would cost the site points it would not lose in
production. This server compresses text with gzip when the browser accepts it and marks Material's
fingerprinted assets (``main.57a0d79d.min.css``, our ``site.25d9ce51.css``) as cacheable for a year,
like GitHub Pages or a CDN does; nothing else.
"""
from __future__ import annotations

import gzip
import io
import re
import socket
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = re.compile(r"\.(html|css|js|json|xml|svg|txt|csv|map)$")
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}(\.min)?\.(js|css)$")


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # quiet: the benchmark prints its own table
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # 404
        body = path.read_bytes()
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and COMPRESSIBLE.search(path.name)
        if compress:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        age = 31536000 if FINGERPRINTED.search(path.name) else 600
        self.send_header("Cache-Control", f"public, max-age={age}")
        self.end_headers()
        return io.BytesIO(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(site: Path, port: int) -> ThreadingHTTPServer:
    """Start serving ``site`` on 127.0.0.1:``port`` in a background thread; call ``shutdown()`` to stop."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
