"""``gxmon serve`` as an operator runs it: the console script, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import subprocess
import time

import httpx
import psutil
import pytest

from monitor.alerts.mailsink import free_port

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
