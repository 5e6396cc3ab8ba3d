"""A crawl limit that strikes at a chosen moment, for the crawl tests: ``CloseAtPicture`` (an extension the
crawl child loads by its dotted path) closes the crawl as a page budget does as soon as the picture whose URL
ends with ``CLOSE_AT_PICTURE`` has answered, while its page's other pictures are still to fetch."""

from __future__ import annotations

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro

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
