"""How ``gxmon serve`` runs the app: uvicorn (its h11 protocol) with limits a slow or hostile client cannot wear out.

uvicorn bounds the size of a request head and closes idle keep-alive connections, but it gives a connection no
time limit until its first response, and its keep-alive timer stops at the first byte: a client that trickles a
header (slowloris) holds its connection for ever, and enough of them take every file descriptor. So here:

- a request, head and body, must be complete within ``head_timeout`` seconds of the connection opening or of
  the previous response, else the connection is closed (answered 408 when its body was still arriving): a
  client trickling a form's body is as slow a client as one trickling its head;
- at most ``max_connections`` connections: one more closes the connection that has waited longest without a
  request in flight (a slow client, not a request being answered), or itself when every connection is busy;
  the limit is kept below the process's file-descriptor limit, which is raised as far as the system allows;
- heads of at most ``max_head_bytes``, however they arrive: h11's incomplete-event limit sees only a head still
  arriving, and one of 50 KB read whole in one piece passed it; keep-alive for ``keep_alive`` seconds idle.

One process answers on one core. ``workers`` > 1 runs that many processes on one port (uvicorn's supervisor,
which also restarts a worker that dies); each builds the app from ``monitor.web.app.app_from_environment``
(``worker_app``) and holds its own connection limit. The session secret of logged-in writes is made once for
all of them.
Each worker listens on a socket of its own, all bound to the port with ``SO_REUSEPORT``, so that the kernel
spreads new connections evenly over them. On one shared socket the worker whose event loop is idle when
connections arrive takes them all (asyncio accepts up to the backlog at a time): of 200 connections opened at
once, one worker held 163 and the other 37, and the first one's requests waited four times as long.
"""

from __future__ import annotations

import functools
import gc
import json
import logging
import os
import re
import resource
import secrets
import socket
import time
from dataclasses import dataclass, replace
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors import Multiprocess
from uvicorn.supervisors.multiprocess import Process

logger = logging.getLogger(__name__)
uvicorn_logger = logging.getLogger("uvicorn.error")     # the supervisor's messages, beside uvicorn's own
SPARE_DESCRIPTORS = 256      # beyond the connections: the listening socket, database, store files, logs
# How long a worker may take to answer the supervisor's health check before it is killed and replaced. uvicorn's
# 5 s killed workers still importing the app on a busy machine, and their replacements started late.
WORKER_HEALTHCHECK_SECONDS = 30


# Bytes of a request's start kept to tell its path when the server refuses it before the app sees it (the
# request line's method and the path of an /api/ URL fit well within it).
TARGET_BYTES = 256
_REQUEST_PATH = re.compile(rb"[!-~]+ (/[^\s?#]*)")


@dataclass(frozen=True)
class ServerLimits:
    head_timeout: float = 20.0
    keep_alive: int = 5
    max_connections: int = 4096
    max_head_bytes: int = 16 * 1024


def head_bytes(request: h11.Request) -> int:
    """The size of a request's head as sent, but for the spaces and colons h11 took out."""
    return (len(request.method) + len(request.target) + len(b" HTTP/1.1\r\n\r\n")
            + sum(len(name) + len(value) + len(b": \r\n") for name, value in request.headers))


