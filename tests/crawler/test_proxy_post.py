"""A JCMS data proxy that reads its unit only from a POST's body: a GET it answers with no record is asked again
as jpage.js asks, the unit's parameters posted (crawler.steering.pagers.proxy_form)."""

from __future__ import annotations

from urllib.parse import parse_qsl

import scrapy
from scrapy.http import Request, TextResponse

from crawler.steering.pagers import proxy_form
from tests.crawler.helpers import FILES

PROXY = ("http://fgw.zhoukou.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=3&webid=2"
         "&columnid=1229001234&unitid=4373541")
UNIT = [("webid", "2"), ("columnid", "1229001234"), ("unitid", "4373541")]


def test_an_empty_answer_to_a_get_is_posted_with_the_units_parameters():
    assert proxy_form(PROXY, "GET", 0) == UNIT


def test_an_answer_with_records_a_post_or_another_address_is_not_posted_again():
    assert proxy_form(PROXY, "GET", 3) is None
    assert proxy_form(PROXY, "POST", 0) is None
    assert proxy_form("http://fgw.zhoukou.gov.cn/col/col1229001234/index.html?startrecord=4", "GET", 0) is None
    assert proxy_form(PROXY.split("?")[0] + "?columnid=1229001234", "GET", 0) is None   # no page asked


def _answer(method: str) -> TextResponse:
    meta = {"role": "list", "hops": 1, "agency_hint": "周口市发展和改革委员会",
            "list_of": "http://fgw.zhoukou.gov.cn/col/col1229001234/index.html"}
    return TextResponse(url=PROXY, body=(FILES / "jcms_dataproxy_empty.xml").read_bytes(),
                        headers={"Content-Type": "text/xml; charset=utf-8"}, encoding="utf-8",
                        request=Request(PROXY, method=method, meta=meta))


def test_the_spider_posts_the_page_its_get_found_empty_once(spider):
    posts = [r for r in spider.parse_page(_answer("GET")) if isinstance(r, scrapy.Request) and r.method == "POST"]
    assert [(r.url, parse_qsl(r.body.decode())) for r in posts] == [(PROXY, UNIT)]
    assert [r for r in spider.parse_page(_answer("GET")) if isinstance(r, scrapy.Request) and r.method == "POST"] == []
    assert [r for r in spider.parse_page(_answer("POST")) if isinstance(r, scrapy.Request) and r.method == "POST"] == []
