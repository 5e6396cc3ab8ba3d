"""What the distributed-crawl tests share: configs of simulated cities' report columns, gxmon processes, the
archive and Redis as they stand."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from monitor.archive.db import make_engine
from monitor.archive.models import Report, Version

GXMON = str(Path(sys.executable).with_name("gxmon"))
COLUMNS = ("/bm/tjj/xxgk/ndbg/", "/bm/czj/xxgk/ndbg/")   # two departments' columns per city
REPORTS_PER_COLUMN = 6


def write_config(path: Path, cities, delay: float, columns=COLUMNS, concurrency: int = 1) -> Path:
    text = ""
    for n, (_, server) in enumerate(cities):
        for column in columns:
            text += f"""
[[site]]
id = "city{n}-{column.split('/')[2]}"
name = "城市{n}{column.split('/')[2]}"
start_urls = ["{server.base_url}{column}"]
depth = 0
delay = {delay}
concurrency = {concurrency}
"""
    path.write_text(text, encoding="utf-8")
    return path


def expected(cities, columns=COLUMNS) -> set[tuple[str, str, int]]:
    """(column URL prefix, agency, year) of every report the configured columns list."""
    found = set()
    for site, server in cities:
        for column in columns:
            prefix = server.base_url + column.rsplit("xxgk", 1)[0]
            found |= {(prefix, e.agency, e.year) for e in site.expected_reports() if e.url.startswith(prefix)}
    return found


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "GXMON_DB"}


def start_worker(redis_url: str, log: Path, *args: str, parallel: int = 1) -> subprocess.Popen:
    return subprocess.Popen([GXMON, "-v", "worker", "--redis", redis_url, "--parallel", str(parallel), "--lease", "3",
                             *args], stdout=subprocess.DEVNULL, stderr=log.open("w"), env=env())


def start_crawl(db: str, config: Path, redis_url: str) -> subprocess.Popen:
    return subprocess.Popen([GXMON, "--db", db, "crawl", "--config", str(config), "--redis", redis_url,
                             "--no-mail"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()


def scalar(db: str, query):
    engine = make_engine(db)
    with Session(engine) as s:
        value = s.exec(query).one()
    engine.dispose()
    return value


def crawl_children(pid: int) -> list[int]:
    """The crawl processes (python -m crawler.run) a worker started."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid and b"crawler.run" in cmdline:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def jobs_of(redis_server, pid: int) -> list[dict]:
    """The jobs Redis says the worker with this pid holds."""
    client = redis_server.client()
    held = []
    for key in client.scan_iter("gxmon:job:*"):
        worker, payload = client.hmget(key, "worker", "payload")
        if worker and worker.decode().startswith(f"{socket.gethostname()}:{pid}:"):
            held.append(json.loads(payload))
    return held


def archived_reports(db: str) -> list[tuple[str, str, int, int]]:
    """(site, agency, year, versions) of every archived report."""
    engine = make_engine(db)
    with Session(engine) as s:
        rows = s.exec(select(Report.site_id, Report.agency_id, Report.year, func.count(Version.id))
                      .join(Version, Version.report_id == Report.id).group_by(Report.id)).all()
    engine.dispose()
    return rows
