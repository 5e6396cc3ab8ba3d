"""The middlewares at a site's front door: a cookie challenge written in literals passed once per request and a
few times per host, a firewall's page never handed to the spider, a rate limit asked again after a wait, bounded."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from crawler import settings as project_settings
from crawler.middlewares import ChallengeCookieMiddleware, FirewallPageMiddleware, MarkupBoundMiddleware
from tests.crawler.helpers import FILES

JSL = (FILES / "challenge_jsl_literal_521.html").read_bytes()
HOST = "http://www.beiwan.gov.cn"


class _Crawler:
    """What the middlewares ask of a crawler: its settings, stats, and its downloader's slots."""

    def __init__(self, **settings):
        self.settings = Settings()
        self.settings.setmodule(project_settings)
        self.settings.update(settings)
        self.stats = MemoryStatsCollector(self)
        self.slot = SimpleNamespace(delay=0.0)
        self.engine = SimpleNamespace(downloader=SimpleNamespace(
            slots={"www.beiwan.gov.cn": self.slot}, get_slot_key=lambda request: "www.beiwan.gov.cn"))


def _answer(request: Request, body: bytes, status: int = 200) -> Response:
    return HtmlResponse(request.url, status=status, body=body, request=request)


def test_a_literal_challenge_is_asked_again_and_its_cookie_sent_to_its_host_alone():
    mw = ChallengeCookieMiddleware(_Crawler())
    request = Request(HOST + "/gaj/index.html")
    mw.process_request(request)
    again = mw.process_response(request, _answer(request, JSL, 521))
    assert isinstance(again, Request) and again.dont_filter
    mw.process_request(again)
    other = Request("http://jtj.beiwan.gov.cn/")
    mw.process_request(other)
    assert again.headers["Cookie"] == b"__jsl_clearance=1700000000.123|0|abcDEF123"
    assert b"Cookie" not in other.headers


def test_the_challenge_cookie_is_sent_with_the_cookies_the_request_holds():
    mw = ChallengeCookieMiddleware(_Crawler())
    first = Request(HOST + "/a.html")
    mw.process_response(first, _answer(first, JSL, 521))
    rendered = Request(HOST + "/api/list", headers={"Cookie": "own=7; __jsl_clearance=old"})   # a page's own
    mw.process_request(rendered)
    assert rendered.headers["Cookie"] == b"own=7; __jsl_clearance=1700000000.123|0|abcDEF123"


def test_a_challenge_of_a_request_carrying_its_cookie_goes_on_to_the_spider():
    crawler = _Crawler()
    mw = ChallengeCookieMiddleware(crawler)
    first = Request(HOST + "/a.html")
    again = mw.process_response(first, _answer(first, JSL, 521))
    mw.process_request(again)
    answer = _answer(again, JSL, 521)
    assert mw.process_response(again, answer) is answer
    assert crawler.stats.get_value("gxmon/challenge/given_up") == 1


def test_a_host_writing_new_cookies_again_and_again_is_given_up():
    mw = ChallengeCookieMiddleware(_Crawler(GXMON_CHALLENGES_PER_HOST=3))
    outcomes = []
    for n in range(5):
        request = Request(f"{HOST}/p{n}.html")
        mw.process_request(request)
        body = f'<script>document.cookie="c={n}";location.reload()</script>'.encode()
        outcomes.append(isinstance(mw.process_response(request, _answer(request, body)), Request))
    assert outcomes == [True, True, True, False, False]


def test_a_computed_challenge_goes_on_to_the_spider():
    mw = ChallengeCookieMiddleware(_Crawler())
    request = Request(HOST + "/")
    answer = _answer(request, (FILES / "challenge_cookie_521.html").read_bytes(), 521)
    assert mw.process_response(request, answer) is answer


def test_a_refusal_fails_the_request_with_its_reason():
    mw = FirewallPageMiddleware(_Crawler())
    request = Request(HOST + "/search.jsp?q=1")
    with pytest.raises(IgnoreRequest, match="您的访问被拦截"):
        asyncio.run(mw.process_response(request, _answer(request, (FILES / "firewall_safedog.html").read_bytes())))


