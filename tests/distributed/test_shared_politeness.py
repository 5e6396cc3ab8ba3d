"""The host slots of crawler.transport.shared_politeness on a real Redis that goes away mid-request."""

import asyncio

from scrapy.http import Request, Response

from crawler.transport.shared_politeness import META_KEY, SharedPolitenessMiddleware

LEASE = 60.0   # a slot's lease: what a host would wait when a missed release were never made up


async def _slot_within(middleware: SharedPolitenessMiddleware, seconds: float) -> bool:
    """Whether a request to the host gets a slot within ``seconds`` (a request asking while Redis still reconnects
    goes on without one: the next one asks again)."""
    async def ask() -> None:
        while True:
            request = Request("http://host.example/next")
            await middleware.process_request(request)
            if META_KEY in request.meta:
                return
            await asyncio.sleep(0.1)
    try:
        await asyncio.wait_for(ask(), seconds)
        return True
    except asyncio.TimeoutError:
        return False


def test_a_slot_whose_release_redis_missed_is_given_back_once_it_answers(redis_server):
    redis_server.kill()
    redis_server.appendonly = True   # restarted with its data: the missed slot's lease is still there
    redis_server.start()
    middleware = SharedPolitenessMiddleware(redis_server.url, concurrency=1, delay=0.0, lease=LEASE)

    async def crawl() -> bool:
        first = Request("http://host.example/first")
        await middleware.process_request(first)
        assert META_KEY in first.meta
        redis_server.kill()
        await middleware.process_response(first, Response(first.url))   # the release fails: Redis is down
        redis_server.start()
        return await _slot_within(middleware, 5)

    assert asyncio.run(crawl())
