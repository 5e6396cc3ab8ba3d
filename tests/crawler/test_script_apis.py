"""Columns drawn by a script from an API's JSON answer (jQuery, Vue): the API asked as the script asks it,
its items' addresses made as the script makes them, its other pages posted (crawler.scriptapis)."""

from __future__ import annotations

from urllib.parse import parse_qsl

import scrapy
from scrapy.http import Request, TextResponse

from crawler.links import answer_links
from crawler.scriptapis import ItemUrl, api_calls, item_urls
from tests.crawler.helpers import FILES, file_response

COLUMN = "http://www.zhoukou.gov.cn/column/1205.html"
API = "http://www.zhoukou.gov.cn/api/content/list"


def _script() -> str:
    return (FILES / "column_script_api.html").read_text(encoding="utf-8").split("<script>")[1]


def _column_requests(spider) -> list[scrapy.Request]:
    meta = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "年度报告"}
    return [r for r in spider.parse_page(file_response("column_script_api.html", COLUMN, meta))
            if isinstance(r, scrapy.Request)]


def _answer(spider, api: dict) -> list[scrapy.Request]:
    response = TextResponse(url=API, body=(FILES / "api_content_list.json").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/json;charset=UTF-8"},
                            request=Request(API, method="POST", meta={
                                "role": "page", "hops": 2, "chain": 0, "subsite": 0, "list_of": COLUMN,
                                "link_text": "年度报告", "api": api}))
    return [r for r in spider.parse_page(response) if isinstance(r, scrapy.Request)] + spider._held.release_all()


API_META = {"method": "POST", "data": [["columnId", "1205"], ["pageNo", "1"], ["pageSize", "15"]],
            "item_urls": [["/content/detail.html?id=", "id", ""]]}


def test_an_ajax_call_is_read_with_its_method_and_first_page():
    assert api_calls(_script())[0] == ("/api/content/list", "POST",
                                       (("columnId", "1205"), ("pageNo", "1"), ("pageSize", "15")))


def test_a_call_whose_data_names_an_unknown_variable_is_not_made():
    assert [c.url for c in api_calls(_script())] == ["/api/content/list"]


def test_the_script_says_how_an_item_address_is_made():
    assert item_urls(_script()) == (ItemUrl("/content/detail.html?id=", "id", ""),)


def test_items_with_an_id_only_get_the_address_the_script_makes():
    links = answer_links((FILES / "api_content_list.json").read_text(encoding="utf-8"), API,
                         (ItemUrl("/content/detail.html?id=", "id", ""),))
    assert links[0].url == "http://www.zhoukou.gov.cn/content/detail.html?id=8823"


def test_a_column_drawn_by_a_script_posts_the_script_request(spider):
    post = next(r for r in _column_requests(spider) if r.url == API)
    assert (post.method, dict(parse_qsl(post.body.decode()))) == \
        ("POST", {"columnId": "1205", "pageNo": "1", "pageSize": "15"})


def test_the_api_is_not_also_fetched_as_a_page(spider):
    assert [r.method for r in _column_requests(spider) if r.url.startswith(API)] == ["POST"]


def test_the_answer_items_are_requested_as_documents(spider):
    documents = {r.url for r in _answer(spider, API_META) if r.meta["role"] == "document"}
    assert "http://www.zhoukou.gov.cn/content/detail.html?id=8821" in documents


def test_the_answer_other_pages_are_posted_with_the_next_page_number(spider):
    posts = [dict(parse_qsl(r.body.decode())) for r in _answer(spider, API_META) if r.meta["role"] == "list"]
    assert posts == [{"columnId": "1205", "pageNo": "2", "pageSize": "15"}]


def test_a_hostile_script_costs_no_more_than_its_bounds():
    code = "$.ajax({url: '/a', data: {x: y}});" * 50_000 + "'/" * 100_000   # under MAX_SCRIPT_CHARS
    assert (api_calls(code), item_urls(code)) == ([], ())


def test_a_get_whose_url_the_script_continues_is_no_api_call():
    code = (FILES / "list_load_more.html").read_text(encoding="utf-8").split("<script>")[1]
    assert api_calls(code) == []
