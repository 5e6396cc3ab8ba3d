"""Downloader middlewares, one job each: dropping requests the frontier no longer wants, conditional requests
for known documents, and refusing redirects that leave the site or go round in a loop (reported through the
request's errback)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response

from crawler.budget import FrontierSkip
from crawler.validators import ValidatorStore, validator_store

REDIRECT_STATUSES = (301, 302, 303, 307, 308)


class FrontierMiddleware:
    """Asks the spider's ``crawler.budget.Budget`` whether a request is still worth its fetch when its turn
    comes (a trap found since, a column found since, an exploration budget spent); drops it if not."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider=None) -> None:  # spider: Scrapy < 2.14 passes it
        budget = getattr(self.crawler.spider, "budget", None)
        reason = budget.refusal(request) if budget is not None else None
        if reason:
            self.crawler.stats.inc_value(f"gxmon/frontier/{reason}")
            raise FrontierSkip(reason)


class ConditionalGetMiddleware:
    """Sends If-None-Match / If-Modified-Since for document requests (``meta['gxmon_document']``) whose URL
    the validator store knows. List and navigation pages never get them: they are always re-read."""

    def __init__(self, store: ValidatorStore):
        self.store = store

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        return cls(validator_store(crawler))

    def process_request(self, request: Request, spider=None) -> None:  # spider: Scrapy < 2.14 passes it
        if not request.meta.get("gxmon_document"):
            return
        validators = self.store.get(request.url)
        if not validators:
            return
        etag, last_modified = validators
        if etag:
            request.headers.setdefault("If-None-Match", etag)
        if last_modified:
            request.headers.setdefault("If-Modified-Since", last_modified)


class RedirectGuardMiddleware:
    """Refuses a redirect to a host outside the spider's ``allowed_domains`` or back into its own chain.

    Placed before Scrapy's RedirectMiddleware (a higher number, so it sees responses first). Raising
    IgnoreRequest hands the reason to the request's errback, which reports it in the crawl summary; Scrapy's
    own offsite filter would drop such a redirect silently.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectGuardMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        location = response.headers.get("Location")
        if response.status not in REDIRECT_STATUSES or not location or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        if not self._on_site(urlsplit(target).hostname or ""):
            raise IgnoreRequest(f"off-site redirect refused: {request.url} → {target}")
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise IgnoreRequest(f"redirect loop: {' → '.join([*chain, target])}")
        return response

    def _on_site(self, host: str) -> bool:
        domains = getattr(self.crawler.spider, "allowed_domains", None) or []
        return not domains or any(host == d or host.endswith(f".{d}") for d in domains)
