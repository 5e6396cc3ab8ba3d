"""``gxmon crawl --redis``: the sites' crawls put on the shared queue, crawled by ``gxmon worker``s, waited for.

``crawl_through_queue`` answers what ``crawler.run.run_crawl`` answers (a ``CrawlSummary``), so
``monitor.crawling.job.crawl_now`` opens the runs, takes the sites' leases, closes the runs (withdrawals,
moves, overdue reports, the digest mails) exactly as for a crawl in one process; only who crawls differs.

The unit of work is a site's whole crawl. The spider learns a site page by page (its 年报 columns, its
sub-sites, the documents held until their list has been read to the end, traps, the URLs listed this time
that withdrawal detection compares with the archive); one process holds that knowledge for a site while
another crawls the next site. A site's speed is bound by its politeness anyway (one site spread over four
workers would wait on the same per-host delay), so workers scale a crawl of many sites.

A site whose result never comes is never reported complete: Redis restarted without its data (the job is
gone) or unreachable for longer than ``REDIS_GRACE_SECONDS`` makes that site's crawl fail with the reason;
a timeout or a stop closes it as interrupted. Either way no withdrawal is concluded from it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import redis

from crawler.run import CrawlError, CrawlSummary, SiteSummary
from crawler.siteconfig import Site

from monitor.crawling.queue import CrawlQueue, JobState, QueueError

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
REDIS_GRACE_SECONDS = 60.0
NO_WORKER_WARNING_SECONDS = 30.0
LOST = "its job vanished from the Redis queue (Redis restarted without its data?): the crawl is incomplete"


def job_payload(site: Site, settings: Mapping[str, Any]) -> dict[str, Any]:
    """What a worker needs to crawl one site: the site, the crawl settings (its run only), the config's text
    (alert routing; the coordinator's file may not exist on the worker's machine)."""
    runs = settings.get("GXMON_RUNS") or {}
    config_path = settings.get("GXMON_CONFIG")
    crawl_settings = {k: v for k, v in settings.items() if k not in ("GXMON_RUNS", "GXMON_CONFIG")}
    if site.id in runs:
        crawl_settings["GXMON_RUNS"] = {site.id: runs[site.id]}
    return {"site": site.to_dict(), "settings": crawl_settings,
            "config_text": Path(config_path).read_text(encoding="utf-8") if config_path else None}


def crawl_through_queue(queue: CrawlQueue, sites: Sequence[Site], settings: Mapping[str, Any],
                        timeout: float | None = None, stop: threading.Event | None = None) -> CrawlSummary:
    """Enqueue one job per site, wait until workers have crawled them all, and return their summaries."""
    try:
        queue.check()
        job_ids = queue.enqueue([job_payload(site, settings) for site in sites])
    except (QueueError, redis.RedisError) as exc:
        raise CrawlError(f"could not put the crawl on the queue: {exc}") from None
    by_job = dict(zip(job_ids, sites, strict=True))
    waiter = _Waiter(queue, by_job)
    try:
        waiter.wait(timeout, stop)
    finally:
        try:
            queue.forget(job_ids)   # collected, or given up: a worker still crawling one stops
        except redis.RedisError:
            log.warning("could not remove this crawl's jobs from Redis at %s", queue.url)
    return CrawlSummary([waiter.results.get(site.id) or SiteSummary(site.id, "shutdown") for site in sites])


class _Waiter:
    """Polls the jobs of one crawl until each has a result (or failed); reclaims dead workers' jobs."""

    def __init__(self, queue: CrawlQueue, by_job: dict[str, Site]) -> None:
        self.queue = queue
        self.by_job = by_job
        self.results: dict[str, SiteSummary] = {}
        self.pending = list(by_job)
        self.unreachable_since: float | None = None
        self.taken_any = False

    def wait(self, timeout: float | None, stop: threading.Event | None) -> None:
        started = time.monotonic()
        warned = False
        while self.pending:
            if stop is not None and stop.is_set() or timeout is not None and time.monotonic() - started > timeout:
                return   # the rest close as interrupted
            self._poll()
            if not self.taken_any and not warned and time.monotonic() - started > NO_WORKER_WARNING_SECONDS:
                warned = True
                log.warning("no worker has taken a job from %s yet: start `gxmon worker --redis %s`",
                            self.queue.url, self.queue.url)
            if self.pending:
                time.sleep(POLL_SECONDS)

    def _poll(self) -> None:
        try:
            self.queue.reclaim_expired()
            statuses = self.queue.status(self.pending)
        except redis.RedisError as exc:
            self._unreachable(exc)
            return
        self.unreachable_since = None
        for job_id, status in statuses.items():
            site = self.by_job[job_id]
            if status.state is not JobState.WAITING:
                self.taken_any = True
            if status.state is JobState.DONE:
                self.results[site.id] = SiteSummary.from_dict(status.result)
            elif status.state is JobState.LOST:
                log.error("site %s: %s", site.id, LOST)
                self.results[site.id] = SiteSummary(site.id, "lost", failure=LOST)
            else:
                continue
            self.pending.remove(job_id)

    def _unreachable(self, exc: Exception) -> None:
        now = time.monotonic()
        if self.unreachable_since is None:
            self.unreachable_since = now
            log.warning("Redis at %s does not answer (%s); waiting up to %.0f s", self.queue.url, exc,
                        REDIS_GRACE_SECONDS)
        if now - self.unreachable_since < REDIS_GRACE_SECONDS:
            return
        reason = f"Redis at {self.queue.url} did not answer for {REDIS_GRACE_SECONDS:.0f} s ({exc}): " \
                 "the crawl is incomplete"
        for job_id in self.pending:
            site = self.by_job[job_id]
            log.error("site %s: %s", site.id, reason)
            self.results[site.id] = SiteSummary(site.id, "lost", failure=reason)
        self.pending = []
