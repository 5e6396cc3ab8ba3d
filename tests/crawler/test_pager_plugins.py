"""Pagers a script plugin draws from its settings, and jump boxes (crawler/steering/pagerplugins.py), on frozen
pages."""

from __future__ import annotations

import time

import lxml.html
import pytest

from crawler.steering.pagerplugins import plugin_pager_urls
from tests.crawler.helpers import FILES, file_response, list_meta

BASE = "http://www.zhoukou.gov.cn/zwgk/ndbg/"


def _urls(name: str, url: str) -> list[str]:
    return plugin_pager_urls(lxml.html.fromstring((FILES / name).read_bytes()), url)


def test_a_kkpagers_pages_follow_its_default_links():
    assert _urls("list_kkpager.html", BASE + "index.html") == [BASE + f"index_{n}.html" for n in (2, 3, 4)]


def test_a_laypages_pages_are_its_record_count_over_its_size_sent_where_its_jump_sends_them():
    assert _urls("list_laypage.html", BASE + "list_1.html") == [BASE + "list_2.html", BASE + "list_3.html"]


def test_an_easyui_paginations_total_is_records_over_its_page_size():
    # total: 32, pageSize: 15 -> 3 pages; without its size, EasyUI's default 10 -> 4
    assert _urls("list_easyui_pagination.html", BASE + "list_1.html") == [BASE + "list_2.html", BASE + "list_3.html"]
    html = (FILES / "list_easyui_pagination.html").read_text().replace("pageSize: 15,", "")
    assert plugin_pager_urls(lxml.html.fromstring(html), BASE + "list_1.html") == [
        BASE + f"list_{n}.html" for n in (2, 3, 4)]


def test_a_laypage_1x_counts_its_pages_and_layui_2x_its_records_only():
    assert _urls("list_laypage_v1.html", BASE + "index.html") == [BASE + "index_2.html", BASE + "index_3.html"]
    layui2 = (FILES / "list_laypage.html").read_text().replace("count: 23,", "pages: 9,")   # no layui 2.x option
    assert plugin_pager_urls(lxml.html.fromstring(layui2), BASE + "list_1.html") == []


def test_a_plugin_of_no_known_options_is_read_by_keys_naming_what_they_count_never_by_a_guessed_size():
    html = (FILES / "list_easyui_pagination.html").read_text()
    unknown = html.replace("pagination({\n    total: 32,\n    pageSize: 15,", "paging({\n    count: 32,")
    assert plugin_pager_urls(lxml.html.fromstring(unknown), BASE + "list_1.html") == []   # was 4 pages of a size 10
    named = html.replace("pagination({\n    total: 32,", "paging({\n    totalRecords: 32,")
    assert plugin_pager_urls(lxml.html.fromstring(named), BASE + "list_1.html") == [
        BASE + "list_2.html", BASE + "list_3.html"]


def test_a_jump_box_reaches_each_page_up_to_the_total_written():
    assert _urls("list_jump_box.html", BASE + "list_1.html") == [BASE + "list_2.html", BASE + "list_3.html"]


def test_a_jump_box_passed_to_the_pages_function_reaches_each_page_that_function_writes_up_to_the_total():
    # go(document.getElementById('jump').value), go(n) writing 'index_' + (n - 1) + '.html', 共4页: the box's value
    # (1, the current page) says nothing; the function and the count say pages 2-4
    column = "http://swj.zhoukou.gov.cn/swj/ndbg/"
    assert _urls("list_jump_box_function.html", column + "index.html") == [
        column + f"index_{k}.html" for k in (1, 2, 3)]
    html = (FILES / "list_jump_box_function.html").read_text()
    silent = html.replace("if (n == 1) { location.href = 'index.html'; } else { location.href = 'index_' + (n - 1)"
                          " + '.html'; }", "alert(n);")
    assert plugin_pager_urls(lxml.html.fromstring(silent), column + "index.html") == []


def test_a_jump_boxs_value_passed_to_a_flood_of_functions_costs_little():
    # each function named is looked for in the page's scripts: at most MAX_LOADERS of them
    calls = "".join(f"f{k}(p);" for k in range(20_000))
    html = f"<div>共3页</div><script>var p = $('#jump').val(); {calls} {'x' * 1_000_000}</script>"
    started = time.monotonic()
    assert plugin_pager_urls(lxml.html.fromstring(html), BASE + "index.html") == []
    assert time.monotonic() - started < 2


