"""The pages a pager function of a site's script file draws, its arguments' roles read from its body
(crawler/steering/pagerfunctions.py through pagers.create_page_urls), from the frozen tests/files/site_script_pager_functions.js."""

from __future__ import annotations

import time

import lxml.html

from crawler.pages.links import page_fields
from crawler.steering.pagerfunctions import MAX_CLAMPS, MAX_LOOPS, MAX_PAGER_BODY_CHARS, MAX_PAGES
from crawler.steering.pagers import create_page_urls
from tests.crawler.helpers import FILES

PAGE = "http://www.zhoukou.gov.cn/xxgk/ndbg/list_3.html"
CODE = (FILES / "site_script_pager_functions.js").read_text()


def pages(call: str, page: str = PAGE) -> list[str]:
    return create_page_urls(f'<div id="pager"></div><script>{call}</script>', page, [CODE])


def test_a_pager_function_counting_first_its_pages_and_then_the_current_one_draws_them():
    html = (FILES / "list_site_script_pager_call.html").read_text()
    assert create_page_urls(html, PAGE, [CODE]) == [
        f"http://www.zhoukou.gov.cn/xxgk/ndbg/list_{k}.html" for k in (1, 2, 4)]


def test_a_pager_function_taking_the_prefix_and_extension_after_the_numbers_draws_its_pages():
    assert pages("pageNav(3, 0, 'index_', '.shtml');", "http://www.zhoukou.gov.cn/xxgk/index_0.shtml") == [
        "http://www.zhoukou.gov.cn/xxgk/index_1.shtml", "http://www.zhoukou.gov.cn/xxgk/index_2.shtml"]


def test_a_pager_function_taking_the_current_page_first_and_counting_in_its_text_draws_its_pages():
    assert pages("showPages(1, 3);") == ["http://www.zhoukou.gov.cn/xxgk/ndbg/list.jsp?pageNo=2",
                                         "http://www.zhoukou.gov.cn/xxgk/ndbg/list.jsp?pageNo=3"]


FORMS = (FILES / "site_script_pager_forms.js").read_text()
INDEX = "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html"


def test_a_pager_loop_bounded_by_the_count_shifted_draws_the_counts_pages():
    # i < total + 1, k <= count - 1
    assert create_page_urls("<script>pageBar(3, 1, 'list_');</script>", INDEX, [FORMS]) == [
        f"http://www.zhoukou.gov.cn/xxgk/ndbg/list_{k}.html" for k in (2, 3)]
    assert create_page_urls("<script>pageList(3, 0);</script>", INDEX, [FORMS]) == [
        f"http://www.zhoukou.gov.cn/xxgk/ndbg/index_{k}.shtml" for k in (1, 2)]


def test_a_pager_writing_its_address_from_a_variable_the_function_assigns_draws_its_pages():
    # var base = 'list_'; var url = base + i + '.html'; … href="' + url + '"
    assert create_page_urls("<script>drawPages(3, 2);</script>", INDEX, [FORMS]) == [
        f"http://www.zhoukou.gov.cn/xxgk/ndbg/list_{k}.html" for k in (1, 3)]


def test_the_numbers_a_page_declares_are_its_calls_arguments():
    assert pages("var total = 2, cur = 1; setPage(total, cur, 'list_');") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/list_2.html"]


def test_a_loop_writing_no_pages_address_draws_no_pages():
    assert pages("yearOptions(2019, 2024, 2023);") == []
    assert pages("tabBar(5, 1);") == []


def test_a_call_of_more_pages_than_the_bound_draws_the_bound():
    assert len(pages("setPage(100000, 1, 'list_');", "http://www.zhoukou.gov.cn/xxgk/ndbg/list_1.html")) == MAX_PAGES - 1


def test_a_function_no_script_defines_draws_no_pages():
    assert create_page_urls("<script>setPage(4, 3, 'list_');</script>", PAGE) == []


