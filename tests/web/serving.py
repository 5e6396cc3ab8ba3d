"""``gxmon serve`` started as an operator starts it (the console script, a child process on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlmodel import Session

from monitor.alerts.mailsink import free_port
from monitor.archive.db import make_engine
from monitor.archive.users import add_user
from monitor.web.app import SECURITY_HEADERS

GXMON = str(Path(sys.executable).with_name("gxmon"))


@dataclass
class Served:
    process: subprocess.Popen
    port: int

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_kib(self, field: str = "VmRSS") -> int:
        """A memory figure of the server process from /proc (VmRSS now, VmHWM its peak), in KiB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
        raise AssertionError(f"no {field} in /proc/{self.process.pid}/status")

    def open_descriptors(self) -> int:
        return len(os.listdir(f"/proc/{self.process.pid}/fd"))


def start(args: list[str], cwd: Path) -> subprocess.Popen:
    """The console script with its output (a line per request) going to a file, which a pipe nobody reads
    while the server works would not be: a full pipe stops the server at its next log line."""
    env = {k: v for k, v in os.environ.items() if k != "GXMON_DB"}
    log = tempfile.TemporaryFile("w+", encoding="utf-8")
    process = subprocess.Popen([GXMON, *args], cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    process.log = log
    return process


def output(process: subprocess.Popen) -> str:
    process.log.seek(0)
    return process.log.read()


def wait_until_up(process: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, output(process)
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"gxmon serve did not answer {url} within 30 s")


def stop(process: subprocess.Popen) -> str:
    """Stops the server; what it printed."""
    process.terminate()
    process.wait(timeout=15)
    text = output(process)
    process.log.close()
    return text


@contextmanager
def serving(folder: Path, *options: str) -> Iterator[Served]:
    """``gxmon serve`` over ``folder``/gxmon.db (and its gxmon-store) with ``options``, stopped on exit."""
    port = free_port()
    process = start(["serve", "--port", str(port), *options], cwd=folder)
    served = Served(process, port)
    try:
        wait_until_up(process, f"{served.base_url}/healthz")
        yield served
    finally:
        stop(process)


def writes_config(folder: Path, url: str) -> Path:
    """A config turning writes on (login and the triage forms take POST bodies), with a user in the archive."""
    engine = make_engine(url)
    with Session(engine) as s:
        add_user(s, "审核员", "correct horse battery")
        s.commit()
    engine.dispose()
    config = folder / "writes.toml"
    config.write_text('[[site]]\nid = "kf"\nname = "开封市人民政府"\nstart_urls = ["http://www.kaifeng.gov.cn/"]\n'
                      "[web]\nwrites = true\n", encoding="utf-8")
    return config


def form_head(path: str, length: int | None, content_type: str = "application/x-www-form-urlencoded") -> bytes:
    """A POST head declaring a body of ``length`` bytes (None: chunked)."""
    framing = f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
    return f"POST {path} HTTP/1.1\r\nHost: a\r\nContent-Type: {content_type}\r\n{framing}\r\n\r\n".encode()


def _head(sock: socket.socket) -> tuple[str, dict[str, str], bytes]:
    """The status line and headers of the server's answer on ``sock``, and what of its body came with them."""
    said = b""
    while b"\r\n\r\n" not in said and (chunk := sock.recv(65536)):
        said += chunk
    head, _, body = said.partition(b"\r\n\r\n")
    status, *fields = head.decode("latin-1").split("\r\n")
    return status, {name.lower(): value for name, value in (field.split(": ", 1) for field in fields)}, body


def answer(sock: socket.socket) -> tuple[str, dict[str, str]]:
    """The status line and headers of the server's answer on ``sock``."""
    status, headers, _ = _head(sock)
    return status, headers


def answer_with_body(sock: socket.socket) -> tuple[str, dict[str, str], bytes]:
    """The status line, headers and body (as long as its Content-Length) of the server's answer on ``sock``."""
    status, headers, body = _head(sock)
    while len(body) < int(headers.get("content-length", 0)) and (chunk := sock.recv(65536)):
        body += chunk
    return status, headers, body


def apps_own(path: str, headers: dict[str, str], body: bytes, message: str) -> bool:
    """The answer is the app's own error: its JSON under /api, else its Chinese error page, saying ``message``."""
    if path.startswith("/api/"):
        return headers.get("content-type") == "application/json" and json.loads(body) == {"detail": message}
    return headers.get("content-type", "").startswith("text/html") and message in body.decode("utf-8", "replace")


def secured(headers: dict[str, str]) -> bool:
    """The answer carries the app's security headers."""
    return {name.decode(): value.decode() for name, value in SECURITY_HEADERS}.items() <= headers.items()
