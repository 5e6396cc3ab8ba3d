"""Item pipelines of the crawler (``ITEM_PIPELINES``).

``ParsePipeline`` reads fetched documents with gxparse in a ``crawler.documents.parsing.ParserPool``, outside the
reactor and within per-document limits of memory and time, so a hostile attachment costs one worker and one
document, never the site's downloads or the crawl. It drops a document the titles only hinted at (verdict
``maybe``) that gxparse does not read as an annual report. With ``GXMON_PARSE_ALL`` (the monitor sets it) it
reads every document, and adds the report JSON (or the reason it is unreadable) to the item for the pipelines
after it: the monitor's archive takes them instead of parsing in the crawl's process. A plain crawl reads
only the ``maybe`` documents. A ``maybe`` document gxparse cannot read is dropped too, and counted as a failure of the crawl: nothing
says it is a report, and an unreadable report is an error finding against its agency.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.documents.parsing import ParseLimits, ParserPool
from crawler.extensions import record_failure
from crawler.items import ReportDocument


class ParsePipeline:
    def __init__(self, crawler: Crawler, pool: ParserPool, parse_all: bool) -> None:
        self.crawler = crawler
        self.pool = pool
        self.parse_all = parse_all

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ParsePipeline:
        return cls(crawler, ParserPool(ParseLimits.from_settings(crawler.settings)),
                   crawler.settings.getbool("GXMON_PARSE_ALL"))

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, ReportDocument) or item.status != 200 or not item.body \
                or not (self.parse_all or item.verdict == "maybe"):
            return item
        outcome = await self.pool.parse(item.body, item.final_url)
        if item.verdict == "maybe" and not outcome.is_annual_report:
            if outcome.unreadable:
                record_failure(self.crawler.stats, Request(item.final_url), f"unreadable: {outcome.unreadable}")
            raise DropItem(f"not an annual report: {item.final_url}", log_level="INFO")
        item.report, item.unreadable = outcome.report, outcome.unreadable
        return item

    def close_spider(self) -> None:
        self.pool.close()