def test_a_pager_whose_loop_lies_past_the_body_read_draws_no_pages():
    code = CODE.replace("  var html = '<span>", "  /*" + " " * MAX_PAGER_BODY_CHARS + "*/ var html = '<span>")
    assert create_page_urls("<script>setPage(4, 3, 'list_');</script>", PAGE, [code]) == []


def test_a_pager_function_writing_its_addresses_from_the_pages_origin_names_its_first_page_in_the_loop():
    code = (FILES / "site_script_pager_location.js").read_text()
    assert create_page_urls("<script>drawPager(3, 1);</script>", "http://www.zhoukou.gov.cn/xxgk/ndbg/index_1.html",
                            [code]) == ["http://www.zhoukou.gov.cn/xxgk/ndbg/index.html",
                                        "http://www.zhoukou.gov.cn/xxgk/ndbg/index_2.html"]


def test_an_inline_loop_drawing_the_pager_from_the_count_the_page_assigns_is_its_pages():
    html = (FILES / "list_inline_pager_loop.html").read_text()
    assert create_page_urls(html, "http://www.zhoukou.gov.cn/xxgk/ndbg/index.html") == [
        f"http://www.zhoukou.gov.cn/xxgk/ndbg/index_{k}.html" for k in (1, 2, 3)]


def test_an_inline_loop_counting_the_pages_a_hidden_field_holds_is_its_pages():
    html = (FILES / "list_inline_pager_fields.html").read_text()
    fields = page_fields(lxml.html.fromstring(html))
    assert create_page_urls(html, "http://www.zhoukou.gov.cn/xxgk/ndbg/list_1.html", (), fields) == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/list_2.html", "http://www.zhoukou.gov.cn/xxgk/ndbg/list_3.html"]


def test_an_inline_loop_writing_the_pages_folder_from_its_location_is_its_pages():
    html = (FILES / "list_inline_pager_location.html").read_text()
    assert create_page_urls(html, "http://www.zhoukou.gov.cn/xxgk/ndbg/list.shtml") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/list_2.shtml", "http://www.zhoukou.gov.cn/xxgk/ndbg/list_3.shtml"]


def test_an_inline_loop_writing_its_address_from_the_scripts_variables_past_a_shifted_bound_is_its_pages():
    html = (FILES / "list_inline_pager_prefix.html").read_text()
    assert create_page_urls(html, "http://www.zhoukou.gov.cn/xxgk/ndbg/list_1.shtml") == [
        "http://www.zhoukou.gov.cn/xxgk/ndbg/list_2.shtml", "http://www.zhoukou.gov.cn/xxgk/ndbg/list_3.shtml"]


def test_an_inline_loop_writing_its_pages_shifted_in_a_ternary_with_the_first_pages_link_is_its_pages():
    # i == cur ? '<span>' : i == 1 ? '<a href="index.html">1</a>' : '<a href="index_' + (i - 1) + '.html">': TRS's
    # numbering, page n at index_(n-1); read unshifted, page 2 (index_1) was missed and a page 5 (index_4) made up
    html = (FILES / "list_inline_pager_shifted.html").read_text()
    folder = "http://czj.a.gov.cn/xxgk/ndbg/"
    assert create_page_urls(html, folder + "index.html") == [folder + f"index_{k}.html" for k in (1, 2, 3)]
    assert create_page_urls(html.replace("currentPage = 1", "currentPage = 3"), folder + "index_2.html") == [
        folder + "index.html", folder + "index_1.html", folder + "index_3.html"]


def test_a_loop_writing_its_variable_shifted_two_ways_in_one_address_draws_no_pages():
    assert create_page_urls("<script>var n = 3, cur = 1; for (var i = 1; i <= n; i++) { s += i == cur ? '' : "
                            "'<a href=\"list_' + (i - 1) + '_' + i + '.html\">'; }</script>", PAGE) == []


def test_an_inline_loop_of_no_assigned_count_or_of_no_pages_address_draws_no_pages():
    assert create_page_urls("<script>for (var i = 0; i < items.length; i++) { s += '<a href=\"detail_' + i"
                            " + '.html\">'; }</script>", PAGE) == []
    assert create_page_urls("<script>var n = 5; for (var i = 1; i <= n; i++) { $('#tab_' + i).hide(); }"
                            "</script>", PAGE) == []


