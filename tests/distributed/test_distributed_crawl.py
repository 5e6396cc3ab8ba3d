"""gxmon's distributed crawl end to end: real Redis, real PostgreSQL, simulated cities on their own addresses,
`gxmon worker` and `gxmon crawl --redis` as separate processes; workers killed outright, Redis restarted.

The sites are department report columns (six reports each) of two simulated cities, so that a crawl is
short yet long enough (a per-site delay) to be killed in the middle.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from monitor.archive.db import make_engine
from monitor.archive.models import CrawlRun, Fetch, Report, Version
from simsite import SimServer, SimSite

GXMON = str(Path(sys.executable).with_name("gxmon"))
COLUMNS = ("/bm/tjj/xxgk/ndbg/", "/bm/czj/xxgk/ndbg/")   # two departments' columns per city
REPORTS_PER_COLUMN = 6


@pytest.fixture
def cities():
    """Two simulated cities, each served on an address of its own."""
    sites = [SimSite(seed=f"scale-{n}", size=0) for n in range(2)]
    servers = [SimServer(site, addresses=[f"127.0.3.{10 + n}"]).start() for n, site in enumerate(sites)]
    yield list(zip(sites, servers, strict=True))
    for server in servers:
        server.close()


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


def start_worker(redis_url: str, log: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([GXMON, "-v", "worker", "--redis", redis_url, "--parallel", "1", "--lease", "3",
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


def test_a_worker_killed_mid_crawl_loses_nothing_and_a_late_worker_takes_its_share(cities, redis_server, pg_url,
                                                                                   tmp_path):
    config = write_config(tmp_path / "sites.toml", cities, delay=0.3)
    first = start_worker(redis_server.url, tmp_path / "first.log")
    second = start_worker(redis_server.url, tmp_path / "second.log")
    crawl = start_crawl(pg_url, config, redis_server.url)
    late, orphans = None, []
    try:
        wait_for(lambda: jobs_of(redis_server, first.pid), 60, "the first worker to take a site")
        [job] = jobs_of(redis_server, first.pid)
        run_id = next(iter(job["settings"]["GXMON_RUNS"].values()))
        wait_for(lambda: scalar(pg_url, select(func.count()).select_from(Fetch).where(Fetch.run_id == run_id)) >= 1,
                 120, "the first worker to archive a document")
        orphans = crawl_children(first.pid)
        first.kill()                                       # SIGKILL: no chance to give its site back
        first.wait()
        late = start_worker(redis_server.url, tmp_path / "late.log", "--exit-when-idle", "2")
        out, err = crawl.communicate(timeout=300)
        assert crawl.returncode == 0, err
    finally:
        for process in (crawl, first, second, late):
            if process is not None:
                stop(process)
    wait_for(lambda: not any(alive(pid) for pid in orphans), 60, "the killed worker's crawl to stop by itself")

    reports = archived_reports(pg_url)
    assert len(reports) == len(expected(cities)) == 2 * len(COLUMNS) * REPORTS_PER_COLUMN
    assert all(versions == 1 for *_, versions in reports)   # archived once, none twice
    assert len({(site, agency, year) for site, agency, year, _ in reports}) == len(reports)
    runs = scalar(pg_url, select(func.count()).select_from(CrawlRun).where(CrawlRun.status == "ok"))
    assert runs == 2 * len(COLUMNS)
    assert scalar(pg_url, select(func.sum(CrawlRun.withdrawals))) == 0
    assert scalar(pg_url, select(func.sum(CrawlRun.reports_found))) == len(reports)
    assert "sites crawled" in (tmp_path / "late.log").read_text()
    assert "done (finished" in (tmp_path / "late.log").read_text()   # the late worker crawled a site


@pytest.mark.parametrize("appendonly", [False, True], ids=["without-its-data", "with-its-data"])
def test_redis_restarted_mid_crawl_fails_loudly_or_resumes_never_a_partial_crawl_reported_complete(
        cities, redis_server, pg_url, tmp_path, appendonly):
    if appendonly:
        redis_server.kill()
        redis_server.appendonly = True
        redis_server.start()
    one = cities[:1]
    config = write_config(tmp_path / "sites.toml", one, delay=0.0, columns=COLUMNS[:1])
    worker = start_worker(redis_server.url, tmp_path / "worker.log")
    run_id = 1
    try:
        if not appendonly:   # a complete crawl first: reports a partial crawl could wrongly count as missing
            before = start_crawl(pg_url, config, redis_server.url)
            assert before.wait(timeout=180) == 0, before.stderr.read()
            run_id = 2
        config = write_config(tmp_path / "sites.toml", one, delay=0.5, columns=COLUMNS[:1])
        crawl = start_crawl(pg_url, config, redis_server.url)
        wait_for(lambda: scalar(pg_url, select(func.count()).select_from(Fetch).where(Fetch.run_id == run_id)) >= 1,
                 120, "the crawl to archive a document")
        redis_server.restart(down_seconds=0.5)
        out, err = crawl.communicate(timeout=180)
    finally:
        stop(worker)
        if "crawl" in locals():
            stop(crawl)
    second = scalar(pg_url, select(CrawlRun).where(CrawlRun.id == run_id))
    if appendonly:
        assert crawl.returncode == 0, err
        assert second.status == "ok" and second.reports_found == REPORTS_PER_COLUMN
    else:
        assert crawl.returncode == 3
        assert "vanished from the Redis queue" in out + err
        assert second.status == "failed" and "Redis" in second.error
    assert scalar(pg_url, select(func.count()).select_from(Report).where(Report.status != "active")) == 0
    assert scalar(pg_url, select(func.max(Report.missing_runs))) == 0


def test_a_host_shared_by_two_sites_sees_its_politeness_across_workers(cities, redis_server, pg_url, tmp_path):
    """Two sites on one host, crawled by two workers at once: one request at a time, `delay` apart."""
    site, server = cities[0]
    starts, in_flight, most = [], [0], [0]
    lock = threading.Lock()
    serve = site.get

    def timed(target: str, host: str = "www"):
        with lock:
            starts.append(time.monotonic())
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
        try:
            time.sleep(0.05)      # an answer takes a while, as real ones do
            return serve(target, host)
        finally:
            with lock:
                in_flight[0] -= 1

    site.get = timed
    config = write_config(tmp_path / "sites.toml", cities[:1], delay=0.25)
    workers = [start_worker(redis_server.url, tmp_path / f"w{n}.log") for n in range(2)]
    try:
        crawl = start_crawl(pg_url, config, redis_server.url)
        out, err = crawl.communicate(timeout=240)
        assert crawl.returncode == 0, err
    finally:
        for worker in workers:
            stop(worker)
    assert all("done (finished" in (tmp_path / f"w{n}.log").read_text() for n in range(2))  # both crawled
    gaps = sorted(b - a for a, b in zip(sorted(starts), sorted(starts)[1:], strict=False))
    assert most[0] == 1 and len(starts) > 10
    # Measured at the server, a request arrives a little after its slot was taken, by how busy its process
    # is, so single gaps vary; two workers that did not share the host would halve the typical gap.
    assert gaps[len(gaps) // 2] >= 0.9 * 0.25
    assert scalar(pg_url, select(func.count(col(Report.id)))) == len(COLUMNS) * REPORTS_PER_COLUMN
