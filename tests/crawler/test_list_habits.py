"""Habits of real CMS list pages and their scripts, each on a frozen page (tests/files/): a request address joined
from a base the page declares, a request function's joined address, an Element UI pager's bound total, a GET-loaded
fragment opening with <table>, and a Jeecms article calling ``Cms.attachment`` twice."""

from __future__ import annotations

from urllib.parse import parse_qsl

import scrapy
from scrapy.http import HtmlResponse, Request, TextResponse

from crawler.items import ReportDocument
from crawler.scripted.scriptapis import MAX_SHARED_NAMES, ApiCall, page_declarations
from crawler.scripted.wrappers import RequestFunction, request_functions, wrapped_calls
from tests.crawler.helpers import FILES, file_response

HOST = "http://www.zhoukou.gov.cn"
PAGE_META = {"role": "page", "hops": 2, "chain": 0, "subsite": 0, "link_text": "政府信息公开年报"}


def _requests(results) -> list[scrapy.Request]:
    return [r for r in results if isinstance(r, scrapy.Request)]


# -- addresses joined from a base the page or module declares ---------------------------------------------------

def test_an_ajax_address_joined_from_a_base_another_inline_script_declares_is_asked(spider):
    # <script>var ctx = "/jcms";</script> in the head (a JSP's context path), the call in the body's script
    requests = _requests(spider.parse_page(file_response("column_ajax_context_path.html", HOST + "/jcms/xxgk/nb.html",
                                                         PAGE_META)))
    (post,) = [r for r in requests if r.method == "POST"]
    assert (post.method, post.url, dict(parse_qsl(post.body.decode()))) == (
        "POST", HOST + "/jcms/xxgk/nb/list", {"pageNo": "1", "pageSize": "15", "columnId": "nb", "webId": "12"})


def test_a_request_functions_address_joined_from_declared_names_is_read():
    assert request_functions((FILES / "api_module_joined_urls.js").read_text(encoding="utf-8")) == [
        RequestFunction("listReport", "/jcms/api/report/list", "GET", "params"),
        RequestFunction("listUnitReport", "/api/unit/1001/reports", "POST", "data")]


def test_a_request_function_with_a_joined_address_is_asked_with_the_calls_object():
    # getNotice's base (notices) is declared nowhere: what it asks is unknown, so it is not asked
    assert wrapped_calls((FILES / "api_module_joined_urls.js").read_text(encoding="utf-8")) == [
        ApiCall("/jcms/api/report/list", "GET", (("pageNum", "1"), ("pageSize", "10"), ("channel", "ndbg"))),
        ApiCall("/api/unit/1001/reports", "POST", (("pageNum", "1"),), True, ("pageNum",))]


def test_a_page_shares_at_most_its_bound_of_declared_strings():
    codes = [f'var name{n} = "/base{n}";' for n in range(MAX_SHARED_NAMES + 50)]
    shared = page_declarations(codes)
    assert len(shared) == MAX_SHARED_NAMES and shared["name0"] == "/base0"


# -- a fragment loaded by GET, opening with <table> ----------------------------------------------------------

FRAGMENT = HOST + "/mzj/col/list_12.html?page=1&col=12"


def _fragment_pages(spider, meta: dict) -> list[str]:
    response = HtmlResponse(FRAGMENT, body=(FILES / "fragment_table_list.html").read_bytes(),
                            headers={"Content-Type": "text/html; charset=utf-8"}, request=Request(FRAGMENT, meta=meta))
    return [r.url for r in _requests(spider.parse_page(response)) if r.meta["role"] == "list"]


def test_a_table_fragment_a_loader_asks_by_get_gives_its_other_pages(spider):
    # $.get('/mzj/col/list_12.html', {page: n, col: 12}, cb): answered <table>…, which sniffs as a page would
    api = {"method": "GET", "data": [["page", "1"], ["col", "12"]], "item_urls": [], "json": False}
    assert _fragment_pages(spider, {**PAGE_META, "list_of": HOST + "/mzj/nb.html", "api": api}) == [
        HOST + f"/mzj/col/list_12.html?page={n}&col=12" for n in (2, 3)]


def test_a_table_fragment_jquery_loads_as_a_frame_gives_its_other_pages(spider):
    # $('#list').load('/mzj/col/list_12.html?page=1&col=12'): the frame's fragment, its pager's goPage(n) the page's
    assert _fragment_pages(spider, {**PAGE_META, "list_of": HOST + "/mzj/nb.html"}) == [
        HOST + f"/mzj/col/list_12.html?page={n}&col=12" for n in (2, 3)]
