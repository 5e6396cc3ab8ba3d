"""Downloader middlewares, one job each: asking a page under the site's configured name rather than its www/bare
twin, dropping requests the frontier no longer wants, conditional requests
for known documents, checking a bundled page's pictures before its 304 stands, refusing redirects that
leave the site or go round in a loop (reported through the request's errback), passing cookie challenges written
in literals, and keeping a firewall's pages from being read as the site's."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, replace
from enum import Enum
from urllib.parse import urljoin, urlsplit

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.asyncio import sleep
from scrapy.utils.request import request_from_dict

from crawler.documents.picture_state import KnownPicture, PictureStore, picture_store
from crawler.documents.validators import ValidatorStore, validator_store
from crawler.steering.budget import FrontierSkip
from crawler.steering.frontier import PICTURE_PRIORITY
from crawler.extensions import RENDERS
from crawler.transport.browser import MAX_RENDERS_PER_SITE, Renderer, chromium
from crawler.transport.browsergate import BrowserGate, answer_of
from crawler.transport.challenge import challenge_cookies
from crawler.transport.firewall import firewall_answer, retry_after_seconds
from crawler.transport.intime import GRACE_OVER
from gxparse.errors import LimitExceeded
from gxparse.limits import check_element_attributes

REDIRECT_STATUSES = (301, 302, 303, 307, 308)

logger = logging.getLogger(__name__)


class HostTwinMiddleware:
    """Asks an address on a host's www/bare or http/https twin under the one origin the host is read under
    (``crawler.hosts.scope.Scope.canonical``), so a page is fetched once whichever name a link used. A redirect's target
    is asked as the server sends it, and a redirect between twins makes its target's origin the host's from then
    on (a site moving www to its bare name or http to https is read there); robots.txt is asked as sent. An address
    on an origin given up for another (``crawler.hosts.twinorigins``) is counted in frontier_skipped as twin_origin."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostTwinMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider=None) -> Request | None:  # spider: Scrapy < 2.14 passes it
        scope = getattr(self.crawler.spider, "scope", None)
        if scope is None or request.meta.get("dont_obey_robotstxt"):
            return None
        if request.meta.get("redirect_urls"):
            scope.names.moved(request.url)
            scope.redirected(request.meta["redirect_urls"][-1], request.url)
            return None
        url = scope.canonical(request.url)
        if url == request.url:
            return None
        if scope.names.joined(request.url):   # an origin given up for the one its pages showed it serves
            self.crawler.stats.inc_value("gxmon/frontier/twin_origin")
        return request.replace(url=url, meta={**request.meta, "twin_of": request.url})


class TwinRedirectMiddleware:
    """Follows a redirect sending a page back to the name or scheme its link used after HostTwinMiddleware asked
    it under the host's twin (``X/a`` asked as ``www.X/a``, answering 301 to ``X/a``): the host is read under
    the target's origin from then on (``crawler.hosts.hostnames.SiteNames.moved``), and the target is asked past the
    duplicate filter, which counted it when its link was scheduled and would drop Scrapy's redirect to it,
    though it was never fetched. Placed before Scrapy's RedirectMiddleware (a higher number: it sees the
    answer first), after RedirectGuardMiddleware."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TwinRedirectMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        location = response.headers.get("Location")
        scope = getattr(self.crawler.spider, "scope", None)
        if response.status not in REDIRECT_STATUSES or not location or scope is None \
                or request.method not in ("GET", "HEAD") or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        if target != request.meta.get("twin_of"):
            return response
        scope.names.moved(target)
        meta = {**request.meta, "redirect_urls": [*request.meta.get("redirect_urls", []), request.url],
                "redirect_times": request.meta.get("redirect_times", 0) + 1}
        return request.replace(url=target, meta=meta, dont_filter=True)


class FrontierMiddleware:
    """Asks the spider's ``crawler.steering.budget.Budget`` whether a request is still worth its fetch when its turn
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
    the validator store knows, and for the checks of a bundled page's pictures (``meta['gxmon_validators']``,
    those each was archived with). List and navigation pages never get them: they are always re-read; nor
    does a page fetched again because a picture changed (``meta['gxmon_refetch']``)."""

    def __init__(self, store: ValidatorStore):
        self.store = store

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        return cls(validator_store(crawler))

    def process_request(self, request: Request, spider=None) -> None:  # spider: Scrapy < 2.14 passes it
        meta = request.meta
        if meta.get("gxmon_refetch"):
            return
        validators = meta.get("gxmon_validators") or (self.store.get(request.url) if meta.get("gxmon_document")
                                                      else None)
        if not validators:
            return
        etag, last_modified = validators
        if etag:
            request.headers.setdefault("If-None-Match", etag)
        if last_modified:
            request.headers.setdefault("If-Modified-Since", last_modified)


class Check(Enum):
    """What a picture's answer says about it."""

    UNCHANGED = "unchanged"    # 304, or the same bytes
    CHANGED = "changed"        # other bytes, or gone (404/410)
    UNKNOWN = "unknown"        # no answer, or an error: proves nothing


