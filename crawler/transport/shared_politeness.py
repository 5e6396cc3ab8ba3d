"""Politeness shared by every crawl process of one Redis: a host's concurrency and delay hold across workers.

Scrapy keeps a site's politeness per process (a download slot per domain). When several workers crawl at once
(``gxmon worker``), two sites on one host — a 网站群 platform serves many agencies' sites from one host — or
the second crawl of a site whose first worker was thought dead would each get their own slot, and the host
would see twice the rate. This downloader middleware makes a request wait for a slot of its host in Redis
first: at most ``CONCURRENT_REQUESTS_PER_DOMAIN`` requests in flight to the host from all processes, and
``DOWNLOAD_DELAY`` seconds between their starts. A slot is a lease (the request's timeout and a margin), so a
worker killed mid-request frees its slots by itself. A slot whose release Redis missed (it was down, or restarted
keeping its data) is released again before the process's next request: else the host would wait out the lease.

Enabled by the setting ``GXMON_REDIS_URL`` (``gxmon worker`` sets it). When Redis does not answer, requests go
on with Scrapy's own per-process politeness (logged once per outage): a crawl is never failed for it.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

if TYPE_CHECKING:
    import redis.asyncio

log = logging.getLogger(__name__)

KEY_PREFIX = "gxmon:host:"
LEASE_MARGIN_SECONDS = 30.0
POLL_SECONDS = 0.05          # how often a request waiting for a full host asks again
# Slots whose release failed kept for a later try: one per request in flight when Redis went away; past it
# the leases end by themselves.
MAX_UNRELEASED = 1000
META_KEY = "gxmon_host_slot"

# KEYS: the host's in-flight set, its next-start time. ARGV: token, concurrency, delay ms, lease ms.
# → 0 when the slot is taken, else milliseconds to wait before asking again.
_ACQUIRE = """
local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local next_start = tonumber(redis.call('GET', KEYS[2]) or '0')
if next_start > now then return next_start - now end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]))
local delay = tonumber(ARGV[3])
if delay > 0 then redis.call('SET', KEYS[2], now + delay, 'PX', delay + 1000) end
return 0
"""


class SharedPolitenessMiddleware:
    def __init__(self, url: str, concurrency: int, delay: float, lease: float) -> None:
        # redis is imported once Redis is configured: every crawl process loads this middleware, and most have
        # no Redis (a crawl child's start-up was ~0.15 CPU s longer for the import)
        import redis

        self._error = redis.RedisError
        self.url = url
        self.concurrency = max(1, concurrency)
        self.delay_ms = int(delay * 1000)
        self.lease_ms = int(lease * 1000)
        self._redis: redis.asyncio.Redis | None = None
        self._acquire = None
        self._down = False
        self._unreleased: list[tuple[str, str]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedPolitenessMiddleware:
        url = crawler.settings.get("GXMON_REDIS_URL")
        if not url:
            raise NotConfigured
        settings = crawler.settings
        return cls(url, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"), settings.getfloat("DOWNLOAD_DELAY"),
                   settings.getfloat("DOWNLOAD_TIMEOUT") + LEASE_MARGIN_SECONDS)

    def _client(self) -> redis.asyncio.Redis:
        if self._redis is None:   # created in the reactor's event loop, on first use
            import redis.asyncio

            self._redis = redis.asyncio.Redis.from_url(self.url, socket_connect_timeout=2, socket_timeout=5)
            self._acquire = self._redis.register_script(_ACQUIRE)
        return self._redis

    async def process_request(self, request: Request, spider=None) -> None:  # spider: Scrapy < 2.14 passes it
        host = urlsplit(request.url).netloc
        token = uuid.uuid4().hex
        keys = [f"{KEY_PREFIX}{host}:active", f"{KEY_PREFIX}{host}:next"]
        self._client()
        while True:
            try:
                await self._release_missed()
                wait = await self._acquire(keys=keys, args=[token, self.concurrency, self.delay_ms, self.lease_ms])
            except self._error as exc:
                if not self._down:
                    log.warning("Redis at %s does not answer (%s): politeness is per process until it does",
                                self.url, exc)
                self._down = True
                return
            if self._down:
                log.warning("Redis at %s answers again: politeness is shared again", self.url)
                self._down = False
            if wait == 0:
                request.meta[META_KEY] = (keys[0], token)
                return
            await asyncio.sleep(POLL_SECONDS if wait < 0 else wait / 1000)

    async def process_response(self, request: Request, response: Response, spider=None) -> Response:
        await self._release(request)
        return response

    async def process_exception(self, request: Request, exception: Exception, spider=None) -> None:
        await self._release(request)

    async def _release(self, request: Request) -> None:
        held = request.meta.pop(META_KEY, None)
        if held is None:
            return
        try:
            await self._redis.zrem(*held)
        except self._error:
            if len(self._unreleased) < MAX_UNRELEASED:
                self._unreleased.append(held)

    async def _release_missed(self) -> None:
        """Gives back the slots whose release Redis missed; raises ``RedisError`` while it still does not answer."""
        while self._unreleased:
            await self._redis.zrem(*self._unreleased[-1])
            self._unreleased.pop()
