"""``gxmon worker --redis URL``: crawls sites from the shared queue into the archive until it is stopped.

A worker takes a site's job (``monitor.crawling.queue``), crawls it the way ``gxmon crawl`` does — in a
child process (``crawler.run.run_crawl``) with the monitor's archive pipeline, into the run its coordinator
opened — and reports the crawl's summary back; up to ``parallel`` sites at once. Every request waits for its
host's slot in Redis (``crawler.transport.shared_politeness``), so more workers never mean more load on one host.

While it crawls a site it renews the job's lease. Killed outright, it stops renewing: the lease runs out, the
job goes back on the queue and another worker crawls the site again from its start page (the archive knows
what was archived already: it comes back unchanged, no second version; the orphaned crawl child stops by
itself, ``monitor.crawling.runwatch``). Stopped by SIGTERM/SIGINT, it stops its crawls the way Ctrl-C does and
puts their jobs back at once. A job whose lease it lost (reclaimed, or forgotten by its coordinator) is
stopped and its result dropped.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis

from crawler.run import FINISHED, CrawlError, SiteSummary, run_crawl
from crawler.siteconfig import site_from_dict

from monitor.crawling.queue import CrawlQueue, Job, worker_name

log = logging.getLogger(__name__)

TAKE_POLL_SECONDS = 0.5
REPORT_RETRY_SECONDS = 60.0


@dataclass(frozen=True)
class WorkerOptions:
    redis_url: str
    db_url: str | None = None         # default: the archive each job names
    store_dir: str | None = None      # default: the store each job names
    parallel: int = 2                 # sites crawled at once, each in its own crawl process
    lease_seconds: float = 60.0       # a job whose worker has not renewed it for this long is taken back
    idle_exit_seconds: float | None = None   # stop once nothing was left to take for this long


@dataclass
class WorkerReport:
    done: list[str] = field(default_factory=list)        # site ids crawled and reported
    given_back: list[str] = field(default_factory=list)  # stopped before the end, put back on the queue
    lost: list[str] = field(default_factory=list)        # the lease was lost: stopped, result dropped


@dataclass
class _Crawl:
    job: Job
    thread: threading.Thread
    halt: threading.Event      # stops this crawl alone (its lease was lost, or the worker ends otherwise)


class Worker:
    def __init__(self, options: WorkerOptions, stop: threading.Event) -> None:
        self.options = options
        self.stop = stop
        self.queue = CrawlQueue(options.redis_url)
        self.name = worker_name()
        self.report = WorkerReport()
        self.crawls: dict[str, _Crawl] = {}
        self.folder = Path(tempfile.mkdtemp(prefix="gxmon-worker-"))
        self._redis_down = False

    def run(self) -> WorkerReport:
        """Take and crawl jobs until stopped (or idle for ``idle_exit_seconds``); returns what it did."""
        self.queue.check()
        log.info("worker %s taking jobs from %s (%d sites at once)", self.name, self.options.redis_url,
                 self.options.parallel)
        idle_since = time.monotonic()
        try:
            while not self.stop.is_set():
                self.crawls = {k: c for k, c in self.crawls.items() if c.thread.is_alive()}
                job = self._take() if len(self.crawls) < self.options.parallel else None
                if job is not None:
                    self._start(job)
                    continue
                if self.crawls:
                    idle_since = time.monotonic()
                elif self.options.idle_exit_seconds is not None \
                        and time.monotonic() - idle_since > self.options.idle_exit_seconds:
                    break
                self.stop.wait(TAKE_POLL_SECONDS)
        finally:
            if not self.stop.is_set():   # stopped by a signal, the crawls were stopped with it (stop_on_signals)
                for crawl in self.crawls.values():
                    crawl.halt.set()
            for crawl in self.crawls.values():
                crawl.thread.join()
            shutil.rmtree(self.folder, ignore_errors=True)
        return self.report

    def _take(self) -> Job | None:
        try:
            self.queue.reclaim_expired()
            job = self.queue.take(self.name, self.options.lease_seconds)
        except redis.RedisError as exc:
            if not self._redis_down:
                log.warning("Redis at %s does not answer (%s): waiting for it", self.options.redis_url, exc)
            self._redis_down = True
            return None
        self._redis_down = False
        return job

    def _start(self, job: Job) -> None:
        halt = threading.Event()
        thread = threading.Thread(target=self._crawl, args=(job, halt), name=f"gxmon-job-{job.id[:8]}")
        self.crawls[job.id] = _Crawl(job, thread, halt)
        thread.start()

    def _crawl(self, job: Job, halt: threading.Event) -> None:
        site = site_from_dict(job.payload["site"])
        log.info("crawling %s (job %s)", site.id, job.id[:8])
        lost = threading.Event()
        done = threading.Event()
        heartbeat = threading.Thread(target=self._renew, args=(job, halt, lost, done), daemon=True)
        heartbeat.start()
        try:
            summary = run_crawl([site], self._settings(job), halt=halt).site(site.id)
        except CrawlError as exc:
            summary = SiteSummary(site.id, "error", failure=str(exc).splitlines()[0])
        finally:
            done.set()
            heartbeat.join()
        if lost.is_set():
            log.warning("%s: the job is no longer this worker's (taken back or forgotten): result dropped", site.id)
            self.report.lost.append(site.id)
        elif (self.stop.is_set() or halt.is_set()) and summary.finish_reason != FINISHED:
            self._give_back(job, site.id)
        else:
            self._finish(job, site.id, summary)

    def _settings(self, job: Job) -> dict[str, Any]:
        settings = dict(job.payload["settings"])
        settings["GXMON_REDIS_URL"] = self.options.redis_url
        if self.options.db_url:
            settings["GXMON_DB"] = self.options.db_url
        if self.options.store_dir:
            settings["GXMON_STORE"] = str(Path(self.options.store_dir).resolve())
        if job.payload.get("config_text") is not None:
            config = self.folder / f"{job.id}.toml"
            config.write_text(job.payload["config_text"], encoding="utf-8")
            settings["GXMON_CONFIG"] = str(config)
        return settings

    def _renew(self, job: Job, halt: threading.Event, lost: threading.Event, done: threading.Event) -> None:
        """Renew the lease while the crawl runs; stop the crawl when the job is no longer this worker's."""
        while not done.wait(self.options.lease_seconds / 4):
            try:
                if not self.queue.renew(job, self.name, self.options.lease_seconds):
                    lost.set()
                    halt.set()
                    return
            except redis.RedisError as exc:
                log.warning("could not renew the lease of job %s: %s", job.id[:8], exc)

    def _finish(self, job: Job, site_id: str, summary: SiteSummary) -> None:
        if self._report(lambda: self.queue.finish(job, self.name, summary.to_dict())):
            log.info("%s: done (%s, %d pages, %d reports)", site_id, summary.finish_reason,
                     summary.pages_fetched, summary.reports)
            self.report.done.append(site_id)
        else:
            log.warning("%s: the job was taken back before its result came: result dropped", site_id)
            self.report.lost.append(site_id)

    def _give_back(self, job: Job, site_id: str) -> None:
        self._report(lambda: self.queue.give_back(job, self.name))
        log.info("%s: stopped before the end, put back on the queue", site_id)
        self.report.given_back.append(site_id)

    def _report(self, call: Callable[[], Any]) -> bool:
        """``call`` to Redis, retried while Redis does not answer (up to REPORT_RETRY_SECONDS)."""
        deadline = time.monotonic() + REPORT_RETRY_SECONDS
        while True:
            try:
                return bool(call())
            except redis.RedisError as exc:
                if time.monotonic() > deadline:
                    log.error("could not report to Redis at %s: %s", self.options.redis_url, exc)
                    return False
                time.sleep(1.0)


def run_worker(options: WorkerOptions, stop: threading.Event) -> WorkerReport:
    return Worker(options, stop).run()
