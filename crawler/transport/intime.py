"""A site's crawl stops within a bounded time of its ``max_time``, however slowly its server answers.

``max_time`` closes a site (Scrapy's ``CLOSESPIDER_TIMEOUT``), but Scrapy lets the downloads in flight finish
first: one a server trickles a byte a second held the site until the request's timeout (a minute and more), and
the next crawl of the province behind it. ``GXMON_STOP_GRACE`` seconds after ``max_time`` the download handler
cuts every connection still open (and every one still connecting): their requests fail as lost connections,
and the site closes; it sends ``GRACE_OVER`` then, for what waits on no connection of its own (a page rendered in
the browser: ``crawler.middlewares.RenderMiddleware`` ends it).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Hashable
from datetime import datetime, timezone

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet.defer import Deferred
from twisted.internet.interfaces import IStreamClientEndpoint
from twisted.web._newclient import HTTP11ClientProtocol
from twisted.web.client import HTTPConnectionPool

from crawler.transport.tls import LegacyTLSDownloadHandler

_log = logging.getLogger(__name__)
GRACE_OVER = object()   # signal: GXMON_STOP_GRACE seconds past the site's max_time, every download is cut


class _CuttablePool(HTTPConnectionPool):
    """Twisted's pool of connections, knowing every connection it opened or is opening, so as to cut them."""

    def __init__(self, persistent: bool = True) -> None:
        from twisted.internet import reactor   # imported once Scrapy has installed its reactor
        super().__init__(reactor, persistent)
        self.opened: weakref.WeakSet[HTTP11ClientProtocol] = weakref.WeakSet()
        self.connecting: set[Deferred] = set()

    def _newConnection(self, key: Hashable, endpoint: IStreamClientEndpoint) -> Deferred:  # noqa: N802 (Twisted's)
        connecting = super()._newConnection(key, endpoint)
        self.connecting.add(connecting)
        connecting.addBoth(self._connected, connecting)
        return connecting

    def _connected(self, result: object, connecting: Deferred) -> object:
        self.connecting.discard(connecting)
        if isinstance(result, HTTP11ClientProtocol):
            self.opened.add(result)
        return result

    def cut(self) -> int:
        """Every connection aborted, every connect given up; → how many were cut."""
        pending = list(self.connecting)
        for connecting in pending:
            connecting.cancel()
        transports = [p.transport for p in list(self.opened) if p.transport is not None]
        for transport in transports:
            transport.abortConnection()
        return len(pending) + len(transports)


class InTimeDownloadHandler(LegacyTLSDownloadHandler):
    """Scrapy's HTTP/1.1 handler (old TLS servers too) whose connections are cut ``GXMON_STOP_GRACE`` seconds
    after the site's ``max_time`` (``CLOSESPIDER_TIMEOUT``)."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        pool = _CuttablePool()
        # the settings Scrapy's handler gave its own pool (connections per host, its lenient client factory)
        pool.maxPersistentPerHost, pool._factory = self._pool.maxPersistentPerHost, self._pool._factory
        self._pool = pool
        self._cut_call = None
        self.max_time = crawler.settings.getfloat("CLOSESPIDER_TIMEOUT")
        self.grace = crawler.settings.getfloat("GXMON_STOP_GRACE")
        if self.max_time <= 0:
            return
        # max_time counts from the spider's opening (Scrapy's CloseSpider): a handler made after it counts the time since
        if crawler.stats.get_value("start_time") is None:
            crawler.signals.connect(self._spider_opened, signal=signals.spider_opened)
        else:
            self._spider_opened()

    def _spider_opened(self) -> None:
        from twisted.internet import reactor   # imported once Scrapy has installed its reactor
        started = self.crawler.stats.get_value("start_time") or datetime.now(timezone.utc)
        spent = (datetime.now(timezone.utc) - started).total_seconds()
        self._cut_call = reactor.callLater(max(0.0, self.max_time + self.grace - spent), self._cut)

    def _cut(self) -> None:
        self.crawler.signals.send_catch_log(signal=GRACE_OVER)
        if cut := self._pool.cut():
            _log.warning("%d connection(s) still open %.0f s after max_time (%.0f s): cut", cut, self.grace, self.max_time)

    async def close(self) -> None:
        if self._cut_call is not None and self._cut_call.active():
            self._cut_call.cancel()
        await super().close()
