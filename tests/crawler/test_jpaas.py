"""Hanweb's JPaaS columns (crawler.scripted.jpaas): the request a column page's ``unitbuild.js`` tag declares in its
``url`` and ``queryData`` attributes is the column's list; its JSON answer's ``data.html`` is the list's markup
(crawler.pages.links.fragment_links); its other pages are asked with ``paramJson``'s pageNo, by the fragment's pager
counts (rows, count)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import lxml.html
import scrapy

from crawler.pages.links import MAX_FRAGMENTS_ANSWER, fragment_links
from crawler.scripted.jpaas import MAX_QUERY_CHARS, declared_calls, unit_page_urls
from crawler.steering.pagers import MAX_POSTED_PAGES
from tests.crawler.helpers import FILES, file_response

COLUMN = "http://www.zhoukou.gov.cn/col/col1229696276/index.html"
API = "http://www.zhoukou.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit"
ANSWER = (FILES / "jpaas_unit_answer.json").read_text(encoding="utf-8")
FIRST = f"{API}?parseType=bulidstatic&webId=3630&pageId=1229696276"


def _page(url: str) -> dict:
    return json.loads(parse_qs(urlsplit(url).query)["paramJson"][0])


def test_the_tags_declared_request_is_read_with_its_query():
    root = lxml.html.fromstring((FILES / "jpaas_column.html").read_bytes())
    [call] = declared_calls(root, COLUMN)
    assert (call.url, call.method) == (API, "GET")
    assert dict(call.data) == {"parseType": "bulidstatic", "webId": "3630", "tplSetId": "5HrZiFGOR8vHklhTYqM4B",
                               "pageType": "column", "tagId": "当前栏目list", "editType": "null", "pageId": "1229696276"}


def test_a_tag_without_a_readable_query_declares_nothing():
    def calls(query: str) -> list:
        return declared_calls(lxml.html.fromstring(
            f'<div><script src="/AuthorizedRead/unitbuild.js" url="/unit" queryData="{query}"></script></div>'), COLUMN)
    assert calls("{'webId':'1'}") != []
    assert calls("not json") == []
    assert calls("{'webId':'" + "1" * MAX_QUERY_CHARS + "'}") == []


def test_the_answers_markup_is_its_list_named_by_the_titles_the_text_cuts():
    links = fragment_links(ANSWER, FIRST)
    assert [(link.url.rsplit("/", 1)[1], link.text) for link in links][:2] == [
        ("art_1229696276_590123.html", "周口市人民政府2024年政府信息公开工作年度报告"),
        ("art_1229696276_590124.html", "周口市人民政府2023年政府信息公开工作年度报告")]
    assert len(links) == 5


def test_an_answer_past_its_bound_or_without_markup_gives_no_fragment_links():
    assert fragment_links(json.dumps({"data": {"html": "x" * MAX_FRAGMENTS_ANSWER}}), FIRST) == []
    assert fragment_links(json.dumps({"data": {"title": "无", "url": "/a.html"}}), FIRST) == []


def test_later_pages_are_asked_with_paramjson_by_the_pagers_counts():
    pages = unit_page_urls(ANSWER, FIRST)
    assert [_page(url) for url in pages] == [{"pageNo": 2, "pageSize": 5}, {"pageNo": 3, "pageSize": 5}]
    assert all(url.startswith(FIRST + "&paramJson=") for url in pages)


def test_a_paramjsons_other_keys_are_kept_and_its_page_not_asked_again():
    search = json.dumps({"pageNo": 2, "pageSize": 5, "search": '{"nodeId":"11330500MB1911463X"}'})
    pages = unit_page_urls(ANSWER.replace('pageNo=\\"1\\"', 'pageNo=\\"2\\"'), f"{FIRST}&paramJson={search}")
    assert [_page(url) for url in pages] == [{"pageNo": n, "pageSize": 5, "search": '{"nodeId":"11330500MB1911463X"}'}
                                             for n in (1, 3)]


def test_pages_claimed_are_bounded_and_an_answer_without_the_pager_claims_none():
    huge = ANSWER.replace('count=\\"12\\"', 'count=\\"99999999\\"')
    assert len(unit_page_urls(huge, FIRST)) == MAX_POSTED_PAGES - 1
    assert unit_page_urls(ANSWER.replace("pagination", "footer"), FIRST) == []


def test_the_spider_asks_a_columns_declared_list(spider):
    meta = {"role": "page", "hops": 1, "link_text": "政府信息公开年报"}
    requests = [r for r in spider.parse_page(file_response("jpaas_column.html", COLUMN, meta))
                if isinstance(r, scrapy.Request)]
    assert [r.url for r in requests if r.url.startswith(API)] == [
        f"{API}?parseType=bulidstatic&webId=3630&tplSetId=5HrZiFGOR8vHklhTYqM4B&pageType=column"
        "&tagId=%E5%BD%93%E5%89%8D%E6%A0%8F%E7%9B%AElist&editType=null&pageId=1229696276"]


def test_a_catalogue_pages_node_is_searched_as_its_builder_searches_it():
    root = lxml.html.fromstring((FILES / "jpaas_catalogue.html").read_bytes())
    [call] = declared_calls(root, "http://www.zhoukou.gov.cn/col/col1229512852/index.html?number=A0012")
    assert json.loads(dict(call.data)["paramJson"]) == {"pageNo": 1, "pageSize": 5,
                                                        "search": '{"xxgkId":"A0012","className":""}'}
    [bare] = declared_calls(root, "http://www.zhoukou.gov.cn/col/col1229512852/index.html")
    assert "paramJson" not in dict(bare.data)
    plain = lxml.html.fromstring((FILES / "jpaas_column.html").read_bytes())
    [column] = declared_calls(plain, f"{COLUMN}?number=A0012")
    assert "paramJson" not in dict(column.data)


def test_the_older_builders_combination_node_is_searched_on_any_unit():
    plain = lxml.html.fromstring((FILES / "jpaas_column.html").read_bytes())
    [call] = declared_calls(plain, f"{COLUMN}?combination=C001-001")
    assert json.loads(dict(call.data)["paramJson"]) == {
        "pageNo": 1, "pageSize": 5, "search": '{"xxgkId":"C001-001","xxgkType":"xxgk_combination","className":""}'}