@dataclass(frozen=True)
class PictureCheck:
    """A bundled page's 304, held back while its pictures are checked one after another (the check
    requests carry it: serialisable, so a JOBDIR queue keeps it)."""

    page: dict                               # the page's request (Request.to_dict)
    headers: dict[bytes, list[bytes]]        # its 304's headers
    waiting: tuple[KnownPicture, ...]        # pictures still to check, in page order


class PictureRecheckMiddleware:
    """A page archived with its pictures (``crawler.documents.picture_state``) is unchanged only if they are too.

    Its 304 waits while each picture is asked for with the validators it was archived with. A picture that
    changed (other bytes, or gone) has the page fetched again in full, so the spider bundles it anew (the
    same page and pictures give the same bytes: no new version where nothing changed); when none did, the
    304 goes on to the spider. A picture that cannot be checked (no answer, 5xx, robots.txt) proves nothing:
    the 304 stands, and the next crawl checks again, since the store still holds what was archived.

    Placed below RetryMiddleware (550) and RedirectMiddleware (600): it sees a check's last answer.
    """

    def __init__(self, crawler: Crawler, store: PictureStore):
        self.crawler = crawler
        self.store = store
        self.maxsize = crawler.settings.getint("REPORT_PICTURE_MAXSIZE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PictureRecheckMiddleware:
        return cls(crawler, picture_store(crawler))

    def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        check: PictureCheck | None = request.meta.get("gxmon_check")
        if check is not None:
            return self._answered(check, _picture_check(check.waiting[0], response))
        if response.status != 304 or not request.meta.get("gxmon_document"):
            return response
        pictures = self.store.pictures((request.meta.get("redirect_urls") or [request.url])[0])
        if not pictures:
            return response
        page = request.to_dict(spider=self.crawler.spider)
        return self._check(PictureCheck(page, dict(response.headers), tuple(pictures)))

    def process_exception(self, request: Request, exception: Exception, spider=None) -> Request | Response | None:
        check: PictureCheck | None = request.meta.get("gxmon_check")
        return None if check is None else self._answered(check, Check.UNKNOWN)

    def _answered(self, check: PictureCheck, outcome: Check) -> Request | Response:
        self.crawler.stats.inc_value(f"gxmon/picture_check/{outcome.value}")
        if outcome is Check.CHANGED:
            return self._refetch(check)
        rest = check.waiting[1:]
        return self._check(replace(check, waiting=rest)) if rest else self._not_modified(check)

    def _check(self, check: PictureCheck) -> Request:
        """The next picture's conditional request. Never filtered as a duplicate: the page's answer waits. An
        attached part is fetched within the site's download limit, as when it was bundled."""
        picture = check.waiting[0]
        return Request(picture.url, dont_filter=True, priority=PICTURE_PRIORITY, meta={
            "role": "picture", "gxmon_check": check, "gxmon_validators": (picture.etag, picture.last_modified),
            "subsite": check.page["meta"].get("subsite", 0),
            **({} if picture.part else {"download_maxsize": self.maxsize})})

    def _not_modified(self, check: PictureCheck) -> Response:
        page = request_from_dict(check.page, spider=self.crawler.spider)
        return Response(page.url, status=304, headers=check.headers, request=page)

    def _refetch(self, check: PictureCheck) -> Request:
        page = request_from_dict(check.page, spider=self.crawler.spider)
        headers = page.headers.copy()
        for name in ("If-None-Match", "If-Modified-Since"):
            headers.pop(name, None)
        return page.replace(headers=headers, dont_filter=True, meta={**page.meta, "gxmon_refetch": True})


def _picture_check(picture: KnownPicture, response: Response) -> Check:
    if response.status == 304:
        return Check.UNCHANGED
    if response.status == 200:
        return Check.UNCHANGED if picture.same_bytes(response.body) else Check.CHANGED
    return Check.CHANGED if response.status in (404, 410) else Check.UNKNOWN


class RedirectGuardMiddleware:
    """Refuses a redirect to a host outside the spider's ``allowed_domains`` (but a document's to a government
    host) or back into its own chain.

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
        if not self._on_site(urlsplit(target).hostname or "") and not self._file_store(request, target):
            raise IgnoreRequest(f"off-site redirect refused: {request.url} → {target}")
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise IgnoreRequest(f"redirect loop: {' → '.join([*chain, target])}")
        return response

    def _file_store(self, request: Request, target: str) -> bool:
        """A document's download sent on to a government host: sites keep their files on a storage host of their
        province's (JCMS's ``downfile.jsp`` → ``…cloud.….gov.cn/jcms_files/…/attach/0/….pdf``). The file alone is
        asked there; the host enters no crawl."""
        scope = getattr(self.crawler.spider, "scope", None)
        return bool(request.meta.get("gxmon_document") and request.meta.get("allow_offsite")) and scope is not None \
            and scope.government(target)

    def _on_site(self, host: str) -> bool:
        domains = getattr(self.crawler.spider, "allowed_domains", None) or []
        return not domains or any(host == d or host.endswith(f".{d}") for d in domains)


class ChallengeCookieMiddleware:
    """Passes a cookie challenge a browser passes without running code: an answer (200, 521, 412 …) that only
    writes a cookie in string literals and reloads (``crawler.transport.challenge.challenge_cookies``). The cookie is
    kept for its host and sent with every later request there; the challenged request is asked again once. A host
    that writes new cookies more than ``GXMON_CHALLENGES_PER_HOST`` times, or challenges a request carrying the
    cookie it wrote, is given up: the answer goes on to the spider, which names the gate as the reason
    (``crawler.transport.challenge.script_challenge``). A challenge that computes its cookie is never passed.

    Placed below RedirectMiddleware (600): it sees the answer a redirect ends at."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.most = crawler.settings.getint("GXMON_CHALLENGES_PER_HOST")
        self.cookies: dict[str, dict[str, str]] = {}
        self.written: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ChallengeCookieMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider=None) -> None:  # spider: Scrapy < 2.14 passes it
        cookies = self.cookies.get(_host(request.url))
        if cookies:   # with the cookies the request holds (a rendered page's, set by its scripts too)
            own = _cookie_pairs(request.headers.get("Cookie", b"").decode("latin-1"))
            request.headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in {**own, **cookies}.items())

    def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        cookies = challenge_cookies(response.body)
        if not cookies:
            return response
        host = _host(request.url)
        sent = _cookie_pairs(request.headers.get("Cookie", b"").decode("latin-1"))
        known = self.cookies.get(host, {})
        fresh = {name: value for name, value in cookies.items() if known.get(name) != value}
        if all(sent.get(name) == value for name, value in cookies.items()) \
                or (fresh and self.written[host] >= self.most):
            self.crawler.stats.inc_value("gxmon/challenge/given_up")
            logger.warning("cookie challenge not passed at %s (its cookie sent, or %d written): %s",
                           host, self.written[host], request.url)
            return response
        if fresh:
            self.cookies[host] = {**known, **fresh}
            self.written[host] += 1
        self.crawler.stats.inc_value("gxmon/challenge/passed")
        return request.replace(dont_filter=True)


