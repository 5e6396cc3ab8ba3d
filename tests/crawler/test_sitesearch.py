"""The site's search (crawler.steering.sitesearch) on frozen pages (tests/files/): search boxes found, queries built,
result pages read. One field per test."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
import scrapy
from scrapy.http import Request, Response, TextResponse
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.test import get_crawler
from twisted.internet.error import TimeoutError
from twisted.python.failure import Failure

from crawler.pages.links import Link
from crawler.scripted.scriptapis import ApiCall
from crawler.steering.sitesearch import (MAX_RESULT_PAGES, TERMS, SearchForm, SearchStep, SiteSearch, next_page,
                                         search_forms)
from tests.crawler.helpers import FILES, file_response

HOME = "http://www.zhoukou.gov.cn/"
UNIFIED = "http://so.henan.gov.cn/s"


def _forms(name: str, url: str = HOME) -> list[SearchForm]:
    return search_forms(lxml.html.fromstring((FILES / name).read_bytes()), url)


def _noop(_):
    return None


def _searching(spider) -> SiteSearch:
    """The spider, having read the home page with two search boxes (the site's, the province's)."""
    list(spider.parse_page(file_response("home_search_boxes.html", HOME, {"role": "start", "hops": 0, "subsite": 0})))
    return spider.site_search


def _results(spider, name: str = "search_results_unified.html", step: SearchStep = SearchStep(1)) -> list:
    _searching(spider)
    return list(spider.parse_search(file_response(name, UNIFIED, {"role": "search", "search": step})))


# -- search boxes ----------------------------------------------------------------------------------

def test_a_get_search_form_is_found_at_its_action():
    assert _forms("home_search_boxes.html")[0].url == HOME + "was5/web/search"


def test_a_get_search_form_sends_its_hidden_fields():
    assert _forms("home_search_boxes.html")[0].fields == (("channelid", "246322"), ("perpage", "15"))


def test_a_search_form_names_the_field_the_words_go_in():
    assert _forms("home_search_boxes.html")[0].query == "searchword"


def test_a_form_posting_to_the_provinces_search_is_found_as_a_post():
    assert _forms("home_search_boxes.html")[1] == SearchForm(
        UNIFIED, "POST", (("siteCode", "4116000001"), ("tab", "all")), "qt")


def test_login_and_message_forms_are_no_search_boxes():
    assert [f.url for f in _forms("home_search_boxes.html")] == [HOME + "was5/web/search", UNIFIED]


def test_a_search_button_whose_script_opens_the_results_is_a_get_search():
    assert _forms("home_search_script.html", "http://www.linjiang.gov.cn/") == [
        SearchForm("http://www.linjiang.gov.cn/search.jsp", "GET", (("siteid", "3"),), "q")]


def test_home_page_search_boxes_are_kept_by_the_spider(spider):
    assert [f.url for f in _searching(spider).endpoints] == [HOME + "was5/web/search", UNIFIED]


def test_a_search_box_sending_to_a_host_neither_the_sites_nor_a_governments_is_not_kept(spider):
    page = (FILES / "home_search_boxes.html").read_text(encoding="utf-8").replace("so.henan.gov.cn",
                                                                                  "zhannei.baidu.com")
    response = scrapy.http.HtmlResponse(HOME, body=page.encode(), encoding="utf-8",
                                        request=Request(HOME, meta={"role": "start", "hops": 0, "subsite": 0}))
    list(spider.parse_page(response))
    assert [f.url for f in spider.site_search.endpoints] == [HOME + "was5/web/search"]


# -- queries ---------------------------------------------------------------------------------------

def test_a_get_query_carries_the_term_in_the_boxs_field():
    url, _ = _forms("home_search_boxes.html")[0].request_for(TERMS[0])
    assert parse_qs(urlsplit(url).query) == {"channelid": ["246322"], "perpage": ["15"], "searchword": [TERMS[0]]}


def test_a_post_query_sends_the_term_as_a_form_field():
    search = SiteSearch(_forms("home_search_boxes.html"))
    request = search.request(SearchStep(1), _noop, _noop)
    assert (request.method, parse_qs(request.body.decode())) == (
        "POST", {"siteCode": ["4116000001"], "tab": ["all"], "qt": [TERMS[0]]})


def test_a_gbk_sites_search_gets_its_words_in_gbk():
    form = SearchForm("http://www.linjiang.gov.cn/search.jsp", "GET", (), "q", "gbk")
    url, _ = form.request_for("年报")
    assert urlsplit(url).query == "q=%C4%EA%B1%A8"


def test_a_search_request_goes_to_the_box_host_only_and_is_not_retried():
    request = SiteSearch(_forms("home_search_boxes.html")).request(SearchStep(1), _noop, _noop)
    assert (request.meta["allow_offsite"], request.meta["dont_retry"]) == (True, True)


# -- result pages ----------------------------------------------------------------------------------

def test_results_that_are_the_sites_reports_become_document_requests(spider):
    documents = [r.url for r in _results(spider) if r.meta["role"] == "document"]
    assert documents == ["http://www.zhoukou.gov.cn/zwgk/ndbg/202401/t20240125_1024.html",
                         "http://www.zhoukou.gov.cn/jyj/ndbg/2022.html"]


def test_results_on_hosts_outside_the_sites_scope_are_dropped(spider):
    # a province's search lists every city's pages and files: another government host's file is none of the site's
    assert not [r for r in _results(spider) if "luoyang" in r.url]


def test_results_that_are_no_report_are_not_requested(spider):
    assert not [r for r in _results(spider) if "fzzf" in r.url or "xwzx" in r.url]


def test_the_next_result_page_is_read(spider):
    assert [r.url for r in _results(spider) if r.meta["role"] == "search"] == [
        "http://so.henan.gov.cn/s?siteCode=4116000001&qt=%E5%B9%B4%E6%8A%A5&page=2"]


def test_the_next_page_is_the_next_link_of_the_same_search():
    links = [Link(UNIFIED + "?page=3", "3"), Link("http://so.henan.gov.cn/advanced.html", "下一页"),
             Link(UNIFIED + "?page=2", "下一页")]
    assert next_page(links, UNIFIED) == UNIFIED + "?page=2"


def test_a_result_page_listing_no_report_ends_the_term(spider):
    search = _searching(spider)
    following = list(spider.parse_search(file_response("search_results_empty.html", HOME + "was5/web/search?x=1",
                                                       {"role": "search", "search": SearchStep(0)})))
    assert [r.url for r in following] == [search.endpoints[0].request_for(TERMS[1])[0]]


def test_result_pages_stop_at_the_limit(spider):
    last = [r for r in _results(spider, step=SearchStep(1, 0, MAX_RESULT_PAGES)) if r.meta["role"] == "search"]
    assert [(r.meta["search"].term, r.meta["search"].page) for r in last] == [(1, 1)]   # the next term instead


def test_the_last_terms_last_page_ends_the_search(spider):
    step = SearchStep(1, len(TERMS) - 1, MAX_RESULT_PAGES)
    assert not [r for r in _results(spider, step=step) if r.meta["role"] == "search"]


def test_an_answer_that_is_no_page_ends_the_boxs_search(spider):
    _searching(spider)
    pdf = Response(UNIFIED, body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"},
                   request=Request(UNIFIED, meta={"role": "search", "search": SearchStep(1)}))
    assert list(spider.parse_search(pdf)) == []


# -- robots.txt of a box on another host -----------------------------------------------------------

def test_a_box_on_another_host_asks_that_hosts_robots_txt_first(spider):
    requests = _searching(spider).first_requests(spider.scope.contains, _noop, _noop)
    assert [r.url for r in requests] == [search_url(spider, 0), "http://so.henan.gov.cn/robots.txt"]


def search_url(spider, endpoint: int) -> str:
    return spider.site_search.endpoints[endpoint].request_for(TERMS[0])[0]


@pytest.mark.parametrize(("status", "robots", "asked"), [
    (200, b"User-agent: *\nDisallow: /s\n", False),
    (200, b"User-agent: *\nDisallow: /admin/\n", True),
    (404, b"<h1>404</h1>", True),
    (503, b"", False),
])
def test_the_search_on_another_host_is_asked_only_if_its_robots_txt_allows(spider, status, robots, asked):
    search = _searching(spider)
    request = search.after_robots(SearchStep(1, page=0), status, robots, "gxmon/0.1", _noop, _noop)
    assert (request is not None) is asked


def test_a_captcha_answered_for_results_ends_the_boxs_search(spider):
    _searching(spider)
    challenge = file_response("challenge_cookie_521.html", UNIFIED, {"role": "search", "search": SearchStep(1)})
    assert list(spider.parse_search(challenge)) == []


def test_a_progress_query_form_is_no_search_box():
    page = lxml.html.fromstring('<form action="/bjcx/result.do" method="get"><input type="text" name="sblsh">'
                                '<input type="submit" value="办件查询"></form>')
    assert search_forms(page, HOME) == []


def test_a_gbk_sub_sites_copy_of_the_portals_box_is_the_same_box(spider):
    search = _searching(spider)
    root = lxml.html.fromstring((FILES / "home_search_boxes.html").read_bytes())
    search.read_home(root, HOME + "jyj/", "gb18030", spider._may_search)
    assert len(search.endpoints) == 2


def test_a_script_paging_search_results_is_no_search_box():
    page = lxml.html.fromstring("<div><script>function go(n) { location.href = '/search/list.html?page=' + n; }"
                                "</script></div>")
    assert search_forms(page, HOME) == []


def test_a_search_request_that_fails_is_no_failure_of_the_crawl(spider):
    spider.crawler = get_crawler(type(spider))
    spider.crawler.stats.open_spider()
    failure = Failure(TimeoutError("took longer than 20.0 seconds"))
    failure.request = Request(UNIFIED, meta={"role": "search", "search": SearchStep(1)})
    list(spider.on_error(failure))
    assert spider.crawler.stats.get_value("gxmon/failure_count") is None


def test_a_search_box_the_hosts_robots_txt_disallows_is_not_kept(spider):
    spider._set_crawler(get_crawler(type(spider)))
    spider._robots["www.zhoukou.gov.cn"] = ProtegoRobotParser(b"User-agent: *\nDisallow: /was5/\n", spider)
    assert [f.url for f in _searching(spider).endpoints] == [UNIFIED]


# -- result pages a script draws from a JSON API ---------------------------------------------------

SCRIPT_RESULTS = HOME + "was5/web/search?searchword=x"
SEARCH_API = HOME + "irs/front/search"


def _script_drawn(spider) -> list:
    _searching(spider)
    return list(spider.parse_search(file_response("search_results_script.html", SCRIPT_RESULTS,
                                                  {"role": "search", "search": SearchStep(0)})))


def _api_step(page: int = 1) -> SearchStep:
    data = (("searchWord", TERMS[0]), ("siteId", "5"), ("pageNumber", str(page)), ("pageSize", "10"),
            ("orderBy", "relevance"))
    return SearchStep(0, 0, page, ApiCall(SEARCH_API, "POST", data, True, ("siteId", "pageNumber", "pageSize")))


def _api_answer(spider, page: int = 1) -> list:
    _searching(spider)
    request = Request(SEARCH_API, method="POST", meta={"role": "search", "search": _api_step(page)})
    answer = TextResponse(SEARCH_API, body=(FILES / "search_results_api.json").read_bytes(), encoding="utf-8",
                          headers={"Content-Type": "application/json"}, request=request)
    return list(spider.parse_search(answer))


def test_a_result_page_a_script_draws_asks_its_api_with_the_term_as_the_script_posts_it(spider):
    [request] = _script_drawn(spider)
    assert (request.url, request.method, json.loads(request.body)) == (SEARCH_API, "POST", {
        "searchWord": TERMS[0], "siteId": 5, "pageNumber": 1, "pageSize": 10, "orderBy": "relevance"})


def _script_file_step(spider, term: int = 0) -> list:
    """A result page whose drawing script is a file of its own, for the ``term``."""
    _searching(spider)
    meta = {"role": "search", "search": SearchStep(0, term)}
    return list(spider.parse_search(file_response("search_results_script_file.html", SCRIPT_RESULTS, meta)))


def _script_file_answer(request: Request) -> TextResponse:
    return TextResponse(request.url, body=(FILES / "search_results_script_file.js").read_bytes(), encoding="utf-8",
                        headers={"Content-Type": "application/javascript"}, request=request)


def test_a_result_pages_own_script_file_is_read_for_the_api_it_asks(spider):
    [script] = _script_file_step(spider)
    assert script.url == HOME + "search/js/search.js?v=20231108"   # not jQuery, not the template library
    [request] = list(spider.parse_search_script(_script_file_answer(script)))
    assert parse_qs(urlsplit(request.url).query) == {"searchWord": [TERMS[0]], "siteCode": ["zk"], "pageNo": ["1"],
                                                     "pageSize": ["10"]}
    assert request.meta["search"].api is not None


def test_a_result_pages_script_file_is_read_once_for_every_term(spider):
    [script] = _script_file_step(spider)
    list(spider.parse_search_script(_script_file_answer(script)))
    [request] = _script_file_step(spider, term=1)
    assert parse_qs(urlsplit(request.url).query)["searchWord"] == [TERMS[1]]


def test_the_api_answers_reports_become_document_requests(spider):
    assert [r.url for r in _api_answer(spider) if r.meta["role"] == "document"] == [
        "http://www.zhoukou.gov.cn/zwgk/ndbg/202401/t20240125_1024.html", "http://www.zhoukou.gov.cn/jyj/ndbg/2022.html"]


def test_the_api_is_asked_for_the_next_result_page(spider):
    [following] = [r for r in _api_answer(spider) if r.meta["role"] == "search"]
    assert (json.loads(following.body)["pageNumber"], following.meta["search"].page) == (2, 2)


def test_the_apis_result_pages_stop_at_the_limit(spider):
    [following] = [r for r in _api_answer(spider, MAX_RESULT_PAGES) if r.meta["role"] == "search"]
    assert (following.meta["search"].term, following.meta["search"].api) == (1, None)   # the next term instead
