"""The Scrapy item pipeline that archives every fetched report document (``ITEM_PIPELINES``).

Settings it reads: ``GXMON_DB`` (archive URL), ``GXMON_STORE`` (store folder; default beside a SQLite
file), ``GXMON_CONFIG`` (for alert routing) and ``GXMON_RUNS`` (site id → crawl-run id, set by
``monitor.crawling.job`` which opens and closes the runs itself). Without ``GXMON_RUNS`` (a plain
``scrapy crawl reports -s ITEM_PIPELINES=…``) the pipeline opens a run per site and closes it when the
spider closes.

Documents arrive parsed (``crawler.pipelines.ParsePipeline``, before this one, reads them with gxparse in
worker processes within per-document limits). Archiving writes to the database, which is slow next to the
download: it runs on one worker thread, so the reactor keeps downloading and documents are archived one at a
time, in the order they arrive.
"""

from __future__ import annotations

import asyncio
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler

from monitor.archive.record import Archive
from monitor.config import MonitorConfig, load_config
from monitor.archive.db import database_url, default_store, open_engine
from monitor.archive.documents import FetchedDocument
from monitor.archive.store import BlobStore

log = logging.getLogger(__name__)


def archive_from_settings(settings: Any) -> Archive:
    """The archive the crawl's settings name (used by the pipeline and the validator store)."""
    url = database_url(settings.get("GXMON_DB"))
    store = settings.get("GXMON_STORE") or default_store(url)
    config_path = settings.get("GXMON_CONFIG")
    config = load_config(config_path) if config_path and Path(config_path).exists() else MonitorConfig()
    return Archive(open_engine(url), BlobStore(store), config)


class ArchivePipeline:
    def __init__(self, archive: Archive, runs: dict[str, int], trigger: str = "scrapy") -> None:
        self.archive = archive
        self.runs = dict(runs)
        self.own_runs: dict[str, int] = {}
        self.trigger = trigger
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gxmon-archive")
        self.archived = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        runs = crawler.settings.get("GXMON_RUNS") or {}
        if isinstance(runs, str):
            runs = json.loads(runs)
        return cls(archive_from_settings(crawler.settings), {k: int(v) for k, v in dict(runs).items()})

    def _run_for(self, site_id: str) -> int:
        if site_id in self.runs:
            return self.runs[site_id]
        if site_id not in self.own_runs:
            self.own_runs[site_id] = self.archive.start_run(site_id, trigger=self.trigger)
        return self.own_runs[site_id]

    def _archive(self, item: Any) -> None:
        doc = FetchedDocument.from_item(item)
        result = self.archive.record(doc, self._run_for(doc.site_id))
        self.archived += 1
        log.info("archived %s: %s%s", doc.effective_url, result.outcome,
                 f" ({', '.join(result.changes)})" if result.changes else "")

    async def process_item(self, item: Any) -> Any:
        await asyncio.get_running_loop().run_in_executor(self.executor, self._archive, item)
        return item

    def close_spider(self) -> None:
        self.executor.shutdown(wait=True)
        for run_id in self.own_runs.values():
            self.archive.finish_run(run_id)
        self.archive.engine.dispose()
