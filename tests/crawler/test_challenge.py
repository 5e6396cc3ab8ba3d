"""Anti-bot script challenges are named, so a site behind one is not reported as having no 年报 column; the cookie
of one written in string literals is read."""

from types import SimpleNamespace

import pytest
from scrapy.exceptions import DontCloseSpider
from scrapy.http import HtmlResponse, Request
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.coverage import CHALLENGE_REFUSED, PORTAL, Subsites
from crawler.transport.challenge import challenge_cookies, script_challenge
from tests.crawler.helpers import FILES


def test_a_riversecurity_gate_is_named():
    assert "瑞数信息" in script_challenge((FILES / "challenge_ruishu_412.html").read_bytes())


def test_a_page_that_only_sets_a_cookie_and_reloads_is_a_challenge():
    assert "sets a cookie" in script_challenge((FILES / "challenge_cookie_521.html").read_bytes())


def test_a_list_page_is_no_challenge():
    assert script_challenge((FILES / "column_year_subcolumns.html").read_bytes()) is None



def test_a_cookie_written_in_string_literals_is_read():
    assert challenge_cookies((FILES / "challenge_jsl_literal_521.html").read_bytes()) == {
        "__jsl_clearance": "1700000000.123|0|abcDEF123"}


def test_a_cookie_written_in_literals_before_a_refresh_is_read():
    assert challenge_cookies((FILES / "challenge_wzws_refresh.html").read_bytes()) == {"wzws_cid": "a1b2c3d4e5f6"}


@pytest.mark.parametrize("name", ["challenge_cookie_521.html", "challenge_ruishu_412.html"])
def test_a_cookie_the_page_computes_is_never_read(name):
    assert challenge_cookies((FILES / name).read_bytes()) is None


@pytest.mark.parametrize("body", [
    b'<script>document.cookie="a=" + x; location.reload()</script>',            # a variable
    b'<script>document.cookie="a=" + go("1"); location.reload()</script>',      # a call
    b'<script>document.cookie="a=1"; location.reload()</script><a href="/x.html">x</a>',   # a page with links
    b'<script>document.cookie="a=1";</script>',                                 # no reload
])
def test_a_cookie_not_written_in_literals_on_a_reloading_page_alone_is_never_read(body):
    assert challenge_cookies(body) is None


@pytest.mark.parametrize("value", ["a\x00b", "a\x01b", "a\x7fb", "a\x1bb"])
def test_a_cookie_holding_a_control_character_is_never_read(value):
    """A browser ignores such a cookie, and it would go into the Cookie header of every later request."""
    body = f'<script>document.cookie="__jsl_clearance={value}";location.reload()</script>'.encode()
    assert challenge_cookies(body) is None


class _Stats(dict):
    """What the spider records a failure in."""

    def inc_value(self, key: str) -> None:
        self[key] = self.get(key, 0) + 1

    def get_value(self, key: str):
        return self.get(key)

    def set_value(self, key: str, value) -> None:
        self[key] = value


def test_a_sub_site_answering_a_challenge_the_crawl_cannot_pass_is_refused_never_without_a_column(spider):
    # a department's host guarded by a 瑞数-type gate: every address answers 412 and a script computing a cookie
    spider.crawler = SimpleNamespace(stats=_Stats())
    url = "http://sjj.zhoukou.gov.cn/"
    request = Request(url, meta={"role": "page", "subsite": 0, "enter": ("市审计局", "部门信息公开")})
    response = HtmlResponse(url, status=412, body=(FILES / "challenge_ruishu_412.html").read_bytes(), request=request)
    failure = Failure(HttpError(response))
    failure.request = request   # as Scrapy's errback gets it
    list(spider.on_error(failure))
    coverage = spider.subsites.coverage([], lambda u: False)
    # its own page unread, a name of its level alone takes the place of the portal that linked it
    assert [(s.name, s.found_via, s.refused) for s in coverage.refused] \
        == [("周口市审计局", "部门信息公开", CHALLENGE_REFUSED)]
    assert coverage.without_column == []


