"""In the crawl's child process: keeps each site's crawl run up to date, and stops the crawl if its parent dies.

``gxmon crawl`` and ``gxmon run`` open the runs and read the result when the child ends; while it runs
they see only the archive. Every few seconds this component writes the pages the site's crawler has
received into the run (``pages_fetched``) and, when the crawler is done with the site, ``crawled_at``:
`gxmon crawl`'s progress display reads them (``monitor.crawling.progress``).

A crawl whose gxmon process was killed outright (kill -9) would go on crawling with no parent: when the
child finds it has been handed to another parent, it stops itself the way Ctrl-C does (Scrapy's graceful
shutdown, so what was fetched is archived); the next gxmon start closes the run as interrupted
(``monitor.crawling.job.close_stale_runs``).

It is registered in ``ITEM_PIPELINES`` beside the archive pipeline (the component table gxmon sets for a
crawl; it passes items through untouched) and is active only for the runs gxmon opened (``GXMON_RUNS``).
"""

from __future__ import annotations

import json
import logging
import os
import signal
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from sqlalchemy import update
from sqlalchemy.engine import Engine
from twisted.internet import task, threads

from monitor.archive.db import database_url, make_engine
from monitor.archive.models import CrawlRun
from monitor.timeutil import utcnow

log = logging.getLogger(__name__)

TICK_SECONDS = 2.0


class RunWatch:
    def __init__(self, crawler: Crawler, engine: Engine | None, run_id: int | None) -> None:
        self.crawler = crawler
        self.engine = engine
        self.run_id = run_id
        self.parent = os.getppid()
        self.stopping = False
        self.loop = task.LoopingCall(self._tick)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunWatch:
        runs = crawler.settings.get("GXMON_RUNS") or {}
        if isinstance(runs, str):
            runs = json.loads(runs)
        run_id = dict(runs).get(getattr(crawler.spider, "site_id", None))
        engine = make_engine(database_url(crawler.settings.get("GXMON_DB"))) if run_id is not None else None
        watch = cls(crawler, engine, int(run_id) if run_id is not None else None)
        if run_id is not None:
            crawler.signals.connect(watch.spider_opened, signal=signals.spider_opened)
            crawler.signals.connect(watch.spider_closed, signal=signals.spider_closed)
        return watch

    def process_item(self, item: Any) -> Any:
        return item

    def spider_opened(self) -> None:
        self.loop.start(TICK_SECONDS, now=False)

    def spider_closed(self) -> Any:
        if self.loop.running:
            self.loop.stop()
        return self._write(done=True)

    def _tick(self) -> Any:
        if os.getppid() != self.parent and not self.stopping:
            self.stopping = True
            log.error("the gxmon process that started this crawl is gone: stopping")
            os.kill(os.getpid(), signal.SIGINT)     # Scrapy's graceful shutdown
        return self._write()

    def _write(self, done: bool = False) -> Any:
        """Write the run's page count (and, when ``done``, crawled_at) in a thread; a failure is only logged."""
        values: dict[str, Any] = {"pages_fetched": self.crawler.stats.get_value("response_received_count", 0)}
        if done:
            values["crawled_at"] = utcnow()
        deferred = threads.deferToThread(self._update, values, done)
        deferred.addErrback(lambda failure: log.warning("could not update crawl run %s: %s", self.run_id,
                                                        failure.getErrorMessage()))
        return deferred

    def _update(self, values: dict[str, Any], last: bool) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(CrawlRun).where(CrawlRun.id == self.run_id).values(values))
        if last:
            self.engine.dispose()