class MarkupBoundMiddleware:
    """An answer whose markup has an element of more attributes than ``gxparse.limits.MAX_ELEMENT_ATTRIBUTES``
    never reaches a parser: libxml2 compares each attribute name with all before it (40,000 in one tag: 12 s),
    and the spider's selectors run in the crawl's event loop, where every site's downloads would wait. The
    request fails (IgnoreRequest: its errback records why). Counted in ``gxmon/markup_refused``.

    Placed below RedirectMiddleware (600) and above the firewall's (580), which parses short pages."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MarkupBoundMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider=None) -> Response:
        if not isinstance(response, TextResponse):
            return response
        try:
            check_element_attributes(response.body.decode("latin-1"))   # the tags' bytes are ASCII in any encoding
        except LimitExceeded as exc:
            self.crawler.stats.inc_value("gxmon/markup_refused")
            raise IgnoreRequest(f"HTTP {response.status}: markup no parser reads in time ({exc})") from exc
        return response


class FirewallPageMiddleware:
    """A firewall's page in place of the site's (``crawler.transport.firewall``, often with status 200) never reaches
    the spider as a page: a rate limit (such a page, or a 429) is asked again after a wait (``GXMON_RATE_LIMIT_WAIT``
    seconds, doubled each time, or the answer's Retry-After seconds if longer, at most ``AUTOTHROTTLE_MAX_DELAY``;
    at most ``GXMON_RATE_LIMIT_RETRIES`` times), its host's download slot slowed to that wait; a refusal,
    or a rate limit that outlasts the retries, fails the request (IgnoreRequest: its errback records why, no
    link of it followed, no report yielded). Counted per host in ``gxmon/firewall/<host>``.

    Placed below RedirectMiddleware (600): it sees the answer a redirect ends at."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.wait = crawler.settings.getfloat("GXMON_RATE_LIMIT_WAIT")
        self.retries = crawler.settings.getint("GXMON_RATE_LIMIT_RETRIES")
        self.longest = crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FirewallPageMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        page = firewall_answer(response.status, response.body if isinstance(response, TextResponse) else b"")
        if page is None:
            return response
        self.crawler.stats.inc_value(f"gxmon/firewall/{_host(request.url)}")
        waited = request.meta.get("gxmon_rate_limited", 0)
        if not page.rate_limit or waited >= self.retries:
            raise IgnoreRequest(page.reason(response.status))
        asked = retry_after_seconds(response.headers.get("Retry-After", b""))
        wait = min(max(self.wait * 2 ** waited, asked), self.longest)
        self._slow_down(request, wait)
        await sleep(wait)
        return request.replace(dont_filter=True, meta={**request.meta, "gxmon_rate_limited": waited + 1})

    def _slow_down(self, request: Request, wait: float) -> None:
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            slot.delay = max(slot.delay, wait)


