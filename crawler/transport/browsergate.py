"""A rendered page's requests fetched as the crawl fetches its own: through Scrapy's downloader.

The browser (``crawler.transport.browser``) sends nothing itself: the page's own answer is the crawl's fetch of it
(``crawler.middlewares.RenderMiddleware``); each other request of a page it renders comes here
and is asked of the engine (``ExecutionEngine.download_async``) as a request of the crawl, so every rule of the
crawl holds for it as for any page: the site's scope and config (``spider.may_fetch``), its robots.txt
(RobotsTxtMiddleware: the crawl's own parsed robots, each redirect's target checked too, which a browser
following a redirect itself would never show the route), the host's download slot (the site's delay as
AutoThrottle sets it, its concurrency), its firewall and size limits; each answer is a fetch of the crawl
(``pages_fetched``, ``downloader/*`` stats; flagged ``browser`` in the crawl's log, counted in
``render_requests``) and counts against ``max_pages``: none is sent that, with those under way, would pass it.
Once the crawl closes (its ``max_pages``, ``max_time`` or bytes spent, a shutdown:
``crawler.extensions.closing_reason``) nothing more is sent, and the page is read as it is. At most the site's
concurrency of a crawl's renders' requests wait in the downloader at once: the others wait here, where a closed
crawl refuses them, as does a page read or given up meanwhile.
"""

from __future__ import annotations

import asyncio

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

from crawler.extensions import RENDER_REQUESTS, closing_reason
from crawler.transport.browser import Answer, Asked, Unanswered

# The browser's own, not the crawl's: Scrapy sends its user agent, host and encodings, and decodes the body.
_ASKED_HEADERS_DROPPED = frozenset({"host", "connection", "content-length", "accept-encoding", "user-agent"})
_ANSWER_HEADERS_DROPPED = frozenset({b"content-encoding", b"content-length", b"transfer-encoding", b"connection"})
BROWSER_ROLE = "rendered"   # meta['role'] of a rendered page's request
BROWSER_FLAG = "browser"    # its flag, in the crawl's log of each fetch


class BrowserGate:
    """Fetches a rendered page's requests for the crawl of ``crawler``."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self._sending = asyncio.Semaphore(max(1, crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")))

    async def fetch(self, asked: Asked) -> Answer:
        if not self.crawler.spider.may_fetch(asked.url):
            raise Unanswered("off the site or denied by its config", refused=True)
        async with self._sending:
            if closing_reason(self.crawler) or self._pages_spent():
                raise Unanswered("the crawl's limits are reached", refused=True, spent=True)
            if not asked.wanted():
                raise Unanswered("the page was read", refused=True)
            try:
                response = await self.crawler.engine.download_async(_request(asked))
            except IgnoreRequest as error:   # robots.txt, the frontier, a firewall's page, a refused redirect
                raise Unanswered(str(error), refused=True) from error
            except Exception as error:  # noqa: BLE001 (any failure of the download is the page's request's alone)
                raise Unanswered(f"{type(error).__name__}: {error}", refused=False) from error
        self.crawler.stats.inc_value(RENDER_REQUESTS)
        return answer_of(response)

    def _pages_spent(self) -> bool:
        """The site's ``max_pages`` (Scrapy's CloseSpider counts the responses received) is reached with the
        requests in the downloader (the rendered page's own among them: its response is received once read)."""
        most = self.crawler.settings.getint("CLOSESPIDER_PAGECOUNT")
        under_way = len(self.crawler.engine.downloader.active)
        return bool(most) and self.crawler.stats.get_value("response_received_count", 0) + under_way >= most


def _request(asked: Asked) -> Request:
    headers = {name: value for name, value in asked.headers.items() if name.lower() not in _ASKED_HEADERS_DROPPED}
    # no retry: a render waits for its page's answers within its own bound
    return Request(asked.url, method=asked.method, headers=headers, body=asked.body, flags=[BROWSER_FLAG],
                   meta={"role": BROWSER_ROLE, "dont_retry": True})


def answer_of(response: Response) -> Answer:
    """A response of the crawl as the browser is given it."""
    headers = {name.decode("latin-1"): b"\n".join(values).decode("latin-1")
               for name, values in response.headers.items() if name.lower() not in _ANSWER_HEADERS_DROPPED}
    return Answer(response.url, response.status, headers, response.body)
