"""The watch's deadlines: one for each page (every read and redirect it takes, together) and one for
the whole run, kept whatever a site does.

Why: a socket's timeout bounds one read, not a page. A site that sends a byte a second (in its
headers or its body), or a chain of slow redirects, would hold the watch for as long as it likes,
and the weekly job for hours. So each request runs under a deadline, and a watchdog closes its
connection when the deadline passes, whatever the request is waiting for; the page is then reported
as cut by its deadline. The run's deadline is the same kind of limit for the whole watch: what it
cuts is not read this time (and keeps what the last watch recorded), not reported as unreachable.
"""

from __future__ import annotations

import socket
import threading
from contextlib import suppress
from dataclasses import dataclass

from peaceops.source.messages import message


def duration(seconds: float) -> str:
    """``2 seconds``, ``1 minute``, ``45 minutes``: a limit as the report says it."""
    if seconds >= 120 and seconds % 60 == 0:
        minutes = int(seconds // 60)
        return f"{minutes} minutes"
    if seconds == 1:
        return "1 second"
    return f"{seconds:g} seconds"


@dataclass(frozen=True)
class Deadline:
    """When the request in progress must be done, on the fetcher's clock, and whose deadline it is."""

    end: float
    seconds: float  # the limit as given, for the report
    whole_run: bool  # the run's deadline (what it cuts is not read), not the page's (unreachable)

    @property
    def why(self) -> str:
        key = "watch_run_deadline" if self.whole_run else "watch_page_deadline"
        return message(key, limit=duration(self.seconds))


def sooner(page: Deadline, run: Deadline | None) -> Deadline:
    """The deadline that comes first (the page's when they fall together)."""
    return run if run is not None and run.end < page.end else page


class Watchdog:
    """Closes the connections of the request in progress when its time is up.

    ``start`` before a request, ``watch`` each connection it opens, ``stop`` after it; ``fired`` says
    whether the time ran out, so that whatever error the closed connection gives is told as the deadline.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer: threading.Timer | None = None
        self._request = 0  # which request the running timer belongs to
        self.fired = False

    def start(self, seconds: float) -> None:
        self.stop()
        with self._lock:
            self._request += 1
            self.fired = False
            self._timer = threading.Timer(max(seconds, 0.0), self._fire, args=(self._request,))
        self._timer.daemon = True
        self._timer.start()

    def watch(self, connection: socket.socket | None) -> None:
        if connection is None:
            return
        with self._lock:
            self._sockets.append(connection)
            if self.fired:
                _shut(connection)

    def stop(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._request += 1  # a timer already under way finds it is too late
            self._sockets.clear()

    def _fire(self, request: int) -> None:
        with self._lock:
            if request != self._request:
                return
            self.fired = True
            for connection in self._sockets:
                _shut(connection)


def _shut(connection: socket.socket) -> None:
    """End the connection both ways: a read waiting on it returns at once. (The socket's own shutdown,
    under a secure connection's too, so that the read in progress keeps what it is reading with.)"""
    with suppress(OSError):  # already closed
        socket.socket.shutdown(connection, socket.SHUT_RDWR)