def test_a_page_number_forms_pages_are_its_action_with_its_fields_and_each_page():
    # 大汉's 信息公开 module: hidden fields, <input name="currpage"> and 跳转; the search form above it is no pager
    search = "http://www.example.gov.cn/module/xxgk/search.jsp"
    fields = "infotypeId=A0112&area=11330000002482870P"
    assert _urls("list_form_page_box.html", f"{search}?{fields}") == [
        f"{search}?{fields}&currpage=2", f"{search}?{fields}&currpage=3"]


def test_a_page_number_form_without_an_action_asks_the_page_itself_without_its_query():
    # PageAdmin: <form method="get"> with <input name="page"> and GO on page 2 of 3 (written 2/3页)
    column = "http://jyj.example.gov.cn/xxgk/ndbg/"
    assert _urls("list_form_page_box_no_action.html", column + "?page=2") == [column + "?page=3"]


def test_a_form_with_a_second_field_to_type_in_is_a_search_not_a_pager():
    assert _urls("list_search_form_two_fields.html", "http://www.example.gov.cn/search.jsp") == []


@pytest.mark.parametrize("page", [
    # kkpager in click mode: its pages are a function's
    "<script>kkpager.generPageHtml({pno: 1, total: 5, mode: 'click', hrefFormer: 'index', click: function (n) {"
    " load(n); }});</script>",
    # a plugin whose callback loads by ajax, sending the browser nowhere
    "<script>$('#p').jqPaginator({totalPages: 5, onPageChange: function (num) { loadList(num); }});</script>",
    # 共5页 beside a detail link built from an id, not from what a box holds
    "<p>共5页</p><a onclick=\"location.href='/art/' + id + '.html'\">查看</a>",
])
def test_no_pages_without_both_a_count_and_an_address_built_from_the_page(page):
    assert plugin_pager_urls(lxml.html.fromstring(f"<html><body>{page}</body></html>"), BASE + "index.html") == []


def test_a_jqpaginator_sending_the_browser_on_gives_its_pages_but_the_current():
    page = ("<script>$('#p').jqPaginator({totalPages: 4, currentPage: 2, onPageChange: function (num, type) {"
            " if (type == 'change') { location.href = '?page=' + num; } }});</script>")
    assert plugin_pager_urls(lxml.html.fromstring(f"<html><body>{page}</body></html>"), BASE + "list.do?page=2") \
        == [BASE + "list.do?page=3", BASE + "list.do?page=4"]


def test_a_plugins_pages_loaded_by_a_function_it_calls_are_all_the_lists_the_first_too():
    assert _urls("column_jqpaginator_loader.html", BASE + "index.html") == [
        f"http://www.zhoukou.gov.cn/slj/xxgk/ndbg/list_{n}.html" for n in (1, 2, 3)]


def test_a_function_that_posts_loads_no_page():
    page = ("<script>function loadList(n) { $.post('/list_' + n + '.html', {}, function (h) { show(h); }); }\n"
            "$('#p').jqPaginator({totalPages: 3, onPageChange: function (num) { loadList(num); }});</script>")
    assert plugin_pager_urls(lxml.html.fromstring(f"<html><body>{page}</body></html>"), BASE + "index.html") == []


def test_the_spider_reads_a_column_whose_pages_a_plugin_loads_as_a_list(spider):
    response = file_response("column_jqpaginator_loader.html", BASE + "index.html", list_meta("column"))
    urls = {r.url for r in spider.parse_page(response) if r.meta.get("role") != "document"}
    assert {f"http://www.zhoukou.gov.cn/slj/xxgk/ndbg/list_{n}.html" for n in (1, 2, 3)} <= urls


def test_the_spider_asks_for_a_kkpager_lists_other_pages(spider):
    response = file_response("list_kkpager.html", BASE + "index.html", list_meta("column"))
    urls = {r.url for r in spider.parse_page(response) if r.meta.get("role") != "document"}
    assert {BASE + f"index_{n}.html" for n in (2, 3, 4)} <= urls


def test_a_pagers_buttons_calling_the_pages_loader_give_every_page_up_to_its_count_variable():
    assert _urls("list_button_loader.html", BASE + "index.html") == [BASE + f"list_{n}.html" for n in (1, 2, 3, 4)]


def test_numbered_buttons_calling_the_pages_loader_give_every_page_up_to_the_total_written():
    page = lxml.html.fromstring(
        '<html><body><ul id="list"></ul><div class="page">共3页 <a href="javascript:getList(1)">1</a> '
        '<a href="javascript:getList(2)">2</a> <a href="javascript:getList(3)">3</a></div><script>'
        'function getList(n) { $.ajax({url: "list.jsp?cid=12&page=" + n, success: function (h) { $("#list").html(h); }}); }'
        '</script></body></html>')
    assert plugin_pager_urls(page, BASE + "index.html") == [BASE + f"list.jsp?cid=12&page={n}" for n in (1, 2, 3)]