def test_a_challenge_on_one_page_of_a_sub_site_already_read_leaves_it_read():
    subsites = Subsites("周口市人民政府", "http://www.zhoukou.gov.cn/")
    number = subsites.enter("市审计局", "http://sjj.zhoukou.gov.cn/", "部门信息公开")
    subsites.column_found(number, "http://sjj.zhoukou.gov.cn/ndbg/")
    subsites.challenged("http://sjj.zhoukou.gov.cn/art/1.html", None, number)
    subsites.challenged("http://www.zhoukou.gov.cn/art/2.html", None, PORTAL)
    assert subsites.coverage([], lambda u: False).refused == []


def _challenge_answer(url: str, request: Request) -> Failure:
    """The 412 a 瑞数-type gate answers, as Scrapy's errback gets it."""
    response = HtmlResponse(url, status=412, body=(FILES / "challenge_ruishu_412.html").read_bytes(), request=request)
    failure = Failure(HttpError(response))
    failure.request = request
    return failure


def test_a_host_answering_only_a_challenge_is_asked_nothing_more_not_even_its_sitemap(spider):
    # its robots.txt is parsed before its first page answers: its /sitemap.xml waits for a page of the host
    asked = []
    spider.crawler = SimpleNamespace(stats=_Stats(), engine=SimpleNamespace(crawl=asked.append))
    spider._robots_parsed(None, Request("http://sjj.zhoukou.gov.cn/robots.txt"))
    assert asked == []
    entry = Request("http://sjj.zhoukou.gov.cn/", meta={"role": "page", "subsite": 0, "enter": ("市审计局", "")})
    list(spider.on_error(_challenge_answer(entry.url, entry)))
    queued = Request("http://sjj.zhoukou.gov.cn/xxgk/", meta={"role": "page", "subsite": 1})
    with pytest.raises(DontCloseSpider):
        spider._spider_idle()   # running dry, the waiting sitemap is asked: the budget refuses it when its turn comes
    assert [r.url for r in asked] == ["http://sjj.zhoukou.gov.cn/sitemap.xml"]
    assert [spider.budget.refusal(r) for r in (asked[0], queued)] == ["challenged", "challenged"]
    assert spider.budget.refusal(Request("http://www.zhoukou.gov.cn/xxgk/", meta={"role": "page"})) is None


def test_a_hosts_sitemap_is_asked_once_the_host_answers_a_page(spider):
    asked = []
    spider.crawler = SimpleNamespace(stats=_Stats(), engine=SimpleNamespace(crawl=asked.append))
    spider._robots_parsed(None, Request("http://www.zhoukou.gov.cn/robots.txt"))
    page = HtmlResponse("http://www.zhoukou.gov.cn/", body=(FILES / "column_year_subcolumns.html").read_bytes(),
                        request=Request("http://www.zhoukou.gov.cn/", meta={"role": "page", "hops": 0}))
    urls = [r.url for r in spider.parse_page(page)]
    assert "http://www.zhoukou.gov.cn/sitemap.xml" in urls
    spider._robots_parsed(None, Request("http://jyj.zhoukou.gov.cn/robots.txt"))
    spider.budget.host_read("http://jyj.zhoukou.gov.cn/")
    spider._robots_parsed(None, Request("http://jyj.zhoukou.gov.cn/robots.txt"))   # once per host
    assert asked == []


def test_a_challenge_from_a_host_that_answered_a_page_stops_nothing(spider):
    spider.crawler = SimpleNamespace(stats=_Stats())
    spider.budget.host_read("http://sjj.zhoukou.gov.cn/")
    page = Request("http://sjj.zhoukou.gov.cn/art/1.html", meta={"role": "page", "subsite": 0})
    list(spider.on_error(_challenge_answer(page.url, page)))
    assert spider.budget.refusal(Request("http://sjj.zhoukou.gov.cn/art/2.html", meta={"role": "page"})) is None
