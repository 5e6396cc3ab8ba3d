"""Serve a SimSite over HTTP on 127.0.0.1 with ETag/Last-Modified (real 304s), and optional faults.

The server records every request it answers (``server.log``) so tests can check what a crawler asked for:
robots.txt obeyed, conditional headers sent, nothing fetched twice.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from simsite.site import Resource, SimSite

FAULTS = ("5xx", "slow", "garbage", "loop")


@dataclass(frozen=True)
class LogEntry:
    method: str
    path: str
    status: int
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str


class SimServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default 5 drops SYNs under a crawler's parallel connects (1 s retransmit)

    def __init__(self, site: SimSite, port: int = 0, fault: str | None = None, delay: float = 0.0):
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; choose one of {', '.join(FAULTS)}")
        super().__init__(("127.0.0.1", port), _Handler)
        self.site, self.fault, self.delay = site, fault, delay
        self.log: list[LogEntry] = []
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        site.base_url = self.base_url
        site.offsite_base = f"http://localhost:{self.server_address[1]}"
        self._thread = threading.Thread(target=self.serve_forever, name="simsite", daemon=True)

    def start(self) -> SimServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self.shutdown()
        self.server_close()

    def __enter__(self) -> SimServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def handle_error(self, request, client_address) -> None:
        """A crawler that gave up on a slow answer closes its socket: not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def requests_for(self, path_prefix: str) -> list[LogEntry]:
        return [e for e in self.log if e.path.startswith(path_prefix)]


def serve(site: SimSite, port: int = 0, fault: str | None = None, delay: float = 0.0) -> SimServer:
    """Start serving ``site`` in a background thread; ``server.base_url`` says where."""
    return SimServer(site, port, fault, delay).start()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SimServer

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (keep test output quiet)
        pass

    def _resource(self) -> Resource:
        fault = self.server.fault
        if fault == "slow" or self.server.delay:
            time.sleep(self.server.delay)
        if fault == "5xx":
            return Resource(503, b"<html><body>Service Unavailable</body></html>")
        if fault == "loop":
            return Resource(302, location="/loop/b.html" if self.path == "/loop/a.html" else "/loop/a.html")
        if fault == "garbage":
            return Resource(200, os.urandom(2048), "text/html")
        return self.server.site.get(self.path)

    def _respond(self, send_body: bool) -> None:
        res = self._resource()
        status = 304 if res.status == 200 and self._not_modified(res) else res.status
        self.server.log.append(LogEntry(self.command, self.path, status, self.headers.get("If-None-Match"),
                                        self.headers.get("If-Modified-Since"), self.headers.get("User-Agent", "")))
        self.send_response(status)
        if res.status == 200:
            self.send_header("ETag", res.etag)
            if res.last_modified:
                self.send_header("Last-Modified", format_datetime(res.last_modified, usegmt=True))
        if res.location:
            self.send_header("Location", res.location)
        if status == 304:
            self.end_headers()
            return
        self.send_header("Content-Type", res.content_type)
        self.send_header("Content-Length", str(len(res.body)))
        self.end_headers()
        if send_body:
            self.wfile.write(res.body)

    def _not_modified(self, res: Resource) -> bool:
        """RFC 9110 §13.2.2: If-None-Match decides when present; otherwise If-Modified-Since."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = [t.strip() for t in if_none_match.split(",")]
            return "*" in tags or res.etag in tags or f"W/{res.etag}" in tags
        since = self.headers.get("If-Modified-Since")
        if since and res.last_modified:
            try:
                return res.last_modified <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False
