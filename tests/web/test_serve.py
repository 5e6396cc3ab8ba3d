"""``gxmon serve`` as an operator runs it: the console script, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import gc
import socket
import subprocess
import time

import httpx
import psutil
import pytest

from monitor.alerts.mailsink import free_port
from monitor.web import server

from .conftest import build_archive
from .serving import GXMON, output, start, stop, wait_until_up


@pytest.fixture(scope="module")
def archive_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    build_archive(f"sqlite:///{folder / 'gxmon.db'}", folder / "gxmon-store")
    return folder


def test_serve_binds_loopback_by_default_and_serves_the_archive(archive_files):
    port = free_port()
    process = start(["serve", "--port", str(port)], cwd=archive_files)   # the default archive: ./gxmon.db
    try:
        wait_until_up(process, f"http://127.0.0.1:{port}/healthz")
        page = httpx.get(f"http://127.0.0.1:{port}/reports", timeout=10)
        assert page.status_code == 200 and "开封市人民政府2021年政府信息公开工作年度报告" in page.text
        api = httpx.get(f"http://127.0.0.1:{port}/api/reports", timeout=10).json()
        assert api["total"] == 6
    finally:
        output = stop(process)
    assert f"http://127.0.0.1:{port}" in output


def test_serve_refuses_a_database_that_is_not_there(tmp_path):
    result = subprocess.run([GXMON, "--db", str(tmp_path / "missing.db"), "serve", "--port", str(free_port())],
                            check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'missing.db'}：没有这个存档文件"   # no traceback
    assert not (tmp_path / "missing.db").exists()


def test_workers_share_the_port_and_stop_with_the_server(archive_files):
    port = free_port()
    process = start(["serve", "--port", str(port), "--workers", "2"], cwd=archive_files)
    try:
        wait_until_up(process, f"http://127.0.0.1:{port}/healthz")
        deadline = time.monotonic() + 60                 # the second worker may start later on a busy machine
        while output(process).count("Application startup complete") < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = [p for p in psutil.Process(process.pid).children(recursive=True)
                   if "multiprocessing" in " ".join(p.cmdline())]
        pages = [httpx.get(f"http://127.0.0.1:{port}/reports", timeout=10) for _ in range(6)]
        assert {p.status_code for p in pages} == {200}
        assert "开封市人民政府2021年政府信息公开工作年度报告" in pages[-1].text
    finally:
        printed = stop(process)
    assert printed.count("Started server process") == 2
    # the workers (and multiprocessing's resource tracker) end with the server, within moments on a busy machine
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert len(workers) >= 2 and not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in alive)



def _listening(server: subprocess.Popen, port: int) -> list:
    return [c for c in psutil.Process(server.pid).net_connections("tcp")
            if c.laddr.port == port and c.status == psutil.CONN_LISTEN]


def _workers(server: subprocess.Popen) -> list[psutil.Process]:
    return [p for p in psutil.Process(server.pid).children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]


def _connections_held(server: subprocess.Popen, port: int, count: int) -> list[int]:
    """Open ``count`` keep-alive connections at once, each answered once; how many each worker holds."""
    clients = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(count)]
    try:
        for client in clients:
            client.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        for client in clients:
            assert client.recv(4096).startswith(b"HTTP/1.1 200")
        return [sum(1 for c in w.net_connections("tcp") if c.laddr.port == port and c.status == psutil.CONN_ESTABLISHED)
                for w in _workers(server)]
    finally:
        for client in clients:
            client.close()


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)


def test_workers_share_the_connections_evenly_also_after_one_died(archive_files):
    """Each worker has a socket of its own on the port: connections opened at once are spread over the
    workers by the kernel, not all taken by the worker that happens to be idle; a worker that dies is
    replaced on its socket."""
    port = free_port()
    process = start(["serve", "--port", str(port), "--workers", "2"], cwd=archive_files)
    try:
        wait_until_up(process, f"http://127.0.0.1:{port}/healthz")
        _wait_for(lambda: len(_listening(process, port)) == 2)     # each socket listens once its app started
        assert len(_listening(process, port)) == 2
        first = _connections_held(process, port, 64)
        _workers(process)[0].kill()
        _wait_for(lambda: "died" in output(process) and output(process).count("Application startup complete") == 3)
        time.sleep(1)                                                # its replacement listening again
        after = _connections_held(process, port, 64)
    finally:
        stop(process)
    # an even split is 32 each; under 16 has odds below 1 in 10,000
    assert sum(first) == sum(after) == 64 and min(first) >= 16 and min(after) >= 16, (first, after)


def test_the_served_app_and_everything_made_before_it_are_kept_out_of_collections():
    try:
        app = object()
        assert server._long_lived(app) is app and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