def test_a_script_of_loops_past_the_bound_reads_only_the_bound_and_costs_little():
    loops = "for (var i = 1; i <= n; i++) { x += i; }\n" * (MAX_LOOPS + 1)
    pager = "var n = 3; for (var k = 1; k <= n; k++) { s += '<a href=\"list_' + k + '.html\">'; }"
    assert create_page_urls(f"<script>{loops}{pager}</script>", PAGE) == []
    hostile = "<script>" + "location.pathname.replace(/" + "a" * 1_000_000 + "for (i = 1; i <= n" * 1000 + "</script>"
    started = time.monotonic()
    assert create_page_urls(hostile, PAGE) == []
    assert time.monotonic() - started < 1


def test_a_script_of_pager_looking_functions_holding_long_names_is_read_in_linear_time():
    """Each body a loop, its current page and a name of MAX_PAGER_BODY_CHARS with no + after it: the concatenation
    tried from each of the name's characters took 0.29 s a function (a 1 MB script of 200: 58 s a list page)."""
    hostile = "".join(f"function f{k}(n, c) {{ for (var i = 1; i <= n; i++) {{ if (i == c) {{}} "
                      f"{'a' * MAX_PAGER_BODY_CHARS} }} }}\n" for k in range(40))
    started = time.process_time()
    drawn = create_page_urls("<script>setPage(4, 3, 'list_');</script>", PAGE, [hostile + CODE])
    assert time.process_time() - started < 2.0   # 11.6 s without the bound
    assert drawn == [f"http://www.zhoukou.gov.cn/xxgk/ndbg/list_{k}.html" for k in (1, 2, 4)]


KM = "http://czj.km.gov.cn/zfxxgk/zfxxgknb/"


def test_a_jump_script_clamping_the_page_asked_to_the_last_is_its_pages():
    # 昆明's departments: PageIndex = PageIndex > 3 ? 3 : PageIndex, then 'index_' + PageIndex + '.shtml'; page 1's
    # own address (index.shtml beside the folder entered) is no other page
    html = (FILES / "list_jump_clamp.html").read_text()
    assert create_page_urls(html, KM) == [f"{KM}index_2.shtml", f"{KM}index_3.shtml"]
    assert create_page_urls(html, f"{KM}index_2.shtml") == [f"{KM}index.shtml", f"{KM}index_3.shtml"]


def test_a_jump_script_clamping_its_fields_value_goes_to_the_name_it_gives_the_value():
    # if (ele.value > 4) { ele.value = 4; } var PageIndex = ele.value; … 'index_' + PageIndex + '.shtml'
    html = (FILES / "list_jump_compare.html").read_text()
    assert create_page_urls(html, KM) == [f"{KM}index_{k}.shtml" for k in (2, 3, 4)]


GK = "http://www.example.gov.cn/zwgk/public/column/6617301?type=4&catId=6719410&action=list&nav=3"


def test_a_jump_script_going_to_a_query_after_the_pages_own_path_is_its_pages():
    # 湖北's and 湖南's /zwgk/public/column/ lists: if (pageNumber > 2) { pageNumber = 2; }, then
    # window.location.href = window.location.pathname + '?type=4&catId=…&pageIndex=' + pageNumber
    html = (FILES / "list_jump_clamp_own_path.html").read_text()
    assert create_page_urls(html, GK) == [f"{GK}&pageIndex=2"]
    assert create_page_urls(html, f"{GK}&pageIndex=2") == [f"{GK}&pageIndex=1"]


def test_a_comparison_that_gives_nothing_back_is_no_clamp():
    for check in ("if (n > 3) { alert('超出范围'); }", "n = n > 3 ? 1 : n;", "if (n > 3) { m = 3; }"):
        script = f"<script>function go(n) {{ {check} location.href = 'index_' + n + '.shtml'; }}</script>"
        assert create_page_urls(script, KM) == []