def test_a_kkpagers_own_get_link_gives_the_addresses_it_returns():
    page = lxml.html.fromstring(
        '<html><body><div id="kkpager"></div><script>kkpager.generPageHtml({pno: 1, total: 3, totalRecords: 25,'
        " getLink: function (n) { if (n == 1) { return '/zwgk/ndbg/index.shtml'; }"
        " return '/zwgk/ndbg/list_' + n + '.shtml'; }, click: function (m) { return '/other_' + m; } });"
        '</script></body></html>')
    assert plugin_pager_urls(page, BASE + "index.shtml") == [BASE + "list_2.shtml", BASE + "list_3.shtml"]


def test_a_drop_down_of_page_numbers_gives_the_pages_its_function_sends_the_browser_to():
    # TRS numbers a list's pages from 0: page 2 is index_1.shtml, the function writes it n - 1
    assert _urls("list_select_page_numbers.shtml", BASE + "list/index.shtml") == [
        BASE + "list/index_1.shtml", BASE + "list/index_2.shtml"]


def test_a_drop_down_of_page_numbers_whose_handler_writes_the_address_gives_its_pages():
    # a JSP catalogue: the handler itself sends the browser, the column written before the page number
    assert _urls("catalogue_select_writes_address.html", BASE + "ml.do?catId=12") == [
        BASE + "ml.do?catId=12&pageNo=2", BASE + "ml.do?catId=12&pageNo=3"]


def test_a_catalogues_drop_down_pages_are_asked_as_its_list(spider):
    out = spider.parse_page(file_response("catalogue_select_writes_address.html", BASE + "ml.do?catId=12", list_meta()))
    assert sorted(r.url for r in out if r.meta["role"] != "document") == [
        BASE + "ml.do?catId=12&pageNo=2", BASE + "ml.do?catId=12&pageNo=3"]


def test_a_drop_downs_page_numbers_are_no_addresses(spider):
    out = spider.parse_page(file_response("list_select_page_numbers.shtml", BASE + "list/index.shtml", list_meta()))
    assert sorted(r.url for r in out if r.meta["role"] != "document") == [
        BASE + "list/index_1.shtml", BASE + "list/index_2.shtml"]


def test_a_laypage_counting_a_variable_its_script_assigns_and_naming_its_first_page_in_a_ternary_is_read():
    # a county's framed 年报 list: var totalCount = 23; count: totalCount; jump sends page 1 to list.html
    page = (FILES / "list_laypage.html").read_text().replace("count: 23,", "count: totalCount,").replace(
        "layui.use(", "var totalCount = 23;\nlayui.use(").replace(
        "window.location.href = 'list_' + obj.curr", "location.href = obj.curr == 1 ? 'list.html' : 'list_' + obj.curr")
    assert "totalCount" in page and "? 'list.html'" in page
    assert plugin_pager_urls(lxml.html.fromstring(page), BASE + "list.html") == [BASE + "list_2.html",
                                                                                 BASE + "list_3.html"]


def test_a_jqpaginator_sending_page_n_to_index_n_less_one_gives_the_trs_pages():
    # TRS numbers a list's pages from index.html: page n is index_(n-1).html
    page = ("<script>var totalPage = 3; $('#p').jqPaginator({totalPages: totalPage, currentPage: 1,"
            " onPageChange: function (num, type) { if (type == 'change') { if (num == 1) {"
            " window.location.href = 'index.html'; } else { window.location.href = 'index_' + (num - 1) + '.html'; }"
            " } }});</script>")
    assert plugin_pager_urls(lxml.html.fromstring(f"<html><body>{page}</body></html>"), BASE + "index.html") \
        == [BASE + "index_1.html", BASE + "index_2.html"]


@pytest.mark.parametrize("count", ["pageCount: pageCount", "totalData: 7, showData: 3"])
def test_a_jquery_paginations_page_count_or_data_over_its_shown_gives_its_pages(count):
    # jquery.pagination's M-box: pageCount, or totalData of showData; its callback sends the browser on
    page = ("<div class='M-box'></div><script>var pageCount = 3; $('.M-box').pagination({" + count + ", current: 1,"
            " callback: function (api) { var n = api.getCurrent(); window.location.href = n == 1 ? 'index.html' :"
            " 'list_' + n + '.html'; }});</script>")
    assert plugin_pager_urls(lxml.html.fromstring(f"<html><body>{page}</body></html>"), BASE + "index.html") \
        == [BASE + "list_2.html", BASE + "list_3.html"]
