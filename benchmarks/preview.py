"""How long an editor waits between saving a data file and seeing the change in the preview.

Why: editors work with ``make serve`` open beside the file. This starts the same command on a free
loopback port in a copy of the inputs, waits for the first build, then changes the French mandate of
the first mission (which the French country page shows; French is built last, so its change means
the whole rebuild is done) and polls that page until the new text is served.
"""
from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from peaceops.pages.routes import country_page_id
from peaceops.site.site import Site

from .measure import PYTHON, build_env
from .static_server import free_port

FIRST_BUILD_TIMEOUT = 600.0
REBUILD_TIMEOUT = 300.0


class PreviewTimeout(RuntimeError):
    """The preview did not show the page or the change in time."""


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str | None, timeout: float, server: subprocess.Popen) -> float:
    """Seconds until ``url`` is served (containing ``text`` if given); polls every 50 ms."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            raise PreviewTimeout(f"the preview stopped (exit code {server.returncode})")
        body = _fetch(url)
        if body is not None and (text is None or text in body):
            return time.perf_counter() - started
        time.sleep(0.05)
    raise PreviewTimeout(f"{url} did not show {text!r} within {timeout:.0f} s")


def time_to_preview(root: Path, log: Path) -> float:
    """Seconds from saving data/missions.yaml to the preview serving the changed French page.

    ``root`` must be a copy: its missions file is edited.
    """
    site = Site.load(root)
    mission = site.dataset.missions[0]
    page = site.routes.path(country_page_id(mission.country), "fr")
    missions = root / "data" / "missions.yaml"
    text = missions.read_text(encoding="utf-8")
    if text.count(mission.mandate.fr) < 1:
        raise PreviewTimeout(f"the French mandate of {mission.id} is not written on one line in {missions}")
    port = free_port()
    # The command `make serve` runs, so the wait measured is the one editors have.
    command = [PYTHON, "-m", "peaceops", "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=root, env=build_env(), stdout=output, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}/{page}"
            _wait_for(url, None, FIRST_BUILD_TIMEOUT, server)
            marker = f"Benchmark{int(time.time())}"
            missions.write_text(text.replace(mission.mandate.fr, f"{mission.mandate.fr} {marker}", 1), encoding="utf-8")
            return _wait_for(url, marker, REBUILD_TIMEOUT, server)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            missions.write_text(text, encoding="utf-8")