class RenderMiddleware:
    """Reads in headless Chromium the pages the spider asks so (``meta['gxmon_render']``: a script shell that gave
    no way on, ``ReportsSpider._render_request``): the page is fetched as any (once: one of ``pages_fetched``), and
    its answer, once Scrapy's middlewares are done with it (redirects followed, retries, challenges, firewalls),
    is rendered at the address it ended on; the response is the rendered DOM (flagged ``rendered``), and the JSON
    the page's scripts fetched is in ``meta['rendered_answers']`` (``crawler.transport.browser``). At most
    ``MAX_RENDERS_PER_SITE`` a crawl (the others dropped unfetched, ``frontier_skipped`` ``renders_spent``); every
    other request of the page is the crawl's own, fetched through its downloader (``crawler.transport.browsergate``:
    the site's scope, robots.txt, delay, concurrency and limits); a page the browser fails on is that page's crawl
    error, as is a render under way when the site's ``max_time`` and its grace are over (``intime.GRACE_OVER``), and
    a rendered DOM no parser reads in time (``MarkupBoundMiddleware``'s bound).
    Without Chromium, or with ``GXMON_RENDER`` off, none is (``render_off``). Placed below RetryMiddleware (550).
    """

    def __init__(self, crawler: Crawler, renderer: Renderer | None):
        self.crawler = crawler
        self.renderer = renderer
        self.gate = BrowserGate(crawler)
        self.markup = MarkupBoundMiddleware(crawler)   # the rendered DOM is bounded as the page was
        self.renders = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RenderMiddleware:
        settings = crawler.settings
        executable = chromium(settings.get("GXMON_CHROMIUM"), settings.getbool("GXMON_RENDER"))
        renderer = Renderer(executable, settings.get("USER_AGENT"), settings.getfloat("GXMON_RENDER_SECONDS")) \
            if executable is not None else None
        middleware = cls(crawler, renderer)
        if renderer is not None:
            crawler.signals.connect(renderer.cut, signal=GRACE_OVER)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_request(self, request: Request, spider=None) -> None:  # spider: Scrapy < 2.14 passes it
        if not request.meta.get("gxmon_render") or request.meta.get("redirect_urls"):
            return
        if self.renderer is None or self.renders >= MAX_RENDERS_PER_SITE:
            reason = "render_off" if self.renderer is None else "renders_spent"
            self.crawler.stats.inc_value(f"gxmon/frontier/{reason}")
            raise FrontierSkip(reason)
        self.renders += 1

    async def process_response(self, request: Request, response: Response, spider=None) -> Response:
        if not request.meta.get("gxmon_render") or self.renderer is None or response.status != 200 \
                or not isinstance(response, TextResponse):
            return response
        self.crawler.stats.inc_value(RENDERS)
        logger.info("rendering %s in the browser", response.url)
        rendered = await self.renderer.render(answer_of(response), self.gate.fetch)
        if rendered.refused:
            self.crawler.stats.inc_value("gxmon/render_requests_refused", rendered.refused)
        request.meta["rendered_answers"] = rendered.answers
        return self.markup.process_response(request, HtmlResponse(
            rendered.url, body=rendered.html.encode("utf-8"), encoding="utf-8", request=request,
            flags=[*response.flags, "rendered"]))

    async def spider_closed(self) -> None:
        if self.renderer is not None:
            await self.renderer.close()


def _cookie_pairs(header: str) -> dict[str, str]:
    """A Cookie header's cookies: name → value."""
    pairs = (pair.strip().partition("=") for pair in header.split(";"))
    return {name: value for name, _, value in pairs if name}


def _host(url: str) -> str:
    return urlsplit(url).netloc