def test_a_rate_limit_waits_longer_each_time_then_fails():
    crawler = _Crawler(GXMON_RATE_LIMIT_WAIT=0.01, GXMON_RATE_LIMIT_RETRIES=2)
    mw = FirewallPageMiddleware(crawler)
    request, asked, delays = Request(HOST + "/list.html"), 1, []
    body = (FILES / "firewall_rate_limit.html").read_bytes()
    with pytest.raises(IgnoreRequest, match="访问过于频繁"):
        while True:
            request = asyncio.run(mw.process_response(request, _answer(request, body)))
            asked, delays = asked + 1, [*delays, crawler.slot.delay]
    assert (asked, delays) == (3, [0.01, 0.02])
    assert crawler.stats.get_value("gxmon/firewall/www.beiwan.gov.cn") == 3


def test_a_page_of_the_site_goes_on():
    mw = FirewallPageMiddleware(_Crawler())
    request = Request(HOST + "/list.html")
    answer = _answer(request, (FILES / "column_year_subcolumns.html").read_bytes())
    assert asyncio.run(mw.process_response(request, answer)) is answer


def test_a_429_waits_as_long_as_its_retry_after_asks_within_the_longest_delay():
    crawler = _Crawler(GXMON_RATE_LIMIT_WAIT=0.01, AUTOTHROTTLE_MAX_DELAY=0.05)
    mw = FirewallPageMiddleware(crawler)
    request = Request(HOST + "/list.html")
    asked = Response(request.url, status=429, headers={"Retry-After": "0.03"}, request=request)
    again = asyncio.run(mw.process_response(request, asked))
    assert isinstance(again, Request) and crawler.slot.delay == 0.01    # a Retry-After not in whole seconds: ignored
    asked = Response(request.url, status=429, headers={"Retry-After": "120"}, request=again)
    asyncio.run(mw.process_response(again, asked))
    assert crawler.slot.delay == 0.05


@pytest.mark.parametrize(("retry_after", "delay"), [
    ("9" * 5000, 0.05), ("Wed, 21 Oct 2099 07:28:00 GMT", 0.05),   # endless: the longest delay, no error
    ("-5", 0.01), ("soon", 0.01), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.01), ("Mon, 32 Foo 2020 99:99:99 GMT", 0.01)])
def test_a_429_waits_what_its_retry_after_asks_in_seconds_or_as_a_date_within_bounds(retry_after, delay):
    """5,000 digits (more than Python reads as a number) or a date decades away: the longest delay; a wait it
    cannot read (negative, a word, a date past or impossible): its own."""
    crawler = _Crawler(GXMON_RATE_LIMIT_WAIT=0.01, AUTOTHROTTLE_MAX_DELAY=0.05)
    request = Request(HOST + "/list.html")
    asked = Response(request.url, status=429, headers={"Retry-After": retry_after}, request=request)
    again = asyncio.run(FirewallPageMiddleware(crawler).process_response(request, asked))
    assert isinstance(again, Request) and crawler.slot.delay == delay


def test_a_page_with_an_element_of_100000_attributes_fails_before_a_selector_parses_it():
    """libxml2 would take over a minute on it, in the event loop every site's downloads wait on."""
    crawler = _Crawler()
    request = Request(HOST + "/list.html")
    body = ("<html><body><ul " + " ".join(f"a{n}" for n in range(100_000)) + "><li>2023年</li></ul></body></html>")
    with pytest.raises(IgnoreRequest, match="markup no parser reads"):
        MarkupBoundMiddleware(crawler).process_response(request, _answer(request, body.encode()))
    assert crawler.stats.get_value("gxmon/markup_refused") == 1


def test_a_page_of_the_site_with_a_long_inline_picture_goes_on():
    request = Request(HOST + "/list.html")
    picture = '<img src="data:image/png;base64,' + "QUJD" * 50_000 + '" alt="年报 表格 = 1">'
    answer = _answer(request, (FILES / "column_year_subcolumns.html").read_bytes().replace(b"</body>", picture.encode() + b"</body>"))
    assert MarkupBoundMiddleware(_Crawler()).process_response(request, answer) is answer
