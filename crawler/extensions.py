"""Extensions: the per-site crawl summary, clearing a finished job's request queue, the byte budget, and the
crawl process's heap kept out of the garbage collector's way.

The summary is what ``crawler.run.run_crawl`` returns to the monitor: counts from Scrapy's stats plus the
failures the spider's errback recorded (``record_failure``), a site-level failure reason when the site
could not be crawled at all (down, 5xx, redirect loop, garbage: no list page and no report reached), and the
coverage (``crawler.coverage``: sub-sites, columns, reports per agency and year, traps).
"""

from __future__ import annotations

import gc
import json
import logging
import resource
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import deferred_from_coro

from crawler.run import FINISHED

logger = logging.getLogger(__name__)

MAX_RECORDED_FAILURES = 200
FAILURES = "gxmon/failures"
START_FAILURE = "gxmon/start_failure"
REPORTS = "gxmon/reports"
RENDERS = "gxmon/renders"   # pages rendered in the browser (crawler.transport.browser)
RENDER_REQUESTS = "gxmon/render_requests"   # answers fetched for the rendered pages' requests (browsergate)


def record_failure(stats: StatsCollector, request: Request, reason: str) -> None:
    """Remember a failed request for the summary (the first MAX_RECORDED_FAILURES of them)."""
    record_unread(stats, request.url, reason)
    if request.meta.get("role") == "start" and not stats.get_value(START_FAILURE):
        stats.set_value(START_FAILURE, f"{request.url}: {reason}")


def record_unread(stats: StatsCollector, url: str, reason: str) -> None:
    """Remember for the summary's errors what of a page was left unread, and why (a page read in part fails no
    site, even its start page)."""
    stats.inc_value("gxmon/failure_count")
    failures = stats.get_value(FAILURES) or []
    if len(failures) < MAX_RECORDED_FAILURES:
        stats.set_value(FAILURES, [*failures, {"url": url, "reason": reason}])


class CrawlSummaryWriter:
    """Logs each site's summary when its spider closes, and writes it to ``GXMON_SUMMARY_DIR/<site>.json``."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.folder = crawler.settings.get("GXMON_SUMMARY_DIR")
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSummaryWriter:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self) -> None:
        self.started = time.monotonic()

    def item_scraped(self, item) -> None:
        if item.status in (200, 304) and not item.absent:
            self.crawler.stats.inc_value(REPORTS)

    def summary(self, reason: str) -> dict:
        stats = self.crawler.stats
        site_id = getattr(self.crawler.spider, "site_id", "?")
        documents = stats.get_value("item_scraped_count", 0)
        failure = stats.get_value(START_FAILURE)
        spider = self.crawler.spider
        list_pages = getattr(spider, "lists_read", 0)
        if failure is None and not list_pages and not documents:
            failure = "no 年报 column and no report link found from the start URL(s)" if reason == FINISHED else \
                f"stopped ({reason}) before any 年报 column or report link was found: the limit is too low for the site"
        coverage = spider.subsites.coverage([t.to_dict() for t in spider.traps.traps], spider.traps.trapped) \
            if hasattr(spider, "subsites") else None
        return {
            "site_id": site_id,
            "finish_reason": reason,
            "pages_fetched": stats.get_value("downloader/response_count", 0),
            "documents": documents,
            "reports": stats.get_value(REPORTS, 0),
            "not_modified": stats.get_value("downloader/response_status_count/304", 0),
            "list_pages": list_pages,
            "rendered_pages": stats.get_value(RENDERS, 0),
            "render_requests": stats.get_value(RENDER_REQUESTS, 0),
            "robots_forbidden": stats.get_value("robotstxt/forbidden", 0),
            "error_count": stats.get_value("gxmon/failure_count", 0),
            "errors": stats.get_value(FAILURES) or [],
            "failure": failure,
            "elapsed_seconds": round(time.monotonic() - self.started, 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),  # Linux: KiB
            "frontier_skipped": {k.rsplit("/", 1)[1]: v for k, v in stats.get_stats().items()
                                 if k.startswith("gxmon/frontier/")},
            "coverage": coverage.to_dict() if coverage is not None else None,
        }

    def spider_closed(self, reason: str) -> None:
        summary = self.summary(reason)
        logger.info("crawl summary: %s", json.dumps({k: v for k, v in summary.items() if k not in ("errors", "coverage")},
                                                     ensure_ascii=False))
        if self.folder:
            path = Path(self.folder, f"{summary['site_id']}.json")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")


class FinishedJobCleanup:
    """After a crawl that finished (not one interrupted), forget its JOBDIR request queue and seen-set.

    JOBDIR is for resuming an interrupted crawl; left in place, the seen-set would stop the next scheduled
    crawl from re-reading the list pages. The validators in the same folder stay.
    """

    def __init__(self, jobdir: str):
        self.jobdir = Path(jobdir)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FinishedJobCleanup:
        jobdir = crawler.settings.get("JOBDIR")
        if not jobdir:
            raise NotConfigured  # nothing to clean without a JOBDIR (a message would log a warning)
        ext = cls(jobdir)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, reason: str) -> None:
        if reason != FINISHED:
            return
        (self.jobdir / "requests.seen").unlink(missing_ok=True)
        shutil.rmtree(self.jobdir / "requests.queue", ignore_errors=True)


class ByteBudget:
    """Closes a site's crawl once it has downloaded ``GXMON_MAX_TOTAL_BYTES`` (the site's ``max_total_bytes``)."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ByteBudget:
        if not crawler.settings.getint("GXMON_MAX_TOTAL_BYTES"):
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    def response_received(self, response: Response, request: Request) -> None:
        if not self.closing and bytes_spent(self.crawler):
            self.closing = True
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="closespider_bytes"))


class LongLivedHeap:
    """Every object made by the time the engine starts (the imported modules, Scrapy's and the crawl's components:
    ~150,000) moved out of the garbage collector's way (``gc.freeze``), and again once it stopped: they live as long
    as the process, yet each full collection walked them all (0.25 s each on a loaded machine), and the process's
    exit collected them again: 2.7 to 3.9 s of a crawl process's exit, 0.15 s frozen (as ``monitor.web.server``
    does for its workers)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LongLivedHeap:
        ext = cls()
        crawler.signals.connect(ext.freeze, signal=signals.engine_started)
        crawler.signals.connect(ext.freeze, signal=signals.engine_stopped)
        return ext

    def freeze(self) -> None:
        gc.freeze()


def bytes_spent(crawler: Crawler) -> bool:
    """The site downloaded its ``GXMON_MAX_TOTAL_BYTES``."""
    limit = crawler.settings.getint("GXMON_MAX_TOTAL_BYTES")
    return bool(limit) and crawler.stats.get_value("downloader/response_bytes", 0) >= limit


def closing_reason(crawler: Crawler) -> str | None:
    """Why the site's crawl closes, from its settings and stats (Scrapy says it of no closing spider): stopped
    (a shutdown: the engine no longer runs), past its ``max_time`` (Scrapy's CloseSpider counts it from the
    spider's opening) or its bytes (``ByteBudget``); None while it runs on. Its ``max_pages`` counts the
    responses under way too: the caller's."""
    if not crawler.engine.running:
        return "shutdown"
    most = crawler.settings.getfloat("CLOSESPIDER_TIMEOUT")
    started = crawler.stats.get_value("start_time")
    if most and started is not None and (datetime.now(timezone.utc) - started).total_seconds() >= most:
        return "closespider_timeout"
    return "closespider_bytes" if bytes_spent(crawler) else None
