"""Limits and crashes that strike at a chosen moment, for the crawl tests (extensions the crawl child loads by
their dotted paths): ``CloseAtPicture`` closes the crawl as a page budget does as soon as the picture whose URL
ends with ``CLOSE_AT_PICTURE`` has answered, while its page's other pictures are still to fetch;
``CrashAfterBundles`` kills it outright once some bundled pages are archived, with ``PerItemValidators``
keeping validators the way the monitor's archive does."""

from __future__ import annotations

import os
import signal

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro

from crawler.documents.validators import JsonValidatorStore
from crawler.settings import EXTENSIONS


def closing_at_picture(path: str) -> dict:
    """The crawl settings that close the crawl once the picture at ``path`` has answered."""
    return {"EXTENSIONS": {**EXTENSIONS, f"{__name__}.CloseAtPicture": 900}, "CLOSE_AT_PICTURE": path}


class CloseAtPicture:
    def __init__(self, crawler: Crawler, path: str):
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CloseAtPicture:
        path = crawler.settings.get("CLOSE_AT_PICTURE")
        if not path:
            raise NotConfigured
        ext = cls(crawler, path)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    def response_received(self, response: Response, request: Request) -> None:
        if request.meta.get("role") == "picture" and request.url.endswith(self.path):
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="closespider_pagecount"))


class PerItemValidators(JsonValidatorStore):
    """Validators saved as each document is archived, as the monitor's archive keeps them (a commit an item),
    so a crash leaves them behind."""

    def item_scraped(self, item) -> None:
        super().item_scraped(item)
        self.save()


class CrashAfterBundles:
    """Kills the crawl outright (no spider_closed: nothing is saved at close) once ``CRASH_AFTER_BUNDLES``
    pages bundled with their pictures have been archived."""

    def __init__(self, after: int):
        self.after = after
        self.archived = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrashAfterBundles:
        ext = cls(crawler.settings.getint("CRASH_AFTER_BUNDLES"))
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        return ext

    def item_scraped(self, item) -> None:
        if item.pictures:
            self.archived += 1
        if self.archived == self.after:
            from twisted.internet import reactor   # the one Scrapy installed (importing it earlier would install one)

            # Once every other handler of this item has run: the item is archived everywhere it would be.
            reactor.callLater(0, os.kill, os.getpid(), signal.SIGKILL)


def crashing_after_bundles(count: int) -> dict:
    """The crawl settings that kill the crawl once ``count`` bundled pages have been archived."""
    return {"EXTENSIONS": {**EXTENSIONS, f"{__name__}.CrashAfterBundles": 900}, "CRASH_AFTER_BUNDLES": count}
