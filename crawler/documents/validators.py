"""Validators (ETag, Last-Modified) of archived documents, for conditional requests on the next crawl.

The class named by the setting ``GXMON_VALIDATORS`` provides ``from_crawler(crawler)``, ``get(url)`` and
``known_urls(site_id)`` (docs/architecture.md). The monitor supplies one backed by its archive; this default
keeps them in a JSON file and learns them from the documents the crawl itself yields.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Protocol
from weakref import WeakKeyDictionary

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.misc import build_from_crawler, load_object


class ValidatorStore(Protocol):
    def get(self, url: str) -> tuple[str | None, str | None] | None: ...

    def known_urls(self, site_id: str) -> list[str]: ...


_stores: WeakKeyDictionary[Crawler, ValidatorStore] = WeakKeyDictionary()


def validator_store(crawler: Crawler) -> ValidatorStore:
    """The crawl's one store (built on first use), shared by the middleware and the spider."""
    if crawler not in _stores:
        _stores[crawler] = build_from_crawler(load_object(crawler.settings["GXMON_VALIDATORS"]), crawler)
    return _stores[crawler]


def state_folder(crawler: Crawler) -> Path:
    """Where a site's incremental state is kept between crawls: JOBDIR, else ``<GXMON_STATE_DIR>/<site>/``."""
    jobdir = crawler.settings.get("JOBDIR")
    if jobdir:
        return Path(jobdir)
    site_id = getattr(crawler.spider, "site_id", None) or "default"
    return Path(crawler.settings.get("GXMON_STATE_DIR", ".scrapy/gxmon")) / site_id


class JsonValidatorStore:
    """Validators of every document yielded with status 200, saved when the spider closes.

    The file is ``validators.json`` in JOBDIR when there is one, else ``<GXMON_STATE_DIR>/<site>/``.
    A 404/410 answer (or a page saying the document is gone, ``crawler.documents.gone``) forgets the URL, so a withdrawn
    report is revisited once and then left alone.
    """

    def __init__(self, path: Path):
        self.path = path
        self._docs: dict[str, dict[str, str | None]] = {}
        if path.exists():
            self._docs = json.loads(path.read_text(encoding="utf-8"))["documents"]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonValidatorStore:
        store = cls(state_folder(crawler) / "validators.json")
        crawler.signals.connect(store.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(store.save, signal=signals.spider_closed)
        return store

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        doc = self._docs.get(url)
        return (doc["etag"], doc["last_modified"]) if doc else None

    def known_urls(self, site_id: str) -> list[str]:
        return [url for url, doc in self._docs.items() if doc["site_id"] == site_id]

    def item_scraped(self, item) -> None:
        if item.absent:
            self._docs.pop(item.url, None)
        elif item.status == 200:
            self._docs[item.url] = {"site_id": item.site_id, "etag": item.headers.get("etag"),
                                    "last_modified": item.headers.get("last-modified")}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"documents": self._docs}, ensure_ascii=False, indent=0), encoding="utf-8")
        os.replace(tmp, self.path)
