"""A site's sitemaps as a way in once the crawl runs dry: robots.txt ``Sitemap:`` lines, else ``/sitemap.xml``,
their URLs no page linked asked as documents or pages."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawler.coverage import PORTAL
from crawler.documents.content import ATTACHMENT_HREF
from crawler.hosts.volatile import stable_url
from crawler.steering.classify import Verdict
from crawler.steering.frontier import COLUMN_URL_TOKEN, SITEMAP_PRIORITY, Step, judge, url_tokens

MAX_SITEMAP_URLS = 50_000
MAX_SUBSITEMAPS = 50
# sitemaps asked of a site in all: an index lists sitemaps, yet one listing new indexes at every level asks 50,
# 2,500, 125,000 … of them (a real site's index lists one sitemap a column, a few dozen)
MAX_SITEMAPS = 2 * MAX_SUBSITEMAPS
MAX_SITEMAP_BYTES = 50 * 1024 * 1024


class SitemapSteps:
    """The spider's steps through a site's sitemaps (``ReportsSpider`` is composed of them)."""

    def _robots_parsed(self, robotparser, request: scrapy.Request) -> None:
        """Read the sitemaps a host's robots.txt names (or its /sitemap.xml), once per host, once the host has
        answered a page (or the crawl runs dry): a host answering only an anti-bot challenge is asked nothing more
        (``crawler.steering.budget``), and its robots.txt is parsed before its first page's answer comes."""
        parts = urlsplit(request.url)
        self._robots[parts.netloc] = robotparser
        if parts.netloc in self._sitemap_hosts:
            return
        self._sitemap_hosts.add(parts.netloc)
        named = list(getattr(getattr(robotparser, "rp", None), "sitemaps", None) or [])[:MAX_SUBSITEMAPS]
        waiting = self._sitemaps_waiting.setdefault(parts.netloc, [])
        for url in named or [f"{parts.scheme}://{parts.netloc}/sitemap.xml"]:
            if self._asks_sitemap(url):
                waiting.append(url)
        if self.budget.has_read(request.url):
            for sitemap in self._waiting_sitemaps(parts.netloc):
                self.crawler.engine.crawl(sitemap)

    def _asks_sitemap(self, url: str) -> bool:
        """Whether ``url``, a sitemap in scope not yet asked, is to be asked (and is, from now on, asked): at most
        ``MAX_SITEMAPS`` of a site."""
        if not self.scope.contains(url) or url in self._requested or self._sitemaps >= MAX_SITEMAPS:
            return False
        self._requested[url] = "sitemap"
        self._sitemaps += 1
        return True

    def _waiting_sitemaps(self, host: str) -> Iterator[scrapy.Request]:
        """The requests of the sitemaps of ``host`` waiting for it to answer a page."""
        return (_sitemap_request(url, self) for url in self._sitemaps_waiting.pop(host, []))

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=MAX_SITEMAP_BYTES)
        try:
            sitemap = Sitemap(body)
        except ValueError:
            return
        if sitemap.type == "sitemapindex":
            for entry in islice(sitemap, MAX_SUBSITEMAPS):
                url = entry.get("loc", "")
                if self._asks_sitemap(url):
                    yield _sitemap_request(url, self)
        elif sitemap.type == "urlset":
            for entry in sitemap:
                url = stable_url(entry.get("loc", "").strip())
                if len(self._sitemap_urls) < MAX_SITEMAP_URLS and self.scope.contains(url) and not self._denied(url):
                    self._sitemap_urls[url] = None

    def _follow_sitemaps(self) -> int:
        """Sitemap URLs no page linked: report-looking paths as documents, promising ones as pages."""
        scheduled = 0
        for url in self._sitemap_urls:
            if url in self._requested or ATTACHMENT_HREF.search(url) and not _in_column_folder(url):
                continue
            judgement = judge("", "", url, extra=self._extra_words)
            if _in_column_folder(url) and not url.endswith("/") and "index" not in url.rsplit("/", 1)[1]:
                self._requested[url] = "document"
                self._listed.add(url)
                request = scrapy.Request(url, callback=self.parse_document, errback=self.on_error, meta={
                    "role": "document", "gxmon_document": True, "handle_httpstatus_list": [304],
                    "verdict": Verdict.MAYBE.value, "link_text": "", "list_date": None, "listing_url": None,
                    "subsite": PORTAL, "agency_hint": self.site.name})
            elif judgement.step is Step.FOLLOW:
                self._requested[url] = Step.FOLLOW.value
                request = scrapy.Request(url, callback=self.parse_page, errback=self.on_error, meta={
                    "role": "page", "hops": 1, "chain": 0, "subsite": PORTAL, "step": Step.FOLLOW.value,
                    "link_text": ""})
            else:
                continue
            self.crawler.engine.crawl(request)
            scheduled += 1
        return scheduled


def _sitemap_request(url: str, spider: SitemapSteps) -> scrapy.Request:
    """A sitemap's request, never filtered as a duplicate (the spider asks each once): a host sending every
    address it lacks to its home page sends /sitemap.xml there too, and that redirect, seen first, would have
    Scrapy's duplicate filter drop the start page's own redirect to the same page."""
    return scrapy.Request(url, callback=spider.parse_sitemap, errback=spider.on_error, priority=SITEMAP_PRIORITY,
                          meta={"role": "sitemap"}, dont_filter=True)


def _in_column_folder(url: str) -> bool:
    """The URL lies in a 年报 column's folder (``/zwgk/ndbg/202201/t20220128_5.html``)."""
    folders = urlsplit(url).path.rsplit("/", 1)[0]
    return any(COLUMN_URL_TOKEN.match(t) for t in url_tokens(folders))