def test_a_clamp_claiming_more_pages_than_believed_and_clamps_past_the_bound_are_bounded():
    script = "<script>function go(n) { n = Math.min(n, 9999); location.href = 'index_' + n + '.shtml'; }</script>"
    # pages 1 … MAX_PAGES drawn, page 1 (index_1.shtml) another address of the folder entered
    assert create_page_urls(script, KM) == [f"{KM}index_{k}.shtml" for k in range(2, MAX_PAGES + 1)]
    idle = "x = x > 5 ? 5 : x;\n" * MAX_CLAMPS
    script = f"<script>{idle}function go(n) {{ n = n > 3 ? 3 : n; location.href = 'index_' + n + '.shtml'; }}</script>"
    assert create_page_urls(script, KM) == []
    hostile = "<script>" + "a.b > 3 ? 3 : a.b;" * 20_000 + "</script>"
    started = time.monotonic()
    assert create_page_urls(hostile, KM) == []
    assert time.monotonic() - started < 1


STEPS = (FILES / "site_script_pager_steps.js").read_text()
CHANNEL = "http://www.tongjiang.gov.cn/channels/2025.html"


def test_a_pager_function_drawing_only_its_next_page_from_the_current_one_plus_one_draws_the_counts_pages():
    html = "<div id=\"pager\"></div><script>showPage(3, 1, '2025');</script>"
    assert create_page_urls(html, CHANNEL, [STEPS]) == [
        "http://www.tongjiang.gov.cn/channels/2025_2.html", "http://www.tongjiang.gov.cn/channels/2025_3.html"]
    assert create_page_urls(html.replace("3, 1", "3, 3"), "http://www.tongjiang.gov.cn/channels/2025_3.html",
                            [STEPS]) == ["http://www.tongjiang.gov.cn/channels/2025_2.html"]


def test_a_next_page_function_naming_no_count_draws_no_pages():
    assert create_page_urls("<div id=\"pager\"></div><script>nextOnly(1, '2025');</script>", CHANNEL, [STEPS]) == []


def test_next_page_functions_holding_long_names_and_many_comparisons_are_read_in_bounded_time():
    """Each body of ``MAX_PAGER_BODY_CHARS`` a step and a bound's comparison among a long name's characters: read as
    any pager function's body, to its bound, whatever the script holds past it."""
    hostile = "".join(f"function g{k}(total, cur, id) {{ if (cur < total) {{ s = '/c/' + id + (cur + 1) "
                      f"{'cur < b' * (MAX_PAGER_BODY_CHARS // 7)} }} }}\n" for k in range(40))
    started = time.process_time()
    drawn = create_page_urls("<div id=\"pager\"></div><script>showPage(3, 1, '2025');</script>", CHANNEL,
                             [hostile + STEPS])
    assert time.process_time() - started < 2.0
    assert drawn == ["http://www.tongjiang.gov.cn/channels/2025_2.html", "http://www.tongjiang.gov.cn/channels/2025_3.html"]


def test_a_page_count_passed_as_the_ceiling_of_a_record_count_over_a_page_size_draws_its_pages():
    # a 集约化 platform's list: var totalCount = 11, pageSize = 4; pageNav(Math.ceil(totalCount / pageSize), 0, …)
    assert pages("var totalCount = 11;\nvar pageSize = 4;\n"
                 "pageNav(Math.ceil(totalCount / pageSize), 0, 'index_', '.shtml');",
                 "http://www.zhoukou.gov.cn/xxgk/index_0.shtml") == [
        "http://www.zhoukou.gov.cn/xxgk/index_1.shtml", "http://www.zhoukou.gov.cn/xxgk/index_2.shtml"]
    assert pages("pageNav(Math.ceil(totalCount / pageSize), 0, 'index_', '.shtml');",
                 "http://www.zhoukou.gov.cn/xxgk/index_0.shtml") == []   # the numbers unknown: no page guessed