class BoundedHeadConnection(h11.Connection):
    """h11's server side refusing a request head over ``max_head_bytes`` also when it arrived whole."""

    def __init__(self, max_head_bytes: int) -> None:
        super().__init__(h11.SERVER, max_incomplete_event_size=max_head_bytes)
        self.max_head_bytes = max_head_bytes

    def next_event(self) -> Any:  # noqa: ANN401 (an h11 event, or the NEED_DATA/PAUSED sentinels)
        event = super().next_event()
        if isinstance(event, h11.Request) and (size := head_bytes(event)) > self.max_head_bytes:
            raise h11.RemoteProtocolError(f"request head of {size} bytes, over {self.max_head_bytes}",
                                          error_status_hint=431)
        return event


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request, a bound on its head and a cap on connections."""

    def __init__(self, *args: Any, limits: ServerLimits, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conn = BoundedHeadConnection(limits.max_head_bytes)
        self.limits = limits
        self.waiting_since = time.monotonic()       # since when it has had no request in flight
        self.head_deadline: Any = None
        self.request_start = b""                    # the first TARGET_BYTES of the request awaited

    def connection_made(self, transport: Any) -> None:  # noqa: ANN401 (asyncio's transport)
        super().connection_made(transport)
        self._wait_for_head()
        if len(self.connections) > self.limits.max_connections:
            self._make_room()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if len(self.request_start) < TARGET_BYTES:
            self.request_start += data[:TARGET_BYTES - len(self.request_start)]
        super().data_received(data)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._wait_for_head()

    def busy(self) -> bool:
        """A request is being answered (its head and its body have arrived)."""
        return (self.cycle is not None and not self.cycle.response_complete and not self.body_arriving())

    def body_arriving(self) -> bool:
        return self.cycle is not None and self.conn.their_state is h11.SEND_BODY

    def _wait_for_head(self) -> None:
        self._cancel_deadline()
        self.request_start = b""
        self.waiting_since = time.monotonic()
        self.head_deadline = self.loop.call_later(self.limits.head_timeout, self._head_deadline_passed)

    def _cancel_deadline(self) -> None:
        if self.head_deadline is not None:
            self.head_deadline.cancel()
            self.head_deadline = None

    def _head_deadline_passed(self) -> None:
        self.head_deadline = None
        if self.busy() or self.transport.is_closing():
            return
        cycle = self.cycle
        if self.body_arriving() and cycle is not None and not cycle.response_started:
            # the app waits for the rest of the body: it is told the client left, and answers nothing more
            cycle.disconnected = True
            cycle.message_event.set()
            self._refuse(408, b"Request Timeout", cycle.scope["path"])
        self.transport.close()

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to a request h11 cannot read (a NUL or raw UTF-8 in the request line, a head over
        max_head_bytes, HTTP/0.9), which never reaches the app, given as the app's (uvicorn has logged ``msg``)."""
        found = _REQUEST_PATH.match(self.request_start)   # the path as far as the request's start tells
        self._refuse(400, b"Bad Request", found.group(1).decode("latin-1") if found else "/")
        self.transport.close()

    def _refuse(self, status: int, reason: bytes, path: str) -> None:
        """The app's own error answer (Chinese; JSON under /api) with its security headers, given by the server."""
        from monitor.web.app import HTTP_MESSAGES, SECURITY_HEADERS, UNREADABLE_REQUEST, bare_error

        content_type, body = bare_error(status, HTTP_MESSAGES[status] if status != 400 else UNREADABLE_REQUEST,
                                        path)
        response = h11.Response(status_code=status, reason=reason,
                                headers=[(b"content-type", content_type), (b"content-length", b"%d" % len(body)),
                                         (b"connection", b"close"), *SECURITY_HEADERS])
        for event in (response, h11.Data(data=body), h11.EndOfMessage()):
            self.transport.write(self.conn.send(event))

    def _make_room(self) -> None:
        waiting = [c for c in self.connections if c is not self and isinstance(c, BoundedH11Protocol)
                   and not c.busy() and not c.transport.is_closing()]
        victim = min(waiting, key=lambda c: c.waiting_since, default=self)
        logger.warning("%d connections: closing one that has no request in flight", len(self.connections))
        victim.transport.close()


