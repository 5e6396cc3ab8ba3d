"""gxmon's distributed crawl end to end: real Redis, real PostgreSQL, simulated cities on their own addresses,
`gxmon worker` and `gxmon crawl --redis` as separate processes; workers killed outright, Redis restarted.

The sites are department report columns (six reports each) of two simulated cities, so that a crawl is
short yet long enough (a per-site delay) to be killed in the middle.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func
from sqlmodel import col, select

from monitor.archive.models import CrawlRun, Fetch, Report

from .helpers import (
    COLUMNS, REPORTS_PER_COLUMN, alive, archived_reports, crawl_children, expected, jobs_of, scalar, start_crawl,
    start_worker, stop, wait_for, write_config,
)


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
        # two sites at once: what is left (the killed worker's site, one nobody took yet) is crawled side by
        # side, not one after the other
        late = start_worker(redis_server.url, tmp_path / "late.log", "--exit-when-idle", "2", parallel=2)
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
