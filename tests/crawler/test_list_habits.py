"""Habits of real CMS list pages and their scripts, each on a frozen page (tests/files/): a request address joined
from a base the page declares, a request function's joined address, an Element UI pager's bound total, a GET-loaded
fragment opening with <table>, a Jeecms article calling ``Cms.attachment`` twice, and a pager's bare data-total
drawn by the site's page.js, or named as a sibling list page names its pages."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import lxml.html
import scrapy
from scrapy.http import HtmlResponse, Request, TextResponse

from crawler.items import ReportDocument
from crawler.pages.links import MAX_PAGE_LINKS, page_fields
from crawler.pages.sitescripts import wants_site_scripts
from crawler.scripted.jeecms import MAX_CALLS, attachment_calls
from crawler.scripted.scriptapis import (MAX_CONFIG_OBJECTS, ApiCall, declared_strings, undeclared_bases,
                                         undeclared_settings)
from crawler.scripted.wrappers import RequestFunction, request_functions, wrapped_calls
from crawler.steering.boundpagers import MAX_EXPRESSION_CHARS, bound_page_count
from crawler.steering.pagerfunctions import assigned_number
from crawler.steering.pagerhabits import MAX_HABIT_PAGES, habit_pages, learned_habit
from crawler.steering.pagers import create_page_urls
from tests.crawler.helpers import FILES, document_meta, file_response

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


def test_an_ajax_address_joined_from_a_global_or_a_config_objects_entry_is_asked(spider):
    # window.ctx = "/tjj"; var siteConfig = {api: "/tjj/api", webId: "31"} in the head; the calls join
    # siteConfig.api and window.ctx, and send siteConfig.webId
    requests = _requests(spider.parse_page(file_response("column_ajax_config_object.html", HOST + "/tjj/xxgk/nb.html",
                                                         PAGE_META)))
    asked = {(r.method, r.url.split("?")[0]): r for r in requests if "/tjj/" in r.url}
    assert set(asked) >= {("POST", HOST + "/tjj/api/xxgk/nb/list"), ("GET", HOST + "/tjj/xxgk/notice.json")}
    assert dict(parse_qsl(asked["POST", HOST + "/tjj/api/xxgk/nb/list"].body.decode())) == {
        "pageNo": "1", "pageSize": "15", "columnId": "nb", "webId": "31"}


def test_a_config_objects_entries_are_read_no_further_than_its_bound():
    code = "".join(f'var c{n} = {{api: "/api{n}"}};' for n in range(MAX_CONFIG_OBJECTS + 5))
    assert "c0.api" in declared_strings(code) and f"c{MAX_CONFIG_OBJECTS}.api" not in declared_strings(code)


CONFIG_PAGE = HOST + "/jyj/xxgk/nb.html"
CONFIG_SCRIPT = HOST + "/jyj/js/config.js"


def test_a_base_declared_in_the_sites_config_js_is_read_with_that_file(spider):
    # $.ajax({url: baseURL + "/xxgk/nb/list"}): no inline script declares baseURL; /jyj/js/config.js does
    [asked] = _requests(spider.parse_page(file_response("column_ajax_base_in_config_js.html", CONFIG_PAGE,
                                                        PAGE_META)))
    assert asked.url == CONFIG_SCRIPT
    script = TextResponse(CONFIG_SCRIPT, body=(FILES / "site_config_base.js").read_bytes(), encoding="utf-8",
                          request=asked)
    [listed] = [r for r in _requests(spider.parse_site_script(script)) if "/api/" in r.url]
    assert listed.url == HOST + "/jyj/api/xxgk/nb/list?pageNum=1&pageSize=10&channel=ndbg"


def test_a_base_an_inline_script_assigns_or_the_browser_holds_asks_no_script_file():
    assert undeclared_bases(['$.ajax({url: baseURL + "/x"})']) == ["baseURL"]
    assert undeclared_bases(['var base = getCtx(); $.ajax({url: base + "/x"})']) == []
    assert undeclared_bases(['$.post(location.origin + "/x")', 'fetch(this.api + "/y")']) == []


GUID_PAGE = HOST + "/dynamic/zwgk/govInfoPub.html?categorynum=003011"
GUID_SCRIPT = HOST + "/js/webBuilderCommon.js"


def test_a_setting_the_list_call_sends_from_the_sites_script_is_read_with_that_file(spider):
    # 新点's list posts siteGuid: webBuilderCommon.siteGuid, which only the site's /js/webBuilderCommon.js declares
    [asked] = _requests(spider.parse_page(file_response("column_epoint_site_guid.html", GUID_PAGE, PAGE_META)))
    assert asked.url == GUID_SCRIPT
    script = TextResponse(GUID_SCRIPT, body=(FILES / "site_webbuildercommon.js").read_bytes(), encoding="utf-8",
                          request=asked)
    [listed] = [r for r in _requests(spider.parse_site_script(script)) if r.method == "POST"]
    assert (listed.url, json.loads(listed.body)) == (HOST + "/EWB-FRONT/rest/lightfrontaction/getgovinfolist", {
        "deptcode": "", "categorynum": "003011", "pageIndex": 0, "pageSize": 20,
        "siteGuid": "7eb5f7f1-9041-43ad-8e13-8fcb82ea831a"})


def test_a_setting_an_inline_script_declares_or_assigns_or_the_browser_holds_asks_no_script_file():
    assert undeclared_settings(["$.ajax({url: '/x', data: {g: common.siteGuid}})"]) == ["common.siteGuid"]
    assert undeclared_settings(['var common = {"siteGuid": "1"};', "$.ajax({url: '/x', data: {g: common.siteGuid}})"]) \
        == []
    assert undeclared_settings(["var c = load(); $.ajax({url: '/x', data: {g: c.siteGuid, h: location.href}})"]) == []


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


# -- a Jeecms article calling Cms.attachment twice (the report's attachments and its 解读's) ---------------------

ARTICLE = "http://www.zhoukou.gov.cn/xxgk/ndbg/48401.jhtml"
REPORT = "西川市民政局2023年政府信息公开工作年度报告"


def _article():
    return file_response("article_jeecms_two_attachments.html", ARTICLE, document_meta(link_text=REPORT))


def _keys_answer(request: scrapy.Request, body: bytes) -> TextResponse:
    return TextResponse(request.url, body=body, encoding="utf-8", request=request)


def test_each_attachment_call_of_an_article_is_read():
    response = _article()
    calls = attachment_calls(response.selector.root, response.xpath("//script[not(@src)]/text()").getall(), ARTICLE)
    assert [(c.content_id, c.names) for c in calls] == [("48402", (f"{REPORT}（图解）.pdf",)),
                                                        ("48401", (f"{REPORT}.pdf",))]


def test_an_article_reads_at_most_its_bound_of_attachment_calls():
    html = '<a id="a0">x.pdf</a><script>' + 'Cms.attachment("", "7", "1", "a");' * (MAX_CALLS + 5) + "</script>"
    response = TextResponse(ARTICLE, body=html.encode(), encoding="utf-8")
    assert len(attachment_calls(response.selector.root, response.xpath("//script/text()").getall(), ARTICLE)) \
        == MAX_CALLS


def test_the_second_calls_keys_are_asked_after_the_first_calls(spider):
    # the first call links the 解读's 图解 (no report: not asked), the second the report itself
    (first,) = spider.parse_document(_article())
    asked = _requests(spider.parse_attachment_keys(_keys_answer(first, b'["&t=1&k=aa"]')))
    assert [r.url for r in asked] == ["http://www.zhoukou.gov.cn/attachment_url.jspx?cid=48401&n=1"]
    files = _requests(spider.parse_attachment_keys(_keys_answer(asked[0], b'["&t=2&k=bb"]')))
    assert [(r.url, r.meta["link_text"], r.meta["verdict"]) for r in files] == [
        ("http://www.zhoukou.gov.cn/attachment.jspx?cid=48401&i=0&t=2&k=bb", f"{REPORT}.pdf", "report")]


def test_calls_whose_keys_open_nothing_leave_the_article_once(spider):
    (first,) = spider.parse_document(_article())
    (second,) = spider.parse_attachment_keys(_keys_answer(first, b"[]"))
    (item,) = spider.parse_attachment_keys(_keys_answer(second, b"[]"))
    assert isinstance(item, ReportDocument) and item.final_url == ARTICLE


# -- a Vue component library's pager, its counts bound in the page's template ---------------------------------

VUE_COLUMN = HOST + "/slj/xxgk/nb.html"
VUE_API = HOST + "/slj/api/xxgk/list?pageNo=1&catId=nb"


def _pager(html: str):
    return lxml.html.fromstring(f"<html><body><div id='app'>{html}</div></body></html>")


def test_an_element_pagers_bound_total_over_its_page_size_is_its_page_count():
    root = lxml.html.fromstring((FILES / "column_vue_el_pagination.html").read_bytes())
    assert bound_page_count(root) == 3   # :total="28" :page-size="10"


def test_a_pagers_counts_as_its_library_counts_them():
    assert bound_page_count(_pager('<el-pagination layout="prev, pager, next" :total="95"></el-pagination>')) == 10
    assert bound_page_count(_pager('<el-pagination :page-count="7"></el-pagination>')) == 7
    assert bound_page_count(_pager('<a-pagination :total="50" :pagesize="20"></a-pagination>')) == 3
    assert bound_page_count(_pager('<van-pagination :total-items="24" :items-per-page="5"></van-pagination>')) == 5


def test_a_pager_bound_to_an_expression_says_nothing():
    assert bound_page_count(_pager('<el-pagination :total="total" :page-size="10"></el-pagination>')) is None
    assert bound_page_count(_pager('<el-pagination :total="28" :page-size="size"></el-pagination>')) is None
    assert bound_page_count(_pager('<el-pagination :total="99999999" :page-size="0"></el-pagination>')) is None


def _vue_column(spider) -> list[scrapy.Request]:
    return _requests(spider.parse_page(file_response("column_vue_el_pagination.html", VUE_COLUMN, PAGE_META)))


def _vue_answer(spider, request: scrapy.Request) -> list[scrapy.Request]:
    response = TextResponse(request.url, body=(FILES / "api_list_without_count.json").read_bytes(), encoding="utf-8",
                            headers={"Content-Type": "application/json;charset=UTF-8"}, request=request)
    return _requests(spider.parse_page(response))


def test_an_answer_without_a_count_is_paged_by_the_pagers_bound_total(spider):
    (api,) = [r for r in _vue_column(spider) if r.url == VUE_API]
    assert [r.url for r in _vue_answer(spider, api) if r.meta["role"] == "list"] == [
        HOST + f"/slj/api/xxgk/list?pageNo={n}&catId=nb" for n in (2, 3)]


def test_a_later_pages_answer_asks_no_pages_again(spider):
    (api,) = [r for r in _vue_column(spider) if r.url == VUE_API]
    (second, _) = [r for r in _vue_answer(spider, api) if r.meta["role"] == "list"]
    assert [r.url for r in _vue_answer(spider, second) if r.meta["role"] == "list"] == []


def test_a_page_size_bound_to_arithmetic_of_literals_is_its_value():
    assert bound_page_count(_pager('<el-pagination :total="28" :page-size="5 * 2"></el-pagination>')) == 3
    assert bound_page_count(_pager('<el-pagination :total="28" :page-size="(10 + 5) / 2"></el-pagination>')) is None
    assert bound_page_count(_pager(f'<el-pagination :total="28" :page-size="{"1+" * MAX_EXPRESSION_CHARS}1">'
                                   '</el-pagination>')) is None


TWO_APIS = HOST + "/mzj/xxgk/nb.html"


def test_of_two_apis_asked_by_page_the_pager_pages_the_one_asked_by_its_bound_page(spider):
    # the side's notices (page: 1) and the reports (query.pageNum, the pager's :current-page.sync)
    asked = {r.url.split("?")[0]: r for r in _requests(spider.parse_page(file_response(
        "column_vue_two_paged_apis.html", TWO_APIS, PAGE_META)))}
    reports, notices = asked[HOST + "/mzj/api/xxgk/list"], asked[HOST + "/mzj/api/notice/list"]
    assert [r.url for r in _vue_answer(spider, reports) if r.meta["role"] == "list"] == [
        HOST + f"/mzj/api/xxgk/list?pageNum={n}&catId=nb" for n in (2, 3)]
    assert [r.url for r in _vue_answer(spider, notices) if r.meta["role"] == "list"] == []


# -- a pager's bare data-total, drawn by the site's page.js ---------------------------------------------------

LIST = HOST + "/xxgk/ndbg/index.html"
PAGE_SCRIPT = HOST + "/js/page.js"


def test_a_pagers_count_no_inline_script_reads_has_the_page_read_with_its_script_files():
    root = lxml.html.fromstring((FILES / "list_pager_data_total.html").read_bytes())
    assert wants_site_scripts(root)


def test_the_pages_a_script_files_loop_draws_from_a_pagers_data_total():
    root = lxml.html.fromstring((FILES / "list_pager_data_total.html").read_bytes())
    html = (FILES / "list_pager_data_total.html").read_text(encoding="utf-8")
    code = (FILES / "site_script_page_total.js").read_text(encoding="utf-8")
    assert create_page_urls(html, LIST, [code], page_fields(root)) == [
        HOST + f"/xxgk/ndbg/index_{n}.html" for n in range(1, 9)]


def test_a_data_total_the_script_divides_is_no_page_count():
    root = lxml.html.fromstring((FILES / "list_pager_data_total.html").read_bytes())
    html = (FILES / "list_pager_data_total.html").read_text(encoding="utf-8")
    code = (FILES / "site_script_page_total.js").read_text(encoding="utf-8").replace(
        'parseInt($("#page").attr("data-total"))', 'Math.ceil($("#page").attr("data-total") / 15)')
    assert create_page_urls(html, LIST, [code], page_fields(root)) == []


def test_the_list_asks_the_pages_its_page_js_draws(spider):
    (asked,) = _requests(spider.parse_page(file_response("list_pager_data_total.html", LIST,
                                                         {"role": "page", "hops": 1, "link_text": "政府信息公开年报"})))
    assert asked.url == PAGE_SCRIPT
    script = TextResponse(PAGE_SCRIPT, body=(FILES / "site_script_page_total.js").read_bytes(), encoding="utf-8",
                          request=asked)
    pages = [r.url for r in _requests(spider.parse_site_script(script)) if r.meta["role"] == "list"]
    assert pages == [HOST + f"/xxgk/ndbg/index_{n}.html" for n in range(1, 9)]


def test_a_data_attribute_is_read_as_each_way_a_script_reads_it():
    fields = {"page@data-total": "9", "page@data-total-page": "4"}
    for read in ('$("#page").data("total")', "document.getElementById('page').getAttribute('data-total')",
                 "document.getElementById('page').dataset.total", "parseInt($('#page').attr('data-total'), 10)"):
        assert assigned_number("n", f"var n = {read};", fields) == 9, read
    assert assigned_number("n", "var n = document.getElementById('page').dataset.totalPage;", fields) == 4
    assert assigned_number("n", "var n = document.getElementById('page').dataset.total / 15;", fields) is None


def test_a_page_holds_the_data_attributes_of_at_most_its_bound_of_elements():
    html = "".join(f'<i id="e{n}" data-n="{n}"></i>' for n in range(MAX_PAGE_LINKS + 10))
    fields = page_fields(lxml.html.fromstring(f"<html><body>{html}</body></html>"))
    assert len(fields) == MAX_PAGE_LINKS and fields["e0@data-n"] == "0"


def test_the_fragment_a_column_loads_is_called_what_the_column_is_called(spider):
    # its own answer names no column (no title, one report): the column's name makes it a list, paged by its 共N页
    column = HOST + "/mzj/nb.html"
    requests = _requests(spider.parse_page(file_response("column_table_fragment_load.html", column,
                                                         {"role": "page", "hops": 2, "link_text": "政府信息公开年报"})))
    assert [r.meta["link_text"] for r in requests if r.url == FRAGMENT] == ["政府信息公开年报"]


# -- a count-only pager drawn by a script the crawler cannot read: the site's habit from a sibling list page ----

DRAWN = HOST + "/xxgk/ndbg/index.html"


def _drawn_pages(spider) -> list[str]:
    spider._site_scripts[HOST + "/js/pagebar.min.js"] = (FILES / "site_script_minified_pager.js").read_text(encoding="utf-8")
    page = file_response("list_pager_drawn_count.html", DRAWN, {**PAGE_META, "scripts_read": True})
    return [r.url for r in _requests(spider.parse_page(page)) if r.url.startswith(HOST + "/xxgk/ndbg/index")]


def test_a_count_only_pager_names_its_pages_as_a_sibling_list_page_already_read_does(spider):
    # /xxgk/tzgg/index.html's pager, written by the server: index_1.html, index_2.html
    _requests(spider.parse_page(file_response("list_pager_written.html", HOST + "/xxgk/tzgg/index.html", PAGE_META)))
    assert _drawn_pages(spider) == [HOST + "/xxgk/ndbg/index_1.html", HOST + "/xxgk/ndbg/index_2.html"]


def test_a_count_only_pager_without_a_sibling_habit_gives_no_pages(spider):
    assert _drawn_pages(spider) == []


def test_a_habits_pages_are_believed_no_further_than_their_bound():
    habit = learned_habit(HOST + "/a/list.html", [HOST + "/a/list_2.html", HOST + "/a/list_3.html"])
    assert habit_pages(HOST + "/b/list.html", 3, habit) == [HOST + "/b/list_2.html", HOST + "/b/list_3.html"]
    assert habit_pages(HOST + "/b/", 2, habit) == [HOST + "/b/list_2.html"]
    assert habit_pages(HOST + "/b/list.html", MAX_HABIT_PAGES + 1, habit) == []
