"""The spider on a frozen 政府信息公开平台 whose catalogue tree calls ``showList('0112', 1)``, a function of the
page that loads ``getList.do?catalogId=0112&page=1`` into it: the fragment's pager calls the same function
(``showList('0112', 2)``), which only the page that loaded it defines."""

from __future__ import annotations

import scrapy
from scrapy.http import HtmlResponse

from crawler.pages.fragments import is_fragment
from tests.crawler.helpers import FILES, file_response

TREE = "http://www.zhoukou.gov.cn/gkpt/index.html"
FIRST = "http://www.zhoukou.gov.cn/gkpt/getList.do?catalogId=0112&page=1"
SECOND = "http://www.zhoukou.gov.cn/gkpt/getList.do?catalogId=0112&page=2"


def _requests(results) -> list[scrapy.Request]:
    return [r for r in results if isinstance(r, scrapy.Request)]


def _fragment(spider, meta: dict) -> list[str]:
    body = (FILES / "platform_catalog_fragment.html").read_bytes()
    response = HtmlResponse(FIRST, body=body, headers={"Content-Type": "text/html;charset=UTF-8"},
                            request=scrapy.Request(FIRST, meta=meta))
    return [r.url for r in _requests(spider.parse_page(response))]


def test_the_fragments_pager_calling_its_pages_function_gives_the_next_page(spider):
    [category] = [r for r in _requests(spider.parse_page(file_response(
        "platform_catalog_tree.html", TREE, {"role": "page", "hops": 1}))) if r.url == FIRST]
    assert SECOND in _fragment(spider, category.meta)


def test_a_fragment_loaded_by_no_function_is_paged_by_its_own_count_on_its_page_key(spider):
    # no page's function is known to it, but its pager says 共N页 and its address numbers its page (page=1):
    # the other pages are its address with the next numbers (ReportsSpider._loaded_fragment), as a posted one's are
    assert SECOND in _fragment(spider, {"role": "page", "hops": 2, "link_text": "政府信息公开年度报告"})


def test_only_an_answer_without_a_page_around_it_is_a_fragment():
    assert is_fragment((FILES / "platform_catalog_fragment.html").read_bytes())
    assert not is_fragment((FILES / "platform_catalog_tree.html").read_bytes())
