"""Serve a simulated site over HTTP with ETag/Last-Modified (real 304s), and optional faults.

A site has one or more hosts (``site.hosts``: its portal first, then, say, a county that runs its own server).
Each host gets a listener of its own on its own loopback address (all of 127.0.0.0/8 reaches this machine):
the portal on 127.0.0.1, the next host on 127.0.0.2, and so on, so a crawler sees genuinely different hosts.
``server.urls`` maps host keys to base URLs and ``server.base_url`` is the portal's. Serving several sites at
once (one city per 127.0.0.x) only needs more listeners with other addresses: see ``addresses``.

The server records every request it answers (``server.log``) so tests can check what a crawler asked for:
robots.txt obeyed, conditional headers sent, nothing fetched twice.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol

from simsite.resource import Resource

FAULTS = ("5xx", "slow", "garbage", "loop", "challenge")
# How often a listener's serving loop looks for a shutdown: close() waits for it, once per host (the default
# 0.5 s was up to half a second at every test's teardown, per host).
SHUTDOWN_POLL_SECONDS = 0.05
# an anti-bot gate as 瑞数信息's answers every request: HTTP 412 and a script that earns the cookie
CHALLENGE_PAGE = (b"<!DOCTYPE html><html><head><meta id=\"9DhefwqGPrzA\" content=\"8GsFZ0Jb1wHEQ3OL\" r='m'>"
                  b"<script type=\"text/javascript\" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=84312;</script>"
                  b"<script type=\"text/javascript\" src=\"/4QbVtADbnLVI/c.FxJzG50F.js\" r='m'></script>"
                  b"</head><body></body></html>")
MAX_FORM_BYTES = 64 * 1024


class Servable(Protocol):
    """What the server needs of a site; every family (``simsite.families.FAMILIES``) provides it."""

    hosts: tuple[str, ...]

    def bind(self, urls: Mapping[str, str]) -> None: ...

    def get(self, target: str, host: str) -> Resource: ...


@dataclass(frozen=True)
class LogEntry:
    method: str
    path: str
    status: int
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str
    host: str = ""  # the site's host key that answered ("www" for the portal)


def loopback_addresses(count: int, first: int = 1) -> list[str]:
    """``count`` loopback addresses from 127.0.0.<first> on (127.0.1.0 follows 127.0.0.255)."""
    return [f"127.0.{n // 256}.{n % 256}" for n in range(first, first + count)]


class SimServer:
    """All listeners of one site. ``port`` is the portal's (0: any free port); other hosts get free ports."""

    def __init__(self, site: Servable, port: int = 0, fault: str | None = None, delay: float = 0.0,
                 addresses: Sequence[str] | None = None):
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; choose one of {', '.join(FAULTS)}")
        addresses = list(addresses or loopback_addresses(len(site.hosts)))
        if len(addresses) < len(site.hosts):
            raise ValueError(f"the site has {len(site.hosts)} hosts but only {len(addresses)} addresses were given")
        self.site, self.fault, self.delay = site, fault, delay
        self.log: list[LogEntry] = []
        self._listeners = [_Listener(self, host, address, port if n == 0 else 0)
                           for n, (host, address) in enumerate(zip(site.hosts, addresses, strict=False))]
        self.urls = {listener.host: listener.base_url for listener in self._listeners}
        self.base_url = self.urls[site.hosts[0]]
        site.bind(self.urls)

    def start(self) -> SimServer:
        for listener in self._listeners:
            listener.thread.start()
        return self

    def close(self) -> None:
        for listener in self._listeners:
            if listener.thread.is_alive():
                listener.shutdown()
            listener.server_close()

    def __enter__(self) -> SimServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def requests_for(self, path_prefix: str, host: str | None = None) -> list[LogEntry]:
        return [e for e in self.log if e.path.startswith(path_prefix) and host in (None, e.host)]


def serve(site: Servable, port: int = 0, fault: str | None = None, delay: float = 0.0,
          addresses: Sequence[str] | None = None) -> SimServer:
    """Start serving ``site`` in background threads; ``server.base_url`` (and ``server.urls``) say where."""
    return SimServer(site, port, fault, delay, addresses).start()


class _Listener(ThreadingHTTPServer):
    """One host of a site on one address."""

    daemon_threads = True
    request_queue_size = 256  # the default 5 drops SYNs under a crawler's parallel connects (1 s retransmit)

    def __init__(self, group: SimServer, host: str, address: str, port: int):
        super().__init__((address, port), _Handler)
        self.group, self.host = group, host
        self.base_url = f"http://{address}:{self.server_address[1]}"
        self.thread = threading.Thread(target=self.serve_forever, args=(SHUTDOWN_POLL_SECONDS,),
                                       name=f"simsite-{host}", daemon=True)

    def handle_error(self, request, client_address) -> None:
        """A crawler that gave up on a slow answer closes its socket: not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle on, the body waits for the client's delayed ACK
    # (40 ms a response on a kept-alive connection).
    disable_nagle_algorithm = True
    server: _Listener

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._respond(self.path, send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(self.path, send_body=False)

    def do_POST(self) -> None:  # noqa: N802
        """Some CMS pagers POST their form (Hanweb's data proxy): its fields join the query string."""
        length = min(int(self.headers.get("Content-Length") or 0), MAX_FORM_BYTES)
        form = self.rfile.read(length).decode("latin-1") if length else ""
        target = self.path if not form else self.path + ("&" if "?" in self.path else "?") + form
        self._respond(target, send_body=True)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (keep test output quiet)
        pass

    def _resource(self, target: str) -> Resource:
        group = self.server.group
        if group.fault == "slow" or group.delay:
            time.sleep(group.delay)
        if group.fault == "5xx":
            return Resource(503, b"<html><body>Service Unavailable</body></html>")
        if group.fault == "loop":
            return Resource(302, location="/loop/b.html" if self.path == "/loop/a.html" else "/loop/a.html")
        if group.fault == "garbage":
            return Resource(200, os.urandom(2048), "text/html")
        if group.fault == "challenge":
            return Resource(412, CHALLENGE_PAGE, "text/html")
        return group.site.get(target, self.server.host)

    def _respond(self, target: str, send_body: bool) -> None:
        res = self._resource(target)
        status = 304 if res.status == 200 and self._not_modified(res) else res.status
        self.server.group.log.append(LogEntry(
            self.command, self.path, status, self.headers.get("If-None-Match"),
            self.headers.get("If-Modified-Since"), self.headers.get("User-Agent", ""), self.server.host))
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
        if res.disposition:
            self.send_header("Content-Disposition", res.disposition)
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
