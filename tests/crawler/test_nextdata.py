"""The later pages of a Next.js page's list, asked of /_next/data as its pager's buttons ask them
(crawler.scripted.nextdata), and the spider asking them of a column page."""

from __future__ import annotations

import json

import scrapy

from crawler.scripted.nextdata import MAX_PAGES, next_data_pages
from tests.crawler.helpers import FILES, file_response

PAGE = "http://www.zhoukou.gov.cn/sfj/xxgk/ndbg"
DATA = "http://www.zhoukou.gov.cn/sfj/_next/data/kX3v9QeL2aB7/xxgk/ndbg.json"


def _state() -> dict:
    text = (FILES / "page_next_data.html").read_text(encoding="utf-8")
    return json.loads(text.split('type="application/json">')[1].split("</script>")[0])


def test_the_later_pages_are_the_data_routes_of_the_page_under_its_base_path():
    assert next_data_pages(json.dumps(_state()), PAGE) == [f"{DATA}?column=nb&page=2", f"{DATA}?column=nb&page=3"]


def test_a_list_without_a_total_or_a_first_page_has_no_later_pages():
    state = _state()
    del state["props"]["pageProps"]["total"]
    assert next_data_pages(json.dumps(state), PAGE) == []
    state = _state()
    state["props"]["pageProps"]["page"] = 2
    assert next_data_pages(json.dumps(state), PAGE) == []


def test_a_route_with_a_parameter_or_another_pages_data_has_no_later_pages():
    state = _state()
    state["page"] = "/xxgk/[column]"
    assert next_data_pages(json.dumps(state), PAGE) == []
    assert next_data_pages(json.dumps(_state()), "http://www.zhoukou.gov.cn/sfj/other") == []


def test_a_total_claiming_too_many_pages_is_believed_up_to_the_bound():
    state = _state()
    state["props"]["pageProps"]["total"] = 10**8
    assert len(next_data_pages(json.dumps(state), PAGE)) == MAX_PAGES - 1


def test_the_spider_asks_a_next_column_pages_later_pages(spider):
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "年度报告"}
    requested = [r.url for r in spider.parse_page(file_response("page_next_data.html", PAGE, meta))
                 if isinstance(r, scrapy.Request)]
    assert f"{DATA}?column=nb&page=2" in requested and f"{DATA}?column=nb&page=3" in requested