def fit_descriptors(limits: ServerLimits) -> ServerLimits:
    """``limits`` with the connection cap under the file-descriptor limit (the soft limit raised to the hard)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = limits.max_connections + SPARE_DESCRIPTORS
    if soft != resource.RLIM_INFINITY and soft < wanted:
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    if soft != resource.RLIM_INFINITY and soft < wanted:
        return replace(limits, max_connections=max(1, soft - SPARE_DESCRIPTORS))
    return limits


def server_config(app: Any, host: str, port: int, limits: ServerLimits = ServerLimits(),  # noqa: ANN401
                  **options: Any) -> uvicorn.Config:
    limits = fit_descriptors(limits)
    return uvicorn.Config(app, host=host, port=port, http=functools.partial(BoundedH11Protocol, limits=limits),
                          timeout_keep_alive=limits.keep_alive, h11_max_incomplete_event_size=limits.max_head_bytes,
                          backlog=min(limits.max_connections, 2048), **options)


def _reuse_port_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def listening_sockets(config: uvicorn.Config, count: int) -> list[socket.socket]:
    """``count`` sockets on ``config``'s host and port (one port chosen for all when it is 0)."""
    first = _reuse_port_socket(config.host, config.port)
    port = first.getsockname()[1]
    uvicorn_logger.info("Uvicorn running on http://%s:%d (Press CTRL+C to quit)", config.host, port)
    return [first, *(_reuse_port_socket(config.host, port) for _ in range(count - 1))]


class ReusePortMultiprocess(Multiprocess):
    """uvicorn's supervisor with worker ``i`` on socket ``i``, also when it replaces a worker that died.
    Workers that signals add or restart (SIGTTIN, SIGHUP) serve every socket, as uvicorn's serve its one;
    SIGTTOU is refused, as it would leave a socket nobody answers."""

    def _start(self, sockets: list[socket.socket]) -> Process:
        process = Process(self.config, sockets)
        process.start()
        return process

    def _sockets_of(self, index: int) -> list[socket.socket]:
        return [self.sockets[index]] if index < len(self.sockets) else self.sockets

    def init_processes(self) -> None:
        self.processes.extend(self._start([sock]) for sock in self.sockets)

    def keep_subprocess_alive(self) -> None:
        """uvicorn's ``keep_subprocess_alive``, the replacement taking over the socket of the worker it
        replaces."""
        if self.should_exit.is_set():
            return
        for index, process in enumerate(self.processes):
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            process.kill()
            process.join()
            if process.exitcode == STARTUP_FAILURE:     # the app cannot start: it would fail on every restart
                uvicorn_logger.error("Child process [%s] failed to start, stopping the parent process.", process.pid)
                self.should_exit.set()
                return
            if self.should_exit.is_set():
                return
            uvicorn_logger.info("Child process [%s] died", process.pid)
            self.processes[index] = self._start(self._sockets_of(index))

    def handle_ttou(self) -> None:
        uvicorn_logger.info("Received SIGTTOU: each worker has a socket of its own, so there stay %d",
                            len(self.processes))


def _long_lived(app: Any) -> Any:  # noqa: ANN401 (an ASGI app)
    """``app``, with every object made so far (the app, the ORM's mappings, the imported modules: ~200,000) moved
    out of the garbage collector's way (``gc.freeze``): they live as long as the process, yet each full
    collection walked them all, ~100 ms with every thread stopped, about once per 150 pages served."""
    gc.collect()
    gc.freeze()
    return app


def worker_app() -> Any:  # noqa: ANN401 (an ASGI app)
    """The app of one worker of ``--workers N`` (uvicorn's factory, called in each worker process)."""
    from monitor.web.app import app_from_environment

    return _long_lived(app_from_environment())


def serve(app_arguments: dict[str, Any], host: str, port: int, limits: ServerLimits = ServerLimits(),
          workers: int = 1) -> None:
    """Run the app ``create_app(**app_arguments)`` builds until SIGINT/SIGTERM, in ``workers`` processes."""
    from monitor.web.app import APP_VARIABLE, create_app

    if workers == 1:
        uvicorn.Server(server_config(_long_lived(create_app(**app_arguments)), host, port, limits)).run()
        return
    os.environ[APP_VARIABLE] = json.dumps(app_arguments)
    os.environ.setdefault("GXMON_WEB_SECRET", secrets.token_urlsafe(32))
    config = server_config("monitor.web.server:worker_app", host, port, limits, factory=True, workers=workers,
                           timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS)
    if hasattr(socket, "SO_REUSEPORT"):
        ReusePortMultiprocess(config, sockets=listening_sockets(config, workers)).run()
    else:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
